"""What a diff means for the case: claims whose status changed, scheduled dates that moved, new
allegations and denials, new disagreements between sources, new sources.

Derived from both versions, but only from the records a diff found added or changed, so the work
grows with the size of the change, not of the dataset. Pure: nothing here prints or words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from casetrack.claim_history import claim_status
from casetrack.dates import DateSpan
from casetrack.diff import Diff, RecordChange
from casetrack.models import Claim, Discrepancy, Event, Source, StatusChange


@dataclass(frozen=True, slots=True)
class StatusMove:
    """A claim whose status is not what it was; `change` is the status change that set the new
    one (None when the claim is pending again)."""

    claim: Claim
    old_status: str
    new_status: str
    change: StatusChange | None


@dataclass(frozen=True, slots=True)
class DateMove:
    """A scheduled date that moved (to `new_date`, the date of event `to_event` when the move
    made a new event), was vacated, or was newly set. `on` is when it moved or was set."""

    change: Literal["moved", "vacated", "set"]
    event: Event
    old_date: DateSpan | None
    new_date: DateSpan | None
    on: DateSpan | None
    to_event: Event | None = None


@dataclass(frozen=True, slots=True)
class NewAllegation:
    """An event newly marked as an allegation (or added as one)."""

    event: Event


@dataclass(frozen=True, slots=True)
class NewDenial:
    """Parties who now deny an allegation they were not recorded as denying before."""

    event: Event
    denied_by: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NewDisagreement:
    """A detail on which the sources are newly recorded as disagreeing, in record `id`."""

    section: str
    id: str
    discrepancy: Discrepancy


@dataclass(frozen=True, slots=True)
class Developments:
    """The changes in the case's state, each kind in date order."""

    claims: tuple[StatusMove, ...] = ()
    schedule: tuple[DateMove, ...] = ()
    allegations: tuple[NewAllegation, ...] = ()
    denials: tuple[NewDenial, ...] = ()
    disagreements: tuple[NewDisagreement, ...] = ()
    sources: tuple[Source, ...] = ()

    def __bool__(self) -> bool:
        return any(
            (
                self.claims,
                self.schedule,
                self.allegations,
                self.denials,
                self.disagreements,
                self.sources,
            )
        )


def developments(diff: Diff) -> Developments:
    """What the records added and changed in `diff` mean for the case."""
    fresh = [c for c in diff.changes if c.change in ("added", "changed")]
    claims = [m for c in fresh if c.section == "claims" and (m := _status_move(diff, c))]
    events = [c for c in fresh if c.section == "events"]
    schedule = _schedule(diff, events)
    allegations, denials = _allegations(diff, events)
    sources = [c.new for c in fresh if c.change == "added" and isinstance(c.new, Source)]
    return Developments(
        claims=tuple(sorted(claims, key=_status_order)),
        schedule=tuple(sorted(schedule, key=lambda m: _date_order(m.new_date or m.old_date))),
        allegations=tuple(allegations),
        denials=tuple(denials),
        disagreements=tuple(_disagreements(fresh)),
        sources=tuple(sources),
    )


def _status_move(diff: Diff, c: RecordChange) -> StatusMove | None:
    if not isinstance(c.old, Claim) or not isinstance(c.new, Claim):
        return None
    before, _ = claim_status(diff.old, c.old)
    after, change = claim_status(diff.new, c.new)
    return StatusMove(c.new, before, after, change) if before != after else None


def _status_order(m: StatusMove) -> tuple[object, ...]:
    return (_date_order(m.change.date if m.change else None), m.claim.id)


def _date_order(date: DateSpan | None) -> tuple[object, ...]:
    return (0, date.sort_key()) if date is not None else (1,)


def _schedule(diff: Diff, changes: list[RecordChange]) -> list[DateMove]:
    """Moved, vacated and newly set scheduled dates. A date that was moved to a new event is
    reported once, as moved, not also as the new event newly set."""
    moves: list[DateMove] = []
    targets: set[str] = set()
    for c in changes:
        event, was = c.new, c.old
        if not isinstance(event, Event) or event.scheduled is None:
            continue
        s = event.scheduled
        had = was.scheduled if isinstance(was, Event) else None
        if s.replaced_on is not None and (had is None or had.replaced_on is None):
            to = diff.new.events.get(s.replaced_by) if s.replaced_by else None
            if to is not None:
                targets.add(to.id)
                moves.append(DateMove("moved", event, event.date, to.date, s.replaced_on, to))
            else:
                moves.append(DateMove("vacated", event, event.date, None, s.replaced_on))
        elif (
            isinstance(was, Event)
            and had is not None
            and had.replaced_on is None
            and s.replaced_on is None
            and was.date != event.date
        ):
            on = s.set_on if s.set_on != had.set_on else None
            moves.append(DateMove("moved", event, was.date, event.date, on))
    for c in changes:
        event = c.new
        if (
            c.change == "added"
            and isinstance(event, Event)
            and event.scheduled is not None
            and event.scheduled.replaced_on is None
            and event.id not in targets
        ):
            moves.append(DateMove("set", event, None, event.date, event.scheduled.set_on))
    return moves


def _allegations(
    diff: Diff, changes: list[RecordChange]
) -> tuple[list[NewAllegation], list[NewDenial]]:
    allegations, denials = [], []
    for c in changes:
        event, was = c.new, c.old
        if not isinstance(event, Event) or event.alleged is None:
            continue
        before = was.alleged if isinstance(was, Event) else None
        if before is None:
            allegations.append(NewAllegation(event))
            continue
        known = {diff.renames.get(p, p) for p in before.denied_by}
        newly = tuple(p for p in event.alleged.denied_by if p not in known)
        if newly:
            denials.append(NewDenial(event, newly))
    allegations.sort(key=lambda a: (_date_order(a.event.date), a.event.id))
    denials.sort(key=lambda d: (_date_order(d.event.date), d.event.id))
    return allegations, denials


def _disagreements(changes: list[RecordChange]) -> list[NewDisagreement]:
    """Discrepancies about something the record's old version did not record a disagreement on,
    in the diff's order (by type, then date)."""
    out = []
    for c in changes:
        if c.new is None or c.section == "sources":
            continue
        known = {d.about for d in getattr(c.old, "discrepancies", ())}
        for d in getattr(c.new, "discrepancies", ()):
            if d.about not in known:
                out.append(NewDisagreement(c.section, c.id, d))
    return out
