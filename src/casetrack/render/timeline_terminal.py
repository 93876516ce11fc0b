"""The timeline in the terminal: entries grouped by year and month, each with its date, title,
who and what kind, and the marks a reader must not miss (allegation, schedule, a single outlet's
report, sources that differ); sources as numbered footnotes with --sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from casetrack.dataset import Dataset
from casetrack.entries import Entry
from casetrack.output import Look
from casetrack.render import source_words
from casetrack.render import wording as w
from casetrack.render.terminal import DATE_WIDTH, Columns, heading, text
from casetrack.render.wording import case_name

WIDE = 120  # from this width the timeline gives kind and case their own columns
CHUNK = 200  # timeline rows per rendered grid, so long output starts printing at once

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Footnotes:
    """Numbers sources in order of first citation, for `--sources`."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def mark(self, source_ids: Iterable[str]) -> str:
        nums = [self.numbers.setdefault(s, len(self.numbers) + 1) for s in source_ids]
        return "[" + ",".join(str(n) for n in nums) + "]" if nums else ""

    def render(self, dataset: Dataset, look: Look) -> RenderableType:
        lines = [heading("Sources", look)]
        for sid, n in self.numbers.items():
            s = dataset.sources.get(sid)
            lines.append(text(f"[{n}] {source_words.source_footnote(s) if s else sid}"))
        return Group(*lines)


def timeline(
    dataset: Dataset,
    entries: Sequence[Entry],
    look: Look,
    footnotes: Footnotes | None = None,
    as_of: dt.date | None = None,
) -> Iterator[RenderableType]:
    """The timeline grouped by year and month, yielded piece by piece so printing can start
    before the whole of a long timeline has been laid out."""
    wide = look.width >= WIDE
    year: int | None = None
    group: list[Entry] = []
    month_key: tuple[int, int | None] | None = None
    for e in entries:
        key = (e.date.start.year, e.date.start.month)
        if key != month_key:
            if group:
                yield from _month(dataset, group, look, wide, footnotes, as_of)
            group = []
            gap = 1
            if key[0] != year:
                gap = 0
                if year is not None:
                    yield text("")
                year = key[0]
                yield text(str(year), "bold reverse" if not look.plain else "")
            yield Padding(text(_month_title(key), "bold"), (gap, 0, 0, 1), expand=False)
            month_key = key
        group.append(e)
    if group:
        yield from _month(dataset, group, look, wide, footnotes, as_of)


def _month_title(key: tuple[int, int | None]) -> str:
    year, month = key
    return f"{MONTHS[month - 1]} {year}" if month else f"{year}, month not known"


def _month(
    dataset: Dataset,
    entries: list[Entry],
    look: Look,
    wide: bool,
    footnotes: Footnotes | None,
    as_of: dt.date | None,
) -> Iterator[RenderableType]:
    widths = (DATE_WIDTH, 26, 22, None) if wide else (DATE_WIDTH, None)
    for start in range(0, len(entries), CHUNK):
        rows: list[tuple[Text, ...]] = []
        for e in entries[start : start + CHUNK]:
            date = text(e.date.display())
            body = entry_body(dataset, e, wide, footnotes, as_of)
            if wide:
                case = text(case_name(dataset, e.case) if e.case else "")
                rows.append((date, text(e.kind, "cyan"), case, body))
            else:
                rows.append((date, body))
        yield Columns(rows, widths)


def entry_body(
    dataset: Dataset,
    e: Entry,
    wide: bool,
    footnotes: Footnotes | None,
    as_of: dt.date | None = None,
) -> Text:
    """Title, then who and what kind, then the marks a reader must not miss: allegation,
    schedule (as it stood on `as_of`), a single outlet's report, sources that differ."""
    body = text("")
    if e.scheduled is not None:
        body.append_text(text("scheduled: ", "green"))
    if e.record == "deadline":
        body.append_text(text(f"{w.COMPUTED}: ", "green"))
    body.append_text(text(e.title, "bold"))
    if footnotes is not None and e.sources:
        body.append_text(text(" " + footnotes.mark(e.sources), "dim"))
    meta = [] if wide else [e.kind, *([case_name(dataset, e.case)] if e.case else [])]
    docket = w.ecf_mark(dataset, e)
    if docket:
        meta.insert(0, docket)
    if e.parties:
        meta.append(w.names(dataset, e.parties, limit=4))
    if meta:
        body.append_text(text("\n" + " · ".join(meta), "dim"))
    alleged = w.allegation(dataset, e.alleged_by, e.disputed_by)
    if alleged:
        body.append_text(text("\n" + alleged.upper()[:7] + alleged[7:], "yellow"))
    schedule = w.schedule_note(dataset, e, as_of)
    if schedule:
        body.append_text(text("\n" + schedule, "green"))
    if e.record == "deadline" and e.summary:
        body.append_text(text("\n" + e.summary, "green"))  # the count and the rule
    if e.unconfirmed:
        body.append_text(text("\n" + w.unconfirmed(dataset, e.sources), "magenta"))
    for d in e.discrepancies:
        body.append_text(text("\n" + w.differ(d), "cyan"))
    return body
