"""The terminal's building blocks, with rich: text, headings, tables, a record's facts, the
footer, and the fixed-width columns long listings are laid out in. The views of each kind of
record are built from these (`timeline_terminal`, `records_terminal`, `deadlines_terminal`,
`changes_terminal`); only those modules and this one make rich renderables.

Every piece of data goes through `text()`: control characters stripped and wrapped in a
rich.text.Text, so a party named `[bold]X` prints literally. In a plain look (not a terminal, or
NO_COLOR) tables have no box drawing; styles are dropped by the console itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text

from casetrack.characters import clean
from casetrack.dates import DateSpan
from casetrack.output import Look
from casetrack.render.layout_terminal import Facts, Grid, render_line, side_by_side, wrap_words

if TYPE_CHECKING:
    from casetrack.knowledge import AsOf

DATE_WIDTH = 15  # "c. 13 Feb 2025?"


class Lines(Text):
    """A rich Text that renders line by line.

    rich renders a Text as one segment holding all its lines, then cuts that segment at each
    newline by copying what is left: time that grows with the square of the number of lines (a
    5 MB note took 7 s to show, 60 MB more than 400 s). Rendered as a segment or two per line,
    any text takes time in proportion to its length. The output is the same.
    """

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        # Broken at spaces only: a word is never split (see `layout_terminal`).
        for i, line in enumerate(wrap_words(self, options.max_width)):
            if i:
                yield Segment.line()
            yield from render_line(line, console)
        if self.end:
            yield Segment(self.end)

    def blank_copy(self, plain: str = "") -> Text:
        # So that `text("\n").join(...)` renders line by line too.
        copied = Lines(plain, style=self.style, justify=self.justify, overflow=self.overflow)
        copied.no_wrap, copied.end, copied.tab_size = self.no_wrap, self.end, self.tab_size
        return copied


# The most of one piece of text a terminal shows: some 1,200 lines at 80 columns. Laying out
# text costs rich about a second per 2 MB, and nobody reads megabytes in a terminal.
SHOWN = 100_000


def text(value: str | None, style: str = "") -> Text:
    """Data as text: never markup, never control or invisible characters; laid out in time
    proportional to its length, and at most SHOWN characters of it (JSON, CSV and Markdown carry
    it all)."""
    shown = clean(value or "")
    if len(shown) > SHOWN:
        more = len(shown) - SHOWN
        shown = f"{shown[:SHOWN]}… ({more:,} more characters: --format json shows them all)"
    return Lines(shown, style=style)


def heading(title: str, look: Look) -> Text:
    return text(title, "bold underline" if not look.plain else "")


def table(
    look: Look,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    keep: Sequence[str] = ("Id", "Date", "When"),
) -> Grid:
    """A listing: a header and rows of text, under a light rule in a terminal, dashes otherwise;
    stacked records where the columns do not fit (see `layout_terminal.Grid`). Columns named in
    `keep` are not wrapped (ids and dates read badly broken)."""
    return Grid(
        [text(name, "" if look.plain else "bold") for name in header],
        [[text(cell) for cell in row] for row in rows],
        "-" if look.plain else "─",
        whole=[k for k, name in enumerate(header) if name in keep],
    )


def empty(message: str) -> Text:
    return text(message, "italic")


def facts(look: Look, pairs: Iterable[tuple[str, str | None]]) -> Facts:
    """A record's facts, a label and its value to a line; labels without a value left out."""
    return Facts(
        [
            (text(label, "dim" if not look.plain else ""), text(value))
            for label, value in pairs
            if value
        ]
    )


def footer(
    look: Look,
    asof: AsOf | None,
    latest: DateSpan | None,
    count: str | None = None,
) -> Text:
    """'12 entries · as of 14 Feb 2025', plus the latest source's date when the view's day is
    past it (`latest`: of the sources known then)."""
    from casetrack.render.date_words import freshness

    parts = [count] if count else []
    return text(" · ".join(parts + freshness(asof, latest)), "dim")


class Columns:
    """Rows of text cells laid out in fixed-width columns (the last takes the rest), indented,
    with a blank line between rows. Does what a borderless rich Table would, at a fraction of
    the cost: a long timeline is mostly this."""

    INDENT = 2
    GAP = 2

    def __init__(self, rows: list[tuple[Text, ...]], widths: tuple[int | None, ...]) -> None:
        self.rows = rows
        self.widths = widths

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fixed = sum(w or 0 for w in self.widths) + self.GAP * (len(self.widths) - 1)
        rest = max(10, options.max_width - self.INDENT - fixed)
        widths = [w or rest for w in self.widths]
        for i, row in enumerate(self.rows):
            if i:
                yield Segment.line()
            cells = [wrap_words(cell, width) for cell, width in zip(row, widths, strict=True)]
            yield from side_by_side(cells, widths, self.GAP, console, self.INDENT)
