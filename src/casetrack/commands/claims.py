"""casetrack claims: the causes of action, who brings them against whom, and their status."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from casetrack.options import as_of_options, data_option, load_dataset
from casetrack.output import Look, emit, format_option, pager_option
from casetrack.render.forms import Forms
from casetrack.vocabulary import CLAIM_STATUSES

if TYPE_CHECKING:
    from casetrack.knowledge import AsOf


@click.command(short_help="Who brings which claims against whom, and where each stands.")
@data_option
@click.option("--plaintiff", metavar="NAME", help="Only claims this party brings (name or alias).")
@click.option("--defendant", metavar="NAME", help="Only claims against this party.")
@click.option("--case", metavar="CASE", help="Only claims in this case (id, name or docket).")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(CLAIM_STATUSES, case_sensitive=False),
    help="Only claims with this status on the as-of date (repeatable).",
)
@as_of_options
@format_option()
@pager_option
def claims(
    data_dir: Path | None,
    plaintiff: str | None,
    defendant: str | None,
    case: str | None,
    statuses: tuple[str, ...],
    asof: AsOf,
    output_format: str,
    pager: bool,
) -> None:
    """The claims: who brings each against whom, damages sought, and status (with when it
    changed) as of a date. A party matches the claims of groups it belongs to.

    \b
    Examples:
      casetrack claims --plaintiff Lively
      casetrack claims --defendant Lively --status dismissed
      casetrack claims --as-of 2025-06-01 --format csv
    """
    from casetrack import narrow
    from casetrack.entries import latest_source_date
    from casetrack.query import ClaimFilter, select_claims
    from casetrack.render import flat, records

    flt = ClaimFilter(plaintiff, defendant, case, statuses, asof.day)
    dataset = narrow.claims(load_dataset(data_dir), flt, known_on=asof.known)
    views = select_claims(dataset, flt)

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.render import records_terminal
        from casetrack.render import terminal as term

        if not views:
            yield term.empty("No claims match.")
        yield from records_terminal.claims(dataset, views, look)
        count = f"{len(views)} claim{'s' if len(views) != 1 else ''}"
        yield term.footer(look, asof, latest_source_date(dataset), count)

    emit(
        output_format,
        Forms(
            json=lambda: [records.claim(v) for v in views],
            csv=lambda: flat.csv_table(flat.CLAIMS_CSV, (records.claim(v) for v in views)),
            markdown=lambda: flat.markdown_table(*flat.claims_display(dataset, views)),
            table=terminal,
        ),
        pager=pager,
    )
