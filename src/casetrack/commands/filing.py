"""casetrack filing ID: one filing in full, with its thread (motion, opposition, reply, ruling)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from casetrack.options import data_option, load_dataset
from casetrack.output import Look, emit, format_option, pager_option

if TYPE_CHECKING:
    from casetrack.dataset import Dataset
    from casetrack.models import Filing


@click.command(short_help="One filing in full, with its motion, opposition, reply and ruling.")
@click.argument("name", metavar="ID")
@click.option("--case", "case", metavar="CASE", help="The case, when ID is an ECF number.")
@data_option
@format_option(("table", "json"))
@pager_option
def filing(
    name: str, case: str | None, data_dir: Path | None, output_format: str, pager: bool
) -> None:
    """One filing in full: date, kind, ECF number, who filed it, its documents and docket text;
    then its thread in order: the motion, what answers it (memoranda, opposition, reply) and
    the ruling. ID is the filing's id or its ECF number ("ECF 45").

    \b
    Examples:
      casetrack filing "ECF 45" --case 1:24-cv-10049
      casetrack filing f-2024-12-31-lively-complaint --format json
    """
    from casetrack.query import find_filing, thread_of

    dataset = load_dataset(data_dir)
    found = find_filing(dataset, name, case)
    thread = thread_of(dataset, found)

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.render import terminal as term

        yield from _card(dataset, found, term, look)
        if len(thread) > 1:
            yield term.text("")
            yield term.heading(f"Thread ({len(thread)})", look)
            yield term.table(look, ["Date", "ECF", "Kind", "Title"], _rows(dataset, thread, found))

    emit(
        output_format,
        json_data=lambda: {**_json(dataset, found), "thread": [f.id for f in thread]},
        csv_data=lambda: ((), []),
        display=lambda: ((), []),
        terminal=terminal,
        pager=pager,
    )


def _card(dataset: Dataset, f: Filing, term: Any, look: Look) -> Iterator[Any]:
    from rich.table import Table

    from casetrack.query import case_name
    from casetrack.render import rows as flat

    title = term.text(f.title, "bold")
    title.append_text(term.text(f"  ({f.id})", "dim"))
    yield title
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim" if not look.plain else "", no_wrap=True)
    facts.add_column(overflow="fold")
    from casetrack.entries import build_entries

    entry = next(e for e in build_entries(dataset) if e.id == f.id)
    for label, value in (
        ("Date", f.date.display()),
        ("Kind", f.kind),
        ("Case", case_name(dataset, f.case) if f.case else None),
        ("Docket", flat.ecf_mark(dataset, entry, long=True) or None),
        ("Filed by", flat.names(dataset, f.filed_by) or None),
        ("Summary", f.summary),
        ("Docket text", f.docket_text),
        *(
            (f"Attachment {d.attachment}" if d.attachment else "Document", d.url)
            for d in f.documents
        ),
        ("Sources", ", ".join(f.sources) or None),
        ("Notes", f.notes),
    ):
        if value:
            facts.add_row(term.text(label), term.text(value))
    yield facts


def _rows(dataset: Dataset, thread: list[Filing], current: Filing) -> list[list[str]]:
    return [
        [
            f.date.display(),
            str(f.docket_entry) if f.docket_entry is not None else "",
            f.kind,
            ("▸ " if f.id == current.id else "") + f.title,
        ]
        for f in thread
    ]


def _json(dataset: Dataset, f: Filing) -> dict[str, Any]:
    return {
        **f.model_dump(mode="json", exclude_none=True),
        "date": f.date.start.iso(),
    }
