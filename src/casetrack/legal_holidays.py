"""Legal holidays under FRCP 6(a)(6), from the `holidays` package.

Rule 6(a)(6) makes three kinds of day a legal holiday:

  (A) the federal holidays set by statute (5 U.S.C. § 6103(a)), on the day set aside for
      observing them;
  (B) any day declared a holiday by the President: the days an executive order closes the
      executive departments, such as 9 Jan 2025 (national day of mourning, EO 14133) and 24 and
      26 Dec 2025 (EO 14371);
  (C) for a period counted forward, any day declared a holiday by the state where the court sits.

(A) and (B) come from `holidays`' US "government" category (the federal holidays and the
executive-order closures), (C) from its "public" category for the state's subdivision. What
`holidays` gives for 2025, since version 0.88 (pyproject.toml asks for no older one): every
federal holiday, 9 Jan, 24 Dec and 26 Dec. Nothing needed for 2025 is missing from it. A closure
declared after the installed release is not known: upgrade `holidays` to learn it.

Corrections to what `holidays` lists, in one place (NOT_LEGAL_HOLIDAYS and HALF_DAY below):
days it lists that are not legal holidays for a court's deadlines.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from casetrack.counting import Holiday
from casetrack.courts import STATES

# The federal holidays of 5 U.S.C. § 6103(a), as `holidays` names them; any other day in its
# government category is a closure the President ordered (FRCP 6(a)(6)(B)).
STATUTORY = frozenset(
    {
        "New Year's Day",
        "Birthday of Martin Luther King, Jr.",
        "Washington's Birthday",
        "Memorial Day",
        "Juneteenth National Independence Day",
        "Independence Day",
        "Labor Day",
        "Columbus Day",
        "Veterans Day",
        "Thanksgiving Day",
        "Christmas Day",
    }
)
OBSERVED = " (observed)"

# Days `holidays` lists for a state that the state's law does not make holidays.
NOT_LEGAL_HOLIDAYS: dict[tuple[str, str], str] = {
    # N.Y. Gen. Constr. Law § 24 lists New York's public holidays; Susan B. Anthony Day (15 Feb)
    # is a day of commemoration that it does not name.
    ("NY", "Susan B. Anthony Day"): "N.Y. Gen. Constr. Law § 24",
}
# An order closing offices for half a day does not make the day a holiday.
HALF_DAY = "half-day"


class LegalHolidays:
    """The legal holidays of one run, looked up from `holidays` a year at a time."""

    def __init__(self) -> None:
        self._federal: dict[int, dict[dt.date, Holiday]] = {}
        self._state: dict[tuple[str, int], dict[dt.date, Holiday]] = {}

    def holiday(self, day: dt.date, state: str | None) -> Holiday | None:
        """The legal holiday on `day` for a court in `state` (None: federal days only)."""
        found = self._federal_year(day.year).get(day)
        if found is None and state is not None:
            found = self._state_year(state, day.year).get(day)
        return found

    def state_holidays(self, day: dt.date) -> dict[str, str]:
        """{state: holiday name} for each state (with a district court) whose own holiday `day`
        is, when it is not a federal one."""
        if day in self._federal_year(day.year):
            return {}
        out = {}
        for code in STATES:
            found = self._state_year(code, day.year).get(day)
            if found is not None:
                out[code] = found.name
        return out

    def _federal_year(self, year: int) -> dict[dt.date, Holiday]:
        if year not in self._federal:
            days: dict[dt.date, Holiday] = {}
            for day, names in _lookup(None, year, "government"):
                kept = [n for n in names if HALF_DAY not in n]
                if kept:
                    statutory = all(n.removesuffix(OBSERVED) in STATUTORY for n in kept)
                    name = "; ".join(kept)
                    days[day] = Holiday(name, "federal" if statutory else "presidential")
            self._federal[year] = days
        return self._federal[year]

    def _state_year(self, state: str, year: int) -> dict[dt.date, Holiday]:
        key = (state, year)
        if key not in self._state:
            federal = self._federal_year(year)
            days: dict[dt.date, Holiday] = {}
            for day, names in _lookup(state, year, "public"):
                kept = [n for n in names if (state, n) not in NOT_LEGAL_HOLIDAYS]
                if kept and day not in federal:
                    days[day] = Holiday("; ".join(kept), "state", state)
            self._state[key] = days
        return self._state[key]


def _lookup(state: str | None, year: int, category: str) -> list[tuple[dt.date, list[str]]]:
    """(day, names) of one year of US holidays in one `holidays` category."""
    import holidays  # here: importing it costs a tenth of a second, paid only by deadlines

    found: Any = holidays.country_holidays("US", subdiv=state, years=year, categories=(category,))
    return [(day, list(found.get_list(day))) for day in sorted(found)]
