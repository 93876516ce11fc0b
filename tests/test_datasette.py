"""A real Datasette serves the exported bundled dataset, with its metadata.json: what a reader
gets from its JSON API (Datasette's own test client, in-process, no network)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from datasette.app import Datasette

from casetrack.options import bundled_data_dir
from casetrack.sqlschema import TABLES
from cli_helpers import run

AS_OF = "2026-01-01"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("published")
    db = folder / "case.db"
    cache = {"CASETRACK_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    result = run(
        "export", "sqlite", "--data", bundled_data_dir(), "--as-of", AS_OF, "-o", db,
        "--license", "CC BY 4.0", env=cache,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return db, json.loads((folder / "metadata.json").read_text(encoding="utf-8"))


def get(exported: tuple[Path, dict[str, Any]], path: str) -> Any:
    """GET a path from a Datasette serving the database with its metadata, as JSON."""
    db, metadata = exported

    async def fetch() -> Any:
        datasette = Datasette([str(db)], metadata=metadata)
        response = await datasette.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


def test_the_database_lists_its_tables_with_their_search(
    exported: tuple[Path, dict[str, Any]],
) -> None:
    listing = get(exported, "/case.json")
    tables = {t["name"]: t for t in listing["tables"] if not t["hidden"]}
    # (test_export_sqlite.py checks the list itself.)
    assert sorted(tables) == sorted(t.name for t in TABLES)
    assert {name: t["fts_table"] for name, t in tables.items() if t["fts_table"]} == {
        "timeline": "timeline_fts",
        "filings": "filings_fts",
        "events": "events_fts",
        "sources": "sources_fts",
    }
    assert (tables["timeline"]["count"], tables["cases"]["count"]) == (68, 4)
    assert tables["timeline"]["primary_keys"] == ["id"]
    assert listing["license"] == "CC BY 4.0"


def test_a_facet_on_the_kind_of_timeline_entry(exported: tuple[Path, dict[str, Any]]) -> None:
    page = get(exported, "/case/timeline.json?_facet=kind&_size=0")
    counts = {r["value"]: r["count"] for r in page["facet_results"]["kind"]["results"]}
    assert counts["order"] == 7
    assert counts["claim-dismissed"] == 8
    assert sum(counts.values()) == 68
    # status and case are faceted by default (metadata.json).
    assert {"kind", "status", "case"} <= set(page["facet_results"])
    statuses = {r["value"]: r["count"] for r in page["facet_results"]["status"]["results"]}
    assert statuses == {"fact": 57, "alleged": 11}


def test_search_finds_the_voice_memo(exported: tuple[Path, dict[str, Any]]) -> None:
    page = get(exported, "/case/timeline.json?_search=voice+memo&_shape=objects")
    assert sorted((r["id"], r["status"]) for r in page["rows"]) == [
        ("ev-2025-01-27-voice-memo-published", "fact"),
        ("ev-rooftop-scene-meeting", "fact"),
    ]
    page = get(exported, "/case/sources.json?_search=voice+memo&_shape=objects")
    assert [r["id"] for r in page["rows"]] == ["src-global-news-2025-01-29"]


def test_a_foreign_key_shows_its_label(exported: tuple[Path, dict[str, Any]]) -> None:
    page = get(
        exported,
        "/case/timeline.json?_shape=objects&_labels=on&id=ev-alleged-on-set-conduct",
    )
    (row,) = page["rows"]
    assert row["case"] == {"value": "lively-v-wayfarer", "label": "Lively v. Wayfarer"}
    assert row["alleged_in"] == {
        "value": "f-2024-12-31-lively-complaint",
        "label": "Lively's federal complaint against Wayfarer Studios, Baldoni, Heath and others",
    }
    page = get(
        exported,
        "/case/claim_parties.json?_shape=objects&_labels=on&side=plaintiff"
        "&claim=cl-lively-sexual-harassment",
    )
    (row,) = page["rows"]
    assert row["party"] == {"value": "blake-lively", "label": "Blake Lively"}
    assert row["claim"] == {
        "value": "cl-lively-sexual-harassment",
        "label": "Sexual harassment",
    }


def test_the_timeline_reads_in_chronological_order(exported: tuple[Path, dict[str, Any]]) -> None:
    page = get(exported, "/case/timeline.json?_shape=objects&_size=100&_col=position")
    assert [r["position"] for r in page["rows"]] == list(range(1, 69))


def test_the_table_page_shows_what_the_columns_mean(
    exported: tuple[Path, dict[str, Any]],
) -> None:
    db, metadata = exported

    async def fetch() -> str:
        response = await Datasette([str(db)], metadata=metadata).client.get("/case/allegations")
        assert response.status_code == 200
        return response.text

    page = asyncio.run(fetch())
    assert "None of these is an established fact." in page
    assert "The filing in which it is alleged, if known." in page
