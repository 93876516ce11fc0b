"""Renderers: they build and return data (JSON-shaped dicts, rows, text) or rich renderables; only
the output path (`casetrack.output`) writes. `records` is the JSON contract, `flat` the CSV and
Markdown rows, `wording` every sentence about a record, `forms` what a command can write, and the
`*terminal` modules the rich layout."""
