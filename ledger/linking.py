"""Linking: group claim mentions that report the same real-world figure.

What decides a link is what the figure is about, never its value (or conflicts could
never be found): the counted entity, the event, the words around the number with all
numbers masked (places, names, the institutions involved), the article, the outlet and
the date. Candidate pairs come from blocks (same kind and unit, and the same entity or
the same event in the same week), scored with rapidfuzz's ``process.cdist`` over the
whole block at once. Mentions join a figure when their score clears ``LINK_THRESHOLD``
and the average score between the two groups clears ``GROUP_THRESHOLD``; the analyst's
decisions (same figure, split, merge, not a claim) are applied on top.

All thresholds and weights are in ``LinkSettings``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from .lexicon import lexicon
from .normalize import normalize
from .scope import (
    incident_marks,
    may_name_a_period,
    new_count,
    period_near,
    running_total,
    same_incident,
    same_period,
    severe_count,
    subset_of_toll,
)
from .store import rows_for_ids
from .words import CLAUSE_MARKS, WORD, keep


@dataclass(frozen=True)
class LinkSettings:
    """The numbers that shape the words around a number and the grouping of mentions
    (the same-slot model's own thresholds are in ``slots.Model``)."""

    context_tokens: int = 10  # words kept on each side of the number
    common_word_share: float = 0.15  # words in more claim contexts than this share ...
    common_word_min: int = 30  # ... (and more than this many) are masked like stopwords
    restrictor_before: int = 5  # restrictors are looked for this many words before ...
    restrictor_after: int = 4  # ... and after the number, within its clause
    link_threshold: float = 0.5  # a pair must score this to be linked
    group_threshold: float = 0.35  # and the two groups must average this
    unknown_pair_score: float = 0.0  # what an unscored pair counts for in that average


# Events that describe a standing state rather than one incident: the same total is
# repeated by many stories, so linking does not require the articles to match.
STANDING_EVENTS = frozenset({"held", "totalled"})
# events that report the same outcome: deaths are deaths, however a report words them
EVENT_FAMILY = {"died": "killed"}


def event_family(event: str | None) -> str | None:
    return EVENT_FAMILY.get(event, event) if event else None


SETTINGS = LinkSettings()


@dataclass(slots=True)
class ClaimRow:
    """What linking needs to know about one claim mention."""

    id: int
    article_id: str
    sentence_start: int
    entity: str | None
    event: str | None
    kind: str
    unit: str | None
    published: str | None
    context: str = ""
    entity_key: str | None = None
    entity_class: str | None = None
    day: dt.date | None = None
    vague: bool = False
    restrictors: frozenset = frozenset()
    part: bool = False  # a sub-count: منهم 97، بينهم امرأتان
    partitive: bool = False  # "10 من منسوبي القوات": some of a group (often a sub-count)
    item: bool = False  # one of a list of counts of one event: 12 من الأفراد و3 عمال
    weekday: str | None = None  # the weekday named nearest the number: the day it is about
    period: float | None = None  # days it is counted over: خلال أسبوعين (scope.period_near)
    subset: bool = False  # some of a toll: 32 من الجرحى (scope.subset_of_toll)
    severe: bool = False  # the badly hurt: 20 جريحا في حالة حرجة (scope.severe_count)
    incident: tuple = (frozenset(), False)  # its sentence's targets, several incidents?
    new: bool = False  # a bulletin's new count: 4 حالات جديدة (scope.new_count)
    earlier: bool = False  # told as an earlier count: في حصيلة أولية، قال في وقت سابق
    sessions: tuple = ()  # the index levels its article names: the market sessions it is about
    comparison: bool = False  # another period or a former value: مقارنة بـ، العام الماضي
    elsewhen: int | None = None  # an earlier year named beside the number (another incident)
    title: bool = False  # in the headline
    verbatim: str = ""  # letters and digits around the number, to find copies of it
    distinct: float | None = None  # the value, when it is distinctive (431, not 300)
    stated: tuple = (None, None, None, None)  # qualifier, value, low, high
    rank: int = 0  # its place among the article's claims of the same event, kind and unit
    # (the article's first toll is 0)


_VERBATIM = re.compile(r"[^0-9\u0621-\u064a]+")
VERBATIM_REACH = 60  # characters each side of a number that a copy must repeat
VERBATIM_MIN = 50  # letters and digits the words around it need before a copy counts
VERBATIM_MAX = 300  # copies of one sentence beyond this are boilerplate


def verbatim_pairs(rows: list[ClaimRow]) -> dict[tuple[int, int], Pair]:
    """The same words around a number in several articles (an agency statement every
    outlet prints): one figure in all of them."""
    copies: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for r in rows:
        if len(r.verbatim) >= VERBATIM_MIN:
            copies[(r.verbatim, r.kind, r.unit)].append(r)
    pairs: dict[tuple[int, int], Pair] = {}
    for group in copies.values():
        articles = {r.article_id for r in group}
        if len(articles) < 2 or len(group) > VERBATIM_MAX:
            continue
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                if a.article_id != b.article_id:
                    key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                    pairs[key] = Pair(key[0], key[1], 1.0, "the same words in both articles")
    return pairs


SELF_REACH = 3000  # characters: numbers this close in one article that disagree are two figures


SELF_GROUP_MAX = 60  # an article's headline and text mentions of one kind compared in full


def self_contradictions(rows: dict[int, ClaimRow], pairs) -> set[tuple[int, int]]:
    """Pairs of one article whose values cannot both hold: an article rarely contradicts
    itself, so two such numbers are two figures (parallel items, a part and its total),
    never one figure in conflict."""
    from .intervals import default_tolerances, disjoint, interval_of

    tol = default_tolerances()
    intervals: dict[int, object] = {}

    def interval(row: ClaimRow):
        if row.id not in intervals:
            intervals[row.id] = interval_of(*row.stated, tol)
        return intervals[row.id]

    # a headline and its own text, scored or not: a figure grown through other reports
    # must not join them either (the text of a live article may move on from its
    # headline; within the text, a toll that rose is one figure)
    candidates = set(pairs)
    by_group: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for row in rows.values():
        by_group[(row.article_id, row.kind, row.unit, event_family(row.event))].append(row)
    for group in by_group.values():
        titles = [r.id for r in group if r.title]
        texts = [r.id for r in group if not r.title]
        if titles and texts and len(group) <= SELF_GROUP_MAX:
            candidates.update((min(a, b), max(a, b)) for a in titles for b in texts)
    out = set()
    for a_id, b_id in candidates:
        told = pairs.get((a_id, b_id)) if isinstance(pairs, dict) else None
        if told is not None and told.explanation.startswith(EARLIER_REASON):
            continue  # the report says one number came before the other
        a, b = rows.get(a_id), rows.get(b_id)
        if a is None or b is None or a.article_id != b.article_id:
            continue
        if a.title == b.title and abs(a.sentence_start - b.sentence_start) > SELF_REACH:
            continue  # a later section (an update of a live article)
        ia, ib = interval(a), interval(b)
        if ia is not None and ib is not None and disjoint(ia, ib):
            out.add((a_id, b_id))
    return out


def distinctive(value) -> float | None:
    """A value with three significant digits or more (431, 6,935,000; not 300 or 12,000):
    reports that state it on the same days about the same event report one figure."""
    if value is None or value < 100:
        return None
    digits = str(int(value)) if float(value).is_integer() else str(value).replace(".", "")
    return float(value) if len(digits.rstrip("0")) >= 3 else None


DISTINCT_DAYS = 3  # reports this many days apart may still state the same figure


def same_value_pairs(rows: list[ClaimRow]) -> dict[tuple[int, int], Pair]:
    """Independent reports of one figure rarely share wording but state the same
    distinctive number (431 arrested): with the same event, a counted noun of the same
    kind and a few days apart, they are one figure."""
    by_value: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for r in rows:
        if r.distinct is not None:
            by_value[(r.distinct, r.kind, r.unit)].append(r)
    pairs: dict[tuple[int, int], Pair] = {}
    for (value, _kind, _unit), group in by_value.items():
        if len(group) < 2 or len(group) > VERBATIM_MAX:
            continue
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                if a.article_id == b.article_id:
                    continue
                if a.day and b.day and abs((a.day - b.day).days) > DISTINCT_DAYS:
                    continue
                if other_things(a, b) or not same_scope(a, b):
                    continue
                event = event_family(a.event)
                if a.event and b.event and event != event_family(b.event):
                    continue
                key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                event = event or b.event
                why = f"the same distinctive figure {value:g}" + (f", {event}" if event else "")
                pairs[key] = Pair(key[0], key[1], 0.9, why)
    return pairs


STORY_VALUE_MIN = 5  # smaller values repeat by chance within a story (3 workers, 3 wounded)
STORY_VALUE_SURE = 20  # from here the same value and event in one story is one slot (96%+)
STORY_VALUE_NOUN = 2  # from here, with the same counted noun too, a day apart at most (92%+)
ECHO_DAYS = 1  # a value repeated without its event: reports at most this many days apart
ECHO_SCORE = 0.6  # likely, but no witness of a conflict (80-100% on the story dev set)


def _echo_value(value: float, kind: str) -> bool:
    """A value distinctive enough to be one figure of a story when an event is missing
    on a side: a fraction (3.2%, 291.03 points) or a count from ``STORY_VALUE_SURE``."""
    return not float(value).is_integer() or (kind != "percent" and value >= STORY_VALUE_SURE)


def story_value_pairs(
    rows: list[ClaimRow], story_of: dict[str, int]
) -> dict[tuple[int, int], Pair]:
    """Reports of one story that give the same value for the same event in different
    articles (15 killed, in the Abha coverage of three days) fill one slot: on the story
    dev set 96-99% of such pairs do from 20 up, 80-89% from 5 (counted nouns of one
    class, or one of them unknown). Below 5 the counted noun must be the same too, and
    the reports a day apart at most (three workers killed: 92-98%).

    When one side (or both) names no event, the same value still echoes one figure if
    it is distinctive (``_echo_value``: the index fell 3.2% in one report, "3.2%" in
    another) and the reports are a day apart at most, both the main count or both a
    part, a list item or a comparison: 80-100% of such pairs fill one slot on the dev set
    (``ECHO_SCORE``)."""
    by_key: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for r in rows:
        value, story = r.stated[1], story_of.get(r.article_id)
        if value is None or (value < STORY_VALUE_NOUN and float(value).is_integer()):
            continue
        if story is not None:
            by_key[(story, r.kind, r.unit, float(value))].append(r)
    pairs: dict[tuple[int, int], Pair] = {}
    for (_story, kind, _unit, value), group in by_key.items():
        if len(group) < 2 or len(group) > VERBATIM_MAX:
            continue
        echo = _echo_value(value, kind)
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                if a.article_id == b.article_id or a.elsewhen != b.elsewhen:
                    continue
                if other_things(a, b) or not same_scope(a, b):
                    continue
                ea, eb = event_family(a.event), event_family(b.event)
                if ea and eb and ea != eb:
                    continue
                if (a.new or b.new) and _days_apart(a, b) > ECHO_DAYS:
                    continue  # two bulletins' new cases
                if ea and ea == eb and value >= STORY_VALUE_MIN:
                    if value < STORY_VALUE_SURE and a.vague != b.vague:
                        continue
                    score = 0.9 if value >= STORY_VALUE_SURE else 0.75
                    why = f"the same {value:g} {ea} in one story"
                elif ea and ea == eb and a.entity_key and a.entity_key == b.entity_key:
                    # three workers killed, in two reports of the same days
                    if a.vague != b.vague or _days_apart(a, b) > ECHO_DAYS:
                        continue
                    score, why = 0.75, f"the same {value:g} {a.entity} {ea} in one story"
                else:
                    if not echo or a.vague != b.vague or _role(a) != _role(b):
                        continue
                    if _days_apart(a, b) > ECHO_DAYS:
                        continue
                    score, why = ECHO_SCORE, f"the same {value:g} in one story"
                key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                pairs[key] = Pair(key[0], key[1], score, why)
    return pairs


def same_scope(a: ClaimRow, b: ClaimRow) -> bool:
    """Do two mentions count over one period, in one market session, and neither only
    some of a toll (or only its badly hurt)?"""
    return (same_period(a.period, b.period) and a.subset == b.subset
            and a.severe == b.severe and same_session(a, b))  # fmt: skip


SESSION_LEVEL = 1000  # an index level: points from this up (TASI 8,790.77)
SESSION_NOUN = "نقطه"  # the counted noun of an index level, normalised
LEVEL_TOLERANCE = 1.0  # 8,790 in a headline is the 8,790.77 of the text


def _mark_sessions(rows: list[ClaimRow]) -> None:
    """Give each mention the index levels its article names (points from
    ``SESSION_LEVEL``): the market sessions it is about."""
    levels: dict[str, set[float]] = defaultdict(set)
    for r in rows:
        value = r.stated[1]
        if r.entity_key == SESSION_NOUN and value is not None and value >= SESSION_LEVEL:
            levels[r.article_id].add(float(value))
    for r in rows:
        if r.article_id in levels:
            r.sessions = tuple(sorted(levels[r.article_id]))


def same_session(a: ClaimRow, b: ClaimRow) -> bool:
    """May two mentions be about one market session? Not when their articles both name
    index levels and share none: daily market reports are written to one template, and
    only the session (its closing level) tells their figures apart. A level in a
    headline rounded (8,790 for 8,790.77) is the same level."""
    if not a.sessions or not b.sessions or a.article_id == b.article_id:
        return True
    return any(abs(x - y) <= LEVEL_TOLERANCE for x in a.sessions for y in b.sessions)


def periods_of(rows: Iterable[ClaimRow]) -> dict[int, float]:
    """Mention id -> the period it is counted over, for the mentions that name one."""
    return {r.id: r.period for r in rows if r.period is not None}


def read_scope(row: ClaimRow, sentence: str, start: int, end: int) -> None:
    """Set what ``row`` covers (period, subset, new count) from its sentence and the
    number's offsets in it (``load_claims`` does this as it reads each sentence)."""
    nt = normalize(sentence)
    _set_scope(row, nt.text, nt.to_normalized(max(0, start)), nt.to_normalized(max(0, end)))


def _set_scope(row: ClaimRow, text: str, start: int, end: int, timed: bool | None = None) -> None:
    """``timed``: does the sentence name a unit of time (``scope.may_name_a_period``)?"""
    if timed if timed is not None else may_name_a_period(text):
        row.period = period_near(text, start, end)
    if row.kind == "count":  # only a count of people or cases is some of a toll
        row.subset = subset_of_toll(text, end)
        row.severe = severe_count(text, end)
    # cases of an epidemic: each bulletin's count is that day's, unless it is the running
    # total; deaths told as cases (15 حالة وفاة) are a toll like any other
    row.new = (
        row.entity_key in CASE_WORDS
        and event_family(row.event) != "killed"
        and (new_count(text, end) or not running_total(text))
    )


def _days_apart(a: ClaimRow, b: ClaimRow) -> int:
    """Days between two reports (0 when a date is unknown)."""
    return abs((a.day - b.day).days) if a.day and b.day else 0


def _role(row: ClaimRow) -> tuple[bool, bool, bool, bool]:
    """Is the mention a part, a partitive, a list item, a comparison value?"""
    return (row.part, row.partitive, row.item, row.comparison)


CASE_WORDS = frozenset({"حاله", "اصابه"})  # حالة، إصابة as the counted noun: cases
# the counts every report of an incident leads with
TOLL_EVENTS = frozenset({"killed", "injured", "captured", "held", "missing", "displaced"})
TOLL_NOUN_CLASSES = frozenset({"person", "event"})  # people, or cases of what befell them
RISING_TOLLS = frozenset({"killed", "injured"})  # counts that rise as the dead are counted
PEOPLE_CLASSES = frozenset({"person", "civilian"})  # not "group": companies, parties, cells
# nouns that count any people a toll befell ("6 أشخاص", "15 قتيلا"): the same toll as a
# count of civilians, soldiers or worshippers, which name who they were
GENERIC_TOLL_NOUNS = frozenset({"شخص", "قتيل", "شهيد", "ضحيه", "جريح", "مصاب", "نسمه"})


def other_things(a: ClaimRow, b: ClaimRow) -> bool:
    """Do the two count things of different classes (soldiers and civilians, companies
    and people)? A noun of unknown class is no evidence, and a generic toll noun (6
    أشخاص) may count the civilians another report names (8 مدنيين)."""
    ca, cb = a.entity_class, b.entity_class
    if not ca or not cb or ca == cb:
        return False
    if ca in PEOPLE_CLASSES and cb in PEOPLE_CLASSES:
        return not (a.entity_key in GENERIC_TOLL_NOUNS or b.entity_key in GENERIC_TOLL_NOUNS)
    return True


LEAD_STORY_DAYS = 5  # a story told over more days is running coverage (a war, a
# campaign): each report leads with its own incident
LEAD_TOLL_DAYS = 3  # reports this many days apart may still lead with the same toll
LEAD_TOLL_RATIO = 5.0  # a rising toll may grow this much in its updates (10 then 32 dead) ...
LEAD_RATIO = 2.0  # ... any other lead count this much (more would be another count)
LEAD_COSINE = 0.25  # how close two reports must be (the cosine of their words; see stories)
LEAD_SCORE = 0.8  # as sure as the model's surest pairs: a witness of a conflict


# a count the report itself tells as an earlier one: "في حصيلة أولية"، "الحصيلة السابقة"،
# "قال في وقت سابق إن ..."
_EARLIER = re.compile(
    r"(?<!\S)(?:في وقت سابق|سابقا|[وف]?(?:ال|ب|لل)?حصيل\S*\s+(?:\S+\s+)?(?:ال)?(?:اوليه|سابقه))(?!\S)"
)
EARLIER_REACH = 60  # characters each side of a number searched for those words
EARLIER_SCORE = 0.8  # as sure as a lead pair: a witness of the update
EARLIER_REASON = "the same report's earlier count of the"


def earlier_toll_pairs(rows: list[ClaimRow]) -> dict[tuple[int, int], Pair]:
    """A report that tells how its toll rose cites the earlier count ("أكثر من عشرة قتلوا
    في وقت سابق", "سقوط حوالي 10 قتلى ... في حصيلة أولية"): that count and the report's
    own leading count of the same toll are one figure, the earlier value an update. Both
    are whole counts (``_whole_count``) of the killed or the injured, up to
    ``LEAD_TOLL_RATIO`` apart. An article rarely contradicts itself
    (``self_contradictions``), but this is no contradiction."""
    by_toll: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for r in rows:
        event = event_family(r.event)
        if event in RISING_TOLLS and not r.title and _whole_count(r) and not r.partitive:
            by_toll[(r.article_id, event)].append(r)
    pairs: dict[tuple[int, int], Pair] = {}
    for (_article, event), group in by_toll.items():
        group.sort(key=lambda r: (r.sentence_start, r.id))
        lead = next((r for r in group if not r.earlier), None)
        if lead is None:
            continue
        for r in group:
            if not r.earlier or r.sentence_start == lead.sentence_start:
                continue
            lo, hi = sorted((float(r.stated[1]), float(lead.stated[1])))
            if lo <= 0 or hi / lo > LEAD_TOLL_RATIO or not same_scope(r, lead):
                continue
            key = (r.id, lead.id) if r.id < lead.id else (lead.id, r.id)
            pairs[key] = Pair(key[0], key[1], EARLIER_SCORE, f"{EARLIER_REASON} {event}")
    return pairs


def _running_stories(rows: list[ClaimRow], story_of: dict[str, int]) -> set[int]:
    """Stories told over more than ``LEAD_STORY_DAYS``: running coverage (a war, a
    campaign), where each report leads with its own incident."""
    days: dict[int, list] = defaultdict(list)
    for r in rows:
        if r.day and r.article_id in story_of:
            days[story_of[r.article_id]].append(r.day)
    return {s for s, ds in days.items() if (max(ds) - min(ds)).days > LEAD_STORY_DAYS}


def _whole_count(r: ClaimRow) -> bool:
    """A count that may be an incident's toll: not a sub-count, a list item, a comparison,
    another year, a vague number, some of a toll, its badly hurt, or an epidemic's cases
    (each bulletin counts its own)."""
    return not (
        r.part or r.item or r.comparison or r.elsewhen or r.vague or r.stated[1] is None
        or r.subset or r.severe or r.new or r.entity_key in CASE_WORDS or r.kind != "count"
    )  # fmt: skip


def _one_toll(a: ClaimRow, b: ClaimRow, event: str, related: dict) -> bool:
    """May two counts of ``event`` in two close reports of a short story be one toll?"""
    ca, cb = a.entity_class, b.entity_class
    if ca and cb and ca != cb and not {ca, cb} <= TOLL_NOUN_CLASSES and other_things(a, b):
        return False  # militants and soldiers, a cell and its members
    x, y = sorted((a.article_id, b.article_id))
    if x == y or related.get((x, y), 0.0) < LEAD_COSINE:
        return False
    if a.day and b.day and abs((a.day - b.day).days) > LEAD_TOLL_DAYS:
        return False
    if (a.weekday and b.weekday and a.weekday != b.weekday) or not same_scope(a, b):
        return False
    if not same_incident(a.incident, b.incident):
        return False  # the truck bomb and the police academy; one attack and a series
    lo, hi = sorted((float(a.stated[1]), float(b.stated[1])))
    most = LEAD_TOLL_RATIO if event in RISING_TOLLS else LEAD_RATIO
    return lo > 0 and hi / lo <= most


def lead_toll_pairs(
    rows: list[ClaimRow], story_of: dict[str, int], related: dict[tuple[str, str], float]
) -> dict[tuple[int, int], Pair]:
    """The toll each report of one story leads with (its first count of the killed, or
    of the injured, in the headline or else the text) is one figure, however much it
    rose: independent reports of an incident word it differently, and an update or a
    disagreement between them is what the analyst needs to see. Sub-counts, list items,
    comparisons and other years never lead (``_whole_count``); nor does another counted
    thing (militants and soldiers). The two articles must be close (``related`` cosine of
    ``LEAD_COSINE``), their story short (``LEAD_STORY_DAYS``) and their sentences must
    not name different targets (``scope.same_incident``)."""
    first: dict[tuple, ClaimRow] = {}
    for r in sorted(rows, key=lambda r: (r.article_id, not r.title, r.sentence_start, r.id)):
        event, story = event_family(r.event), story_of.get(r.article_id)
        if event not in TOLL_EVENTS or story is None or r.kind != "count":
            continue
        key = (r.article_id, r.title, event)
        if key not in first:
            first[key] = r
    running = _running_stories(rows, story_of)
    leads: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for (_article, title, event), r in first.items():
        if story_of[r.article_id] not in running and _whole_count(r):
            leads[(story_of[r.article_id], event, title)].append(r)
    pairs: dict[tuple[int, int], Pair] = {}
    for (_story, event, _title), group in leads.items():
        if len(group) > VERBATIM_MAX:
            continue
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                if _one_toll(a, b, event, related):
                    key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                    pairs[key] = Pair(key[0], key[1], LEAD_SCORE,
                                      f"both reports lead with the {event}")  # fmt: skip
    return pairs


def add_rule_pairs(
    pairs: dict[tuple[int, int], Pair],
    rows: list[ClaimRow],
    story_of: dict[str, int],
    related: dict[tuple[str, str], float],
) -> None:
    """Add the pairs the rules find (the same value in a story, a distinctive value,
    a copy) to ``pairs``, keeping the higher score where both have one."""
    for extra in (lead_toll_pairs(rows, story_of, related), story_value_pairs(rows, story_of),
                  same_value_pairs(rows), verbatim_pairs(rows), earlier_toll_pairs(rows)):  # fmt: skip
        for key, pair in extra.items():
            if key not in pairs or pair.score > pairs[key].score:
                pairs[key] = pair


@dataclass(slots=True)
class Pair:
    a: int
    b: int
    score: float
    explanation: str


def _day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


_CLAIMS_SQL = """
    SELECT m.id, m.article_id, m.sentence_start, m.entity, m.event, m.kind, m.unit,
           a.published, m.sentence, m.start, m."end", m.qualifier, m.field, m.value,
           m.low, m.high
    FROM mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.is_claim = 1 AND coalesce(m.excluded, 0) = 0 {}
    ORDER BY m.article_id, m.id
"""


def _claim_rows(db, articles: list[str] | None):
    if articles is None:
        yield from db.execute(_CLAIMS_SQL.format(""))
        return
    yield from rows_for_ids(
        db, _CLAIMS_SQL.format("AND m.article_id IN ({})"), sorted(set(articles))
    )


def load_claims(
    db, settings: LinkSettings = SETTINGS, articles: list[str] | None = None
) -> list[ClaimRow]:
    """Every claim mention the analyst has not set aside, with its features (of the
    ``articles`` given only, when given: words are then masked as common by the share
    of the whole ledger's claims, as a full link masks them)."""
    from .normalize import normalize_word

    lex = lexicon()
    rows = []
    raw_contexts = []
    restrictors = _restrictor_stems()
    spans: list[tuple[int, int, str]] = []  # each row's span in its sentence
    sentences: dict[tuple[str, str, int], list] = {}
    current_article = None
    for r in _claim_rows(db, articles):
        (mid, aid, s_start, entity, event, kind, unit, published, sentence, start, end, q, fld,
         value, low, high) = r  # fmt: skip
        row = ClaimRow(mid, aid, s_start or 0, entity, event, kind, unit, published)
        if aid != current_article:
            sentences.clear()  # mentions come article by article: keep one article's
            current_article = aid
        key = (aid, fld, s_start or 0)  # a headline and the text's first sentence both start at 0
        cached = sentences.get(key)
        if cached is None:
            nt = normalize(sentence or "")
            words = [(m.start(), w) for m in WORD.finditer(nt.text) if (w := keep(m.group()))]
            cached = sentences[key] = [nt, words, None, may_name_a_period(nt.text)]
        nt, words, marks, timed = cached
        if event_family(event) in TOLL_EVENTS:  # only tolls are told apart by incident
            if marks is None:
                marks = cached[2] = incident_marks(nt.text)
            row.incident = marks
        n_start = nt.to_normalized(max(0, start - (s_start or 0)))
        n_end = nt.to_normalized(max(0, end - (s_start or 0)))
        if marks is not None:
            window = nt.text[max(0, n_start - EARLIER_REACH) : n_end + EARLIER_REACH]
            row.earlier = _EARLIER.search(window) is not None
        before = [w for pos, w in words if pos < n_start]
        after = [w for pos, w in words if pos >= n_end]
        clause_before, clause_after = _clause(before, after)
        near = (
            clause_before[-settings.restrictor_before :] + clause_after[: settings.restrictor_after]
        )
        before = [w for w in before if w not in CLAUSE_MARKS]
        after = [w for w in after if w not in CLAUSE_MARKS]
        raw_contexts.append((before[-settings.context_tokens :], after[: settings.context_tokens]))
        row.restrictors = _restrictors_in(near, restrictors)
        if entity:
            row.entity_key = normalize_word(entity)
            hit = lex.entities.get(row.entity_key)
            row.entity_class = hit.cls if hit else None
        row.day = _day(published)
        row.vague = q == "vague"
        row.distinct = distinctive(value) if q == "exact" and kind != "percent" else None
        row.stated = (q, value, low, high)
        row.title = fld == "title"
        cues = lex.cues
        lead = nt.text[max(0, n_start - 24) : n_start].split()[-3:]
        row.part = any(w in cues["part"] for w in lead)
        row.partitive = _partitive(nt.text, n_end)
        around = nt.text[max(0, n_start - 40) : n_end + 40].split()
        row.comparison = any(w in cues["comparison"] for w in around)
        row.weekday = _weekday_near(nt.text, n_start, n_end)
        _set_scope(row, nt.text, n_start, n_end, timed)
        row.elsewhen = _earlier_year(nt.text[max(0, n_start - YEAR_REACH) : n_end + YEAR_REACH],
                                     row.day)  # fmt: skip
        row.verbatim = (
            _VERBATIM.sub("", nt.text[max(0, n_start - VERBATIM_REACH) : n_start])
            + "|" + _VERBATIM.sub("", nt.text[n_start:n_end]) + "|"
            + _VERBATIM.sub("", nt.text[n_end : n_end + VERBATIM_REACH])
        )  # fmt: skip
        rows.append(row)
        spans.append((start - (s_start or 0), end - (s_start or 0), sentence or ""))
    everyone = None
    if articles is not None:
        everyone = db.execute(
            "SELECT count(*) FROM mentions WHERE is_claim = 1 AND coalesce(excluded, 0) = 0"
        ).fetchone()[0]
    _set_contexts(rows, raw_contexts, settings, everyone)
    _mark_items(rows, spans)
    _mark_sessions(rows)
    in_article: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for row in rows:
        in_article[(row.article_id, row.event, row.kind, row.unit)].append(row)
    for members in in_article.values():
        members.sort(key=lambda r: (not r.title, r.id))
        for index, row in enumerate(members):
            row.rank = index
    return rows


_PARTITIVE = re.compile(r"\s*(?:من|منهم)\s+(?:[^\s\d]+)")
_NOT_PARTITIVE = frozenset({"أصل", "اصل", "إجمالي", "اجمالي", "مجموع", "بين", "المئه", "المائه",
                            "مئه", "مائه", "كل"})  # fmt: skip


def _partitive(text: str, end: int) -> bool:
    """ "12 من منسوبي القوات": some of a group, a part of the whole toll ("من أصل"
    and "من بين" introduce the whole, not the group)."""
    m = _PARTITIVE.match(text, end)
    return bool(m) and m.group().split()[-1] not in _NOT_PARTITIVE


ITEM_GAP = 60  # characters at most between two counts of one list
_AND = re.compile(r"(?:^|[\s،,])و")
_NOT_A_LIST = re.compile(r"(?:^|\s)(?:إلى|الى|حتى|حتي|من أصل|مقابل)(?:\s|$)")


def _mark_items(rows: list[ClaimRow], spans: list[tuple[int, int, str]]) -> None:
    """Counts of one event joined by و in one sentence are items of a list (12 من
    منسوبي القوة وثلاثة من العاملين): each is a part, not the total another report
    gives. "From 31 to 32" and "32 out of 100" are not lists."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for n, row in enumerate(rows):
        if row.event:
            groups[(row.article_id, row.title, row.sentence_start, row.event, row.kind,
                    row.unit)].append(n)  # fmt: skip
    for members in groups.values():
        members.sort(key=lambda n: spans[n][0])
        for a, b in pairwise(members):
            between = spans[a][2][spans[a][1] : spans[b][0]]
            if (
                len(between) <= ITEM_GAP
                and _AND.search(between)
                and not _NOT_A_LIST.search(between)
            ):
                rows[a].item = rows[b].item = True


WEEKDAY_REACH = 50  # characters each side of a number searched for the day it is about


@cache
def _weekday_pattern() -> re.Pattern:
    lex = lexicon()
    forms = sorted({" ".join(key) for key in lex.weekdays}, key=len, reverse=True)
    return re.compile(r"(?<!\S)(" + "|".join(map(re.escape, forms)) + r")(?!\S)")


def _weekday_near(text: str, start: int, end: int) -> str | None:
    """The weekday named nearest a number in its normalised sentence (السبت، يوم الأحد):
    figures of a market or a count on two named days are two figures."""
    lo = max(0, start - WEEKDAY_REACH)
    best: tuple[int, str] | None = None
    for m in _weekday_pattern().finditer(text, lo, end + WEEKDAY_REACH):
        distance = start - m.end() if m.end() <= start else m.start() - end
        day = lexicon().weekdays[tuple(m.group().split())][0]
        if best is None or distance < best[0]:
            best = (distance, day)
    return best[1] if best else None


YEAR_REACH = 60  # characters each side of a number searched for another year
_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2})(?![0-9])")
_SINCE = re.compile(r"(?:^|\s)(?:منذ|من|حتي|مطلع|بدايه)(?:\s|$)")  # since 2012: a running count


def _earlier_year(window: str, day: dt.date | None) -> int | None:
    """A Gregorian year before the article's own named near a number ("the 2013
    Reyhanli attack", "in 1996"): the number is about another incident or period. A
    running count "since 2012" (منذ) is not."""
    if day is None:
        return None
    years = [
        int(m.group()) for m in _YEAR.finditer(window)
        if int(m.group()) < day.year and not _SINCE.search(window[max(0, m.start() - 24) : m.start()])
    ]  # fmt: skip
    return max(years) if years else None


def _clause(before: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    """Words before and after the number within its clause (between commas)."""
    left = len(before)
    while left and before[left - 1] not in CLAUSE_MARKS:
        left -= 1
    right = 0
    while right < len(after) and after[right] not in CLAUSE_MARKS:
        right += 1
    return before[left:], after[:right]


@cache
def _restrictor_stems() -> tuple[str, ...]:
    from .lexicon import read_tsv

    return tuple(row[0] for row in read_tsv("restrictors.tsv"))


@cache
def _restrictor_pattern() -> re.Pattern[str]:
    """One regex for every restrictor: a stem with a nisba ending, or an exact word."""
    stems = [re.escape(s) for s in _restrictor_stems() if not s.startswith("=")]
    exact = [re.escape(s[1:]) for s in _restrictor_stems() if s.startswith("=")]
    return re.compile(
        f"^(?:(?P<stem>{'|'.join(stems)})(?:ي|يه|يين|يون|يات)|(?P<word>{'|'.join(exact) or 'x^'}))$"
    )


def _restrictors_in(words: list[str], stems: tuple[str, ...]) -> frozenset:
    pattern = _restrictor_pattern()
    found = set()
    for word in words:
        m = pattern.match(word)
        if m:
            found.add(m.group("stem") or m.group("word"))
    return frozenset(found)


def _set_contexts(
    rows: list[ClaimRow],
    raw: list[tuple[list[str], list[str]]],
    settings: LinkSettings,
    everyone: int | None = None,
) -> None:
    """Join each context, with clitics stripped where the bare word is known and the
    words common to many claims (this ledger's own stopwords) masked; ``everyone`` is
    how many claims the share is taken of, when ``rows`` are only some of them."""
    vocab: Counter = Counter()
    for before, after in raw:
        vocab.update(set(before) | set(after))

    def bare(word: str) -> str:
        for cut in (2, 1):
            if (
                len(word) > cut + 2
                and word[:cut] in _CLITIC_PREFIXES[cut]
                and vocab.get(word[cut:])
            ):
                return word[cut:]
        return word

    stripped = [[bare(w) for w in before + after] for before, after in raw]
    df: Counter = Counter()
    for words in stripped:
        df.update(set(words))
    limit = max(settings.common_word_min,
                int(settings.common_word_share * (everyone or len(rows))))  # fmt: skip
    for row, words in zip(rows, stripped, strict=True):
        row.context = " ".join(w for w in words if df[w] <= limit)


_CLITIC_PREFIXES = {1: frozenset("وفبلك"), 2: frozenset({"وب", "ول", "وك", "فب", "فل", "لل"})}


@dataclass
class Constraints:
    """The analyst's decisions, as constraints on grouping."""

    must: list[tuple[int, int]] = field(default_factory=list)
    cannot: set[tuple[int, int]] = field(default_factory=set)
    excluded: set[int] = field(default_factory=set)


class _Groups:
    """Groups that know their members, each member its group, and, for every pair of
    groups, the scored pairs between them (how many, their sum) and how many pairs
    between them are forbidden.

    Joining two groups folds the smaller group's tallies into the larger one, so average
    linkage and the cannot-link check are one lookup each, however large the groups."""

    def __init__(
        self,
        ids: Iterable[int],
        cannot: set[tuple[int, int]],
        scores: Iterable[tuple],
        periods: dict[int, float] | None = None,
    ) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in self.parent}
        # group -> the shortest and longest period its members are counted over
        self.periods = {i: (p, p) for i, p in (periods or {}).items() if i in self.parent}
        # group -> group -> the scored pairs between them, as one complex number (real:
        # how many, imaginary: their sum): one small object per pair of groups
        self.scored: dict[int, dict[int, complex]] = defaultdict(dict)
        self.cannot: dict[int, dict[int, int]] = defaultdict(dict)  # group -> group -> n
        for a, b, score in scores:
            if a in self.parent and b in self.parent and a != b:
                tally = complex(1, score)
                self.scored[a][b] = self.scored[a].get(b, 0) + tally
                self.scored[b][a] = self.scored[b].get(a, 0) + tally
        for a, b in cannot:
            if a in self.parent and b in self.parent and a != b:
                self.cannot[a][b] = self.cannot[a].get(b, 0) + 1
                self.cannot[b][a] = self.cannot[b].get(a, 0) + 1

    def find(self, i: int) -> int:
        return self.parent[i]

    def forbidden(self, ra: int, rb: int) -> bool:
        """May the two groups never join: a pair between them is forbidden, or they
        count over different periods (``scope.PERIOD_TOLERANCE``)?"""
        if rb in self.cannot.get(ra, ()):
            return True
        pa, pb = self.periods.get(ra), self.periods.get(rb)
        if pa is None or pb is None:
            return False
        return not same_period(min(pa[0], pb[0]), max(pa[1], pb[1]))

    def average(self, ra: int, rb: int, unknown: float) -> float:
        """The mean score of every pair between two groups (unscored pairs count as
        ``unknown``)."""
        total_pairs = len(self.members[ra]) * len(self.members[rb])
        tally = self.scored.get(ra, {}).get(rb, 0j)
        return (tally.imag + (total_pairs - tally.real) * unknown) / total_pairs

    def union(self, ra: int, rb: int) -> int:
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        moved = self.members.pop(rb)
        for m in moved:
            self.parent[m] = ra
        self.members[ra].extend(moved)
        pa, pb = self.periods.get(ra), self.periods.pop(rb, None)
        if pb is not None:
            self.periods[ra] = pb if pa is None else (min(pa[0], pb[0]), max(pa[1], pb[1]))
        self._fold(self.scored, ra, rb)
        self._fold(self.cannot, ra, rb)
        return ra

    @staticmethod
    def _fold(tallies: dict, ra: int, rb: int) -> None:
        """Move group ``rb``'s tallies onto ``ra`` (``rb`` has just joined it)."""
        theirs = tallies.pop(rb, {})
        ours = tallies[ra]  # a defaultdict
        ours.pop(rb, None)
        for other, tally in theirs.items():
            if other == ra:
                continue
            ours[other] = ours.get(other, 0) + tally
            back = tallies[other]
            back[ra] = back.get(ra, 0) + back.pop(rb)


def cluster(
    ids: list[int],
    pairs: dict[tuple[int, int], Pair],
    sentence_of: dict[int, tuple[str, int]],
    constraints: Constraints,
    settings: LinkSettings = SETTINGS,
    periods: dict[int, float] | None = None,
) -> tuple[dict[int, int], list[Pair]]:
    """Group mentions: returns mention id -> claim id, and the links that joined them.
    ``periods`` (mention id -> days it is counted over) keeps counts of one week and of
    two weeks apart, however their groups grow.

    Pairs are taken strongest first (single linkage), but two groups join only when
    the pairs between them average ``group_threshold`` (a pair never scored counts as
    ``unknown_pair_score``), so one strong link cannot chain two unrelated groups
    together; and never when any pair between them is forbidden."""
    cannot = set(constraints.cannot)
    # two numbers in one sentence are never one figure, unless the analyst says so
    by_sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i in ids:
        by_sentence[sentence_of[i]].append(i)
    must = {tuple(sorted(p)) for p in constraints.must}
    for group in by_sentence.values():
        for x in range(len(group)):
            for y in range(x + 1, len(group)):
                key = tuple(sorted((group[x], group[y])))
                if key not in must:
                    cannot.add(key)
    groups = _Groups(ids, cannot, ((a, b, p.score) for (a, b), p in pairs.items()), periods)
    links: list[Pair] = []
    for a, b in constraints.must:
        if a in groups.parent and b in groups.parent:
            ra, rb = groups.find(a), groups.find(b)
            if ra != rb:
                groups.union(ra, rb)
                links.append(Pair(min(a, b), max(a, b), 1.0, "analyst: same figure"))
    unknown, needed = settings.unknown_pair_score, settings.group_threshold
    for pair in sorted(pairs.values(), key=lambda p: (-p.score, p.a, p.b)):
        if pair.score < settings.link_threshold:
            break
        if pair.a not in groups.parent or pair.b not in groups.parent:
            continue
        ra, rb = groups.find(pair.a), groups.find(pair.b)
        if ra == rb or groups.forbidden(ra, rb):
            continue
        if groups.average(ra, rb, unknown) < needed - 1e-9:
            continue
        groups.union(ra, rb)
        links.append(pair)
    claim_of = {}
    for members in groups.members.values():
        claim = min(members)
        for m in members:
            claim_of[m] = claim
    return claim_of, links
