"""casetrack parties: the cast of characters, with kind, roles and counsel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from casetrack.options import data_option, load_dataset
from casetrack.output import Look, emit, format_option, pager_option
from casetrack.render.forms import Forms


@click.command(short_help="The cast of characters: everyone, with kind, roles and counsel.")
@data_option
@format_option()
@pager_option
def parties(data_dir: Path | None, output_format: str, pager: bool) -> None:
    """The cast of characters: every party, with kind, roles in each case and counsel (or,
    for lawyers, whom they represent).

    \b
    Examples:
      casetrack parties
      casetrack parties --format csv > parties.csv
    """
    from casetrack.render import flat, records

    dataset = load_dataset(data_dir)
    everyone = list(dataset.parties.values())

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.render import terminal as term

        header, rows = flat.parties_display(dataset, everyone, sep="\n")
        yield term.table(look, header, rows)
        yield term.footer(look, None, None, f"{len(everyone)} parties")

    emit(
        output_format,
        Forms(
            json=lambda: [records.party_summary(dataset, p) for p in everyone],
            csv=lambda: flat.parties_csv(records.party_summary(dataset, p) for p in everyone),
            markdown=lambda: flat.markdown_table(*flat.parties_display(dataset, everyone)),
            table=terminal,
        ),
        pager=pager,
    )
