"""Fit the same-slot model on the story dev set, cross-validated by story.

    uv run python tests/gold/fit_link_model.py LEDGER [--write]

LEDGER holds the dev set's articles (``build_dev_ledger.py``). Candidate pairs of claim
mentions are generated as linking generates them (stories grouped by
``ledger.stories``, not the gold's); the pairs whose two mentions are both marked in the
gold are labelled (same slot or not). Each story in turn is held out: the model is
fitted on the others, its mentions are grouped with the held-out predictions, and the
same-figure pairs are scored. ``--write`` fits on every story and writes
``ledger/link_model.json``.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from score_links import load, match  # noqa: E402

from ledger import slots  # noqa: E402
from ledger.linking import Constraints, Pair, cluster, load_claims  # noqa: E402
from ledger.stories import ArticleTerms, _day, article_terms, group  # noqa: E402


def story_map(db) -> dict[str, int]:
    items = [
        ArticleTerms(r, a, _day(p), article_terms(t, x))
        for r, a, p, t, x in db.execute("SELECT rowid, id, published, title, text FROM articles")
    ]
    return group(items)


def evaluate(ids, gold_of, pairs: dict, m: slots.Model, rows_by_id) -> tuple[int, int, int]:
    """Group ``ids`` with ``pairs`` and count (hits, predicted, gold) same-slot pairs."""
    sentence_of = {i: (rows_by_id[i].article_id, rows_by_id[i].title,
                       rows_by_id[i].sentence_start) for i in ids}  # fmt: skip
    settings = slots.SETTINGS.__class__(link_threshold=m.link, group_threshold=m.group,
                                        unknown_pair_score=m.unknown)  # fmt: skip
    claim_of, _ = cluster(list(ids), pairs, sentence_of, Constraints(), settings)
    hit = pred = gold = 0
    for a, b in combinations(ids, 2):
        same_gold = gold_of[a]["slot"] == gold_of[b]["slot"]
        same_pred = claim_of[a] == claim_of[b]
        gold += same_gold
        pred += same_pred
        hit += same_gold and same_pred
    return hit, pred, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ledger")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    db = sqlite3.connect(args.ledger)
    rows = load_claims(db)
    rows_by_id = {r.id: r for r in rows}
    story_of = story_map(db)
    gold_of = match(db, load("mentions.jsonl"))  # ledger mention id -> gold mention
    cands = slots.candidates(rows, story_of)
    x, y, story, keys = [], [], [], []
    for i, j, c, s in cands:
        a, b = rows[i], rows[j]
        if a.id in gold_of and b.id in gold_of:
            x.append(slots.features(a, b, c, s))
            y.append(float(gold_of[a.id]["slot"] == gold_of[b.id]["slot"]))
            story.append(gold_of[a.id]["slot"].split(".")[0])
            keys.append((a.id, b.id) if a.id < b.id else (b.id, a.id))
    x, y = np.array(x), np.array(y)
    print(f"{len(cands)} candidate pairs, {len(y)} labelled ({int(y.sum())} same slot)")
    base = slots.model()
    stories = sorted(set(story))
    by_story_ids: dict[str, list[int]] = defaultdict(list)
    for mid, g in gold_of.items():
        if mid in rows_by_id:
            by_story_ids[g["slot"].split(".")[0]].append(mid)
    totals = [0, 0, 0]
    pair_counts = [0, 0, 0]
    for held in stories:
        train = np.array([s != held for s in story])
        if not train.any() or train.all():
            continue
        w = slots.fit(x[train], y[train])
        m = slots.Model(tuple(w.tolist()), base.keep, base.link, base.group, base.unknown)
        test = ~train
        prob = m.probability(x[test])
        ids = set(by_story_ids[held])
        pairs = {}
        held_keys = [k for k, t in zip(keys, test, strict=True) if t]
        for k, p in zip(held_keys, prob.tolist(), strict=True):
            if p >= m.keep and k[0] in ids and k[1] in ids:
                pairs[k] = Pair(k[0], k[1], p, "")
        cls = prob >= 0.5
        truth = y[test] == 1
        pair_counts[0] += int((cls & truth).sum())
        pair_counts[1] += int(cls.sum())
        pair_counts[2] += int(truth.sum())
        hit, pred, gold = evaluate(by_story_ids[held], gold_of, pairs, m, rows_by_id)
        totals = [totals[0] + hit, totals[1] + pred, totals[2] + gold]
        print(f"  {held:28s} pairs: precision {hit / max(1, pred):.2f} ({hit}/{pred}), "
              f"recall {hit / max(1, gold):.2f} ({hit}/{gold})")  # fmt: skip
    hit, pred, gold = pair_counts
    print(f"candidate pairs classified (p >= 0.5): precision {hit / max(1, pred):.3f}, "
          f"recall {hit / max(1, gold):.3f} (of labelled candidate pairs)")  # fmt: skip
    hit, pred, gold = totals
    print(f"cross-validated by story: precision {hit / max(1, pred):.3f} ({hit}/{pred}), "
          f"recall {hit / max(1, gold):.3f} ({hit}/{gold})")  # fmt: skip
    if args.write:
        w = slots.fit(x, y)
        data = {"weights": dict(zip(slots.FEATURES, [round(v, 4) for v in w.tolist()],
                                    strict=True)),
                "keep": base.keep, "link": base.link, "group": base.group,
                "unknown": base.unknown,
                "fitted_on": f"{len(y)} labelled pairs of the story dev set"}  # fmt: skip
        slots.MODEL_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {slots.MODEL_FILE}")


if __name__ == "__main__":
    main()
