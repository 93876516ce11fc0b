"""The `casetrack` command: a click group whose commands are imported only when used, and the one
place where errors and outcomes become a message and an exit status.

Keeping this module light (click and nothing heavier) is what makes `casetrack --help` quick:
pydantic, PyYAML and rich are imported by the commands that need them.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from typing import Any

import click

from casetrack import __version__
from casetrack.characters import clean
from casetrack.errors import CasetrackError, CompareError, Outcome, Stopped, UsageError

# Exit statuses, chosen here and nowhere else.
EXIT_OK = 0
EXIT_PROBLEMS = 1  # bad data, a query that found nothing it could answer, output not written
EXIT_USAGE = 2  # an unusable invocation: bad option, missing or unreadable path
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports it (128 + SIGINT)
OUTCOMES = {
    Outcome.PROBLEMS: EXIT_PROBLEMS,
    Outcome.UNUSABLE: EXIT_USAGE,
    # With --exit-code, 1 means "there are differences", as for `git diff`; 2 that the versions
    # could not be compared (CompareError).
    Outcome.DIFFERENCES: EXIT_PROBLEMS,
}

# name -> ("module:attribute", short help). Each module imports only click at its top. The short
# help is repeated here so that `casetrack --help` lists the commands without importing any of
# them; a test checks it matches each command's own docstring.
COMMANDS: dict[str, tuple[str, str]] = {
    "timeline": (
        "casetrack.commands.timeline:timeline",
        "Every dated entry, in one chronological list.",
    ),
    "party": (
        "casetrack.commands.party:party",
        "One party: who they are, roles, counsel, claims and timeline.",
    ),
    "parties": (
        "casetrack.commands.parties:parties",
        "The cast of characters: everyone, with kind, roles and counsel.",
    ),
    "claim": (
        "casetrack.commands.claim:claim",
        "One claim in full, with every change of its status.",
    ),
    "claims": (
        "casetrack.commands.claims:claims",
        "Who brings which claims against whom, and where each stands.",
    ),
    "cases": (
        "casetrack.commands.cases:cases",
        "The cases: court, docket, judge, claims, last and next dates.",
    ),
    "case": (
        "casetrack.commands.cases:case",
        "One case in full: parties and counsel, relations, claims.",
    ),
    "upcoming": (
        "casetrack.commands.upcoming:upcoming",
        "What is scheduled after the as-of date, and how far off it is.",
    ),
    "deadlines": (
        "casetrack.commands.deadlines:deadlines",
        "Deadlines counted as FRCP 6(a) counts, with the arithmetic shown.",
    ),
    "sources": (
        "casetrack.commands.sources:sources",
        "The sources, and for one source every record that cites it.",
    ),
    "search": (
        "casetrack.commands.search:search",
        "Every record whose text matches, grouped by type.",
    ),
    "export": (
        "casetrack.commands.export:export",
        "Export the timeline for use beyond the terminal.",
    ),
    "schema": (
        "casetrack.commands.schema:schema",
        "The JSON Schema of a dataset file, for editors.",
    ),
    "filing": (
        "casetrack.commands.filing:filing",
        "One filing in full, with its motion, opposition, reply and ruling.",
    ),
    "import": (
        "casetrack.commands.docket_import:import_docket",
        "Import a docket from CourtListener or PACER into the dataset.",
    ),
    "init": (
        "casetrack.commands.init:init",
        "Start a new dataset: an example of each kind of record.",
    ),
    "diff": (
        "casetrack.commands.diff:diff",
        "What changed between two versions, in the case's own terms.",
    ),
    "validate": (
        "casetrack.commands.validate:validate",
        "Check a dataset; list every problem as file:line:column: message.",
    ),
}


def exit_status(exc: CasetrackError) -> int:
    """The exit status of each kind of error: 2 when the invocation cannot be carried out as
    given, 1 for everything else."""
    return EXIT_USAGE if isinstance(exc, (UsageError, CompareError)) else EXIT_PROBLEMS


class ReportedError(click.ClickException):
    """A CasetrackError on its way out: click prints `Error: message` on stderr and exits."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it per class


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is asked for."""

    def __init__(
        self, *args: Any, lazy: dict[str, tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def invoke(self, ctx: click.Context) -> Any:
        # The one place casetrack's own errors and a command's outcome become a message and an
        # exit status, so they read the same from `main` (the installed command) and from click's
        # test runner. A message may hold names and file names from the data: cleaned like every
        # output, so no escape sequence in them reaches the terminal.
        try:
            result = super().invoke(ctx)
        except CasetrackError as exc:
            raise ReportedError(clean(str(exc)), exit_status(exc)) from None
        if isinstance(result, Outcome):
            raise click.exceptions.Exit(OUTCOMES[result])
        return result

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The command list from the registry: no command module is imported for --help.
        rows = [(name, self.lazy[name][1]) for name in self.list_commands(ctx) if name in self.lazy]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        # A misspelt command gets the closest one suggested (`casetrack timline`), whatever
        # click's version: the lazy commands are not in `self.commands` for click to look at.
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            import difflib

            close = difflib.get_close_matches(name, self.list_commands(ctx), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise click.UsageError(f"No such command '{name}'.{hint}", ctx)
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module_name, attr = self.lazy[cmd_name][0].split(":")
            command: click.Command = getattr(importlib.import_module(module_name), attr)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", prog_name="casetrack")
def cli() -> None:
    """Keep the chronology of a lawsuit in plain YAML and ask it questions.

    Every command reads a dataset: the folder given by --data, else $CASETRACK_DATA, else the
    bundled Lively / Wayfarer dataset.

    \b
    Examples:
      casetrack timeline
      casetrack party "Baldoni"
      casetrack claims --plaintiff Lively
      casetrack validate --data ./my-case
    """


def main(argv: list[str] | None = None) -> None:
    """Run the CLI (LazyGroup.invoke has turned casetrack's own errors and outcomes into click's
    exceptions) and exit with the status each calls for."""
    try:
        # Not standalone, click returns the status of an Exit (help, an outcome) instead.
        status = cli.main(args=argv, prog_name="casetrack", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except Stopped as exc:
        # Told to stop while writing (the file was cleaned up): 128 + the signal, as a shell says.
        sys.exit(128 + exc.signum)
    if isinstance(status, int) and status != EXIT_OK:
        sys.exit(status)


def output_failed(exc: OSError) -> int:
    """The exit status, and the one line on stderr, for output that could not be written (a full
    disk, a closed pipe): nothing to say when the reader closed the pipe early
    (`casetrack timeline | head`)."""
    _discard_stdout()
    if exc.errno != errno.EPIPE:
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
