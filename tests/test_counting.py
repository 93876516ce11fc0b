"""Counting periods as FRCP 6(a) counts, over the real holiday data from the `holidays` package:
whole lines and whole steps for counts that cross weekends, federal holidays, presidential
closures, state holidays, service by mail and short months."""

from __future__ import annotations

import datetime as dt

import pytest

from casetrack.counting import Count, Period, PeriodError, add, count
from casetrack.courts import STATES, district_state
from casetrack.legal_holidays import LegalHolidays


@pytest.fixture(scope="module")
def legal() -> LegalHolidays:
    return LegalHolidays()


def counted(
    legal: LegalHolidays,
    trigger: str,
    period: str,
    state: str | None = "NY",
    service: str = "electronic",
) -> Count:
    return count(
        dt.date.fromisoformat(trigger), Period.parse(period), legal, state=state, service=service
    )


def test_thanksgiving_moves_the_last_day_to_friday(legal: LegalHolidays) -> None:
    c = counted(legal, "2025-11-13", "14 days")
    assert c.line() == "13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day → Fri 28 Nov 2025"
    assert [(s.day, s.text, s.rule) for s in c.steps] == [
        (
            dt.date(2025, 11, 13),
            "Thu 13 Nov 2025: the day of the event that triggers the period. It is not counted.",
            "FRCP 6(a)(1)(A)",
        ),
        (
            dt.date(2025, 11, 27),
            "Fri 14 Nov 2025 to Thu 27 Nov 2025: 14 days counted, every day included (Saturdays, "
            "Sundays and legal holidays too). The last day is included.",
            "FRCP 6(a)(1)(B)-(C)",
        ),
        (
            dt.date(2025, 11, 27),
            "Thu 27 Nov 2025 is Thanksgiving Day, a federal legal holiday: the period runs on to "
            "the next day.",
            "FRCP 6(a)(1)(C), 6(a)(6)(A)",
        ),
        (
            dt.date(2025, 11, 28),
            "Fri 28 Nov 2025 is not a Saturday, Sunday or legal holiday in New York: the period "
            "ends on it.",
            "FRCP 6(a)(1)(C)",
        ),
        (
            None,
            "The paper was served electronically (FRCP 5(b)(2)(E)): no days are added.",
            "FRCP 6(d)",
        ),
    ]
    assert c.due == dt.date(2025, 11, 28)
    assert c.questions == ()


def test_a_weekend_moves_the_last_day_to_monday(legal: LegalHolidays) -> None:
    c = counted(legal, "2025-11-08", "14 days")
    assert c.line() == "8 Nov 2025 + 14 days = Sat 22 Nov 2025 → Sun 23 Nov 2025 → Mon 24 Nov 2025"
    assert [s.text for s in c.steps[2:4]] == [
        "Sat 22 Nov 2025 is a Saturday: the period runs on to the next day.",
        "Sun 23 Nov 2025 is a Sunday: the period runs on to the next day.",
    ]


def test_intermediate_weekends_and_holidays_are_counted(legal: LegalHolidays) -> None:
    # 7 Nov + 14 days crosses two weekends and Veterans Day (11 Nov) and still ends on the 21st.
    assert (
        counted(legal, "2025-11-07", "14 days").line() == "7 Nov 2025 + 14 days = Fri 21 Nov 2025"
    )
    assert (
        counted(legal, "2025-11-07", "2 weeks").line() == "7 Nov 2025 + 2 weeks = Fri 21 Nov 2025"
    )


def test_christmas_then_a_presidential_closure_then_a_weekend(legal: LegalHolidays) -> None:
    c = counted(legal, "2025-12-20", "5 days")
    assert c.line() == (
        "20 Dec 2025 + 5 days = Thu 25 Dec 2025, Christmas Day → Fri 26 Dec 2025, Day After "
        "Christmas → Sat 27 Dec 2025 → Sun 28 Dec 2025 → Mon 29 Dec 2025"
    )
    assert c.due == dt.date(2025, 12, 29)
    assert [(s.text, s.rule) for s in c.steps[3:5]] == [
        (
            "Fri 26 Dec 2025 is Day After Christmas, a day the President closed the federal "
            "government: the period runs on to the next day.",
            "FRCP 6(a)(1)(C), 6(a)(6)(B)",
        ),
        ("Sat 27 Dec 2025 is a Saturday: the period runs on to the next day.", "FRCP 6(a)(1)(C)"),
    ]


def test_the_national_day_of_mourning_is_a_legal_holiday(legal: LegalHolidays) -> None:
    assert counted(legal, "2025-01-02", "7 days").line() == (
        "2 Jan 2025 + 7 days = Thu 9 Jan 2025, National Day of Mourning for former President "
        "Jimmy Carter → Fri 10 Jan 2025"
    )


def test_a_state_holiday_counts_in_its_state_only(legal: LegalHolidays) -> None:
    # The day after Thanksgiving is a California holiday, not a New York one.
    assert counted(legal, "2025-11-13", "14 days", state="CA").line() == (
        "13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day → Fri 28 Nov 2025, Day After "
        "Thanksgiving → Sat 29 Nov 2025 → Sun 30 Nov 2025 → Mon 1 Dec 2025"
    )
    # Lincoln's Birthday is a New York holiday (N.Y. Gen. Constr. Law § 24), not a Texas one.
    ny = counted(legal, "2026-01-29", "14 days", state="NY")
    assert ny.line() == (
        "29 Jan 2026 + 14 days = Thu 12 Feb 2026, Lincoln's Birthday → Fri 13 Feb 2026"
    )
    assert ny.steps[2].text == (
        "Thu 12 Feb 2026 is Lincoln's Birthday, a legal holiday in New York, where the court "
        "sits: the period runs on to the next day."
    )
    assert ny.steps[2].rule == "FRCP 6(a)(1)(C), 6(a)(6)(C)"
    tx = counted(legal, "2026-01-29", "14 days", state="TX")
    assert tx.line() == "29 Jan 2026 + 14 days = Thu 12 Feb 2026"


def test_without_a_state_the_count_says_which_states_would_move_it(legal: LegalHolidays) -> None:
    c = counted(legal, "2026-01-29", "14 days", state=None)
    assert c.line() == "29 Jan 2026 + 14 days = Thu 12 Feb 2026"
    assert [q.text() for q in c.questions] == [
        "Thu 12 Feb 2026 is a holiday in some states (Lincoln's Birthday in CT, IA, IL, NJ, NY)"
    ]
    assert c.steps[2].text == (
        "Thu 12 Feb 2026 is not a Saturday, Sunday or legal holiday federally (the court's state "
        "is not known): the period ends on it."
    )
    # Thanksgiving's Friday is a holiday in more than a dozen states (how many depends on the
    # release of `holidays`), and the list is cut short after six.
    (question,) = counted(legal, "2025-11-13", "14 days", state=None).questions
    assert question.day == dt.date(2025, 11, 28)
    assert {"CA", "TX", "NC"} <= set(question.holidays) and "NY" not in question.holidays
    assert "Day After Thanksgiving in CA, DE, MI, NC, NH, OK and " in question.text()
    assert counted(legal, "2025-12-20", "5 days", state=None).questions == ()


def test_service_by_mail_adds_three_days_after_the_period(legal: LegalHolidays) -> None:
    c = counted(legal, "2025-11-13", "14 days", service="mail")
    assert c.line() == (
        "13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day → Fri 28 Nov 2025; + 3 days, "
        "served by mail (FRCP 6(d)) = Mon 1 Dec 2025"
    )
    assert (c.steps[4].text, c.steps[4].rule) == (
        "The paper was served by mail (FRCP 5(b)(2)(C)): 3 days are added after the period would "
        "otherwise end, Fri 28 Nov 2025 + 3 days = Mon 1 Dec 2025.",
        "FRCP 6(d)",
    )
    # The 3 days can land on a weekend too, and 6(a)(1)(C) moves it again.
    assert counted(legal, "2025-11-10", "14 days", service="mail").line() == (
        "10 Nov 2025 + 14 days = Mon 24 Nov 2025; + 3 days, served by mail (FRCP 6(d)) = "
        "Thu 27 Nov 2025, Thanksgiving Day → Fri 28 Nov 2025"
    )
    assert counted(legal, "2025-11-13", "14 days", service="hand").due == dt.date(2025, 11, 28)


def test_months_and_years_end_on_the_same_day_or_the_last_day_of_a_shorter_month(
    legal: LegalHolidays,
) -> None:
    assert (
        counted(legal, "2025-01-31", "1 month").line() == "31 Jan 2025 + 1 month = Fri 28 Feb 2025"
    )
    assert (
        counted(legal, "2024-01-31", "1 month").line() == "31 Jan 2024 + 1 month = Thu 29 Feb 2024"
    )
    c = counted(legal, "2025-11-30", "3 months")
    assert c.line() == (
        "30 Nov 2025 + 3 months = Sat 28 Feb 2026 → Sun 1 Mar 2026 → Mon 2 Mar 2026"
    )
    assert c.steps[1].text == (
        "Mon 1 Dec 2025 to Sat 28 Feb 2026: 3 months after 30 Nov 2025 ends on the same day of "
        "the month (Feb 2026 has no 30th, so on its last day). The last day is included."
    )
    assert add(dt.date(2024, 2, 29), Period(1, "year")) == dt.date(2025, 2, 28)
    assert add(dt.date(2025, 3, 15), Period(1, "month")) == dt.date(2025, 4, 15)


def test_corrections_to_the_holidays_package(legal: LegalHolidays) -> None:
    # Susan B. Anthony Day (15 Feb) is listed for New York by `holidays` but is no public holiday.
    assert (
        counted(legal, "2030-02-01", "14 days").line() == "1 Feb 2030 + 14 days = Fri 15 Feb 2030"
    )
    # 24 Dec 2015 was a half-day closing (EO 13713): not a holiday.
    assert (
        counted(legal, "2015-12-10", "14 days").line() == "10 Dec 2015 + 14 days = Thu 24 Dec 2015"
    )


def test_what_holidays_gives_for_2025(legal: LegalHolidays) -> None:
    """The package's 2025: the statutory holidays and the three presidential closures."""
    federal = {
        (d, h.kind, h.name)
        for d in (dt.date(2025, 1, 1) + dt.timedelta(days=n) for n in range(365))
        if (h := legal.holiday(d, None)) is not None
    }
    assert sorted(federal) == [
        (dt.date(2025, 1, 1), "federal", "New Year's Day"),
        (
            dt.date(2025, 1, 9),
            "presidential",
            "National Day of Mourning for former President Jimmy Carter",
        ),
        (dt.date(2025, 1, 20), "federal", "Birthday of Martin Luther King, Jr."),
        (dt.date(2025, 2, 17), "federal", "Washington's Birthday"),
        (dt.date(2025, 5, 26), "federal", "Memorial Day"),
        (dt.date(2025, 6, 19), "federal", "Juneteenth National Independence Day"),
        (dt.date(2025, 7, 4), "federal", "Independence Day"),
        (dt.date(2025, 9, 1), "federal", "Labor Day"),
        (dt.date(2025, 10, 13), "federal", "Columbus Day"),
        (dt.date(2025, 11, 11), "federal", "Veterans Day"),
        (dt.date(2025, 11, 27), "federal", "Thanksgiving Day"),
        (dt.date(2025, 12, 24), "presidential", "Christmas Eve"),
        (dt.date(2025, 12, 25), "federal", "Christmas Day"),
        (dt.date(2025, 12, 26), "presidential", "Day After Christmas"),
    ]
    ny = [d for d in (dt.date(2025, 2, 12), dt.date(2025, 2, 15), dt.date(2025, 11, 4))]
    assert [getattr(legal.holiday(d, "NY"), "name", None) for d in ny] == [
        "Lincoln's Birthday",
        None,  # Susan B. Anthony Day: corrected
        "Election Day",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "14 dayz",
            "'14 dayz' is not a period; write a number and a unit: '14 days', '2 weeks', "
            "'3 months' or '1 year'",
        ),
        ("14", "'14' has no unit; write '14 days', weeks, months or years"),
        (
            "10 business days",
            "'10 business days' is not a period casetrack counts: since 2009 FRCP 6(a) counts "
            "every day, so write calendar days, e.g. '14 days'",
        ),
        (
            "48 hours",
            "'48 hours': periods in hours (FRCP 6(a)(2)) are not counted; write days, weeks, "
            "months or years",
        ),
        ("0 days", "'0 days' is not a period; it must be at least 1 day"),
    ],
)
def test_periods_that_cannot_be_read(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as caught:
        Period.parse(text)
    assert str(caught.value) == message


def test_periods_that_can() -> None:
    assert [
        str(Period.parse(t)) for t in ("14 days", "1 Day", " 2  weeks ", "21 calendar days")
    ] == [
        "14 days",
        "1 day",
        "2 weeks",
        "21 days",
    ]
    assert str(Period.parse("1 years")) == "1 year"


@pytest.mark.parametrize(
    ("names", "state"),
    [
        (["U.S. District Court for the Southern District of New York"], "NY"),
        (["SDNY"], "NY"),
        (["S.D.N.Y."], "NY"),
        (["N.D. Cal."], "CA"),
        (["United States District Court for the District of Columbia", "D.D.C."], "DC"),
        (["D. Mass."], "MA"),
        (["Southern District of West Virginia"], "WV"),
        (["W.D. Va."], "VA"),
        (["District Court of Guam"], "GU"),
        (["District Court for the Northern Mariana Islands"], "MP"),
        (["EDPA"], "PA"),
        (["Los Angeles Superior Court", "LA Superior Court"], None),
        (["District Court for the Example District", "EDX"], None),
        (["S.D.N.Y.", "N.D. Cal."], None),  # two states: not guessed
    ],
)
def test_the_state_of_a_federal_district_court(names: list[str], state: str | None) -> None:
    assert district_state(names) == state


def test_every_state_is_a_subdivision_of_the_holidays_package() -> None:
    from holidays.countries.united_states import UnitedStates

    assert set(STATES) <= set(UnitedStates.subdivisions)
    assert len(STATES) == 55  # 50 states, DC, and the territories with a district court
