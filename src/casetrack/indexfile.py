"""What the cache keeps of a loaded dataset: an index in one SQLite file, so that a question reads
only the records it needs (as Datasette answers from SQLite indexes, not from a whole load).

The tables (named as `sqlschema`'s are: plural, a column named after the one thing it holds):

- `records`: every record in dataset order (`ordinal`), with its id, section, where it was
  written (file and place), and itself encoded (`codec`, marshal) with a checksum;
- `entries`: every timeline entry, built, in timeline order (`position`), with its earliest and
  latest day (for date questions) and itself encoded;
- `mentions`: for each record id, the records and entries that name it anywhere (a party ->
  its cases, claims, groups and entries; a source -> what cites it; a filing -> what answers
  it): found from the values themselves, so a field added to a record is linked without a change
  here;
- `names`: the folded text of every name a lookup compares (parties: id, name, aliases; cases:
  id, caption, short name, docket; the docket number reduced as `dockets.numbers` reduces it;
  sources: id; filings: ECF number);
- `texts` and `entry_texts`: each record's and entry's text, folded, for `search` and `--search`;
- `meta`: the key the index was made for, the files it was read from (each file's state and
  hash), the problems `validate` prints, the record count, and the codec's class table.

Search reads `texts` with `instr()`: a scan (tens of milliseconds at 100,000 records) rather than
an FTS5 index, which would cost several seconds more to build after every edit and double the
file (see README, Performance).

This module only writes and reads the file; `cache` decides when, `indexed` turns rows into a
Dataset, `narrow` asks the questions.
"""

from __future__ import annotations

import marshal
import os
import sqlite3
import stat
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

APPLICATION_ID = 0x63747278  # "ctrx": in the SQLite header, so a file is known to be casetrack's
FORMAT = 2  # 2: the problems read late, the serious ones apart
PARTY, CASE, DOCKET, DOCKET_TAIL, SOURCE, ECF = range(6)  # the kinds of `names`
_BATCH = 500  # ids or positions per `IN (...)` query

# The entry of `meta` not read with the rest: every problem of the load, which only `validate`
# shows (tens of thousands of warnings in a large dataset); the serious ones are in "serious".
LATE = "problems"
_META = "SELECT name, value, crc FROM meta WHERE name != ?"

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE records (
    ordinal INTEGER PRIMARY KEY, id TEXT NOT NULL, section INTEGER NOT NULL,
    file INTEGER NOT NULL, place INTEGER NOT NULL, blob BLOB NOT NULL, crc INTEGER NOT NULL
);
CREATE TABLE entries (
    position INTEGER PRIMARY KEY, earliest INTEGER NOT NULL, latest INTEGER NOT NULL,
    blob BLOB NOT NULL, crc INTEGER NOT NULL
);
CREATE TABLE mentions (
    target TEXT NOT NULL, records BLOB NOT NULL, entries BLOB NOT NULL, crc INTEGER NOT NULL
);
CREATE TABLE names (kind INTEGER NOT NULL, key TEXT NOT NULL, ordinal INTEGER NOT NULL);
CREATE TABLE texts (ordinal INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE entry_texts (position INTEGER PRIMARY KEY, text TEXT NOT NULL);
"""
# Made after the rows are in: quicker than keeping them up to date row by row.
INDEXES = (
    "CREATE UNIQUE INDEX records_id ON records (id)",
    "CREATE INDEX records_section ON records (section, ordinal)",
    "CREATE UNIQUE INDEX mentions_target ON mentions (target)",
    "CREATE INDEX names_key ON names (kind, key)",
)


class IndexError_(Exception):
    """The index file is damaged (a checksum, a row or the file itself): read the data again."""


def checked(blob: bytes, crc: int) -> bytes:
    """The blob, when it is what was written."""
    if zlib.crc32(blob) != crc:
        raise IndexError_("a checksum does not match")
    return blob


# --- writing ----------------------------------------------------------------------------------


class Writer:
    """Fills a new index file: rows go in as they come, in key order; the indexes at the end."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        for pragma in (
            "journal_mode = OFF",
            "synchronous = OFF",
            "locking_mode = EXCLUSIVE",
            "temp_store = MEMORY",
            "cache_size = -65536",
            f"application_id = {APPLICATION_ID}",
        ):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(SCHEMA)
        self.db.execute("BEGIN")

    def meta(self, name: str, value: Any) -> None:
        blob = marshal.dumps(value)
        self.db.execute("INSERT INTO meta VALUES (?, ?, ?)", (name, blob, zlib.crc32(blob)))

    def records(self, rows: Iterable[tuple[int, str, int, int, int, bytes]]) -> None:
        self.db.executemany(
            "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((*row, zlib.crc32(row[5])) for row in rows),
        )

    def entries(self, rows: Iterable[tuple[int, int, int, bytes]]) -> None:
        self.db.executemany(
            "INSERT INTO entries VALUES (?, ?, ?, ?, ?)",
            ((*row, zlib.crc32(row[3])) for row in rows),
        )

    def mentions(self, rows: Iterable[tuple[str, list[int], list[int]]]) -> None:
        def encoded() -> Iterator[tuple[str, bytes, bytes, int]]:
            for target, records, entries in rows:
                a, b = marshal.dumps(records), marshal.dumps(entries)
                yield target, a, b, zlib.crc32(b, zlib.crc32(a, zlib.crc32(target.encode())))

        self.db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?)", encoded())

    def names(self, rows: Iterable[tuple[int, str, int]]) -> None:
        self.db.executemany("INSERT INTO names VALUES (?, ?, ?)", rows)

    def texts(self, rows: Iterable[tuple[int, str]], table: str = "texts") -> None:
        assert table in ("texts", "entry_texts")
        self.db.executemany(f"INSERT INTO {table} VALUES (?, ?)", rows)

    def finish(self) -> None:
        for statement in INDEXES:
            self.db.execute(statement)
        self.db.execute("COMMIT")
        self.db.close()


# --- reading ----------------------------------------------------------------------------------


class IndexFile:
    """An index file opened for reading. Every read may raise IndexError_ (damage found late)."""

    def __init__(self, db: sqlite3.Connection, meta: dict[str, Any], path: Path, ino: int) -> None:
        self.db = db
        self.meta = meta
        self.path = path
        self._ino = ino

    def forget(self) -> None:
        """Remove the file (found damaged), unless another has taken its place since."""
        try:
            if os.lstat(self.path).st_ino == self._ino:
                self.path.unlink()
        except OSError:
            pass

    @classmethod
    def open(cls, path: Path, trusted: Any) -> IndexFile | None:
        """The index at `path`, when it is a regular file `trusted` accepts and a sound index of
        this format; else None. Never waits on a pipe put in its place."""
        try:
            before = os.lstat(path)
            if not stat.S_ISREG(before.st_mode) or not trusted(before):
                return None
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        except (OSError, sqlite3.Error, ValueError):
            return None
        try:
            after = os.stat(path)
            if (after.st_ino, after.st_dev) != (before.st_ino, before.st_dev):
                raise IndexError_("replaced while opened")
            (app,) = db.execute("PRAGMA application_id").fetchone()
            if app != APPLICATION_ID:
                raise IndexError_("not a casetrack index")
            meta = {}
            for name, value, crc in db.execute(_META, (LATE,)):
                meta[name] = marshal.loads(checked(value, crc))
            (pages,) = db.execute("PRAGMA page_count").fetchone()
            (page,) = db.execute("PRAGMA page_size").fetchone()
            if meta.get("format") != FORMAT or pages * page > before.st_size:
                raise IndexError_("another format, or the file was cut short")
        except (IndexError_, sqlite3.Error, ValueError, EOFError, TypeError, OSError):
            db.close()
            return None
        return cls(db, meta, path, before.st_ino)

    def _rows(self, sql: str, values: Sequence[Any], *head: Any) -> Iterator[tuple[Any, ...]]:
        """A query with `IN (?*)`, run in batches of values."""
        try:
            for start in range(0, len(values), _BATCH):
                part = values[start : start + _BATCH]
                query = sql.replace("(?*)", f"({','.join('?' * len(part))})")
                yield from self.db.execute(query, (*head, *part))
        except sqlite3.Error as exc:
            raise IndexError_(str(exc)) from None

    def _all(self, sql: str, *args: Any) -> Iterator[tuple[Any, ...]]:
        try:
            yield from self.db.execute(sql, args)
        except sqlite3.Error as exc:
            raise IndexError_(str(exc)) from None

    def late(self) -> Any:
        """The `LATE` entry of `meta`, read when asked for."""
        for value, crc in self._all("SELECT value, crc FROM meta WHERE name = ?", LATE):
            return marshal.loads(checked(value, crc))
        raise IndexError_(f"no {LATE}")

    _RECORD = "SELECT ordinal, id, section, blob, crc FROM records"

    def records_by_ordinal(self, ordinals: Iterable[int]) -> list[tuple[Any, ...]]:
        """(ordinal, id, section, blob, crc) of these records, in dataset order."""
        return sorted(self._rows(f"{self._RECORD} WHERE ordinal IN (?*)", sorted(set(ordinals))))

    def records_by_id(self, ids: Iterable[str]) -> list[tuple[Any, ...]]:
        return sorted(self._rows(f"{self._RECORD} WHERE id IN (?*)", sorted(set(ids))))

    def section(self, number: int) -> Iterator[tuple[Any, ...]]:
        return self._all(f"{self._RECORD} WHERE section = ? ORDER BY ordinal", number)

    def origins(self) -> Iterator[tuple[Any, ...]]:
        """(id, section, file, place) of every record, in dataset order."""
        return self._all("SELECT id, section, file, place FROM records ORDER BY ordinal")

    def entries(self, positions: Iterable[int] | None = None) -> Iterator[tuple[Any, ...]]:
        """(position, blob, crc) of these entries (all when None), in timeline order."""
        if positions is None:
            return self._all("SELECT position, blob, crc FROM entries ORDER BY position")
        wanted = sorted(set(positions))
        return iter(
            sorted(
                self._rows("SELECT position, blob, crc FROM entries WHERE position IN (?*)", wanted)
            )
        )

    def mentions(self, targets: Iterable[str]) -> tuple[set[int], set[int]]:
        """The ordinals of the records and the positions of the entries that name any of these
        ids."""
        records: set[int] = set()
        entries: set[int] = set()
        query = "SELECT target, records, entries, crc FROM mentions WHERE target IN (?*)"
        for target, a, b, crc in self._rows(query, sorted(set(targets))):
            if zlib.crc32(b, zlib.crc32(a, zlib.crc32(target.encode()))) != crc:
                raise IndexError_("a checksum does not match")
            records.update(marshal.loads(a))
            entries.update(marshal.loads(b))
        return records, entries

    def names(self, kind: int, needle: str, exact: bool = False) -> set[int]:
        """The ordinals of records with a name of this kind that contains `needle` (or is it)."""
        test = "key = ?" if exact else "instr(key, ?) > 0"
        query = f"SELECT ordinal FROM names WHERE kind = ? AND {test}"
        return {ordinal for (ordinal,) in self._all(query, kind, needle)}

    def search(self, needle: str, entries: bool = False) -> list[int]:
        """The ordinals of records (positions of entries) whose folded text contains `needle`."""
        table, key = ("entry_texts", "position") if entries else ("texts", "ordinal")
        query = f"SELECT {key} FROM {table} WHERE instr(text, ?) > 0"
        return [n for (n,) in self._all(query, needle)]

    def entries_between(self, first: int | None, last: int | None) -> list[int]:
        """The positions of entries whose dates may fall between two days (date ordinals)."""
        query = "SELECT position FROM entries WHERE latest >= ? AND earliest <= ?"
        return [n for (n,) in self._all(query, first or 0, last or 1 << 40)]

    def close(self) -> None:
        self.db.close()
