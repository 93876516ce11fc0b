"""casetrack export: the timeline as an iCalendar file, TimelineJS JSON, a self-contained web page
or a SQLite database for Datasette."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from casetrack.errors import UsageError
from casetrack.options import (
    data_option,
    load_dataset,
    output_file_options,
    timeline_filter_options,
)

if TYPE_CHECKING:
    from casetrack.query import TimelineFilter

FORMATS = ("ics", "timelinejs", "html", "sqlite", "json", "csv", "markdown")


@click.command()
@click.argument("export_format", metavar="FORMAT", type=click.Choice(FORMATS, case_sensitive=False))
@data_option
@timeline_filter_options
@output_file_options
@click.option(
    "--group-by",
    "group_by",
    type=click.Choice(["case", "kind"]),
    default="case",
    show_default=True,
    help="timelinejs: one row per case or per kind; html: colour by case or by kind.",
)
@click.option(
    "--title", "title", metavar="TEXT", help="Title of the timeline, page, calendar or database."
)
@click.option(
    "--metadata",
    "metadata",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="sqlite: write Datasette's metadata to FILE (default: metadata.json beside the database).",
)
@click.option(
    "--license", "license", metavar="TEXT", help="sqlite: the data's licence, for Datasette."
)
@click.option("--license-url", "license_url", metavar="URL", help="sqlite: a link to the licence.")
def export(
    export_format: str,
    data_dir: Path | None,
    flt: TimelineFilter,
    output: Path | None,
    force: bool,
    group_by: str,
    title: str | None,
    metadata: Path | None,
    license: str | None,
    license_url: str | None,
) -> None:
    """Export the timeline for use beyond the terminal.

    \b
    FORMAT is one of:
      ics         an iCalendar file: one all-day event per entry dated to the day
                  (entries dated only to a month or year, or to some day within
                  a range, are left out, and counted)
      timelinejs  Knight Lab TimelineJS3 JSON, for a timeline next to a story
      html        one self-contained web page: readable on a phone, printable
      sqlite      a SQLite database for Datasette (needs -o), with metadata.json
                  beside it: every record in its table, the timeline, full-text
                  search, allegations marked
      json, csv, markdown
                  the same as `casetrack timeline --format ...`, with -o

    Takes the timeline's filters. Writes to stdout, or with -o to FILE: atomically, and never
    over an existing file without --force.

    \b
    Examples:
      casetrack export ics -o lively.ics
      casetrack export timelinejs --case "Lively v. Wayfarer" -o timeline.json
      casetrack export html --facts-only --from 2025 -o timeline.html
      casetrack export sqlite -o case.db --license "CC BY 4.0"
    """
    import os

    from casetrack import narrow
    from casetrack.entries import build_entries
    from casetrack.grouped import shown
    from casetrack.output import emit, write
    from casetrack.query import select_entries

    fmt = export_format.lower()
    if fmt == "sqlite" and (output is None or str(output) == "-"):
        raise UsageError("export sqlite writes a database file: give it with -o FILE")
    dataset = load_dataset(data_dir)
    if fmt != "sqlite":  # the database holds every record: the whole dataset
        dataset = narrow.timeline(dataset, flt, keep_sources=fmt == "html")
    elif flt.known is not None:
        from casetrack.knowledge import as_known_on

        dataset = as_known_on(dataset, flt.known)
    entries = select_entries(dataset, build_entries(dataset), flt)
    # What people read shows claims changed alike by one filing as one entry (see `grouped`);
    # the database and JSON keep one row per change.
    lines = shown(dataset, entries)
    if fmt == "sqlite":
        from casetrack.export.datasette import publish
        from casetrack.export.sqlite import Scope

        assert output is not None
        written = publish(
            dataset,
            entries,
            Scope.of(dataset, flt),
            output,
            metadata_path=metadata,
            force=force,
            title=title,
            license=license,
            license_url=license_url,
        )
        click.echo(
            f"Wrote {output} and {written}; serve them with: "
            f"datasette {output} --metadata {written}",
            err=True,
        )
        return
    if fmt == "ics":
        from casetrack.export.ics import ics_parts, split_by_precision, stamp_for
        from casetrack.render.date_words import left_out_of_calendar

        text: str | Iterator[str] = ics_parts(
            dataset, lines, stamp=stamp_for(dataset, os.environ), name=title, asof=flt.asof
        )
        left_out = split_by_precision(lines)[1]
        if left_out:
            click.echo(
                f"Note: {left_out_of_calendar([e.date for e in left_out])} left out of the "
                "calendar (listed in its X-CASETRACK-OMITTED line).",
                err=True,
            )
    elif fmt in ("json", "csv", "markdown"):
        # The same text as `casetrack timeline --format FMT`, through the same output path.
        from casetrack.render.forms import entry_forms

        emit(fmt, entry_forms(dataset, entries), output=output, force=force)
        return
    elif fmt == "timelinejs":
        from casetrack.export.timelinejs import render_timelinejs

        text = render_timelinejs(
            dataset,
            lines,
            group_by="kind" if group_by == "kind" else "case",
            title=title,
            asof=flt.asof,
        )
    else:
        from casetrack.export.html import render_html

        text = render_html(
            dataset,
            lines,
            group_by="kind" if group_by == "kind" else "case",
            title=title,
            asof=flt.asof,
        )
    write(text, output, force=force)
