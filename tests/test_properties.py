"""Property-based tests: the loader only ever reports problems, dates round-trip, and the
chronological order is total and does not depend on how records are spread over files."""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from unittest import mock

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from casetrack import cache, yamlsafe
from casetrack.cachefile import CachedDataset
from casetrack.dates import INTERVAL, SET, SINGLE, DateError, DateSpan, PartialDate
from casetrack.entries import build_entries
from casetrack.loader import load
from casetrack.problems import Problem
from casetrack.typed_dates import parse_user_date
from casetrack.vocabulary import SECTION_NAMES as SECTIONS

# Sized for CI (about 10 s in all); CASETRACK_PROPERTY_SCALE=20 hunts harder.
SCALE = int(os.environ.get("CASETRACK_PROPERTY_SCALE", "1"))
FAST = settings(
    max_examples=300 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
SLOW = settings(
    max_examples=80 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@contextmanager
def dataset(files: dict[str, bytes]) -> Iterator[Path]:
    """A temporary dataset folder (hypothesis runs many examples per test, so not tmp_path)."""
    with (
        tempfile.TemporaryDirectory() as folder,
        mock.patch.dict(os.environ, {"CASETRACK_NO_CACHE": "1"}),
    ):
        root = Path(folder)
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        yield root


def assert_reported(problems: list[Problem]) -> None:
    for p in problems:
        assert isinstance(p, Problem)
        assert p.severity in ("error", "warning")
        assert p.line is None or p.line >= 1
        assert p.column is None or p.column >= 1
        assert str(p)


# --- the loader never raises -----------------------------------------------------------------

YAML_ALPHABET = st.sampled_from(
    list("-:[]{},#&*!|>'\"%@`?~ \n\t\r\\") + list("abcxyz019._") + ["\x00", "\x1b", "é", "\ufeff"]
)
YAMLISH = st.text(YAML_ALPHABET, max_size=200) | st.text(max_size=100)
SECTION_NAMES = st.sampled_from([*SECTIONS, "other", "events "])


@FAST
@given(YAMLISH)
def test_yaml_text_never_raises(text: str) -> None:
    parsed = yamlsafe.parse(text)
    assert parsed.ok or parsed.issues
    for issue in parsed.issues:
        assert issue.line is None or issue.line >= 1


@SLOW
@given(st.lists(st.binary(max_size=300) | YAMLISH.map(str.encode), min_size=1, max_size=3))
def test_any_files_load_into_problems_never_exceptions(contents: list[bytes]) -> None:
    with dataset({f"f{i}.yaml": c for i, c in enumerate(contents)}) as root:
        data, problems = load(root)
        assert_reported(problems)
        assert len(data.files) == len(contents)


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(["2025-01-15", "2025-02-30", "2025-13", "2024/2023", "no", "1:24", "010"])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = st.sampled_from(
    [
        "id",
        "date",
        "kind",
        "title",
        "name",
        "sources",
        "case",
        "filed_by",
        "parties",
        "alleged",
        "scheduled",
        "history",
        "plaintiffs",
        "defendants",
        "discrepancies",
        "relations",
        "published",
        "unconfirmed",
        "docket_entry",
        "members",
        "aliases",
        "x",
    ]
)
RECORDS = st.dictionaries(FIELDS, VALUES, max_size=8)
FILES = st.dictionaries(SECTION_NAMES, st.lists(RECORDS, max_size=4) | VALUES, max_size=4)


@SLOW
@given(st.lists(FILES, min_size=1, max_size=3))
def test_arbitrary_records_load_into_problems_never_exceptions(files: list[Any]) -> None:
    contents = {
        f"f{i}.yaml": yaml.safe_dump(f, allow_unicode=True).encode() for i, f in enumerate(files)
    }
    with dataset(contents) as root:
        data, problems = load(root)
        assert_reported(problems)
        # Every record that loaded can be put on a timeline.
        build_entries(data)
        # And the cache gives back exactly the same.
        with (
            tempfile.TemporaryDirectory() as cache_dir,
            mock.patch.dict(
                os.environ, {"CASETRACK_NO_CACHE": "", "CASETRACK_CACHE_DIR": cache_dir}
            ),
        ):
            for attempt in range(2):
                again, again_problems = cache.load(root)
                assert isinstance(again, CachedDataset) == (attempt == 1)
                assert again_problems == problems
                assert len(again) == len(data)
                for name in SECTIONS:
                    assert again.section(name) == data.section(name)
                assert again.origins == data.origins


# --- dates ------------------------------------------------------------------------------------


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1) -> PartialDate:
    year = draw(st.integers(min_year, 9999))
    month = draw(st.none() | st.integers(1, 12))
    day = None
    if month is not None and draw(st.booleans()):
        day = draw(st.integers(1, 28 if month == 2 else 30))
    return PartialDate(year, month, day, draw(st.booleans()), draw(st.booleans()))


@FAST
@given(partial_dates())
def test_partial_dates_round_trip(date: PartialDate) -> None:
    assert PartialDate.parse(date.edtf()) == date
    assert date.earliest() <= date.latest()
    assert date.precision == ("day" if date.day else "month" if date.month else "year")


@st.composite
def date_spans(draw: st.DrawFn) -> DateSpan:
    """Every form a date can take: one date; an interval, either end open (..) or unknown
    (empty); one day of a set, [A..B], [..B] or [A..]."""
    shape = draw(st.sampled_from([SINGLE, INTERVAL, SET]))
    if shape == SINGLE:
        return DateSpan(draw(partial_dates()))
    start, end = draw(partial_dates()), draw(partial_dates())
    if end.latest() < start.earliest():
        start, end = end, start
    missing = draw(st.sampled_from(["start", "end", None, None]))
    return DateSpan(
        None if missing == "start" else start,
        None if missing == "end" else end,
        shape,
        unknown=shape == INTERVAL and missing is not None and draw(st.booleans()),
    )


@FAST
@given(date_spans())
def test_every_form_of_date_round_trips_and_has_bounds(span: DateSpan) -> None:
    assert DateSpan.parse(span.edtf()) == span
    assert span.earliest() <= span.latest()
    assert span.placed_at() in (span.start, span.end)
    # Its place in the order is a day it can mean; one day within a range with an end is placed
    # at its last possible day ("known to have happened by then").
    place = span.sort_key()[0]
    assert span.earliest() <= place <= span.latest()
    if span.between and span.end is not None:
        assert place == span.latest()
    assert span.display() == " ".join(span.words())


@FAST
@given(partial_dates(), partial_dates())
def test_date_spans_round_trip_or_are_refused(start: PartialDate, end: PartialDate) -> None:
    text = f"{start.edtf()}/{end.edtf()}"
    if end.latest() < start.earliest():
        try:
            DateSpan.parse(text)
        except DateError:
            return
        raise AssertionError(f"{text} ends before it starts but was accepted")
    span = DateSpan.parse(text)
    assert (span.start, span.end) == (start, end)
    assert DateSpan.parse(span.edtf()) == span
    assert span.earliest() <= span.latest()


@FAST
@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_every_real_day_parses_and_impossible_ones_do_not(day: dt.date) -> None:
    assert DateSpan.parse(day.isoformat()).earliest() == day
    assert parse_user_date(day.isoformat()) == PartialDate(day.year, day.month, day.day)
    if day.year >= 1000:  # strftime writes year 99 as "99", which means 1999 to anyone
        assert parse_user_date(day.strftime("%B %d, %Y")).earliest() == day
    try:
        PartialDate.parse(f"{day.year:04d}-{day.month:02d}-32")
    except DateError:
        pass
    else:
        raise AssertionError("day 32 accepted")


@FAST
@given(st.text(max_size=40))
def test_date_parsing_only_raises_date_errors(text: str) -> None:
    for parse in (DateSpan.parse, parse_user_date):
        with suppress(DateError):
            parse(text)


# --- the chronological order -----------------------------------------------------------------

DAYS = [
    "2024",
    "2024-12",
    "2024-12-20",
    "2024-12-20~",
    "2024-12-31",
    "2024-12/2025-01",
    "2025-01",
    "[2024-12-20..2025-01]",
    "[2024-12..2024-12-31]",
    "[..2024-12-31]",
    "[2024-12-20..]",
    "../2024-12",
    "/2025-01",
    "2024-12-20/..",
]


@st.composite
def timelines(draw: st.DrawFn) -> list[tuple[str, dict[str, Any]]]:
    """(section, record) pairs: filings, events and claims with many equal and nested dates."""
    records: list[tuple[str, dict[str, Any]]] = [
        ("sources", {"id": "s", "kind": "docket", "title": "Docket"}),
        ("parties", {"id": "p", "name": "P", "kind": "person", "sources": ["s"]}),
        ("parties", {"id": "q", "name": "Q", "kind": "person", "sources": ["s"]}),
        ("cases", {"id": "c", "caption": "P v. Q", "sources": ["s"]}),
    ]
    for i in range(draw(st.integers(1, 25))):
        date = draw(st.sampled_from(DAYS))
        note = {"date_note": "worked out"} if "~" in date or "[" in date else {}
        section = draw(st.sampled_from(["filings", "events", "claims"]))
        if section == "filings":
            kind = draw(st.sampled_from(["motion", "order", "letter"]))
            record = {"id": f"r{i}", "case": "c", "date": date, "kind": kind, "title": f"T{i}"}
        elif section == "events":
            kind = draw(st.sampled_from(["hearing", "ruling", "statement"]))
            record = {"id": f"r{i}", "date": date, "kind": kind, "title": f"T{i}"}
        else:
            status = draw(st.sampled_from(["dismissed", "withdrawn", "settled"]))
            record = {
                "id": f"r{i}",
                "case": "c",
                "title": f"Claim {i}",
                "plaintiffs": ["p"],
                "defendants": ["q"],
                "date": "2024",
                "history": [{"status": status, "date": "2025-02", "sources": ["s"]}],
            }
            note = {}
        records.append((section, {**record, **note, "sources": ["s"]}))
    return records


def write_spread(records: list[tuple[str, dict[str, Any]]], seed: int) -> dict[str, bytes]:
    """The records shuffled and spread over one to four files, in any order within each."""
    rng = random.Random(seed)
    shuffled = records[:]
    rng.shuffle(shuffled)
    n_files = rng.randint(1, 4)
    files: dict[str, dict[str, list[Any]]] = {}
    for section, record in shuffled:
        name = f"part{rng.randrange(n_files)}.yaml"
        files.setdefault(name, {}).setdefault(section, []).append(record)
    return {name: yaml.safe_dump(content).encode() for name, content in files.items()}


@SLOW
@given(timelines(), st.integers(0, 2**32), st.integers(0, 2**32))
def test_order_is_total_and_independent_of_files_and_record_order(
    records: list[tuple[str, dict[str, Any]]], seed_a: int, seed_b: int
) -> None:
    orders = []
    for seed in (seed_a, seed_b):
        with dataset(write_spread(records, seed)) as root:
            data, problems = load(root)
            assert [p for p in problems if p.severity == "error"] == []
            entries = build_entries(data)
            orders.append([e.id for e in entries])
            keys = [e.sort_key() for e in entries]
            assert keys == sorted(keys)
            assert len(set(keys)) == len(keys)  # no two entries tie: the order is total
    assert orders[0] == orders[1]
    assume(len(orders[0]) > 1)


# --- an independent reader of EDTF ------------------------------------------------------------
# The `edtf` package reads EDTF's grammar as the Library of Congress writes it: a set's range has
# two ends of one precision and no qualifier. casetrack reads more (a month or a year at either
# end, `~`/`?` on an end); everything the grammar allows, both read alike.


def _day(value: Any) -> dt.date | None:
    """A bound as the edtf package gives it (a struct_time, or ±inf for an open end)."""
    if isinstance(value, float):
        return None
    return dt.date(value.tm_year, value.tm_mon, value.tm_mday)


@st.composite
def edtf_texts(draw: st.DrawFn) -> str:
    """Sets and intervals, in EDTF's grammar or in casetrack's wider reading of it."""
    # (The package reads years from 1000 on.)
    start, end = draw(partial_dates(1000)), draw(partial_dates(1000))
    if end.latest() < start.earliest():
        start, end = end, start
    left, right = start.edtf(), end.edtf()
    if draw(st.booleans()):  # one day of a set
        left, right = draw(st.sampled_from([(left, right), ("", right), (left, "")]))
        return f"[{left}..{right}]"
    ends = draw(
        st.sampled_from([(left, right), ("..", right), ("", right), (left, ".."), (left, "")])
    )
    return "/".join(ends)


@FAST
@given(edtf_texts())
def test_the_edtf_package_reads_dates_as_casetrack_does(text: str) -> None:
    from edtf import parse_edtf
    from edtf.parser.edtf_exceptions import EDTFParseException

    ours = DateSpan.parse(text)
    try:
        theirs = parse_edtf(text)
    except EDTFParseException:
        # Only casetrack's wider reading of a set: ends of two precisions, or a qualifier.
        assert ours.between, text
        ends = [p for p in (ours.start, ours.end) if p is not None]
        wider = any(p.approximate or p.uncertain for p in ends) or (
            len(ends) == 2 and ends[0].precision != ends[1].precision
        )
        assert wider, f"{text} is EDTF that the edtf package refuses"
        return
    assert (type(theirs).__name__ == "OneOfASet") == ours.between, text
    if ours.start is not None:
        assert _day(theirs.lower_strict()) == ours.earliest(), text
    if ours.end is not None:
        assert _day(theirs.upper_strict()) == ours.latest(), text
    if ours.between or text.startswith("..") or text.endswith(".."):
        # An open end is open to both (an unknown one the package guesses at; casetrack does not).
        assert (_day(theirs.lower_strict()) is None) == (ours.start is None), text
        assert (_day(theirs.upper_strict()) is None) == (ours.end is None), text
