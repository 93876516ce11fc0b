"""Measure casetrack against its floors and targets, and print a table.

    python benchmarks/run.py                    # 1k, 10k and 100k records, median of 3 runs
    python benchmarks/run.py --sizes 1000 --runs 5

Every figure is whole-process wall time (median of several runs) and peak memory (the largest
resident set of the process), measured beside its floor in the same run:

- the import floor: `python -c "import click, pydantic, rich, yaml, dateutil"`;
- the parse floor: a `python -c` script that loads the same YAML files with PyYAML's C safe
  loader and does nothing else.

"first run" means an empty cache (a fresh CASETRACK_CACHE_DIR each time); "repeat" means the files
are unchanged since the last run. Datasets come from benchmarks/generate.py into benchmarks/out/.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
PYTHON = sys.executable
# The installed command, as users run it (`python -m casetrack` adds runpy's start-up).
_SCRIPT = Path(PYTHON).parent / "casetrack"
CASETRACK = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "casetrack"]
IMPORT_FLOOR = [PYTHON, "-c", "import click, pydantic, rich, yaml, dateutil"]
# `import pydantic` and `import rich` load little until a name is used; this is what using them
# costs (shown for reference, no target is set against it).
USED_FLOOR = [
    PYTHON,
    "-c",
    "import click, pydantic, rich, yaml, dateutil\n"
    "from pydantic import BaseModel\n"
    "from rich.console import Console",
]
PARSE_FLOOR = [
    PYTHON,
    "-c",
    "import os, sys, yaml\n"
    "for d, _, names in os.walk(sys.argv[1]):\n"
    "    for n in sorted(names):\n"
    "        if n.endswith(('.yaml', '.yml')):\n"
    "            with open(os.path.join(d, n), 'rb') as f:\n"
    "                yaml.load(f, Loader=yaml.CSafeLoader)\n",
]
MEMORY_LIMIT_MB = 600.0


@dataclass
class Measure:
    seconds: float
    peak_mb: float


def run_once(argv: list[str], env: dict[str, str], stdout: int | None = None) -> Measure:
    """Wall time and peak RSS of one process (os.wait4 gives that child's own rusage)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
    return Measure(seconds, usage.ru_maxrss / 1024)


def median(
    argv: list[str],
    runs: int,
    env: dict[str, str],
    before_each: Callable[[], dict[str, str]] | None = None,
    to_file: bool = False,
) -> Measure:
    found = []
    for _ in range(runs):
        extra = before_each() if before_each else {}
        if to_file:
            with tempfile.TemporaryFile() as f:
                found.append(run_once(argv, {**env, **extra}, f.fileno()))
        else:
            found.append(run_once(argv, {**env, **extra}))
    return Measure(statistics.median(m.seconds for m in found), max(m.peak_mb for m in found))


def first_output(argv: list[str], env: dict[str, str], limit: float = 30.0) -> float:
    """Seconds until a command run on a terminal (a pty) prints its first byte."""
    master, slave = pty.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env={**env, "COLUMNS": "120"}, stdout=slave, stderr=slave, start_new_session=True
    )
    os.close(slave)
    try:
        ready, _, _ = select.select([master], [], [], limit)
        return time.perf_counter() - start if ready else float("inf")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()
        os.close(master)


def dataset(size: int) -> Path:
    """The generated dataset of about `size` records (written once; the generator is
    deterministic)."""
    target = OUT / str(size)
    stamp = target / ".complete"
    if not stamp.exists():
        sys.path.insert(0, str(HERE))
        from generate import generate

        generate(size, target)
        stamp.write_text("ok\n")
    return target


def size_of(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*.yaml")) / 1024 / 1024


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def add(
        self,
        what: str,
        m: Measure,
        floor: Measure | None = None,
        target: str = "",
        ok: bool | None = None,
    ) -> None:
        ratio = f"{m.seconds / floor.seconds:.2f}x" if floor else ""
        verdict = "" if ok is None else ("met" if ok else "MISSED")
        self.rows.append(
            (
                what,
                f"{m.seconds:.2f}",
                f"{m.peak_mb:.0f}" if m.peak_mb else "",
                f"{floor.seconds:.2f}" if floor else "",
                ratio,
                target,
                verdict,
            )
        )
        print("  " + " | ".join(self.rows[-1]), file=sys.stderr, flush=True)

    def print(self) -> None:
        head = ("measurement", "s", "peak MB", "floor s", "vs floor", "target", "")
        rows = [head, *self.rows]
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        for n, row in enumerate(rows):
            print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
            if n == 0:
                print("| " + " | ".join("-" * w for w in widths) + " |")


def exports(
    table: Table,
    data: Path,
    label: str,
    runs: int,
    env: dict[str, str],
    work: Path,
    cold: Callable[[], dict[str, str]],
    judged: bool,
) -> None:
    """`export sqlite` beside `export json` of the same data, each writing a file (-o): the
    database may take at most twice as long. Measured with the dataset cache warm (what the
    SQLite export adds is all that differs) and from a cold cache; the database size is shown."""
    out = work / "export"
    out.mkdir(exist_ok=True)
    base = [*CASETRACK, "export"]
    json_argv = [*base, "json", "--data", str(data), "-o", str(out / "t.json"), "--force"]
    db = out / "case.db"
    sqlite_argv = [*base, "sqlite", "--data", str(data), "-o", str(db), "--force"]
    median(json_argv, 1, env)  # fill the cache
    for when, extra in (("repeat", None), ("first run", cold)):
        as_json = median(json_argv, runs, env, before_each=extra)
        table.add(f"{label}: export json -o, {when}", as_json)
        as_db = median(sqlite_argv, runs, env, before_each=extra)
        size = db.stat().st_size / 1024 / 1024
        ok = as_db.seconds <= 2.0 * as_json.seconds
        table.add(
            f"{label}: export sqlite -o ({size:.0f} MB database), {when}",
            as_db,
            as_json,
            "<= 2x export json" if judged else "",
            ok if judged else None,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="records per dataset")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    work = Path(tempfile.mkdtemp(prefix="casetrack-bench-"))
    warm_cache = work / "cache"
    env = {k: v for k, v in os.environ.items() if k not in ("CASETRACK_DATA", "CASETRACK_NO_CACHE")}
    env.update({"CASETRACK_CACHE_DIR": str(warm_cache), "NO_COLOR": "1"})
    counter = 0

    def cold() -> dict[str, str]:
        nonlocal counter
        counter += 1
        return {"CASETRACK_CACHE_DIR": str(work / f"cold{counter}")}

    table = Table()
    r = args.runs
    try:
        imports = median(IMPORT_FLOOR, r, env)
        table.add("import floor: click, pydantic, rich, yaml, dateutil", imports)
        used = median(USED_FLOOR, r, env)
        table.add("(for reference: the same, using BaseModel and Console)", used, imports)
        for flag in ("--version", "--help"):
            m = median([*CASETRACK, flag], r, env)
            table.add(
                f"casetrack {flag}", m, imports, "<= 0.5x", m.seconds <= 0.5 * imports.seconds
            )
        median([*CASETRACK, "timeline"], 1, env)  # fill the cache
        m = median([*CASETRACK, "timeline"], r, env, to_file=True)
        table.add(
            "casetrack timeline (bundled data)",
            m,
            imports,
            "<= 1.3x",
            m.seconds <= 1.3 * imports.seconds,
        )
        m = median([*CASETRACK, "timeline"], r, env, before_each=cold, to_file=True)
        table.add("casetrack timeline (bundled, first run)", m, imports, "", None)

        for size in sizes:
            data = dataset(size)
            label = f"{size // 1000}k" if size >= 1000 else str(size)
            print(f"{label}: {data} ({size_of(data):.0f} MB)", file=sys.stderr, flush=True)
            floor = median([*PARSE_FLOOR, str(data)], r, env)
            table.add(f"{label}: parse floor (CSafeLoader, {size_of(data):.0f} MB)", floor)
            commands = {
                "validate": ["validate"],
                "timeline --format json": ["timeline", "--format", "json"],
                "timeline --format csv": ["timeline", "--format", "csv"],
            }
            for name, cmd in commands.items():
                argv = [*CASETRACK, *cmd, "--data", str(data)]
                first = median(argv, r, env, before_each=cold, to_file=True)
                # The targets are set for 100k records; smaller sizes are shown for the trend.
                judged = size >= 100_000 and name != "timeline --format csv"
                ok = first.seconds <= 1.5 * floor.seconds and first.peak_mb < MEMORY_LIMIT_MB
                table.add(
                    f"{label}: {name}, first run",
                    first,
                    floor,
                    "<= 1.5x, < 600 MB" if judged else "",
                    ok if judged else None,
                )
                median(argv, 1, env, to_file=True)  # fill the cache
                again = median(argv, r, env, to_file=True)
                ok = again.seconds < 1.0 and again.peak_mb < MEMORY_LIMIT_MB
                table.add(
                    f"{label}: {name}, repeat",
                    again,
                    None,
                    "< 1 s, < 600 MB" if judged else "",
                    ok if judged else None,
                )
            exports(table, data, label, r, env, work, cold, judged=size >= 100_000)
            seconds = first_output([*CASETRACK, "timeline", "--data", str(data)], env)
            table.add(
                f"{label}: timeline on a terminal, first output",
                Measure(seconds, 0.0),
                None,
                "< 1 s",
                seconds < 1.0,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, median of {r} runs")
    print()
    table.print()


if __name__ == "__main__":
    main()
