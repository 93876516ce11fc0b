"""A cache of loaded datasets, so a repeated command on unchanged files skips the YAML parsing.

Reading YAML is by far the slowest part of a command on a large dataset (about 10 s for 100,000
records); the loaded dataset comes back from the cache in a fraction of that. The cache is never
trusted over the files:

- The key covers every file's name and a hash of its bytes, plus the casetrack, pydantic and
  Python versions. The bytes hashed are the very bytes the loader parses (each file is read once),
  so a key can never stand for a result read from other contents. Any change means a rebuild.
- Nothing is saved from a load during which a file changed (written, replaced, even restored with
  `cp -p`): its result might not be what the files now say.
- A cache file that is unreadable, truncated, corrupt, from another version, not owned by the
  user or not a regular file (a named pipe put in its place) is ignored and rebuilt. Failing to
  write one is not an error.
- Cache files live in the user's cache directory ($CASETRACK_CACHE_DIR, else
  $XDG_CACHE_HOME/casetrack, else ~/.cache/casetrack), never beside the data, one per dataset
  folder, replaced atomically. CASETRACK_NO_CACHE=1 turns the cache off.

The file is a small header (the key, the problems and the counts `validate` prints) followed by
the records, so `validate` on an unchanged dataset never rebuilds the records at all: a cached
Dataset unpacks its records the first time they are used.

Pickle is used because the file is casetrack's own, in a directory only the user can write; a file
owned by someone else, or in a directory others can write to, is not read.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pickle
import re
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from casetrack import __version__
from casetrack.dates import DateSpan, PartialDate
from casetrack.loader import Dataset, FileRead, Origin, unchanged
from casetrack.models import Model
from casetrack.problems import Problem

MAGIC = b"casetrack-cache 1\n"
CACHE_ENV = "CASETRACK_CACHE_DIR"
NO_CACHE_ENV = "CASETRACK_NO_CACHE"
_HASH_SIZE = 32
FREEZE_BYTES = 4 * 1024 * 1024  # about 10,000 records
MAX_FILES = 20  # dataset folders remembered; the least recently loaded are forgotten
# The Dataset fields that hold records (everything but `root` and `files`).
RECORD_FIELDS = tuple(
    f.name for f in dataclasses.fields(Dataset) if f.name not in ("root", "files")
)
# What older versions kept beside a cache file (the last output of a command): removed on sight.
_OLD_OUTPUT = (".output", b"casetrack-output 1\n")
# A cache file is opened without following a link and without waiting on a named pipe.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)


def cache_dir() -> Path:
    """Where cache files go: $CASETRACK_CACHE_DIR, else $XDG_CACHE_HOME/casetrack, else
    ~/.cache/casetrack."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "casetrack"


def enabled() -> bool:
    """False when CASETRACK_NO_CACHE is set to anything but '' or '0'."""
    return os.environ.get(NO_CACHE_ENV, "") in ("", "0")


class Store:
    """The cache file of one dataset folder, the key its contents must match, and the files whose
    state must not change before a result is saved."""

    def __init__(self, file: Path, key: bytes, reads: list[FileRead]):
        self.file = file
        self.key = key
        self._reads = reads

    def read(
        self, root: Path, rebuild: Callable[[], Dataset]
    ) -> tuple[Dataset, list[Problem]] | None:
        """The cached (dataset, problems), or None when there is no sound, current cache file.

        `rebuild` loads the dataset from the files; it is called only if the records, unpacked
        later, turn out to be unusable after all.
        """
        raw = _read_own(self.file)
        if raw is None:
            return None
        try:
            header, body = _split(raw)
            if header.get("key") != self.key:
                return None
            if hashlib.blake2b(body, digest_size=_HASH_SIZE).digest() != header["body_hash"]:
                return None
            files: list[str] = header["files"]
            count: int = header["count"]
            problems: list[Problem] = header["problems"]
            if not all(isinstance(p, Problem) for p in problems):
                return None
        except Exception:  # any damage at all means "no cache"
            return None
        return _CachedDataset(root, files, count, body, rebuild), problems

    def write(self, dataset: Dataset, problems: list[Problem]) -> None:
        """Save a freshly loaded dataset; quietly does nothing when that is not possible, or when a
        file changed while it was being loaded (the result might mix old and new)."""
        if not all(unchanged(read) for read in self._reads):
            return
        from casetrack.atomic import write_atomic  # only when writing: not on the quick path

        try:
            body = _dump({name: dataset.section(name) for name in RECORD_FIELDS})
            header = pickle.dumps(
                {
                    "key": self.key,
                    "files": list(dataset.files),
                    "count": len(dataset),
                    "problems": list(problems),
                    "body_hash": hashlib.blake2b(body, digest_size=_HASH_SIZE).digest(),
                },
                protocol=pickle.HIGHEST_PROTOCOL,
            )
            folder = self.file.parent
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            parts = [MAGIC, len(header).to_bytes(8, "little"), header, body]
            write_atomic(self.file, parts, force=True, durable=False, mode=0o600)
            _remove_own(self.file.with_suffix(_OLD_OUTPUT[0]), _OLD_OUTPUT[1])
            _prune(folder, keep=self.file)
        except Exception:  # a cache that cannot be written is only a slower next run
            return


def _read_own(file: Path) -> bytes | None:
    """A cache file's bytes, when it is a regular file of this user's that no one else can write;
    else None. Never waits: a named pipe in its place is opened without blocking and refused."""
    try:
        fd = os.open(file, _OPEN_FLAGS)
    except OSError:
        return None
    with open(fd, "rb") as f:
        try:
            if not _trusted(os.fstat(fd)):
                return None
            return f.read()
        except OSError:
            return None


def open_store(root: Path, reads: list[FileRead], max_file_bytes: int) -> Store | None:
    """The cache Store for a dataset folder and its files as read, or None when the cache is off
    or cannot be used for this folder (a file that could not be read, or the cache directory
    inside the data)."""
    if not enabled() or any(read.raw is None for read in reads):
        return None
    try:
        folder = _usable_dir()
        resolved = root.resolve()
        if folder is None or folder == resolved or resolved in folder.parents:
            return None  # never write beside the data
    except (OSError, RuntimeError, ValueError):
        return None
    where = hashlib.blake2b(digest_size=16)
    where.update(f"{resolved}\0{Path.cwd()}".encode("utf-8", "surrogateescape"))
    key = _versions_key(max_file_bytes)
    for read in reads:
        key.update(read.shown.encode("utf-8", "surrogateescape") + b"\0")
        key.update(hashlib.blake2b(read.raw or b"", digest_size=_HASH_SIZE).digest())
    return Store(folder / f"{where.hexdigest()}.pickle", key.digest(), reads)


def open_content_store(
    slot: str, files: Sequence[tuple[str, str]], max_file_bytes: int
) -> Store | None:
    """The cache Store for a dataset whose files are known by their content alone: a folder at a
    git revision, each file given as (shown name, git object id). An object id names one content
    for ever, so nothing is read to make the key; `slot` (the repository, tree and revision as
    typed) gives each revision its own cache file. None when the cache is off or unusable."""
    if not enabled():
        return None
    try:
        folder = _usable_dir()
    except (OSError, RuntimeError):
        return None
    if folder is None:
        return None
    key = _versions_key(max_file_bytes)
    key.update(_code_stamp())
    for shown, object_id in files:
        key.update(f"{shown}\0{object_id}\0".encode("utf-8", "surrogateescape"))
    where = hashlib.blake2b(slot.encode("utf-8", "surrogateescape"), digest_size=16)
    return Store(folder / f"{where.hexdigest()}.pickle", key.digest(), [])


def _usable_dir() -> Path | None:
    """The cache directory, resolved; None when others can write to it (its files could be
    anyone's)."""
    folder = cache_dir().resolve()
    if folder.exists() and not _trusted(folder.stat(), stat.S_ISDIR):
        return None
    return folder


def _versions_key(max_file_bytes: int) -> Any:
    """A key hash started with everything besides the files that decides a loaded dataset."""
    key = hashlib.blake2b(digest_size=_HASH_SIZE)
    key.update(f"{__version__}\0{_pydantic_version()}\0{sys.version}\0{max_file_bytes}\0".encode())
    return key


def _code_stamp() -> bytes:
    """Changes whenever casetrack's own code does (an edit in a development checkout, not only
    a new version)."""
    stamp = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent
    for folder in (package, package / "render", package / "commands", package / "export"):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                st = entry.stat()
                stamp.update(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return stamp.digest()


_NAME = re.compile(r"[0-9a-f]{32}\.pickle")


def _prune(folder: Path, keep: Path, most: int = MAX_FILES) -> None:
    """Remove the least recently written cache files beyond `most` (one per dataset folder).

    Only casetrack's own files go: named as it names them and starting as they start (the cache
    directory may be one the user keeps other things in).
    """
    found = []
    for entry in os.scandir(folder):
        if _NAME.fullmatch(entry.name) and entry.path != str(keep) and entry.is_file():
            found.append((entry.stat().st_mtime_ns, entry.path))
    for _, path in sorted(found, reverse=True)[most - 1 :]:
        if _remove_own(Path(path), MAGIC):
            _remove_own(Path(path).with_suffix(_OLD_OUTPUT[0]), _OLD_OUTPUT[1])


def _remove_own(path: Path, magic: bytes) -> bool:
    """Delete a file only if it starts as casetrack writes it; whether it did."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return False
    with open(fd, "rb") as f:
        try:
            ours = stat.S_ISREG(os.fstat(fd).st_mode) and f.read(len(magic)) == magic
        except OSError:
            return False
    if ours:
        path.unlink(missing_ok=True)
    return ours


def _pydantic_version() -> str:
    import pydantic

    return str(pydantic.VERSION)


def _trusted(st: os.stat_result, kind: Callable[[int], bool] = stat.S_ISREG) -> bool:
    """A cache file (or its folder) is used only when it is this user's and no one else can
    write to it."""
    if not kind(st.st_mode) or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()


def _split(raw: bytes) -> tuple[dict[str, Any], bytes]:
    if not raw.startswith(MAGIC):
        raise ValueError("not a casetrack cache file")
    start = len(MAGIC) + 8
    size = int.from_bytes(raw[len(MAGIC) : start], "little")
    header = pickle.loads(raw[start : start + size])
    if not isinstance(header, dict):
        raise ValueError("bad header")
    return header, raw[start + size :]


class _CachedDataset(Dataset):
    """A Dataset from the cache whose records are unpacked the first time they are used.

    `files` and the record count are known at once (that is all `validate` needs).
    """

    def __init__(
        self, root: Path, files: list[str], count: int, body: bytes, rebuild: Callable[[], Dataset]
    ) -> None:
        # Only root and files are set: the record fields are found by __getattr__ below.
        self.root = root
        self.files = files
        self._count = count
        self._body: bytes | None = body
        self._rebuild = rebuild

    def __getattr__(self, name: str) -> Any:
        if name in RECORD_FIELDS and self.__dict__.get("_body") is not None:
            self._unpack()
            return self.__dict__[name]
        raise AttributeError(name)

    def _unpack(self) -> None:
        body, self._body = self._body, None
        try:
            sections = _load(body or b"")
            if not isinstance(sections, dict) or set(sections) != set(RECORD_FIELDS):
                raise ValueError("bad cache body")
        except Exception:
            fresh = self._rebuild()
            sections = {name: fresh.section(name) for name in RECORD_FIELDS}
        self.__dict__.update(sections)

    def __len__(self) -> int:
        return self._count


# Pickling pydantic models and slotted dataclasses the generic way runs Python code for every
# object (__setstate__), which for 100,000 records takes seconds. These reducers rebuild each with
# a few attribute stores, and share equal dates, so the cache reads in about half a second.
_set = object.__setattr__


def _model(cls: type[Model], values: dict[str, Any], fields_set: set[str]) -> Model:
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", fields_set)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def _partial_date(
    year: int, month: int | None, day: int | None, approximate: bool, uncertain: bool
) -> PartialDate:
    obj = PartialDate.__new__(PartialDate)
    _set(obj, "year", year)
    _set(obj, "month", month)
    _set(obj, "day", day)
    _set(obj, "approximate", approximate)
    _set(obj, "uncertain", uncertain)
    return obj


def _date_span(start: PartialDate, end: PartialDate | None) -> DateSpan:
    obj = DateSpan.__new__(DateSpan)
    _set(obj, "start", start)
    _set(obj, "end", end)
    return obj


def _origin(path: str, section: str, index: int) -> Origin:
    obj = Origin.__new__(Origin)
    _set(obj, "path", path)
    _set(obj, "section", section)
    _set(obj, "index", index)
    return obj


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._shared: dict[Any, Any] = {}

    def _share(self, value: Any) -> Any:
        # Equal dates become one object (a dataset has far fewer distinct dates than records).
        # Sharing equal strings too was tried: it makes the file no smaller or quicker to read,
        # and writing it half as slow again.
        if type(value) is DateSpan:
            return self._shared.setdefault(value, value)
        return value

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, Model):
            values = {k: self._share(v) for k, v in obj.__dict__.items()}
            fields = frozenset(obj.__pydantic_fields_set__)
            shared = self._shared.setdefault(("fields", fields), set(fields))
            return _model, (type(obj), values, shared)
        kind = type(obj)
        if kind is PartialDate:
            return _partial_date, (obj.year, obj.month, obj.day, obj.approximate, obj.uncertain)
        if kind is DateSpan:
            return _date_span, (obj.start, obj.end)
        if kind is Origin:
            return _origin, (obj.path, obj.section, obj.index)
        return NotImplemented


def _dump(value: Any) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer).dump(value)
    return buffer.getvalue()


def _load(body: bytes) -> Any:
    import gc

    # Unpickling builds hundreds of thousands of objects; the cyclic collector would walk them
    # over and over for nothing (they hold no cycles), during the load and for as long as the
    # command runs. A large dataset is set aside from collection for the life of the process.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        loaded = pickle.loads(body)
        if len(body) > FREEZE_BYTES:
            gc.freeze()
        return loaded
    finally:
        if was_enabled:
            gc.enable()
