"""Flat forms: every CSV and Markdown row of every command, and the CSV and Markdown text.

CSV rows hold ids, taken from the JSON records (`records`), so scripts can join on them; display
rows hold names and casetrack's words (`wording`), for Markdown and for the terminal's tables.
No rich here: `--format csv|markdown` never imports it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from casetrack.characters import clean
from casetrack.counting import weekday
from casetrack.dates import due_when, how_far
from casetrack.render import claim_words as cw
from casetrack.render import deadline_words, records
from casetrack.render import wording as w
from casetrack.vocabulary import RECORD_WORDS

if TYPE_CHECKING:
    from casetrack.claim_history import ClaimView
    from casetrack.dataset import Dataset
    from casetrack.deadlines import DeadlineView
    from casetrack.entries import Entry
    from casetrack.mentions import Citation, SearchHit
    from casetrack.models import Case, Filing, Party, Source

    # A case with its claims as of a day, and its last and next dates.
    Overview = tuple[Case, list[ClaimView], Entry | None, Entry | None]

Row = list[str]
Table = tuple[Sequence[str], list[Row]]

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
    "between",
    "when",
    "known_since",
    # Names beside the ids above, and the summary: added last, so columns keep their places.
    "case_name",
    "party_names",
    "alleged_by_names",
    "disputed_by_names",
    "summary",
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
DEADLINES_CSV = ("id", "due", "days_away", "case", "title", "rule", "computation", "no_deadline")
STEPS_CSV = ("step", "date", "text", "rule")
SOURCES_CSV = ("id", "kind", "outlet", "author", "published", "title", "url")
CITED_CSV = ("type", "id", "title", "via")
SEARCH_CSV = ("type", "id", "title", "fields", "excerpt", "date")


# --- CSV --------------------------------------------------------------------------------------


def cell(value: Any) -> str:
    """One CSV cell: lists joined with '; ', None empty, booleans as true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {cell(v)}" for k, v in value.items())
    return str(value)


def csv_rows(items: Iterable[dict[str, Any]], keys: Sequence[str]) -> list[Row]:
    return [[cell(item.get(k)) for k in keys] for item in items]


def csv_table(keys: Sequence[str], items: Iterable[dict[str, Any]]) -> Table:
    """The CSV of JSON records: the header, then the flat values of each."""
    return keys, csv_rows(items, keys)


def timeline_csv(dataset: Dataset, entries: Iterable[Entry]) -> Table:
    """The JSON timeline's flat fields; `when`, the date in words ('between 31 Dec 2024 and
    30 Jan 2025'), so a spreadsheet does not read a range as a span; and the names of their
    case and parties beside the ids."""
    rows = (
        {
            **records.entry(e),
            "when": e.date.display(),
            "case_name": w.case_name(dataset, e.case) if e.case else None,
            "party_names": w.party_names(dataset, e.parties),
            "alleged_by_names": w.party_names(dataset, e.alleged_by),
            "disputed_by_names": w.party_names(dataset, e.disputed_by),
        }
        for e in entries
    )
    return csv_table(TIMELINE_CSV, rows)


def cases_csv(items: Iterable[dict[str, Any]]) -> Table:
    """The cases' JSON records as CSV rows: claim counts, and the last and next dates only."""
    rows = [
        {
            **item,
            "claims": item["claim_counts"],
            "last": item["last"]["date"] if item["last"] else None,
            "next": item["next"]["date"] if item["next"] else None,
        }
        for item in items
    ]
    return CASES_CSV, csv_rows(rows, CASES_CSV)


def parties_csv(items: Iterable[dict[str, Any]]) -> Table:
    """The parties' JSON records as CSV rows: roles as role@case, counsel once each."""
    rows = [
        {
            **item,
            "counsel": list(dict.fromkeys(c for r in item["roles"] for c in r["counsel"])),
            "roles": [f"{r['role']}@{r['case']}" for r in item["roles"]],
        }
        for item in items
    ]
    return PARTIES_CSV, csv_rows(rows, PARTIES_CSV)


def steps_csv(item: dict[str, Any]) -> Table:
    """A counted deadline's steps (its JSON record's), numbered from 1."""
    steps = enumerate(item["steps"], start=1)
    return STEPS_CSV, [[str(i), s["date"] or "", s["text"], s["rule"]] for i, s in steps]


# --- Markdown ---------------------------------------------------------------------------------

# What would make data markup: emphasis, code, a table cell's end, a heading, and the brackets
# of a link (`[x](y)`, `[x][y]`: a bracket alone links nothing and is left as written); HTML's
# three characters become entities.
_SPECIAL = re.compile(r"([\\`*_~|#]|\](?=[(\[]))")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown_text(text: str) -> str:
    """Data as Markdown that shows as written, on one line: never emphasis, code, a link, a
    table cell's end or HTML (`<script>` shows as written instead of running)."""
    text = _SPECIAL.sub(r"\\\1", " ".join(clean(text).split()))
    return "".join(_HTML.get(ch, ch) for ch in text)


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table, every cell `markdown_text`."""
    lines = [
        "| " + " | ".join(markdown_text(h) for h in header) + " |",
        "| " + " | ".join("---" for _ in header) + " |",
    ]
    lines.extend("| " + " | ".join(markdown_text(c) for c in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


# --- display rows (Markdown, and the terminal's tables) ---------------------------------------


def timeline_display(dataset: Dataset, entries: Iterable[Entry]) -> Table:
    header = ["Date", "Kind", "Case", "Title", "Who", "Status"]
    rows = []
    for e in entries:
        title = w.marked_title(e)
        if e.docket_entry is not None or e.responds_to or e.decides:
            title += f" ({w.ecf_mark(dataset, e, long=True)})"
        if e.scheduled is not None:
            title = f"(scheduled) {title}"
        title = w.as_reported(dataset, title, e.unconfirmed, e.sources)
        rows.append(
            [
                e.date.display(),
                e.kind,
                w.case_name(dataset, e.case) if e.case else "",
                title,
                w.names(dataset, e.parties, limit=4),
                w.allegation(dataset, e.alleged_by, e.disputed_by) or "fact",
            ]
        )
    return header, rows


def claims_display(dataset: Dataset, views: Iterable[ClaimView]) -> Table:
    header = ["Claim", "Case", "Plaintiffs", "Defendants", "Damages", "Status"]
    rows = [
        [
            w.claim_title(dataset, v.claim),
            w.case_name(dataset, v.claim.case),
            w.names(dataset, v.claim.plaintiffs),
            w.names(dataset, v.claim.defendants),
            v.claim.damages or "",
            cw.status_text(v),
        ]
        for v in views
    ]
    return header, rows


def upcoming_display(dataset: Dataset, entries: Iterable[Entry], day: dt.date) -> Table:
    header = ["Date", "When", "What", "Case"]
    rows = [
        [
            e.date.display(),
            how_far(day, e.date.earliest()),
            w.marked_title(e),
            w.case_name(dataset, e.case) if e.case else "",
        ]
        for e in entries
    ]
    return header, rows


def deadlines_display(dataset: Dataset, views: Iterable[DeadlineView], day: dt.date) -> Table:
    header = ["Due", "When", "What", "Case", "Rule", "Count"]
    rows = [
        [
            weekday(v.due) if v.due else "no due date",
            due_when(day, v.due) if v.due else "",
            v.deadline.title,
            w.case_name(dataset, v.case) if v.case else "",
            v.deadline.rule,
            deadline_words.count_text(v),
        ]
        for v in views
    ]
    return header, rows


def steps_display(v: DeadlineView) -> Table:
    header = ["Step", "Date", "What", "Rule"]
    steps = v.count.steps if v.count is not None else ()
    rows = [
        [str(i), weekday(s.day) if s.day else "", s.text, s.rule]
        for i, s in enumerate(steps, start=1)
    ]
    return header, rows


def cases_display(dataset: Dataset, overviews: Iterable[Overview]) -> Table:
    header = ["Case", "Court", "Docket", "Judge", "Claims", "Last", "Next"]
    rows = []
    for c, claims, last, following in overviews:
        name = w.as_reported(dataset, c.short_name or c.caption, c.unconfirmed, c.sources)
        rows.append(
            [
                f"{name} [{c.id}]",
                w.short_party(dataset, c.court) if c.court else "",
                c.docket or "",
                w.party_name(dataset, c.judge) if c.judge else "",
                cw.counts_text(claims),
                last.date.display() if last else "",
                following.date.display() if following else "",
            ]
        )
    return header, rows


def parties_display(dataset: Dataset, parties: Iterable[Party], sep: str = "; ") -> Table:
    """Name, kind, roles and counsel; `sep` joins the roles (a newline in a terminal)."""
    from casetrack.query import clients_of, roles_of

    header = ["Name", "Kind", "Roles", "Counsel"]
    rows = []
    for p in parties:
        roles = roles_of(dataset, p.id)
        played = sep.join(
            f"{r.role} in {w.case_name(dataset, r.case)}"
            + (f" (as {w.party_name(dataset, r.via)})" if r.via else "")
            for r in roles
        )
        clients = clients_of(dataset, p.id)
        if clients:
            who = dict.fromkeys(w.party_name(dataset, c.party) for c in clients)
            counsel = "for " + ", ".join(who)
        else:
            lawyers = dict.fromkeys(w.party_name(dataset, x) for r in roles for x in r.counsel)
            counsel = ", ".join(lawyers)
        name = w.as_reported(dataset, p.name, p.unconfirmed, p.sources)
        rows.append([name, p.kind, played, counsel])
    return header, rows


def sources_display(sources: Iterable[Source]) -> Table:
    header = ["Id", "Kind", "Outlet", "Published", "Title", "URL"]
    rows = [
        [
            s.id,
            s.kind,
            s.outlet or "",
            s.published.display() if s.published else "",
            s.title,
            s.url or "",
        ]
        for s in sources
    ]
    return header, rows


def cited_display(dataset: Dataset, cited: Iterable[Citation]) -> Table:
    header = ["Type", "Id", "Title", "Where"]
    rows = [
        [RECORD_WORDS[c.section], c.id, w.record_label(dataset, c.id), c.shown or ""] for c in cited
    ]
    return header, rows


def search_display(dataset: Dataset, hits: Iterable[SearchHit]) -> Table:
    header = ["Type", "Id", "Date", "Title", "Matched in", "Excerpt"]
    rows = [
        [
            RECORD_WORDS[h.section],
            h.id,
            h.date.display() if h.date else "",
            w.record_label(dataset, h.id),
            ", ".join(h.fields),
            h.excerpt,
        ]
        for h in hits
    ]
    return header, rows


def thread_display(thread: Iterable[Filing], current: Filing) -> Table:
    """A filing's thread, the filing itself marked ▸."""
    header = ["Date", "ECF", "Kind", "Title"]
    rows = [
        [
            f.date.display(),
            str(f.docket_entry) if f.docket_entry is not None else "",
            f.kind,
            ("▸ " if f.id == current.id else "") + f.title,
        ]
        for f in thread
    ]
    return header, rows
