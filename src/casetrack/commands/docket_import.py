"""casetrack import SOURCE FILE...: a court docket (CourtListener, PACER) into the dataset."""

from __future__ import annotations

from pathlib import Path

import click

from casetrack.options import data_option


@click.command("import", short_help="Import a docket from CourtListener or PACER into the dataset.")
@click.argument("source", metavar="SOURCE", type=click.Choice(["courtlistener", "pacer"]))
@click.argument(
    "files",
    metavar="FILE...",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
)
@data_option
@click.option(
    "--case", "case", metavar="CASE", help="The case the docket belongs to (id, name or docket)."
)
@click.option(
    "--court", metavar="CODE", help="The court (nysd, txsd, ...) where the files do not say."
)
@click.option(
    "--retrieved", metavar="DATE", help="When the files were downloaded (default: from the files)."
)
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
def import_docket(
    source: str,
    files: tuple[Path, ...],
    data_dir: Path | None,
    case: str | None,
    court: str | None,
    retrieved: str | None,
    dry_run: bool,
) -> None:
    """Import a docket into the dataset: the case, its parties and counsel, and a filing per
    docket entry with its ECF number, kind, title, docket text, documents and threads
    ("re: 13", "granting 45"). Writes one file per docket, docket-<number>.yaml, in the
    dataset folder. Import a newer copy again to add new entries: what the court wrote is
    updated, what you wrote (titles, kinds, summaries, notes) is kept.

    \b
    SOURCE is one of:
      courtlistener  CourtListener JSON (a v4 docket, docket-entries pages, parties,
                     attorneys, or a RECAP docket.json) or the docket's CSV download
      pacer          a PACER docket report saved as HTML (needs juriscraper:
                     pip install 'casetrack[pacer]')

    \b
    Examples:
      casetrack import courtlistener docket.json entries-*.json parties.json --data my-case
      casetrack import courtlistener gov.uscourts.nysd.631247.docket.json --data my-case
      casetrack import pacer DktRpt.html --data my-case --dry-run
      casetrack import courtlistener entries.json --case 1:24-cv-10049 --data my-case
    """
    from casetrack.characters import clean
    from casetrack.dockets.importer import run_import
    from casetrack.output import write

    lines = run_import(source, list(files), data_dir, case, court, retrieved, dry_run)
    write("".join(f"{clean(line)}\n" for line in lines))
