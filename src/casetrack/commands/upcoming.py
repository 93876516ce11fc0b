"""casetrack upcoming: what is scheduled after the as-of date, and how far off it is."""

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


@click.command(short_help="What is scheduled after the as-of date, and how far off it is.")
@data_option
@click.option("--case", metavar="CASE", help="Only this case (id, name or docket).")
@as_of_options
@format_option()
@pager_option
def upcoming(
    data_dir: Path | None, case: str | None, asof: AsOf, output_format: str, pager: bool
) -> None:
    """What is scheduled after the as-of date (default: today), and how far off it is.

    A date counts as scheduled on the as-of day if it had been set by then and not yet moved:
    as of 2025-02-14 the trial stands on its first date.

    \b
    Examples:
      casetrack upcoming
      casetrack upcoming --as-of 2025-02-14
    """
    from casetrack import narrow
    from casetrack.dates import DateSpan
    from casetrack.entries import build_entries, latest_source_date
    from casetrack.lookup import find_case
    from casetrack.query import upcoming_entries
    from casetrack.render import flat, records

    day = asof.day
    dataset = narrow.upcoming(load_dataset(data_dir), case, day, known_on=asof.known)
    case_id = find_case(dataset.complete, case).id if case else None
    found = [
        e
        for e in upcoming_entries(build_entries(dataset), day)
        if case_id is None or e.case == case_id
    ]

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.grouped import shown
        from casetrack.render import terminal as term

        if found:
            yield term.table(look, *flat.upcoming_display(dataset, shown(dataset, found), day))
        else:
            when = DateSpan.of(day).display()
            yield term.empty(f"Nothing on record is scheduled after {when}.")
        yield term.footer(look, asof, latest_source_date(dataset))

    emit(
        output_format,
        Forms(
            json=lambda: [records.upcoming(e, day) for e in found],
            csv=lambda: flat.csv_table(
                flat.UPCOMING_CSV, (records.upcoming(e, day) for e in found)
            ),
            markdown=lambda: flat.markdown_table(*flat.upcoming_display(dataset, found, day)),
            table=terminal,
        ),
        pager=pager,
    )
