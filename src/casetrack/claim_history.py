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


def changes_by(claim: Claim, day: dt.date | None = None) -> list[StatusChange]:
    """The claim's status changes on the record by `day` (None: all of them), in date order: each
    whose date may have come by then (its earliest day is on or before it)."""
    changes = sorted(claim.history, key=lambda c: c.date.sort_key())
    if day is not None:
        changes = [c for c in changes if c.date.earliest() <= day]
    return changes


def claim_status(
    dataset: Dataset, claim: Claim, day: dt.date | None = None
) -> tuple[str, StatusChange | None]:
    """A claim's status on `day` (None: its latest) and the change that set it: that of the
    last change on the record by then (`changes_by`); before any change a claim is pending."""
    changes = changes_by(claim, day)
    if not changes:
        return "pending", None
    return changes[-1].status, changes[-1]


def statuses_had(claim: Claim, day: dt.date | None = None) -> list[str]:
    """Every status a claim has had by `day`, in order, each once: pending (every claim is
    pending until it changes), then the status of each change on the record by then."""
    return list(dict.fromkeys(["pending", *(c.status for c in changes_by(claim, day))]))


def change_ids(claim: Claim) -> list[str]:
    """The id of each of a claim's status changes, in the order written: `<claim>@<date>-<status>`
    (with `-2`, `-3` for a repeat). Named by date and status, not position, so that inserting an
    earlier change does not rename later ones: the timeline, the calendar's UIDs and the JSON
    history all use them."""
    seen: set[str] = set()
    out = []
    for change in claim.history:
        day = (change.date.start or change.date.placed_at()).iso()
        change_id = f"{claim.id}@{day}-{change.status}"
        n = 2
        while change_id in seen:
            change_id = f"{claim.id}@{day}-{change.status}-{n}"
            n += 1
        seen.add(change_id)
        out.append(change_id)
    return out


def claim_known_on(dataset: Dataset, claim: Claim, day: dt.date | None) -> bool:
    """Whether a claim had been raised by `day` (a claim of unknown date always counts)."""
    if day is None:
        return True
    raised = claim_raised(dataset, claim)
    return raised is None or raised.earliest() <= day


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim as it stood on a day: its status then, the change that set it, and its history
    up to then (each change with its id, in date order)."""

    claim: Claim
    status: str
    change: StatusChange | None
    raised: DateSpan | None
    history: tuple[tuple[str, StatusChange], ...] = ()


def view_claim(dataset: Dataset, claim: Claim, day: dt.date | None) -> ClaimView:
    status, change = claim_status(dataset, claim, day)
    ids = {id(c): cid for c, cid in zip(claim.history, change_ids(claim), strict=True)}
    history = tuple((ids[id(c)], c) for c in changes_by(claim, day))
    return ClaimView(claim, status, change, claim_raised(dataset, claim), history)


def claim_counts(views: Iterable[ClaimView]) -> dict[str, int]:
    """How many claims have each status, most common first."""
    counts: dict[str, int] = {}
    for v in views:
        counts[v.status] = counts.get(v.status, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
