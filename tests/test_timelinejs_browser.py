"""The TimelineJS3 export, loaded by Knight Lab's TimelineJS3 itself in headless Chromium.

`casetrack export timelinejs -o timeline.json` writes the file; a page next to it loads
TimelineJS3's script and stylesheet from the npm install in tests/js (file:// addresses) and
builds the timeline from the file by name, as the README tells users to
(`new TL.Timeline('timeline-embed', 'timeline.json')`); `--allow-file-access-from-files` lets it
read the file as it would from a web server. Nothing comes from the network: TimelineJS's web
font is turned off and Chromium resolves no host name.

Chromium prints the DOM TimelineJS built (`--dump-dom`) once a virtual-time budget has let its
timers and promises run, so the test never waits on the clock; the test reads the slides, the
rows of the time navigator and any error message from that DOM. Had TimelineJS not finished, its
"Loading" message would still be there and the test would fail.

What TimelineJS does with the data, from its source (src/js/core/TimelineConfig.js,
slider/Slide.js, timeline/Timeline.js): an event it cannot read is dropped without a word, so
slides are counted; a file it cannot use shows an error in `.tl-message-full`, which is otherwise
removed once the timeline is built; a slide's date is the event's own `display_date`, or else
the start's `display_date`, then " — " and the end's for an interval.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from cli_helpers import run
from conftest import MakeDataset
from external import chromium, node_package, pinned_version, readme_section, run_browser

# The bundled dataset as TimelineJS shows it today: the title slide and one slide per entry, on
# one row per case. Change these when the bundled data changes, never to make a slide go away.
# The title and the 54 lines of `casetrack timeline`: its 68 entries, of which the 8 claims the
# order of 9 Jun 2025 dismissed, and the same 8 the judgment of 31 Oct 2025 decided, are one
# slide each.
BUNDLED_SLIDES = 55
BUNDLED_GROUPS = [
    "Baldoni v. NYT",
    "Crisis PR firm v. Lively",
    "Lively v. Wayfarer",
    "Outside the cases",
    "Wayfarer v. Lively",
]

# One event per row of the small dataset: its id, its case (TimelineJS puts each case on a row of
# its own), the date as written in YAML, and the date its slide shows. A new kind of date is one
# more row.
EVENTS = [
    ("ev-day", "a-v-b", "2025-01-10", "10 Jan 2025"),
    ("ev-month", "a-v-b", "2025-02", "Feb 2025"),
    ("ev-year", "c-v-d", "2024", "2024"),
    ("ev-approximate", "a-v-b", "2024-11-14~", "c. 14 Nov 2024"),
    ("ev-uncertain", "c-v-d", "2025-03-05?", "5 Mar 2025?"),
    ("ev-days", "a-v-b", "2025-06-02/2025-06-04", "2 Jun 2025 — 4 Jun 2025"),
    ("ev-months", "c-v-d", "2023-05/2024-01", "May 2023 — Jan 2024"),
    ("ev-between", "a-v-b", "[2024-12-31..2025-01-30]", "between 31 Dec 2024 and 30 Jan 2025"),
    ("ev-by", "c-v-d", "[..2025-01-29]", "by 29 Jan 2025"),
    ("ev-until", "a-v-b", "/2024-08", "until Aug 2024 (start unknown)"),
]
SMALL_DATASET = """\
sources:
  - id: s-one
    kind: news-report
    title: A report
    outlet: The Paper
    published: 2025-07-01
parties:
  - id: ada
    name: Ada Ñúñez
    kind: person
    sources: [s-one]
  - id: bo
    name: Bo & <b>Sons</b>
    kind: company
    sources: [s-one]
cases:
  - id: a-v-b
    caption: Ñúñez v. Bo & Sons
    short_name: Ñúñez v. Bo
    parties: [{party: ada, role: plaintiff}, {party: bo, role: defendant}]
    sources: [s-one]
  - id: c-v-d
    caption: State v. Bo & Sons
    short_name: State v. Bo
    parties: [{party: bo, role: defendant}]
    sources: [s-one]
events:
"""
EVENT = """\
  - id: {id}
    date: "{date}"
    kind: other
    title: "Event <i>{id}</i> & 'more'"
    case: {case}
    sources: [s-one]
"""
SMALL_GROUPS = ["State v. Bo", "Ñúñez v. Bo"]


def small_dataset(make_dataset: MakeDataset) -> Path:
    events = "".join(EVENT.format(id=id_, date=date, case=case) for id_, case, date, _ in EVENTS)
    return make_dataset({"case.yaml": SMALL_DATASET + events})


# Reading the DOM Chromium prints.

VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
})  # fmt: skip


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()

    def all(self, class_name: str) -> list[Element]:
        """Every element below this one with the class, in document order."""
        found: list[Element] = []
        for child in self.children:
            if isinstance(child, Element):
                if child.has_class(class_name):
                    found.append(child)
                found.extend(child.all(class_name))
        return found

    def one(self, class_name: str) -> Element:
        found = self.all(class_name)
        assert len(found) == 1, (class_name, len(found))
        return found[0]

    def text(self) -> str:
        """The text a reader sees, with whitespace runs as one space."""
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join("".join(parts).split())


class TreeBuilder(HTMLParser):
    """Chromium's serialised DOM as a tree of Elements (it closes every non-void tag)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self._open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self._open[-1].children.append(element)
        if tag not in VOID_TAGS:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while len(self._open) > 1:
            if self._open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._open[-1].tag not in ("script", "style"):
            self._open[-1].children.append(data)


@dataclass
class Slide:
    id: str
    headline: str
    date: str


@dataclass
class Rendered:
    """What TimelineJS built: its slides in order, its rows, and the error it shows, if any."""

    slides: list[Slide]
    groups: list[str]
    message: str | None


def render(timeline_json: Path) -> Rendered:
    """Load the TimelineJS JSON file in TimelineJS3 in headless Chromium, the way the README
    says (`new TL.Timeline('timeline-embed', 'timeline.json')`), and read what it built."""
    browser = chromium()
    timelinejs = node_package("@knight-lab/timelinejs") / "dist"
    page = timeline_json.with_suffix(".html")
    page.write_text(
        f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS3</title>
<link rel="stylesheet" href="{(timelinejs / "css" / "timeline.css").as_uri()}">
<script src="{(timelinejs / "js" / "timeline.js").as_uri()}"></script>
</head><body>
<div id="timeline-embed" style="width: 1200px; height: 700px"></div>
<script>
new TL.Timeline("timeline-embed", "{timeline_json.name}", {{font: null}});
</script>
</body></html>
""",
        encoding="utf-8",
    )
    dom = run_browser(
        browser,
        timeline_json.parent / "profile",
        # TimelineJS reads the JSON file with XMLHttpRequest, as it would from a web server.
        "--allow-file-access-from-files",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--virtual-time-budget=10000",
        "--window-size=1280,800",
        "--dump-dom",
        page.as_uri(),
    ).stdout
    tree = TreeBuilder()
    tree.feed(dom)
    tree.close()
    root = tree.root
    messages = root.all("tl-message-full")
    return Rendered(
        slides=[
            Slide(
                id=slide.attrs.get("id", ""),
                headline=slide.one("tl-headline").text(),
                date=slide.one("tl-headline-date").text(),
            )
            for slide in root.all("tl-slide")
        ],
        groups=[group.text() for group in root.all("tl-timegroup-message")],
        message=messages[0].text() if messages else None,
    )


def slide_date(event: dict[str, Any]) -> str:
    """The date TimelineJS shows on an event's slide (Slide.getFormattedDate)."""
    if event.get("display_date"):
        return html.unescape(event["display_date"])
    text = html.unescape(event["start_date"]["display_date"])
    if "end_date" in event:
        text += " — " + html.unescape(event["end_date"]["display_date"])
    return text


def check_timeline(rendered: Rendered, data: dict[str, Any]) -> None:
    """Every event of the export is a slide, after the title, with its headline and date."""
    assert rendered.message is None
    events = data["events"]
    title, *slides = rendered.slides
    assert title.id == data["title"]["unique_id"]
    assert title.headline == html.unescape(data["title"]["text"]["headline"])
    # One slide per event, in the export's order (TimelineJS sorts by date again).
    assert [slide.id for slide in slides] == [e["unique_id"] for e in events]
    by_id = {slide.id: slide for slide in slides}
    for event in events:
        slide = by_id[event["unique_id"]]
        assert slide.headline == html.unescape(event["text"]["headline"]), slide.id
        assert slide.date == slide_date(event), slide.id
    assert sorted(rendered.groups) == sorted({html.unescape(e["group"]) for e in events})


def export(tmp_path: Path, *args: str | Path) -> tuple[Path, dict[str, Any]]:
    """`casetrack export timelinejs ARGS -o timeline.json`: the file and its data."""
    out = tmp_path / "timeline.json"
    result = run("export", "timelinejs", *args, "-o", out)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return out, data


def test_bundled_timeline_in_timelinejs(tmp_path: Path) -> None:
    out, data = export(tmp_path)
    rendered = render(out)
    check_timeline(rendered, data)
    assert len(rendered.slides) == BUNDLED_SLIDES
    assert sorted(rendered.groups) == BUNDLED_GROUPS


def test_dates_groups_and_markup_in_timelinejs(tmp_path: Path, make_dataset: MakeDataset) -> None:
    out, data = export(tmp_path, "--data", small_dataset(make_dataset))
    rendered = render(out)
    check_timeline(rendered, data)
    assert len(rendered.slides) == 1 + len(EVENTS)
    assert {slide.id: slide.date for slide in rendered.slides[1:]} == {
        id_: shown for id_, _, _, shown in EVENTS
    }
    # Markup in the data is text on the slide, not markup.
    assert {slide.headline for slide in rendered.slides[1:]} == {
        f"Event <i>{id_}</i> & 'more'" for id_, _, _, _ in EVENTS
    }
    assert sorted(rendered.groups) == SMALL_GROUPS


def test_readme_names_the_timelinejs_tested() -> None:
    version = pinned_version("@knight-lab/timelinejs")
    assert f"Tested in TimelineJS3 itself ({version}, from npm)" in readme_section("Exports")
