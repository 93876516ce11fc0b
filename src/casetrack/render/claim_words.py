"""How casetrack words a claim's standing, for every output: its status, the claims of a case
counted by status, a status change, and one line for several claims changed alike by one filing
(`Liman dismisses 7 claims of Wayfarer v. Lively: ...`). Plain text, like `wording`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from casetrack.claim_history import ClaimView, claim_counts
from casetrack.dataset import Dataset
from casetrack.render.wording import case_name, claim_title, join_names, kind_words, short_party

if TYPE_CHECKING:
    from casetrack.models import Claim


def status_change_title(status: str, claim_title: str) -> str:
    """'Claim dismissed: Defamation'."""
    return f"Claim {kind_words(status)}: {claim_title}"


def status_words(status: str) -> str:
    """A claim's status as words: 'judgment-for-defendant' -> 'judgment for defendant'."""
    return kind_words(status)


def status_text(view: ClaimView) -> str:
    """'dismissed (22 Jul 2025)', or the status alone when it never changed."""
    if view.change is None:
        return status_words(view.status)
    return f"{status_words(view.status)} ({view.change.date.display()})"


def counts_text(views: Sequence[ClaimView]) -> str:
    """'5 claims: 3 pending, 2 dismissed', or 'no claims'."""
    counts = claim_counts(views)
    if not counts:
        return "no claims"
    total = f"{len(views)} claim{'s' if len(views) != 1 else ''}"
    return f"{total}: " + ", ".join(f"{n} {status_words(s)}" for s, n in counts.items())


# What a judge does to claims (active: "Liman dismisses 7 claims of ..."), and what happens to
# them when no judge's order is behind the change ("7 claims of ... withdrawn").
_JUDGE_DOES = {
    "pending": "reinstates",
    "dismissed-with-leave": "dismisses, with leave to amend,",
    "dismissed-in-part": "dismisses in part",
    "dismissed": "dismisses",
    "judgment-for-plaintiff": "enters judgment for the plaintiffs on",
    "judgment-for-defendant": "enters judgment for the defendants on",
}
_PLAINTIFF_DOES = {"withdrawn": "withdraws", "dismissed": "dismisses"}
_HAPPENS = {
    "pending": "reinstated",
    "dismissed-with-leave": "dismissed with leave to amend",
    "judgment-for-plaintiff": "decided for the plaintiffs",
    "judgment-for-defendant": "decided for the defendants",
    "other": "changed status",
}


def changes_title(dataset: Dataset, status: str, by: str | None, claims: Sequence[Claim]) -> str:
    """One line for several claims of one case changed the same way on one day by one filing:
    'Liman dismisses 7 claims of Wayfarer v. Lively: Civil extortion, Defamation, ...' when a
    judge's filing made the change (or 'Lively withdraws 2 claims of ...' when the plaintiffs'
    own filing did), else '7 claims of Wayfarer v. Lively withdrawn: ...'."""
    what = f"{len(claims)} claims of {case_name(dataset, claims[0].case)}"
    titles = ", ".join(claim_title(dataset, c) for c in claims)
    filing = dataset.filings.get(by) if by else None
    filers = list(filing.filed_by) if filing is not None else []
    kinds = {dataset.parties[p].kind if p in dataset.parties else "" for p in filers}
    plaintiffs = {p for c in claims for p in c.plaintiffs}
    who = join_names([short_party(dataset, p) for p in filers])
    if filers and kinds <= {"judge", "court"} and status in _JUDGE_DOES:
        return f"{who} {_JUDGE_DOES[status]} {what}: {titles}"
    if filers and set(filers) <= plaintiffs and status in _PLAINTIFF_DOES:
        return f"{who} {_PLAINTIFF_DOES[status]} {what}: {titles}"
    return f"{what} {_HAPPENS.get(status, status_words(status))}: {titles}"
