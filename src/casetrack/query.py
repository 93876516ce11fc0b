"""Pure selection over a dataset: the timeline entries, claims, roles, clients and dates a
command asks for. Records named on the command line are found with `lookup`.

Nothing here prints; a name that matches nothing raises NotFoundError (see `lookup`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from casetrack.characters import fold as _fold
from casetrack.claim_history import ClaimView, claim_known_on, statuses_had, view_claim
from casetrack.dataset import Dataset
from casetrack.dates import PartialDate
from casetrack.entries import COMPUTED_DEADLINE, RECORD_RANK, Entry, as_it_stood
from casetrack.errors import NotFoundError
from casetrack.fuzzy import closest
from casetrack.knowledge import AsOf
from casetrack.lookup import find_case, find_party, groups_of, typed_ecf
from casetrack.models import Filing
from casetrack.vocabulary import CLAIM_STATUSES, EVENT_KINDS, FILING_KINDS, RELATION_KINDS


def involves(entry: Entry, party_ids: set[str]) -> bool:
    """Whether an entry names any of the parties (as actor, alleger or denier)."""
    # (set.intersection with several arguments would intersect them all: test each on its own.)
    return any(
        not party_ids.isdisjoint(ids)
        for ids in (entry.parties, entry.alleged_by, entry.disputed_by)
    )


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """What `timeline` and `export` select. Every field optional; None means no filter."""

    case: str | None = None
    party: str | None = None
    kinds: tuple[str, ...] = ()
    start: PartialDate | None = None
    end: PartialDate | None = None
    search: str | None = None
    facts_only: bool = False
    as_of: dt.date | None = None  # what had happened by then (see Entry.happened_by)
    # Only what was known by then (--as-of): applied to the dataset (knowledge.as_known_on),
    # before entries are built; None for everything in the data.
    known: dt.date | None = None
    retrospective: bool = False  # --happened-by: `as_of` is what had happened by then

    @property
    def asof(self) -> AsOf | None:
        """The day of the view and what was known then, as the footer words them."""
        if self.as_of is None:
            return None
        return AsOf(self.as_of, self.known, self.retrospective)


def select_entries(dataset: Dataset, entries: Iterable[Entry], flt: TimelineFilter) -> list[Entry]:
    """The entries a filter selects, in their (chronological) order.

    Date filters keep every entry whose date range overlaps the asked range: "Jan 2025" is kept by
    `--from 2025-01-15` (it may have fallen on or after the 15th) and by `--to 2025-01-15`.
    `--from 2025-01` starts on 1 Jan 2025; `--to 2025-01` ends on 31 Jan 2025. One day within
    a range overlaps by its whole range; an open end reaches as far as the calendar does.
    `as_of` keeps what was on the record that day (see Entry.happened_by), as it stood then.
    """
    # Names are found in the whole dataset: a case not yet known on an as-of day has no entries.
    names = dataset.complete
    case_id = find_case(names, flt.case).id if flt.case else None
    party_ids = groups_of(names, find_party(names, flt.party).id) if flt.party else None
    kinds = kind_family({_fold(k) for k in flt.kinds})
    start = flt.start.earliest() if flt.start else None
    end = flt.end.latest() if flt.end else None
    needle = _fold(flt.search) if flt.search else None
    number = typed_ecf(flt.search) if flt.search else None
    out = []
    for e in entries:
        if case_id is not None and e.case != case_id:
            continue
        if party_ids is not None and not involves(e, party_ids):
            continue
        if kinds and e.kind not in kinds and e.record not in kinds:
            continue
        if start is not None and e.date.latest() < start:
            continue
        if end is not None and e.date.earliest() > end:
            continue
        if flt.facts_only and e.status == "alleged":
            continue
        if flt.as_of is not None and not e.happened_by(flt.as_of):
            continue
        if number is not None:
            if e.docket_entry != number:
                continue
        elif needle is not None and needle not in _fold(entry_text(e)):
            continue
        out.append(as_it_stood(e, flt.as_of) if flt.as_of is not None else e)
    return out


def kind_family(asked: set[str]) -> set[str]:
    """The kinds `--kind` selects: each kind asked for and its family, the kinds named after it
    (`motion`: motion-to-dismiss, motion-for-summary-judgment; `claim-dismissed`:
    claim-dismissed-with-leave, claim-dismissed-in-part). A word that is no kind and heads no
    family is an error, with the closest kind suggested."""
    known = known_kinds()
    out = set()
    for k in sorted(asked):
        family = {x for x in known if x == k or x.startswith(k + "-")}
        if not family:
            close = closest(k, {name: () for name in known}, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise NotFoundError(f"there is no kind '{k}'{hint} (see `casetrack timeline --help`)")
        out |= family
    return out


def known_kinds() -> set[str]:
    """Every kind an entry can have, and the record types, for --kind."""
    return {
        *FILING_KINDS,
        *EVENT_KINDS,
        *RELATION_KINDS,
        *(f"claim-{s}" for s in CLAIM_STATUSES),
        COMPUTED_DEADLINE,
        *RECORD_RANK,
    }


def entry_text(entry: Entry) -> str:
    """The searchable text of an entry."""
    return " ".join(
        t
        for t in (entry.id, entry.kind, entry.title, entry.summary, entry.notes, entry.date_note)
        if t
    )


# --- claims -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What `claims` selects. A party matches a claim it brings or faces itself or through a
    group it belongs to."""

    plaintiff: str | None = None
    defendant: str | None = None
    case: str | None = None
    statuses: tuple[str, ...] = ()
    as_of: dt.date | None = None
    ever: tuple[str, ...] = ()  # statuses a claim has had at any time by `as_of`


def select_claims(dataset: Dataset, flt: ClaimFilter) -> list[ClaimView]:
    """The claims a filter selects, in dataset order, as they stood on `flt.as_of`."""
    names = dataset.complete  # (as in select_entries)
    plaintiffs = groups_of(names, find_party(names, flt.plaintiff).id) if flt.plaintiff else None
    defendants = groups_of(names, find_party(names, flt.defendant).id) if flt.defendant else None
    case_id = find_case(names, flt.case).id if flt.case else None
    statuses = {s.casefold() for s in flt.statuses}
    ever = {s.casefold() for s in flt.ever}
    out = []
    for claim in dataset.claims.values():
        if case_id is not None and claim.case != case_id:
            continue
        if plaintiffs is not None and not plaintiffs.intersection(claim.plaintiffs):
            continue
        if defendants is not None and not defendants.intersection(claim.defendants):
            continue
        if not claim_known_on(dataset, claim, flt.as_of):
            continue
        view = view_claim(dataset, claim, flt.as_of)
        if statuses and view.status not in statuses:
            continue
        if ever and ever.isdisjoint(statuses_had(claim, flt.as_of)):
            continue
        out.append(view)
    return out


# --- parties ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartyRole:
    """A party's role in one case; `via` names the group through which they hold it, if any."""

    case: str
    role: str
    counsel: tuple[str, ...]
    via: str | None = None


def roles_of(dataset: Dataset, party_id: str) -> list[PartyRole]:
    """A party's roles in every case, its own first, then those it holds as a group member."""
    groups = groups_of(dataset, party_id) - {party_id}
    own: list[PartyRole] = []
    shared: list[PartyRole] = []
    for case in dataset.cases.values():
        for cp in case.parties:
            if cp.party == party_id:
                own.append(PartyRole(case.id, cp.role, tuple(cp.counsel)))
            elif cp.party in groups:
                shared.append(PartyRole(case.id, cp.role, tuple(cp.counsel), via=cp.party))
    return own + shared


@dataclass(frozen=True, slots=True)
class Client:
    """Someone a lawyer or firm represents in a case; `through` is the lawyer, for a firm."""

    case: str
    party: str
    role: str
    through: str | None = None


def clients_of(dataset: Dataset, counsel_id: str) -> list[Client]:
    """Whom a lawyer (or, through its lawyers, a law firm) represents, case by case."""
    lawyers = {counsel_id} | {p.id for p in dataset.parties.values() if p.firm == counsel_id}
    out = []
    for case in dataset.cases.values():
        for cp in case.parties:
            for lawyer in cp.counsel:
                if lawyer in lawyers:
                    through = lawyer if lawyer != counsel_id else None
                    out.append(Client(case.id, cp.party, cp.role, through))
    return out


def claims_of(dataset: Dataset, party_id: str, day: dt.date | None) -> list[tuple[str, ClaimView]]:
    """The claims a party brings ("plaintiff") and faces ("defendant"), itself or as a member of
    a group, as they stood on `day`."""
    ids = groups_of(dataset, party_id)
    out = []
    for claim in dataset.claims.values():
        if not claim_known_on(dataset, claim, day):
            continue
        if ids.intersection(claim.plaintiffs):
            out.append(("plaintiff", view_claim(dataset, claim, day)))
        if ids.intersection(claim.defendants):
            out.append(("defendant", view_claim(dataset, claim, day)))
    return out


# --- cases and dates --------------------------------------------------------------------------


def last_and_next(
    entries: Iterable[Entry], day: dt.date, case_id: str | None = None
) -> tuple[Entry | None, Entry | None]:
    """The latest entry on record by `day` and the next one scheduled after it, as they stood."""
    last: Entry | None = None
    following: Entry | None = None
    for e in entries:
        if case_id is not None and e.case != case_id:
            continue
        if not e.happened_by(day):
            continue
        if e.date.earliest() <= day and e.scheduled is None:
            if e.record != "deadline":  # a deadline that has passed is not something that happened
                last = e
        elif e.date.latest() > day and following is None:
            following = as_it_stood(e, day)
    return last, following


def upcoming_entries(entries: Iterable[Entry], day: dt.date) -> list[Entry]:
    """What was on record on `day` for a later date: a scheduled date that stood then and may
    still come after it, or any other entry that lies wholly after it."""
    return [
        as_it_stood(e, day)
        for e in entries
        if e.happened_by(day)
        and (e.date.earliest() > day or (e.scheduled is not None and e.date.latest() > day))
    ]


# --- filings and their threads ----------------------------------------------------------------


def thread_of(dataset: Dataset, filing: Filing) -> list[Filing]:
    """The filing's thread in date and docket order: what it answers or rules on (or the filing
    itself, when it answers nothing), and everything that answers or rules on those."""
    roots = [r for r in (*filing.responds_to, *filing.decides) if r in dataset.filings]
    roots = roots or [filing.id]
    members = {filing.id, *roots}
    for f in dataset.filings.values():
        if not set(roots).isdisjoint((*f.responds_to, *f.decides)):
            members.add(f.id)
    found = [dataset.filings[m] for m in members]
    big = 1 << 62
    return sorted(
        found,
        key=lambda f: (
            *f.date.sort_key(),
            f.docket_entry if f.docket_entry is not None else big,
            f.id,
        ),
    )
