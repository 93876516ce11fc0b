"""A loaded dataset: every valid record by id, and where each was written. Plain data: it knows
nothing of files, YAML or the cache that may have kept it (`loader` fills it, `cache` keeps it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casetrack.vocabulary import SECTION_NAMES

if TYPE_CHECKING:
    from casetrack.entries import Entry
    from casetrack.models import About, Case, Claim, Deadline, Event, Filing, Model, Party, Source


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was written: the file, its section and its index in that list."""

    path: str
    section: str
    index: int


@dataclass
class Dataset:
    """Every valid record of a dataset, by id, with where each came from."""

    root: Path | None = None
    files: list[str] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    filings: dict[str, Filing] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    deadlines: dict[str, Deadline] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    # Ids of records that were written but failed validation: not "unknown" to other checks.
    invalid_ids: set[str] = field(default_factory=set)
    # The `dataset:` block (title, description), by the file it is written in: one at most.
    about: dict[str, About] = field(default_factory=dict)
    # A view of the dataset as it was known on a day (`knowledge.as_known_on`) keeps that day
    # and the whole dataset it was cut from, in which names typed on the command line are found.
    known_on: dt.date | None = None
    whole: Dataset | None = None

    @property
    def complete(self) -> Dataset:
        """The whole dataset: this one, or the one this view of a day was cut from."""
        return self.whole if self.whole is not None else self

    def section(self, name: str) -> dict[str, Any]:
        """The records of one section by id (`"parties"` -> {id: Party})."""
        records: dict[str, Any] = getattr(self, name)
        return records

    def get(self, record_id: str) -> Model | None:
        """Any record by id."""
        for name in SECTION_NAMES:
            record: Model | None = self.section(name).get(record_id)
            if record is not None:
                return record
        return None

    def section_of(self, record_id: str) -> str | None:
        """The section ("parties", "filings", ...) a record id belongs to."""
        origin = self.origins.get(record_id)
        return origin.section if origin else None

    def add(self, section: str, record: Model, origin: Origin) -> None:
        self.section(section)[record.id] = record  # type: ignore[attr-defined]
        self.origins[record.id] = origin  # type: ignore[attr-defined]

    def __len__(self) -> int:
        return sum(len(self.section(name)) for name in SECTION_NAMES)

    def built_entries(self) -> list[Entry] | None:
        """The timeline entries, when the dataset holds them built (one read from the cache's
        index does); None when they are to be built from the records."""
        return None


# The fields of a Dataset that hold records, by id, and the `dataset:` block (everything but
# `root` and `files`).
RECORD_FIELDS = (*SECTION_NAMES, "origins", "invalid_ids", "about")
