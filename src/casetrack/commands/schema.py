"""casetrack schema: the JSON Schema of a dataset file, for editors."""

from __future__ import annotations

from pathlib import Path

import click

from casetrack.options import output_file_options


@click.command(short_help="The JSON Schema of a dataset file, for editors.")
@output_file_options
def schema(output: Path | None, force: bool) -> None:
    """Print the JSON Schema (draft-07) of a dataset file, for editor help and checking.

    Generated from casetrack's data model. Editors with yaml-language-server (VS Code's YAML
    extension, and others) use it when a file starts with
    `# yaml-language-server: $schema=<path to the schema>`: they complete field names, show each
    field's description and underline mistakes while you type. `casetrack init` writes it into
    a new dataset folder for you.

    \b
    Examples:
      casetrack schema -o my-case/casetrack.schema.json
      casetrack schema --output my-case/casetrack.schema.json --force   # refresh after upgrading
    """
    from casetrack.export.schema import render_schema
    from casetrack.output import write

    write(render_schema(), output, force=force)
