"""Cross-record checks: small functions `check_x(dataset) -> list[Finding]`, run in one loop.

Each finding names a record id and a path inside that record; the loader turns it into
`file:line:column: message`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from casetrack.claim_history import claim_raised
from casetrack.dataset import Dataset
from casetrack.date_checks import check_date_notes, check_once_dates
from casetrack.fuzzy import closest
from casetrack.models import Model, Record
from casetrack.problems import Finding
from casetrack.problems import record_label as _label
from casetrack.source_checks import check_dated_after_sources
from casetrack.vocabulary import RECORD_WORDS as _WORD

Check = Callable[[Dataset], list[Finding]]


def _suggest(dataset: Dataset, wanted: str, sections: tuple[str, ...]) -> str:
    keys: dict[str, list[str]] = {}
    for s in sections:
        for rid, record in dataset.section(s).items():
            keys[rid] = [*getattr(record, "aliases", ()), getattr(record, "name", rid)]
    close = closest(wanted, keys, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


# Each suggestion compares the unknown id with every record of its kind. The first few distinct
# unknown ids get a "did you mean"; thousands of them (a renamed source, a generated file gone
# wrong) would otherwise take minutes, and a few examples show the pattern.
SUGGESTIONS = 25


class _Suggester:
    """'did you mean' for unknown ids: each id suggested once, at most SUGGESTIONS of them."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.done: dict[tuple[str, tuple[str, ...]], str] = {}

    def __call__(self, wanted: str, sections: tuple[str, ...]) -> str:
        key = (wanted, sections)
        if key not in self.done:
            within = len(self.done) < SUGGESTIONS
            self.done[key] = _suggest(self.dataset, wanted, sections) if within else ""
        return self.done[key]


Reference = tuple[str, tuple[str | int, ...], str, tuple[str, ...]]


def references(dataset: Dataset) -> Iterator[Reference]:
    """Every id reference: (record id, path, referenced id, sections it may point into)."""
    for section in ("parties", "cases", "filings", "claims", "events", "deadlines"):
        yield from references_of(section, dataset.section(section))


def references_of(section: str, records: dict[str, Any]) -> Iterator[Reference]:
    """The id references of some records of one section, by id."""
    P, S, C, F, E = ("parties",), ("sources",), ("cases",), ("filings",), ("events",)

    def ids(rid: str, base: tuple[str | int, ...], values: list[str], to: tuple[str, ...]) -> Any:
        for i, v in enumerate(values):
            yield rid, (*base, i), v, to

    for rid, party in records.items() if section == "parties" else ():
        yield from ids(rid, ("sources",), party.sources, S)
        if party.firm:
            yield rid, ("firm",), party.firm, P
        yield from ids(rid, ("members",), party.members, P)
    for rid, case in records.items() if section == "cases" else ():
        yield from ids(rid, ("sources",), case.sources, S)
        for name, value in (("court", case.court), ("judge", case.judge)):
            if value:
                yield rid, (name,), value, P
        for i, cp in enumerate(case.parties):
            yield rid, ("parties", i, "party"), cp.party, P
            yield from ids(rid, ("parties", i, "counsel"), cp.counsel, P)
            yield from ids(rid, ("parties", i, "sources"), cp.sources, S)
        for i, rel in enumerate(case.relations):
            yield rid, ("relations", i, "case"), rel.case, C
            yield from ids(rid, ("relations", i, "sources"), rel.sources, S)
    for rid, filing in records.items() if section == "filings" else ():
        yield from ids(rid, ("sources",), filing.sources, S)
        if filing.case:
            yield rid, ("case",), filing.case, C
        yield from ids(rid, ("filed_by",), filing.filed_by, P)
        yield from ids(rid, ("responds_to",), filing.responds_to, F)
        yield from ids(rid, ("decides",), filing.decides, F)
    for rid, claim in records.items() if section == "claims" else ():
        yield from ids(rid, ("sources",), claim.sources, S)
        if claim.case:
            yield rid, ("case",), claim.case, C
        yield from ids(rid, ("plaintiffs",), claim.plaintiffs, P)
        yield from ids(rid, ("defendants",), claim.defendants, P)
        if claim.filing:
            yield rid, ("filing",), claim.filing, F
        for i, change in enumerate(claim.history):
            if change.by:
                yield rid, ("history", i, "by"), change.by, F + E
            yield from ids(rid, ("history", i, "sources"), change.sources, S)
    for rid, event in records.items() if section == "events" else ():
        yield from ids(rid, ("sources",), event.sources, S)
        if event.case:
            yield rid, ("case",), event.case, C
        yield from ids(rid, ("parties",), event.parties, P)
        if event.alleged:
            yield from ids(rid, ("alleged", "by"), event.alleged.by, P)
            yield from ids(rid, ("alleged", "denied_by"), event.alleged.denied_by, P)
            if event.alleged.filing:
                yield rid, ("alleged", "filing"), event.alleged.filing, F
        if event.scheduled:
            if event.scheduled.set_by:
                yield rid, ("scheduled", "set_by"), event.scheduled.set_by, F + E
            if event.scheduled.replaced_by:
                yield rid, ("scheduled", "replaced_by"), event.scheduled.replaced_by, E
    for rid, deadline in records.items() if section == "deadlines" else ():
        yield from ids(rid, ("sources",), deadline.sources, S)
        if deadline.case:
            yield rid, ("case",), deadline.case, C
        if deadline.trigger:
            yield rid, ("from",), deadline.trigger, F + E
    if section != "sources":
        for rid, record in records.items():
            for d, disc in enumerate(record.discrepancies):
                for a, account in enumerate(disc.accounts):
                    path = ("discrepancies", d, "accounts", a, "sources")
                    yield from ids(rid, path, account.sources, S)


_WHAT = {
    ("parties",): "party",
    ("sources",): "source",
    ("cases",): "case",
    ("filings",): "filing",
    ("events",): "event",
    ("filings", "events"): "filing or event",
}


def check_references(dataset: Dataset, partial: Sequence[tuple[str, Model]] = ()) -> list[Finding]:
    """Every id named in a record exists, and is of the right kind; in the records that failed
    validation too (`partial`: each with its section), as far as they could be read."""
    found = [
        dataclasses.replace(finding, record=record)
        for section, record in partial
        for finding in _check_references(
            dataset, references_of(section, {_id(record): record}), section
        )
    ]
    return _check_references(dataset, references(dataset)) + found


def _id(record: Model) -> str:
    rid = getattr(record, "id", None)
    return rid if isinstance(rid, str) else "?"


def _check_references(
    dataset: Dataset, refs: Iterable[Reference], section: str | None = None
) -> list[Finding]:
    found = []
    suggest = _Suggester(dataset)
    for rid, path, wanted, sections in refs:
        label = f"{_WORD[section]} '{rid}'" if section else _label(dataset, rid)
        if any(wanted in dataset.section(s) for s in sections) or wanted in dataset.invalid_ids:
            continue
        what = _WHAT[sections]
        other = dataset.section_of(wanted)
        if other is not None:
            message = f"{label}: '{wanted}' is a {_WORD[other]}, but {path[0]} must name a {what}"
        elif path == ("case",) and (section or dataset.section_of(rid)) == "filings":
            message = (
                f"filing '{rid}' is in case '{wanted}', which does not exist"
                f"{suggest(wanted, sections)}"
            )
        else:
            message = f"{label} names unknown {what} '{wanted}'{suggest(wanted, sections)}"
        found.append(Finding(rid, path, message))
    return found


def _sourced_parts(dataset: Dataset) -> Iterator[tuple[str, tuple[str | int, ...], list[str], str]]:
    for section in ("parties", "cases", "filings", "claims", "events", "deadlines"):
        records: dict[str, Record] = dataset.section(section)
        for rid, record in records.items():
            yield rid, ("id",), record.sources, _label(dataset, rid)
    for rid, claim in dataset.claims.items():
        for i, change in enumerate(claim.history):
            yield (
                rid,
                ("history", i, "status"),
                change.sources,
                f"status change {i + 1} ('{change.status}') of claim '{rid}'",
            )


def check_sources_given(dataset: Dataset) -> list[Finding]:
    """Every fact names its source."""
    return [
        Finding(rid, path, f"{label} has no source; list where it comes from under 'sources'")
        for rid, path, sources, label in _sourced_parts(dataset)
        if not sources
    ]


def check_claim_dates(dataset: Dataset) -> list[Finding]:
    """A claim has a date (its own or its filing's); status changes follow it and each other."""
    found = []
    for rid, claim in dataset.claims.items():
        raised = claim_raised(dataset, claim)
        if raised is None and (claim.filing is None or claim.filing in dataset.filings):
            found.append(
                Finding(rid, ("id",), f"claim '{rid}' has no date: give 'filing' or 'date'")
            )
        previous = raised
        for i, change in enumerate(claim.history):
            if raised is not None and change.date.latest() < raised.earliest():
                found.append(
                    Finding(
                        rid,
                        ("history", i, "date"),
                        f"claim '{rid}' changes to '{change.status}' on "
                        f"{change.date.display()}, before the claim was raised "
                        f"({raised.display()})",
                    )
                )
            elif previous is not None and change.date.latest() < previous.earliest():
                found.append(
                    Finding(
                        rid,
                        ("history", i, "date"),
                        f"claim '{rid}': status changes must be in date order; "
                        f"{change.date.display()} comes before {previous.display()}",
                    )
                )
            previous = change.date
    return found


def check_schedules(dataset: Dataset) -> list[Finding]:
    """A scheduled date is replaced after it was set."""
    found = []
    for rid, event in dataset.events.items():
        s = event.scheduled
        if s and s.replaced_on and s.replaced_on.latest() < s.set_on.earliest():
            found.append(
                Finding(
                    rid,
                    ("scheduled", "replaced_on"),
                    f"event '{rid}' is replaced ({s.replaced_on.display()}) before it was set "
                    f"({s.set_on.display()})",
                )
            )
    return found


def check_allegations(dataset: Dataset) -> list[Finding]:
    """An allegation is not denied by the very party who makes it."""
    found = []
    for rid, event in dataset.events.items():
        a = event.alleged
        if a is None:
            continue
        both = sorted(set(a.by) & set(a.denied_by))
        if both:
            found.append(
                Finding(
                    rid,
                    ("alleged", "denied_by"),
                    f"event '{rid}': {', '.join(both)} both alleges and denies the same thing",
                )
            )
    return found


def check_deadlines(dataset: Dataset) -> list[Finding]:
    """A deadline can be counted: its trigger has a day, and where the count ends on a day that
    is a holiday in some states, the case says which state the court sits in."""
    if not dataset.deadlines:
        return []
    from casetrack.deadlines import no_day, trigger_date, view

    holidays = None
    found = []
    for rid, deadline in dataset.deadlines.items():
        date = trigger_date(dataset, deadline)
        if date is None:
            continue  # an unknown trigger: check_references says so
        reason = no_day(deadline.trigger, date)
        if reason is not None:
            message = f"deadline '{rid}' gives no due date: {reason}"
            found.append(Finding(rid, ("from",), message, "warning"))
            continue
        if holidays is None:
            from casetrack.legal_holidays import LegalHolidays

            holidays = LegalHolidays()
        v = view(dataset, deadline, holidays)
        if v.no_deadline is not None:
            message = f"deadline '{rid}' cannot be counted: {v.no_deadline}"
            found.append(Finding(rid, ("period",), message))
        elif v.count is not None and v.count.questions:
            questions = "; ".join(q.text() for q in v.count.questions)
            whose = f"case '{v.case}' names no state" if v.case else "it belongs to no case"
            found.append(
                Finding(
                    rid,
                    ("id",),
                    f"deadline '{rid}' may move: {questions}, and {whose} and no district court "
                    "that says one; add `state:` to the case (e.g. state: NY)",
                    "warning",
                )
            )
    return found


CHECKS: tuple[Check, ...] = (
    check_references,
    check_sources_given,
    check_claim_dates,
    check_schedules,
    check_date_notes,
    check_once_dates,
    check_allegations,
    check_deadlines,
    check_dated_after_sources,
)


def run_checks(dataset: Dataset, partial: Sequence[tuple[str, Model]] = ()) -> list[Finding]:
    """Run every check; return all findings. `partial`: the records that failed validation, as
    far as they could be read (see `salvage`), each with its section: their references are
    checked too."""
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(
            check_references(dataset, partial) if check is check_references else check(dataset)
        )
    return findings
