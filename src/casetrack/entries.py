"""Timeline entries: every dated thing in a dataset, flattened into one chronological list.

Filings, events, claim status changes and dated case relations each become an `Entry`. One sort
key (`Entry.sort_key`) orders them everywhere: the earliest day the date can mean, then the
narrower date first (13 Jan 2025 before "Jan 2025" only when both start the same day, so an exact
day sorts before the whole month that starts with it), then the record type, kind and id. Ids are
unique, so the order is total: shuffling files or records never changes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from casetrack.dates import DateSpan
from casetrack.loader import Dataset
from casetrack.models import Discrepancy, Schedule

# Tie-break between record types on the same date: what was filed, then what happened, then what
# it did to claims and cases.
RECORD_RANK = {"filing": 0, "event": 1, "status-change": 2, "relation": 3}


@dataclass(frozen=True, slots=True)
class Entry:
    """One dated line of a timeline."""

    id: str
    record: str  # "filing", "event", "status-change" or "relation"
    kind: str
    date: DateSpan
    title: str
    summary: str | None = None
    case: str | None = None
    parties: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    alleged_by: tuple[str, ...] = ()
    alleged_in: str | None = None
    disputed_by: tuple[str, ...] = ()
    unconfirmed: bool = False
    date_note: str | None = None
    scheduled: Schedule | None = None
    discrepancies: tuple[Discrepancy, ...] = ()
    claim: str | None = None  # for status changes: the claim's id
    by: str | None = None  # for status changes: the filing or event that made it
    notes: str | None = field(default=None, compare=False)
    docket_entry: int | None = None  # for filings: the ECF number
    responds_to: tuple[str, ...] = ()  # for filings: ids of the filings it answers
    decides: tuple[str, ...] = ()  # for orders: ids of the motions it rules on
    document_url: str | None = None  # for filings: the main document's address, where known

    @property
    def status(self) -> str:
        """'alleged' when someone alleges it, else 'fact'."""
        return "alleged" if self.alleged_by else "fact"

    def sort_key(self) -> tuple[dt.date, dt.date, int, int, str, str]:
        # Filings of one day in docket order (ECF 45 before ECF 46), then by kind and id.
        ecf = self.docket_entry if self.docket_entry is not None else 1 << 62
        return (*self.date.sort_key(), RECORD_RANK[self.record], ecf, self.kind, self.id)

    def known_on(self, day: dt.date) -> bool:
        """Whether this entry was on the record on `day`.

        A past entry counts once its earliest possible day has come; a scheduled one once it was
        set, and until it was replaced.
        """
        if self.scheduled is not None:
            return scheduled_on(self.scheduled, day)
        return self.date.earliest() <= day


def scheduled_on(schedule: Schedule, day: dt.date) -> bool:
    """Whether a scheduled date stood on `day`: set by then, and not yet replaced."""
    if schedule.set_on.earliest() > day:
        return False
    return schedule.replaced_on is None or schedule.replaced_on.earliest() > day


def build_entries(dataset: Dataset) -> list[Entry]:
    """Every dated entry of the dataset, in chronological order."""
    entries: list[Entry] = []
    for f in dataset.filings.values():
        entries.append(
            Entry(
                id=f.id,
                record="filing",
                kind=f.kind,
                date=f.date,
                title=f.title,
                summary=f.summary,
                case=f.case,
                parties=tuple(f.filed_by),
                sources=tuple(f.sources),
                unconfirmed=f.unconfirmed,
                date_note=f.date_note,
                discrepancies=tuple(f.discrepancies),
                notes=f.notes,
                docket_entry=f.docket_entry,
                responds_to=tuple(f.responds_to),
                decides=tuple(f.decides),
                document_url=next((d.url for d in f.documents if d.attachment is None), None),
            )
        )
    for e in dataset.events.values():
        a = e.alleged
        entries.append(
            Entry(
                id=e.id,
                record="event",
                kind=e.kind,
                date=e.date,
                title=e.title,
                summary=e.summary,
                case=e.case,
                parties=tuple(e.parties),
                sources=tuple(e.sources),
                alleged_by=tuple(a.by) if a else (),
                alleged_in=a.filing if a else None,
                disputed_by=tuple(a.denied_by) if a else (),
                unconfirmed=e.unconfirmed,
                date_note=e.date_note,
                scheduled=e.scheduled,
                discrepancies=tuple(e.discrepancies),
                notes=e.notes,
            )
        )
    for c in dataset.claims.values():
        seen: set[str] = set()
        for change in c.history:
            # Named by date and status, not position, so that inserting an earlier change does not
            # rename later ones (calendar exports use the id as a stable UID).
            change_id = f"{c.id}@{change.date.start.iso()}-{change.status}"
            n = 2
            while change_id in seen:
                change_id = f"{c.id}@{change.date.start.iso()}-{change.status}-{n}"
                n += 1
            seen.add(change_id)
            entries.append(
                Entry(
                    id=change_id,
                    record="status-change",
                    kind=f"claim-{change.status}",
                    date=change.date,
                    title=f"Claim {change.status.replace('-', ' ')}: {c.title}",
                    summary=change.note,
                    case=c.case,
                    parties=(*c.plaintiffs, *c.defendants),
                    sources=tuple(change.sources or c.sources),
                    unconfirmed=c.unconfirmed,
                    date_note=change.date_note,
                    claim=c.id,
                    by=change.by,
                )
            )
    for case in dataset.cases.values():
        for i, rel in enumerate(case.relations, start=1):
            if rel.date is None:
                continue
            other = dataset.cases.get(rel.case)
            other_name = (other.short_name or other.caption) if other else rel.case
            entries.append(
                Entry(
                    id=f"{case.id}~{i}",
                    record="relation",
                    kind=rel.kind,
                    date=rel.date,
                    title=f"{case.short_name or case.caption} {rel.kind.replace('-', ' ')} "
                    f"{other_name}",
                    summary=rel.note,
                    case=case.id,
                    sources=tuple(rel.sources or case.sources),
                    unconfirmed=case.unconfirmed,
                )
            )
    entries.sort(key=Entry.sort_key)
    return entries


def latest_source_date(dataset: Dataset) -> DateSpan | None:
    """The date of the newest source (published, or for a docket retrieved), for "the record is
    only as new as ..." notes."""
    dated = [
        d for s in dataset.sources.values() for d in (s.published, s.retrieved) if d is not None
    ]
    return max(dated, key=lambda d: d.sort_key()) if dated else None
