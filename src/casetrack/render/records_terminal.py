"""Records in the terminal: a party (who, roles, counsel or clients, claims), the claims by case,
a case in full and the cases as cards, the sources, a source with what cites it, search hits, and
a filing in full."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.console import RenderableType
from rich.text import Text

from casetrack.claim_history import ClaimView
from casetrack.dataset import Dataset
from casetrack.entries import Entry
from casetrack.lookup import groups_of
from casetrack.mentions import Citation, SearchHit
from casetrack.models import Case, Filing, Party, Source
from casetrack.output import Look
from casetrack.query import clients_of, roles_of
from casetrack.render import claim_words as cw
from casetrack.render import wording as w
from casetrack.render.layout_terminal import Indented
from casetrack.render.terminal import empty, facts, heading, table, text
from casetrack.render.wording import case_name, party_name, record_label


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
    lines.extend(text(w.differ(dataset, d), "cyan") for d in p.discrepancies)
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
                            cw.status_text(v),
                        ]
                        for v in views
                    ],
                )
            )
    return out


def claims(dataset: Dataset, views: list[ClaimView], look: Look) -> list[RenderableType]:
    """Claims grouped by case (the case is a heading, not a column, to leave room at 80
    columns). What every claim of a case shares (the same plaintiffs, defendants or damages)
    is said once under the heading instead of in every row."""
    out: list[RenderableType] = []
    by_case: dict[str, list[ClaimView]] = {}
    for v in views:  # grouped in one pass: the claims are read once, however many cases
        by_case.setdefault(v.claim.case, []).append(v)
    for case_id, group in by_case.items():
        if out:
            out.append(text(""))
        c = dataset.cases.get(case_id)
        title = heading(c.caption if c else case_id, look)
        title.append_text(text(f"  ({cw.counts_text(group)})", "dim"))
        out.append(title)
        columns = {
            "Plaintiffs": [w.names(dataset, v.claim.plaintiffs, limit=3) for v in group],
            "Defendants": [w.names(dataset, v.claim.defendants, limit=3) for v in group],
            "Damages": [v.claim.damages or "" for v in group],
        }
        shared = [
            name for name, cells in columns.items() if len(group) > 1 and len(set(cells)) == 1
        ]
        first = group[0].claim
        full = {
            "Plaintiffs": w.names(dataset, first.plaintiffs),
            "Defendants": w.names(dataset, first.defendants),
            "Damages": first.damages,
        }
        said = [(name, full[name]) for name in shared]
        if any(value for _, value in said):
            out.append(facts(look, said))
        header = ["Claim", *(n for n, cells in columns.items() if n not in shared and any(cells))]
        rows = [
            [
                w.claim_title(dataset, v.claim),
                *(columns[n][i] for n in header[1:]),
                cw.status_text(v),
            ]
            for i, v in enumerate(group)
        ]
        out.append(table(look, [*header, "Status"], rows))
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
    relations = [("Relation", w.relation_words(dataset, r, dated=True)) for r in c.relations]
    grid = facts(
        look,
        [
            ("Court", party_name(dataset, c.court) if c.court else None),
            ("Docket", c.docket),
            ("Judge", party_name(dataset, c.judge) if c.judge else None),
            ("Filed", c.filed.display() if c.filed else None),
            ("Claims", cw.counts_text(claims)),
            ("Last", w.dated(dataset, last) if last else None),
            ("Next", w.dated(dataset, following) if following else None),
            *relations,
        ],
    )
    out.append(grid)
    if c.unconfirmed:
        out.append(text(w.unconfirmed(dataset, c.sources), "magenta"))
    out.extend(text(w.differ(dataset, d), "cyan") for d in c.discrepancies)
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
                        cw.status_text(v),
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
        lines.append(cw.counts_text(views))
        if last is not None:
            lines.append(f"last: {w.dated(dataset, last, ', ')}")
        if following is not None:
            lines.append(f"next: {w.dated(dataset, following, ', ')}")
        for r in c.relations:
            lines.append(w.relation_words(dataset, r))
        body = text("\n").join(text(line) for line in lines)
        if c.unconfirmed:
            body.append_text(text("\n" + w.unconfirmed(dataset, c.sources), "magenta"))
        for d in c.discrepancies:
            body.append_text(text("\n" + w.differ(dataset, d), "cyan"))
        yield Indented(body)


# --- parties, sources, search -----------------------------------------------------------------

SECTION_TITLES = {
    "parties": "Parties",
    "cases": "Cases",
    "filings": "Filings",
    "claims": "Claims",
    "events": "Events",
    "deadlines": "Deadlines",
    "sources": "Sources",
}


def source_cards(sources: Iterable[Source]) -> Iterator[RenderableType]:
    """Each source as its outlet, date and kind, its title, and its address (where one is
    known), then its id: what a reader needs to go and check it."""
    for s in sources:
        line = text(s.outlet or s.title, "bold")
        when = s.published.display() if s.published else None
        if when is None:
            when = f"retrieved {s.retrieved.display()}" if s.retrieved else "undated"
        what = [when, s.kind]
        line.append_text(text("  " + " · ".join(what), "dim"))
        yield line
        lines = [text(s.title)] if s.outlet else []
        if s.url:
            lines.append(text(s.url, "blue"))
        lines.append(text(s.id, "dim"))
        yield Indented(text("\n").join(lines))


def source(dataset: Dataset, s: Source, cited: list[Citation], look: Look) -> list[RenderableType]:
    """A source in full, without the name of its local copy (`--format json` has it), and
    every record that cites it, by type."""
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
                ("Retrieved", s.retrieved.display() if s.retrieved else None),
                ("Notes", s.notes),
            ],
        )
    )
    out.append(text(""))
    records = len(dict.fromkeys((c.section, c.id) for c in cited))
    out.append(heading(f"Cited by ({records})", look))
    if not cited:
        out.append(empty("Nothing cites this source."))
    for section in dict.fromkeys(c.section for c in cited):
        group: dict[str, list[Citation]] = {}
        for c in cited:
            if c.section == section:
                group.setdefault(c.id, []).append(c)
        out.append(text(f"{SECTION_TITLES[section]} ({len(group)})", "bold"))
        for rid, places in group.items():
            body = text(record_label(dataset, rid))
            filing = dataset.filings.get(rid) if section == "filings" else None
            if filing is not None and filing.docket_entry is not None:
                body.append_text(text(f" ({w.ecf(filing.docket_entry)})"))
            where = [p.shown for p in places if p.shown]
            roles = [p[len("role of ") :] for p in where if p.startswith("role of ")]
            if len(roles) > 1:
                where = [p for p in where if not p.startswith("role of ")]
                where.insert(0, f"roles of {w.join_names(roles)}")
            out.append(Indented(body, 2))
            out.append(Indented(text(" · ".join([rid, *where]), "dim"), 4))
    return out


def search(dataset: Dataset, hits: list[SearchHit], look: Look) -> list[RenderableType]:
    """Hits grouped by type: each as its date and title, then its id and where it matched, then
    the match in context (in bold in a terminal)."""
    out: list[RenderableType] = []
    for section in dict.fromkeys(h.section for h in hits):
        group = [h for h in hits if h.section == section]
        if out:
            out.append(text(""))
        out.append(heading(f"{section.capitalize()} ({len(group)})", look))
        for h in group:
            line = text(f"{h.date.display()}  " if h.date else "")
            line.append_text(text(record_label(dataset, h.id), "bold"))
            filing = dataset.filings.get(h.id)
            if filing is not None and w.ecf_mark(dataset, filing):
                line.append_text(text(f" ({w.ecf_mark(dataset, filing)})", "dim"))
            out.append(line)
            where = text(f"{h.id} · matched in {', '.join(h.fields)}", "dim")
            if h.excerpt != record_label(dataset, h.id):  # the title itself is not repeated
                excerpt = text(h.excerpt)
                if h.match is not None:
                    excerpt.stylize("bold", *h.match)
                where = text("\n").join([where, excerpt])
            out.append(Indented(where))
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
