"""A diff in words: every sentence `casetrack diff` writes, once, for the terminal and Markdown.

The words come as a Report of groups of items, each a line of Segments: (role, text) pairs where
the role says how a renderer should show the text: "" plain, "dim" an id, "del" and "ins" words
taken out of and put into a long text. Dates are worded at their own precision. No rich here.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from casetrack.dataset import Dataset
from casetrack.dates import DateError, DateSpan, when
from casetrack.diff import Diff, FieldChange, RecordChange, record_date
from casetrack.models import Discrepancy, Event
from casetrack.render import source_words
from casetrack.render import wording as w
from casetrack.render.wording import case_name, party_name, record_label

if TYPE_CHECKING:
    from casetrack.developments import DateMove, Developments
    from casetrack.versions import Version

Segment = tuple[str, str]
Line = list[Segment]

SHORT = 60  # text longer than this shows as a word-level difference
CONTEXT = 4  # words kept on each side of a change
RUN = 12  # words shown of one taken-out or put-in run
HUNKS = 4  # changes shown in one text

TITLES = {
    "sources": "Sources",
    "parties": "Parties",
    "cases": "Cases",
    "filings": "Filings",
    "claims": "Claims",
    "events": "Events",
}
# How each kind of development is headed, in the order shown.
DEVELOPMENTS = {
    "schedule": "Scheduled dates",
    "claims": "Claims",
    "allegations": "New allegations",
    "denials": "New denials",
    "disagreements": "Sources newly differ",
    "sources": "New sources",
}


@dataclass
class Item:
    """One line of a report: for a record, its change, date and label; details below it."""

    text: Line
    change: str = ""
    date: str = ""
    ref: str = ""
    details: list[tuple[str, Line]] = field(default_factory=list)  # (field, how it changed)


@dataclass
class Group:
    title: str
    items: list[Item]


@dataclass
class Report:
    title: str
    summary: str
    developments: list[Group]
    records: list[Group]


def report(diff: Diff, devs: Developments, old: Version, new: Version) -> Report:
    """The whole diff in words."""
    counts = counts_text(diff.changes)
    summary = f"Records: {counts}." if counts else "No records changed."
    return Report(heading(old, new), summary, _developments(diff, devs), _records(diff))


def heading(old: Version, new: Version) -> str:
    """'Changes in data from HEAD to the working tree', or between two folders."""
    if old.commit is None:
        return f"Changes from {old.label} to {new.label}"
    return f"Changes in {old.folder} from {old.label} to {new.label}"


def counts_text(changes: Iterable[RecordChange]) -> str:
    """'2 added, 1 removed, 1 renamed, 3 changed' (only the kinds there are)."""
    counts: dict[str, int] = {"added": 0, "removed": 0, "renamed": 0, "changed": 0}
    for c in changes:
        counts[c.change] += 1
    return ", ".join(f"{n} {what}" for what, n in counts.items() if n)


# --- records ----------------------------------------------------------------------------------


def _records(diff: Diff) -> list[Group]:
    groups: list[Group] = []
    for section, title in TITLES.items():
        changes = [c for c in diff.changes if c.section == section]
        if changes:
            items = [_record(diff, c) for c in changes]
            groups.append(Group(f"{title}: {counts_text(changes)}", items))
    return groups


def _record(diff: Diff, c: RecordChange) -> Item:
    dataset = diff.old if c.new is None else diff.new
    date = _record_date(c, dataset)
    label = record_label(dataset, c.id)
    ref = f"{c.old_id} → {c.id}" if c.old_id else c.id
    details = [(f.field, field_words(diff, f)) for f in c.fields]
    return Item([("", label)], c.change, date, ref, details)


def _record_date(c: RecordChange, dataset: Dataset) -> str:
    date = record_date(c.record, dataset)
    return date.display() if date is not None else ""


def field_words(diff: Diff, f: FieldChange) -> Line:
    """How a field changed: 'old → new', the items added to and removed from a list, or the
    words taken out of and put into a long text."""
    if f.kind == "list":
        return _list(diff, f)
    long = isinstance(f.old, str) and isinstance(f.new, str) and max(len(f.old), len(f.new)) > SHORT
    if f.kind == "text" and long:
        return word_diff(f.old, f.new)
    return [("", f"{_value(f.old, f.kind)} → {_value(f.new, f.kind)}")]


def _value(value: Any, kind: str) -> str:
    """One field's value in words: a date at its precision, text quoted and cut short."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if kind == "date" and isinstance(value, str):
        try:
            return DateSpan.parse(value).display()
        except DateError:
            return value
    if isinstance(value, str) and kind == "text":
        return f"“{_cut(value, SHORT)}”"
    return str(value)


def _cut(text: str, limit: int) -> str:
    flat_text = " ".join(text.split())
    return flat_text if len(flat_text) <= limit else flat_text[: limit - 1].rstrip() + "…"


def _list(diff: Diff, f: FieldChange) -> Line:
    name = f.field.rsplit(".", 1)[-1]
    parts = []
    if f.added:
        parts.append("added " + "; ".join(_item(diff, name, x) for x in f.added))
    if f.removed:
        parts.append("removed " + "; ".join(_item(diff, name, x) for x in f.removed))
    return [("", "; ".join(parts) if parts else "reordered")]


def _item(diff: Diff, name: str, value: Any) -> str:
    """One item of a list field: a party by name, a status change, a role, a relation, ..."""
    if isinstance(value, str):
        return _name(diff, value)
    if not isinstance(value, dict):
        return str(value)
    if name == "history" and "status" in value:
        when = _when(value.get("date"))
        return f"{str(value['status']).replace('-', ' ')}{' ' + when if when else ''}"
    if name == "parties" and "party" in value:
        text = f"{_name(diff, value['party'])} as {value.get('role', '?')}"
        counsel = value.get("counsel") or []
        return text + (
            f" (counsel: {', '.join(_name(diff, c) for c in counsel)})" if counsel else ""
        )
    if name == "relations" and "case" in value:
        kind = str(value.get("kind", "related-to")).replace("-", " ")
        return f"{kind} {case_name(diff.new, value['case'])}"
    if name == "discrepancies" and "about" in value:
        from casetrack.validation import validate

        found = validate(Discrepancy, value)
        assert isinstance(found, Discrepancy)
        return w.differ(diff.new, found)
    return ", ".join(f"{k}: {v}" for k, v in value.items())


def _name(diff: Diff, value: str) -> str:
    """A party's name for its id; anything else (a source id, an alias) as it is."""
    for dataset in (diff.new, diff.old):
        if value in dataset.parties:
            return party_name(dataset, value)
    return value


def _when(edtf: Any) -> str:
    """'on 9 Dec 2025', 'in Jan 2025', 'in 2025', 'between ... and ...' for a date as written."""
    if not isinstance(edtf, str):
        return ""
    try:
        return when(DateSpan.parse(edtf))
    except DateError:
        return edtf


def word_diff(old: str, new: str) -> Line:
    """The words taken out of and put into a long text, with a few words around each change;
    long runs and many changes are cut short."""
    a, b = old.split(), new.split()
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out: Line = []
    shown = 0
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "equal":
            shown += 1
            if i2 > i1:
                out.append(("del", _run(a[i1:i2])))
            if j2 > j1:
                out.append(("ins", _run(b[j1:j2])))
            continue
        words = a[i1:i2]
        left = sum(1 for op in ops[n:] if op[0] != "equal") if shown == HUNKS else 0
        head = words[:CONTEXT] if n > 0 else []
        tail = words[-CONTEXT:] if n < len(ops) - 1 and not left else []
        if len(words) <= len(head) + len(tail):
            out.append(("", " ".join(words)))
        else:
            out.extend([("", " ".join(head))] if head else [])
            out.append(("", "…"))
            out.extend([("", " ".join(tail))] if tail else [])
        if left:
            out.append(("", f"and {left} more change{'s' if left != 1 else ''}"))
            break
    return _spaced(out)


def _run(words: Sequence[str]) -> str:
    if len(words) <= RUN:
        return " ".join(words)
    return " ".join(words[: RUN - 2]) + f" … ({len(words) - RUN + 2} more words)"


def _spaced(segments: Line) -> Line:
    """Segments with a space between neighbours (none around the joins of an ellipsis)."""
    out: Line = []
    for i, (role, text) in enumerate(segments):
        if i:
            out.append(("", " "))
        out.append((role, text))
    return out


def plain(line: Line) -> str:
    """A line as plain text, taken-out words as [-words-] and put-in ones as {+words+}."""
    marks = {"del": ("[-", "-]"), "ins": ("{+", "+}")}
    return "".join(
        f"{marks[role][0]}{text}{marks[role][1]}" if role in marks else text for role, text in line
    )


# --- developments -----------------------------------------------------------------------------


def _developments(diff: Diff, devs: Developments) -> list[Group]:
    found = development_items(diff, devs)
    return [Group(DEVELOPMENTS[k], items) for k, items in found.items() if items]


def development_items(diff: Diff, devs: Developments) -> dict[str, list[Item]]:
    """Each kind of development (the keys of DEVELOPMENTS) as items, one for each."""
    new = diff.new
    found: dict[str, list[Item]] = {
        "schedule": [_moved(new, m) for m in devs.schedule],
        "claims": [
            Item(
                [
                    (
                        "",
                        f"{m.claim.title} ({case_name(new, m.claim.case)}): "
                        f"{_status(m.old_status)} → {_status(m.new_status)}"
                        + (f" ({when(m.change.date)})" if m.change is not None else ""),
                    )
                ],
                ref=m.claim.id,
            )
            for m in devs.claims
        ],
        "allegations": [
            Item(
                [("", f"{a.event.date.display()}: {a.event.title}; {_alleged(new, a.event)}")],
                ref=a.event.id,
            )
            for a in devs.allegations
        ],
        "denials": [
            Item(
                [
                    (
                        "",
                        f"{d.event.date.display()}: {d.event.title}; now denied by "
                        f"{w.names(new, d.denied_by)}"
                        + (
                            f" (alleged by {w.names(new, d.event.alleged.by)})"
                            if d.event.alleged
                            else ""
                        ),
                    )
                ],
                ref=d.event.id,
            )
            for d in devs.denials
        ],
        "disagreements": [
            Item([("", f"{record_label(new, d.id)}: {w.differ(new, d.discrepancy)}")], ref=d.id)
            for d in devs.disagreements
        ],
        "sources": [Item([("", source_words.source_line(s))], ref=s.id) for s in devs.sources],
    }
    return found


def _status(status: str) -> str:
    return status.replace("-", " ")


def _alleged(dataset: Dataset, event: Event) -> str:
    a = event.alleged
    return w.allegation(dataset, a.by, a.denied_by) if a is not None else ""


def _moved(dataset: Dataset, m: DateMove) -> Item:
    """'Trial in Lively v. Wayfarer moved from 9 Mar 2026 to 18 May 2026 (on 9 Dec 2025)'."""
    e = m.event
    what = e.title if e.kind == "other" else e.kind.replace("-", " ").capitalize()
    if e.case and e.kind != "other":
        what += f" in {case_name(dataset, e.case)}"
    old = m.old_date.display() if m.old_date else "?"
    new = m.new_date.display() if m.new_date else "?"
    if m.change == "moved":
        text = f"{what} moved from {old} to {new}"
    elif m.change == "vacated":
        text = f"{what} set for {old} vacated"
    else:
        text = f"{what} scheduled for {new}"
    on = when(m.on)
    if on:
        text += f" ({'set ' if m.change == 'set' else ''}{on})"
    ref = f"{e.id} → {m.to_event.id}" if m.to_event is not None else e.id
    return Item([("", text)], ref=ref)
