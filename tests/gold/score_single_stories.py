"""Score linking on ledgers of one story each, as an analyst loads one incident's coverage.

    uv run python tests/gold/score_single_stories.py [STORY ...] [--keep DIR] [--gold DIR]

For each story of the dev set (by default those of ``MIN_ARTICLES`` articles or more: the
nine main stories), or of another gold folder of the same files (``--gold``, or
``$FACTLEDGER_GOLD_STORIES``: ``tests/gold/incidents/``, six incidents read as a held-out
check), its articles
alone are read from the SaudiNewsNet corpus into a fresh ledger, ingested and linked;
then the same-figure pairs (precision, recall), the conflicting slots flagged, the
mentions of conflicting slots whose figure is flagged (as the held-out sets count them) and
the figures flagged with agreeing slots only are printed, as ``score_links.py`` counts them.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import score_links  # noqa: E402

from ledger import Database  # noqa: E402

MIN_ARTICLES = 4  # a gold story of fewer articles is a distractor of another


def story_ledger(story: str, folder: Path) -> Path:
    """A ledger of one story's dev articles, named as the gold names them."""
    by_day: dict[str, list[str]] = defaultdict(list)
    for article in score_links.load("articles.jsonl"):
        if article["story"] == story:
            day, _, number = article["article"].partition("#")
            by_day[day].append(number)
    inputs = folder / f"{story}-articles"
    inputs.mkdir()
    for day, numbers in by_day.items():
        records = corpus.day(day)
        chosen = [{**records[int(n) - 1], "id": n} for n in numbers]
        (inputs / day).write_text(json.dumps(chosen, ensure_ascii=False), "utf-8")
    path = folder / f"{story}.db"
    with Database(path) as db:
        db.ingest([inputs])
    return path


def score(path: Path, story: str) -> dict:
    db = sqlite3.connect(path)
    gold = [g for g in score_links.load("mentions.jsonl") if g["slot"].split(".")[0] == story]
    matched = score_links.match(db, gold)
    pairs = score_links.pair_scores(db, matched)
    flags = score_links.conflict_scores(db, matched)
    stories = Counter(s for (s,) in db.execute("SELECT story_id FROM articles"))
    articles = sum(stories.values())
    return {
        "precision": pairs.get("hit", 0) / max(1, pairs.get("pred", 0)),
        "recall": pairs.get("hit", 0) / max(1, pairs.get("gold", 0)),
        "main_story": stories.most_common(1)[0][1] / max(1, articles),
        **flags,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", nargs="*")
    parser.add_argument("--keep", type=Path, help="write the ledgers here (else a temp dir)")
    parser.add_argument("--gold", type=Path, help="a gold folder other than stories/")
    args = parser.parse_args()
    if args.gold:
        os.environ[score_links.GOLD_ENV] = str(args.gold.resolve())
    sizes = Counter(a["story"] for a in score_links.load("articles.jsonl"))
    chosen = args.stories or [s for s, n in sizes.most_common() if n >= MIN_ARTICLES]
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        mentions = flagged = 0
        for story in chosen:
            s = score(story_ledger(story, folder), story)
            mentions += s["conflicting_mentions"]
            flagged += s["mentions_flagged"]
            print(f"{story:26s} pairs P {s['precision']:.2f} R {s['recall']:.2f}  "
                  f"conflicting slots flagged {s['flagged']}/{s['conflicting_slots']}  "
                  f"mentions {s['mentions_flagged']}/{s['conflicting_mentions']}  "
                  f"false flags {s['false_flags']}  main story {s['main_story']:.0%} of articles")  # fmt: skip
        print(f"mentions of conflicting slots in a flagged figure: {flagged} of {mentions}")


if __name__ == "__main__":
    main()
