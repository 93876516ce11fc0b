"""How casetrack names its sources, for every output: by outlet, as a footnote, as a line in
`casetrack diff`, and as the exports cite them, court records first. Plain text, like `wording`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from casetrack.characters import safe_url
from casetrack.dataset import Dataset

if TYPE_CHECKING:
    from casetrack.entries import Entry
    from casetrack.models import Source


def source_names(dataset: Dataset, ids: Iterable[str]) -> str:
    """Sources by the names readers know: the outlet, else the title; each once."""
    seen: dict[str, None] = {}
    for sid in ids:
        s = dataset.sources.get(sid)
        seen[(s.outlet or s.title) if s else sid] = None
    return ", ".join(seen)


def source_footnote(s: Source) -> str:
    """'Page Six, “Title” (c. 13 Feb 2025), https://...' (the terminal's footnotes)."""
    out = f"{s.outlet}, " if s.outlet else ""
    out += f"“{s.title}”"
    if s.published is not None:
        out += f" ({s.published.display()})"
    if s.url:
        out += f", {s.url}"
    return out


def source_line(s: Source) -> str:
    """'Page Six: Title (13 Feb 2025)' (a new source, in `casetrack diff`)."""
    text = f"{s.outlet}: {s.title}" if s.outlet else s.title
    return text + (f" ({s.published.display()})" if s.published else "")


# The order sources are listed in: the court's own records first, then original reporting, then
# what republishes or comments on others' reporting.
SOURCE_RANK = {
    "court-order": 0,
    "court-filing": 0,
    "docket": 0,
    "news-report": 1,
    "press-release": 1,
    "statement": 1,
    "interview": 1,
    "book": 1,
    "social-media": 2,
    "blog": 2,
    "aggregator": 2,
    "other": 2,
}


def by_standing(dataset: Dataset, ids: Iterable[str]) -> list[str]:
    """Source ids in the order a reader should check them: court records, then original
    reporting, then aggregators and blogs; within each, by date (undated last), as cited."""
    listed = list(dict.fromkeys(ids))

    def key(item: tuple[int, str]) -> tuple[int, int, object, int]:
        position, sid = item
        s = dataset.sources.get(sid)
        if s is None:
            return (3, 1, (), position)
        dated = s.published is not None
        when = s.published.sort_key() if s.published else ()
        return (SOURCE_RANK.get(s.kind, 2), 0 if dated else 1, when, position)

    return [sid for _, sid in sorted(enumerate(listed), key=key)]


def source_citations(dataset: Dataset, entry: Entry) -> list[tuple[str, str | None]]:
    """Each source of an entry as the exports cite it, 'Title, Outlet, 13 Feb 2025', with its
    address when that is safe to link; court records first (see `by_standing`)."""
    out: list[tuple[str, str | None]] = []
    for sid in by_standing(dataset, entry.sources):
        s = dataset.sources.get(sid)
        if s is None:
            out.append((sid, None))
            continue
        published = s.published.display() if s.published else None
        words = ", ".join(x for x in (s.title, s.outlet, published) if x)
        out.append((words, safe_url(s.url)))
    return out
