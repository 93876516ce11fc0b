"""--as-of D is the record as it stood on D: what had happened by then, as it was known then (public
by D). --happened-by D is what had happened by D, as it is known now. Each command and export,
on a small dataset whose facts become known on known days, and on the bundled one.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import icalendar
import pytest

from casetrack.options import bundled_data_dir
from cli_helpers import run
from conftest import MakeDataset

FILES = {
    "case.yaml": """
        sources:
          - {id: s-feb, kind: news-report, title: Ann sues Bob, outlet: The Paper,
             published: 2025-02-01}
          - id: s-june
            kind: news-report
            title: Bob's motion, and what it says
            outlet: The Monthly
            published: 2025-06
          - {id: s-undated, kind: blog, title: A post nobody dated, outlet: A Blog}
        parties:
          - {id: ann, name: Ann Archer, kind: person, sources: [s-feb]}
          - {id: bob, name: Bob Baker, kind: person, sources: [s-feb]}
        cases:
          - id: a-v-b
            caption: Archer v. Baker
            filed: 2025-01-10
            sources: [s-feb]
            parties:
              - {party: ann, role: plaintiff}
              - {party: bob, role: defendant}
        filings:
          - id: f-complaint
            case: a-v-b
            date: 2025-01-10
            kind: complaint
            title: Ann's complaint
            filed_by: [ann]
            sources: [s-feb]
          - id: f-motion
            case: a-v-b
            date: 2025-05-20
            kind: motion-for-summary-judgment
            title: Bob moves for summary judgment
            filed_by: [bob]
            sources: [s-june]
        claims:
          - id: cl-contract
            case: a-v-b
            title: Breach of contract
            plaintiffs: [ann]
            defendants: [bob]
            filing: f-complaint
            sources: [s-feb]
            history:
              - {status: withdrawn, date: 2025-05-25, sources: [s-june]}
        events:
          - id: ev-kiss
            date: 2024-03-01
            kind: production
            title: Bob's allegation that Ann added a kiss
            case: a-v-b
            parties: [ann]
            alleged: {by: [bob], filing: f-motion}
            sources: [s-june]
          - id: ev-meeting
            date: 2025-01-05
            kind: meeting
            title: The parties meet
            case: a-v-b
            parties: [ann, bob]
            sources: [s-feb, s-june]
            discrepancies:
              - about: who was there
                accounts:
                  - {says: Ann and Bob, sources: [s-feb]}
                  - {says: Their lawyers too, sources: [s-june]}
          - id: ev-rumour
            date: 2025-01-20
            kind: other
            title: A rumour
            case: a-v-b
            sources: [s-undated]
          - id: ev-trial
            date: 2025-09-01
            kind: trial
            title: Trial
            case: a-v-b
            scheduled: {set_on: 2025-02-01, replaced_on: 2025-06-15, replaced_by: ev-trial-2}
            sources: [s-feb]
          - id: ev-trial-2
            date: 2025-10-06
            kind: trial
            title: Trial (moved)
            case: a-v-b
            scheduled: {set_on: 2025-06-15}
            sources: [s-june]
    """
}


@pytest.fixture
def data(make_dataset: MakeDataset) -> Path:
    return make_dataset(FILES)


def ok(*args: str | Path) -> str:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


def ids(data: Path, *args: str) -> list[str]:
    items = json.loads(ok("timeline", "--data", data, "--format", "json", *args))
    return [i["id"] for i in items]


def test_an_allegation_is_on_the_record_from_the_day_its_filing_was_filed(data: Path) -> None:
    # Made in the motion of 20 May 2025, although the report of it came in June.
    assert "ev-kiss" not in ids(data, "--as-of", "2025-05-19")
    (kiss,) = [
        i
        for i in json.loads(
            ok("timeline", "--data", data, "--as-of", "2025-05-20", "--format", "json")
        )
        if i["id"] == "ev-kiss"
    ]
    assert (kiss["date"], kiss["known_since"], kiss["alleged_in"]) == (
        "2024-03-01",
        "2025-05-20",
        "f-motion",
    )
    # Its one source, a June report, was not out yet: it is cited from 30 June.
    assert kiss["sources"] == []
    assert entry(data, "ev-kiss", "2025-06-30")["sources"] == ["s-june"]


def entry(data: Path, entry_id: str, as_of: str) -> dict[str, Any]:
    items = json.loads(ok("timeline", "--data", data, "--as-of", as_of, "--format", "json"))
    found: dict[str, Any] = next(i for i in items if i["id"] == entry_id)
    return found


def test_a_disagreement_shows_one_account_then_both(data: Path) -> None:
    before = entry(data, "ev-meeting", "2025-03-01")
    assert (before["sources"], before["discrepancies"]) == (["s-feb"], [])
    # A source dated only to a month counts from its last day: 30 June, not 1 June.
    assert entry(data, "ev-meeting", "2025-06-29")["discrepancies"] == []
    after = entry(data, "ev-meeting", "2025-06-30")
    assert after["sources"] == ["s-feb", "s-june"]
    assert after["discrepancies"] == [
        {
            "about": "who was there",
            "accounts": [
                {"says": "Ann and Bob", "sources": ["s-feb"]},
                {"says": "Their lawyers too", "sources": ["s-june"]},
            ],
        }
    ]


def test_happened_by_against_as_of_on_the_same_day(data: Path) -> None:
    # Known then: the allegation (made in the motion of 20 May); not the other account of the
    # meeting nor the withdrawal of 25 May (both reported in June), nor the undated rumour.
    assert ok("timeline", "--data", data, "--as-of", "2025-06-01") == (
        "2024\n"
        " March 2024\n"
        "  1 Mar 2024       Bob's allegation that Ann added a kiss\n"
        "                   production · Archer v. Baker · Ann Archer\n"
        "                   ALLEGED by Bob Baker\n"
        "\n"
        "2025\n"
        " January 2025\n"
        "  5 Jan 2025       The parties meet\n"
        "                   meeting · Archer v. Baker · Ann Archer, Bob Baker\n"
        "\n"
        "  10 Jan 2025      Ann's complaint\n"
        "                   complaint · Archer v. Baker · Ann Archer\n"
        "\n"
        " May 2025\n"
        "  20 May 2025      Bob moves for summary judgment\n"
        "                   motion-for-summary-judgment · Archer v. Baker · Bob Baker\n"
        "\n"
        " September 2025\n"
        "  1 Sep 2025       scheduled: Trial\n"
        "                   trial · Archer v. Baker\n"
        "                   set on 1 Feb 2025\n"
        "5 entries · as of 1 Jun 2025 · latest source: 1 Feb 2025; later developments are\n"
        "not in the data\n"
    )
    # Known now: all of it.
    assert ok("timeline", "--data", data, "--happened-by", "2025-06-01") == (
        "2024\n"
        " March 2024\n"
        "  1 Mar 2024       Bob's allegation that Ann added a kiss\n"
        "                   production · Archer v. Baker · Ann Archer\n"
        "                   ALLEGED by Bob Baker\n"
        "\n"
        "2025\n"
        " January 2025\n"
        "  5 Jan 2025       The parties meet\n"
        "                   meeting · Archer v. Baker · Ann Archer, Bob Baker\n"
        "                   sources differ on who was there: Ann and Bob (The Paper) /\n"
        "                   Their lawyers too (The Monthly)\n"
        "\n"
        "  10 Jan 2025      Ann's complaint\n"
        "                   complaint · Archer v. Baker · Ann Archer\n"
        "\n"
        "  20 Jan 2025      A rumour\n"
        "                   other · Archer v. Baker\n"
        "\n"
        " May 2025\n"
        "  20 May 2025      Bob moves for summary judgment\n"
        "                   motion-for-summary-judgment · Archer v. Baker · Bob Baker\n"
        "\n"
        "  25 May 2025      Claim withdrawn: Breach of contract\n"
        "                   claim-withdrawn · Archer v. Baker · Ann Archer, Bob Baker\n"
        "\n"
        " September 2025\n"
        "  1 Sep 2025       scheduled: Trial\n"
        "                   trial · Archer v. Baker\n"
        "                   set on 1 Feb 2025\n"
        "7 entries · happened by 1 Jun 2025, as known today\n"
    )
    both = ("--as-of", "2025-07-01", "--happened-by", "2025-06-01")
    # What had happened by 1 June as it was known on 1 July: the June report, not the rumour.
    assert ok("timeline", "--data", data, *both).endswith(
        "6 entries · happened by 1 Jun 2025, as known on 1 Jul 2025\n"
    )


def test_claims_party_case_and_cases_as_known_then(data: Path) -> None:
    def claims(*args: str) -> list[tuple[str, str]]:
        found = json.loads(ok("claims", "--data", data, "--format", "json", *args))
        return [(c["id"], c["status"]) for c in found]

    # Withdrawn on 25 May, but only the June report says so.
    assert claims("--as-of", "2025-06-01") == [("cl-contract", "pending")]
    assert claims("--happened-by", "2025-06-01") == [("cl-contract", "withdrawn")]
    assert claims("--as-of", "2025-06-30") == [("cl-contract", "withdrawn")]
    party = json.loads(
        ok("party", "ann", "--data", data, "--as-of", "2025-06-01", "--format", "json")
    )
    assert [(c["id"], c["status"]) for c in party["claims"]] == [("cl-contract", "pending")]
    assert "ev-kiss" in [e["id"] for e in party["timeline"]]
    case = json.loads(
        ok("case", "a-v-b", "--data", data, "--as-of", "2025-06-01", "--format", "json")
    )
    assert (case["claim_counts"], case["last"]["id"], case["next"]["id"]) == (
        {"pending": 1},
        "f-motion",
        "ev-trial",
    )
    assert (
        json.loads(ok("cases", "--data", data, "--as-of", "2025-01-09", "--format", "json")) == []
    )


def test_a_case_not_yet_filed_is_not_on_the_record(data: Path) -> None:
    result = run("case", "Archer", "--data", data, "--as-of", "2025-01-09")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: case 'Archer v. Baker' was not yet on the record on 9 Jan 2025; it is known "
        "from 10 Jan 2025\n",
    )
    # A filter naming it finds nothing yet.
    assert ids(data, "--as-of", "2025-01-09", "--case", "a-v-b") == []


def test_a_scheduled_date_as_it_stood_leaks_no_later_move(data: Path) -> None:
    for when in ("--as-of", "--happened-by"):
        items = json.loads(
            ok("export", "json", "--data", data, when, "2025-06-01", "--kind", "trial")
        )
        assert [(i["id"], i["scheduled"]) for i in items] == [
            (
                "ev-trial",
                {"set_on": "2025-02-01", "set_by": None, "replaced_on": None, "replaced_by": None},
            )
        ]
    upcoming = json.loads(
        ok("upcoming", "--data", data, "--as-of", "2025-06-01", "--format", "json")
    )
    assert [(i["id"], i["scheduled"]["replaced_on"]) for i in upcoming] == [("ev-trial", None)]
    later = json.loads(ok("upcoming", "--data", data, "--as-of", "2025-06-30", "--format", "json"))
    assert [i["id"] for i in later] == ["ev-trial-2"]


def test_sources_search_and_filing_as_known_then(data: Path) -> None:
    listed = json.loads(ok("sources", "--data", data, "--as-of", "2025-06-29", "--format", "json"))
    assert [s["id"] for s in listed] == ["s-feb"]
    # A source with no date is in no view of a day: nothing says when it was public.
    everything = json.loads(ok("sources", "--data", data, "--format", "json"))
    assert [s["id"] for s in everything] == ["s-feb", "s-june", "s-undated"]
    result = run("sources", "s-june", "--data", data, "--as-of", "2025-06-29")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: source 's-june' was not yet on the record on 29 Jun 2025; it is known from 30 "
        "Jun 2025\n",
    )
    cited = json.loads(
        ok("sources", "s-feb", "--data", data, "--as-of", "2025-03-01", "--format", "json")
    )
    assert [(c["id"], c["via"]) for c in cited["cited_by"]] == [
        ("ann", None),
        ("bob", None),
        ("a-v-b", None),
        ("f-complaint", None),
        ("cl-contract", None),
        ("ev-meeting", None),
        ("ev-trial", None),
    ]
    hits = json.loads(
        ok("search", "kiss", "--data", data, "--as-of", "2025-05-19", "--format", "json")
    )
    assert hits == []
    assert run("filing", "f-motion", "--data", data, "--as-of", "2025-05-19").exit_code == 1
    assert "Bob moves" in ok("filing", "f-motion", "--data", data, "--as-of", "2025-05-20")


def test_every_export_holds_only_what_was_known(data: Path, tmp_path: Path) -> None:
    title = "Bob's allegation that Ann added a kiss"
    for day, present in (("2025-05-19", False), ("2025-05-20", True)):
        args = ("--data", data, "--as-of", day)
        for fmt in ("json", "csv", "markdown", "html", "timelinejs"):
            out = ok("export", fmt, *args)
            assert ("added a kiss" in out) is present, (fmt, day)
        calendar = icalendar.Calendar.from_ical(run("export", "ics", *args).stdout)
        uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
        assert ("ev-kiss@casetrack" in uids) is present, day
        (tmp_path / day).mkdir()
        db = tmp_path / day / "case.db"
        assert run("export", "sqlite", *args, "-o", db).exit_code == 0
        titles = [t for (t,) in sqlite3.connect(db).execute("SELECT title FROM timeline")]
        assert (title in titles) is present, day


def test_the_footer_names_the_newest_source_known_then(data: Path) -> None:
    out = ok("claims", "--data", data, "--as-of", "2025-03-01")
    assert out.endswith(
        "1 claim · as of 1 Mar 2025 · latest source: 1 Feb 2025; later developments are\n"
        "not in the data\n"
    )


# --- the bundled dataset -------------------------------------------------------------------------


def bundled(*args: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(
        ok("timeline", "--data", bundled_data_dir(), "--format", "json", *args)
    )
    return items


def test_the_hospital_scene_allegation_is_known_from_the_summary_judgment_motion() -> None:
    # The scene of 19 May 2023 was first alleged in the Wayfarer parties' motion of 13 Nov 2025.
    scene = "ev-2023-05-19-hospital-scene-kiss"
    assert scene not in [e["id"] for e in bundled("--as-of", "2025-11-12")]
    (found,) = [e for e in bundled("--as-of", "2025-11-13") if e["id"] == scene]
    assert (found["known_since"], found["alleged_in"]) == (
        "2025-11-13",
        "f-2025-11-13-wayfarer-msj",
    )
    # What had happened by 14 Feb 2025, as known now, includes it; the record then did not.
    production = ("--kind", "production")
    assert [e["id"] for e in bundled("--happened-by", "2025-02-14", *production)] == [
        scene,
        "ev-production",
    ]
    assert [e["id"] for e in bundled("--as-of", "2025-02-14", *production)] == ["ev-production"]


def test_the_bundled_record_as_of_february_2025_cites_nothing_later() -> None:
    published = {
        s["id"]: s["published"]
        for s in json.loads(ok("sources", "--data", bundled_data_dir(), "--format", "json"))
    }
    cited = {s for e in bundled("--as-of", "2025-02-14") for s in e["sources"]}
    assert cited
    assert all(published[s] is not None and published[s] <= "2025-02-14" for s in cited), cited


def test_an_unconfirmed_record_known_before_its_one_report_names_no_empty_outlet() -> None:
    # The film's release (Aug 2024) is public on its day; its one source, Global News, is of
    # 29 Jan 2025. As of 5 Jan 2025 the release is on the record and its report is not yet.
    result = run(
        "timeline", "--data", bundled_data_dir(), "--as-of", "2025-01-05", "--kind", "release"
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "2024\n"
        " August 2024\n"
        "  Aug 2024         It Ends With Us is released\n"
        "                   release · Blake Lively, Justin Baldoni\n"
        "                   reported by a single outlet after this day, not confirmed\n"
        "1 entry · as of 5 Jan 2025\n"
    )
    after = run(
        "timeline", "--data", bundled_data_dir(), "--as-of", "2025-01-29", "--kind", "release"
    )
    assert (
        "                   reported by Global News (with files from The Associated\n"
        "                   Press), not confirmed\n"
    ) in after.stdout


def test_prose_written_from_later_sources_is_left_out_as_of_a_day_before_them() -> None:
    # Lively v. Wayfarer is on the record from its filing (31 Dec 2024); every source it cites is
    # from 2025, and its summary says it was later consolidated with the Wayfarer suit.
    def case(day: str, *more: str) -> str:
        return ok("case", "lively-v-wayfarer", "--data", bundled_data_dir(), "--as-of", day, *more)

    early = json.loads(case("2025-01-05", "--format", "json"))
    later = json.loads(case("2025-06-01", "--format", "json"))
    assert (early["sources"], early["summary"]) == ([], None)
    assert "Consolidated" in later["summary"] and later["sources"]
    shown = case("2025-01-05")
    assert "onsolidated" not in shown and "Page Six" not in shown


def test_february_2025_shows_no_2024_heading_and_no_span_for_a_single_day() -> None:
    result = run("timeline", "--data", bundled_data_dir(), "--from", "2025-02", "--to", "2025-02")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("2025\n February 2025\n")
    assert "2024\n" not in out and "January" not in out
    # Once-only events say "between"; the only span drawn as one is the alleged campaign.
    assert out.count("between") == 6
    assert [line for line in out.splitlines() if "–" in line] == [
        "  c. Feb 2024 –    Lively's allegation of a retaliatory smear campaign"
    ]


# Every command that takes --as-of, each as it answers from the cache's index (a sub-dataset of
# the question, cut to the day) and straight from the files: the same text, so narrowing a
# question never lets a later fact in, nor leaves a known one out.
AS_OF_QUESTIONS = [
    ["timeline"],
    ["timeline", "--party", "{party}"],
    ["timeline", "--case", "{case}"],
    ["timeline", "--search", "motion"],
    ["party", "{party}"],
    ["case", "{case}"],
    ["cases"],
    ["claims"],
    ["claims", "--plaintiff", "{party}"],
    ["upcoming"],
    ["deadlines"],
    ["sources"],
    ["search", "motion"],
    ["export", "ics"],
    ["export", "json", "--party", "{party}"],
]


@pytest.mark.parametrize(
    ("where", "party", "case", "days"),
    [
        ("fixture", "Bob", "a-v-b", ["2025-02-15", "2025-06-30", "2025-12-31"]),
        ("bundled", "Lively", "lively-v-wayfarer", ["2025-01-20", "2025-06-30"]),
    ],
)
def test_as_of_through_the_index_is_as_from_the_files(
    make_dataset: MakeDataset, where: str, party: str, case: str, days: list[str]
) -> None:
    folder = make_dataset(FILES) if where == "fixture" else bundled_data_dir()
    ok("validate", "--data", folder)  # the index is written
    for question in AS_OF_QUESTIONS:
        args = [a.format(party=party, case=case) for a in question]
        for day in days:
            for fmt in ("json", "table") if args[0] != "export" else ("",):
                shown = [*args, "--data", str(folder), "--as-of", day]
                if fmt:
                    shown += ["--format", fmt]
                warm = run(*shown)
                cold = run(*shown, env={"CASETRACK_NO_CACHE": "1"})
                assert (warm.exit_code, warm.stdout, warm.stderr) == (
                    cold.exit_code,
                    cold.stdout,
                    cold.stderr,
                ), shown
