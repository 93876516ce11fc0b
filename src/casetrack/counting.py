"""Counting a period the way Federal Rule of Civil Procedure 6 counts it (as amended in 2009).

Dates in, steps out. Rule 6(a)(1), for a period stated in days or a longer unit:

  (A) exclude the day of the event that triggers the period;
  (B) count every day, including intermediate Saturdays, Sundays and legal holidays;
  (C) include the last day of the period, but if the last day is a Saturday, Sunday or legal
      holiday, the period continues to run until the end of the next day that is none of those.

Weeks are 7 days. Months and years end on the same day of the month as the trigger, or on the
month's last day when it has no such day (31 Jan + 1 month = 28 Feb). Rule 6(d): when a paper is
served by mail, by leaving it with the clerk or by other means consented to, 3 days are added
after the period would otherwise expire under 6(a), and 6(a)(1)(C) applies again to the result.

Which days are legal holidays (6(a)(6)) is asked of a `Holidays` object (see legal_holidays.py),
so this module needs nothing but the standard library (and courts.py for state names), and every
output of casetrack shows the same steps. A period measured backwards from an event ("7 days before the hearing", 6(a)(5)) and a
period in hours (6(a)(2)) are not counted here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal, Protocol

from casetrack.courts import state_name
from casetrack.dates import PartialDate

Unit = Literal["day", "week", "month", "year"]
_DAY = dt.timedelta(days=1)
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # not %a: that follows the locale
# ASCII only (as every date and number casetrack reads): `\d` alone would take full-width digits.
_PERIOD = re.compile(
    r"^\s*(\d{1,4})\s+(?:calendar\s+)?(day|week|month|year)s?\s*$", re.IGNORECASE | re.ASCII
)
MAIL_DAYS = 3

# How a paper was served (FRCP 5(b)(2)): in words, the rule, and whether Rule 6(d) adds 3 days.
SERVICE: dict[str, tuple[str, str, bool]] = {
    "electronic": ("served electronically", "FRCP 5(b)(2)(E)", False),
    "hand": ("served by hand", "FRCP 5(b)(2)(A)-(B)", False),
    "mail": ("served by mail", "FRCP 5(b)(2)(C)", True),
    "clerk": ("served by leaving it with the clerk", "FRCP 5(b)(2)(D)", True),
    "consented": ("served by other means consented to", "FRCP 5(b)(2)(F)", True),
}


class PeriodError(ValueError):
    """A period that cannot be counted."""


class CountError(ValueError):
    """A count that cannot be made (it would run past the year 9999)."""


@dataclass(frozen=True, slots=True)
class Period:
    """A period stated in days, weeks, months or years."""

    amount: int
    unit: Unit

    @classmethod
    def parse(cls, text: str) -> Period:
        """'14 days', '1 week', '3 months', '1 year' (any case; 'calendar days' too)."""
        if not isinstance(text, str):
            raise PeriodError(f"{text!r} is not a period; write it as text such as '14 days'")
        m = _PERIOD.match(text)
        if m is None:
            raise PeriodError(_why_not(text))
        amount = int(m.group(1))
        if amount < 1:
            raise PeriodError(f"'{text}' is not a period; it must be at least 1 {m.group(2)}")
        unit: Unit = m.group(2).lower()  # type: ignore[assignment]  # the pattern allows only these
        return cls(amount, unit)

    def __str__(self) -> str:
        return f"{self.amount} {self.unit}{'' if self.amount == 1 else 's'}"


def _why_not(text: str) -> str:
    words = text.lower()
    if re.search(r"\b(business|court|working|judicial)\s+days?\b", words):
        return (
            f"'{text}' is not a period casetrack counts: since 2009 FRCP 6(a) counts every day, "
            "so write calendar days, e.g. '14 days'"
        )
    if re.search(r"\bhours?\b", words):
        return f"'{text}': periods in hours (FRCP 6(a)(2)) are not counted; write days, weeks, months or years"
    if re.fullmatch(r"\s*\d+\s*", text, re.ASCII):
        return f"'{text}' has no unit; write '{text.strip()} days', weeks, months or years"
    return (
        f"'{text}' is not a period; write a number and a unit: "
        "'14 days', '2 weeks', '3 months' or '1 year'"
    )


HolidayKind = Literal["federal", "presidential", "state"]


@dataclass(frozen=True, slots=True)
class Holiday:
    """A legal holiday under FRCP 6(a)(6): its name, and whose holiday it is."""

    name: str
    kind: HolidayKind
    state: str | None = None  # for a state holiday: its postal code

    @property
    def paragraph(self) -> str:
        """The paragraph of FRCP 6 that makes it a legal holiday: '6(a)(6)(A)'."""
        return {"federal": "6(a)(6)(A)", "presidential": "6(a)(6)(B)"}.get(self.kind, "6(a)(6)(C)")


class Holidays(Protocol):
    """Which days are legal holidays (see legal_holidays.LegalHolidays)."""

    def holiday(self, day: dt.date, state: str | None) -> Holiday | None:
        """The legal holiday on `day` for a court in `state` (None: federal days only)."""
        ...

    def state_holidays(self, day: dt.date) -> dict[str, str]:
        """{state code: holiday name} for every state whose own holiday `day` is."""
        ...


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a count, as --explain prints it: the day it is about, what happens, the rule."""

    day: dt.date | None
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Leg:
    """One addition and what follows it: `start` + `added` = `days[0]`; each day of `days` but
    the last is a Saturday, Sunday or legal holiday (its holiday in `holidays`, or None), and the
    period runs on to the next; the last is the day the leg ends."""

    start: dt.date
    added: str
    days: tuple[dt.date, ...]
    holidays: tuple[Holiday | None, ...]

    @property
    def end(self) -> dt.date:
        return self.days[-1]


@dataclass(frozen=True, slots=True)
class StateQuestion:
    """A day the count ends on that is a holiday in some states, when the court's is not known."""

    day: dt.date
    holidays: dict[str, str]  # state code -> holiday name

    def text(self) -> str:
        names: dict[str, list[str]] = {}
        for code, name in sorted(self.holidays.items()):
            names.setdefault(name, []).append(code)
        listed = "; ".join(f"{name} in {_codes(codes)}" for name, codes in names.items())
        return f"{weekday(self.day)} is a holiday in some states ({listed})"


def _codes(codes: list[str], most: int = 6) -> str:
    if len(codes) <= most:
        return ", ".join(codes)
    return ", ".join(codes[:most]) + f" and {len(codes) - most} more"


@dataclass(frozen=True, slots=True)
class Count:
    """A counted period: the legs (the period, then 3 days for service by mail), every step, and
    the questions that a court's state would answer."""

    trigger: dt.date
    period: Period
    service: str
    state: str | None
    legs: tuple[Leg, ...]
    steps: tuple[Step, ...]
    questions: tuple[StateQuestion, ...]

    @property
    def due(self) -> dt.date:
        return self.legs[-1].end

    def line(self) -> str:
        """The count in one line: '13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day →
        Fri 28 Nov 2025'."""
        parts = []
        for i, leg in enumerate(self.legs):
            days = [
                weekday(d) + (f", {h.name}" if h is not None else "")
                for d, h in zip(leg.days, leg.holidays, strict=True)
            ]
            start = short(leg.start) if i == 0 else ""
            parts.append(f"{start} + {leg.added} = " + " → ".join(days))
        return ";".join(parts).strip()


def short(day: dt.date) -> str:
    """'13 Nov 2025', as casetrack writes every date."""
    return PartialDate.from_date(day).display()


def weekday(day: dt.date) -> str:
    """'Thu 27 Nov 2025'."""
    return f"{_WEEKDAYS[day.weekday()]} {short(day)}"


def add(start: dt.date, period: Period) -> dt.date:
    """The last day of a period that starts after `start`: days and weeks by the day, months and
    years to the same day of the month (or the month's last day)."""
    try:
        if period.unit in ("day", "week"):
            return start + dt.timedelta(days=period.amount * (7 if period.unit == "week" else 1))
        months = period.amount * (12 if period.unit == "year" else 1)
        year, month = divmod(start.month - 1 + months, 12)
        year += start.year
        last = calendar.monthrange(year, month + 1)[1]
        return dt.date(year, month + 1, min(start.day, last))
    except (OverflowError, ValueError):
        raise CountError(f"{short(start)} + {period} runs past the year 9999") from None


def count(
    trigger: dt.date,
    period: Period,
    holidays: Holidays,
    *,
    state: str | None = None,
    service: str = "electronic",
) -> Count:
    """Count `period` from `trigger` under FRCP 6(a) (and 6(d) for service that adds 3 days).

    `state` is the state where the court sits (its holidays count, 6(a)(6)(C)); without it only
    federal days count, and each day the count ends on that is a holiday in some state becomes a
    StateQuestion. Raises CountError past the year 9999.
    """
    how, served_rule, adds = SERVICE[service]
    steps = [
        Step(
            trigger,
            f"{weekday(trigger)}: the day of the event that triggers the period. It is not counted.",
            "FRCP 6(a)(1)(A)",
        )
    ]
    raw = add(trigger, period)
    steps.append(Step(raw, _counted(trigger, period, raw), "FRCP 6(a)(1)(B)-(C)"))
    first = _run_on(trigger, str(period), raw, holidays, state, steps)
    legs = [first]
    if adds:
        raw = _after(first.end, MAIL_DAYS)
        steps.append(
            Step(
                raw,
                f"The paper was {how} ({served_rule}): {MAIL_DAYS} days are added after the "
                f"period would otherwise end, {weekday(first.end)} + {MAIL_DAYS} days = "
                f"{weekday(raw)}.",
                "FRCP 6(d)",
            )
        )
        added = f"{MAIL_DAYS} days, {how} (FRCP 6(d))"
        legs.append(_run_on(first.end, added, raw, holidays, state, steps))
    else:
        steps.append(
            Step(None, f"The paper was {how} ({served_rule}): no days are added.", "FRCP 6(d)")
        )
    questions = []
    if state is None:
        for leg in legs:
            found = holidays.state_holidays(leg.end)
            if found:
                questions.append(StateQuestion(leg.end, found))
    return Count(trigger, period, service, state, tuple(legs), tuple(steps), tuple(questions))


def _counted(trigger: dt.date, period: Period, raw: dt.date) -> str:
    first = trigger + _DAY
    if period.unit == "day":
        how = f"{period} counted, every day included (Saturdays, Sundays and legal holidays too)"
    elif period.unit == "week":
        how = f"{period} = {period.amount * 7} days counted, every day included"
    else:
        how = f"{period} after {short(trigger)} ends on the same day of the month"
        if raw.day != trigger.day:
            month = PartialDate(raw.year, raw.month).display()
            how += f" ({month} has no {_ordinal(trigger.day)}, so on its last day)"
    return f"{weekday(first)} to {weekday(raw)}: {how}. The last day is included."


def _after(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        raise CountError(f"{short(day)} + {days} days runs past the year 9999") from None


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _run_on(
    start: dt.date,
    added: str,
    raw: dt.date,
    holidays: Holidays,
    state: str | None,
    steps: list[Step],
) -> Leg:
    """From the last day of a period to the first day that is not a Saturday, Sunday or legal
    holiday (6(a)(1)(C)), recording each step."""
    days = [raw]
    found: list[Holiday | None] = []
    day = raw
    while True:
        holiday = holidays.holiday(day, state)
        found.append(holiday)
        why = _closed(day, holiday)
        if why is None:
            break
        steps.append(
            Step(
                day, f"{weekday(day)} is {why}: the period runs on to the next day.", _rule(holiday)
            )
        )
        day = _after(day, 1)
        days.append(day)
    steps.append(Step(day, _open(day, state), "FRCP 6(a)(1)(C)"))
    return Leg(start, added, tuple(days), tuple(found))


def _closed(day: dt.date, holiday: Holiday | None) -> str | None:
    """Why the period cannot end on `day`, or None when it can."""
    if holiday is not None:
        if holiday.kind == "federal":
            return f"{holiday.name}, a federal legal holiday"
        if holiday.kind == "presidential":
            return f"{holiday.name}, a day the President closed the federal government"
        where = state_name(holiday.state) if holiday.state else "the state where the court sits"
        return f"{holiday.name}, a legal holiday in {where}, where the court sits"
    if day.weekday() == 5:
        return "a Saturday"
    if day.weekday() == 6:
        return "a Sunday"
    return None


def _rule(holiday: Holiday | None) -> str:
    return "FRCP 6(a)(1)(C)" + (f", {holiday.paragraph}" if holiday is not None else "")


def _open(day: dt.date, state: str | None) -> str:
    where = f"in {state_name(state)}" if state else "federally (the court's state is not known)"
    return (
        f"{weekday(day)} is not a Saturday, Sunday or legal holiday {where}: the period ends on it."
    )
