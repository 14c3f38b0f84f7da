"""Fit the same-slot model on the story dev set, cross-validated by story.

    uv run python tests/gold/fit_link_model.py LEDGER [--write] [--by-story] [--errors N]

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
from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from score_links import load, match  # noqa: E402

from ledger import slots  # noqa: E402
from ledger.linking import (  # noqa: E402
    Constraints,
    LinkSettings,
    Pair,
    cluster,
    load_claims,
    periods_of,
    toll_siblings,
    toll_timeline,
)
from ledger.pair_rules import add_rule_pairs, self_contradictions  # noqa: E402
from ledger.stories import ArticleTerms, Stories, _day, article_terms, build  # noqa: E402


def story_map(db) -> Stories:
    items = [
        ArticleTerms(r, a, _day(p), article_terms(t, x))
        for r, a, p, t, x in db.execute("SELECT rowid, id, published, title, text FROM articles")
    ]
    return build(items)


def evaluate(rows, gold_of, pairs: dict, m: slots.Model, by_story: Counter | None = None,
             wrong: Counter | None = None, vetoes: dict | None = None) -> tuple[int, int, int]:  # fmt: skip
    """Group every mention of the ledger with ``pairs`` and count (hits, predicted, gold)
    same-slot pairs among the gold mentions (and each story's, into ``by_story``; the
    pairs of two slots grouped together, into ``wrong``)."""
    rows_by_id = {r.id: r for r in rows}
    sentence_of = {r.id: r.clause for r in rows}
    settings = LinkSettings(link_threshold=m.link, group_threshold=m.group,
                            unknown_pair_score=m.unknown)  # fmt: skip
    constraints = Constraints(cannot=self_contradictions(rows_by_id, pairs) | set(vetoes or ()))
    claim_of, _ = cluster([r.id for r in rows], pairs, sentence_of, constraints, settings,
                          periods_of(rows), toll_timeline(rows), toll_siblings(rows))  # fmt: skip
    hit = pred = gold = 0
    for a, b in combinations(sorted(gold_of), 2):
        same_gold = gold_of[a]["slot"] == gold_of[b]["slot"]
        same_pred = claim_of[a] == claim_of[b]
        gold += same_gold
        pred += same_pred
        hit += same_gold and same_pred
        if wrong is not None and same_pred and not same_gold:
            wrong[tuple(sorted((gold_of[a]["slot"], gold_of[b]["slot"])))] += 1
        if by_story is not None:
            story = gold_of[a]["slot"].split(".")[0]
            by_story[(story, "hit")] += same_gold and same_pred
            by_story[(story, "pred")] += same_pred
            by_story[(story, "gold")] += same_gold
    return hit, pred, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ledger")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--sweep", action="store_true", help="try other grouping thresholds")
    parser.add_argument("--oracle", action="store_true", help="gold labels as probabilities")
    parser.add_argument("--l2", type=float, default=1.0, help="the fit's L2 penalty")
    parser.add_argument("--by-story", action="store_true", help="each story's figures too")
    parser.add_argument(
        "--errors", type=int, default=0, help="the N slot pairs most often grouped together wrongly"
    )
    parser.add_argument("--keep", type=float, help="keep pairs this likely (default: the model's)")
    args = parser.parse_args()
    db = sqlite3.connect(args.ledger)
    rows = load_claims(db)
    rows_by_id = {r.id: r for r in rows}
    found = story_map(db)
    gold_of = {m: g for m, g in match(db, load("mentions.jsonl")).items() if m in rows_by_id}
    story_of_article = {
        rows_by_id[m].article_id: g["slot"].split(".")[0] for m, g in gold_of.items()
    }
    cands = slots.candidates(rows, found.story_of, found.related)
    x = cands.features()
    pairs_ij = list(zip(cands.i.tolist(), cands.j.tolist(), strict=True))
    fold = [story_of_article.get(rows[i].article_id) or story_of_article.get(rows[j].article_id)
            for i, j in pairs_ij]  # fmt: skip
    labelled = np.array([rows[i].id in gold_of and rows[j].id in gold_of for i, j in pairs_ij])
    y = np.array([float(lab and gold_of[rows[i].id]["slot"] == gold_of[rows[j].id]["slot"])
                  for (i, j), lab in zip(pairs_ij, labelled, strict=True)])  # fmt: skip
    print(f"{len(cands)} candidate pairs, {int(labelled.sum())} labelled "
          f"({int(y[labelled].sum())} same slot)")  # fmt: skip
    base = slots.model()
    folds = np.array([f or "" for f in fold])
    prob = np.zeros(len(cands))
    full = slots.fit(x[labelled], y[labelled], args.l2)
    prob[folds == ""] = slots.Model(tuple(full.tolist())).probability(x[folds == ""])
    for held in sorted(set(folds) - {""}):
        train = labelled & (folds != held)
        w = slots.fit(x[train], y[train], args.l2)
        test = folds == held
        prob[test] = slots.Model(tuple(w.tolist())).probability(x[test])
    if args.oracle:
        prob[labelled] = y[labelled]
    truth = y == 1
    cls = labelled & (prob >= 0.5)
    print(f"labelled pairs classified (p >= 0.5), cross-validated by story: precision "
          f"{(cls & truth).sum() / max(1, cls.sum()):.3f}, recall "
          f"{(cls & truth).sum() / max(1, (labelled & truth).sum()):.3f}")  # fmt: skip
    for link, group, unknown in ((base.link, base.group, base.unknown),) + tuple(
        (lk, g, u) for lk in (0.5, 0.6) for g in (0.2, 0.3, 0.35) for u in (0.0, 0.2, 0.35)
    ) * args.sweep:
        m = slots.Model(base.weights, args.keep or base.keep, link, group, unknown)
        pairs = {}
        for (i, j), p in zip(pairs_ij, prob.tolist(), strict=True):
            if p >= m.keep:
                a, b = sorted((rows[i].id, rows[j].id))
                pairs[(a, b)] = Pair(a, b, p, "")
        add_rule_pairs(
            pairs, rows, found.story_of, found.related
        )  # the rules linking adds (not fitted)
        stories, wrong = Counter(), Counter()
        hit, pred, gold = evaluate(rows, gold_of, pairs, m, stories, wrong, cands.vetoes)
        for (a, b), n in wrong.most_common(args.errors):
            print(f"  wrong {n:4d}  {a}  +  {b}")
        if args.by_story:
            for story in sorted({s for s, _ in stories}):
                h, p, g = (stories[(story, k)] for k in ("hit", "pred", "gold"))
                print(f"  {story:34s} precision {h / max(1, p):.2f} ({h}/{p}), "
                      f"recall {h / max(1, g):.2f} ({h}/{g})")  # fmt: skip
        print(f"link {link} group {group} unknown {unknown}: cross-validated by story: precision "
              f"{hit / max(1, pred):.3f} ({hit}/{pred}), recall {hit / max(1, gold):.3f} "
              f"({hit}/{gold})")  # fmt: skip
    if args.write:
        data = {"weights": dict(zip(slots.FEATURES, [round(v, 4) for v in full.tolist()],
                                    strict=True)),
                "keep": base.keep, "link": base.link, "group": base.group,
                "unknown": base.unknown,
                "fitted_on": f"{int(labelled.sum())} labelled pairs of the story dev set"}  # fmt: skip
        slots.MODEL_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {slots.MODEL_FILE}")


if __name__ == "__main__":
    main()
