"""The iCalendar export, read back with an independent parser (the `icalendar` package).

Checks what a calendar program relies on: one all-day event per day-dated entry with an exclusive
end, stable UIDs, text that round-trips through escaping and folding (non-ASCII names, commas,
semicolons, quotes, backslashes, newlines), and lines of at most 75 octets ending in CRLF.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack.characters import clean
from casetrack.dataset import Dataset
from casetrack.dates import DateSpan
from casetrack.entries import Entry, build_entries
from casetrack.export.ics import escape_text, fold, render_ics, stamp_for
from casetrack.loader import load
from casetrack.query import TimelineFilter, select_entries
from casetrack.render import wording
from export_dataset import AS_OF, DAY_DATED, REPLACED, VAGUE, write_dataset

STAMP = dt.datetime(2025, 3, 6, tzinfo=dt.UTC)


def export(tmp_path: Path, **filters: object) -> tuple[Dataset, str]:
    dataset, problems = load(write_dataset(tmp_path))
    assert problems == []
    flt = TimelineFilter(as_of=dt.date.fromisoformat(AS_OF), **filters)  # type: ignore[arg-type]
    entries = select_entries(dataset, build_entries(dataset), flt)
    return dataset, render_ics(dataset, entries, stamp=STAMP)


def events(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_one_all_day_event_per_day_dated_entry(tmp_path: Path) -> None:
    _, text = export(tmp_path)
    found = events(text)
    assert sorted(found) == sorted(f"{i}@casetrack" for i in DAY_DATED)
    for left_out in VAGUE + REPLACED:
        assert f"{left_out}@casetrack" not in found
    complaint = found["f-complaint@casetrack"]
    # VALUE=DATE: the parser gives dates, not datetimes, so calendars show all-day events.
    assert complaint.decoded("DTSTART") == dt.date(2025, 1, 10)
    assert type(complaint.decoded("DTSTART")) is dt.date
    assert complaint.decoded("DTEND") == dt.date(2025, 1, 11)  # exclusive end
    trial = found["ev-trial@casetrack"]
    assert trial.decoded("DTSTART") == dt.date(2025, 6, 2)
    assert trial.decoded("DTEND") == dt.date(2025, 6, 5)  # 2-4 June, three whole days
    for event in found.values():
        assert event.decoded("DTSTAMP") == STAMP


def test_month_and_year_dates_are_left_out_and_named(tmp_path: Path) -> None:
    _, text = export(tmp_path)
    calendar = icalendar.Calendar.from_ical(text)
    omitted = str(calendar["X-CASETRACK-OMITTED"])
    assert omitted == "2 entries dated only to a month or year left out: ev-year, f-letter"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//casetrack//")
    assert str(calendar["X-WR-CALNAME"]) == "casetrack: Ñúñez v. Acme and 1 other case"


def test_text_round_trips_through_the_parser(tmp_path: Path) -> None:
    _, text = export(tmp_path)
    found = events(text)
    complaint = found["f-complaint@casetrack"]
    assert str(complaint["SUMMARY"]) == (
        'Complaint: wages, overtime; and "retaliation" \\ more — Ñúñez v. Acme'
    )
    description = str(complaint["DESCRIPTION"])
    assert description.startswith("Zoë Ñúñez sues Acme for unpaid wages. Ça ne va pas:")
    assert "(é, ü, ñ, 李)" in description
    assert "\nCase: Ñúñez v. Acme, Inc. (1:25-cv-00001)\n" in description
    assert "\nParties: Zoë Ñúñez-李\n" in description
    assert "\nStatus: fact\n" in description
    assert description.endswith(
        "\nSources:\n- Complaint, District Court, 10 Jan 2025\n"
        "- Zoë's case, explained; part 1, Le Monde — Édition, 5 Mar 2025 "
        '<https://example.com/zoë?a=1&b="2">'
    )
    assert str(complaint["URL"]) == "https://example.com/zo%C3%AB?a=1&b=%222%22"
    assert list(complaint["CATEGORIES"].cats) == ["filing", "complaint"]


def test_allegations_say_who_alleges_and_who_denies(tmp_path: Path) -> None:
    _, text = export(tmp_path)
    alleged = events(text)["ev-alleged@casetrack"]
    assert str(alleged["SUMMARY"]) == (
        "Alleged: Acme cut Zoë's hours, she says — Ñúñez v. Acme (approx. date)"
    )
    description = str(alleged["DESCRIPTION"])
    assert (
        'Date: c. 14 Nov 2024 (approximate date) — The complaint says "mid-November".\n'
        in description
    )
    assert (
        "Status: allegation. Alleged by Zoë Ñúñez-李 in the complaint of 10 Jan 2025; "
        "denied by Acme, Inc.; Widgets <b>Division</b>.\n" in description
    )
    # The source's javascript: URL is cited as text but never offered as a link.
    assert "URL" not in alleged
    assert "javascript:" not in text


def test_caveats_are_in_the_description(tmp_path: Path) -> None:
    _, text = export(tmp_path)
    found = events(text)
    assert wording.UNCONFIRMED in str(found["f-script@casetrack"]["DESCRIPTION"])
    statement = str(found["ev-statement@casetrack"]["DESCRIPTION"])
    assert (
        "Sources differ on the length of the statement:\n"
        "- one page (Le Monde — Édition)\n- two pages (District Court)\n" in statement
    )
    hearing = str(found["ev-hearing-new@casetrack"]["DESCRIPTION"])
    assert "Scheduled date: set on 20 Mar 2025." in hearing


def test_as_of_keeps_the_hearing_date_that_stood_then(tmp_path: Path) -> None:
    dataset, _ = load(write_dataset(tmp_path))
    flt = TimelineFilter(as_of=dt.date(2025, 3, 10))
    text = render_ics(dataset, select_entries(dataset, build_entries(dataset), flt), stamp=STAMP)
    uids = set(events(text))
    assert "ev-hearing-old@casetrack" in uids
    assert "ev-hearing-new@casetrack" not in uids


def test_lines_are_crlf_and_at_most_75_octets(tmp_path: Path) -> None:
    _, text = export(tmp_path)
    raw = text.encode("utf-8")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert any(len(line) == 75 for line in lines)  # long lines really were folded
    for line in lines:
        line.decode("utf-8")  # no fold split a UTF-8 sequence


def test_export_is_reproducible_and_uids_do_not_depend_on_filters(tmp_path: Path) -> None:
    dataset, first = export(tmp_path)
    entries = build_entries(dataset)
    flt = TimelineFilter(as_of=dt.date.fromisoformat(AS_OF))
    assert render_ics(dataset, select_entries(dataset, entries, flt), stamp=STAMP) == first
    narrowed = TimelineFilter(as_of=dt.date.fromisoformat(AS_OF), facts_only=True)
    narrow = render_ics(dataset, select_entries(dataset, entries, narrowed), stamp=STAMP)
    whole, part = events(first), events(narrow)
    assert set(part) == set(whole) - {"ev-alleged@casetrack"}
    for uid, event in part.items():
        assert event.to_ical() == whole[uid].to_ical()


def test_stamp_comes_from_the_data_or_source_date_epoch(tmp_path: Path) -> None:
    dataset, _ = load(write_dataset(tmp_path))
    # The day after the newest source (2 Aug 2025): the data cannot be newer than that.
    assert stamp_for(dataset, {}) == dt.datetime(2025, 8, 3, tzinfo=dt.UTC)
    assert stamp_for(dataset, {"SOURCE_DATE_EPOCH": "1700000000"}) == dt.datetime(
        2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC
    )
    assert stamp_for(Dataset(), {}) == dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def test_fold_examples() -> None:
    assert fold("A" * 75) == "A" * 75
    assert fold("A" * 76) == "A" * 75 + "\r\n A"
    # "é" is two octets: a fold never falls between them.
    folded = fold("B" * 74 + "é" + "C")
    assert folded == "B" * 74 + "\r\n éC"
    assert escape_text("a\\b;c,d\ne\r\nf\x07g") == "a\\\\b\\;c\\,d\\ne\\nfg"


def one_event(title: str, summary: str) -> str:
    entry = Entry(
        id="e1",
        record="event",
        kind="other",
        date=DateSpan.parse("2025-01-02"),
        title=title,
        summary=summary,
    )
    return render_ics(Dataset(), [entry], stamp=STAMP)


ugly_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(",;:\\\"'\n\t <>&é李😀\u0301")),
        st.characters(blacklist_categories=("Cs",)),
    ),
    min_size=1,
    max_size=300,
)


@settings(max_examples=150, deadline=None)
@given(title=ugly_text, summary=ugly_text)
def test_any_text_round_trips(title: str, summary: str) -> None:
    if not title.strip() or not summary.strip():
        return
    text = one_event(title, summary)
    lines = text.encode("utf-8").split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == " ".join(clean(title).split())
    description = str(event["DESCRIPTION"])
    expected = clean(summary.strip()).replace("\t", " ")
    assert description.startswith(expected + "\n\n")


@pytest.mark.parametrize("value", ["", "x"])
def test_empty_selection_is_a_valid_calendar(value: str) -> None:
    text = render_ics(Dataset(), [], stamp=STAMP, name=value or None)
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar.walk("VEVENT") == []
    assert str(calendar["X-WR-CALNAME"]) == (value or "casetrack")
