"""Fault tests, as SQLite's own crash tests do: a real process is killed (SIGKILL) at
several points of an ingest, a link and a decision; the ledger it leaves must pass
``PRAGMA integrity_check`` and a re-run must end with the same ledger a clean run gives."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from ledger import Database
from ledger.seeds import seeds_dir

CLI = [sys.executable, "-c", "from ledger.cli import main; main()"]
DELAYS = (0.4, 0.9, 1.6)  # seconds after start: reading, extracting, writing or linking


def corpus(tmp_path, copies: int = 20):
    """The seeds, many times over with small changes: enough work to be killed in."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(copies):
        for seed in sorted(seeds_dir().glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            (folder / f"{n:03d}_{seed.name}").write_text(f"{text}\nنسخة {n + 1}", encoding="utf-8")
    return folder


def killed(args: list[str], delay: float) -> None:
    process = subprocess.Popen([*CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()


def state(path) -> tuple:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master")}
        mention_columns = {c[1] for c in con.execute("PRAGMA table_info(mentions)")}
        if "mentions" not in tables or "claim_id" not in mention_columns:
            # killed while the ledger was being created: each migration landed whole or
            # not at all, and the next open applies the rest
            return ()
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        mentions = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
        unlinked = con.execute(
            "SELECT count(*) FROM mentions WHERE is_claim = 1 AND claim_id IS NULL"
        ).fetchone()[0]
        return articles, mentions, unlinked
    finally:
        con.close()


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("clean")
    folder = corpus(tmp)
    path = tmp / "ledger.db"
    subprocess.run([*CLI, "--db", str(path), "ingest", "-q", str(folder)], check=True,
                   capture_output=True)  # fmt: skip
    return folder, state(path)


@pytest.mark.parametrize("delay", DELAYS)
def test_killed_ingest_leaves_a_whole_ledger(clean, tmp_path, delay):
    folder, expected = clean
    path = tmp_path / "ledger.db"
    killed(["--db", str(path), "ingest", "-q", str(folder)], delay)
    if path.exists():
        state(path)  # whatever was written is whole
    subprocess.run([*CLI, "--db", str(path), "ingest", "-q", str(folder)], check=True,
                   capture_output=True)  # fmt: skip
    assert state(path) == expected


@pytest.mark.parametrize("delay", DELAYS[:2])
def test_killed_link_and_decision_leave_a_whole_ledger(clean, tmp_path, delay):
    folder, expected = clean
    path = tmp_path / "ledger.db"
    subprocess.run([*CLI, "--db", str(path), "ingest", "-q", "--no-link", str(folder)],
                   check=True, capture_output=True)  # fmt: skip
    killed(["--db", str(path), "link", "-q"], delay)
    state(path)
    subprocess.run([*CLI, "--db", str(path), "link", "-q"], check=True, capture_output=True)
    assert state(path) == expected
    with Database(path) as db:
        mention = db.db.execute("SELECT min(id) FROM mentions WHERE is_claim = 1").fetchone()[0]
    killed(["--db", str(path), "not-claim", str(mention)], delay / 4)
    assert state(path)[:2] == expected[:2]
    with Database(path) as db:
        decisions = len(db.log())
        assert decisions in (0, 1)
        excluded = db.db.execute(
            "SELECT coalesce(excluded, 0) FROM mentions WHERE id = ?", [mention]
        ).fetchone()[0]
        assert excluded == decisions  # the decision landed whole, or not at all


def test_two_processes_deciding_at_once_both_land(seeded_path):
    with Database(seeded_path) as db:
        mentions = [m for (m,) in db.db.execute(
            "SELECT id FROM mentions WHERE is_claim = 1 ORDER BY id LIMIT 12")]  # fmt: skip
    script = (
        "import sys; from ledger.cli import main\n"
        "for m in sys.argv[2:]:\n"
        "    try:\n"
        "        main(['--db', sys.argv[1], 'not-claim', m], standalone_mode=False)\n"
        "    except SystemExit as exc:\n"
        "        sys.exit(exc.code)\n"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(seeded_path), *map(str, part)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for part in (mentions[0::2], mentions[1::2])
    ]
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    with Database(seeded_path) as db:
        assert len(db.log()) == len(mentions)
        assert state(seeded_path)


def test_a_ledger_from_a_newer_version_is_refused_untouched(tmp_path):
    """A newer fact-ledger may have changed the schema: this one says so (exit 3) and
    writes nothing, rather than using and corrupting it."""
    from click.testing import CliRunner

    from ledger.cli import main

    db = tmp_path / "l.db"
    Database(db).close()
    con = sqlite3.connect(db)
    con.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('fact-ledger', 'm099_from_the_future', '2030-01-01')"
    )
    con.commit()
    con.close()
    before = db.read_bytes()
    for args in (["stats"], ["ingest", "--seeds"], ["export"]):
        result = CliRunner().invoke(main, ["--db", str(db), *args])
        assert result.exit_code == 3, (args, result.output)
        assert "written by a newer fact-ledger (schema m099_from_the_future)" in result.stderr
    assert db.read_bytes() == before


def test_a_decision_during_a_full_link_waits_for_it_and_lands(seeded_path):
    """A full link holds the write lock for its whole run and says so beside the ledger;
    a decision made meanwhile waits for it (the busy timeout here is 0.2 s), then lands.
    Here this test process plays the link: it announces itself and holds the lock."""
    from ledger.long_writes import announced

    with Database(seeded_path) as db:
        mention = db.db.execute("SELECT min(id) FROM mentions WHERE is_claim = 1").fetchone()[0]
    holder = sqlite3.connect(seeded_path, isolation_level=None)
    with announced(seeded_path, "link"):
        holder.execute("BEGIN IMMEDIATE")
        decision = subprocess.Popen([*CLI, "--db", str(seeded_path), "not-claim", str(mention)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        time.sleep(2.5)  # ten busy timeouts: it would have failed by now
        assert decision.poll() is None, decision.communicate()
        holder.execute("COMMIT")
    out, err = decision.communicate(timeout=60)
    holder.close()
    assert decision.returncode == 0, err
    assert "waiting for the link under way" in err and "is not a claim" in out
    with Database(seeded_path) as db:
        assert len(db.log()) == 1


def test_a_real_link_announces_itself_only_while_it_runs(seeded_path):
    from ledger.long_writes import marker_path

    seen = []
    with Database(seeded_path) as db:
        db.link(on_stage=lambda _name: seen.append(marker_path(seeded_path).exists()))
    assert seen and all(seen) and not marker_path(seeded_path).exists()


def test_a_marker_left_by_a_killed_link_is_ignored(seeded_path):
    from ledger.long_writes import marker_path, running

    marker = marker_path(seeded_path)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    marker.write_text(json.dumps({"pid": dead.pid, "what": "link", "since": 0}))
    assert running(seeded_path) is None
    with Database(seeded_path) as db:
        mention = db.db.execute("SELECT min(id) FROM mentions WHERE is_claim = 1").fetchone()[0]
        db.not_claim(mention)  # nothing waits on the dead process
        assert len(db.log()) == 1
