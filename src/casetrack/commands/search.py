"""casetrack search TEXT: every record whose text matches, grouped by type."""

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


@click.command(short_help="Every record whose text matches, grouped by type.")
@click.argument("text")
@data_option
@as_of_option
@format_option()
@pager_option
def search(
    text: str, data_dir: Path | None, known_on: dt.date | None, output_format: str, pager: bool
) -> None:
    """Every record (party, case, filing, claim, event, source) with a text field containing
    TEXT, ignoring case, grouped by type. With --as-of, only the records known by then.

    \b
    Examples:
      casetrack search "voice memo"
      casetrack search Freedman --format json
      casetrack search kiss --as-of 2025-02-14
    """
    from casetrack.mentions import search_records
    from casetrack.render import flat, records

    dataset = load_dataset(data_dir, known_on=known_on)
    hits = search_records(dataset, text)

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.render import records_terminal
        from casetrack.render import terminal as term

        if not hits:
            yield term.empty(f"Nothing matches '{text}'.")
            return
        yield from records_terminal.search(dataset, hits, look)
        yield term.footer(look, None, None, f"{len(hits)} record{'s' if len(hits) != 1 else ''}")

    emit(
        output_format,
        Forms(
            json=lambda: [records.search_hit(dataset, h) for h in hits],
            csv=lambda: flat.csv_table(
                flat.SEARCH_CSV, (records.search_hit(dataset, h) for h in hits)
            ),
            markdown=lambda: flat.markdown_table(*flat.search_display(dataset, hits)),
            table=terminal,
        ),
        pager=pager,
    )
