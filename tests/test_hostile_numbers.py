"""Numbers that do not fit: huge values in articles and corrections, ids beyond SQLite's
integers, typed values that are not numbers, decisions that make no sense."""

import pytest
from click.testing import CliRunner

from ledger import Database
from ledger.cli import main
from ledger.decisions import number_or_none

HUGE = "99999999999999999999"


def run(path, *args):
    return CliRunner().invoke(main, ["--db", str(path), *args])


def test_an_article_with_a_number_beyond_64_bits_is_ingested(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("قتل ٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩ شخصا في الهجوم.\n", encoding="utf-8")
    (folder / "b.txt").write_text("أصيب 12 شخصا.\n", encoding="utf-8")
    result = run(tmp_path / "l.db", "ingest", str(folder))
    assert result.exit_code == 0, result.output
    with Database(tmp_path / "l.db") as db:
        values = sorted(v for (v,) in db.db.execute("SELECT value FROM mentions"))
    assert values == [12, 1e20]


def test_a_huge_correction_is_stored_and_linking_goes_on(seeded_path):
    result = run(seeded_path, "correct", "2", "--value", HUGE)
    assert result.exit_code == 0, result.output
    assert run(seeded_path, "link").exit_code == 0
    assert run(seeded_path, "undo").exit_code == 0


@pytest.mark.parametrize("command", [["show", HUGE], ["split", HUGE], ["undo", HUGE]])
def test_ids_beyond_sqlite_integers_are_a_usage_error(seeded_path, command):
    result = run(seeded_path, *command)
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "range" in result.output


@pytest.mark.parametrize("text", ["12abc", "1e3", "0x10", "abc", "12 13"])
def test_typed_values_must_be_numbers(text):
    with pytest.raises(ValueError):
        number_or_none(text)


@pytest.mark.parametrize(
    ("text", "value"), [("-5", -5), ("٣٠", 30), ("1,200", 1200), ("12.5", 12.5), ("ثلاثون", 30)]
)
def test_typed_values_in_any_script(text, value):
    assert number_or_none(text) == value


@pytest.mark.parametrize(
    "command",
    [["same", "1", "1"], ["merge", "1", "1"], ["correct", "2", "--low", "5", "--high", "1"]],
)
def test_decisions_that_make_no_sense_are_refused(seeded_path, command):
    result = run(seeded_path, *command)
    assert result.exit_code == 2
    with Database(seeded_path) as db:
        assert db.log() == []


def test_a_decision_on_a_locked_ledger_exits_3(seeded_path, monkeypatch):
    import sqlite3

    monkeypatch.setenv("FACTLEDGER_BUSY_TIMEOUT_MS", "200")
    blocker = sqlite3.connect(seeded_path)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        result = run(seeded_path, "split", "1")
    finally:
        blocker.rollback()
        blocker.close()
    assert result.exit_code == 3, result.output
    assert "locked" in result.output


def test_a_tolerances_file_with_a_word_is_a_usage_error(seeded_path, tmp_path, monkeypatch):
    bad = tmp_path / "tol.toml"
    bad.write_text('approx = "abc"\n', encoding="utf-8")
    monkeypatch.setenv("FACTLEDGER_TOLERANCES", str(bad))  # restored after the test
    result = run(seeded_path, "--tolerances", str(bad), "conflicts")
    assert result.exit_code == 2
    assert "must be a number" in result.output and "Traceback" not in result.output


def test_a_lexicon_folder_that_cannot_be_used_is_one_line(tmp_path, monkeypatch):
    text = tmp_path / "a.txt"
    text.write_text("قتل 5 أشخاص", encoding="utf-8")
    monkeypatch.setenv("FACTLEDGER_LEXICON", str(tmp_path / "missing"))
    result = CliRunner().invoke(main, ["extract", str(text)])
    assert result.exit_code == 2 and "no such folder" in result.output
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("FACTLEDGER_LEXICON", str(tmp_path / "empty"))
    from ledger.lexicon import lexicon

    lexicon.cache_clear()
    try:
        result = CliRunner().invoke(main, ["extract", str(text)])
        assert result.exit_code == 2 and "lexicon file missing" in result.output
    finally:
        monkeypatch.delenv("FACTLEDGER_LEXICON")
        lexicon.cache_clear()
