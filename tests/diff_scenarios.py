"""The versions `casetrack diff` tests compare: the bundled case before and after the trial was
moved (9 Dec 2025), and the made-up case of cli_fixture with one edit of every kind."""

from __future__ import annotations

from pathlib import Path

from git_repo import drop_record, edit


def trial_not_yet_moved(data: Path) -> None:
    """The bundled dataset as it stood before the order of 9 Dec 2025 that moved the trial from
    9 Mar 2026 to 18 May 2026: without the order, its source and the new trial date."""
    events = data / "events.yaml"
    drop_record(events, "ev-trial-2026-05-18")
    drop_record(data / "filings.yaml", "f-2025-12-09-order-trial-moved")
    drop_record(data / "sources.yaml", "pr-krdo-cnn")
    edit(events, "      replaced_on: 2025-12-09\n      replaced_by: ev-trial-2026-05-18\n", "")
    edit(events, ", src-us-weekly-2025-11, pr-krdo-cnn]", ", src-us-weekly-2025-11]")
    edit(events, "the Wayfarer suit (original date)", "the Wayfarer suit")
    edit(events, " March 2026 trial. Moved on 9 Dec 2025 to 18 May 2026.", " March 2026 trial.")


def edit_every_kind(data: Path) -> None:
    """One edit of every kind to the made-up case (cli_fixture.CASE_FILES): a source renamed
    (and every citation with it) and one added, a party's description and a case's parties
    changed, a filing added and one retitled, a disagreement between sources recorded, a claim
    dismissed, a new allegation and a new denial, an event removed and a hearing moved."""
    for path in data.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("s-order", "s-court-order"))
    _append(
        data / "sources.yaml",
        """
  - id: s-tribune
    kind: news-report
    title: Judge tosses Archer's contract claim
    outlet: Tribune
    published: 2025-04-03
""",
    )
    edit(data / "parties.yaml", "An actress.", "An actress and producer.")
    edit(
        data / "cases.yaml",
        "      - party: bob-corp\n        role: defendant\n",
        "      - party: bob-corp\n        role: defendant\n      - party: dave\n        role: defendant\n",
    )
    filings = data / "filings.yaml"
    edit(filings, "Bob Corp moves to dismiss\n", "Bob Corp moves to dismiss the contract claim\n")
    edit(
        filings,
        "    filed_by: [alice]\n    sources: [s-planet]\n",
        "    filed_by: [alice]\n    sources: [s-planet]\n    discrepancies:\n"
        "      - about: when it was filed\n        accounts:\n"
        "          - says: In the morning\n            sources: [s-planet]\n"
        "          - says: Late at night\n            sources: [s-tribune]\n",
    )
    _append(
        filings,
        """
  - id: f-order
    case: a-v-b
    date: 2025-04-02
    kind: order
    title: Order granting the motion to dismiss the contract claim
    filed_by: [judge-j]
    sources: [s-tribune]
""",
    )
    edit(
        data / "claims.yaml",
        "    sources: [s-planet]\n  - id: cl-defamation",
        "    sources: [s-planet]\n    history:\n      - status: dismissed\n"
        "        date: 2025-04-02\n        by: f-order\n        sources: [s-tribune]\n"
        "  - id: cl-defamation",
    )
    events = data / "events.yaml"
    edit(events, "denied_by: [bob-corp]", "denied_by: [bob-corp, dave]")
    edit(events, "    date: 2025-05-20\n", "    date: 2025-06-03\n")
    edit(events, "      set_on: 2025-03-06\n", "      set_on: 2025-04-02\n")
    drop_record(events, "ev-meeting")
    _append(
        events,
        """
  - id: ev-threat
    date: 2024-07
    kind: other
    title: Alleged threat in a phone call
    case: a-v-b
    parties: [alice, dave]
    sources: [s-tribune]
    alleged:
      by: [alice]
      filing: f-complaint
""",
    )


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text.lstrip("\n"), encoding="utf-8")
