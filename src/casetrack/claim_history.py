"""A claim's history: when it was raised, and its status on any day (the status of the last
change that may have come by then; before any change, pending). Pure: used by selection, checks,
the diff and every output that shows a claim.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casetrack.dataset import Dataset
    from casetrack.dates import DateSpan
    from casetrack.models import Claim, StatusChange


def claim_raised(dataset: Dataset, claim: Claim) -> DateSpan | None:
    """When a claim was raised: its own date, else the date of the filing that raised it."""
    if claim.date is not None:
        return claim.date
    filing = dataset.filings.get(claim.filing) if claim.filing else None
    return filing.date if filing else None


def claim_status(
    dataset: Dataset, claim: Claim, day: dt.date | None = None
) -> tuple[str, StatusChange | None]:
    """A claim's status on `day` (None: its latest) and the change that set it.

    The status is that of the last change whose date may have come by `day` (its earliest day is
    on or before it); before any change a claim is pending.
    """
    changes = sorted(claim.history, key=lambda c: c.date.sort_key())
    if day is not None:
        changes = [c for c in changes if c.date.earliest() <= day]
    if not changes:
        return "pending", None
    return changes[-1].status, changes[-1]


def claim_known_on(dataset: Dataset, claim: Claim, day: dt.date | None) -> bool:
    """Whether a claim had been raised by `day` (a claim of unknown date always counts)."""
    if day is None:
        return True
    raised = claim_raised(dataset, claim)
    return raised is None or raised.earliest() <= day


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim as it stood on a day: its status then and the change that set it."""

    claim: Claim
    status: str
    change: StatusChange | None
    raised: DateSpan | None


def view_claim(dataset: Dataset, claim: Claim, day: dt.date | None) -> ClaimView:
    status, change = claim_status(dataset, claim, day)
    return ClaimView(claim, status, change, claim_raised(dataset, claim))


def claim_counts(views: Iterable[ClaimView]) -> dict[str, int]:
    """How many claims have each status, most common first."""
    counts: dict[str, int] = {}
    for v in views:
        counts[v.status] = counts.get(v.status, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
