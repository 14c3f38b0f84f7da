"""Helpers for tests on short excerpts of real articles (``tests/data/``)."""

from __future__ import annotations

from pathlib import Path

from ledger import Ledger, ingest
from ledger.figures import link


def linked(path: Path, data: Path, articles: int) -> Ledger:
    """A ledger at ``path`` holding the excerpts of ``data`` (``articles`` of them, read
    without a problem), linked."""
    ledger = Ledger(path)
    report = ingest(ledger, [str(data)])
    assert report.added == articles and not report.problems, report
    link(ledger)
    return ledger


def figure_of(ledger: Ledger, article_suffix: str, text: str, field: str = "text") -> int:
    """The figure of the claim written ``text`` in the article whose name ends with
    ``#article_suffix`` (the ``id`` of its record)."""
    mention = mention_of(ledger, article_suffix, text, field)
    return ledger.db.execute("SELECT claim_id FROM mentions WHERE id = ?", [mention]).fetchone()[0]


def mention_of(ledger: Ledger, article_suffix: str, text: str, field: str = "text") -> int:
    """The id of the (first) claim written ``text`` in the article whose name ends with
    ``#article_suffix``."""
    row = ledger.db.execute(
        "SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE a.name LIKE ? AND m.text = ? AND m.field = ? AND m.is_claim = 1 ORDER BY m.id",
        [f"%#{article_suffix}", text, field],
    ).fetchone()
    assert row, (article_suffix, text)
    return row[0]


def veto_reason(ledger: Ledger, a: int, b: int) -> str | None:
    """Why two mentions are told apart for good (``pair_vetoes.reason``), or None."""
    row = ledger.db.execute(
        "SELECT reason FROM pair_vetoes WHERE mention_a = ? AND mention_b = ?", sorted((a, b))
    ).fetchone()
    return row[0] if row else None
