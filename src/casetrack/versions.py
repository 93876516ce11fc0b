"""The two versions `casetrack diff` compares, chosen and loaded:

- `REV` (default HEAD): the data folder at that git revision, then the folder as it is on disk;
- `REV1..REV2`: the folder at two revisions (an empty side means HEAD, as in git);
- `--against OTHER_DIR`: another folder (the older version), then the data folder, without git.

Both load with the strict loader, sharing what is identical (see loader.SharedFiles). A version
whose data does not load stops the comparison with every problem listed: CompareError, exit 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casetrack import cache, revisions
from casetrack.datafiles import display_path
from casetrack.dataset import Dataset
from casetrack.errors import CompareError
from casetrack.loader import SharedFiles
from casetrack.problems import Problem

WORKING_TREE = "the working tree"


@dataclass(frozen=True, slots=True)
class Version:
    """One side of a comparison. `label` names it (a revision as typed, the working tree, a
    folder); `folder` is the data folder (inside the repository for a revision); `commit` is the
    revision's commit id, None for a folder on disk."""

    label: str
    folder: str
    commit: str | None
    dataset: Dataset


def choose(directory: Path, spec: str | None, against: Path | None) -> tuple[Version, Version]:
    """The old and new versions the options ask for, loaded."""
    shared = SharedFiles()
    if against is not None:
        if spec is not None:
            raise CompareError("give a revision or --against OTHER_DIR, not both")
        old = _folder(against, display_path(against), shared)
        return old, _folder(directory, display_path(directory), shared)
    old_label, new_label = split_range(spec or "HEAD")
    old_rev = revisions.find(directory, old_label)
    new_rev = revisions.find(directory, new_label) if new_label is not None else None
    old = _revision(old_rev, shared)
    if new_rev is None:
        return old, _folder(directory, WORKING_TREE, shared, old_rev.folder)
    return old, _revision(new_rev, shared)


def split_range(spec: str) -> tuple[str, str | None]:
    """`A..B` as (A, B), either side HEAD when left out; a single revision as (REV, None)."""
    if "..." in spec:
        raise CompareError(
            f"'{spec}': give two revisions as REV1..REV2 (casetrack diff does not take the "
            "merge base, REV1...REV2)"
        )
    if ".." not in spec:
        return spec, None
    left, _, right = spec.partition("..")
    return left or "HEAD", right or "HEAD"


def _revision(rev: revisions.Revision, shared: SharedFiles) -> Version:
    dataset, problems = cache.load_revision(rev, shared)
    _stop_on(problems, f"at {rev.label}")
    return Version(rev.label, rev.folder or ".", rev.commit, dataset)


def _folder(directory: Path, label: str, shared: SharedFiles, folder: str | None = None) -> Version:
    dataset, problems = cache.load(directory, shared)
    _stop_on(problems, f"in '{display_path(directory)}'")
    return Version(label, folder or display_path(directory), None, dataset)


def _stop_on(problems: list[Problem], where: str) -> None:
    """Raise when a version cannot be compared: every problem, one per line."""
    fatal = [p for p in problems if p.severity == "fatal"]
    errors = [p for p in problems if p.severity == "error"]
    if fatal:
        raise CompareError("; ".join(str(p) for p in fatal))
    if errors:
        n = len(errors)
        listed = "\n".join(str(p) for p in errors)
        raise CompareError(
            f"the dataset {where} has {n} problem{'s' if n != 1 else ''}; nothing was "
            f"compared:\n{listed}"
        )
