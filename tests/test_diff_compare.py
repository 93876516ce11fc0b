"""The pure comparison behind `casetrack diff`: pairing, the rename rule, field changes, words."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetrack.dataset import Dataset
from casetrack.dates import DateSpan, when
from casetrack.developments import developments
from casetrack.diff import Diff, compare
from casetrack.loader import load
from casetrack.render.changes import plain, word_diff
from casetrack.render.changes_markdown import markdown
from casetrack.render.flat import markdown_text
from conftest import MakeDataset

SOURCES = """
    sources:
      - {id: s1, kind: docket, title: Docket}
      - {id: s2, kind: docket, title: Another docket}
"""


def dataset(make_dataset: MakeDataset, events: str, sources: str = SOURCES) -> Dataset:
    data, problems = load(make_dataset({"sources.yaml": sources, "events.yaml": events}))
    assert [p for p in problems if p.severity != "warning"] == []
    return data


def changes(diff: Diff) -> list[tuple[str, str, str | None, list[str]]]:
    return [(c.change, c.id, c.old_id, [f.field for f in c.fields]) for c in diff.changes]


def event(rid: str, title: str = "A hearing", date: str = "2025-01-02", src: str = "s1") -> str:
    return f"  - {{id: {rid}, date: {date}, kind: hearing, title: {title}, sources: [{src}]}}\n"


def test_a_record_with_the_same_content_under_another_id_is_renamed(
    make_dataset: MakeDataset,
) -> None:
    old = dataset(make_dataset, "events:\n" + event("e1") + event("e2", "Other"))
    new = dataset(make_dataset, "events:\n" + event("e1b") + event("e2", "Other"))
    diff = compare(old, new)
    assert changes(diff) == [("renamed", "e1b", "e1", [])]
    assert diff.renames == {"e1": "e1b"}


def test_any_other_change_makes_it_a_removal_and_an_addition(make_dataset: MakeDataset) -> None:
    old = dataset(make_dataset, "events:\n" + event("e1"))
    new = dataset(make_dataset, "events:\n" + event("e1b", "A hearing renamed"))
    assert changes(compare(old, new)) == [("removed", "e1", None, []), ("added", "e1b", None, [])]


def test_identical_records_renamed_pair_in_id_order(make_dataset: MakeDataset) -> None:
    old = dataset(make_dataset, "events:\n" + event("b") + event("a") + event("c", "Other"))
    new = dataset(make_dataset, "events:\n" + event("z") + event("y") + event("c", "Other"))
    assert compare(old, new).renames == {"a": "y", "b": "z"}
    # Three identical records removed, two added: the last in id order is removed.
    new = dataset(make_dataset, "events:\n" + event("y") + event("x") + event("c", "Other"))
    old = dataset(make_dataset, "events:\n" + event("a") + event("b") + event("b2"))
    found = changes(compare(old, new))
    assert ("removed", "b2", None, []) in found
    assert ("renamed", "x", "a", []) in found and ("renamed", "y", "b", []) in found


def test_records_citing_a_renamed_record_follow_it(make_dataset: MakeDataset) -> None:
    """A source renamed: the records citing it are not changed, and one renamed at the same
    time as the source is still a rename."""
    renamed = SOURCES.replace("id: s1,", "id: s-one,")
    old = dataset(make_dataset, "events:\n" + event("e1") + event("e2", "Other"))
    new = dataset(
        make_dataset,
        "events:\n" + event("e1", src="s-one") + event("e2b", "Other", src="s-one"),
        renamed,
    )
    diff = compare(old, new)
    assert changes(diff) == [("renamed", "s-one", "s1", []), ("renamed", "e2b", "e2", [])]
    # A record that follows the rename and changes otherwise shows only its own change.
    new = dataset(make_dataset, "events:\n" + event("e1", "Moved", src="s-one"), renamed)
    old = dataset(make_dataset, "events:\n" + event("e1"))
    assert changes(compare(old, new)) == [
        ("renamed", "s-one", "s1", []),
        ("changed", "e1", None, ["title"]),
    ]


def test_changes_are_grouped_by_type_and_ordered_by_date(make_dataset: MakeDataset) -> None:
    old = dataset(make_dataset, "events:\n" + event("late", date="2025-06") + event("gone"))
    new = dataset(
        make_dataset,
        "events:\n"
        + event("late", "Moved", date="2025-06")
        + event("early", "New", date="2024")
        + event("mid", "New too", date="2025-01-01"),
        "sources:\n  - {id: s1, kind: docket, title: Docket}\n"
        "  - {id: s3, kind: docket, title: Third, published: 2025-02}\n",
    )
    assert [(c.section, c.id) for c in compare(old, new).changes] == [
        ("sources", "s3"),
        ("sources", "s2"),  # removed, and undated: after the dated ones
        ("events", "early"),
        ("events", "mid"),
        ("events", "gone"),
        ("events", "late"),
    ]


def test_a_nested_record_given_shows_each_of_its_fields(make_dataset: MakeDataset) -> None:
    old = dataset(make_dataset, "events:\n" + event("e1"))
    new = dataset(
        make_dataset,
        "events:\n"
        "  - id: e1\n    date: 2025-01-02\n    kind: hearing\n    title: A hearing\n"
        "    sources: [s1]\n    scheduled:\n      set_on: 2024-12\n      note: By order\n",
    )
    (change,) = compare(old, new).changes
    assert [(f.field, f.old, f.new, f.kind) for f in change.fields] == [
        ("scheduled.set_on", None, "2024-12", "date"),
        ("scheduled.note", None, "By order", "text"),
    ]
    devs = developments(compare(old, new))
    assert [(m.change, m.event.id) for m in devs.schedule] == []
    # Newly scheduled, as an added event:
    devs = developments(compare(dataset(make_dataset, "events: []\n"), new))
    assert [(m.change, m.event.id, m.on) for m in devs.schedule] == [
        ("set", "e1", DateSpan.parse("2024-12"))
    ]


def test_long_text_shows_the_words_that_changed() -> None:
    old = (
        "The judge set the trial for 9 March 2026 in both cases, after a conference at which "
        "counsel for every party spoke at length about the discovery schedule."
    )
    new = old.replace("9 March 2026", "18 May 2026").replace("at length", "briefly")
    assert plain(word_diff(old, new)) == (
        "… set the trial for [-9 March-] {+18 May+} 2026 in both cases, … for every party "
        "spoke [-at length-] {+briefly+} about the discovery schedule."
    )


def test_a_long_rewrite_is_cut_short() -> None:
    old = " ".join(f"old{i}" for i in range(40))
    new = " ".join(f"new{i}" for i in range(40))
    assert plain(word_diff(old, new)) == (
        "[-old0 old1 old2 old3 old4 old5 old6 old7 old8 old9 … (30 more words)-] "
        "{+new0 new1 new2 new3 new4 new5 new6 new7 new8 new9 … (30 more words)+}"
    )
    many = " ".join(f"w{i}" for i in range(100))
    changed = " ".join(f"W{i}" if i % 10 == 5 else f"w{i}" for i in range(100))
    assert plain(word_diff(many, changed)).endswith(
        "[-w35-] {+W35+} w36 w37 w38 w39 … and 6 more changes"
    )


@pytest.mark.parametrize(
    ("date", "words"),
    [
        ("2025-12-09", "on 9 Dec 2025"),
        ("2025-01-27~", "on c. 27 Jan 2025"),
        ("2025-01", "in Jan 2025"),
        ("2025", "in 2025"),
        ("2024-12-31/2025-01-27", "from 31 Dec 2024 to 27 Jan 2025"),
        ("[2024-12-31..2025-01-27]", "between 31 Dec 2024 and 27 Jan 2025"),
        ("[..2025-01-27]", "by 27 Jan 2025"),
        ("[2024-12-31..]", "on or after 31 Dec 2024"),
        ("[2024-12..]", "in or after Dec 2024"),
        ("/2024-08", "until Aug 2024 (start unknown)"),
    ],
)
def test_dates_are_worded_at_their_precision(date: str, words: str) -> None:
    assert when(DateSpan.parse(date)) == words


def test_markdown_shows_data_as_written(make_dataset: MakeDataset, tmp_path: Path) -> None:
    assert markdown_text("*bold* <script>alert(1)</script> [x](javascript:y) a|b `c` #1 & _u_") == (
        r"\*bold\* &lt;script&gt;alert(1)&lt;/script&gt; [x\](javascript:y) a\|b \`c\` \#1 "
        r"&amp; \_u\_"
    )
    old = dataset(make_dataset, "events:\n" + event("e1"))
    new = dataset(make_dataset, "events:\n" + event("e1", '"**Loud** <b>x</b>"'))
    from casetrack.render.changes import report
    from casetrack.versions import Version

    diff = compare(old, new)
    text = markdown(
        report(diff, developments(diff), Version("a", "a", None, old), Version("b", "b", None, new))
    )
    assert "  - `title`: “A hearing” → “\\*\\*Loud\\*\\* &lt;b&gt;x&lt;/b&gt;”\n" in text
