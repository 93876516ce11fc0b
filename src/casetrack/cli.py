"""The `casetrack` command: a click group whose commands are imported only when used.

Keeping this module light (click and nothing heavier) is what makes `casetrack --help` and
`casetrack --version` quick: pydantic, PyYAML and rich are imported by the commands that need them.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from casetrack import __version__
from casetrack.characters import clean
from casetrack.errors import CasetrackError

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
        # The one place casetrack's own errors become a message and an exit status, so they read
        # the same from `main` (the installed command) and from click's test runner. A message
        # may hold names and file names from the data: cleaned like every output, so no escape
        # sequence in them reaches the terminal.
        try:
            return super().invoke(ctx)
        except CasetrackError as exc:
            raise ReportedError(clean(str(exc)), exc.exit_code) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The command list from the registry: no command module is imported for --help.
        rows = [(name, self.lazy[name][1]) for name in self.list_commands(ctx) if name in self.lazy]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

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
    """Entry point: run the CLI, turning casetrack's own errors into a message and exit code."""
    try:
        cli.main(args=argv, prog_name="casetrack", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except CasetrackError as exc:
        click.echo(f"Error: {clean(str(exc))}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
