"""Stories: articles about one incident or announcement and its follow-ups.

Independent reports of one incident rarely share their wording; they share its anchors:
the place, the actors, the event, the days. Each article is described by the salient
words of its title and lead (content words weighted by TF-IDF over the ledger, so the
rare names of places and people weigh most), and two articles published within a few
days of each other are as close as the cosine of those vectors. Articles are grouped by
average linkage: two groups join only when their articles are close on average, so one
shared name cannot chain unrelated stories together.

A story's id is the smallest rowid among its articles, so it stays the same when an
article is added to it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from .normalize import normalize
from .words import content_words_of_normalized


@dataclass(frozen=True)
class StorySettings:
    """Every number that shapes story grouping, in one place."""

    lead_words: int = 250  # words of the text read after the title
    title_weight: int = 3  # a title word counts this many times
    top_terms: int = 40  # terms kept per article, by TF-IDF
    max_share: float = 0.02  # terms in more than this share of articles are not anchors
    window_days: int = 3  # articles further apart never share a story
    link: float = 0.30  # cosine two articles need to be joined directly
    group: float = 0.18  # average cosine two groups need to be merged


SETTINGS = StorySettings()
_FIGURE = re.compile(r"(?<![0-9.,])[0-9]{2,}(?:[.,][0-9]+)?(?![0-9])")


@dataclass
class ArticleTerms:
    rowid: int
    article_id: str
    day: dt.date | None
    terms: Counter = field(default_factory=Counter)


def article_terms(title: str, text: str, settings: StorySettings = SETTINGS) -> Counter:
    """Content words and figures of a title and the lead of a text, with weights.

    Figures count as terms (``#431``): a distinctive number is an anchor that reports
    written independently share (431 arrested), while common ones weigh little by IDF.
    """
    words = Counter()
    title_norm = normalize(title or "").text
    for w in content_words_of_normalized(title_norm):
        words[w] += settings.title_weight
    text_norm = normalize(text or "").text
    lead = content_words_of_normalized(text_norm)[: settings.lead_words]
    words.update(lead)
    lead_chars = text_norm[: settings.lead_words * 8]
    for m in _FIGURE.finditer(title_norm):
        words["#" + m.group()] += settings.title_weight
    words.update("#" + m.group() for m in _FIGURE.finditer(lead_chars))
    return words


def _day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def vectors(items: list[ArticleTerms], settings: StorySettings = SETTINGS):
    """Unit TF-IDF vectors (term ids and weights per article) over the anchor terms."""
    df: Counter = Counter()
    for item in items:
        df.update(item.terms.keys())
    n = max(1, len(items))
    limit = max(3, int(settings.max_share * n))
    ids: dict[str, int] = {}
    out = []
    for item in items:
        scored = []
        for term, tf in item.terms.items():
            if df[term] < 2 or df[term] > limit:
                continue
            scored.append(((1 + math.log(tf)) * math.log(n / df[term]), term))
        scored.sort(reverse=True)
        scored = scored[: settings.top_terms]
        norm = math.sqrt(sum(w * w for w, _ in scored)) or 1.0
        out.append([(ids.setdefault(t, len(ids)), w / norm) for w, t in scored])
    return out


def similar_pairs(items: list[ArticleTerms], settings: StorySettings = SETTINGS) -> dict:
    """Cosine of every pair of articles that share an anchor term and are close in time."""
    vecs = vectors(items, settings)
    postings: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vecs):
        for term, w in vec:
            postings[term].append((i, w))
    days = [it.day.toordinal() if it.day else None for it in items]
    sims: dict[tuple[int, int], float] = defaultdict(float)
    for posting in postings.values():
        if len(posting) < 2:
            continue
        idx = np.array([p[0] for p in posting])
        w = np.array([p[1] for p in posting])
        d = np.array([days[i] if days[i] is not None else -(10**6) for i in idx])
        a, b = np.triu_indices(len(idx), k=1)
        near = np.abs(d[a] - d[b]) <= settings.window_days
        for x, y, v in zip(idx[a][near].tolist(), idx[b][near].tolist(),
                           (w[a] * w[b])[near].tolist(), strict=True):  # fmt: skip
            sims[(x, y) if x < y else (y, x)] += v
    return sims


def group(items: list[ArticleTerms], settings: StorySettings = SETTINGS) -> dict[str, int]:
    """Article id -> story id (the smallest rowid of the story's articles)."""
    sims = similar_pairs(items, settings)
    parent = list(range(len(items)))
    members = {i: [i] for i in range(len(items))}
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), v in sims.items():
        neighbours[a][b] = v
        neighbours[b][a] = v

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (a, b), v in sorted(sims.items(), key=lambda kv: -kv[1]):
        if v < settings.link:
            break
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        small, big = sorted((ra, rb), key=lambda r: len(members[r]))
        total = 0.0
        for x in members[small]:
            for y, s in neighbours[x].items():
                if find(y) == big:
                    total += s
        if total / (len(members[small]) * len(members[big])) < settings.group:
            continue
        parent[small] = big
        members[big].extend(members.pop(small))
    out = {}
    for _root, group_members in members.items():
        story = min(items[i].rowid for i in group_members)
        for i in group_members:
            out[items[i].article_id] = story
    return out
