"""The fast reader (yaml_rs, gated) gives what casetrack's own reader gives, on every text the
hostile files hold and on the texts where yaml_rs reads YAML differently; and it does the work
on a plain data file. (conftest checks it against the reader on every text the suite loads.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from casetrack import yamlfast, yamlsafe
from casetrack.options import bundled_data_dir

pytestmark = pytest.mark.skipif(not yamlfast.available(), reason="yaml_rs is not installed")

BAD = Path(__file__).parent / "bad"

# Where yaml_rs, reading YAML 1.2, gives other data than libyaml, or none, or other words.
TRICKY = [
    "a: 010\n",
    "a: 1_0\n",
    "a: _1\n",
    "a: 0X1F\n",
    "a: 0o17\n",
    "a: +12\n",
    "a: -0\n",
    "a: 1.50\n",
    "a: .inf\n",
    "a: 1e3\n",
    "a: TRUE\n",
    "a: yes\n",
    "a: 2025-01-02\n",
    "a: 12\nb: 007\n",
    "a: 12\nb: [1, 2]\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: !custom x\n",
    "a: 1\na: 2\n",
    "a:\n\t- b\n",
    "a: b\tc\n",
    '"a\\x1b": 1\n',
    "a: \u202eb\n",
    "{ ?foo: bar }\n",
    "a: |\n  x\n   ",
    "--- \na: 1\n",
    "a: 1\n...\n",
    "<<: {a: 1}\n",
    "- a\n- b\n",
    "just text\n",
    "",
    "a:\n" + "".join("  " * i + "- \n" for i in range(1, 80)),
    "a: [" * 70 + "]" * 70 + "\n",
    "? [a]\n: b\n",
    "1: a\n",
    "null: a\n",
    "a: ~\nb: null\nc:\n",
    "a: 'x'\nb: \"y\"\n",
    "a: >\n  folded\n  text\n",
    "\ufeffa: 1\n",
]


def texts() -> list[str]:
    found = [p.read_text(encoding="utf-8", errors="surrogateescape") for p in BAD.rglob("*.yaml")]
    found += [p.read_text(encoding="utf-8") for p in Path(bundled_data_dir()).glob("*.yaml")]
    return found + TRICKY


@pytest.mark.parametrize("text", texts())
def test_the_fast_path_reads_as_the_reader_does(text: str) -> None:
    assert yamlfast.parse(text) == yamlsafe.parse(text)


PLAIN = """\
# Filings, in block style (as benchmarks/generate.py writes them)
filings:
  - id: f-1
    case: case-1
    date: 2025-01-02
    kind: complaint
    title: The complaint, and what it says
    filed_by: [p-1, p-2]
    docket_entry: 12
    summary: |
      Two lines
      of text.
    sources: [s-1]
"""


def test_a_plain_data_file_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # conftest's check asks the reader too
    text = PLAIN
    expected = yamlsafe.parse(text)
    assert expected.data["filings"][0]["docket_entry"] == "12"  # text, as every value

    def refused(text: str) -> yamlsafe.Parsed:
        raise AssertionError("the reader was asked")

    monkeypatch.setattr(yamlsafe, "parse", refused)
    assert yamlfast.parse(text) == expected
