"""Running casetrack's commands in tests: in-process at a fixed width, or as a real process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
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


_IMPORT = re.compile(r"^import time:.*\|\s+(\S+)$")


@dataclass
class Process:
    """A finished `python -X importtime -m casetrack ...`: its output, and what it imported."""

    returncode: int
    stdout: str
    stderr: str
    modules: set[str]

    @property
    def parsed_yaml(self) -> bool:
        """Whether the process read any YAML: a dataset served from the cache reads none."""
        return "casetrack.yamlsafe" in self.modules or "yaml" in self.modules


def run_process(*args: str | Path, cache: Path, cwd: Path | None = None) -> Process:
    """Run the real command in a fresh interpreter, as a user would, noting its imports."""
    env = {k: v for k, v in os.environ.items() if k not in ("CASETRACK_DATA", "NO_COLOR")}
    env.update({"CASETRACK_CACHE_DIR": str(cache), "COLUMNS": "80"})
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "casetrack", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    modules: set[str] = set()
    stderr = []
    for line in done.stderr.splitlines(keepends=True):
        found = _IMPORT.match(line.rstrip("\n"))
        if found:
            modules.add(found.group(1))
        elif not line.startswith("import time:"):
            stderr.append(line)
    return Process(done.returncode, done.stdout, "".join(stderr), modules)


TIME_LIMIT = 20.0  # seconds: a hostile input must not hang a command; every case takes far less


class Run:
    """A finished `python -m casetrack ...`, as `casetrack()` ran it."""

    def __init__(self, returncode: int, stdout: bytes, stderr: bytes, seconds: float) -> None:
        self.returncode = returncode
        self.stdout_bytes = stdout
        self.stdout = stdout.decode("utf-8", "replace")
        self.stderr = stderr.decode("utf-8", "replace")
        self.seconds = seconds

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


def casetrack(
    *args: str | Path,
    cwd: Path,
    cache: Path,
    env: dict[str, str] | None = None,
    stdout: int | None = subprocess.PIPE,
) -> Run:
    """Run the real command in a fresh interpreter, as a user would: no traceback, and done
    within TIME_LIMIT."""
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ.update({"CASETRACK_CACHE_DIR": str(cache), "COLUMNS": "200", **(env or {})})
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "casetrack", *map(str, args)],
        cwd=cwd,
        env=environ,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=TIME_LIMIT * 3,
        check=False,
    )
    result = Run(done.returncode, done.stdout or b"", done.stderr, time.monotonic() - start)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.seconds < TIME_LIMIT
    return result
