"""`casetrack diff` on the README's example, in every format and between two revisions: the
bundled case before and after the order of 9 Dec 2025 that moved the trial (diff_scenarios.py),
in a real git repository."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from casetrack.loader import load
from cli_helpers import run
from diff_scenarios import trial_not_yet_moved
from git_repo import BUNDLED, commit, copy_bundled, git, isolate_git, new_repo


@pytest.fixture(autouse=True)
def _git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)


@pytest.fixture
def trial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose last commit has the bundled case before the trial was moved, and
    whose working tree has it as it is now; the working directory is the repository."""
    repo = new_repo(tmp_path / "repo")
    data = copy_bundled(repo / "data")
    trial_not_yet_moved(data)
    commit(repo, "Before the trial was moved")
    shutil.rmtree(data)
    copy_bundled(data)
    monkeypatch.chdir(repo)
    return repo


def ok(*args: str | Path) -> str:
    result = run("diff", *args)
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def head(repo: Path, rev: str = "HEAD") -> str:
    return git(repo, "rev-parse", rev).strip()


def bundled_records() -> int:
    """How many records the bundled dataset holds: 3 more than before the trial was moved."""
    return len(load(BUNDLED)[0])


# --- the moved trial ------------------------------------------------------------------------------

MOVED_TRIAL = (
    "Changes in data from HEAD to the working tree\n"
    "Records: 3 added, 1 changed.\n"
    "\n"
    "What changed in the case\n"
    " Scheduled dates\n"
    "  • Trial in Lively v. Wayfarer moved from 9 Mar 2026 to 18 May 2026 (on 9 Dec\n"
    "    2025)\n"
    " New sources\n"
    "  • KRDO (CNN): Blake Lively and Justin Baldoni's trial postponed over two\n"
    "    months by judge (9 Dec 2025)\n"
    "\n"
    "Sources: 1 added\n"
    "  added    9 Dec 2025       Blake Lively and Justin Baldoni's trial postponed\n"
    "                            over two months by judge\n"
    "                            pr-krdo-cnn\n"
    "\n"
    "Filings: 1 added\n"
    "  added    9 Dec 2025       Liman moves the trial from 9 Mar 2026 to 18 May 2026\n"
    "                            f-2025-12-09-order-trial-moved\n"
    "\n"
    "Events: 1 added, 1 changed\n"
    "  changed  9 Mar 2026       Trial of Lively v. Wayfarer and the Wayfarer suit\n"
    "                            (original date)\n"
    "                            ev-trial-2026-03-09\n"
    "                            title: … and the Wayfarer suit {+(original date)+}\n"
    "                            summary: … the March 2026 trial. {+Moved on 9 Dec\n"
    "                            2025 to 18 May 2026.+}\n"
    "                            scheduled.replaced_on: none → 9 Dec 2025\n"
    "                            scheduled.replaced_by: none → ev-trial-2026-05-18\n"
    "                            sources: added pr-krdo-cnn\n"
    "\n"
    "  added    18 May 2026      Trial of Lively v. Wayfarer (rescheduled)\n"
    "                            ev-trial-2026-05-18\n"
)


def test_the_moved_trial(trial: Path) -> None:
    assert ok("--data", "data") == MOVED_TRIAL


def test_the_readme_shows_this_example() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("```\n" + MOVED_TRIAL.split("\n")[0]) + 4
    assert readme[start : readme.index("```", start)] == MOVED_TRIAL


def test_the_moved_trial_in_markdown(trial: Path) -> None:
    assert ok("--data", "data", "--format", "markdown") == (
        "## Changes in data from HEAD to the working tree\n"
        "\n"
        "Records: 3 added, 1 changed.\n"
        "\n"
        "### What changed in the case\n"
        "\n"
        "**Scheduled dates**\n"
        "\n"
        "- Trial in Lively v. Wayfarer moved from 9 Mar 2026 to 18 May 2026 (on 9 Dec 2025)\n"
        "\n"
        "**New sources**\n"
        "\n"
        "- KRDO (CNN): Blake Lively and Justin Baldoni's trial postponed over two months by judge (9 Dec 2025)\n"
        "\n"
        "### Sources: 1 added\n"
        "\n"
        "- **added** · 9 Dec 2025 · Blake Lively and Justin Baldoni's trial postponed over two months by judge · `pr-krdo-cnn`\n"
        "\n"
        "### Filings: 1 added\n"
        "\n"
        "- **added** · 9 Dec 2025 · Liman moves the trial from 9 Mar 2026 to 18 May 2026 · `f-2025-12-09-order-trial-moved`\n"
        "\n"
        "### Events: 1 added, 1 changed\n"
        "\n"
        "- **changed** · 9 Mar 2026 · Trial of Lively v. Wayfarer and the Wayfarer suit (original date) · `ev-trial-2026-03-09`\n"
        "  - `title`: … and the Wayfarer suit **(original date)**\n"
        "  - `summary`: … the March 2026 trial. **Moved on 9 Dec 2025 to 18 May 2026.**\n"
        "  - `scheduled.replaced_on`: none → 9 Dec 2025\n"
        "  - `scheduled.replaced_by`: none → ev-trial-2026-05-18\n"
        "  - `sources`: added pr-krdo-cnn\n"
        "- **added** · 18 May 2026 · Trial of Lively v. Wayfarer (rescheduled) · `ev-trial-2026-05-18`\n"
    )


def test_the_moved_trial_in_json(trial: Path) -> None:
    n = bundled_records()
    expected: dict[str, Any] = {
        "old": {"version": "HEAD", "folder": "data", "commit": "", "records": n - 3},
        "new": {
            "version": "the working tree",
            "folder": "data",
            "commit": None,
            "records": n,
        },
        "counts": {"added": 3, "removed": 0, "renamed": 0, "changed": 1},
        "changes": [
            {
                "type": "source",
                "change": "added",
                "id": "pr-krdo-cnn",
                "old_id": None,
                "date": "2025-12-09",
                "title": "Blake Lively and Justin Baldoni's trial postponed over two months by "
                "judge",
                "fields": [],
            },
            {
                "type": "filing",
                "change": "added",
                "id": "f-2025-12-09-order-trial-moved",
                "old_id": None,
                "date": "2025-12-09",
                "title": "Liman moves the trial from 9 Mar 2026 to 18 May 2026",
                "fields": [],
            },
            {
                "type": "event",
                "change": "changed",
                "id": "ev-trial-2026-03-09",
                "old_id": None,
                "date": "2026-03-09",
                "title": "Trial of Lively v. Wayfarer and the Wayfarer suit (original date)",
                "fields": [
                    {
                        "field": "title",
                        "old": "Trial of Lively v. Wayfarer and the Wayfarer suit",
                        "new": "Trial of Lively v. Wayfarer and the Wayfarer suit (original date)",
                        "added": [],
                        "removed": [],
                        "text": "… and the Wayfarer suit {+(original date)+}",
                    },
                    {
                        "field": "summary",
                        "old": "Trial set for 9 Mar 2026 in the consolidated cases. Fox "
                        "News Digital reports both suits set for trial that day; Us "
                        "Weekly (Nov 2025) says Baldoni and Lively are both expected "
                        "to testify at the March 2026 trial.",
                        "new": "Trial set for 9 Mar 2026 in the consolidated cases. Fox "
                        "News Digital reports both suits set for trial that day; Us "
                        "Weekly (Nov 2025) says Baldoni and Lively are both expected "
                        "to testify at the March 2026 trial. Moved on 9 Dec 2025 to "
                        "18 May 2026.",
                        "added": [],
                        "removed": [],
                        "text": "… the March 2026 trial. {+Moved on 9 Dec 2025 to 18 May 2026.+}",
                    },
                    {
                        "field": "scheduled.replaced_on",
                        "old": None,
                        "new": "2025-12-09",
                        "added": [],
                        "removed": [],
                        "text": "none → 9 Dec 2025",
                    },
                    {
                        "field": "scheduled.replaced_by",
                        "old": None,
                        "new": "ev-trial-2026-05-18",
                        "added": [],
                        "removed": [],
                        "text": "none → ev-trial-2026-05-18",
                    },
                    {
                        "field": "sources",
                        "old": [
                            "src-global-news-2025-01-29",
                            "src-fox-news-2025-01",
                            "src-page-six-2025-02",
                            "src-us-weekly-2025-11",
                        ],
                        "new": [
                            "src-global-news-2025-01-29",
                            "src-fox-news-2025-01",
                            "src-page-six-2025-02",
                            "src-us-weekly-2025-11",
                            "pr-krdo-cnn",
                        ],
                        "added": ["pr-krdo-cnn"],
                        "removed": [],
                        "text": "added pr-krdo-cnn",
                    },
                ],
            },
            {
                "type": "event",
                "change": "added",
                "id": "ev-trial-2026-05-18",
                "old_id": None,
                "date": "2026-05-18",
                "title": "Trial of Lively v. Wayfarer (rescheduled)",
                "fields": [],
            },
        ],
        "developments": {
            "schedule": [
                {
                    "change": "moved",
                    "event": "ev-trial-2026-03-09",
                    "to_event": "ev-trial-2026-05-18",
                    "kind": "trial",
                    "case": "lively-v-wayfarer",
                    "title": "Trial of Lively v. Wayfarer and the Wayfarer suit (original date)",
                    "old_date": "2026-03-09",
                    "new_date": "2026-05-18",
                    "on": "2025-12-09",
                    "text": "Trial in Lively v. Wayfarer moved from 9 Mar 2026 to "
                    "18 May 2026 (on 9 Dec 2025)",
                }
            ],
            "claims": [],
            "allegations": [],
            "denials": [],
            "disagreements": [],
            "sources": [
                {
                    "id": "pr-krdo-cnn",
                    "kind": "news-report",
                    "title": "Blake Lively and Justin Baldoni's trial postponed "
                    "over two months by judge",
                    "outlet": "KRDO (CNN)",
                    "author": None,
                    "published": "2025-12-09",
                    "url": "https://krdo.com/news/2025/12/09/blake-lively-and-justin-baldonis-trial-postponed-over-two-months-by-judge/",
                    "file": None,
                    "text": "KRDO (CNN): Blake Lively and Justin Baldoni's trial "
                    "postponed over two months by judge (9 Dec 2025)",
                }
            ],
        },
    }
    expected["old"]["commit"] = head(trial)
    assert json.loads(ok("--data", "data", "--format", "json")) == expected


def test_two_revisions(trial: Path) -> None:
    n = bundled_records()
    commit(trial, "The trial moved")
    title = "Changes in data from HEAD~1 to HEAD\n"
    body = MOVED_TRIAL.split("\n", 1)[1]
    assert ok("HEAD~1..HEAD", "--data", "data") == title + body
    # Either side left out means HEAD, as in git.
    assert ok("HEAD~1..", "--data", "data") == "Changes in data from HEAD~1 to HEAD\n" + body
    assert ok("..HEAD~1", "--data", "data").startswith(
        "Changes in data from HEAD to HEAD~1\nRecords: 3 removed, 1 changed.\n"
    )
    # The working tree is now HEAD: nothing changed since.
    assert ok("--data", "data") == (
        "Changes in data from HEAD to the working tree\nNo records changed.\n"
    )
    items = json.loads(ok("main~1..main", "--data", "data", "--format", "json"))
    assert items["old"] == {
        "version": "main~1",
        "folder": "data",
        "commit": head(trial, "HEAD~1"),
        "records": n - 3,
    }
    assert items["new"] == {
        "version": "main",
        "folder": "data",
        "commit": head(trial),
        "records": n,
    }
