"""A dataset folder as it was at a git revision, read with git itself (`git` on PATH).

The folder is mapped to a path inside its repository by git, run in the folder: git resolves
symbolic links and finds the repository however the folder was named (relative to any working
directory, through a link, a subfolder of the repository or its top). The revision's files are
listed from the folder's tree at that commit, chosen by the loader's own rules (`.yaml`/`.yml`,
hidden files and folders skipped), read in one `git cat-file --batch`, and loaded by the same
strict loader as the folder on disk (`cache.load_revision` wraps it in the dataset cache).
Problems name each file as `REV:path`, the path from the top of the repository: what
`git show REV:path` takes.

Nothing here prints. Every failure is a CompareError with one clear message.
"""

from __future__ import annotations

import functools
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from casetrack.datafiles import MAX_FILE_BYTES, YAML_SUFFIXES, decode, display_path, too_large
from casetrack.dataset import Dataset
from casetrack.errors import CompareError
from casetrack.loader import SharedFiles, TextSource, load_sources
from casetrack.problems import Problem

_LINK_MODE = "120000"


@dataclass(frozen=True, slots=True)
class Revision:
    """A data folder at one commit: `label` as the user typed it, `folder` its path inside the
    repository ('' for the top)."""

    label: str
    commit: str
    top: Path
    folder: str
    tree: str


def find(directory: Path, label: str) -> Revision:
    """The data folder `directory` at revision `label`, checked: raises CompareError when there is
    no git, no repository, no such revision, or no such folder in it."""
    top, folder = _locate(directory)
    commit = _commit(top, label)
    found = _git(top, "cat-file", "--batch-check", stdin=f"{commit}:{folder}\n".encode())
    fields = found.decode("utf-8", "replace").split()
    shown = folder or "the top folder"
    if len(fields) != 3 or fields[1] == "missing":
        raise CompareError(f"{label}: the folder '{shown}' is not in that revision")
    if fields[1] != "tree":
        raise CompareError(f"{label}: '{shown}' is a file in that revision, not a folder")
    return Revision(label, commit, top, folder, fields[0])


def _locate(directory: Path) -> tuple[Path, str]:
    """The repository's top folder and the data folder's path inside it. A folder that is not on
    disk (gone from the working tree) is found from its nearest existing parent."""
    existing = directory
    rest: list[str] = []
    while not existing.is_dir() and existing != existing.parent:
        rest.insert(0, existing.name)
        existing = existing.parent
    done = _run(existing, "rev-parse", "--show-toplevel", "--show-prefix")
    if done.returncode != 0:
        message = _first_line(done.stderr)
        if "not a git repository" in message:
            raise CompareError(
                f"{display_path(directory)} is not inside a git repository; "
                "compare two folders with --against OTHER_DIR"
            )
        raise CompareError(f"git cannot read {display_path(directory)}: {message}")
    lines = os.fsdecode(done.stdout).split("\n")
    if len(lines) < 2 or not lines[0]:
        raise CompareError(f"{display_path(directory)} is not inside a git work tree")
    top, prefix = Path(lines[0]), lines[1]
    folder = str(PurePosixPath(prefix, *rest)) if (prefix or rest) else ""
    return top, "" if folder == "." else folder


def _commit(top: Path, label: str) -> str:
    done = _run(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{label}^{{commit}}")
    if done.returncode == 0:
        return done.stdout.decode("ascii").strip()
    hint = ""
    if _run(top, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
        hint = " (the repository has no commits yet)"
    raise CompareError(f"unknown revision '{label}'{hint}")


def load(
    revision: Revision, listed: list[Listed], shared: SharedFiles | None = None
) -> tuple[Dataset, list[Problem]]:
    """The dataset in the revision's folder (its files as `listing` gives them), with its
    problems (files named `REV:path`). No cache: `cache.load_revision` wraps this."""
    if not listed:
        return Dataset(), [
            Problem(
                f"{revision.label}:{revision.folder or '.'}",
                None,
                None,
                "no .yaml or .yml files in this folder",
                "fatal",
            )
        ]
    root = revision.top / revision.folder
    return load_sources(root, _read(revision, listed), shared)


def has_links(listed: list[Listed]) -> bool:
    """Whether any of the files is a symbolic link (whose content its object id does not give)."""
    return any(mode == _LINK_MODE for _, mode, _, _ in listed)


# (shown name, mode, object id, size) of one file
Listed = tuple[str, str, str, int]


def listing(revision: Revision) -> list[Listed]:
    """The data files of the folder at the revision, in the order the loader walks a folder:
    each folder's own files by name, then its subfolders by name."""
    out = _git(revision.top, "ls-tree", "-r", "-l", "-z", revision.tree)
    found: list[tuple[tuple[tuple[str, ...], str], Listed]] = []
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, oid, size = meta.decode("ascii").split()
        path = PurePosixPath(os.fsdecode(raw_path))
        if kind != "blob" or any(part.startswith(".") for part in path.parts):
            continue  # a submodule, or hidden: the loader skips hidden files and folders
        if not path.name.lower().endswith(YAML_SUFFIXES):
            continue
        full = str(PurePosixPath(revision.folder, path)) if revision.folder else str(path)
        shown = f"{revision.label}:{full}"
        found.append(((path.parts[:-1], path.name), (shown, mode, oid, int(size))))
    return [entry for _, entry in sorted(found)]


def _read(revision: Revision, entries: Sequence[Listed]) -> list[tuple[str, TextSource]]:
    """Every file's text (or why it cannot be read), from one `git cat-file --batch`. A link is
    followed inside the revision, as the loader follows one on disk."""
    wanted: list[tuple[str, str]] = []  # (shown, what to ask git for)
    problems: dict[str, Problem] = {}
    for shown, mode, oid, size in entries:
        if size > MAX_FILE_BYTES:
            problems[shown] = too_large(size, shown)
        elif mode == _LINK_MODE:
            wanted.append((shown, f"{revision.commit}:{shown.partition(':')[2]}"))
        else:
            wanted.append((shown, oid))
    request = "".join(f"{ask}\n" for _, ask in wanted).encode("utf-8", "surrogateescape")
    args = ["cat-file", "--batch"]
    if any(mode == _LINK_MODE for _, mode, _, _ in entries):
        args.append("--follow-symlinks")
    out = _git(revision.top, *args, stdin=request) if wanted else b""
    sources: dict[str, TextSource] = {}
    at = 0
    for shown, _ in wanted:
        end = out.index(b"\n", at)
        header = out[at:end].decode("utf-8", "replace").split(" ")
        at = end + 1
        if header[-1] == "missing":
            problem = Problem(shown, None, None, "not in that revision", "fatal")
            sources[shown] = _failed(problem)
            continue
        size = int(header[-1])
        if len(header) == 3 and header[1] == "blob":
            # Decoded when the loader asks: only one file's text is held at a time.
            sources[shown] = functools.partial(_decode, out, at, size, shown)
        else:
            sources[shown] = _failed(_link_problem(shown, header[0]))
        at += size + 1
    for shown, problem in problems.items():
        sources[shown] = _failed(problem)
    return [(shown, sources[shown]) for shown, _, _, _ in entries]


def _decode(out: bytes, at: int, size: int, shown: str) -> tuple[str | None, list[Problem]]:
    return decode(out[at : at + size], shown)


def _failed(problem: Problem) -> TextSource:
    return lambda: (None, [problem])


def _link_problem(shown: str, what: str) -> Problem:
    reasons = {
        "symlink": "a link to a file outside the repository, which is not part of the revision",
        "dangling": "a link to a file that is not in that revision",
        "loop": "a link that loops",
        "notdir": "a link through something that is not a folder",
    }
    return Problem(shown, None, None, reasons.get(what, f"not a file ({what})"), "fatal")


def _git(top: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """git's output; CompareError with git's own first line when it fails."""
    done = _run(top, *args, stdin=stdin)
    if done.returncode != 0:
        raise CompareError(f"git {args[0]} failed: {_first_line(done.stderr)}")
    return done.stdout


def _run(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    # --literal-pathspecs: no argument is ever a pattern. GIT_TERMINAL_PROMPT=0: git never asks.
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    try:
        return subprocess.run(
            ["git", "--literal-pathspecs", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise CompareError(
            "git is not installed (or not on PATH); it is needed to read a revision. "
            "To compare two folders without git, use --against OTHER_DIR"
        ) from None
    except OSError as exc:
        raise CompareError(f"cannot run git in {display_path(cwd)}: {exc.strerror}") from None


def _first_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace").strip()
    line = text.splitlines()[0] if text else "no message"
    return line.removeprefix("fatal: ").removeprefix("error: ")
