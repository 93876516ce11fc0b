"""`casetrack deadlines`, and computed deadlines wherever dates go: timeline, upcoming, case, the
calendar and the web page; and what `validate` says about deadlines that cannot be counted."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import icalendar
import pytest

from cli_helpers import run
from conftest import MakeDataset

NOTICE = (
    "A computed deadline is arithmetic on the rule and period given in the data,\n"
    "counted as FRCP 6(a) counts; it is not legal advice. Check every deadline\n"
    "against the rules and any order in the case.\n"
)

FILES = {
    "records.yaml": """
        sources:
          - id: s-docket
            kind: docket
            title: The docket
        parties:
          - id: sdny
            name: U.S. District Court for the Southern District of New York
            kind: court
            aliases: [SDNY]
            sources: [s-docket]
        cases:
          - id: ny-case
            caption: Archer v. Bob Corp
            short_name: Archer v. Bob
            court: sdny
            sources: [s-docket]
          - id: ca-case
            caption: Chen v. Dunn
            short_name: Chen v. Dunn
            state: CA
            sources: [s-docket]
        filings:
          - id: f-msj
            case: ny-case
            date: 2025-11-13
            kind: motion-for-summary-judgment
            title: Bob Corp moves for summary judgment
            sources: [s-docket]
          - id: f-ca-motion
            case: ca-case
            date: 2025-11-13
            kind: motion
            title: Dunn moves to compel
            sources: [s-docket]
          - id: f-letter
            case: ny-case
            date: 2025-11
            kind: letter
            title: A letter known only to its month
            sources: [s-docket]
        events:
          - id: ev-order
            case: ny-case
            date: 2025-12-20
            kind: ruling
            title: Order to show cause
            sources: [s-docket]
          - id: ev-jan
            case: ny-case
            date: 2025-01-31
            kind: ruling
            title: Order granting leave to amend
            sources: [s-docket]
    """,
    "deadlines.yaml": """
        deadlines:
          - id: dl-opposition
            case: ny-case
            title: Opposition to the motion for summary judgment
            from: f-msj
            period: 14 days
            rule: S.D.N.Y. Local Civil Rule 6.1(b)
            sources: [s-docket]
          - id: dl-opposition-mailed
            title: Opposition, had the motion been mailed
            from: f-msj
            period: 14 days
            rule: S.D.N.Y. Local Civil Rule 6.1(b)
            service: mail
            sources: [s-docket]
          - id: dl-ca
            title: Opposition to the motion to compel
            from: f-ca-motion
            period: 14 days
            rule: Standing order
            sources: [s-docket]
          - id: dl-show-cause
            title: Response to the order to show cause
            from: ev-order
            period: 5 days
            rule: The order of 20 Dec 2025
            sources: [s-docket]
          - id: dl-amend
            title: Amended complaint
            from: ev-jan
            period: 1 month
            rule: The order of 31 Jan 2025
            sources: [s-docket]
          - id: dl-letter-reply
            title: Reply to the letter
            from: f-letter
            period: 7 days
            rule: Individual practices
            sources: [s-docket]
    """,
}


@pytest.fixture
def data(make_dataset: MakeDataset) -> Path:
    return make_dataset(FILES)


def ok(*args: str | Path) -> str:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


def test_deadlines_table(data: Path) -> None:
    assert ok("deadlines", "--data", data, "--happened-by", "2025-11-14") == (
        "Fri 28 Feb 2025 · passed 259 days ago · Archer v. Bob  [dl-amend]\n"
        "  Amended complaint\n"
        "  rule: The order of 31 Jan 2025\n"
        "  31 Jan 2025 + 1 month = Fri 28 Feb 2025\n"
        "\n"
        "Fri 28 Nov 2025 · in 14 days · Archer v. Bob  [dl-opposition]\n"
        "  Opposition to the motion for summary judgment\n"
        "  rule: S.D.N.Y. Local Civil Rule 6.1(b)\n"
        "  13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day → Fri 28 Nov 2025\n"
        "\n"
        "Mon 1 Dec 2025 · in 17 days · Chen v. Dunn  [dl-ca]\n"
        "  Opposition to the motion to compel\n"
        "  rule: Standing order\n"
        "  13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day → Fri 28 Nov 2025,\n"
        "  Day After Thanksgiving → Sat 29 Nov 2025 → Sun 30 Nov 2025 → Mon 1 Dec 2025\n"
        "\n"
        "Mon 1 Dec 2025 · in 17 days · Archer v. Bob  [dl-opposition-mailed]\n"
        "  Opposition, had the motion been mailed\n"
        "  rule: S.D.N.Y. Local Civil Rule 6.1(b)\n"
        "  13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day → Fri 28 Nov 2025; +\n"
        "  3 days, served by mail (FRCP 6(d)) = Mon 1 Dec 2025\n"
        "\n"
        "No due date · Archer v. Bob  [dl-letter-reply]\n"
        "  Reply to the letter\n"
        "  rule: Individual practices\n"
        "  no deadline: its trigger 'f-letter' is dated only to Nov 2025; FRCP 6(a)\n"
        "  counts from the day of the event, and casetrack does not guess a day\n"
        "5 deadlines · happened by 14 Nov 2025, as known today\n" + NOTICE
    )
    # As it stood on 14 Nov 2025, the letter dated only to Nov 2025 was not known yet (a month
    # counts from its last day), nor the deadline counted from it.
    as_of = json.loads(ok("deadlines", "--data", data, "--as-of", "2025-11-14", "--format", "json"))
    assert [d["id"] for d in as_of] == [
        "dl-amend",
        "dl-opposition",
        "dl-ca",
        "dl-opposition-mailed",
    ]


def test_as_of_and_case_narrow_the_list(data: Path) -> None:
    out = ok("deadlines", "--data", data, "--as-of", "2025-12-22", "--case", "Chen")
    assert out == (
        "Mon 1 Dec 2025 · passed 21 days ago · Chen v. Dunn  [dl-ca]\n"
        "  Opposition to the motion to compel\n"
        "  rule: Standing order\n"
        "  13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day → Fri 28 Nov 2025,\n"
        "  Day After Thanksgiving → Sat 29 Nov 2025 → Sun 30 Nov 2025 → Mon 1 Dec 2025\n"
        "1 deadline · as of 22 Dec 2025\n" + NOTICE
    )
    # Before its trigger, a deadline is not on the record.
    ids = [
        d["id"]
        for d in json.loads(
            ok("deadlines", "--data", data, "--as-of", "2025-12-19", "--format", "json")
        )
    ]
    assert "dl-show-cause" not in ids
    assert "dl-show-cause" in [
        d["id"]
        for d in json.loads(
            ok("deadlines", "--data", data, "--as-of", "2025-12-20", "--format", "json")
        )
    ]
    empty = ok("deadlines", "--data", data, "--as-of", "2025-01-01")
    assert empty == "No deadlines on record.\n0 deadlines · as of 1 Jan 2025\n" + NOTICE


def test_deadlines_json(data: Path) -> None:
    items = json.loads(ok("deadlines", "--data", data, "--as-of", "2025-12-22", "--format", "json"))
    assert [i["id"] for i in items] == [
        "dl-amend",
        "dl-opposition",
        "dl-ca",
        "dl-opposition-mailed",
        "dl-show-cause",
        "dl-letter-reply",
    ]
    show_cause = items[4]
    assert {k: v for k, v in show_cause.items() if k != "steps"} == {
        "id": "dl-show-cause",
        "case": "ny-case",
        "title": "Response to the order to show cause",
        "from": "ev-order",
        "trigger_date": "2025-12-20",
        "period": "5 days",
        "service": "electronic",
        "rule": "The order of 20 Dec 2025",
        "state": "NY",
        "state_from": "the court, U.S. District Court for the Southern District of New York",
        "due": "2025-12-29",
        "days_away": 7,
        "computation": (
            "20 Dec 2025 + 5 days = Thu 25 Dec 2025, Christmas Day → Fri 26 Dec 2025, Day After "
            "Christmas → Sat 27 Dec 2025 → Sun 28 Dec 2025 → Mon 29 Dec 2025"
        ),
        "no_deadline": None,
        "questions": [],
        "sources": ["s-docket"],
        "notes": None,
    }
    assert [s["rule"] for s in show_cause["steps"]] == [
        "FRCP 6(a)(1)(A)",
        "FRCP 6(a)(1)(B)-(C)",
        "FRCP 6(a)(1)(C), 6(a)(6)(A)",
        "FRCP 6(a)(1)(C), 6(a)(6)(B)",
        "FRCP 6(a)(1)(C)",
        "FRCP 6(a)(1)(C)",
        "FRCP 6(a)(1)(C)",
        "FRCP 6(d)",
    ]
    partial = items[5]
    assert (partial["due"], partial["computation"], partial["steps"]) == (None, None, [])
    assert partial["no_deadline"].startswith("its trigger 'f-letter' is dated only to Nov 2025")
    assert items[2]["state"] == "CA" and items[2]["state_from"] == "the case"


def test_deadlines_csv_and_markdown(data: Path) -> None:
    text = ok(
        "deadlines", "--data", data, "--as-of", "2025-11-14", "--case", "ny-case", "--format", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[1] == {
        "id": "dl-opposition",
        "due": "2025-11-28",
        "days_away": "14",
        "case": "ny-case",
        "title": "Opposition to the motion for summary judgment",
        "rule": "S.D.N.Y. Local Civil Rule 6.1(b)",
        "computation": "13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day → Fri 28 Nov 2025",
        "no_deadline": "",
    }
    md = ok(
        "deadlines",
        "--data",
        data,
        "--as-of",
        "2025-11-14",
        "--case",
        "Chen",
        "--format",
        "markdown",
    )
    assert md == (
        "| Due | When | What | Case | Rule | Count |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| Mon 1 Dec 2025 | in 17 days | Opposition to the motion to compel | Chen v. Dunn "
        "| Standing order | 13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day → Fri 28 "
        "Nov 2025, Day After Thanksgiving → Sat 29 Nov 2025 → Sun 30 Nov 2025 → Mon 1 Dec 2025 |\n"
        "\n"
        "A computed deadline is arithmetic on the rule and period given in the data, counted as "
        "FRCP 6(a) counts; it is not legal advice. Check every deadline against the rules and any "
        "order in the case.\n"
    )


def test_explain_prints_every_step(data: Path) -> None:
    assert ok("deadlines", "--data", data, "--explain", "dl-opposition-mailed") == (
        "Opposition, had the motion been mailed  (dl-opposition-mailed)\n"
        "Case     Archer v. Bob\n"
        "Trigger  Bob Corp moves for summary judgment (f-msj), 13 Nov 2025\n"
        "Period   14 days\n"
        "Rule     S.D.N.Y. Local Civil Rule 6.1(b) (as the data gives it)\n"
        "State    New York (NY), from the court, U.S. District Court for the Southern\n"
        "         District of New York\n"
        "\n"
        "1. Thu 13 Nov 2025: the day of the event that triggers the period. It is not\n"
        "   counted. [FRCP 6(a)(1)(A)]\n"
        "2. Fri 14 Nov 2025 to Thu 27 Nov 2025: 14 days counted, every day included\n"
        "   (Saturdays, Sundays and legal holidays too). The last day is included. [FRCP\n"
        "   6(a)(1)(B)-(C)]\n"
        "3. Thu 27 Nov 2025 is Thanksgiving Day, a federal legal holiday: the period runs\n"
        "   on to the next day. [FRCP 6(a)(1)(C), 6(a)(6)(A)]\n"
        "4. Fri 28 Nov 2025 is not a Saturday, Sunday or legal holiday in New York: the\n"
        "   period ends on it. [FRCP 6(a)(1)(C)]\n"
        "5. The paper was served by mail (FRCP 5(b)(2)(C)): 3 days are added after the\n"
        "   period would otherwise end, Fri 28 Nov 2025 + 3 days = Mon 1 Dec 2025. [FRCP\n"
        "   6(d)]\n"
        "6. Mon 1 Dec 2025 is not a Saturday, Sunday or legal holiday in New York: the\n"
        "   period ends on it. [FRCP 6(a)(1)(C)]\n"
        "\n"
        "Due: Mon 1 Dec 2025. The last day ends at midnight in the court's time zone for\n"
        "electronic filing, or when the clerk's office is scheduled to close for filing\n"
        "by other means (FRCP 6(a)(4)).\n"
        "In one line: 13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day → Fri 28\n"
        "Nov 2025; + 3 days, served by mail (FRCP 6(d)) = Mon 1 Dec 2025\n"
        "\n" + NOTICE
    )


def test_explain_a_deadline_without_a_day_and_an_unknown_id(data: Path) -> None:
    out = ok("deadlines", "--data", data, "--explain", "dl-letter-reply")
    assert out.splitlines()[8:10] == [
        "No deadline: its trigger 'f-letter' is dated only to Nov 2025; FRCP 6(a) counts",
        "from the day of the event, and casetrack does not guess a day.",
    ]
    result = run("deadlines", "--data", data, "--explain", "dl-opositon")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: no deadline has the id 'dl-opositon'; did you mean 'dl-opposition'?\n",
    )
    steps = ok("deadlines", "--data", data, "--explain", "dl-amend", "--format", "csv")
    assert steps.splitlines()[:3] == [
        "step,date,text,rule",
        "1,2025-01-31,Fri 31 Jan 2025: the day of the event that triggers the period. It is not "
        "counted.,FRCP 6(a)(1)(A)",
        '2,2025-02-28,"Sat 1 Feb 2025 to Fri 28 Feb 2025: 1 month after 31 Jan 2025 ends on the '
        "same day of the month (Feb 2025 has no 31st, so on its last day). The last day is "
        'included.",FRCP 6(a)(1)(B)-(C)',
    ]


def test_computed_deadlines_in_the_timeline_and_upcoming(data: Path) -> None:
    timeline = ok(
        "timeline",
        "--data",
        data,
        "--from",
        "2025-11-20",
        "--to",
        "2025-11-30",
        "--happened-by",
        "2025-11-20",
    )
    assert timeline == (
        "2025\n"
        " November 2025\n"
        "  Nov 2025         A letter known only to its month\n"
        "                   letter · Archer v. Bob\n"
        "\n"
        "  28 Nov 2025      computed deadline: Opposition to the motion for summary\n"
        "                   judgment\n"
        "                   computed-deadline · Archer v. Bob\n"
        "                   13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day →\n"
        "                   Fri 28 Nov 2025. Rule: S.D.N.Y. Local Civil Rule 6.1(b).\n"
        "2 entries · happened by 20 Nov 2025, as known today\n"
    )
    upcoming = ok("upcoming", "--data", data, "--as-of", "2025-11-20", "--case", "ny-case")
    assert upcoming == (
        "Date         When        What                                      Case\n"
        "--------------------------------------------------------------------------------\n"
        "28 Nov 2025  in 8 days   (computed deadline) Opposition to the     Archer v. Bob\n"
        "                         motion for summary judgment\n"
        "\n"
        "1 Dec 2025   in 11 days  (computed deadline) Opposition, had the   Archer v. Bob\n"
        "                         motion been mailed\n"
        "as of 20 Nov 2025\n"
    )
    kinds = ok("timeline", "--data", data, "--kind", "computed-deadline", "--format", "csv")
    assert [r["id"] for r in csv.DictReader(io.StringIO(kinds))] == [
        "dl-amend",
        "dl-opposition",
        "dl-ca",
        "dl-opposition-mailed",
        "dl-show-cause",
    ]


def test_case_shows_its_deadlines(data: Path) -> None:
    out = ok("case", "Chen v. Dunn", "--data", data, "--as-of", "2025-11-20")
    assert out == (
        "Chen v. Dunn  (ca-case)\n"
        "Claims  no claims\n"
        "Last    13 Nov 2025: Dunn moves to compel\n"
        "Next    1 Dec 2025: (computed deadline) Opposition to the motion to compel\n"
        "\n"
        "Deadlines (computed)\n"
        "Mon 1 Dec 2025 · in 11 days · Chen v. Dunn  [dl-ca]\n"
        "  Opposition to the motion to compel\n"
        "  rule: Standing order\n"
        "  13 Nov 2025 + 14 days = Thu 27 Nov 2025, Thanksgiving Day → Fri 28 Nov 2025,\n"
        "  Day After Thanksgiving → Sat 29 Nov 2025 → Sun 30 Nov 2025 → Mon 1 Dec 2025\n"
        + NOTICE
        + "as of 20 Nov 2025\n"
    )
    item = json.loads(ok("case", "ca-case", "--data", data, "--format", "json"))
    assert [d["id"] for d in item["deadlines"]] == ["dl-ca"]


def test_calendar_and_web_page_mark_computed_deadlines(data: Path) -> None:
    ics = ok(
        "export", "ics", "--data", data, "--kind", "computed-deadline", "--as-of", "2025-12-31"
    )
    event = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")}[
        "dl-show-cause@casetrack"
    ]
    assert (
        str(event["SUMMARY"])
        == "Computed deadline: Response to the order to show cause — Archer v. Bob"
    )
    assert event.decoded("DTSTART") == dt.date(2025, 12, 29)
    assert str(event["DESCRIPTION"]).splitlines()[:6] == [
        "20 Dec 2025 + 5 days = Thu 25 Dec 2025, Christmas Day → Fri 26 Dec 2025, Day After "
        "Christmas → Sat 27 Dec 2025 → Sun 28 Dec 2025 → Mon 29 Dec 2025. Rule: The order of 20 "
        "Dec 2025.",
        "",
        "Case: Archer v. Bob Corp",
        "Date: 29 Dec 2025",
        "Kind: deadline, computed-deadline",
        "A computed deadline is arithmetic on the rule and period given in the data, counted as "
        "FRCP 6(a) counts; it is not legal advice. Check every deadline against the rules and any "
        "order in the case.",
    ]
    html = ok(
        "export", "html", "--data", data, "--kind", "computed-deadline", "--as-of", "2025-12-31"
    )
    assert '<span class="flag computed">Computed deadline</span>' in html
    assert (
        '<p class="summary">20 Dec 2025 + 5 days = Thu 25 Dec 2025, Christmas Day → Fri 26 Dec '
        "2025, Day After Christmas → Sat 27 Dec 2025 → Sun 28 Dec 2025 → Mon 29 Dec 2025. Rule: "
        "The order of 20 Dec 2025.</p>"
    ) in html
    assert "it is not legal advice" in html


def test_validate_reports_deadlines_that_cannot_be_counted(
    make_dataset: MakeDataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = dict(FILES)
    files["deadlines.yaml"] = """
        deadlines:
          - id: dl-unknown
            title: From nowhere
            from: f-msk
            period: 14 days
            rule: A rule
            sources: [s-docket]
          - id: dl-bad-period
            title: Unreadable period
            from: f-msj
            period: 14 business days
            rule: A rule
            sources: [s-docket]
          - id: dl-party
            title: From a party
            from: sdny
            period: 14 days
            rule: A rule
            sources: [s-docket]
          - id: dl-month
            title: From a month
            from: f-letter
            period: 7 days
            rule: A rule
    """
    monkeypatch.chdir(make_dataset(files))
    result = run("validate", "--data", ".")
    assert (result.exit_code, result.stdout.splitlines()) == (
        1,
        [
            "deadlines.yaml:4:11: deadline 'dl-unknown' names unknown filing or event 'f-msk' "
            "(did you mean 'f-msj'?)",
            "deadlines.yaml:11:13: deadline 'dl-bad-period': period: '14 business days' is not a "
            "period casetrack counts: since 2009 FRCP 6(a) counts every day, so write calendar "
            "days, e.g. '14 days'",
            "deadlines.yaml:16:11: deadline 'dl-party': 'sdny' is a party, but from must name a "
            "filing or event",
            "deadlines.yaml:20:9: deadline 'dl-month' has no source; list where it comes from "
            "under 'sources'",
            "deadlines.yaml:22:11: warning: deadline 'dl-month' gives no due date: its trigger "
            "'f-letter' is dated only to Nov 2025; FRCP 6(a) counts from the day of the event, and "
            "casetrack does not guess a day",
            "2 files, 12 records: 4 errors, 1 warning",
        ],
    )


def test_validate_warns_when_the_courts_state_would_decide(
    make_dataset: MakeDataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "data.yaml": """
            sources:
              - id: s
                kind: docket
                title: Docket
            cases:
              - id: c
                caption: A v. B
                sources: [s]
            filings:
              - id: f
                case: c
                date: 2026-01-29
                kind: motion
                title: Motion
                sources: [s]
            deadlines:
              - id: dl
                title: Opposition
                from: f
                period: 14 days
                rule: Local rule
                sources: [s]
        """
    }
    monkeypatch.chdir(make_dataset(files))
    result = run("validate", "--data", ".")
    assert (result.exit_code, result.stdout) == (
        0,
        "data.yaml:17:9: warning: deadline 'dl' may move: Thu 12 Feb 2026 is a holiday in "
        "some states (Lincoln's Birthday in CT, IA, IL, NJ, NY), and case 'c' names no state and "
        "no district court that says one; add `state:` to the case (e.g. state: NY)\n"
        "1 file, 4 records: 0 errors, 1 warning\n",
    )
    bad_state = {
        "data.yaml": files["data.yaml"].replace(
            "caption: A v. B", "caption: A v. B\n                state: New York"
        )
    }
    monkeypatch.chdir(make_dataset(bad_state))
    result = run("validate", "--data", ".")
    assert result.stdout.splitlines()[0] == (
        "data.yaml:8:12: case 'c': state: 'New York' is not a US state or territory with a "
        "federal court; write its two-letter postal code, e.g. NY, CA, DC"
    )


def test_the_readme_example_is_what_casetrack_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README's Deadlines section: its YAML, added to a copy of the bundled data, gives its output."""
    import re
    import shutil

    from casetrack.options import bundled_data_dir

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Deadlines") : readme.index("## JSON output")]
    yaml_text = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    shown = re.search(r"\n    \$ casetrack deadlines (.*?)\n((?:    .*\n)+)", section)
    assert yaml_text is not None and shown is not None
    copy = tmp_path / "my-copy"
    shutil.copytree(bundled_data_dir(), copy)
    (copy / "deadlines.yaml").write_text(yaml_text.group(1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = shown.group(1).split()
    expected = "".join(line[4:] + "\n" for line in shown.group(2).splitlines())
    assert ok("deadlines", *args) == expected
