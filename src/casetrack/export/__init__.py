"""Outputs that leave the terminal: an iCalendar file, TimelineJS JSON, a self-contained HTML page,
and the dataset's JSON Schema.

Each renderer is a pure function from selected entries to text; the `export` command loads,
selects, renders and writes (`casetrack.output.write`).
"""
