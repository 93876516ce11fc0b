"""The pieces of an import: docket numbers, entry kinds and threads, and YAML that reads back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casetrack import yamlsafe
from casetrack.dockets.numbers import docket_key, same_docket
from casetrack.dockets.text import kind_of, references, title_of
from casetrack.dockets.yamlout import dump


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("1:24-cv-10049", "1:24-cv-10049"),
        ("1:24-cv-10049-LJL", "1:24-cv-10049"),
        ("1:24-cv-10049 (LJL)", "1:24-cv-10049"),
        ("1:24-CV-449", "1:24-cv-00449"),
        ("1:18-mj-03161-KMW-1", "1:18-mj-03161"),
        ("No. 23-7222", "no. 23-7222"),
    ],
)
def test_docket_numbers_reduce_to_the_case(written: str, key: str) -> None:
    assert docket_key(written) == key


def test_a_number_without_its_office_still_matches() -> None:
    assert same_docket("24-cv-10049", "1:24-cv-10049-LJL")
    assert not same_docket("2:24-cv-10049", "1:24-cv-10049")
    assert not same_docket(None, "1:24-cv-10049")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("COMPLAINT against Wayfarer Studios LLC. Document filed by Blake Lively.", "complaint"),
        ("FIRST AMENDED COMPLAINT against all defendants.", "amended-complaint"),
        (
            "MOTION to Dismiss the Amended Complaint . Document filed by Jed Wallace.",
            "motion-to-dismiss",
        ),
        ("LETTER MOTION for Conference re: 45 MOTION to Dismiss", "motion"),
        ("Unopposed MOTION to Transfer Case", "motion"),
        ("MEMORANDUM OPINION AND ORDER re: 45 MOTION to Dismiss.", "opinion"),
        ("ORDER granting 45 Motion to Dismiss.", "order"),
        ("MEMO ENDORSEMENT on re: 12 LETTER MOTION", "order"),
        ("NOTICE OF APPEARANCE by Esra Hudson on behalf of Blake Lively.", "notice-of-appearance"),
        ("LETTER addressed to Judge Lewis J. Liman from Bryan Freedman.", "letter"),
        ("JOINT LETTER addressed to Judge Lewis J. Liman.", "joint-letter"),
        ("MEMORANDUM OF LAW in Opposition re: 50 MOTION to Dismiss", "opposition"),
        ("REPLY MEMORANDUM OF LAW in Support re: 45 MOTION to Dismiss", "reply"),
        ("Proposed ORDER to Show Cause", "other"),
        ("Minute Entry for proceedings held before Judge Lewis J. Liman", "other"),
        ("Order on the record in the matter of the Motion", "order"),
        ("TRANSCRIPT of Proceedings re: conference held on 2/3/2025", "other"),
        ("PRISONER CIVIL RIGHTS COMPLAINT against Rennick", "other"),
    ],
)
def test_entry_kinds_are_read_from_the_opening_only(text: str, kind: str) -> None:
    assert kind_of(text) == kind


@pytest.mark.parametrize(
    ("text", "refers", "decides"),
    [
        ("MEMORANDUM OF LAW in Opposition re: 50 MOTION to Dismiss", [50], []),
        (
            "LETTER MOTION for Conference re: 45 MOTION to Dismiss , 47 MOTION to Strike",
            [45, 47],
            [],
        ),
        ("ORDER granting 45 Motion to Dismiss.", [], [45]),
        (
            "ORDER granting in part and denying in part 45 Motion to Dismiss; denying 47 Motion to Strike",
            [],
            [45, 47],
        ),
        ("MEMO ENDORSEMENT on re: 12 LETTER MOTION. ENDORSEMENT: granted.", [12], []),
        # Only an order rules on anything; a letter "granting" nothing is a reference at most.
        ("LETTER re: 45 MOTION asking the Court to consider granting 46 Motion", [45], []),
        ("ORDER extending the deadline to 3/4/2025 (re: 1 Complaint)", [1], []),
    ],
)
def test_threads_come_from_the_text(text: str, refers: list[int], decides: list[int]) -> None:
    assert references(text, kind_of(text)) == (refers, decides)


def test_titles_are_the_first_clause() -> None:
    assert (
        title_of("MOTION to Dismiss . Document filed by Acme Widgets, Inc.") == "Motion to Dismiss"
    )
    assert (
        title_of("COMPLAINT against Acme Widgets, Inc. (Filing Fee $ 405.00)")
        == "Complaint against Acme Widgets, Inc."
    )
    assert title_of("JOINT LETTER addressed to Judge Lewis J. Liman.") == "Joint Letter"


# Text as a docket gives it once cleaned: no control characters, single spaces.
_TEXT = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=300,
    )
    .map(lambda t: " ".join(t.split()))
    .filter(bool)
)


@given(st.lists(_TEXT, min_size=1, max_size=5))
def test_any_text_reads_back_exactly(texts: list[str]) -> None:
    records = [
        {"id": f"f{i}", "title": t, "tags": [t, "no"], "docket_entry": i}
        for i, t in enumerate(texts)
    ]
    parsed = yamlsafe.parse(dump(["a header"], {"filings": records}))
    assert parsed.ok, parsed.issues
    assert [r["title"] for r in parsed.data["filings"]] == texts
    assert [r["tags"][0] for r in parsed.data["filings"]] == texts
    assert [r["docket_entry"] for r in parsed.data["filings"]] == [
        str(i) for i in range(len(texts))
    ]


@pytest.mark.parametrize(
    "value",
    [
        "no",
        "ON",
        "1:24",
        "- a",
        "#1",
        "a: b",
        "a #b",
        "2024",
        "'q'",
        '"q"',
        "\\",
        "é ü",
        "~",
        "null",
        "a\\\\b",
    ],
)
def test_values_yaml_would_read_otherwise_stay_text(value: str) -> None:
    parsed = yamlsafe.parse(dump([], {"sources": [{"id": "s", "title": value}]}))
    assert parsed.data["sources"][0]["title"] == value
