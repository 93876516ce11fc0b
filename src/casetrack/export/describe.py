"""What every export says about an entry, worded once: its case, parties, allegation, sources.

Plain text only; each renderer escapes for its own format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from casetrack import query
from casetrack.dataset import Dataset
from casetrack.entries import Entry

GroupBy = Literal["case", "kind"]
NO_CASE = "No case"


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) address without spaces or control characters, else None."""
    if url is None:
        return None
    url = url.strip()
    if not re.match(r"^https?://[^\s\x00-\x1f\x7f]+$", url, re.IGNORECASE):
        return None
    return url


def party_names(dataset: Dataset, ids: tuple[str, ...] | list[str]) -> list[str]:
    return [query.party_name(dataset, p) for p in ids]


def case_name(dataset: Dataset, case_id: str | None) -> str | None:
    """What people call the case: its short name, else its caption."""
    return query.case_name(dataset, case_id) if case_id is not None else None


def case_caption(dataset: Dataset, case_id: str | None) -> str | None:
    """The full caption with the docket number: 'Lively v. Wayfarer ... (1:24-cv-10049)'."""
    if case_id is None:
        return None
    case = dataset.cases.get(case_id)
    if case is None:
        return case_id
    return f"{case.caption} ({case.docket})" if case.docket else case.caption


def group_name(dataset: Dataset, entry: Entry, group_by: GroupBy) -> str:
    """The row (TimelineJS) or colour (HTML) an entry belongs to: its case, or its kind."""
    if group_by == "kind":
        return entry.kind.replace("-", " ")
    return case_name(dataset, entry.case) or NO_CASE


def record_label(dataset: Dataset, record_id: str | None) -> str | None:
    """A filing's or event's title, for 'alleged in ...' and 'by ...'."""
    if record_id is None:
        return None
    record = dataset.filings.get(record_id) or dataset.events.get(record_id)
    return record.title if record else record_id


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A source as exports cite it."""

    id: str
    title: str
    outlet: str | None
    published: str | None
    url: str | None

    def citation(self) -> str:
        """'Title', Outlet, 13 Feb 2025."""
        return ", ".join(x for x in (self.title, self.outlet, self.published) if x)


def sources_of(dataset: Dataset, entry: Entry) -> list[SourceRef]:
    out = []
    for sid in entry.sources:
        s = dataset.sources.get(sid)
        if s is None:
            out.append(SourceRef(sid, sid, None, None, None))
            continue
        out.append(
            SourceRef(
                id=s.id,
                title=s.title,
                outlet=s.outlet,
                published=s.published.display() if s.published else None,
                url=safe_url(s.url),
            )
        )
    return out


def source_names(dataset: Dataset, ids: tuple[str, ...] | list[str]) -> str:
    """Sources by the names readers know: the outlet, else the title."""
    names = []
    for sid in ids:
        s = dataset.sources.get(sid)
        name = (s.outlet or s.title) if s else sid
        if name not in names:
            names.append(name)
    return ", ".join(names)


def title_for(dataset: Dataset, entries: list[Entry]) -> str:
    """A heading for a selection: the cases it covers, by short name."""
    cases = sorted({e.case for e in entries if e.case})
    names = [case_name(dataset, c) or c for c in cases]
    if not names:
        return "Timeline"
    if len(names) > 3:
        return " · ".join(names[:3]) + f" and {len(names) - 3} more"
    return " · ".join(names)


def span_of(entries: list[Entry]) -> str | None:
    """'2023 to 18 May 2026': from the first entry's start to the latest end."""
    if not entries:
        return None
    first = entries[0].date.start.display()
    last_entry = max(entries, key=lambda e: e.date.latest())
    last = (last_entry.date.end or last_entry.date.start).display()
    return first if first == last else f"{first} to {last}"


def allegation_line(dataset: Dataset, entry: Entry) -> str | None:
    """'Alleged by A, B in <filing>; denied by C.' or None for an established fact."""
    if not entry.alleged_by:
        return None
    text = "Alleged by " + join_names(party_names(dataset, entry.alleged_by))
    if entry.alleged_in:
        text += f" in {record_label(dataset, entry.alleged_in)}"
    if entry.disputed_by:
        text += "; denied by " + join_names(party_names(dataset, entry.disputed_by))
    else:
        text += "; no denial recorded"
    return text + "."


def date_marks(entry: Entry) -> list[str]:
    """What a reader must know about how sure the date is: approximate, uncertain, both or none."""
    marks = []
    if entry.date.approximate:
        marks.append("approximate date")
    if entry.date.uncertain:
        marks.append("uncertain date")
    return marks


def date_line(entry: Entry) -> str:
    """The date as readers see it, saying when it is approximate or uncertain, and why."""
    text = entry.date.display()
    marks = date_marks(entry)
    if marks:
        text += f" ({', '.join(marks)})"
    if entry.date_note:
        text += f" — {entry.date_note}"
    return text


def docket_line(dataset: Dataset, entry: Entry) -> str | None:
    """'ECF No. 46; responds to ECF 45', or None for an entry without a docket number or thread."""
    from casetrack.render.rows import ecf_mark

    return ecf_mark(dataset, entry, long=True) or None


UNCONFIRMED = "Unconfirmed: reported by a single outlet and not confirmed elsewhere."


def join_names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
