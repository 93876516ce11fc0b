"""Guards for the speed targets that do not need timing (benchmarks/run.py measures the rest):
what each command imports, and that a cached dataset reads no YAML."""

from __future__ import annotations

import json
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


# Every command with CSV or Markdown output, on the dataset `casetrack init` writes (it has a
# record of each kind, a deadline among them).
LISTINGS = [
    ["timeline"],
    ["party", "Doe"],
    ["parties"],
    ["claims"],
    ["cases"],
    ["upcoming", "--as-of", "2025-01-01"],
    ["deadlines"],
    ["deadlines", "--explain", "dl-amended-complaint"],
    ["sources"],
    ["sources", "src-example-complaint"],
    ["search", "overtime"],
]
# Runs each command in one interpreter, and names the first after which rich is loaded.
RUN_ALL = """
import json, sys
from casetrack.cli import main
for args in json.loads(sys.argv[1]):
    try:
        main(args)
    except SystemExit as exc:
        if exc.code:
            sys.exit(f"{args} exited {exc.code}")
    rich = sorted(m for m in sys.modules if m.split(".")[0] == "rich")
    if rich:
        sys.exit(f"{args} imported {rich[:3]}")
print("ok", file=sys.stderr)
"""


def test_csv_and_markdown_of_every_command_import_no_rich(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from casetrack.cli import cli

    data = tmp_path / "case"
    assert CliRunner().invoke(cli, ["init", str(data)]).exit_code == 0
    runs = [
        [*args, "--data", str(data), "--format", fmt]
        for args in LISTINGS
        for fmt in ("csv", "markdown")
    ]
    runs += [["export", fmt, "--data", str(data)] for fmt in ("csv", "markdown")]
    runs.append(["diff", "--data", str(data), "--against", str(data), "--format", "markdown"])
    env = {k: v for k, v in os.environ.items() if k != "CASETRACK_DATA"}
    env["CASETRACK_CACHE_DIR"] = str(tmp_path / "cache")
    done = subprocess.run(
        [sys.executable, "-c", RUN_ALL, json.dumps(runs)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "ok\n")


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
