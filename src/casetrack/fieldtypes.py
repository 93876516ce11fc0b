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
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
        # YAML reads an unquoted `[2024-12-31..2025-01-30]` as a list of one item: the set.
        value = f"[{value[0]}]"
    if not isinstance(value, str):
        raise ValueError(
            f"{value!r} is not a date; write it as a string such as '2025-01-15' (one day within "
            "a range as '[2024-12-31..2025-01-30]')"
        )
    try:
        return DateSpan.parse(value)
    except DateError as exc:
        raise ValueError(str(exc)) from None


# One EDTF date for the editor schema: months 01-12 and days 01-31 (the loader checks the calendar).
_EDTF_ONE = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[~?%]?"
# One day within a range, inside the brackets: A..B, ..B or A..
_EDTF_RANGE = rf"({_EDTF_ONE}\.\.({_EDTF_ONE})?|\.\.{_EDTF_ONE})"
# A date: one date; an interval, either end open (..) or unknown (empty); one day of a set.
_EDTF_DATE = rf"{_EDTF_ONE}(/({_EDTF_ONE}|\.\.)?)?|(\.\.)?/{_EDTF_ONE}|\[{_EDTF_RANGE}\]"

When = Annotated[
    DateSpan,
    PlainValidator(_parse_when),
    PlainSerializer(lambda d: d.edtf(), return_type=str),
    WithJsonSchema(
        {
            # An unquoted [A..B] is a YAML list of one item, which casetrack reads as the set.
            "type": ["string", "array"],
            "pattern": f"^({_EDTF_DATE})$",
            "items": {"type": "string", "pattern": f"^{_EDTF_RANGE}$"},
            "minItems": 1,
            "maxItems": 1,
            "description": (
                "A date in EDTF notation: 2024, 2024-12, 2024-12-20; add ~ for approximate, "
                "? for uncertain. A span of time is an interval, 2023-05/2024-01 (../2024-08 "
                "or /2024-08 when its start is open or not known). A single day that no source "
                "gives, within a range, is one of a set: '[2024-12-31..2025-01-30]', "
                "'[..2025-01-29]' (on or before), '[2024-12-31..]' (on or after)."
            ),
            "examples": [
                "2024-12-20",
                "2025-01",
                "2025-02-13~",
                "2023-05/2024-01",
                "[2024-12-31..2025-01-30]",
            ],
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
