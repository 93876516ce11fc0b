"""casetrack sources [ID]: the sources, and for one source everything that cites it."""

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


@click.command(short_help="The sources, and for one source every record that cites it.")
@click.argument("source_id", metavar="[ID]", required=False)
@data_option
@as_of_option
@format_option()
@pager_option
def sources(
    source_id: str | None,
    data_dir: Path | None,
    known_on: dt.date | None,
    output_format: str,
    pager: bool,
) -> None:
    """The sources facts come from; with an ID, that source and every record that cites it.
    With --as-of, only the sources published by then, and only what was known then cites them.

    \b
    Examples:
      casetrack sources
      casetrack sources src-page-six-2025-02
      casetrack sources --as-of 2025-02-14 --format csv
    """
    from casetrack.lookup import find_source
    from casetrack.mentions import citations
    from casetrack.render import flat, records

    dataset = load_dataset(data_dir, known_on=known_on)
    if source_id is None:
        listed = list(dataset.sources.values())

        def terminal(look: Look) -> Iterator[Any]:
            from casetrack.render import records_terminal
            from casetrack.render import terminal as term

            yield from records_terminal.source_cards(listed)
            yield term.footer(look, None, None, f"{len(listed)} sources")

        emit(
            output_format,
            Forms(
                json=lambda: [records.source(s) for s in listed],
                csv=lambda: flat.csv_table(flat.SOURCES_CSV, map(records.source, listed)),
                markdown=lambda: flat.markdown_table(*flat.sources_display(listed)),
                table=terminal,
            ),
            pager=pager,
        )
        return

    from casetrack.knowledge import require_known

    found = find_source(dataset.complete, source_id)
    require_known(dataset, "sources", found.id, f"source '{found.id}'")
    cited = citations(dataset, found.id)

    def detail(look: Look) -> Iterator[Any]:
        from casetrack.render import records_terminal

        yield from records_terminal.source(dataset, found, cited, look)

    emit(
        output_format,
        Forms(
            json=lambda: records.source_detail(dataset, found, cited),
            csv=lambda: flat.csv_table(
                flat.CITED_CSV, records.source_detail(dataset, found, cited)["cited_by"]
            ),
            markdown=lambda: flat.markdown_table(*flat.cited_display(dataset, cited)),
            table=detail,
        ),
        pager=pager,
    )
