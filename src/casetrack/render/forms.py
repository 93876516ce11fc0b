"""What a command can write, by format: one producer for each form it has, so that only the form
asked for is ever made (`output.emit` chooses). The forms of timeline entries are shared by
`timeline`, `party` and `export json|csv|markdown`, which therefore write the same text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from casetrack.errors import UsageError

if TYPE_CHECKING:
    from casetrack.dataset import Dataset
    from casetrack.entries import Entry
    from casetrack.output import Look

# The terminal form: rich renderables for a look, yielded as they are made.
Terminal = Callable[["Look"], Iterable[Any]]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Forms:
    """A command's forms: JSON-shaped data, CSV (a header and rows), Markdown text, the terminal's
    renderables. A command without one leaves it out (`--format` offers only those it has)."""

    json: Callable[[], Any] | None = None
    csv: Callable[[], tuple[Sequence[str], Iterable[Sequence[str]]]] | None = None
    markdown: Callable[[], str] | None = None
    table: Terminal | None = None

    def need(self, name: str, form: T | None) -> T:
        """`form`, which the command must have: a format it lacks is refused."""
        if form is None:
            raise UsageError(f"--format {name} is not available for this command")
        return form


def entry_forms(dataset: Dataset, entries: Sequence[Entry], table: Terminal | None = None) -> Forms:
    """Timeline entries as JSON (the records: one item per claim status change), CSV (ids,
    names beside them) and Markdown (names and marks), both with claims changed alike by one
    filing as one line (see `grouped`)."""
    from casetrack.grouped import shown
    from casetrack.render import flat, records

    return Forms(
        json=lambda: (records.entry(e) for e in entries),
        csv=lambda: flat.timeline_csv(dataset, shown(dataset, entries)),
        markdown=lambda: flat.markdown_table(
            *flat.timeline_display(dataset, shown(dataset, entries))
        ),
        table=table,
    )
