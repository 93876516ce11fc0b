"""Pure selection over a dataset: find a party or case by what people type, filter a timeline.

Nothing here prints. Lookups raise NotFoundError (with suggestions) or AmbiguousError (with the
candidates); the command line turns them into one line on stderr and exit 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from casetrack.dates import PartialDate
from casetrack.entries import Entry
from casetrack.errors import NotFoundError
from casetrack.fuzzy import closest
from casetrack.loader import Dataset
from casetrack.models import Case, Party


class AmbiguousError(NotFoundError):
    """A name that matches several records."""


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def find_party(dataset: Dataset, name: str) -> Party:
    """The party whose id, name or alias is `name` (case-insensitive); else the only one whose
    name or alias contains it. Raises NotFoundError / AmbiguousError."""
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
        listed = "; ".join(f"{dataset.parties[m].name} ({m})" for m in sorted(matches))
        raise AmbiguousError(f"'{name}' matches {len(matches)} parties: {listed}")
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
    """The case whose id, short name, caption or docket number is (or contains) `name`."""
    wanted = _fold(name)
    keys = {
        cid: [c.id, c.caption, *(x for x in (c.short_name, c.docket) if x)]
        for cid, c in dataset.cases.items()
    }
    exact = [cid for cid, ks in keys.items() if any(_fold(k) == wanted for k in ks)]
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


def groups_of(dataset: Dataset, party_id: str) -> set[str]:
    """The party itself and every group it belongs to."""
    return {party_id} | {g.id for g in dataset.parties.values() if party_id in g.members}


def involves(entry: Entry, party_ids: set[str]) -> bool:
    """Whether an entry names any of the parties (as actor, alleger or denier)."""
    return bool(party_ids.intersection(entry.parties, entry.alleged_by, entry.disputed_by))


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
    kinds = {k.casefold() for k in flt.kinds}
    start = flt.start.earliest() if flt.start else None
    end = flt.end.latest() if flt.end else None
    needle = _fold(flt.search) if flt.search else None
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
        if needle is not None and needle not in _fold(entry_text(e)):
            continue
        out.append(e)
    return out


def entry_text(entry: Entry) -> str:
    """The searchable text of an entry."""
    return " ".join(
        t
        for t in (entry.id, entry.kind, entry.title, entry.summary, entry.notes, entry.date_note)
        if t
    )
