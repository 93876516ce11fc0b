"""Every file casetrack writes goes through here: an export, a listing or the schema written to a
file (`output.write`), a new dataset's files, an imported docket, the dataset cache.

A file is written atomically (a temporary file in the same folder, then a rename): a reader, or a
crash, sees either the old file or the whole new one. Only a regular file is ever replaced, and
only when asked (--force); a symbolic link is replaced by the new file, its target left as it is.
The temporary file never outlives the write, even when the process is told to stop (Ctrl-C,
SIGTERM, SIGHUP).
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import FrameType

from casetrack.errors import CasetrackError, Stopped


class OutputExistsError(CasetrackError):
    """The output file exists and --force was not given."""


class OutputError(CasetrackError):
    """The output file cannot be written."""


def write_atomic(
    path: Path,
    data: bytes | Iterable[bytes],
    *,
    force: bool = False,
    durable: bool = True,
    mode: int | None = None,
) -> None:
    """Write `data` (bytes, or its parts in order) to `path` through a temporary file in the same
    folder, then rename it into place.

    Without `force` an existing file is refused, even one that appears while writing. `durable`
    waits until the data is on disk (a cache, which can be rebuilt, need not). `mode` is the new
    file's permissions (default: those of the file replaced, else the usual ones for a new file).
    """
    parts = [data] if isinstance(data, bytes) else data

    def fill(tmp: Path) -> None:
        with open(tmp, "wb") as out:
            for part in parts:
                out.write(part)

    build_atomic(path, fill, force=force, durable=durable, mode=mode)


def build_atomic(
    path: Path,
    build: Callable[[Path], None],
    *,
    force: bool = False,
    durable: bool = True,
    mode: int | None = None,
) -> None:
    """Have `build` write a whole file at a temporary path in `path`'s folder, then move it to
    `path` as `write_atomic` does. For writers that need a file name (SQLite) rather than bytes.
    """
    _check_target(path, force)
    folder = path.parent if str(path.parent) else Path(".")
    with _stopping_cleanly():
        try:
            fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as exc:
            raise OutputError(f"cannot write to {folder}: {exc.strerror}") from None
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            build(tmp)
            if durable:
                with open(tmp, "rb+") as out:
                    os.fsync(out.fileno())
            os.chmod(tmp, _file_mode(path) if mode is None else mode)
            if force:
                os.replace(tmp, path)
            else:
                _rename_no_clobber(tmp, path)
            if durable:
                _fsync_folder(folder)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror}") from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()


def _check_target(path: Path, force: bool) -> None:
    """Refuse to write over anything but a regular file (or a link to one), and over that too
    without `force`. A named pipe or a device is never replaced: `-o /dev/null --force` run as
    root would otherwise put a regular file in place of /dev/null."""
    try:
        st = os.lstat(path)
    except OSError:
        return  # nothing there (or nothing we may look at): the write itself says what is wrong
    target = st
    if stat.S_ISLNK(st.st_mode):
        with contextlib.suppress(OSError):
            target = os.stat(path)  # a dangling link is replaced like a link to a file
    if stat.S_ISDIR(target.st_mode):
        raise OutputError(f"{path} is a folder; give a file name")
    if not (stat.S_ISREG(target.st_mode) or stat.S_ISLNK(target.st_mode)):
        raise OutputError(
            f"{path} is not a regular file (a pipe, device or socket); casetrack writes only "
            "regular files (-o - writes to stdout)"
        )
    if not force:
        raise OutputExistsError(f"{path} exists; use --force to overwrite")


# Stopped by one of these, the process ends as Ctrl-C ends it: by an exception, which removes the
# temporary file on its way out (cli.py gives the exit status a shell expects).
_ENDING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _end(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def _stopping_cleanly() -> Iterator[None]:
    """While writing, SIGTERM and SIGHUP raise Stopped instead of ending the process on the
    spot. A signal the process ignores (nohup) or handles otherwise is left alone, and so is
    everything outside the main thread (only it may set handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    changed = []
    for signum in _ENDING:
        if signal.getsignal(signum) == signal.SIG_DFL:
            signal.signal(signum, _end)
            changed.append(signum)
    try:
        yield
    finally:
        for signum in changed:
            signal.signal(signum, signal.SIG_DFL)


def _rename_no_clobber(tmp: Path, path: Path) -> None:
    """Move `tmp` to `path` unless `path` exists (checked by the filesystem, not before)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputExistsError(f"{path} exists; use --force to overwrite") from None
    except OSError:
        # No hard links here (some network and FAT filesystems): check, then rename.
        if path.exists():
            raise OutputExistsError(f"{path} exists; use --force to overwrite") from None
        os.replace(tmp, path)


def _file_mode(path: Path) -> int:
    """The mode a new file would get (umask applied), or the mode of the file being replaced."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
