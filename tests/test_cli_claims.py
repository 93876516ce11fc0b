"""`casetrack claims`: the table, each filter, claim status as of a date, each format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cli_fixture import CASE_FILES
from cli_helpers import run
from conftest import MakeDataset


@pytest.fixture
def data(make_dataset: MakeDataset) -> Path:
    return make_dataset(CASE_FILES)


def ok(*args: str | Path) -> str:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def ids(data: Path, *args: str) -> list[tuple[str, str]]:
    items = json.loads(ok("claims", "--data", data, "--format", "json", *args))
    return [(i["id"], i["status"]) for i in items]


def test_claims_table_grouped_by_case(data: Path) -> None:
    assert ok("claims", "--data", data, "--as-of", "2025-03-10") == (
        # What both claims of a case share is said once, above the table.
        "Archer v. Bob Corp et al.  (2 claims: 1 pending, 1 withdrawn)\n"
        "Plaintiffs  Alice Archer\n"
        "Defendants  Bob Corp\n"
        "Claim               Damages     Status\n"
        "------------------------------------------------------\n"
        "Harassment          $1 million  withdrawn (5 Mar 2025)\n"
        "Breach of contract              pending\n"
        "\n"
        "Bob parties v. Archer  (1 claim: 1 pending)\n"
        "Claim       Plaintiffs       Defendants    Status\n"
        "--------------------------------------------------\n"
        "Defamation  The Bob parties  Alice Archer  pending\n"
        "3 claims · as of 10 Mar 2025 · latest source: 6 Mar 2025; later developments are\n"
        "not in the data\n"
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--plaintiff", "Archer"], [("cl-harassment", "withdrawn"), ("cl-contract", "pending")]),
        # A member of a group brings what the group brings.
        (["--plaintiff", "dunn"], [("cl-defamation", "pending")]),
        (["--defendant", "alice"], [("cl-defamation", "pending")]),
        (["--defendant", "BobCo", "--status", "pending"], [("cl-contract", "pending")]),
        (["--case", "Bob v. Archer"], [("cl-defamation", "pending")]),
        (["--status", "withdrawn", "--status", "dismissed"], [("cl-harassment", "withdrawn")]),
        # Status as of a date: the withdrawal of 5 Mar had not happened on 4 Mar.
        (["--as-of", "2025-03-04", "--status", "withdrawn"], []),
        # Claims raised after the as-of date are hidden (the defamation claim came on 20 Feb).
        (["--as-of", "2025-02-19"], [("cl-harassment", "pending"), ("cl-contract", "pending")]),
        (["--as-of", "2024-12-31"], []),
    ],
)
def test_filters(data: Path, args: list[str], expected: list[tuple[str, str]]) -> None:
    as_of = [] if "--as-of" in args else ["--as-of", "2025-03-10"]
    assert ids(data, *as_of, *args) == expected


def test_json_contract(data: Path) -> None:
    items = json.loads(ok("claims", "--data", data, "--as-of", "2025-03-10", "--format", "json"))
    assert items[0] == {
        "id": "cl-harassment",
        "case": "a-v-b",
        "title": "Harassment",
        "plaintiffs": ["alice"],
        "defendants": ["bob-corp"],
        "status": "withdrawn",
        "status_date": "2025-03-05",
        "status_by": None,
        "damages": "$1 million",
        "raised": "2025-01-15",
        "filing": "f-complaint",
        "summary": None,
        "sources": ["s-planet"],
        "unconfirmed": False,
        "discrepancies": [],
        "history": [
            {
                "id": "cl-harassment@2025-03-05-withdrawn",
                "status": "withdrawn",
                "date": "2025-03-05",
                "approximate": False,
                "uncertain": False,
                "end": None,
                "date_note": None,
                "by": None,
                "note": None,
                "sources": ["s-order"],
            }
        ],
    }
    assert items[2]["plaintiffs"] == ["bob-parties"]
    assert items[2]["raised"] == "2025-02-20"


def test_csv_and_markdown(data: Path) -> None:
    out = ok("claims", "--data", data, "--as-of", "2025-03-10", "--format", "csv")
    assert out.startswith("id,case,title,plaintiffs,defendants,status,status_date,damages,")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [(r["id"], r["status"], r["damages"]) for r in rows] == [
        ("cl-harassment", "withdrawn", "$1 million"),
        ("cl-contract", "pending", ""),
        ("cl-defamation", "pending", ""),
    ]
    assert ok("claims", "--data", data, "--as-of", "2025-03-10", "--format", "markdown") == (
        "| Claim | Case | Plaintiffs | Defendants | Damages | Status |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| Harassment | Archer v. Bob | Alice Archer | Bob Corp | $1 million "
        "| withdrawn (5 Mar 2025) |\n"
        "| Breach of contract | Archer v. Bob | Alice Archer | Bob Corp |  | pending |\n"
        "| Defamation | Bob v. Archer | The Bob parties | Alice Archer |  | pending |\n"
    )


def test_no_claims_match(data: Path) -> None:
    assert (
        ok("claims", "--data", data, "--as-of", "2024-01-01")
        == "No claims match.\n0 claims · as of 1 Jan 2024\n"
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["--plaintiff", "Nobody Atall"],
            1,
            "Error: no party matches 'Nobody Atall'; `casetrack parties` lists everyone\n",
        ),
        (
            ["--case", "x-v-y"],
            1,
            "Error: no case matches 'x-v-y'; did you mean 'a-v-b'? (`casetrack cases` lists them)\n",
        ),
        (
            ["--as-of", "someday"],
            1,
            "Error: --as-of: cannot read 'someday' as a date; try 2025-01-15, 2025-01, "
            "'Jan 2025' or 'March 9, 2026'\n",
        ),
    ],
)
def test_errors(data: Path, args: list[str], code: int, message: str) -> None:
    result = run("claims", "--data", data, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", message)


def test_unknown_status_is_a_usage_error(data: Path) -> None:
    result = run("claims", "--data", data, "--status", "lost")
    assert result.exit_code == 2
    assert "Invalid value for '--status'" in result.stderr
