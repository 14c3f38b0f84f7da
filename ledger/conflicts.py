"""Conflict flags: a figure whose mentions cannot all be true together.

Each mention becomes an interval (``intervals.interval_of``); a figure conflicts when
the intervals have no common value. The reason names the two sources furthest apart,
their wording and value, their dates, and how far apart they are, so a person can
check it in seconds: "more than 9,000 «أكثر من 9 آلاف» (001) vs about 12,000 «نحو 12
ألفاً» (004): 33% apart".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import pairwise

from .intervals import (
    MAX_SEVERITY,
    Interval,
    Tolerances,
    apart,
    default_tolerances,
    disjoint,
    interval_of,
    representative,
    severity_label,
    wording,
)


@dataclass
class SourceMention:
    """One mention of a figure, as a conflict reason shows it."""

    id: int
    text: str
    qualifier: str | None
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    article: str
    outlet: str | None
    published: str | None


@dataclass
class Conflict:
    severity: float
    label: str
    reason: str
    low_mention: int
    high_mention: int
    kind: str = "disagreement"  # or "update": the value moved one way as time went on
    suspect: bool = False  # a zero, or values 10x apart: more likely a wrong join or reading


def short_name(article: str) -> str:
    """A short label for an article: '001' for '001_7a9ed76940f91ec8.txt'."""
    stem = article.rsplit("/", 1)[-1]
    stem = stem[: stem.rfind(".")] if "." in stem and "#" not in stem else stem
    head = stem.split("_", 1)[0]
    return head if head and len(head) <= 12 and head != stem else stem[:24]


def source_label(m: SourceMention) -> str:
    parts = [short_name(m.article)]
    if m.outlet:
        parts.append(m.outlet)
    if m.published:
        parts.append(m.published[:10])
    return ", ".join(parts)


EVIDENCE = 0.8  # a flag needs two mentions that disagree and were linked this likely


def witnessed(
    mentions: list[SourceMention], strong: dict[int, set[int]], tol: Tolerances | None = None
) -> bool:
    """Do two of ``mentions`` that cannot both hold share a strong link of their own
    (``strong``: mention -> partners linked with at least ``EVIDENCE``, or by the
    analyst)? A figure joined only through others is not evidence enough of a conflict:
    most such flags are two quantities chained together, not sources that disagree."""
    tol = tol or default_tolerances()
    spans = {m.id: interval_of(m.qualifier, m.value, m.low, m.high, tol) for m in mentions}
    for m in mentions:
        own = spans[m.id]
        if own is None:
            continue
        for other in strong.get(m.id, ()):
            theirs = spans.get(other)
            if theirs is not None and disjoint(own, theirs):
                return True
    return False


def find_conflict(
    mentions: list[SourceMention], tol: Tolerances | None = None, rising_only: bool = False
) -> Conflict | None:
    """The conflict in one figure's mentions, or None when they can all hold
    (``rising_only``: the figure is a toll, which an update never lowers)."""
    tol = tol or default_tolerances()
    spans: list[tuple[SourceMention, Interval]] = []
    for m in mentions:
        iv = interval_of(m.qualifier, m.value, m.low, m.high, tol)
        if iv is not None:
            spans.append((m, iv))
    if len(spans) < 2:
        return None
    lowest_high = min(spans, key=lambda s: (s[1].high, not s[1].high_open))
    highest_low = max(spans, key=lambda s: (s[1].low, s[1].low_open))
    a, ia = lowest_high
    b, ib = highest_low
    if a is b:
        return None
    if not disjoint(ia, ib):
        return None
    va = representative(a.qualifier, a.value, a.low, a.high)
    vb = representative(b.qualifier, b.value, b.low, b.high)
    share = apart(va, vb) if va is not None and vb is not None else 0.0
    suspect = share >= MAX_SEVERITY or not va or not vb
    timeline = update_timeline(spans, rising_only)
    if timeline is not None:
        return Conflict(round(share, 4), severity_label(share, tol), timeline, a.id, b.id,
                        "update", suspect)  # fmt: skip
    reason = (
        f"{wording(a.qualifier, a.value, a.low, a.high, a.unit)} «{a.text}» ({source_label(a)}) vs "
        f"{wording(b.qualifier, b.value, b.low, b.high, b.unit)} «{b.text}» ({source_label(b)}): "
        f"{share:.0%} apart"
    )
    if a.published and b.published and a.published[:10] != b.published[:10]:
        reason += f"; reported on different days ({a.published[:10]} and {b.published[:10]}), may be an update"
    others = len(spans) - 2
    if others:
        reason += f"; {others} more source{'s' if others > 1 else ''} in this figure"
    return Conflict(round(share, 4), severity_label(share, tol), reason, a.id, b.id,
                    "disagreement", suspect)  # fmt: skip


SAME_TIME = dt.timedelta(hours=3)  # reports this close were written from the same state


def update_timeline(
    spans: list[tuple[SourceMention, Interval]], rising_only: bool = False
) -> str | None:
    """The reason of an update, or None for a disagreement.

    An update is a figure whose new values, in order of publication, move one way (a
    toll that rises as bodies are found) and never disagree with a report published
    within ``SAME_TIME`` of them. A later report that repeats an earlier value (a paper
    reprinting yesterday's count) is part of the timeline, not against it. With
    ``rising_only`` (a toll), a falling count is no update: a toll does not shrink, so
    that is a disagreement. The reason is the timeline: value, wording, source, time.
    """
    timed = []
    for m, iv in spans:
        when = _when(m.published)
        if when is None:
            return None
        value = representative(m.qualifier, m.value, m.low, m.high)
        if value is None:
            return None
        timed.append((when, m, iv, value))
    timed.sort(key=lambda t: (t[0], t[1].id))
    for i, (when, _m, iv, _v) in enumerate(timed):
        for other_when, _o, other, _ov in timed[i + 1 :]:
            if other_when - when <= SAME_TIME and disjoint(iv, other):
                return None  # two reports at the same time that cannot both hold
    steps: list[tuple[SourceMention, Interval, float, dt.datetime]] = []  # each new value
    agreeing: list[int] = []
    for when, m, iv, value in timed:
        earlier = next((k for k, step in enumerate(steps) if not disjoint(step[1], iv)), None)
        if earlier is not None:
            agreeing[earlier] += 1  # a later report of a value already told
            continue
        steps.append((m, iv, value, when))
        agreeing.append(0)
    values = [value for _m, _iv, value, _w in steps]
    if len(values) < 2:
        return None  # no change of number ("500" then "more than 500") is no update
    rising = all(x < y for x, y in pairwise(values))
    falling = all(x > y for x, y in pairwise(values)) and not rising_only
    if not (rising or falling):
        return None
    parts = []
    for (m, _iv, _value, when), n in zip(steps, agreeing, strict=True):
        said = wording(m.qualifier, m.value, m.low, m.high, m.unit)
        where = ", ".join(x for x in (short_name(m.article), m.outlet) if x)
        later = f" and {n} later {'report agrees' if n == 1 else 'reports agree'}" if n else ""
        parts.append(f"{said} «{m.text}» ({where}, {when:%Y-%m-%d %H:%M}){later}")
    return "update: " + " → ".join(parts)


def _when(published: str | None) -> dt.datetime | None:
    if not published:
        return None
    try:
        return dt.datetime.fromisoformat(published.replace("T", " ").replace("Z", "")[:19])
    except ValueError:
        return None
