"""The peer suites (tests/peers) as an external acceptance corpus, with pass-rate floors.

Floors sit just under the measured rates (README), so a regression fails the build.
"""

import pytest
from peer_eval import evaluate, rates


def _rate(outcomes, groups):
    table = rates(outcomes)
    passed = sum(table[g][0] for g in groups if g in table)
    applicable = sum(table[g][1] for g in groups if g in table)
    return passed / applicable


@pytest.fixture(scope="module")
def duckling():
    return evaluate("duckling_ar.jsonl")


@pytest.fixture(scope="module")
def recognizers():
    return evaluate("recognizers_ar.jsonl")


def test_duckling_numeral_and_ordinal(duckling):
    assert _rate(duckling, ["numeral", "ordinal"]) >= 0.90


def test_duckling_numeral(duckling):
    assert _rate(duckling, ["numeral"]) >= 0.95


def test_duckling_all_applicable(duckling):
    assert _rate(duckling, ["numeral", "ordinal", "quantity", "distance", "duration",
                            "amount_of_money", "time"]) >= 0.80  # fmt: skip


def test_recognizers_number_percent_range(recognizers):
    assert _rate(recognizers, ["NumberModel", "NumberRangeModel", "PercentModel"]) >= 0.85


def test_recognizers_number(recognizers):
    assert _rate(recognizers, ["NumberModel"]) >= 0.85  # measured 182/213


def test_recognizers_range(recognizers):
    assert _rate(recognizers, ["NumberRangeModel"]) >= 0.85  # measured 124/140


def test_recognizers_percent(recognizers):
    assert _rate(recognizers, ["PercentModel"]) == 1.0


@pytest.mark.parametrize(
    ("suite", "floor"),
    [("maha.jsonl", 0.82), ("nemo_text_processing.jsonl", 0.38), ("n2words.jsonl", 0.74)],
)
def test_other_suites(suite, floor):
    outcomes = evaluate(suite)
    assert sum(o.passed for o in outcomes if o.applicable) / len(outcomes) >= floor


def test_every_exclusion_has_a_reason(duckling, recognizers):
    for o in duckling + recognizers:
        assert o.applicable or len(o.reason) > 20
