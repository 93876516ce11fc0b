"""Publishing with Datasette: the SQLite database and the metadata that makes it readable.

`publish` writes both files: the database (`casetrack.export.sqlite`), then Datasette's
metadata.json, with a title, a description that says what an allegation is, the source and
licence, every table and column described (from `casetrack.sqlschema`), label columns so that a
foreign key shows a name, default sorts and facets. Datasette reads it with
`datasette case.db --metadata metadata.json`; the metadata names the database by the file's
stem, as Datasette does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from casetrack.atomic import OutputError, OutputExistsError, write_atomic
from casetrack.dataset import Dataset
from casetrack.entries import Entry
from casetrack.export.sqlite import Rows, Scope, build_rows, write_database
from casetrack.render.records import json_text
from casetrack.render.wording import title_for
from casetrack.sqlschema import TABLES, TIMELINE, Table

METADATA_NAME = "metadata.json"


def metadata_path_for(database: Path) -> Path:
    """Where the metadata goes unless told: metadata.json beside the database."""
    return database.with_name(METADATA_NAME)


def publish(
    dataset: Dataset,
    entries: list[Entry],
    scope: Scope,
    path: Path,
    *,
    metadata_path: Path | None = None,
    force: bool = False,
    title: str | None = None,
    license: str | None = None,
    license_url: str | None = None,
) -> Path:
    """Write the database to `path` and its metadata beside it (or to `metadata_path`), each
    atomically; neither over an existing file without `force`. Returns the metadata's path."""
    meta = metadata_path if metadata_path is not None else metadata_path_for(path)
    if meta.resolve() == path.resolve():
        raise OutputError(f"the metadata cannot be written over the database ({path})")
    for target in (path, meta):
        if target.exists() and not force:
            raise OutputExistsError(f"{target} exists; use --force to overwrite")
    rows = build_rows(dataset, entries, scope)
    write_database(path, rows, force=force)
    about = metadata(
        database=path.stem,
        title=title or title_for(dataset, entries),
        description=describe_rows(rows, scope.as_of),
        source=f"Compiled with casetrack from {_count(len(rows['sources']), 'source')}; "
        "the sources and citations tables say which fact comes from where.",
        license=license,
        license_url=license_url,
    )
    write_atomic(meta, json_text(about).encode("utf-8"), force=force)
    return meta


def describe_rows(rows: Rows, day: dt.date | None) -> str:
    """What the database holds, and how to read an allegation, in a paragraph."""
    status = TIMELINE.index("status")
    alleged = sum(1 for row in rows["timeline"] if row[status] == "alleged")
    when = f" as of {day.isoformat()}" if day else ""
    verb = "is" if alleged == 1 else "are"
    return (
        f"The record of {_count(len(rows['cases']), 'case')}{when}: "
        f"{_count(len(rows['timeline']), 'timeline entry', 'timeline entries')}, "
        f"{_count(len(rows['filings']), 'filing')}, {_count(len(rows['events']), 'event')} and "
        f"{_count(len(rows['claims']), 'claim')}. Every fact names its sources. Allegations are "
        f"not facts: {_count(alleged, 'timeline entry', 'timeline entries')} {verb} marked "
        "'alleged' in the status column: what one side says happened, with who alleges it, in "
        "which filing, and who denies it in the allegations table. Dates keep their precision "
        "(2025-01 is a month, not 1 January); earliest and latest give the first and last day a "
        "date can mean."
    )


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def metadata(
    *,
    database: str,
    title: str,
    description: str,
    source: str,
    license: str | None = None,
    license_url: str | None = None,
) -> dict[str, Any]:
    """Datasette's metadata for the database named `database` (its file's stem)."""
    top: dict[str, Any] = {"title": title, "description": description, "source": source}
    if license:
        top["license"] = license
    if license_url:
        top["license_url"] = license_url
    top["databases"] = {database: {"tables": {t.name: table_metadata(t) for t in TABLES}}}
    return top


def table_metadata(table: Table) -> dict[str, Any]:
    """One table's description, column descriptions, label column, sort and facets."""
    out: dict[str, Any] = {
        "description": table.description,
        "columns": {c.name: c.description for c in table.columns},
    }
    if table.label:
        out["label_column"] = table.label
    if table.sort:
        out["sort"] = table.sort
    if table.facets:
        out["facets"] = list(table.facets)
    return out
