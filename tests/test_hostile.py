"""Hostile and broken input: every bad dataset gets a clear message naming the file (and line),
exit 1 for bad data or 2 for an unusable path, no traceback, a bounded run time, and its files
left untouched.

The corpus is in tests/bad/<case>/, one small dataset per case. Cases that must be binary, huge,
unreadable or a symlink loop are generated into tmp_path by the tests below.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from casetrack import datafiles, loader
from cli_helpers import Run, casetrack, run_process

BAD = Path(__file__).parent / "bad"

# case -> (exit status, validate's whole output, with paths relative to tests/bad)
EXPECTED: dict[str, tuple[int, list[str]]] = {
    "syntax-error": (
        1,
        [
            "syntax-error/events.yaml:7:1: this is not valid YAML: found unexpected end of stream "
            "(while scanning a quoted scalar)",
            "1 file, 0 records: 1 error, 0 warnings",
        ],
    ),
    "tab-indent": (
        1,
        [
            "tab-indent/parties.yaml:3:1: a tab character is used for indentation; YAML needs spaces",
            "1 file, 0 records: 1 error, 0 warnings",
        ],
    ),
    "alias-bomb": (
        1,
        [
            "alias-bomb/bomb.yaml:2:4: YAML anchors and aliases (&name, *name) are not accepted; "
            "write the repeated value out in full",
            "1 file, 0 records: 1 error, 0 warnings",
        ],
    ),
    "duplicate-keys": (
        1,
        [
            "duplicate-keys/sources.yaml:5:5: duplicate key 'title' (first given on line 4); "
            "each key may appear once in a mapping",
            "duplicate-keys/sources.yaml:6:13: source 's1': 'outlet' must be text, not a list or "
            "mapping",
            # Repeated on the same line, in a flow mapping: still found.
            "duplicate-keys/sources.yaml:6:23: duplicate key 'name' (first given on line 6); "
            "each key may appear once in a mapping",
            "1 file, 0 records: 3 errors, 0 warnings",
        ],
    ),
    # no, yes, on, off, 1:24, 010 and bare dates stay the text written: a clean dataset.
    "yaml11-text": (0, ["1 file, 4 records: 0 errors, 0 warnings"]),
    "impossible-dates": (
        1,
        [
            "impossible-dates/events.yaml:7:11: event 'e-feb-30': date: '2025-02-30': day 30 does "
            "not exist (Feb 2025 has 28 days)",
            "impossible-dates/events.yaml:12:11: event 'e-month-13': date: '2025-13': month 13 "
            "does not exist (months run 01-12)",
            "impossible-dates/events.yaml:17:11: event 'e-not-a-date': date: 'next Tuesday' is not "
            "a date; write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate) or "
            "? (uncertain)",
            "impossible-dates/events.yaml:22:11: event 'e-year-zero': date: '0000-01-01': year "
            "must be 0001 or later",
            "1 file, 1 record: 4 errors, 0 warnings",
        ],
    ),
    "backwards-ranges": (
        1,
        [
            "backwards-ranges/events.yaml:7:11: event 'e-backwards': date: '2025-03/2025-01': the "
            "interval ends (Jan 2025) before it starts (Mar 2025)",
            "backwards-ranges/events.yaml:18:20: event 'e-trial' is replaced (1 May 2025) before "
            "it was set (1 Jun 2025)",
            "1 file, 2 records: 2 errors, 0 warnings",
        ],
    ),
    "unknown-ids": (
        1,
        [
            "unknown-ids/data.yaml:12:11: filing 'f1' is in case 'no-such-case', which does not "
            "exist",
            "unknown-ids/data.yaml:16:16: filing 'f1' names unknown party 'justin-baldonni' "
            "(did you mean 'justin-baldoni'?)",
            "unknown-ids/data.yaml:17:15: filing 'f1' names unknown source 'src-varity' "
            "(did you mean 'src-variety'?)",
            "1 file, 3 records: 3 errors, 0 warnings",
        ],
    ),
    "duplicate-ids": (
        1,
        [
            "duplicate-ids/b.yaml:2:9: duplicate id 'p1' (first used in duplicate-ids/a.yaml); "
            "ids must be unique across the dataset",
            "duplicate-ids/b.yaml:6:9: duplicate id 's1' (first used in duplicate-ids/a.yaml); "
            "ids must be unique across the dataset",
            "2 files, 2 records: 2 errors, 0 warnings",
        ],
    ),
    "empty-file": (
        1,
        [
            "empty-file/comment.yaml: file is empty; a dataset file holds lists under "
            "'sources:', 'parties:', 'cases:', 'filings:', 'claims:', 'events:', 'deadlines:'",
            "empty-file/empty.yaml: file is empty; a dataset file holds lists under "
            "'sources:', 'parties:', 'cases:', 'filings:', 'claims:', 'events:', 'deadlines:'",
            "2 files, 0 records: 2 errors, 0 warnings",
        ],
    ),
    "list-file": (
        1,
        [
            "list-file/list.yaml:1:1: file holds a list; a dataset file is a mapping of lists "
            "under 'sources:', 'parties:', 'cases:', 'filings:', 'claims:', 'events:', 'deadlines:'",
            "1 file, 0 records: 1 error, 0 warnings",
        ],
    ),
    "scalar-file": (
        1,
        [
            "scalar-file/scalar.yaml:1:1: file holds a single value; a dataset file is a mapping "
            "of lists under 'sources:', 'parties:', 'cases:', 'filings:', 'claims:', 'events:', 'deadlines:'",
            "1 file, 0 records: 1 error, 0 warnings",
        ],
    ),
    "multi-document": (
        1,
        [
            "multi-document/two.yaml:2:1: the file holds more than one YAML document (separated "
            "by '---'); put each in a file of its own",
            "1 file, 0 records: 1 error, 0 warnings",
        ],
    ),
    # A byte-order mark and CRLF line ends are accepted; line numbers stay right.
    "bom-crlf": (
        1,
        [
            "bom-crlf/crlf.yaml:7:11: event 'e1': date: '2025-02-30': day 30 does not exist "
            "(Feb 2025 has 28 days)",
            "1 file, 1 record: 1 error, 0 warnings",
        ],
    ),
    "wrong-types": (
        1,
        [
            "wrong-types/data.yaml:4:12: source 's1': 'title' must be text, not a list or mapping",
            "wrong-types/data.yaml:7:12: source 's2': 'title' must be text, not a list or mapping",
            "wrong-types/data.yaml:8:10: 'parties' must be a list of entries, each starting with "
            "'- '",
            "wrong-types/data.yaml:10:5: each entry under 'events' must be a mapping of fields",
            "wrong-types/data.yaml:12:11: event 'e1': date: '20250102' is not a date; write YYYY, "
            "YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate) or ? (uncertain)",
            "wrong-types/data.yaml:15:14: event 'e1': 'sources' must be a list, e.g. [a, b]",
            "wrong-types/data.yaml:16:18: event 'e1': 'unconfirmed' must be true or false, "
            "not 'maybe'",
            "wrong-types/data.yaml:17:5: event 'e1' has unknown field 'docket_entry'",
            "1 file, 0 records: 8 errors, 0 warnings",
        ],
    ),
    "unknown-fields": (
        1,
        [
            "unknown-fields/data.yaml:2:5: source 's1' is missing 'title'",
            "unknown-fields/data.yaml:4:5: source 's1' has unknown field 'titel' "
            "(did you mean 'title'?)",
            "unknown-fields/data.yaml:5:1: unknown section 'hearings'; a dataset file holds "
            "'sources:', 'parties:', 'cases:', 'filings:', 'claims:', 'events:', 'deadlines:'",
            "1 file, 0 records: 3 errors, 0 warnings",
        ],
    ),
    # Escapes in double quotes can write control characters: kept, with a warning (and the
    # output tests below check that no terminal ever receives them).
    "escapes": (
        0,
        [
            *(
                f"escapes/data.yaml:{where}: warning: text holds control character U+001B "
                "(written as an escape); terminals may act on it: remove it unless it is wanted"
                for where in ("6:12", "9:11", "16:12", "17:14")
            ),
            "1 file, 3 records: 0 errors, 4 warnings",
        ],
    ),
    "markup": (0, ["1 file, 3 records: 0 errors, 0 warnings"]),
    "html": (0, ["1 file, 3 records: 0 errors, 0 warnings"]),
}


def fingerprint(root: Path) -> dict[str, tuple[int, str]]:
    """Every path under root with its mode and a hash of its bytes (or of a link's target)."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_symlink():
            out[rel] = (0, os.readlink(path))
        elif path.is_file():
            out[rel] = (path.stat().st_mode, hashlib.sha256(path.read_bytes()).hexdigest())
        else:
            out[rel] = (path.stat().st_mode, "")
    return out


def test_every_corpus_case_has_an_expectation() -> None:
    assert sorted(p.name for p in BAD.iterdir() if p.is_dir()) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_validate_reports_each_bad_dataset(case: str, tmp_path: Path) -> None:
    status, output = EXPECTED[case]
    before = fingerprint(BAD / case)
    result = casetrack("validate", "--data", case, cwd=BAD, cache=tmp_path)
    assert (result.returncode, result.lines, result.stderr) == (status, output, "")
    assert fingerprint(BAD / case) == before


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_other_commands_refuse_bad_data_with_the_same_locations(case: str, tmp_path: Path) -> None:
    output = EXPECTED[case][1]
    before = fingerprint(BAD / case)
    for args in (("timeline", "--format", "json"), ("parties", "--format", "csv")):
        result = casetrack(*args, "--data", case, cwd=BAD, cache=tmp_path)
        errors = [line for line in output[:-1] if ": warning: " not in line]
        if errors:
            assert result.returncode == 1
            assert result.stdout == ""
            # The first problems, with file:line:column, are on stderr.
            assert errors[0] in result.stderr
        else:
            assert result.returncode == 0, result.stderr
    assert fingerprint(BAD / case) == before


def test_a_repeated_run_reports_the_same_from_the_cache(tmp_path: Path) -> None:
    for case in ("impossible-dates", "duplicate-keys", "escapes", "bom-crlf"):
        first = run_process("validate", "--data", case, cwd=BAD, cache=tmp_path)
        second = run_process("validate", "--data", case, cwd=BAD, cache=tmp_path)
        # The second run is served from the cache: it reads no YAML, and says the same.
        assert first.parsed_yaml and not second.parsed_yaml
        assert (second.returncode, second.stdout, second.stderr) == (
            first.returncode,
            first.stdout,
            "",
        )
        assert second.stdout.splitlines() == EXPECTED[case][1]


# --- cases generated into tmp_path -----------------------------------------------------------


def validate_bytes(tmp_path: Path, content: bytes, name: str = "data.yaml") -> Run:
    root = tmp_path / "d"
    root.mkdir(exist_ok=True)
    (root / name).write_bytes(content)
    before = fingerprint(root)
    result = casetrack("validate", "--data", "d", cwd=tmp_path, cache=tmp_path / "cache")
    assert fingerprint(root) == before
    return result


RECORD = b"sources:\n  - id: s1\n    kind: docket\n    title: %s\n"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"a\x00b", "d/data.yaml:4:13: control character U+0000 is not allowed in a data file"),
        (b"bell\x07", "d/data.yaml:4:16: control character U+0007 is not allowed in a data file"),
        (b"esc \x1b[31m", "d/data.yaml:4:16: control character U+001B is not allowed"),
        (b"c1 \xc2\x9b31m", "d/data.yaml:4:15: control character U+009B is not allowed"),
        (b"del \x7f", "d/data.yaml:4:16: control character U+007F is not allowed"),
        (b"caf\xe9", "d/data.yaml:4:15: byte 0xE9 is not UTF-8; save the file as UTF-8"),
        (b"\xff\xfe", "d/data.yaml:4:12: byte 0xFF is not UTF-8; save the file as UTF-8"),
    ],
    ids=["nul", "bel", "esc", "c1", "del", "latin-1", "ff-fe"],
)
def test_control_characters_and_bad_encodings(tmp_path: Path, raw: bytes, message: str) -> None:
    result = validate_bytes(tmp_path, RECORD % raw)
    assert result.returncode == 1
    assert result.lines[0].startswith(message)


def test_utf16_is_refused(tmp_path: Path) -> None:
    result = validate_bytes(tmp_path, "sources: []\n".encode("utf-16"))
    assert (result.returncode, result.lines[0]) == (
        1,
        "d/data.yaml:1:1: file is UTF-16; save it as UTF-8",
    )


def test_many_control_characters_are_listed_briefly(tmp_path: Path) -> None:
    result = validate_bytes(tmp_path, b"sources: []\n" + b"# \x01\n" * 10_000)
    assert result.returncode == 1
    assert len(result.lines) == 7  # "more follow", five located, and the summary
    assert result.lines[0] == "d/data.yaml: more control characters follow; fix the first ones"
    assert (
        result.lines[1] == "d/data.yaml:2:3: control character U+0001 is not allowed in a data file"
    )


@pytest.mark.parametrize("depth", [65, 100_000])
def test_deep_flow_nesting(tmp_path: Path, depth: int) -> None:
    text = b"sources:\n  - id: s1\n    kind: docket\n    title: t\n    notes: "
    text += b"[" * depth + b"]" * depth + b"\n"
    result = validate_bytes(tmp_path, text)
    assert result.returncode == 1
    assert result.lines[0].startswith("d/data.yaml:5:")
    assert "nested more than 64 levels deep" in result.lines[0]


def test_deep_block_nesting(tmp_path: Path) -> None:
    lines = ["sources:", "  - id: s1", "    kind: docket", "    title: t", "    notes:"]
    lines += [" " * (6 + 2 * i) + "a:" for i in range(200)]
    result = validate_bytes(tmp_path, ("\n".join(lines) + " x\n").encode())
    assert result.returncode == 1
    assert "nested more than 64 levels deep" in result.lines[0]


def test_nesting_a_dataset_might_use_is_fine_but_typed(tmp_path: Path) -> None:
    text = b"sources:\n  - id: s1\n    kind: docket\n    title: t\n    notes: " + b"[" * 10
    result = validate_bytes(tmp_path, text + b"]" * 10 + b"\n")
    assert result.lines == [
        "d/data.yaml:5:12: source 's1': 'notes' must be text, not a list or mapping",
        "1 file, 0 records: 1 error, 0 warnings",
    ]


def test_extremely_long_strings_give_short_messages(tmp_path: Path) -> None:
    n = 300_000
    text = (
        "sources:\n"
        f"  - id: s1\n    kind: {'x' * n}\n    title: {'t' * n}\n"
        f"  - id: {'a b' * n}\n    kind: docket\n    title: ok\n"
        f"  - id: s3\n    kind: docket\n    title: ok\n    notes: {'n' * 5_000_000}\n"
        f"  - id: s4\n    kind: docket\n    title: ok\n    published: {'2' * n}\n"
        f"  - id: s5\n    kind: docket\n    title: ok\n    {'k' * 1000}: 1\n"
    )
    result = validate_bytes(tmp_path, text.encode())
    assert result.returncode == 1
    assert len(result.stdout) < 3000
    assert result.lines[0].startswith("d/data.yaml:3:11: source 's1': kind 'xxxxxxxx")
    assert "…' is not one of: news-report" in result.lines[0]
    assert (
        result.lines[1] == "d/data.yaml:4:12: source 's1': 'title' is longer than 20000 characters"
    )
    assert "'id' is longer than 200 characters" in result.lines[2]
    assert result.lines[-1] == "1 file, 1 record: 5 errors, 0 warnings"


def test_a_long_key_is_a_syntax_error_not_a_hang(tmp_path: Path) -> None:
    result = validate_bytes(tmp_path, b"sources: []\n" + b"k" * 2_000_000 + b": 1\n")
    assert result.returncode == 1
    assert result.lines[0].startswith("d/data.yaml:")


def test_a_file_over_the_size_limit(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    (root / "ok.yaml").write_text("sources: []\n")
    with open(root / "huge.yaml", "wb") as f:
        f.truncate(datafiles.MAX_FILE_BYTES + 1024 * 1024)  # sparse: no disk, no time
    result = casetrack("validate", "--data", "d", cwd=tmp_path, cache=tmp_path / "cache")
    assert result.returncode == 1
    assert result.lines[0] == (
        "d/huge.yaml: file is 65 MB, over the 64 MB limit for one file; split it into several files"
    )


def test_the_size_limit_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(datafiles, "MAX_FILE_BYTES", 1024 * 1024)
    monkeypatch.setenv("CASETRACK_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "d"
    root.mkdir()
    (root / "big.yaml").write_bytes(b"sources: []\n" + b"#" * 2 * 1024 * 1024 + b"\n")
    _, problems = loader.load(root)
    assert [p.message for p in problems] == [
        "file is 2 MB, over the 1 MB limit for one file; split it into several files"
    ]


def test_thousands_of_unknown_ids_are_reported_quickly(tmp_path: Path) -> None:
    """Each "did you mean" compares with every record: only the first few unknown ids get one."""
    lines = ["sources:"]
    lines += [f"  - {{id: src-{i}, kind: docket, title: Source {i}}}" for i in range(1000)]
    lines += ["events:"]
    lines += [
        f"  - {{id: e{i}, date: 2025-01-02, kind: hearing, title: T, sources: [srx-{i}]}}"
        for i in range(3000)
    ]
    result = validate_bytes(tmp_path, ("\n".join(lines) + "\n").encode())
    assert result.returncode == 1
    assert result.lines[-1] == "1 file, 4000 records: 3000 errors, 0 warnings"
    assert result.lines[0] == (
        "d/data.yaml:1003:67: event 'e0' names unknown source 'srx-0' (did you mean 'src-0'?)"
    )
    assert sum("did you mean" in line for line in result.lines) == 25
    assert result.seconds < 10


# --- paths that cannot be used: exit 2 ------------------------------------------------------


def test_a_data_directory_that_does_not_exist(tmp_path: Path) -> None:
    result = casetrack("validate", "--data", "missing", cwd=tmp_path, cache=tmp_path / "c")
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "Error: missing: no such directory\n",
    )


def test_a_data_directory_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "data.yaml").write_text("sources: []\n")
    result = casetrack("timeline", "--data", "data.yaml", cwd=tmp_path, cache=tmp_path / "c")
    assert result.returncode == 2
    assert result.stderr == ("Error: data.yaml: not a directory; give the folder of YAML files\n")


def test_a_directory_without_data_files(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "notes.txt").write_text("hello")
    result = casetrack("validate", "--data", "d", cwd=tmp_path, cache=tmp_path / "c")
    assert result.returncode == 2
    assert result.stderr == "Error: d: no .yaml or .yml files in this folder\n"


def test_symlink_loops(tmp_path: Path) -> None:
    root = tmp_path / "d"
    (root / "sub").mkdir(parents=True)
    (root / "data.yaml").write_text("sources: []\n")
    (root / "loop.yaml").symlink_to("loop.yaml")
    (root / "dangling.yaml").symlink_to("nowhere.yaml")
    (root / "sub" / "up").symlink_to("..")  # a folder loop: links are not followed
    before = fingerprint(root)
    result = casetrack("validate", "--data", "d", cwd=tmp_path, cache=tmp_path / "c")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "Error: d/dangling.yaml: cannot read this file: No such file or directory",
        "Error: d/loop.yaml: cannot read this file: Too many levels of symbolic links",
    ]
    assert fingerprint(root) == before
    (root / "loop.yaml").unlink()
    (root / "dangling.yaml").unlink()
    result = casetrack("validate", "--data", "d", cwd=tmp_path, cache=tmp_path / "c")
    assert (result.returncode, result.lines) == (0, ["1 file, 0 records: 0 errors, 0 warnings"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_or_device_is_not_read(tmp_path: Path) -> None:
    """Reading either would wait for a writer, or never end."""
    root = tmp_path / "d"
    root.mkdir()
    (root / "data.yaml").write_text("sources: []\n")
    os.mkfifo(root / "pipe.yaml")
    (root / "zero.yaml").symlink_to("/dev/zero")
    result = casetrack("validate", "--data", "d", cwd=tmp_path, cache=tmp_path / "c")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"Error: d/{name}.yaml: cannot read this file: not a regular file (a pipe, socket or device)"
        for name in ("pipe", "zero")
    ]


def test_a_folder_symlinked_into_itself(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    (root / "data.yaml").write_text(
        "sources:\n  - id: s1\n    kind: docket\n    title: Docket\n", encoding="utf-8"
    )
    (root / "again").symlink_to(root)
    result = casetrack("validate", "--data", "d/again/again/again", cwd=tmp_path, cache=tmp_path)
    assert (result.returncode, result.lines) == (0, ["1 file, 1 record: 0 errors, 0 warnings"])


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads files whatever their mode; see the simulated tests below",
)
def test_unreadable_folder_and_file_for_real(tmp_path: Path) -> None:
    root = tmp_path / "d"
    (root / "sub").mkdir(parents=True)
    (root / "data.yaml").write_text("sources: []\n")
    (root / "sub").chmod(0)
    try:
        result = casetrack("validate", "--data", "d", cwd=tmp_path, cache=tmp_path / "c")
        assert result.returncode == 2
        assert "d/sub: cannot read this folder: Permission denied" in result.stderr
    finally:
        (root / "sub").chmod(0o755)
    (root / "data.yaml").chmod(0)
    result = casetrack("validate", "--data", "d", cwd=tmp_path, cache=tmp_path / "c")
    assert result.returncode == 2
    assert "d/data.yaml: cannot read this file: Permission denied" in result.stderr


def test_unreadable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "d"
    (root / "sub").mkdir(parents=True)
    (root / "data.yaml").write_text("sources: []\n")
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.chdir(tmp_path)
    _, problems = loader.load(Path("d"))
    assert [str(p) for p in problems] == ["d/sub: cannot read this folder: Permission denied"]
    assert problems[0].severity == "fatal"


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "d"
    root.mkdir()
    (root / "data.yaml").write_text("sources: []\n")
    monkeypatch.setenv("CASETRACK_NO_CACHE", "1")
    real_open = os.open

    def refused(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if str(path).endswith("data.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refused)
    monkeypatch.chdir(tmp_path)
    _, problems = loader.load(Path("d"))
    assert [(str(p), p.severity) for p in problems] == [
        ("d/data.yaml: cannot read this file: Permission denied", "fatal")
    ]


# --- data is text, never markup or terminal control, in every output -----------------------

CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")
SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
@pytest.mark.parametrize("case", ["markup", "escapes"])
def test_timeline_prints_data_literally(case: str, fmt: str, tmp_path: Path) -> None:
    result = casetrack(
        "timeline", "--data", case, "--sources", "--format", fmt, cwd=BAD, cache=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert not CONTROL.search(result.stdout_bytes.replace(b"\r\n", b"\n"))
    if case == "markup":
        text = result.stdout
        if fmt == "json":
            text = json.dumps(json.loads(text), ensure_ascii=False)
        for literal in ("[bold]Not bold[/bold] [/x]", "[link=https://evil.example]not a"):
            assert literal in text


def test_styled_terminal_output_keeps_markup_literal(tmp_path: Path) -> None:
    """With colour forced on, rich styles its own text but the data's brackets stay text."""
    result = casetrack(
        "timeline",
        "--data",
        "markup",
        "--sources",
        cwd=BAD,
        cache=tmp_path,
        env={"FORCE_COLOR": "1", "TERM": "xterm-256color"},
    )
    assert result.returncode == 0, result.stderr
    plain = SGR.sub("", result.stdout)
    assert "\x1b" not in plain  # no hyperlinks (OSC 8) or other sequences besides colour
    assert "[bold]Not bold[/bold] [/x] [link=https://evil.example]not a link[/link]" in plain
    assert "[red]Mallory[/red] [/]" in plain


@pytest.mark.parametrize("case", ["markup", "escapes", "html"])
@pytest.mark.parametrize("command", ["party p1", "parties", "sources", "search a"])
def test_listings_print_data_literally(case: str, command: str, tmp_path: Path) -> None:
    for fmt in ("table", "json", "csv", "markdown"):
        result = casetrack(
            *command.split(), "--data", case, "--format", fmt, cwd=BAD, cache=tmp_path
        )
        assert result.returncode in (0, 1), result.stderr  # 1: a search that finds nothing
        assert not CONTROL.search(result.stdout_bytes.replace(b"\r\n", b"\n"))


@pytest.mark.parametrize("case", ["markup", "escapes", "html"])
def test_exports_carry_no_control_characters(case: str, tmp_path: Path) -> None:
    for fmt in ("html", "timelinejs", "ics", "json", "csv", "markdown"):
        result = casetrack("export", fmt, "--data", case, cwd=BAD, cache=tmp_path)
        assert result.returncode == 0, result.stderr
        assert not CONTROL.search(result.stdout_bytes.replace(b"\r\n", b"\n")), fmt


def test_html_export_escapes_markup_and_scripts(tmp_path: Path) -> None:
    result = casetrack("export", "html", "--data", "html", cwd=BAD, cache=tmp_path)
    assert result.returncode == 0, result.stderr
    page = result.stdout
    for raw in ("<script>alert", "</script><script>", "<img src=x", "javascript:"):
        assert raw not in page
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_timelinejs_export_escapes_markup_and_scripts(tmp_path: Path) -> None:
    result = casetrack("export", "timelinejs", "--data", "html", cwd=BAD, cache=tmp_path)
    assert result.returncode == 0, result.stderr
    (event,) = json.loads(result.stdout)["events"]
    headline, text = event["text"]["headline"], event["text"]["text"]
    assert headline.startswith("&lt;script&gt;alert(")
    for raw in ("<script", "<img", "javascript:"):
        assert raw not in headline + text


def test_a_file_name_with_markup_prints_literally(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    (root / "[bold]x[red].yaml").write_text("events:\n  - id: e1\n    date: 2025-02-30\n")
    result = casetrack("validate", "--data", "d", cwd=tmp_path, cache=tmp_path / "c")
    assert result.returncode == 1
    assert result.lines[0].startswith("d/[bold]x[red].yaml:2:")
