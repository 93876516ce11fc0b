"""casetrack filing ID: one filing in full, with its thread (motion, opposition, reply, ruling)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from casetrack.options import as_of_option, data_option, load_dataset
from casetrack.output import Look, emit, format_option, pager_option
from casetrack.render.forms import Forms

if TYPE_CHECKING:
    import datetime as dt


@click.command(short_help="One filing in full, with its motion, opposition, reply and ruling.")
@click.argument("name", metavar="ID")
@click.option("--case", "case", metavar="CASE", help="The case, when ID is an ECF number.")
@data_option
@as_of_option
@format_option(("table", "json"))
@pager_option
def filing(
    name: str,
    case: str | None,
    data_dir: Path | None,
    known_on: dt.date | None,
    output_format: str,
    pager: bool,
) -> None:
    """One filing in full: date, kind, ECF number, who filed it, its documents and docket text;
    then its thread in order: the motion, what answers it (memoranda, opposition, reply) and
    the ruling. ID is the filing's id or its ECF number ("ECF 45"). With --as-of, the filing
    and its thread as they stood then (what was filed by that day).

    \b
    Examples:
      casetrack filing "ECF 5" --data my-case
      casetrack filing "ECF 5" --case 1:25-cv-321 --data my-case
      casetrack filing f-2024-12-31-lively-complaint --format json
    """
    from casetrack import narrow
    from casetrack.knowledge import require_known
    from casetrack.lookup import find_filing
    from casetrack.query import thread_of
    from casetrack.render import flat, records

    dataset = narrow.filing(load_dataset(data_dir), name, case, known_on=known_on)
    found = find_filing(dataset.complete, name, case)
    require_known(dataset, "filings", found.id, f"filing '{found.id}'")
    found = dataset.filings[found.id]
    thread = thread_of(dataset, found)

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.render import records_terminal
        from casetrack.render import terminal as term

        yield from records_terminal.filing(dataset, found, look)
        if len(thread) > 1:
            yield term.text("")
            yield term.heading(f"Thread ({len(thread)})", look)
            yield term.table(look, *flat.thread_display(thread, found))

    emit(
        output_format,
        Forms(
            json=lambda: records.filing(found, thread),
            table=terminal,
        ),
        pager=pager,
    )
