"""casetrack import: real and documented docket shapes in, files `validate` accepts out, re-import
as the normal case, and one clear error (nothing written) for each kind of bad input."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from casetrack.datafiles import display_path
from cli_helpers import run

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "dockets"
CL_FILES = [
    FIXTURES / "cl-entries-page2.json",  # any order: pages, parties, docket, attorneys
    FIXTURES / "cl-parties.json",
    FIXTURES / "cl-docket.json",
    FIXTURES / "cl-attorneys.json",
    FIXTURES / "cl-entries-page1.json",
]
PACER_PAGE = FIXTURES / "pacer-txsd-5-19-cv-00049.html"
DOCKET_FILE = "docket-1-25-cv-00321.yaml"


def imported(tmp_path: Path, *args: str | Path) -> tuple[Path, str]:
    data = tmp_path / "case"
    result = run("import", *args, "--data", data)
    assert result.exit_code == 0, result.output
    return data, result.stdout.replace(str(tmp_path), "TMP")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_courtlistener_api_files_make_a_case_that_validates(tmp_path: Path) -> None:
    data, out = imported(tmp_path, "courtlistener", *CL_FILES)
    assert out == (
        "Imported 1:25-cv-00321 from CourtListener: 1 case, 2 parties, 2 counsel, 10 filings "
        "(ECF 1–9, 1 unnumbered); 10 new (ECF 1–9, 1 unnumbered), 0 changed.\n"
        "Wrote TMP/case/docket-1-25-cv-00321.yaml.\n"
    )
    assert sorted(p.name for p in data.iterdir()) == ["casetrack.schema.json", DOCKET_FILE]
    check = run("validate", "--data", data)
    assert (check.exit_code, check.stdout) == (0, "1 file, 18 records: 0 errors, 0 warnings\n")
    text = (data / DOCKET_FILE).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./casetrack.schema.json\n")
    # The attorney role of another docket in the parties response is left out.
    assert "555" not in text
    case = run("case", "1:25-cv-321", "--data", data).stdout
    assert case.splitlines()[:6] == [
        "Doe v. Acme Widgets, Inc.  (nysd-1-25-cv-00321)",
        "Court   U.S. District Court for the Southern District of New York",
        "Docket  1:25-cv-00321",
        "Judge   Alice B. Example",
        "Filed   3 Mar 2025",
        "Claims  no claims",
    ]


def test_the_timeline_shows_ecf_numbers_and_threads(tmp_path: Path) -> None:
    data, _ = imported(tmp_path, "courtlistener", *CL_FILES)
    out = run("timeline", "--data", data, "--from", "2025-04", "--as-of", "2025-06-20").stdout
    assert out == (
        "2025\n"
        " April 2025\n"
        "  14 Apr 2025      Motion to Dismiss\n"
        "                   ECF 3 · motion-to-dismiss · Doe v. Acme Widgets, Inc. · Acme\n"
        "                   Widgets, Inc.\n"
        "\n"
        "  14 Apr 2025      Memorandum of Law in Support\n"
        "                   ECF 4 → ECF 3 · brief · Doe v. Acme Widgets, Inc. · Acme\n"
        "                   Widgets, Inc.\n"
        "\n"
        "  28 Apr 2025      Memorandum of Law in Opposition\n"
        "                   ECF 5 → ECF 3 · opposition · Doe v. Acme Widgets, Inc. · Alex\n"
        "                   Doe\n"
        "\n"
        " May 2025\n"
        "  1 May 2025       Minute Entry for proceedings held before Judge Alice B.\n"
        "                   Example\n"
        "                   other · Doe v. Acme Widgets, Inc.\n"
        "\n"
        "  5 May 2025       Reply Memorandum of Law in Support\n"
        "                   ECF 6 → ECF 3 · reply · Doe v. Acme Widgets, Inc. · Acme\n"
        "                   Widgets, Inc.\n"
        "\n"
        "  12 May 2025      Letter Motion for Extension of Time to File Answer\n"
        "                   ECF 7 · motion · Doe v. Acme Widgets, Inc. · Acme Widgets,\n"
        "                   Inc.\n"
        "\n"
        "  13 May 2025      Memo Endorsement\n"
        "                   ECF 8 → ECF 7 · order · Doe v. Acme Widgets, Inc. · Alice B.\n"
        "                   Example\n"
        "\n"
        " June 2025\n"
        "  18 Jun 2025      Opinion and Order granting in part and denying in part 3\n"
        "                   Motion to Dismiss\n"
        "                   ECF 9 → rules on ECF 3 · opinion · Doe v. Acme Widgets, Inc.\n"
        "                   · Alice B. Example\n"
        "8 entries · as of 20 Jun 2025\n"
    )


def test_one_filing_lists_its_thread_in_order(tmp_path: Path) -> None:
    data, _ = imported(tmp_path, "courtlistener", *CL_FILES)
    result = run("filing", "ECF 5", "--data", data)
    assert result.exit_code == 0, result.output
    assert result.stdout.split("\n\nThread")[1] == (
        " (5)\n"
        "Date         ECF  Kind               Title\n"
        "--------------------------------------------------------------------------------\n"
        "14 Apr 2025  3    motion-to-dismiss  Motion to Dismiss\n"
        "14 Apr 2025  4    brief              Memorandum of Law in Support\n"
        "28 Apr 2025  5    opposition         ▸ Memorandum of Law in Opposition\n"
        "5 May 2025   6    reply              Reply Memorandum of Law in Support\n"
        "18 Jun 2025  9    opinion            Opinion and Order granting in part and\n"
        "                                     denying in part 3 Motion to Dismiss\n"
    )
    assert result.stdout.splitlines()[:5] == [
        "Memorandum of Law in Opposition  (nysd-1-25-cv-00321-ecf-5)",
        "Date         28 Apr 2025",
        "Kind         opposition",
        "Case         Doe v. Acme Widgets, Inc.",
        "Docket       ECF No. 5; responds to ECF 3",
    ]
    found = json.loads(run("filing", "ECF 9", "--data", data, "--format", "json").stdout)
    assert found["decides"] == ["nysd-1-25-cv-00321-ecf-3"]
    assert found["thread"][0] == "nysd-1-25-cv-00321-ecf-3"


def test_ecf_numbers_reach_every_output(tmp_path: Path) -> None:
    data, _ = imported(tmp_path, "courtlistener", *CL_FILES)
    items = json.loads(run("timeline", "--data", data, "--format", "json").stdout)
    opposition = next(i for i in items if i["kind"] == "opposition")
    assert (opposition["docket_entry"], opposition["responds_to"]) == (
        5,
        ["nysd-1-25-cv-00321-ecf-3"],
    )
    csv_text = run("timeline", "--data", data, "--format", "csv").stdout
    assert ",sources,docket_entry," in csv_text.splitlines()[0]
    markdown = run("timeline", "--data", data, "--format", "markdown").stdout
    assert "| Memorandum of Law in Opposition (ECF No. 5; responds to ECF 3) |" in markdown
    page = run("export", "html", "--data", data).stdout
    assert (
        '<span class="tag ecf"><a href="https://www.courtlistener.com/docket/70000001/5/'
        'doe-v-acme-widgets-inc/" rel="noopener noreferrer">ECF No. 5</a>; responds to ECF 3'
        "</span>"
    ) in page
    slides = run("export", "timelinejs", "--data", data).stdout
    assert "<strong>Docket:</strong> <a href=" in slides
    calendar = re.sub(r"\r?\n ", "", run("export", "ics", "--data", data).stdout)
    assert "Docket: ECF No. 9\\; rules on ECF 3 <https://www.courtlistener.com/docket/" in calendar
    hits = run("search", "ECF 3", "--data", data).stdout
    assert hits.splitlines()[:3] == [
        "Filings (1)",
        "14 Apr 2025  Motion to Dismiss (ECF 3)",
        "  nysd-1-25-cv-00321-ecf-3 · matched in docket_entry",
    ]


def test_the_same_files_twice_write_nothing(tmp_path: Path) -> None:
    data, _ = imported(tmp_path, "courtlistener", *CL_FILES)
    before = snapshot(data)
    _, out = imported(tmp_path, "courtlistener", *reversed(CL_FILES))
    assert out == (
        "Imported 1:25-cv-00321 from CourtListener: 1 case, 2 parties, 2 counsel, 10 filings "
        "(ECF 1–9, 1 unnumbered); 0 new, 0 changed.\n"
        "Nothing to write: TMP/case/docket-1-25-cv-00321.yaml is up to date.\n"
    )
    assert snapshot(data) == before


def test_a_reimport_adds_updates_and_keeps_what_a_person_wrote(tmp_path: Path) -> None:
    data, _ = imported(tmp_path, "courtlistener", *CL_FILES)
    path = data / DOCKET_FILE
    text = path.read_text(encoding="utf-8")
    edited = text.replace(
        "    title: Motion to Dismiss\n",
        "    title: Acme moves to dismiss the wage claims\n"
        "    summary: Acme argues the FLSA claim is time-barred.\n",
    ).replace("    kind: letter\n", "    kind: other\n")
    edited = edited.replace(
        "  - id: nysd-1-25-cv-00321-ecf-2\n", "  - id: nysd-1-25-cv-00321-ecf-2\n    notes: Mine.\n"
    )
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    newer = json.loads((FIXTURES / "cl-entries-page1.json").read_text(encoding="utf-8"))
    newer["results"][0]["description"] = newer["results"][0]["description"].replace(
        "OPINION AND ORDER", "AMENDED OPINION AND ORDER"
    )
    late = dict(newer["results"][1])
    late.update(
        id=800099,
        entry_number=10,
        date_filed="2025-07-18",
        recap_sequence_number="2025-07-18.001",
        description="AMENDED COMPLAINT against Acme Widgets, Inc. Document filed by Alex Doe. "
        "(Roe, Jordan) (Entered: 07/18/2025)",
        recap_documents=[],
    )
    newer["results"].insert(0, late)
    page = tmp_path / "entries-newer.json"
    page.write_text(json.dumps(newer), encoding="utf-8")
    files = [p if p.name != "cl-entries-page1.json" else page for p in CL_FILES]
    result = run("import", "courtlistener", *files, "--data", data, "--dry-run")
    assert result.stdout.replace(str(tmp_path), "TMP") == (
        "Imported 1:25-cv-00321 from CourtListener: 1 case, 2 parties, 2 counsel, 11 filings "
        "(ECF 1–10, 1 unnumbered); 1 new (ECF 10), 1 changed (ECF 9).\n"
        "Dry run: TMP/case/docket-1-25-cv-00321.yaml would be updated; nothing written.\n"
    )
    assert path.read_text(encoding="utf-8") == edited
    _, out = imported(tmp_path, "courtlistener", *files)
    assert out.splitlines()[-1] == "Wrote TMP/case/docket-1-25-cv-00321.yaml."
    after = path.read_text(encoding="utf-8")
    for kept in (
        "    title: Acme moves to dismiss the wage claims\n",
        "    summary: Acme argues the FLSA claim is time-barred.\n",
        "    notes: Mine.\n",
    ):
        assert kept in after
    assert "AMENDED OPINION AND ORDER granting in part" in after  # the court's text is updated
    assert (
        "    title: Amended Opinion and Order granting in part and denying in part 3 Motion to"
        in after
    )
    assert "  - id: nysd-1-25-cv-00321-ecf-10\n" in after
    assert run("validate", "--data", data).exit_code == 0


def test_an_entry_removed_by_hand_is_not_brought_back(tmp_path: Path) -> None:
    data, _ = imported(tmp_path, "courtlistener", *CL_FILES)
    path = data / DOCKET_FILE
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: nysd-1-25-cv-00321-ecf-2\n")
    end = text.index("  - id: nysd-1-25-cv-00321-ecf-3\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    _, out = imported(tmp_path, "courtlistener", *CL_FILES)
    assert out == (
        "Imported 1:25-cv-00321 from CourtListener: 1 case, 2 parties, 2 counsel, 10 filings "
        "(ECF 1–9, 1 unnumbered); 0 new, 0 changed.\n"
        "Not brought back (ECF 2): removed from TMP/case/docket-1-25-cv-00321.yaml by hand; to "
        "import again, delete from the docket source's `entries`.\n"
        "Nothing to write: TMP/case/docket-1-25-cv-00321.yaml is up to date.\n"
    )
    assert "ecf-2\n" not in path.read_text(encoding="utf-8")


def test_a_recap_docket_json_gives_the_same_filings(tmp_path: Path) -> None:
    api, _ = imported(tmp_path / "api", "courtlistener", *CL_FILES)
    bulk, out = imported(
        tmp_path / "bulk", "courtlistener", FIXTURES / "gov.uscourts.nysd.600001.docket.json"
    )
    assert out.startswith(
        "Imported 1:25-cv-00321 from CourtListener: 1 case, 2 parties, 2 counsel, 10 filings"
    )
    filings = [
        (d / DOCKET_FILE).read_text(encoding="utf-8").split("\nfilings:\n")[1] for d in (api, bulk)
    ]
    assert filings[0] == filings[1]
    text = (bulk / DOCKET_FILE).read_text(encoding="utf-8")
    assert "        role: counter-plaintiff\n" in text  # the second party type of one party


def test_the_docket_csv_needs_its_docket(tmp_path: Path) -> None:
    sheet = FIXTURES / "doe-v-acme-widgets-inc.nysd.70000001.2025-06-20.csv"
    alone = run("import", "courtlistener", sheet, "--data", tmp_path / "case")
    assert alone.exit_code == 1
    assert alone.stderr == (
        f"Error: {display_path(sheet)}: these files hold no docket number; say which case the entries belong "
        "to with --case (or import the docket's own JSON with them)\n"
    )
    assert not (tmp_path / "case").exists() or not any((tmp_path / "case").iterdir())
    data, out = imported(tmp_path, "courtlistener", FIXTURES / "cl-docket.json", sheet)
    # The CSV has a row per document: the minute entry, which has none, is not in it.
    assert out.splitlines()[0] == (
        "Imported 1:25-cv-00321 from CourtListener: 1 case, 0 parties, 0 counsel, 9 filings "
        "(ECF 1–9); 9 new (ECF 1–9), 0 changed."
    )
    assert "https://storage.courtlistener.com/recap/gov.uscourts.nysd.600001/" in (
        data / DOCKET_FILE
    ).read_text(encoding="utf-8")


def test_a_real_courtlistener_entry_joins_a_case_written_by_hand(
    tmp_path: Path, make_dataset
) -> None:
    data = make_dataset(
        {
            "cases.yaml": """
            sources:
              - id: s-note
                kind: other
                title: Reading notes
            parties:
              - id: nvlsp
                name: National Veterans Legal Services Program
                kind: organisation
                sources: [s-note]
            cases:
              - id: nvlsp-v-us
                caption: National Veterans Legal Services Program v. United States
                docket: 1:16-cv-00745 (PLF)
                sources: [s-note]
            """
        }
    )
    before = (data / "cases.yaml").read_bytes()
    result = run(
        "import",
        "courtlistener",
        FIXTURES / "real-cl-entries-dcd-4214664.json",
        "--case",
        "1:16-cv-745",
        "--data",
        data,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.replace(str(data), "DATA") == (
        "Imported 1:16-cv-00745 from CourtListener: case nvlsp-v-us (in DATA/cases.yaml), 0 "
        "parties, 0 counsel, 1 filing (ECF 140); 1 new (ECF 140), 0 changed.\n"
        "The case is kept as written in DATA/cases.yaml; its parties were not changed.\n"
        "Wrote DATA/docket-1-16-cv-00745.yaml.\n"
    )
    assert (data / "cases.yaml").read_bytes() == before
    timeline = run("timeline", "--data", data).stdout
    assert "\n                   ECF 140 · motion · National Veterans" in timeline
    filed = (data / "docket-1-16-cv-00745.yaml").read_text(encoding="utf-8")
    assert "    filed_by: [nvlsp]\n" in filed  # matched by name, not made again


def test_a_real_pacer_docket_report(tmp_path: Path) -> None:
    pytest.importorskip("juriscraper")
    data, out = imported(tmp_path, "pacer", PACER_PAGE)
    assert out == (
        "Imported 5:19-cv-00049 from PACER: 1 case, 2 parties, 2 counsel, 6 filings (ECF 1–4, 2 "
        "unnumbered); 6 new (ECF 1–4, 2 unnumbered), 0 changed.\n"
        "Wrote TMP/case/docket-5-19-cv-00049.yaml.\n"
    )
    assert run("validate", "--data", data).stdout == "1 file, 14 records: 0 errors, 0 warnings\n"
    out = run("timeline", "--data", data, "--from", "2019-04-29", "--to", "2019-04-29").stdout
    assert out.splitlines()[:8] == [
        "2019",
        " April 2019",
        "  29 Apr 2019      Order Granting 2 Unopposed Motion to Transfer Case to",
        "                   Northern District of Texas, Fort Worth…",
        "                   ECF 4 → rules on ECF 2 · order · RFC Drilling, LLC v.",
        "                   Cheyenne Petroleum Company · Diana Saldana",
        "",
        "  29 Apr 2019      Interdistrict transfer to Northern District of Texas, Fort",
    ]
    text = (data / "docket-5-19-cv-00049.yaml").read_text(encoding="utf-8")
    assert "    url: https://ecf.txsd.uscourts.gov/cgi-bin/DktRpt.pl?1654547\n" in text
    assert "      - url: https://ecf.txsd.uscourts.gov/doc1/179032856490\n" in text


def test_pacer_without_juriscraper_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "juriscraper.pacer", None)
    result = run("import", "pacer", PACER_PAGE, "--data", tmp_path / "case")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: reading PACER pages needs juriscraper, which is not installed: "
        "pip install 'casetrack[pacer]'\n",
    )


def bad(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("source", "name", "content", "message"),
    [
        (
            "courtlistener",
            "other.json",
            '{"name": "not a docket"}',
            ": not a CourtListener docket, docket-entries, parties or attorneys response, nor a "
            "RECAP docket.json",
        ),
        ("courtlistener", "broken.json", '{"results": [', ":1:14: not valid JSON: Expecting value"),
        (
            "pacer",
            "page.html",
            "<html><body><p>Hello</p></body></html>",
            ": the page does not say which court it is from; give it with --court (nysd, txsd, ...)",
        ),
    ],
)
def test_a_file_that_is_not_a_docket(
    tmp_path: Path, source: str, name: str, content: str, message: str
) -> None:
    if source == "pacer":
        pytest.importorskip("juriscraper")
    path = bad(tmp_path, name, content)
    result = run("import", source, path, "--data", tmp_path / "case")
    assert (result.exit_code, result.stderr, result.stdout) == (1, f"Error: {path}{message}\n", "")
    assert not (tmp_path / "case").exists()


def test_html_that_is_not_a_docket_report_or_is_cut_off(tmp_path: Path) -> None:
    pytest.importorskip("juriscraper")
    other = bad(
        tmp_path, "other.html", "<html><body><table><tr><td>x</td></tr></table></body></html>"
    )
    result = run("import", "pacer", other, "--court", "nysd", "--data", tmp_path / "case")
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {other}: not a PACER docket report (juriscraper finds no docket in it); save the "
        "page that 'Docket Report' shows\n",
    )
    page = PACER_PAGE.read_text(encoding="utf-8")
    cut = bad(tmp_path, "cut.html", page[: len(page) // 2])
    result = run("import", "pacer", cut, "--data", tmp_path / "case")
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {cut}: the page is cut off (it does not end with </html>); save the whole "
        "docket report again\n",
    )
    assert not (tmp_path / "case").exists()


def test_entries_of_another_docket(tmp_path: Path) -> None:
    data, _ = imported(tmp_path, "courtlistener", *CL_FILES)
    before = snapshot(data)
    other = json.loads((FIXTURES / "cl-docket.json").read_text(encoding="utf-8"))
    other.update(id=70000002, docket_number="1:25-cv-00999")
    path = bad(tmp_path, "other-docket.json", json.dumps(other))
    result = run("import", "courtlistener", path, "--case", "1:25-cv-00321", "--data", data)
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {path} is the docket of 1:25-cv-00999, not of Doe v. Acme Widgets, Inc. "
        "(1:25-cv-00321), the case --case names\n",
    )
    page = json.loads((FIXTURES / "cl-entries-page1.json").read_text(encoding="utf-8"))
    page["results"][0]["docket"] = "https://www.courtlistener.com/api/rest/v4/dockets/70000002/"
    mixed = bad(tmp_path, "mixed.json", json.dumps(page))
    result = run("import", "courtlistener", FIXTURES / "cl-docket.json", mixed, "--data", data)
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {mixed}, entry 9: the entry belongs to CourtListener docket 70000002, not to "
        "docket 70000001 like the other files\n",
    )
    assert snapshot(data) == before


def test_one_entry_number_with_two_texts(tmp_path: Path) -> None:
    page = json.loads((FIXTURES / "cl-entries-page2.json").read_text(encoding="utf-8"))
    page["results"][0]["entry_number"] = 6  # ECF 5's text, numbered as ECF 6 is
    path = bad(tmp_path, "clash.json", json.dumps(page))
    result = run(
        "import",
        "courtlistener",
        FIXTURES / "cl-entries-page1.json",
        path,
        "--data",
        tmp_path / "case",
    )
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {path}, entry 6: ECF 6 is given twice with different text (also in "
        f"{display_path(FIXTURES / 'cl-entries-page1.json')}, entry 6); import one copy of the "
        "docket\n",
    )
    assert not (tmp_path / "case").exists()


def test_a_file_too_large_to_import(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    result = run("import", "courtlistener", path, "--data", tmp_path / "case")
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {path}: the file is 50 MB, over the 32 MB an import reads; download the docket "
        "in parts (pages of entries) and import them together\n",
    )


def test_parties_are_matched_by_name_and_alias(tmp_path: Path, make_dataset) -> None:
    data = make_dataset(
        {
            "parties.yaml": """
            sources:
              - id: s-news
                kind: news-report
                title: A report
            parties:
              - id: acme
                name: Acme Widgets Incorporated
                kind: company
                aliases: ["Acme Widgets, Inc."]
                sources: [s-news]
              - id: sdny
                name: U.S. District Court for the Southern District of New York
                kind: court
                sources: [s-news]
            """
        }
    )
    shutil.copy(FIXTURES / "cl-docket.json", tmp_path / "docket.json")
    result = run("import", "courtlistener", *CL_FILES, "--data", data)
    assert result.exit_code == 0, result.output
    text = (data / DOCKET_FILE).read_text(encoding="utf-8")
    assert "name: Acme Widgets" not in text and "kind: court" not in text
    assert "      - party: acme\n        role: defendant\n" in text
    assert "    court: sdny\n" in text
