"""A check of records against the sources they cite: a record dated after every one of its
sources (a 2025 ruling sourced only to a 2023 article) has lost the source that reports it, or
has the wrong date. Run with the other checks (`checks.CHECKS`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from casetrack.problems import Finding
from casetrack.vocabulary import RECORD_WORDS

if TYPE_CHECKING:
    from casetrack.dataset import Dataset
    from casetrack.dates import DateSpan


def _dated(
    dataset: Dataset,
) -> Iterator[tuple[str, tuple[str | int, ...], str, DateSpan, Sequence[str]]]:
    """(record id, path, label, date, sources) of every dated fact that cites sources. A
    scheduled date is left out: it is set, and reported, before it comes."""
    for section in ("filings", "events"):
        for rid, record in dataset.section(section).items():
            if getattr(record, "scheduled", None) is None:
                label = f"{RECORD_WORDS[section]} '{rid}'"
                yield rid, ("date",), label, record.date, record.sources
    for rid, case in dataset.cases.items():
        if case.filed is not None:
            yield rid, ("filed",), f"case '{rid}'", case.filed, case.sources
    for rid, claim in dataset.claims.items():
        for i, change in enumerate(claim.history):
            label = f"status change {i + 1} ('{change.status}') of claim '{rid}'"
            yield rid, ("history", i, "date"), label, change.date, change.sources or claim.sources


ZERO = dt.timedelta(0)
# How much later than its recorded day an approximate publication date may really be.
SLACK = dt.timedelta(days=7)


def check_dated_after_sources(dataset: Dataset) -> list[Finding]:
    """A warning for each fact dated after every source it cites, when they all have a date.
    A fact whose own date is approximate or uncertain is not held to it, and an approximate
    publication date is given a week's slack."""
    found = []
    for rid, path, label, date, sources in _dated(dataset):
        if date.approximate or date.uncertain:
            continue
        dates = []
        for sid in sources:
            source = dataset.sources.get(sid)
            when = [d for d in (source.published, source.retrieved) if d] if source else []
            if not when:
                break  # a source of unknown date may well be later
            dates.append((max(d.latest() + (SLACK if d.approximate else ZERO) for d in when), sid))
        else:
            if dates and date.earliest() > max(dates)[0]:
                newest = max(dates)
                shown = dataset.sources[newest[1]]
                published = shown.published or shown.retrieved
                found.append(
                    Finding(
                        rid,
                        path,
                        f"{label} is dated {date.display()}, after every source it cites (the "
                        f"newest, '{newest[1]}', is of {published.display() if published else '?'}"
                        "): add the source that reports it, or correct the date",
                        "warning",
                    )
                )
    return found
