"""`casetrack cases`, `case`, `upcoming`, `sources` and `search`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cli_fixture import CASE_FILES
from cli_helpers import run
from conftest import MakeDataset

AS_OF = ("--as-of", "2025-03-10")
FOOTER = "latest source: 6 Mar 2025; later developments"


@pytest.fixture
def data(make_dataset: MakeDataset) -> Path:
    return make_dataset(CASE_FILES)


def ok(*args: str | Path) -> str:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


# --- cases --------------------------------------------------------------------------------------


def test_cases(data: Path) -> None:
    assert ok("cases", "--data", data, *AS_OF) == (
        "Archer v. Bob  [a-v-b]\n"
        "  Archer v. Bob Corp et al.\n"
        "  EDX · 1:25-cv-1 · Judge Judith Judge\n"
        "  2 claims: 1 pending, 1 withdrawn\n"
        "  last: 5 Mar 2025, Claim withdrawn: Harassment\n"
        "  next: 20 May 2025, Hearing on the motion (moved)\n"
        "\n"
        "Bob v. Archer  [b-v-a]\n"
        "  Bob parties v. Archer\n"
        "  1 claim: 1 pending\n"
        "  countersuit to Archer v. Bob\n"
        "2 cases · as of 10 Mar 2025 · latest source: 6 Mar 2025; later developments are\n"
        "not in the data\n"
    )


def test_cases_as_of_a_date_shows_the_next_date_as_it_was_then(data: Path) -> None:
    args = ("cases", "--data", data, "--format", "json")
    items = json.loads(ok(*args, "--happened-by", "2025-02-14"))
    # Bob v. Archer, filed on 20 Feb, had not happened yet.
    assert [(c["id"], c["claim_counts"]) for c in items] == [("a-v-b", {"pending": 2})]
    # The motion dated only "Feb 2025" may have come by the 14th, so it counts as the last.
    assert items[0]["last"] == {
        "id": "f-mtd",
        "date": "2025-02",
        "end": None,
        "between": False,
        "title": "Bob Corp moves to dismiss",
    }
    assert items[0]["next"]["id"] == "ev-hearing-1"
    # As it stood on the 14th, the motion was not known yet: a month counts from its last day.
    as_of = json.loads(ok(*args, "--as-of", "2025-02-14"))
    assert [(c["id"], c["last"]["id"], c["next"]["id"]) for c in as_of] == [
        ("a-v-b", "f-complaint", "ev-hearing-1")
    ]


def test_cases_csv_and_markdown(data: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(ok("cases", "--data", data, *AS_OF, "--format", "csv"))))
    assert rows[0] == {
        "id": "a-v-b",
        "short_name": "Archer v. Bob",
        "caption": "Archer v. Bob Corp et al.",
        "court": "court",
        "docket": "1:25-cv-1",
        "judge": "judge-j",
        "filed": "2025-01-15",
        "claims": "pending: 1; withdrawn: 1",
        "last": "2025-03-05",
        "next": "2025-05-20",
    }
    md = ok("cases", "--data", data, *AS_OF, "--format", "markdown").splitlines()
    assert md[0] == "| Case | Court | Docket | Judge | Claims | Last | Next |"
    assert md[2] == (
        "| Archer v. Bob [a-v-b] | EDX | 1:25-cv-1 | Judith Judge "
        "| 2 claims: 1 pending, 1 withdrawn | 5 Mar 2025 | 20 May 2025 |"
    )


def test_case_detail(data: Path) -> None:
    assert ok("case", "Archer v. Bob", "--data", data, *AS_OF) == (
        "Archer v. Bob Corp et al.  (a-v-b)\n"
        "Court   District Court for the Example District\n"
        "Docket  1:25-cv-1\n"
        "Judge   Judith Judge\n"
        "Filed   15 Jan 2025\n"
        "Claims  2 claims: 1 pending, 1 withdrawn\n"
        "Last    5 Mar 2025: Claim withdrawn: Harassment\n"
        "Next    20 May 2025: Hearing on the motion (moved)\n"
        "\n"
        "Parties\n"
        "Role       Party         Counsel\n"
        "-----------------------------------\n"
        "plaintiff  Alice Archer  Carol Chen\n"
        "defendant  Bob Corp\n"
        "\n"
        "Claims\n"
        "Claim               Plaintiffs    Defendants  Status\n"
        "--------------------------------------------------------------------\n"
        "Harassment          Alice Archer  Bob Corp    withdrawn (5 Mar 2025)\n"
        "Breach of contract  Alice Archer  Bob Corp    pending\n"
        "as of 10 Mar 2025 · latest source: 6 Mar 2025; later developments are not in the\n"
        "data\n"
    )


def test_case_json_and_errors(data: Path) -> None:
    item = json.loads(ok("case", "1:25-cv-1", "--data", data, *AS_OF, "--format", "json"))
    assert {k: item[k] for k in ("id", "court", "docket", "judge", "filed", "claim_counts")} == {
        "id": "a-v-b",
        "court": "court",
        "docket": "1:25-cv-1",
        "judge": "judge-j",
        "filed": "2025-01-15",
        "claim_counts": {"pending": 1, "withdrawn": 1},
    }
    assert item["parties"][0] == {"party": "alice", "role": "plaintiff", "counsel": ["carol"]}
    result = run("case", "nothing-like-it", "--data", data)
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: no case matches 'nothing-like-it' (`casetrack cases` lists them)\n",
    )
    result = run("case", "Archer", "--data", data)
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: 'Archer' matches 2 cases: Archer v. Bob Corp et al. (a-v-b); "
        "Bob parties v. Archer (b-v-a)\n",
    )


def test_unconfirmed_case_is_marked(make_dataset: MakeDataset) -> None:
    files = dict(CASE_FILES)
    files["more.yaml"] = """
        cases:
          - id: rumour
            caption: A suit only one paper reports
            unconfirmed: true
            sources: [s-planet]
    """
    data = make_dataset(files)
    out = ok("cases", "--data", data, *AS_OF)
    assert (
        "A suit only one paper reports  [rumour]\n  no claims\n  reported by Daily Planet, not confirmed\n"
        in out
    )
    assert (
        json.loads(ok("case", "rumour", "--data", data, "--format", "json"))["unconfirmed"] is True
    )


# --- upcoming -----------------------------------------------------------------------------------


def test_upcoming(data: Path) -> None:
    assert ok("upcoming", "--data", data, "--as-of", "2025-02-14") == (
        "Date         When        What                   Case\n"
        "-------------------------------------------------------------\n"
        "10 Apr 2025  in 55 days  Hearing on the motion  Archer v. Bob\n"
        "as of 14 Feb 2025\n"
    )
    assert ok("upcoming", "--data", data, *AS_OF) == (
        "Date         When         What                           Case\n"
        "----------------------------------------------------------------------\n"
        "20 May 2025  in 2 months  Hearing on the motion (moved)  Archer v. Bob\n"
        "as of 10 Mar 2025 · latest source: 6 Mar 2025; later developments are not in the\n"
        "data\n"
    )


def test_nothing_upcoming_past_the_data_says_how_old_it_is(data: Path) -> None:
    assert ok("upcoming", "--data", data, "--as-of", "June 1, 2025") == (
        "Nothing on record is scheduled after 1 Jun 2025.\n"
        "as of 1 Jun 2025 · latest source: 6 Mar 2025; later developments are not in the\n"
        "data\n"
    )


def test_upcoming_formats(data: Path) -> None:
    items = json.loads(ok("upcoming", "--data", data, "--as-of", "2025-02-14", "--format", "json"))
    assert [(i["id"], i["date"], i["days_away"]) for i in items] == [
        ("ev-hearing-1", "2025-04-10", 55)
    ]
    result = run("upcoming", "--data", data, "--as-of", "2025-02-14", "--format", "csv")
    assert result.stdout_bytes.decode() == (
        "id,date,end,days_away,kind,case,title\r\n"
        "ev-hearing-1,2025-04-10,,55,hearing,a-v-b,Hearing on the motion\r\n"
    )
    assert ok("upcoming", "--data", data, "--case", "b-v-a", "--format", "json") == "[]\n"


@pytest.mark.parametrize(
    ("today", "then", "expected"),
    [
        ("2025-01-01", "2025-01-01", "today"),
        ("2025-01-01", "2025-01-02", "in 1 day"),
        ("2025-01-01", "2025-02-28", "in 58 days"),
        ("2025-02-14", "2026-03-09", "in 1 year"),
        ("2025-12-09", "2026-05-18", "in 5 months"),
        ("2025-01-31", "2027-04-30", "in 2 years 2 months"),
    ],
)
def test_how_far(today: str, then: str, expected: str) -> None:
    import datetime as dt

    from casetrack.dates import how_far

    assert how_far(dt.date.fromisoformat(today), dt.date.fromisoformat(then)) == expected


# --- sources ------------------------------------------------------------------------------------


def test_sources(data: Path) -> None:
    assert ok("sources", "--data", data) == (
        # Outlet, date and address: what a reader needs to check the source.
        "Daily Planet  1 Mar 2025 · news-report\n"
        "  Alice sues Bob Corp\n"
        "  https://planet.example/alice\n"
        "  s-planet\n"
        "District Court  6 Mar 2025 · court-order\n"
        "  Scheduling order\n"
        "  s-order\n"
        "2 sources\n"
    )
    items = json.loads(ok("sources", "--data", data, "--format", "json"))
    assert items[0] == {
        "id": "s-planet",
        "kind": "news-report",
        "title": "Alice sues Bob Corp",
        "outlet": "Daily Planet",
        "author": None,
        "published": "2025-03-01",
        "url": "https://planet.example/alice",
        "file": None,
    }
    rows = list(csv.reader(io.StringIO(ok("sources", "--data", data, "--format", "csv"))))
    assert rows[0] == ["id", "kind", "outlet", "author", "published", "title", "url"]
    assert len(rows) == 3


def test_a_source_without_a_publication_date_says_when_it_was_retrieved(
    make_dataset: MakeDataset,
) -> None:
    # Seen writing up NYT v. Microsoft: a case tracker read on a day showed "undated".
    data = make_dataset(
        {
            "sources.yaml": """
                sources:
                  - {id: s-tracker, kind: aggregator, title: AI cases tracker, outlet: A Firm,
                     retrieved: 2026-11-20, url: "https://firm.example/tracker"}
                  - {id: s-post, kind: blog, title: A post nobody dated, outlet: A Blog}
            """
        }
    )
    assert ok("sources", "--data", data) == (
        "A Firm  retrieved 20 Nov 2026 · aggregator\n"
        "  AI cases tracker\n"
        "  https://firm.example/tracker\n"
        "  s-tracker\n"
        "A Blog  undated · blog\n"
        "  A post nobody dated\n"
        "  s-post\n"
        "2 sources\n"
    )


def test_one_source_and_what_cites_it(data: Path) -> None:
    assert ok("sources", "s-order", "--data", data) == (
        "Scheduling order\n"
        "Id         s-order\n"
        "Kind       court-order\n"
        "Outlet     District Court\n"
        "Published  6 Mar 2025\n"
        "\n"
        "Cited by (7)\n"
        "Parties (2)\n"
        "  Judith Judge\n"
        "    judge-j\n"
        "  District Court for the Example District\n"
        "    court\n"
        "Filings (1)\n"
        "  Bob Corp moves to dismiss\n"
        "    f-mtd\n"
        "Claims (1)\n"
        "  Harassment\n"
        "    cl-harassment · withdrawn (5 Mar 2025)\n"
        "Events (3)\n"
        "  Settlement talks\n"
        "    ev-meeting · sources differ on who attended\n"
        "  Hearing on the motion\n"
        "    ev-hearing-1\n"
        "  Hearing on the motion (moved)\n"
        "    ev-hearing-2\n"
    )
    item = json.loads(ok("sources", "s-order", "--data", data, "--format", "json"))
    assert item["cited_by"][3] == {
        "type": "claim",
        "id": "cl-harassment",
        "title": "Harassment",
        "via": "status withdrawn (2025-03-05)",
    }
    result = run("sources", "s-ordr", "--data", data)
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: no source with id 's-ordr'; did you mean s-order?\n",
    )


# --- search -------------------------------------------------------------------------------------


def test_search_groups_by_type(data: Path) -> None:
    assert ok("search", "motion", "--data", data) == (
        "Filings (1)\n"
        "Feb 2025  Bob Corp moves to dismiss\n"
        "  f-mtd · matched in kind\n"
        "  motion-to-dismiss\n"
        "\n"
        "Events (2)\n"
        "10 Apr 2025  Hearing on the motion\n"
        "  ev-hearing-1 · matched in title\n"
        "20 May 2025  Hearing on the motion (moved)\n"
        "  ev-hearing-2 · matched in title\n"
        "3 records\n"
    )
    # The excerpt shows more than the name when it can.
    out = ok("search", "actress", "--data", data)
    assert out == (
        "Parties (1)\nAlice Archer\n  alice · matched in description\n  An actress.\n1 record\n"
    )


def test_search_formats_and_misses(data: Path) -> None:
    items = json.loads(ok("search", "ARCHER", "--data", data, "--format", "json"))
    assert [(i["type"], i["id"]) for i in items] == [
        ("party", "alice"),
        ("case", "a-v-b"),
        ("case", "b-v-a"),
        ("filing", "f-complaint"),
    ]
    assert items[0]["fields"] == ["name", "aliases"]
    rows = list(
        csv.DictReader(io.StringIO(ok("search", "lawyers", "--data", data, "--format", "csv")))
    )
    assert rows == [
        {
            "type": "event",
            "id": "ev-meeting",
            "title": "Settlement talks",
            "fields": "discrepancies.accounts.says",
            "excerpt": "Only lawyers",
            "date": "2025-01",
        }
    ]
    assert ok("search", "zebra", "--data", data) == "Nothing matches 'zebra'.\n"
    result = run("search", " ", "--data", data)
    assert (result.exit_code, result.stderr) == (1, "Error: give some text to search for\n")
