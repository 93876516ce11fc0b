"""Claims changed alike, as one timeline entry: when one filing changes several claims of a case
the same way on the same day (an order dismissing a suit's seven claims), the timeline a reader
sees has one line for it ("Liman dismisses 7 claims of Wayfarer v. Lively: ...") instead of
seven that differ only in the claim's name.

Each such change keeps its own entry (`entries.build_entries`), with `group` naming the line it
belongs to: the JSON timeline, the SQLite database and `claim ID` keep one item per change, for
programs. `shown` folds the members of a group that are in a selection into that one line, for
every output people read (the terminal, CSV, Markdown, the web page, TimelineJS, the calendar).
A group whose selection holds only one change shows that change as it is.

A group's id is `<by>@claims-<status>` (the filing or event that made the change), else
`<case>@<date>-claims-<status>`: it does not depend on which claims the group holds, so a
calendar that imported it keeps the event when a claim is added to the order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from casetrack.dataset import Dataset
from casetrack.dates import DateSpan
from casetrack.knowledge import earliest_of
from casetrack.render.claim_words import changes_title
from casetrack.render.source_words import by_standing

if TYPE_CHECKING:
    from casetrack.entries import Entry

GroupKey = tuple[str | None, str | None, str, DateSpan]


def group_key(e: Entry) -> GroupKey:
    """What the changes of one line share: case, the filing behind them, kind and date."""
    return (e.case, e.by, e.kind, e.date)


def group_id(key: GroupKey) -> str:
    case, by, kind, date = key
    status = kind.removeprefix("claim-")
    if by is not None:
        return f"{by}@claims-{status}"
    day = (date.start or date.placed_at()).iso()
    return f"{case}@{day}-claims-{status}"


def mark_groups(entries: list[Entry]) -> list[Entry]:
    """The entries, each claim status change that shares its case, filing, status and day with
    another marked with the `group` it is shown in."""
    keys: dict[GroupKey, int] = {}
    for e in entries:
        if e.record == "status-change":
            keys[group_key(e)] = keys.get(group_key(e), 0) + 1
    ids = {key: group_id(key) for key, n in keys.items() if n > 1}
    if not ids:
        return entries
    return [
        dataclasses.replace(e, group=ids[group_key(e)])
        if e.record == "status-change" and group_key(e) in ids
        else e
        for e in entries
    ]


def shown(dataset: Dataset, entries: Iterable[Entry]) -> list[Entry]:
    """The entries as people read them: the members of a group in the selection as one entry,
    where the group's first member was."""
    listed = list(entries)
    members: dict[str, list[Entry]] = {}
    for e in listed:
        if e.group is not None:
            members.setdefault(e.group, []).append(e)
    if not any(len(m) > 1 for m in members.values()):
        return listed
    out: list[Entry] = []
    for e in listed:
        group = members.get(e.group) if e.group is not None else None
        if group is None or len(group) == 1:
            out.append(e)
        elif group[0] is e:
            out.append(merged(dataset, e.group or e.id, group))
    return out


def merged(dataset: Dataset, gid: str, group: Sequence[Entry]) -> Entry:
    """One entry for the changes of a group: its title says who did what to which claims."""
    first = group[0]
    claims = [dataset.claims[e.claim] for e in group if e.claim in dataset.claims]
    notes = {e.summary for e in group}
    return dataclasses.replace(
        first,
        id=gid,
        title=changes_title(dataset, first.kind.removeprefix("claim-"), first.by, claims),
        summary=notes.pop() if len(notes) == 1 else None,
        parties=tuple(dict.fromkeys(p for e in group for p in e.parties)),
        sources=tuple(by_standing(dataset, (s for e in group for s in e.sources))),
        unconfirmed=all(e.unconfirmed for e in group),
        claim=None,
        # The line is on the record once one of its changes is.
        known_since=earliest_of(*(e.known_since for e in group)),
    )
