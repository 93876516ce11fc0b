"""Help is documentation: every command has a summary and an example, and is in the README."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from casetrack.cli import COMMANDS
from cli_helpers import run

README = Path(__file__).resolve().parent.parent / "README.md"


# Each command's usage line, as click's test runner names the program ("cli").
USAGE = {
    "case": "Usage: cli case [OPTIONS] ID",
    "claim": "Usage: cli claim [OPTIONS] ID",
    "cases": "Usage: cli cases [OPTIONS]",
    "claims": "Usage: cli claims [OPTIONS]",
    "deadlines": "Usage: cli deadlines [OPTIONS]",
    "diff": "Usage: cli diff [OPTIONS] [REV | REV1..REV2]",
    "export": "Usage: cli export [OPTIONS] FORMAT",
    "filing": "Usage: cli filing [OPTIONS] ID",
    "import": "Usage: cli import [OPTIONS] SOURCE FILE...",
    "init": "Usage: cli init [OPTIONS] DIR",
    "parties": "Usage: cli parties [OPTIONS]",
    "party": "Usage: cli party [OPTIONS] NAME",
    "schema": "Usage: cli schema [OPTIONS]",
    "search": "Usage: cli search [OPTIONS] TEXT",
    "sources": "Usage: cli sources [OPTIONS] [ID]",
    "timeline": "Usage: cli timeline [OPTIONS]",
    "upcoming": "Usage: cli upcoming [OPTIONS]",
    "validate": "Usage: cli validate [OPTIONS]",
}


def test_every_command_has_a_usage_line() -> None:
    assert sorted(USAGE) == sorted(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_summary_and_an_example(name: str) -> None:
    result = run(name, "--help")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == USAGE[name]
    summary = lines[2].strip()
    assert summary and not summary.startswith("-"), f"{name} has no summary"
    assert "Example" in result.stdout and f"casetrack {name}" in result.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_readme(name: str) -> None:
    text = README.read_text(encoding="utf-8")
    assert re.search(rf"`casetrack {re.escape(name)}\b", text), f"README does not document {name}"


LISTING = ["timeline", "parties", "claims", "cases", "upcoming", "sources"]


@pytest.mark.parametrize("name", LISTING)
def test_listing_commands_share_the_format_option(name: str) -> None:
    out = run(name, "--help").stdout
    assert "--format [table|json|csv|markdown]" in out
    assert "--pager" in out


def test_help_lists_every_command_without_importing_rich_or_pydantic() -> None:
    code = (
        "import sys\n"
        "from casetrack.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('rich.console', 'pydantic', 'yaml') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr
    for name in ("timeline", "party", "claims", "upcoming", "search"):
        assert f"  {name} " in result.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_registry_short_help_matches_the_command(name: str) -> None:
    """`casetrack --help` lists commands from the registry; it must say what each command says."""
    import click

    from casetrack.cli import cli

    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    assert COMMANDS[name][1] == command.get_short_help_str(limit=80)


def test_version_is_answered_without_importing_click() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['casetrack', '--version']\n"
        "from casetrack.launcher import main\n"
        "main()\n"
        "print('CLICK', 'click' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.endswith("CLICK False\n"), result.stdout + result.stderr
