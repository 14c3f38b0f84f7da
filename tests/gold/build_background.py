"""Count how many articles of the SaudiNewsNet corpus use each story term.

    uv run python tests/gold/build_background.py [--min-df 5]

Stories weigh an article's words by rarity. A ledger of a handful of articles about one
incident cannot tell rarity by itself (every article names the town), so the weights pool
the ledger's own counts with these background counts from 31,030 real articles
(``ledger/background_df.tsv``: the number of articles, then each term used by at least
``--min-df`` of them, in the form ``stories.article_terms`` gives it after stemming).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from corpus import articles  # noqa: E402

from ledger import stories  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-df", type=int, default=5)
    args = parser.parse_args()
    seen: set[str] = set()
    texts = []
    for record in articles():
        text = record.get("content") or ""
        if not text.strip() or text in seen:
            continue
        seen.add(text)
        texts.append((record.get("title") or "", text))
    table = stories.TermTable.of(stories.article_terms(t, x) for t, x in texts).stemmed(
        background=False
    )
    df = np.bincount(table.ids, minlength=len(table.vocab))
    keep = sorted(
        (int(n), term) for term, n in zip(table.vocab, df.tolist(), strict=True)
        if n >= args.min_df and not term.startswith("#")
    )  # fmt: skip
    lines = [
        "# Background document frequencies of story terms (tests/gold/build_background.py):",
        f"# {len(texts)} distinct SaudiNewsNet articles; terms used by at least {args.min_df}.",
        f"{stories.BACKGROUND_TOTAL}\t{len(texts)}",
    ]
    lines += [f"{term}\t{n}" for n, term in sorted(keep, key=lambda x: (-x[0], x[1]))]
    stories.BACKGROUND_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {stories.BACKGROUND_FILE}: {len(keep)} terms from {len(texts)} articles")


if __name__ == "__main__":
    main()
