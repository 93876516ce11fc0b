"""casetrack party NAME: one party: who they are, their roles, counsel, claims and timeline."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from casetrack.options import as_of_options, data_option, load_dataset
from casetrack.output import Look, emit, format_option, pager_option

if TYPE_CHECKING:
    from casetrack.knowledge import AsOf


@click.command(short_help="One party: who they are, roles, counsel, claims and timeline.")
@click.argument("name")
@data_option
@as_of_options
@click.option("--sources", "show_sources", is_flag=True, help="Show timeline sources as footnotes.")
@format_option()
@pager_option
def party(
    name: str,
    data_dir: Path | None,
    asof: AsOf,
    show_sources: bool,
    output_format: str,
    pager: bool,
) -> None:
    """One party, found by name, alias or id (any case): who they are, their role in each case,
    their counsel (or clients), the claims they bring and face, and their own timeline.

    When nothing matches, the closest names are suggested; when several match, they are listed.
    CSV and Markdown give the party's timeline.

    \b
    Examples:
      casetrack party "Baldoni"
      casetrack party lively --as-of 2025-02-14
      casetrack party lively --happened-by 2025-02-14
      casetrack party Freedman --format json
    """
    from casetrack import narrow
    from casetrack.entries import build_entries, latest_source_date
    from casetrack.lookup import find_party
    from casetrack.query import TimelineFilter, claims_of, select_entries
    from casetrack.render import records
    from casetrack.render.forms import entry_forms

    day = asof.day
    dataset = narrow.party(load_dataset(data_dir), name, known_on=asof.known)
    found = find_party(dataset, name)
    entries = select_entries(
        dataset, build_entries(dataset), TimelineFilter(party=found.id, as_of=day)
    )
    claims = claims_of(dataset, found.id, day)

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.render import records_terminal, timeline_terminal
        from casetrack.render import terminal as term

        yield from records_terminal.party(dataset, found, claims, look)
        yield term.text("")
        yield term.heading(f"Timeline ({len(entries)})", look)
        if not entries:
            yield term.empty("No dated entries name this party.")
        from casetrack.grouped import shown

        footnotes = timeline_terminal.Footnotes() if show_sources else None
        yield from timeline_terminal.timeline(
            dataset, shown(dataset, entries), look, footnotes, day
        )
        if footnotes is not None and footnotes.numbers:
            yield footnotes.render(dataset, look)
        yield term.footer(look, asof, latest_source_date(dataset))

    # CSV and Markdown give the party's timeline, as `timeline --party` does.
    forms = dataclasses.replace(
        entry_forms(dataset, entries, terminal),
        json=lambda: records.party(dataset, found, entries, day),
    )
    emit(output_format, forms, pager=pager)
