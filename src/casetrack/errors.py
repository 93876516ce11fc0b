"""casetrack's own exceptions, and the outcomes a command reports besides its output.

Library code raises these and returns outcomes; it never prints an error or exits. `cli.py` turns
each into one line on stderr and chooses every exit status, in one place.
"""

from __future__ import annotations

import enum


class CasetrackError(Exception):
    """An error to report to the user in one line."""


class UsageError(CasetrackError):
    """The invocation cannot be carried out as given (missing directory, unreadable path)."""


class NotFoundError(CasetrackError):
    """A name or id that matches nothing in the dataset."""


class DataError(CasetrackError):
    """The dataset has problems that keep the command from giving a trustworthy answer."""


class InputError(CasetrackError):
    """A value given on the command line that cannot be read, such as a date in `--from`."""


class CompareError(CasetrackError):
    """`casetrack diff` cannot compare the two versions: not in a git repository, an unknown
    revision, a folder that is not in it, data that does not load. Reported like a usage error,
    so that with --exit-code "differences" has a status of its own."""


class Stopped(BaseException):
    """The process was told to stop (SIGTERM, SIGHUP) while writing a file: raised so that the
    temporary file is removed on the way out, as Ctrl-C's KeyboardInterrupt does."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Outcome(enum.Enum):
    """What a command found, when that decides the exit status and is already reported."""

    PROBLEMS = "problems"  # `validate`: the data has problems (listed on stdout)
    UNUSABLE = "unusable"  # `validate`: the folder cannot be read (said on stderr)
    DIFFERENCES = "differences"  # `diff --exit-code`: the versions differ
