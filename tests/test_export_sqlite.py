"""`casetrack export sqlite`: the database as a reader opens it with the sqlite3 module.

The bundled dataset, exported as of a fixed day, is checked against casetrack's own JSON output
(the same entries, claims, cases, parties and sources); the small export dataset checks dates,
the as-of day, the filters and the errors. Datasette itself reads the database in
test_datasette.py.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from casetrack import sqlschema
from casetrack.options import bundled_data_dir
from casetrack.sqlschema import TABLES
from cli_helpers import run
from export_dataset import write_dataset

AS_OF = "2026-01-01"


def export(
    tmp: Path, *args: str | Path, data: Path | None = None, env: dict[str, str] | None = None
) -> Path:
    """Export into tmp/case.db and return its path."""
    db = tmp / "case.db"
    data = data or bundled_data_dir()
    result = run("export", "sqlite", "--data", data, "-o", db, "--as-of", AS_OF, *args, env=env)
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    # Module-scoped, so before the per-test private cache: give it its own.
    cache = {"CASETRACK_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    db = export(tmp_path_factory.mktemp("bundled"), env=cache)
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def json_of(*args: str) -> Any:
    result = run(*args, "--data", bundled_data_dir())
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def count(db: sqlite3.Connection, table: str, where: str = "1") -> int:
    result: int = db.execute(f'SELECT count(*) FROM "{table}" WHERE {where}').fetchone()[0]
    return result


def column(db: sqlite3.Connection, sql: str) -> list[Any]:
    return [row[0] for row in db.execute(sql)]


def test_the_tables_follow_the_to_sqlite_conventions(bundled: sqlite3.Connection) -> None:
    tables = column(
        bundled, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%'"
    )
    assert sorted(tables) == sorted(
        [
            "allegation_parties",
            "allegations",
            "case_counsel",
            "case_parties",
            "cases",
            "citations",
            "claim_parties",
            "claim_status_changes",
            "claims",
            "discrepancies",
            "documents",
            "event_parties",
            "events",
            "filing_parties",
            "filing_references",
            "filings",
            "group_members",
            "parties",
            "relations",
            "sources",
            "timeline",
        ]
    )
    for table in TABLES:
        info = bundled.execute(f'PRAGMA table_info("{table.name}")').fetchall()
        assert [r["name"] for r in info] == [c.name for c in table.columns]
        pk = [r["name"] for r in sorted(info, key=lambda r: r["pk"]) if r["pk"]]
        assert tuple(pk) == table.pk, table.name
    # casetrack ids are the primary keys; foreign keys are named after what they point to.
    assert {
        r["pk"] for r in bundled.execute('PRAGMA table_info("filings")') if r["name"] == "id"
    } == {1}
    fks = {
        (r["from"], r["table"], r["to"])
        for r in bundled.execute("PRAGMA foreign_key_list(timeline)")
    }
    assert fks == {
        ("case", "cases", "id"),
        ("alleged_in", "filings", "id"),
        ("claim", "claims", "id"),
    }
    fks = {
        (r["from"], r["table"], r["to"])
        for r in bundled.execute("PRAGMA foreign_key_list(claim_parties)")
    }
    assert fks == {("claim", "claims", "id"), ("party", "parties", "id")}
    fks = {
        (r["from"], r["table"]) for r in bundled.execute("PRAGMA foreign_key_list(case_counsel)")
    }
    assert fks == {("case", "cases"), ("party", "parties"), ("counsel", "parties")}


def test_every_foreign_key_is_indexed(bundled: sqlite3.Connection) -> None:
    for table in TABLES:
        leading = set(table.pk[:1])
        for index in bundled.execute(f'PRAGMA index_list("{table.name}")'):
            first = bundled.execute(f'PRAGMA index_info("{index["name"]}")').fetchone()
            leading.add(first["name"])
        keys = {r["from"] for r in bundled.execute(f'PRAGMA foreign_key_list("{table.name}")')}
        assert keys <= leading, (table.name, keys - leading)


def test_every_foreign_key_resolves(bundled: sqlite3.Connection) -> None:
    assert bundled.execute("PRAGMA foreign_key_check").fetchall() == []
    # ... and there are links to check.
    assert count(bundled, "timeline", "alleged_in IS NOT NULL") == 7
    assert count(bundled, "citations", "filing IS NOT NULL") > 22


def test_row_counts_equal_the_json_outputs(bundled: sqlite3.Connection) -> None:
    timeline = json_of("timeline", "--format", "json", "--as-of", AS_OF)
    records = Counter(e["record"] for e in timeline)
    claims = json_of("claims", "--format", "json", "--as-of", AS_OF)
    cases = json_of("cases", "--format", "json", "--as-of", AS_OF)
    parties = json_of("parties", "--format", "json")
    sources = json_of("sources", "--format", "json", "--as-of", AS_OF)
    expected = {
        "timeline": len(timeline),
        "filings": records["filing"],
        "events": records["event"],
        "claim_status_changes": records["status-change"],
        "allegations": sum(e["status"] == "alleged" for e in timeline),
        "claims": len(claims),
        "claim_parties": sum(len(set(c["plaintiffs"])) + len(set(c["defendants"])) for c in claims),
        "cases": len(cases),
        "relations": sum(len(c["relations"]) for c in cases),
        "case_counsel": sum(len(cp["counsel"]) for c in cases for cp in c["parties"]),
        "parties": len(parties),
        "case_parties": sum(len(p["roles"]) for p in parties),
        "sources": len(sources),
    }
    assert {table: count(bundled, table) for table in expected} == expected
    assert expected["timeline"] == 68  # the counts are of something


def as_entry(row: sqlite3.Row) -> dict[str, Any]:
    """A timeline row in the JSON timeline's form."""
    entry = dict(row)
    for name in (
        "parties",
        "sources",
        "alleged_by",
        "disputed_by",
        "discrepancies",
        "responds_to",
        "decides",
    ):
        entry[name] = json.loads(entry[name])
    for name in ("approximate", "uncertain", "unconfirmed", "between"):
        entry[name] = bool(entry[name])
    schedule = {
        k: entry.pop(f"scheduled_{k}") for k in ("set_on", "set_by", "replaced_on", "replaced_by")
    }
    entry["scheduled"] = schedule if schedule["set_on"] else None
    for extra in ("position", "earliest", "latest", "notes", "docket_text"):
        del entry[extra]
    return entry


def test_the_timeline_table_is_the_json_timeline(bundled: sqlite3.Connection) -> None:
    timeline = json_of("timeline", "--format", "json", "--as-of", AS_OF)
    rows = bundled.execute("SELECT * FROM timeline ORDER BY position").fetchall()
    assert [as_entry(r) for r in rows] == timeline
    assert [r["position"] for r in rows] == list(range(1, 69))


def test_full_text_search_finds_the_voice_memo(bundled: sqlite3.Connection) -> None:
    def search(table: str, words: str) -> list[str]:
        return column(
            bundled,
            f"SELECT {table}.id FROM {table}_fts JOIN {table} ON {table}.rowid = {table}_fts.rowid "
            f"WHERE {table}_fts MATCH '{words}' ORDER BY {table}.id",
        )

    memo = ["ev-2025-01-27-voice-memo-published", "ev-rooftop-scene-meeting"]
    assert search("timeline", "voice memo") == memo
    assert search("events", "voice memo") == memo
    assert search("sources", "voice memo") == ["src-global-news-2025-01-29"]
    # Stemmed: 'dismiss' finds 'dismissed' and 'dismissal'.
    assert "f-2025-06-09-order-dismissal" in search("filings", "dismiss")


def test_the_same_data_gives_the_same_database(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = export(tmp_path / "a")
    second = export(tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "a" / "metadata.json").read_bytes() == (
        tmp_path / "b" / "metadata.json"
    ).read_bytes()


def test_metadata_describes_every_table_and_column(tmp_path: Path) -> None:
    db = export(tmp_path, "--license", "CC BY 4.0", "--license-url", "https://example.org/by")
    meta = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert meta["title"] == "The It Ends With Us litigation"  # the data's `dataset:` title
    assert meta["description"].startswith(
        "The record of 4 cases as of 2026-01-01: 68 timeline entries, 22 filings, 28 events "
        "and 17 claims. Every fact names its sources. Allegations are not facts: 11 timeline "
        "entries are marked 'alleged' in the status column"
    )
    assert meta["source"] == (
        "Compiled with casetrack from 12 sources; the sources and citations tables say which "
        "fact comes from where."
    )
    assert (meta["license"], meta["license_url"]) == ("CC BY 4.0", "https://example.org/by")
    tables = meta["databases"]["case"]["tables"]
    connection = sqlite3.connect(db)
    for table in TABLES:
        names = [r[1] for r in connection.execute(f'PRAGMA table_info("{table.name}")')]
        assert list(tables[table.name]["columns"]) == names
        assert all(tables[table.name]["columns"].values())
        assert tables[table.name]["description"]
    assert tables["timeline"]["sort"] == "position"
    assert tables["timeline"]["columns"]["status"].startswith(
        "'fact' or 'alleged'. 'alleged' marks"
    )
    labels = {name: t.get("label_column") for name, t in tables.items() if t.get("label_column")}
    assert labels == {
        "cases": "name",
        "parties": "name",
        "filings": "title",
        "events": "title",
        "allegations": "title",
        "claims": "title",
        "sources": "title",
        "timeline": "title",
    }


def small(tmp_path: Path, *args: str) -> sqlite3.Connection:
    db = export(tmp_path, *args, data=write_dataset(tmp_path))
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    return connection


def test_dates_keep_their_precision_and_give_their_bounds(tmp_path: Path) -> None:
    db = small(tmp_path)
    rows = db.execute(
        'SELECT id, date, approximate, uncertain, "end", earliest, latest FROM timeline '
        "WHERE id IN ('ev-year', 'f-letter', 'ev-alleged', 'ev-trial') ORDER BY position"
    ).fetchall()
    assert rows == [
        ("ev-year", "2024", 0, 0, None, "2024-01-01", "2024-12-31"),
        ("ev-alleged", "2024-11-14", 1, 0, None, "2024-11-14", "2024-11-14"),
        ("f-letter", "2025-02", 0, 0, None, "2025-02-01", "2025-02-28"),
        ("ev-trial", "2025-06-02", 0, 0, "2025-06-04", "2025-06-02", "2025-06-04"),
    ]


def test_an_allegation_is_marked_in_every_row_that_carries_it(tmp_path: Path) -> None:
    db = small(tmp_path)
    assert db.execute("SELECT id, status FROM timeline WHERE status = 'alleged'").fetchall() == [
        ("ev-alleged", "alleged")
    ]
    assert db.execute(
        "SELECT id, status, alleged_in FROM events WHERE id = 'ev-alleged'"
    ).fetchall() == [("ev-alleged", "alleged", "f-complaint")]
    assert db.execute('SELECT event, title, "case", filing FROM allegations').fetchall() == [
        ("ev-alleged", "Acme cut Zoë's hours, she says", "zoe-v-acme", "f-complaint")
    ]
    assert db.execute("SELECT * FROM allegation_parties").fetchall() == [
        ("ev-alleged", "zoe", "alleges"),
        ("ev-alleged", "acme", "denies"),
    ]
    assert column(db, "SELECT DISTINCT status FROM events WHERE id != 'ev-alleged'") == ["fact"]


def test_facts_only_leaves_out_every_allegation(tmp_path: Path) -> None:
    db = small(tmp_path, "--facts-only")
    assert count(db, "allegations") == count(db, "allegation_parties") == 0
    assert column(db, "SELECT DISTINCT status FROM timeline") == ["fact"]
    assert "ev-alleged" not in column(db, "SELECT id FROM events")


def test_nothing_after_the_as_of_day(tmp_path: Path) -> None:
    db = export(tmp_path, "--as-of", "2025-03-10", data=write_dataset(tmp_path))
    connection = sqlite3.connect(db)
    # The first hearing date still stood; that it was moved on 20 March is not yet known.
    assert connection.execute(
        "SELECT id, scheduled_set_on, scheduled_replaced_on, scheduled_replaced_by FROM events "
        "WHERE kind = 'hearing'"
    ).fetchall() == [("ev-hearing-old", "2025-03-01", None, None)]
    assert connection.execute("SELECT id, status, status_date FROM claims").fetchall() == [
        ("claim-wages", "pending", None)
    ]
    assert count(connection, "claim_status_changes") == 0
    assert column(connection, "SELECT id FROM timeline ORDER BY position") == [
        "ev-year",
        "ev-alleged",
        "f-complaint",
        "f-letter",
        "f-script",
        "ev-statement",
        "ev-hearing-old",
    ]
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_case_narrows_the_database_to_that_case(tmp_path: Path) -> None:
    db = small(tmp_path, "--case", "State v. Acme")
    assert column(db, "SELECT id FROM timeline") == ["ev-state-hearing"]
    assert column(db, "SELECT id FROM cases") == ["state-v-acme"]
    assert db.execute("SELECT * FROM case_parties").fetchall() == [
        ("state-v-acme", "acme", "defendant", None, None)
    ]
    assert column(db, "SELECT id FROM parties") == ["acme"]
    assert column(db, "SELECT id FROM sources ORDER BY rowid") == ["s-news", "s-filing", "s-later"]
    assert count(db, "claims") == count(db, "filings") == 0


def test_a_party_narrows_the_database_to_its_cases_and_claims(tmp_path: Path) -> None:
    db = small(tmp_path, "--party", "Zoë")
    assert column(db, "SELECT id FROM cases") == ["zoe-v-acme"]
    assert column(db, "SELECT id FROM claims") == ["claim-wages"]
    assert column(db, "SELECT id FROM timeline ORDER BY position") == [
        "ev-year",
        "ev-alleged",
        "f-complaint",
        "claim-wages@2025-07-01-dismissed",
    ]
    # The judge of the case and the parties its rows name; not the State's case.
    assert column(db, "SELECT id FROM parties ORDER BY rowid") == ["zoe", "acme", "judge-okubo"]


def test_citations_and_discrepancies_name_their_record(tmp_path: Path) -> None:
    db = small(tmp_path)
    assert db.execute(
        "SELECT source, record_type, record, event, filing, via FROM citations "
        "WHERE record = 'ev-statement'"
    ).fetchall() == [
        ("s-news", "event", "ev-statement", "ev-statement", None, None),
        ("s-filing", "event", "ev-statement", "ev-statement", None, None),
        (
            "s-news",
            "event",
            "ev-statement",
            "ev-statement",
            None,
            "sources differ: the length of the statement",
        ),
        (
            "s-filing",
            "event",
            "ev-statement",
            "ev-statement",
            None,
            "sources differ: the length of the statement",
        ),
    ]
    assert db.execute(
        "SELECT record_type, event, about, account, says, sources FROM discrepancies"
    ).fetchall() == [
        ("event", "ev-statement", "the length of the statement", 1, "one page", '["s-news"]'),
        ("event", "ev-statement", "the length of the statement", 2, "two pages", '["s-filing"]'),
    ]
    assert db.execute(
        "SELECT source, claim_status_change FROM citations WHERE record_type = 'status-change'"
    ).fetchall() == [
        ("s-news", "claim-wages@2025-07-01-dismissed"),
        ("s-later", "claim-wages@2025-07-01-dismissed"),
    ]


def test_control_characters_never_reach_the_database(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    path = data / "case.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "title: Trial, three days", 'title: "Trial,\\e[31m three days"'
        ),
        encoding="utf-8",
    )
    db = sqlite3.connect(export(tmp_path, data=data))
    # The escape character goes, as from every output; what followed it is text.
    assert column(db, "SELECT title FROM timeline WHERE id = 'ev-trial'") == [
        "Trial,[31m three days"
    ]
    assert column(db, "SELECT title FROM events WHERE id = 'ev-trial'") == ["Trial,[31m three days"]


def test_a_database_needs_a_file(tmp_path: Path) -> None:
    for args in ((), ("-o", "-")):
        result = run("export", "sqlite", *args)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert (
            result.stderr == "Error: export sqlite writes a database file: give it with -o FILE\n"
        )


def test_existing_files_are_kept_without_force(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    db, meta = out / "case.db", out / "metadata.json"
    meta.write_text("mine", encoding="utf-8")
    refused = run("export", "sqlite", "--data", data, "-o", db)
    assert refused.exit_code == 1
    assert refused.stderr == f"Error: {meta} exists; use --force to overwrite\n"
    assert sorted(p.name for p in out.iterdir()) == ["metadata.json"]  # no database, no temp file
    forced = run("export", "sqlite", "--data", data, "-o", db, "--force")
    assert forced.exit_code == 0, forced.output
    assert forced.stderr == (
        f"Wrote {db} and {meta}; serve them with: datasette {db} --metadata {meta}\n"
    )
    assert json.loads(meta.read_text(encoding="utf-8"))["title"] == "Ñúñez v. Acme and 1 other case"
    db.write_bytes(b"mine")
    again = run("export", "sqlite", "--data", data, "-o", db, "--metadata", out / "other.json")
    assert again.exit_code == 1
    assert again.stderr == f"Error: {db} exists; use --force to overwrite\n"
    assert db.read_bytes() == b"mine"
    assert sorted(p.name for p in out.iterdir()) == ["case.db", "metadata.json"]


def test_an_unwritable_place_is_one_error(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    missing = tmp_path / "nowhere" / "case.db"
    result = run("export", "sqlite", "--data", data, "-o", missing)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot write to {missing.parent}: No such file or directory\n"
    )


def test_the_readme_lists_every_table() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Publishing with Datasette")[1].split("\n## ")[0]
    listed = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert listed == [
        "timeline",
        *(t.name for t in TABLES if t.name != "timeline"),
    ]


def test_a_sqlite_without_full_text_search_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What an SQLite built without FTS5 answers, without such a build at hand.
    monkeypatch.setattr(
        sqlschema, "search_statements", lambda: ["CREATE VIRTUAL TABLE t USING fts5x (a)"]
    )
    data = write_dataset(tmp_path)
    result = run("export", "sqlite", "--data", data, "-o", tmp_path / "case.db")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: this Python's SQLite ({sqlite3.sqlite_version}) has no FTS5 full-text search, "
        "which the database needs\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


DOCKET = {
    "docket.yaml": """
        sources:
          - id: s-docket
            kind: docket
            title: Docket of Doe v. Acme
            retrieved: 2025-06-20
        parties:
          - {id: doe, name: Alex Doe, kind: person, sources: [s-docket]}
          - {id: acme, name: Acme Widgets, kind: company, sources: [s-docket]}
        cases:
          - id: doe-v-acme
            caption: Doe v. Acme Widgets, Inc.
            docket: 1:25-cv-07001
            filed: 2025-03-03
            terminated: 2025-06-19
            nature_of_suit: 190 Contract Other
            sources: [s-docket]
        filings:
          - id: f-1
            case: doe-v-acme
            date: 2025-03-03
            kind: complaint
            title: Complaint
            docket_entry: 1
            docket_text: COMPLAINT against Acme Widgets, Inc. Filing fee paid.
            documents:
              - {url: "https://example.org/doc/1"}
              - {url: "https://example.org/doc/1-1", attachment: 1, description: Civil cover sheet}
            sources: [s-docket]
          - id: f-5
            case: doe-v-acme
            date: 2025-04-01
            kind: motion-to-dismiss
            title: Motion to dismiss
            docket_entry: 5
            docket_text: MOTION to Dismiss re 1 Complaint, filed by Acme Widgets, Inc.
            responds_to: [f-1]
            sources: [s-docket]
          - id: f-9
            case: doe-v-acme
            date: 2025-06-19
            kind: order
            title: Order granting the motion to dismiss
            docket_entry: 9
            docket_text: ORDER granting 5 Motion to Dismiss. Case closed.
            decides: [f-5]
            sources: [s-docket]
    """,
}


def test_docket_entries_keep_their_text_documents_and_threads(
    tmp_path: Path, make_dataset: Any
) -> None:
    data = make_dataset(DOCKET)
    db = sqlite3.connect(export(tmp_path, "--kind", "order", data=data))
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert column(db, "SELECT id FROM timeline") == ["f-9"]
    # The order's thread comes with it: the motion it grants and the complaint the motion answers.
    assert column(db, "SELECT id FROM filings ORDER BY rowid") == ["f-1", "f-5", "f-9"]
    assert db.execute("SELECT * FROM filing_references ORDER BY filing").fetchall() == [
        ("f-5", "f-1", "responds-to"),
        ("f-9", "f-5", "decides"),
    ]
    assert db.execute("SELECT * FROM documents").fetchall() == [
        ("f-1", None, None, "https://example.org/doc/1"),
        ("f-1", 1, "Civil cover sheet", "https://example.org/doc/1-1"),
    ]
    assert db.execute(
        "SELECT docket_entry, decides, docket_text FROM timeline WHERE id = 'f-9'"
    ).fetchall() == [(9, '["f-5"]', "ORDER granting 5 Motion to Dismiss. Case closed.")]
    assert db.execute("SELECT terminated, nature_of_suit FROM cases").fetchall() == [
        ("2025-06-19", "190 Contract Other")
    ]
    assert column(db, "SELECT retrieved FROM sources") == ["2025-06-20"]
    found = "SELECT rowid FROM {0}_fts WHERE {0}_fts MATCH 'closed'"
    assert column(db, found.format("timeline")) == [1]
    assert len(column(db, found.format("filings"))) == 1
