"""Where the cache's files live, and which of them are casetrack's: the directory (never beside
the data, never one others can write to), the files in it that casetrack may read, replace or
remove (its own, by name and by their first bytes), and the pruning of old ones.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

CACHE_ENV = "CASETRACK_CACHE_DIR"
NO_CACHE_ENV = "CASETRACK_NO_CACHE"
MAX_FILES = 20  # dataset folders remembered; the least recently loaded are forgotten
SUFFIX = ".index"
# What older versions kept in the cache directory (a pickle of the dataset, the last output of a
# command): removed on sight.
OLD = ((".pickle", b"casetrack-cache 1\n"), (".output", b"casetrack-output 1\n"))


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


# A file is opened without following a link and without waiting on a named pipe.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)


def usable_dir() -> Path | None:
    """The cache directory, resolved; None when others can write to it (its files could be
    anyone's)."""
    folder = cache_dir().resolve()
    if folder.exists() and not trusted(folder.stat(), stat.S_ISDIR):
        return None
    return folder


_NAME = re.compile(r"[0-9a-f]{32}\.index")


def prune(folder: Path, keep: Path, most: int = MAX_FILES) -> None:
    """Remove the least recently written index files beyond `most` (one per dataset folder).

    Only casetrack's own files go: named as it names them and marked as its own (the cache
    directory may be one the user keeps other things in).
    """
    from casetrack.indexfile import APPLICATION_ID

    found = []
    for entry in os.scandir(folder):
        if _NAME.fullmatch(entry.name) and entry.path != str(keep) and entry.is_file():
            found.append((entry.stat().st_mtime_ns, entry.path))
    mark = b"SQLite format 3\0"
    for _, path in sorted(found, reverse=True)[most - 1 :]:
        if _is_own(Path(path), mark, (68, APPLICATION_ID.to_bytes(4, "big"))):
            Path(path).unlink(missing_ok=True)
            lock = Path(path).with_suffix(".lock")
            if lock.is_file() and not lock.is_symlink() and lock.stat().st_size == 0:
                lock.unlink(missing_ok=True)


def remove_own(path: Path, magic: bytes) -> bool:
    """Delete a file only if it starts as casetrack writes it; whether it did."""
    if _is_own(path, magic):
        path.unlink(missing_ok=True)
        return True
    return False


def _is_own(path: Path, magic: bytes, at: tuple[int, bytes] | None = None) -> bool:
    """Whether a regular file starts with `magic` (and holds `at`'s bytes at its offset)."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return False
    with open(fd, "rb") as f:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode) or f.read(len(magic)) != magic:
                return False
            if at is not None:
                f.seek(at[0])
                return f.read(len(at[1])) == at[1]
            return True
        except OSError:
            return False


def trusted(st: os.stat_result, kind: Callable[[int], bool] = stat.S_ISREG) -> bool:
    """A cache file (or its folder) is used only when it is this user's and no one else can
    write to it."""
    if not kind(st.st_mode) or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()
