"""casetrack diff: what changed between two versions of a case, in the case's own terms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from casetrack.errors import Outcome
from casetrack.options import data_option, resolve_data_dir
from casetrack.output import Look, emit, format_option, pager_option
from casetrack.render.forms import Forms

if TYPE_CHECKING:
    from casetrack.render.changes import Report


@click.command(short_help="What changed between two versions, in the case's own terms.")
@data_option
@click.argument("revision", metavar="[REV | REV1..REV2]", required=False)
@click.option(
    "--against",
    metavar="OTHER_DIR",
    type=click.Path(path_type=Path),
    help="Compare with another folder, without git: OTHER_DIR is the older version.",
)
@click.option(
    "--exit-code", is_flag=True, help="Exit 1 when there are differences (as git diff does)."
)
@format_option(("table", "json", "markdown"))
@pager_option
def diff(
    data_dir: Path | None,
    revision: str | None,
    against: Path | None,
    exit_code: bool,
    output_format: str,
    pager: bool,
) -> Outcome | None:
    """What changed between two versions of the data, in the case's terms: records added,
    removed, renamed and changed (each field old → new), and what that means for the case:
    claims whose status changed, scheduled dates that moved, new allegations and denials, new
    disagreements between sources, new sources.

    REV (default HEAD) compares the data folder at that git revision with the folder as it is
    now; REV1..REV2 compares two revisions; --against compares two folders without git.
    Exits 0, or with --exit-code 1 when there are differences; 2 when the versions cannot be
    compared (not in git, an unknown revision, a folder not in it, data that does not load).

    \b
    Examples:
      casetrack diff
      casetrack diff HEAD~3 --format markdown
      casetrack diff v1.0..v1.1 --data cases/lively
      casetrack diff --data today --against last-week --exit-code
    """
    from casetrack.developments import developments
    from casetrack.diff import compare
    from casetrack.versions import choose

    old, new = choose(resolve_data_dir(data_dir), revision, against)
    found = compare(old.dataset, new.dataset)
    devs = developments(found)

    def as_json() -> dict[str, Any]:
        from casetrack.render.changes_json import diff_json

        return diff_json(found, devs, old, new)

    def words() -> Report:
        from casetrack.render.changes import report

        return report(found, devs, old, new)

    def markdown() -> str:
        from casetrack.render.changes_markdown import markdown

        return markdown(words())

    def terminal(look: Look) -> Iterator[Any]:
        from casetrack.render.changes_terminal import terminal

        yield from terminal(words(), look)

    emit(output_format, Forms(json=as_json, markdown=markdown, table=terminal), pager=pager)
    return Outcome.DIFFERENCES if exit_code and found else None
