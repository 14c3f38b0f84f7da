"""The Datasette metadata fits the ledger: every table, column and facet it names exists,
and every canned query runs on a real ledger (and, when Datasette is installed, serves)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from ledger import Database
from ledger.browse import datasette_metadata
from ledger.cli import main


@pytest.fixture
def ledger_db(seeded):
    """The seeds, ingested and linked (one open conflict)."""
    Database.wrap(seeded).link()
    return seeded.path


def columns(con: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in con.execute(f"PRAGMA table_info('{table}')")}


def test_every_column_is_described_and_every_facet_exists(ledger_db):
    meta = datasette_metadata(ledger_db)
    (name,) = meta["databases"]
    assert name == ledger_db.stem
    con = sqlite3.connect(ledger_db)
    for table, about in meta["databases"][name]["tables"].items():
        have = columns(con, table)
        assert have, f"{table} is not in the ledger"
        if not about.get("hidden"):
            assert set(about.get("columns", {})) == have, (table, have ^ set(about["columns"]))
        named = set(about.get("columns", {})) | set(about.get("facets", []))
        named |= {about[k] for k in ("label_column", "sort_desc", "sort") if k in about}
        assert named <= have, (table, named - have)


def test_canned_queries_run_and_find_the_seeds_conflict(ledger_db):
    meta = datasette_metadata(ledger_db)
    queries = meta["databases"][ledger_db.stem]["queries"]
    con = sqlite3.connect(ledger_db)
    story = con.execute(
        "SELECT story_id FROM articles a JOIN mentions m ON m.article_id = a.id "
        "JOIN figures f ON f.claim_id = m.claim_id WHERE f.conflict = 1"
    ).fetchone()[0]
    results = {
        name: con.execute(q["sql"], {"story": story}).fetchall() for name, q in queries.items()
    }
    assert {r[0] for r in results["open_conflicts"]} == {
        r[0] for r in con.execute("SELECT claim_id FROM figures WHERE status = 'open'")
    }
    assert len(results["open_conflicts"]) >= 2  # the mentions side by side
    assert results["story_figures"] and results["story_articles"] and results["largest_stories"]


def test_metadata_command_writes_it_for_the_ledger(ledger_db, tmp_path):
    out = tmp_path / "metadata.json"
    result = CliRunner().invoke(main, ["--db", str(ledger_db), "metadata", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert list(json.loads(out.read_text("utf-8"))["databases"]) == [ledger_db.stem]


async def test_datasette_serves_the_ledger_with_it(ledger_db):
    pytest.importorskip("datasette", reason="Datasette is an optional extra (browse)")
    from datasette.app import Datasette

    ds = Datasette([str(ledger_db)], metadata=datasette_metadata(ledger_db))
    name = ledger_db.stem
    page = await ds.client.get(f"/{name}/open_conflicts.json?_shape=array")
    assert page.status_code == 200 and len(page.json()) >= 2
    figures = await ds.client.get(f"/{name}/figures.json?_shape=objects")
    assert figures.status_code == 200
    assert "conflict_kind" in figures.json()["facet_results"]
    html = await ds.client.get(f"/{name}/mentions")
    assert "Every numeric expression found" in html.text
