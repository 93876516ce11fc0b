"""Timeline entries: every dated thing in a dataset, flattened into one chronological list.

Filings, events, claim status changes, dated case relations and computed deadlines each become an
`Entry`. One sort key (`Entry.sort_key`) orders them everywhere: the date's own order
(`DateSpan.sort_key`: the earliest day the date can mean, the narrower date first on a tie, so
an exact day sorts before the whole month that starts with it; one day within a range by the
last day it can mean, when it is known to have happened), then the record type, docket number,
kind and id. Ids are unique, so the order is total: shuffling files or records never changes it.

Each entry says since when it is known (`known_since`, see `knowledge`); `happened_by` and
`as_it_stood` give what a view of a day shows of it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from casetrack.claim_history import change_ids
from casetrack.dataset import Dataset
from casetrack.dates import DateSpan
from casetrack.grouped import mark_groups
from casetrack.knowledge import Knowledge
from casetrack.models import Discrepancy, Schedule
from casetrack.render import claim_words, deadline_words, wording

# Tie-break between record types on the same date: what was filed, then what happened, then what
# it did to claims and cases.
RECORD_RANK = {"filing": 0, "event": 1, "status-change": 2, "relation": 3, "deadline": 4}
# The kind of every computed deadline (a `deadlines:` record counted to its due date).
COMPUTED_DEADLINE = "computed-deadline"


@dataclass(frozen=True, slots=True)
class Entry:
    """One dated line of a timeline."""

    id: str
    record: str  # "filing", "event", "status-change", "relation" or "deadline"
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
    by: str | None = None  # for status changes: the filing or event that made it; for deadlines,
    # the trigger
    notes: str | None = field(default=None, compare=False)
    docket_entry: int | None = None  # for filings: the ECF number
    responds_to: tuple[str, ...] = ()  # for filings: ids of the filings it answers
    decides: tuple[str, ...] = ()  # for orders: ids of the motions it rules on
    document_url: str | None = None  # for filings: the main document's address, where known
    # Since when it is known (public): see `knowledge`; None when nothing in the data dates it.
    known_since: dt.date | None = None
    # For a claim status change made alike to other claims by one filing on one day: the id of
    # the one line they are shown as (see `grouped`).
    group: str | None = None

    @property
    def status(self) -> str:
        """'alleged' when someone alleges it, else 'fact'."""
        return "alleged" if self.alleged_by else "fact"

    def sort_key(self) -> tuple[dt.date, int, dt.date, int, int, str, str]:
        # Filings of one day in docket order (ECF 45 before ECF 46), then by kind and id.
        ecf = self.docket_entry if self.docket_entry is not None else 1 << 62
        return (*self.date.sort_key(), RECORD_RANK[self.record], ecf, self.kind, self.id)

    def happened_by(self, day: dt.date) -> bool:
        """Whether this entry was on the record on `day` by what had happened then.

        A past entry counts once its earliest possible day has come (it may have happened: the
        date filters' rule); a scheduled one once it was set, and until it was replaced; a
        computed deadline once its trigger was known. (What was known then is the dataset's
        part: see `knowledge.as_known_on`.)
        """
        if self.record == "deadline" and self.known_since is not None:
            return self.known_since <= day
        if self.scheduled is not None:
            return scheduled_on(self.scheduled, day)
        return self.date.earliest() <= day


def scheduled_on(schedule: Schedule, day: dt.date) -> bool:
    """Whether a scheduled date stood on `day`: set by then, and not yet replaced."""
    if schedule.set_on.earliest() > day:
        return False
    return schedule.replaced_on is None or schedule.replaced_on.earliest() > day


def as_it_stood(entry: Entry, day: dt.date) -> Entry:
    """The entry as it stood on `day`: a scheduled date's replacement is left out until it had
    happened, so that a view of an earlier day does not learn what came later. Every view of a
    day (the timeline, upcoming, a case's next date, every export) takes its entries from here."""
    s = entry.scheduled
    if s is None or s.replaced_on is None or s.replaced_on.earliest() <= day:
        return entry
    standing = s.model_copy(update={"replaced_on": None, "replaced_by": None})
    return dataclasses.replace(entry, scheduled=standing)


def build_entries(dataset: Dataset) -> list[Entry]:
    """Every dated entry of the dataset, in chronological order."""
    built = dataset.built_entries()
    if built is not None:
        return list(built)
    know = Knowledge(dataset)
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
                known_since=know.filing(f),
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
                known_since=know.event(e),
            )
        )
    for c in dataset.claims.values():
        for change, change_id in zip(c.history, change_ids(c), strict=True):
            entries.append(
                Entry(
                    id=change_id,
                    record="status-change",
                    kind=f"claim-{change.status}",
                    date=change.date,
                    title=claim_words.status_change_title(change.status, c.title),
                    summary=change.note,
                    case=c.case,
                    parties=(*c.plaintiffs, *c.defendants),
                    sources=tuple(change.sources or c.sources),
                    unconfirmed=c.unconfirmed,
                    date_note=change.date_note,
                    claim=c.id,
                    by=change.by,
                    known_since=know.change(c, change),
                )
            )
    for case in dataset.cases.values():
        for i, rel in enumerate(case.relations, start=1):
            if rel.date is None:
                continue
            entries.append(
                Entry(
                    id=f"{case.id}~{i}",
                    record="relation",
                    kind=rel.kind,
                    date=rel.date,
                    title=wording.relation_title(dataset, case, rel),
                    summary=rel.note,
                    case=case.id,
                    sources=tuple(rel.sources or case.sources),
                    unconfirmed=case.unconfirmed,
                    known_since=know.relation(case, rel),
                )
            )
    if dataset.deadlines:
        entries.extend(deadline_entries(dataset, know))
    entries.sort(key=Entry.sort_key)
    return mark_groups(entries)


def deadline_entries(dataset: Dataset, know: Knowledge) -> list[Entry]:
    """Each deadline that can be counted, as an entry on its due date. Its summary is the count
    in one line and the rule, so every output that shows a summary shows how it was reached. It
    is known once its trigger is (from the trigger's day when nothing else dates it)."""
    from casetrack.deadlines import view_all

    out = []
    for v in view_all(dataset):
        if v.count is None or v.trigger is None:
            continue
        d = v.deadline
        out.append(
            Entry(
                id=d.id,
                record="deadline",
                kind=COMPUTED_DEADLINE,
                date=DateSpan.of(v.count.due),
                title=d.title,
                summary=deadline_words.deadline_summary(v.count, d.rule),
                case=v.case,
                sources=tuple(d.sources),
                unconfirmed=d.unconfirmed,
                discrepancies=tuple(d.discrepancies),
                by=d.trigger,
                notes=d.notes,
                known_since=know.deadline(d) or v.trigger.earliest(),
            )
        )
    return out


def latest_source_date(dataset: Dataset) -> DateSpan | None:
    """The date of the newest source (published, or for a docket retrieved), for "the record is
    only as new as ..." notes."""
    dated = [
        d for s in dataset.sources.values() for d in (s.published, s.retrieved) if d is not None
    ]
    return max(dated, key=lambda d: d.sort_key()) if dated else None
