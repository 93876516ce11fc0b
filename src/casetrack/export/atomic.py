"""Writing an export: to stdout, or to a file atomically, never over an existing file by accident."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from casetrack.errors import CasetrackError


class OutputExistsError(CasetrackError):
    """The output file exists and --force was not given."""


class OutputError(CasetrackError):
    """The output file cannot be written."""


def write_output(data: str, path: Path | None, force: bool = False) -> None:
    """Write `data` (UTF-8) to stdout when `path` is None or '-', else atomically to `path`."""
    raw = data.encode("utf-8")
    if path is None or str(path) == "-":
        # Bytes, so CRLF line ends (iCalendar) reach the file exactly as written.
        sys.stdout.flush()
        binary = getattr(sys.stdout, "buffer", None)
        if binary is None:
            sys.stdout.write(data)
        else:
            binary.write(raw)
            binary.flush()
        return
    write_atomic(path, raw, force=force)


def write_atomic(path: Path, raw: bytes, force: bool = False) -> None:
    """Write `raw` to `path` through a temporary file in the same folder, then rename it.

    A reader (or a crash) sees either the old file or the whole new one, never half of it. Without
    `force` an existing file is refused, even one that appears while writing. The temporary file
    never outlives this call.
    """

    def fill(tmp: Path) -> None:
        with open(tmp, "wb") as out:
            out.write(raw)

    build_atomic(path, fill, force=force)


def build_atomic(path: Path, build: Callable[[Path], None], force: bool = False) -> None:
    """Have `build` write a whole file at a temporary path in `path`'s folder, then move it to
    `path` as `write_atomic` does. For writers that need a file name (SQLite) rather than bytes.
    """
    if path.exists() and not force:
        raise OutputExistsError(f"{path} exists; use --force to overwrite")
    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write to {folder}: {exc.strerror}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        build(tmp)
        with open(tmp, "rb+") as out:
            os.fsync(out.fileno())
        os.chmod(tmp, _file_mode(path))
        if force:
            os.replace(tmp, path)
        else:
            _rename_no_clobber(tmp, path)
        _fsync_folder(folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


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
