"""casetrack timeline: every dated entry in one chronological list, grouped by year and month."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from casetrack.options import data_option, load_dataset, read_data, timeline_filter_options
from casetrack.output import Look, emit, format_option, pager_option

if TYPE_CHECKING:
    from casetrack.datafiles import FileSet
    from casetrack.query import TimelineFilter

# Beyond this many entries the terminal layout takes seconds: printing starts at once anyway,
# and a first line says how to narrow the list.
LONG = 5000
# Data files larger than this in all (about 10,000 records) take a second or more to load: the
# advice to narrow the list is printed before loading, so something shows at once.
LARGE_BYTES = 4 * 1024 * 1024


def _warn_if_large(files: FileSet) -> bool:
    """Say at once, before a slow load, how to narrow a timeline of a large dataset: from the
    files as read for the load, so the folder is walked once."""
    size = files.size
    if size <= LARGE_BYTES:
        return False
    from casetrack.output import write

    write(
        f"This dataset is large ({size / 1024 / 1024:.0f} MB of YAML); the whole timeline is long. "
        "Narrow it with --from, --to, --case or --party, or show the first N with --limit N.\n"
    )
    return True


@click.command(short_help="Every dated entry, in one chronological list.")
@data_option
@timeline_filter_options
@click.option(
    "--sources", "show_sources", is_flag=True, help="Show each entry's sources as footnotes."
)
@click.option(
    "--notes", "show_notes", is_flag=True, help="Show how each inferred date was worked out."
)
@click.option(
    "--limit", type=click.IntRange(min=1), metavar="N", help="Show only the first N entries."
)
@format_option()
@pager_option
def timeline(
    data_dir: Path | None,
    flt: TimelineFilter,
    show_sources: bool,
    show_notes: bool,
    limit: int | None,
    output_format: str,
    pager: bool,
) -> None:
    """Every dated entry (filings, events, claim status changes, scheduled dates), in order.

    Dates keep their precision ("Jan 2025", "c. 13 Feb 2025", "between 31 Dec 2024 and 30 Jan
    2025" for one day no source gives). --from and --to keep every entry whose date may fall in
    the range: "Jan 2025" is kept by --from 2025-01-15.

    --as-of shows the record as it stood on a day: what had happened by then, as it was known
    then. --happened-by shows what had happened by a day, as it is known now.

    \b
    Examples:
      casetrack timeline
      casetrack timeline --party Baldoni --from "Jan 2025" --to 2025-03
      casetrack timeline --kind hearing --kind order --facts-only --sources --notes
      casetrack timeline --as-of 2025-02-14 --format json
      casetrack timeline --happened-by 2025-02-14 --kind production
    """
    from casetrack import narrow
    from casetrack.entries import build_entries, latest_source_date
    from casetrack.query import select_entries
    from casetrack.render.forms import entry_forms

    narrowed = limit is not None or any(
        (flt.case, flt.party, flt.kinds, flt.start, flt.end, flt.search)
    )
    files = read_data(data_dir)
    warned = output_format == "table" and not narrowed and _warn_if_large(files)
    dataset = narrow.timeline(load_dataset(files=files), flt)
    selected = select_entries(dataset, build_entries(dataset), flt)
    shown = selected[:limit] if limit is not None else selected

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.grouped import shown as read
        from casetrack.render import terminal as term
        from casetrack.render import timeline_terminal

        lines = read(dataset, shown)
        footnotes = timeline_terminal.Footnotes() if show_sources else None
        if not lines:
            yield term.empty("No entries match.")
        elif len(lines) > LONG and not warned:
            yield term.empty(
                f"{len(lines)} entries take a while to lay out; narrow them with --from, --to, "
                "--case or --party, or show the first N with --limit N."
            )
        start = flt.start.earliest() if flt.start is not None else None
        yield from timeline_terminal.timeline(
            dataset, lines, look, footnotes, flt.as_of, notes=show_notes, start=start
        )
        if footnotes is not None and footnotes.numbers:
            yield footnotes.render(dataset, look)
        total = len(read(dataset, selected)) if len(shown) < len(selected) else len(lines)
        count = f"{total} entr{'y' if total == 1 else 'ies'}"
        if len(lines) < total:
            count = f"first {len(lines)} of {count} (--limit)"
        yield term.footer(look, flt.asof, latest_source_date(dataset), count)

    emit(output_format, entry_forms(dataset, shown, terminal), pager=pager)
