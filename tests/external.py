"""The programs outside Python that tests run casetrack's output through.

Chromium (Debian's `chromium`, which `.ci/run` installs) renders the HTML export and TimelineJS3;
Node.js runs yaml-language-server; the npm packages are pinned in tests/js/package.json and its
lock, and installed into tests/js/node_modules by `make test` (`npm ci`). When one is missing a
test is skipped on a developer's machine, but fails in CI (CI=true), where a skip would hide that
the output was never checked.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import NoReturn

import pytest

NODE_PACKAGES = Path(__file__).parent / "js"

BROWSER_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def unavailable(what: str, hint: str) -> NoReturn:
    """Skip the test, or fail it in CI, because `what` is not installed."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} is not installed; CI must run this test ({hint})")
    pytest.skip(f"{what} is not installed ({hint})")


def find_chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def chromium() -> str:
    found = find_chromium()
    if found is None:
        unavailable("chromium", "apt-get install chromium")
    return found


def run_browser(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium once with a fresh profile folder."""
    return subprocess.run(
        [browser, *BROWSER_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def node() -> str:
    found = shutil.which("node")
    if found is None:
        unavailable("Node.js", "install Node.js 20 or later, with npm")
    return found


def pinned_version(package: str) -> str:
    """The version of an npm package that tests/js/package.json pins."""
    manifest = json.loads((NODE_PACKAGES / "package.json").read_text(encoding="utf-8"))
    version: str = manifest["dependencies"][package]
    return version


def node_package(package: str) -> Path:
    """The folder of an npm package installed from tests/js, at the pinned version."""
    folder = NODE_PACKAGES / "node_modules" / package
    manifest = folder / "package.json"
    if not manifest.is_file():
        unavailable(f"the npm package {package}", "make test runs npm ci in tests/js")
    installed = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    wanted = pinned_version(package)
    if installed != wanted:
        pytest.fail(
            f"{package} {installed} is installed, but tests/js pins {wanted}; run make test"
        )
    return folder


def readme_section(heading: str) -> str:
    """The README's `## heading` section, where it says which version of a program is tested."""
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return " ".join(text[start : end if end != -1 else None].split())
