"""Which records `casetrack export sqlite` puts in the database, and the database file itself.

What goes in (README, "Publishing with Datasette", says the same for users):

- `timeline` is the selected entries, exactly those `export json` gives; `filings`, `events`,
  `claim_status_changes` and dated `relations` are the records those entries come from.
- `--case` and `--party` also choose the cases the database is about (with `--party`, those in
  which the party or a group it belongs to has a role); without them, every case. Those cases
  bring their parties and counsel, their undated relations, and their claims raised by the as-of
  day, each with its status on that day (with `--party`, the claims the party brings or faces).
- Every record a row points to is there too, so that every foreign key resolves: the filing an
  allegation is made in, the filing that raised a claim, the filings a filing answers or rules
  on, the claim of a status change, the case on the other side of a relation (as a row of
  `cases` only).
- `parties` holds every party and `sources` every source published by the as-of day, plus
  those cited; with `--case` or `--party`, only those the other tables name or cite.

Nothing that happened after the as-of day is in it: entries, status changes and claims come from
the as-of selection, and a scheduled date's replacement is left out until it has happened.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casetrack import sqlschema
from casetrack.atomic import OutputError, build_atomic
from casetrack.claim_history import claim_known_on, view_claim
from casetrack.dataset import Dataset
from casetrack.entries import Entry
from casetrack.export import sqlite_rows as to
from casetrack.lookup import find_case, find_party, groups_of
from casetrack.models import Claim
from casetrack.sqlschema import TABLES

if TYPE_CHECKING:
    from casetrack.query import TimelineFilter

Rows = dict[str, list[tuple[Any, ...]]]


class SearchUnavailableError(OutputError):
    """This Python's SQLite has no FTS5, which the full-text indexes need."""


@dataclass(frozen=True, slots=True)
class Scope:
    """What the database covers besides the selected entries: the as-of day, and the case and
    the party that --case and --party name."""

    as_of: dt.date | None = None
    case: str | None = None
    parties: frozenset[str] | None = None  # the party and the groups it belongs to

    @classmethod
    def of(cls, dataset: Dataset, flt: TimelineFilter) -> Scope:
        names = dataset.complete  # (a case not yet known on the as-of day is an empty one)
        case = find_case(names, flt.case).id if flt.case else None
        parties = None
        if flt.party:
            parties = frozenset(groups_of(names, find_party(names, flt.party).id))
        return cls(flt.as_of, case, parties)

    @property
    def everything(self) -> bool:
        """Whether neither a case nor a party narrows the database."""
        return self.case is None and self.parties is None

    def cases(self, dataset: Dataset) -> set[str]:
        """The cases the database is about: the one named, or those in which the party (or a
        group it belongs to) has a role, or every case."""
        found = set(dataset.cases) if self.case is None else {self.case}
        if self.parties is not None:
            parties = self.parties
            found = {
                c for c in found if any(cp.party in parties for cp in dataset.cases[c].parties)
            }
        return found

    def claims(self, dataset: Dataset) -> list[Claim]:
        """The claims raised by the as-of day in the case named, or that the party brings or
        faces, or all of them."""
        parties = self.parties
        return [
            c
            for c in dataset.claims.values()
            if (self.case is None or c.case == self.case)
            and (parties is None or not parties.isdisjoint([*c.plaintiffs, *c.defendants]))
            and claim_known_on(dataset, c, self.as_of)
        ]


def build_rows(dataset: Dataset, entries: list[Entry], scope: Scope) -> Rows:
    """Every table's rows, as tuples in column order: the timeline's in its order, the others in
    the dataset's."""
    rows: Rows = {t.name: [] for t in TABLES}

    def add(pairs: Iterable[tuple[str, tuple[Any, ...]]]) -> None:
        for table, row in pairs:
            rows[table].append(row)

    day = scope.as_of
    selected = {e.id: e for e in entries}
    rows["timeline"] = [
        to.timeline(e, n, _docket_text(dataset, e)) for n, e in enumerate(entries, start=1)
    ]
    in_scope = scope.cases(dataset)
    changed = {e.claim for e in entries if e.record == "status-change"}
    chosen = {c.id for c in scope.claims(dataset)} | changed
    claims = [view_claim(dataset, c, day) for c in dataset.claims.values() if c.id in chosen]

    events = [v for v in dataset.events.values() if v.id in selected]
    wanted = {e.id for e in entries if e.record == "filing"}
    wanted.update(v.alleged.filing for v in events if v.alleged and v.alleged.filing)
    wanted.update(view.claim.filing for view in claims if view.claim.filing)
    wanted = _threads(dataset, wanted)
    filings = [f for f in dataset.filings.values() if f.id in wanted]

    for f in filings:
        add(to.filing(f))
    for v in events:
        add(to.event(v, selected[v.id]))
    for view in claims:
        add(to.claim(view))
    for e in entries:
        if e.record == "status-change":
            add(to.status_change(e))
    named = set(in_scope)
    for c in dataset.cases.values():
        for n, rel in enumerate(c.relations, start=1):
            if f"{c.id}~{n}" in selected or (rel.date is None and c.id in in_scope):
                add(to.relation(c, n))
                named.update((c.id, rel.case))
    named.update(e.case for e in entries if e.case)
    named.update(f.case for f in filings if f.case)
    named.update(view.claim.case for view in claims)
    members = {p.id: p.members for p in dataset.parties.values() if p.members}
    for c in dataset.cases.values():
        if c.id in named:
            add(to.case(c))
        if c.id in in_scope:
            add(to.cast(c, members))
    wanted = set(dataset.parties) if scope.everything else _named_parties(dataset, rows)
    for p in dataset.parties.values():
        if p.id in wanted:
            add(to.party(p))
    wanted = {row[0] for row in rows["citations"]}  # source
    if scope.everything:
        wanted.update(dataset.sources)  # (as of a day: those known then, see knowledge.py)
    for s in dataset.sources.values():
        if s.id in wanted:
            add(to.source(s))
    return rows


def _docket_text(dataset: Dataset, e: Entry) -> str | None:
    return dataset.filings[e.id].docket_text if e.record == "filing" else None


def _threads(dataset: Dataset, ids: set[str]) -> set[str]:
    """The filings, every filing they answer or rule on, and so on back."""
    found = set(ids)
    todo = list(ids)
    while todo:
        f = dataset.filings[todo.pop()]
        for other in (*f.responds_to, *f.decides):
            if other not in found:
                found.add(other)
                todo.append(other)
    return found


# The columns of each table that name a party.
_PARTY_COLUMNS = {
    "cases": ("court", "judge"),
    "case_parties": ("party", "via"),
    "case_counsel": ("party", "counsel"),
    "filing_parties": ("party",),
    "event_parties": ("party",),
    "allegation_parties": ("party",),
    "claim_parties": ("party",),
}


def _named_parties(dataset: Dataset, rows: Rows) -> set[str]:
    """The parties the rows name, and the firms and group members those name in turn."""
    tables = {t.name: t for t in TABLES}
    wanted: set[str] = set()
    for name, columns in _PARTY_COLUMNS.items():
        for at in (tables[name].index(c) for c in columns):
            wanted.update(row[at] for row in rows[name] if row[at] is not None)
    more = set(wanted)
    while more:
        named: set[str] = set()
        for pid in more:
            p = dataset.parties[pid]
            named.update(p.members)
            if p.firm:
                named.add(p.firm)
        more = named - wanted
        wanted |= more
    return wanted


def write_database(path: Path, rows: Rows, force: bool = False) -> None:
    """Write the database to `path` atomically (see `casetrack.atomic.build_atomic`)."""

    def build(tmp: Path) -> None:
        connection = sqlite3.connect(tmp, isolation_level=None)
        try:
            # A new file under a temporary name: nothing to roll back to, and the atomic writer
            # syncs the finished file to disk once.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            # Indexes of a large dataset are built faster with room to sort in memory.
            connection.execute("PRAGMA cache_size = -65536")
            connection.execute("PRAGMA temp_store = MEMORY")
            connection.execute("BEGIN")
            sqlschema.create(connection, rows)
            connection.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc):
                raise SearchUnavailableError(
                    f"this Python's SQLite ({sqlite3.sqlite_version}) has no FTS5 full-text "
                    "search, which the database needs"
                ) from None
            raise OutputError(f"cannot write {path}: {exc}") from None
        finally:
            connection.close()

    build_atomic(path, build, force=force)
