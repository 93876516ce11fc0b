"""How each record becomes rows of the tables in `casetrack.sqlschema`.

Each function takes one record and yields `(table, row)` pairs: the record's own row, its link
rows (who filed it, who brings a claim, ...), its citations and its discrepancies. A row is a
tuple in the table's column order (the comments name the columns): at 100,000 records that is
half a million rows, and building dicts first costs a third of the export's time. Which records
go in is decided in `casetrack.export.sqlite`.

Text from the data is cleaned of control characters, as in every other output; dates are ISO
8601 at their own precision, as in the JSON output.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from typing import Any

from casetrack.characters import clean
from casetrack.claim_history import ClaimView
from casetrack.dates import DateSpan
from casetrack.entries import Entry
from casetrack.models import Case, Discrepancy, Event, Filing, Party, Record, Schedule, Source
from casetrack.render.records import iso, iso_end, iso_start, known
from casetrack.render.wording import via_discrepancy, via_role

Row = tuple[Any, ...]
Rows = Iterator[tuple[str, Row]]


def text(value: str | None) -> str | None:
    """Text from the data, cleaned of control characters like every other output's."""
    if value is None or value.isprintable():
        return value
    return clean(value)


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def ids_json(ids: Iterable[str]) -> str:
    """A JSON array of ids. Ids are letters, digits, '.', '_' and '-' (models.ID_PATTERN), so
    they need no escaping: this is the fast way for the hundreds of thousands of lists."""
    listed = '","'.join(ids)
    return f'["{listed}"]' if listed else "[]"


def dated(span: DateSpan | None, note: str | None) -> Row:
    """date, approximate, uncertain, end, between, date_note, earliest, latest."""
    date, approximate, uncertain, end, between, earliest, latest = _date_cells(span)
    return date, approximate, uncertain, end, between, text(note), earliest, latest


@functools.lru_cache(maxsize=4096)
def _date_cells(span: DateSpan | None) -> Row:
    # Records share dates (a large dataset has a few thousand distinct ones): work each out once.
    if span is None:
        return None, 0, 0, None, 0, None, None
    return (
        iso_start(span),
        int(span.approximate),
        int(span.uncertain),
        iso_end(span),
        int(span.between),
        span.earliest().isoformat() if span.start is not None else None,
        None if span.open_end else span.latest().isoformat(),
    )


def scheduled(schedule: Schedule | None) -> Row:
    """scheduled_set_on, _set_by, _replaced_on, _replaced_by: the schedule as the entry gives it
    (as it stood on the view's day: see `entries.as_it_stood`)."""
    if schedule is None:
        return None, None, None, None
    return (
        iso(schedule.set_on),
        schedule.set_by,
        iso(schedule.replaced_on),
        schedule.replaced_by,
    )


def _discrepancies_json(items: tuple[Discrepancy, ...]) -> str:
    if not items:
        return "[]"
    return _encode(
        [
            {
                "about": text(d.about),
                "accounts": [
                    {"says": text(a.says), "sources": list(a.sources)} for a in d.accounts
                ],
            }
            for d in items
        ]
    )


def timeline(e: Entry, position: int, docket_text: str | None) -> Row:
    """One entry: the JSON timeline's fields (render/records.py `entry`) with `scheduled`
    spread over four columns, plus its bounds, its place in the order, its notes and, for a
    filing, its docket text."""
    return (
        e.id,
        e.record,
        e.kind,
        *dated(e.date, e.date_note),
        text(e.title),
        text(e.summary),
        e.case,
        ids_json(e.parties),
        ids_json(e.sources),
        e.status,
        ids_json(e.alleged_by),
        e.alleged_in,
        ids_json(e.disputed_by),
        int(e.unconfirmed),
        _discrepancies_json(e.discrepancies),
        *scheduled(e.scheduled),
        e.claim,
        e.docket_entry,
        ids_json(e.responds_to),
        ids_json(e.decides),
        position,
        text(e.notes),
        text(docket_text),
        e.date.edtf(),
        known(e.known_since),
        e.group,
    )


# Where a citation or a discrepancy names its record: the column of each record type, after
# `record_type` and `record`. Citations link status changes and relations too.
_TYPES = ("party", "case", "filing", "claim", "event", "status-change", "relation")
_BLANK = (None,) * len(_TYPES)


def _naming(record_type: str, record_id: str, width: int) -> Row:
    """record_type, record, and the record's id in its own link column (of `width` columns)."""
    at = _TYPES.index(record_type)
    return (record_type, record_id, *_BLANK[:at], record_id, *_BLANK[at + 1 : width])


def citations(record_type: str, record_id: str, ids: Iterable[str], via: str | None = None) -> Rows:
    """A record's sources, each once: source, <naming>, via."""
    naming = _naming(record_type, record_id, 7)
    for source in dict.fromkeys(ids):
        yield "citations", (source, *naming, via)


def _cited(record_type: str, record: Record) -> Rows:
    """A record's own citations, and its discrepancies with theirs (worded as in
    `casetrack sources ID`)."""
    yield from citations(record_type, record.id, record.sources)
    for d in record.discrepancies:
        about = text(d.about)
        naming = _naming(record_type, record.id, 5)
        for n, account in enumerate(d.accounts, start=1):
            # <naming>, about, account, says, sources
            row = (*naming, about, n, text(account.says), ids_json(account.sources))
            yield "discrepancies", row
        sources = [s for a in d.accounts for s in a.sources]
        yield from citations(record_type, record.id, sources, via=text(via_discrepancy(d.about)))


def _about(record: Record) -> Row:
    """notes, unconfirmed."""
    return text(record.notes), int(record.unconfirmed)


def filing(f: Filing) -> Rows:
    """A filing, who filed it, the filings it answers or rules on, and its documents."""
    # id, case, kind, title, summary, <dated>, docket_entry, docket_text, notes, unconfirmed
    row = (f.id, f.case, f.kind, text(f.title), text(f.summary), *dated(f.date, f.date_note))
    yield "filings", (*row, f.docket_entry, text(f.docket_text), *_about(f))
    for p in dict.fromkeys(f.filed_by):
        yield "filing_parties", (f.id, p)
    for kind, ids in (("responds-to", f.responds_to), ("decides", f.decides)):
        for other in dict.fromkeys(ids):
            yield "filing_references", (f.id, other, kind)
    for d in f.documents:
        # filing, attachment, description, url
        yield "documents", (f.id, d.attachment, text(d.description), text(d.url))
    yield from _cited("filing", f)


def event(v: Event, entry: Entry) -> Rows:
    """An event (as its timeline entry stands on the view's day: its status and schedule), and
    when it is an allegation, the allegation with who alleges and denies it."""
    a = v.alleged
    # id, case, kind, title, summary, <dated>, status, alleged_in, <scheduled>, notes, unconfirmed
    row = (v.id, v.case, v.kind, text(v.title), text(v.summary), *dated(v.date, v.date_note))
    alleged_in = a.filing if a else None
    status = entry.status
    yield "events", (*row, status, alleged_in, *scheduled(entry.scheduled), *_about(v))
    for p in dict.fromkeys(v.parties):
        yield "event_parties", (v.id, p)
    if a is not None:
        # event, title, case, filing, note
        yield "allegations", (v.id, text(v.title), v.case, a.filing, text(a.note))
        for side, ids in (("alleges", a.by), ("denies", a.denied_by)):
            for p in dict.fromkeys(ids):
                yield "allegation_parties", (v.id, p, side)
    yield from _cited("event", v)


def claim(view: ClaimView) -> Rows:
    """A claim as it stood on the as-of day, and who brings it against whom."""
    c = view.claim
    change = view.change
    yield (
        "claims",
        (
            c.id,
            c.case,
            text(c.title),
            view.status,
            iso(change.date) if change else None,  # status_date
            change.by if change else None,  # status_by
            text(c.damages),
            iso(view.raised),
            c.filing,
            text(c.summary),
            *_about(c),
        ),
    )
    for side, ids in (("plaintiff", c.plaintiffs), ("defendant", c.defendants)):
        for p in dict.fromkeys(ids):
            yield "claim_parties", (c.id, p, side)
    yield from _cited("claim", c)


def status_change(e: Entry) -> Rows:
    """A claim status change, from its timeline entry (whose id it keeps)."""
    # id, claim, status, <dated>, by, note
    status = e.kind.removeprefix("claim-")
    row = (e.id, e.claim, status, *dated(e.date, e.date_note), e.by, text(e.summary))
    yield "claim_status_changes", row
    yield from citations("status-change", e.id, e.sources)


def relation(case: Case, n: int) -> Rows:
    """The case's n-th relation (from 1), with the id its timeline entry has."""
    rel = case.relations[n - 1]
    rid = f"{case.id}~{n}"
    # id, case, kind, other_case, <dated>, note
    yield "relations", (rid, case.id, rel.kind, rel.case, *dated(rel.date, None), text(rel.note))
    yield from citations("relation", rid, rel.sources or case.sources)


def case(c: Case) -> Rows:
    yield (
        "cases",
        (
            c.id,
            text(c.short_name or c.caption),  # name
            text(c.caption),
            text(c.short_name),
            c.court,
            text(c.docket),
            c.judge,
            iso(c.filed),
            text(c.date_note),
            iso(c.terminated),
            text(c.nature_of_suit),
            text(c.cause),
            text(c.summary),
            *_about(c),
        ),
    )
    yield from _cited("case", c)


def cast(c: Case, members: dict[str, list[str]]) -> Rows:
    """Who takes part in a case: each party's role, the members of a group holding it through
    the group (`via`), and counsel."""
    for cp in c.parties:
        # case, party, role, via, note
        yield "case_parties", (c.id, cp.party, cp.role, None, text(cp.note))
        for m in dict.fromkeys(members.get(cp.party, ())):
            yield "case_parties", (c.id, m, cp.role, cp.party, None)
        for lawyer in dict.fromkeys(cp.counsel):
            # case, party, role, counsel
            yield "case_counsel", (c.id, cp.party, cp.role, lawyer)
        yield from citations("case", c.id, cp.sources, via=via_role(cp.party))


def party(p: Party) -> Rows:
    aliases = _encode([text(a) for a in p.aliases])
    # id, name, kind, description, aliases, firm, notes, unconfirmed
    yield "parties", (p.id, text(p.name), p.kind, text(p.description), aliases, p.firm, *_about(p))
    for m in dict.fromkeys(p.members):
        yield "group_members", (p.id, m)
    yield from _cited("party", p)


def source(s: Source) -> Rows:
    yield (
        "sources",
        (
            s.id,
            s.kind,
            text(s.title),
            text(s.outlet),
            text(s.author),
            iso(s.published),
            iso(s.retrieved),
            text(s.date_note),
            text(s.url),
            text(s.file),
            text(s.notes),
        ),
    )
