"""Build a ledger for the story dev set: its 140 articles among other real articles.

    uv run python tests/gold/build_dev_ledger.py OUT.db [--others 3000] [--seed 7]

The story dev set's articles (``stories/articles.jsonl``) are written, with ``--others``
articles drawn at random (seeded) from the same corpus days, into one JSON collection per
day named as the corpus names it (``2015-08-06.json``, records keeping their number as
``id``), so the ledger names every article as the gold does (``2015-08-06.json#405``).
Then they are ingested (without linking). Linking and story clustering are then run and
scored with ``score_links.py``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from corpus import articles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--others", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    from ledger import Ledger, ingest

    gold = {json.loads(line)["article"] for line in (HERE / "stories/articles.jsonl").open()}
    chosen, rest = [], []
    for record in articles():
        (chosen if record["name"] in gold else rest).append(record)
    chosen += random.Random(args.seed).sample(rest, min(args.others, len(rest)))
    by_day: dict[str, list[dict]] = defaultdict(list)
    for record in chosen:
        day, _, number = record["name"].partition("#")
        by_day[day].append({**{k: v for k, v in record.items() if k != "name"}, "id": number})
    with tempfile.TemporaryDirectory() as tmp:
        for day, records in by_day.items():
            (Path(tmp) / day).write_text(json.dumps(records, ensure_ascii=False), "utf-8")
        with Ledger(args.out) as ledger:
            report = ingest(ledger, [tmp], workers=2)
    print(f"{args.out}: {report.added} articles ({len(gold)} of the story dev set)")


if __name__ == "__main__":
    main()
