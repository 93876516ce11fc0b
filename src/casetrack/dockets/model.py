"""A docket as every reader hands it on: court, number, caption, parties, entries.

Each reader (CourtListener JSON or CSV, a PACER page through juriscraper) turns its own shape into
this one; the planner knows nothing else. Text is already cleaned: whitespace collapsed, control
characters gone. Dates are ISO `YYYY-MM-DD` strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casetrack.errors import CasetrackError


class DocketError(CasetrackError):
    """A file that cannot be imported: not a docket, another docket, cut off, too large."""


@dataclass(frozen=True, slots=True)
class Document:
    """One document of an entry: the main one (attachment None) or an attachment."""

    url: str
    attachment: int | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One docket entry. `number` is its ECF number; minute entries have none."""

    number: int | None
    date: str
    text: str
    documents: tuple[Document, ...] = ()
    where: str = ""  # the file (and entry) it was read from, for messages
    sequence: str = ""  # the source's own order among entries of one date, where it has one


@dataclass(frozen=True, slots=True)
class Attorney:
    name: str
    firm: str | None = None


@dataclass(frozen=True, slots=True)
class DocketParty:
    """A party and its types on the docket ('Plaintiff', 'Counter Claimant'), with counsel."""

    name: str
    types: tuple[str, ...]
    attorneys: tuple[Attorney, ...] = ()


@dataclass
class Docket:
    """Everything read from the files given to one import."""

    origin: str  # "CourtListener" or "PACER"
    files: list[str] = field(default_factory=list)
    court: str | None = None  # the court's code: nysd, txsd, ca2
    court_name: str | None = None
    number: str | None = None
    caption: str | None = None
    judge: str | None = None
    filed: str | None = None
    terminated: str | None = None
    nature_of_suit: str | None = None
    cause: str | None = None
    url: str | None = None
    retrieved: str | None = None
    courtlistener_id: int | None = None
    parties: list[DocketParty] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # things the report should mention
