"""`casetrack party` and `casetrack parties`."""

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
FOOTER = "as of 10 Mar 2025 · latest source: 6 Mar 2025; later developments are not in the\ndata\n"


@pytest.fixture
def data(make_dataset: MakeDataset) -> Path:
    return make_dataset(CASE_FILES)


def ok(*args: str | Path) -> str:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def test_party_roles_counsel_claims_and_timeline(data: Path) -> None:
    assert ok("party", "archer", "--data", data, *AS_OF) == (
        "Alice Archer  (alice, person)\n"
        "An actress.\n"
        "also known as: Archer\n"
        "\n"
        "Roles\n"
        "Case           Role       Counsel\n"
        "------------------------------------\n"
        "Archer v. Bob  plaintiff  Carol Chen\n"
        "Bob v. Archer  defendant  Carol Chen\n"
        "\n"
        "Claims brought (2)\n"
        "Claim               Case           Against   Status\n"
        "-------------------------------------------------------------------\n"
        "Harassment          Archer v. Bob  Bob Corp  withdrawn (5 Mar 2025)\n"
        "Breach of contract  Archer v. Bob  Bob Corp  pending\n"
        "\n"
        "Claims faced (1)\n"
        "Claim       Case           Brought by       Status\n"
        "---------------------------------------------------\n"
        "Defamation  Bob v. Archer  The Bob parties  pending\n"
        "\n"
        "Timeline (4)\n"
        "2024\n"
        " June 2024\n"
        "  c. Jun 2024      Alleged conduct on set\n"
        "                   other · Archer v. Bob · Alice Archer, Bob Corp\n"
        "                   ALLEGED by Alice Archer; denied by Bob Corp\n"
        "\n"
        "2025\n"
        " January 2025\n"
        "  Jan 2025         Settlement talks\n"
        "                   meeting · Alice Archer, Dave Dunn\n"
        "                   reported by Daily Planet, not confirmed\n"
        "                   sources differ on who attended: Alice and Dave (Daily Planet)\n"
        "                   / Only lawyers (District Court)\n"
        "\n"
        "  15 Jan 2025      Archer's complaint\n"
        "                   complaint · Archer v. Bob · Alice Archer\n"
        "\n"
        " March 2025\n"
        "  5 Mar 2025       Claim withdrawn: Harassment\n"
        "                   claim-withdrawn · Archer v. Bob · Alice Archer, Bob Corp\n" + FOOTER
    )


def test_counsel_shows_clients(data: Path) -> None:
    assert ok("party", "Carol Chen", "--data", data, *AS_OF) == (
        "Carol Chen  (carol, counsel)\n"
        "also known as: Chen\n"
        "\n"
        "Represents\n"
        "Case           Client        Role\n"
        "--------------------------------------\n"
        "Archer v. Bob  Alice Archer  plaintiff\n"
        "Bob v. Archer  Alice Archer  defendant\n"
        "\n"
        "Timeline (0)\n"
        "No dated entries name this party.\n" + FOOTER
    )


def test_group_member_holds_the_groups_roles_and_claims(data: Path) -> None:
    out = ok("party", "DAVE", "--data", data, *AS_OF)
    assert "member of: The Bob parties\n" in out
    assert "Bob v. Archer  plaintiff (as The Bob parties)\n" in out
    assert "Defamation  Bob v. Archer  Alice Archer  pending\n" in out


def test_as_of_hides_later_claims_and_status(data: Path) -> None:
    args = ("party", "alice", "--data", data, "--format", "json")
    for when in ("--as-of", "--happened-by"):
        item = json.loads(ok(*args, when, "2025-02-01"))
        assert [(c["id"], c["side"], c["status"]) for c in item["claims"]] == [
            ("cl-harassment", "plaintiff", "pending"),
            ("cl-contract", "plaintiff", "pending"),
        ]
    # What had happened by then, as known now; as it stood then, only the complaint was known
    # (the conduct and the talks were first reported on 1 Mar 2025).
    timeline = json.loads(ok(*args, "--happened-by", "2025-02-01"))["timeline"]
    assert [e["id"] for e in timeline] == ["ev-conduct", "ev-meeting", "f-complaint"]
    timeline = json.loads(ok(*args, "--as-of", "2025-02-01"))["timeline"]
    assert [e["id"] for e in timeline] == ["f-complaint"]


def test_party_json_contract(data: Path) -> None:
    item = json.loads(ok("party", "bob-corp", "--data", data, *AS_OF, "--format", "json"))
    assert {k: item[k] for k in ("id", "name", "kind", "aliases", "member_of")} == {
        "id": "bob-corp",
        "name": "Bob Corp",
        "kind": "company",
        "aliases": ["BobCo"],
        "member_of": ["bob-parties"],
    }
    assert item["roles"] == [
        {"case": "a-v-b", "role": "defendant", "counsel": [], "via": None},
        {"case": "b-v-a", "role": "plaintiff", "counsel": [], "via": "bob-parties"},
    ]
    assert [(c["id"], c["side"], c["status"], c["status_date"]) for c in item["claims"]] == [
        ("cl-harassment", "defendant", "withdrawn", "2025-03-05"),
        ("cl-contract", "defendant", "pending", None),
        ("cl-defamation", "plaintiff", "pending", None),
    ]
    assert [e["id"] for e in item["timeline"]] == [
        "ev-conduct",
        "f-mtd",
        "cl-harassment@2025-03-05-withdrawn",
    ]


def test_party_csv_is_its_timeline(data: Path) -> None:
    rows = list(
        csv.reader(io.StringIO(ok("party", "bobco", "--data", data, *AS_OF, "--format", "csv")))
    )
    assert rows[0][:3] == ["id", "date", "end"]
    assert [r[0] for r in rows[1:]] == ["ev-conduct", "f-mtd", "cl-harassment@2025-03-05-withdrawn"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "Alise",
            "Error: no party matches 'Alise'; did you mean 'Alice Archer' (alice)? "
            "(`casetrack parties` lists everyone)\n",
        ),
        ("zzzzzz", "Error: no party matches 'zzzzzz'; `casetrack parties` lists everyone\n"),
        (
            "bob",
            "Error: 'bob' matches 2 parties: Bob Corp (bob-corp); The Bob parties (bob-parties)\n",
        ),
        ("  ", "Error: give a party's name, alias or id\n"),
    ],
)
def test_party_not_found_or_ambiguous_exits_1(data: Path, name: str, message: str) -> None:
    result = run("party", name, "--data", data)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message)


def test_party_needs_a_name(data: Path) -> None:
    assert run("party", "--data", data).exit_code == 2


def test_parties_cast_of_characters(data: Path) -> None:
    assert ok("parties", "--data", data) == (
        "Name                       Kind     Roles                       Counsel\n"
        "--------------------------------------------------------------------------------\n"
        "Alice Archer               person   plaintiff in Archer v. Bob  Carol Chen\n"
        "                                    defendant in Bob v. Archer\n"
        "\n"
        "Bob Corp                   company  defendant in Archer v. Bob\n"
        "                                    plaintiff in Bob v. Archer\n"
        "                                    (as The Bob parties)\n"
        "\n"
        "Dave Dunn                  person   plaintiff in Bob v. Archer\n"
        "                                    (as The Bob parties)\n"
        "\n"
        "The Bob parties            group    plaintiff in Bob v. Archer\n"
        "\n"
        "Carol Chen                 counsel                              for Alice Archer\n"
        "\n"
        "Judith Judge               judge\n"
        "\n"
        "District Court for the     court\n"
        "Example District\n"
        "7 parties\n"
    )


def test_parties_formats(data: Path) -> None:
    items = json.loads(ok("parties", "--data", data, "--format", "json"))
    assert [i["id"] for i in items] == [
        "alice",
        "bob-corp",
        "dave",
        "bob-parties",
        "carol",
        "judge-j",
        "court",
    ]
    assert items[0]["roles"] == [
        {"case": "a-v-b", "role": "plaintiff", "counsel": ["carol"], "via": None},
        {"case": "b-v-a", "role": "defendant", "counsel": ["carol"], "via": None},
    ]
    rows = list(csv.DictReader(io.StringIO(ok("parties", "--data", data, "--format", "csv"))))
    assert rows[0] == {
        "id": "alice",
        "name": "Alice Archer",
        "kind": "person",
        "aliases": "Archer",
        "roles": "plaintiff@a-v-b; defendant@b-v-a",
        "counsel": "carol",
        "member_of": "",
        "unconfirmed": "false",
    }
    md = ok("parties", "--data", data, "--format", "markdown").splitlines()
    assert md[0] == "| Name | Kind | Roles | Counsel |"
    assert md[2] == (
        "| Alice Archer | person | plaintiff in Archer v. Bob; defendant in Bob v. Archer "
        "| Carol Chen |"
    )
