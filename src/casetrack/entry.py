"""The installed `casetrack` command's first stop: answers `--version` without importing click."""

from __future__ import annotations

import sys

from casetrack import __version__


def main() -> None:
    """Run casetrack; `casetrack --version` is answered before anything is imported."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        sys.stdout.write(f"casetrack, version {__version__}\n")
        return
    from casetrack.cli import main as run

    run()
