"""A claim's history as it stood on a day: `claim ID`, `claims --ever` and the one line that
claims changed alike are shown as follow --as-of (what was known then) and --happened-by (what
had happened then, as known now). Two claims withdrawn on one day: one change public the next
day (a court filing), the other only in a June report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import run
from conftest import MakeDataset

FILES = {
    "case.yaml": """
        sources:
          - {id: s-feb, kind: news-report, title: Ann sues Bob, outlet: The Paper,
             published: 2025-02-01, url: "https://paper.example/ann-sues-bob"}
          - {id: s-may, kind: court-filing, title: Notice of withdrawal, outlet: S.D.N.Y.,
             published: 2025-05-26}
          - {id: s-june, kind: news-report, title: Ann drops her contract claim,
             outlet: The Monthly, published: 2025-06, url: "https://monthly.example/ann-drops"}
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
          - {id: f-complaint, case: a-v-b, date: 2025-01-10, kind: complaint,
             title: Ann's complaint, filed_by: [ann], sources: [s-feb]}
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
          - id: cl-fraud
            case: a-v-b
            title: Fraud
            plaintiffs: [ann]
            defendants: [bob]
            filing: f-complaint
            sources: [s-feb]
            history:
              - {status: withdrawn, date: 2025-05-25, sources: [s-may]}
    """
}


@pytest.fixture
def data(make_dataset: MakeDataset) -> Path:
    return make_dataset(FILES)


def ok(*args: str | Path) -> str:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


def test_claim_as_of_a_day_hides_the_change_and_the_source_not_yet_public(data: Path) -> None:
    assert ok("claim", "cl-contract", "--data", data, "--as-of", "2025-06-01") == (
        "Breach of contract  (cl-contract)\n"
        "Case        Archer v. Baker\n"
        "Plaintiffs  Ann Archer\n"
        "Defendants  Bob Baker\n"
        "Raised      10 Jan 2025, in the complaint of 10 Jan 2025\n"
        "Status      pending\n"
        "\n"
        "History\n"
        "Date         Status  By\n"
        "-------------------------------------------------\n"
        "10 Jan 2025  raised  in a complaint of Ann Archer\n"
        "\n"
        "Sources (1)\n"
        "  The Paper, “Ann sues Bob” (1 Feb 2025), https://paper.example/ann-sues-bob\n"
        "as of 1 Jun 2025 · latest source: 26 May 2025; later developments are not in the\n"
        "data\n"
    )
    # What had happened by then, as known now: the withdrawal, and the report of it.
    assert ok("claim", "cl-contract", "--data", data, "--happened-by", "2025-06-01") == (
        "Breach of contract  (cl-contract)\n"
        "Case        Archer v. Baker\n"
        "Plaintiffs  Ann Archer\n"
        "Defendants  Bob Baker\n"
        "Raised      10 Jan 2025, in the complaint of 10 Jan 2025\n"
        "Status      withdrawn (25 May 2025)\n"
        "\n"
        "History\n"
        "Date         Status     By\n"
        "----------------------------------------------------\n"
        "10 Jan 2025  raised     in a complaint of Ann Archer\n"
        "25 May 2025  withdrawn  (The Monthly)\n"
        "\n"
        "Sources (2)\n"
        "  The Paper, “Ann sues Bob” (1 Feb 2025), https://paper.example/ann-sues-bob\n"
        "  The Monthly, “Ann drops her contract claim” (Jun 2025),\n"
        "  https://monthly.example/ann-drops\n"
        "happened by 1 Jun 2025, as known today\n"
    )
    as_json = json.loads(
        ok("claim", "cl-contract", "--data", data, "--as-of", "2025-06-30", "--format", "json")
    )
    assert (as_json["status"], [h["id"] for h in as_json["history"]]) == (
        "withdrawn",
        ["cl-contract@2025-05-25-withdrawn"],
    )


def test_a_claim_not_yet_raised_on_the_day_is_not_on_the_record(data: Path) -> None:
    result = run("claim", "cl-fraud", "--data", data, "--as-of", "2025-01-05")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "Error: claim 'cl-fraud' was not yet on the record on 5 Jan 2025; it is known from "
        "10 Jan 2025\n"
    )


def test_claims_ever_counts_only_the_statuses_known_on_the_day(data: Path) -> None:
    def ever(*args: str) -> list[str]:
        found = json.loads(
            ok("claims", "--data", data, "--ever", "withdrawn", "--format", "json", *args)
        )
        return [c["id"] for c in found]

    assert ever("--as-of", "2025-05-25") == []
    assert ever("--as-of", "2025-06-01") == ["cl-fraud"]
    assert ever("--happened-by", "2025-06-01") == ["cl-contract", "cl-fraud"]
    assert ever("--happened-by", "2025-05-24") == []
    # --status too: on 1 June the contract claim was pending, as far as anyone knew.
    result = ok("claims", "--data", data, "--status", "pending", "--as-of", "2025-06-01")
    assert result.startswith("Archer v. Baker  (1 claim: 1 pending)\n")


def test_claims_changed_alike_are_one_line_once_both_are_known(data: Path) -> None:
    def timeline(*args: str) -> str:
        return ok("timeline", "--data", data, "--from", "2025-05", *args)

    assert timeline("--as-of", "2025-06-01") == (
        "2025\n"
        " May 2025\n"
        "  25 May 2025      Claim withdrawn: Fraud\n"
        "                   claim-withdrawn · Archer v. Baker · Ann Archer, Bob Baker\n"
        "1 entry · as of 1 Jun 2025 · latest source: 26 May 2025; later developments are\n"
        "not in the data\n"
    )
    assert timeline("--as-of", "2025-06-30") == (
        "2025\n"
        " May 2025\n"
        "  25 May 2025      2 claims of Archer v. Baker withdrawn: Breach of contract,\n"
        "                   Fraud\n"
        "                   claim-withdrawn · Archer v. Baker · Ann Archer, Bob Baker\n"
        "1 entry · as of 30 Jun 2025\n"
    )


def test_the_line_is_known_from_its_first_known_change_each_change_from_its_own(
    data: Path,
) -> None:
    csv = ok("timeline", "--data", data, "--from", "2025-05", "--format", "csv").splitlines()
    header = csv[0].split(",")
    assert header[-6:] == [
        "known_since",
        "case_name",
        "party_names",
        "alleged_by_names",
        "disputed_by_names",
        "summary",
    ]
    assert csv[1:] == [
        'a-v-b@2025-05-25-claims-withdrawn,2025-05-25,,false,claim-withdrawn,a-v-b,"2 claims of '
        'Archer v. Baker withdrawn: Breach of contract, Fraud",ann; bob,fact,,,false,'
        "s-may; s-june,,false,25 May 2025,2025-05-26,Archer v. Baker,Ann Archer; Bob Baker,,,"
    ]
    items = json.loads(ok("timeline", "--data", data, "--from", "2025-05", "--format", "json"))
    assert [(i["id"], i["known_since"], i["group"]) for i in items] == [
        ("cl-contract@2025-05-25-withdrawn", "2025-06-30", "a-v-b@2025-05-25-claims-withdrawn"),
        ("cl-fraud@2025-05-25-withdrawn", "2025-05-26", "a-v-b@2025-05-25-claims-withdrawn"),
    ]
