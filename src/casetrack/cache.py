"""A cache around the loader, so a repeated command on unchanged files skips the YAML parsing.

Reading YAML is by far the slowest part of a command on a large dataset (about 10 s for 100,000
records); the loaded dataset comes back from the cache in a fraction of that. Like beancount's
pickle cache around its `load_file`, this wraps the load from outside: look the key up; on a miss
load (`loader.build`) and save. The loader and the Dataset know nothing of it. The cache is never
trusted over the files:

- The key covers everything that decides what a load gives: every file's name and a hash of its
  bytes; casetrack's own code (see `code_stamp`) and version; the versions of pydantic (which
  validates), PyYAML and the libyaml linked into it (which parse), holidays (whose dates the
  deadline checks count over) and Python; and the size limit for one file. The bytes hashed are
  the very bytes the loader parses (each file is read once), so a key can never stand for a
  result read from other contents. Any change means a rebuild.
- Nothing is saved from a load during which a file changed (written, replaced, even restored with
  `cp -p`): its result might not be what the files now say.
- A cache file that is unreadable, truncated, corrupt, from another version, not owned by the
  user or not a regular file (a named pipe put in its place) is ignored and rebuilt. Failing to
  write one is not an error.
- Cache files live in the user's cache directory ($CASETRACK_CACHE_DIR, else
  $XDG_CACHE_HOME/casetrack, else ~/.cache/casetrack), never beside the data, one per dataset
  folder (or revision), replaced atomically. CASETRACK_NO_CACHE=1 turns the cache off.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from casetrack import __version__, cachefile
from casetrack.datafiles import MAX_FILE_BYTES, FileRead, FileSet, read_folder, unchanged
from casetrack.dataset import Dataset
from casetrack.problems import Problem

if TYPE_CHECKING:
    from casetrack.loader import SharedFiles
    from casetrack.revisions import Revision

CACHE_ENV = "CASETRACK_CACHE_DIR"
NO_CACHE_ENV = "CASETRACK_NO_CACHE"
MAX_FILES = 20  # dataset folders remembered; the least recently loaded are forgotten
# What older versions kept beside a cache file (the last output of a command): removed on sight.
_OLD_OUTPUT = (".output", b"casetrack-output 1\n")
# A cache file is opened without following a link and without waiting on a named pipe.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
_PACKAGE = Path(__file__).resolve().parent

Loaded = tuple[Dataset, list[Problem]]


def load(directory: str | Path, shared: SharedFiles | None = None) -> Loaded:
    """A dataset folder's (Dataset, problems): from the cache when it holds this very load, else
    loaded and saved. `shared`: see loader.SharedFiles (used only on a miss)."""
    return load_files(read_folder(Path(directory)), shared)


def load_files(files: FileSet, shared: SharedFiles | None = None) -> Loaded:
    """`load` for a folder whose files are already read (once: they are what the key hashes)."""
    reads = files.files
    store = None
    if reads and not files.problems and all(read.raw is not None for read in reads):
        named = [(read.shown, _digest(read.raw or b"")) for read in reads]
        store = _store(named, reads, folder=files.root)
    return _through(
        store,
        files.root,
        build=lambda: _build(files, shared),
        rebuild=lambda: _build(read_folder(files.root))[0],
    )


def load_revision(revision: Revision, shared: SharedFiles | None = None) -> Loaded:
    """A dataset folder at a git revision, through the cache when its files are known by their
    content alone: each by its git object id, which names one content for ever, so nothing is
    read to make the key. (A link among them is followed when read, so such a revision is loaded
    without the cache.)"""
    from casetrack import revisions

    listed = revisions.listing(revision)
    store = None
    if listed and not revisions.has_links(listed):
        slot = f"git\0{revision.top}\0{revision.folder}\0{revision.label}"
        store = _store([(shown, oid.encode()) for shown, _, oid, _ in listed], [], slot=slot)
    return _through(
        store,
        revision.top / revision.folder,
        build=lambda: revisions.load(revision, listed, shared),
        rebuild=lambda: revisions.load(revision, listed)[0],
    )


def _build(files: FileSet, shared: SharedFiles | None = None) -> Loaded:
    from casetrack.loader import build  # only on a miss: a dataset from the cache needs no YAML

    return build(files, shared)


def _through(
    store: _Store | None,
    root: Path | None,
    build: Callable[[], Loaded],
    rebuild: Callable[[], Dataset],
) -> Loaded:
    """Lookup, else build and save: the one place the cache meets the loader."""
    if store is None:
        return build()
    hit = store.read(root, rebuild)
    if hit is not None:
        return hit
    dataset, problems = build()
    if not any(p.severity == "fatal" for p in problems):
        store.write(dataset, problems)
    return dataset, problems


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


class _Store:
    """The cache file of one dataset folder (or revision), the key its contents must match, and
    the files whose state must not change before a result is saved."""

    def __init__(self, file: Path, key: bytes, reads: list[FileRead]):
        self.file = file
        self.key = key
        self._reads = reads

    def read(self, root: Path | None, rebuild: Callable[[], Dataset]) -> Loaded | None:
        """The cached (dataset, problems), or None when there is no sound, current cache file."""
        raw = _read_own(self.file)
        return None if raw is None else cachefile.read(raw, self.key, root, rebuild)

    def write(self, dataset: Dataset, problems: list[Problem]) -> None:
        """Save a freshly loaded dataset; quietly does nothing when that is not possible, or when a
        file changed while it was being loaded (the result might mix old and new)."""
        if not all(unchanged(read) for read in self._reads):
            return
        from casetrack.atomic import write_atomic  # only when writing: not on the quick path

        try:
            parts = cachefile.parts(self.key, dataset, problems)
            folder = self.file.parent
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomic(self.file, parts, force=True, durable=False, mode=0o600)
            _remove_own(self.file.with_suffix(_OLD_OUTPUT[0]), _OLD_OUTPUT[1])
            _prune(folder, keep=self.file)
        except Exception:  # a cache that cannot be written is only a slower next run
            return


def _store(
    files: Iterable[tuple[str, bytes]],
    reads: list[FileRead],
    *,
    folder: Path | None = None,
    slot: str = "",
) -> _Store | None:
    """The Store of one dataset, keyed on its files (shown name, content digest) and everything
    else that decides the load: the cache file of a data `folder` (as seen from the working
    directory), or of a `slot` (a revision). None when the cache is off, or its directory cannot
    be trusted or is inside the data."""
    if not enabled():
        return None
    try:
        home = _usable_dir()
        if home is None:
            return None
        if folder is not None:
            data = folder.resolve()
            if home == data or data in home.parents:
                return None  # never write beside the data
            slot = f"{data}\0{Path.cwd()}"
    except (OSError, RuntimeError, ValueError):
        return None
    key = hashlib.blake2b(digest_size=32)
    key.update(environment())
    for shown, digest in files:
        key.update(shown.encode("utf-8", "surrogateescape") + b"\0" + digest + b"\0")
    name = hashlib.blake2b(slot.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return _Store(home / f"{name}.pickle", key.digest(), reads)


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=32).digest()


def environment() -> bytes:
    """Everything besides the files that decides what a load gives, as one string of bytes."""
    import pydantic_core
    from pydantic.version import VERSION as pydantic

    parts = (
        f"casetrack {__version__}",
        f"code {code_stamp()}",
        f"python {sys.version}",
        f"pydantic {pydantic} {pydantic_core.__version__}",
        f"yaml {installed('yaml')}",
        f"holidays {installed('holidays')}",
        f"limit {MAX_FILE_BYTES}",
    )
    return "\0".join(parts).encode("utf-8", "surrogateescape")


def code_stamp() -> str:
    """casetrack's own code, as Python itself judges it: the path, size and modification time of
    every module, the test Python uses to decide that a module's bytecode is stale. An edit (in
    a development checkout, or an upgrade) changes it, so the cache never answers with what the
    code before the edit made."""
    return _folder_stamp(_PACKAGE, recursive=True)


def installed(package: str) -> str:
    """What is installed of a package: its folder's files by name, size and modification time,
    found without importing it (importing `yaml` or `holidays` would cost more than a cached
    load). Installing another version rewrites them; for PyYAML the libyaml it parses with is
    linked into its extension module, one of those files."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    return ";".join(_folder_stamp(Path(folder)) for folder in folders) or "not installed"


def _folder_stamp(folder: Path, recursive: bool = False) -> str:
    stamp = hashlib.blake2b(digest_size=16)
    todo = [folder]
    while todo:
        here = todo.pop()
        try:
            entries = sorted(os.scandir(here), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if recursive and entry.name != "__pycache__":
                    todo.append(Path(entry.path))
            elif not recursive or entry.name.endswith(".py"):
                st = entry.stat()
                name = os.path.relpath(entry.path, folder)
                stamp.update(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode("utf-8", "replace"))
    return stamp.hexdigest()


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


def _usable_dir() -> Path | None:
    """The cache directory, resolved; None when others can write to it (its files could be
    anyone's)."""
    folder = cache_dir().resolve()
    if folder.exists() and not _trusted(folder.stat(), stat.S_ISDIR):
        return None
    return folder


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
        if _remove_own(Path(path), cachefile.MAGIC):
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


def _trusted(st: os.stat_result, kind: Callable[[int], bool] = stat.S_ISREG) -> bool:
    """A cache file (or its folder) is used only when it is this user's and no one else can
    write to it."""
    if not kind(st.st_mode) or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()
