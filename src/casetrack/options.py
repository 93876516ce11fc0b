"""Options shared by commands (one definition each), and the dataset every command reads.

Imports only click at module level: it is imported on every command's start-up.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from casetrack.errors import DataError, InputError, UsageError

if TYPE_CHECKING:
    from casetrack.datafiles import FileSet
    from casetrack.dataset import Dataset
    from casetrack.dates import PartialDate
    from casetrack.knowledge import AsOf
    from casetrack.query import TimelineFilter

F = TypeVar("F", bound=Callable[..., Any])

DATA_ENV = "CASETRACK_DATA"


def bundled_data_dir() -> Path:
    """The dataset shipped with casetrack: inside the installed package, or the repo's data/."""
    here = Path(__file__).resolve().parent
    installed = here / "data"
    if installed.is_dir():
        return installed
    return here.parent.parent / "data"


def output_file_options(f: F) -> F:
    """-o/--output FILE (written atomically) and --force (overwrite an existing FILE)."""
    f = click.option(
        "--force",
        is_flag=True,
        help="Overwrite FILE if it is a regular file. A symbolic link is replaced by the new "
        "file; its target is left as it is.",
    )(f)
    return click.option(
        "-o",
        "--output",
        "output",
        metavar="FILE",
        type=click.Path(dir_okay=False),
        default=None,
        callback=_output_path,
        help="Write to FILE (atomically) instead of stdout; - is stdout.",
    )(f)


def _output_path(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    # An empty -o (an unset shell variable, say) would otherwise mean the working directory.
    if value is not None and not value.strip():
        raise click.BadParameter("is empty; give a file name, or - for stdout", param_hint="-o")
    return Path(value) if value is not None else None


def data_option(f: F) -> F:
    """--data DIR, falling back to $CASETRACK_DATA, then the bundled dataset."""
    return click.option(
        "--data",
        "data_dir",
        metavar="DIR",
        default=None,
        callback=_to_path,
        help=f"Dataset folder (default: ${DATA_ENV}, else the bundled dataset).",
    )(f)


def _to_path(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    # An empty --data (an unset shell variable, say) must not silently mean the working directory.
    if value is not None and not value.strip():
        raise click.BadParameter("is empty; give the dataset folder", param_hint="--data")
    return Path(value) if value is not None else None


def resolve_data_dir(data_dir: Path | None) -> Path:
    """The dataset folder a command should read."""
    if data_dir is not None:
        return data_dir
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env)
    return bundled_data_dir()


def read_data(data_dir: Path | None) -> FileSet:
    """The files of the dataset a command should read, found (and read later, at most once, if
    the cache cannot answer: see `datafiles`, `cache`)."""
    from casetrack.datafiles import scan_folder

    return scan_folder(resolve_data_dir(data_dir))


def load_dataset(
    data_dir: Path | None = None,
    *,
    files: FileSet | None = None,
    known_on: dt.date | None = None,
) -> Dataset:
    """Load the dataset (through the cache) from its folder, or from its files already read; or
    raise: UsageError for an unusable path, DataError when the data has errors. Warnings are not
    shown here; `casetrack validate` shows them. With `known_on` (--as-of), the dataset as it
    was known that day (`knowledge.as_known_on`)."""
    from casetrack import cache
    from casetrack.problems import serious

    dataset, problems = cache.load_files(files if files is not None else read_data(data_dir))
    fatal = [p for p in serious(problems) if p.severity == "fatal"]
    if fatal:
        raise UsageError("; ".join(str(p) for p in fatal))
    errors = [p for p in serious(problems) if p.severity == "error"]
    if errors:
        shown = "\n".join(str(p) for p in errors[:10])
        more = f"\n... and {len(errors) - 10} more" if len(errors) > 10 else ""
        raise DataError(
            f"the dataset has {len(errors)} problem{'s' if len(errors) != 1 else ''}; "
            f"fix {'them' if len(errors) != 1 else 'it'} first "
            f"(casetrack validate lists them all):\n{shown}{more}"
        )
    if known_on is not None:
        from casetrack.knowledge import as_known_on

        return as_known_on(dataset, known_on)
    return dataset


def parse_date_option(value: str | None, option: str) -> PartialDate | None:
    """A date typed on the command line (`2025-01`, `Jan 2025`, `March 9, 2026`), or None.

    A date that cannot be read is an InputError (one line, exit 1), not a usage error."""
    from casetrack.dates import DateError
    from casetrack.typed_dates import parse_user_date

    if value is None:
        return None
    try:
        return parse_user_date(value)
    except DateError as exc:
        raise InputError(f"{option}: {exc}") from None


_AS_OF_HELP = (
    "The record as it stood on DATE: what had happened by then, as it was known then (only what "
    "was public by DATE). A month or year means its last day. Default: today."
)
_HAPPENED_BY_HELP = (
    "What had happened by DATE, as it is known now (later sources included). With --as-of, as "
    "it was known on that day."
)


def as_of_option(f: F) -> F:
    """--as-of DATE alone, handed to the command as `known_on` (a day, or None): for commands
    that list records rather than what happened (sources, search, filing)."""
    option = click.option("--as-of", "as_of", metavar="DATE", default=None, help=_AS_OF_HELP)

    @functools.wraps(f)
    def with_day(*args: Any, **kwargs: Any) -> Any:
        value = kwargs.pop("as_of")
        known = as_of_day(value) if value is not None else None
        return f(*args, known_on=known, **kwargs)

    return cast(F, option(with_day))


def as_of_options(f: F) -> F:
    """--as-of DATE and --happened-by DATE, handed to the command as one `asof` (an AsOf)."""
    options = [
        click.option("--as-of", "as_of", metavar="DATE", default=None, help=_AS_OF_HELP),
        click.option(
            "--happened-by", "happened_by", metavar="DATE", default=None, help=_HAPPENED_BY_HELP
        ),
    ]

    @functools.wraps(f)
    def with_as_of(*args: Any, **kwargs: Any) -> Any:
        asof = build_as_of(kwargs.pop("as_of"), kwargs.pop("happened_by"))
        return f(*args, asof=asof, **kwargs)

    command: Any = with_as_of
    for option in reversed(options):
        command = option(command)
    return cast(F, command)


def build_as_of(as_of: str | None, happened_by: str | None) -> AsOf:
    """The AsOf of --as-of and --happened-by."""
    from casetrack.knowledge import AsOf

    known = as_of_day(as_of) if as_of is not None else None
    if happened_by is not None:
        return AsOf(_day(happened_by, "--happened-by"), known, retrospective=True)
    return AsOf(known if known is not None else dt.date.today(), known)


def as_of_day(value: str | None) -> dt.date:
    """The day --as-of names: its last possible day for a month or year; today when not given."""
    return _day(value, "--as-of") if value is not None else dt.date.today()


def _day(value: str, option: str) -> dt.date:
    parsed = parse_date_option(value, option)
    assert parsed is not None
    return parsed.latest()


def timeline_filter_options(f: F) -> F:
    """The filters shared by `timeline` and `export`, handed to the command as one `flt`
    (a TimelineFilter) instead of eight separate arguments."""
    options = [
        click.option("--case", "case", metavar="CASE", help="Only this case (id, name or docket)."),
        click.option(
            "--party", "party", metavar="NAME", help="Only entries naming this party (any alias)."
        ),
        click.option(
            "--kind",
            "kinds",
            metavar="KIND",
            multiple=True,
            help="Only this kind and its family (repeatable): hearing, order, motion (every "
            "motion-...), filing, event, claim-dismissed, ...",
        ),
        click.option(
            "--from", "date_from", metavar="DATE", help="From this date (2025-01, 'Jan 2025', ...)."
        ),
        click.option("--to", "date_to", metavar="DATE", help="Up to this date (inclusive)."),
        click.option(
            "--search", "search", metavar="TEXT", help="Only entries whose text contains TEXT."
        ),
        click.option("--facts-only", is_flag=True, help="Leave out allegations."),
    ]

    names = ("case", "party", "kinds", "date_from", "date_to", "search", "facts_only", "asof")

    @functools.wraps(f)
    def with_filter(*args: Any, **kwargs: Any) -> Any:
        flt = build_filter(*(kwargs.pop(name) for name in names))
        return f(*args, flt=flt, **kwargs)

    command: Any = as_of_options(with_filter)
    for option in reversed(options):
        command = option(command)
    return cast(F, command)


def build_filter(
    case: str | None,
    party: str | None,
    kinds: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    search: str | None,
    facts_only: bool,
    asof: AsOf,
) -> TimelineFilter:
    """A TimelineFilter from the options of `timeline_filter_options`."""
    from casetrack.query import TimelineFilter

    start = parse_date_option(date_from, "--from")
    end = parse_date_option(date_to, "--to")
    if start is not None and end is not None and start.earliest() > end.latest():
        raise UsageError(
            f"--from {date_from} is after --to {date_to}: no date falls between them "
            "(did you swap them?)"
        )
    return TimelineFilter(
        case=case,
        party=party,
        kinds=kinds,
        start=start,
        end=end,
        search=search,
        facts_only=facts_only,
        as_of=asof.day,
        known=asof.known,
        retrospective=asof.retrospective,
    )
