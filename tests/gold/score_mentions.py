"""Score the extractor on the hand-read corpus sample (``corpus_mentions.jsonl``).

    uv run python tests/gold/score_mentions.py [--excerpts] [--errors]

The dev set holds 400 mentions drawn at random (``sample_mentions.py``, seed 2015) from a
ledger of the whole SaudiNewsNet corpus, each read by a person: is the expression a
claim, of what kind, with what value, and which counted nouns are acceptable. Each gold
expression is matched to the extracted mention that overlaps it most; then:

- claim precision: of the expressions the extractor calls claims, the share that are;
- non-claim precision: of those it calls non-claims, the share that are not claims
  (and, separately, the share whose kind is also right);
- value accuracy: of the true claims it calls claims, the share whose value (or bounds,
  or vagueness) is right;
- entity right or empty: of the true claims it calls claims, the share whose counted
  entity is empty or one of the acceptable lemmas.

Articles are read from the corpus when it is present; ``--excerpts`` (the default when it
is absent, and what the test suite uses) runs the extractor on the stored sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from ledger.extract import entity_lemma, extract_mentions  # noqa: E402
from ledger.lexicon import lexicon  # noqa: E402
from ledger.model import Mention  # noqa: E402
from ledger.normalize import normalize_word  # noqa: E402

GOLD = HERE / "corpus_mentions.jsonl"
NO_ENTITY_KINDS = ("money", "measure", "duration")


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


@dataclass
class Scores:
    items: int = 0
    said_claim: int = 0
    claim_right: int = 0
    said_non_claim: int = 0
    non_claim_right: int = 0
    non_claim_kind_right: int = 0
    true_claims_found: int = 0
    value_right: int = 0
    qualifier_right: int = 0
    entity_ok: int = 0
    missed_claims: int = 0
    errors: list[str] = field(default_factory=list)

    def rate(self, num: int, den: int) -> str:
        return f"{num}/{den} = {100 * num / den:.2f}%" if den else "n/a"

    def table(self) -> list[tuple[str, str]]:
        return [
            ("claim precision", self.rate(self.claim_right, self.said_claim)),
            ("non-claim precision", self.rate(self.non_claim_right, self.said_non_claim)),
            ("non-claim kind right", self.rate(self.non_claim_kind_right, self.said_non_claim)),
            ("values right (true claims)", self.rate(self.value_right, self.true_claims_found)),
            ("qualifier right", self.rate(self.qualifier_right, self.true_claims_found)),
            ("entity right or empty", self.rate(self.entity_ok, self.true_claims_found)),
            ("true claims not reported as claims", str(self.missed_claims)),
        ]

    def ratio(self, name: str) -> float:
        num, den = {
            "claim_precision": (self.claim_right, self.said_claim),
            "non_claim_precision": (self.non_claim_right, self.said_non_claim),
            "value_accuracy": (self.value_right, self.true_claims_found),
            "entity_ok": (self.entity_ok, self.true_claims_found),
        }[name]
        return num / den if den else 1.0


def _fraction(x) -> Fraction | None:
    if x is None or x == "":
        return None
    return Fraction(str(x))


def _close(a: Fraction | None, b: Fraction | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= Fraction(1, 10**6) * max(1, abs(b))


def value_right(gold: dict, m: Mention) -> bool:
    """The mention states the gold value, bounds or vagueness."""
    if gold["qualifier"] == "vague":
        return m.qualifier == "vague"
    if gold["qualifier"] == "range" or gold.get("low") is not None:
        return _close(m.low, _fraction(gold["low"])) and _close(m.high, _fraction(gold["high"]))
    return _close(m.value, _fraction(gold["value"]))


def entity_ok(gold: dict, m: Mention) -> bool:
    """Empty, or one of the acceptable lemmas (compared after normalisation)."""
    if not m.entity:
        return True
    lex = lexicon()
    ours = {normalize_word(m.entity)}
    ours.add(entity_lemma(lex, normalize_word(m.entity)) or "")
    for lemma in gold.get("entity") or []:
        word = normalize_word(lemma.split()[0])
        if word in ours or (entity_lemma(lex, word) or word) in ours:
            return True
    return False


def _best(mentions: list[Mention], start: int, end: int) -> Mention | None:
    best, best_key = None, None
    for m in mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap <= 0:
            continue
        key = (overlap, m.is_claim)
        if best_key is None or key > best_key:
            best, best_key = m, key
    return best


def score(gold: list[dict], excerpts: bool) -> Scores:
    """Match every gold expression to the extractor's output and count."""
    cache: dict[str, list[Mention]] = {}
    s = Scores()
    if not excerpts:
        from corpus import article
    for g in gold:
        if excerpts:
            mentions = extract_mentions(g["sentence"])
            offset = g["sentence_start"]
        else:
            if g["article"] not in cache:
                cache[g["article"]] = extract_mentions(article(g["article"])["content"])
            mentions, offset = cache[g["article"]], 0
        m = _best(mentions, g["expr_start"] - offset, g["expr_end"] - offset)
        s.items += 1
        where = f"#{g['n']} {g['article']} «{g['expr']}»"
        if m is None:
            if g["claim"]:
                s.missed_claims += 1
                s.errors.append(f"{where}: missed claim ({g['kind']})")
            continue
        if m.is_claim:
            s.said_claim += 1
            if not g["claim"]:
                s.errors.append(f"{where}: not a claim ({g['kind']}), read as {m.kind} «{m.text}»")
                continue
            s.claim_right += 1
            s.true_claims_found += 1
            if value_right(g, m):
                s.value_right += 1
            else:
                s.errors.append(
                    f"{where}: value {m.qualifier} {m.value} [{m.low}, {m.high}] «{m.text}», "
                    f"gold {g['qualifier']} {g['value']} [{g['low']}, {g['high']}]"
                )
            if (g["qualifier"] or "exact") == (m.qualifier or "exact"):
                s.qualifier_right += 1
            else:
                s.errors.append(f"{where}: qualifier {m.qualifier}, gold {g['qualifier']}")
            if entity_ok(g, m):
                s.entity_ok += 1
            else:
                s.errors.append(f"{where}: entity {m.entity}, gold {g['entity'] or 'none'}")
        else:
            s.said_non_claim += 1
            if g["claim"]:
                s.missed_claims += 1
                s.errors.append(f"{where}: a {g['kind']} claim, read as {m.kind} «{m.text}»")
                continue
            s.non_claim_right += 1
            if g["kind"] == m.kind or (g["kind"] == "list" and m.kind == "ordinal"):
                s.non_claim_kind_right += 1
            else:
                s.errors.append(f"{where}: kind {m.kind}, gold {g['kind']}")
    return s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--excerpts", action="store_true", help="score on stored sentences")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from corpus import corpus_dir

    excerpts = args.excerpts or corpus_dir() is None
    s = score(load_gold(), excerpts)
    print(f"{s.items} gold mentions ({'stored sentences' if excerpts else 'whole articles'})")
    for name, value in s.table():
        print(f"  {name:36s} {value}")
    if args.errors:
        for line in s.errors:
            print(line)


if __name__ == "__main__":
    main()
