"""`casetrack diff`: reading revisions with git, --against, --exit-code, and each error."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cli_fixture import CASE_FILES
from cli_helpers import run
from diff_scenarios import edit_every_kind
from git_repo import commit, edit, git, isolate_git, new_repo, write

NOTHING = "Changes in data from HEAD to the working tree\nNo records changed.\n"


@pytest.fixture(autouse=True)
def _git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The made-up case committed in data/; the working directory is the repository."""
    repo = new_repo(tmp_path / "repo")
    write(repo / "data", CASE_FILES)
    commit(repo, "The case")
    monkeypatch.chdir(repo)
    return repo


def failed(*args: str | Path) -> str:
    """stderr of a diff that could not be made (exit 2, nothing on stdout)."""
    result = run("diff", *args)
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    return result.stderr


def headline(*args: str | Path) -> str:
    result = run("diff", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout.split("\n")[0]


# --- where the data is --------------------------------------------------------------------------


def test_no_changes(repo: Path) -> None:
    assert run("diff", "--data", "data").stdout == NOTHING
    assert run("diff", "--data", "data", "--format", "markdown").stdout == (
        "## Changes in data from HEAD to the working tree\n\nNo records changed.\n"
    )
    items = json.loads(run("diff", "--data", "data", "--format", "json").stdout)
    assert items["counts"] == {"added": 0, "removed": 0, "renamed": 0, "changed": 0}
    assert items["changes"] == []
    assert all(found == [] for found in items["developments"].values())


def test_from_another_working_directory(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(repo / "data" / "parties.yaml", "An actress.", "An actor.")
    elsewhere = repo.parent / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run("diff", "--data", repo / "data")
    assert result.stdout.startswith(
        "Changes in data from HEAD to the working tree\nRecords: 1 changed.\n"
    )


def test_through_a_link_to_the_folder(repo: Path) -> None:
    edit(repo / "data" / "parties.yaml", "An actress.", "An actor.")
    link = repo.parent / "case-link"
    link.symlink_to(repo / "data")
    result = run("diff", "--data", link)
    assert result.stdout.startswith("Changes in data from HEAD to the working tree\nRecords: 1")


def test_data_at_the_top_of_the_repository(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "case")
    write(repo, CASE_FILES)
    commit(repo, "The case")
    edit(repo / "parties.yaml", "An actress.", "An actor.")
    assert headline("--data", repo) == "Changes in . from HEAD to the working tree"


def test_data_deep_in_the_repository(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "work")
    write(repo / "cases" / "archer", CASE_FILES)
    (repo / "README").write_text("Not data\n", encoding="utf-8")
    commit(repo, "The case")
    edit_every_kind(repo / "cases" / "archer")
    result = run("diff", "--data", repo / "cases" / "archer")
    assert result.stdout.split("\n")[:2] == [
        "Changes in cases/archer from HEAD to the working tree",
        "Records: 3 added, 1 removed, 1 renamed, 7 changed.",
    ]


def test_a_folder_gone_from_the_working_tree_can_still_compare_revisions(repo: Path) -> None:
    edit(repo / "data" / "parties.yaml", "An actress.", "An actor.")
    commit(repo, "Edited")
    git(repo, "rm", "-q", "-r", "data")
    commit(repo, "Removed")
    assert headline("HEAD~2..HEAD~1", "--data", "data") == ("Changes in data from HEAD~2 to HEAD~1")
    assert failed("HEAD~1..HEAD", "--data", "data") == (
        "Error: HEAD: the folder 'data' is not in that revision\n"
    )


def test_a_revision_is_read_by_the_loaders_rules(repo: Path) -> None:
    """Hidden files and folders are skipped, .yml and upper-case suffixes read, links inside the
    repository followed: the revision loads as the same folder would on disk."""
    data = repo / "data"
    (data / "extra").mkdir()
    (data / "extra" / "more.YML").write_text(
        "sources:\n  - {id: s-more, kind: docket, title: More}\n", encoding="utf-8"
    )
    (data / ".hidden.yaml").write_text("not: [valid", encoding="utf-8")
    (data / ".git-stuff").mkdir()
    (data / ".git-stuff" / "x.yaml").write_text("not: [valid", encoding="utf-8")
    (data / "notes.txt").write_text("not data", encoding="utf-8")
    (data / "linked.yaml").symlink_to("extra/more.YML")
    commit(repo, "More")
    # The link makes s-more a duplicate id on disk, and just the same in the revision.
    on_disk = run("validate", "--data", "data").stdout.splitlines()[:-1]
    assert on_disk == [
        "data/extra/more.YML:2:10: duplicate id 's-more' (first used in data/linked.yaml); "
        "ids must be unique across the dataset"
    ]
    assert failed("HEAD", "--data", "data") == (
        "Error: the dataset at HEAD has 1 problem; nothing was compared:\n"
        "HEAD:data/extra/more.YML:2:10: duplicate id 's-more' (first used in "
        "HEAD:data/linked.yaml); ids must be unique across the dataset\n"
    )
    (data / "linked.yaml").unlink()
    (data / "linked.yaml").symlink_to("../../outside.yaml")
    commit(repo, "Link out")
    assert failed("HEAD", "--data", "data") == (
        "Error: HEAD:data/linked.yaml: a link to a file outside the repository, which is not "
        "part of the revision\n"
    )
    (data / "linked.yaml").unlink()
    (data / "linked.yaml").symlink_to("missing.yaml")
    commit(repo, "Dangling link")
    assert failed("HEAD", "--data", "data") == (
        "Error: HEAD:data/linked.yaml: a link to a file that is not in that revision\n"
    )


# --- --against ----------------------------------------------------------------------------------


def test_two_folders_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = write(tmp_path / "last-week", CASE_FILES)
    new = write(tmp_path / "today", CASE_FILES)
    edit_every_kind(new)
    monkeypatch.chdir(tmp_path)
    result = run("diff", "--data", "today", "--against", "last-week")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split("\n")[:2] == [
        "Changes from last-week to today",
        "Records: 3 added, 1 removed, 1 renamed, 7 changed.",
    ]
    items = json.loads(run("diff", "--data", new, "--against", old, "--format", "json").stdout)
    assert items["old"] == {
        "version": "last-week",
        "folder": "last-week",
        "commit": None,
        "records": 20,
    }


# --- --exit-code --------------------------------------------------------------------------------


def test_exit_code(repo: Path) -> None:
    assert run("diff", "--data", "data", "--exit-code").exit_code == 0
    edit(repo / "data" / "parties.yaml", "An actress.", "An actor.")
    assert run("diff", "--data", "data").exit_code == 0
    result = run("diff", "--data", "data", "--exit-code")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.startswith("Changes in data from HEAD to the working tree\n")


# --- errors -------------------------------------------------------------------------------------


def test_not_in_a_git_repository(tmp_path: Path) -> None:
    data = write(tmp_path / "loose", CASE_FILES)
    assert failed("--data", data) == (
        f"Error: {data} is not inside a git repository; compare two folders with "
        "--against OTHER_DIR\n"
    )


def test_an_unknown_revision(repo: Path) -> None:
    assert failed("v9", "--data", "data") == "Error: unknown revision 'v9'\n"
    assert failed("HEAD~5..HEAD", "--data", "data") == "Error: unknown revision 'HEAD~5'\n"
    assert failed("--data", "data", "--", "-x") == "Error: unknown revision '-x'\n"


def test_a_repository_without_commits(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "fresh")
    write(repo / "data", CASE_FILES)
    assert failed("--data", repo / "data") == (
        "Error: unknown revision 'HEAD' (the repository has no commits yet)\n"
    )


def test_a_folder_not_in_the_revision(repo: Path) -> None:
    write(repo / "new-case", CASE_FILES)
    assert failed("--data", "new-case") == (
        "Error: HEAD: the folder 'new-case' is not in that revision\n"
    )
    (repo / "file").write_text("x", encoding="utf-8")
    commit(repo, "A file")
    (repo / "file").unlink()
    (repo / "file").mkdir()
    assert failed("--data", "file") == (
        "Error: HEAD: 'file' is a file in that revision, not a folder\n"
    )


def test_a_revision_without_data_files(repo: Path) -> None:
    git(repo, "rm", "-q", "data/*.yaml")
    (repo / "data").mkdir()
    (repo / "data" / "notes.txt").write_text("Nothing yet\n", encoding="utf-8")
    commit(repo, "Emptied")
    write(repo / "data", CASE_FILES)
    assert failed("--data", "data") == ("Error: HEAD:data: no .yaml or .yml files in this folder\n")


def test_a_revision_whose_data_does_not_load(repo: Path) -> None:
    edit(repo / "data" / "events.yaml", "    kind: meeting\n", "    kind: meetng\n")
    edit(repo / "data" / "events.yaml", "    date: 2025-04-10\n", "    date: 2025-04-31\n")
    commit(repo, "Broken")
    write(repo / "data", CASE_FILES)
    assert failed("--data", "data") == (
        "Error: the dataset at HEAD has 2 problems; nothing was compared:\n"
        "HEAD:data/events.yaml:15:11: event 'ev-meeting': kind 'meetng' is not one of: "
        "hearing, conference, ruling, trial, deadline, deposition, mediation, settlement, "
        "meeting, production, release, publication, statement, disclosure, other "
        "(did you mean 'meeting'?)\n"
        "HEAD:data/events.yaml:28:11: event 'ev-hearing-1': date: '2025-04-31': day 31 "
        "does not exist (Apr 2025 has 30 days)\n"
    )


def test_a_working_tree_whose_data_does_not_load(repo: Path) -> None:
    edit(repo / "data" / "events.yaml", "    kind: meeting\n", "    kind: meetng\n")
    message = failed("--data", "data")
    assert message.startswith(
        "Error: the dataset in 'data' has 1 problem; nothing was compared:\n"
        "data/events.yaml:15:11: event 'ev-meeting': kind 'meetng' is not one of:"
    )


def test_a_missing_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "today", CASE_FILES)
    monkeypatch.chdir(tmp_path)
    assert failed("--data", "today", "--against", "nowhere") == (
        "Error: nowhere: no such directory\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["HEAD", "--against", "data"],
            "Error: give a revision or --against OTHER_DIR, not both\n",
        ),
        (
            ["main...HEAD"],
            "Error: 'main...HEAD': give two revisions as REV1..REV2 (casetrack diff does not "
            "take the merge base, REV1...REV2)\n",
        ),
    ],
)
def test_usage_errors(repo: Path, args: list[str], message: str) -> None:
    assert failed(*args, "--data", "data") == message


def test_without_git(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo.parent / "no-git-here"))
    assert failed("--data", "data") == (
        "Error: git is not installed (or not on PATH); it is needed to read a revision. "
        "To compare two folders without git, use --against OTHER_DIR\n"
    )


# --- the cache ----------------------------------------------------------------------------------


def imported(*args: str, cache: Path) -> tuple[str, set[str]]:
    """The output of `casetrack ARGS` run in a new process, and the modules it imported."""
    env = {k: v for k, v in os.environ.items() if k != "CASETRACK_DATA"}
    env["CASETRACK_CACHE_DIR"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "casetrack", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, set(re.findall(r"^import time:.*\|\s+(\S+)$", done.stderr, re.MULTILINE))


def test_a_revision_read_again_comes_from_the_cache(repo: Path, tmp_path: Path) -> None:
    """The second diff reads neither revision's YAML: both datasets come from the cache, keyed
    on the files' git object ids."""
    edit(repo / "data" / "parties.yaml", "An actress.", "An actor.")
    commit(repo, "Edited")
    first, before = imported("diff", "HEAD~1..HEAD", "--data", "data", cache=tmp_path / "c")
    again, after = imported("diff", "HEAD~1..HEAD", "--data", "data", cache=tmp_path / "c")
    assert first == again
    assert "casetrack.yamlsafe" in before
    assert "casetrack.yamlsafe" not in after


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_json_and_markdown_never_touch_rich(repo: Path, tmp_path: Path, fmt: str) -> None:
    edit(repo / "data" / "parties.yaml", "An actress.", "An actor.")
    _, modules = imported("diff", "--data", "data", "--format", fmt, cache=tmp_path / "c")
    assert {m for m in modules if m.startswith("rich")} == set()
