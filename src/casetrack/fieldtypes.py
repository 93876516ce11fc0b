"""The value types of a record's fields: ids, dates, periods, states and text, each with how it
is read from the text written in a data file and how the editor schema describes it.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, PlainSerializer, PlainValidator, WithJsonSchema

from casetrack.counting import Period, PeriodError
from casetrack.courts import STATES
from casetrack.dates import DateError, DateSpan

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"

Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        max_length=200,
        description="An id: letters, digits, '.', '_' or '-', starting with a letter or digit.",
    ),
]


def _parse_when(value: Any) -> DateSpan:
    if isinstance(value, DateSpan):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date; write it as a string such as '2025-01-15'")
    try:
        return DateSpan.parse(value)
    except DateError as exc:
        raise ValueError(str(exc)) from None


# One EDTF date for the editor schema: months 01-12 and days 01-31 (the loader checks the calendar).
_EDTF_ONE = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[~?%]?"

When = Annotated[
    DateSpan,
    PlainValidator(_parse_when),
    PlainSerializer(lambda d: d.edtf(), return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": f"^{_EDTF_ONE}(/{_EDTF_ONE})?$",
            "description": (
                "A date in EDTF notation: 2024, 2024-12, 2024-12-20; add ~ for approximate, "
                "? for uncertain; an interval is 2023-05/2024-01."
            ),
            "examples": ["2024-12-20", "2025-01", "2025-02-13~", "2023-05/2024-01"],
        }
    ),
]


def _parse_period(value: Any) -> Period:
    if isinstance(value, Period):
        return value
    try:
        return Period.parse(value)
    except PeriodError as exc:
        raise ValueError(str(exc)) from None


PeriodText = Annotated[
    Period,
    PlainValidator(_parse_period),
    PlainSerializer(
        lambda p: str(p), return_type=str
    ),  # not `str` itself: pydantic 2.6 needs a signature
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*[0-9]+\s+([Cc]alendar\s+)?([Dd]ays?|[Ww]eeks?|[Mm]onths?|[Yy]ears?)\s*$",
            "description": "A period: a number and a unit: days, weeks, months or years.",
            "examples": ["14 days", "21 days", "2 weeks", "1 month", "1 year"],
        }
    ),
]


def _parse_state(value: Any) -> str:
    if isinstance(value, str) and value.strip().upper() in STATES:
        return value.strip().upper()
    raise ValueError(
        f"{value!r} is not a US state or territory with a federal court; write its two-letter "
        "postal code, e.g. NY, CA, DC"
    )


State = Annotated[
    str,
    PlainValidator(_parse_state),
    WithJsonSchema(
        {
            "type": "string",
            "enum": sorted(STATES),
            "description": "A two-letter postal code: NY, CA, DC, PR, ...",
        }
    ),
]

Text = Annotated[str, Field(min_length=1, max_length=20_000)]
Sources = Annotated[
    list[Id],
    Field(description="Ids of the sources this fact comes from. Every fact needs at least one."),
]

DocketText = Annotated[str, Field(min_length=1, max_length=200_000)]
