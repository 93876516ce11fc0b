"""The installed `casetrack` command's first stop: answers `--version` without importing click,
then runs the command line (`cli.main`). Output that cannot be written (a full disk, a closed
pipe) ends the run with one line instead of a traceback; `cli.py` says it and chooses the status.
"""

from __future__ import annotations

import sys

from casetrack import __version__


def main() -> None:
    """Run casetrack; `casetrack --version` is answered before anything is imported."""
    try:
        try:
            if sys.argv[1:] in (["--version"], ["-V"]):
                sys.stdout.write(f"casetrack, version {__version__}\n")
            else:
                from casetrack.cli import main as run

                run()
        finally:
            # Whatever is still buffered is written now, while a failure can still be reported.
            sys.stdout.flush()
    except OSError as exc:
        from casetrack.cli import output_failed

        sys.exit(output_failed(exc))
