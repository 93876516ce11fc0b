"""Real git repositories for `casetrack diff` tests: a fixed author, committer and dates, and no
configuration from HOME or the system, so the tests run the same on a bare CI machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

BUNDLED = Path(__file__).resolve().parent.parent / "data"

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.org",
    "GIT_AUTHOR_DATE": "2025-12-10T12:00:00+00:00",
    "GIT_COMMITTER_NAME": "Test Committer",
    "GIT_COMMITTER_EMAIL": "committer@example.org",
    "GIT_COMMITTER_DATE": "2025-12-10T12:00:00+00:00",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def isolate_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Make git in this test see no user or system configuration, and never look for a
    repository above tmp_path."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    for name, value in {**GIT_ENV, "HOME": str(home)}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_DEFAULT_HASH"):
        monkeypatch.delenv(name, raising=False)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def new_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    return path


def commit(repo: Path, message: str) -> str:
    """Commit everything in the work tree; the new commit's id."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def copy_bundled(target: Path) -> Path:
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("README.md"))
    return target


def write(folder: Path, files: dict[str, str]) -> Path:
    """Write {name: YAML} (dedented) into folder."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return folder


def edit(path: Path, old: str, new: str) -> None:
    """Replace text that occurs exactly once in a file (a test edit that cannot silently miss)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: {old!r} occurs {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")


def drop_record(path: Path, record_id: str) -> None:
    """Remove one record (from `  - id: ID` to the next record or comment) from a data file."""
    out, skip, found = [], False, False
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("  - id: "):
            skip = line == f"  - id: {record_id}"
            found = found or skip
        elif skip and line and not line.startswith("    "):
            skip = False
        if not skip:
            out.append(line)
    assert found, f"{path.name}: no record {record_id}"
    path.write_text("\n".join(out), encoding="utf-8")
