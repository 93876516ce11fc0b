"""A loaded dataset written as an index file (`indexfile`): every record and every timeline entry
encoded on its own, what names what, the names lookups compare and the text search reads.

Links are found from the values, not from a list of fields: every text in a record or an entry
that is the id of a record is a mention of it. So a party's mentions are its cases (as a party
or counsel), claims, groups, lawyers (a firm) and entries, a source's are what cites it, a
filing's what answers it; a field added to a record is linked as soon as it holds an id.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from casetrack import collector, indexfile
from casetrack.characters import fold
from casetrack.codec import Encoder
from casetrack.dataset import Dataset
from casetrack.entries import build_entries, latest_source_date
from casetrack.mentions import record_texts
from casetrack.problems import SERIOUS, Problem
from casetrack.vocabulary import SECTION_NAMES

# The fields of a Dataset kept in `meta` as they are (the rest are its records and origins,
# and what only a view of a day has).
_KEPT = ("root", *SECTION_NAMES, "origins", "known_on", "whole")


def write(path: Path, dataset: Dataset, problems: list[Problem], stamp: dict[str, Any]) -> None:
    """Write the index of `dataset` (loaded from its files, with these problems) to `path`.
    `stamp`: what the cache checks before trusting the index (its key, the files' states)."""
    with collector.paused():  # millions of small objects, none of them garbage
        _write(path, dataset, problems, stamp)


def _write(path: Path, dataset: Dataset, problems: list[Problem], stamp: dict[str, Any]) -> None:
    import marshal

    encode = Encoder()
    out = indexfile.Writer(path)
    ordinals: dict[str, int] = {}
    for name in SECTION_NAMES:
        for rid in dataset.section(name):
            ordinals[rid] = len(ordinals)
    files = {shown: i for i, shown in enumerate(dataset.files)}
    record_mentions: dict[str, list[int]] = {}
    texts: list[tuple[int, str]] = []

    def records() -> Iterator[tuple[int, str, int, int, int, bytes]]:
        for number, name in enumerate(SECTION_NAMES):
            for rid, record in dataset.section(name).items():
                ordinal = ordinals[rid]
                origin = dataset.origins.get(rid)
                file, place = (files.get(origin.path, -1), origin.index) if origin else (-1, -1)
                encoded = encode(record)
                for target in _ids(encoded, ordinals):
                    record_mentions.setdefault(target, []).append(ordinal)
                texts.append((ordinal, "\x1f".join(fold(v) for _, v in record_texts(record))))
                yield ordinal, rid, number, file, place, marshal.dumps(encoded)

    out.records(records())
    out.texts(texts)
    texts.clear()

    from casetrack.query import entry_text

    entry_mentions: dict[str, list[int]] = {}
    entry_texts: list[tuple[int, str]] = []

    def entries() -> Iterator[tuple[int, int, int, bytes]]:
        for position, e in enumerate(build_entries(dataset)):
            encoded = encode(e)
            for target in _ids(encoded, ordinals):
                entry_mentions.setdefault(target, []).append(position)
            entry_texts.append((position, fold(entry_text(e))))
            yield (
                position,
                e.date.earliest().toordinal(),
                e.date.latest().toordinal(),
                marshal.dumps(encoded),
            )

    out.entries(entries())
    out.texts(entry_texts, "entry_texts")
    count = len(entry_texts)
    entry_texts.clear()
    out.mentions(
        (target, record_mentions.get(target, []), entry_mentions.get(target, []))
        for target in sorted({*record_mentions, *entry_mentions})
    )
    out.names(_names(dataset, ordinals))

    newest = latest_source_date(dataset)
    kept = {
        f.name: encode(getattr(dataset, f.name))
        for f in dataclasses.fields(Dataset)
        if f.name not in _KEPT
    }
    meta = {
        **stamp,
        "format": indexfile.FORMAT,
        "count": len(dataset),
        "entries": count,
        "problems": encode(problems),
        "serious": encode([p for p in problems if p.severity in SERIOUS]),
        "dataset": kept,
        "sections": list(SECTION_NAMES),
        # Records are kept section by section: the first ordinal of each.
        "bounds": _bounds(dataset),
        # The sources the "latest source" footer reads (those of the newest date).
        "newest": [
            ordinals[s.id]
            for s in dataset.sources.values()
            if newest is not None
            and any(
                d is not None and d.sort_key() == newest.sort_key()
                for d in (s.published, s.retrieved)
            )
        ],
    }
    meta["classes"] = encode.classes  # last: every class met above is in it
    for name, value in meta.items():
        out.meta(name, value)
    out.finish()


def _bounds(dataset: Dataset) -> list[int]:
    out, start = [], 0
    for name in SECTION_NAMES:
        out.append(start)
        start += len(dataset.section(name))
    return out


def _ids(value: Any, ordinals: dict[str, int]) -> set[str]:
    """The record ids among the texts of an encoded value."""
    found: set[str] = set()
    todo = [value]
    while todo:
        item = todo.pop()
        kind = type(item)
        if kind is str:
            if item in ordinals:
                found.add(item)
        elif kind is tuple or kind is list:
            todo.extend(item)
        elif kind is dict:
            todo.extend(item.values())
    return found


def _names(dataset: Dataset, ordinals: dict[str, int]) -> Iterator[tuple[int, str, int]]:
    """The folded names lookups compare (`lookup`: a party's id, name and aliases; a case's id,
    caption, short name and docket number, also reduced as `dockets.numbers` reduces it; a
    source's id; a filing's ECF number)."""
    from casetrack.dockets.numbers import docket_key

    for p in dataset.parties.values():
        for key in {fold(k) for k in (p.id, p.name, *p.aliases)}:
            yield indexfile.PARTY, key, ordinals[p.id]
    for c in dataset.cases.values():
        for key in {fold(k) for k in (c.id, c.caption, c.short_name, c.docket) if k}:
            yield indexfile.CASE, key, ordinals[c.id]
        reduced = docket_key(c.docket)
        if reduced is not None:
            yield indexfile.DOCKET, reduced, ordinals[c.id]
            yield indexfile.DOCKET_TAIL, reduced.split(":")[-1], ordinals[c.id]
    for s in dataset.sources.values():
        yield indexfile.SOURCE, fold(s.id), ordinals[s.id]
    for f in dataset.filings.values():
        if f.docket_entry is not None:
            yield indexfile.ECF, str(f.docket_entry), ordinals[f.id]
