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
from casetrack.errors import CasetrackError

# name -> "module:attribute"; each module imports only click at its top.
COMMANDS: dict[str, str] = {
    "timeline": "casetrack.commands.timeline:timeline",
    "party": "casetrack.commands.party:party",
    "parties": "casetrack.commands.parties:parties",
    "claims": "casetrack.commands.claims:claims",
    "cases": "casetrack.commands.cases:cases",
    "case": "casetrack.commands.cases:case",
    "upcoming": "casetrack.commands.upcoming:upcoming",
    "sources": "casetrack.commands.sources:sources",
    "search": "casetrack.commands.search:search",
    "export": "casetrack.commands.export:export",
    "schema": "casetrack.commands.schema:schema",
    "init": "casetrack.commands.init:init",
    "validate": "casetrack.commands.validate:validate",
}


class ReportedError(click.ClickException):
    """A CasetrackError on its way out: click prints `Error: message` on stderr and exits."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it per class


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is asked for."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def invoke(self, ctx: click.Context) -> Any:
        # The one place casetrack's own errors become a message and an exit status, so they read
        # the same from `main` (the installed command) and from click's test runner.
        try:
            return super().invoke(ctx)
        except CasetrackError as exc:
            raise ReportedError(str(exc), exc.exit_code) from None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module_name, attr = self.lazy[cmd_name].split(":")
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
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a traceback.
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
