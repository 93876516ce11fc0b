"""Partial, approximate and uncertain dates, and the one chronological order.

Dates in a case file are often partial ("January 2025") or inferred ("on Thursday"). They are
written in an EDTF-style notation (Library of Congress Extended Date/Time Format, level 0/1):

    2024            a year
    2024-12         a month
    2024-12-20      a day
    2025-02-13~     approximate (c. 13 Feb 2025)
    2025-02-13?     uncertain
    2025-02-13%     approximate and uncertain
    2023-05/2024-01 an interval, a span of time (either end may be partial)
    ../2024-08      an interval whose start is open; /2024-08 one whose start is not known
                    (and 2024-12-31/.., 2024-12-31/ at the end)
    [2024-12-31..2025-01-30]
                    one day of a set: a single day, not known, within the range (EDTF level 2)
    [..2025-01-29]  one day on or before 29 Jan 2025; [2024-12-31..] on or after 31 Dec 2024

EDTF's grammar writes a set's range with two ends of the same precision and no qualifier;
casetrack also reads a month or a year at either end and `~`/`?` on an end, since a bound
worked out from an approximately dated source is approximate.

The one chronological order (`DateSpan.sort_key`): a date sorts by the first day it can mean,
the narrower first on a tie (an exact day before the month that starts with it). One day of a
set sorts by the last day it can mean, when it is known to have happened (after what starts that
day); one open at its end (`[2024-12-31..]`) by its first day; a span whose start is not known
(`/2024-08`) by the last day of its end. Filters keep a date whose days overlap the range asked
for; an open or unknown end reaches as far as the calendar does. Pure: the standard library only.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["INTERVAL", "SET", "SINGLE", "DateError", "DateSpan", "PartialDate", "when"]

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


# How a date is written: one date, an interval (a span of time) or one day of a set.
SINGLE = "single"
INTERVAL = "interval"
SET = "set"

Part = tuple[str, "PartialDate | None"]


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date as a record gives it: a single partial date, an interval (a span of time) or one
    day of a set (see the module's docstring). `start` and `end` are the bounds; None is an open
    or unknown end (a single date has only a start); `unknown` says how an interval's missing
    end was written."""

    start: PartialDate | None
    end: PartialDate | None = None
    shape: str = SINGLE
    unknown: bool = False  # an interval's missing end written "" (unknown), not ".." (open)

    @classmethod
    def parse(cls, text: str) -> DateSpan:
        """Parse `2024-12-20`, `2025-02-13~`, an interval `2023-05/2024-01` (`../2024-08`,
        `/2024-08`, `2024-12-31/..`, `2024-12-31/`) or one day of a set `[2024-12-31..2025-01-30]`
        (`[..2025-01-29]`, `[2024-12-31..]`)."""
        if not isinstance(text, str):
            raise DateError(f"{text!r} is not a date string")
        s = text.strip()
        if s[:1] in "[{" or s[-1:] in "]}":
            return cls._parse_set(text, s)
        if "/" in s:
            return cls._parse_interval(text, s)
        if ".." in s:
            raise DateError(
                f"{text!r}: one day within a range is written in brackets, "
                f"[{s}] (see EDTF's 'one of a set')"
            )
        return cls(PartialDate.parse(s))

    @classmethod
    def _parse_interval(cls, text: str, s: str) -> DateSpan:
        left, _, right = (part.strip() for part in s.partition("/"))
        if left in ("", "..") and right in ("", ".."):
            raise DateError(
                f"{text!r} is an interval without a start or an end; give at least one "
                "(2023-05/2024-01, ../2024-08 or 2024-12-31/..)"
            )
        start = None if left in ("", "..") else PartialDate.parse(left)
        end = None if right in ("", "..") else PartialDate.parse(right)
        if start is not None and end is not None and end.latest() < start.earliest():
            raise DateError(
                f"{text!r}: the interval ends ({end.display()}) before it starts "
                f"({start.display()})"
            )
        return cls(start, end, INTERVAL, unknown="" in (left, right))

    @classmethod
    def _parse_set(cls, text: str, s: str) -> DateSpan:
        if s[:1] == "{" or s[-1:] == "}":
            raise DateError(
                f"{text!r}: casetrack reads one day of a set, [A..B], not all of a set {{...}}"
            )
        if s[:1] != "[" or s[-1:] != "]":
            raise DateError(f"{text!r}: a set opens with [ and closes with ]")
        inner = s[1:-1].strip()
        if "," in inner or inner.count("..") != 1:
            raise DateError(
                f"{text!r}: write one day within a range as [A..B] (between A and B), "
                "[..B] (on or before B) or [A..] (on or after A); lists are not read"
            )
        left, _, right = (part.strip() for part in inner.partition(".."))
        if not left and not right:
            raise DateError(f"{text!r}: give at least one end of the range ([..2025-01-29])")
        start = PartialDate.parse(left) if left else None
        end = PartialDate.parse(right) if right else None
        if start is not None and end is not None and end.latest() < start.earliest():
            raise DateError(
                f"{text!r}: the range ends ({end.display()}) before it starts ({start.display()})"
            )
        return cls(start, end, SET)

    @classmethod
    def of(cls, d: dt.date) -> DateSpan:
        """A day-precise date for one calendar day."""
        return cls(PartialDate(d.year, d.month, d.day))

    @property
    def between(self) -> bool:
        """Whether this is one day, not known, within a range (EDTF's one of a set)."""
        return self.shape == SET

    @property
    def is_interval(self) -> bool:
        return self.shape == INTERVAL  # a span of time

    @property
    def is_day(self) -> bool:
        """Whether this is a single date known to the day."""
        return self.shape == SINGLE and self.start is not None and self.start.day is not None

    @property
    def open_end(self) -> bool:
        """Whether the date has no last day: an interval or a range whose end is open or unknown."""
        return self.end is None and self.shape != SINGLE

    def _ends(self) -> tuple[PartialDate, ...]:
        return tuple(p for p in (self.start, self.end) if p is not None)

    @property
    def approximate(self) -> bool:
        return any(p.approximate for p in self._ends())

    @property
    def uncertain(self) -> bool:
        return any(p.uncertain for p in self._ends())

    def earliest(self) -> dt.date:
        """The first day this date can mean (date.min for an open or unknown start)."""
        return self.start.earliest() if self.start is not None else dt.date.min

    def latest(self) -> dt.date:
        """The last day this date can mean (date.max for an open or unknown end)."""
        if self.end is not None:
            return self.end.latest()
        if self.shape == SINGLE and self.start is not None:
            return self.start.latest()
        return dt.date.max

    @property
    def placed_by_end(self) -> bool:
        """Whether the date takes its place in a chronology from its end: one day of a set with
        an end ("known to have happened by then"), and a span whose start is not known."""
        return self.end is not None and (self.between or self.start is None)

    def placed_at(self) -> PartialDate:
        """The bound that places this date in a chronology (and under a month's heading)."""
        bound = self.end if self.placed_by_end else self.start
        assert bound is not None  # a date always has a start or an end
        return bound

    def sort_key(self) -> tuple[dt.date, int, dt.date]:
        """The one chronological order (see the module's docstring)."""
        if self.placed_by_end:
            return (self.latest(), 1, self.earliest())
        return (self.earliest(), 0, self.latest())

    def edtf(self) -> str:
        """The EDTF string this date was (or could have been) parsed from."""
        start = self.start.edtf() if self.start is not None else None
        end = self.end.edtf() if self.end is not None else None
        if self.shape == SET:
            return f"[{start or ''}..{end or ''}]"
        if self.shape == INTERVAL:
            missing = "" if self.unknown else ".."
            return f"{missing if start is None else start}/{missing if end is None else end}"
        return start or ""

    def parts(self) -> list[Part]:
        """The date in a reader's words, each with the bound it names (None for a joining
        word): `between` `31 Dec 2024` `and` `30 Jan 2025`; `by` `29 Jan 2025`; `31 Dec 2024`
        `or later`; `May 2023` `–` `Jan 2024`; `until` `Aug 2024` `(start unknown)`."""
        start: list[Part] = [(self.start.display(), self.start)] if self.start else []
        end: list[Part] = [(self.end.display(), self.end)] if self.end else []
        if self.shape == SET:
            if start and end:
                return [("between", None), *start, ("and", None), *end]
            return [("by", None), *end] if end else [*start, ("or later", None)]
        if self.shape == INTERVAL:
            if start and end:
                return [*start, ("–", None), *end]
            if end:
                return [("until", None), *end, *([("(start unknown)", None)] * self.unknown)]
            return [("from", None), *start, ("(end unknown)" if self.unknown else "on", None)]
        return start

    def words(self) -> list[str]:
        """The date's words in pieces that each read whole on a line: `between`, `31 Dec 2024
        and`, `30 Jan 2025` (a joining word stays with the bound before it)."""
        pieces: list[str] = []
        for words, _ in self.parts():
            if words in ("and", "–") and pieces:
                pieces[-1] += " " + words
            else:
                pieces.append(words)
        return pieces

    def display(self) -> str:
        """A reader's form: `13 Feb 2025`, `May 2023 – Jan 2024`, `between 31 Dec 2024 and 30
        Jan 2025`, `by 29 Jan 2025`, `31 Dec 2024 or later`, `until Aug 2024 (start unknown)`."""
        return " ".join(words for words, _ in self.parts())

    def __str__(self) -> str:
        return self.edtf()


def when(date: DateSpan | None) -> str:
    """A date as a time phrase at its own precision: 'on 9 Dec 2025', 'in Jan 2025', 'in 2025',
    'from 31 Dec 2024 to 27 Jan 2025' (a span), 'between 31 Dec 2024 and 27 Jan 2025' (one day
    within the range), 'by 29 Jan 2025', 'on or after 31 Dec 2024'."""
    if date is None:
        return ""
    if date.shape == INTERVAL and date.start is not None and date.end is not None:
        return f"from {date.start.display()} to {date.end.display()}"
    if date.shape == SET and date.end is None and date.start is not None:
        on = "on" if date.start.day is not None else "in"
        return f"{on} or after {date.start.display()}"
    if date.shape != SINGLE or date.start is None:
        return date.display()
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
