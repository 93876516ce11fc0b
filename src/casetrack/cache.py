"""A cache around the loader: an index of each loaded dataset, so that a question on unchanged
files reads no YAML and decodes only the records it needs.

Reading YAML is by far the slowest part of a command on a large dataset (seconds for 100,000
records). Like beancount's cache around its `load_file`, this wraps the load from outside: look
the index up; on a miss load (`loader.build`) and save. The loader and the Dataset know nothing of
it; the index is written by `indexbuild` and read by `indexed`. The cache is never trusted over
the files:

- The key covers everything besides the files that decides what a load gives: casetrack's own
  code (see `code_stamp`) and version; what is installed of pydantic (which validates), PyYAML
  and the libyaml linked into it (which parse), yaml_rs (which may parse), holidays (whose dates
  the deadline checks count over) and Python; and the size limit for one file.
- The files are known by their state: name, size, modification and change times, inode and
  device, as git knows a work tree. A file written within a moment of the load that made the
  index ("racy", as git says: a change in the same tick of the clock leaves the times as they
  were) is read and its hash compared instead. A revision's files are known by their git object
  ids, which name one content for ever.
- Nothing is saved from a load during which a file changed (written, replaced, even restored with
  `cp -p`): its result might not be what the files now say.
- An index that is unreadable, truncated, corrupt (each record and entry has a checksum), from
  another version, not owned by the user or not a regular file (a named pipe put in its place) is
  ignored and rebuilt; damage found only while it is read makes the dataset load from its files.
  Failing to write one is not an error.
- Index files live in the user's cache directory ($CASETRACK_CACHE_DIR, else
  $XDG_CACHE_HOME/casetrack, else ~/.cache/casetrack), never beside the data, one per dataset
  folder (or revision), replaced atomically. CASETRACK_NO_CACHE=1 turns the cache off.
- Writing the index of a large dataset takes seconds; where the system can fork, a child process
  writes it after the command has its answer (at a lower priority, one writer at a time), so the
  command does not wait for it.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casetrack import __version__

try:  # the hash alone: importing hashlib loads OpenSSL's too, which a cached query never needs
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython has it
    from hashlib import blake2b
from casetrack.cachedir import (
    CACHE_ENV,
    MAX_FILES,
    NO_CACHE_ENV,
    OLD,
    SUFFIX,
    cache_dir,
    enabled,
    prune,
    remove_own,
    trusted,
    usable_dir,
)
from casetrack.datafiles import (
    MAX_FILE_BYTES,
    FileRead,
    FileSet,
    read_folder,
    scan_folder,
    state,
    unchanged,
)
from casetrack.dataset import Dataset
from casetrack.problems import Problem, Problems

if TYPE_CHECKING:
    from casetrack.indexfile import IndexFile
    from casetrack.loader import SharedFiles
    from casetrack.revisions import Revision

__all__ = ["CACHE_ENV", "MAX_FILES", "NO_CACHE_ENV", "cache_dir", "enabled", "load", "load_files"]

# A file modified this close to the load that made the index may change again without its
# times changing (coarse clocks: 2 s on FAT; network filesystems): such a file is hashed.
RACY_NS = 2_000_000_000
# From this many records the index is written behind the command, by a child process.
BEHIND_RECORDS = 10_000
_PACKAGE = Path(__file__).resolve().parent

Loaded = tuple[Dataset, list[Problem]]


def load(directory: str | Path, shared: SharedFiles | None = None) -> Loaded:
    """A dataset folder's (Dataset, problems): from its index when that holds what the files say,
    else loaded and saved. `shared`: see loader.SharedFiles (used only on a miss)."""
    dataset, problems = load_files(scan_folder(Path(directory)), shared)
    try:
        len(problems)  # every problem now (from an index, they are read when first used)
    except Exception:  # damage found late: the files decide
        return _build(read_folder(Path(directory)), shared)
    return dataset, problems


def load_files(files: FileSet, shared: SharedFiles | None = None) -> Loaded:
    """`load` for a folder whose files are found (scanned or read: each is read at most once,
    and only when the index cannot answer)."""
    start = time.time_ns()
    store = _folder_store(files)
    if store is not None:
        hit = store.read(
            files.root,
            lambda meta: _fresh(meta, files.files),
            lambda: _build(read_folder(files.root))[0],
        )
        if hit is not None:
            return hit
    files.read()
    # Before the load, which lets each file's bytes go once it has parsed them.
    manifest = _manifest(files.files) if store is not None and _complete(files) else None
    dataset, problems = _build(files, shared)
    if store is not None and manifest is not None and not _fatal(problems):
        stamp = {"key": store.key, "built": start, "manifest": manifest}
        store.write(dataset, problems, stamp, files.files)
    return dataset, problems


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
        names = [(shown, oid.encode()) for shown, _, oid, _ in listed]
        store = _store(slot=slot, extra=names)
    root = revision.top / revision.folder
    if store is not None:
        hit = store.read(root, lambda meta: True, lambda: revisions.load(revision, listed)[0])
        if hit is not None:
            return hit
    dataset, problems = revisions.load(revision, listed, shared)
    if store is not None and not _fatal(problems):
        store.write(dataset, problems, {"key": store.key}, [])
    return dataset, problems


def _build(files: FileSet, shared: SharedFiles | None = None) -> Loaded:
    from casetrack.loader import build  # only on a miss: a dataset from the cache needs no YAML

    return build(files, shared)


def _fatal(problems: list[Problem]) -> bool:
    return any(p.severity == "fatal" for p in problems)


def _complete(files: FileSet) -> bool:
    return bool(files.files) and not files.problems and all(f.raw is not None for f in files.files)


def _digest(raw: bytes) -> bytes:
    return blake2b(raw, digest_size=32).digest()


def _manifest(reads: list[FileRead]) -> list[tuple[Any, ...]]:
    """Each file's name, state when read and hash: what a later run compares."""
    return [(f.shown, *state(f.stat), _digest(f.raw or b"")) for f in reads if f.stat]


def _fresh(meta: dict[str, Any], reads: list[FileRead]) -> bool:
    """Whether the files are those the index was made from: the same names, each in the same
    state; a racy one (modified within RACY_NS of that load) read and hashed."""
    manifest = meta.get("manifest")
    if not isinstance(manifest, list) or len(manifest) != len(reads):
        return False
    racy_from = meta["built"] - RACY_NS
    for kept, read in zip(manifest, reads, strict=True):
        if read.stat is None or kept[0] != read.shown or tuple(kept[1:6]) != state(read.stat):
            return False
        if kept[4] >= racy_from:  # its modification time
            read.read()  # kept: on a miss, these bytes are the ones parsed
            if read.raw is None or read.stat is None or _digest(read.raw) != kept[6]:
                return False
            if state(read.stat) != tuple(kept[1:6]):
                return False
    return True


class _Store:
    """The index file of one dataset folder (or revision), and the key it must have been made
    for."""

    def __init__(self, file: Path, key: bytes):
        self.file = file
        self.key = key

    def read(
        self,
        root: Path | None,
        fresh: Callable[[dict[str, Any]], bool],
        rebuild: Callable[[], Dataset],
    ) -> Loaded | None:
        """The cached (dataset, problems), or None when there is no sound, current index.
        `rebuild` loads the dataset from its files, should the index fail while it is read."""
        from casetrack.indexfile import IndexFile

        index = IndexFile.open(self.file, trusted)
        if index is None:
            return None
        try:
            if index.meta.get("key") != self.key or not fresh(index.meta):
                index.close()
                return None
            return _dataset(index, root, rebuild)
        except Exception:  # any damage at all means "no cache"
            index.close()
            return None

    def write(
        self,
        dataset: Dataset,
        problems: list[Problem],
        stamp: dict[str, Any],
        reads: list[FileRead],
    ) -> None:
        """Save a freshly loaded dataset's index: behind the command for a large dataset, where
        the system can fork; quietly nothing when that is not possible."""
        from casetrack import writebehind

        writebehind.save(
            lambda: self._save(dataset, problems, stamp, reads),
            self.file.with_suffix(".lock"),
            behind=len(dataset) >= BEHIND_RECORDS,
        )

    def _save(
        self,
        dataset: Dataset,
        problems: list[Problem],
        stamp: dict[str, Any],
        reads: list[FileRead],
    ) -> None:
        # Not from a load during which a file changed: the result might mix old and new.
        if not all(unchanged(read) for read in reads):
            return
        from casetrack import indexbuild
        from casetrack.atomic import build_atomic

        try:
            folder = self.file.parent
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            build_atomic(
                self.file,
                lambda tmp: indexbuild.write(tmp, dataset, problems, stamp),
                force=True,
                durable=False,
                mode=0o600,
            )
            if not all(unchanged(read) for read in reads):  # changed while the index was written
                self.file.unlink(missing_ok=True)
                return
            for suffix, magic in OLD:
                remove_own(self.file.with_suffix(suffix), magic)
            prune(folder, keep=self.file)
        except Exception:  # a cache that cannot be written is only a slower next run
            return


def _dataset(index: IndexFile, root: Path | None, rebuild: Callable[[], Dataset]) -> Loaded:
    from casetrack.indexed import IndexedDataset

    dataset = IndexedDataset(index, root, rebuild)
    decode = dataset.records.decode
    serious = decode(index.meta["serious"])
    if not all(isinstance(p, Problem) for p in serious):
        raise ValueError("bad problems")

    def read() -> list[Problem]:
        found: list[Problem] = decode(index.late())
        return found

    return dataset, Problems(serious, read)


def _folder_store(files: FileSet) -> _Store | None:
    if not files.files or files.problems:
        return None
    try:
        data = files.root.resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    return _store(folder=data)


def _store(
    *, folder: Path | None = None, slot: str = "", extra: Iterable[tuple[str, bytes]] = ()
) -> _Store | None:
    """The Store of one dataset: the index of a data `folder` (as seen from the working
    directory), or of a `slot` (a revision, with its files as `extra`). None when the cache is
    off, or its directory cannot be trusted or is inside the data."""
    if not enabled():
        return None
    try:
        home = usable_dir()
        if home is None:
            return None
        if folder is not None:
            if home == folder or folder in home.parents:
                return None  # never write beside the data
            slot = f"{folder}\0{Path.cwd()}"
    except (OSError, RuntimeError, ValueError):
        return None
    key = blake2b(digest_size=32)
    key.update(environment())
    for shown, digest in extra:
        key.update(shown.encode("utf-8", "surrogateescape") + b"\0" + digest + b"\0")
    name = blake2b(slot.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return _Store(home / f"{name}{SUFFIX}", key.digest())


def environment() -> bytes:
    """Everything besides the files that decides what a load gives, as one string of bytes.
    Nothing is imported to find it (pydantic alone would cost more than a cached query)."""
    parts = (
        f"casetrack {__version__}",
        f"code {code_stamp()}",
        f"python {sys.version}",
        f"pydantic {installed('pydantic')} {installed('pydantic_core')}",
        f"yaml {installed('yaml')}",
        f"yaml_rs {installed('yaml_rs')}",
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
    if spec is not None and not folders and spec.origin:
        folders = [str(Path(spec.origin).parent)]  # a single-module package (an extension)
    return ";".join(_folder_stamp(Path(folder)) for folder in folders) or "not installed"


def _folder_stamp(folder: Path, recursive: bool = False) -> str:
    stamp = blake2b(digest_size=16)
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
