"""Extraction against a hand-made gold annotation of the five seed articles.

``gold/seeds.jsonl`` lists every numeric expression in the seeds (64: 34 claims, 30
not-claims) with its span, kind and, for claims, qualifier, value, bounds, unit,
counted entity and event, as a careful reader labels them.
"""

import json
from pathlib import Path

import pytest

from ledger import extract_mentions
from ledger.model import value_to_json
from ledger.seeds import seeds_dir

GOLD = [json.loads(line) for line in (Path(__file__).parent / "gold/seeds.jsonl").open()]


def _key(article: str, m) -> tuple:
    if m["is_claim"]:
        facts = (m["qualifier"], m["value"], m["low"], m["high"], m["unit"])
    else:
        facts = ()
    return (article, m["start"], m["end"], m["is_claim"], m["kind"], *facts)


@pytest.fixture(scope="module")
def predicted() -> dict[tuple, dict]:
    out = {}
    for path in sorted(seeds_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for m in extract_mentions(text):
            row = m.to_json()
            assert text[m.start : m.end] == m.text
            row["value"], row["low"], row["high"] = (
                value_to_json(m.value), value_to_json(m.low), value_to_json(m.high)
            )  # fmt: skip
            out[_key(path.name, row)] = row
    return out


def test_gold_covers_every_seed():
    assert {g["article"] for g in GOLD} == {p.name for p in seeds_dir().glob("*.txt")}
    assert len(GOLD) == 64 and sum(g["is_claim"] for g in GOLD) == 34


def test_gold_spans_are_exact():
    for g in GOLD:
        text = (seeds_dir() / g["article"]).read_text(encoding="utf-8")
        assert text[g["start"] : g["end"]] == g["text"]


def test_precision_and_recall(predicted):
    gold = {_key(g["article"], {**{"qualifier": None, "value": None, "low": None, "high": None,
            "unit": None}, **g}): g for g in GOLD}  # fmt: skip
    true_pos = len(set(gold) & set(predicted))
    precision = true_pos / len(predicted)
    recall = true_pos / len(gold)
    missing = [gold[k]["text"] for k in set(gold) - set(predicted)]
    extra = [predicted[k]["text"] for k in set(predicted) - set(gold)]
    assert (precision, recall) == (1.0, 1.0), (missing, extra)


def test_claim_versus_not_claim(predicted):
    claims = {k[:3] for k in predicted if k[3]}
    assert claims == {(g["article"], g["start"], g["end"]) for g in GOLD if g["is_claim"]}


def test_entity_and_event_accuracy(predicted):
    by_span = {(k[0], k[1], k[2]): v for k, v in predicted.items()}
    claims = [g for g in GOLD if g["is_claim"]]
    found = [by_span[(g["article"], g["start"], g["end"])]["entity"] for g in claims]
    entity = sum(f == g["entity"] for f, g in zip(found, claims, strict=True))
    entity_ok = sum(f is None or f == g["entity"] for f, g in zip(found, claims, strict=True))
    event = sum(
        by_span[(g["article"], g["start"], g["end"])]["event"] == g["event"] for g in claims
    )
    # measured: entity right 29/33 and right or empty 33/33, event 29/33 (README);
    # an empty entity is better than a wrong one (percents count no noun)
    assert entity_ok == len(claims)
    assert entity / len(claims) >= 0.85
    assert event / len(claims) >= 0.8
