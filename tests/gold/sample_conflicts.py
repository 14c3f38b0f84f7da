"""Draw flagged figures at random from a linked ledger and print them for reading.

    uv run python tests/gold/sample_conflicts.py LEDGER [-n 40] [--seed 2015]
    uv run python tests/gold/sample_conflicts.py LEDGER --figures ID [ID ...]

Each figure is printed with its kind, reason and every mention (article, outlet, time,
value as read, and the sentence around it), so a reader can give a verdict: a real
disagreement, an update, a wrong join (two different quantities in one figure), or an
extraction error. The verdicts of one draw are in the README ("Conflicts on the corpus").
"""

from __future__ import annotations

import argparse
import random
import sqlite3

WIDTH = 110  # characters of sentence shown on each side of the number


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ledger")
    parser.add_argument("-n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--figures", type=int, nargs="+", help="print these figures, no draw")
    args = parser.parse_args()
    db = sqlite3.connect(args.ledger)
    ids = [r[0] for r in db.execute("SELECT claim_id FROM figures WHERE conflict = 1 ORDER BY 1")]
    if args.figures:
        chosen = args.figures
        print(f"{len(ids)} flagged figures; {len(chosen)} chosen\n")
    else:
        chosen = sorted(random.Random(args.seed).sample(ids, min(args.n, len(ids))))
        print(f"{len(ids)} flagged figures; {len(chosen)} drawn with seed {args.seed}\n")
    for n, claim in enumerate(chosen, 1):
        kind, reason, event, entity = db.execute(
            "SELECT conflict_kind, reason, event, entity FROM figures WHERE claim_id = ?", [claim]
        ).fetchone()
        print(f"### {n}. figure {claim} [{kind}] event={event} entity={entity}")
        print(f"reason: {reason}")
        rows = db.execute(
            """SELECT a.name, a.outlet, a.published, m.text, m.qualifier, m.value, m.low,
                      m.high, m.sentence, m.start - coalesce(m.sentence_start, 0), m.field
               FROM mentions m JOIN articles a ON a.id = m.article_id
               WHERE m.claim_id = ? ORDER BY a.published, m.id""",
            [claim],
        ).fetchall()
        for name, outlet, published, text, q, value, low, high, sentence, offset, field in rows:
            shown = value if value is not None else f"{low}-{high}"
            lo = max(0, offset - WIDTH)
            around = (sentence or "")[lo : offset + len(text) + WIDTH].replace("\n", " ")
            print(f"- {name} | {outlet} | {published} | {field} | {q} {shown} «{text}»")
            print(f"    {around}")
        print()


if __name__ == "__main__":
    main()
