"""Guards for the speed targets that do not need timing (benchmarks/run.py measures the rest):
what each command imports, and that a cached dataset reads no YAML."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest


def imported(*args: str, cache: Path) -> set[str]:
    """The modules a casetrack run imports (from `python -X importtime`)."""
    env = {k: v for k, v in os.environ.items() if k != "CASETRACK_DATA"}
    env["CASETRACK_CACHE_DIR"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "casetrack", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return set(re.findall(r"^import time:.*\|\s+(\S+)$", done.stderr, re.MULTILINE))


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in ("pydantic", "rich", "yaml", "dateutil")}


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["timeline", "--help"]])
def test_help_and_version_import_nothing_heavy(args: list[str], tmp_path: Path) -> None:
    assert heavy(imported(*args, cache=tmp_path)) == set()


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_machine_formats_never_touch_rich(fmt: str, tmp_path: Path) -> None:
    modules = imported("timeline", "--format", fmt, cache=tmp_path)
    assert {m for m in modules if m.startswith("rich")} == set()


def test_a_cached_dataset_reads_no_yaml(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "events.yaml").write_text(
        "sources:\n  - {id: s, kind: docket, title: Docket}\n"
        "events:\n  - {id: e, date: 2025-01-02, kind: hearing, title: A hearing, sources: [s]}\n",
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    imported("validate", "--data", str(data), cache=cache)  # fills the cache
    modules = imported("timeline", "--format", "json", "--data", str(data), cache=cache)
    assert {m for m in modules if m.startswith("yaml")} == set()
    assert "casetrack.yamlsafe" not in modules
