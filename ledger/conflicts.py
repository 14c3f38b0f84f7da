"""Conflict flags: a figure whose mentions cannot all be true together.

Each mention becomes an interval (``intervals.interval_of``); a figure conflicts when
the intervals have no common value. The reason names the two sources furthest apart,
their wording and value, their dates, and how far apart they are, so a person can
check it in seconds: "more than 9,000 «أكثر من 9 آلاف» (001) vs about 12,000 «نحو 12
ألفاً» (004): 33% apart".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .intervals import (
    MAX_SEVERITY,
    Interval,
    Tolerances,
    apart,
    default_tolerances,
    disjoint,
    interval_of,
    representative,
    said_precision,
    severity_label,
    widened,
    wording,
)
from .normalize import normalize
from .published import published_at
from .scope import stated_before, told_as_earlier, told_as_first


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
    before: str = ""  # the words just before the number in its sentence
    after: str = ""  # and just after it
    headline: bool = False  # said in a headline, which cuts figures short and rounds them
    whole: bool = False  # counts things that come whole (``intervals.counts_whole_things``)
    fractional: bool = False  # of what comes in fractions (``intervals.comes_in_fractions``)


@dataclass
class Conflict:
    severity: float
    label: str
    reason: str
    low_mention: int
    high_mention: int
    kind: str = "disagreement"  # or "update": the value moved one way as time went on
    suspect: bool = False  # a zero, or values 10x apart: more likely a wrong join or reading
    of_floors: bool = False  # of a toll's lower bounds only (``_floors_conflict``)


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
# ... or, for a toll, a later report's higher count of one noun linked this likely, an hour
# later or more (on the corpus: 9 new flags, 6 of them real, read; from 0.6, 20 of 57)
RISING_EVIDENCE = 0.74
RISE_AFTER = dt.timedelta(hours=1)
CUT_SHORT_FROM = 100  # whole numbers from here may be a figure with its fraction cut off


def span_of(m: SourceMention, tol: Tolerances) -> Interval | None:
    """What a mention's figure allows (``intervals.interval_of``), widened to the
    precision a scale word hides ("108.16 ألف" is said to tens:
    ``intervals.said_precision``); a whole number of money, a measure or index points
    (``SourceMention.fractional``) may be cut short, as headlines cut it ("إلى 8820
    نقطة" for the 8820.65 points of another report), so from ``CUT_SHORT_FROM`` it allows
    up to the next whole number (3% and 3.8% stay apart, and so do 151 and 152 of an
    unknown noun)."""
    iv = interval_of(m.qualifier, m.value, m.low, m.high, tol, m.headline, m.whole)
    unit = said_precision(m.text)
    if unit is None and m.fractional and m.value is not None and float(m.value).is_integer():
        unit = 1.0 if m.value >= CUT_SHORT_FROM else None
    return widened(iv, m.value, m.qualifier, unit)


def witnessed(
    mentions: list[SourceMention],
    strong: dict[int, set[int]],
    tol: Tolerances | None = None,
    crossed: Callable[[int, int], bool] | None = None,
    rising: dict[int, set[int]] | None = None,
    of_floors: bool = False,
) -> bool:
    """Do two of ``mentions`` that cannot both hold share a strong link of their own
    (``strong``: mention -> partners linked with at least ``EVIDENCE``, or by the
    analyst)? A figure joined only through others is not evidence enough of a conflict:
    most such flags are two quantities chained together, not sources that disagree.
    Nor is a pair ``crossed`` says each report states both values of (two items of one
    list, a figure and its comparison: "8 مسدسات نصف و12 مسدسا كاملا" in both).
    A toll's figure passes ``rising`` (mention -> partners linked with ``RISING_EVIDENCE``)
    too: a later report's higher count witnesses an update (``_rose_between``).
    ``of_floors``: the conflict is of a toll's lower bounds (``Conflict.of_floors``), which
    two lower bounds standing by different counts witness, and nothing else."""
    tol = tol or default_tolerances()
    spans = {m.id: span_of(m, tol) for m in mentions}
    floors = floors_of(mentions) if of_floors else {}
    for m in mentions:
        own = spans[m.id]
        if own is None:
            continue
        for other in strong.get(m.id, ()):
            theirs = spans.get(other)
            if theirs is None:
                continue
            if _floors_apart(floors, m.id, other) if of_floors else disjoint(own, theirs):
                if crossed is None or not crossed(m.id, other):
                    return True
    return bool(rising) and _rose_between(mentions, spans, rising, crossed, floors)


def floor_of(m: SourceMention) -> float | None:
    """The count a toll's lower bound stands by ("at least 20", "more than 20": 20; a
    report's "more than 2,000" and another's "passed 2,000" stand by one count), or None
    for any other mention and for a headline's bound, which rounds."""
    if m.qualifier not in ("at_least", "more_than") or m.value is None or m.headline:
        return None  # a headline rounds its bound: "أكثر من 3 آلاف" over the text's 3,042
    return float(m.value)


def floors_of(mentions: list[SourceMention]) -> dict[int, float]:
    """Mention id -> the count its lower bound stands by (``floor_of``), for the bounds a
    report does not state more precisely itself: "أكثر من 3 آلاف" beside the same
    report's exact 3,042 is that number rounded, not a count of its own."""
    exact: dict[str, list[float]] = {}
    for m in mentions:
        if m.qualifier in (None, "exact") and m.value is not None:
            exact.setdefault(m.article, []).append(float(m.value))
    return {m.id: f for m in mentions if (f := floor_of(m)) is not None
            and not any(v > f for v in exact.get(m.article, ()))}  # fmt: skip


def _floors_apart(floors: dict[int, float], a: int, b: int) -> bool:
    """Do two lower bounds of a toll stand by different counts ("at least 20" and "at
    least 27": each report's confirmed dead)?"""
    fa, fb = floors.get(a), floors.get(b)
    return fa is not None and fb is not None and fa != fb


def _rose_between(
    mentions: list[SourceMention],
    spans: dict,
    rising: dict[int, set[int]],
    crossed: Callable[[int, int], bool] | None = None,
    floors: dict[int, float] | None = None,
) -> bool:
    """Was one of ``mentions`` told higher than another, by another report at least
    ``RISE_AFTER`` later, the two linked with ``RISING_EVIDENCE`` (``rising``), and not
    ``crossed`` (each report stating both values)? So a toll rises as it is counted: the
    first reports' 10 dead and the evening's 12."""
    by_id = {m.id: m for m in mentions}
    for m in mentions:
        own, told = spans[m.id], published_at(m.published)
        if own is None or told is None:
            continue
        for other in rising.get(m.id, ()):
            later, theirs = by_id.get(other), spans.get(other)
            if later is None or theirs is None or later.article == m.article:
                continue
            then = published_at(later.published)
            if then is None or then - told < RISE_AFTER:
                continue
            if floors:  # lower bounds only: the later stands by a higher count
                higher = _floors_apart(floors, m.id, other) and floors[other] > floors[m.id]
            else:
                higher = disjoint(own, theirs) and theirs.low >= own.high
            if higher:
                if crossed is None or not crossed(m.id, other):
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
        iv = span_of(m, tol)
        if iv is not None:
            spans.append((m, iv))
    if len(spans) < 2:
        return None
    lowest_high = min(spans, key=lambda s: (s[1].high, not s[1].high_open))
    highest_low = max(spans, key=lambda s: (s[1].low, s[1].low_open))
    a, ia = lowest_high
    b, ib = highest_low
    if a is b or not disjoint(ia, ib):
        return _floors_conflict(spans, tol) if rising_only else None
    va = representative(a.qualifier, a.value, a.low, a.high)
    vb = representative(b.qualifier, b.value, b.low, b.high)
    share = apart(va, vb) if va is not None and vb is not None else 0.0
    suspect = share >= MAX_SEVERITY or not va or not vb
    timeline = (told_update(a, b) or said_update(spans, ia, ib)
                or update_timeline(spans, rising_only))  # fmt: skip
    if timeline is None and rising_only and any(_says_new_toll(m) for m, _ in spans):
        # a report says the toll rose or is new: its steps are updates however close
        timeline = update_timeline(spans, rising_only, same_time=dt.timedelta(0))
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


def _floors_conflict(
    spans: list[tuple[SourceMention, Interval]], tol: Tolerances
) -> Conflict | None:
    """A toll whose values can all hold, but whose reports' lower bounds stand by
    different counts ("at least 20" dead, then "at least 27"): the count each confirms
    moved. The two named are the lowest bound and the highest of another report. An
    update when a report says so (``told_update``, ``said_update``) or the bounds rise
    with time (``update_timeline`` over the bounds alone), else a disagreement."""
    stands = floors_of([m for m, _iv in spans])
    floors = sorted(((m, stands[m.id]) for m, _iv in spans if m.id in stands),
                    key=lambda t: (t[1], t[0].id))  # fmt: skip
    if not floors:
        return None
    a, fa = floors[0]
    b, fb = next(((m, f) for m, f in reversed(floors) if m.article != a.article), (a, fa))
    if fb == fa:
        return None
    share = apart(fa, fb)
    suspect = share >= MAX_SEVERITY or not fa
    points = [(m, Interval(f, f)) for m, f in floors]
    timeline = (told_update(a, b) or said_update(points, Interval(fa, fa), Interval(fb, fb))
                or update_timeline(points, rising_only=True))  # fmt: skip
    if timeline is not None:
        return Conflict(round(share, 4), severity_label(share, tol), timeline, a.id, b.id,
                        "update", suspect, of_floors=True)  # fmt: skip
    reason = (
        f"lower bounds: {wording(a.qualifier, a.value, a.low, a.high, a.unit)} «{a.text}» "
        f"({source_label(a)}) vs {wording(b.qualifier, b.value, b.low, b.high, b.unit)} "
        f"«{b.text}» ({source_label(b)}): {share:.0%} apart"
    )
    return Conflict(round(share, 4), severity_label(share, tol), reason, a.id, b.id,
                    "disagreement", suspect, of_floors=True)  # fmt: skip


SAME_TIME = dt.timedelta(hours=3)  # reports this close were written from the same state
STALE = dt.timedelta(hours=12)  # a value first told this long before is a reprint (a paper)
# "ارتفعت حصيلة القتلى إلى 40": the report itself says the count rose to its number
_ROSE_TO = re.compile(
    r"(?:^|\s)[وفل]?(?:ا|ي|ت|لي|لت)?(?:رتفع|رتفاع|رتفعت|صعد|صعدت|قفز|قفزت|وصل|وصلت|بلغ|بلغت)\S*"
    r"(?:\s+\S+){0,5}\s+(?:إلى|الى|إلي|الي|ل)\s*[«\"(]?\s*$"
)
# "ارتفعت حصيلة القتلى"، "ارتفاع أعداد الضحايا"، "وفق حصيلة جديدة"، "آخر حصيلة": a report
# says its toll is newer
_NEW_TOLL = re.compile(
    r"(?:ال)?حصيلة\s+(?:جديدة|محدثة|نهائية)|(?:آخر|أحدث|اخر|احدث)\s+(?:حصيلة|تحديث)"
    r"|[وف]?(?:ا|إ)رتفا?ع\S*\s+(?:\S+\s+){0,2}?(?:عدد|أعداد|اعداد|حصيلة|الحصيلة)"
    r"|(?:باتت|أصبحت|اصبحت|بات|أصبح|اصبح)\s+(?:الآن|الان)"
)


def _says_new_toll(m: SourceMention) -> bool:
    return _NEW_TOLL.search(f"{m.before} {m.after}") is not None


# "بحلول الساعة 1530 بتوقيت جرينتش": a market snapshot says when it was taken
_CLOCK = re.compile(
    r"(?:الساعة|الساعه)\s*(\d{1,2})[:.,ر]?(\d{2})\s*(?:صباحا|صباحاً|مساء|مساءً)?\s*"
    r"(?:بتوقيت|ت\.?غ|GMT)"
)


def _clock(m: SourceMention) -> int | None:
    """The clock time a mention's own sentence states, in minutes (a snapshot's time)."""
    found = _CLOCK.search(m.after) or _CLOCK.search(m.before)
    if not found:
        return None
    hours, minutes = int(found[1]), int(found[2])
    return hours * 60 + minutes if hours < 24 and minutes < 60 else None


def _told_earlier(m: SourceMention) -> bool:
    """Do the words around ``m`` tell it as an earlier or a first count ("في حصيلة
    أولية"، "حسب المعلومات الأولية")?"""
    before = normalize(m.before).text
    return told_as_earlier(normalize(f"{m.before} {m.after}").text) or told_as_first(
        before, len(before)
    )


def _cited(m: SourceMention) -> bool:
    """Is ``m`` only in what its report says was stated before ("وكان المتحدث قد صرح
    بأن ... عشرة")? That orders it before its own report's counts alone: another
    report's may be of another incident."""
    before = normalize(m.before).text
    return stated_before(before, len(before))


def _before(m: SourceMention, other: SourceMention) -> bool:
    """Does ``m``'s report tell it as a count that came before ``other``?"""
    return _told_earlier(m) or (m.article == other.article and _cited(m))


def told_update(a: SourceMention, b: SourceMention) -> str | None:
    """An update the reports say in words: one is told as an earlier count (في وقت
    سابق، حصيلة أولية) and the other, not printed before it, is not (the lower, or a
    first count corrected down); the higher says the count rose to it and
    was not published before the lower; or both are snapshots of one day stating
    different clock times (a price at 05:15 GMT, then at 10:45). The reason gives the
    two steps."""

    def step(m: SourceMention, note: str) -> str:
        said = wording(m.qualifier, m.value, m.low, m.high, m.unit)
        return f"{said} «{m.text}» ({source_label(m)}{note})"

    low_when, high_when = published_at(a.published), published_at(b.published)
    if _before(a, b) and not _before(b, a):
        return f"update: {step(a, ', an earlier count')} → {step(b, '')}"
    if (
        _told_earlier(b)
        and not _before(a, b)
        and (low_when is None or high_when is None or low_when >= high_when - SAME_TIME)
    ):  # a first count corrected: "حسب المعلومات الأولية نحو 17"، then the ministry's 13
        return f"update: {step(b, ', an earlier count')} → {step(a, '')}"
    if _ROSE_TO.search(b.before) and (
        low_when is None or high_when is None or high_when >= low_when - SAME_TIME
    ):
        return f"update: {step(a, '')} → {step(b, ', says it rose')}"
    ta, tb = _clock(a), _clock(b)
    same_day = low_when and high_when and abs(high_when - low_when) <= dt.timedelta(days=1)
    if ta is not None and tb is not None and ta != tb and same_day:
        first, second = sorted(((ta, a), (tb, b)), key=lambda t: t[0])
        return (f"update: {step(first[1], f' at {first[0] // 60:02d}:{first[0] % 60:02d} GMT')}"
                f" → {step(second[1], f' at {second[0] // 60:02d}:{second[0] % 60:02d} GMT')}")  # fmt: skip
    return None


def said_update(spans: list[tuple[SourceMention, Interval]], low: Interval,
                high: Interval) -> str | None:  # fmt: skip
    """An update some report says in words, though not the two the conflict names: a
    report of the higher value says the count rose or is new ("ارتفع عدد المصابين ... إلى
    38"، "حسب حصيلة جديدة"، "باتت الآن"), or a report of the lower one tells it as an
    earlier count ("بعدما كانت تحدثت مصادر عن 20 قتيلا"), whatever the hours they were
    printed at (a paper may print the earlier count later)."""
    highs = [m for m, iv in spans if not disjoint(iv, high) and disjoint(iv, low)]
    lows = [m for m, iv in spans if not disjoint(iv, low) and disjoint(iv, high)]
    rose = next((m for m in highs if _ROSE_TO.search(m.before) or _says_new_toll(m)), None)
    earlier = next((m for m in lows if _told_earlier(m)), None)
    if rose is None and earlier is None:
        return None
    if any(_told_earlier(m) for m in highs) and rose is None:
        return None  # both told as earlier: no order said
    first = earlier or lows[0]
    second = rose or highs[0]

    def step(m: SourceMention, note: str) -> str:
        said = wording(m.qualifier, m.value, m.low, m.high, m.unit)
        return f"{said} «{m.text}» ({source_label(m)}{note})"

    return (f"update: {step(first, ', an earlier count' if earlier else '')} → "
            f"{step(second, ', says it rose' if rose else '')}")  # fmt: skip


def update_timeline(
    spans: list[tuple[SourceMention, Interval]],
    rising_only: bool = False,
    same_time: dt.timedelta = SAME_TIME,
) -> str | None:
    """The reason of an update, or None for a disagreement.

    An update is a figure whose new values, in order of publication, move one way (a
    toll that rises as bodies are found), with few reports against the trend and few
    that disagree at one moment (``_trend``). A later report that repeats an earlier
    value (a paper reprinting yesterday's count) is part of the timeline, not against it. With
    ``rising_only`` (a toll), a falling count is no update: a toll does not shrink, so
    that is a disagreement. The reason is the timeline: value, wording, source, time.
    """
    timed = []
    for m, iv in spans:
        when = published_at(m.published)
        if when is None:
            return None
        value = representative(m.qualifier, m.value, m.low, m.high)
        if value is None:
            return None
        timed.append((when, m, iv, value))
    timed.sort(key=lambda t: (t[0], t[1].id))
    steps: list[tuple[SourceMention, Interval, float, dt.datetime]] = []  # each new value
    agreeing: list[int] = []
    for when, m, iv, value in timed:
        # a later report tells a value already told when it allows that value: "at
        # least 44" after 49 does, 32 after "about 30" does not (a vague first count
        # would swallow every later one)
        earlier = next((k for k, step in enumerate(steps) if iv.contains(step[2])), None)
        if earlier is not None:
            agreeing[earlier] += 1  # a later report of a value already told
            continue
        steps.append((m, iv, value, when))
        agreeing.append(0)
    if len(steps) < 2:
        return None  # no change of number ("500" then "more than 500") is no update
    direction = _trend(steps, timed, same_time)
    if direction is None or (direction < 0 and rising_only):
        return None
    parts = []
    for (m, _iv, _value, when), n in zip(steps, agreeing, strict=True):
        said = wording(m.qualifier, m.value, m.low, m.high, m.unit)
        where = ", ".join(x for x in (short_name(m.article), m.outlet) if x)
        later = f" and {n} later {'report agrees' if n == 1 else 'reports agree'}" if n else ""
        parts.append(f"{said} «{m.text}» ({where}, {when:%Y-%m-%d %H:%M}){later}")
    return "update: " + " → ".join(parts)


LAGGING_SHARE = 0.25  # pairs of new values against the trend, as a share of those with it
SAME_TIME_SHARE = 0.5  # pairs of reports that disagree at one moment, as a share of those


def _trend(
    steps: list[tuple], timed: list[tuple], same_time: dt.timedelta = SAME_TIME
) -> int | None:
    """+1 when the new values (``steps``) rise with time, -1 when they fall, None when
    they do not move one way. Each pair of new values told more than ``SAME_TIME`` apart
    is with or against the trend; a few against it are outlets still printing an older
    count (``LAGGING_SHARE``). Two reports (``timed``: all of them) within ``SAME_TIME``
    of each other that cannot both hold are outlets that disagree at one moment: more
    than ``SAME_TIME_SHARE`` of such pairs, against the pairs that move, is a
    disagreement."""
    up = down = 0
    for i, (_m, _iv, value, when) in enumerate(steps):
        for _m2, _iv2, later_value, later in steps[i + 1 :]:
            if later - when > same_time:
                up += later_value > value
                down += later_value < value
    # a report of a value first told more than STALE before it is a reprint: a paper
    # behind the news, not an outlet disagreeing with the others at that moment
    fresh = [t for t in timed
             if not any(not disjoint(iv, t[2]) and t[0] - when > STALE
                        for _m, iv, _v, when in steps)]  # fmt: skip
    together = set()
    for i, (when, m, iv, _v) in enumerate(fresh):
        for later, other, other_iv, _ov in fresh[i + 1 :]:
            if later - when > same_time:
                break
            if m.article != other.article and disjoint(iv, other_iv):
                together.add((m.article, other.article))
    moving, against = max(up, down), min(up, down)
    if not moving or against > LAGGING_SHARE * moving or len(together) > SAME_TIME_SHARE * moving:
        return None
    return 1 if up > down else -1
