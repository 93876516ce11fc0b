"""Measure `casetrack diff` on a large dataset against its floor: a cold `validate` of one version.

    python benchmarks/diff.py                  # 100k records, 100 records changed, median of 3
    python benchmarks/diff.py --size 10000 --runs 5

The generated dataset (benchmarks/generate.py) is committed to a fresh git repository, then 100
records are changed, spread over the whole dataset (edited titles and summaries, a scheduled date
moved, claim statuses changed, records added, removed and renamed, new denials, disagreements and
sources), and committed again. Target: a cold diff of the two commits takes no more than about
twice a cold validate of one version. "first run" means an empty cache (a fresh
CASETRACK_CACHE_DIR each run); "repeat" means the same command again with the cache it filled.
Each figure is given as wall time and as CPU time (user + system, git's included): the verdict
uses CPU time, which other work on a shared machine disturbs far less; on an idle machine the two
ratios agree.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import CASES_PER_GROUP  # noqa: E402
from run import CASETRACK, dataset  # noqa: E402

CHANGED = 100
GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, env={**os.environ, **GIT_ENV})


def _blocks(path: Path) -> tuple[str, list[str]]:
    """A generated section file as its first line and its records' blocks."""
    head, *blocks = path.read_text(encoding="utf-8").split("\n  - id: ")
    return head, blocks


def _write(path: Path, head: str, blocks: list[str]) -> None:
    path.write_text("\n  - id: ".join([head, *blocks]), encoding="utf-8")


def _edit(path: Path, rid: str, change: Callable[[str], list[str]]) -> None:
    """Replace the block of record `rid` by change(block) (a list of blocks: none removes it)."""
    head, blocks = _blocks(path)
    out: list[str] = []
    for block in blocks:
        out.extend(change(block) if block.split("\n", 1)[0] == rid else [block])
    if out == blocks:
        raise SystemExit(f"{path}: record {rid} not found or not changed")
    _write(path, head, out)


def _one_change(folder: Path, c: int, kind: int) -> None:
    """Change one record of case `c`, in one of ten ways."""
    events, filings = folder / "events.yaml", folder / "filings.yaml"
    if kind == 0:  # an edited title
        _edit(events, f"e-{c}-0", lambda b: [b.replace("\n    title: ", "\n    title: Revised ")])
    elif kind == 1:  # a scheduled date moved
        _edit(events, f"e-{c}-3", lambda b: [b.replace("\n    date: 20", "\n    date: 19")])
    elif kind == 2:  # a claim's status changed
        status = (
            "\n    history:\n      - status: dismissed\n        date: 2030-01-15"
            f"\n        sources: [src-{c}-1]\n"
        )
        _edit(folder / "claims.yaml", f"cl-{c}-0", lambda b: [b.rstrip("\n") + status])
    elif kind == 3:  # an event added, an allegation
        event = (
            f"e-{c}-new\n    date: 2030-02-01\n    kind: statement\n"
            f"    title: A new statement\n    case: case-{c}\n    sources: [src-{c}-0]\n"
            f"    alleged:\n      by: [p-{c}-0]\n      denied_by: [p-{c}-2]\n"
        )
        _edit(events, f"e-{c}-0", lambda b: [b, event])
    elif kind == 4:  # an event removed
        _edit(events, f"e-{c}-21", lambda b: [])
    elif kind == 5:  # an event renamed
        old, new = f"e-{c}-20\n", f"e-{c}-20-renamed\n"
        _edit(events, f"e-{c}-20", lambda b: [b.replace(old, new)])
    elif kind == 6:  # a summary edited
        _edit(filings, f"f-{c}-5", lambda b: [b.replace("\n      ", "\n      Reportedly ", 1)])
    elif kind == 7:  # a new denial
        denial = f"denied_by: [p-{c}-4, "
        _edit(events, f"e-{c}-1", lambda b: [b.replace("denied_by: [", denial)])
    elif kind == 8:  # sources newly differ
        differ = (
            "\n    discrepancies:\n      - about: the date\n        accounts:\n"
            f"          - says: the day given\n            sources: [src-{c}-0]\n"
            f"          - says: a day later\n            sources: [src-{c}-1]\n"
        )
        _edit(events, f"e-{c}-2", lambda b: [b.rstrip("\n") + differ])
    else:  # a source added
        source = (
            f"src-{c}-new\n    kind: news-report\n    title: A new report\n"
            "    outlet: Daily\n    published: 2030-03-01\n"
        )
        _edit(folder / "sources.yaml", f"src-{c}-0", lambda b: [b, source])


def change_records(data: Path, count: int = CHANGED) -> None:
    """Change `count` records, one in each of `count` cases spread over the whole dataset."""
    cases = sum(
        p.read_text(encoding="utf-8").count("\n  - id: case-") for p in data.glob("*/cases.yaml")
    )
    step = max(1, cases // count)
    for n in range(count):
        c = n * step
        _one_change(data / f"group-{c // CASES_PER_GROUP:03d}", c, n % 10)


@dataclass
class Timing:
    wall: float
    cpu: float  # user + system time of the process: steadier than wall time on a busy machine
    peak_mb: float


def measure(argv: list[str], env: dict[str, str], runs: int, cold: Path | None) -> Timing:
    """The median wall and CPU time and the largest peak memory of `runs` runs, each with a
    fresh, empty cache folder under `cold` (or the cache in `env`)."""
    found = []
    for n in range(runs):
        extra = {"CASETRACK_CACHE_DIR": str(cold / f"{time.monotonic_ns()}-{n}")} if cold else {}
        with tempfile.TemporaryFile() as out:
            start = time.perf_counter()
            proc = subprocess.Popen(
                argv, env={**env, **extra}, stdout=out, stderr=subprocess.DEVNULL
            )
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(argv)} failed")
        found.append(Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024))
    return Timing(
        statistics.median(t.wall for t in found),
        statistics.median(t.cpu for t in found),
        max(t.peak_mb for t in found),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="records in the dataset")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="casetrack-bench-diff-"))
    rows: list[tuple[str, ...]] = []
    try:
        repo = work / "repo"
        data = repo / "data"
        shutil.copytree(dataset(args.size), data, ignore=shutil.ignore_patterns(".*"))
        git(repo, "init", "-q")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "generated")
        change_records(data)
        git(repo, "commit", "-q", "-a", "-m", f"{CHANGED} records changed")
        env = {k: v for k, v in os.environ.items() if k not in ("CASETRACK_DATA", "NO_COLOR")}
        env.update({**GIT_ENV, "NO_COLOR": "1", "CASETRACK_CACHE_DIR": str(work / "warm")})
        label = f"{args.size // 1000}k" if args.size >= 1000 else str(args.size)
        r = args.runs
        cold = work / "cold"

        def row(what: str, t: Timing, floor: Timing | None, judged: bool = False) -> None:
            ratio = f"{t.wall / floor.wall:.2f}x / {t.cpu / floor.cpu:.2f}x" if floor else ""
            verdict = ""
            if judged and floor is not None:
                verdict = "met" if t.cpu <= 2 * floor.cpu else "MISSED"
            cells = (what, f"{t.wall:.2f}", f"{t.cpu:.2f}", f"{t.peak_mb:.0f}", ratio)
            rows.append((*cells, "<= 2x" if judged else "", verdict))
            print("  " + " | ".join(rows[-1]), file=sys.stderr, flush=True)

        floor = measure([*CASETRACK, "validate", "--data", str(data)], env, r, cold)
        row(f"{label}: validate, first run (the floor)", floor, None)
        for name, cmd in {
            f"diff HEAD~1..HEAD ({CHANGED} records changed)": ["diff", "HEAD~1..HEAD"],
            "diff HEAD~1..HEAD --format json": ["diff", "HEAD~1..HEAD", "--format", "json"],
            "diff HEAD~1 (the working tree is HEAD)": ["diff", "HEAD~1"],
            "diff (no changes)": ["diff"],
        }.items():
            argv = [*CASETRACK, *cmd, "--data", str(data)]
            row(
                f"{label}: {name}, first run",
                measure(argv, env, r, cold),
                floor,
                cmd[1:2] == ["HEAD~1..HEAD"] and len(cmd) == 2,
            )
            measure(argv, env, 1, None)  # fill the cache
            row(f"{label}: {name}, repeat", measure(argv, env, r, None), floor)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, median of {r} runs")
    print()
    head = ("measurement", "wall s", "CPU s", "peak MB", "vs floor (wall / CPU)", "target", "")
    widths = [max(len(x[i]) for x in (head, *rows)) for i in range(len(head))]
    for n, cells in enumerate((head, *rows)):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |")
        if n == 0:
            print("| " + " | ".join("-" * w for w in widths) + " |")


if __name__ == "__main__":
    main()
