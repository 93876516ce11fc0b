"""Which records mention something: every record that cites a source (and where in it), and
every record whose text contains what was searched for.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from casetrack.characters import find_folded
from casetrack.characters import fold as _fold
from casetrack.dataset import Dataset
from casetrack.errors import InputError
from casetrack.lookup import typed_ecf
from casetrack.modeling import dump
from casetrack.models import Case, Claim, Record, Source
from casetrack.render.wording import via_discrepancy, via_role


@dataclass(frozen=True, slots=True)
class Citation:
    """A record that cites a source; `via` says where (a role, a status change, a discrepancy)."""

    section: str
    id: str
    via: str | None = None


def citations(dataset: Dataset, source_id: str) -> list[Citation]:
    """Every record that cites a source, anywhere in it, in dataset order."""
    out: list[Citation] = []
    for name in ("parties", "cases", "filings", "claims", "events", "deadlines"):
        for record in dataset.section(name).values():
            for via in _citing_places(record, source_id):
                out.append(Citation(name, record.id, via))
    return out


def _citing_places(record: Record, source_id: str) -> list[str | None]:
    places: list[str | None] = []
    if source_id in record.sources:
        places.append(None)
    if isinstance(record, Case):
        places += [via_role(cp.party) for cp in record.parties if source_id in cp.sources]
        places += [f"{r.kind} {r.case}" for r in record.relations if source_id in r.sources]
    if isinstance(record, Claim):
        places += [
            f"status {c.status} ({c.date.edtf()})" for c in record.history if source_id in c.sources
        ]
    for d in record.discrepancies:
        if any(source_id in a.sources for a in d.accounts):
            places.append(via_discrepancy(d.about))
    return places


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A record whose text contains what was searched for."""

    section: str
    id: str
    fields: tuple[str, ...]
    excerpt: str


SEARCH_SECTIONS = ("parties", "cases", "filings", "claims", "events", "deadlines", "sources")
_NAME_FIELDS = frozenset({"id", "name", "aliases", "title", "caption", "short_name"})


def search_records(dataset: Dataset, text: str) -> list[SearchHit]:
    """Every record with a text field containing `text` (case-insensitive), grouped by section."""
    needle = _fold(text)
    if not needle:
        raise InputError("give some text to search for")
    number = typed_ecf(text)
    if number is not None:
        # "ECF 45" is docket entry 45 of any case, not every text containing "ecf 45".
        return [
            SearchHit("filings", f.id, ("docket_entry",), f.title)
            for f in dataset.filings.values()
            if f.docket_entry == number
        ]
    hits = []
    for name in SEARCH_SECTIONS:
        for record in dataset.section(name).values():
            found = [(key, value) for key, value in record_texts(record) if needle in _fold(value)]
            if found:
                fields = tuple(dict.fromkeys(key for key, _ in found))
                # The excerpt comes from the first field that says more than the record's name.
                named = next((v for k, v in found if k != "id"), found[0][1])
                shown = next((v for k, v in found if k not in _NAME_FIELDS), named)
                hits.append(SearchHit(name, record.id, fields, _excerpt(shown, needle)))
    return hits


def record_texts(record: Record | Source) -> Iterable[tuple[str, str]]:
    """Every text of a record, with the field it is in ('alleged.note'): what search reads
    (dates as written, '2025-01-02', are text too)."""
    return _texts(dump(record, exclude_none=True))


def _texts(data: Any, key: str = "") -> Iterable[tuple[str, str]]:
    if isinstance(data, str):
        yield key, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _texts(v, f"{key}.{k}" if key else k)
    elif isinstance(data, list):
        for v in data:
            yield from _texts(v, key)


def _excerpt(text: str, needle: str, around: int = 50) -> str:
    # Composed (NFC): looks the same, and lets a composed needle be found in decomposed text.
    flat = unicodedata.normalize("NFC", " ".join(text.split()))
    found = find_folded(flat, needle)
    if found is None:
        return flat[: 2 * around]
    start = max(0, found[0] - around)
    end = min(len(flat), found[1] + around)
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")
