"""The terminal layout, built with rich: tables, headings and the grouped timeline.

Every piece of data goes through `text()`: control characters stripped and wrapped in a
rich.text.Text, so a party named `[bold]X` prints literally. In a plain look (not a terminal, or
NO_COLOR) tables have no box drawing; styles are dropped by the console itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from casetrack.characters import clean
from casetrack.claim_history import ClaimView
from casetrack.dataset import Dataset
from casetrack.dates import DateSpan
from casetrack.entries import Entry
from casetrack.lookup import groups_of
from casetrack.mentions import Citation, SearchHit
from casetrack.models import Case, Filing, Party, Source
from casetrack.output import Look
from casetrack.query import clients_of, roles_of
from casetrack.render import flat
from casetrack.render import wording as w
from casetrack.render.wording import case_name, party_name, record_label

# A header rule in ASCII, for plain output: no box-drawing characters.
PLAIN_HEAD = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)
DATE_WIDTH = 15  # "c. 13 Feb 2025?"
WIDE = 120  # from this width the timeline gives kind and case their own columns
CHUNK = 200  # timeline rows per rendered grid, so long output starts printing at once

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Lines(Text):
    """A rich Text that renders line by line.

    rich renders a Text as one segment holding all its lines, then cuts that segment at each
    newline by copying what is left: time that grows with the square of the number of lines (a
    5 MB note took 7 s to show, 60 MB more than 400 s). Rendered as a segment or two per line,
    any text takes time in proportion to its length. The output is the same.
    """

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        tab_size = console.tab_size if self.tab_size is None else self.tab_size
        lines = self.wrap(
            console,
            options.max_width,
            justify=self.justify or options.justify or "default",
            overflow=self.overflow or options.overflow or "fold",
            tab_size=tab_size or 8,
            no_wrap=bool(self.no_wrap if self.no_wrap is not None else options.no_wrap),
        )
        for i, line in enumerate(lines):
            if i:
                yield Segment.line()
            yield from line.render(console)
        if self.end:
            yield Segment(self.end)

    def blank_copy(self, plain: str = "") -> Text:
        # So that `text("\n").join(...)` renders line by line too.
        copied = Lines(plain, style=self.style, justify=self.justify, overflow=self.overflow)
        copied.no_wrap, copied.end, copied.tab_size = self.no_wrap, self.end, self.tab_size
        return copied


# The most of one piece of text a terminal shows: some 1,200 lines at 80 columns. Laying out
# text costs rich about a second per 2 MB, and nobody reads megabytes in a terminal.
SHOWN = 100_000


def text(value: str | None, style: str = "") -> Text:
    """Data as text: never markup, never control or invisible characters; laid out in time
    proportional to its length, and at most SHOWN characters of it (JSON, CSV and Markdown carry
    it all)."""
    shown = clean(value or "")
    if len(shown) > SHOWN:
        more = len(shown) - SHOWN
        shown = f"{shown[:SHOWN]}… ({more:,} more characters: --format json shows them all)"
    return Lines(shown, style=style)


def heading(title: str, look: Look) -> Text:
    return text(title, "bold underline" if not look.plain else "")


def table(
    look: Look,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    keep: Sequence[str] = ("Id", "Date", "When", "Status"),
) -> Table:
    """A listing: a header and rows of text, boxed lightly in a terminal, plain otherwise.
    Columns named in `keep` are not wrapped (ids and dates read badly broken)."""
    t = Table(
        box=PLAIN_HEAD if look.plain else box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        header_style="" if look.plain else "bold",
        expand=False,
    )
    for name in header:
        t.add_column(name, overflow="fold", no_wrap=name in keep)
    for row in rows:
        t.add_row(*(text(cell) for cell in row))
    return t


def empty(message: str) -> Text:
    return text(message, "italic")


def facts(look: Look, pairs: Iterable[tuple[str, str | None]]) -> Table:
    """A record's facts, a label and its value to a line; labels without a value left out."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim" if not look.plain else "", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in pairs:
        if value:
            grid.add_row(text(label), text(value))
    return grid


# --- timeline ---------------------------------------------------------------------------------


class Footnotes:
    """Numbers sources in order of first citation, for `--sources`."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def mark(self, source_ids: Iterable[str]) -> str:
        nums = [self.numbers.setdefault(s, len(self.numbers) + 1) for s in source_ids]
        return "[" + ",".join(str(n) for n in nums) + "]" if nums else ""

    def render(self, dataset: Dataset, look: Look) -> RenderableType:
        lines = [heading("Sources", look)]
        for sid, n in self.numbers.items():
            s = dataset.sources.get(sid)
            lines.append(text(f"[{n}] {w.source_footnote(s) if s else sid}"))
        return Group(*lines)


def timeline(
    dataset: Dataset,
    entries: Sequence[Entry],
    look: Look,
    footnotes: Footnotes | None = None,
    as_of: dt.date | None = None,
) -> Iterator[RenderableType]:
    """The timeline grouped by year and month, yielded piece by piece so printing can start
    before the whole of a long timeline has been laid out."""
    wide = look.width >= WIDE
    year: int | None = None
    group: list[Entry] = []
    month_key: tuple[int, int | None] | None = None
    for e in entries:
        key = (e.date.start.year, e.date.start.month)
        if key != month_key:
            if group:
                yield from _month(dataset, group, look, wide, footnotes, as_of)
            group = []
            gap = 1
            if key[0] != year:
                gap = 0
                if year is not None:
                    yield text("")
                year = key[0]
                yield text(str(year), "bold reverse" if not look.plain else "")
            yield Padding(text(_month_title(key), "bold"), (gap, 0, 0, 1), expand=False)
            month_key = key
        group.append(e)
    if group:
        yield from _month(dataset, group, look, wide, footnotes, as_of)


def _month_title(key: tuple[int, int | None]) -> str:
    year, month = key
    return f"{MONTHS[month - 1]} {year}" if month else f"{year}, month not known"


def _month(
    dataset: Dataset,
    entries: list[Entry],
    look: Look,
    wide: bool,
    footnotes: Footnotes | None,
    as_of: dt.date | None,
) -> Iterator[RenderableType]:
    widths = (DATE_WIDTH, 26, 22, None) if wide else (DATE_WIDTH, None)
    for start in range(0, len(entries), CHUNK):
        rows: list[tuple[Text, ...]] = []
        for e in entries[start : start + CHUNK]:
            date = text(e.date.display())
            body = entry_body(dataset, e, wide, footnotes, as_of)
            if wide:
                case = text(case_name(dataset, e.case) if e.case else "")
                rows.append((date, text(e.kind, "cyan"), case, body))
            else:
                rows.append((date, body))
        yield Columns(rows, widths)


class Columns:
    """Rows of text cells laid out in fixed-width columns (the last takes the rest), indented,
    with a blank line between rows. Does what a borderless rich Table would, at a fraction of
    the cost: a long timeline is mostly this."""

    INDENT = 2
    GAP = 2

    def __init__(self, rows: list[tuple[Text, ...]], widths: tuple[int | None, ...]) -> None:
        self.rows = rows
        self.widths = widths

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fixed = sum(w or 0 for w in self.widths) + self.GAP * (len(self.widths) - 1)
        rest = max(10, options.max_width - self.INDENT - fixed)
        widths = [w or rest for w in self.widths]
        indent = Segment(" " * self.INDENT)
        for i, row in enumerate(self.rows):
            if i:
                yield Segment.line()
            cells = [
                cell.wrap(console, width, overflow="fold")
                for cell, width in zip(row, widths, strict=True)
            ]
            for j in range(max(len(c) for c in cells)):
                yield indent
                for k, (lines, width) in enumerate(zip(cells, widths, strict=True)):
                    line = lines[j] if j < len(lines) else Text()
                    if k:
                        yield Segment(" " * self.GAP)
                    yield from line.render(console)
                    if k < len(cells) - 1:
                        yield Segment(" " * (width - line.cell_len))
                yield Segment.line()


def entry_body(
    dataset: Dataset,
    e: Entry,
    wide: bool,
    footnotes: Footnotes | None,
    as_of: dt.date | None = None,
) -> Text:
    """Title, then who and what kind, then the marks a reader must not miss: allegation,
    schedule (as it stood on `as_of`), a single outlet's report, sources that differ."""
    body = text("")
    if e.scheduled is not None:
        body.append_text(text("scheduled: ", "green"))
    if e.record == "deadline":
        body.append_text(text("computed deadline: ", "green"))
    body.append_text(text(e.title, "bold"))
    if footnotes is not None and e.sources:
        body.append_text(text(" " + footnotes.mark(e.sources), "dim"))
    meta = [] if wide else [e.kind, *([case_name(dataset, e.case)] if e.case else [])]
    docket = w.ecf_mark(dataset, e)
    if docket:
        meta.insert(0, docket)
    if e.parties:
        meta.append(w.names(dataset, e.parties, limit=4))
    if meta:
        body.append_text(text("\n" + " · ".join(meta), "dim"))
    alleged = w.allegation(dataset, e.alleged_by, e.disputed_by)
    if alleged:
        body.append_text(text("\n" + alleged.upper()[:7] + alleged[7:], "yellow"))
    if e.scheduled is not None:
        s = e.scheduled
        note = f"set {s.set_on.display()}"
        if s.replaced_on is not None and (as_of is None or s.replaced_on.earliest() <= as_of):
            note += f"; replaced {s.replaced_on.display()}"
        if as_of is not None and e.date.latest() < as_of:
            note += "; the date has passed"
        body.append_text(text("\n" + note, "green"))
    if e.record == "deadline" and e.summary:
        body.append_text(text("\n" + e.summary, "green"))  # the count and the rule
    if e.unconfirmed:
        body.append_text(text("\n" + w.unconfirmed(dataset, e.sources), "magenta"))
    for d in e.discrepancies:
        body.append_text(text("\n" + w.differ(d), "cyan"))
    return body


def footer(
    look: Look,
    as_of: dt.date | None,
    latest: DateSpan | None,
    count: str | None = None,
) -> Text:
    """'12 entries · as of 14 Feb 2025', plus the latest source's date when as-of is past it."""
    parts = [count] if count else []
    if as_of is not None:
        parts.append(f"as of {DateSpan.of(as_of).display()}")
        if latest is not None and as_of > latest.latest():
            parts.append(
                f"latest source: {latest.display()}; later developments are not in the data"
            )
    return text(" · ".join(parts), "dim")


# --- party ------------------------------------------------------------------------------------


def party(
    dataset: Dataset,
    p: Party,
    claims: list[tuple[str, ClaimView]],
    look: Look,
) -> list[RenderableType]:
    """Who a party is, their roles and counsel (or clients), and the claims they bring and face.
    The command adds the party's timeline after this."""
    out: list[RenderableType] = []
    title = text(p.name, "bold")
    title.append_text(text(f"  ({p.id}, {p.kind})", "dim"))
    out.append(title)
    lines: list[Text] = []
    if p.description:
        lines.append(text(p.description))
    if p.aliases:
        lines.append(text("also known as: " + ", ".join(p.aliases), "dim"))
    if p.members:
        lines.append(text("members: " + w.names(dataset, p.members)))
    groups = sorted(groups_of(dataset, p.id) - {p.id})
    if groups:
        lines.append(text("member of: " + w.names(dataset, groups)))
    if p.firm:
        lines.append(text("firm: " + party_name(dataset, p.firm)))
    if p.unconfirmed:
        lines.append(text(w.unconfirmed(dataset, p.sources), "magenta"))
    lines.extend(text(w.differ(d), "cyan") for d in p.discrepancies)
    out.extend(lines)

    roles = roles_of(dataset, p.id)
    if roles:
        out.append(text(""))
        out.append(heading("Roles", look))
        out.append(
            table(
                look,
                ["Case", "Role", "Counsel"],
                [
                    [
                        case_name(dataset, r.case),
                        r.role + (f" (as {party_name(dataset, r.via)})" if r.via else ""),
                        w.names(dataset, r.counsel),
                    ]
                    for r in roles
                ],
            )
        )
    clients = clients_of(dataset, p.id)
    if clients:
        out.append(text(""))
        out.append(heading("Represents", look))
        out.append(
            table(
                look,
                ["Case", "Client", "Role"],
                [
                    [
                        case_name(dataset, c.case),
                        party_name(dataset, c.party)
                        + (f" (through {party_name(dataset, c.through)})" if c.through else ""),
                        c.role,
                    ]
                    for c in clients
                ],
            )
        )
    for side, label, other in (
        ("plaintiff", "Claims brought", "Against"),
        ("defendant", "Claims faced", "Brought by"),
    ):
        views = [v for s, v in claims if s == side]
        if views:
            out.append(text(""))
            out.append(heading(f"{label} ({len(views)})", look))
            out.append(
                table(
                    look,
                    ["Claim", "Case", other, "Status"],
                    [
                        [
                            w.claim_title(dataset, v.claim),
                            case_name(dataset, v.claim.case),
                            w.names(
                                dataset,
                                v.claim.defendants if side == "plaintiff" else v.claim.plaintiffs,
                                limit=3,
                            ),
                            w.status_text(v),
                        ]
                        for v in views
                    ],
                )
            )
    return out


def claims(dataset: Dataset, views: list[ClaimView], look: Look) -> list[RenderableType]:
    """Claims grouped by case (the case is a heading, not a column, to leave room at 80
    columns)."""
    out: list[RenderableType] = []
    for case_id in dict.fromkeys(v.claim.case for v in views):
        group = [v for v in views if v.claim.case == case_id]
        if out:
            out.append(text(""))
        c = dataset.cases.get(case_id)
        title = heading(c.caption if c else case_id, look)
        title.append_text(text(f"  ({w.counts_text(group)})", "dim"))
        out.append(title)
        header = ["Claim", "Plaintiffs", "Defendants", "Damages", "Status"]
        rows = [
            [
                w.claim_title(dataset, v.claim),
                w.names(dataset, v.claim.plaintiffs, limit=3),
                w.names(dataset, v.claim.defendants, limit=3),
                v.claim.damages or "",
                w.status_text(v),
            ]
            for v in group
        ]
        if not any(v.claim.damages for v in group):
            header.pop(3)
            rows = [r[:3] + r[4:] for r in rows]
        out.append(table(look, header, rows))
    return out


# --- cases ------------------------------------------------------------------------------------


def case(
    dataset: Dataset,
    c: Case,
    claims: list[ClaimView],
    last: Entry | None,
    following: Entry | None,
    look: Look,
) -> list[RenderableType]:
    """One case: court, docket, judge, parties by role, relations, claims, last and next dates."""
    out: list[RenderableType] = []
    title = text(c.caption, "bold")
    title.append_text(text(f"  ({c.id})", "dim"))
    out.append(title)
    relations = [
        (
            "Relation",
            f"{r.kind} {case_name(dataset, r.case)}" + (f" ({r.date.display()})" if r.date else ""),
        )
        for r in c.relations
    ]
    grid = facts(
        look,
        [
            ("Court", party_name(dataset, c.court) if c.court else None),
            ("Docket", c.docket),
            ("Judge", party_name(dataset, c.judge) if c.judge else None),
            ("Filed", c.filed.display() if c.filed else None),
            ("Claims", w.counts_text(claims)),
            ("Last", w.dated(last) if last else None),
            ("Next", w.dated(following) if following else None),
            *relations,
        ],
    )
    out.append(grid)
    if c.unconfirmed:
        out.append(text(w.unconfirmed(dataset, c.sources), "magenta"))
    out.extend(text(w.differ(d), "cyan") for d in c.discrepancies)
    if c.summary:
        out.append(text(""))
        out.append(text(c.summary))
    if c.parties:
        out.append(text(""))
        out.append(heading("Parties", look))
        out.append(
            table(
                look,
                ["Role", "Party", "Counsel"],
                [
                    [cp.role, party_name(dataset, cp.party), w.names(dataset, cp.counsel)]
                    for cp in c.parties
                ],
            )
        )
    if claims:
        out.append(text(""))
        out.append(heading("Claims", look))
        out.append(
            table(
                look,
                ["Claim", "Plaintiffs", "Defendants", "Status"],
                [
                    [
                        w.claim_title(dataset, v.claim),
                        w.names(dataset, v.claim.plaintiffs, limit=3),
                        w.names(dataset, v.claim.defendants, limit=3),
                        w.status_text(v),
                    ]
                    for v in claims
                ],
            )
        )
    return out


def case_cards(
    dataset: Dataset,
    rows: list[tuple[Case, list[ClaimView], Entry | None, Entry | None]],
    look: Look,
) -> Iterator[RenderableType]:
    """The cases as short cards: name and id, then court, docket and judge, then claims and
    dates. Reads at 80 columns where a seven-column table would not."""
    for i, (c, views, last, following) in enumerate(rows):
        if i:
            yield text("")
        title = text(c.short_name or c.caption, "bold")
        title.append_text(text(f"  [{c.id}]", "dim"))
        yield title
        lines = []
        if c.short_name:
            lines.append(c.caption)
        where = [
            w.short_party(dataset, c.court) if c.court else "",
            c.docket or "",
            f"Judge {party_name(dataset, c.judge)}" if c.judge else "",
        ]
        if any(where):
            lines.append(" · ".join(w for w in where if w))
        lines.append(w.counts_text(views))
        if last is not None:
            lines.append(f"last: {last.date.display()}, {last.title}")
        if following is not None:
            lines.append(f"next: {following.date.display()}, {w.marked_title(following)}")
        for r in c.relations:
            lines.append(f"{w.kind_words(r.kind)} {case_name(dataset, r.case)}")
        body = text("\n").join(text(line) for line in lines)
        if c.unconfirmed:
            body.append_text(text("\n" + w.unconfirmed(dataset, c.sources), "magenta"))
        for d in c.discrepancies:
            body.append_text(text("\n" + w.differ(d), "cyan"))
        yield Padding(body, (0, 0, 0, 2), expand=False)


# --- parties, sources, search -----------------------------------------------------------------


def source_cards(sources: Iterable[Source]) -> Iterator[RenderableType]:
    """Each source as its id and what it is on one line, its title indented below."""
    for s in sources:
        line = text(s.id, "bold")
        what = [s.kind, s.outlet or "", s.published.display() if s.published else "undated"]
        line.append_text(text("  " + " · ".join(w for w in what if w), "dim"))
        yield line
        yield Padding(text(s.title), (0, 0, 0, 2), expand=False)


def source(dataset: Dataset, s: Source, cited: list[Citation], look: Look) -> list[RenderableType]:
    out: list[RenderableType] = [text(s.title, "bold")]
    out.append(
        facts(
            look,
            [
                ("Id", s.id),
                ("Kind", s.kind),
                ("Outlet", s.outlet),
                ("Author", s.author),
                ("Published", s.published.display() if s.published else None),
                ("Date note", s.date_note),
                ("URL", s.url),
                ("File", s.file),
                ("Notes", s.notes),
            ],
        )
    )
    out.append(text(""))
    out.append(heading(f"Cited by ({len(cited)})", look))
    if cited:
        header, rows = flat.cited_display(dataset, cited)
        out.append(table(look, header, rows))
    else:
        out.append(empty("Nothing cites this source."))
    return out


def search(dataset: Dataset, hits: list[SearchHit], look: Look) -> list[RenderableType]:
    """Hits grouped by type: each as its id and title, then where it matched and an excerpt."""
    out: list[RenderableType] = []
    for section in dict.fromkeys(h.section for h in hits):
        group = [h for h in hits if h.section == section]
        if out:
            out.append(text(""))
        out.append(heading(f"{section.capitalize()} ({len(group)})", look))
        for h in group:
            line = text(h.id, "dim")
            line.append_text(text("  " + record_label(dataset, h.id), "bold"))
            out.append(line)
            detail = text(f"in {', '.join(h.fields)}: ", "dim")
            detail.append_text(text(h.excerpt))
            out.append(Padding(detail, (0, 0, 0, 2), expand=False))
    return out


def filing(dataset: Dataset, f: Filing, look: Look) -> list[RenderableType]:
    """One filing in full: date, kind, case, ECF number and thread, who filed it, its summary,
    docket text, documents, sources and notes."""
    title = text(f.title, "bold")
    title.append_text(text(f"  ({f.id})", "dim"))
    documents = [
        (f"Attachment {d.attachment}" if d.attachment else "Document", d.url) for d in f.documents
    ]
    pairs = [
        ("Date", f.date.display()),
        ("Kind", f.kind),
        ("Case", case_name(dataset, f.case) if f.case else None),
        ("Docket", w.ecf_mark(dataset, f, long=True) or None),
        ("Filed by", w.names(dataset, f.filed_by) or None),
        ("Summary", f.summary),
        ("Docket text", f.docket_text),
        *documents,
        ("Sources", ", ".join(f.sources) or None),
        ("Notes", f.notes),
    ]
    return [title, facts(look, pairs)]
