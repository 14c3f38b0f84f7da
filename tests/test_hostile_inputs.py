"""Hostile and odd inputs: each gets one clear line, the rest is ingested, nothing hangs."""

import csv
import json
import os

from ledger import Database


def ingest_folder(tmp_path, files: dict):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in files.items():
        path = folder / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    db = Database(tmp_path / "l.db")
    report = db.ingest([folder])
    return db, report, [str(p) for p in report.problems]


def texts(db) -> dict:
    return dict(db.db.execute("SELECT name, text FROM articles"))


def test_deep_json_is_one_error_and_the_rest_goes_in(tmp_path):
    _db, report, lines = ingest_folder(
        tmp_path, {"deep.json": "[" * 100_000 + "]" * 100_000, "ok.txt": "قتل 5 أشخاص"}
    )
    assert any("deep.json: JSON nested too deeply" in line for line in lines)
    assert report.added == 1


def test_jsonl_keeps_line_separators_inside_strings(tmp_path):
    record = json.dumps({"text": "قتل 3 أشخاص\u2028ثم 4\x85 آخرون"}, ensure_ascii=False)
    db, report, _lines = ingest_folder(tmp_path, {"a.jsonl": record + "\n"})
    assert report.added == 1 and not report.errors
    assert "\u2028" in next(iter(texts(db).values()))


def test_a_csv_field_longer_than_the_csv_module_default(tmp_path):
    (tmp_path / "x").mkdir()
    path = tmp_path / "x" / "big.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text"])
        writer.writerow(["قتل 9 " + "س" * 140_000])
        writer.writerow(["أصيب 11 شخصا"])
    db = Database(tmp_path / "l.db")
    report = db.ingest([path])
    assert report.added == 2 and not report.errors


def test_text_must_be_a_string_and_nul_is_dropped(tmp_path):
    data = json.dumps([{"text": 12345}, {"text": "أصيب 7 \x00 أشخاص"}], ensure_ascii=False)
    db, report, lines = ingest_folder(tmp_path, {"n.json": data})
    assert any("n.json#1: record's text is not a string" in line for line in lines)
    assert report.added == 1
    assert "\x00" not in next(iter(texts(db).values()))


def test_one_bad_byte_keeps_utf8(tmp_path):
    data = "عدد ".encode() + b"\xff\xfe" + " القتلى 5 في الهجوم".encode()
    db, _report, lines = ingest_folder(tmp_path, {"bad.txt": data})
    (text,) = texts(db).values()
    assert text.startswith("عدد �") and "القتلى" in text
    assert any("invalid UTF-8 bytes replaced" in line for line in lines)


def test_fifo_and_dangling_link_are_named_not_waited_for(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    db = Database(tmp_path / "l.db")
    report = db.ingest([fifo, link])
    lines = [str(p) for p in report.problems]
    assert any("pipe.txt: not a regular file" in line for line in lines)
    assert any("gone.txt: dangling symbolic link" in line for line in lines)


def test_records_sharing_an_id_are_both_kept_across_re_ingests(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(
        '{"id": "x", "text": "قتل 5 أشخاص"}\n{"id": "x", "text": "أصيب 9 أشخاص"}\n',
        encoding="utf-8",
    )
    db = Database(tmp_path / "l.db")
    for _ in range(3):
        report = db.ingest([path])
        assert any("record id repeats" in str(p) for p in report.problems)
        assert sorted(texts(db).values()) == ["أصيب 9 أشخاص", "قتل 5 أشخاص"]


def test_thousands_of_numbers_in_one_text_stay_linear(tmp_path):
    path = tmp_path / "ab.txt"
    path.write_text("ab1," * 10_000, encoding="utf-8")
    db = Database(tmp_path / "l.db")
    report = db.ingest([path])
    assert report.added == 1
    stored = db.db.execute("SELECT sum(length(sentence)) FROM mentions").fetchone()[0]
    assert stored < 1_000 * 10_000  # each sentence is capped, not the whole text
    pairs = db.db.execute("SELECT count(*) FROM pair_scores").fetchone()[0]
    assert pairs <= 300 * 299 // 2  # only an article's first 300 claims are linked
    assert (tmp_path / "l.db").stat().st_size < 30_000_000


def test_a_zip_bomb_is_refused_member_by_member(tmp_path):
    import zipfile

    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ok.txt", "قتل 5 أشخاص")
        for n in range(3):
            archive.writestr(f"big{n}.txt", "ا" * 3_000_000)
    db = Database(tmp_path / "l.db")
    report = db.ingest([path])
    lines = [str(p) for p in report.problems]
    assert report.added == 1
    assert sum("a zip bomb?" in line for line in lines) == 3
