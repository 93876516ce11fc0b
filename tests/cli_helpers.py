"""Running casetrack's commands in tests, rendered plain at a fixed width."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from casetrack.cli import cli

WIDTH = 80


def run(*args: str | Path, width: int = WIDTH, env: dict[str, str] | None = None) -> Result:
    """Invoke `casetrack ARGS` through click's runner: stdout is not a terminal, so the output
    is plain text at `width` columns. stderr is kept apart in `result.stderr`."""
    runner = CliRunner()
    environ = {"COLUMNS": str(width), "NO_COLOR": "", "CASETRACK_DATA": ""}
    environ.update(env or {})
    return runner.invoke(cli, [str(a) for a in args], env=environ, catch_exceptions=False)
