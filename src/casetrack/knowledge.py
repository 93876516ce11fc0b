"""What was public when: since when each record is known, and a dataset as it was known on a day.

`--as-of D` is bitemporal: a thing is on the record as of D when it had happened by D (the
question every view asks of its day: `entries`, `claim_history`) and it was known by D. Known
means public, and is worked out here:

- a source from its publication date (`published`; else, for a copy of a web page or a docket,
  the day it was `retrieved`, when it was public at the latest). A source with neither is in no
  view of a day: nothing says when it became public (the data as it stands, without --as-of,
  holds everything).
- a record from the earliest of: a source that reports it, and what made it public by its nature:
  a filing its own date (the day it was filed); an allegation the date of the filing that makes
  it (`alleged.filing`); a publication, a release, a statement to the press or a ruling its own
  date; a scheduled date the day it was set (`set_on`), and its replacement from `replaced_on`;
  a claim the filing that raised it, or its own date; a claim's status change the filing or
  event that made it (`by`), else its sources (the claim's when it names none); a case the day
  it was filed, or of its first filing; a relation between cases its date; a party's role in a case its sources (the
  case's when it names none); a computed deadline its trigger.

Every date counts from the last day it can mean: a month from its last day, one day within a
range from the range's end, so that nothing comes in too early. A docket is never dated as a
whole (it grows): it makes nothing known early, but stays cited on every record that is known.

`as_known_on` gives the dataset as it was known on a day: the records known by then, each
citing only the sources public by then, with only the accounts of a disagreement that were, a
claim's history only as far as it was, and a scheduled date's replacement only once it was.
Pure: nothing here prints or reads files.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from casetrack.dataset import Dataset
from casetrack.vocabulary import SECTION_NAMES

if TYPE_CHECKING:
    from casetrack.dates import DateSpan
    from casetrack.models import (
        Case,
        CaseParty,
        Claim,
        Deadline,
        Discrepancy,
        Event,
        Filing,
        Model,
        Relation,
        StatusChange,
    )

    M = TypeVar("M", bound=Model)

# Events that are public by what they are: their own date is when they became known.
PUBLIC_KINDS = frozenset({"publication", "release", "statement", "ruling"})


@dataclass(frozen=True, slots=True)
class AsOf:
    """The day a command shows the record on (--as-of, --happened-by; today by default).

    `day`: what had happened by then. `known`: only what was known (public) by then, or None for
    everything in the data as it stands. `--as-of D` sets both to D ("the record as it stood on
    D"); `--happened-by D` only `day` ("what had happened by D, as we know it now")."""

    day: dt.date
    known: dt.date | None = None
    retrospective: bool = False  # --happened-by was given


def last_day(date: DateSpan | None) -> dt.date | None:
    """The last day a date can mean, or None when it has none (an open or unknown end)."""
    return None if date is None or date.open_end else date.latest()


def earliest_of(*days: dt.date | None) -> dt.date | None:
    """The earliest of the days given (None: not known)."""
    found = None
    for day in days:
        if day is not None and (found is None or day < found):
            found = day
    return found


def is_known(since: dt.date | None, day: dt.date) -> bool:
    """Whether something known since `since` was known on `day` (None: nothing dates it, so it
    is not known to have been public on any day)."""
    return since is not None and since <= day


class Knowledge:
    """Since when each record of a dataset is known (see the module's docstring)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        # When each source was public (a docket: when this copy was retrieved, for listing it),
        # and what it proves known (a docket: nothing; it grows).
        self.public: dict[str, dt.date | None] = {}
        self.evidence: dict[str, dt.date | None] = {}
        self.dockets: set[str] = set()
        for sid, s in dataset.sources.items():
            day = last_day(s.published) or last_day(s.retrieved)
            self.public[sid] = day
            if s.kind == "docket" and s.published is None:
                self.dockets.add(sid)
                day = None
            self.evidence[sid] = day
        self._days: dict[int, dt.date | None] = {}
        self._first_filed: dict[str, dt.date] | None = None

    def day(self, date: DateSpan | None) -> dt.date | None:
        """`last_day` of a record's date, worked out once for each date object (records share
        them; the dataset keeps them alive while this lives, so their ids stay theirs)."""
        if date is None:
            return None
        key = id(date)
        if key not in self._days:
            self._days[key] = last_day(date)
        return self._days[key]

    def sources(self, ids: Sequence[str]) -> dt.date | None:
        """The earliest day one of these sources was public (a docket never counts)."""
        evidence = self.evidence
        found = None
        for sid in ids:
            day = evidence.get(sid)
            if day is not None and (found is None or day < found):
                found = day
        return found

    def dated(self, record_id: str | None) -> dt.date | None:
        """The last day of the date of a filing or event, by id."""
        if record_id is None:
            return None
        record = self.dataset.filings.get(record_id) or self.dataset.events.get(record_id)
        return self.day(record.date) if record is not None else None

    def filing(self, f: Filing) -> dt.date | None:
        return earliest_of(self.day(f.date), self.sources(f.sources))

    def event(self, e: Event) -> dt.date | None:
        known = self.sources(e.sources)
        if e.alleged is not None and e.alleged.filing in self.dataset.filings:
            known = earliest_of(known, self.dated(e.alleged.filing))
        if e.scheduled is not None:
            known = earliest_of(known, self.day(e.scheduled.set_on))
        if e.kind in PUBLIC_KINDS:
            known = earliest_of(known, self.day(e.date))
        return known

    def claim(self, c: Claim) -> dt.date | None:
        return earliest_of(self.day(c.date), self.dated(c.filing), self.sources(c.sources))

    def change(self, c: Claim, change: StatusChange) -> dt.date | None:
        return earliest_of(self.dated(change.by), self.sources(change.sources or c.sources))

    def case(self, c: Case) -> dt.date | None:
        if self._first_filed is None:
            # Each case's first filing: a case is public once a document in it is.
            self._first_filed = {}
            for f in self.dataset.filings.values():
                day = self.day(f.date)
                if f.case is not None and day is not None:
                    first = self._first_filed.get(f.case)
                    self._first_filed[f.case] = day if first is None else min(first, day)
        first_filed = self._first_filed.get(c.id)
        return earliest_of(self.day(c.filed), first_filed, self.sources(c.sources))

    def relation(self, c: Case, rel: Relation) -> dt.date | None:
        return earliest_of(self.day(rel.date), self.sources(rel.sources or c.sources))

    def role(self, c: Case, cp: CaseParty) -> dt.date | None:
        return self.sources(cp.sources) if cp.sources else self.case(c)

    def deadline(self, d: Deadline) -> dt.date | None:
        f = self.dataset.filings.get(d.trigger)
        if f is not None:
            return self.filing(f)
        e = self.dataset.events.get(d.trigger)
        return self.event(e) if e is not None else None


def as_known_on(dataset: Dataset, day: dt.date) -> Dataset:
    """The dataset as it was known on `day` (see the module's docstring)."""
    return _View(dataset, day).build()


def require_known(view: Dataset, section: str, record_id: str, what: str) -> None:
    """Raise NotFoundError when a record of the whole dataset is not in this view of a day: it
    was not yet known then ("case 'x' was not yet on the record on 10 Jan 2025; it is known
    from 16 Jan 2025")."""
    if view.whole is None or view.known_on is None or record_id in view.section(section):
        return
    from casetrack.dates import DateSpan
    from casetrack.errors import NotFoundError

    record = view.whole.section(section)[record_id]
    know = Knowledge(view.whole)
    since: dt.date | None = {
        "sources": lambda: know.public.get(record_id),
        "cases": lambda: know.case(record),
        "claims": lambda: know.claim(record),
        "filings": lambda: know.filing(record),
        "deadlines": lambda: know.deadline(record),
    }[section]()
    words = f"{what} was not yet on the record on {DateSpan.of(view.known_on).display()}"
    if since is not None:
        words += f"; it is known from {DateSpan.of(since).display()}"
    raise NotFoundError(words)


# The free text of a record, written from every source it cites.
_PROSE = ("summary", "description", "notes", "date_note", "damages")


class _View:
    """One as-of view being built: what is known on `day`, record by record."""

    def __init__(self, dataset: Dataset, day: dt.date) -> None:
        self.full = dataset
        self.know = Knowledge(dataset)
        self.day = day
        # What a known record may cite on the day: the sources public by then, and dockets.
        self.citable = {sid for sid, when in self.know.public.items() if self.known(when)}
        self.citable |= self.know.dockets
        self.cited_dockets: set[str] = set()

    def known(self, since: dt.date | None) -> bool:
        return is_known(since, self.day)

    def build(self) -> Dataset:
        full = self.full
        out = Dataset(
            root=full.root,
            files=list(full.files),
            origins=full.origins,
            invalid_ids=full.invalid_ids,
            about=full.about,
            known_on=self.day,
            whole=full.complete,
        )
        for name in SECTION_NAMES:
            records = full.section(name)
            kept = {}
            for rid, record in records.items():
                found = self.one(name, record)
                if found is not None:
                    kept[rid] = found
            if type(records) is not dict:  # read from the cache's index as it is used
                kept = _Section(kept, records, functools.partial(self.one, name))
            setattr(out, name, kept)
        for sid in self.cited_dockets:
            out.sources.setdefault(sid, full.sources[sid])
        return out

    def one(self, section: str, record: Any) -> Any:
        """A record of a section as it was known on the day, or None when it was not."""
        know = self.know
        if section == "sources":
            return record if self.known(know.public[record.id]) else None
        if section == "parties":
            return self.trim(record)
        if section == "cases":
            return self.case(record) if self.known(know.case(record)) else None
        if section == "filings":
            return self.trim(record) if self.known(know.filing(record)) else None
        if section == "claims":
            return self.claim(record) if self.known(know.claim(record)) else None
        if section == "events":
            return self.event(record) if self.known(know.event(record)) else None
        return self.trim(record) if self.known(know.deadline(record)) else None

    # --- citations and disagreements ---------------------------------------------------------

    def cite(self, ids: Sequence[str]) -> Sequence[str]:
        """The sources of a known record that were public on the day (and its dockets): `ids`
        itself when that is all of them."""
        citable = self.citable
        kept = ids if all(sid in citable for sid in ids) else [s for s in ids if s in citable]
        if self.know.dockets:
            self.cited_dockets.update(sid for sid in kept if sid in self.know.dockets)
        return kept

    def accounts(self, items: Sequence[Discrepancy]) -> list[Discrepancy]:
        """Each disagreement with only the accounts known on the day; with one left, none."""
        out = []
        for d in items:
            accounts = [self.trim(a) for a in d.accounts if any(self.cite(a.sources))]
            if len(accounts) >= 2:
                out.append(self.trim(d, **_changed("accounts", accounts, d.accounts)))
        return out

    def trim(self, record: M, **update: Any) -> M:
        """A record citing only what was known on the day (the same object when that is all).
        A record can be on the record before any of its sources was public (a complaint from the
        day it was filed); its prose (summary, description, notes, how its date was worked out,
        damages as reported) is then left out, since it was written from those later sources
        and may tell what was learnt later (a case's summary saying it was later consolidated)."""
        sources = getattr(record, "sources", None)
        if sources:
            cited = self.cite(sources)
            if cited is not sources:
                update["sources"] = list(cited)
                if not cited:
                    update.update(
                        {name: None for name in _PROSE if getattr(record, name, None) is not None}
                    )
        found = getattr(record, "discrepancies", None)
        if found:
            kept = self.accounts(found)
            update.update(_changed("discrepancies", kept, found))
        return record.model_copy(update=update) if update else record

    # --- records with parts of their own -------------------------------------------------------

    def case(self, c: Case) -> Case:
        know = self.know
        update: dict[str, Any] = {}
        roles = [self.trim(cp) for cp in c.parties if self.known(know.role(c, cp))]
        update.update(_changed("parties", roles, c.parties))
        relations = [self.trim(r) for r in c.relations if self.known(know.relation(c, r))]
        update.update(_changed("relations", relations, c.relations))
        if c.terminated is not None and not self.known(last_day(c.terminated)):
            update["terminated"] = None
        return self.trim(c, **update)

    def claim(self, c: Claim) -> Claim:
        history = [ch for ch in c.history if self.known(self.know.change(c, ch))]
        return self.trim(c, **_changed("history", [self.trim(ch) for ch in history], c.history))

    def event(self, e: Event) -> Event:
        s = e.scheduled
        if s is not None and s.replaced_on is not None and not self.known(last_day(s.replaced_on)):
            s = s.model_copy(update={"replaced_on": None, "replaced_by": None})
            return self.trim(e, scheduled=s)
        return self.trim(e)


class _Section(dict[str, Any]):
    """A section of a view of a day cut from a sub-dataset of the cache's index (`narrow`):
    iterated, the records of the sub-dataset known on the day; asked for one id (a name to
    show), any record of the whole dataset, as it was known on the day (None when it was not).
    A docket cited by a record is there whenever that record is."""

    def __init__(
        self, kept: dict[str, Any], whole: dict[str, Any], one: Callable[[Any], Any]
    ) -> None:
        super().__init__(kept)
        self._whole = whole
        self._one = one
        self._asked: dict[str, Any] = {}

    def _find(self, key: Any) -> Any:
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        if key not in self._asked:
            record = self._whole.get(key)
            self._asked[key] = None if record is None else self._one(record)
        return self._asked[key]

    def get(self, key: Any, default: Any = None) -> Any:
        found = self._find(key)
        return default if found is None else found

    def __getitem__(self, key: Any) -> Any:
        found = self._find(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return self._find(key) is not None


def _changed(field: str, new: Sequence[Any], old: Sequence[Any]) -> dict[str, Any]:
    """`{field: new}` when `new` is not the very items of `old`, else nothing to update."""
    same = len(new) == len(old) and all(a is b for a, b in zip(new, old, strict=True))
    return {} if same else {field: list(new)}
