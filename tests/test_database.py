"""The public ``Database`` facade: the whole flow on a real ledger file."""

import csv

from ledger import Database
from ledger.seeds import seeds_dir


def test_flow_ingest_link_decide_undo_export(tmp_path):
    with Database(tmp_path / "ledger.db", author="tester") as db:
        report = db.ingest([seeds_dir()])
        assert report.added == 5
        assert db.stories()[0]["articles"] == 5
        (conflict,) = db.conflicts()
        assert conflict["conflict_kind"] == "disagreement"
        mentions = db.figure(conflict["claim_id"])["mention_rows"]
        decision = db.split(mentions[0]["mention_id"], note="not the same count")
        assert db.conflicts() == []
        assert db.log()[-1].author == "tester"
        assert db.undo() == decision
        assert len(db.conflicts()) == 1
        rows = db.export(tmp_path / "out.csv", conflicts_only=True)
    with (tmp_path / "out.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == rows == 2
    assert not (tmp_path / "out.csv.part").exists()


def test_changes_seen_moves_when_another_connection_commits(tmp_path):
    from ledger import Database

    path = tmp_path / "ledger.db"
    with Database(path) as reader, Database(path) as writer:
        before = reader.changes_seen()
        assert reader.changes_seen() == before  # reading changes nothing
        writer.db.execute("CREATE TABLE notes (text TEXT)")
        writer.db.conn.commit()
        assert reader.changes_seen() != before
