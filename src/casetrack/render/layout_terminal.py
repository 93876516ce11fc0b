"""How text is fitted to the terminal's width: words are never split.

rich folds a word that does not fit its column ("Plaintif/fs", a URL cut mid-address). Here text
breaks only at spaces; a word longer than the whole line (a long URL) stands alone on its line,
whole, and the terminal wraps it without a break in it, so it can still be copied and opened.

- `wrap_words` breaks one text into lines.
- `Grid` is a table whose columns are as wide as their content lets them be, each at least as
  wide as its longest word. When the columns cannot all be that wide, the rows are stacked:
  each record's first cell as its heading, then `Label: value` lines.
- `Facts` is a record's facts, a label and its value to a line.
- `Indented` is text set in from the left margin.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text

_WORD = re.compile(r"\s*\S+\s*")


def wrap_words(text: Text, width: int, first: int | None = None) -> list[Text]:
    """`text` broken into lines of at most `width` cells (`first` for the first line) at
    spaces, never inside a word; a word longer than the line has a line of its own. Each line
    break in the text is kept."""
    out: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        if "\t" in line.plain:
            line.expand_tabs(8)
        breaks: list[int] = []
        used = 0
        limit = first if first is not None and not out else width
        for match in _WORD.finditer(line.plain):
            word = match.group()
            if used and used + cell_len(word.rstrip()) > limit:
                breaks.append(match.start())
                used = cell_len(word)
                limit = width
            else:
                used += cell_len(word)
        for piece in line.divide(breaks) if breaks else [line]:
            piece.rstrip()
            out.append(piece)
    return out


def longest_word(text: Text) -> int:
    """The width of the widest word: the narrowest a column can be without splitting one."""
    return max((cell_len(word) for word in text.plain.split()), default=0)


def widest_line(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


def side_by_side(
    cells: list[list[Text]], widths: list[int], gap: int, console: Console, indent: int = 0
) -> Iterator[Segment]:
    """Cells already wrapped to their columns' widths, printed line by line beside each other
    (`gap` spaces between columns, `indent` before each line; the last column is not padded)."""
    for j in range(max((len(c) for c in cells), default=0)):
        if indent:
            yield Segment(" " * indent)
        for k, (lines, width) in enumerate(zip(cells, widths, strict=True)):
            line = lines[j] if j < len(lines) else Text()
            if k:
                yield Segment(" " * gap)
            yield from render_line(line, console)
            if k < len(cells) - 1:
                yield Segment(" " * (width - line.cell_len))
        yield Segment.line()


def render_line(line: Text, console: Console) -> Iterator[Segment]:
    """One line's segments, in its own style too (Text.render alone drops the style of a text
    without spans)."""
    if line.style and not line.spans:
        styled = Text()
        styled.append_text(line)
        line = styled
    yield from line.render(console)


class Indented:
    """Text set `indent` columns in from the left, wrapped at spaces in the width left."""

    def __init__(self, body: Text, indent: int = 2) -> None:
        self.body = body
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        pad = Segment(" " * self.indent)
        for i, line in enumerate(wrap_words(self.body, max(1, options.max_width - self.indent))):
            if i:
                yield Segment.line()
            yield pad
            yield from render_line(line, console)
        yield Segment.line()


class Facts:
    """A record's facts: a label and its value to a line, the values in one column, wrapped at
    spaces. A value with a word too long for that column (an address) goes under its label,
    from the margin, the word on a line of its own."""

    GAP = 2

    def __init__(self, pairs: Sequence[tuple[Text, Text]]) -> None:
        self.pairs = pairs

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        label_width = max((widest_line(label) for label, _ in self.pairs), default=0)
        room = max(1, options.max_width - label_width - self.GAP)
        for label, value in self.pairs:
            if longest_word(value) > room:
                yield from render_line(label, console)
                yield Segment.line()
                for line in wrap_words(value, options.max_width):
                    yield from render_line(line, console)
                    yield Segment.line()
                continue
            for i, line in enumerate(wrap_words(value, room)):
                yield from render_line(label if i == 0 else Text(), console)
                shown = cell_len(label.plain) if i == 0 else 0
                yield Segment(" " * (label_width - shown + self.GAP))
                yield from render_line(line, console)
                yield Segment.line()


class Grid:
    """Rows of cells under a header. Each column is at least as wide as its longest word and at
    most as wide as its longest line; the room left is shared in proportion to what each column
    still wants. When half the rows or more take several lines, rows are set apart by a blank
    line. When the
    columns do not fit at their narrowest, the rows are stacked instead (see the module)."""

    GAP = 2

    def __init__(
        self,
        header: Sequence[Text],
        rows: Sequence[Sequence[Text]],
        rule: str,
        whole: Sequence[int] = (),
    ) -> None:
        self.header = list(header)
        self.rows = [list(r) for r in rows]
        self.rule = rule  # the character of the line under the header: "-" or "─"
        self.whole = set(whole)  # columns never wrapped (ids, dates)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        columns = list(zip(self.header, *self.rows, strict=True))
        most = [max(widest_line(c) for c in column) for column in columns]
        least = [
            most[k] if k in self.whole else max(longest_word(c) for c in column)
            for k, column in enumerate(columns)
        ]
        width = options.max_width
        room = width - self.GAP * (len(columns) - 1)
        stacked = self._stack(width)
        if sum(least) > room:
            yield from self._lines(stacked, console)
            return
        widths = _share(least, most, room)
        rows = [
            [wrap_words(cell, w) for cell, w in zip(row, widths, strict=True)] for row in self.rows
        ]
        # A blank line between rows when half of them or more take several lines.
        apart = 2 * sum(max(len(c) for c in row) > 1 for row in rows) >= max(2, len(rows))
        height = 2 + sum(max(len(c) for c in row) for row in rows) + (len(rows) - 1) * apart
        if apart and len(stacked) < height:
            # Columns so narrow that each row takes many lines: records read better stacked.
            yield from self._lines(stacked, console)
            return
        header = [wrap_words(h, w) for h, w in zip(self.header, widths, strict=True)]
        yield from self._row(header, widths, console)
        yield Segment(self.rule * (sum(widths) + self.GAP * (len(widths) - 1)))
        yield Segment.line()
        for i, row in enumerate(rows):
            if apart and i:
                yield Segment.line()
            yield from self._row(row, widths, console)

    @staticmethod
    def _lines(lines: list[Text], console: Console) -> RenderResult:
        for line in lines:
            yield from render_line(line, console)
            yield Segment.line()

    def _row(self, cells: list[list[Text]], widths: list[int], console: Console) -> RenderResult:
        yield from side_by_side(cells, widths, self.GAP, console)

    def _stack(self, width: int) -> list[Text]:
        """The rows as stacked records, line by line: the first cell as a heading, then each
        other cell that says something as `Label: value`, continued four columns in."""
        out: list[Text] = []
        for i, row in enumerate(self.rows):
            if i:
                out.append(Text())
            out.extend(wrap_words(row[0], width))
            for label, cell in zip(self.header[1:], row[1:], strict=True):
                if not cell.plain.strip():
                    continue
                entry = Text("  ")
                entry.append_text(label)
                entry.append(": ")
                entry.append_text(cell)
                for j, line in enumerate(wrap_words(entry, max(1, width - 4), first=width)):
                    out.append(Text("    ").append_text(line) if j else line)
        return out


def _share(least: list[int], most: list[int], room: int) -> list[int]:
    """Column widths, each between its least and most: the room beyond the least is shared out
    evenly, a column that wants less than its share taking only what it wants, so that as many
    columns as can be are shown unwrapped."""
    widths = list(least)
    spare = room - sum(widths)
    wanting = sorted(
        (k for k in range(len(widths)) if most[k] > least[k]), key=lambda k: (most[k] - least[k], k)
    )
    while wanting and spare > 0:
        share = spare // len(wanting)
        first = wanting[0]
        if most[first] - widths[first] <= share:
            spare -= most[first] - widths[first]
            widths[first] = most[first]
            wanting.pop(0)
            continue
        for k in wanting:
            widths[k] += share
        for k in wanting[: spare - share * len(wanting)]:
            widths[k] += 1
        break
    return widths
