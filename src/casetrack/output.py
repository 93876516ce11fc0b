"""How commands write: the shared `--format` and `--pager` options, the console, JSON and CSV.

Imports only click at module level (every command imports this on start-up); rich is imported
when a console is actually made. Data never goes through rich for JSON, CSV or Markdown: they are
written with the json and csv modules straight to stdout, which is what keeps 100k entries fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from rich.console import Console

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "csv", "markdown")
DEFAULT_WIDTH = 80


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


def write_text(text: str, stream: IO[str] | None = None) -> None:
    """Text exactly as given (already cleaned by whoever built it)."""
    out = stream if stream is not None else stdout()
    out.write(text)


def emit(
    output_format: str,
    *,
    json_data: Callable[[], Any],
    csv_data: Callable[[], tuple[Sequence[str], Iterable[Sequence[str]]]],
    display: Callable[[], tuple[Sequence[str], Iterable[Sequence[str]]]],
    terminal: Callable[[Look], Iterable[Any]],
    pager: bool = False,
) -> None:
    """Write a listing in the chosen format. Only the chosen form is built: JSON, CSV and
    Markdown are written directly; `terminal` yields rich renderables, printed as they come."""
    fmt = output_format.lower()
    if fmt == "json":
        from casetrack.render.records import json_text

        write_text(json_text(json_data()))
    elif fmt == "csv":
        from casetrack.render.flat import csv_text

        write_text(csv_text(*csv_data()))
    elif fmt == "markdown":
        from casetrack.render.flat import markdown_table

        write_text(markdown_table(*display()))
    else:
        show(terminal, pager=pager)


def show(terminal: Callable[[Look], Iterable[Any]], *, pager: bool = False) -> None:
    """Print renderables to a console made for stdout, optionally through a pager. Plain output
    loses the spaces rich pads lines with, so it pipes and diffs cleanly."""
    look = look_for()
    console = make_console(look)
    if pager:
        with console.pager(styles=not look.plain):
            for renderable in terminal(look):
                console.print(renderable)
    elif look.plain:
        out = stdout()
        for renderable in terminal(look):
            with console.capture() as captured:
                console.print(renderable)
            out.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
    else:
        for renderable in terminal(look):
            console.print(renderable)
