"""The factledger CLI: help, exit codes, the CSV contract, bad input."""

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ledger.cli import main
from ledger.export import COLUMNS

REPO = Path(__file__).resolve().parent.parent


def run(*args, db=None, input=None):
    runner = CliRunner()
    base = ["--db", str(db)] if db else []
    return runner.invoke(main, [*base, *args], input=input, catch_exceptions=False)


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_and_is_documented(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert len(main.commands[command].help or "") > 30
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"factledger {command}" in readme, f"README does not document `factledger {command}`"


def test_ingest_export_contract(ledger_path, seeds, tmp_path):
    result = run("ingest", str(seeds), db=ledger_path)
    assert result.exit_code == 0, result.output
    assert "5 new" in result.output
    out = tmp_path / "claims.csv"
    result = run("export", "-o", str(out), db=ledger_path)
    assert result.exit_code == 0
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    header = raw.decode("utf-8").splitlines()[0].split(",")
    assert header[: len(COLUMNS)] == list(COLUMNS)
    assert len(rows) == 34
    texts = {p.name: p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")}
    for row in rows:
        article = texts[row["article"]]
        assert article[int(row["start"]) : int(row["end"])] == row["text"]
        assert row["conflict"] in ("0", "1") and row["claim_id"].isdigit()
    flagged = [r for r in rows if r["conflict"] == "1"]
    assert {r["text"] for r in flagged} == {"أكثر من 9 آلاف", "نحو 12 ألفاً"}
    assert flagged[0]["conflict_reason"].endswith("33% apart")
    assert len({r["claim_id"] for r in flagged}) == 1
    by_text = {(r["article"][:3], r["text"]): r for r in rows}
    r = by_text[("001", "أكثر من 9 آلاف")]
    assert (r["value"], r["low"], r["high"], r["qualifier"]) == ("9000", "", "", "more_than")
    r = by_text[("000", "بين 100 و 300")]
    assert (r["value"], r["low"], r["high"], r["qualifier"]) == ("", "100", "300", "range")
    r = by_text[("001", "أكثر من عامين ونصف")]
    assert (r["value"], r["unit"], r["kind"]) == ("2.5", "year", "duration")


def test_export_excel_has_bom(ledger_path, seeds, tmp_path):
    run("ingest", str(seeds), db=ledger_path)
    out = tmp_path / "x.csv"
    assert run("export", "--excel", "-o", str(out), db=ledger_path).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_formulas_are_defused(ledger_path, tmp_path):
    art = tmp_path / "evil.txt"
    art.write_text(
        '=HYPERLINK("http://x") قتل 5 أشخاص\n@SUM(1) أصيب 3\n-2+3 نقل 4 سجناء', encoding="utf-8"
    )
    run("ingest", str(art), db=ledger_path)
    result = run("export", db=ledger_path)
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows
    for row in rows:
        for column, value in row.items():
            if column in ("value", "low", "high", "severity", "link_score"):
                float(value or 0)  # a plain number (a negative one is not a formula)
                continue
            assert not value.startswith(("=", "+", "-", "@", "\t")), value
    assert any(r["sentence"].startswith("'=HYPERLINK") for r in rows)


def test_extract_prints_json_lines_without_a_ledger(tmp_path):
    result = run("extract", "-", input="قتل أكثر من 9 آلاف في 13 نيسان".encode())
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert [(x["text"], x["is_claim"]) for x in lines] == [
        ("أكثر من 9 آلاف", True),
        ("13 نيسان", False),
    ]
    assert lines[0]["value"] == 9000 and isinstance(lines[0]["value"], int)
    assert not list(tmp_path.iterdir())


def test_extract_bad_file(tmp_path):
    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"\x00\x01\x02")
    result = CliRunner().invoke(main, ["extract", str(bad)])
    assert result.exit_code == 1
    assert result.output.strip() == f"error: {bad}: binary file (contains NUL bytes), not text"


def test_exit_codes(ledger_path, seeds, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run("ingest", str(seeds), str(bad), db=ledger_path)
    assert result.exit_code == 1
    assert f"error: {bad}: empty file" in result.output
    assert run("ingest", db=ledger_path).exit_code == 2
    missing = tmp_path / "nope.db"
    result = run("stats", db=missing)
    assert result.exit_code == 3 and "no ledger here" in result.output
    assert not missing.exists()


def test_locked_ledger_exit_code(ledger_path, seeds):
    run("ingest", str(seeds), db=ledger_path)
    blocker = sqlite3.connect(ledger_path)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        path = seeds / "000_5d8c96753795e346.txt"
        path.write_text(path.read_text(encoding="utf-8") + " وقتل 3", encoding="utf-8")
        result = run("ingest", str(seeds), db=ledger_path)
    finally:
        blocker.rollback()
        blocker.close()
    assert result.exit_code == 3
    assert "locked by another process" in result.output


def test_stats_json(ledger_path, seeds):
    run("ingest", str(seeds), db=ledger_path)
    stats = json.loads(run("stats", "--json", db=ledger_path).output)
    assert (stats["articles"], stats["mentions"], stats["claims"]) == (5, 64, 34)
    assert stats["non_claims"]["time"] == 6


def test_search(ledger_path, seeds):
    run("ingest", str(seeds), db=ledger_path)
    result = run("search", "معتقلو", db=ledger_path)
    assert result.output.startswith("001_7a9ed76940f91ec8.txt")


def test_db_from_environment(tmp_path, seeds, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("FACTLEDGER_DB", str(db))
    assert CliRunner().invoke(main, ["ingest", str(seeds)]).exit_code == 0
    assert db.exists()


def test_engine_never_imports_textual():
    code = "import sys, ledger, ledger.cli, ledger.ingest, ledger.export; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_db_is_accepted_after_the_command(tmp_path, seeds):
    """``factledger ingest seeds --db l.db``, as people type it."""
    db = tmp_path / "after.db"
    result = run("ingest", str(seeds), "--db", str(db))
    assert result.exit_code == 0 and db.exists()
    stats = json.loads(run("stats", "--json", "--db", str(db)).output)
    assert stats["articles"] == 5
    other = tmp_path / "before.db"  # given both ways, the one after the command wins
    run("ingest", str(seeds), "--db", str(other), db=tmp_path / "ignored.db")
    assert other.exists() and not (tmp_path / "ignored.db").exists()


def test_titles_are_extracted_and_exported_with_their_field(tmp_path):
    """A collection's headline is read too; its offsets point into the title."""
    collection = tmp_path / "news.jsonl"
    collection.write_text(
        json.dumps({"id": "a1", "title": "13 شهيدا في تفجير مسجد", "source": "x",
                    "content": "استشهد 10 من منسوبي القوات في التفجير."}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )  # fmt: skip
    db = tmp_path / "t.db"
    assert run("ingest", str(collection), db=db).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run("export", db=db).output)))
    fields = {r["field"]: r for r in rows}
    assert fields["title"]["text"] == "13" and fields["text"]["text"] == "10"
    for r in rows:
        source = r["title"] if r["field"] == "title" else None
        if source is not None:
            assert source[int(r["start"]) : int(r["end"])] == r["text"]


def test_ingesting_nothing_new_does_not_relink(ledger_path, seeds):
    run("ingest", str(seeds), db=ledger_path)
    again = json.loads(run("ingest", str(seeds), "--json", db=ledger_path).output)
    assert again["unchanged"] == 5 and "link" not in again
    missing = run("ingest", "/nonexistent", "--json", db=ledger_path)
    assert missing.exit_code == 1 and "link" not in json.loads(missing.stdout)


def test_conflicts_by_kind_and_valid_json(ledger_path, seeds):
    run("ingest", str(seeds), db=ledger_path)
    rows = json.loads(run("conflicts", "--json", db=ledger_path).output)
    assert rows and all(r["conflict_kind"] in ("update", "disagreement") for r in rows)
    only = json.loads(run("conflicts", "--json", "--kind", "update", db=ledger_path).output)
    assert all(r["conflict_kind"] == "update" for r in only)
    text = run("conflicts", db=ledger_path).output
    assert all(f"figure {r['claim_id']}" in text for r in rows)
    assert ", disagreement" in text or ", update" in text


def test_show_says_why_a_mention_has_no_figure_and_search_says_nothing_matched(seeds, tmp_path):
    db = str(tmp_path / "l.db")
    CliRunner().invoke(main, ["--db", db, "ingest", str(seeds)])
    con = sqlite3.connect(db)
    ordinal = con.execute("SELECT id, kind FROM mentions WHERE is_claim = 0 LIMIT 1").fetchone()
    con.close()
    result = CliRunner().invoke(main, ["--db", db, "show", str(ordinal[0])])
    assert result.exit_code == 2
    assert f"mention {ordinal[0]} is not a claim ({ordinal[1]})" in result.stderr
    result = CliRunner().invoke(main, ["--db", db, "search", "zzzzz"])
    assert result.exit_code == 0 and result.stdout == ""
    assert "no article matches 'zzzzz'" in result.stderr
