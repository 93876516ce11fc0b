"""casetrack's data as SQLite tables: every table and column, its keys and what it means.

One definition, written as data, serves every use: `casetrack export sqlite` creates the tables and
the Datasette metadata from it, and anything else that keeps casetrack's data in SQLite (an index
of the dataset cache, say) can create the same tables with `create_statements()`. Standard library
only, so it costs nothing to import.

The layout follows the `*-to-sqlite` tools (github-to-sqlite and the Dogsheep family): plural
table names; casetrack ids as primary keys; a column that points to another table's row is named
after the singular thing it points to (`case`, `party`, `filing`), declared as a foreign key and
indexed; a many-to-many link is a table of its own (`claim_parties`, `filing_parties`, ...). Dates
are ISO 8601 at their own precision, as in the JSON output; rows that come from the timeline add
`earliest` and `latest`, the first and last day the date can mean, as ISO days to sort and filter
on. Booleans are 0 or 1; lists of ids are JSON arrays.

`case`, `group`, `end` and `between` are column names that SQL also uses as words: write them in
quotes in a query (`"case"`, `"between"`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Raised whenever a table or column changes meaning, so that a reader can tell (PRAGMA user_version).
# 2: `between` beside each date (one day within a range, not a span), open ends as null, and
# the timeline's `known_since`.
SCHEMA_VERSION = 2

FACT_OR_ALLEGATION = (
    "'fact' or 'alleged'. 'alleged' marks an allegation: what one side says happened, not an "
    "established fact (who alleges it, where, and who denies it are in the allegations table)."
)


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, SQLite type, meaning, and the table its values point to, if any."""

    name: str
    type: str
    description: str
    references: str | None = None
    not_null: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """One table, with what Datasette should know about it."""

    name: str
    description: str
    columns: tuple[Column, ...]
    pk: tuple[str, ...] = ()  # empty: the table is keyed by SQLite's rowid
    label: str | None = None  # the column Datasette shows for a row that another row points to
    search: tuple[str, ...] = ()  # columns of its full-text index, `<name>_fts`
    sort: str | None = None
    facets: tuple[str, ...] = ()

    def index(self, name: str) -> int:
        """Where a column is in the table's rows."""
        return [c.name for c in self.columns].index(name)

    @property
    def fts(self) -> str:
        return f"{self.name}_fts"


def _text(name: str, description: str, references: str | None = None) -> Column:
    return Column(name, "TEXT", description, references)


def _flag(name: str, description: str) -> Column:
    return Column(name, "INTEGER", description, not_null=True)


def _id(description: str) -> Column:
    return Column("id", "TEXT", description, not_null=True)


def _dated(what: str) -> tuple[Column, ...]:
    """The date of a timeline record, as in the JSON output, with its bounds as ISO days."""
    return (
        _text(
            "date",
            f"When {what}: ISO 8601 at its own precision (2024, 2024-12, 2024-12-20); for an "
            "interval or a range, its first bound (null when open).",
        ),
        _flag("approximate", "1 when the date is approximate (about then)."),
        _flag("uncertain", "1 when the date is uncertain (perhaps then)."),
        _text(
            "end",
            "The last bound of an interval or a range, at its own precision; null for a single "
            "date or an open end.",
        ),
        _flag(
            "between",
            "1 when the date is one day, not known, between date and end (EDTF's one of a set): "
            "it happened once, not over that time.",
        ),
        _text("date_note", "How an inferred date was worked out."),
        _text(
            "earliest",
            "The first day the date can mean (ISO day), to sort and filter on; null when open.",
        ),
        _text(
            "latest",
            "The last day the date can mean (ISO day), to sort and filter on; null when open.",
        ),
    )


def _about(what: str) -> tuple[Column, ...]:
    return (
        _text("notes", f"Free notes on the {what}, by whoever keeps the data."),
        _flag("unconfirmed", "1 when only one outlet reports it and nothing else confirms it."),
    )


def _polymorphic(verb: str, kinds: str) -> tuple[Column, ...]:
    """A reference to a record of any kind: its type and id, and a link column per kind."""
    return (
        _text("record_type", f"The kind of record that {verb}: {kinds}."),
        _text("record", f"The id of the record that {verb}."),
        _text("party", f"The party that {verb}, when it is a party.", "parties"),
        _text("case", f"The case that {verb}, when it is a case.", "cases"),
        _text("filing", f"The filing that {verb}, when it is a filing.", "filings"),
        _text("claim", f"The claim that {verb}, when it is a claim.", "claims"),
        _text("event", f"The event that {verb}, when it is an event.", "events"),
    )


SCHEDULED = (
    _text("scheduled_set_on", "For a scheduled date (a hearing, a trial): when it was set."),
    _text("scheduled_set_by", "The id of the order (filing) or event that set it."),
    _text(
        "scheduled_replaced_on",
        "When the date was vacated or moved, if that had happened by the as-of day.",
    ),
    _text("scheduled_replaced_by", "The id of the event that replaced it, if any."),
)

CASES = Table(
    "cases",
    "The lawsuits and proceedings.",
    (
        _id("The case's casetrack id."),
        _text("name", "What people call the case: its short name, else its caption."),
        _text("caption", "The full caption."),
        _text("short_name", "The short name, if any."),
        _text("court", "The court (a party of kind 'court').", "parties"),
        _text("docket", "The docket or case number, as the court writes it."),
        _text("judge", "The presiding judge (a party).", "parties"),
        _text("filed", "When the case was filed, at its own precision."),
        _text("date_note", "How the filing date was worked out."),
        _text("terminated", "When the case was terminated (closed), if it was."),
        _text("nature_of_suit", "The nature of suit, as the docket gives it."),
        _text("cause", "The cause of action, as the docket gives it ('28:1332 Diversity')."),
        _text("summary", "What the case is about."),
        *_about("case"),
    ),
    pk=("id",),
    label="name",
)

PARTIES = Table(
    "parties",
    "People and organisations: parties, courts, judges, counsel, law firms, outlets. Their roles "
    "are in case_parties.",
    (
        _id("The party's casetrack id."),
        _text("name", "Full name."),
        _text("kind", "person, company, organisation, court, judge, counsel, law-firm, ..."),
        _text("description", "Who they are, in a line."),
        _text("aliases", "Short names people use (a JSON array)."),
        _text("firm", "For counsel: their law firm.", "parties"),
        *_about("party"),
    ),
    pk=("id",),
    label="name",
    facets=("kind",),
)

GROUP_MEMBERS = Table(
    "group_members",
    "Who belongs to a group of parties (such as 'the Wayfarer parties'). What a group files or "
    "faces counts for each member.",
    (
        _text("group", "The group (a party of kind 'group').", "parties"),
        _text("member", "A member of the group.", "parties"),
    ),
    pk=("group", "member"),
)

CASE_PARTIES = Table(
    "case_parties",
    "Each party's role in each case. A member of a group that has a role holds it too, through "
    "the group: that row names the group in `via`.",
    (
        _text("case", "The case.", "cases"),
        _text("party", "The party.", "parties"),
        _text("role", "plaintiff, defendant, counter-plaintiff, intervenor, ..."),
        _text(
            "via", "The group through which the party holds the role; null for its own.", "parties"
        ),
        _text("note", "Anything worth knowing about this role."),
    ),
    facets=("role",),
)

CASE_COUNSEL = Table(
    "case_counsel",
    "Who represents whom: one row per lawyer or firm acting for a party in a case, as the data "
    "gives it (a group's counsel acts for the group).",
    (
        _text("case", "The case.", "cases"),
        _text("party", "The party represented.", "parties"),
        _text("role", "The party's role in the case."),
        _text("counsel", "The lawyer or law firm (a party).", "parties"),
    ),
)

RELATIONS = Table(
    "relations",
    "How one case relates to another: consolidated with it, a countersuit to it, an appeal of it.",
    (
        _id("The case's id, '~' and the relation's number in that case: the timeline's id for it."),
        _text("case", "The case the relation is recorded on.", "cases"),
        _text("kind", "consolidated-with, related-to, countersuit-to, appeal-of, ..."),
        _text("other_case", "The case it relates to.", "cases"),
        *_dated("the relation arose (null when no source dates it)"),
        _text("note", "A few words on the relation."),
    ),
    pk=("id",),
    facets=("kind",),
)

FILINGS = Table(
    "filings",
    "Documents filed or issued in a case: complaints, motions, letters, orders, judgments. That a "
    "document was filed is a fact; what it says is its author's case.",
    (
        _id("The filing's casetrack id."),
        _text("case", "The case it was filed in; null for none (a subpoena, ...).", "cases"),
        _text("kind", "complaint, motion, letter, order, ..."),
        _text("title", "A short title."),
        _text("summary", "What it says, in neutral words."),
        *_dated("it was filed or issued"),
        Column("docket_entry", "INTEGER", "The docket entry (ECF) number, where known."),
        _text("docket_text", "The docket entry's text, as the court wrote it."),
        *_about("filing"),
    ),
    pk=("id",),
    label="title",
    search=("title", "summary", "notes", "date_note", "docket_text"),
    sort="earliest",
    facets=("kind", "case"),
)

FILING_REFERENCES = Table(
    "filing_references",
    "Threads of filings: what each filing answers or refers to ('re: 13'), and the motions an "
    "order rules on ('granting 45').",
    (
        _text("filing", "The filing.", "filings"),
        _text("refers_to", "The filing it answers, refers to or rules on.", "filings"),
        _text("kind", "'responds-to', or 'decides' for an order ruling on a motion."),
    ),
    pk=("filing", "refers_to", "kind"),
)

DOCUMENTS = Table(
    "documents",
    "Links to the documents of docket entries: the main document and its attachments.",
    (
        _text("filing", "The filing (docket entry).", "filings"),
        Column("attachment", "INTEGER", "The attachment number; null for the main document."),
        _text("description", "What the document is, as the docket says."),
        _text("url", "Where to read it (CourtListener, PACER, ...)."),
    ),
)

FILING_PARTIES = Table(
    "filing_parties",
    "Who filed each filing (or, for an order, the judge who issued it).",
    (
        _text("filing", "The filing.", "filings"),
        _text("party", "A party who filed it.", "parties"),
    ),
    pk=("filing", "party"),
)

EVENTS = Table(
    "events",
    "Everything else with a date: hearings, conferences, rulings, releases, statements, and "
    "what one side alleges happened (status 'alleged').",
    (
        _id("The event's casetrack id."),
        _text("case", "The case it belongs to, if any.", "cases"),
        _text("kind", "hearing, conference, ruling, trial, deadline, statement, other, ..."),
        _text("title", "A short title."),
        _text("summary", "What happened, or what is alleged to have happened, in neutral words."),
        *_dated("it happened, or is scheduled to happen"),
        _text("status", FACT_OR_ALLEGATION),
        _text("alleged_in", "For an allegation: the filing that makes it.", "filings"),
        *SCHEDULED,
        *_about("event"),
    ),
    pk=("id",),
    label="title",
    search=("title", "summary", "notes", "date_note"),
    sort="earliest",
    facets=("status", "kind", "case"),
)

EVENT_PARTIES = Table(
    "event_parties",
    "The parties involved in each event.",
    (
        _text("event", "The event.", "events"),
        _text("party", "A party involved.", "parties"),
    ),
    pk=("event", "party"),
)

ALLEGATIONS = Table(
    "allegations",
    "Every allegation: an event that one side says happened, with the filing that alleges it. "
    "Who alleges it and who denies it are in allegation_parties. None of these is an "
    "established fact.",
    (
        _text("event", "The event alleged.", "events"),
        _text("title", "What is alleged: the event's title."),
        _text("case", "The case it belongs to, if any.", "cases"),
        _text("filing", "The filing in which it is alleged, if known.", "filings"),
        _text("note", "How it is alleged or denied, in a few words."),
    ),
    pk=("event",),
    label="title",
)

ALLEGATION_PARTIES = Table(
    "allegation_parties",
    "Who makes each allegation ('alleges') and who denies or disputes it ('denies').",
    (
        _text("allegation", "The allegation (by its event).", "allegations"),
        _text("party", "The party.", "parties"),
        _text("side", "'alleges' or 'denies'."),
    ),
    pk=("allegation", "party", "side"),
    facets=("side",),
)

CLAIMS = Table(
    "claims",
    "Causes of action: what each claim's plaintiffs say their defendants are liable for, and its "
    "status on the as-of day. A claim is its plaintiffs' allegation until a court decides it.",
    (
        _id("The claim's casetrack id."),
        _text("case", "The case it is brought in.", "cases"),
        _text("title", "The cause of action: 'Defamation', 'Breach of contract'."),
        _text("status", "Its status on the as-of day: pending, dismissed, withdrawn, settled, ..."),
        _text("status_date", "When it took that status; null while it has always been pending."),
        _text("status_by", "The id of the filing or event that changed its status."),
        _text("damages", "Damages or relief sought, as the source says."),
        _text("raised", "When it was raised: its own date, else the date of its filing."),
        _text("filing", "The filing that raised it.", "filings"),
        _text("summary", "What the claim says, in neutral words."),
        *_about("claim"),
    ),
    pk=("id",),
    label="title",
    facets=("status", "case"),
)

CLAIM_PARTIES = Table(
    "claim_parties",
    "Who brings each claim ('plaintiff') and whom it is brought against ('defendant').",
    (
        _text("claim", "The claim.", "claims"),
        _text("party", "The party.", "parties"),
        _text("side", "'plaintiff' or 'defendant'."),
    ),
    pk=("claim", "party", "side"),
    facets=("side",),
)

CLAIM_STATUS_CHANGES = Table(
    "claim_status_changes",
    "Each dated change in a claim's status (dismissed, withdrawn, settled, ...), up to the "
    "as-of day.",
    (
        _id("The claim's id, '@', the date and the status: the timeline's id for it."),
        _text("claim", "The claim.", "claims"),
        _text("status", "The claim's status from this date on."),
        *_dated("the status changed"),
        _text("by", "The id of the filing or event that made the change."),
        _text("note", "A few words on the change."),
    ),
    pk=("id",),
    sort="earliest",
    facets=("status",),
)

SOURCES = Table(
    "sources",
    "Where the facts come from: news reports, court filings and orders, dockets, statements. "
    "Which record cites which source is in citations.",
    (
        _id("The source's casetrack id."),
        _text("kind", "news-report, court-filing, court-order, docket, statement, ..."),
        _text("title", "Its title or headline."),
        _text("outlet", "Publisher, outlet or court."),
        _text("author", "Author, where known."),
        _text("published", "When it was published, at its own precision."),
        _text("retrieved", "For a docket or web page: the day this copy was retrieved."),
        _text("date_note", "How the publication date was worked out, when it is inferred."),
        _text("url", "Where to read it."),
        _text("file", "A local copy, relative to the dataset folder."),
        _text("notes", "Free notes on the source."),
    ),
    pk=("id",),
    label="title",
    search=("title", "outlet", "author", "notes"),
    facets=("kind", "outlet"),
)

CITATIONS = Table(
    "citations",
    "Which record cites which source: one row per source a record names, including the sources "
    "of a party's role in a case and of each version of a disputed detail.",
    (
        _text("source", "The source cited.", "sources"),
        *_polymorphic("cites it", "party, case, filing, claim, event, status-change or relation"),
        _text(
            "claim_status_change",
            "The claim status change that cites it, when it is one.",
            "claim_status_changes",
        ),
        _text("relation", "The case relation that cites it, when it is one.", "relations"),
        _text(
            "via",
            "Where in the record: 'role of <party>', 'sources differ: <detail>'; "
            "null for the record's own sources.",
        ),
    ),
    facets=("record_type",),
)

DISCREPANCIES = Table(
    "discrepancies",
    "Details on which the sources disagree: one row per version, with the sources that give it.",
    (
        *_polymorphic("the detail belongs to", "party, case, filing, claim or event"),
        _text("about", "What the sources disagree about."),
        Column("account", "INTEGER", "The version's number (1, 2, ...) for this detail."),
        _text("says", "What this version says."),
        _text("sources", "The ids of the sources that give this version (a JSON array)."),
    ),
)

TIMELINE = Table(
    "timeline",
    "Every dated entry in chronological order (sorted by position): filings, events, claim "
    "status changes and dated relations between cases, with the same fields as casetrack's JSON "
    "timeline. Allegations are rows with status 'alleged'.",
    (
        _id(
            "The record's id: a filing's or event's id, '<claim>@<date>-<status>' for a claim "
            "status change, '<case>~<n>' for a relation."
        ),
        _text("record", "filing, event, status-change or relation: the table the row comes from."),
        _text("kind", "The filing or event kind, claim-<status>, or the relation's kind."),
        *_dated("it happened"),
        _text("title", "The entry's title."),
        _text("summary", "What happened (or is alleged), in neutral words."),
        _text("case", "The case, if any.", "cases"),
        _text("parties", "The ids of the parties involved (a JSON array)."),
        _text("sources", "The ids of its sources (a JSON array)."),
        _text("status", FACT_OR_ALLEGATION),
        _text("alleged_by", "For an allegation: the ids of the parties who allege it (JSON)."),
        _text("alleged_in", "For an allegation: the filing that makes it.", "filings"),
        _text("disputed_by", "For an allegation: the ids of the parties who deny it (JSON)."),
        _flag("unconfirmed", "1 when only one outlet reports it and nothing else confirms it."),
        _text(
            "discrepancies",
            "Details the sources disagree on (JSON: [{about, accounts: [{says, sources}]}]).",
        ),
        *SCHEDULED,
        _text("claim", "For a claim status change: the claim.", "claims"),
        Column("docket_entry", "INTEGER", "For a filing: its docket entry (ECF) number."),
        _text("responds_to", "For a filing: the ids of the filings it answers (JSON)."),
        _text("decides", "For an order: the ids of the motions it rules on (JSON)."),
        Column(
            "position",
            "INTEGER",
            "The entry's place in casetrack's chronological order (1 is the first).",
            not_null=True,
        ),
        _text("notes", "Free notes on the record, by whoever keeps the data."),
        _text("docket_text", "For a filing: the docket entry's text, as the court wrote it."),
        _text("edtf", "The date as the data writes it, in EDTF ([2024-12-31..2025-01-30], ...)."),
        _text(
            "known_since",
            "Since when it is known (ISO day): the earliest public source, the day it was filed, "
            "the filing that alleges it, ...; null when nothing in the data dates it.",
        ),
        _text(
            "group",
            "For a claim status change that one filing made alike to other claims of the case on "
            "the same day: the id of the one line `casetrack timeline` shows them as.",
        ),
    ),
    pk=("id",),
    label="title",
    search=("title", "summary", "notes", "date_note", "docket_text"),
    sort="position",
    facets=("kind", "status", "case"),
)

TABLES: tuple[Table, ...] = (
    CASES,
    PARTIES,
    GROUP_MEMBERS,
    CASE_PARTIES,
    CASE_COUNSEL,
    RELATIONS,
    FILINGS,
    FILING_PARTIES,
    FILING_REFERENCES,
    DOCUMENTS,
    EVENTS,
    EVENT_PARTIES,
    ALLEGATIONS,
    ALLEGATION_PARTIES,
    CLAIMS,
    CLAIM_PARTIES,
    CLAIM_STATUS_CHANGES,
    SOURCES,
    CITATIONS,
    DISCREPANCIES,
    TIMELINE,
)

# Indexes beyond the primary and foreign keys: what a reader sorts the big tables by.
INDEXES: dict[str, tuple[str, ...]] = {
    "timeline": ("position", "earliest", "kind"),
    "filings": ("earliest",),
    "events": ("earliest",),
}


def quote(name: str) -> str:
    """An identifier quoted for SQL (`case` is an SQL word)."""
    return '"' + name.replace('"', '""') + '"'


def create_statements(tables: tuple[Table, ...] = TABLES) -> list[str]:
    """CREATE TABLE for each table, with its primary and foreign keys."""
    statements = []
    for table in tables:
        lines = []
        single_pk = table.pk[0] if len(table.pk) == 1 else None
        for c in table.columns:
            line = f"{quote(c.name)} {c.type}"
            if c.name == single_pk:
                line += " PRIMARY KEY"
            if c.not_null:
                line += " NOT NULL"
            if c.references:
                line += f" REFERENCES {quote(c.references)}({quote(_pk_of(c.references))})"
            lines.append(line)
        if len(table.pk) > 1:
            lines.append(f"PRIMARY KEY ({', '.join(quote(k) for k in table.pk)})")
        body = ",\n   ".join(lines)
        statements.append(f"CREATE TABLE {quote(table.name)} (\n   {body}\n)")
    return statements


def index_statements(tables: tuple[Table, ...] = TABLES) -> list[str]:
    """An index on every foreign-key column (but the first of a primary key, which has one), and
    on the columns in INDEXES. A foreign key's index leaves out its nulls: `citations` has a
    column per kind of record, each null in most rows, and a query for a value never asks for
    null."""
    statements = []
    for table in tables:
        for c in table.columns:
            if (
                c.name in INDEXES.get(table.name, ())
                or not c.references
                or table.pk[:1] == (c.name,)
            ):
                continue
            statements.append(
                f"CREATE INDEX {quote(f'idx_{table.name}_{c.name}')} ON {quote(table.name)} "
                f"({quote(c.name)}) WHERE {quote(c.name)} IS NOT NULL"
            )
        for name in INDEXES.get(table.name, ()):
            statements.append(
                f"CREATE INDEX {quote(f'idx_{table.name}_{name}')} ON {quote(table.name)} "
                f"({quote(name)})"
            )
    return statements


def search_statements(tables: tuple[Table, ...] = TABLES) -> list[str]:
    """A full-text index (FTS5, external content, so the text is stored once) for each table
    with `search` columns, filled from the table. Datasette finds it by its `content=` table."""
    statements = []
    for table in tables:
        if not table.search:
            continue
        columns = ", ".join(quote(c) for c in table.search)
        statements.append(
            f"CREATE VIRTUAL TABLE {quote(table.fts)} USING FTS5 ({columns}, "
            f"content={quote(table.name)}, tokenize='porter unicode61 remove_diacritics 2')"
        )
        statements.append(
            f"INSERT INTO {quote(table.fts)} (rowid, {columns}) "
            f"SELECT rowid, {columns} FROM {quote(table.name)}"
        )
    return statements


def insert_statement(table: Table) -> str:
    """INSERT for one row of the table, its values in column order."""
    names = ", ".join(quote(c.name) for c in table.columns)
    marks = ", ".join("?" for _ in table.columns)
    return f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"


def create(connection: sqlite3.Connection, rows: Mapping[str, Iterable[Sequence[Any]]]) -> None:
    """Create every table in an empty database and fill it: the rows first, then the indexes and
    full-text indexes, which build faster over rows already there. The caller owns the
    transaction."""
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    for statement in create_statements():
        connection.execute(statement)
    for table in TABLES:
        connection.executemany(insert_statement(table), rows.get(table.name, ()))
    for statement in (*index_statements(), *search_statements()):
        connection.execute(statement)


def _pk_of(name: str) -> str:
    table = next(t for t in TABLES if t.name == name)
    return table.pk[0]
