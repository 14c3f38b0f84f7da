"""Dates and money of Tunisian news (the ANT corpus) against 100 articles read by hand
(``gold/ant_dates_money.jsonl``); skipped when the corpus is absent. The floors sit just
under the figures the README reports."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "gold"))

from corpus import corpus_dir

pytestmark = pytest.mark.skipif(corpus_dir("ant-v1.1") is None, reason="ANT corpus absent")


@pytest.fixture(scope="module")
def tally():
    from score_ant import score

    return score()


def test_dates_are_dates_with_the_right_day(tally):
    assert tally["dates"] == 163
    assert tally["dates_found"] / tally["dates"] >= 0.98
    assert tally["dates_right"] / tally["dates"] >= 0.94
    assert tally["extra_dates"] <= 6


def test_dinars_and_millimes_are_money_with_the_right_value(tally):
    assert tally["money"] == 32
    assert tally["money_found"] / tally["money"] >= 0.95
    assert tally["money_right"] / tally["money"] >= 0.9
    assert tally["extra_money"] == 0
