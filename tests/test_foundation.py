"""The foundation: packaging, dates, the strict loader and `casetrack validate`.

Each test writes a small dataset from inline YAML into tmp_path and checks what a user sees: the
exact `file:line:column: message` lines, the summary and the exit code.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from casetrack import __version__
from casetrack.cli import cli
from casetrack.dates import DateError, DateSpan, PartialDate
from casetrack.loader import load
from casetrack.typed_dates import parse_user_date

SOURCE = """\
sources:
  - id: s1
    kind: news-report
    title: A report
    outlet: The Paper
    published: 2025-01-29
"""

PARTIES = """\
parties:
  - id: ann
    name: Ann Example
    kind: person
    aliases: [Ann]
    sources: [s1]
  - id: bob
    name: Bob Example
    kind: person
    sources: [s1]
"""

CASE = """\
cases:
  - id: ann-v-bob
    caption: Ann v. Bob
    filed: 2025-01-10
    parties:
      - party: ann
        role: plaintiff
      - party: bob
        role: defendant
    sources: [s1]
"""


def write(tmp_path: Path, **files: str) -> Path:
    """Write files (name -> YAML text, dedented) into a fresh dataset folder."""
    root = tmp_path / "data"
    root.mkdir(exist_ok=True)
    for name, text in files.items():
        (root / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def validate(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", "--data", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


def problems_of(root: Path) -> list[str]:
    _, problems = load(root)
    return [f"{Path(p.path).name}:{p.line}:{p.column}: {p.message}" for p in problems]


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "display", "iso", "precision"),
    [
        ("2024", "2024", "2024", "year"),
        ("2024-12", "Dec 2024", "2024-12", "month"),
        ("2024-12-20", "20 Dec 2024", "2024-12-20", "day"),
        ("2025-02-13~", "c. 13 Feb 2025", "2025-02-13", "day"),
        ("2025-02?", "Feb 2025?", "2025-02", "month"),
        ("2025-02-13%", "c. 13 Feb 2025?", "2025-02-13", "day"),
    ],
)
def test_partial_dates_keep_their_precision(
    text: str, display: str, iso: str, precision: str
) -> None:
    d = PartialDate.parse(text)
    assert (d.display(), d.iso(), d.precision, d.edtf()) == (display, iso, precision, text)


def test_interval_bounds_and_display() -> None:
    span = DateSpan.parse("2023-05/2024-01")
    assert span.display() == "May 2023 – Jan 2024"
    assert (span.earliest().isoformat(), span.latest().isoformat()) == ("2023-05-01", "2024-01-31")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-02-30", "'2025-02-30': day 30 does not exist (Feb 2025 has 28 days)"),
        ("2025-13", "'2025-13': month 13 does not exist (months run 01-12)"),
        (
            "2025-03/2025-01",
            "'2025-03/2025-01': the interval ends (Jan 2025) before it starts (Mar 2025)",
        ),
        (
            "13 Feb 2025",
            "'13 Feb 2025' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate) or ? (uncertain)",
        ),
    ],
)
def test_bad_dates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(DateError) as info:
        DateSpan.parse(text)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("typed", "edtf"),
    [
        ("2025-01", "2025-01"),
        ("Jan 2025", "2025-01"),
        ("March 9, 2026", "2026-03-09"),
        ("9 March 2026", "2026-03-09"),
        ("2025", "2025"),
    ],
)
def test_user_dates_keep_the_precision_typed(typed: str, edtf: str) -> None:
    assert parse_user_date(typed).edtf() == edtf


def test_user_date_without_a_year_is_refused() -> None:
    with pytest.raises(DateError, match="has no year"):
        parse_user_date("March 9")


def test_one_order_for_all_dates() -> None:
    texts = ["2025-01-15", "2025", "2025-01", "2024-12-31", "2025-01-01", "2024-12/2025-02"]
    ordered = sorted((DateSpan.parse(t) for t in texts), key=DateSpan.sort_key)
    # Earliest possible day first; on a tie the narrower date first.
    assert [d.edtf() for d in ordered] == [
        "2024-12/2025-02",
        "2024-12-31",
        "2025-01-01",
        "2025-01",
        "2025",
        "2025-01-15",
    ]


# --- validate: clean data -------------------------------------------------------------------------


def test_clean_dataset_validates(tmp_path: Path) -> None:
    root = write(tmp_path, sources=SOURCE, parties=PARTIES, cases=CASE)
    assert validate(root) == (0, "3 files, 4 records: 0 errors, 0 warnings\n")


def test_records_may_be_split_across_files_and_folders(tmp_path: Path) -> None:
    root = write(tmp_path, sources=SOURCE)
    (root / "people").mkdir()
    (root / "people" / "all.yml").write_text(PARTIES, encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "junk.yaml").write_text("nonsense: [", encoding="utf-8")
    dataset, problems = load(root)
    assert problems == []
    assert sorted(dataset.parties) == ["ann", "bob"]


# --- validate: one test per kind of problem -------------------------------------------------------


def test_unknown_party_is_reported_with_a_suggestion(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        sources=SOURCE,
        parties=PARTIES,
        cases=CASE,
        claims="""\
        claims:
          - id: ann-claim
            case: ann-v-bob
            title: Breach of contract
            plaintiffs: [ann]
            defendants: [bobb]
            sources: [s1]
            date: 2025-01-10
        """,
    )
    code, output = validate(root)
    assert code == 1
    assert output == (
        f"{root.name}/claims.yaml:6:18: claim 'ann-claim' names unknown party 'bobb' "
        "(did you mean 'bob'?)\n"
        "4 files, 5 records: 1 error, 0 warnings\n"
    ).replace(f"{root.name}/", _prefix(root))


def _prefix(root: Path) -> str:
    """How validate shows paths under root (relative to the working directory, else absolute)."""
    try:
        return str(root.resolve().relative_to(Path.cwd().resolve())) + "/"
    except ValueError:
        return str(root) + "/"


def test_unknown_ids_of_every_kind(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        sources=SOURCE,
        parties=PARTIES,
        cases=CASE,
        events="""\
        events:
          - id: e1
            date: 2025-01-20
            kind: hearing
            title: A hearing
            case: ann-v-bobb
            parties: [ann, zed]
            sources: [s1, s2]
            scheduled:
              set_on: 2025-01-11
              set_by: order-1
        """,
    )
    assert problems_of(root) == [
        "events.yaml:6:11: event 'e1' names unknown case 'ann-v-bobb' (did you mean 'ann-v-bob'?)",
        "events.yaml:7:20: event 'e1' names unknown party 'zed'",
        "events.yaml:8:19: event 'e1' names unknown source 's2'",
        "events.yaml:11:15: event 'e1' names unknown filing or event 'order-1'",
    ]


def test_reference_to_the_wrong_kind_of_record(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        sources=SOURCE,
        parties=PARTIES,
        cases="""\
        cases:
          - id: ann-v-bob
            caption: Ann v. Bob
            judge: s1
            sources: [s1]
        """,
    )
    assert problems_of(root) == [
        "cases.yaml:4:12: case 'ann-v-bob': 's1' is a source, but judge must name a party"
    ]


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        sources=SOURCE,
        parties=PARTIES,
        more="""\
        events:
          - id: ann
            date: 2025-01-20
            kind: hearing
            title: A hearing
            sources: [s1]
        """,
    )
    shown = _prefix(root) + "more.yaml"
    assert problems_of(root) == [
        f"parties.yaml:2:9: duplicate id 'ann' (first used in {shown}); ids must be unique across the dataset"
    ]


def test_fact_without_a_source(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        sources=SOURCE,
        parties="""\
        parties:
          - id: ann
            name: Ann Example
            kind: person
        """,
    )
    assert problems_of(root) == [
        "parties.yaml:2:9: party 'ann' has no source; list where it comes from under 'sources'"
    ]


def test_allegation_without_an_author(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        sources=SOURCE,
        parties=PARTIES,
        events="""\
        events:
          - id: e1
            date: 2023-05
            kind: production
            title: Something on set
            alleged:
              denied_by: [bob]
            sources: [s1]
        """,
    )
    code, output = validate(root)
    assert code == 1
    assert (
        "events.yaml:7:7: allegation in event 'e1' has no author: say who alleges it under 'by'\n"
        in output
    )


def test_claim_status_change_before_the_claim_was_filed(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        sources=SOURCE,
        parties=PARTIES,
        cases=CASE,
        filings="""\
        filings:
          - id: complaint
            case: ann-v-bob
            date: 2025-01-10
            kind: complaint
            title: Complaint
            filed_by: [ann]
            sources: [s1]
        claims:
          - id: ann-claim
            case: ann-v-bob
            title: Breach of contract
            plaintiffs: [ann]
            defendants: [bob]
            filing: complaint
            sources: [s1]
            history:
              - status: dismissed
                date: 2024-12
                sources: [s1]
        """,
    )
    assert problems_of(root) == [
        "filings.yaml:19:15: claim 'ann-claim' changes to 'dismissed' on Dec 2024, before the claim "
        "was raised (10 Jan 2025)"
    ]


def test_end_before_start(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        sources=SOURCE,
        events="""\
        events:
          - id: shoot
            date: 2023-05/2023-01
            kind: production
            title: Filming
            sources: [s1]
          - id: trial
            date: 2026-03-09
            kind: trial
            title: Trial
            sources: [s1]
            scheduled:
              set_on: 2025-02
              replaced_on: 2024-12-09
        """,
    )
    assert problems_of(root) == [
        "events.yaml:3:11: event 'shoot': date: '2023-05/2023-01': the interval ends (Jan 2023) "
        "before it starts (May 2023)",
        "events.yaml:14:20: event 'trial' is replaced (9 Dec 2024) before it was set (Feb 2025)",
    ]


def test_filing_in_a_case_that_does_not_exist(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        sources=SOURCE,
        parties=PARTIES,
        filings="""\
        filings:
          - id: complaint
            case: ann-v-carl
            date: 2025-01-10
            kind: complaint
            title: Complaint
            sources: [s1]
        """,
    )
    assert problems_of(root) == [
        "filings.yaml:3:11: filing 'complaint' is in case 'ann-v-carl', which does not exist"
    ]


def test_approximate_date_without_a_note_is_a_warning(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        sources=SOURCE,
        events="""\
        events:
          - id: e1
            date: 2025-01-30~
            kind: conference
            title: Conference
            sources: [s1]
        """,
    )
    code, output = validate(root)
    assert code == 0
    assert output.endswith(
        "events.yaml:3:11: warning: event 'e1' has an approximate date (c. 30 Jan 2025) but no "
        "'date_note' saying how it was worked out\n"
        "2 files, 2 records: 0 errors, 1 warning\n"
    )
    assert CliRunner().invoke(cli, ["validate", "--strict", "--data", str(root)]).exit_code == 1


def test_field_errors_in_plain_words(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        sources=SOURCE,
        parties="""\
        parties:
          - id: ann
            name: Ann
            kind: persn
            colour: red
            aliases: Ann
            sources: [s1]
          - name: Nobody
            kind: person
            sources: [s1]
        """,
    )
    assert problems_of(root) == [
        "parties.yaml:4:11: party 'ann': kind 'persn' is not one of: person, company, "
        "organisation, court, judge, counsel, law-firm, news-outlet, agency, group, other "
        "(did you mean 'person'?)",
        "parties.yaml:5:5: party 'ann' has unknown field 'colour'",
        "parties.yaml:6:14: party 'ann': 'aliases' must be a list, e.g. [a, b]",
        "parties.yaml:8:5: a party is missing 'id'",
    ]


# --- the strict YAML reader -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "sources:\n  - id: s1\n    title: P\n    kind: blog\n    title: Q\n",
            "x.yaml:5:5: duplicate key 'title' (first given on line 3); each key may appear once in a mapping",
        ),
        (
            "sources: {}\n",
            "x.yaml:1:10: 'sources' must be a list of entries, each starting with '- '",
        ),
        (
            "a: &x [1]\nb: *x\n",
            "x.yaml:1:4: YAML anchors and aliases (&name, *name) are not accepted; write the repeated value out in full",
        ),
        (
            "sources:\n\t- id: s1\n",
            "x.yaml:2:1: a tab character is used for indentation; YAML needs spaces",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "x.yaml:2:1: the file holds more than one YAML document (separated by '---'); put each in a file of its own",
        ),
        (
            "- 1\n- 2\n",
            "x.yaml:1:1: file holds a list; a dataset file is a mapping of lists under 'sources:', 'parties:', 'cases:', 'filings:', 'claims:', 'events:', 'deadlines:'",
        ),
        (
            "# only a comment\n",
            "x.yaml:None:None: file is empty; a dataset file holds lists under 'sources:', 'parties:', 'cases:', 'filings:', 'claims:', 'events:', 'deadlines:'",
        ),
        (
            "sources: []\nhearings: []\n",
            "x.yaml:2:1: unknown section 'hearings'; a dataset file holds 'sources:', 'parties:', 'cases:', 'filings:', 'claims:', 'events:', 'deadlines:'",
        ),
        (
            'sources:\n  - id: s1\n    title: "a\x1b[31mred"\n',
            "x.yaml:3:14: control character U+001B is not allowed in a data file",
        ),
    ],
)
def test_strict_yaml_problems(tmp_path: Path, text: str, expected: str) -> None:
    root = tmp_path / "d"
    root.mkdir()
    (root / "x.yaml").write_text(text, encoding="utf-8")
    assert problems_of(root) == [expected]


def test_yaml_11_surprises_stay_text(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        sources="""\
        sources:
          - id: s1
            kind: news-report
            title: no
            outlet: 1:24
            author: 010
            published: 2025-01-15
            notes: on
        """,
    )
    dataset, problems = load(root)
    assert problems == []
    s = dataset.sources["s1"]
    assert (s.title, s.outlet, s.author, s.notes) == ("no", "1:24", "010", "on")
    assert s.published is not None and s.published.edtf() == "2025-01-15"


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    (root / "s.yaml").write_bytes(b"\xef\xbb\xbf" + SOURCE.replace("\n", "\r\n").encode())
    dataset, problems = load(root)
    assert problems == [] and list(dataset.sources) == ["s1"]


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    (root / "s.yaml").write_bytes(b"sources:\n  - id: caf\xe9\n")
    assert problems_of(root) == ["s.yaml:2:12: byte 0xE9 is not UTF-8; save the file as UTF-8"]


# --- usage errors and the command itself ----------------------------------------------------------


def test_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--data", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.output == f"Error: {tmp_path / 'nope'}: no such directory\n"


def test_folder_without_yaml_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output == f"Error: {tmp_path}: no .yaml or .yml files in this folder\n"


def test_data_from_the_environment(tmp_path: Path) -> None:
    root = write(tmp_path, sources=SOURCE)
    result = CliRunner().invoke(cli, ["validate"], env={"CASETRACK_DATA": str(root)})
    assert (result.exit_code, result.output) == (0, "1 file, 1 record: 0 errors, 0 warnings\n")


def test_version_and_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "casetrack", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"casetrack, version {__version__}\n",
        "",
    )


def test_bundled_dataset_validates_clean() -> None:
    result = CliRunner().invoke(cli, ["validate"], env={"CASETRACK_DATA": ""})
    assert result.exit_code == 0, result.output
    assert result.output.endswith(" 0 errors, 0 warnings\n")


def test_wheel_carries_the_bundled_dataset(tmp_path: Path) -> None:
    """A normal (non-editable) install must find the data without the repository beside it."""
    repo = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(repo)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("casetrack-*.whl")
    import zipfile

    with zipfile.ZipFile(wheel) as zf:
        packed = {n for n in zf.namelist() if n.startswith("casetrack/data/")}
        expected = {f"casetrack/data/{p.name}" for p in (repo / "data").glob("*.yaml")}
        assert expected and expected <= packed
        for name in expected:
            assert zf.read(name) == (repo / "data" / Path(name).name).read_bytes()


def test_empty_data_option_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["validate", "--data", ""])
    assert result.exit_code == 2
    assert result.output.endswith(
        "Error: Invalid value for --data: is empty; give the dataset folder\n"
    )


def test_upper_case_suffixes_are_read(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    (root / "SOURCES.YAML").write_text(SOURCE, encoding="utf-8")
    dataset, problems = load(root)
    assert problems == [] and list(dataset.sources) == ["s1"]
