"""Hostile text in the data: escape sequences through error messages and file names, invisible and
line-separator characters in every output, names that differ only in Unicode form, and text so
long that laying it out used to take minutes."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from cli_helpers import casetrack, run
from conftest import MakeDataset

# Anything a terminal could act on: C0/C1 controls, DEL, and the line and paragraph separators.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
# Bidi embeddings, overrides and isolates; zero-width spaces.
INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")

MALLORY = {
    "data.yaml": r"""
        sources:
          - {id: s1, kind: docket, title: Docket}
        parties:
          - id: m1
            name: "Mallory \e]52;c;ZXZpbA==\a One"
            kind: person
            sources: [s1]
          - id: m2
            name: "Mallory \e]0;pwned\a Two \e[2J"
            kind: person
            sources: [s1]
        cases:
          - id: c1
            caption: Case
            parties: [{party: m1, role: plaintiff}, {party: m2, role: defendant}]
            sources: [s1]
        claims:
          - {id: cl1, case: c1, title: Claim, plaintiffs: [m1], defendants: [m2], date: 2025-01-01, sources: [s1]}
    """
}  # fmt: skip

BOTH = "Mallory ]52;c;ZXZpbA== One (m1); Mallory ]0;pwned Two [2J (m2)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["party", "Mallory"], f"'Mallory' matches 2 parties: {BOTH}"),
        (["timeline", "--party", "Mallory"], f"'Mallory' matches 2 parties: {BOTH}"),
        (["claims", "--plaintiff", "Mallory"], f"'Mallory' matches 2 parties: {BOTH}"),
        (["claims", "--defendant", "Mallory"], f"'Mallory' matches 2 parties: {BOTH}"),
        (
            ["party", "Malloryy"],
            "no party matches 'Malloryy'; did you mean 'Mallory ]52;c;ZXZpbA== One' (m1) or "
            "'Mallory ]0;pwned Two [2J' (m2)? (`casetrack parties` lists everyone)",
        ),
    ],
)
def test_names_in_error_messages_carry_no_escape_sequences(
    make_dataset: MakeDataset, args: list[str], message: str
) -> None:
    result = run(*args, "--data", make_dataset(MALLORY))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {message}\n")


@pytest.mark.skipif(os.name != "posix", reason="file names with control characters")
def test_file_names_carry_no_escape_sequences(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    name = "x\x1b]0;title\x07\u202egpj.yaml"
    (root / name).write_text(
        "events:\n  - id: e1\n    date: 2025-02-30\n    kind: hearing\n    title: H\n",
        encoding="utf-8",
    )
    (root / "\x1b[2Jgone.yaml").symlink_to("nowhere.yaml")
    cache = tmp_path / "cache"
    problem = (
        "d/x]0;titlegpj.yaml:3:11: event 'e1': date: '2025-02-30': day 30 does not exist "
        "(Feb 2025 has 28 days)"
    )
    result = casetrack("validate", "--data", "d", cwd=tmp_path, cache=cache)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "Error: d/[2Jgone.yaml: cannot read this file: No such file or directory\n",
    )
    (root / "\x1b[2Jgone.yaml").unlink()
    result = casetrack("validate", "--data", "d", cwd=tmp_path, cache=cache)
    assert result.returncode == 1
    assert result.lines[0].startswith(problem)
    assert not CONTROL.search(result.stdout) and not INVISIBLE.search(result.stdout)
    result = casetrack("timeline", "--data", "d", cwd=tmp_path, cache=cache)
    assert result.returncode == 1
    assert problem in result.stderr.splitlines()
    assert not CONTROL.search(result.stderr) and not INVISIBLE.search(result.stderr)


SPOOFED = {
    "data.yaml": r"""
        sources:
          - {id: s1, kind: docket, title: "Docket\u2028two\u2029three", outlet: "Court\u200b"}
        parties:
          - {id: p1, name: "Ali\u202ecod.exe", kind: person, aliases: ["A\u2066l\u2069i"], sources: [s1]}
        cases:
          - {id: c1, caption: "Ali v. \u202eBob", short_name: "Ali\u200b", sources: [s1]}
        filings:
          - {id: f1, date: 2025-01-02, kind: motion, title: "Mo\u202etion", case: c1, sources: [s1]}
        events:
          - id: e1
            date: 2025-01-05
            kind: hearing
            title: "Hear\u200bing\u2028on the motion"
            summary: "Line\u2029and \u202ereversed"
            case: c1
            parties: [p1]
            sources: [s1]
    """
}  # fmt: skip

OUTPUTS = [
    ["timeline"],
    ["timeline", "--format", "csv"],
    ["timeline", "--format", "markdown"],
    ["timeline", "--sources"],
    ["party", "p1"],
    ["parties", "--format", "csv"],
    ["case", "c1"],
    ["cases", "--format", "markdown"],
    ["sources"],
    ["sources", "s1", "--format", "csv"],
    ["search", "ing"],
    ["filing", "f1"],
    ["export", "html"],
    ["export", "ics"],
    ["export", "timelinejs"],
]


@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_invisible_characters_and_line_separators_reach_no_output_but_json(
    make_dataset: MakeDataset, args: list[str]
) -> None:
    """One rule for every output (U+2028 included, as for every control character): what the
    data writes as an escape is left out; JSON writes it as an escape again."""
    result = run(*args, "--data", make_dataset(SPOOFED))
    assert result.exit_code == 0, result.output
    assert not INVISIBLE.search(result.stdout)
    assert not CONTROL.search(result.stdout.replace("\r\n", "\n"))


def test_json_keeps_every_character_escaped(make_dataset: MakeDataset) -> None:
    result = run("party", "p1", "--data", make_dataset(SPOOFED), "--format", "json")
    assert result.exit_code == 0
    assert '"name": "Ali\\u202ecod.exe"' in result.stdout
    item = json.loads(result.stdout)
    assert item["timeline"][0]["title"] == "Hear\u200bing\u2028on the motion"


def test_a_line_separator_is_a_line_break_everywhere(make_dataset: MakeDataset) -> None:
    data = make_dataset(SPOOFED)
    result = run("timeline", "--data", data, "--happened-by", "2025-06-01")
    assert result.stdout == (
        "2025\n"
        " January 2025\n"
        "  2 Jan 2025       Motion\n"
        "                   motion · Ali\n"
        "\n"
        "  5 Jan 2025       Hearing\n"
        "                   on the motion\n"
        "                   hearing · Ali · Alicod.exe\n"
        "2 entries · happened by 1 Jun 2025, as known today\n"
    )
    csv = run("timeline", "--data", data, "--format", "csv").stdout
    assert ',"Hearing\non the motion",' in csv
    markdown = run("timeline", "--data", data, "--format", "markdown").stdout
    assert "| Hearing on the motion |" in markdown
    ics = run("export", "ics", "--data", data).stdout
    assert "SUMMARY:Hearing on the motion — Ali" in ics
    assert "DESCRIPTION:Line\\nand reversed\\n\\n" in ics


NAMES = {
    "data.yaml": r"""
        sources:
          - {id: src-one, kind: docket, title: Docket, notes: "Zoe\u0308 met the ＷＩＤＥ board"}
        parties:
          - {id: zoe, name: "Zoë Zed", kind: person, sources: [src-one]}
          - {id: nfd, name: "Rene\u0301e Roe", kind: person, sources: [src-one]}
          - {id: p-ilk, name: "İnce Ilk", kind: person, sources: [src-one]}
          - {id: p-corp, name: "ＷＩＤＥ Corp", kind: company, sources: [src-one]}
          - {id: hidden, name: "Bal\u200bdoni", kind: person, sources: [src-one]}
        cases:
          - id: c1
            caption: Zed v. Ilk
            docket: "1:25-cv-00449"
            parties: [{party: zoe, role: plaintiff}, {party: p-corp, role: defendant}]
            sources: [src-one]
        claims:
          - {id: cl1, case: c1, title: Claim, plaintiffs: [zoe], defendants: [p-corp], date: 2025-01-01, sources: [src-one]}
        events:
          - {id: e1, date: 2025-01-05, kind: hearing, title: Hearing, case: c1, parties: [hidden], sources: [src-one]}
    """
}  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Zoe\u0308", "Zoë Zed"),  # decomposed typed, composed written
        ("Renée", "Rene\u0301e Roe"),  # composed typed, decomposed written
        ("ince", "İnce Ilk"),
        ("İNCE ILK", "İnce Ilk"),
        ("WIDE", "ＷＩＤＥ Corp"),
        ("wide corp", "ＷＩＤＥ Corp"),
        ("baldoni", "Bal\u200bdoni"),
        ("Bal\u200bdoni", "Bal\u200bdoni"),
        ("ＺＯＥ", "Zoë Zed"),
    ],
)
def test_names_are_found_in_any_unicode_form_and_shown_as_written(
    make_dataset: MakeDataset, typed: str, found: str
) -> None:
    result = run("party", typed, "--data", make_dataset(NAMES), "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["name"] == found


def test_every_lookup_folds_the_same_way(make_dataset: MakeDataset) -> None:
    data = make_dataset(NAMES)

    def ids(*args: str) -> list[str]:
        result = run(*args, "--data", data, "--format", "json", "--happened-by", "2025-06-01")
        assert (result.exit_code, result.stderr) == (0, ""), args
        return [item["id"] for item in json.loads(result.stdout)]

    assert ids("timeline", "--case", "１:２５-CV-００４４９") == ["e1"]
    assert ids("timeline", "--party", "BALDONI") == ["e1"]
    assert ids("timeline", "--kind", "ＨＥＡＲＩＮＧ") == ["e1"]
    assert ids("claims", "--plaintiff", "zoë", "--defendant", "Wide") == ["cl1"]
    assert ids("upcoming", "--case", "zed v. ilk") == []
    source = run("sources", "SRC-ONE", "--data", data, "--format", "json")
    assert json.loads(source.stdout)["id"] == "src-one"
    found = run("search", "zoë met the wide", "--data", data, "--format", "json")
    assert [(i["id"], i["excerpt"]) for i in json.loads(found.stdout)] == [
        ("src-one", "Zoë met the ＷＩＤＥ board")
    ]


def test_did_you_mean_folds_too(make_dataset: MakeDataset) -> None:
    result = run("party", "wide korp", "--data", make_dataset(NAMES))
    assert result.stderr == (
        "Error: no party matches 'wide korp'; did you mean 'ＷＩＤＥ Corp' (p-corp)? "
        "(`casetrack parties` lists everyone)\n"
    )


def big_dataset(root: Path, megabytes: int) -> Path:
    """A valid dataset whose free-text fields run to megabytes: one short line after another,
    the shape rich laid out in quadratic time."""
    root.mkdir(parents=True)
    lines = "".join(f"      line {i} of a note that goes on\n" for i in range(megabytes * 30_000))
    (root / "sources.yaml").write_text(
        "sources:\n  - id: s1\n    kind: docket\n    title: Docket\n    notes: |\n" + lines,
        encoding="utf-8",
    )
    (root / "parties.yaml").write_text(
        "parties:\n  - id: p1\n    name: P\n    kind: person\n    sources: [s1]\n"
        "    description: |\n" + lines,
        encoding="utf-8",
    )
    (root / "cases.yaml").write_text(
        "cases:\n  - id: c1\n    caption: C\n    sources: [s1]\n    summary: |\n" + lines,
        encoding="utf-8",
    )
    return root


def test_very_long_text_is_laid_out_quickly(tmp_path: Path) -> None:
    """A terminal shows the first 100,000 characters of a text, laid out line by line; JSON has it
    all. (Before: `sources ID` with 5 MB of notes took 5 s, 60 MB more than 400 s.)"""
    big_dataset(tmp_path / "d", 8)
    cache = tmp_path / "cache"
    assert casetrack("validate", "--data", "d", cwd=tmp_path, cache=cache).returncode == 0
    for args in (["sources", "s1"], ["party", "p1"], ["case", "c1"]):
        result = casetrack(*args, "--data", "d", cwd=tmp_path, cache=cache)
        assert (result.returncode, result.stderr) == (0, ""), args
        assert "more characters: --format json shows them all" in result.stdout.replace("\n", " ")
        assert len(result.stdout) < 200_000
    full = casetrack("sources", "s1", "--format", "json", "--data", "d", cwd=tmp_path, cache=cache)
    assert len(json.loads(full.stdout)["notes"]) > 8_000_000
