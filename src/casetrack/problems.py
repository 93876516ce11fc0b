"""Problems found in a dataset: data, not exceptions.

A problem carries where it is (`file:line:column`, the form editors jump to) and a message a
non-programmer understands. Nothing here prints or exits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from casetrack.vocabulary import RECORD_WORDS

if TYPE_CHECKING:
    from casetrack.dataset import Dataset

Severity = Literal["fatal", "error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a dataset.

    severity: "fatal" when a path cannot be used at all (missing, unreadable: exit 2), "error" for
    bad data (exit 1), "warning" for things worth a look that do not make the data wrong.
    """

    path: str
    line: int | None
    column: int | None
    message: str
    severity: Severity = "error"

    def location(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.location()}: {prefix}{self.message}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line or 0, self.column or 0, self.message)


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem found by a cross-record check, located by record id and a path inside it.

    The loader turns findings into Problems with file:line:column.
    """

    record_id: str
    path: tuple[str | int, ...]
    message: str
    severity: Severity = "error"
    # For a record that failed validation (checked as far as it could be read): that record.
    record: object | None = None


def shorten(text: str, limit: int = 60) -> str:
    """Text cut to `limit` characters for a message, marked with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def record_label(dataset: Dataset, record_id: str) -> str:
    """The record a finding is about, in words: "filing 'f-1'"."""
    section = dataset.section_of(record_id)
    return f"{RECORD_WORDS.get(section or '', 'record')} '{record_id}'"


SERIOUS = ("fatal", "error")  # what keeps a command from answering


class Problems(list[Problem]):
    """A dataset's problems as the cache keeps them: the serious ones (`serious`, which every
    command checks) at once, the rest (warnings, which only `validate` shows: thousands in a
    large dataset) read the first time the list itself is used."""

    def __init__(self, serious: list[Problem], read: Callable[[], list[Problem]]) -> None:
        super().__init__()
        self.serious = serious
        self._read: Callable[[], list[Problem]] | None = read

    def _fill(self) -> None:
        if self._read is not None:
            read, self._read = self._read, None
            list.extend(self, read())

    def __iter__(self) -> Iterator[Problem]:
        self._fill()
        return list.__iter__(self)

    def __len__(self) -> int:
        self._fill()
        return list.__len__(self)

    def __getitem__(self, index: Any) -> Any:
        self._fill()
        return list.__getitem__(self, index)

    def __eq__(self, other: object) -> bool:
        self._fill()
        return list.__eq__(self, other)

    __hash__ = None

    def __repr__(self) -> str:
        self._fill()
        return list.__repr__(self)


def serious(problems: list[Problem]) -> list[Problem]:
    """The fatal problems and errors of a load (from a cached list without reading the rest)."""
    found = getattr(problems, "serious", None)
    return found if found is not None else [p for p in problems if p.severity in SERIOUS]
