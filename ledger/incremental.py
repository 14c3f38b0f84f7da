"""Linking what an ingest added, without re-linking the rest of the ledger.

A full link reads every claim, groups every article into stories and scores every
candidate pair (about a minute on a ledger of 30,000 articles). When an ingest only adds
articles to a linked ledger, ``link_added`` places the new articles into the existing
stories (``stories.assign_new``), reads the claims of the stories they joined (and of
the articles related to them), scores only the pairs with a new mention, and re-groups
the figures those pairs can reach (``figures.relink``). Every other story, pair and
figure stays as it was.

The result is close to, not always equal to, what a full link would give: term rarity
for the stories is taken over the new articles' weeks rather than the whole ledger, and
a new article never merges two existing stories. ``factledger link`` re-links
everything.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from . import stories
from .figures import LinkReport, link, needs_rescore, relink, store_vetoes
from .linking import load_claims
from .long_writes import announced
from .pair_rules import add_rule_pairs
from .slots import candidates, scored_pairs
from .store import Ledger

ADDED_SHARE = 0.2  # when an ingest adds more than this share of the ledger, link it all


def worth_it(ledger: Ledger, added: int) -> bool:
    """Is linking only what ``added`` articles bring cheaper than a full link? Only on a
    ledger already linked, for a few articles."""
    db = ledger.db
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    linked = not needs_rescore(db)
    unlinked = db.execute(
        "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.is_claim = 1 AND m.claim_id IS NULL AND a.story_id IS NOT NULL"
    ).fetchone()[0]
    return linked and unlinked == 0 and 0 < added <= ADDED_SHARE * max(1, total - added)


def link_added(
    ledger: Ledger, article_ids: list[str], on_stage: Callable[[str], None] | None = None
) -> LinkReport:
    """Link the claims of newly added articles (``article_ids``) into the ledger's
    stories and figures, re-grouping only what they touch. ``on_stage`` is told each
    stage's name as it starts (the names of ``figures.LINK_STAGES``)."""
    stage = on_stage or (lambda _name: None)
    started = time.perf_counter()
    with announced(ledger.path, "link"), ledger.transaction() as db:
        stage("grouping stories")
        found, touched = stories.assign_new(db, article_ids)
        new = set(article_ids)
        in_touched = {a for a, s in found.story_of.items() if s in touched}
        partners = {a for pair in found.related for a in pair}
        stage("reading claims")
        rows = load_claims(db, articles=sorted(in_touched | partners | new))
        fresh = {r.id for r in rows if r.article_id in new}
        stage("scoring slots")
        story_of = {a: s for a, s in found.story_of.items() if a in in_touched}
        cands = candidates(rows, story_of, found.related, focus=fresh)
        pairs = scored_pairs(rows, cands)
        add_rule_pairs(pairs, rows, story_of, found.related)
        kept = [p for (a, b), p in pairs.items() if a in fresh or b in fresh]
        db.conn.executemany(
            "INSERT OR REPLACE INTO pair_scores (mention_a, mention_b, score, explanation) "
            "VALUES (?, ?, ?, ?)",
            ((p.a, p.b, p.score, p.explanation) for p in kept),
        )
        store_vetoes(db, cands.vetoes)
        stage("grouping figures")
        report = relink(ledger, sorted(fresh))
    report.added_articles = len(article_ids)
    report.stories = len(touched)
    report.pairs_compared = len(cands)
    report.pairs_scored = len(kept)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def link_new(
    ledger: Ledger, article_ids: list[str], on_stage: Callable[[str], None] | None = None
) -> LinkReport:
    """Link after an ingest that added ``article_ids``: only what they touch when that is
    worth it (``worth_it``), else the whole ledger."""
    if worth_it(ledger, len(article_ids)):
        return link_added(ledger, article_ids, on_stage=on_stage)
    return link(ledger, on_stage=on_stage)
