"""Slots: which claim mentions report the same quantity of the same story.

A figure is a slot in a story: what happened x what is counted x its scope. Two
mentions fill the same slot when they tell the same story and agree on the event, the
counted entity and the scope; never their value, or conflicts could never be found.
Parts (منهم 97), other periods (مقارنة بـ، العام الماضي) and items of a parallel list
are other slots.

Each candidate pair is described by the features in ``FEATURES``; the probability that
the two fill one slot is a logistic model over them, fitted on the story dev set with
cross-validation by story (``tests/gold/fit_link_model.py``) and shipped as
``link_model.json`` beside this module.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from .linking import (
    SETTINGS,
    STANDING_EVENTS,
    ClaimRow,
    LinkSettings,
    Pair,
    blocks,
    event_family,
)

MODEL_FILE = Path(__file__).with_name("link_model.json")
FEATURES = (
    "bias", "same_story", "context", "sentence", "same_entity", "entity_same_class",
    "entity_unknown", "same_event", "event_unknown", "restrictors_differ", "part_differs",
    "comparison_differs", "same_article", "days_apart", "list_place_differs", "title",
    "standing", "both_alone", "both_first", "crowded",
)  # fmt: skip
MAX_STORY_BLOCK = 1500  # a story's mentions of one kind are compared all with all up to this


@dataclass(frozen=True)
class Model:
    """Logistic weights over ``FEATURES`` and the thresholds that group mentions."""

    weights: tuple[float, ...]
    keep: float = 0.2  # pairs less likely than this are not stored
    link: float = 0.5  # a pair must be this likely to join two groups ...
    group: float = 0.35  # ... and the groups this likely on average
    unknown: float = 0.05  # what an unscored pair counts for in that average

    def probability(self, x: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(x @ np.array(self.weights))))


DEFAULT_WEIGHTS = (
    -4.0, 2.0, 3.0, 3.0, 1.5, 0.3, 0.3, 1.5, 0.3, -1.5, -2.5, -2.0, 0.0, -1.0, -2.0, 0.0, 0.5,
    1.0, 0.5, -1.0,
)  # fmt: skip


@cache
def model() -> Model:
    """The shipped model (hand-set defaults when the file is missing)."""
    if MODEL_FILE.exists():
        data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        return Model(tuple(data["weights"][f] for f in FEATURES),
                     **{k: data[k] for k in ("keep", "link", "group", "unknown") if k in data})  # fmt: skip
    return Model(DEFAULT_WEIGHTS)


def features(a: ClaimRow, b: ClaimRow, context: float, same_story: bool) -> list[float]:
    """The feature vector of one candidate pair (see ``FEATURES``)."""
    same_entity = bool(a.entity_key and a.entity_key == b.entity_key)
    same_class = bool(
        a.entity_key and b.entity_key and not same_entity and a.entity_class
        and a.entity_class == b.entity_class
    )  # fmt: skip
    days = abs((a.day - b.day).days) if a.day and b.day else 0
    listed = a.list_size > 1 or b.list_size > 1
    return [
        1.0,
        float(same_story),
        context,
        fuzz.ratio(a.sentence_key, b.sentence_key) / 100,
        float(same_entity),
        float(same_class),
        float(not (a.entity_key and b.entity_key)),
        float(bool(a.event and a.event == b.event)),
        float(not (a.event and b.event)),
        float(a.restrictors != b.restrictors),
        float(a.part != b.part),
        float(a.comparison != b.comparison),
        float(a.article_id == b.article_id),
        min(days, 7) / 7,
        float(listed and a.list_index != b.list_index),
        float(a.title or b.title),
        float((a.event or b.event) in STANDING_EVENTS),
        float(a.peers == 1 and b.peers == 1),
        float(a.rank == 0 and b.rank == 0),
        min(a.peers + b.peers, 20) / 20,
    ]


def candidates(
    rows: list[ClaimRow], story_of: dict[str, int], settings: LinkSettings = SETTINGS
) -> list[tuple[int, int, float, bool]]:
    """Pairs of row indices worth scoring: (i, j, context similarity, same story).

    Mentions of one kind and unit are compared within each story, and across stories
    within the linker's blocks (same entity, or same event within two days), so a story
    split in two still links. The hard rules hold: never two numbers of one sentence,
    never two different events, a vague quantity only with a number of the same noun.
    """
    groups: list[list[int]] = [list(b) for b in blocks(rows, settings)]
    by_story: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        story = story_of.get(r.article_id)
        if story is not None:
            by_story[(story, r.kind, r.unit)].append(i)
    groups += [m for m in by_story.values() if 1 < len(m) <= MAX_STORY_BLOCK]
    seen: dict[tuple[int, int], tuple[float, bool]] = {}
    for members in groups:
        contexts = [rows[i].context for i in members]
        ctx = process.cdist(contexts, contexts, scorer=fuzz.token_set_ratio, dtype=np.uint8,
                            workers=-1)  # fmt: skip
        for x in range(len(members)):
            a = rows[members[x]]
            for y in range(x + 1, len(members)):
                b = rows[members[y]]
                i, j = sorted((members[x], members[y]))
                if (i, j) in seen or not _allowed(a, b):
                    continue
                same_story = story_of.get(a.article_id) == story_of.get(b.article_id)
                seen[(i, j)] = (ctx[x, y] / 100, same_story)
    return [(i, j, c, s) for (i, j), (c, s) in seen.items()]


def _allowed(a: ClaimRow, b: ClaimRow) -> bool:
    if a.kind != b.kind or a.unit != b.unit:
        return False
    if a.article_id == b.article_id and a.sentence_start == b.sentence_start and a.title == b.title:
        return False  # two numbers of one sentence are two figures
    if a.event and b.event and event_family(a.event) != event_family(b.event):
        return False
    same_entity = bool(a.entity_key and a.entity_key == b.entity_key)
    if a.vague != b.vague and not same_entity:
        return False
    return not (
        a.entity_key and b.entity_key and not same_entity and a.entity_class != b.entity_class
    )


def scored_pairs(
    rows: list[ClaimRow], story_of: dict[str, int], m: Model | None = None
) -> dict[tuple[int, int], Pair]:
    """Every candidate pair likely enough to keep, scored by the model."""
    m = m or model()
    cands = candidates(rows, story_of)
    if not cands:
        return {}
    x = np.array([features(rows[i], rows[j], c, s) for i, j, c, s in cands])
    p = m.probability(x)
    out = {}
    for (i, j, c, s), prob in zip(cands, p.tolist(), strict=True):
        if prob < m.keep:
            continue
        a, b = rows[i], rows[j]
        why = f"same slot {prob:.0%}: context {c:.0%}" + ("; same story" if s else "")
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        out[key] = Pair(key[0], key[1], round(prob, 4), why)
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 400) -> np.ndarray:
    """Logistic regression by Newton's method with an L2 penalty (not on the bias)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if math.sqrt(float(step @ step)) < 1e-8:
            break
    return w
