"""A diff on the terminal, built with rich from the report's words: what changed in the case as
bullets, then each record type with the change, date and label of each record and its fields
below. In a plain look taken-out words show as [-words-] and put-in ones as {+words+}; on a
colour terminal they are struck through in red and green."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from casetrack.output import Look
from casetrack.render.changes import Item, Line, Report, plain
from casetrack.render.terminal import DATE_WIDTH, Columns, heading, text

CHANGE_WIDTH = 7  # "renamed"
CHUNK = 200  # records per laid-out block, so a long diff starts printing at once
_CHANGE_STYLE = {"added": "green", "removed": "red", "renamed": "yellow", "changed": "yellow"}
_ROLE_STYLE = {"del": "red strike", "ins": "green", "dim": "dim"}


def line(words: Line, look: Look) -> Text:
    """A line of segments, styled by role (or marked, in a plain look)."""
    if look.plain:
        return text(plain(words))
    out = text("")
    for role, value in words:
        out.append_text(text(value, _ROLE_STYLE.get(role, "")))
    return out


def terminal(report: Report, look: Look) -> Iterator[RenderableType]:
    """The report, piece by piece."""
    yield heading(report.title, look)
    yield text(report.summary)
    if report.developments:
        yield text("")
        yield heading("What changed in the case", look)
        for group in report.developments:
            yield Padding(text(group.title, "bold"), (0, 0, 0, 1), expand=False)
            yield Padding(_bullets(group.items, look), (0, 0, 0, 2), expand=False)
    for group in report.records:
        yield text("")
        yield heading(group.title, look)
        for start in range(0, len(group.items), CHUNK):
            rows = [_record(item, look) for item in group.items[start : start + CHUNK]]
            yield Columns(rows, (CHANGE_WIDTH, DATE_WIDTH, None))


def _bullets(items: list[Item], look: Look) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row(text("•"), line(item.text, look))
    return grid


def _record(item: Item, look: Look) -> tuple[Text, ...]:
    body = line(item.text, look)
    body.append_text(text("\n" + item.ref, "dim"))
    for name, words in item.details:
        body.append_text(text(f"\n{name}: "))
        body.append_text(line(words, look))
    return (text(item.change, _CHANGE_STYLE.get(item.change, "")), text(item.date), body)
