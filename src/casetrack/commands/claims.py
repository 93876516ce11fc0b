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
    from casetrack.dataset import Dataset
    from casetrack.knowledge import AsOf
    from casetrack.query import ClaimFilter


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
@click.option(
    "--ever",
    "ever",
    multiple=True,
    type=click.Choice(CLAIM_STATUSES, case_sensitive=False),
    help="Only claims that have had this status at any time up to the as-of date (repeatable): "
    "dismissed claims later decided by a judgment too.",
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
    ever: tuple[str, ...],
    asof: AsOf,
    output_format: str,
    pager: bool,
) -> None:
    """The claims: who brings each against whom, damages sought, and status (with when it
    changed) as of a date. A party matches the claims of groups it belongs to. --status is the
    status on the as-of date; --ever any status a claim has had by then. `casetrack claim ID`
    shows one claim's whole history.

    \b
    Examples:
      casetrack claims --plaintiff Lively
      casetrack claims --defendant Lively --ever dismissed
      casetrack claims --status pending --format json
      casetrack claims --as-of 2025-06-01 --format csv
    """
    from casetrack import narrow
    from casetrack.entries import latest_source_date
    from casetrack.query import ClaimFilter, select_claims
    from casetrack.render import flat, records

    flt = ClaimFilter(plaintiff, defendant, case, statuses, asof.day, ever)
    dataset = narrow.claims(load_dataset(data_dir), flt, known_on=asof.known)
    views = select_claims(dataset, flt)

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.render import records_terminal
        from casetrack.render import terminal as term

        if not views:
            yield term.empty("No claims match." + _ever_hint(dataset, flt))
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


def _ever_hint(dataset: Dataset, flt: ClaimFilter) -> str:
    """When --status finds nothing but claims had that status before: say so, and how to ask."""
    import dataclasses

    from casetrack.query import select_claims
    from casetrack.render.claim_words import status_words

    if not flt.statuses:
        return ""
    earlier = select_claims(dataset, dataclasses.replace(flt, statuses=(), ever=flt.statuses))
    if not earlier:
        return ""
    words = " or ".join(status_words(s.casefold()) for s in flt.statuses)
    options = " ".join(f"--ever {s.casefold()}" for s in flt.statuses)
    n = len(earlier)
    return (
        f" {n} claim{'s' if n != 1 else ''} {'were' if n != 1 else 'was'} {words} earlier and "
        f"{'have' if n != 1 else 'has'} another status since: {options} lists "
        f"{'them' if n != 1 else 'it'}."
    )
