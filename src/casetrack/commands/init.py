"""casetrack init: start a new dataset folder with one commented example of each kind of record."""

from __future__ import annotations

from pathlib import Path

import click

# The files init writes, in the order it lists them. The schema is generated; the rest are copied
# from casetrack/templates/init.
SCHEMA_FILE = "casetrack.schema.json"
TEMPLATE_FILES = (
    "README.md",
    "sources.yaml",
    "parties.yaml",
    "cases.yaml",
    "filings.yaml",
    "claims.yaml",
    "events.yaml",
    "deadlines.yaml",
)


@click.command(short_help="Start a new dataset: an example of each kind of record.")
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--force",
    is_flag=True,
    help="Add the files to a folder that is not empty. Files already there are never replaced.",
)
def init(directory: Path, force: bool) -> None:
    """Create a new dataset folder with a commented example of each kind of record.

    Writes sources.yaml, parties.yaml, cases.yaml, filings.yaml, claims.yaml, events.yaml and
    deadlines.yaml (a small made-up case to replace with your own), a README, and
    casetrack.schema.json, which
    editors with yaml-language-server use to complete and explain fields as you type.

    Refuses a folder that is not empty unless --force; even then, files already in the folder
    are left as they are.

    \b
    Examples:
      casetrack init my-case
      casetrack validate --data my-case
      casetrack timeline --data my-case
    """
    from casetrack.atomic import OutputExistsError, write_atomic
    from casetrack.characters import clean
    from casetrack.errors import CasetrackError, UsageError
    from casetrack.output import write

    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory} is a file; give a folder to create")
    if directory.is_dir() and any(directory.iterdir()) and not force:
        raise CasetrackError(
            f"{directory} is not empty; use --force to add the example files to it "
            "(files already there are kept)"
        )
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {directory}: {exc.strerror}") from None

    created: list[Path] = []
    kept: list[Path] = []
    for name, content in init_files().items():
        path = directory / name
        try:
            write_atomic(path, content.encode("utf-8"), force=False)
        except OutputExistsError:
            kept.append(path)
            continue
        created.append(path)

    lines = [
        f"Created a dataset in {directory} with an example case (Doe v. Acme):"
        if created
        else f"Nothing to add: every file init writes is already in {directory}:",
        *(f"  {path}" for path in created),
        *(f"  {path} already exists; kept it as it is" for path in kept),
    ]
    shown = _quote(str(directory))
    lines += [
        "",
        "Next: replace the example with your case, then",
        f"  casetrack validate --data {shown}",
        f"  casetrack timeline --data {shown}",
    ]
    write("".join(f"{clean(line)}\n" for line in lines))


def init_files() -> dict[str, str]:
    """File name -> content of everything init writes."""
    from importlib.resources import files

    from casetrack.export.schema import render_schema

    templates = files("casetrack.templates").joinpath("init")
    out = {name: templates.joinpath(name).read_text(encoding="utf-8") for name in TEMPLATE_FILES}
    out[SCHEMA_FILE] = render_schema()
    return out


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)
