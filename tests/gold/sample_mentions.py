"""Draw a repeatable random sample of mentions from a ledger and print each in context.

    uv run python tests/gold/sample_mentions.py LEDGER [-n 400] [--seed 2015] [--jsonl]

Mentions (claims and non-claims alike) are drawn with a fixed seed from every mention
in the ledger, ordered by article name and position, so the same ledger always gives
the same sample. Each is printed with what the extractor said and its sentence, the
number marked 【like this】; ``--jsonl`` writes one JSON record per mention instead,
the form the dev set ``corpus_mentions.jsonl`` was annotated in.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys

COLUMNS = (
    'a.name, a.outlet, a.published, m.start, m."end", m.text, m.is_claim, m.kind, '
    "m.qualifier, m.value, m.low, m.high, m.unit, m.entity, m.event, m.label, m.sentence, "
    "m.sentence_start"
)
KEYS = (
    "article", "outlet", "published", "start", "end", "text", "is_claim", "kind",
    "qualifier", "value", "low", "high", "unit", "entity", "event", "label", "sentence",
    "sentence_start",
)  # fmt: skip


def draw(ledger_path: str, n: int, seed: int) -> list[dict]:
    """``n`` mentions drawn at random (seeded) from the ledger at ``ledger_path``."""
    db = sqlite3.connect(f"file:{ledger_path}?mode=ro", uri=True)
    keys = db.execute(
        "SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id "
        "ORDER BY a.name, m.start"
    ).fetchall()
    chosen = random.Random(seed).sample([k[0] for k in keys], min(n, len(keys)))
    out = []
    for mid in chosen:
        row = db.execute(
            f"SELECT {COLUMNS} FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.id = ?",
            [mid],
        ).fetchone()
        out.append(dict(zip(KEYS, row, strict=True)))
    return out


def marked(item: dict) -> str:
    """The sentence with the mention marked 【like this】, on one line."""
    s = item["sentence"] or ""
    a = item["start"] - (item["sentence_start"] or 0)
    b = item["end"] - (item["sentence_start"] or 0)
    if not (0 <= a <= b <= len(s)):
        return s.replace("\n", " ")
    return (s[:a] + "【" + s[a:b] + "】" + s[b:]).replace("\n", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ledger")
    parser.add_argument("-n", type=int, default=400)
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--jsonl", action="store_true", help="one JSON record per mention")
    args = parser.parse_args()
    items = draw(args.ledger, args.n, args.seed)
    for k, item in enumerate(items, 1):
        if args.jsonl:
            print(json.dumps({"n": k, **item}, ensure_ascii=False))
            continue
        said = item["kind"] if not item["is_claim"] else (
            f"{item['kind']} {item['qualifier']} value={item['value']} low={item['low']} "
            f"high={item['high']} unit={item['unit']} entity={item['entity']} event={item['event']}"
        )  # fmt: skip
        print(f"#{k} {item['article']} {item['outlet']} {item['published']}")
        print(f"   «{item['text']}» -> {'claim' if item['is_claim'] else 'not a claim'}: {said}")
        print(f"   {marked(item)}")
        print()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
