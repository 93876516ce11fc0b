"""Shared fixtures: small datasets written from inline YAML into tmp_path, and a CLI runner."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

MakeDataset = Callable[[dict[str, str]], Path]


@pytest.fixture(autouse=True)
def private_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Keep the tests' dataset caches out of the user's own cache directory."""
    monkeypatch.setenv("CASETRACK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def fast_path_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text a test has the loader read goes through yaml_rs's fast path (when installed)
    and through casetrack's own reader, which must agree: the whole suite, hostile inputs
    included, checks the fast path."""
    from casetrack import yamlfast, yamlsafe

    if not yamlfast.available():
        return
    fast = yamlfast.parse

    def checked(text: str) -> yamlsafe.Parsed:
        found = fast(text)
        assert found == yamlsafe.parse(text), f"the fast path reads this differently: {text!r}"
        return found

    monkeypatch.setattr(yamlfast, "parse", checked)


@pytest.fixture
def make_dataset(tmp_path: Path) -> MakeDataset:
    """Write {relative file name: YAML text} into a fresh folder and return the folder.

    The YAML is dedented, so it can be written indented inside a test.
    """
    counter = 0

    def make(files: dict[str, str]) -> Path:
        nonlocal counter
        counter += 1
        root = tmp_path / f"dataset{counter}"
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return root

    return make
