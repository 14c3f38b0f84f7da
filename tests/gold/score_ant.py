"""Score dates and money on the ANT dev sample against the hand annotation.

``tests/gold/ant_dates_money.jsonl`` lists, for 100 ANT articles (``ant_sample.txt``),
every calendar date and every amount of money, read by hand: the exact words, the ISO
date (``iso``, ``iso_end`` for ranges) and the amount with its currency. Each article is
read with the ingest's own TREC/CLEF reader and extracted; then

- a date is **found** when a ``date`` mention covers its words, and **right** when the
  mention's ISO label agrees on the day and month (and the year, when the article writes
  it);
- an amount is **found** when a ``money`` mention covers it, and **right** when its value
  (or range) and currency agree (dinar = TND);
- **extra** are date and money mentions that cover nothing annotated.

Usage: ``python tests/gold/score_ant.py [-v]`` (needs the ANT corpus beside the repository
or in ``$FACTLEDGER_ANT``).
"""

from __future__ import annotations

import json
import re
import sys
from fractions import Fraction
from pathlib import Path

from corpus import corpus_dir

from ledger.ingest import article_mentions
from ledger.inputs import ArticleInput
from ledger.sources import read_file

GOLD = Path(__file__).with_name("ant_dates_money.jsonl")
CURRENCY = {"TND": {"dinar", "TND"}}


def locate(haystack: str, needle: str, after: int) -> tuple[int, int] | None:
    """Span of ``needle`` in ``haystack`` at or after ``after`` (any white space)."""
    pattern = r"\s+".join(re.escape(part) for part in needle.split())
    m = re.compile(pattern).search(haystack, after)
    return (m.start(), m.end()) if m else None


def overlaps(a: tuple[int, int], m) -> bool:
    return m.start < a[1] and a[0] < m.end


def date_right(label: str | None, gold: dict) -> bool:
    """The label's month and day (and year if the label has one) agree with the gold."""
    if not label or not re.match(r"(--|\d{4}-)\d{2}", label):
        return False
    first = label.split("/")[0].split()[0]
    want = gold["iso"]
    if first.startswith("--"):
        return first[2:] == want[5 : 5 + len(first) - 2]
    if gold.get("year_inferred"):
        return first[4:] == want[4 : len(first)]
    return first == want[: len(first)] and len(first) == len(want)


def money_right(m, gold: dict) -> bool:
    units = CURRENCY.get(gold["currency"], {gold["currency"]})
    if m.unit not in units:
        return False
    if "value" in gold:
        return m.value is not None and m.value == Fraction(str(gold["value"]))
    return (m.low, m.high) == (Fraction(str(gold["low"])), Fraction(str(gold["high"])))


def score(verbose: bool = False) -> dict:
    root = corpus_dir("ant-v1.1")
    if root is None:
        raise SystemExit("ANT corpus not found (set FACTLEDGER_ANT)")
    tally = dict.fromkeys(
        ("dates", "dates_found", "dates_right", "money", "money_found", "money_right",
         "extra_dates", "extra_money"), 0,
    )  # fmt: skip
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        (article,) = [a for a in read_file(root / gold["path"]) if isinstance(a, ArticleInput)]
        mentions, _, _ = article_mentions(article.text, article.title)
        fields = {"text": article.text, "title": article.title or ""}
        used: set[int] = set()
        for kind, key in (("date", "dates"), ("money", "money")):
            cursor = {"text": 0, "title": 0}
            for item in gold[key]:
                tally[key] += 1
                field = item["field"]
                span = locate(fields[field], item["text"], cursor[field])
                if span is None:  # the reader folded the abstract in: look from the top
                    span = locate(fields[field], item["text"], 0)
                if span is None:
                    print(f"  ! {gold['path']}: {item['text']!r} not found", file=sys.stderr)
                    continue
                cursor[field] = span[1]
                hits = [m for m in mentions if m.field == field and overlaps(span, m)
                        and m.kind == kind]  # fmt: skip
                used.update(id(m) for m in hits)
                ok = any(date_right(m.label, item) if kind == "date" else money_right(m, item)
                         for m in hits)  # fmt: skip
                tally[f"{key}_found"] += bool(hits)
                tally[f"{key}_right"] += ok
                if verbose and not ok:
                    got = [(m.kind, m.text, m.label, str(m.value), m.unit) for m in mentions
                           if m.field == field and overlaps(span, m)]  # fmt: skip
                    print(f"{gold['path']}: {kind} {item['text']!r} "
                          f"{item.get('iso') or item.get('value', '')} -> {got}")  # fmt: skip
        for m in mentions:
            if m.kind in ("date", "money") and id(m) not in used:
                tally[f"extra_{'dates' if m.kind == 'date' else 'money'}"] += 1
                if verbose:
                    print(f"{gold['path']}: extra {m.kind} {m.text!r} {m.label or m.value}")
    return tally


def main() -> None:
    t = score(verbose="-v" in sys.argv)
    print(f"dates: {t['dates']} annotated, {t['dates_found']} found as dates, "
          f"{t['dates_right']} right ({t['dates_right'] / t['dates']:.1%}); "
          f"{t['extra_dates']} date mentions not annotated")  # fmt: skip
    print(f"money: {t['money']} annotated, {t['money_found']} found as money, "
          f"{t['money_right']} right ({t['money_right'] / t['money']:.1%}); "
          f"{t['extra_money']} money mentions not annotated")  # fmt: skip


if __name__ == "__main__":
    main()
