"""Measure `casetrack import` on a large docket, beside Python's own start.

    python benchmarks/import_docket.py              # 3,000 entries, then 50 more; median of 3
    python benchmarks/import_docket.py --entries 10000 --runs 5

Generates a RECAP-archive docket.json of N entries (with parties, counsel, documents and "re:"
threads), imports it into an empty folder, then imports a copy with 50 more entries into the
result; each is a whole `casetrack import` process. The floor is `python -c pass`; the target is
each import well under a second beyond it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable
_SCRIPT = Path(PYTHON).parent / "casetrack"
CASETRACK = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "casetrack"]
EVENTS = (
    "MOTION to Dismiss . Document filed by Acme Widgets, Inc.",
    "MEMORANDUM OF LAW in Opposition re: {ref} MOTION to Dismiss . Document filed by Alex Doe.",
    "LETTER addressed to Judge Alice B. Example from Jordan Roe dated 5/1/2025.",
    "ORDER granting {ref} Letter Motion. (Signed by Judge Alice B. Example on 5/2/2025)",
    "NOTICE OF APPEARANCE by Sam Lee on behalf of Acme Widgets, Inc.",
    "DECLARATION of Alex Doe in Support re: {ref} MOTION. Document filed by Alex Doe.",
)


def docket(entries: int) -> dict[str, object]:
    """A RECAP archive docket.json with `entries` numbered entries and one minute entry a week."""
    items = []
    for n in range(1, entries + 1):
        day = f"{2020 + n // 1000}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        text = EVENTS[n % len(EVENTS)].format(ref=max(1, n - 3)) + f" (ab) (Entered: {n})"
        items.append(
            {
                "entry_number": n,
                "date_filed": day,
                "description": text,
                "recap_sequence_number": f"{day}.{n:06d}",
                "recap_documents": [
                    {
                        "absolute_url": f"/docket/70000001/{n}/doe-v-acme-widgets-inc/",
                        "attachment_number": None,
                        "description": "Main document",
                        "document_type": 1,
                    }
                ],
            }
        )
        if n % 50 == 0:
            items.append(
                {"entry_number": None, "date_filed": day, "description": f"Minute Entry {n}."}
            )
    return {
        "id": 70000001,
        "court": "nysd",
        "docket_number": "1:25-cv-00321",
        "case_name": "Doe v. Acme Widgets, Inc.",
        "assigned_to_str": "Alice B. Example",
        "date_filed": "2020-01-02",
        "date_modified": "2026-01-01T00:00:00Z",
        "absolute_url": "/docket/70000001/doe-v-acme-widgets-inc/",
        "docket_entries": items,
        "parties": [
            {"name": "Alex Doe", "party_types": [{"name": "Plaintiff"}],
             "attorneys": [{"name": "Jordan Roe", "contact_raw": "Roe & Partners LLP\n"}]},
            {"name": "Acme Widgets, Inc.", "party_types": [{"name": "Defendant"}],
             "attorneys": [{"name": "Sam Lee", "contact_raw": "Lee Law PLLC\n"}]},
        ],
    }  # fmt: skip


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=3000)
    parser.add_argument("--more", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        first, second = root / "docket.json", root / "newer.json"
        first.write_text(json.dumps(docket(args.entries)), encoding="utf-8")
        second.write_text(json.dumps(docket(args.entries + args.more)), encoding="utf-8")
        floor, fresh, again, grown = [], [], [], []
        for run in range(args.runs):
            data = root / f"case{run}"
            floor.append(timed([PYTHON, "-c", "pass"]))
            fresh.append(
                timed([*CASETRACK, "import", "courtlistener", str(first), "--data", str(data)])
            )
            again.append(
                timed([*CASETRACK, "import", "courtlistener", str(first), "--data", str(data)])
            )
            grown.append(
                timed([*CASETRACK, "import", "courtlistener", str(second), "--data", str(data)])
            )
            shutil.rmtree(data)
        size = first.stat().st_size / 1024 / 1024
    base = statistics.median(floor)
    print(f"docket of {args.entries} entries ({size:.1f} MB of JSON); median of {args.runs} runs")
    print(f"{'measurement':<44} {'time':>7} {'beyond start':>13}")
    for label, times in (
        ("python -c pass (the floor)", floor),
        (f"import {args.entries} entries into an empty folder", fresh),
        ("the same file again (nothing to write)", again),
        (f"import with {args.more} new entries", grown),
    ):
        t = statistics.median(times)
        beyond = "" if times is floor else f"{t - base:>12.2f}s"
        print(f"{label:<44} {t:>6.2f}s {beyond:>13}")


if __name__ == "__main__":
    main()
