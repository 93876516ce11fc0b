"""The HTML export: escaped everywhere, self-contained, and checked in a real browser.

The browser test renders the page in headless Chromium (Debian's `chromium`, which `.ci/run`
installs), reads the page's text back from the DOM Chromium built (`--dump-dom`) and takes
screenshots at desktop and phone widths. In CI (CI=true) a missing Chromium fails the test
instead of skipping it.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
from html.parser import HTMLParser
from pathlib import Path

from casetrack.dataset import Dataset
from casetrack.entries import Entry, build_entries
from casetrack.export.html import render_html
from casetrack.loader import load
from casetrack.query import TimelineFilter, select_entries
from export_dataset import AS_OF, REPLACED, write_dataset
from external import chromium, run_browser


def export(tmp_path: Path, **kwargs: object) -> tuple[Dataset, list[Entry], str]:
    dataset, problems = load(write_dataset(tmp_path))
    assert problems == []
    flt = TimelineFilter(as_of=dt.date.fromisoformat(AS_OF))
    entries = select_entries(dataset, build_entries(dataset), flt)
    return dataset, entries, render_html(dataset, entries, **kwargs)  # type: ignore[arg-type]


class Page(HTMLParser):
    """What a reader sees (text outside <style> and <head>), and every tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "head", "title"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "head", "title"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text += data

    def words(self) -> str:
        return " ".join(self.text.split())


def read_page(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def test_data_is_escaped_and_only_web_links_are_links(tmp_path: Path) -> None:
    _, _, text = export(tmp_path)
    page = read_page(text)
    names = [tag for tag, _ in page.tags]
    assert "script" not in names and "b" not in names
    assert "<script>alert('x')</script> & friends" in page.words()
    assert "Acme, Inc.; Widgets <b>Division</b>" in page.words()
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert hrefs and set(hrefs) == {'https://example.com/zoë?a=1&b="2"'}
    assert "javascript:" not in text


def test_page_is_self_contained(tmp_path: Path) -> None:
    _, _, text = export(tmp_path)
    page = read_page(text)
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "video", "audio"}
    assert not any("src" in attrs for _, attrs in page.tags)
    lowered = text.lower()
    assert "url(" not in lowered and "@import" not in lowered
    csp = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert csp == [
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    ]
    viewport = [a["content"] for t, a in page.tags if t == "meta" and a.get("name") == "viewport"]
    assert viewport == ["width=device-width, initial-scale=1"]
    assert "@media print" in text and "@media (max-width: 640px)" in text


def test_entries_in_order_under_year_headings(tmp_path: Path) -> None:
    _, entries, text = export(tmp_path)
    words = read_page(text[text.index("<main>") :]).words()
    positions = [words.index(" ".join(e.title.split())) for e in entries]
    assert positions == sorted(positions)
    assert words.index("2024") < positions[0] < words.index("2025") < positions[2]
    for replaced in REPLACED:
        assert f'id="entry-{replaced}"' not in text
    assert "Hearing on the motion (moved)" in words


def test_allegations_and_caveats_are_visible(tmp_path: Path) -> None:
    _, _, text = export(tmp_path)
    words = read_page(text).words()
    assert (
        "Allegation Ñúñez v. Acme other Acme cut Zoë's hours, she says "
        "Alleged by Zoë Ñúñez-李 in the complaint of 10 Jan 2025; "
        "denied by Acme, Inc.; Widgets <b>Division</b>." in words
    )
    assert "c. 14 Nov 2024 approximate date" in words
    assert "Unconfirmed Ñúñez v. Acme motion <script>" in words
    assert (
        "Sources differ on the length of the statement: one page (Le Monde — Édition) "
        "two pages (District Court)" in words
    )
    assert 'class="entry alleged"' in text
    assert 'Date: The complaint says "mid-November".' in words
    assert (
        "Scheduled Ñúñez v. Acme hearing Hearing on the motion (moved) Scheduled date: set on 20 Mar "
        "2025" in words
    )


def test_colours_by_case_or_kind(tmp_path: Path) -> None:
    _, _, text = export(tmp_path)
    legend = text[text.index('<ul class="legend"') : text.index("</ul>")]
    assert "Ñúñez v. Acme</li>" in legend and "State v. Acme</li>" in legend
    _, _, by_kind = export(tmp_path / "k", group_by="kind")
    legend = by_kind[by_kind.index('<ul class="legend"') : by_kind.index("</ul>")]
    assert ">hearing</li>" in legend and ">claim dismissed</li>" in legend


def png_size(path: Path) -> tuple[int, int]:
    raw = path.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", raw[16:24])
    return width, height


def test_page_renders_in_headless_chromium(tmp_path: Path) -> None:
    browser = chromium()
    _, entries, text = export(tmp_path)
    page_file = tmp_path / "timeline.html"
    page_file.write_text(text, encoding="utf-8")
    url = page_file.as_uri()

    dom = run_browser(browser, tmp_path / "profile-dom", "--dump-dom", url).stdout
    page = read_page(dom)
    words = page.words()
    for entry in entries:
        assert " ".join(entry.title.split()) in words, entry.id
    assert "<script>alert('x')</script> & friends" in words
    assert "script" not in {tag for tag, _ in page.tags}
    assert "Alleged by Zoë Ñúñez-李" in words

    for name, size in (("desktop", (1280, 1600)), ("phone", (390, 1600))):
        shot = tmp_path / f"{name}.png"
        run_browser(
            browser,
            tmp_path / f"profile-{name}",
            f"--screenshot={shot}",
            f"--window-size={size[0]},{size[1]}",
            url,
        )
        assert png_size(shot) == size
        # A blank page compresses to a few kilobytes; a rendered timeline does not.
        assert shot.stat().st_size > 20_000, name

    # Printable: Chromium's print path lays the page out on paper.
    pdf = tmp_path / "timeline.pdf"
    run_browser(
        browser, tmp_path / "profile-pdf", f"--print-to-pdf={pdf}", "--no-pdf-header-footer", url
    )
    raw = pdf.read_bytes()
    assert raw.startswith(b"%PDF-")
    assert re.findall(rb"/Type\s*/Page(?!s)", raw), "the PDF has no pages"
