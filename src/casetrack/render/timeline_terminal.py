"""The timeline in the terminal: entries grouped by year and month, each with its date, title,
who and what kind, and the marks a reader must not miss (allegation, schedule, a single outlet's
report, sources that differ); sources as numbered footnotes with --sources, how each inferred
date was worked out with --notes.

An entry is listed under the month where the one order places it (`DateSpan.sort_key`): one day
within a range under the month of its last possible day, its date column saying "between ...",
so that no heading claims more than is known and nothing is drawn as a span."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from casetrack.dataset import Dataset
from casetrack.entries import Entry
from casetrack.output import Look
from casetrack.render import date_words, source_words
from casetrack.render import wording as w
from casetrack.render.terminal import DATE_WIDTH, Columns, heading, text
from casetrack.render.wording import case_name

WIDE = 120  # from this width the timeline gives kind and case their own columns
KIND_WIDTH = 16  # the most the kind column takes ("motion for summary / judgment")
CASE_WIDTH = 24  # the most the case column takes; a longer name wraps at spaces
BODY_WIDTH = 40  # the least the title and its details keep beside kind and case
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
    notes: bool = False,
    start: dt.date | None = None,
) -> Iterator[RenderableType]:
    """The timeline grouped by year and month, yielded piece by piece so printing can start
    before the whole of a long timeline has been laid out. `notes`: how each inferred date was
    worked out, under the entry. `start`: the first day of the range asked for (--from); a span
    already under way then is listed under that month, its date saying when it began."""
    widths = _widths(dataset, entries, look.width)
    year: int | None = None
    group: list[Entry] = []
    month_key: tuple[int, int | None] | None = None
    for e in entries:
        placed = e.date.placed_at()
        key = (placed.year, placed.month)
        if start is not None and e.date.is_interval and e.date.earliest() < start:
            key = (start.year, start.month)
        if key != month_key:
            if group:
                yield from _month(dataset, group, widths, footnotes, as_of, notes)
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
        yield from _month(dataset, group, widths, footnotes, as_of, notes)


def _month_title(key: tuple[int, int | None]) -> str:
    year, month = key
    return f"{MONTHS[month - 1]} {year}" if month else f"{year}, month not known"


def _widths(dataset: Dataset, entries: Sequence[Entry], width: int) -> tuple[int | None, ...]:
    """The columns: date and body; from WIDE columns on, kind and case between them, each as
    wide as its longest value in view (a case name wraps past CASE_WIDTH), when that leaves the
    body BODY_WIDTH."""
    if width < WIDE:
        return (DATE_WIDTH, None)
    kinds = {w.kind_words(k) for k in {e.kind for e in entries}}
    names = {case_name(dataset, c) for c in {e.case for e in entries} if c is not None}
    kind = _fitted(kinds, KIND_WIDTH)
    case = _fitted(names, CASE_WIDTH)
    used = Columns.INDENT + DATE_WIDTH + kind + case + 3 * Columns.GAP
    return (DATE_WIDTH, kind, case, None) if width - used >= BODY_WIDTH else (DATE_WIDTH, None)


def _fitted(values: set[str], most: int) -> int:
    """A column as wide as its longest value, or `most` when that is less (values wrap at
    spaces), but never narrower than its longest word."""
    longest = max((len(v) for v in values), default=0)
    word = max((len(x) for v in values for x in v.split()), default=0)
    return max(min(longest, most), word)


def _month(
    dataset: Dataset,
    entries: list[Entry],
    widths: tuple[int | None, ...],
    footnotes: Footnotes | None,
    as_of: dt.date | None,
    notes: bool,
) -> Iterator[RenderableType]:
    wide = len(widths) > 2
    for start in range(0, len(entries), CHUNK):
        rows: list[tuple[Text, ...]] = []
        for e in entries[start : start + CHUNK]:
            date = text(date_words.date_cell(e.date, DATE_WIDTH))
            body = entry_body(dataset, e, wide, footnotes, as_of, notes)
            if wide:
                case = text(case_name(dataset, e.case) if e.case else "")
                rows.append((date, text(w.kind_words(e.kind), "cyan"), case, body))
            else:
                rows.append((date, body))
        yield Columns(rows, widths)


def entry_body(
    dataset: Dataset,
    e: Entry,
    wide: bool,
    footnotes: Footnotes | None,
    as_of: dt.date | None = None,
    notes: bool = False,
) -> Text:
    """Title, then who and what kind, then the marks a reader must not miss: allegation,
    schedule (as it stood on `as_of`), a single outlet's report, sources that differ; with
    `notes`, how the date was worked out."""
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
        body.append_text(text("\n" + w.differ(dataset, d), "cyan"))
    if notes and e.date_note:
        body.append_text(text("\n" + date_words.date_note_line(e.date_note), "dim"))
    return body
