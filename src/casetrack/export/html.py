"""A self-contained HTML page of the timeline: one file, no network requests, no script.

Entries run in chronological order under a heading per year, each with a coloured edge for its
case (or kind) and a legend naming the colours. Allegations carry a visible "Allegation" flag and
say who alleges and who denies them; unconfirmed entries and discrepancies between sources are
flagged too. Every piece of data is escaped, and only http(s) source URLs become links. A
Content-Security-Policy forbids loading anything, so the page cannot phone home even if a
browser extension or a future edit tried to. It reads on a phone (one column under 640px) and
prints (no colours needed, links written out).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from itertools import groupby
from typing import TYPE_CHECKING

from casetrack.characters import clean, safe_url
from casetrack.dataset import Dataset
from casetrack.dates import DateSpan, PartialDate
from casetrack.entries import Entry, latest_source_date
from casetrack.render import date_words, deadline_words, source_words, wording
from casetrack.render.wording import GroupBy

if TYPE_CHECKING:
    from casetrack.knowledge import AsOf

# Colour-blind-safe hues (Okabe & Ito), darkened where needed for contrast on white.
PALETTE = (
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#8a6d00",
    "#56b4e9",
    "#6a3d9a",
    "#555555",
)

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)

STYLE = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --line: #d9d9d9;
  --alleged: #9a3412; --alleged-bg: #fff4e5; --warn: #7a5d00; --warn-bg: #fff9db; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: #fff; }
header, main, footer { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
.meta, footer { color: var(--muted); font-size: .9rem; }
.about { margin: .25rem 0; }
.legend { list-style: none; padding: 0; margin: .75rem 0; display: flex; flex-wrap: wrap;
  gap: .35rem 1rem; font-size: .9rem; }
.legend li::before { content: ""; display: inline-block; width: .8em; height: .8em;
  margin-right: .35em; border-radius: 2px; background: var(--c); vertical-align: -.05em;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.key { font-size: .9rem; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--ink); }
ol.entries { list-style: none; margin: 0; padding: 0; }
.entry { display: grid; grid-template-columns: 8.5rem 1fr; gap: 0 1rem; padding: .75rem 0 .75rem .75rem;
  border-left: 6px solid var(--c); border-bottom: 1px solid var(--line); break-inside: avoid; }
.when { font-weight: 600; font-variant-numeric: tabular-nums; }
.when .approx { display: block; font-weight: 400; font-size: .8rem; color: var(--muted); }
.entry h3 { font-size: 1.05rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
.entry p { margin: .25rem 0; overflow-wrap: anywhere; }
.tags { font-size: .8rem; color: var(--muted); }
.tag { display: inline-block; margin-right: .5rem; }
.tag.group { color: var(--c); font-weight: 600; }
.flag { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: .03em; padding: 0 .4em; border-radius: 3px; margin-right: .35rem;
  border: 1px solid currentColor; }
.flag.alleged { color: var(--alleged); background: var(--alleged-bg); }
.flag.unconfirmed, .flag.differ, .flag.passed { color: var(--warn); background: var(--warn-bg); }
.flag.scheduled, .flag.computed { color: #1f4e79; background: #eaf2fb; }
.entry.alleged { background: linear-gradient(90deg, var(--alleged-bg), #fff 60%); }
.allegation { color: var(--alleged); font-weight: 600; }
.discrepancy { margin: .35rem 0; padding: .35rem .6rem; background: var(--warn-bg);
  border-left: 3px solid var(--warn); font-size: .95rem; }
.discrepancy ul, .sources { margin: .2rem 0; padding-left: 1.2rem; }
.sources { font-size: .85rem; color: var(--muted); }
.sources a { color: #0b57a4; }
.details { font-size: .9rem; color: var(--muted); }
footer { padding: 1.5rem 1rem 2rem; }
@media (max-width: 640px) {
  body { font-size: 15px; }
  .entry { grid-template-columns: 1fr; padding-left: .6rem; }
  .when { margin-bottom: .15rem; }
}
@media print {
  body { font-size: 10.5pt; }
  header, main, footer { max-width: none; padding: 0; }
  .entry { background: none !important; border-left-width: 4px;
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .sources a { color: inherit; text-decoration: none; }
  .sources a::after { content: " <" attr(href) ">"; word-break: break-all; }
  h2 { break-after: avoid; }
}
"""


def render_html(
    dataset: Dataset,
    entries: Iterable[Entry],
    *,
    group_by: GroupBy = "case",
    title: str | None = None,
    asof: AsOf | None = None,
) -> str:
    """The entries as one self-contained HTML page, as the record stood on the view's day
    (`asof`): the page says so, and how new its newest source is, as the terminal does."""
    selected = list(entries)
    heading = title or wording.title_for(dataset, selected)
    about = next(iter(dataset.about.values()), None)
    fresh = date_words.freshness(asof, latest_source_date(dataset))
    day = asof.day if asof is not None else None
    groups = _groups(dataset, selected, group_by)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="generator" content="casetrack">',
        f"<title>{escape(heading)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(heading)}</h1>",
        *(
            [f'<p class="about">{escape(about.description)}</p>']
            if about and about.description
            else []
        ),
        f'<p class="meta">{escape(_meta(selected, fresh))}</p>',
    ]
    if groups:
        out.append(f'<ul class="legend" aria-label="Colours by {group_by}">')
        for name, index in groups.items():
            out.append(f'<li style="--c:{PALETTE[index % len(PALETTE)]}">{escape(name)}</li>')
        out.append("</ul>")
    out.append(
        '<p class="key"><span class="flag alleged">Allegation</span> what a party alleges, '
        "not an established fact, with who alleges and who denies it. "
        '<span class="flag unconfirmed">Unconfirmed</span> reported by one outlet only. '
        '<span class="flag differ">Sources differ</span> the sources disagree on a detail.'
        + (
            ' <span class="flag computed">Computed deadline</span> a period counted by casetrack '
            "from a filing or event under a rule the data names."
            if any(e.record == "deadline" for e in selected)
            else ""
        )
        + "</p>"
    )
    out.append("</header>")
    out.append("<main>")
    if not selected:
        out.append("<p>No entries match.</p>")
    # Under the year where the one order places each entry (one day within a range: the year of
    # its last possible day), so the years follow each other.
    for year, in_year in groupby(selected, key=lambda e: e.date.placed_at().year):
        out.append(f'<section class="year" id="y{year}" aria-labelledby="h{year}">')
        out.append(f'<h2 id="h{year}">{year}</h2>')
        out.append('<ol class="entries">')
        for entry in in_year:
            group = wording.group_name(dataset, entry, group_by)
            out.append(_entry_html(dataset, entry, group, groups[group], day))
        out.append("</ol>")
        out.append("</section>")
    out.append("</main>")
    sources = {s for e in selected for s in e.sources}
    out.append(
        f"<footer><p>{len(selected)} entr{'y' if len(selected) == 1 else 'ies'} from "
        f"{len(sources)} source{'' if len(sources) == 1 else 's'}. Made with casetrack; every "
        "entry names its sources.</p></footer>"
    )
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


def _meta(entries: list[Entry], fresh: list[str]) -> str:
    span = date_words.span_of(entries)
    parts = [f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}"]
    if span:
        parts.append(span)
    return " · ".join(parts + fresh)


def _groups(dataset: Dataset, entries: list[Entry], group_by: GroupBy) -> dict[str, int]:
    """Each group's colour index, in order of first appearance."""
    groups: dict[str, int] = {}
    for e in entries:
        groups.setdefault(wording.group_name(dataset, e, group_by), len(groups))
    return groups


def _entry_html(dataset: Dataset, entry: Entry, group: str, index: int, day: dt.date | None) -> str:
    classes = ["entry"]
    if entry.alleged_by:
        classes.append("alleged")
    colour = PALETTE[index % len(PALETTE)]
    lines = [
        f'<li class="{" ".join(classes)}" id="{escape(_anchor(entry.id))}" style="--c:{colour}">',
        f'<div class="when">{_when_html(entry)}</div>',
        '<div class="body">',
    ]
    tags = [f'<span class="tag group">{escape(group)}</span>']
    tags.append(f'<span class="tag kind">{escape(entry.kind.replace("-", " "))}</span>')
    docket = wording.docket_line(dataset, entry)
    if docket:
        url = safe_url(entry.document_url)
        text = escape(docket)
        if url and entry.docket_entry is not None:
            number = escape(wording.ecf_no(entry.docket_entry))
            text = link(number, url) + text[len(number) :]
        tags.append(f'<span class="tag ecf">{text}</span>')
    flags = []
    if entry.alleged_by:
        flags.append('<span class="flag alleged">Allegation</span>')
    if entry.unconfirmed:
        flags.append('<span class="flag unconfirmed">Unconfirmed</span>')
    if entry.discrepancies:
        flags.append('<span class="flag differ">Sources differ</span>')
    if entry.scheduled is not None:
        flags.append('<span class="flag scheduled">Scheduled</span>')
        if day is not None and entry.date.latest() < day:
            flags.append('<span class="flag passed">Date passed</span>')
    if entry.record == "deadline":
        flags.append('<span class="flag computed">Computed deadline</span>')
    lines.append(f'<p class="tags">{" ".join(flags + tags)}</p>')
    lines.append(f"<h3>{escape(entry.title)}</h3>")
    allegation = wording.allegation_line(dataset, entry)
    if allegation:
        lines.append(f'<p class="allegation">{escape(allegation)}</p>')
    if entry.summary:
        lines.append(f'<p class="summary">{escape(entry.summary)}</p>')
    details = []
    if entry.date_note:
        details.append(f"Date: {escape(entry.date_note)}")
    schedule = wording.schedule_note(dataset, entry, day)
    if schedule:
        details.append(escape(f"Scheduled date: {schedule}."))
    caption = wording.case_caption(dataset, entry.case)
    if caption:
        details.append(f"Case: {escape(caption)}")
    if entry.parties:
        details.append("Parties: " + escape(", ".join(wording.party_names(dataset, entry.parties))))
    if details:
        lines.append('<p class="details">' + "<br>\n".join(details) + "</p>")
    if entry.record == "deadline":
        lines.append(f'<p class="details">{escape(deadline_words.NOTICE)}</p>')
    if entry.unconfirmed:
        lines.append(f'<p class="details">{escape(wording.UNCONFIRMED)}</p>')
    for d in entry.discrepancies:
        accounts = "\n".join(f"<li>{escape(wording.account(dataset, a))}</li>" for a in d.accounts)
        lines.append(
            f'<div class="discrepancy"><strong>{escape(wording.differ_heading(d))}</strong>'
            f"\n<ul>{accounts}</ul></div>"
        )
    sources = source_words.source_citations(dataset, entry)
    if sources:
        items = [f"<li>{link(escape(words), url)}</li>" for words, url in sources]
        lines.append('<ol class="sources" aria-label="Sources">' + "\n".join(items) + "</ol>")
    lines.append("</div>")
    lines.append("</li>")
    return "\n".join(lines)


def _when_html(entry: Entry) -> str:
    """The date in casetrack's words, each bound a <time> element: '31 Dec 2024 – 29 Jan 2025',
    'between 31 Dec 2024 and 30 Jan 2025', 'by 29 Jan 2025'."""
    date = entry.date
    text = " ".join(
        _time(piece, bound) if bound is not None else escape(piece)
        for piece, bound in _pieces(date)
    )
    marks = date_words.date_marks(entry)
    if marks:
        text += f' <span class="approx">{escape(", ".join(marks))}</span>'
    return text


def _pieces(date: DateSpan) -> list[tuple[str, PartialDate | None]]:
    """The date's words (`DateSpan.words`), each with the bound it names, if it names one."""
    bounds = {p.display(): p for p in (date.start, date.end) if p is not None}
    out: list[tuple[str, PartialDate | None]] = []
    for piece in date.words():
        for tail in (" and", " –"):
            if piece.endswith(tail) and piece[: -len(tail)] in bounds:
                out.append((piece[: -len(tail)], bounds[piece[: -len(tail)]]))
                out.append((tail.strip(), None))
                break
        else:
            out.append((piece, bounds.get(piece)))
    return out


def _time(words: str, bound: PartialDate) -> str:
    return f'<time datetime="{bound.iso()}">{escape(words)}</time>'


def _anchor(entry_id: str) -> str:
    return "entry-" + entry_id


def escape(text: str) -> str:
    """Data as HTML text (and attribute values): cleaned and escaped, never markup."""
    return html.escape(clean(text), quote=True)


def link(inner: str, url: str | None) -> str:
    """HTML `inner` as a link to `url` (already safe: see characters.safe_url), or as it is."""
    if not url:
        return inner
    return f'<a href="{escape(url)}" rel="noopener noreferrer">{inner}</a>'
