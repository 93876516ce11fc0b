"""Deadlines in a dataset, counted: each `deadlines:` record with its trigger, the state whose
holidays count, and the count itself (or why there is none).

Used by `casetrack deadlines`, by the timeline entries (a computed deadline is an entry like any
other) and by `validate`. Nothing here prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casetrack.counting import Count, CountError, Holidays, count
from casetrack.courts import district_state
from casetrack.dataset import Dataset
from casetrack.dates import DateSpan
from casetrack.models import Deadline


@dataclass(frozen=True, slots=True)
class DeadlineView:
    """A deadline as counted: `count` when its trigger has a day, else `no_deadline` says why
    there is no due date ("its trigger 'f-1' is dated only to Nov 2025; ...")."""

    deadline: Deadline
    case: str | None
    trigger: DateSpan | None  # the trigger's date, None when the trigger is unknown
    state: str | None
    state_from: str | None  # "the case", or "the court, <name>"
    count: Count | None
    no_deadline: str | None

    @property
    def id(self) -> str:
        return self.deadline.id

    @property
    def due(self) -> dt.date | None:
        return self.count.due if self.count is not None else None

    def known_on(self, day: dt.date) -> bool:
        """On the record once its trigger may have happened."""
        return self.trigger is None or self.trigger.earliest() <= day

    def sort_key(self) -> tuple[int, dt.date, str]:
        due = self.due
        return (0, due, self.id) if due is not None else (1, dt.date.min, self.id)


def state_of(dataset: Dataset, case_id: str | None) -> tuple[str | None, str | None]:
    """The state where a case's court sits, and where that was read: the case's own `state`,
    else its court's name or aliases (a federal district court)."""
    case = dataset.cases.get(case_id) if case_id else None
    if case is None:
        return None, None
    if case.state is not None:
        return case.state, "the case"
    court = dataset.parties.get(case.court) if case.court else None
    if court is not None:
        code = district_state([court.name, *court.aliases])
        if code is not None:
            return code, f"the court, {court.name}"
    return None, None


def trigger_date(dataset: Dataset, deadline: Deadline) -> DateSpan | None:
    record = dataset.filings.get(deadline.trigger) or dataset.events.get(deadline.trigger)
    return record.date if record is not None else None


def trigger_case(dataset: Dataset, deadline: Deadline) -> str | None:
    record = dataset.filings.get(deadline.trigger) or dataset.events.get(deadline.trigger)
    return record.case if record is not None else None


def no_day(trigger: str, date: DateSpan) -> str | None:
    """Why a period cannot be counted from this date, or None when it can."""
    if date.between:
        why = f"happened on a day no source gives ({date.display()})"
    elif date.is_interval:
        why = f"is dated only to the span {date.display()}"
    elif not date.is_day:
        why = f"is dated only to {date.display()}"
    elif date.approximate or date.uncertain:
        kind = "approximate" if date.approximate else "uncertain"
        why = f"has an {kind} date ({date.display()})"
    else:
        return None
    return (
        f"its trigger '{trigger}' {why}; FRCP 6(a) counts from the day of the event, and "
        "casetrack does not guess a day"
    )


def view(dataset: Dataset, deadline: Deadline, holidays: Holidays) -> DeadlineView:
    """One deadline, counted."""
    case_id = deadline.case or trigger_case(dataset, deadline)
    state, state_from = state_of(dataset, case_id)
    date = trigger_date(dataset, deadline)
    if date is None:
        reason: str | None = f"its trigger '{deadline.trigger}' is not in the data"
    else:
        reason = no_day(deadline.trigger, date)
    counted = None
    if reason is None and date is not None:
        try:
            counted = count(
                date.earliest(),
                deadline.period,
                holidays,
                state=state,
                service=deadline.service,
            )
        except CountError as exc:
            reason = str(exc)
    return DeadlineView(deadline, case_id, date, state, state_from, counted, reason)


def view_all(
    dataset: Dataset,
    holidays: Holidays | None = None,
    *,
    case_id: str | None = None,
    as_of: dt.date | None = None,
) -> list[DeadlineView]:
    """The deadlines (of one case, known on `as_of`), counted, in order of their due dates;
    those that cannot be counted last."""
    if holidays is None:
        from casetrack.legal_holidays import LegalHolidays

        holidays = LegalHolidays()
    out = []
    for deadline in dataset.deadlines.values():
        v = view(dataset, deadline, holidays)
        if case_id is not None and v.case != case_id:
            continue
        if as_of is not None and not v.known_on(as_of):
            continue
        out.append(v)
    return sorted(out, key=DeadlineView.sort_key)
