"""The one output path every command and `export` write through: the shared `--format` and
`--pager` options, the choice of format (`emit`), the console for the terminal (`show`), and
stdout or a file written atomically for everything else (`write`).

Imports only click at module level (every command imports this on start-up); rich is imported
when a console is actually made. Data never goes through rich for JSON, CSV or Markdown: they are
made by `render.records` and `render.flat` and written straight out, which is what keeps 100k
entries fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from casetrack.errors import UsageError
from casetrack.render.forms import Forms, Terminal

if TYPE_CHECKING:
    from rich.console import Console

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "csv", "markdown")
DEFAULT_WIDTH = 80
# The names of stdout as an output file.
STDOUT = ("-", "/dev/stdout")


def format_option(formats: Sequence[str] = FORMATS) -> Callable[[F], F]:
    """--format table|json|csv|markdown, shared by every listing command (table by default)."""

    def decorate(f: F) -> F:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(list(formats), case_sensitive=False),
            default="table",
            show_default=True,
            help="Output format: a table for reading; json, csv or markdown for other programs.",
        )(f)

    return decorate


def pager_option(f: F) -> F:
    """--pager: send long terminal output through a pager (never by default)."""
    return click.option(
        "--pager", "pager", is_flag=True, help="Page the output (only for --format table)."
    )(f)


@dataclass(frozen=True, slots=True)
class Look:
    """How terminal output should look: `plain` means no colour and no box drawing."""

    plain: bool
    width: int


def stdout() -> IO[str]:
    """The current stdout (looked up at call time, so click's test runner can capture it)."""
    return sys.stdout


def look_for(stream: IO[str] | None = None, environ: Mapping[str, str] | None = None) -> Look:
    """Plain when the stream is not a terminal or NO_COLOR is set; width from $COLUMNS, else the
    terminal, else 80."""
    stream = stream if stream is not None else stdout()
    env = os.environ if environ is None else environ
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    plain = not tty or bool(env.get("NO_COLOR"))
    width = _int(env.get("COLUMNS"))
    if width is None and tty:
        import shutil

        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return Look(plain=plain, width=max(40, width or DEFAULT_WIDTH))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def make_console(look: Look, stream: IO[str] | None = None) -> Console:
    """The console a command prints renderables to. Markup, emoji and highlighting are off: data
    is text, never markup."""
    from rich.console import Console

    return Console(
        file=stream if stream is not None else stdout(),
        width=look.width,
        color_system=None if look.plain else "auto",
        force_terminal=not look.plain,
        no_color=look.plain,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
    )


def emit(
    output_format: str,
    forms: Forms,
    *,
    pager: bool = False,
    output: Path | None = None,
    force: bool = False,
) -> None:
    """Write what a command found in the chosen format: only that form is made. The table is
    printed to the terminal as its renderables come; every other form is text, written by
    `write` (to stdout, or with `output` to a file)."""
    fmt = output_format.lower()
    if fmt == "table":
        show(forms.need("table", forms.table), pager=pager)
    else:
        from casetrack import collector

        with collector.paused():  # a JSON object per entry: many, and none of them garbage
            write(parts(fmt, forms), output, force=force)


def text(output_format: str, forms: Forms) -> str:
    """The JSON, CSV or Markdown text of what a command found."""
    return "".join(parts(output_format, forms))


def parts(output_format: str, forms: Forms) -> Iterator[str]:
    """The JSON, CSV or Markdown text of what a command found, a part at a time (a long list is
    written as it is made, not held whole first)."""
    fmt = output_format.lower()
    if fmt == "json":
        from casetrack.render.records import json_parts

        yield from json_parts(forms.need(fmt, forms.json)())
    elif fmt == "csv":
        from casetrack.render.csvtext import csv_parts

        yield from csv_parts(*forms.need(fmt, forms.csv)())
    elif fmt == "markdown":
        yield forms.need(fmt, forms.markdown)()
    else:
        raise UsageError(f"there is no format '{output_format}'")


# Text is encoded for writing this many characters at a time: never the whole of it at once.
ENCODED = 1 << 20


def write(data: str | Iterable[str], path: Path | None = None, force: bool = False) -> None:
    """Write text (UTF-8), given whole or in parts, to stdout when `path` is None, '-' or
    /dev/stdout, else atomically to `path` (see `casetrack.atomic`): never over an existing file
    without `force`. The text is encoded a part at a time as it is written."""
    pieces = (data,) if isinstance(data, str) else data

    def encoded() -> Iterator[bytes]:
        for piece in pieces:
            for start in range(0, len(piece), ENCODED):
                yield piece[start : start + ENCODED].encode("utf-8")

    if path is None or str(path) in STDOUT:
        # Bytes, so CRLF line ends (CSV, iCalendar) reach the file exactly as written.
        sys.stdout.flush()
        binary = getattr(sys.stdout, "buffer", None)
        if binary is None:
            for piece in pieces:
                sys.stdout.write(piece)
        else:
            for raw in encoded():
                binary.write(raw)
            binary.flush()
        return
    from casetrack.atomic import write_atomic

    write_atomic(path, encoded(), force=force)


def show(terminal: Terminal, *, pager: bool = False) -> None:
    """Print renderables to a console made for stdout, optionally through a pager. Plain output
    loses the spaces rich pads lines with, so it pipes and diffs cleanly."""
    look = look_for()
    console = make_console(look)
    # Not cropped: a word longer than the line (a long address) is printed whole, on a line of
    # its own, for the terminal to wrap (see `render.layout_terminal`).
    if pager:
        with console.pager(styles=not look.plain):
            for renderable in terminal(look):
                console.print(renderable, crop=False)
    elif look.plain:
        out = stdout()
        for renderable in terminal(look):
            with console.capture() as captured:
                console.print(renderable, crop=False)
            out.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
    else:
        for renderable in terminal(look):
            console.print(renderable, crop=False)
