"""One question's sub-dataset: the same dataset, with the sections the question iterates holding
only the records it can select, found through the cache's index (`indexfile`), so that only
those are decoded. The query and render code runs on it unchanged and answers as on the whole
dataset: what it would select is among those kept (the index finds a superset: whatever
mentions a party, whatever contains a text), and a name asked for by id is always found.
A name typed on the command line is found by running the lookup itself (`lookup`) on the few
records whose names contain it; when that does not single one out (no match, several, a typo
to suggest a name for), the question is answered on the whole dataset, which words those
messages. A dataset loaded from its files, not the index, is returned as it is.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from casetrack.characters import fold
from casetrack.dataset import Dataset
from casetrack.errors import NotFoundError
from casetrack.indexed import IndexedDataset
from casetrack.indexfile import CASE, DOCKET_TAIL, ECF, PARTY, SOURCE, IndexError_
from casetrack.query import ClaimFilter, TimelineFilter
from casetrack.vocabulary import SECTION_NAMES

CANDIDATES = 2_000  # names matching more than this are looked up in the whole dataset


def _safe(
    ask: Callable[[IndexedDataset], Dataset | None], known_on: dt.date | None = None
) -> Callable[[Dataset], Dataset]:
    """`ask` for an indexed dataset; the dataset itself when it is not one, when `ask` finds
    nothing to narrow to (None), or when the index fails. With `known_on`, that as it was known
    that day, cut from it with every source and filing (what dates a record's knowledge)."""

    def narrowed(dataset: Dataset) -> Dataset:
        found = dataset
        if isinstance(dataset, IndexedDataset) and dataset.records.fresh is None:
            try:
                found = ask(dataset) or dataset
            except (IndexError_, ValueError, EOFError, TypeError, ImportError, AttributeError):
                dataset.records.damaged()
        if known_on is None:
            return found
        from casetrack.knowledge import as_known_on

        if isinstance(found, IndexedDataset) and found is not dataset:
            found = found.knowable()
        return as_known_on(found, known_on)

    return narrowed


def party(dataset: Dataset, name: str, *, known_on: dt.date | None = None) -> Dataset:
    """For `party NAME`: the party, the groups it belongs to (and a firm's lawyers), the cases
    and claims that name any of them, their entries."""

    def ask(ix: IndexedDataset) -> Dataset | None:
        found = _party(ix, name)
        if found is None:
            return None
        _, people, parties = found
        records, entries = ix.index.mentions(people)
        only = _split(ix, records, ("cases", "claims"))
        return ix.narrowed({**only, "parties": parties, "sources": _newest(ix)}, sorted(entries))

    return _safe(ask, known_on)(dataset)


def case(dataset: Dataset, name: str, *, known_on: dt.date | None = None) -> Dataset:
    """For `case ID`: the case, its claims, its entries."""

    def ask(ix: IndexedDataset) -> Dataset | None:
        found = _case(ix, name)
        if found is None:
            return None
        cid, ordinal = found
        records, entries = ix.index.mentions((cid,))
        only = _split(ix, records, ("claims",))
        return ix.narrowed({**only, "cases": [ordinal], "sources": _newest(ix)}, sorted(entries))

    return _safe(ask, known_on)(dataset)


def claims(dataset: Dataset, flt: ClaimFilter, *, known_on: dt.date | None = None) -> Dataset:
    """For `claims`: the claims that name the parties (or groups) and case asked for; all of
    them, with the names they show read in a few queries, when nothing narrows them."""

    def ask(ix: IndexedDataset) -> Dataset | None:
        only: dict[str, list[int]] = {"sources": _newest(ix)}
        chosen: set[int] | None = None
        parties: list[int] = []
        for name in (flt.plaintiff, flt.defendant):
            if name is None:
                continue
            found = _party(ix, name)
            if found is None:
                return None
            _, people, kept = found
            parties.extend(kept)
            records, _ = ix.index.mentions(people)
            chosen = records if chosen is None else chosen & records
        if flt.case is not None:
            found_case = _case(ix, flt.case)
            if found_case is None:
                return None
            only["cases"] = [found_case[1]]
            records, _ = ix.index.mentions((found_case[0],))
            chosen = records if chosen is None else chosen & records
        if parties:
            only["parties"] = sorted(set(parties))
        if chosen is not None:
            only.update(_split(ix, chosen, ("claims",)))
        narrowed = ix.narrowed(only)
        _prefetch_names(ix, narrowed.claims.values())
        return narrowed

    return _safe(ask, known_on)(dataset)


def timeline(dataset: Dataset, flt: TimelineFilter, *, keep_sources: bool = False) -> Dataset:
    """For `timeline` and `export`: the entries that name the party (or its groups) or the case,
    contain the text, or may fall between the dates asked for; all of them otherwise.
    `keep_sources`: for an output that reads every source (the sources list is left whole)."""

    def ask(ix: IndexedDataset) -> Dataset | None:
        from casetrack.lookup import typed_ecf

        only: dict[str, list[int]] = {} if keep_sources else {"sources": _newest(ix)}
        chosen: set[int] | None = None

        def keep(found: Iterable[int]) -> None:
            nonlocal chosen
            chosen = set(found) if chosen is None else chosen & set(found)

        if flt.party is not None:
            found = _party(ix, flt.party)
            if found is None:
                return None
            _, people, only["parties"] = found
            keep(ix.index.mentions(people)[1])
        if flt.case is not None:
            found_case = _case(ix, flt.case)
            if found_case is None:
                return None
            only["cases"] = [found_case[1]]
            keep(ix.index.mentions((found_case[0],))[1])
        if flt.search is not None and typed_ecf(flt.search) is None and _usable(fold(flt.search)):
            keep(ix.index.search(fold(flt.search), entries=True))
        if flt.start is not None or flt.end is not None:
            first = flt.start.earliest().toordinal() if flt.start else None
            last = flt.end.latest().toordinal() if flt.end else None
            keep(ix.index.entries_between(first, last))
        return ix.narrowed(only, None if chosen is None else sorted(chosen))

    return _safe(ask, flt.known)(dataset)


def upcoming(
    dataset: Dataset, case_name: str | None, day: dt.date, *, known_on: dt.date | None = None
) -> Dataset:
    """For `upcoming`: the entries that may fall after the day (of the case asked for)."""

    def ask(ix: IndexedDataset) -> Dataset | None:
        only: dict[str, list[int]] = {"sources": _newest(ix)}
        chosen = set(ix.index.entries_between(day.toordinal() + 1, None))
        if case_name is not None:
            found = _case(ix, case_name)
            if found is None:
                return None
            only["cases"] = [found[1]]
            chosen &= ix.index.mentions((found[0],))[1]
        return ix.narrowed(only, sorted(chosen))

    return _safe(ask, known_on)(dataset)


def cases(
    dataset: Dataset, case_name: str | None = None, *, known_on: dt.date | None = None
) -> Dataset:
    """For `cases` and `deadlines`: every case (or the one asked for), the newest sources."""

    def ask(ix: IndexedDataset) -> Dataset | None:
        only = {"sources": _newest(ix)}
        if case_name is not None:
            found = _case(ix, case_name)
            if found is None:
                return None
            only["cases"] = [found[1]]
        return ix.narrowed(only)

    return _safe(ask, known_on)(dataset)


def search(dataset: Dataset, text: str, *, known_on: dt.date | None = None) -> Dataset:
    """For `search`: the records whose text contains the text (or, for 'ECF 45', the filings
    with that number)."""

    def ask(ix: IndexedDataset) -> Dataset | None:
        from casetrack.lookup import typed_ecf

        needle = fold(text)
        if not _usable(needle):
            return None
        number = typed_ecf(text)
        if number is not None:
            found = ix.index.names(ECF, str(number), exact=True)
        else:
            found = set(ix.index.search(needle)) | _docket_cases(ix, text)
        return ix.narrowed(_split(ix, found, SECTION_NAMES))

    return _safe(ask, known_on)(dataset)


def source(dataset: Dataset, source_id: str, *, known_on: dt.date | None = None) -> Dataset:
    """For `sources ID`: the source and every record that names it."""

    def ask(ix: IndexedDataset) -> Dataset | None:
        from casetrack.lookup import find_source

        def lookup(mini: Dataset) -> str:
            return find_source(mini, source_id).id

        found = ix.sources.get(source_id)
        if found is not None:
            sid = found.id
        else:
            named = _lookup(
                ix, "sources", ix.index.names(SOURCE, fold(source_id), exact=True), lookup
            )
            if named is None:
                return None
            sid = named
        records, _ = ix.index.mentions((sid,))
        only = _split(ix, records, SECTION_NAMES)
        only["sources"] = _split(ix, ix.index.names(SOURCE, fold(sid), exact=True), ("sources",))[
            "sources"
        ]
        return ix.narrowed(only)

    return _safe(ask, known_on)(dataset)


def filing(
    dataset: Dataset, name: str, case_name: str | None, *, known_on: dt.date | None = None
) -> Dataset:
    """For `filing ID`: the filing (by id, or its ECF number), what it answers or rules on, and
    every filing that answers or rules on those."""

    def ask(ix: IndexedDataset) -> Dataset | None:
        from casetrack.lookup import typed_ecf

        only: dict[str, list[int]] = {}
        found = ix.filings.get(name.strip())
        ecf: set[int] = set()
        if found is None:
            number = typed_ecf(name) if not name.strip().isdigit() else int(name.strip())
            if number is None:
                return None
            ecf = ix.index.names(ECF, str(number), exact=True)
            if case_name is not None:
                found_case = _case(ix, case_name)
                if found_case is None:
                    return None
                only["cases"] = [found_case[1]]
            rows = ix.records.ordinals(ecf)
            if len(rows) != 1 and case_name is None:
                return None
            roots: set[str] = set()
            for _, _, f in rows:
                roots.update((f.id, *f.responds_to, *f.decides))
        else:
            roots = {found.id, *found.responds_to, *found.decides}
        records, _ = ix.index.mentions(roots)
        by_id = ix.index.records_by_id(roots)
        records |= {row[0] for row in by_id} | ecf
        only.update(_split(ix, records, ("filings",)))
        return ix.narrowed(only)

    return _safe(ask, known_on)(dataset)


# --- finding what a name names ----------------------------------------------------------------


def _usable(needle: str) -> bool:
    """Whether text can be looked for in the index (SQLite takes valid Unicode only)."""
    try:
        needle.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return bool(needle)


def _party(ix: IndexedDataset, name: str) -> tuple[str, list[str], list[int]] | None:
    """The party a name names (found as `lookup.find_party` finds it), the ids of the party and
    of the parties that name it (its groups, a firm's lawyers), and the ordinals of all those;
    None when the name does not single out one party."""
    from casetrack.lookup import find_party

    needle = fold(name)
    if not _usable(needle):
        return None
    pid = _lookup(ix, "parties", _named(ix, PARTY, needle), lambda mini: find_party(mini, name).id)
    if pid is None:
        return None
    records, _ = ix.index.mentions((pid,))
    parties = _split(ix, records, ("parties",))["parties"]
    people = {rid for rid, _, _ in ix.records.ordinals(parties)} | {pid}
    return pid, sorted(people), parties


def _case(ix: IndexedDataset, name: str) -> tuple[str, int] | None:
    """The case a name names (as `lookup.find_case` finds it: by id, name or docket number), and
    its ordinal; None when the name does not single out one case."""
    from casetrack.lookup import find_case

    needle = fold(name)
    if not _usable(needle):
        return None
    found = ix.index.names(CASE, needle, exact=True) or (
        ix.index.names(CASE, needle) | _docket_cases(ix, name)
    )
    cid = _lookup(ix, "cases", found, lambda mini: find_case(mini, name).id)
    if cid is None:
        return None
    ordinal = _split(ix, ix.index.names(CASE, fold(cid), exact=True), ("cases",))["cases"]
    return (cid, ordinal[0]) if ordinal else None


def _named(ix: IndexedDataset, kind: int, needle: str) -> set[int]:
    """The records with a name of this kind that is `needle`, when there are any (a lookup that
    finds a name exactly looks no further: `lookup.find_party`, `find_case`); else those with a
    name that contains it."""
    return ix.index.names(kind, needle, exact=True) or ix.index.names(kind, needle)


def _docket_cases(ix: IndexedDataset, name: str) -> set[int]:
    """The cases whose docket number `name` may be, however written (as `same_docket` says)."""
    from casetrack.dockets.numbers import docket_key

    key = docket_key(name)
    if key is None or not _usable(key):
        return set()
    return ix.index.names(DOCKET_TAIL, key.split(":")[-1], exact=True)


def _lookup(
    ix: IndexedDataset, section: str, candidates: set[int], find: Callable[[Dataset], str]
) -> str | None:
    """What `find` (a lookup) says on a dataset of the candidates alone, when it singles out one
    record; None when it does not, or when there are too many candidates to read."""
    if not candidates or len(candidates) > CANDIDATES:
        return None
    mini = Dataset()
    for rid, number, record in ix.records.ordinals(candidates):
        if SECTION_NAMES[number] == section:
            mini.section(section)[rid] = record
    try:
        return find(mini)
    except NotFoundError:
        return None


def _split(ix: IndexedDataset, ordinals: Iterable[int], sections: Iterable[str]) -> dict[str, Any]:
    """The ordinals in each of these sections (records are kept section by section, in order)."""
    bounds: list[int] = ix.index.meta["bounds"]
    out: dict[str, list[int]] = {name: [] for name in sections}
    for ordinal in sorted(ordinals):
        name = SECTION_NAMES[bisect.bisect_right(bounds, ordinal) - 1]
        if name in out:
            out[name].append(ordinal)
    return out


def _newest(ix: IndexedDataset) -> list[int]:
    """The sources of the newest date (all `entries.latest_source_date` needs)."""
    newest: list[int] = ix.index.meta["newest"]
    return newest


def _prefetch_names(ix: IndexedDataset, records: Iterable[Any]) -> None:
    """Read every record these records name, in a few queries (rather than one at a time as
    each name is shown)."""
    from casetrack.modeling import Model

    ids: set[str] = set()
    todo: list[Any] = list(records)
    while todo:
        item = todo.pop()
        kind = type(item)
        if kind is str:
            if " " not in item and len(item) <= 200:  # an id has no space
                ids.add(item)
        elif kind is list or kind is tuple:
            todo.extend(item)
        elif isinstance(item, Model):
            todo.extend(vars(item).values())
    ix.records.prefetch(ids)
