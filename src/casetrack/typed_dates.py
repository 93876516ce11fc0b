"""Dates people type on the command line (`--from`, `--to`, `--as-of`), read at the precision
they give: `2025`, `2025-01`, `Jan 2025`, `2025-01-15`, `March 9, 2026`. Kept apart from `dates`,
which reads the EDTF dates written in data files.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from casetrack.dates import DateError, PartialDate

__all__ = ["parse_user_date"]


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
