"""The JSON contract: each record as plain dicts and lists (documented in the README, "JSON
output"). Dates are ISO 8601 at their own precision (`2024`, `2024-12`, `2024-12-20`); a timeline
entry gives its date's bounds (`date`, `end`, null for an open end) with `between` (one day
within them) and `edtf`; a one-value date field holding more than one date (an interval, one day
within a range) gives it in EDTF. Ids are ids, never display names, so scripts can join on them.
Fields are only ever added, never renamed.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from casetrack.claim_history import ClaimView, claim_counts
from casetrack.dataset import Dataset
from casetrack.dates import SINGLE, DateSpan
from casetrack.entries import Entry
from casetrack.lookup import groups_of
from casetrack.mentions import Citation, SearchHit
from casetrack.modeling import dump
from casetrack.models import Case, Discrepancy, Filing, Party, Schedule, Source
from casetrack.query import PartyRole, claims_of, clients_of, roles_of
from casetrack.render.wording import record_label
from casetrack.vocabulary import RECORD_WORDS

if TYPE_CHECKING:
    from casetrack.deadlines import DeadlineView

Json = dict[str, Any]


def json_text(data: Any) -> str:
    """JSON with an ending newline, all ASCII: anything else is escaped (`\\u00eb`), so no control
    character ever reaches a terminal raw, and one call to the C encoder does the work (100k
    timeline entries in well under a second). A single object is indented for reading; an
    array is compact."""
    indent = None if isinstance(data, list) else 2
    return json.dumps(data, indent=indent) + "\n"


def json_parts(data: Any) -> Iterator[str]:
    """`json_text(data)` a part at a time: a list (or any other iterable but a mapping) as the
    compact array `json_text` writes, a thousand items to a part."""
    if isinstance(data, (dict, str)) or not isinstance(data, Iterable):
        yield json_text(data)
        return
    items = iter(data)
    yield "["
    first = True
    while chunk := list(itertools.islice(items, 1000)):
        yield ("" if first else ", ") + json.dumps(chunk)[1:-1]
        first = False
    yield "]\n"


def iso(span: DateSpan | None) -> str | None:
    """A date as one value: ISO 8601 at its own precision; an interval or one day within a
    range in EDTF (`[2024-12-20..2025-02-13~]`), since one ISO date would misstate it."""
    if span is None:
        return None
    if span.shape == SINGLE and span.start is not None:
        return span.start.iso()
    return span.edtf()


def iso_start(span: DateSpan) -> str | None:
    """The first bound of a date, ISO 8601 at its own precision; None for an open start."""
    return span.start.iso() if span.start is not None else None


def iso_end(span: DateSpan | None) -> str | None:
    """The last bound of an interval or a range, ISO 8601 at its own precision; None for a
    single date or an open end."""
    return span.end.iso() if span is not None and span.end is not None else None


def known(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


@functools.lru_cache(maxsize=4096)
def _date_fields(span: DateSpan) -> tuple[str | None, bool, bool, bool, str | None, str]:
    """date, approximate, uncertain, between, end, edtf. Entries share dates (a large dataset
    has a few thousand distinct ones): each is worked out once."""
    return (
        iso_start(span),
        span.approximate,
        span.uncertain,
        span.between,
        iso_end(span),
        span.edtf(),
    )


def discrepancies(items: tuple[Discrepancy, ...] | list[Discrepancy]) -> list[Json]:
    return [
        {
            "about": d.about,
            "accounts": [{"says": a.says, "sources": list(a.sources)} for a in d.accounts],
        }
        for d in items
    ]


def schedule(s: Schedule | None) -> Json | None:
    if s is None:
        return None
    return {
        "set_on": iso(s.set_on),
        "set_by": s.set_by,
        "replaced_on": iso(s.replaced_on),
        "replaced_by": s.replaced_by,
    }


def entry(e: Entry) -> Json:
    """One timeline entry."""
    date, approximate, uncertain, between, end, edtf = _date_fields(e.date)
    return {
        "id": e.id,
        "record": e.record,
        "kind": e.kind,
        "date": date,
        "approximate": approximate,
        "uncertain": uncertain,
        "between": between,
        "end": end,
        "edtf": edtf,
        "date_note": e.date_note,
        "title": e.title,
        "summary": e.summary,
        "case": e.case,
        "parties": list(e.parties),
        "sources": list(e.sources),
        "status": e.status,
        "alleged_by": list(e.alleged_by),
        "alleged_in": e.alleged_in,
        "disputed_by": list(e.disputed_by),
        "unconfirmed": e.unconfirmed,
        "discrepancies": discrepancies(e.discrepancies),
        "scheduled": schedule(e.scheduled),
        "claim": e.claim,
        "docket_entry": e.docket_entry,
        "responds_to": list(e.responds_to),
        "decides": list(e.decides),
        "known_since": known(e.known_since),
        "group": e.group,
    }


def claim(view: ClaimView) -> Json:
    """One claim as it stood on the as-of day."""
    c = view.claim
    return {
        "id": c.id,
        "case": c.case,
        "title": c.title,
        "plaintiffs": list(c.plaintiffs),
        "defendants": list(c.defendants),
        "status": view.status,
        "status_date": iso(view.change.date) if view.change else None,
        "status_by": view.change.by if view.change else None,
        "damages": c.damages,
        "raised": iso(view.raised),
        "filing": c.filing,
        "summary": c.summary,
        "sources": list(c.sources),
        "unconfirmed": c.unconfirmed,
        "discrepancies": discrepancies(c.discrepancies),
        "history": [
            {
                "id": change_id,
                "status": change.status,
                "date": iso(change.date),
                "approximate": change.date.approximate,
                "uncertain": change.date.uncertain,
                "end": iso_end(change.date),
                "date_note": change.date_note,
                "by": change.by,
                "note": change.note,
                "sources": list(change.sources),
            }
            for change_id, change in view.history
        ],
    }


def role(r: PartyRole) -> Json:
    return {"case": r.case, "role": r.role, "counsel": list(r.counsel), "via": r.via}


def party_summary(dataset: Dataset, p: Party) -> Json:
    """A party in the cast list: who they are and their roles."""
    return {
        "id": p.id,
        "name": p.name,
        "kind": p.kind,
        "aliases": list(p.aliases),
        "description": p.description,
        "firm": p.firm,
        "members": list(p.members),
        "member_of": sorted(groups_of(dataset, p.id) - {p.id}),
        "roles": [role(r) for r in roles_of(dataset, p.id)],
        "represents": [
            {"case": c.case, "party": c.party, "role": c.role, "through": c.through}
            for c in clients_of(dataset, p.id)
        ],
        "sources": list(p.sources),
        "unconfirmed": p.unconfirmed,
        "discrepancies": discrepancies(p.discrepancies),
    }


def party(dataset: Dataset, p: Party, timeline: list[Entry], day: dt.date | None) -> Json:
    """One party in full: who, roles, counsel or clients, claims (with `side`) and timeline."""
    out = party_summary(dataset, p)
    out["claims"] = [{**claim(v), "side": side} for side, v in claims_of(dataset, p.id, day)]
    out["timeline"] = [entry(e) for e in timeline]
    return out


def case(
    dataset: Dataset,
    c: Case,
    claims: list[ClaimView],
    last: Entry | None,
    following: Entry | None,
) -> Json:
    """One case: court, docket, judge, parties by role, relations, claims, last and next dates."""
    return {
        "id": c.id,
        "caption": c.caption,
        "short_name": c.short_name,
        "court": c.court,
        "docket": c.docket,
        "judge": c.judge,
        "filed": iso(c.filed),
        "parties": [
            {"party": cp.party, "role": cp.role, "counsel": list(cp.counsel)} for cp in c.parties
        ],
        "relations": [{"kind": r.kind, "case": r.case, "date": iso(r.date)} for r in c.relations],
        "claim_counts": claim_counts(claims),
        "claims": [v.claim.id for v in claims],
        "last": _dated(last),
        "next": _dated(following),
        "summary": c.summary,
        "sources": list(c.sources),
        "unconfirmed": c.unconfirmed,
        "discrepancies": discrepancies(c.discrepancies),
    }


def _dated(e: Entry | None) -> Json | None:
    if e is None:
        return None
    return {
        "id": e.id,
        "date": iso_start(e.date),
        "end": iso_end(e.date),
        "between": e.date.between,
        "title": e.title,
    }


def upcoming(e: Entry, day: dt.date) -> Json:
    """An upcoming entry, with how many days away its earliest possible day is."""
    return {**entry(e), "days_away": (e.date.earliest() - day).days}


def deadline(v: DeadlineView, day: dt.date) -> Json:
    """A counted deadline: what, from which trigger, under which rule, the count and every step.
    `due` and `computation` are null when the trigger has no day (`no_deadline` says why)."""
    d = v.deadline
    c = v.count
    return {
        "id": d.id,
        "case": v.case,
        "title": d.title,
        "from": d.trigger,
        "trigger_date": iso(v.trigger),
        "period": str(d.period),
        "service": d.service,
        "rule": d.rule,
        "state": v.state,
        "state_from": v.state_from,
        "due": c.due.isoformat() if c is not None else None,
        "days_away": (c.due - day).days if c is not None else None,
        "computation": c.line() if c is not None else None,
        "no_deadline": v.no_deadline,
        "questions": [q.text() for q in c.questions] if c is not None else [],
        "steps": [
            {"date": s.day.isoformat() if s.day else None, "text": s.text, "rule": s.rule}
            for s in (c.steps if c is not None else ())
        ],
        "sources": list(d.sources),
        "notes": d.notes,
    }


def filing(f: Filing, thread: list[Filing]) -> Json:
    """One filing in full, as written in the data (dates in ISO at their precision), and the ids
    of its thread in order."""
    return {
        **dump(f, exclude_none=True),
        "date": iso(f.date),
        "thread": [t.id for t in thread],
    }


def source(s: Source) -> Json:
    return {
        "id": s.id,
        "kind": s.kind,
        "title": s.title,
        "outlet": s.outlet,
        "author": s.author,
        "published": iso(s.published),
        "url": s.url,
        "file": s.file,
    }


def source_detail(dataset: Dataset, s: Source, cited: list[Citation]) -> Json:
    out = source(s)
    out["notes"] = s.notes
    out["cited_by"] = [
        {
            "type": RECORD_WORDS[c.section],
            "id": c.id,
            "title": record_label(dataset, c.id),
            "via": c.via,
        }
        for c in cited
    ]
    return out


def search_hit(dataset: Dataset, hit: SearchHit) -> Json:
    return {
        "type": RECORD_WORDS[hit.section],
        "id": hit.id,
        "title": record_label(dataset, hit.id),
        "fields": list(hit.fields),
        "excerpt": hit.excerpt,
        "date": iso(hit.date),
    }
