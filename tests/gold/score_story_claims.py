"""Recall of claims on the story dev set: every numeric claim of 140 whole articles.

    uv run python tests/gold/score_story_claims.py [--errors]

``stories/mentions.jsonl`` marks every numeric claim (counts, percents, money,
measures, durations, numbers in words, duals) in the titles and texts of 140
SaudiNewsNet articles read whole. Each is matched to the extracted claim that overlaps
it most: found with the right value, found with a wrong value, or missed; extracted
claims that overlap no marked claim are counted as extra (mostly non-claims read as
claims). Needs the corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from corpus import article  # noqa: E402

from ledger import extract_mentions  # noqa: E402


def _value(x) -> Fraction | None:
    return None if x in (None, "") else Fraction(str(x))


def right_value(gold: dict, m) -> bool:
    if gold["qualifier"] == "vague":
        return m.qualifier == "vague"
    if gold["qualifier"] == "range" or gold.get("low"):
        return m.low == _value(gold["low"]) and m.high == _value(gold["high"])
    want = _value(gold["value"])
    return (
        want is not None
        and m.value is not None
        and abs(m.value - want) <= Fraction(1, 10**6) * max(1, abs(want))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    gold = [json.loads(line) for line in (HERE / "stories/mentions.jsonl").open()]
    names = [json.loads(line)["article"] for line in (HERE / "stories/articles.jsonl").open()]
    by_field = defaultdict(list)
    for g in gold:
        by_field[(g["article"], g["field"])].append(g)
    right = wrong = missed = 0
    extra, errors = [], []
    for name in names:
        record = article(name)
        for field, key in (("title", "title"), ("content", "content")):
            text = record.get(key) or ""
            claims = [m for m in extract_mentions(text) if m.is_claim]
            marked = by_field.get((name, field), [])
            for g in marked:
                over = [m for m in claims if m.start < g["end"] and g["start"] < m.end]
                if not over:
                    missed += 1
                    errors.append(f"missed {name} {field} «{g['expr']}»")
                    continue
                m = max(over, key=lambda m: min(g["end"], m.end) - max(g["start"], m.start))
                if right_value(g, m):
                    right += 1
                else:
                    wrong += 1
                    errors.append(f"value {name} {field} «{g['expr']}» read «{m.text}»")
            for m in claims:
                if not any(m.start < g["end"] and g["start"] < m.end for g in marked):
                    extra.append(f"extra {name} {field} «{m.text}» ({m.kind})")
    print(f"{len(gold)} marked claims in {len(names)} articles: {right} found with the right "
          f"value, {wrong} with a wrong value, {missed} missed; {len(extra)} extra claims")  # fmt: skip
    if args.errors:
        print("\n".join(errors + extra))


if __name__ == "__main__":
    main()
