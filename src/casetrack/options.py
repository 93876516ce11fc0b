"""Options shared by commands (one definition each), and the dataset every command reads.

Imports only click at module level: it is imported on every command's start-up.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from casetrack.errors import DataError, UsageError

if TYPE_CHECKING:
    from casetrack.loader import Dataset

F = TypeVar("F", bound=Callable[..., Any])

DATA_ENV = "CASETRACK_DATA"


def bundled_data_dir() -> Path:
    """The dataset shipped with casetrack: inside the installed package, or the repo's data/."""
    here = Path(__file__).resolve().parent
    installed = here / "data"
    if installed.is_dir():
        return installed
    return here.parent.parent / "data"


def data_option(f: F) -> F:
    """--data DIR, falling back to $CASETRACK_DATA, then the bundled dataset."""
    return click.option(
        "--data",
        "data_dir",
        metavar="DIR",
        type=click.Path(file_okay=True, dir_okay=True, path_type=Path),
        default=None,
        help=f"Dataset folder (default: ${DATA_ENV}, else the bundled dataset).",
    )(f)


def resolve_data_dir(data_dir: Path | None) -> Path:
    """The dataset folder a command should read."""
    if data_dir is not None:
        return data_dir
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env)
    return bundled_data_dir()


def load_dataset(data_dir: Path | None) -> Dataset:
    """Load the dataset or raise: UsageError (exit 2) for an unusable path, DataError (exit 1)
    when the data has errors. Warnings are not shown here; `casetrack validate` shows them."""
    from casetrack.loader import load

    directory = resolve_data_dir(data_dir)
    dataset, problems = load(directory)
    fatal = [p for p in problems if p.severity == "fatal"]
    if fatal:
        raise UsageError("; ".join(str(p) for p in fatal))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        shown = "\n".join(str(p) for p in errors[:10])
        more = f"\n... and {len(errors) - 10} more" if len(errors) > 10 else ""
        raise DataError(
            f"the dataset has {len(errors)} problem{'s' if len(errors) != 1 else ''}; "
            f"fix {'them' if len(errors) != 1 else 'it'} first "
            f"(casetrack validate lists them all):\n{shown}{more}"
        )
    return dataset
