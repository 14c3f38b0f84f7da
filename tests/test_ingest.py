"""Ingest into real SQLite ledgers in temp dirs: identity, re-ingest, bad input."""

import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from ledger import Ledger, LedgerError, ingest
from ledger.store import m001_articles_mentions  # noqa: F401  (schema is importable)


def snapshot(path: Path) -> list:
    con = sqlite3.connect(path)
    try:
        return [
            con.execute("SELECT id, text FROM articles ORDER BY id").fetchall(),
            con.execute(
                "SELECT article_id, start, end, text, value FROM mentions ORDER BY 1, 2"
            ).fetchall(),
            con.execute("SELECT source, article_id FROM sources ORDER BY 1").fetchall(),
        ]
    finally:
        con.close()


def test_seeds_ingest_offsets_and_wal(seeded, ledger_path):
    rows = seeded.db.execute(
        'SELECT a.text, m.start, m."end", m.text FROM mentions m JOIN articles a ON a.id = m.article_id'
    ).fetchall()
    assert len(rows) == 64
    assert all(text[s:e] == t for text, s, e, t in rows)
    assert seeded.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert seeded.count("mentions", "is_claim = 1") == 34


def test_reingest_changes_nothing(seeded, seeds, ledger_path):
    before = snapshot(ledger_path)
    report = ingest(seeded, [str(seeds)])
    assert (report.unchanged, report.added, report.mentions) == (5, 0, 0)
    assert snapshot(ledger_path) == before


def test_changed_article_is_reextracted(seeded, seeds, ledger_path):
    path = seeds / "003_52248782f917fa36.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("750", "800"), encoding="utf-8")
    report = ingest(seeded, [str(seeds)])
    assert (report.changed, report.unchanged, report.removed) == (1, 4, 1)
    values = [
        r[0] for r in seeded.db.execute("SELECT value FROM mentions WHERE value IN (750, 800)")
    ]
    assert values == [800]
    assert seeded.count("articles") == 5


def test_same_text_twice_is_stored_once(seeded, seeds, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes((seeds / "000_5d8c96753795e346.txt").read_bytes())
    report = ingest(seeded, [str(copy)])
    assert report.duplicates == 1 and report.mentions == 0
    assert seeded.count("articles") == 5 and seeded.count("sources") == 6


def test_full_text_search_is_normalised(seeded):
    hits = seeded.search("معتقل")
    assert [h["name"] for h in hits] == ["001_7a9ed76940f91ec8.txt"]
    # diacritics and alef forms in the query do not matter
    assert seeded.search("أميركية") == seeded.search("اميركيه")


def test_collections_json_jsonl_csv_zip(tmp_path, ledger_path):
    records = [
        {
            "title": "عنوان",
            "content": "قتل 5 أشخاص",
            "source": "outlet-a",
            "date": "2015-07-21",
            "url": "http://a/1",
        },
        {"title": "آخر", "text": "نقلت نحو 60 سجينا", "outlet": "outlet-b"},
    ]
    (tmp_path / "in").mkdir()
    (tmp_path / "in/a.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "in/b.jsonl").write_text(
        "\n".join(json.dumps({"content": f"فر {n} سجناء"}, ensure_ascii=False) for n in (7, 8)),
        encoding="utf-8",
    )
    (tmp_path / "in/c.csv").write_text("title,content\nت,أصيب 9 آخرين\n", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "in/d.zip", "w") as z:
        z.writestr(
            "day.json", json.dumps([{"content": "قتل 11 جنديا", "source": "z"}], ensure_ascii=False)
        )
    ledger = Ledger(ledger_path)
    report = ingest(ledger, [str(tmp_path / "in")])
    assert report.added == 6 and not report.problems
    row = ledger.db.execute(
        "SELECT name, outlet, published, url, title FROM articles WHERE outlet = 'outlet-a'"
    ).fetchone()
    assert row == ("a.json#1", "outlet-a", "2015-07-21", "http://a/1", "عنوان")
    values = sorted(
        r[0] for r in ledger.db.execute("SELECT value FROM mentions WHERE is_claim = 1")
    )
    assert values == [5, 7, 8, 9, 11, 60]
    ledger.close()


def test_windows_1256_is_read_with_a_warning(tmp_path, ledger_path):
    path = tmp_path / "old.txt"
    path.write_bytes("قتل 12 شخصا في الهجوم".encode("cp1256"))
    ledger = Ledger(ledger_path)
    report = ingest(ledger, [str(path)])
    assert report.added == 1
    assert [str(p) for p in report.problems] == [
        f"warning: {path}: not UTF-8; decoded as windows-1256"
    ]
    assert ledger.db.execute("SELECT value FROM mentions").fetchone()[0] == 12


def test_utf8_bom_is_stripped(tmp_path, ledger_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffقتل 3 أشخاص".encode())
    ledger = Ledger(ledger_path)
    ingest(ledger, [str(path)])
    assert ledger.db.execute("SELECT text FROM articles").fetchone()[0] == "قتل 3 أشخاص"


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n ", "only whitespace"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    "latin.txt": ("Ceci n'est pas de l'arabe: café crème".encode("latin-1"), "not UTF-8"),
    "truncated.txt": ("قتل 5 أشخاص".encode()[:-1], "truncated"),
    "broken.json": (b'[{"content": "\xd9\x82\xd8\xaa\xd9\x84 5"}, {"content": ', "malformed JSON"),
    "records.jsonl": ('{"content": "قتل 4"}\n{not json}\n{"title": "no text"}\n'.encode(), None),
    "bad.zip": (b"PK\x03\x04 this is not really a zip", "not a readable zip"),
}


@pytest.fixture
def bad_dir(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    for name, (data, _) in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_text("أصيب 14 شخصا", encoding="utf-8")
    return folder


def test_bad_inputs_each_get_one_line_and_the_rest_is_ingested(seeded, bad_dir, ledger_path):
    before = snapshot(ledger_path)
    report = ingest(seeded, [str(bad_dir), str(bad_dir / "missing.txt")])
    messages = [str(p) for p in report.errors]
    for name, (_, reason) in BAD_INPUTS.items():
        if reason:
            (line,) = [m for m in messages if f"{name}:" in m or m.endswith(name)] or [
                m for m in messages if name in m
            ]
            assert reason in line and "\n" not in line
    assert any("records.jsonl:2: malformed JSON record" in m for m in messages)
    assert any("records.jsonl#3: record has no text" in m for m in messages)
    assert any("missing.txt: no such file or directory" in m for m in messages)
    # the good file and the good record were ingested; nothing earlier was lost
    assert report.added == 2
    after = snapshot(ledger_path)
    assert set(before[0]) <= set(after[0]) and set(before[1]) <= set(after[1])


def test_enormous_file_is_refused(tmp_path, ledger_path):
    path = tmp_path / "huge.txt"
    path.write_text("قتل 5 أشخاص " * 2000, encoding="utf-8")
    ledger = Ledger(ledger_path)
    report = ingest(ledger, [str(path)], max_bytes=10_000)
    (error,) = report.errors
    assert "file too large" in str(error) and "huge.txt" in str(error)
    assert ledger.count("articles") == 0


def test_locked_ledger_fails_cleanly_and_loses_nothing(seeded, seeds, ledger_path, tmp_path):
    before = snapshot(ledger_path)
    blocker = sqlite3.connect(ledger_path)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        new = tmp_path / "new.txt"
        new.write_text("قتل 3 أشخاص", encoding="utf-8")
        with pytest.raises(LedgerError, match="locked by another process"):
            ingest(seeded, [str(new)])
    finally:
        blocker.rollback()
        blocker.close()
    assert snapshot(ledger_path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_ledger(seeded, ledger_path, tmp_path):
    seeded.close()
    ledger_path.chmod(0o444)
    with pytest.raises(LedgerError, match="read-only"):
        led = Ledger(ledger_path)
        new = tmp_path / "n.txt"
        new.write_text("قتل 3", encoding="utf-8")
        ingest(led, [str(new)])


def test_read_only_ledger_via_uri(seeded, ledger_path, tmp_path):
    """A ledger opened read-only (as on a read-only mount) refuses writes with a clear error."""
    seeded.close()
    led = Ledger(ledger_path)
    led.db.conn.execute("PRAGMA query_only = ON")
    new = tmp_path / "n.txt"
    new.write_text("قتل 3 أشخاص", encoding="utf-8")
    with pytest.raises(LedgerError, match="read-only"):
        ingest(led, [str(new)])
    led.db.conn.execute("PRAGMA query_only = OFF")
    assert led.count("articles") == 5


def test_not_a_ledger(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LedgerError, match="not a valid SQLite database"):
        Ledger(path)
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE people (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(LedgerError, match="not a fact-ledger ledger"):
        Ledger(other)


def test_workers_give_the_same_ledger(seeds, tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    ingest(Ledger(one), [str(seeds)], workers=1)
    ingest(Ledger(two), [str(seeds)], workers=2)
    assert snapshot(one)[:2] == snapshot(two)[:2]


def test_an_extraction_error_costs_one_article_not_the_batch(ledger_path, tmp_path, monkeypatch):
    import importlib

    ingest_module = importlib.import_module("ledger.ingest")

    real = ingest_module.article_mentions

    def flaky(text, title):
        if "BOOM" in text:
            raise ValueError("bad digits")
        return real(text, title)

    monkeypatch.setattr(ingest_module, "article_mentions", flaky)
    (tmp_path / "a.txt").write_text("قتل 5 أشخاص", encoding="utf-8")
    (tmp_path / "b.txt").write_text("BOOM 7 أشخاص", encoding="utf-8")
    with Ledger(ledger_path) as ledger:
        report = ingest(ledger, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
        assert report.added == 1
        assert [p.message for p in report.errors] == [
            "could not extract numbers (ValueError: bad digits)"
        ]
        assert ledger.count("articles") == 1
