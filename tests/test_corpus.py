"""Real text nobody here wrote: one day of SaudiNewsNet (skips when the corpus is absent)."""

import pytest
from conftest import corpus_dir

from ledger import Ledger, ingest

CORPUS = corpus_dir()
pytestmark = pytest.mark.skipif(CORPUS is None, reason="SaudiNewsNet corpus not present")


def test_one_day_of_saudinewsnet(ledger_path):
    day = CORPUS / "2015-07-23.zip"
    ledger = Ledger(ledger_path)
    report = ingest(ledger, [str(day)], workers=2)
    assert report.added > 1000 and not report.errors
    rows = ledger.db.execute(
        "SELECT CASE m.field WHEN 'title' THEN a.title ELSE a.text END, m.start, m.\"end\", "
        "m.text, m.is_claim, m.kind, m.field FROM mentions m JOIN articles a ON a.id = m.article_id"
    ).fetchall()
    assert len(rows) > 5000
    assert all(text[s:e] == t for text, s, e, t, _, _, _ in rows)
    assert sum(r[6] == "title" for r in rows) > 300  # headlines are extracted too
    claims = sum(r[4] for r in rows)
    assert 0.4 < claims / len(rows) < 0.8
    outlets = {r[0] for r in ledger.db.execute("SELECT DISTINCT outlet FROM articles")}
    assert len(outlets) >= 10
    again = ingest(ledger, [str(day)])
    assert again.added == again.changed == 0 and again.mentions == 0
