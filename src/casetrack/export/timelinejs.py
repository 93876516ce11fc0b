"""Knight Lab TimelineJS3 JSON: a title slide and one event per entry, at the entry's precision.

The shape follows TimelineJS3's own reader (`src/js/core/TimelineConfig.js`, `src/js/date/TLDate.js`):
`start_date`/`end_date` carry `year`, then `month` and `day` only when the date gives them, with a
`display_date` in casetrack's wording ("c. 13 Feb 2025"); `text.headline` and `text.text` are HTML,
so every piece of data in them is escaped; `unique_id`s are already in the form TimelineJS's
`slugify` leaves unchanged, so links to a slide (`#event-<id>`) keep working; `group` puts entries
of one case (or one kind) on one row.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from casetrack.characters import safe_url
from casetrack.dataset import Dataset
from casetrack.dates import DateSpan, PartialDate
from casetrack.entries import Entry, latest_source_date
from casetrack.export.html import escape, link
from casetrack.render import date_words, source_words, wording
from casetrack.render.wording import GroupBy

if TYPE_CHECKING:
    from casetrack.knowledge import AsOf

TITLE_ID = "casetrack-title"


def render_timelinejs(
    dataset: Dataset,
    entries: Iterable[Entry],
    *,
    group_by: GroupBy = "case",
    title: str | None = None,
    asof: AsOf | None = None,
) -> str:
    """The entries as TimelineJS3 JSON text."""
    return json.dumps(
        timeline_data(dataset, entries, group_by=group_by, title=title, asof=asof),
        ensure_ascii=False,
        indent=2,
    )


def timeline_data(
    dataset: Dataset,
    entries: Iterable[Entry],
    *,
    group_by: GroupBy = "case",
    title: str | None = None,
    asof: AsOf | None = None,
) -> dict[str, Any]:
    """The TimelineJS3 data object (before JSON encoding), as the record stood on the view's
    day (`asof`)."""
    selected = list(entries)
    day = asof.day if asof is not None else None
    used = {TITLE_ID}
    events = []
    for entry in selected:
        uid = unique_id(entry.id, used)
        used.add(uid)
        event: dict[str, Any] = {
            "start_date": start_object(entry.date),
            "text": {
                "headline": escape(wording.headline(entry)),
                "text": event_html(dataset, entry, day),
            },
            "group": escape(wording.group_name(dataset, entry, group_by)),
            "unique_id": uid,
        }
        if entry.date.is_interval and entry.date.start is not None and entry.date.end is not None:
            event["end_date"] = date_object(entry.date.end)
        events.append(event)
    return {
        "title": {
            "text": {
                "headline": escape(title or wording.title_for(dataset, selected)),
                "text": title_html(dataset, selected, asof),
            },
            "unique_id": TITLE_ID,
        },
        "events": events,
        "scale": "human",
    }


def start_object(date: DateSpan) -> dict[str, Any]:
    """A slide's `start_date`: an interval's start, else the bound that places the date (one
    day within a range at its last possible day), worded as the whole date."""
    if date.is_interval and date.start is not None and date.end is not None:
        return date_object(date.start)
    return date_object(date.placed_at(), date.display())


def date_object(date: PartialDate, display: str | None = None) -> dict[str, Any]:
    """{"year", "month", "day", "display_date"} with only the parts the date knows."""
    out: dict[str, Any] = {"year": date.year}
    if date.month is not None:
        out["month"] = date.month
        if date.day is not None:
            out["day"] = date.day
    out["display_date"] = escape(display if display is not None else date.display())
    return out


def unique_id(entry_id: str, used: set[str]) -> str:
    """A slide id TimelineJS keeps as it is: lower-case letters, digits and single dashes, not
    starting with a digit; made unique with a numeric suffix."""
    slug = re.sub(r"[^a-z0-9]+", "-", entry_id.lower()).strip("-") or "entry"
    if slug[0].isdigit():
        slug = "e-" + slug
    candidate, n = slug, 2
    while candidate in used:
        candidate = f"{slug}-{n}"
        n += 1
    return candidate


def title_html(dataset: Dataset, entries: list[Entry], asof: AsOf | None = None) -> str:
    """The title slide: what the timeline holds, how allegations are marked, and how fresh it
    is."""
    about = next(iter(dataset.about.values()), None)
    described = f"<p>{escape(about.description)}</p>" if about and about.description else ""
    fresh = date_words.freshness(asof, latest_source_date(dataset))
    freshness = f"<p>{escape(wording.sentence(' · '.join(fresh)))}.</p>" if fresh else ""
    if not entries:
        return described + "<p>No entries.</p>" + freshness
    count = f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}"
    span = date_words.span_of(entries) or ""
    alleged = sum(1 for e in entries if e.alleged_by)
    if alleged == 0:
        allegations = "None is an allegation."
    elif alleged == 1:
        allegations = "1 is an allegation, marked “Alleged” with who alleges and who denies it."
    else:
        allegations = (
            f"{alleged} are allegations, marked “Alleged” with who alleges and who denies them."
        )
    return (
        f"{described}<p>{count}, {escape(span)}. {allegations}</p>{freshness}"
        "<p>Every entry names its sources. Built with casetrack.</p>"
    )


def event_html(dataset: Dataset, entry: Entry, day: dt.date | None = None) -> str:
    """The slide's body: summary, case, allegation, schedule, caveats and linked sources, all
    escaped."""
    parts: list[str] = []
    if entry.summary:
        parts.append(f"<p>{escape(entry.summary)}</p>")
    caption = wording.case_caption(dataset, entry.case)
    if caption:
        parts.append(f"<p><strong>Case:</strong> {escape(caption)}</p>")
    docket = wording.docket_line(dataset, entry)
    if docket:
        text = link(escape(docket), safe_url(entry.document_url))
        parts.append(f"<p><strong>Docket:</strong> {text}</p>")
    if entry.parties:
        names = ", ".join(wording.party_names(dataset, entry.parties))
        parts.append(f"<p><strong>Parties:</strong> {escape(names)}</p>")
    allegation = wording.allegation_line(dataset, entry)
    if allegation:
        parts.append(f"<p><strong>Allegation.</strong> {escape(allegation)}</p>")
    if entry.date.approximate or entry.date.uncertain or entry.date_note:
        parts.append(f"<p><strong>Date:</strong> {escape(date_words.date_line(entry))}</p>")
    schedule = wording.schedule_note(dataset, entry, day)
    if schedule:
        parts.append(f"<p><strong>Scheduled date:</strong> {escape(schedule)}.</p>")
    if entry.unconfirmed:
        parts.append(f"<p><em>{escape(wording.UNCONFIRMED)}</em></p>")
    for d in entry.discrepancies:
        accounts = "".join(f"<li>{escape(wording.account(dataset, a))}</li>" for a in d.accounts)
        parts.append(
            f"<p><strong>{escape(wording.differ_heading(d))}</strong></p><ul>{accounts}</ul>"
        )
    sources = source_words.source_citations(dataset, entry)
    if sources:
        items = "".join(f"<li>{link(escape(words), url)}</li>" for words, url in sources)
        parts.append(f"<p><strong>Sources:</strong></p><ul>{items}</ul>")
    return "".join(parts)
