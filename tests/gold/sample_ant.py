"""Draw the ANT dev sample: 100 articles that mention a date or an amount of money.

Articles are drawn at random (seed 2017) from those whose text holds a month name or a
currency word next to a digit, so that each one read tests the Maghrebi dates and
currencies; the list is written to ``tests/gold/ant_sample.txt`` (paths relative to the
corpus folder). Usage: ``python tests/gold/sample_ant.py [CORPUS_DIR]`` (default:
``$FACTLEDGER_ANT`` or ``corpora/ant-v1.1`` beside the repository).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from corpus import corpus_dir

OUT = Path(__file__).with_name("ant_sample.txt")
MONTHS = "جانفي|فيفري|مارس|أفريل|افريل|ماي|جوان|جويلية|أوت|اوت|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
MONEY = "دينار|دنانير|مليم|م\\.? ?د\\b|أ\\.? ?د\\b|يورو|دولار"
CUE = re.compile(rf"[0-9٠-٩]\s*(?:{MONTHS}|{MONEY})")


def main(corpus: Path, size: int = 100, seed: int = 2017) -> None:
    """Write the sample list."""
    files = sorted(p for p in corpus.glob("*/*.txt"))
    eligible = [p for p in files if CUE.search(p.read_text(encoding="utf-8", errors="replace"))]
    chosen = sorted(random.Random(seed).sample(eligible, size))
    OUT.write_text("".join(f"{p.relative_to(corpus)}\n" for p in chosen), encoding="utf-8")
    print(f"{len(eligible)} of {len(files)} articles eligible; {size} written to {OUT}")


if __name__ == "__main__":
    found = Path(sys.argv[1]) if len(sys.argv) > 1 else corpus_dir("ant-v1.1")
    if found is None:
        raise SystemExit("ANT corpus not found (set FACTLEDGER_ANT or give its folder)")
    main(found)
