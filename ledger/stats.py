"""Summary counts of a ledger."""

from __future__ import annotations

from .store import Ledger


def _grouped(ledger: Ledger, column: str, limit: int | None = None) -> dict[str, int]:
    sql = (
        f"SELECT {column}, count(*) FROM mentions WHERE is_claim = 1 AND {column} IS NOT NULL "
        f"GROUP BY {column} ORDER BY count(*) DESC, {column}"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return dict(ledger.db.execute(sql).fetchall())


def ledger_stats(ledger: Ledger) -> dict:
    """Counts of articles, sources, mentions and claims, and claims by facet."""
    return {
        "articles": ledger.count("articles"),
        "sources": ledger.count("sources"),
        "mentions": ledger.count("mentions"),
        "claims": ledger.count("mentions", "is_claim = 1"),
        "non_claims": dict(
            ledger.db.execute(
                "SELECT kind, count(*) FROM mentions WHERE is_claim = 0 GROUP BY kind "
                "ORDER BY count(*) DESC"
            ).fetchall()
        ),
        "by_kind": _grouped(ledger, "kind"),
        "by_qualifier": _grouped(ledger, "qualifier"),
        "top_entities": _grouped(ledger, "entity", 10),
        "top_events": _grouped(ledger, "event", 10),
    }
