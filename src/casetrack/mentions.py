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
from casetrack.claim_history import claim_raised
from casetrack.dataset import Dataset
from casetrack.dates import DateSpan
from casetrack.dockets.numbers import same_docket
from casetrack.errors import InputError
from casetrack.lookup import typed_ecf
from casetrack.modeling import dump
from casetrack.models import Case, Claim, Record, Source
from casetrack.render.wording import (
    kind_words,
    party_name,
    relation_words,
    via_discrepancy,
    via_role,
)


@dataclass(frozen=True, slots=True)
class Citation:
    """A record that cites a source; `via` says where (a role, a status change, a discrepancy)
    in ids, as JSON gives it, and `shown` in words, as a reader sees it."""

    section: str
    id: str
    via: str | None = None
    shown: str | None = None


def citations(dataset: Dataset, source_id: str) -> list[Citation]:
    """Every record that cites a source, anywhere in it, in dataset order."""
    out: list[Citation] = []
    for name in ("parties", "cases", "filings", "claims", "events", "deadlines"):
        for record in dataset.section(name).values():
            for via, shown in _citing_places(dataset, record, source_id):
                out.append(Citation(name, record.id, via, shown))
    return out


def _citing_places(
    dataset: Dataset, record: Record, source_id: str
) -> list[tuple[str | None, str | None]]:
    places: list[tuple[str | None, str | None]] = []
    if source_id in record.sources:
        places.append((None, None))
    if isinstance(record, Case):
        places += [
            (via_role(cp.party), f"role of {party_name(dataset, cp.party)}")
            for cp in record.parties
            if source_id in cp.sources
        ]
        places += [
            (f"{r.kind} {r.case}", relation_words(dataset, r))
            for r in record.relations
            if source_id in r.sources
        ]
    if isinstance(record, Claim):
        places += [
            (f"status {c.status} ({c.date.edtf()})", f"{kind_words(c.status)} ({c.date.display()})")
            for c in record.history
            if source_id in c.sources
        ]
    for d in record.discrepancies:
        if any(source_id in a.sources for a in d.accounts):
            places.append((via_discrepancy(d.about), f"sources differ on {d.about}"))
    return places


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A record whose text contains what was searched for: the fields that matched, an excerpt
    of one of them in whole words with the match at `match` (start, end) in it, and the
    record's date (None for a party)."""

    section: str
    id: str
    fields: tuple[str, ...]
    excerpt: str
    date: DateSpan | None = None
    match: tuple[int, int] | None = None


SEARCH_SECTIONS = ("parties", "cases", "filings", "claims", "events", "deadlines", "sources")
_NAME_FIELDS = frozenset({"id", "name", "aliases", "title", "caption", "short_name"})
# The field an excerpt is taken from, when several matched: the one that says most.
_TELLING = ("summary", "description", "docket_text", "notes", "date_note")


def search_records(dataset: Dataset, text: str) -> list[SearchHit]:
    """Every record with a text field containing `text` (case-insensitive), grouped by section.
    A docket number finds its case however it is written (`1:25-cv-449` is 1:25-cv-00449)."""
    needle = _fold(text)
    if not needle:
        raise InputError("give some text to search for")
    number = typed_ecf(text)
    if number is not None:
        # "ECF 45" is docket entry 45 of any case, not every text containing "ecf 45".
        return [
            SearchHit("filings", f.id, ("docket_entry",), f.title, f.date)
            for f in dataset.filings.values()
            if f.docket_entry == number
        ]
    hits = []
    for name in SEARCH_SECTIONS:
        for record in dataset.section(name).values():
            found = [(key, value) for key, value in record_texts(record) if needle in _fold(value)]
            docket = getattr(record, "docket", None)
            if not found and name == "cases" and docket and same_docket(docket, text):
                found = [("docket", docket)]
            if found:
                fields = tuple(dict.fromkeys(key for key, _ in found))
                key, shown = _telling(found)
                excerpt, match = _excerpt(shown, needle if key != "docket" else _fold(shown))
                hits.append(
                    SearchHit(name, record.id, fields, excerpt, record_date(dataset, record), match)
                )
    return hits


def record_texts(record: Record | Source) -> Iterable[tuple[str, str]]:
    """Every text of a record, with the field it is in ('alleged.note'): what search reads
    (dates as written, '2025-01-02', are text too)."""
    return _texts(dump(record, exclude_none=True))


def _telling(found: list[tuple[str, str]]) -> tuple[str, str]:
    """The matched field an excerpt is taken from: a summary or note before a name or title,
    and anything before the id."""
    for wanted in _TELLING:
        for key, value in found:
            if key == wanted:
                return key, value
    others = [(k, v) for k, v in found if k not in _NAME_FIELDS]
    named = [(k, v) for k, v in found if k != "id"]
    return (others or named or found)[0]


def record_date(dataset: Dataset, record: Any) -> DateSpan | None:
    """When a record happened, as a search hit shows it: a filing's or event's date, a case's
    filing, a claim's raising, a source's publication; None for a party or deadline."""
    if isinstance(record, Claim):
        return claim_raised(dataset, record)
    for attribute in ("date", "filed", "published"):
        value = getattr(record, attribute, None)
        if isinstance(value, DateSpan):
            return value
    return None


def _texts(data: Any, key: str = "") -> Iterable[tuple[str, str]]:
    if isinstance(data, str):
        yield key, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _texts(v, f"{key}.{k}" if key else k)
    elif isinstance(data, list):
        for v in data:
            yield from _texts(v, key)


def _excerpt(text: str, needle: str, around: int = 60) -> tuple[str, tuple[int, int] | None]:
    """The match in context, in whole words: from the start of its sentence when that is near,
    else from a word `around` characters before it, to a word as far after; with where the
    match is in the excerpt."""
    # Composed (NFC): looks the same, and lets a composed needle be found in decomposed text.
    flat = unicodedata.normalize("NFC", " ".join(text.split()))
    found = find_folded(flat, needle)
    if found is None:
        end = _word_end(flat, min(len(flat), 2 * around))
        return flat[:end] + ("…" if end < len(flat) else ""), None
    start = max(0, found[0] - around)
    sentence = flat.rfind(". ", start, found[0])
    if sentence >= 0:
        start = sentence + 2
    elif start > 0:
        space = flat.find(" ", start, found[0])
        start = space + 1 if space >= 0 else found[0]
    end = max(found[1], _word_end(flat, min(len(flat), found[1] + around)))
    lead = "…" if start > 0 else ""
    shown = lead + flat[start:end] + ("…" if end < len(flat) else "")
    return shown, (found[0] - start + len(lead), found[1] - start + len(lead))


def _word_end(text: str, at: int) -> int:
    """`at`, moved back to the end of a word when it falls inside one."""
    if at >= len(text) or text[at] == " ":
        return at
    space = text.rfind(" ", 0, at)
    return space if space > 0 else at
