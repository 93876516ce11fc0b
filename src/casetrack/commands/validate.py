"""casetrack validate: check a dataset and list every problem as file:line:column: message."""

from __future__ import annotations

from pathlib import Path

import click

from casetrack.errors import Outcome
from casetrack.options import data_option, resolve_data_dir


@click.command(short_help="Check a dataset; list every problem as file:line:column: message.")
@data_option
@click.option("--strict", is_flag=True, help="Treat warnings as problems (exit 1).")
def validate(data_dir: Path | None, strict: bool) -> Outcome | None:
    """Check a dataset and list every problem, as file:line:column: message.

    Exits 0 when the data is clean, 1 when it has problems, 2 when the folder cannot be read.

    \b
    Examples:
      casetrack validate
      casetrack validate --data ./my-case
    """
    from casetrack import cache
    from casetrack.characters import clean
    from casetrack.output import write

    dataset, problems = cache.load(resolve_data_dir(data_dir))
    # Problems name files and quote the data: cleaned like every output, so that no escape
    # sequence in a file name or a value reaches the terminal.
    fatal = [p for p in problems if p.severity == "fatal"]
    if fatal:
        for problem in fatal:
            click.echo(f"Error: {clean(str(problem))}", err=True)
        return Outcome.UNUSABLE
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    summary = (
        f"{len(dataset.files)} file{_s(len(dataset.files))}, {len(dataset)} record{_s(len(dataset))}: "
        f"{errors} error{_s(errors)}, {warnings} warning{_s(warnings)}"
    )
    write("".join(f"{clean(str(problem))}\n" for problem in problems) + summary + "\n")
    return Outcome.PROBLEMS if errors or (strict and warnings) else None


def _s(n: int) -> str:
    return "" if n == 1 else "s"
