"""The TimelineJS3 export, checked against the rules TimelineJS3's own reader applies.

TimelineJS3 (NUKnightLab/TimelineJS3, src/js/core/TimelineConfig.js and src/js/date/TLDate.js)
reads `events` (each needs a `start_date` with a `year`), an optional `title` slide, and `scale`.
Date parts become numbers through parseInt after a `^-?\\d*$` check, months are 1-based;
`unique_id`s must be unique across the title and the events, and are run through its `slugify`;
`text.headline` and `text.text` are HTML (sanitised, not escaped), `display_date` and `group` have
markup stripped. The tests port those rules and check every slide against them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from casetrack.entries import build_entries
from casetrack.export.timelinejs import render_timelinejs
from casetrack.loader import load
from casetrack.query import TimelineFilter, select_entries
from export_dataset import AS_OF, REPLACED, write_dataset


def export(tmp_path: Path, group_by: str = "case") -> dict[str, Any]:
    dataset, problems = load(write_dataset(tmp_path))
    assert problems == []
    flt = TimelineFilter(as_of=dt.date.fromisoformat(AS_OF))
    entries = select_entries(dataset, build_entries(dataset), flt)
    data: dict[str, Any] = json.loads(
        render_timelinejs(dataset, entries, group_by=group_by)  # type: ignore[arg-type]
    )
    return data


def slugify(text: str) -> str:
    """TimelineJS3's Util.slugify, ported."""
    text = text.strip().lower()
    for a, b in zip(
        "ãàáäâẽèéëêìíïîõòóöôùúüûñç·/_,:;", "aaaaaeeeeeiiiiooooouuuunc------", strict=True
    ):
        text = text.replace(a, b)
    text = re.sub(r"[^a-z0-9 -]", "", text)
    text = re.sub(r"\s+", "-", text)
    text = re.sub(r"-+", "-", text)
    return re.sub(r"^([0-9])", r"_\1", text)


def check_date(date: dict[str, Any]) -> dt.date:
    """TLDate's reading of a date object; returns the day it starts on."""
    assert set(date) <= {"year", "month", "day", "display_date"}
    parts = {}
    for name in ("year", "month", "day"):
        if name in date:
            value = date[name]
            assert isinstance(value, int | str)
            assert re.fullmatch(r"-?\d*", str(value)), (name, value)
            parts[name] = int(value)
    assert "year" in parts
    if "day" in parts:
        assert "month" in parts
    month = parts.get("month", 1)
    assert 1 <= month <= 12
    day = parts.get("day", 1)
    assert 1 <= day <= calendar.monthrange(parts["year"], month)[1]
    assert isinstance(date.get("display_date", ""), str)
    return dt.date(parts["year"], month, day)


class Tags(HTMLParser):
    """The tags and links in a piece of HTML, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs.extend(v or "" for k, v in attrs if k == "href")

    def handle_data(self, data: str) -> None:
        self.text += data


def parse_html(text: str) -> Tags:
    parser = Tags()
    parser.feed(text)
    parser.close()
    return parser


def test_every_slide_passes_timelinejs_reader_rules(tmp_path: Path) -> None:
    data = export(tmp_path)
    assert set(data) == {"title", "events", "scale"}
    assert data["scale"] == "human"
    ids = [data["title"]["unique_id"]] + [e["unique_id"] for e in data["events"]]
    assert len(ids) == len(set(ids))
    for uid in ids:
        assert slugify(uid) == uid  # TimelineJS keeps the id, so #event-<id> links hold
    for event in data["events"]:
        assert set(event) <= {"start_date", "end_date", "text", "group", "unique_id"}
        start = check_date(event["start_date"])
        if "end_date" in event:
            assert check_date(event["end_date"]) >= start
        assert set(event["text"]) == {"headline", "text"}
        assert isinstance(event["group"], str) and event["group"].strip() == event["group"]
        for html_text in event["text"].values():
            parsed = parse_html(html_text)
            assert set(parsed.tags) <= {"p", "strong", "em", "ul", "li", "a"}
            assert all(h.startswith(("https://", "http://")) for h in parsed.hrefs)


def test_dates_keep_their_precision(tmp_path: Path) -> None:
    by_id = {e["unique_id"]: e for e in export(tmp_path)["events"]}
    assert by_id["ev-year"]["start_date"] == {"year": 2024, "display_date": "2024"}
    assert by_id["f-letter"]["start_date"] == {"year": 2025, "month": 2, "display_date": "Feb 2025"}
    assert by_id["ev-alleged"]["start_date"] == {
        "year": 2024,
        "month": 11,
        "day": 14,
        "display_date": "c. 14 Nov 2024",
    }
    trial = by_id["ev-trial"]
    assert trial["start_date"]["day"] == 2 and trial["end_date"]["day"] == 4
    assert "end_date" not in by_id["f-complaint"]
    # Status changes have ids like claim-wages@2025-07-01-dismissed; the slide id is a slug of it.
    assert "claim-wages-2025-07-01-dismissed" in by_id
    for replaced in REPLACED:
        assert replaced not in by_id


def test_text_is_escaped_html(tmp_path: Path) -> None:
    by_id = {e["unique_id"]: e for e in export(tmp_path)["events"]}
    script = by_id["f-script"]
    assert script["text"]["headline"] == (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; friends"
    )
    assert parse_html(script["text"]["headline"]).text == "<script>alert('x')</script> & friends"
    assert "<em>Unconfirmed: reported by a single outlet" in script["text"]["text"]
    alleged = by_id["ev-alleged"]
    assert alleged["text"]["headline"] == "Alleged: Acme cut Zoë&#x27;s hours, she says"
    body = parse_html(alleged["text"]["text"]).text
    assert (
        "Allegation. Alleged by Zoë Ñúñez-李 in the complaint of 10 Jan 2025; "
        "denied by Acme, Inc.; Widgets <b>Division</b>." in body
    )
    assert "<b>" not in alleged["text"]["text"]  # the party's name is text, not markup
    complaint = parse_html(by_id["f-complaint"]["text"]["text"])
    assert complaint.hrefs == ['https://example.com/zoë?a=1&b="2"']  # javascript: is not linked
    assert "Complaint, District Court, 10 Jan 2025" in complaint.text
    statement = parse_html(by_id["ev-statement"]["text"]["text"]).text
    assert "Sources differ on the length of the statement:" in statement


def test_groups_by_case_or_kind(tmp_path: Path) -> None:
    groups = {e["unique_id"]: e["group"] for e in export(tmp_path)["events"]}
    assert groups["f-complaint"] == "Ñúñez v. Acme"
    assert groups["ev-state-hearing"] == "State v. Acme"
    by_kind = {e["unique_id"]: e["group"] for e in export(tmp_path / "k", "kind")["events"]}
    assert by_kind["f-complaint"] == "complaint"
    assert by_kind["claim-wages-2025-07-01-dismissed"] == "claim dismissed"


def test_title_slide(tmp_path: Path) -> None:
    title = export(tmp_path)["title"]
    assert title["text"]["headline"] == "Ñúñez v. Acme and 1 other case"
    assert parse_html(title["text"]["text"]).text.startswith(
        "10 entries, 2024 to 1 Aug 2025. 1 is an allegation, marked “Alleged” with who "
        "alleges and who denies it."
    )
    assert "start_date" not in title
