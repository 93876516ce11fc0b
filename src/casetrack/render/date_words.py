"""How dates read in every output: how sure a date is and how it was worked out, a date packed
into a narrow column, the span a selection covers, what a calendar leaves out, and the day a
view shows. Part of the wording layer (`wording` words the records); a date's own words (`13 Feb
2025`, `between 31 Dec 2024 and 30 Jan 2025`) are `DateSpan.parts` in `dates`. Plain text in,
plain text out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from casetrack.dates import SINGLE, DateSpan

if TYPE_CHECKING:
    from casetrack.entries import Entry
    from casetrack.knowledge import AsOf


def date_marks(entry: Entry) -> list[str]:
    """What a reader must know about how sure the date is: approximate, uncertain, both or none."""
    marks = []
    if entry.date.approximate:
        marks.append("approximate date")
    if entry.date.uncertain:
        marks.append("uncertain date")
    return marks


def view_words(asof: AsOf) -> str:
    """The day a view shows and what it knows: 'as of 14 Feb 2025' (as it stood then), 'happened
    by 14 Feb 2025, as known today', 'happened by 14 Feb 2025, as known on 1 Mar 2025'."""
    day = DateSpan.of(asof.day).display()
    if not asof.retrospective:
        return f"as of {day}"
    known = "today" if asof.known is None else f"on {DateSpan.of(asof.known).display()}"
    return f"happened by {day}, as known {known}"


def freshness(asof: AsOf | None, latest: DateSpan | None) -> list[str]:
    """['as of 25 Nov 2026', 'latest source: 9 Dec 2025; later developments are not in the
    data']: said under every view of the record (the terminal's footer, the web page, the
    calendar, TimelineJS), so nobody mistakes old data for current. `latest`: the newest source
    the view knows."""
    if asof is None:
        return []
    parts = [view_words(asof)]
    if latest is not None and asof.day > latest.latest():
        parts.append(f"latest source: {latest.display()}; later developments are not in the data")
    return parts


def date_cell(date: DateSpan, width: int) -> str:
    """A date for a narrow column (the terminal timeline's): its words packed into lines of at
    most `width`, none broken inside ('between' / '31 Dec 2024 and' / '30 Jan 2025')."""
    lines: list[str] = []
    for piece in date.words():
        if lines and len(lines[-1]) + 1 + len(piece) <= width:
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    return "\n".join(lines)


def date_note_line(note: str) -> str:
    """How an inferred date was worked out, under an entry (`timeline --notes`)."""
    return f"date: {note}"


def left_out_of_calendar(dates: Sequence[DateSpan]) -> str:
    """'2 entries dated only to a month or year', or with other reasons '5 entries without a day
    of their own (dated only to a month or year, to some day within a range, or to a span with
    an open end)': what a calendar leaves out, since it cannot show them without inventing a
    day."""
    reasons = []
    if any(d.shape == SINGLE or (d.is_interval and None not in (d.start, d.end)) for d in dates):
        reasons.append("only to a month or year")
    if any(d.between for d in dates):
        reasons.append("to some day within a range")
    if any(d.is_interval and None in (d.start, d.end) for d in dates):
        reasons.append("to a span with an open end")
    n = len(dates)
    entries = f"{n} entr{'y' if n == 1 else 'ies'}"
    if len(reasons) == 1:
        return f"{entries} dated {reasons[0]}"
    return (
        f"{entries} without a day of their own (dated {', '.join(reasons[:-1])}, or {reasons[-1]})"
    )


def date_line(entry: Entry) -> str:
    """The date as readers see it, saying when it is approximate or uncertain, and why."""
    text = entry.date.display()
    marks = date_marks(entry)
    if marks:
        text += f" ({', '.join(marks)})"
    if entry.date_note:
        text += f" — {entry.date_note}"
    return text


def span_of(entries: Sequence[Entry]) -> str | None:
    """'2023 to 18 May 2026': from the earliest bound of any entry's date to the latest."""
    starts = [e.date.start for e in entries if e.date.start is not None]
    ends = [p for e in entries for p in (e.date.end or e.date.start,) if p is not None]
    if not starts and not ends:
        return None
    first = min(starts or ends, key=lambda p: p.earliest()).display()
    last = max(ends or starts, key=lambda p: p.latest()).display()
    return first if first == last else f"{first} to {last}"
