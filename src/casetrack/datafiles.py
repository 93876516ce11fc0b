"""A dataset folder's files, found and read once: the bytes that both the cache key and the parse
use, with each file's state when read, or the problems that kept it from being read.

A dataset is a folder of YAML files, searched recursively; hidden files and folders are skipped
and links to folders are not followed. Only regular files are read (a named pipe or a device
would wait for ever), none over MAX_FILE_BYTES. Nothing here parses, prints or exits.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from casetrack.problems import Problem

MAX_FILE_BYTES = 64 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


def display_path(path: Path) -> str:
    """A path as users want to read it: relative to the working directory when inside it.

    The folder is resolved, not the file: a link keeps the name it was given (a broken or looping
    link is reported under its own name, not its target's).
    """
    return _Displayer()(path)


class _Displayer:
    """display_path for many files: the working directory, and each folder, resolved once."""

    def __init__(self) -> None:
        try:
            cwd = str(Path.cwd().resolve())
        except (OSError, RuntimeError):
            cwd = ""
        self._cwd = cwd
        self._under = cwd if cwd.endswith(os.sep) else cwd + os.sep
        self._folders: dict[Path, str | None] = {}

    def __call__(self, path: Path) -> str:
        folder = path.parent
        if folder not in self._folders:
            self._folders[folder] = self._shown(folder)
        shown = self._folders[folder]
        if shown is None:
            return str(path)
        return f"{shown}{os.sep}{path.name}" if shown else path.name

    def _shown(self, folder: Path) -> str | None:
        """A resolved folder relative to the working directory ('' for itself); None when it is
        not inside it or cannot be resolved."""
        try:
            resolved = str(folder.resolve())
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
            return None
        if not self._cwd:
            return None
        if resolved == self._cwd:
            return ""
        return resolved[len(self._under) :] if resolved.startswith(self._under) else None


def find_files(directory: Path) -> list[Path]:
    """The dataset's YAML files, sorted; hidden folders and files skipped; links not followed."""
    found = []
    for dirpath, dirnames, filenames in os.walk(directory, onerror=_raise, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.lower().endswith(YAML_SUFFIXES) and not name.startswith("."):
                found.append(Path(dirpath) / name)
    return found


def _raise(exc: OSError) -> None:
    # os.walk skips folders it cannot list unless told otherwise: an unreadable folder would look
    # like a folder without data files.
    raise exc


# Opening a named pipe for reading waits for a writer; without blocking it opens at once, and
# fstat then says what it is. (No effect on a regular file.)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


@dataclass(slots=True)
class FileRead:
    """One data file, read once: its bytes, which both the cache key and the parse use, and its
    state when read; or the problems that kept it from being read (then `raw` is None). A file
    only scanned (`scan_folder`) is not read yet: no bytes, no problems, its state when seen."""

    path: Path
    shown: str
    raw: bytes | None
    stat: os.stat_result | None  # None when the file changed while it was being read
    problems: list[Problem]

    @property
    def pending(self) -> bool:
        """Whether the file is only scanned: not read yet."""
        return self.raw is None and not self.problems

    def read(self) -> FileRead:
        """The file read, if it was only scanned (at most once: this record keeps the bytes)."""
        if self.pending:
            done = read_file(self.path, self.shown)
            self.raw, self.stat, self.problems = done.raw, done.stat, done.problems
        return self


@dataclass(slots=True)
class FileSet:
    """A dataset folder read: each data file, in order (none in a folder without data files); or
    the problems that make the folder unusable (missing, not a folder, unreadable), all of
    severity "fatal"."""

    root: Path
    files: list[FileRead]
    problems: list[Problem]

    @property
    def size(self) -> int:
        """How many bytes of data the files hold (as read, or as scanned)."""
        total = 0
        for f in self.files:
            if f.raw is not None:
                total += len(f.raw)
            elif f.pending and f.stat is not None:
                total += f.stat.st_size
        return total

    def read(self) -> FileSet:
        """Every file read (those only scanned are read now, each once)."""
        for f in self.files:
            f.read()
        return self


def read_folder(directory: Path) -> FileSet:
    """Find a dataset folder's files and read each of them once."""
    return scan_folder(directory).read()


def scan_folder(directory: Path) -> FileSet:
    """Find a dataset folder's files and note each one's state, reading none of them: the cache
    tells from the states alone whether its index still holds what the files say."""
    shown = display_path(directory)

    def unusable(message: str, where: str = shown) -> FileSet:
        return FileSet(directory, [], [Problem(where, None, None, message, "fatal")])

    if not directory.exists():
        return unusable("no such directory")
    if not directory.is_dir():
        return unusable("not a directory; give the folder of YAML files")
    try:
        paths = find_files(directory)
    except OSError as exc:
        where = display_path(Path(exc.filename)) if exc.filename else shown
        return unusable(f"cannot read this folder: {exc.strerror}", where)
    shown_as = _Displayer()
    return FileSet(directory, [_scan(path, shown_as(path)) for path in paths], [])


def _scan(path: Path, shown: str) -> FileRead:
    """A file's state, without reading it (a problem here is found again when it is read)."""
    try:
        st: os.stat_result | None = os.stat(path)
    except OSError:
        st = None
    return FileRead(path, shown, None, st, [])


def read_file(path: Path, shown: str) -> FileRead:
    """Read a data file's bytes, once, from one open: a pipe or device is never read, a file over
    MAX_FILE_BYTES is not read at all, and one that grows past it while read is refused too."""

    def cannot(reason: str) -> FileRead:
        problem = Problem(shown, None, None, f"cannot read this file: {reason}", "fatal")
        return FileRead(path, shown, None, None, [problem])

    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    except OSError as exc:
        return cannot(exc.strerror or str(exc))
    with open(fd, "rb") as f:
        try:
            before = os.fstat(fd)
            if not stat.S_ISREG(before.st_mode):
                # Reading a named pipe or a device would wait for ever, or never end.
                return cannot("not a regular file (a pipe, socket or device)")
            if before.st_size > MAX_FILE_BYTES:
                return FileRead(path, shown, None, None, [too_large(before.st_size, shown)])
            raw = f.read(MAX_FILE_BYTES + 1)
            after = os.fstat(fd)
        except OSError as exc:
            return cannot(exc.strerror or str(exc))
    if len(raw) > MAX_FILE_BYTES:
        return FileRead(path, shown, None, None, [too_large(len(raw), shown)])
    steady = state(before) == state(after) and len(raw) == after.st_size
    return FileRead(path, shown, raw, before if steady else None, [])


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """A file's text, or the problems that keep it from being read."""
    read = read_file(path, shown)
    return decode(read.raw, shown) if read.raw is not None else (None, read.problems)


def state(st: os.stat_result) -> tuple[int, ...]:
    """What changes when a file is written, moved or replaced: `cp -p` keeps the modification
    time, but not the change time."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def unchanged(read: FileRead) -> bool:
    """Whether a file is still as it was read: same file, size and times, and steady while read."""
    if read.stat is None:
        return False
    try:
        return state(os.stat(read.path)) == state(read.stat)
    except OSError:
        return False


def too_large(size: int, shown: str) -> Problem:
    """The problem of a file over the size limit for one file."""
    limit = MAX_FILE_BYTES // (1024 * 1024)
    return Problem(
        shown,
        None,
        None,
        f"file is {size / 1024 / 1024:.0f} MB, over the {limit} MB limit for one file; "
        "split it into several files",
    )


def decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """A data file's bytes as text (UTF-8, a BOM allowed), or the problems that keep them from
    being read. Files from elsewhere than the disk (a git revision) are read through this too."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [too_large(len(raw), shown)]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(shown, 1, 1, "file is UTF-16; save it as UTF-8")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                shown,
                line,
                column,
                f"byte 0x{raw[exc.start]:02X} is not UTF-8; save the file as UTF-8",
            )
        ]
