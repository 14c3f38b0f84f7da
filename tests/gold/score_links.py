"""Score stories, figures and conflict flags of a linked ledger on the story dev set.

    uv run python tests/gold/score_links.py LEDGER [--errors]

The ledger must hold the dev set's articles (``build_dev_ledger.py`` or the whole corpus)
and have been linked. Each marked claim of ``stories/mentions.jsonl`` is matched to the
ledger mention that overlaps it; then:

- same-figure pairs: of the pairs of matched claims the gold puts in one slot, the share
  the ledger links into one figure (recall), and of the pairs the ledger links, the share
  in one slot (precision), over all pairs and over pairs from different articles;
- stories: B-cubed precision, recall and F1 of ``articles.story_id`` against the gold
  stories of the 140 articles;
- conflicts: of the gold slots whose values differ (update or disagreement), the share
  whose mentions sit in a flagged figure, and the flagged figures made only of mentions of
  slots that agree (false flags).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
# another gold set of the same files (a held-out set) may be scored instead of the dev set
GOLD_ENV = "FACTLEDGER_GOLD_STORIES"


def gold_dir() -> Path:
    """The folder of the gold stories: ``$FACTLEDGER_GOLD_STORIES`` or ``stories/``."""
    return Path(os.environ.get(GOLD_ENV) or HERE / "stories")


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (gold_dir() / name).open(encoding="utf-8")]


def match(db: sqlite3.Connection, gold: list[dict]) -> dict[int, dict]:
    """Ledger mention id -> gold mention, by article name, field and overlap."""
    out: dict[int, dict] = {}
    for g in gold:
        field = "title" if g["field"] == "title" else "text"
        rows = db.execute(
            """SELECT m.id, m.start, m."end", m.claim_id, m.is_claim FROM mentions m
               WHERE m.field = ? AND m.article_id IN
                 (SELECT article_id FROM sources WHERE name = ?
                  UNION SELECT id FROM articles WHERE name = ?)""",
            [field, g["article"], g["article"]],
        ).fetchall()
        best = None
        for mid, start, end, _claim, is_claim in rows:
            overlap = min(end, g["end"]) - max(start, g["start"])
            if overlap > 0 and is_claim and (best is None or overlap > best[0]):
                best = (overlap, mid)
        if best is not None and best[1] not in out:
            out[best[1]] = g
    return out


def pair_scores(db, matched: dict[int, dict]) -> dict:
    claim = dict(db.execute("SELECT id, claim_id FROM mentions WHERE claim_id IS NOT NULL"))
    counts = defaultdict(int)
    for (a, ga), (b, gb) in combinations(matched.items(), 2):
        if ga["slot"].split(".")[0] != gb["slot"].split(".")[0] and ga["slot"] != gb["slot"]:
            # different stories: count only if the ledger joined them (a wrong link)
            if claim.get(a) is not None and claim.get(a) == claim.get(b):
                counts["pred"] += 1
                counts["pred_x"] += ga["article"] != gb["article"]
            continue
        same_gold = ga["slot"] == gb["slot"]
        same_pred = claim.get(a) is not None and claim.get(a) == claim.get(b)
        cross = ga["article"] != gb["article"]
        counts["gold"] += same_gold
        counts["pred"] += same_pred
        counts["hit"] += same_gold and same_pred
        if cross:
            counts["gold_x"] += same_gold
            counts["pred_x"] += same_pred
            counts["hit_x"] += same_gold and same_pred
    return dict(counts)


def bcubed(db) -> tuple[float, float, float]:
    gold = {a["article"]: a["story"] for a in load("articles.jsonl")}
    rows = db.execute(
        "SELECT s.name, a.story_id FROM sources s JOIN articles a ON a.id = s.article_id"
    ).fetchall()
    pred = {name: story for name, story in rows if name in gold}
    names = [n for n in gold if n in pred and pred[n] is not None]
    precision = recall = 0.0
    for n in names:
        same_pred = [m for m in names if pred[m] == pred[n]]
        same_gold = [m for m in names if gold[m] == gold[n]]
        both = sum(gold[m] == gold[n] for m in same_pred)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    p, r = precision / max(1, len(names)), recall / max(1, len(names))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def conflict_scores(db, matched: dict[int, dict]) -> dict:
    slots = {s["slot"]: s for s in load("slots.jsonl")}
    flagged = dict(
        db.execute(
            "SELECT m.id, f.conflict FROM mentions m JOIN figures f ON f.claim_id = m.claim_id"
        )
    )
    by_slot: dict[str, list[int]] = defaultdict(list)
    for mid, g in matched.items():
        by_slot[g["slot"]].append(mid)
    conflicting = [s for s, ids in by_slot.items()
                   if slots.get(s, {}).get("conflict") in ("update", "disagreement") and len(ids) > 1]  # fmt: skip
    caught = [s for s in conflicting if any(flagged.get(m) for m in by_slot[s])]
    claim_of = dict(db.execute("SELECT id, claim_id FROM mentions"))
    figures: dict[int, list[int]] = defaultdict(list)
    for mid in matched:
        if flagged.get(mid):
            figures[claim_of[mid]].append(mid)
    false_flags = [
        f for f, ids in figures.items()
        if all(slots.get(matched[m]["slot"], {}).get("conflict") == "none" for m in ids)
    ]  # fmt: skip
    # by mention, as an analyst meets them: each mention of a slot whose values differ,
    # and whether its own figure is flagged
    of_conflicts = [m for m, g in matched.items()
                    if slots.get(g["slot"], {}).get("conflict") in ("update", "disagreement")]  # fmt: skip
    return {"conflicting_slots": len(conflicting), "flagged": len(caught),
            "false_flags": len(false_flags), "conflicting_mentions": len(of_conflicts),
            "mentions_flagged": sum(bool(flagged.get(m)) for m in of_conflicts)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ledger")
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.ledger}?mode=ro", uri=True)
    gold = load("mentions.jsonl")
    matched = match(db, gold)
    c = pair_scores(db, matched)
    print(f"{len(matched)}/{len(gold)} marked claims found in the ledger")

    def pr(hit, pred, gold_n):
        p = hit / pred if pred else 1.0
        r = hit / gold_n if gold_n else 1.0
        return f"precision {p:.3f} ({hit}/{pred}), recall {r:.3f} ({hit}/{gold_n})"

    print(
        "same-figure pairs, all:        " + pr(c.get("hit", 0), c.get("pred", 0), c.get("gold", 0))
    )
    print("same-figure pairs, across articles: "
          + pr(c.get("hit_x", 0), c.get("pred_x", 0), c.get("gold_x", 0)))  # fmt: skip
    columns = {r[1] for r in db.execute("PRAGMA table_info(articles)")}
    if "story_id" in columns:
        p, r, f = bcubed(db)
        print(f"stories: B-cubed precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")
    k = conflict_scores(db, matched)
    print(f"conflicting slots flagged: {k['flagged']}/{k['conflicting_slots']}; "
          f"figures flagged with agreeing slots only: {k['false_flags']}")  # fmt: skip
    sys.stdout.flush()


if __name__ == "__main__":
    main()
