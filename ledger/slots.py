"""Slots: which claim mentions report the same quantity of the same story.

A figure is a slot in a story: what happened x what is counted x its scope. Two mentions
fill the same slot when they tell the same story (or their articles are close, see
``stories.Stories.related``) and agree on the event, the counted entity and the scope.
Their values are not compared, or conflicts could never be found, with one exception:
numbers more than ``MAX_RATIO`` apart are not one quantity reported twice (a toll of 30
and the 40,000 dead of a war; the 10 of them who were students).

Hard rules say which pairs can never be one slot. The others are described by the
features in ``FEATURES``, and the probability that they fill one slot is a logistic model
over them, fitted on the story dev set with cross-validation by story
(``tests/gold/fit_link_model.py``) and shipped as ``link_model.json`` beside this module.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from .intervals import counts_whole_things, interval_of
from .linking import (
    CASE_WORDS,
    FIGHTERS,
    GENERIC_TOLL_NOUNS,
    PEOPLE_CLASSES,
    PEOPLE_VETO_REASON,
    RISING_TOLLS,
    SAME_NOUN_REASON,
    TOLL_NOUN_CLASSES,
    VETO_REASON,
    ClaimRow,
    Pair,
    event_family,
    group_named,
    middle,
    same_item,
    same_levels,
)
from .scope import PERIOD_TOLERANCE, incidents_apart, told_apart

MODEL_FILE = Path(__file__).with_name("link_model.json")
FEATURES = (
    "bias", "same_story", "cosine", "context", "same_event", "event_unknown", "same_entity",
    "entity_unknown", "part_differs", "comparison_differs", "restrictors_differ", "ratio",
    "same_article", "days_apart", "both_lead", "title", "repeated", "same_class",
    "event_and_entity", "incident", "item_differs", "toll_ratio", "partitive_differs",
)  # fmt: skip
MAX_RATIO = 2.0  # values further apart than this are never one slot ...
MAX_TOLL_RATIO = 5.0  # ... unless both count one rising toll (RISING_TOLLS), told as it rose
# (Suruç: 10 dead in the first reports, 32 by the evening)
MAX_DAYS = 0  # reports further apart are one slot only for a lasting count (below)
# counts that outlets keep repeating and updating for days or weeks (a toll, the
# arrested, cumulative cases); market figures, percentages and amounts of another day
# are another day's figures
PEOPLE = frozenset({"person", "group"})  # classes of counted things that are people
TOLL_CLASSES = TOLL_NOUN_CLASSES  # people, or cases of what befell them
CHANGE_EVENTS = frozenset({"rose", "fell"})  # how a count moved, not what it counts
LASTING_EVENTS = frozenset({"killed", "injured", "captured", "recovered", "missing", "held",
                            "displaced", "escaped", "left", "hospitalized"})  # fmt: skip
# the people aboard a boat or a plane, and those rescued from it or surviving it, are counted
# for days too; not the teams that rescued them ("9 فرق إطفاء وإنقاذ")
CARRIED_EVENTS = frozenset({"aboard", "rescued", "survived"})
PASSENGERS = frozenset({"راكب", "مسافر"})  # counted aboard without the crew
CLOSE_RATIO = 1.5  # values closer than this are no evidence of two slots
MAX_ARTICLE_CLAIMS = 300  # an article's mentions beyond this are not linked (see linkable)
FEATURE_CHUNK = 100_000  # candidate pairs scored at a time, so memory stays bounded
MAX_BLOCK = 1500  # a story's mentions of one kind beyond this are compared by event
UNANCHORED_CONTEXT = 0.5  # with no event and no shared entity, this much shared wording


@dataclass(frozen=True)
class Model:
    """Logistic weights over ``FEATURES`` and the thresholds that group mentions."""

    weights: tuple[float, ...]
    keep: float = 0.2  # pairs less likely than this are not stored
    link: float = 0.5  # a pair must be this likely to join two groups ...
    group: float = 0.35  # ... and the groups this likely on average
    unknown: float = 0.0  # what an unscored pair counts for in that average

    def probability(self, x: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(x @ np.array(self.weights))))


DEFAULT_WEIGHTS = (
    -3.0, 1.5, 2.0, 2.0, 2.0, 0.5, 1.0, 0.3, -3.0, -3.0, -1.0, -2.0, 0.0, -1.0, 1.0, 0.0, 1.0,
    0.5, 1.0, 1.0, -1.0, -2.0, -1.0,
)  # fmt: skip


@cache
def model() -> Model:
    """The shipped model (hand-set defaults when the file is missing)."""
    if MODEL_FILE.exists():
        data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        weights = tuple(data["weights"].get(f, 0.0) for f in FEATURES)
        extra = {k: data[k] for k in ("keep", "link", "group", "unknown") if k in data}
        return Model(weights, **extra)
    return Model(DEFAULT_WEIGHTS)


def _lasting(r: ClaimRow) -> bool:
    """Is the count one that outlets repeat and update for days (``LASTING_EVENTS``;
    people aboard or rescued, ``CARRIED_EVENTS``), not a bulletin's new cases?"""
    event = event_family(r.event)
    if event in CARRIED_EVENTS:
        return r.entity_class in PEOPLE_CLASSES
    return event in LASTING_EVENTS and not r.new


class Table:
    """The rows' features as arrays, so the hard rules and the features are computed
    for many pairs at once."""

    def __init__(self, rows: list[ClaimRow]) -> None:
        self.rows = rows
        self.article = _codes([r.article_id for r in rows])
        self.sentence = _codes([r.clause for r in rows])
        self.kind_unit = _codes([(r.kind, r.unit) for r in rows])
        self.event = _codes([event_family(r.event) for r in rows])
        self.entity = _codes([r.entity_key for r in rows])
        self.entity_class = _codes([r.entity_class for r in rows])
        self.restrictors = _codes([r.restrictors or None for r in rows])
        self.vague = np.array([r.vague for r in rows], dtype=bool)
        self.part = np.array([r.part for r in rows], dtype=bool)
        groups = [group_named(r.entity_key) for r in rows]
        self.group = _codes(groups)  # the people named
        self.partitive = np.array([r.partitive for r in rows], dtype=bool)
        self.weekday = _codes([r.weekday for r in rows])
        self.nth_day = _codes([r.nth_day for r in rows])
        # the market item it is of (Brent, قطاع|تامين), listed or not (``other_items``)
        self.item = _codes([r.item for r in rows])
        self.item_names = {int(c): r.item for c, r in zip(self.item, rows, strict=True)
                           if r.item is not None}  # fmt: skip
        # the model's feature, as it was fitted: a list's count, or a commodity
        self.item_feature = _codes([True if r.listed else commodity(r.item) for r in rows])
        self.period = np.array([np.nan if r.period is None else r.period for r in rows])
        self.subset = np.array([r.subset for r in rows], dtype=bool)
        self.severe = np.array([r.severe for r in rows], dtype=bool)
        self.light = np.array([r.light for r in rows], dtype=bool)
        # an earlier incident's toll told as a series ("بعد هجومين أوقعا 13 قتيلا")
        self.follows = np.array([r.follows and r.incident[1] for r in rows], dtype=bool)
        # passengers aboard are not all aboard: "174 راكبا وطاقما من أربعة" is 178 people
        self.passengers = np.array([r.entity_key in PASSENGERS and event_family(r.event)
                                    in CARRIED_EVENTS for r in rows], dtype=bool)  # fmt: skip
        self.comparison = np.array([r.comparison for r in rows], dtype=bool)
        self.title = np.array([r.title for r in rows], dtype=bool)
        self.lead = np.array([r.rank == 0 for r in rows], dtype=bool)
        mid = [middle(r) for r in rows]
        self.value = np.array([np.nan if v is None else float(v) for v in mid], dtype=np.float64)
        self.day = np.array([r.day.toordinal() if r.day else 0 for r in rows], dtype=np.int64)
        self.roundup = np.array([r.roundup for r in rows], dtype=bool)
        self.outlet = _codes([r.outlet for r in rows])
        spans = [interval_of(*r.stated, headline=r.headline,
                             whole=counts_whole_things(r.kind, r.entity_key)) for r in rows]  # fmt: skip
        self.low = np.array([np.nan if s is None else s.low for s in spans], dtype=np.float64)
        self.high = np.array([np.nan if s is None else s.high for s in spans], dtype=np.float64)
        self.elsewhen = np.array([r.elsewhen or 0 for r in rows], dtype=np.int64)
        self.session = _codes([r.sessions or None for r in rows])  # the index levels named
        self.session_levels = {int(c): r.sessions for c, r in zip(self.session, rows, strict=True)
                               if r.sessions}  # fmt: skip
        marks = [r.incident if any(r.incident) else None for r in rows]
        self.incident = _codes(marks)  # -1: its clause names no target, series or place

        self.incident_marks = {int(c): m for c, m in zip(self.incident, marks, strict=True)
                               if m is not None}  # fmt: skip
        # a bulletin's new cases are that day's count, however lasting the event
        self.lasting = np.array([_lasting(r) for r in rows], dtype=bool)
        self.rising = np.array([event_family(r.event) in RISING_TOLLS for r in rows], dtype=bool)
        self.change = np.array([event_family(r.event) in CHANGE_EVENTS for r in rows], dtype=bool)
        self.person = np.array([r.entity_class in PEOPLE for r in rows], dtype=bool)
        self.people = np.array([r.entity_class in PEOPLE_CLASSES for r in rows], dtype=bool)
        self.generic = np.array([r.entity_key in GENERIC_TOLL_NOUNS for r in rows], dtype=bool)
        self.cases = np.array([r.entity_key in CASE_WORDS for r in rows], dtype=bool)
        self.toll_noun = np.array([r.entity_class in TOLL_CLASSES for r in rows], dtype=bool)
        # counts of a toll naming who they were (``parts_of_others``): people of a class the
        # lexicon knows, or a fight's side whatever class it gives مهاجم (a striker in sport)
        fighters = np.array([g == FIGHTERS for g in groups], dtype=bool)
        self.names_people = ((self.people | fighters) & (self.group >= 0) & ~self.generic
                             & ~self.cases & self.rising)  # fmt: skip
        # the people the other counts of each clause's toll name (row * groups + group):
        # "هم ثلاثة عسكريين و«ارهابيان» اضافة الى ثلاث «جثث»": the bodies are not soldiers
        self.groups_known = int(self.group.max(initial=0)) + 1
        self.named_beside = _named_beside(rows, self.names_people, self.group, self.groups_known)
        self.informant = np.array([r.informant for r in rows], dtype=bool)
        # each sentence's values of one kind and unit, as sorted keys (sentence, value)
        said_in = _codes([(r.article_id, r.title, r.sentence_start) for r in rows])
        self.said_in = said_in * (int(self.kind_unit.max(initial=0)) + 1) + self.kind_unit
        known = ~np.isnan(self.value)
        self.value_code = np.full(len(rows), -1, dtype=np.int64)
        self.value_code[known] = np.unique(self.value[known], return_inverse=True)[1]
        self.values_known = int(self.value_code.max(initial=0)) + 1
        self.said_values = np.unique(self.said_in[known] * self.values_known
                                     + self.value_code[known])  # fmt: skip
        sentences, counts = np.unique(self.said_values // self.values_known, return_counts=True)
        self.said_beside = np.isin(self.said_in, sentences[counts > 1])  # several values

    def ratio(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """max/min of the two values (1 when one is unknown, inf for 0 against non-zero)."""
        va, vb = self.value[i], self.value[j]
        lo, hi = np.fmin(va, vb), np.fmax(va, vb)
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(lo > 0, hi / np.where(lo > 0, lo, 1.0), np.where(hi == lo, 1.0, np.inf))
        return np.where(np.isnan(va) | np.isnan(vb), 1.0, r)

    def allowed(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """False where two mentions can never report one quantity: another kind or unit,
        two numbers of one sentence, a count of who told it (``ClaimRow.informant``),
        different events, counted things of different classes, a vague quantity against
        a number (unless both count the same noun), values more than ``MAX_RATIO`` apart
        (``MAX_TOLL_RATIO`` for two counts of one toll of the killed or the injured, which
        rises as it is counted), one about an earlier year (``elsewhen``) and one not, two
        market items (``ClaimRow.item``: Brent and US crude), a part naming who they were
        against the same toll's whole (``named_part_of``), the lightly hurt against the
        rest, passengers against all aboard (``PASSENGERS``), two days' round-ups of
        separate incidents (``ClaimRow.roundup``),
        reports more than ``MAX_DAYS`` apart unless the count lasts (``_lasting``)."""
        ok = (self.kind_unit[i] == self.kind_unit[j]) & (self.sentence[i] != self.sentence[j])
        ok &= ~(self.informant[i] | self.informant[j])  # "ذكر مصدران": who spoke
        ei, ej = self.event[i], self.event[j]
        # a change verb (ارتفعت الحصيلة من 31 إلى 32 قتيلا) says how a count moved, not what
        # it counts: it does not rule out the outcome another report names
        change_vs_outcome = self.change[i] != self.change[j]
        ok &= (ei < 0) | (ej < 0) | (ei == ej) | change_vs_outcome
        ni, nj = self.entity[i], self.entity[j]
        same_entity = (ni >= 0) & (ni == nj)
        ci, cj = self.entity_class[i], self.entity_class[j]
        other_class = (ci >= 0) & (cj >= 0) & (ci != cj)  # a noun of unknown class is no evidence
        # a toll counts people or cases of it alike (15 شخصا، 15 حالة وفاة، 33 إصابة)
        toll = self.lasting[i] & self.lasting[j] & self.toll_noun[i] & self.toll_noun[j]
        other_class &= ~toll
        # 6 أشخاص and 8 مدنيين may count the same dead: a generic noun names no class
        other_class &= ~(self.people[i] & self.people[j] & (self.generic[i] | self.generic[j]))
        ok &= ~((ni >= 0) & (nj >= 0) & ~same_entity & other_class)
        ok &= (self.vague[i] == self.vague[j]) | same_entity
        ratio = self.ratio(i, j)
        ok &= (ratio <= MAX_RATIO) | (self.one_toll(i, j) & (ratio <= MAX_TOLL_RATIO))
        # two days' round-ups of separate incidents count two days' incidents
        ok &= ~(self.roundup[i] & self.roundup[j] & (self.day[i] != self.day[j]))
        # the cheap rules above rule out most pairs: the rest are read on those left only
        left = np.nonzero(ok)[0]
        ok[left] = self._allowed_further(i[left], j[left])
        return ok

    def _allowed_further(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """The rules of ``allowed`` after the values' ratio."""
        ni, nj = self.entity[i], self.entity[j]
        same_entity = (ni >= 0) & (ni == nj)
        ok = self.elsewhen[i] == self.elsewhen[j]  # another year, another incident
        ok &= ~self.other_sessions(i, j)  # a market report of another trading session
        ok &= ~self.other_incidents(i, j)  # the truck bomb's dead are not the academy's
        wi, wj = self.weekday[i], self.weekday[j]
        ok &= (wi < 0) | (wj < 0) | (wi == wj)  # Saturday's figure is not Sunday's
        ti, tj = self.nth_day[i], self.nth_day[j]
        ok &= (ti < 0) | (tj < 0) | (ti == tj)  # nor a festival's first night its third day
        ok &= ~self.other_items(i, j)  # Brent's price is not US crude's
        ok &= self.same_period(i, j)  # 400 in one week is not 400 in two
        ok &= ~(self.named_part_of(i, j) | self.named_part_of(j, i))
        ok &= ~self.parts_of_others(i, j)  # "بينهم خمسة جنود ... وخمسة إرهابيين": two items
        ok &= ~(self.another_list_item(i, j) | self.another_list_item(j, i))  # ... وثلاث جثث
        ok &= self.subset[i] == self.subset[j]  # 32 من الجرحى is not the injured ...
        ok &= self.severe[i] == self.severe[j]  # ... nor are 20 في حالة حرجة
        ok &= self.light[i] == self.light[j]  # ... nor 5 إصاباتهم طفيفة
        # one report's own toll and the earlier incidents' it comes after ("هو الثالث من
        # نوعه ... بعد هجومين أوقعا 13 قتيلا"; not one earlier incident's, which the report
        # may tell again: "ويأتي تحطم المروحية بعد مقتل ستة ... وستة آخرون في هجوم انتحاري")
        ok &= (self.article[i] != self.article[j]) | (self.follows[i] == self.follows[j])
        ok &= ~((self.passengers[i] != self.passengers[j]) & ~same_entity)
        di, dj = self.day[i], self.day[j]
        gap = np.abs(di - dj)
        apart = (di > 0) & (dj > 0) & (gap > MAX_DAYS)
        # the next day's paper repeats the same figure (the day's close, a statement)
        repeated = (gap <= 1) & (self.value[i] == self.value[j])
        ok &= ~apart | repeated | self.lasting[i] | self.lasting[j]
        ok &= ~self.same_desk_apart(i, j)
        ok &= ~self.told_beside(i, j)
        return ok

    def named_part_of(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """True where ``i`` counts some of a toll of the killed or the injured by who they
        were ("بينهم 20 طفلا": a part naming its noun, not a generic شخص or حالة) and ``j``
        the whole toll of the same (a generic noun or none: "36 قتيلا"): the children are
        never the toll, whatever else their reports share."""
        toll = self.rising[i] & (self.event[i] == self.event[j])
        named = self.part[i] & (self.entity[i] >= 0) & ~self.generic[i] & ~self.cases[i]
        whole = ~self.part[j] & ((self.entity[j] < 0) | self.generic[j] | self.cases[j])
        return toll & named & whole

    def parts_of_others(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """True where both count people of a toll by who they were, naming different
        people (``linking.group_named``: soldiers and bodies, the UN's contractors and the
        soldiers, children and women; not soldiers said جنود and عسكريين, nor a generic
        شخص or قتيل): two items of its list, whatever their values."""
        named = self.names_people
        some = self.part[i] | self.part[j]  # one told as some of a toll (بينهم خمسة جنود)
        return some & named[i] & named[j] & (self.group[i] != self.group[j])

    def another_list_item(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """True where ``j`` names the people of a toll (``names_people``) that a count told
        before ``i`` in its clause names, while ``i`` names others or none: ``i`` is another
        item of its list ("ثمانية اشخاص هم ثلاثة عسكريين ... اضافة الى ثلاث جثث": the
        three bodies are not another report's soldiers), whatever their values."""
        out = self.names_people[j] & self.rising[i] & (self.group[i] != self.group[j])
        maybe = np.nonzero(out)[0]  # few: the keys are looked up for these only
        if not len(self.named_beside):
            out[maybe] = False
        elif len(maybe):
            keys = i[maybe] * self.groups_known + self.group[j[maybe]]
            at = np.minimum(np.searchsorted(self.named_beside, keys), len(self.named_beside) - 1)
            out[maybe] = self.named_beside[at] == keys
        return out

    def told_beside(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """True where each of two different values sits in a sentence that also states the
        other (of its kind and unit): one sentence told twice ("انخفضت توقعات نموه من 3.8
        إلى 3.5" in two outlets), whose first number is the other's first, not its second."""
        out = np.zeros(len(i), dtype=bool)
        both = self.said_beside[i] & self.said_beside[j] & (self.value[i] != self.value[j])
        both &= (self.value_code[i] >= 0) & (self.value_code[j] >= 0)
        if not both.any():
            return out
        a, b = i[both], j[both]
        out[both] = self._says(self.said_in[a], b) & self._says(self.said_in[b], a)
        return out

    def _says(self, sentence: np.ndarray, row: np.ndarray) -> np.ndarray:
        """Does each sentence (a ``said_in`` code) state the value of its row?"""
        keys = sentence * self.values_known + self.value_code[row]
        at = np.minimum(np.searchsorted(self.said_values, keys), len(self.said_values) - 1)
        return self.said_values[at] == keys

    def vetoed(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """True where two tolls that could be one (one kind and unit, events alike) are
        surely of two incidents (``scope.told_apart``: each clause names a target of its
        own, none shared), two parts of one naming different people, or a count and
        another item of its list (``another_list_item``). Unlike a score,
        this holds for the groups the two end up in: no figure may hold both, however
        others join them (``linking.VETO_REASON``, ``linking.PEOPLE_VETO_REASON``)."""
        incidents, people = self.vetoes(i, j)
        return incidents | people

    def vetoes(self, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``vetoed`` as two masks, by the reason each pair is told apart: two incidents
        (``linking.VETO_REASON``), or other people (``linking.PEOPLE_VETO_REASON``: parts
        naming different people, another item of a list)."""
        ei, ej = self.event[i], self.event[j]
        alike = (self.kind_unit[i] == self.kind_unit[j]) & ((ei < 0) | (ej < 0) | (ei == ej))
        # and two counts of a toll naming different people (``parts_of_others``)
        items = self.parts_of_others(i, j) | self.another_list_item(i, j)
        items |= self.another_list_item(j, i)
        incidents = self._by_incident_marks(i, j, told_apart, alike)
        return incidents, alike & items & ~incidents

    def same_desk_apart(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """True where one outlet's two reports of one day give values that cannot be one
        number (``intervals.interval_of``): an outlet does not contradict itself within a
        day, so they are two things (two sessions, two banks, two devices), unless the
        count lasts and grows as it is updated through the day (a toll)."""
        di, dj = self.day[i], self.day[j]
        oi = self.outlet[i]
        desk = (oi >= 0) & (oi == self.outlet[j]) & (di > 0) & (di == dj)
        desk &= (self.article[i] != self.article[j]) & ~self.lasting[i] & ~self.lasting[j]
        with np.errstate(invalid="ignore"):
            apart = (self.high[i] < self.low[j]) | (self.high[j] < self.low[i])
        return desk & apart

    def same_period(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """True where both count over one period, or either names none."""
        pi, pj = self.period[i], self.period[j]
        lo, hi = np.fmin(pi, pj), np.fmax(pi, pj)
        with np.errstate(divide="ignore", invalid="ignore"):
            close = hi <= lo * PERIOD_TOLERANCE
        return np.isnan(pi) | np.isnan(pj) | close

    def other_sessions(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """True where the two mentions' articles are market reports of different
        sessions (``linking.same_session``)."""
        out = np.zeros(len(i), dtype=bool)
        both = np.nonzero((self.session[i] >= 0) & (self.session[j] >= 0) &
                          (self.article[i] != self.article[j]))[0]  # fmt: skip
        if not len(both):
            return out
        # the levels two articles name decide it: each pair of level sets is read once
        codes, inverse = _code_pairs(self.session[i[both]], self.session[j[both]])
        levels = self.session_levels
        apart = np.array([not same_levels(levels[a], levels[b]) for a, b in codes], dtype=bool)
        out[both] = apart[inverse]
        return out

    def other_items(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """True where the two are of different market items (Brent and US crude, the
        insurance and the construction sectors: ``linking.same_item``), listed together
        or not."""
        ti, tj = self.item[i], self.item[j]
        out = (ti >= 0) & (tj >= 0) & (ti != tj)
        both = np.nonzero(out)[0]
        if not len(both):
            return out
        names = self.item_names
        codes, _ = _code_pairs(ti[both], tj[both])
        alike = {(a, b) for a, b in codes if same_item(names[a], names[b])}
        if alike:
            out[both] = [(a, b) not in alike
                         for a, b in zip(ti[both].tolist(), tj[both].tolist(), strict=True)]  # fmt: skip
        return out

    def other_incidents(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """True where two tolls' clauses tell different incidents (``scope.incidents_apart``:
        only different targets struck or places named, or several attacks against one)."""
        return self._by_incident_marks(i, j, incidents_apart)

    def _by_incident_marks(self, i, j, differ, where: np.ndarray | None = None) -> np.ndarray:
        """True where both name incident marks, different ones, for which ``differ``
        holds (of the pairs ``where`` allows); each pair of marks is judged once."""
        out = np.zeros(len(i), dtype=bool)
        ci, cj = self.incident[i], self.incident[j]
        mask = (ci >= 0) & (cj >= 0) & (ci != cj)  # the same marks agree
        both = np.nonzero(mask if where is None else mask & where)[0]
        if not len(both):
            return out
        codes, _ = _code_pairs(ci[both], cj[both])
        apart = {(a, b) for a, b in codes
                 if differ(self.incident_marks[a], self.incident_marks[b])}  # fmt: skip
        if apart:
            out[both] = [(a, b) in apart
                         for a, b in zip(ci[both].tolist(), cj[both].tolist(), strict=True)]  # fmt: skip
        return out

    def one_toll(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Both count the same toll that rises as it is counted (killed, injured)."""
        return self.rising[i] & (self.event[i] == self.event[j])

    def anchored(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """What an incident's reports share besides wording: a lasting event (killed,
        captured ...) on either side, or the same counted noun. Market and economic
        figures (an index, a share price, a percentage that rose or fell) are told apart
        by the item they name, so without these the wording must match."""
        ni, nj = self.entity[i], self.entity[j]
        return self.lasting[i] | self.lasting[j] | ((ni >= 0) & (ni == nj) & self.person[i])

    def features(self, i, j, context, cosine, same_story) -> np.ndarray:
        """The feature matrix of pairs ``(i, j)`` (see ``FEATURES``)."""
        ei, ej = self.event[i], self.event[j]
        ni, nj = self.entity[i], self.entity[j]
        ci, cj = self.entity_class[i], self.entity_class[j]
        same_event = (ei >= 0) & (ei == ej)
        same_entity = (ni >= 0) & (ni == nj)
        same_class = (ci >= 0) & (ci == cj)
        ri, rj = self.restrictors[i], self.restrictors[j]
        r = self.ratio(i, j)
        # values within CLOSE_RATIO of each other are as likely one slot as equal ones (a
        # toll of 13 then 15): only a wider gap is evidence of two quantities
        gap = np.log(np.maximum(r, CLOSE_RATIO)) - math.log(CLOSE_RATIO)
        ratio = np.minimum(gap / (math.log(MAX_RATIO) - math.log(CLOSE_RATIO)), 1.0)
        # how far beyond MAX_RATIO two counts of one toll are (0 within it, 1 at the most)
        beyond = np.log(np.maximum(r, MAX_RATIO) / MAX_RATIO)
        toll_ratio = np.minimum(beyond / math.log(MAX_TOLL_RATIO / MAX_RATIO), 1.0)
        same_article = self.article[i] == self.article[j]
        days = np.minimum(np.abs(self.day[i] - self.day[j]), 7) / 7
        columns = [
            np.ones(len(i)), same_story, np.where(same_article, 1.0, cosine), context,
            same_event, (ei < 0) | (ej < 0), same_entity, (ni < 0) | (nj < 0),
            self.part[i] != self.part[j], self.comparison[i] != self.comparison[j],
            (ri >= 0) & (rj >= 0) & (ri != rj), ratio, same_article, days,
            self.lead[i] & self.lead[j], self.title[i] | self.title[j],
            same_article & (self.value[i] == self.value[j]), same_class,
            same_event & (same_entity | same_class), same_event & self.lasting[i],
            self.item_feature[i] != self.item_feature[j], toll_ratio,
            self.partitive[i] != self.partitive[j],
        ]  # fmt: skip
        return np.column_stack([np.asarray(c, dtype=np.float64) for c in columns])


def commodity(item: str | None) -> str | None:
    """A commodity's item (Brent, gold), not a named one (قطاع|تامين)."""
    return item if item and "|" not in item else None


def _named_beside(rows: list[ClaimRow], names_people: np.ndarray, group: np.ndarray,
                  width: int) -> np.ndarray:  # fmt: skip
    """Sorted keys ``row * width + group``: for each count of a toll, the people groups
    named by the counts of its clause and event told before it (``Table.names_people``):
    the items of a list it follows. A whole told before its parts is none of them ("17
    شخصا قتلوا، 12 جنديا وأفراد الطاقم الخمسة": the 17 may be another report's toll),
    nor is some of the count before it
    (``ClaimRow.among``: "قتل 13 جنديا وشرطيا، ثلاثة منهم في مكمن": the three are
    soldiers), nor a whole told after a part ("مقتل 22 شخصا بينهم 21 سائحا، والهجوم على
    فندق في سوسة ... مقتل 38 شخصا": another incident's toll, not another item); an item
    added with "إضافة إلى" is one ("هم ثلاثة عسكريين ... اضافة الى ثلاث «جثث»")."""
    by_clause: dict[tuple, list[int]] = defaultdict(list)
    for n, r in enumerate(rows):
        by_clause[(r.clause, event_family(r.event))].append(n)
    keys = []
    for members in by_clause.values():
        named = [(n, int(group[n])) for n in members if names_people[n]]
        if not named:
            continue
        for n in members:
            r = rows[n]
            if r.among:
                continue  # some of the count before it, not another item of its list
            # items told before it, not a part before a whole (a new toll's)
            keys.extend(n * width + g for m, g in named
                        if rows[m].start < r.start and (r.part or not rows[m].part))  # fmt: skip
    return np.unique(np.array(keys, dtype=np.int64))


def _code_pairs(a: np.ndarray, b: np.ndarray) -> tuple[list[tuple[int, int]], np.ndarray]:
    """The distinct pairs of two arrays of codes (>= 0), and each pair's index among
    them: each pair of codes is then judged once."""
    width = int(b.max(initial=0)) + 1
    keys, inverse = np.unique(a * width + b, return_inverse=True)
    return list(zip((keys // width).tolist(), (keys % width).tolist(), strict=True)), inverse


def _codes(values: list) -> np.ndarray:
    """Integer codes for values (None -> -1), so rules run as array operations."""
    table: dict = {}
    return np.array([-1 if v is None else table.setdefault(v, len(table)) for v in values],
                    dtype=np.int64)  # fmt: skip


@dataclass
class Candidates:
    """Candidate pairs ``(i[k], j[k])`` of row indices and what scoring them needs."""

    table: Table
    i: np.ndarray
    j: np.ndarray
    context: np.ndarray
    cosine: np.ndarray
    same_story: np.ndarray
    # mention ids told apart -> why (``linking.VETO_REASON``, ``PEOPLE_VETO_REASON``)
    vetoes: dict[tuple[int, int], str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.i)

    def features(self, lo: int = 0, hi: int | None = None) -> np.ndarray:
        """The feature matrix of candidates ``lo`` to ``hi``."""
        part = slice(lo, hi)
        return self.table.features(self.i[part], self.j[part], self.context[part],
                                   self.cosine[part], self.same_story[part])  # fmt: skip


def linkable(rows: list[ClaimRow]) -> list[bool]:
    """Which mentions take part in linking: all but those beyond an article's first
    ``MAX_ARTICLE_CLAIMS`` (a table or a list of thousands of numbers would otherwise
    cost memory and time quadratic in its size; they stay in the ledger, one figure each)."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for r in rows:
        seen[r.article_id] += 1
        out.append(seen[r.article_id] <= MAX_ARTICLE_CLAIMS)
    return out


def _story_pairs(table: Table, rows: list[ClaimRow], story_of: dict[str, int]):
    """Every two mentions of one kind and unit in one story (by event when many)."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for n, (r, ok) in enumerate(zip(rows, linkable(rows), strict=True)):
        story = story_of.get(r.article_id)
        if story is not None and ok:
            groups[(story, int(table.kind_unit[n]))].append(n)
    for members in groups.values():
        if len(members) > MAX_BLOCK:
            by_event: dict = defaultdict(list)
            for n in members:
                by_event[int(table.event[n])].append(n)
            chunks = [m[k : k + MAX_BLOCK] for m in by_event.values()
                      for k in range(0, len(m), MAX_BLOCK)]  # fmt: skip
        else:
            chunks = [members]
        for chunk in chunks:
            if len(chunk) > 1:
                block = np.array(chunk, dtype=np.int64)
                x, y = np.triu_indices(len(block), k=1)
                yield block[x], block[y]


ALLOWED_BATCH = 1_000_000  # pairs the hard rules are checked on at once


def _batched(pairs, size: int = ALLOWED_BATCH):
    """The pairs of many small blocks joined into large arrays: the rules cost one array
    operation per batch, not per block."""
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []
    count = 0
    for i, j in pairs:
        left.append(i)
        right.append(j)
        count += len(i)
        if count >= size:
            yield np.concatenate(left), np.concatenate(right)
            left, right, count = [], [], 0
    if left:
        yield np.concatenate(left), np.concatenate(right)


def _related_pairs(rows, story_of, related, size: int = ALLOWED_BATCH // 8):
    """The mentions of two related articles of different stories: each article pair's
    every two mentions, built as arrays of about ``size`` pairs at a time (``_batched``
    joins them; small pieces keep the temporaries of building them small)."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for n, (r, ok) in enumerate(zip(rows, linkable(rows), strict=True)):
        if ok:
            by_article[r.article_id].append(n)
    flat: list[int] = []
    start: dict[str, int] = {}
    for aid, members in by_article.items():
        start[aid] = len(flat)
        flat.extend(members)
    rows_of = np.array(flat, dtype=np.int64)
    left_start, left_n, right_start, right_n = [], [], [], []
    for aa, bb in related:
        if story_of.get(aa) == story_of.get(bb) or aa not in start or bb not in start:
            continue
        left_start.append(start[aa])
        left_n.append(len(by_article[aa]))
        right_start.append(start[bb])
        right_n.append(len(by_article[bb]))
    if not left_start:
        return
    ls, ln, rs, rn = (np.array(v, dtype=np.int64) for v in (left_start, left_n, right_start,
                                                            right_n))  # fmt: skip
    sizes = ln * rn
    ends = np.cumsum(sizes)
    first = 0
    while first < len(sizes):
        # the article pairs of this batch: at least one, about ``size`` mention pairs
        last = max(first + 1, int(np.searchsorted(ends, ends[first] - sizes[first] + size)))
        sel = slice(first, last)
        pair_of = np.repeat(np.arange(last - first), sizes[sel])
        # k: each mention pair's place within its article pair (left-major, as repeat/tile)
        k = np.arange(len(pair_of)) - np.repeat(
            ends[sel] - sizes[sel] - (ends[first] - sizes[first]), sizes[sel]
        )
        width = rn[sel][pair_of]
        yield (rows_of[ls[sel][pair_of] + k // width],
               rows_of[rs[sel][pair_of] + k % width])  # fmt: skip
        first = last


def candidates(rows: list[ClaimRow], story_of: dict[str, int],
               related: dict[tuple[str, str], float],
               focus: set[int] | None = None) -> Candidates:  # fmt: skip
    """Pairs of row indices that may fill one slot, with what scoring them needs.

    Within a story every two mentions of one kind and unit are compared; across stories,
    the mentions of two related articles (``related``: article pair -> cosine). The hard
    rules (``Table.allowed``) hold, and without an event or a shared counted thing the
    two need enough shared wording. With ``focus`` (mention ids), only pairs with one of
    them are kept (the mentions an ingest added)."""
    table = Table(rows)
    focused = None if focus is None else np.array([r.id in focus for r in rows], dtype=bool)
    parts = []
    vetoes: list[tuple[int, int, str]] = []
    for origin, pairs in ((True, _story_pairs(table, rows, story_of)),
                          (False, _related_pairs(rows, story_of, related))):  # fmt: skip
        for i, j in _batched(pairs):
            for reason, told_apart_here in zip((VETO_REASON, PEOPLE_VETO_REASON),
                                               table.vetoes(i, j), strict=True):  # fmt: skip
                if focused is not None:
                    told_apart_here &= focused[i] | focused[j]
                vetoes.extend((a, b, reason) for a, b in zip(
                    i[told_apart_here].tolist(), j[told_apart_here].tolist(), strict=True))  # fmt: skip
            ok = table.allowed(i, j)
            if focused is not None:
                ok &= focused[i] | focused[j]
            if ok.any():
                parts.append((i[ok], j[ok], np.full(int(ok.sum()), origin)))
    ids = [r.id for r in rows]
    told = {(min(ids[a], ids[b]), max(ids[a], ids[b])): why for a, b, why in vetoes}  # by id
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return Candidates(table, empty, empty, np.zeros(0), np.zeros(0), np.zeros(0, dtype=bool),
                          told)  # fmt: skip
    i = np.concatenate([p[0] for p in parts])
    j = np.concatenate([p[1] for p in parts])
    same_story = np.concatenate([p[2] for p in parts])
    context = np.fromiter(
        (fuzz.token_set_ratio(rows[a].context, rows[b].context) / 100
         for a, b in zip(i.tolist(), j.tolist(), strict=True)),
        dtype=np.float64, count=len(i),
    )  # fmt: skip
    ok = table.anchored(i, j) | (context >= UNANCHORED_CONTEXT)
    i, j, same_story, context = i[ok], j[ok], same_story[ok], context[ok]
    cosine = np.fromiter(
        (_cos(related, rows[a], rows[b]) for a, b in zip(i.tolist(), j.tolist(), strict=True)),
        dtype=np.float64, count=len(i),
    )  # fmt: skip
    return Candidates(table, i, j, context, cosine, same_story, told)


def _cos(related: dict[tuple[str, str], float], a: ClaimRow, b: ClaimRow) -> float:
    if a.article_id == b.article_id:
        return 1.0
    x, y = a.article_id, b.article_id
    return related.get((x, y) if x < y else (y, x), 0.0)


def scored_pairs(
    rows: list[ClaimRow], cands: Candidates, m: Model | None = None
) -> dict[tuple[int, int], Pair]:
    """Every candidate pair (``candidates``) likely enough to keep, scored by the model,
    with a reason."""
    m = m or model()
    if not len(cands):
        return {}
    p = np.concatenate([
        m.probability(cands.features(k, k + FEATURE_CHUNK))
        for k in range(0, len(cands), FEATURE_CHUNK)
    ])  # fmt: skip
    out = {}
    for k in np.nonzero(p >= m.keep)[0].tolist():
        a, b = rows[int(cands.i[k])], rows[int(cands.j[k])]
        why = [f"same slot {p[k]:.0%}"]
        if a.event and event_family(a.event) == event_family(b.event):
            why.append(f"both {event_family(a.event)}")
        if a.entity_key and a.entity_key == b.entity_key:
            why.append(f"{SAME_NOUN_REASON} {a.entity}")
        if a.article_id == b.article_id:
            why.append("same article")
        elif cands.same_story[k]:
            why.append("same story")
        else:
            why.append(f"related articles ({cands.cosine[k]:.0%})")
        why.append(f"context {cands.context[k]:.0%}")
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        out[key] = Pair(key[0], key[1], round(float(p[k]), 4), "; ".join(why))
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
