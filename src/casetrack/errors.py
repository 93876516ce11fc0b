"""casetrack's own exceptions. The command line turns each into one line on stderr and an exit code."""

from __future__ import annotations

# Exit statuses, in one place.
EXIT_OK = 0
EXIT_PROBLEMS = 1  # bad data, or a query that found nothing it could answer
EXIT_USAGE = 2  # an unusable invocation: bad option, missing or unreadable path


class CasetrackError(Exception):
    """An error to report to the user in one line, with an exit status."""

    exit_code = EXIT_PROBLEMS


class UsageError(CasetrackError):
    """The invocation cannot be carried out as given (missing directory, unreadable path)."""

    exit_code = EXIT_USAGE


class NotFoundError(CasetrackError):
    """A name or id that matches nothing in the dataset."""


class DataError(CasetrackError):
    """The dataset has problems that keep the command from giving a trustworthy answer."""


class InputError(CasetrackError):
    """A value given on the command line that cannot be read, such as a date in `--from`."""


class CompareError(CasetrackError):
    """`casetrack diff` cannot compare the two versions: not in a git repository, an unknown
    revision, a folder that is not in it, data that does not load. Exit 2 like a usage error, so
    that with --exit-code a 1 always means "there are differences"."""

    exit_code = EXIT_USAGE
