"""The installed `casetrack` command's first stop: answers `--version` without importing click,
and ends a run whose output cannot be written (a full disk, a closed pipe) with one line instead
of a traceback."""

from __future__ import annotations

import errno
import os
import sys

from casetrack import __version__
from casetrack.errors import EXIT_PROBLEMS


def main() -> None:
    """Run casetrack; `casetrack --version` is answered before anything is imported."""
    try:
        try:
            if sys.argv[1:] in (["--version"], ["-V"]):
                sys.stdout.write(f"casetrack, version {__version__}\n")
            else:
                from casetrack.cli import main as run

                run()
        finally:
            # Whatever is still buffered is written now, while a failure can still be reported.
            sys.stdout.flush()
    except OSError as exc:
        sys.exit(output_failed(exc))


def output_failed(exc: OSError) -> int:
    """The exit status, and the one line on stderr, for output that could not be written: nothing
    to say when the reader closed the pipe early (`casetrack timeline | head`)."""
    _discard_stdout()
    if exc.errno != errno.EPIPE:
        from casetrack.characters import clean

        where = f"{clean(str(exc.filename))}: " if exc.filename else "cannot write the output: "
        sys.stderr.write(f"Error: {where}{exc.strerror or exc}\n")
    return EXIT_PROBLEMS


def _discard_stdout() -> None:
    """Point stdout at the null device: the interpreter's own last flush of what is still
    buffered would fail the same way, and print a traceback."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
