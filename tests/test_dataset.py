"""The bundled dataset (data/): the facts of the five articles and the public record are all there,
sourced, dated no more precisely than their sources allow, and the dataset validates clean.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from casetrack.dates import DateSpan
from casetrack.loader import Dataset, load
from casetrack.models import CLAIM_FINAL_STATUSES, Claim, Event, Record

DATA = Path(__file__).resolve().parent.parent / "data"

# Sources whose publication date bounds what they can report.
PRESS_KINDS = {"news-report", "blog"}
# How far past an approximate ("c.") publication date a source may really have appeared.
APPROX_SLACK = dt.timedelta(days=3)


@pytest.fixture(scope="module")
def loaded() -> tuple[Dataset, list[Any]]:
    return load(DATA)


@pytest.fixture(scope="module")
def ds(loaded: tuple[Dataset, list[Any]]) -> Dataset:
    return loaded[0]


# --- 1. The facts that matter most ---------------------------------------------------------------
# (date as written in the data, record type, kind, a party involved, keyword in title/summary)
# Record types: filing (kind = filing kind), event (event kind), case (kind "case", date = filed),
# claim (kind = current status, date = when raised), status (a claim status change: kind = status).
FACTS: list[tuple[str, str, str, str, str]] = [
    # December 2024
    ("2024-12-20", "filing", "administrative-complaint", "blake-lively", "Civil Rights Department"),
    ("2024-12-31", "filing", "complaint", "blake-lively", "sexually harassed"),
    ("2024-12-31", "filing", "complaint", "justin-baldoni", "New York Times"),
    ("2024-12-31", "case", "case", "blake-lively", "Lively v. Wayfarer"),
    ("2024-12-31", "case", "case", "new-york-times", "libel"),
    ("2024-12-21", "event", "publication", "new-york-times", "Bury Anyone"),
    # January 2025
    ("2025-01-16", "filing", "complaint", "justin-baldoni", "$400 million"),
    ("2025-01-16", "case", "case", "ryan-reynolds", "Wayfarer"),
    ("2025-01-16/2025-01-29", "filing", "order", "lewis-liman", "dismissal"),
    ("2025-01-20/2025-01-26", "event", "release", "bryan-freedman", "10-minute"),
    ("2025-01-20/2025-01-29", "event", "statement", "blake-lively", "corroborates"),
    ("2025-01-27", "event", "publication", "tmz", "voice memo"),
    ("2025-01-27~", "filing", "letter", "blake-lively", "gag order"),
    ("2025-01-27~", "filing", "order", "lewis-liman", "9 Mar 2026"),
    ("2025-01-27/2025-01-29", "filing", "notice-of-intent", "leslie-sloane", "dismiss"),
    ("2025-01-30~", "filing", "notice-of-intent", "ryan-reynolds", "motion to dismiss"),
    ("2025-01-30", "event", "conference", "justin-baldoni", "premature"),
    ("2024-12-31/2025-01-30~", "filing", "letter", "kevin-fritz", "deposition"),
    ("2024-12-31/2025-01-29", "filing", "discovery", "blake-lively", "online sentiment"),
    # February 2025
    ("2025-02-03", "event", "conference", "bryan-freedman", "devastated"),
    ("2025-02-03", "event", "conference", "michael-gottlieb", "retaliation campaign"),
    ("2025-02-12", "event", "conference", "lewis-liman", "originally scheduled"),
    ("2025-02-07", "event", "meeting", "blake-lively", "Discovery Protocols"),
    ("2025-02-13~", "filing", "joint-letter", "justin-baldoni", "mediation program"),
    ("2025-02-13~", "filing", "order", "lewis-liman", "mediation"),
    ("2024-12-31/2025-02-13~", "filing", "subpoena", "blake-lively", "text messages"),
    ("2024-12-20/2025-02-13~", "event", "release", "justin-baldoni", "website"),
    ("2024-12-20/2025-02-13~", "filing", "complaint", "crisis-pr-firm", "reputational harm"),
    ("2025-01-16/2025-02-13~", "event", "statement", "blake-lively", "abuser playbook"),
    ("2024-12-20/2025-02-13~", "event", "statement", "bryan-freedman", "desperate attempt"),
    # The film and the allegations about it
    ("2023/2024-08", "event", "production", "justin-baldoni", "strikes"),
    ("2023-05-19", "event", "production", "blake-lively", "kiss"),
    ("2023/2024-08", "event", "other", "jamey-heath", "breastfeeding"),
    ("2023/2024-08", "event", "other", "ryan-reynolds", "rooftop scene"),
    ("2024-01", "event", "meeting", "blake-lively", "no more improvising of kissing"),
    ("2024-08", "event", "release", "justin-baldoni", "$50 million"),
    ("2024-08~", "event", "other", "blake-lively", "smear campaign"),
    # Claims and what became of them
    ("2024-12-31", "claim", "pending", "blake-lively", "Sexual harassment"),
    ("2024-12-31", "claim", "pending", "justin-baldoni", "Retaliation"),
    ("2024-12-31", "claim", "pending", "wayfarer-studios", "Breach of contract"),
    ("2024-12-31", "claim", "pending", "blake-lively", "Invasion of privacy"),
    ("2024-12-31", "claim", "pending", "blake-lively", "Lost wages"),
    ("2024-12-31", "claim", "withdrawn", "blake-lively", "emotional distress"),
    ("2025-06-03", "status", "withdrawn", "blake-lively", "emotional distress"),
    ("2025-01-16", "claim", "judgment-for-defendant", "ryan-reynolds", "Civil extortion"),
    ("2025-01-16", "claim", "judgment-for-defendant", "leslie-sloane", "Defamation"),
    ("2024-12-31", "claim", "dismissed", "new-york-times", "Libel"),
    ("2025-06-09", "status", "dismissed", "justin-baldoni", "extortion"),
    ("2025-06-09", "status", "dismissed", "new-york-times", "False light"),
    ("2025-10-31", "status", "judgment-for-defendant", "vision-pr", "interference"),
    # Orders and dates since June 2025
    ("2025-06-03", "filing", "order", "lewis-liman", "emotional-distress"),
    ("2025-06-09", "filing", "order", "lewis-liman", "$250 million"),
    ("2025-06-23", "event", "deadline", "wayfarer-studios", "amend"),
    ("2025-10-31", "filing", "judgment", "lewis-liman", "final judgment"),
    ("2025-11-12", "filing", "other", "blake-lively", "mean girl"),
    ("2025-11-13", "filing", "motion-for-summary-judgment", "justin-baldoni", "no kiss"),
    ("2025-11-13", "event", "publication", "people-magazine", "clip"),
    ("2025-12-09", "filing", "order", "lewis-liman", "18 May 2026"),
    ("2026-03-09", "event", "trial", "blake-lively", "trial"),
    ("2026-05-18", "event", "trial", "justin-baldoni", "trial"),
]


def _claim_raised(ds: Dataset, claim: Claim) -> DateSpan | None:
    if claim.date is not None:
        return claim.date
    filing = ds.filings.get(claim.filing or "")
    return filing.date if filing else None


def _claim_status(claim: Claim) -> str:
    return claim.history[-1].status if claim.history else "pending"


def _candidates(ds: Dataset, rtype: str) -> Iterator[tuple[str, str, set[str], str, list[str]]]:
    """(date, kind, parties involved, searchable text, sources) for each record of a type."""
    if rtype == "filing":
        for f in ds.filings.values():
            yield f.date.edtf(), f.kind, set(f.filed_by), f"{f.title} {f.summary}", f.sources
    elif rtype == "event":
        for e in ds.events.values():
            who = set(e.parties) | set(e.alleged.by if e.alleged else [])
            yield e.date.edtf(), e.kind, who, f"{e.title} {e.summary}", e.sources
    elif rtype == "case":
        for c in ds.cases.values():
            filed = c.filed.edtf() if c.filed else ""
            who = {p.party for p in c.parties}
            yield filed, "case", who, f"{c.caption} {c.short_name} {c.summary}", c.sources
    elif rtype == "claim":
        for c in ds.claims.values():
            raised = _claim_raised(ds, c)
            who = set(c.plaintiffs) | set(c.defendants)
            text = f"{c.title} {c.summary}"
            yield raised.edtf() if raised else "", _claim_status(c), who, text, c.sources
    elif rtype == "status":
        for c in ds.claims.values():
            who = set(c.plaintiffs) | set(c.defendants)
            for h in c.history:
                yield h.date.edtf(), h.status, who, f"{c.title} {c.summary}", h.sources
    else:
        raise AssertionError(f"unknown record type {rtype!r} in FACTS")


def test_facts_table_is_big_enough() -> None:
    assert len(FACTS) >= 40
    assert len(set(FACTS)) == len(FACTS)


@pytest.mark.parametrize(("date", "rtype", "kind", "who", "keyword"), FACTS)
def test_fact_is_in_dataset(
    ds: Dataset, date: str, rtype: str, kind: str, who: str, keyword: str
) -> None:
    assert who in ds.parties, f"unknown party {who!r}"
    matches = [
        sources
        for d, k, parties, text, sources in _candidates(ds, rtype)
        if d == date and k == kind and who in parties and keyword.lower() in text.lower()
    ]
    assert matches, f"no {rtype} ({kind}) dated {date} involving {who} mentioning {keyword!r}"
    assert any(sources for sources in matches), "the matching record cites no source"


# --- 2. Sources, allegations and how precise dates may be ----------------------------------------


def _records(ds: Dataset) -> Iterator[tuple[str, Record]]:
    for section in ("parties", "cases", "filings", "claims", "events"):
        yield from ds.section(section).items()


def _source_refs(ds: Dataset) -> Iterator[tuple[str, list[str]]]:
    """(where, source ids) for every list of sources anywhere in the dataset."""
    for rid, record in _records(ds):
        yield rid, record.sources
        for d in record.discrepancies:
            for a in d.accounts:
                yield f"{rid} discrepancy {d.about!r}", a.sources
    for rid, case in ds.cases.items():
        for cp in case.parties:
            yield f"{rid} party {cp.party}", cp.sources
        for rel in case.relations:
            yield f"{rid} relation {rel.kind} {rel.case}", rel.sources
    for rid, claim in ds.claims.items():
        for i, h in enumerate(claim.history):
            yield f"{rid} history[{i}]", h.sources


def test_every_record_and_status_change_has_a_source(ds: Dataset) -> None:
    missing = [rid for rid, record in _records(ds) if not record.sources]
    missing += [
        f"{rid} history[{i}]"
        for rid, claim in ds.claims.items()
        for i, h in enumerate(claim.history)
        if not h.sources
    ]
    assert not missing


def test_case_roles_and_relations_have_sources(ds: Dataset) -> None:
    missing = [
        f"{rid} {cp.party}" for rid, c in ds.cases.items() for cp in c.parties if not cp.sources
    ]
    missing += [
        f"{rid} {r.case}" for rid, c in ds.cases.items() for r in c.relations if not r.sources
    ]
    assert not missing


def test_every_source_reference_exists(ds: Dataset) -> None:
    unknown = [(where, s) for where, ids in _source_refs(ds) for s in ids if s not in ds.sources]
    assert not unknown


def test_every_source_is_used(ds: Dataset) -> None:
    used = {s for _, ids in _source_refs(ds) for s in ids}
    assert set(ds.sources) - used == set()


def test_articles_and_public_record_are_told_apart(ds: Dataset) -> None:
    seeds = {s.file for s in ds.sources.values() if s.file}
    assert len(seeds) == 5
    for source in ds.sources.values():
        # An article is a local seed file; a public-record source is a URL; never both.
        assert bool(source.file) != bool(source.url), source.id
        if source.published and (source.published.approximate or source.published.uncertain):
            assert source.date_note, source.id


def test_every_allegation_has_an_author(ds: Dataset) -> None:
    alleged = [e for e in ds.events.values() if e.alleged]
    assert len(alleged) >= 4
    for event in alleged:
        assert event.alleged is not None
        assert event.alleged.by, event.id
        assert all(p in ds.parties for p in event.alleged.by + event.alleged.denied_by)
        assert not event.alleged.filing or event.alleged.filing in ds.filings


def _dated(ds: Dataset) -> Iterator[tuple[str, DateSpan, list[str], str | None, bool]]:
    """(label, date, sources, date_note, scheduled) for every dated fact."""
    for rid, f in ds.filings.items():
        yield rid, f.date, f.sources, f.date_note, False
    for rid, e in ds.events.items():
        yield rid, e.date, e.sources, e.date_note, e.scheduled is not None
    for rid, c in ds.cases.items():
        if c.filed:
            yield rid, c.filed, c.sources, c.date_note, False
    for rid, claim in ds.claims.items():
        raised = _claim_raised(ds, claim)
        if raised:
            yield rid, raised, claim.sources, "from its filing", False
        for i, h in enumerate(claim.history):
            yield f"{rid} history[{i}]", h.date, h.sources, h.date_note, False


def _latest_publication(ds: Dataset, sources: list[str]) -> dt.date | None:
    """The last day by which all these press sources had appeared, or None if unbounded."""
    latest = None
    for sid in sources:
        source = ds.sources[sid]
        if source.kind not in PRESS_KINDS or source.published is None:
            return None
        day = source.published.latest()
        if source.published.approximate or source.published.uncertain:
            day += APPROX_SLACK
        latest = day if latest is None else max(latest, day)
    return latest


def test_nothing_is_dated_after_the_sources_that_report_it(ds: Dataset) -> None:
    checked = 0
    too_late = []
    for label, date, sources, _note, scheduled in _dated(ds):
        if scheduled or not sources:
            continue
        bound = _latest_publication(ds, sources)
        if bound is None:
            continue
        checked += 1
        if date.latest() > bound:
            too_late.append(f"{label}: {date.edtf()} is after its sources ({bound})")
    assert not too_late
    assert checked >= 30


def test_approximate_and_inferred_dates_say_how(ds: Dataset) -> None:
    silent = [
        label
        for label, date, _sources, note, _scheduled in _dated(ds)
        if (date.approximate or date.uncertain or date.end is not None) and not note
    ]
    assert not silent


def test_what_one_outlet_alone_reports_is_unconfirmed(ds: Dataset) -> None:
    assert ds.cases["pr-firm-v-lively"].unconfirmed
    for filing in ds.filings.values():
        if filing.case == "pr-firm-v-lively":
            assert filing.unconfirmed


# --- 3. Clean validation -------------------------------------------------------------------------


def test_dataset_validates_clean(loaded: tuple[Dataset, list[Any]]) -> None:
    ds, problems = loaded
    assert [str(p) for p in problems] == []
    assert len(ds.sources) >= 10
    for section in ("parties", "cases", "filings", "claims", "events"):
        assert ds.section(section), section


def test_required_records_exist(ds: Dataset) -> None:
    assert ds.cases["lively-v-wayfarer"].docket == "1:24-cv-10049 (LJL)"
    assert ds.cases["wayfarer-v-lively"].docket == "1:25-cv-00449 (LJL)"
    assert ds.cases["baldoni-v-nyt"].court == "la-superior-court"
    for case in ("lively-v-wayfarer", "wayfarer-v-lively"):
        assert ds.cases[case].judge == "lewis-liman"
    wayfarer_claims = [c for c in ds.claims.values() if c.case == "wayfarer-v-lively"]
    assert len(wayfarer_claims) == 7
    for claim in wayfarer_claims:
        assert [h.date.edtf() for h in claim.history] == ["2025-06-09", "2025-10-31"]
        assert claim.history[-1].status in CLAIM_FINAL_STATUSES


# --- 4. The trial date, as it stood on a given day ------------------------------------------------


def _scheduled_trials(ds: Dataset, on: dt.date) -> list[Event]:
    """Trial dates that had been set by `on` (surely) and not yet replaced."""
    out = []
    for event in ds.events.values():
        s = event.scheduled
        if event.kind != "trial" or s is None:
            continue
        if s.set_on.latest() <= on and (s.replaced_on is None or s.replaced_on.earliest() > on):
            out.append(event)
    return out


@pytest.mark.parametrize(
    ("on", "trial"),
    [
        (dt.date(2025, 2, 14), "2026-03-09"),
        (dt.date(2025, 11, 14), "2026-03-09"),
        (dt.date(2025, 12, 8), "2026-03-09"),
        (dt.date(2025, 12, 9), "2026-05-18"),
        (dt.date(2026, 1, 1), "2026-05-18"),
    ],
)
def test_scheduled_trial_as_of(ds: Dataset, on: dt.date, trial: str) -> None:
    assert [e.date.edtf() for e in _scheduled_trials(ds, on)] == [trial]


def test_no_trial_was_scheduled_before_it_was_set(ds: Dataset) -> None:
    assert _scheduled_trials(ds, dt.date(2025, 1, 1)) == []


def test_the_trial_move_is_linked(ds: Dataset) -> None:
    first = ds.events["ev-trial-2026-03-09"].scheduled
    second = ds.events["ev-trial-2026-05-18"].scheduled
    assert first is not None and second is not None
    assert first.replaced_by == "ev-trial-2026-05-18"
    assert first.replaced_on is not None and first.replaced_on.edtf() == "2025-12-09"
    assert second.set_on.edtf() == "2025-12-09"
    assert ds.filings[second.set_by or ""].kind == "order"
    assert ds.filings[first.set_by or ""].kind == "order"


# --- 5. Where the sources disagree, both versions are kept ---------------------------------------


@pytest.mark.parametrize(
    ("record", "about", "words"),
    [
        ("ev-2025-01-27-voice-memo-published", "length", ("seven", "six")),
        ("justin-baldoni", "age", ("40", "41")),
        ("blake-lively", "age", ("37", "38")),
        ("f-2024-12-20-lively-crd-complaint", "20 dec", ("lawsuit", "administrative complaint")),
        ("lively-v-wayfarer", "filed", ("20 dec", "31 dec")),
    ],
)
def test_discrepancy_is_kept(ds: Dataset, record: str, about: str, words: tuple[str, ...]) -> None:
    rec = ds.get(record)
    assert isinstance(rec, Record)
    found = [d for d in rec.discrepancies if about in d.about.lower()]
    assert found, f"{record} has no discrepancy about {about!r}"
    for d in found:
        assert len(d.accounts) >= 2
        assert all(a.sources and set(a.sources) <= set(ds.sources) for a in d.accounts)
        said = [a.says.lower() for a in d.accounts]
        for word in words:
            assert any(word in s for s in said), f"no account says {word!r}"
        # The accounts do not all rest on the same sources.
        assert len({tuple(sorted(a.sources)) for a in d.accounts}) >= 2
