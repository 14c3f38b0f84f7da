"""The gold sets of whole articles (``gold/stories``: the dev set; ``gold/incidents``: six
incidents read as a held-out check) hold together: every claim's slot is described and
named for its story (described too, in ``incidents``), every claim's article is listed,
and (with the corpus) every span is the text it says at its offsets."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

GOLD = Path(__file__).parent / "gold"
sys.path.insert(0, str(GOLD))

import corpus  # noqa: E402


def _load(folder: str, name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / folder / name).open(encoding="utf-8")]


@pytest.mark.parametrize("folder", ["stories", "incidents"])
def test_a_gold_set_holds_together(folder):
    articles = {a["article"] for a in _load(folder, "articles.jsonl")}
    stories = {s["story"] for s in _load(folder, "stories.jsonl")}
    slots = {s["slot"]: s for s in _load(folder, "slots.jsonl")}
    mentions = _load(folder, "mentions.jsonl")
    assert mentions and slots and stories
    for s in slots.values():
        assert s["slot"].split(".")[0] == s["story"], s["slot"]
        # (the dev set names some background incidents' stories in their slots only)
        assert folder == "stories" or s["story"] in stories, s["slot"]
        assert s["conflict"] in ("none", "update", "disagreement"), s["slot"]
        assert s["parts_of"] is None or s["parts_of"] in slots, s["slot"]
    for m in mentions:
        assert m["slot"] in slots, m
        assert m["article"] in articles, m
        assert m["field"] in ("title", "content") and m["start"] < m["end"], m


@pytest.mark.skipif(corpus.corpus_dir() is None, reason="corpus absent")
@pytest.mark.parametrize("folder", ["stories", "incidents"])
def test_every_gold_span_is_its_text(folder):
    for m in _load(folder, "mentions.jsonl"):
        record = corpus.article(m["article"])
        text = record["title" if m["field"] == "title" else "content"]
        assert text[m["start"] : m["end"]] == m["text"], m
