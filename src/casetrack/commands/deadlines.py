"""casetrack deadlines: the deadlines in the data, counted as FRCP 6(a) counts, with the arithmetic."""

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

    from casetrack.dataset import Dataset
    from casetrack.knowledge import AsOf


@click.command(short_help="Deadlines counted as FRCP 6(a) counts, with the arithmetic shown.")
@data_option
@click.option("--case", metavar="CASE", help="Only this case (id, name or docket).")
@as_of_options
@click.option("--explain", "explain", metavar="ID", help="Every step of one deadline's count.")
@format_option()
@pager_option
def deadlines(
    data_dir: Path | None,
    case: str | None,
    asof: AsOf,
    explain: str | None,
    output_format: str,
    pager: bool,
) -> None:
    """Deadlines counted as FRCP 6(a) counts, with the arithmetic shown: due date, how far off,
    what is due, the rule, and the count in one line.

    Each deadline in the data (under `deadlines:`) names its trigger (a filing or event dated to
    the day), a period and the rule or order that sets it; casetrack holds no rule book. The
    trigger day is not counted, every day after it is, and a last day that is a Saturday, Sunday
    or legal holiday (federal, declared by the President, or of the court's state) moves to the
    next day that is none of those. Service by mail adds 3 days after that (FRCP 6(d)).

    A computed deadline is arithmetic on the rule and period in your data, not legal advice:
    check it against the rules and any order in the case.

    \b
    Examples:
      casetrack init my-case
      casetrack deadlines --data my-case --as-of 2025-06-20
      casetrack deadlines --data my-case --explain dl-amended-complaint
      casetrack deadlines --data my-case --format json
    """
    from casetrack import narrow
    from casetrack.deadlines import view_all
    from casetrack.lookup import find_case
    from casetrack.render import flat, records

    day = asof.day
    dataset = narrow.cases(load_dataset(data_dir), case, known_on=asof.known)
    case_id = find_case(dataset.complete, case).id if case else None
    if explain is not None:
        _explain(dataset, explain, day, output_format, pager)
        return
    found = view_all(dataset, case_id=case_id, as_of=day)

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.render import deadlines_terminal as cards
        from casetrack.render import terminal as term

        if found:
            yield from cards.cards(dataset, found, day, look)
        else:
            yield term.empty("No deadlines on record" + (" for this case." if case_id else "."))
        yield cards.footer(look, found, asof)
        yield cards.notice(look)

    def markdown() -> str:
        """The table, then the same plain statement the terminal shows."""
        from casetrack.render.deadline_words import NOTICE

        table = flat.markdown_table(*flat.deadlines_display(dataset, found, day))
        return f"{table}\n{NOTICE}\n"

    emit(
        output_format,
        Forms(
            json=lambda: [records.deadline(v, day) for v in found],
            csv=lambda: flat.csv_table(
                flat.DEADLINES_CSV, (records.deadline(v, day) for v in found)
            ),
            markdown=markdown,
            table=terminal,
        ),
        pager=pager,
    )


def _explain(
    dataset: Dataset, deadline_id: str, day: dt.date, output_format: str, pager: bool
) -> None:
    """Every step of one deadline's count."""
    from casetrack.deadlines import view
    from casetrack.errors import NotFoundError
    from casetrack.fuzzy import closest
    from casetrack.knowledge import require_known
    from casetrack.legal_holidays import LegalHolidays
    from casetrack.render import flat, records

    known = dataset.complete.deadlines
    deadline = known.get(deadline_id)
    if deadline is None:
        near = closest(deadline_id, {i: [d.title] for i, d in known.items()}, n=1)
        hint = f"; did you mean '{near[0]}'?" if near else ""
        raise NotFoundError(f"no deadline has the id '{deadline_id}'{hint}")
    require_known(dataset, "deadlines", deadline_id, f"deadline '{deadline_id}'")
    deadline = dataset.deadlines[deadline_id]
    v = view(dataset, deadline, LegalHolidays())

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.render import deadlines_terminal as cards

        yield from cards.explanation(dataset, v, look)

    emit(
        output_format,
        Forms(
            json=lambda: records.deadline(v, day),
            csv=lambda: flat.steps_csv(records.deadline(v, day)),
            markdown=lambda: flat.markdown_table(*flat.steps_display(v)),
            table=terminal,
        ),
        pager=pager,
    )
