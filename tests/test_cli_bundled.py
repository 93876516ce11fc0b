"""The three commands of the design card, on the bundled dataset, from any directory."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_helpers import run


def test_timeline_runs_from_any_directory(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CASETRACK_DATA", "NO_COLOR")}
    env["COLUMNS"] = "80"
    result = subprocess.run(
        [sys.executable, "-m", "casetrack", "timeline", "--as-of", "2025-02-14"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    out = result.stdout
    # As it stood then: nothing known only from later sources, such as the 19 May 2023 scene
    # the Wayfarer parties first alleged in November 2025.
    assert out.startswith("2024\n")
    assert "2023" not in out
    assert " December 2024\n" in out and " January 2025\n" in out
    # The trial as it was scheduled on 14 Feb 2025, marked as scheduled.
    assert "  9 Mar 2026       scheduled: Trial of Lively v. Wayfarer" in out
    assert "18 May 2026" not in out
    assert "ALLEGED by Blake Lively; denied by Justin Baldoni" in out
    assert "\x1b" not in out


def test_timeline_today_says_how_old_the_data_is() -> None:
    today = dt.date.today()
    items = json.loads(run("timeline", "--format", "json").stdout)
    # The terminal shows the claims the orders of 9 Jun and 31 Oct 2025 changed as one line each.
    grouped = {i["group"] for i in items if i["group"]}
    assert grouped == {
        "f-2025-06-09-order-dismissal@claims-dismissed",
        "f-2025-10-31-final-judgment@claims-judgment-for-defendant",
    }
    count = len(items) - sum(1 for i in items if i["group"]) + len(grouped)
    out = run("timeline", width=200).stdout  # wide enough for the footer to be one line
    assert out.splitlines()[-1] == (
        f"{count} entries · as of {today.day} {today:%b %Y} · latest source: 9 Dec 2025; later "
        "developments are not in the data"
    )
    assert "18 May 2026" in out


def test_party_baldoni() -> None:
    result = run("party", "Baldoni", "--as-of", "2025-12-31")
    assert (result.exit_code, result.stderr) == (0, "")
    out = result.stdout
    assert out.startswith("Justin Baldoni  (justin-baldoni, person)\n")
    assert "Lively v. Wayfarer  defendant  Bryan Freedman, Kevin Fritz" in out
    assert "Wayfarer v. Lively  plaintiff  Bryan Freedman, Kevin Fritz" in out
    assert "Claims brought (" in out and "Claims faced (" in out
    assert "Civil extortion" in out and "Sexual harassment" in out
    item = json.loads(run("party", "baldoni", "--format", "json").stdout)
    assert item["id"] == "justin-baldoni"
    assert {(r["case"], r["role"]) for r in item["roles"]} >= {
        ("lively-v-wayfarer", "defendant"),
        ("wayfarer-v-lively", "plaintiff"),
    }
    assert item["timeline"]


def test_claims_plaintiff_lively() -> None:
    result = run("claims", "--plaintiff", "Lively")
    assert (result.exit_code, result.stderr) == (0, "")
    out = result.stdout
    for title in (
        "Sexual harassment",
        "Retaliation",
        "Breach of",
        "Infliction of",
        "Invasion of",
        "Lost wages",
    ):
        assert title in out
    items = json.loads(run("claims", "--plaintiff", "Lively", "--format", "json").stdout)
    titles = " ".join(i["title"].lower() for i in items)
    for word in (
        "harassment",
        "retaliation",
        "breach of contract",
        "emotional distress",
        "privacy",
        "lost wages",
    ):
        assert word in titles
    assert all("blake-lively" in i["plaintiffs"] for i in items)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [("2025-02-14", "9 Mar 2026"), ("2025-12-10", "18 May 2026")],
)
def test_upcoming_trial_as_scheduled_then(as_of: str, expected: str) -> None:
    out = run("upcoming", "--as-of", as_of).stdout
    assert out.splitlines()[2].startswith(expected)
