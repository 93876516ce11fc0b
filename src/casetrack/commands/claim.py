"""casetrack claim ID: one claim in full, with every change of its status."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from casetrack.options import as_of_options, data_option, load_dataset
from casetrack.output import Look, emit, format_option, pager_option
from casetrack.render.forms import Forms

if TYPE_CHECKING:
    from casetrack.knowledge import AsOf


@click.command(short_help="One claim in full, with every change of its status.")
@click.argument("name", metavar="ID")
@data_option
@as_of_options
@format_option(("table", "json"))
@pager_option
def claim(name: str, data_dir: Path | None, asof: AsOf, output_format: str, pager: bool) -> None:
    """One claim in full: its case, plaintiffs, defendants and damages; every change of its
    status up to the as-of date, each with its date and the filing or order behind it; where
    the sources differ; and the sources, with outlet, date and address. ID is the claim's id,
    or its title when only one claim has it. With --as-of, the claim as it stood then: only
    the changes and sources known by that day.

    \b
    Examples:
      casetrack claim cl-wayfarer-defamation
      casetrack claim "Sexual harassment" --format json
      casetrack claim cl-wayfarer-defamation --as-of 2025-06-30
    """
    from casetrack.claim_history import view_claim
    from casetrack.entries import latest_source_date
    from casetrack.knowledge import require_known
    from casetrack.lookup import find_claim
    from casetrack.render import records

    dataset = load_dataset(data_dir, known_on=asof.known)
    found = find_claim(dataset.complete, name)
    require_known(dataset, "claims", found.id, f"claim '{found.id}'")
    view = view_claim(dataset, dataset.claims[found.id], asof.day)

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.render import claim_terminal
        from casetrack.render import terminal as term

        yield from claim_terminal.claim(dataset, view, look)
        yield term.footer(look, asof, latest_source_date(dataset))

    emit(
        output_format,
        Forms(
            json=lambda: {**records.claim(view), "notes": view.claim.notes},
            table=terminal,
        ),
        pager=pager,
    )
