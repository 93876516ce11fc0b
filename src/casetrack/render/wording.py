"""Every sentence casetrack writes about a record, for every output: names, sources, allegations,
what is unconfirmed or disputed, how sure a date is, ECF numbers, claims' standing and computed
deadlines. The terminal, the CSV and Markdown tables, the calendar, TimelineJS, the web page, the
SQLite database and `casetrack diff` take their words from here; how a date and the day of a
view read are in `date_words` (a date's own words in `dates`). Plain text in, plain text out: each output escapes for its own format, and every text
bound for an output but JSON passes `characters.clean` there. No rich and no pydantic here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from casetrack.characters import safe_url
from casetrack.claim_history import ClaimView, claim_counts
from casetrack.dataset import Dataset

if TYPE_CHECKING:
    from casetrack.counting import Count, StateQuestion
    from casetrack.deadlines import DeadlineView
    from casetrack.entries import Entry
    from casetrack.models import Case, Claim, Discrepancy, Filing, Relation, Source

GroupBy = Literal["case", "kind"]
NO_CASE = "No case"
COMPUTED = "computed deadline"  # the mark of a deadline casetrack counted, not one on the record
UNCONFIRMED = "Unconfirmed: reported by a single outlet and not confirmed elsewhere."
# Said wherever computed deadlines are shown: the command, the case, the calendar, the web page.
NOTICE = (
    "A computed deadline is arithmetic on the rule and period given in the data, counted as "
    "FRCP 6(a) counts; it is not legal advice. Check every deadline against the rules and any "
    "order in the case."
)
# FRCP 6(a)(4): when the last day ends.
LAST_DAY = (
    "The last day ends at midnight in the court's time zone for electronic filing, or when the "
    "clerk's office is scheduled to close for filing by other means (FRCP 6(a)(4))."
)

# --- names ------------------------------------------------------------------------------------


def party_name(dataset: Dataset, party_id: str) -> str:
    """A party's name, or its id when the dataset does not know it."""
    party = dataset.parties.get(party_id)
    return party.name if party else party_id


def party_names(dataset: Dataset, ids: Iterable[str]) -> list[str]:
    return [party_name(dataset, p) for p in ids]


def names(dataset: Dataset, ids: Iterable[str], limit: int | None = None) -> str:
    """Party names, joined; `limit` cuts a long list to its first names and a count."""
    listed = party_names(dataset, ids)
    if limit is not None and len(listed) > limit:
        return ", ".join(listed[:limit]) + f" and {len(listed) - limit} more"
    return ", ".join(listed)


def join_names(listed: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(listed) <= 2:
        return " and ".join(listed)
    return ", ".join(listed[:-1]) + " and " + listed[-1]


def short_party(dataset: Dataset, party_id: str) -> str:
    """A party's shortest alias (a court as 'SDNY'), else its name."""
    p = dataset.parties.get(party_id)
    if p is None:
        return party_id
    return min([p.name, *p.aliases], key=len)


def case_name(dataset: Dataset, case_id: str) -> str:
    """A case's short name (else its caption), or its id when the dataset does not know it."""
    case = dataset.cases.get(case_id)
    return (case.short_name or case.caption) if case else case_id


def case_caption(dataset: Dataset, case_id: str | None) -> str | None:
    """The full caption with the docket number: 'Lively v. Wayfarer ... (1:24-cv-10049)'."""
    if case_id is None:
        return None
    case = dataset.cases.get(case_id)
    if case is None:
        return case_id
    return f"{case.caption} ({case.docket})" if case.docket else case.caption


def record_label(dataset: Dataset, record_id: str) -> str:
    """What a record is called, whatever its type: a party's name, a case's short name, a
    filing's or event's title, ...; its id when the dataset does not know it."""
    record = dataset.get(record_id)
    for attribute in ("name", "short_name", "title", "caption"):
        value = getattr(record, attribute, None)
        if isinstance(value, str) and value:
            return value
    return record_id


def kind_words(kind: str) -> str:
    """A kind as words: 'motion-to-dismiss' -> 'motion to dismiss'."""
    return kind.replace("-", " ")


def group_name(dataset: Dataset, entry: Entry, group_by: GroupBy) -> str:
    """The row (TimelineJS) or colour (HTML) an entry belongs to: its case, or its kind."""
    if group_by == "kind":
        return kind_words(entry.kind)
    return case_name(dataset, entry.case) if entry.case is not None else NO_CASE


def title_for(dataset: Dataset, entries: Sequence[Entry]) -> str:
    """A heading for a selection: the cases it covers, by short name."""
    listed = [case_name(dataset, c) for c in sorted({e.case for e in entries if e.case})]
    if not listed:
        return "Timeline"
    if len(listed) > 3:
        return " · ".join(listed[:3]) + f" and {len(listed) - 3} more"
    return " · ".join(listed)


# --- entries' own titles ----------------------------------------------------------------------


def status_change_title(status: str, claim_title: str) -> str:
    """'Claim dismissed: Defamation'."""
    return f"Claim {kind_words(status)}: {claim_title}"


def relation_title(dataset: Dataset, case: Case, relation: Relation) -> str:
    """'Wayfarer v. Lively consolidated with Lively v. Wayfarer'."""
    own = case.short_name or case.caption
    return f"{own} {kind_words(relation.kind)} {case_name(dataset, relation.case)}"


def headline(e: Entry) -> str:
    """An entry's title as a one-line summary shows it (a calendar, a TimelineJS slide): an
    allegation says so first."""
    return ("Alleged: " if e.alleged_by else "") + e.title


def marked_title(e: Entry) -> str:
    """An entry's title, marked when it is a computed deadline rather than a fact on record."""
    return f"({COMPUTED}) {e.title}" if e.record == "deadline" else e.title


def dated(e: Entry) -> str:
    """'9 Mar 2026: Trial'."""
    return f"{e.date.display()}: {marked_title(e)}"


# --- sources ----------------------------------------------------------------------------------


def source_names(dataset: Dataset, ids: Iterable[str]) -> str:
    """Sources by the names readers know: the outlet, else the title; each once."""
    seen: dict[str, None] = {}
    for sid in ids:
        s = dataset.sources.get(sid)
        seen[(s.outlet or s.title) if s else sid] = None
    return ", ".join(seen)


def source_footnote(s: Source) -> str:
    """'Page Six, “Title” (c. 13 Feb 2025), https://...' (the terminal's footnotes)."""
    out = f"{s.outlet}, " if s.outlet else ""
    out += f"“{s.title}”"
    if s.published is not None:
        out += f" ({s.published.display()})"
    if s.url:
        out += f", {s.url}"
    return out


def source_line(s: Source) -> str:
    """'Page Six: Title (13 Feb 2025)' (a new source, in `casetrack diff`)."""
    text = f"{s.outlet}: {s.title}" if s.outlet else s.title
    return text + (f" ({s.published.display()})" if s.published else "")


def source_citations(dataset: Dataset, entry: Entry) -> list[tuple[str, str | None]]:
    """Each source of an entry as the exports cite it, 'Title, Outlet, 13 Feb 2025', with its
    address when that is safe to link."""
    out: list[tuple[str, str | None]] = []
    for sid in entry.sources:
        s = dataset.sources.get(sid)
        if s is None:
            out.append((sid, None))
            continue
        published = s.published.display() if s.published else None
        words = ", ".join(x for x in (s.title, s.outlet, published) if x)
        out.append((words, safe_url(s.url)))
    return out


def via_role(party_id: str) -> str:
    """Where a case cites a source for a party's role: 'role of lively'."""
    return f"role of {party_id}"


def via_discrepancy(about: str) -> str:
    """Where a record cites a source for one version of a disputed detail."""
    return f"sources differ: {about}"


# --- allegations, reports, disagreements ------------------------------------------------------


def allegation(dataset: Dataset, by: Sequence[str], denied_by: Sequence[str] = ()) -> str:
    """'alleged by X; denied by Y', or '' for a fact."""
    if not by:
        return ""
    text = "alleged by " + names(dataset, by)
    if denied_by:
        text += "; denied by " + names(dataset, denied_by)
    return text


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


def reported_by(dataset: Dataset, sources: Iterable[str]) -> str:
    """'reported by Page Six': what an unconfirmed record rests on."""
    return f"reported by {source_names(dataset, sources)}"


def unconfirmed(dataset: Dataset, sources: Iterable[str]) -> str:
    """'reported by Page Six, not confirmed'."""
    return f"{reported_by(dataset, sources)}, not confirmed"


def as_reported(dataset: Dataset, name: str, unconfirmed: bool, sources: Iterable[str]) -> str:
    """A record's name, with '(reported by X)' when only that outlet reports it."""
    return f"{name} ({reported_by(dataset, sources)})" if unconfirmed else name


def claim_title(dataset: Dataset, claim: Claim) -> str:
    return as_reported(dataset, claim.title, claim.unconfirmed, claim.sources)


def differ(d: Discrepancy) -> str:
    """'sources differ on X: A / B'."""
    about = d.about
    if len(about) > 1 and about[1].islower():
        about = about[0].lower() + about[1:]
    return f"sources differ on {about}: " + " / ".join(a.says for a in d.accounts)


# --- claims -----------------------------------------------------------------------------------


def status_text(view: ClaimView) -> str:
    """'dismissed (22 Jul 2025)', or the status alone when it never changed."""
    if view.change is None:
        return view.status
    return f"{view.status} ({view.change.date.display()})"


def counts_text(views: Sequence[ClaimView]) -> str:
    """'5 claims: 3 pending, 2 dismissed', or 'no claims'."""
    counts = claim_counts(views)
    if not counts:
        return "no claims"
    total = f"{len(views)} claim{'s' if len(views) != 1 else ''}"
    return f"{total}: " + ", ".join(f"{n} {status}" for status, n in counts.items())


# --- ECF numbers ------------------------------------------------------------------------------


def ecf(number: int) -> str:
    """'ECF 45', as the terminal and text say it."""
    return f"ECF {number}"


def ecf_no(number: int) -> str:
    """'ECF No. 45', as a brief cites a docket entry."""
    return f"ECF No. {number}"


def ecf_mark(dataset: Dataset, e: Entry | Filing, long: bool = False) -> str:
    """'ECF 46 → ECF 45 → rules on ECF 3' (or, long, 'ECF No. 46; responds to ECF 45; rules on
    ECF 3'), or '' for an entry without a number or thread. A filing without a number is named
    by its id."""
    labels: dict[str, str] = {}
    for fid in (*e.responds_to, *e.decides):
        f = dataset.filings.get(fid)
        labels[fid] = ecf(f.docket_entry) if f is not None and f.docket_entry is not None else fid
    parts = []
    if e.docket_entry is not None:
        parts.append((ecf_no if long else ecf)(e.docket_entry))
    threads = ((e.responds_to, "responds to ", "→ "), (e.decides, "rules on ", "→ rules on "))
    for ids, long_words, short_words in threads:
        if ids:
            listed = ", ".join(labels[i] for i in ids)
            parts.append((long_words if long else short_words) + listed)
    return ("; " if long else " ").join(parts)


def docket_line(dataset: Dataset, entry: Entry) -> str | None:
    """'ECF No. 46; responds to ECF 45', or None for an entry without a docket number or thread."""
    return ecf_mark(dataset, entry, long=True) or None


# --- computed deadlines -----------------------------------------------------------------------


def state_unknown(question: StateQuestion) -> str:
    """'the court's state is not known: Fri 28 Nov 2025 is a holiday in some states (...)'."""
    return f"the court's state is not known: {question.text()}"


def deadline_summary(count: Count, rule: str) -> str:
    """A computed deadline's summary, for every output that shows one: the count in one line,
    the rule, and what the court's state would settle."""
    summary = f"{count.line()}. Rule: {rule}."
    for question in count.questions:
        summary += f" The court's state is not known: {question.text()}."
    return summary


def count_text(v: DeadlineView) -> str:
    """The count in one line, with what it leaves open; or why there is none."""
    if v.count is None:
        return f"no deadline: {v.no_deadline}"
    text = v.count.line()
    for q in v.count.questions:
        text += f" ({state_unknown(q)})"
    return text


def where(v: DeadlineView) -> str:
    """'New York (NY), from the court, U.S. District Court ...' or 'not known'."""
    from casetrack.courts import state_name

    if v.state is None:
        return "not known: only federal holidays are counted"
    return f"{state_name(v.state)} ({v.state}), from {v.state_from}"
