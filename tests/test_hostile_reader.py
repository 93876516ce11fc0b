"""The reader's limits are casetrack's own: the same message at the same place whichever parser
does the work (libyaml 0.2.5 or 0.2.6, or PyYAML's pure-Python reader; `make test-lowest` runs
this file with the oldest). Everything read is text. Invisible characters are warned about, and
dates are written in ASCII digits."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from casetrack import yamlsafe
from cli_helpers import casetrack, run

PARSERS = [yaml.SafeLoader, *([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])]


@pytest.fixture(params=PARSERS, ids=lambda loader: loader.__name__)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "Parser", request.param)


def issues(text: str) -> list[tuple[int | None, int | None, str, str]]:
    return [(i.line, i.column, i.message, i.severity) for i in yamlsafe.parse(text).issues]


HEAD = "sources:\n  - id: s1\n    kind: docket\n    title: t\n    notes: "
DEEP = "values are nested more than 64 levels deep; a dataset file needs only a few levels"
ALIAS = (
    "YAML anchors and aliases (&name, *name) are not accepted; write the repeated value out in full"
)
TAGS = "YAML tags (!!python/..., !custom) are not accepted"
TAB = "a tab character is used for indentation; YAML needs spaces"
HALF = (
    "a \\u or \\U escape in this text writes no character (half of a UTF-16 pair, or a number past "
    "U+10FFFF); write the character itself"
)

LIMITS: dict[str, tuple[str, list[tuple[int | None, int | None, str, str]]]] = {
    # libyaml 0.2.6's own limit (1,000 levels) fires first, at column 1009, while it looks ahead.
    "flow nesting, 100,000 levels": (HEAD + "[" * 100_000 + "]" * 100_000 + "\n", [(5, 73, DEEP, "error")]),
    "flow nesting, 1,001 levels": (HEAD + "[" * 1001 + "]" * 1001 + "\n", [(5, 73, DEEP, "error")]),
    "flow nesting, 65 levels": (HEAD + "[" * 65 + "]" * 65 + "\n", [(5, 73, DEEP, "error")]),
    "flow mappings": (HEAD + "{a: " * 2000 + "}" * 2000 + "\n", [(5, 256, DEEP, "error")]),
    "block nesting": (
        HEAD + "".join("\n" + " " * (6 + 2 * i) + "a:" for i in range(2000)) + " x\n",
        [(67, 129, DEEP, "error")],
    ),
    "block sequences on one line": ("x:\n" + "- " * 2000 + "a\n", [(2, 127, DEEP, "error")]),
    "alias": ("a: &x 1\nb: *x\n", [(1, 4, ALIAS, "error")]),
    "undefined alias": ("b: *x\n", [(1, 4, ALIAS, "error")]),
    "duplicate key": (
        "a: 1\na: 2\n",
        [(2, 1, "duplicate key 'a' (first given on line 1); each key may appear once in a mapping", "error")],
    ),
    "python tag": ("a: !!python/object:os.system x\n", [(1, 4, TAGS, "error")]),
    "custom tag": ("a: !custom x\n", [(1, 4, TAGS, "error")]),
    "set tag": ("a: !!set {x: null}\n", [(1, 4, TAGS, "error")]),
    "binary": (
        "a: !!binary G1syShtbSA==\n",
        [(1, 4, "'!!binary' values are not accepted: every field is text; write the text itself", "error")],
    ),
    "tab indentation": ("parties:\n  - id: a\n\tname: x\n", [(3, 1, TAB, "error")]),
    "tab after a dash": ("a:\n-\tx\n", [(2, 2, TAB, "error")]),
    "second document": (
        "a: 1\n---\nb: 2\n",
        [(2, 1, "the file holds more than one YAML document (separated by '---'); put each in a file of its own", "error")],
    ),
    "after the document's end": (
        "a: 1\n...\nb: 2\n",
        [(3, 1, "the file goes on after the end of its YAML document ('...'); put each document in a file of its own", "error")],
    ),
    "control character": (
        "a: x\x1b[2J\n",
        [(1, 5, "control character U+001B is not allowed in a data file", "error")],
    ),
    "line separator": (
        "a: x\u2028y\n",
        [(1, 5, "control character U+2028 is not allowed in a data file", "error")],
    ),
    "escaped control character": (
        'a: "\\e]52;c;ZXZpbA==\\a"\n',
        [(1, 4, "text holds control character U+001B (written as an escape); terminals may act on it: remove it unless it is wanted", "warning")],
    ),
    # PyYAML's own reader accepted this, and the output crashed on it later.
    "half of a UTF-16 pair": ('a: "\\ud800"\n', [(1, 5, HALF, "error")]),
    "a list as a key": ("? [a]\n: 1\n", [(1, 3, "a mapping key must be plain text, not a list or mapping", "error")]),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(LIMITS))
def test_each_limit_reads_the_same_on_every_parser(case: str, parser: None) -> None:
    text, expected = LIMITS[case]
    assert issues(text) == expected


TEXT = {
    # Typed tags keep the text written: the models decide what a value means.
    "a: !!timestamp 2025-01-05\n": {"a": "2025-01-05"},
    "a: !!int 0x1F\n": {"a": "0x1F"},
    "a: !!bool yes\n": {"a": "yes"},
    "a: !!float .inf\n": {"a": ".inf"},
    "a: !<tag:yaml.org,2002:int> 010\n": {"a": "010"},
    "a: !!str 3\n": {"a": "3"},
    "a: !!null x\nb: ~\n": {"a": None, "b": None},
}


@pytest.mark.parametrize("text", sorted(TEXT))
def test_everything_read_is_text(text: str, parser: None) -> None:
    parsed = yamlsafe.parse(text)
    assert (parsed.ok, parsed.issues, parsed.data) == (True, [], TEXT[text])


def validate(tmp_path: Path, text: str) -> tuple[int, list[str]]:
    root = tmp_path / "d"
    root.mkdir(exist_ok=True)
    (root / "data.yaml").write_text(text, encoding="utf-8")
    result = casetrack("validate", "--data", "d", cwd=tmp_path, cache=tmp_path / "cache")
    assert result.stderr == ""
    return result.returncode, result.lines


SOURCE = "sources:\n  - id: s1\n    kind: docket\n"


def test_tagged_values_reach_the_models_as_text(tmp_path: Path) -> None:
    code, lines = validate(
        tmp_path,
        SOURCE + "    title: !!binary G1syShtbSA==\n    published: !!timestamp 2025-01-05\n",
    )
    assert (code, lines) == (
        1,
        [
            "d/data.yaml:4:12: '!!binary' values are not accepted: every field is text; write "
            "the text itself",
            "1 file, 0 records: 1 error, 0 warnings",
        ],
    )
    code, lines = validate(
        tmp_path, SOURCE + "    title: T\n    published: !!timestamp 2025-01-05\n"
    )
    assert (code, lines) == (0, ["1 file, 1 record: 0 errors, 0 warnings"])


INVISIBLE = "can make text read differently from what it says; outputs leave it out: remove it unless it is wanted"


def test_validate_warns_about_invisible_characters(tmp_path: Path) -> None:
    text = (
        "parties:\n"
        "  - id: p1\n"
        "    name: Ali\u202ecod.exe\n"  # written in the file
        '    description: "Wi\\u200bde"\n'  # written as an escape
        "    kind: person\n"
        "    sources: [s1]\n"
        "    # a comment\u202e is shown nowhere: no warning\n"
        "  - id: p2\n"
        "    name: |\n"
        "      Second line\n"
        "      x\u2066y\n"
        "    kind: person\n"
        "    sources: [s1]\n"
        "    aliases: [\u200dzwj-is-kept, Bob\u200f]\n"  # joiners and direction marks are fine
        + SOURCE
        + "    title: T\n"
    )
    code, lines = validate(tmp_path, text)
    assert (code, lines) == (
        0,
        [
            f"d/data.yaml:3:14: warning: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) {INVISIBLE}",
            f"d/data.yaml:4:18: warning: invisible character U+200B (ZERO WIDTH SPACE) {INVISIBLE}",
            f"d/data.yaml:11:8: warning: invisible character U+2066 (LEFT-TO-RIGHT ISOLATE) {INVISIBLE}",
            "1 file, 3 records: 0 errors, 3 warnings",
        ],
    )  # fmt: skip
    strict = casetrack("validate", "--strict", "--data", "d", cwd=tmp_path, cache=tmp_path / "c")
    assert strict.returncode == 1


def test_many_invisible_characters_are_listed_briefly(tmp_path: Path) -> None:
    text = SOURCE + "    title: T\n" + "".join(f"    k{i}: x\u200by\n" for i in range(20))
    code, lines = validate(tmp_path, text)
    assert code == 1  # the keys are unknown fields; the warnings come first
    warnings = [line for line in lines if ": warning: " in line]
    assert warnings[0] == "d/data.yaml: warning: more invisible characters follow"
    assert len(warnings) == 6


@pytest.mark.parametrize(
    "date",
    ["２０２５-01-05", "2025-０1-05", "٢٠٢٥-01-05", "2025-01-0５"],
    ids=["full-width year", "full-width month", "arabic-indic", "full-width day"],
)
def test_dates_are_ascii_digits(tmp_path: Path, date: str) -> None:
    code, lines = validate(
        tmp_path,
        SOURCE + "    title: T\nevents:\n"
        f"  - {{id: e1, date: '{date}', kind: hearing, title: H, sources: [s1]}}\n",
    )
    assert (code, lines) == (
        1,
        [
            f"d/data.yaml:6:20: event 'e1': date: '{date}' is not a date; write YYYY, YYYY-MM or "
            "YYYY-MM-DD, optionally followed by ~ (approximate) or ? (uncertain)",
            "1 file, 1 record: 1 error, 0 warnings",
        ],
    )


def test_an_interval_without_either_end_says_so(tmp_path: Path) -> None:
    # (EDTF's `2025-01-05/` is an interval whose end is not known, and reads as one.)
    code, lines = validate(tmp_path, SOURCE + "    title: T\n    published: ../\n")
    assert (code, lines) == (
        1,
        [
            "d/data.yaml:5:16: source 's1': published: '../' is an interval without a start "
            "or an end; give at least one (2023-05/2024-01, ../2024-08 or 2024-12-31/..)",
            "1 file, 0 records: 1 error, 0 warnings",
        ],
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("２０２５-01", "'２０２５-01': write dates with the digits 0-9"),
        ("１５ March 2025", "'１５ March 2025': write dates with the digits 0-9"),
        (
            "-1",
            "cannot read '-1' as a date; try 2025-01-15, 2025-01, 'Jan 2025' or 'March 9, 2026'",
        ),
        (
            "monday",
            "cannot read 'monday' as a date; try 2025-01-15, 2025-01, 'Jan 2025' or "
            "'March 9, 2026'",
        ),
        ("March 9", "'March 9' has no year; say which year, e.g. 'March 9 2025'"),
    ],
)
def test_dates_typed_on_the_command_line(typed: str, message: str) -> None:
    result = run("timeline", "--as-of", typed)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        f"Error: --as-of: {message}\n",
    )
