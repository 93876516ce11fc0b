"""casetrack cases / casetrack case ID: the lawsuits, with court, docket, judge, parties,
relations, claims by status, and the last and next dates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from casetrack.options import as_of_options, data_option, load_dataset
from casetrack.output import Look, emit, format_option, pager_option
from casetrack.render.forms import Forms

if TYPE_CHECKING:
    import datetime as dt

    from casetrack.claim_history import ClaimView
    from casetrack.dataset import Dataset
    from casetrack.deadlines import DeadlineView
    from casetrack.entries import Entry
    from casetrack.knowledge import AsOf
    from casetrack.models import Case

    Overview = tuple[Case, list[ClaimView], Entry | None, Entry | None]


def _overview(dataset: Dataset, case: Case, entries: list[Entry], day: dt.date) -> Overview:
    from casetrack.query import ClaimFilter, last_and_next, select_claims

    views = select_claims(dataset, ClaimFilter(case=case.id, as_of=day))
    last, following = last_and_next(entries, day, case.id)
    return case, views, last, following


@click.command(short_help="The cases: court, docket, judge, claims, last and next dates.")
@data_option
@as_of_options
@format_option()
@pager_option
def cases(data_dir: Path | None, asof: AsOf, output_format: str, pager: bool) -> None:
    """The cases: court, docket number, judge, claims by status, and the last and next dates
    as of a date.

    \b
    Examples:
      casetrack cases
      casetrack cases --as-of 2025-02-14 --format json
    """
    from casetrack import narrow
    from casetrack.entries import build_entries, latest_source_date
    from casetrack.grouped import shown
    from casetrack.render import flat, records

    day = asof.day
    dataset = narrow.cases(load_dataset(data_dir), known_on=asof.known)
    entries = build_entries(dataset)
    filed = (c for c in dataset.cases.values() if c.filed is None or c.filed.earliest() <= day)
    rows = [_overview(dataset, c, entries, day) for c in filed]

    def json_data() -> list[dict[str, Any]]:
        return [records.case(dataset, *row) for row in rows]

    def read() -> list[Overview]:
        # As people read them: claims changed alike by one filing are one entry (`grouped`).
        lines = shown(dataset, entries)
        return [_overview(dataset, c, lines, day) for c in dataset.cases.values()]

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.render import records_terminal
        from casetrack.render import terminal as term

        yield from records_terminal.case_cards(dataset, read(), look)
        count = f"{len(rows)} case{'s' if len(rows) != 1 else ''}"
        yield term.footer(look, asof, latest_source_date(dataset), count)

    emit(
        output_format,
        Forms(
            json=json_data,
            csv=lambda: flat.cases_csv(json_data()),
            markdown=lambda: flat.markdown_table(*flat.cases_display(dataset, read())),
            table=terminal,
        ),
        pager=pager,
    )


@click.command(short_help="One case in full: parties and counsel, relations, claims.")
@click.argument("case_id", metavar="ID")
@data_option
@as_of_options
@format_option(("table", "json"))
@pager_option
def case(case_id: str, data_dir: Path | None, asof: AsOf, output_format: str, pager: bool) -> None:
    """One case in full: court, docket, judge, parties by role with counsel, relations, claims
    by status, the last and next dates, and its deadlines as counted (see `casetrack deadlines`).
    ID may be the id, short name or docket number.

    \b
    Examples:
      casetrack case lively-v-wayfarer
      casetrack case 1:25-cv-00449 --as-of 2025-06-30
    """
    from casetrack import narrow
    from casetrack.entries import build_entries, latest_source_date
    from casetrack.knowledge import require_known
    from casetrack.lookup import find_case
    from casetrack.render import records

    day = asof.day
    dataset = narrow.case(load_dataset(data_dir), case_id, known_on=asof.known)
    found = find_case(dataset.complete, case_id)
    require_known(dataset, "cases", found.id, f"case '{found.short_name or found.caption}'")
    found = dataset.cases[found.id]
    entries = build_entries(dataset)
    row = _overview(dataset, found, entries, day)
    deadlines = _deadlines(dataset, found.id, day)

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.grouped import shown
        from casetrack.render import records_terminal
        from casetrack.render import terminal as term

        yield from records_terminal.case(
            dataset, *_overview(dataset, found, shown(dataset, entries), day), look
        )
        if deadlines:
            from casetrack.render import deadlines_terminal as cards

            yield term.text("")
            yield term.heading("Deadlines (computed)", look)
            yield from cards.cards(dataset, deadlines, day, look)
            yield cards.notice(look)
        yield term.footer(look, asof, latest_source_date(dataset))

    emit(
        output_format,
        Forms(
            json=lambda: {
                **records.case(dataset, *row),
                "deadlines": [records.deadline(v, day) for v in deadlines],
            },
            table=terminal,
        ),
        pager=pager,
    )


def _deadlines(dataset: Dataset, case_id: str, day: dt.date) -> list[DeadlineView]:
    """The case's deadlines known on `day`, counted (none without importing `holidays`)."""
    if not dataset.deadlines:
        return []
    from casetrack.deadlines import view_all

    return view_all(dataset, case_id=case_id, as_of=day)
