"""Every sentence casetrack writes about a record, for every output: names, references to a
filing or event, allegations, what is unconfirmed or disputed, scheduled dates, ECF numbers. Four
companions word the rest the same way: `source_words` (sources), `claim_words` (claims' standing),
`deadline_words` (computed deadlines) and `date_words` (how a date, the day of a view and the
record's freshness read; a date's own words are in `dates`). The terminal, the CSV and Markdown
tables, the calendar, TimelineJS, the web page, the SQLite database and `casetrack diff` take
their words from here. Plain text in, plain text out: each output escapes for its own format,
and every text bound for an output but JSON passes `characters.clean` there. No rich and no
pydantic here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from casetrack.dataset import Dataset
from casetrack.render.source_words import source_names

if TYPE_CHECKING:
    from casetrack.entries import Entry
    from casetrack.models import Account, Case, Claim, Discrepancy, Filing, Relation

GroupBy = Literal["case", "kind"]
# The row or colour of an entry that belongs to no case (the film's release, a press statement).
NO_CASE = "Outside the cases"
COMPUTED = "computed deadline"  # the mark of a deadline casetrack counted, not one on the record
UNCONFIRMED = "Unconfirmed: reported by a single outlet and not confirmed elsewhere."

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


def a_or_an(noun: str) -> str:
    """'an order', 'a motion'."""
    return "an" if noun[:1].lower() in "aeiou" else "a"


def record_ref(dataset: Dataset, record_id: str) -> str:
    """How a sentence names a filing or event: 'the motion for summary judgment of 13 Nov 2025
    (ECF 45)', 'the conference of 3 Feb 2025'; the record's name or id for anything else. Never
    its title in mid-sentence ("in The Wayfarer parties move for ..." reads as nonsense)."""
    filing = dataset.filings.get(record_id)
    if filing is not None:
        noun = "filing" if filing.kind == "other" else kind_words(filing.kind)
        text = f"the {noun} of {filing.date.display()}"
        return text + (f" ({ecf(filing.docket_entry)})" if filing.docket_entry is not None else "")
    event = dataset.events.get(record_id)
    if event is not None:
        noun = "event" if event.kind == "other" else kind_words(event.kind)
        return f"the {noun} of {event.date.display()}"
    return record_label(dataset, record_id)


def made_by(dataset: Dataset, record_id: str) -> str:
    """Who made a change, as a sentence names it: 'an order of Lewis J. Liman (ECF 12)' for a
    filing with filers, else `record_ref`."""
    filing = dataset.filings.get(record_id)
    if filing is None or not filing.filed_by:
        return record_ref(dataset, record_id)
    noun = "filing" if filing.kind == "other" else kind_words(filing.kind)
    text = f"{a_or_an(noun)} {noun} of {join_names(party_names(dataset, filing.filed_by))}"
    return text + (f" ({ecf(filing.docket_entry)})" if filing.docket_entry is not None else "")


def group_name(dataset: Dataset, entry: Entry, group_by: GroupBy) -> str:
    """The row (TimelineJS) or colour (HTML) an entry belongs to: its case, or its kind."""
    if group_by == "kind":
        return kind_words(entry.kind)
    return case_name(dataset, entry.case) if entry.case is not None else NO_CASE


def title_for(dataset: Dataset, entries: Sequence[Entry]) -> str:
    """The title of the web page, calendar, TimelineJS and database: the dataset's own (its
    `dataset:` block), else the main case of the selection and how many others it covers. The
    main case is the one with the most entries; on a tie, the first filed, then by id."""
    about = next(iter(dataset.about.values()), None)
    if about is not None:
        return about.title
    counts: dict[str, int] = {}
    for e in entries:
        if e.case is not None:
            counts[e.case] = counts.get(e.case, 0) + 1
    if not counts:
        return "Timeline"

    def weight(case_id: str) -> tuple[int, tuple[object, ...], str]:
        c = dataset.cases.get(case_id)
        filed = c.filed.sort_key() if c is not None and c.filed is not None else (dt.date.max,)
        return (-counts[case_id], filed, case_id)

    main = min(counts, key=weight)
    others = len(counts) - 1
    more = f" and {others} other case{'s' if others != 1 else ''}" if others else ""
    return case_name(dataset, main) + more


# --- entries' own titles ----------------------------------------------------------------------


def relation_title(dataset: Dataset, case: Case, relation: Relation) -> str:
    """'Wayfarer v. Lively consolidated with Lively v. Wayfarer'."""
    own = case.short_name or case.caption
    return f"{own} {relation_words(dataset, relation)}"


def relation_words(dataset: Dataset, relation: Relation, dated: bool = False) -> str:
    """'consolidated with Lively v. Wayfarer' (dated: with its date in brackets): how `case`,
    `cases`, the timeline and `sources ID` all say a relation."""
    text = f"{kind_words(relation.kind)} {case_name(dataset, relation.case)}"
    if dated and relation.date is not None:
        text += f" ({relation.date.display()})"
    return text


def headline(e: Entry) -> str:
    """An entry's title as a one-line summary shows it (a calendar, a TimelineJS slide): an
    allegation says so first."""
    return ("Alleged: " if e.alleged_by else "") + e.title


def marked_title(e: Entry) -> str:
    """An entry's title, marked when it is a computed deadline rather than a fact on record."""
    return f"({COMPUTED}) {e.title}" if e.record == "deadline" else e.title


def dated(dataset: Dataset, e: Entry, sep: str = ": ") -> str:
    """'9 Mar 2026: Trial', with the ECF number of a filing that has one ('... (ECF 45)')."""
    mark = ecf_mark(dataset, e) if e.docket_entry is not None else ""
    return f"{e.date.display()}{sep}{marked_title(e)}" + (f" ({mark})" if mark else "")


# --- sources ----------------------------------------------------------------------------------


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
    """'Alleged by A and B in the complaint of 3 Mar 2025; denied by C.' or None for an
    established fact."""
    if not entry.alleged_by:
        return None
    text = "Alleged by " + join_names(party_names(dataset, entry.alleged_by))
    if entry.alleged_in:
        text += f" in {record_ref(dataset, entry.alleged_in)}"
    if entry.disputed_by:
        text += "; denied by " + join_names(party_names(dataset, entry.disputed_by))
    else:
        text += "; no denial recorded"
    return text + "."


def reported_by(dataset: Dataset, sources: Iterable[str]) -> str:
    """'reported by Page Six': what an unconfirmed record rests on. As of a day before that
    outlet published, a record can already be on the record (a release is public on its day,
    an allegation from its filing) with its one report still to come: it is then 'reported by a
    single outlet after this day', never 'reported by ' with no name."""
    names = source_names(dataset, sources)
    return f"reported by {names}" if names else "reported by a single outlet after this day"


def unconfirmed(dataset: Dataset, sources: Iterable[str]) -> str:
    """'reported by Page Six, not confirmed'."""
    return f"{reported_by(dataset, sources)}, not confirmed"


def as_reported(dataset: Dataset, name: str, unconfirmed: bool, sources: Iterable[str]) -> str:
    """A record's name, with '(reported by X)' when only that outlet reports it."""
    return f"{name} ({reported_by(dataset, sources)})" if unconfirmed else name


def claim_title(dataset: Dataset, claim: Claim) -> str:
    return as_reported(dataset, claim.title, claim.unconfirmed, claim.sources)


def account(dataset: Dataset, a: Account) -> str:
    """'A (Global News)': one side of a disagreement with the sources that give it, so no
    account is read as another outlet's (every output that lists accounts says this)."""
    return f"{a.says} ({source_names(dataset, a.sources)})"


def differ(dataset: Dataset, d: Discrepancy) -> str:
    """'sources differ on X: A (Global News) / B (See News)'. `about` is written to follow
    "sources differ on" ("the length of the memo", "Lively's age") and shown as written:
    changing its case would lowercase a name."""
    return f"sources differ on {d.about}: " + " / ".join(account(dataset, a) for a in d.accounts)


def differ_heading(d: Discrepancy) -> str:
    """'Sources differ on X:', above the accounts listed one by one (the exports)."""
    return f"Sources differ on {d.about}:"


# --- scheduled dates -------------------------------------------------------------------------


def schedule_note(dataset: Dataset, entry: Entry, as_of: dt.date | None = None) -> str | None:
    """'set on 9 Dec 2025 by an order of Lewis J. Liman; the date has passed': a scheduled
    date as it stood on `as_of` (its replacement only once made), or None for any other entry.
    Every output that shows a scheduled date says this, so an old page does not pass a date
    that has gone by for one still to come."""
    s = entry.scheduled
    if s is None:
        return None
    note = f"set on {s.set_on.display()}"
    if s.set_by:
        note += f" by {made_by(dataset, s.set_by)}"
    if s.replaced_on is not None and (as_of is None or s.replaced_on.earliest() <= as_of):
        note += f"; replaced on {s.replaced_on.display()}"
    if as_of is not None and entry.date.latest() < as_of:
        note += "; the date has passed"
    return note


def sentence(text: str) -> str:
    """Text with its first letter made a capital, the rest as written ('as of 9 Dec 2025' ->
    'As of 9 Dec 2025'; str.capitalize would lower 'Dec')."""
    return text[:1].upper() + text[1:]


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
    in words ('rules on the motion to dismiss of 26 Feb 2024'), never by its id."""
    labels: dict[str, str] = {}
    for fid in (*e.responds_to, *e.decides):
        f = dataset.filings.get(fid)
        if f is None:
            labels[fid] = fid
        else:
            labels[fid] = (
                ecf(f.docket_entry) if f.docket_entry is not None else record_ref(dataset, fid)
            )
    parts = []
    if e.docket_entry is not None:
        parts.append((ecf_no if long else ecf)(e.docket_entry))
    threads = ((e.responds_to, "responds to ", "→ "), (e.decides, "rules on ", "→ rules on "))
    for ids, long_words, short_words in threads:
        if ids:
            listed = join_names([labels[i] for i in ids])
            parts.append((long_words if long else short_words) + listed)
    return ("; " if long else " ").join(parts)


def docket_line(dataset: Dataset, entry: Entry) -> str | None:
    """'ECF No. 46; responds to ECF 45', or None for an entry without a docket number or thread."""
    return ecf_mark(dataset, entry, long=True) or None
