"""`casetrack diff` on the made-up case of cli_fixture with one edit of every kind
(diff_scenarios.py), uncommitted in a real git repository: whole outputs in every format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cli_fixture import CASE_FILES
from cli_helpers import run
from diff_scenarios import edit_every_kind
from git_repo import commit, git, isolate_git, new_repo, write


@pytest.fixture(autouse=True)
def _git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)


@pytest.fixture
def edited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with the made-up case committed, and one edit of every kind not yet."""
    repo = new_repo(tmp_path / "repo")
    write(repo / "data", CASE_FILES)
    commit(repo, "The case")
    edit_every_kind(repo / "data")
    monkeypatch.chdir(repo)
    return repo


def ok(*args: str | Path) -> str:
    result = run("diff", *args)
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def head(repo: Path, rev: str = "HEAD") -> str:
    return git(repo, "rev-parse", rev).strip()


# --- one edit of every kind ---------------------------------------------------------------------


def test_every_kind_of_edit(edited: Path) -> None:
    assert ok("--data", "data") == (
        "Changes in data from HEAD to the working tree\n"
        "Records: 3 added, 1 removed, 1 renamed, 7 changed.\n"
        "\n"
        "What changed in the case\n"
        " Scheduled dates\n"
        "  • Hearing in Archer v. Bob moved from 20 May 2025 to 3 Jun 2025 (on 2 Apr\n"
        "    2025)\n"
        " Claims\n"
        "  • Breach of contract (Archer v. Bob): pending → dismissed (on 2 Apr 2025)\n"
        " New allegations\n"
        "  • Jul 2024: Alleged threat in a phone call; alleged by Alice Archer\n"
        " New denials\n"
        "  • c. Jun 2024: Alleged conduct on set; now denied by Dave Dunn (alleged by\n"
        "    Alice Archer)\n"
        " Sources newly differ\n"
        "  • Archer's complaint: sources differ on when it was filed: In the morning\n"
        "    (Daily Planet) / Late at night (Tribune)\n"
        " New sources\n"
        "  • Tribune: Judge tosses Archer's contract claim (3 Apr 2025)\n"
        "\n"
        "Sources: 1 added, 1 renamed\n"
        "  renamed  6 Mar 2025       Scheduling order\n"
        "                            s-order → s-court-order\n"
        "\n"
        "  added    3 Apr 2025       Judge tosses Archer's contract claim\n"
        "                            s-tribune\n"
        "\n"
        "Parties: 1 changed\n"
        "  changed                   Alice Archer\n"
        "                            alice\n"
        "                            description: “An actress.” → “An actress and\n"
        "                            producer.”\n"
        "\n"
        "Cases: 1 changed\n"
        "  changed  15 Jan 2025      Archer v. Bob\n"
        "                            a-v-b\n"
        "                            parties: added Dave Dunn as defendant\n"
        "\n"
        "Filings: 1 added, 2 changed\n"
        "  changed  15 Jan 2025      Archer's complaint\n"
        "                            f-complaint\n"
        "                            discrepancies: added sources differ on when it was\n"
        "                            filed: In the morning (Daily Planet) / Late at night\n"
        "                            (Tribune)\n"
        "\n"
        "  changed  Feb 2025         Bob Corp moves to dismiss the contract claim\n"
        "                            f-mtd\n"
        "                            title: “Bob Corp moves to dismiss” → “Bob Corp moves\n"
        "                            to dismiss the contract claim”\n"
        "\n"
        "  added    2 Apr 2025       Order granting the motion to dismiss the contract\n"
        "                            claim\n"
        "                            f-order\n"
        "\n"
        "Claims: 1 changed\n"
        "  changed  15 Jan 2025      Breach of contract\n"
        "                            cl-contract\n"
        "                            history: added dismissed on 2 Apr 2025\n"
        "\n"
        "Events: 1 added, 1 removed, 2 changed\n"
        "  changed  c. Jun 2024      Alleged conduct on set\n"
        "                            ev-conduct\n"
        "                            alleged.denied_by: added Dave Dunn\n"
        "\n"
        "  added    Jul 2024         Alleged threat in a phone call\n"
        "                            ev-threat\n"
        "\n"
        "  removed  Jan 2025         Settlement talks\n"
        "                            ev-meeting\n"
        "\n"
        "  changed  3 Jun 2025       Hearing on the motion (moved)\n"
        "                            ev-hearing-2\n"
        "                            date: 20 May 2025 → 3 Jun 2025\n"
        "                            scheduled.set_on: 6 Mar 2025 → 2 Apr 2025\n"
    )


def test_every_kind_of_edit_in_markdown(edited: Path) -> None:
    assert ok("--data", "data", "--format", "markdown") == (
        "## Changes in data from HEAD to the working tree\n"
        "\n"
        "Records: 3 added, 1 removed, 1 renamed, 7 changed.\n"
        "\n"
        "### What changed in the case\n"
        "\n"
        "**Scheduled dates**\n"
        "\n"
        "- Hearing in Archer v. Bob moved from 20 May 2025 to 3 Jun 2025 (on 2 Apr 2025)\n"
        "\n"
        "**Claims**\n"
        "\n"
        "- Breach of contract (Archer v. Bob): pending → dismissed (on 2 Apr 2025)\n"
        "\n"
        "**New allegations**\n"
        "\n"
        "- Jul 2024: Alleged threat in a phone call; alleged by Alice Archer\n"
        "\n"
        "**New denials**\n"
        "\n"
        "- c. Jun 2024: Alleged conduct on set; now denied by Dave Dunn (alleged by Alice Archer)\n"
        "\n"
        "**Sources newly differ**\n"
        "\n"
        "- Archer's complaint: sources differ on when it was filed: In the morning (Daily Planet) / "
        "Late at night (Tribune)\n"
        "\n"
        "**New sources**\n"
        "\n"
        "- Tribune: Judge tosses Archer's contract claim (3 Apr 2025)\n"
        "\n"
        "### Sources: 1 added, 1 renamed\n"
        "\n"
        "- **renamed** · 6 Mar 2025 · Scheduling order · `s-order → s-court-order`\n"
        "- **added** · 3 Apr 2025 · Judge tosses Archer's contract claim · `s-tribune`\n"
        "\n"
        "### Parties: 1 changed\n"
        "\n"
        "- **changed** · Alice Archer · `alice`\n"
        "  - `description`: “An actress.” → “An actress and producer.”\n"
        "\n"
        "### Cases: 1 changed\n"
        "\n"
        "- **changed** · 15 Jan 2025 · Archer v. Bob · `a-v-b`\n"
        "  - `parties`: added Dave Dunn as defendant\n"
        "\n"
        "### Filings: 1 added, 2 changed\n"
        "\n"
        "- **changed** · 15 Jan 2025 · Archer's complaint · `f-complaint`\n"
        "  - `discrepancies`: added sources differ on when it was filed: In the morning (Daily Planet) "
        "/ Late at night (Tribune)\n"
        "- **changed** · Feb 2025 · Bob Corp moves to dismiss the contract claim · `f-mtd`\n"
        "  - `title`: “Bob Corp moves to dismiss” → “Bob Corp moves to dismiss the contract claim”\n"
        "- **added** · 2 Apr 2025 · Order granting the motion to dismiss the contract claim · `f-order`\n"
        "\n"
        "### Claims: 1 changed\n"
        "\n"
        "- **changed** · 15 Jan 2025 · Breach of contract · `cl-contract`\n"
        "  - `history`: added dismissed on 2 Apr 2025\n"
        "\n"
        "### Events: 1 added, 1 removed, 2 changed\n"
        "\n"
        "- **changed** · c. Jun 2024 · Alleged conduct on set · `ev-conduct`\n"
        "  - `alleged.denied_by`: added Dave Dunn\n"
        "- **added** · Jul 2024 · Alleged threat in a phone call · `ev-threat`\n"
        "- **removed** · Jan 2025 · Settlement talks · `ev-meeting`\n"
        "- **changed** · 3 Jun 2025 · Hearing on the motion (moved) · `ev-hearing-2`\n"
        "  - `date`: 20 May 2025 → 3 Jun 2025\n"
        "  - `scheduled.set_on`: 6 Mar 2025 → 2 Apr 2025\n"
    )


def test_every_kind_of_edit_in_json(edited: Path) -> None:
    expected: dict[str, Any] = {
        "old": {"version": "HEAD", "folder": "data", "commit": "", "records": 20},
        "new": {"version": "the working tree", "folder": "data", "commit": None, "records": 22},
        "counts": {"added": 3, "removed": 1, "renamed": 1, "changed": 7},
        "changes": [
            {
                "type": "source",
                "change": "renamed",
                "id": "s-court-order",
                "old_id": "s-order",
                "date": "2025-03-06",
                "title": "Scheduling order",
                "fields": [],
            },
            {
                "type": "source",
                "change": "added",
                "id": "s-tribune",
                "old_id": None,
                "date": "2025-04-03",
                "title": "Judge tosses Archer's contract claim",
                "fields": [],
            },
            {
                "type": "party",
                "change": "changed",
                "id": "alice",
                "old_id": None,
                "date": None,
                "title": "Alice Archer",
                "fields": [
                    {
                        "field": "description",
                        "old": "An actress.",
                        "new": "An actress and producer.",
                        "added": [],
                        "removed": [],
                        "text": "“An actress.” → “An actress and producer.”",
                    }
                ],
            },
            {
                "type": "case",
                "change": "changed",
                "id": "a-v-b",
                "old_id": None,
                "date": "2025-01-15",
                "title": "Archer v. Bob",
                "fields": [
                    {
                        "field": "parties",
                        "old": [
                            {"party": "alice", "role": "plaintiff", "counsel": ["carol"]},
                            {"party": "bob-corp", "role": "defendant"},
                        ],
                        "new": [
                            {"party": "alice", "role": "plaintiff", "counsel": ["carol"]},
                            {"party": "bob-corp", "role": "defendant"},
                            {"party": "dave", "role": "defendant"},
                        ],
                        "added": [{"party": "dave", "role": "defendant"}],
                        "removed": [],
                        "text": "added Dave Dunn as defendant",
                    }
                ],
            },
            {
                "type": "filing",
                "change": "changed",
                "id": "f-complaint",
                "old_id": None,
                "date": "2025-01-15",
                "title": "Archer's complaint",
                "fields": [
                    {
                        "field": "discrepancies",
                        "old": [],
                        "new": [
                            {
                                "about": "when it was filed",
                                "accounts": [
                                    {"says": "In the morning", "sources": ["s-planet"]},
                                    {"says": "Late at night", "sources": ["s-tribune"]},
                                ],
                            }
                        ],
                        "added": [
                            {
                                "about": "when it was filed",
                                "accounts": [
                                    {"says": "In the morning", "sources": ["s-planet"]},
                                    {"says": "Late at night", "sources": ["s-tribune"]},
                                ],
                            }
                        ],
                        "removed": [],
                        "text": "added sources differ on when it was filed: In the morning "
                        "(Daily Planet) / Late at night (Tribune)",
                    }
                ],
            },
            {
                "type": "filing",
                "change": "changed",
                "id": "f-mtd",
                "old_id": None,
                "date": "2025-02",
                "title": "Bob Corp moves to dismiss the contract claim",
                "fields": [
                    {
                        "field": "title",
                        "old": "Bob Corp moves to dismiss",
                        "new": "Bob Corp moves to dismiss the contract claim",
                        "added": [],
                        "removed": [],
                        "text": "“Bob Corp moves to dismiss” → “Bob Corp moves to dismiss the "
                        "contract claim”",
                    }
                ],
            },
            {
                "type": "filing",
                "change": "added",
                "id": "f-order",
                "old_id": None,
                "date": "2025-04-02",
                "title": "Order granting the motion to dismiss the contract claim",
                "fields": [],
            },
            {
                "type": "claim",
                "change": "changed",
                "id": "cl-contract",
                "old_id": None,
                "date": "2025-01-15",
                "title": "Breach of contract",
                "fields": [
                    {
                        "field": "history",
                        "old": [],
                        "new": [
                            {
                                "status": "dismissed",
                                "date": "2025-04-02",
                                "by": "f-order",
                                "sources": ["s-tribune"],
                            }
                        ],
                        "added": [
                            {
                                "status": "dismissed",
                                "date": "2025-04-02",
                                "by": "f-order",
                                "sources": ["s-tribune"],
                            }
                        ],
                        "removed": [],
                        "text": "added dismissed on 2 Apr 2025",
                    }
                ],
            },
            {
                "type": "event",
                "change": "changed",
                "id": "ev-conduct",
                "old_id": None,
                "date": "2024-06",
                "title": "Alleged conduct on set",
                "fields": [
                    {
                        "field": "alleged.denied_by",
                        "old": ["bob-corp"],
                        "new": ["bob-corp", "dave"],
                        "added": ["dave"],
                        "removed": [],
                        "text": "added Dave Dunn",
                    }
                ],
            },
            {
                "type": "event",
                "change": "added",
                "id": "ev-threat",
                "old_id": None,
                "date": "2024-07",
                "title": "Alleged threat in a phone call",
                "fields": [],
            },
            {
                "type": "event",
                "change": "removed",
                "id": "ev-meeting",
                "old_id": None,
                "date": "2025-01",
                "title": "Settlement talks",
                "fields": [],
            },
            {
                "type": "event",
                "change": "changed",
                "id": "ev-hearing-2",
                "old_id": None,
                "date": "2025-06-03",
                "title": "Hearing on the motion (moved)",
                "fields": [
                    {
                        "field": "date",
                        "old": "2025-05-20",
                        "new": "2025-06-03",
                        "added": [],
                        "removed": [],
                        "text": "20 May 2025 → 3 Jun 2025",
                    },
                    {
                        "field": "scheduled.set_on",
                        "old": "2025-03-06",
                        "new": "2025-04-02",
                        "added": [],
                        "removed": [],
                        "text": "6 Mar 2025 → 2 Apr 2025",
                    },
                ],
            },
        ],
        "developments": {
            "schedule": [
                {
                    "change": "moved",
                    "event": "ev-hearing-2",
                    "to_event": None,
                    "kind": "hearing",
                    "case": "a-v-b",
                    "title": "Hearing on the motion (moved)",
                    "old_date": "2025-05-20",
                    "new_date": "2025-06-03",
                    "on": "2025-04-02",
                    "text": "Hearing in Archer v. Bob moved from 20 May 2025 to 3 Jun "
                    "2025 (on 2 Apr 2025)",
                }
            ],
            "claims": [
                {
                    "claim": "cl-contract",
                    "case": "a-v-b",
                    "title": "Breach of contract",
                    "old_status": "pending",
                    "new_status": "dismissed",
                    "date": "2025-04-02",
                    "by": "f-order",
                    "text": "Breach of contract (Archer v. Bob): pending → dismissed "
                    "(on 2 Apr 2025)",
                }
            ],
            "allegations": [
                {
                    "event": "ev-threat",
                    "date": "2024-07",
                    "title": "Alleged threat in a phone call",
                    "case": "a-v-b",
                    "alleged_by": ["alice"],
                    "alleged_in": "f-complaint",
                    "denied_by": [],
                    "text": "Jul 2024: Alleged threat in a phone call; alleged by Alice Archer",
                }
            ],
            "denials": [
                {
                    "event": "ev-conduct",
                    "date": "2024-06",
                    "title": "Alleged conduct on set",
                    "alleged_by": ["alice"],
                    "denied_by": ["dave"],
                    "text": "c. Jun 2024: Alleged conduct on set; now denied by Dave "
                    "Dunn (alleged by Alice Archer)",
                }
            ],
            "disagreements": [
                {
                    "type": "filing",
                    "id": "f-complaint",
                    "about": "when it was filed",
                    "accounts": [
                        {"says": "In the morning", "sources": ["s-planet"]},
                        {"says": "Late at night", "sources": ["s-tribune"]},
                    ],
                    "text": "Archer's complaint: sources differ on when it was "
                    "filed: In the morning (Daily Planet) / Late at night (Tribune)",
                }
            ],
            "sources": [
                {
                    "id": "s-tribune",
                    "kind": "news-report",
                    "title": "Judge tosses Archer's contract claim",
                    "outlet": "Tribune",
                    "author": None,
                    "published": "2025-04-03",
                    "url": None,
                    "file": None,
                    "text": "Tribune: Judge tosses Archer's contract claim (3 Apr 2025)",
                }
            ],
        },
    }
    expected["old"]["commit"] = head(edited)
    assert json.loads(ok("--data", "data", "--format", "json")) == expected
