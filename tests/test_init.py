"""`casetrack init`: a fresh folder that validates cleanly and shows its examples on the timeline."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from casetrack.cli import cli
from casetrack.commands.init import SCHEMA_FILE, TEMPLATE_FILES, init_files
from casetrack.export.schema import render_schema
from casetrack.loader import load
from casetrack.vocabulary import SECTION_NAMES as SECTIONS

SCHEMA_LINE = "# yaml-language-server: $schema=./casetrack.schema.json\n"


def run(*args: str | Path) -> Result:
    env = {"CASETRACK_DATA": "", "NO_COLOR": "1", "COLUMNS": "100"}
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)


def test_init_then_validate_then_timeline(tmp_path: Path) -> None:
    folder = tmp_path / "my-case"
    created = run("init", folder)
    assert created.exit_code == 0, created.output
    assert created.stdout.splitlines()[0] == (
        f"Created a dataset in {folder} with an example case (Doe v. Acme):"
    )
    assert sorted(p.name for p in folder.iterdir()) == sorted([*TEMPLATE_FILES, SCHEMA_FILE])

    validated = run("validate", "--data", folder)
    assert (validated.exit_code, validated.stdout) == (
        0,
        "7 files, 14 records: 0 errors, 0 warnings\n",
    )

    timeline = run("timeline", "--data", folder, "--as-of", "2026-01-01")
    assert timeline.exit_code == 0, timeline.output
    for title in (
        "Acme moves Doe to unpaid standby shifts",
        "Doe's complaint against Acme Widgets",
        "Judge dismisses the overtime claim with leave to amend",
        "Status conference",
        "computed deadline: Doe's amended complaint",
    ):
        assert title in timeline.stdout
    assert "ALLEGED by Alex Doe; denied by Acme Widgets, Inc." in timeline.stdout
    assert "10 Jun 2025 + 21 days = Tue 1 Jul 2025." in timeline.stdout


def test_one_commented_example_of_each_kind_with_the_schema_line(tmp_path: Path) -> None:
    folder = tmp_path / "my-case"
    assert run("init", folder).exit_code == 0
    for name in TEMPLATE_FILES:
        if not name.endswith(".yaml"):
            continue
        text = (folder / name).read_text(encoding="utf-8")
        assert text.startswith(SCHEMA_LINE), name
        comments = [line for line in text.splitlines()[1:] if "# " in line]
        assert len(comments) >= 3, name
    assert (folder / SCHEMA_FILE).read_text(encoding="utf-8") == render_schema()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "casetrack validate --data ." in readme and "casetrack timeline --data ." in readme
    dataset, problems = load(folder)
    assert problems == []
    for section in SECTIONS:
        assert dataset.section(section), f"no example under {section}"
    assert any(e.alleged for e in dataset.events.values())
    assert any(e.scheduled for e in dataset.events.values())
    assert any(c.history for c in dataset.claims.values())


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    folder = tmp_path / "busy"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", folder)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {folder} is not empty; use --force to add the example files to it "
        "(files already there are kept)\n"
    )
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_force_adds_files_but_never_replaces_one(tmp_path: Path) -> None:
    folder = tmp_path / "busy"
    folder.mkdir()
    (folder / "events.yaml").write_text("events: []\n", encoding="utf-8")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", folder, "--force")
    assert result.exit_code == 0
    assert f"  {folder / 'events.yaml'} already exists; kept it as it is" in result.stdout
    assert (folder / "events.yaml").read_text(encoding="utf-8") == "events: []\n"
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (folder / "cases.yaml").read_text(encoding="utf-8") == init_files()["cases.yaml"]


def test_an_empty_existing_folder_is_fine(tmp_path: Path) -> None:
    assert run("init", tmp_path).exit_code == 0
    assert (tmp_path / "sources.yaml").is_file()


def test_refuses_a_file(tmp_path: Path) -> None:
    target = tmp_path / "case.yaml"
    target.write_text("x", encoding="utf-8")
    result = run("init", target)
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "x"
