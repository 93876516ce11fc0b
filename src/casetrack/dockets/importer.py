"""One import from start to end: read the files, load the dataset, plan, check, write, report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from casetrack.dockets.model import DocketError
from casetrack.dockets.plan import SCHEMA_FILE, Report, plan
from casetrack.dockets.text import ecf_ranges
from casetrack.errors import UsageError


def run_import(
    source: str,
    files: list[Path],
    data_dir: Path | None,
    case: str | None,
    court: str | None,
    retrieved: str | None,
    dry_run: bool,
) -> list[str]:
    """Import; return the report's lines. Raises a CasetrackError (nothing written) on bad input."""
    import os

    from casetrack.dockets.read import read_docket
    from casetrack.options import DATA_ENV, load_dataset, parse_date_option, resolve_data_dir

    if data_dir is None and not os.environ.get(DATA_ENV):
        raise UsageError(
            "give the dataset folder to import into with --data DIR (import never writes into "
            "the bundled dataset)"
        )
    root = resolve_data_dir(data_dir)
    docket = read_docket(source, files, court.lower() if court else None)
    if retrieved is not None:
        day = parse_date_option(retrieved, "--retrieved")
        assert day is not None
        docket.retrieved = day.latest().isoformat()
    if docket.retrieved is None:
        import datetime as dt

        docket.retrieved = dt.date.fromtimestamp(files[0].stat().st_mtime).isoformat()
    if not root.exists():
        root.mkdir(parents=True)
    from casetrack.datafiles import read_folder
    from casetrack.dataset import Dataset

    found = read_folder(root)
    # A folder without data files is a new dataset, which the import starts.
    dataset = load_dataset(files=found) if found.files or found.problems else Dataset(root=root)
    report = plan(docket, dataset, root, case)
    if report.writes:
        _check(report)
    if report.writes and not dry_run:
        from casetrack.atomic import write_atomic

        if report.schema is not None:
            write_atomic(root / SCHEMA_FILE, report.schema.encode("utf-8"), force=False)
        write_atomic(report.path, report.text.encode("utf-8"), force=report.old_text is not None)
    return list(_lines(report, docket.origin, dry_run))


def _check(report: Report) -> None:
    """Every record the import made or changed must be valid: a last guard against our own bugs.
    (That the text reads back exactly is the writer's promise, tested on any text.)"""
    from pydantic import ValidationError

    from casetrack.validation import MODELS
    from casetrack.vocabulary import RECORD_WORDS

    for section, record in report.produced:
        model = MODELS[section]
        try:
            model.model_validate(record)
        except ValidationError as exc:
            raise DocketError(
                f"{report.shown}: the import would make an invalid {RECORD_WORDS[section]} "
                f"'{record.get('id')}': {exc.errors()[0]['msg']}"
            ) from None


def _entries(entries: list) -> str:  # type: ignore[type-arg]
    numbers = [e.number for e in entries if e.number is not None]
    unnumbered = sum(1 for e in entries if e.number is None)
    parts = []
    if numbers:
        parts.append(f"ECF {ecf_ranges(numbers)}")
    if unnumbered:
        parts.append(f"{unnumbered} unnumbered")
    return ", ".join(parts)


def _lines(report: Report, origin: str, dry_run: bool) -> Iterator[str]:
    n = len(report.entries)
    what = f"{n} filing{'s' if n != 1 else ''}"
    if n:
        what += f" ({_entries(report.entries)})"
    case = (
        "1 case" if report.case_file is None else f"case {report.case_id} (in {report.case_file})"
    )
    changes = f"{len(report.new)} new"
    if report.new:
        changes += f" ({_entries(report.new)})"
    changes += f", {len(report.changed)} changed"
    if report.changed:
        changes += f" ({_entries(report.changed)})"
    counsel = f"{report.counsel} counsel"
    yield (
        f"Imported {report.number} from {origin}: {case}, {report.parties} "
        f"part{'y' if report.parties == 1 else 'ies'}, {counsel}, {what}; {changes}."
    )
    for e, fid, where in report.elsewhere:
        yield f"ECF {e.number} is {fid} in {where}: kept as written there."
    if report.removed:
        yield (
            f"Not brought back ({_entries(report.removed)}): removed from {report.shown} by hand; "
            "to import again, delete from the docket source's `entries`."
        )
    if report.case_file is not None:
        yield f"The case is kept as written in {report.case_file}; its parties were not changed."
    for note in report.notes:
        yield f"Note: {note}."
    if not report.writes:
        yield f"Nothing to write: {report.shown} is up to date."
    elif dry_run:
        yield f"Dry run: {report.shown} would be {'updated' if report.old_text else 'written'}; nothing written."
    else:
        yield f"Wrote {report.shown}."
