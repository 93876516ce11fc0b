"""Every kind of question on the bundled data, answered from the cache's index (a sub-dataset of
the question, `narrow`) and straight from the files: the same output, in every format."""

from __future__ import annotations

import pytest

from casetrack.options import bundled_data_dir
from cli_helpers import run

QUESTIONS = [
    ["timeline"],
    ["timeline", "--party", "Lively"],
    ["timeline", "--case", "1:24-cv-10049"],
    ["timeline", "--search", "subpoena"],
    ["party", "Baldoni"],
    ["case", "lively-v-wayfarer"],
    ["cases"],
    ["claims"],
    ["claims", "--ever", "dismissed"],
    ["claims", "--plaintiff", "Lively", "--status", "pending"],
    ["claim", "cl-lively-retaliation"],
    ["search", "1:25-cv-449"],  # a docket number written another way
    ["search", "memo"],
    ["sources", "--format", "json"],
    ["upcoming", "--as-of", "2025-01-01"],
    ["export", "ics"],
    ["export", "json", "--party", "Wayfarer"],
]


@pytest.mark.parametrize("question", QUESTIONS, ids=" ".join)
def test_the_index_answers_as_the_files_do(question: list[str]) -> None:
    data = str(bundled_data_dir())
    run("validate", "--data", data)  # the index is written
    formats = (
        [[]]
        if "--format" in question or question[0] in ("export", "claim")
        else [
            ["--format", "table"],
            ["--format", "json"],
        ]
    )
    for fmt in formats:
        args = [*question, "--data", data, *fmt]
        warm = run(*args)
        cold = run(*args, env={"CASETRACK_NO_CACHE": "1"})
        assert warm.exit_code == 0, warm.output
        assert (warm.stdout, warm.stderr) == (cold.stdout, cold.stderr), args
