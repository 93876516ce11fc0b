"""Partial, approximate and uncertain dates, and the one chronological order.

Dates in a case file are often partial ("January 2025") or inferred ("on Thursday"). They are
written in an EDTF-style notation (Library of Congress Extended Date/Time Format, level 0/1):

    2024            a year
    2024-12         a month
    2024-12-20      a day
    2025-02-13~     approximate (c. 13 Feb 2025)
    2025-02-13?     uncertain
    2025-02-13%     approximate and uncertain
    2023-05/2024-01 an interval (either end may be partial)

This module is pure: it imports nothing heavier than the standard library, so the command line can
use it without paying for pydantic or rich.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateError", "DateSpan", "PartialDate"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# ASCII digits only: `\d` would take "２０２５" (full-width digits) for a year.
_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%])?")
_PRECISIONS = ("year", "month", "day")


class DateError(ValueError):
    """A date string that is not a valid EDTF-style date."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to a year, a month or a day, possibly approximate or uncertain."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse one EDTF-style date (`2024`, `2024-12`, `2024-12-20`, with `~`, `?` or `%`)."""
        s = text.strip()
        m = _DATE_RE.fullmatch(s)
        if not m:
            raise DateError(
                f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, "
                "optionally followed by ~ (approximate) or ? (uncertain)"
            )
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        if year < 1:
            raise DateError(f"{text!r}: year must be 0001 or later")
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"{text!r}: month {month} does not exist (months run 01-12)")
        if day is not None and month is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(
                    f"{text!r}: day {day} does not exist ({_MONTHS[month - 1]} {year} has {last} days)"
                )
        q = m.group(4) or ""
        return cls(year, month, day, approximate=q in ("~", "%"), uncertain=q in ("?", "%"))

    @classmethod
    def from_date(cls, d: dt.date, precision: str = "day") -> PartialDate:
        """A PartialDate from a datetime.date, cut to a precision ('year', 'month' or 'day')."""
        if precision == "year":
            return cls(d.year)
        if precision == "month":
            return cls(d.year, d.month)
        return cls(d.year, d.month, d.day)

    @property
    def precision(self) -> str:
        """'year', 'month' or 'day'."""
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def precision_rank(self) -> int:
        """0 for a year, 1 for a month, 2 for a day."""
        return _PRECISIONS.index(self.precision)

    def earliest(self) -> dt.date:
        """The first day this date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date can mean."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        if self.month is not None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        """ISO 8601 at the date's own precision, without qualifiers: `2024`, `2024-12`, `2024-12-20`."""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out

    def qualifier(self) -> str:
        """The EDTF qualifier: '', '~', '?' or '%'."""
        if self.approximate and self.uncertain:
            return "%"
        if self.approximate:
            return "~"
        if self.uncertain:
            return "?"
        return ""

    def edtf(self) -> str:
        """The EDTF string this date was (or could have been) parsed from."""
        return self.iso() + self.qualifier()

    def display(self) -> str:
        """A reader's form: `2024`, `Jan 2025`, `13 Feb 2025`, `c. 13 Feb 2025`, `Jan 2025?`."""
        if self.month is None:
            text = f"{self.year}"
        elif self.day is None:
            text = f"{_MONTHS[self.month - 1]} {self.year}"
        else:
            text = f"{self.day} {_MONTHS[self.month - 1]} {self.year}"
        if self.approximate:
            text = "c. " + text
        if self.uncertain:
            text += "?"
        return text

    def __str__(self) -> str:
        return self.edtf()


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A single partial date, or an interval between two of them."""

    start: PartialDate
    end: PartialDate | None = None

    @classmethod
    def parse(cls, text: str) -> DateSpan:
        """Parse `2024-12-20`, `2025-02-13~` or an interval `2023-05/2024-01`."""
        if not isinstance(text, str):
            raise DateError(f"{text!r} is not a date string")
        if "/" in text:
            left, _, right = text.partition("/")
            if not left.strip() or not right.strip():
                missing = "an end" if left.strip() else "a start"
                raise DateError(
                    f"{text!r} is an interval without {missing}; give both ends "
                    "(2023-05/2024-01), or write a single date"
                )
            start = PartialDate.parse(left)
            end = PartialDate.parse(right)
            if end.latest() < start.earliest():
                raise DateError(
                    f"{text!r}: the interval ends ({end.display()}) before it starts "
                    f"({start.display()})"
                )
            return cls(start, end)
        return cls(PartialDate.parse(text))

    @classmethod
    def of(cls, d: dt.date) -> DateSpan:
        """A day-precise span for one calendar day."""
        return cls(PartialDate(d.year, d.month, d.day))

    @property
    def approximate(self) -> bool:
        return self.start.approximate or (self.end is not None and self.end.approximate)

    @property
    def uncertain(self) -> bool:
        return self.start.uncertain or (self.end is not None and self.end.uncertain)

    def earliest(self) -> dt.date:
        return self.start.earliest()

    def latest(self) -> dt.date:
        return (self.end or self.start).latest()

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Earliest bound first, then the narrower span (an exact day before its whole month)."""
        return (self.earliest(), self.latest())

    def edtf(self) -> str:
        if self.end is None:
            return self.start.edtf()
        return f"{self.start.edtf()}/{self.end.edtf()}"

    def display(self) -> str:
        if self.end is None:
            return self.start.display()
        return f"{self.start.display()} – {self.end.display()}"

    def __str__(self) -> str:
        return self.edtf()


def when(date: DateSpan | None) -> str:
    """A date as a time phrase at its own precision: 'on 9 Dec 2025', 'in Jan 2025', 'in 2025',
    'between 31 Dec 2024 and 27 Jan 2025'."""
    if date is None:
        return ""
    if date.end is not None:
        return f"between {date.start.display()} and {date.end.display()}"
    return ("on " if date.start.day is not None else "in ") + date.display()


def how_far(day: dt.date, then: dt.date) -> str:
    """'today', 'in 1 day', 'in 24 days', 'in 3 months', 'in 1 year 2 months' (or 'now' for a
    date already under way)."""
    days = (then - day).days
    if days <= 0:
        return "now" if days < 0 else "today"
    if days < 60:
        return f"in {days} day{'s' if days != 1 else ''}"
    months = (then.year - day.year) * 12 + then.month - day.month - (then.day < day.day)
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return "in " + " ".join(parts)


def due_when(day: dt.date, due: dt.date) -> str:
    """'in 14 days', 'due today', 'passed 3 days ago'."""
    days = (due - day).days
    if days == 0:
        return "due today"
    if days < 0:
        return f"passed {-days} day{'s' if days != -1 else ''} ago"
    return how_far(day, due)


def parse_user_date(text: str) -> PartialDate:
    """Parse a date the way people type it on the command line, keeping the precision they gave.

    Accepts EDTF (`2025-01`, `2025-01-15`) and free forms python-dateutil understands
    (`Jan 2025`, `March 9, 2026`, `9 March 2026`, `2025`). Month-first is assumed for `3/4/2025`.
    Raises DateError with a readable message.
    """
    s = text.strip()
    if any(c.isdigit() and not c.isascii() for c in s):
        raise DateError(f"{text!r}: write dates with the digits 0-9")
    try:
        return PartialDate.parse(s)
    except DateError:
        pass
    if s.lower() == "today":
        return PartialDate.from_date(dt.date.today())
    from dateutil import parser as dateparser

    # dateutil fills missing parts from `default`: parse twice with different defaults to learn
    # which parts the text really gave.
    d1 = dt.datetime(2000, 1, 1)
    d2 = dt.datetime(2001, 2, 2)
    try:
        a = dateparser.parse(s, default=d1)
        b = dateparser.parse(s, default=d2)
    except (ValueError, OverflowError) as exc:
        raise DateError(_unreadable(text)) from exc
    has_year = a.year == b.year
    has_month = a.month == b.month
    has_day = a.day == b.day
    if not has_year and has_month:
        raise DateError(f"{text!r} has no year; say which year, e.g. '{s} 2025'")
    if not has_year:
        raise DateError(_unreadable(text))
    if has_day and not has_month:
        raise DateError(f"cannot read {text!r} as a date")
    if has_day:
        return PartialDate(a.year, a.month, a.day)
    if has_month:
        return PartialDate(a.year, a.month)
    return PartialDate(a.year)


def _unreadable(text: str) -> str:
    """Why `text` is not a date, with the month it may have meant, or the forms to try."""
    return f"cannot read {text!r} as a date" + (
        _month_hint(text.strip()) or "; try 2025-01-15, 2025-01, 'Jan 2025' or 'March 9, 2026'"
    )


def _month_hint(text: str) -> str:
    """'; did you mean 'February 2025'?' when a word of `text` is a misspelt month name."""
    import difflib

    names = [calendar.month_name[m] for m in range(1, 13)]
    known = {n.casefold() for n in names} | {
        calendar.month_abbr[m].casefold() for m in range(1, 13)
    }
    words = re.findall(r"[^\W\d_]+", text)
    for word in words:
        if len(word) < 3 or word.casefold() in known:
            continue
        close = difflib.get_close_matches(word.capitalize(), names, n=1, cutoff=0.7)
        if close:
            return f"; did you mean '{text.replace(word, close[0], 1)}'?"
    return ""
