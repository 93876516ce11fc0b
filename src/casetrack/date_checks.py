"""Checks of how dates are written: an approximate or uncertain date says how it was worked
out (`date_note`), and a span whose note says the thing happened once is written as one day
within a range. Run with the other checks (`checks.CHECKS`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from casetrack.dataset import Dataset
from casetrack.dates import SET, DateSpan
from casetrack.problems import Finding
from casetrack.problems import record_label as _label


def _dates_needing_notes(
    dataset: Dataset,
) -> Iterator[tuple[str, tuple[str | int, ...], Any, str | None, str]]:
    """(record id, path, date, its note, label) for every date that may need a note."""
    for section in ("filings", "events"):
        for rid, record in dataset.section(section).items():
            yield rid, ("date",), record.date, record.date_note, _label(dataset, rid)
    for rid, case in dataset.cases.items():
        yield rid, ("filed",), case.filed, case.date_note, _label(dataset, rid)
    for rid, claim in dataset.claims.items():
        yield rid, ("date",), claim.date, claim.notes, _label(dataset, rid)
        for i, change in enumerate(claim.history):
            label = f"status change {i + 1} of claim '{rid}'"
            yield rid, ("history", i, "date"), change.date, change.date_note, label


def check_date_notes(dataset: Dataset) -> list[Finding]:
    """An approximate or uncertain date says how it was worked out."""
    return [
        Finding(
            rid,
            path,
            f"{label} has an approximate date ({date.display()}) but no "
            "'date_note' saying how it was worked out",
            "warning",
        )
        for rid, path, date, note, label in _dates_needing_notes(dataset)
        if date is not None and (date.approximate or date.uncertain) and not note
    ]


# What a note says of a date that happened once, on a day no source gives ("Once, some time within
# this range", "not dated", "some time between", "by 29 Jan 2025").
_ONCE = re.compile(
    r"\bonce\b|\bnot dated\b|\bsome ?time between\b|\bno source gives the day\b"
    r"|\bby (?:c\. |about )?(?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r" \d{4}\b",
    re.IGNORECASE,
)


def _noted_dates(dataset: Dataset) -> Iterator[tuple[str, tuple[str | int, ...], Any, str | None]]:
    """(record id, path, date, the note that says how it was worked out) for every date."""
    for rid, path, date, note, _ in _dates_needing_notes(dataset):
        yield rid, path, date, note
    for rid, case in dataset.cases.items():
        for i, rel in enumerate(case.relations):
            yield rid, ("relations", i, "date"), rel.date, rel.note
    for rid, event in dataset.events.items():
        if event.scheduled is not None:
            for name in ("set_on", "replaced_on"):
                date = getattr(event.scheduled, name)
                yield rid, ("scheduled", name), date, event.scheduled.note


def check_once_dates(dataset: Dataset) -> list[Finding]:
    """A date whose note says the thing happened once is one day within a range, not a span."""
    found = []
    for rid, path, date, note in _noted_dates(dataset):
        if date is None or not date.is_interval or date.start is None or date.end is None:
            continue
        if not note or note.lstrip().lower().startswith("a span") or not _ONCE.search(note):
            continue
        suggested = DateSpan(date.start, date.end, SET).edtf()
        found.append(
            Finding(
                rid,
                path,
                f"{_label(dataset, rid)}: its note says it happened once, but {date.edtf()} is a "
                f"span of time; write one day within the range as '{suggested}'",
                "warning",
            )
        )
    return found
