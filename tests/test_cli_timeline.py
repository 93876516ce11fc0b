"""`casetrack timeline`: layout, every filter, every format, and the error paths."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cli_fixture import CASE_FILES
from cli_helpers import run
from conftest import MakeDataset

FOOTER = (
    "6 entries · as of 10 Mar 2025 · latest source: 6 Mar 2025; later developments\n"
    "are not in the data\n"
)


@pytest.fixture
def data(make_dataset: MakeDataset) -> Path:
    return make_dataset(CASE_FILES)


def timeline(data: Path, *args: str, as_of: str = "2025-03-10") -> str:
    result = run("timeline", "--data", data, "--as-of", as_of, *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_whole_timeline_grouped_by_year_and_month(data: Path) -> None:
    assert timeline(data) == (
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
        " February 2025\n"
        "  Feb 2025         Bob Corp moves to dismiss\n"
        "                   motion-to-dismiss · Archer v. Bob · Bob Corp\n"
        "\n"
        " March 2025\n"
        "  5 Mar 2025       Claim withdrawn: Harassment\n"
        "                   claim-withdrawn · Archer v. Bob · Alice Archer, Bob Corp\n"
        "\n"
        " May 2025\n"
        "  20 May 2025      scheduled: Hearing on the motion (moved)\n"
        "                   hearing · Archer v. Bob\n"
        "                   set on 6 Mar 2025\n" + FOOTER
    )


def titles(output: str) -> list[str]:
    """The titles of a JSON timeline, in order."""
    return [item["title"] for item in json.loads(output)]


def test_as_of_shows_the_hearing_as_it_was_scheduled_then(data: Path) -> None:
    assert timeline(data, "--kind", "hearing", as_of="2025-02-14") == (
        "2025\n"
        " April 2025\n"
        "  10 Apr 2025      scheduled: Hearing on the motion\n"
        "                   hearing · Archer v. Bob\n"
        "                   set on 10 Feb 2025\n"
        "1 entry · as of 14 Feb 2025\n"
    )
    # What happened after the day is hidden; a month means its last day.
    assert titles(timeline(data, "--format", "json", "--happened-by", "Jan 2025")) == [
        "Alleged conduct on set",
        "Settlement talks",
        "Archer's complaint",
    ]
    # As it stood then, only the complaint was known: the report of the other two came in March.
    assert titles(timeline(data, "--format", "json", as_of="Jan 2025")) == ["Archer's complaint"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--case", "a-v-b", "--kind", "hearing"], ["Hearing on the motion (moved)"]),
        (["--case", "1:25-cv-1", "--kind", "complaint"], ["Archer's complaint"]),
        (["--party", "Dunn"], ["Settlement talks"]),  # Dave, also as a member of a group
        (
            ["--party", "bobco"],  # an alias, any case
            ["Alleged conduct on set", "Bob Corp moves to dismiss", "Claim withdrawn: Harassment"],
        ),
        (
            ["--kind", "hearing", "--kind", "complaint"],
            ["Archer's complaint", "Hearing on the motion (moved)"],
        ),
        (["--kind", "status-change"], ["Claim withdrawn: Harassment"]),
        (["--search", "DISMISS"], ["Bob Corp moves to dismiss"]),
        (
            ["--facts-only", "--to", "2025-01"],
            ["Settlement talks", "Archer's complaint"],
        ),
        (["--limit", "1"], ["Alleged conduct on set"]),
    ],
)
def test_filters(data: Path, args: list[str], expected: list[str]) -> None:
    assert titles(timeline(data, *args, "--format", "json")) == expected


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        # A partial date is kept when it may fall in the range: "Jan 2025" overlaps the 15th on.
        (
            "2025-01-15",
            "2025-02-10",
            ["Settlement talks", "Archer's complaint", "Bob Corp moves to dismiss"],
        ),
        # What people type: a month means the whole month, at either end.
        ("Feb 2025", "March 2025", ["Bob Corp moves to dismiss", "Claim withdrawn: Harassment"]),
        ("January 16, 2025", "2025-02-01", ["Settlement talks", "Bob Corp moves to dismiss"]),
        ("2024", "2024", ["Alleged conduct on set"]),
    ],
)
def test_partial_dates_overlap_the_range(
    data: Path, date_from: str, date_to: str, expected: list[str]
) -> None:
    out = timeline(data, "--from", date_from, "--to", date_to, "--format", "json")
    assert titles(out) == expected


def test_sources_as_footnotes(data: Path) -> None:
    out = timeline(data, "--sources", "--kind", "complaint", "--kind", "hearing")
    assert out == (
        "2025\n"
        " January 2025\n"
        "  15 Jan 2025      Archer's complaint [1]\n"
        "                   complaint · Archer v. Bob · Alice Archer\n"
        "\n"
        " May 2025\n"
        "  20 May 2025      scheduled: Hearing on the motion (moved) [2]\n"
        "                   hearing · Archer v. Bob\n"
        "                   set on 6 Mar 2025\n"
        "Sources\n"
        "[1] Daily Planet, “Alice sues Bob Corp” (1 Mar 2025),\n"
        "https://planet.example/alice\n"
        "[2] District Court, “Scheduling order” (6 Mar 2025)\n"
        "2 entries · as of 10 Mar 2025 · latest source: 6 Mar 2025; later developments\n"
        "are not in the data\n"
    )


def test_wide_terminal_gives_kind_and_case_their_own_columns(data: Path) -> None:
    result = run(
        "timeline", "--data", data, "--as-of", "2025-03-10", "--kind", "complaint", width=130
    )
    lines = result.stdout.splitlines()
    assert lines[2].split() == [
        "15",
        "Jan",
        "2025",
        "complaint",
        "Archer",
        "v.",
        "Bob",
        "Archer's",
        "complaint",
    ]
    assert lines[3].strip() == "Alice Archer"


def test_nothing_matches(data: Path) -> None:
    assert (
        timeline(data, "--search", "zebra")
        == "No entries match.\n0 entries · as of 10 Mar 2025 · latest source: 6 Mar 2025; later developments\nare not in the data\n"
    )


def test_json_contract(data: Path) -> None:
    items = json.loads(timeline(data, "--format", "json"))
    assert [i["id"] for i in items] == [
        "ev-conduct",
        "ev-meeting",
        "f-complaint",
        "f-mtd",
        "cl-harassment@2025-03-05-withdrawn",
        "ev-hearing-2",
    ]
    conduct, meeting, complaint, mtd, withdrawn, hearing = items
    assert conduct == {
        "id": "ev-conduct",
        "record": "event",
        "kind": "other",
        "date": "2024-06",
        "approximate": True,
        "uncertain": False,
        "end": None,
        "date_note": 'The report says "early last summer".',
        "title": "Alleged conduct on set",
        "summary": None,
        "case": "a-v-b",
        "parties": ["alice", "bob-corp"],
        "sources": ["s-planet"],
        "status": "alleged",
        "alleged_by": ["alice"],
        "alleged_in": None,
        "disputed_by": ["bob-corp"],
        "unconfirmed": False,
        "discrepancies": [],
        "scheduled": None,
        "claim": None,
        "docket_entry": None,
        "responds_to": [],
        "decides": [],
        "between": False,
        "edtf": "2024-06~",
        "known_since": "2025-03-01",
        "group": None,
    }
    assert meeting["unconfirmed"] is True
    assert meeting["discrepancies"] == [
        {
            "about": "who attended",
            "accounts": [
                {"says": "Alice and Dave", "sources": ["s-planet"]},
                {"says": "Only lawyers", "sources": ["s-order"]},
            ],
        }
    ]
    assert (complaint["date"], complaint["status"], complaint["case"]) == (
        "2025-01-15",
        "fact",
        "a-v-b",
    )
    assert mtd["date"] == "2025-02"
    assert (withdrawn["kind"], withdrawn["claim"], withdrawn["record"]) == (
        "claim-withdrawn",
        "cl-harassment",
        "status-change",
    )
    assert hearing["scheduled"] == {
        "set_on": "2025-03-06",
        "set_by": None,
        "replaced_on": None,
        "replaced_by": None,
    }


def test_csv_reads_back(data: Path) -> None:
    out = timeline(data, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [r["id"] for r in rows][:3] == ["ev-conduct", "ev-meeting", "f-complaint"]
    assert rows[0] == {
        "id": "ev-conduct",
        "date": "2024-06",
        "end": "",
        "approximate": "true",
        "kind": "other",
        "case": "a-v-b",
        "title": "Alleged conduct on set",
        "parties": "alice; bob-corp",
        "status": "alleged",
        "alleged_by": "alice",
        "disputed_by": "bob-corp",
        "unconfirmed": "false",
        "sources": "s-planet",
        "docket_entry": "",
        "between": "false",
        "when": "c. Jun 2024",
        "known_since": "2025-03-01",
        # Names beside the ids, and the summary: added after the columns above.
        "case_name": "Archer v. Bob",
        "party_names": "Alice Archer; Bob Corp",
        "alleged_by_names": "Alice Archer",
        "disputed_by_names": "Bob Corp",
        "summary": "",
    }


def test_markdown(data: Path) -> None:
    assert timeline(data, "--format", "markdown", "--to", "2025-01") == (
        "| Date | Kind | Case | Title | Who | Status |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| c. Jun 2024 | other | Archer v. Bob | Alleged conduct on set | Alice Archer, Bob Corp "
        "| alleged by Alice Archer; denied by Bob Corp |\n"
        "| Jan 2025 | meeting |  | Settlement talks (reported by Daily Planet) "
        "| Alice Archer, Dave Dunn | fact |\n"
        "| 15 Jan 2025 | complaint | Archer v. Bob | Archer's complaint | Alice Archer | fact |\n"
    )


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (
            ["--from", "the day after"],
            "Error: --from: cannot read 'the day after' as a date; try 2025-01-15, 2025-01, "
            "'Jan 2025' or 'March 9, 2026'\n",
            1,
        ),
        (
            ["--to", "March"],
            "Error: --to: 'March' has no year; say which year, e.g. 'March 2025'\n",
            1,
        ),
        (
            ["--case", "zzz-nothing"],
            "Error: no case matches 'zzz-nothing' (`casetrack cases` lists them)\n",
            1,
        ),
        (
            ["--party", "bob"],
            "Error: 'bob' matches 2 parties: Bob Corp (bob-corp); The Bob parties (bob-parties)\n",
            1,
        ),
        (
            ["--party", "Alise Archer"],
            "Error: no party matches 'Alise Archer'; did you mean 'Alice Archer' (alice)? "
            "(`casetrack parties` lists everyone)\n",
            1,
        ),
        (
            ["--kind", "hearng"],
            "Error: there is no kind 'hearng'; did you mean 'hearing'? "
            "(see `casetrack timeline --help`)\n",
            1,
        ),
    ],
)
def test_errors_are_one_line_and_exit_1(
    data: Path, args: list[str], message: str, code: int
) -> None:
    result = run("timeline", "--data", data, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", message)


def test_usage_errors_exit_2(data: Path, tmp_path: Path) -> None:
    result = run("timeline", "--data", data, "--format", "yaml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr
    result = run("timeline", "--data", tmp_path / "missing")
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {tmp_path / 'missing'}: no such directory\n",
    )
    result = run("timeline", "--data", data, "--limit", "0")
    assert result.exit_code == 2


def test_data_with_errors_exits_1(make_dataset: MakeDataset) -> None:
    data = make_dataset({"bad.yaml": "parties:\n  - id: x\n    name: X\n    kind: wizard\n"})
    result = run("timeline", "--data", data)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: the dataset has 1 problem; fix it first")
    assert "Traceback" not in result.stderr


def test_data_is_text_never_markup(make_dataset: MakeDataset) -> None:
    data = make_dataset(
        {
            "all.yaml": """
                sources:
                  - id: s
                    kind: other
                    title: "[link=https://evil.example]click[/link]"
                parties:
                  - id: x
                    name: "[bold]X[/bold] \\e[31mred\\e]8;;https://evil.example\\a"
                    kind: person
                    sources: [s]
                events:
                  - id: e
                    date: 2025-01-01
                    kind: other
                    title: "[/bold] stray [red]tag"
                    parties: [x]
                    sources: [s]
            """
        }
    )
    for env in ({}, {"NO_COLOR": "1"}):
        result = run(
            "timeline", "--data", data, "--happened-by", "2025-01-02", "--sources", env=env
        )
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "[/bold] stray [red]tag" in result.stdout
        assert "[bold]X[/bold] [31mred]8;;https://evil.example" in result.stdout
        assert "[1] “[link=https://evil.example]click[/link]”" in result.stdout
    out = json.loads(run("party", "x", "--data", data, "--format", "json").stdout)
    assert out["name"] == "[bold]X[/bold] \x1b[31mred\x1b]8;;https://evil.example\x07"


def test_a_long_timeline_says_how_to_narrow_it(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import casetrack.commands.timeline as command

    monkeypatch.setattr(command, "LONG", 5)
    out = timeline(data)
    assert out.startswith(
        "6 entries take a while to lay out; narrow them with --from, --to, --case or\n"
        "--party, or show the first N with --limit N.\n2024\n"
    )
    assert timeline(data, "--limit", "5").startswith("2024\n")


def test_a_large_dataset_says_how_to_narrow_it_before_loading(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("casetrack.commands.timeline.LARGE_BYTES", 100)
    out = timeline(data)
    assert out.startswith(
        "This dataset is large (0 MB of YAML); the whole timeline is long. Narrow it with --from, "
        "--to, --case or --party, or show the first N with --limit N.\n2024\n June 2024\n"
    )
    assert out.endswith(FOOTER)
    # From the cache's index (the first run wrote it): the same.
    assert timeline(data) == out
    # A filtered or limited timeline needs no advice.
    assert timeline(data, "--limit", "2").startswith("2024\n")
    assert timeline(data, "--from", "2025").startswith("2025\n")


def test_a_ruling_names_motions_without_an_ecf_number_in_words(
    make_dataset: MakeDataset,
) -> None:
    # Seen writing up NYT v. Microsoft from news reports: the motions had no ECF number, and the
    # opinion's line read "ECF 514 → rules on f-2024-02-26-openai-mtd, f-2024-03-04-...".
    data = make_dataset(
        {
            "case.yaml": """
                sources:
                  - {id: s1, kind: court-order, title: Opinion, outlet: S.D.N.Y.,
                     published: 2025-04-04}
                parties:
                  - {id: nyt, name: The Times, kind: company, sources: [s1]}
                  - {id: ms, name: Microsoft, kind: company, sources: [s1]}
                  - {id: stein, name: Sidney H. Stein, kind: judge, sources: [s1]}
                cases:
                  - {id: c, caption: The Times v. Microsoft, docket: 1:23-cv-11195,
                     sources: [s1]}
                filings:
                  - {id: f-mtd-1, case: c, date: 2024-02-26, kind: motion-to-dismiss,
                     title: A motion, filed_by: [ms], sources: [s1]}
                  - {id: f-mtd-2, case: c, date: 2024-03-04, kind: motion-to-dismiss,
                     title: Another motion, filed_by: [ms], sources: [s1]}
                  - {id: f-opinion, case: c, date: 2025-04-04, kind: opinion, docket_entry: 514,
                     title: Stein's opinion on the motions to dismiss, filed_by: [stein],
                     decides: [f-mtd-1, f-mtd-2], sources: [s1]}
            """
        }
    )
    assert timeline(data, "--kind", "opinion", as_of="2025-04-30") == (
        "2025\n"
        " April 2025\n"
        "  4 Apr 2025       Stein's opinion on the motions to dismiss\n"
        "                   ECF 514 → rules on the motion to dismiss of 26 Feb 2024 and\n"
        "                   the motion to dismiss of 4 Mar 2024 · opinion · The Times v.\n"
        "                   Microsoft · Sidney H. Stein\n"
        "1 entry · as of 30 Apr 2025 · latest source: 4 Apr 2025; later developments are\n"
        "not in the data\n"
    )
