"""Pure selection over a dataset: find a party or case by what people type, filter a timeline.

Nothing here prints. Lookups raise NotFoundError (with suggestions) or AmbiguousError (with the
candidates); the command line turns them into one line on stderr and exit 1.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from casetrack.characters import find_folded
from casetrack.characters import fold as _fold
from casetrack.dataset import Dataset
from casetrack.dates import DateSpan, PartialDate
from casetrack.ecf import typed_ecf
from casetrack.entries import COMPUTED_DEADLINE, RECORD_RANK, Entry
from casetrack.errors import InputError, NotFoundError
from casetrack.fuzzy import closest
from casetrack.models import Case, Claim, Filing, Party, Record, Source, StatusChange
from casetrack.vocabulary import CLAIM_STATUSES, EVENT_KINDS, FILING_KINDS, RELATION_KINDS


class AmbiguousError(NotFoundError):
    """A name that matches several records."""


def find_party(dataset: Dataset, name: str) -> Party:
    """The party whose id, name or alias is `name` (compared folded: any case, any Unicode form,
    invisible characters ignored); else the only one whose name or alias contains it. Raises
    NotFoundError / AmbiguousError."""
    wanted = _fold(name)
    if not wanted:
        raise NotFoundError("give a party's name, alias or id")
    keys = {pid: [p.id, p.name, *p.aliases] for pid, p in dataset.parties.items()}
    exact = [pid for pid, ks in keys.items() if any(_fold(k) == wanted for k in ks)]
    if len(exact) == 1:
        return dataset.parties[exact[0]]
    matches = exact or [pid for pid, ks in keys.items() if any(wanted in _fold(k) for k in ks)]
    if len(matches) == 1:
        return dataset.parties[matches[0]]
    if matches:
        listed = "; ".join(f"{dataset.parties[m].name} ({m})" for m in sorted(matches)[:10])
        more = f"; and {len(matches) - 10} more" if len(matches) > 10 else ""
        raise AmbiguousError(f"'{name}' matches {len(matches)} parties: {listed}{more}")
    suggestions = closest(name, {pid: ks for pid, ks in keys.items()})
    hint = ""
    if suggestions:
        hint = "; did you mean " + " or ".join(
            f"'{dataset.parties[s].name}' ({s})" for s in suggestions
        )
    raise NotFoundError(
        f"no party matches '{name}'{hint}?" if hint else f"no party matches '{name}'"
    )


def find_case(dataset: Dataset, name: str) -> Case:
    """The case whose id, short name, caption or docket number is (or contains) `name`, compared
    folded."""
    wanted = _fold(name)
    keys = {
        cid: [c.id, c.caption, *(x for x in (c.short_name, c.docket) if x)]
        for cid, c in dataset.cases.items()
    }
    exact = [cid for cid, ks in keys.items() if any(_fold(k) == wanted for k in ks)]
    if not exact:
        # 1:24-cv-10049, 1:24-cv-10049-LJL and 1:24-cv-10049 (LJL) are one case.
        from casetrack.dockets.numbers import same_docket

        exact = [cid for cid, c in dataset.cases.items() if same_docket(c.docket, name)]
    if len(exact) == 1:
        return dataset.cases[exact[0]]
    matches = exact or [cid for cid, ks in keys.items() if any(wanted in _fold(k) for k in ks)]
    if len(matches) == 1:
        return dataset.cases[matches[0]]
    if matches:
        listed = "; ".join(f"{dataset.cases[m].caption} ({m})" for m in sorted(matches))
        raise AmbiguousError(f"'{name}' matches {len(matches)} cases: {listed}")
    suggestions = closest(name, keys)
    hint = f"; did you mean '{suggestions[0]}'?" if suggestions else ""
    raise NotFoundError(f"no case matches '{name}'{hint}")


def find_source(dataset: Dataset, source_id: str) -> Source:
    """The source with this id (compared folded when no id is exactly it). Raises NotFoundError,
    with the closest ids suggested."""
    found = dataset.sources.get(source_id)
    if found is not None:
        return found
    wanted = _fold(source_id)
    matches = [s for sid, s in dataset.sources.items() if _fold(sid) == wanted]
    if len(matches) == 1:
        return matches[0]
    keys = {s.id: [s.title, *([s.outlet] if s.outlet else [])] for s in dataset.sources.values()}
    near = closest(source_id, keys)
    hint = f"; did you mean {' or '.join(near)}?" if near else ""
    raise NotFoundError(f"no source with id '{source_id}'{hint}")


def groups_of(dataset: Dataset, party_id: str) -> set[str]:
    """The party itself and every group it belongs to."""
    return {party_id} | {g.id for g in dataset.parties.values() if party_id in g.members}


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
    as_of: dt.date | None = None


def select_entries(dataset: Dataset, entries: Iterable[Entry], flt: TimelineFilter) -> list[Entry]:
    """The entries a filter selects, in their (chronological) order.

    Date filters keep every entry whose date range overlaps the asked range: "Jan 2025" is kept by
    `--from 2025-01-15` (it may have fallen on or after the 15th) and by `--to 2025-01-15`.
    `--from 2025-01` starts on 1 Jan 2025; `--to 2025-01` ends on 31 Jan 2025.
    `as_of` keeps what was on the record that day (see Entry.known_on).
    """
    case_id = find_case(dataset, flt.case).id if flt.case else None
    party_ids = groups_of(dataset, find_party(dataset, flt.party).id) if flt.party else None
    kinds = {_fold(k) for k in flt.kinds}
    for k in sorted(kinds - known_kinds()):
        close = closest(k, {name: () for name in known_kinds()}, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise NotFoundError(f"there is no kind '{k}'{hint} (see `casetrack timeline --help`)")
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
        if flt.as_of is not None and not e.known_on(flt.as_of):
            continue
        if number is not None:
            if e.docket_entry != number:
                continue
        elif needle is not None and needle not in _fold(entry_text(e)):
            continue
        out.append(e)
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


# --- names ------------------------------------------------------------------------------------


def party_name(dataset: Dataset, party_id: str) -> str:
    """A party's name, or its id when the dataset does not know it."""
    party = dataset.parties.get(party_id)
    return party.name if party else party_id


def case_name(dataset: Dataset, case_id: str) -> str:
    """A case's short name (else its caption), or its id when the dataset does not know it."""
    case = dataset.cases.get(case_id)
    return (case.short_name or case.caption) if case else case_id


def record_label(dataset: Dataset, record_id: str) -> str:
    """What a record is called: a party's name, a case's short name, a filing's title, ..."""
    record = dataset.get(record_id)
    for attribute in ("name", "short_name", "title", "caption"):
        value = getattr(record, attribute, None)
        if isinstance(value, str) and value:
            return value
    return record_id


# --- claims -----------------------------------------------------------------------------------


def claim_raised(dataset: Dataset, claim: Claim) -> DateSpan | None:
    """When a claim was raised: its own date, else the date of the filing that raised it."""
    if claim.date is not None:
        return claim.date
    filing = dataset.filings.get(claim.filing) if claim.filing else None
    return filing.date if filing else None


def claim_status(
    dataset: Dataset, claim: Claim, day: dt.date | None = None
) -> tuple[str, StatusChange | None]:
    """A claim's status on `day` (None: its latest) and the change that set it.

    The status is that of the last change whose date may have come by `day` (its earliest day is
    on or before it); before any change a claim is pending.
    """
    changes = sorted(claim.history, key=lambda c: c.date.sort_key())
    if day is not None:
        changes = [c for c in changes if c.date.earliest() <= day]
    if not changes:
        return "pending", None
    return changes[-1].status, changes[-1]


def claim_known_on(dataset: Dataset, claim: Claim, day: dt.date | None) -> bool:
    """Whether a claim had been raised by `day` (a claim of unknown date always counts)."""
    if day is None:
        return True
    raised = claim_raised(dataset, claim)
    return raised is None or raised.earliest() <= day


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim as it stood on a day: its status then and the change that set it."""

    claim: Claim
    status: str
    change: StatusChange | None
    raised: DateSpan | None


def view_claim(dataset: Dataset, claim: Claim, day: dt.date | None) -> ClaimView:
    status, change = claim_status(dataset, claim, day)
    return ClaimView(claim, status, change, claim_raised(dataset, claim))


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What `claims` selects. A party matches a claim it brings or faces itself or through a
    group it belongs to."""

    plaintiff: str | None = None
    defendant: str | None = None
    case: str | None = None
    statuses: tuple[str, ...] = ()
    as_of: dt.date | None = None


def select_claims(dataset: Dataset, flt: ClaimFilter) -> list[ClaimView]:
    """The claims a filter selects, in dataset order, as they stood on `flt.as_of`."""
    plaintiffs = (
        groups_of(dataset, find_party(dataset, flt.plaintiff).id) if flt.plaintiff else None
    )
    defendants = (
        groups_of(dataset, find_party(dataset, flt.defendant).id) if flt.defendant else None
    )
    case_id = find_case(dataset, flt.case).id if flt.case else None
    statuses = {s.casefold() for s in flt.statuses}
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
        out.append(view)
    return out


def claim_counts(views: Iterable[ClaimView]) -> dict[str, int]:
    """How many claims have each status, most common first."""
    counts: dict[str, int] = {}
    for v in views:
        counts[v.status] = counts.get(v.status, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


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
    """The latest entry on record by `day` and the next one scheduled after it."""
    last: Entry | None = None
    following: Entry | None = None
    for e in entries:
        if case_id is not None and e.case != case_id:
            continue
        if not e.known_on(day):
            continue
        if e.date.earliest() <= day and e.scheduled is None:
            if e.record != "deadline":  # a deadline that has passed is not something that happened
                last = e
        elif e.date.latest() > day and following is None:
            following = e
    return last, following


def upcoming_entries(entries: Iterable[Entry], day: dt.date) -> list[Entry]:
    """What was on record on `day` for a later date: a scheduled date that stood then and may
    still come after it, or any other entry that lies wholly after it."""
    return [
        e
        for e in entries
        if e.known_on(day)
        and (e.date.earliest() > day or (e.scheduled is not None and e.date.latest() > day))
    ]


# --- sources and search -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Citation:
    """A record that cites a source; `via` says where (a role, a status change, a discrepancy)."""

    section: str
    id: str
    via: str | None = None


def citations(dataset: Dataset, source_id: str) -> list[Citation]:
    """Every record that cites a source, anywhere in it, in dataset order."""
    out: list[Citation] = []
    for name in ("parties", "cases", "filings", "claims", "events", "deadlines"):
        for record in dataset.section(name).values():
            for via in _citing_places(record, source_id):
                out.append(Citation(name, record.id, via))
    return out


def _citing_places(record: Record, source_id: str) -> list[str | None]:
    places: list[str | None] = []
    if source_id in record.sources:
        places.append(None)
    if isinstance(record, Case):
        places += [f"role of {cp.party}" for cp in record.parties if source_id in cp.sources]
        places += [f"{r.kind} {r.case}" for r in record.relations if source_id in r.sources]
    if isinstance(record, Claim):
        places += [
            f"status {c.status} ({c.date.edtf()})" for c in record.history if source_id in c.sources
        ]
    for d in record.discrepancies:
        if any(source_id in a.sources for a in d.accounts):
            places.append(f"sources differ: {d.about}")
    return places


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A record whose text contains what was searched for."""

    section: str
    id: str
    fields: tuple[str, ...]
    excerpt: str


SEARCH_SECTIONS = ("parties", "cases", "filings", "claims", "events", "deadlines", "sources")
_NAME_FIELDS = frozenset({"id", "name", "aliases", "title", "caption", "short_name"})


def search_records(dataset: Dataset, text: str) -> list[SearchHit]:
    """Every record with a text field containing `text` (case-insensitive), grouped by section."""
    needle = _fold(text)
    if not needle:
        raise InputError("give some text to search for")
    number = typed_ecf(text)
    if number is not None:
        # "ECF 45" is docket entry 45 of any case, not every text containing "ecf 45".
        return [
            SearchHit("filings", f.id, ("docket_entry",), f.title)
            for f in dataset.filings.values()
            if f.docket_entry == number
        ]
    hits = []
    for name in SEARCH_SECTIONS:
        for record in dataset.section(name).values():
            found = [
                (key, value)
                for key, value in _texts(record.model_dump(mode="json", exclude_none=True))
                if needle in _fold(value)
            ]
            if found:
                fields = tuple(dict.fromkeys(key for key, _ in found))
                # The excerpt comes from the first field that says more than the record's name.
                named = next((v for k, v in found if k != "id"), found[0][1])
                shown = next((v for k, v in found if k not in _NAME_FIELDS), named)
                hits.append(SearchHit(name, record.id, fields, _excerpt(shown, needle)))
    return hits


def _texts(data: Any, key: str = "") -> Iterable[tuple[str, str]]:
    if isinstance(data, str):
        yield key, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _texts(v, f"{key}.{k}" if key else k)
    elif isinstance(data, list):
        for v in data:
            yield from _texts(v, key)


def _excerpt(text: str, needle: str, around: int = 50) -> str:
    # Composed (NFC): looks the same, and lets a composed needle be found in decomposed text.
    flat = unicodedata.normalize("NFC", " ".join(text.split()))
    found = find_folded(flat, needle)
    if found is None:
        return flat[: 2 * around]
    start = max(0, found[0] - around)
    end = min(len(flat), found[1] + around)
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


# --- filings and their threads ----------------------------------------------------------------


def find_filing(dataset: Dataset, name: str, case: str | None = None) -> Filing:
    """A filing by id, or by its ECF number ('ECF 45', within --case when several cases have one)."""
    found = dataset.filings.get(name.strip())
    if found is not None:
        return found
    number = typed_ecf(name) if not name.strip().isdigit() else int(name.strip())
    if number is None:
        suggestions = closest(name, {fid: [f.title] for fid, f in dataset.filings.items()}, n=1)
        hint = f"; did you mean '{suggestions[0]}'?" if suggestions else ""
        raise NotFoundError(f"no filing '{name}'{hint} (give its id or 'ECF 45')")
    case_id = find_case(dataset, case).id if case else None
    matches = [
        f
        for f in dataset.filings.values()
        if f.docket_entry == number and (case_id is None or f.case == case_id)
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        where = f" in {case_name(dataset, case_id)}" if case_id else ""
        raise NotFoundError(f"no filing is ECF {number}{where}")
    listed = "; ".join(f"{f.id} ({case_name(dataset, f.case or '')})" for f in matches)
    raise AmbiguousError(f"ECF {number} is in {len(matches)} cases: {listed}; add --case")


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
