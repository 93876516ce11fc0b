"""A Dataset read from the cache's index (`indexfile`), record by record as it is used.

It behaves as the Dataset the files load into, so the query and render code runs on it unchanged:
a record asked for by id (a name to show) is read and decoded then; a section is read whole the
first time it is iterated; the timeline entries come built, in order. `narrow` makes a
sub-dataset for one question: the same, but with some sections holding only the records the
question can select (found through the index), so only those are ever decoded.

If the index turns out to be damaged while it is read (a checksum, a row), the dataset is loaded
from its files instead, once, and everything is answered from that.
"""

from __future__ import annotations

import itertools
import marshal
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from casetrack import collector
from casetrack.codec import Decoder
from casetrack.dataset import Dataset, Origin
from casetrack.indexfile import IndexError_, IndexFile, checked
from casetrack.vocabulary import SECTION_NAMES

if TYPE_CHECKING:
    from casetrack.entries import Entry

BATCH = 500  # entries decoded at a time when streamed


class Records:
    """The records of one index, each decoded at most once; or, once the index is found damaged,
    the dataset loaded from the files."""

    def __init__(self, index: IndexFile, rebuild: Callable[[], Dataset]) -> None:
        self.index = index
        self.decode = Decoder(index.meta["classes"])
        self._rebuild = rebuild
        self.fresh: Dataset | None = None
        self._by_ordinal: dict[int, tuple[str, int, Any]] = {}
        self._by_id: dict[str, int | None] = {}

    def damaged(self) -> Dataset:
        """The dataset from its files (loaded the first time the index fails, which is then
        removed: the next run makes a new one)."""
        if self.fresh is None:
            self.index.forget()
            self.fresh = self._rebuild()
        return self.fresh

    def _take(self, rows: Iterable[tuple[Any, ...]]) -> list[tuple[str, int, Any]]:
        out = []
        # The collector paused: records decoded by the ten thousand would have it walk the
        # growing heap again and again (claims at 200k records took 10 times as long as at 100k).
        with collector.paused():
            for ordinal, rid, section, blob, crc in rows:
                found = self._by_ordinal.get(ordinal)
                if found is None:
                    record = self.decode(marshal.loads(checked(blob, crc)))
                    found = self._by_ordinal[ordinal] = (rid, section, record)
                    self._by_id[rid] = ordinal
                out.append(found)
        collector.keep(len(self._by_ordinal))
        return out

    def by_id(self, rid: str) -> tuple[int, Any] | None:
        """(section number, record) of the record with this id, or None."""
        if rid not in self._by_id:
            self.prefetch((rid,))
        ordinal = self._by_id.get(rid)
        if ordinal is None:
            return None
        _, section, record = self._by_ordinal[ordinal]
        return section, record

    def prefetch(self, ids: Iterable[str]) -> None:
        """Read the records with these ids (those not read yet) in a few queries."""
        wanted = [i for i in ids if isinstance(i, str) and i not in self._by_id]
        if not wanted:
            return
        self._take(self.index.records_by_id(wanted))
        for rid in wanted:
            self._by_id.setdefault(rid, None)

    def ordinals(self, ordinals: Iterable[int]) -> list[tuple[str, int, Any]]:
        wanted = sorted(set(ordinals))
        missing = [n for n in wanted if n not in self._by_ordinal]
        if missing:
            self._take(self.index.records_by_ordinal(missing))
        return [self._by_ordinal[n] for n in wanted if n in self._by_ordinal]

    def section(self, number: int) -> list[tuple[str, int, Any]]:
        return self._take(self.index.section(number))

    def entries(self, positions: Iterable[int] | None) -> Iterator[list[Entry]]:
        """The stored entries (all, or at these positions), decoded a batch at a time."""
        rows = self.index.entries(positions)
        while True:
            with collector.paused():
                batch = [
                    self.decode(marshal.loads(checked(blob, crc)))
                    for _, blob, crc in itertools.islice(rows, BATCH)
                ]
            if not batch:
                return
            yield batch


V = TypeVar("V")


class _Filled(dict[str, V]):
    """A dict whose contents are read the first time they are all needed: every way of reading
    it whole calls `_fill` first (lookups of one key are each subclass's own)."""

    def _fill(self) -> None:
        raise NotImplementedError

    def __iter__(self) -> Iterator[str]:
        self._fill()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._fill()
        return dict.__len__(self)

    def keys(self) -> Any:
        self._fill()
        return dict.keys(self)

    def values(self) -> Any:
        self._fill()
        return dict.values(self)

    def items(self) -> Any:
        self._fill()
        return dict.items(self)

    def __eq__(self, other: object) -> bool:
        self._fill()
        return dict.__eq__(self, other)

    __hash__ = None

    def __repr__(self) -> str:
        self._fill()
        return dict.__repr__(self)


class Section(_Filled[Any]):
    """One section of an IndexedDataset. Iterated (or counted), it holds its records: all of the
    section, or the question's candidates (`ordinals`), read the first time. Asked for one id, it
    answers for any record of the section, read then if need be: a name is always found."""

    def __init__(self, records: Records, number: int, ordinals: list[int] | None) -> None:
        super().__init__()
        self._records = records
        self._number = number
        self._ordinals = ordinals
        self._filled = False

    def _fill(self) -> None:
        if self._filled:
            return
        self._filled = True
        try:
            if self._records.fresh is None:
                rows = (
                    self._records.section(self._number)
                    if self._ordinals is None
                    else self._records.ordinals(self._ordinals)
                )
                for rid, section, record in rows:
                    if section == self._number:
                        dict.__setitem__(self, rid, record)
                return
        except (IndexError_, ValueError, EOFError, TypeError, ImportError, AttributeError):
            pass
        # The index failed: every record of the section, from the files.
        dict.clear(self)
        dict.update(self, self._records.damaged().section(SECTION_NAMES[self._number]))

    def _one(self, rid: Any) -> Any:
        if dict.__contains__(self, rid):
            return dict.__getitem__(self, rid)
        if self._filled and self._ordinals is None:
            return None  # the whole section is here
        if self._records.fresh is None:
            try:
                found = self._records.by_id(rid) if isinstance(rid, str) else None
            except (IndexError_, ValueError, EOFError, TypeError, ImportError, AttributeError):
                found = None
                self._records.damaged()
            else:
                return found[1] if found is not None and found[0] == self._number else None
        return self._records.damaged().section(SECTION_NAMES[self._number]).get(rid)

    def get(self, key: Any, default: Any = None) -> Any:
        found = self._one(key)
        return default if found is None else found

    def __getitem__(self, key: Any) -> Any:
        found = self._one(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return self._one(key) is not None


class IndexedDataset(Dataset):
    """A Dataset whose records are read from the cache's index as they are used."""

    def __init__(
        self,
        index: IndexFile,
        root: Path | None,
        rebuild: Callable[[], Dataset],
        *,
        records: Records | None = None,
        only: dict[str, list[int]] | None = None,
        entries: list[int] | None = None,
    ) -> None:
        # Dataset.__init__ is not called: the record fields are Sections, read when used.
        self.root = root
        self._records = records or Records(index, rebuild)
        kept = self._records.decode(index.meta["dataset"])
        for name, value in kept.items():
            setattr(self, name, value)
        only = only or {}
        for number, name in enumerate(SECTION_NAMES):
            setattr(self, name, Section(self._records, number, only.get(name)))
        self._only = only
        self._positions = entries
        self._entries: list[Entry] | None = None
        self._origins: dict[str, Origin] | None = None
        self._count: int = index.meta["count"]

    @property
    def index(self) -> IndexFile:
        return self._records.index

    @property
    def records(self) -> Records:
        return self._records

    def narrowed(
        self, only: dict[str, list[int]], entries: list[int] | None = None
    ) -> IndexedDataset:
        """The same dataset for one question: these sections hold only these records when
        iterated, and the timeline only these entries (None: all)."""
        return IndexedDataset(
            self.index,
            self.root,
            self._records.damaged,
            records=self._records,
            only=only,
            entries=entries,
        )

    def knowable(self) -> IndexedDataset:
        """This sub-dataset with every source and filing: what `knowledge` reads to say since
        when a record is known (when each source was public; each case's first filing)."""
        whole = ("sources", "filings")
        only = {k: v for k, v in self._only.items() if k not in whole}
        return IndexedDataset(
            self.index,
            self.root,
            self._records.damaged,
            records=self._records,
            only=only,
            entries=self._positions,
        )

    @property
    def origins(self) -> dict[str, Origin]:  # type: ignore[override]
        if self._origins is None:
            self._origins = _Origins(self._read_origins)
        return self._origins

    def _read_origins(self) -> dict[str, Origin]:
        if self._records.fresh is not None:
            return self._records.fresh.origins
        try:
            files = self.files
            return {
                rid: Origin(files[file] if file >= 0 else "?", SECTION_NAMES[section], place)
                for rid, section, file, place in self.index.origins()
            }
        except IndexError_:
            return self._records.damaged().origins

    def built_entries(self) -> list[Entry] | None:
        if self._entries is None:
            self._entries = [e for batch in self.entry_batches() for e in batch]
            collector.keep(len(self._entries))
        return self._entries

    def entry_batches(self) -> Iterator[list[Entry]]:
        """The entries a batch at a time, in timeline order, decoded as they are read."""
        if self._entries is not None:
            yield self._entries
            return
        if self._records.fresh is None:
            try:
                yield from self._records.entries(self._positions)
                return
            except (IndexError_, ValueError, EOFError, TypeError, ImportError, AttributeError):
                self._records.damaged()
        from casetrack.entries import build_entries

        yield build_entries(self._records.damaged())

    def __len__(self) -> int:
        return self._count


class _Origins(_Filled[Origin]):
    """Where each record was written, read from the index the first time it is used (only
    messages about records need it: a view of a day passes it on unread)."""

    def __init__(self, read: Callable[[], dict[str, Origin]]) -> None:
        super().__init__()
        self._read: Callable[[], dict[str, Origin]] | None = read

    def _fill(self) -> None:
        if self._read is not None:
            read, self._read = self._read, None
            dict.update(self, read())

    def get(self, key: Any, default: Any = None) -> Any:
        self._fill()
        return dict.get(self, key, default)

    def __getitem__(self, key: str) -> Origin:
        self._fill()
        return dict.__getitem__(self, key)

    def __contains__(self, key: object) -> bool:
        self._fill()
        return dict.__contains__(self, key)
