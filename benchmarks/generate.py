"""Write a deterministic synthetic casetrack dataset of about N records, for benchmarks.

The mix follows the bundled dataset: each case brings a handful of sources and parties, a couple of
dozen filings, several claims (some with a status history) and a couple of dozen events (some of
them allegations, some scheduled dates, some approximate with a date note). Records are split into
one folder per group of cases, one file per section, as a real, large dataset would be.

    python benchmarks/generate.py 100000 benchmarks/out/100k

The same N (and --seed) always writes byte-for-byte the same files. The dataset validates clean.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

# Records per case, by section (about 64 in all), in the proportions of the bundled data.
PER_CASE = {"sources": 5, "parties": 6, "cases": 1, "filings": 22, "claims": 8, "events": 22}
CASES_PER_GROUP = 40  # about 2,600 records (~600 KB) per file group

WORDS = [
    "motion",
    "order",
    "hearing",
    "counsel",
    "deposition",
    "discovery",
    "complaint",
    "amended",
    "answer",
    "reply",
    "letter",
    "notice",
    "judge",
    "court",
    "plaintiff",
    "defendant",
    "claim",
    "dismissal",
    "settlement",
    "subpoena",
    "production",
    "schedule",
    "conference",
    "trial",
    "jury",
    "evidence",
    "witness",
    "privilege",
    "sanction",
    "protective",
    "stipulation",
    "opposition",
    "memorandum",
    "declaration",
    "exhibit",
    "statement",
    "allegation",
    "retaliation",
    "harassment",
    "defamation",
    "contract",
    "breach",
    "damages",
    "injunction",
    "appeal",
    "ruling",
    "transcript",
    "filing",
    "docket",
    "studio",
    "production",
    "film",
    "actor",
    "director",
    "publicist",
    "agency",
    "crisis",
    "campaign",
    "media",
    "report",
]
FIRST = [
    "Ana",
    "Ben",
    "Cara",
    "Dev",
    "Eli",
    "Fay",
    "Gus",
    "Hana",
    "Ivo",
    "Jae",
    "Kai",
    "Lia",
    "Max",
    "Nia",
    "Oto",
    "Pia",
    "Raf",
    "Sol",
    "Tia",
    "Uma",
]
LAST = [
    "Abbott",
    "Baker",
    "Cruz",
    "Diaz",
    "Evans",
    "Ford",
    "Gray",
    "Hale",
    "Irwin",
    "Jones",
    "Khan",
    "Lopez",
    "Moss",
    "Nash",
    "Ortiz",
]
FILING_KINDS = ("complaint", "motion", "opposition", "reply", "letter", "order", "notice")
EVENT_KINDS = ("hearing", "conference", "ruling", "deadline", "statement", "publication")
STATUSES = ("dismissed", "dismissed-with-leave", "withdrawn", "settled")


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize()


def _date(rng: random.Random, year: int) -> str:
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _folded(indent: str, text: str) -> list[str]:
    """A long text as a folded block scalar (`>-`), wrapped at about 90 columns."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > 90:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return [f"{indent}{x}" for x in lines]


def _case_block(rng: random.Random, c: int) -> dict[str, list[str]]:
    """The YAML lines of one case and everything in it, by section."""
    out: dict[str, list[str]] = {name: [] for name in PER_CASE}
    year = 2015 + c % 10
    srcs = [f"src-{c}-{i}" for i in range(PER_CASE["sources"])]
    parties = [f"p-{c}-{i}" for i in range(PER_CASE["parties"])]
    case_id = f"case-{c}"
    for sid in srcs:
        out["sources"] += [
            f"  - id: {sid}",
            f"    kind: {rng.choice(('news-report', 'court-filing', 'docket', 'statement'))}",
            f"    title: {_sentence(rng, 8)}",
            f"    outlet: {rng.choice(LAST)} Daily",
            f"    published: {_date(rng, year + 4)}",  # after every fact it reports
            f"    url: https://example.org/{c}/{sid}",
        ]
    for i, pid in enumerate(parties):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {c}-{i}"
        out["parties"] += [
            f"  - id: {pid}",
            f"    name: {name}",
            f"    kind: {'person' if i % 3 else 'company'}",
            f"    aliases: [{name.split()[1]} {c}-{i}]",
            f"    description: {_sentence(rng, 10)}",
            f"    sources: [{srcs[i % len(srcs)]}]",
        ]
    plaintiffs, defendants = parties[:2], parties[2:5]
    out["cases"] += [
        f"  - id: {case_id}",
        f"    caption: {parties[0]} v. {parties[2]} et al.",
        f"    short_name: Case {c}",
        f"    docket: 1:{year % 100:02d}-cv-{c:05d}",
        f"    filed: {year}-01-02",
        "    parties:",
        *(line for p in plaintiffs for line in (f"      - party: {p}", "        role: plaintiff")),
        *(line for p in defendants for line in (f"      - party: {p}", "        role: defendant")),
        f"    sources: [{srcs[0]}]",
        "    summary: >-",
        *_folded("      ", _sentence(rng, 40)),
    ]
    filings = [f"f-{c}-{i}" for i in range(PER_CASE["filings"])]
    for i, fid in enumerate(filings):
        kind = "complaint" if i == 0 else rng.choice(FILING_KINDS)
        approx = i % 9 == 4
        out["filings"] += [
            f"  - id: {fid}",
            f"    case: {case_id}",
            f"    date: {_date(rng, year + i // 8)}{'~' if approx else ''}",
            *(["    date_note: worked out from the weekday in the report"] if approx else []),
            f"    kind: {kind}",
            f"    title: {_sentence(rng, 9)}",
            "    summary: >-",
            *_folded("      ", _sentence(rng, rng.randint(20, 60))),
            f"    filed_by: [{rng.choice(parties[:5])}]",
            f"    docket_entry: {i + 1}",
            f"    sources: [{rng.choice(srcs)}, {rng.choice(srcs)}]",
        ]
    for i in range(PER_CASE["claims"]):
        lines = [
            f"  - id: cl-{c}-{i}",
            f"    case: {case_id}",
            f"    title: {_sentence(rng, 3)}",
            f"    plaintiffs: [{', '.join(plaintiffs)}]",
            f"    defendants: [{', '.join(defendants)}]",
            f"    filing: {filings[0]}",
            f"    damages: {rng.randint(1, 900)} million dollars",
            f"    summary: {_sentence(rng, 14)}",
            f"    sources: [{srcs[0]}]",
        ]
        if i % 2:
            lines += [
                "    history:",
                f"      - status: {rng.choice(STATUSES)}",
                f"        date: {year + 3}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                f"        by: {filings[-1]}",
                f"        sources: [{srcs[1]}]",
            ]
        out["claims"] += lines
    for i in range(PER_CASE["events"]):
        kind = rng.choice(EVENT_KINDS)
        lines = [
            f"  - id: e-{c}-{i}",
            f"    date: {_date(rng, year + i // 8)}",
            f"    kind: {kind}",
            f"    title: {_sentence(rng, 7)}",
            f"    summary: {_sentence(rng, rng.randint(10, 30))}",
            f"    case: {case_id}",
            f"    parties: [{', '.join(rng.sample(parties, 2))}]",
            f"    sources: [{rng.choice(srcs)}]",
        ]
        if i % 5 == 1:
            lines += [
                "    alleged:",
                f"      by: [{plaintiffs[0]}]",
                f"      filing: {filings[0]}",
                f"      denied_by: [{defendants[0]}]",
            ]
        if i % 7 == 3:
            lines += [
                "    scheduled:",
                f"      set_on: {year}-01-15",
                f"      set_by: {filings[1]}",
            ]
        out["events"] += lines
    return out


def generate(records: int, target: Path, seed: int = 20241231) -> int:
    """Write about `records` records under `target` (replaced). Returns the number written."""
    if target.exists():
        shutil.rmtree(target)
    per_case = sum(PER_CASE.values())
    cases = max(1, round(records / per_case))
    rng = random.Random(seed)
    for g, first in enumerate(range(0, cases, CASES_PER_GROUP)):
        group: dict[str, list[str]] = {name: [f"{name}:"] for name in PER_CASE}
        for c in range(first, min(cases, first + CASES_PER_GROUP)):
            for name, lines in _case_block(rng, c).items():
                group[name] += lines
        folder = target / f"group-{g:03d}"
        folder.mkdir(parents=True)
        for name, lines in group.items():
            (folder / f"{name}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cases * per_case


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=int, help="about how many records to write")
    parser.add_argument("target", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=20241231)
    args = parser.parse_args()
    n = generate(args.records, args.target, args.seed)
    print(f"wrote {n} records to {args.target}")


if __name__ == "__main__":
    main()
