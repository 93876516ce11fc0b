"""Docket entries into filings: new ones made, known ones updated, removed ones left out.

A numbered entry is known by its ECF number; an unnumbered one by its date and text. A filing of
the case with that ECF number in another file (written by hand) is left as it is and not made
again. Ownership of fields: see `casetrack.dockets.plan`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from casetrack.dataset import Dataset
from casetrack.dockets import text as tx
from casetrack.dockets.model import Docket, Entry
from casetrack.dockets.parties import Parties
from casetrack.dockets.seen import Seen
from casetrack.dockets.yamlout import ordered

if TYPE_CHECKING:
    from casetrack.dockets.plan import Report

Raw = dict[str, list[dict[str, Any]]]
DERIVED = ("kind", "title", "filed_by", "responds_to", "decides")


def derive(
    text: str,
    number: int | None,
    ecf: dict[int, str],
    party: Callable[[str], str | None],
    judge_id: str | None,
) -> dict[str, Any]:
    """The fields the importer fills in from an entry's text."""
    if not text:
        what = f"Docket entry {number}" if number is not None else "Unnumbered docket entry"
        return {"kind": "other", "title": what, "filed_by": [], "responds_to": [], "decides": []}
    kind = tx.kind_of(text)
    refers, decides = tx.references(text, kind)
    filers = [pid for name in tx.filer_names(text) if (pid := party(name)) is not None]
    if not filers and kind in tx.RULING_KINDS and judge_id and "signed by judge" in text.casefold():
        filers = [judge_id]
    return {
        "kind": kind,
        "title": tx.title_of(text),
        "filed_by": list(dict.fromkeys(filers)),
        "responds_to": [ecf[n] for n in refers if n in ecf and n != number],
        "decides": [ecf[n] for n in decides if n in ecf and n != number],
    }


def merge_filings(
    raw: Raw,
    dataset: Dataset,
    docket: Docket,
    report: Report,
    parties: Parties,
    seen: Seen,
    case_id: str,
    source_id: str,
    judge_id: str | None,
) -> None:
    """Merge the docket's entries into raw["filings"], recording what happened in `report`."""
    filings = raw["filings"]
    by_number: dict[int, dict[str, Any]] = {}
    unnumbered: dict[str, list[dict[str, Any]]] = {}
    for r in filings:
        if not isinstance(r, dict) or r.get("case") != case_id:
            continue
        n = r.get("docket_entry")
        if isinstance(n, int):
            by_number.setdefault(n, r)
        elif r.get("docket_text"):
            unnumbered.setdefault(str(r.get("date")), []).append(r)
    in_file = {r.get("id") for r in filings if isinstance(r, dict)}
    elsewhere: dict[int, tuple[str, str]] = {}
    for fid, f in dataset.filings.items():
        if f.case == case_id and f.docket_entry is not None and fid not in in_file:
            elsewhere.setdefault(f.docket_entry, (fid, dataset.origins[fid].path))
    old_ecf = {n: str(r["id"]) for n, r in by_number.items()} | {
        n: v[0] for n, v in elsewhere.items()
    }
    new_ecf = dict(old_ecf)
    taken = parties.taken

    def new_id(base: str) -> str:
        out, k = base, 2
        while out in taken:
            out = f"{base}-{k}"
            k += 1
        taken.add(out)
        return out

    # First sort every entry into known, new, kept elsewhere or removed, so that a new entry's
    # threads can point at entries newer than itself.
    updates: list[tuple[Entry, dict[str, Any]]] = []
    news: list[tuple[Entry, str]] = []
    pending: dict[str, list[Entry]] = {}
    for e in docket.entries:
        report.entries.append(e)
        if e.number is None:
            pending.setdefault(e.date, []).append(e)
        elif e.number in by_number:
            updates.append((e, by_number[e.number]))
        elif e.number in elsewhere:
            report.elsewhere.append((e, *elsewhere[e.number]))
        elif e.number in seen.numbers:
            report.removed.append(e)
        else:
            fid = new_id(f"{case_id}-ecf-{e.number}")
            new_ecf[e.number] = fid
            news.append((e, fid))
            seen.numbers.add(e.number)
    for date, entries in pending.items():
        present = list(unnumbered.get(date, []))
        unmatched = []
        for e in entries:
            match = next((r for r in present if r.get("docket_text") == e.text), None)
            if match is None:
                unmatched.append(e)
            else:
                present.remove(match)
                updates.append((e, match))
        known = len(unnumbered.get(date, []))
        quota = max(0, seen.unnumbered.get(date, 0) - known)
        report.removed.extend(unmatched[:quota])
        fresh = unmatched[quota:]
        for _i, e in enumerate(fresh):
            k = 1
            while f"{case_id}-{date}-{k}" in taken:
                k += 1
            news.append((e, new_id(f"{case_id}-{date}-{k}")))
        if fresh:
            seen.unnumbered[date] = max(seen.unnumbered.get(date, 0), known) + len(fresh)

    def old_party(name: str) -> str | None:
        pid = parties.find(name)
        return None if pid in parties.made else pid

    # Derived fields can only move when the text changed, or when new entries or parties give
    # a reference something to point at.
    grown = bool(news or parties.made)
    for e, record in updates:
        before = ordered("filings", dict(record))
        if grown or record.get("docket_text") != e.text:
            old_text = str(record.get("docket_text") or "")
            old = derive(old_text, e.number, old_ecf, old_party, judge_id)
            new = derive(e.text, e.number, new_ecf, parties.find, judge_id)
            for key in DERIVED:
                if (record.get(key) or ([] if isinstance(old[key], list) else None)) == old[key]:
                    record[key] = new[key]
        _own(record, e, case_id, source_id)
        if ordered("filings", record) != before:
            report.changed.append(e)
            report.produced.append(("filings", record))
    for e, fid in news:
        record = {"id": fid, **derive(e.text, e.number, new_ecf, parties.find, judge_id)}
        _own(record, e, case_id, source_id)
        filings.append(record)
        report.new.append(e)
        report.produced.append(("filings", record))
    filings.sort(key=_entry_order)


def _own(record: dict[str, Any], e: Entry, case_id: str, source_id: str) -> None:
    """The fields the court writes, set from the docket."""
    record["case"] = case_id
    record["date"] = e.date
    record["docket_entry"] = e.number
    record["docket_text"] = e.text or None
    record["documents"] = [
        {
            k: v
            for k, v in (
                ("url", d.url),
                ("attachment", d.attachment),
                ("description", d.description),
            )
            if v is not None
        }
        for d in e.documents
    ]
    sources = list(record.get("sources") or [])
    if source_id not in sources:
        sources.append(source_id)
    record["sources"] = sources
    for key in ("docket_entry", "docket_text", "documents"):
        if record[key] in (None, []):
            del record[key]


def _entry_order(record: Any) -> tuple[str, int, str]:
    if not isinstance(record, dict):
        return ("", 0, "")
    n = record.get("docket_entry")
    return (
        str(record.get("date") or ""),
        n if isinstance(n, int) else 10**12,
        str(record.get("id")),
    )
