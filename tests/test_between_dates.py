"""One day no source gives, within a range (EDTF's one of a set, `[2025-01-10..2025-02-14]`), and
spans with an open or unknown end: each output words them as what they are, and none draws a
once-only event as a span. Where they sort, and how --from/--to keep them.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import icalendar
import pytest

from cli_helpers import run
from conftest import MakeDataset

FILES = {
    "case.yaml": """
        sources:
          - id: s-paper
            kind: news-report
            title: Bob answers Ann
            outlet: The Paper
            published: 2025-02-14
        parties:
          - {id: ann, name: Ann Archer, kind: person, sources: [s-paper]}
          - {id: bob, name: Bob Baker, kind: person, sources: [s-paper]}
        cases:
          - id: a-v-b
            caption: Archer v. Baker
            short_name: Archer v. Baker
            filed: 2025-01-10
            sources: [s-paper]
        filings:
          - id: f-complaint
            case: a-v-b
            date: 2025-01-10
            kind: complaint
            title: Ann's complaint
            filed_by: [ann]
            sources: [s-paper]
        events:
          - id: ev-denial
            date: "[2025-01-10..2025-02-14]"
            date_note: >-
              Once, some time within this range: after the complaint and by the report.
            kind: statement
            title: Bob denies the claims
            case: a-v-b
            parties: [bob]
            sources: [s-paper]
          - id: ev-counsel
            date: [..2025-02-03]
            date_note: Once, some time within this range; by the hearing.
            kind: meeting
            title: Counsel meet
            case: a-v-b
            sources: [s-paper]
          - id: ev-talks
            date: "[2025-02-10..]"
            date_note: Once, some time within this range; after the hearing.
            kind: mediation
            title: Settlement talks
            case: a-v-b
            sources: [s-paper]
          - id: ev-hearing
            date: 2025-02-03
            kind: hearing
            title: Hearing
            case: a-v-b
            sources: [s-paper]
          - id: ev-campaign
            date: 2025-01-20/2025-02-05
            date_note: A span, from the first post to the last.
            kind: other
            title: Press campaign
            case: a-v-b
            sources: [s-paper]
          - id: ev-production
            date: /2024-12
            date_note: A span whose start no source gives.
            kind: production
            title: Filming
            sources: [s-paper]
    """
}
AS_OF = ("--as-of", "2025-03-01")


@pytest.fixture
def data(make_dataset: MakeDataset) -> Path:
    return make_dataset(FILES)


def ok(*args: str | Path) -> str:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


def test_terminal_words_each_date_and_places_it_where_it_is_known_to_have_happened(
    data: Path,
) -> None:
    assert ok("timeline", "--data", data, *AS_OF) == (
        "2024\n"
        " December 2024\n"
        "  until Dec 2024   Filming\n"
        "  (start unknown)  production\n"
        "\n"
        "2025\n"
        " January 2025\n"
        "  10 Jan 2025      Ann's complaint\n"
        "                   complaint · Archer v. Baker · Ann Archer\n"
        "\n"
        "  20 Jan 2025 –    Press campaign\n"
        "  5 Feb 2025       other · Archer v. Baker\n"
        "\n"
        " February 2025\n"
        "  3 Feb 2025       Hearing\n"
        "                   hearing · Archer v. Baker\n"
        "\n"
        "  by 3 Feb 2025    Counsel meet\n"
        "                   meeting · Archer v. Baker\n"
        "\n"
        "  10 Feb 2025      Settlement talks\n"
        "  or later         mediation · Archer v. Baker\n"
        "\n"
        "  between          Bob denies the claims\n"
        "  10 Jan 2025 and  statement · Archer v. Baker · Bob Baker\n"
        "  14 Feb 2025\n"
        "7 entries · as of 1 Mar 2025 · latest source: 14 Feb 2025; later developments\n"
        "are not in the data\n"
    )


def test_notes_say_how_each_date_was_worked_out(data: Path) -> None:
    out = ok("timeline", "--data", data, *AS_OF, "--kind", "statement", "--notes")
    assert out == (
        "2025\n"
        " February 2025\n"
        "  between          Bob denies the claims\n"
        "  10 Jan 2025 and  statement · Archer v. Baker · Bob Baker\n"
        "  14 Feb 2025      date: Once, some time within this range: after the complaint\n"
        "                   and by the report.\n"
        "1 entry · as of 1 Mar 2025 · latest source: 14 Feb 2025; later developments are\n"
        "not in the data\n"
    )


def entry(data: Path, entry_id: str) -> dict[str, Any]:
    items = json.loads(ok("timeline", "--data", data, *AS_OF, "--format", "json"))
    found: dict[str, Any] = next(i for i in items if i["id"] == entry_id)
    return found


def test_json_gives_the_bounds_and_says_between(data: Path) -> None:
    dates = {
        i["id"]: {k: i[k] for k in ("date", "end", "between", "approximate", "edtf")}
        for i in json.loads(ok("timeline", "--data", data, *AS_OF, "--format", "json"))
    }
    assert dates == {
        "ev-production": {
            "date": None,
            "end": "2024-12",
            "between": False,
            "approximate": False,
            "edtf": "/2024-12",
        },
        "f-complaint": {
            "date": "2025-01-10",
            "end": None,
            "between": False,
            "approximate": False,
            "edtf": "2025-01-10",
        },
        "ev-campaign": {
            "date": "2025-01-20",
            "end": "2025-02-05",
            "between": False,
            "approximate": False,
            "edtf": "2025-01-20/2025-02-05",
        },
        "ev-hearing": {
            "date": "2025-02-03",
            "end": None,
            "between": False,
            "approximate": False,
            "edtf": "2025-02-03",
        },
        "ev-counsel": {
            "date": None,
            "end": "2025-02-03",
            "between": True,
            "approximate": False,
            "edtf": "[..2025-02-03]",
        },
        "ev-talks": {
            "date": "2025-02-10",
            "end": None,
            "between": True,
            "approximate": False,
            "edtf": "[2025-02-10..]",
        },
        "ev-denial": {
            "date": "2025-01-10",
            "end": "2025-02-14",
            "between": True,
            "approximate": False,
            "edtf": "[2025-01-10..2025-02-14]",
        },
    }


def test_csv_and_markdown_word_it(data: Path) -> None:
    text = ok("timeline", "--data", data, *AS_OF, "--kind", "statement", "--format", "csv")
    (row,) = csv.DictReader(io.StringIO(text, newline=""))
    assert {k: row[k] for k in ("id", "date", "end", "between", "when", "known_since")} == {
        "id": "ev-denial",
        "date": "2025-01-10",
        "end": "2025-02-14",
        "between": "true",
        "when": "between 10 Jan 2025 and 14 Feb 2025",
        "known_since": "2025-02-14",
    }
    md = ok("timeline", "--data", data, *AS_OF, "--kind", "meeting", "--format", "markdown")
    assert md == (
        "| Date | Kind | Case | Title | Who | Status |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| by 3 Feb 2025 | meeting | Archer v. Baker | Counsel meet |  | fact |\n"
    )


def test_the_calendar_leaves_them_out_and_says_so(data: Path) -> None:
    result = run("export", "ics", "--data", data, *AS_OF)
    assert result.exit_code == 0
    assert result.stderr == (
        "Note: 4 entries without a day of their own (dated to some day within a range, or to a "
        "span with an open end) left out of the calendar (listed in its X-CASETRACK-OMITTED "
        "line).\n"
    )
    calendar = icalendar.Calendar.from_ical(result.stdout)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert sorted(events) == [
        "ev-campaign@casetrack",
        "ev-hearing@casetrack",
        "f-complaint@casetrack",
    ]
    assert str(calendar["X-CASETRACK-OMITTED"]) == (
        "4 entries without a day of their own (dated to some day within a range, or to a span "
        "with an open end) left out: ev-production, ev-counsel, ev-talks, ev-denial"
    )


def test_timelinejs_shows_one_slide_with_the_words_never_a_span(data: Path) -> None:
    out = json.loads(ok("export", "timelinejs", "--data", data, *AS_OF))
    dates = {e["unique_id"]: (e["start_date"], e.get("end_date")) for e in out["events"]}
    assert dates["ev-denial"] == (
        {
            "year": 2025,
            "month": 2,
            "day": 14,
            "display_date": "between 10 Jan 2025 and 14 Feb 2025",
        },
        None,
    )
    assert dates["ev-counsel"] == (
        {"year": 2025, "month": 2, "day": 3, "display_date": "by 3 Feb 2025"},
        None,
    )
    assert dates["ev-talks"] == (
        {"year": 2025, "month": 2, "day": 10, "display_date": "10 Feb 2025 or later"},
        None,
    )
    assert dates["ev-production"] == (
        {"year": 2024, "month": 12, "display_date": "until Dec 2024 (start unknown)"},
        None,
    )
    # A real span is drawn as one.
    assert dates["ev-campaign"][1] == {
        "year": 2025,
        "month": 2,
        "day": 5,
        "display_date": "5 Feb 2025",
    }


def test_the_web_page_words_each_bound(data: Path) -> None:
    page = ok("export", "html", "--data", data, *AS_OF)
    assert (
        '<div class="when">between <time datetime="2025-01-10">10 Jan 2025</time> and '
        '<time datetime="2025-02-14">14 Feb 2025</time></div>'
    ) in page
    assert '<div class="when">by <time datetime="2025-02-03">3 Feb 2025</time></div>' in page
    assert (
        '<div class="when">until <time datetime="2024-12">Dec 2024</time> (start unknown)</div>'
    ) in page
    # Under the year each is placed in: 2024 holds only the filming that ended then.
    assert page.index('<h2 id="h2024">') < page.index("Filming") < page.index('<h2 id="h2025">')


def test_the_database_says_between(data: Path, tmp_path: Path) -> None:
    db = tmp_path / "case.db"
    result = run("export", "sqlite", "--data", data, *AS_OF, "-o", db)
    assert result.exit_code == 0, result.output
    rows = sqlite3.connect(db).execute(
        'SELECT id, date, "end", "between", earliest, latest FROM timeline ORDER BY position'
    )
    assert rows.fetchall() == [
        ("ev-production", None, "2024-12", 0, None, "2024-12-31"),
        ("f-complaint", "2025-01-10", None, 0, "2025-01-10", "2025-01-10"),
        ("ev-campaign", "2025-01-20", "2025-02-05", 0, "2025-01-20", "2025-02-05"),
        ("ev-hearing", "2025-02-03", None, 0, "2025-02-03", "2025-02-03"),
        ("ev-counsel", None, "2025-02-03", 1, None, "2025-02-03"),
        ("ev-talks", "2025-02-10", None, 1, "2025-02-10", None),
        ("ev-denial", "2025-01-10", "2025-02-14", 1, "2025-01-10", "2025-02-14"),
    ]


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        # A range is kept when any of its days is in the range asked for (the overlap rule):
        # the denial may have come on any day from 10 Jan to 14 Feb.
        ("2025-01-01", "2025-01-15", ["f-complaint", "ev-counsel", "ev-denial"]),
        ("2025-02-04", "2025-02-09", ["ev-campaign", "ev-denial"]),
        # An open end reaches as far as the calendar: "by 3 Feb" may be any day before.
        ("2024-06", "2024-06", ["ev-production", "ev-counsel"]),
        ("2026", "2026", ["ev-talks"]),
        ("2025-02-14", "2025-02-14", ["ev-talks", "ev-denial"]),
    ],
)
def test_from_and_to_keep_what_may_fall_in_the_range(
    data: Path, date_from: str, date_to: str, expected: list[str]
) -> None:
    args = ("timeline", "--data", data, *AS_OF, "--format", "json")
    items = json.loads(ok(*args, "--from", date_from, "--to", date_to))
    assert [i["id"] for i in items] == expected


def test_a_span_under_way_is_listed_at_the_start_of_the_range(data: Path) -> None:
    out = ok("timeline", "--data", data, *AS_OF, "--from", "2025-02", "--to", "2025-02")
    assert out.startswith(
        "2025\n"
        " February 2025\n"
        "  20 Jan 2025 –    Press campaign\n"
        "  5 Feb 2025       other · Archer v. Baker\n"
        "\n"
        "  3 Feb 2025       Hearing\n"
    )
    assert "January" not in out


def test_validate_suggests_one_day_within_a_range_for_a_span_that_happened_once(
    make_dataset: MakeDataset,
) -> None:
    data = make_dataset(
        {
            "events.yaml": """
                sources:
                  - {id: s, kind: news-report, title: T, published: 2025-02-14}
                events:
                  - id: ev-denial
                    date: 2025-01-10/2025-02-14
                    date_note: Not dated in the report; some time between the suit and the report.
                    kind: statement
                    title: Bob denies the claims
                    sources: [s]
                  - id: ev-campaign
                    date: 2025-01-20/2025-02-05
                    date_note: A span, from the first post to the last (by 5 Feb 2025).
                    kind: other
                    title: Press campaign
                    sources: [s]
                  - id: ev-talks
                    date: 2025-01-20/2025-02-05~
                    date_note: Held once, by 5 Feb 2025.
                    kind: mediation
                    title: Talks
                    sources: [s]
            """
        }
    )
    result = run("validate", "--data", data)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"{data / 'events.yaml'}:5:11: warning: event 'ev-denial': its note says it happened "
        "once, but 2025-01-10/2025-02-14 is a span of time; write one day within the range as "
        "'[2025-01-10..2025-02-14]'\n"
        f"{data / 'events.yaml'}:17:11: warning: event 'ev-talks': its note says it happened "
        "once, but 2025-01-20/2025-02-05~ is a span of time; write one day within the range as "
        "'[2025-01-20..2025-02-05~]'\n"
        "1 file, 4 records: 0 errors, 2 warnings\n"
    )
    assert run("validate", "--data", data, "--strict").exit_code == 1
