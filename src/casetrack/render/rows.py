"""Flat forms: rows of strings for CSV (ids, from the JSON records) and for display tables
(names, used by the terminal and Markdown). No rich here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from casetrack.counting import weekday
from casetrack.dataset import Dataset
from casetrack.deadlines import DeadlineView
from casetrack.ecf import ecf, ecf_no, thread_marks
from casetrack.entries import Entry
from casetrack.models import Discrepancy
from casetrack.query import ClaimView, case_name, party_name

Row = list[str]

# The CSV columns of each listing: the JSON record's keys whose values are flat (lists are
# joined with "; ").
TIMELINE_CSV = (
    "id",
    "date",
    "end",
    "approximate",
    "kind",
    "case",
    "title",
    "parties",
    "status",
    "alleged_by",
    "disputed_by",
    "unconfirmed",
    "sources",
    "docket_entry",
)
CLAIMS_CSV = (
    "id",
    "case",
    "title",
    "plaintiffs",
    "defendants",
    "status",
    "status_date",
    "damages",
    "raised",
    "unconfirmed",
    "sources",
)
PARTIES_CSV = ("id", "name", "kind", "aliases", "roles", "counsel", "member_of", "unconfirmed")
CASES_CSV = (
    "id",
    "short_name",
    "caption",
    "court",
    "docket",
    "judge",
    "filed",
    "claims",
    "last",
    "next",
)
UPCOMING_CSV = ("id", "date", "end", "days_away", "kind", "case", "title")
DEADLINES_CSV = (
    "id",
    "due",
    "days_away",
    "case",
    "title",
    "rule",
    "computation",
    "no_deadline",
)
STEPS_CSV = ("step", "date", "text", "rule")
SOURCES_CSV = ("id", "kind", "outlet", "author", "published", "title", "url")
CITED_CSV = ("type", "id", "title", "via")
SEARCH_CSV = ("type", "id", "title", "fields", "excerpt")


def flat(value: Any) -> str:
    """One CSV cell: lists joined with '; ', None empty, booleans as true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(flat(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {flat(v)}" for k, v in value.items())
    return str(value)


def csv_rows(items: Iterable[dict[str, Any]], keys: Sequence[str]) -> list[Row]:
    return [[flat(item.get(k)) for k in keys] for item in items]


def names(dataset: Dataset, ids: Iterable[str], limit: int | None = None) -> str:
    """Party names, joined; `limit` cuts a long list to its first names and a count."""
    listed = [party_name(dataset, i) for i in ids]
    if limit is not None and len(listed) > limit:
        return ", ".join(listed[:limit]) + f" and {len(listed) - limit} more"
    return ", ".join(listed)


def outlets(dataset: Dataset, source_ids: Iterable[str]) -> str:
    """The outlets behind some sources ("Page Six"), else their titles."""
    seen: dict[str, None] = {}
    for sid in source_ids:
        s = dataset.sources.get(sid)
        seen[(s.outlet or s.title) if s else sid] = None
    return ", ".join(seen)


def allegation(dataset: Dataset, e: Entry) -> str:
    """'alleged by X; denied by Y', or '' for a fact."""
    if not e.alleged_by:
        return ""
    text = "alleged by " + names(dataset, e.alleged_by)
    if e.disputed_by:
        text += "; denied by " + names(dataset, e.disputed_by)
    return text


def differ(d: Discrepancy) -> str:
    """'sources differ on X: A / B'."""
    about = d.about
    if len(about) > 1 and about[1].islower():
        about = about[0].lower() + about[1:]
    return f"sources differ on {about}: " + " / ".join(a.says for a in d.accounts)


def status_text(view: ClaimView) -> str:
    if view.change is None:
        return view.status
    return f"{view.status} ({view.change.date.display()})"


def marked_title(e: Entry) -> str:
    """An entry's title, marked when it is a computed deadline rather than a fact on record."""
    return f"(computed deadline) {e.title}" if e.record == "deadline" else e.title


def ecf_labels(dataset: Dataset, ids: Iterable[str]) -> dict[str, str]:
    """Each filing id's 'ECF n' wording, for thread marks (ids of unnumbered filings left out)."""
    out = {}
    for fid in ids:
        f = dataset.filings.get(fid)
        if f is not None and f.docket_entry is not None:
            out[fid] = ecf(f.docket_entry)
    return out


def ecf_mark(dataset: Dataset, e: Entry, long: bool = False) -> str:
    """'ECF 46 → ECF 45' (or, long, 'ECF No. 46; responds to ECF 45'), or '' for no number."""
    labels = ecf_labels(dataset, (*e.responds_to, *e.decides))
    threads = thread_marks(e.responds_to, e.decides, labels, long=long)
    own = (ecf_no if long else ecf)(e.docket_entry) if e.docket_entry is not None else ""
    return (("; " if long else " ").join(x for x in (own, threads) if x)).strip()


def timeline_display(dataset: Dataset, entries: Iterable[Entry]) -> tuple[Row, list[Row]]:
    header = ["Date", "Kind", "Case", "Title", "Who", "Status"]
    rows = []
    for e in entries:
        title = marked_title(e)
        if e.docket_entry is not None or e.responds_to or e.decides:
            title += f" ({ecf_mark(dataset, e, long=True)})"
        if e.scheduled is not None:
            title = f"(scheduled) {title}"
        if e.unconfirmed:
            title += f" (reported by {outlets(dataset, e.sources)})"
        rows.append(
            [
                e.date.display(),
                e.kind,
                case_name(dataset, e.case) if e.case else "",
                title,
                names(dataset, e.parties, limit=4),
                allegation(dataset, e) or "fact",
            ]
        )
    return header, rows


def claims_display(dataset: Dataset, views: Iterable[ClaimView]) -> tuple[Row, list[Row]]:
    header = ["Claim", "Case", "Plaintiffs", "Defendants", "Damages", "Status"]
    rows = []
    for v in views:
        c = v.claim
        title = c.title + (f" (reported by {outlets(dataset, c.sources)})" if c.unconfirmed else "")
        rows.append(
            [
                title,
                case_name(dataset, c.case),
                names(dataset, c.plaintiffs),
                names(dataset, c.defendants),
                c.damages or "",
                status_text(v),
            ]
        )
    return header, rows


def upcoming_display(
    dataset: Dataset, entries: Iterable[Entry], day: dt.date
) -> tuple[Row, list[Row]]:
    header = ["Date", "When", "What", "Case"]
    rows = [
        [
            e.date.display(),
            how_far(day, e.date.earliest()),
            marked_title(e),
            case_name(dataset, e.case) if e.case else "",
        ]
        for e in entries
    ]
    return header, rows


def deadlines_display(
    dataset: Dataset, views: Iterable[DeadlineView], day: dt.date
) -> tuple[Row, list[Row]]:
    header = ["Due", "When", "What", "Case", "Rule", "Count"]
    rows = []
    for v in views:
        due = v.due
        rows.append(
            [
                weekday(due) if due else "no due date",
                due_when(day, due) if due else "",
                v.deadline.title,
                case_name(dataset, v.case) if v.case else "",
                v.deadline.rule,
                count_text(v),
            ]
        )
    return header, rows


def count_text(v: DeadlineView) -> str:
    """The count in one line, with what it leaves open; or why there is none."""
    if v.count is None:
        return f"no deadline: {v.no_deadline}"
    text = v.count.line()
    for q in v.count.questions:
        text += f" (the court's state is not known: {q.text()})"
    return text


def steps_display(v: DeadlineView) -> tuple[Row, list[Row]]:
    header = ["Step", "Date", "What", "Rule"]
    steps = v.count.steps if v.count is not None else ()
    rows = [
        [str(i), weekday(s.day) if s.day else "", s.text, s.rule]
        for i, s in enumerate(steps, start=1)
    ]
    return header, rows


def due_when(day: dt.date, due: dt.date) -> str:
    """'in 14 days', 'due today', 'passed 3 days ago'."""
    days = (due - day).days
    if days == 0:
        return "due today"
    if days < 0:
        return f"passed {-days} day{'s' if days != -1 else ''} ago"
    return how_far(day, due)


def how_far(day: dt.date, then: dt.date) -> str:
    """'today', 'in 1 day', 'in 24 days', 'in 3 months', 'in 1 year 2 months' (or 'now' for a
    date already under way)."""
    days = (then - day).days
    if days <= 0:
        return "now" if days < 0 else "today"
    if days < 60:
        return f"in {days} day{'s' if days != 1 else ''}"
    months = (then.year - day.year) * 12 + then.month - day.month - (then.day < day.day)
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return "in " + " ".join(parts)
