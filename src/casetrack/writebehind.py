"""Work a command's answer need not wait for (writing the cache's index of a large dataset: seconds
at 100,000 records), done behind it by a child process, one writer at a time.

The child is detached from the command (its own session, so Ctrl-C on the terminal does not stop
it half-way; its standard streams on the null device, so a pipe the command writes to closes when
the command ends), runs at a lower priority, and ends without running any of the command's exit
handlers. Where the system cannot fork, or for small work, the work is done at once.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path


def save(work: Callable[[], None], lock: Path, *, behind: bool) -> None:
    """Do `work` holding `lock` (skipped when another process holds it: it is doing the same
    work); in a detached child when `behind` and the system can fork."""
    if behind and hasattr(os, "fork") and _detached(lambda: _holding(lock, work)):
        return
    _holding(lock, work)


def _holding(lock: Path, work: Callable[[], None]) -> None:
    with _lock(lock) as held:
        if held:
            work()


@contextlib.contextmanager
def _lock(path: Path) -> Iterator[bool]:
    """An exclusive lock on `path` (made if need be), or False when another process has it."""
    try:
        import fcntl
    except ImportError:  # no advisory locks here: at worst two writers race, each atomically
        yield True
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def _detached(work: Callable[[], None]) -> bool:
    """Run `work` in a grandchild that no one waits for; whether it could be started."""
    try:
        pid = os.fork()
    except OSError:
        return False
    if pid:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)  # the child ends at once, leaving the grandchild
        return True
    # The child: whatever happens, it never returns into the command's code.
    try:
        os.setsid()
        if os.fork():
            os._exit(0)
        _quiet()
        with contextlib.suppress(OSError):
            os.nice(10)
        work()
    except BaseException:
        pass
    os._exit(0)


def _quiet() -> None:
    """Standard input, output and error on the null device."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        with contextlib.suppress(OSError):
            os.dup2(null, fd)
    os.close(null)
