"""The shape of the work, counted rather than timed (benchmarks/run.py times it): a question on a
warm cache decodes only the records it answers with, whatever the size of the dataset, and
`claims` reads each claim a fixed number of times, however many cases there are.

The datasets come from benchmarks/generate.py (deterministic), at two sizes under the size from
which the index is written behind the command, so that the second run of a test finds it."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from casetrack import codec
from casetrack.cache import BEHIND_RECORDS
from casetrack.claim_history import ClaimView
from casetrack.loader import load
from casetrack.output import Look
from casetrack.query import ClaimFilter, select_claims
from casetrack.render import records_terminal
from cli_helpers import run

SIZES = (2_000, 4_000)
assert 2 * SIZES[-1] < BEHIND_RECORDS


def generated(size: int, folder: Path) -> Path:
    """benchmarks/generate.py's dataset of about `size` records, written into `folder`."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("casetrack_bench_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.generate(size, folder)
    return folder


@pytest.fixture(scope="module")
def datasets(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    return {n: generated(n, tmp_path_factory.mktemp(f"gen{n}")) for n in SIZES}


def decoded(monkeypatch: pytest.MonkeyPatch, *args: str | Path) -> tuple[int, str]:
    """How many records the index decoded to answer `casetrack ARGS`, and the answer."""
    count = 0

    def counted(self: codec.Decoder) -> None:
        nonlocal count
        count += 1

    with monkeypatch.context() as patched:
        patched.setattr(codec.Decoder, "_counted", counted)
        result = run(*args)
    assert result.exit_code == 0, result.output
    return count, result.stdout


QUESTIONS = [
    ["party", "p-3-1", "--format", "json"],
    ["party", "p-3-1"],
    ["case", "case-3", "--format", "json"],
    ["timeline", "--party", "p-3-1", "--format", "json"],
    ["claims", "--plaintiff", "p-3-0", "--format", "json"],
]


@pytest.mark.parametrize("question", QUESTIONS, ids=" ".join)
def test_a_warm_question_decodes_only_what_it_answers_with(
    question: list[str], datasets: dict[int, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = []
    for size, folder in datasets.items():
        args = [*question, "--data", folder]
        cold = run(*args, env={"CASETRACK_NO_CACHE": "1"}).stdout
        run("validate", "--data", folder)  # writes the index
        count, warm = decoded(monkeypatch, *args)
        assert warm == cold  # the same answer from a few records as from all of them
        assert 0 < count < size / 20, (size, count)
        counts.append(count)
    # Twice the records, the same party and case: no more records decoded.
    assert counts[1] <= counts[0] * 1.1 + 5, counts


def test_a_warm_party_query_decodes_none_of_another_case(
    datasets: dict[int, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a party's question decodes is the party's own: its case, claims and entries."""
    folder = datasets[SIZES[0]]
    run("validate", "--data", folder)
    count, out = decoded(monkeypatch, "party", "p-3-1", "--format", "json", "--data", folder)
    shown = json.loads(out)
    assert {r["case"] for r in shown["roles"]} == {"case-3"}
    # The party, its case, the case's claims and the party's entries, and what they name
    # (sources, the other parties): about one case's records, of some 30 cases.
    assert count <= 2 * (1 + 1 + len(shown["claims"]) + len(shown["timeline"]) + 64), count


class Counted(list[ClaimView]):
    """A list that counts the items read from it."""

    reads = 0

    def __iter__(self) -> Iterator[ClaimView]:
        for v in super().__iter__():
            self.reads += 1
            yield v


def claim_reads(folder: Path) -> tuple[int, int, int]:
    """(claims, cases, claims read) when the terminal lays out `claims` on this dataset."""
    dataset, _ = load(folder)
    views = Counted(select_claims(dataset, ClaimFilter()))
    records_terminal.claims(dataset, views, Look(plain=True, width=80))
    cases = len({v.claim.case for v in list.__iter__(views)})
    return len(views), cases, views.reads


def test_claims_reads_each_claim_a_fixed_number_of_times(datasets: dict[int, Path]) -> None:
    found: list[Any] = [claim_reads(folder) for folder in datasets.values()]
    (small, small_cases, small_reads), (large, large_cases, large_reads) = found
    assert large_cases >= 2 * small_cases - 1  # twice the cases...
    assert small_reads <= 2 * small  # ...and each claim read at most twice, at either size,
    assert large_reads <= 2 * large  # not once for each case


def test_a_warm_question_reads_no_warning_but_validate_lists_them_all(
    datasets: dict[int, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The generated data has thousands of warnings: only `validate` reads them from the index."""
    from casetrack.indexfile import IndexFile

    folder = datasets[SIZES[0]]
    cold = run("validate", "--data", folder, env={"CASETRACK_NO_CACHE": "1"})
    run("validate", "--data", folder)  # writes the index
    assert run("validate", "--data", folder).stdout == cold.stdout
    assert "warnings" in cold.stdout.splitlines()[-1]

    def refused(self: IndexFile) -> None:
        raise AssertionError("the warnings were read")

    monkeypatch.setattr(IndexFile, "late", refused)
    assert run("party", "p-3-1", "--data", folder).exit_code == 0
