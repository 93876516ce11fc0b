"""The lock (constraints.txt) pins everything pyproject.toml asks for, within its ranges.

A dependency added to pyproject.toml without `make lock` would install whatever version is newest
on the day: the build would pass here and fail elsewhere. This catches it before CI does.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def _pins() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        (spec,) = requirement.specifier
        assert spec.operator == "==", f"constraints.txt: {line!r} is not an exact pin"
        pins[canonicalize_name(requirement.name)] = Version(spec.version)
    return pins


def _wanted() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [*project["build-system"]["requires"], *project["project"]["dependencies"]]
    for extra in project["project"].get("optional-dependencies", {}).values():
        wanted.extend(extra)
    return [Requirement(text) for text in wanted]


def test_every_requirement_is_pinned_within_its_range() -> None:
    pins = _pins()
    environment = default_environment()
    problems = []
    for requirement in _wanted():
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        pinned = pins.get(canonicalize_name(requirement.name))
        if pinned is None:
            problems.append(f"{requirement} is not in constraints.txt")
        elif pinned not in requirement.specifier:
            problems.append(f"{requirement}: constraints.txt pins {pinned}")
    assert problems == [], "run `make lock`: " + "; ".join(problems)
