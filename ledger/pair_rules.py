"""Rules that find pairs of mentions reporting one figure, or forbid them.

Beside the same-slot model (``slots``), these read what the model cannot: the same words
around a number in two articles (a copy of one statement), the same distinctive value in
one story, the toll each report leads with, a report's own earlier count, an incident's
toll recalled later, the same people named by two reports, another side's smaller count
a report sets against its toll; and, against them all, the numbers of one article that
cannot both hold (``self_contradictions``).
``add_rule_pairs`` adds the found pairs to the model's.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable

from .conflicts import RISING_EVIDENCE
from .intervals import counts_whole_things, last_place
from .lexicon import lexicon
from .linking import (
    CASE_WORDS,
    EARLIER_REASON,
    GENERIC_TOLL_NOUNS,
    LEAD_REASON,
    NAMED_REASON,
    PEOPLE_ALIKE,
    PEOPLE_CLASSES,
    REBUTTAL_REASON,
    RECALLED_REASON,
    RISING_TOLLS,
    SAME_NOUN_REASON,
    TOLL_EVENTS,
    TOLL_NOUN_CLASSES,
    ClaimRow,
    Pair,
    event_family,
    other_things,
    same_item,
    same_scope,
)
from .scope import places_apart, same_incident, same_period, struck, told_apart
from .slots import CHANGE_EVENTS, PASSENGERS, commodity

VERBATIM_REASON = "the same words in both articles"  # a copy's pair says so
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
                    pairs[key] = Pair(key[0], key[1], 1.0, VERBATIM_REASON)
    return pairs


SELF_REACH = 3000  # characters: numbers this close in one article that disagree are two figures


SELF_GROUP_MAX = 60  # an article's headline and text mentions of one kind compared in full


def self_contradictions(
    rows: dict[int, ClaimRow], pairs, within: set[int] | None = None,
    sizes: dict[tuple, int] | None = None,
) -> set[tuple[int, int]]:  # fmt: skip
    """Pairs of one article whose values cannot both hold: an article rarely contradicts
    itself, so two such numbers are two figures (parallel items, a part and its total),
    never one figure in conflict. ``within``: only pairs of these mentions are wanted;
    ``sizes``: how many claims each article holds of each kind, unit and event family,
    when ``rows`` are not all of them (a re-grouping's part)."""
    from .intervals import counts_whole_things, default_tolerances, disjoint, interval_of

    tol = default_tolerances()
    intervals: dict[int, object] = {}

    def interval(row: ClaimRow):
        if row.id not in intervals:
            whole = counts_whole_things(row.kind, row.entity_key)
            intervals[row.id] = interval_of(*row.stated, tol, row.headline, whole)
        return intervals[row.id]

    # a headline and its own text, scored or not: a figure grown through other reports
    # must not join them either (the text of a live article may move on from its
    # headline; within the text, a toll that rose is one figure)
    candidates = set(pairs)
    by_group: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for row in rows.values():
        by_group[(row.article_id, row.kind, row.unit, event_family(row.event))].append(row)
    for key, group in by_group.items():
        titles = [r.id for r in group if r.title]
        texts = [r.id for r in group if not r.title]
        size = sizes.get(key, len(group)) if sizes is not None else len(group)
        if titles and texts and size <= SELF_GROUP_MAX:
            if within is not None:
                titles = [a for a in titles if a in within]
                texts = [b for b in texts if b in within]
            candidates.update((min(a, b), max(a, b)) for a in titles for b in texts)
    # a text that tells how its toll rose (an earlier count it cites) narrates the rise:
    # its other counts of that toll are steps of it too, not a contradiction; a statement
    # it tells as made before (``ClaimRow.cited``) may be of another incident, and says no
    # such thing ("وكانت السلطات التايوانية ذكرت ... ستة قتلى" beside China's 14 and 12)
    rising = {(r.article_id, event_family(r.event)) for r in rows.values()
              if r.earlier and not r.cited}  # fmt: skip
    out = set()
    for a_id, b_id in candidates:
        told = pairs.get((a_id, b_id)) if isinstance(pairs, dict) else None
        if told is not None and told.explanation.startswith((EARLIER_REASON, REBUTTAL_REASON)):
            continue  # the report says one number came before the other, or answers it
        a, b = rows.get(a_id), rows.get(b_id)
        if a is None or b is None or a.article_id != b.article_id:
            continue
        if a.earlier or b.earlier:
            continue  # a count the report tells as an earlier one is no contradiction of it
        if a.voice > a.rebuttal or b.voice > b.rebuttal:
            continue  # another source's number: a disagreement the report tells
        # (another side's smaller count answers one count only: ``rebuttal_pairs``)
        if not a.title and not b.title and (a.article_id, event_family(a.event)) in rising:
            continue
        if a.title == b.title and abs(a.sentence_start - b.sentence_start) > SELF_REACH:
            continue  # a later section (an update of a live article)
        if a.title != b.title and _retitled(a, b):
            continue
        ia, ib = interval(a), interval(b)
        if ia is not None and ib is not None and disjoint(ia, ib):
            out.add((a_id, b_id))
    return out


RETITLED_GAP = 0.05  # a headline's toll this close to its text's is the same toll, retold


def _retitled(a: ClaimRow, b: ClaimRow) -> bool:
    """A headline's count of the killed or the injured at most ``RETITLED_GAP`` below its
    text's ("سلسلة تفجيرات قتلت 50 شخصًا" over "قتل 51 شخصًا"): the text of a live article
    moved on from its headline, or the two disagree, but they are one toll. A text below
    its headline may be telling an earlier count ("240 ألفا و831 قتيلا" over June's "230
    ألفا و618") or a part (3,042 of Daesh and al-Nusra over Daesh's 2,927): not retold.
    (A headline's part just below its text's whole would be; none was found.)"""
    if event_family(a.event) not in RISING_TOLLS or event_family(b.event) != event_family(a.event):
        return False
    title, text = (a, b) if a.title else (b, a)
    x, y = title.stated[1], text.stated[1]
    if x is None or y is None or not (x > 0 and y > 0) or x > y:
        return False  # a text below its headline may tell an earlier count (June's toll)
    if text.earlier or title.subset or text.subset or title.severe or text.severe:
        return False  # (fields a re-grouping reads as the link does: ``linking.read_scope``)
    return (y - x) / y <= RETITLED_GAP


DISTINCT_DAYS = 3  # reports this many days apart may still state the same figure
RARE_DAYS = 14  # ... or this many, when the figure is rare (``_rare``): a month's data retold
RARE_DIGITS = 4  # significant digits of a rare figure (6,935,000 barrels; not 431 arrested)


def _rare(value: float, row: ClaimRow) -> bool:
    """A figure no other report of the next two weeks states by chance: a measure or
    money (barrels, riyals) of ``RARE_DIGITS`` significant digits or more, and not a
    market item's (gold is quoted at 1096.40 on two days)."""
    digits = f"{abs(value):f}".replace(".", "").strip("0")
    return row.kind in ("measure", "money") and len(digits) >= RARE_DIGITS and not row.item


def _pairs_within(groups: dict[tuple, list[ClaimRow]]):
    """Each two rows of one group (key, a, b), in groups of two up to ``VERBATIM_MAX``
    (more are boilerplate, not one figure's reports), never two of one article."""
    for key, group in groups.items():
        if len(group) < 2 or len(group) > VERBATIM_MAX:
            continue
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                if a.article_id != b.article_id:
                    yield key, a, b


def same_value_pairs(rows: list[ClaimRow]) -> dict[tuple[int, int], Pair]:
    """Independent reports of one figure rarely share wording but state the same
    distinctive number (431 arrested): with the same event, a counted noun of the same
    kind and a few days apart, they are one figure."""
    by_value: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for r in rows:
        if r.distinct is not None:
            by_value[(r.distinct, r.kind, r.unit)].append(r)
    pairs: dict[tuple[int, int], Pair] = {}
    for (value, _kind, _unit), a, b in _pairs_within(by_value):
        rare = _rare(value, a) and _rare(value, b)
        if _days_apart(a, b) > (RARE_DAYS if rare else DISTINCT_DAYS):
            continue
        if other_things(a, b) or not same_scope(a, b):
            continue
        event = event_family(a.event)
        if a.event and b.event and event != event_family(b.event):
            continue
        # a number naming no event and other people than a toll's dead or hurt is not it:
        # "إسلام 286 رجلا وامرأة" is not the 286 hurt of a bombing
        bare, toll = (b, a) if a.event else (a, b)
        if not bare.event and event_family(toll.event) in RISING_TOLLS and bare.entity_key not in (
                None, *GENERIC_TOLL_NOUNS, toll.entity_key):  # fmt: skip
            continue
        if places_apart(a.incident[2], b.incident[2]):
            continue  # 12 killed by floods in Iran, 12 by floods in Pakistan
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        event = event or b.event
        why = f"the same distinctive figure {value:g}" + (f", {event}" if event else "")
        pairs[key] = Pair(key[0], key[1], 0.9, why)
    return pairs


PRECISION_SPREAD = 0.01  # values this close may be one figure told to other precisions


def precision_pairs(rows: list[ClaimRow]) -> dict[tuple[int, int], Pair]:
    """Reports that give one distinctive figure to different precisions (the index
    closed at 8807.24 points, at 8807 points; 187,598,771 shares, 187.6 million:
    ``ClaimRow.said_unit``) are one figure, as the same distinctive value is
    (``same_value_pairs``): both distinctive, within ``PRECISION_SPREAD`` of each other
    and ``DISTINCT_DAYS`` apart, no two events, the coarser exact value the finer rounded
    or cut short (``_told_coarser``), naming the same unit, counted noun or outcome (not
    "rose": wolves at 109 and an index at 109.7 points), and never a count of whole
    things (people, rulings) against a fraction."""
    by_kind: dict[tuple, list[tuple[float, ClaimRow]]] = defaultdict(list)
    for r in rows:
        if r.distinct is not None:
            by_kind[(r.kind, r.unit)].append((r.distinct, r))
    pairs: dict[tuple[int, int], Pair] = {}
    for group in by_kind.values():
        group.sort(key=lambda vr: vr[0])
        values = [v for v, _ in group]
        for x, (value, a) in enumerate(group):
            for y in range(x + 1, bisect_right(values, value * (1 + PRECISION_SPREAD))):
                other, b = group[y]
                if other == value or a.article_id == b.article_id:
                    continue
                if _days_apart(a, b) > DISTINCT_DAYS:
                    continue
                ea, eb = event_family(a.event), event_family(b.event)
                if (ea and eb and ea != eb) or other_things(a, b) or not same_scope(a, b):
                    continue
                if places_apart(a.incident[2], b.incident[2]):
                    continue
                outcome = ea and ea == eb and ea not in CHANGE_EVENTS  # "rose" names no thing
                if not (a.unit or outcome or (a.entity_key and a.entity_key == b.entity_key)):
                    continue  # a bare 246 and 246.76, wolves and an index that "rose" to 109
                fraction = not (float(value).is_integer() and float(other).is_integer())
                if fraction and (_whole(a) or _whole(b)):
                    continue  # 246 executions are no 246.76 of anything
                if not (_told_coarser(a, other) or _told_coarser(b, value)):
                    continue
                key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                event = f", {ea or eb}" if ea or eb else ""
                why = (
                    f"the same distinctive figure to other precisions ({value:g}, {other:g}){event}"
                )
                pairs[key] = Pair(key[0], key[1], 0.9, why)
    return pairs


def _whole(row: ClaimRow) -> bool:
    """Does the row count things that come whole (people, rulings), never in fractions?"""
    return counts_whole_things(row.kind, row.entity_key)


def _told_coarser(row: ClaimRow, finer: float) -> bool:
    """Is ``row``'s exact value ``finer`` told to a coarser unit: rounded (8807 for
    8807.24, 187.6 million for 187,598,771) or cut short (8807 for 8807.64)? A whole
    number's own unit is one: 1650 may be exact, not 1651 rounded."""
    coarse = row.stated[1]
    if coarse is None or row.stated[0] != "exact":
        return False
    unit = row.said_unit or last_place(float(coarse))
    if unit <= last_place(finer):
        return False
    gap = finer - float(coarse)
    return abs(gap) <= unit / 2 or (coarse > 0 and 0 < gap < unit)


STORY_VALUE_MIN = 5  # smaller values repeat by chance within a story (3 workers, 3 wounded)
STORY_VALUE_SURE = 20  # from here the same value and event in one story is one slot (96%+)
STORY_VALUE_NOUN = 2  # from here, with the same counted noun too, a day apart at most (92%+)
ECHO_DAYS = 1  # a value repeated without its event: reports at most this many days apart
ECHO_SCORE = 0.6  # likely, but no witness of a conflict (80-100% on the story dev set)


def _echo_value(value: float, kind: str) -> bool:
    """A value distinctive enough to be one figure of a story when an event is missing
    on a side: a fraction of two significant digits or more (3.2%, 291.03 points; not
    0.5%, which gold, silver and platinum all moved in one report) or a count from
    ``STORY_VALUE_SURE``."""
    if not float(value).is_integer():
        return len(f"{abs(value):g}".replace(".", "").lstrip("0")) >= 2
    return kind != "percent" and value >= STORY_VALUE_SURE


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
                if other_things(a, b) or not same_scope(a, b) or not same_item(a.item, b.item):
                    continue
                ea, eb = event_family(a.event), event_family(b.event)
                if ea and eb and ea != eb:
                    continue
                if _struck_apart(a, b) or places_apart(a.incident[2], b.incident[2]):
                    continue  # the same 8 killed: at the police academy, by the truck bomb
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


def _struck_apart(a: ClaimRow, b: ClaimRow) -> bool:
    """Do two tolls tell what was struck apart (``scope.told_apart``), each by its own
    clause or else by its article's headline ("ثمانية قتلوا" under "هجوم انتحاري يستهدف
    أكاديمية الشرطة", against the truck bomb's eight)?"""
    ta = struck(a.incident[0]) or a.headline_targets
    tb = struck(b.incident[0]) or b.headline_targets
    return told_apart((ta, False, frozenset()), (tb, False, frozenset()))


ITEM_CLOSE = 1.1  # values of one named item this close are one figure told apart
ITEM_SCORE = 0.85  # as sure as a copy's words: a witness of a conflict
ITEM_REASON = "the same item"


def named_item_pairs(rows: list[ClaimRow], story_of: dict[str, int]) -> dict[tuple[int, int], Pair]:
    """Reports of one story that give close values (within ``ITEM_CLOSE``) of one named
    item of a market report (``ClaimRow.item``: قطاع التشييد والبناء، سهم «سابك») for
    the same day (``_same_day``: the next morning's paper when both name the session),
    the same scope and role, are one figure however their wording differs: the
    construction sector fell 4.98% in the agency's text and 4.89% in two papers' own."""
    by_key: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for r in rows:
        story = story_of.get(r.article_id)
        if story is not None and r.item and "|" in r.item and r.stated[1] is not None:
            by_key[(story, r.kind, r.unit, r.item.split("|", 1)[0])].append(r)
    pairs: dict[tuple[int, int], Pair] = {}
    for group in by_key.values():
        if len(group) > VERBATIM_MAX:
            continue
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                if a.article_id == b.article_id or not same_item(a.item, b.item):
                    continue
                va, vb = abs(a.stated[1]), abs(b.stated[1])
                if not va or not vb or max(va, vb) > ITEM_CLOSE * min(va, vb):
                    continue
                if a.elsewhen != b.elsewhen or not _same_day(a, b):
                    continue
                if (a.part, a.partitive, a.comparison) != (b.part, b.partitive, b.comparison):
                    continue  # (a list of sectors is no list of one count's parts)
                if not same_scope(a, b) or a.vague != b.vague:
                    continue
                if a.weekday and b.weekday and a.weekday != b.weekday:
                    continue
                ea, eb = event_family(a.event), event_family(b.event)
                if ea and eb and ea != eb:
                    continue
                name = (a.item if len(a.item) >= len(b.item) else b.item).replace("|", " ")
                key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                pairs[key] = Pair(
                    key[0], key[1], ITEM_SCORE, f"{ITEM_REASON} ({name}) in one story"
                )
    return pairs


def _same_day(a: ClaimRow, b: ClaimRow) -> bool:
    """Told the same day, or the next by another outlet (the morning paper's) when both
    articles name an index level in common: the session they are about
    (``linking.same_session``). One outlet's reports of two days are two sessions,
    whatever levels both name (the day before's close, a market that did not move)."""
    days = _days_apart(a, b)
    if days == 0:
        return True
    return days <= ECHO_DAYS and bool(a.sessions and b.sessions) and a.outlet != b.outlet


def _days_apart(a: ClaimRow, b: ClaimRow) -> int:
    """Days between two reports (0 when a date is unknown)."""
    return abs((a.day - b.day).days) if a.day and b.day else 0


def _role(row: ClaimRow) -> tuple[bool, bool, bool, bool]:
    """Is the mention a part, a partitive, a list item, a comparison value?"""
    return (row.part, row.partitive, row.listed, row.comparison)


LEAD_STORY_DAYS = 5  # a story told over more days is running coverage (a war, a
# campaign): each report leads with its own incident ...
INCIDENT_STORY_DAYS = 10  # ... unless its tolls are seldom told among a war's fighting
# (``HOSTILE_SHARE``): floods, an outbreak, a crash's follow-ups are one incident's days
HOSTILE_SHARE = 0.3  # tolls told among raids, clashes or armed sides (ClaimRow.hostile)
LEAD_TOLL_DAYS = 4  # reports this many days apart may lead with one toll (69 then 100 dead)
LEAD_TOLL_RATIO = 5.0  # a rising toll may grow this much in its updates (10 then 32 dead) ...
LEAD_RATIO = 2.0  # ... any other lead count this much (more would be another count)
LEAD_COSINE = 0.25  # how close two reports must be (the cosine of their words; see stories)
LEAD_SCORE = 0.8  # as sure as the model's surest pairs: a witness of a conflict


EARLIER_SCORE = 0.8  # as sure as a lead pair: a witness of the update


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
        first = next((r for r in group if not r.earlier), None)
        if first is None:
            continue
        for k, r in enumerate(group):
            if not r.earlier or r.cited:
                continue  # what was stated before may be of another incident: no pair
            # the count it rose to: the nearest higher one told before it ("حصيلة الضحايا
            # بلغت 27 قتيلاً. وذلك بعدما كانت تحدثت مصادر عن 20"), else the report's first
            # (in its own sentence only when retold after it: "قتل أربعة، في حين أن الحصيلة
            # الأولية أشارت إلى مقتل شخصين")
            lead = next((q for q in reversed(group[:k])
                         if not q.earlier and float(q.stated[1]) > float(r.stated[1])
                         and (r.retold or q.sentence_start != r.sentence_start)), first)  # fmt: skip
            if r.sentence_start == lead.sentence_start and not r.retold:
                continue
            lo, hi = sorted((float(r.stated[1]), float(lead.stated[1])))
            if lo <= 0 or hi / lo > LEAD_TOLL_RATIO or not same_scope(r, lead):
                continue
            if told_apart(r.incident, lead.incident):
                continue  # "وقتل 15 شخصا في وقت سابق أمس في هجوم بشاحنة": another attack's
            key = (r.id, lead.id) if r.id < lead.id else (lead.id, r.id)
            pairs[key] = Pair(key[0], key[1], EARLIER_SCORE, f"{EARLIER_REASON} {event}")
    return pairs


REBUTTAL_SCORE = 0.8  # as sure as a lead pair: a witness of the disagreement
REBUTTAL_RATIO = 100.0  # the toll and the other side's count at most this far apart


def rebuttal_pairs(rows: list[ClaimRow]) -> dict[tuple[int, int], Pair]:
    """A report that sets another side's smaller count against its toll ("نحو 260 ...
    قتلوا" then "أما حزب العمال فتحدث عن مقتل خمسة أشخاص فقط": ``ClaimRow.rebuttal``)
    tells a disagreement: that count and the report's own count it answers (the nearest
    larger whole count of the same toll told before it, not as earlier, nor in the
    headline) are one figure; the answer is a whole count too, not some of a toll
    (``_some_of_a_toll``). Not when
    they name different incidents
    (``scope.told_apart``) or lie more than ``REBUTTAL_RATIO`` apart (a war's dead
    against one battle's)."""
    by_toll: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for r in rows:
        event = event_family(r.event)
        if event in RISING_TOLLS and not r.title and r.stated[1] is not None:
            by_toll[(r.article_id, event)].append(r)
    pairs: dict[tuple[int, int], Pair] = {}
    for (_article, event), group in by_toll.items():
        rebuttals = [r for r in group if r.rebuttal and not _some_of_a_toll(r)]
        if not rebuttals:
            continue
        group.sort(key=lambda r: (r.sentence_start, r.id))
        own = [r for r in group if not (r.rebuttal or r.earlier or r.voice) and _whole_count(r)]
        for r in rebuttals:
            # the count it answers: the nearest larger one the report told before it
            lead = next((q for q in reversed(own) if q.sentence_start < r.sentence_start
                         and float(q.stated[1]) > float(r.stated[1])), None)  # fmt: skip
            if lead is None:
                continue
            lo, hi = float(r.stated[1]), float(lead.stated[1])
            if lo <= 0 or hi / lo > REBUTTAL_RATIO or told_apart(r.incident, lead.incident):
                continue
            if not same_period(r.period, lead.period):
                continue  # (a count of another period answers nothing)
            key = (r.id, lead.id) if r.id < lead.id else (lead.id, r.id)
            pairs[key] = Pair(key[0], key[1], REBUTTAL_SCORE, f"{REBUTTAL_REASON} {event}")
    return pairs


def _some_of_a_toll(r: ClaimRow) -> bool:
    """Does the count tell some of a toll ("5 منهم فقط في حالة خطرة"، "3 منهم فقط من
    المدنيين"), not a whole one another side could answer it with?"""
    return r.part or r.partitive or r.listed or r.subset or r.severe or r.light or r.vague


def _story_days(rows: list[ClaimRow], story_of: dict[str, int]) -> dict[int, int]:
    """Story id -> the days its reports span."""
    days: dict[int, list] = defaultdict(list)
    for r in rows:
        story = story_of.get(r.article_id)
        if story is not None and r.day:
            days[story].append(r.day)
    return {story: (max(ds) - min(ds)).days for story, ds in days.items()}


def _running_stories(rows: list[ClaimRow], story_of: dict[str, int]) -> set[int]:
    """Stories told over more than ``LEAD_STORY_DAYS``: running coverage (a war, a
    campaign), where each report leads with its own incident. A story of up to
    ``INCIDENT_STORY_DAYS`` whose tolls are told among a war's fighting less than
    ``HOSTILE_SHARE`` of the time (``ClaimRow.hostile``) is one incident told for days
    (Myanmar's floods, rising from 27 to 100 dead over ten days; the Bronx outbreak)."""
    tolls: Counter[int] = Counter()
    hostile: Counter[int] = Counter()
    for r in rows:
        story = story_of.get(r.article_id)
        if story is not None and event_family(r.event) in TOLL_EVENTS:
            tolls[story] += 1
            hostile[story] += r.hostile
    running = set()
    for story, span in _story_days(rows, story_of).items():
        if span > INCIDENT_STORY_DAYS or (
            span > LEAD_STORY_DAYS and hostile[story] >= HOSTILE_SHARE * tolls[story]
        ):
            running.add(story)
    return running


def _whole_count(r: ClaimRow) -> bool:
    """A count that may be an incident's toll: not a sub-count, a list item, a comparison,
    another year, a vague number, some of a toll, its badly or lightly hurt, or an
    epidemic's cases (each bulletin counts its own)."""
    return not (
        r.part or r.listed or r.comparison or r.elsewhen or r.vague or r.stated[1] is None
        or r.subset or r.severe or r.light or r.new or r.entity_key in CASE_WORDS
        or r.kind != "count"
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
    if (a.roundup or b.roundup) and a.day != b.day:
        return False  # a day's round-up of separate incidents leads with that day's toll
    if (a.weekday and b.weekday and a.weekday != b.weekday) or not same_scope(a, b):
        return False
    if not same_incident(a.incident, b.incident):
        return False  # the truck bomb and the police academy; one attack and a series
    lo, hi = sorted((float(a.stated[1]), float(b.stated[1])))
    most = LEAD_TOLL_RATIO if event in RISING_TOLLS else LEAD_RATIO
    return lo > 0 and hi / lo <= most


# what a report may lead with: a toll, the dead and hurt together ("مصرع وإصابة 55"), the
# people a disaster hit
LEAD_EVENTS = TOLL_EVENTS | {"casualties", "affected"}


def lead_toll_pairs(
    rows: list[ClaimRow], story_of: dict[str, int], related: dict[tuple[str, str], float]
) -> dict[tuple[int, int], Pair]:
    """The toll each report of one story leads with (its first count of the killed, of
    the injured, of both together ..., ``LEAD_EVENTS``, in the headline or else the text;
    and its first count of a series told together, "وأسفرت موجة التفجيرات عن مقتل 49" after a report's other incidents) is
    one figure, however much it rose: independent reports of an incident word it
    differently, and an update or a disagreement between them is what the analyst needs
    to see. Sub-counts, list items,
    comparisons and other years never lead (``_whole_count``); nor does another counted
    thing (militants and soldiers), nor the dead or hurt of one group (``ClaimRow.partitive``:
    "12 من رجال الأمن", the members killed with three workers; "12 ألفاً من مسلحي داعش"
    held are all the held). The two articles must be close
    (``related`` cosine of ``LEAD_COSINE``), their story no running coverage
    (``_running_stories``), and their sentences must not name different targets
    (``scope.same_incident``); in a story told over more than ``LEAD_STORY_DAYS`` both
    must name a place in common ("الفيضانات في بورما")."""
    first: dict[tuple, ClaimRow] = {}
    for r in sorted(rows, key=lambda r: (r.article_id, not r.title, r.sentence_start, r.id)):
        event, story = event_family(r.event), story_of.get(r.article_id)
        if event not in LEAD_EVENTS or story is None or r.kind != "count" or r.follows:
            continue  # "ويأتي الهجوم بعد مقتل 10": an earlier incident's, not what it leads with
        first.setdefault((r.article_id, r.title, event, False), r)
        if r.incident and r.incident[1]:  # its first count of a series told together
            first.setdefault((r.article_id, r.title, event, True), r)
    running = _running_stories(rows, story_of)
    long = {s for s, span in _story_days(rows, story_of).items() if span > LEAD_STORY_DAYS}
    leads: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for (_article, title, event, _series), r in first.items():
        if r.partitive and event in RISING_TOLLS:
            continue  # "12 من رجال الأمن": the members killed, not the whole toll
        group = leads[(story_of[r.article_id], event, title)]
        if story_of[r.article_id] not in running and _whole_count(r) and r not in group:
            group.append(r)
    pairs: dict[tuple[int, int], Pair] = {}
    for (story, event, _title), group in leads.items():
        if len(group) > VERBATIM_MAX:
            continue
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                if story in long and not a.incident[2] & b.incident[2]:
                    continue  # told for days: both name where ("floods in Burma")
                if _one_toll(a, b, event, related):
                    key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                    pairs[key] = Pair(key[0], key[1], LEAD_SCORE,
                                      f"{LEAD_REASON} {event}")  # fmt: skip
    return pairs


ANCHORS_SURE = 2  # rare words (``ClaimRow.anchors``) two reports of one incident share
ANCHOR_FLOOR = 0.6  # the model's score such a pair needs before its anchors count
ANCHOR_SCORE = 0.8  # then it is as sure as a lead pair: a witness of a conflict
ANCHOR_REASON = "both name"


def anchored_toll_pairs(
    pairs: dict[tuple[int, int], Pair], rows: list[ClaimRow]
) -> dict[tuple[int, int], Pair]:
    """Two likely counts of one toll (the model's ``ANCHOR_FLOOR``) whose sentences
    name the same rare places or people (``ANCHORS_SURE`` of them: the village زاركلي
    and the district رواندز) are one incident's, told independently: independent
    reports share the incident's names, not its wording."""
    by_id = {r.id: r for r in rows}
    found: dict[tuple[int, int], Pair] = {}
    for key, pair in pairs.items():
        if not ANCHOR_FLOOR <= pair.score < ANCHOR_SCORE:
            continue
        a, b = by_id.get(key[0]), by_id.get(key[1])
        if a is None or b is None or event_family(a.event) not in TOLL_EVENTS:
            continue
        if event_family(a.event) != event_family(b.event) or not (
            _whole_count(a) and _whole_count(b)
        ):
            continue
        shared = set(a.anchors).intersection(b.anchors)
        if len(shared) >= ANCHORS_SURE:
            names = "، ".join(sorted(shared)[:3])
            found[key] = Pair(key[0], key[1], ANCHOR_SCORE, f"{ANCHOR_REASON} {names}")
    return found


DESCRIBED_MIN = 2  # words two parts' groups must share (العاملين في الموقع; not العاملين)
DESCRIBED_REASON = "both count some of"
DESCRIBED_FLOOR = 0.2


def _sure_parts(
    pairs: dict[tuple[int, int], Pair],
    rows: list[ClaimRow],
    story_of: dict[str, int],
    reason: Callable[[ClaimRow, ClaimRow], str | None],
    anchored: bool = True,
) -> dict[tuple[int, int], Pair]:
    """The pairs the model keeps (``DESCRIBED_FLOOR``, short of ``ANCHOR_SCORE``) of two
    reports of one short story (of ``LEAD_STORY_DAYS`` at most) whose
    sentences do not each name rare words and none in common (``ClaimRow.anchors``: two
    ambushes on police at العريش and رفح), made as sure as a lead pair where ``reason``
    names why they are one part of a toll (None: they are not); ``anchored=False``
    leaves the rare words to ``reason``."""
    by_id = {r.id: r for r in rows}
    running = _running_stories(rows, story_of)
    found: dict[tuple[int, int], Pair] = {}
    for key, pair in pairs.items():
        if not DESCRIBED_FLOOR <= pair.score < ANCHOR_SCORE:
            continue
        a, b = by_id.get(key[0]), by_id.get(key[1])
        if a is None or b is None or a.article_id == b.article_id:
            continue
        if anchored and a.anchors and b.anchors and not set(a.anchors) & set(b.anchors):
            continue  # each names its own place or people: "بالعريش" and "برفح"
        story = story_of.get(a.article_id)
        if story is None or story != story_of.get(b.article_id) or story in running:
            continue
        why = reason(a, b)
        if why is not None:
            found[key] = Pair(key[0], key[1], ANCHOR_SCORE, why)
    return found


def described_part_pairs(
    pairs: dict[tuple[int, int], Pair], rows: list[ClaimRow], story_of: dict[str, int]
) -> dict[tuple[int, int], Pair]:
    """Two counts the model keeps of one toll's part in two reports of one short story,
    naming the group in the same words ("ثلاثة من العاملين في الموقع" and "(4) من العاملين
    في الموقع من الجنسية البنغلاديشية": ``ClaimRow.described``), are one figure told twice,
    as sure as a lead pair: the part has its own name in every report of the incident.
    Running coverage (a war: "من الحوثيين وقوات صالح" in each day's clashes) names its
    groups the same way every day, so it is left out; so are reports naming rare words
    apart (``_sure_parts``)."""

    def named_alike(a: ClaimRow, b: ClaimRow) -> str | None:
        if len(a.described) < DESCRIBED_MIN or a.described != b.described:
            return None
        event = event_family(a.event)
        if event not in TOLL_EVENTS or event != event_family(b.event):
            return None
        return f"{DESCRIBED_REASON} «{' '.join(a.described)}»"

    return _sure_parts(pairs, rows, story_of, named_alike)


# the fighters of a war's daily battles (Houthis, militants, rebels): each day's and front's
# count names them alike, so the same noun is no evidence of one incident
_COMBATANTS = frozenset({"مسلح", "حوثي", "متمرد", "مقاتل", "انقلابي", "ميليشيه", "مليشيه",
                         "داعشي", "عنصر", "ارهابي", "متطرف", "متشدد"})  # fmt: skip
_NOT_NAMED = GENERIC_TOLL_NOUNS | _COMBATANTS  # nouns that name no one people


def named_people_pairs(
    pairs: dict[tuple[int, int], Pair], rows: list[ClaimRow], story_of: dict[str, int]
) -> dict[tuple[int, int], Pair]:
    """Two counts the model keeps of the killed (or the injured) naming the same people
    by who they were (عسكريين، جنود، أطفال: not a generic شخص or قتيل) in two reports of
    one short story are one figure told twice, as sure as a lead pair, however it rose:
    the soldiers among the dead of a hotel siege are 2, then 3, then 5 in each report's
    count of them (Sévaré, 7-9 August 2015), independent reports wording them apart.
    Different incidents (``scope.same_incident``: the places and targets their clauses
    name), reports more than ``LEAD_TOLL_DAYS`` apart, some of a toll or its badly hurt
    against the rest, and the fighters of a war
    (``_COMBATANTS``: Taiz's 36 rebels and Aden's 17) are left out; other rare words are
    no evidence here (a report's verbs are as rare as its names in a small ledger)."""

    def same_people(a: ClaimRow, b: ClaimRow) -> str | None:
        event = event_family(a.event)
        if event not in RISING_TOLLS or event != event_family(b.event):
            return None
        noun = PEOPLE_ALIKE.get(a.entity_key, a.entity_key)
        if noun is None or noun != PEOPLE_ALIKE.get(b.entity_key, b.entity_key):
            return None
        if noun in _NOT_NAMED:
            return None
        if a.entity_class not in PEOPLE_CLASSES or a.stated[1] is None or b.stated[1] is None:
            return None
        if (a.subset, a.severe, a.light, a.comparison, a.elsewhen) != (
                b.subset, b.severe, b.light, b.comparison, b.elsewhen):  # fmt: skip
            return None
        if not same_incident(a.incident, b.incident) or _days_apart(a, b) > LEAD_TOLL_DAYS:
            return None  # (Tenenkou's three soldiers four days after Sévaré's siege)
        lo, hi = sorted((float(a.stated[1]), float(b.stated[1])))
        if lo <= 0 or hi / lo > LEAD_TOLL_RATIO:
            return None
        return f"{NAMED_REASON} {event}; {SAME_NOUN_REASON} {noun}"

    return _sure_parts(pairs, rows, story_of, same_people, anchored=False)


ABOARD_REASON = "both count the people aboard"
ABOARD_RATIO = 1.5  # reports of one boat's people differ this much at most (600 and 700)


def aboard_pairs(
    pairs: dict[tuple[int, int], Pair], rows: list[ClaimRow], story_of: dict[str, int]
) -> dict[tuple[int, int], Pair]:
    """Two counts the model keeps of the people aboard (``aboard``: "قارب يقل 700
    مهاجر"، "كان المركب يقل أكثر من 600 شخص") in two reports of one short story are one
    figure told twice, as sure as a lead pair: an incident's vessel has one count of its
    people, which reports give apart (the boat off Libya, 5 August 2015: 700, 600, 650).
    Some of them, the passengers against all aboard (``slots.PASSENGERS``), other
    incidents (``scope.same_incident``), reports more than ``LEAD_TOLL_DAYS`` apart and
    counts more than ``ABOARD_RATIO`` apart are left out; so are reports naming rare
    words apart (``_sure_parts``)."""

    def carried(a: ClaimRow, b: ClaimRow) -> str | None:
        if event_family(a.event) != "aboard" or event_family(b.event) != "aboard":
            return None
        if a.entity_class not in PEOPLE_CLASSES or b.entity_class not in PEOPLE_CLASSES:
            return None
        if (a.entity_key in PASSENGERS) != (b.entity_key in PASSENGERS):
            return None
        if any(r.part or r.partitive or r.subset or r.comparison or r.elsewhen for r in (a, b)):
            return None
        if a.stated[1] is None or b.stated[1] is None:
            return None
        if not same_incident(a.incident, b.incident) or _days_apart(a, b) > LEAD_TOLL_DAYS:
            return None
        lo, hi = sorted((float(a.stated[1]), float(b.stated[1])))
        return ABOARD_REASON if lo > 0 and hi / lo <= ABOARD_RATIO else None

    return _sure_parts(pairs, rows, story_of, carried)


SEVERE_REASON = "both count the badly hurt of one toll"


def severe_pairs(
    pairs: dict[tuple[int, int], Pair], rows: list[ClaimRow], story_of: dict[str, int]
) -> dict[tuple[int, int], Pair]:
    """Two counts the model keeps of the badly hurt of one toll, each told as a part of
    the injured (``ClaimRow.severe`` and ``part``: "ثلاثة منهم إصاباتهم بالغة"، "منها
    أربعة في حالة خطرة جداً"; not "30 آخرين بجراح بينهم إصابات خطيرة", all the injured),
    in two reports of one short story are one figure, as sure as a lead pair, unless
    their sentences name rare words apart (``_sure_parts``) or tell two incidents
    (``scope.same_incident``: places, targets, one against a series)."""

    def badly_hurt(a: ClaimRow, b: ClaimRow) -> str | None:
        if not (a.severe and b.severe and a.part and b.part):
            return None  # "نحو 30 آخرين بجراح بينهم إصابات خطيرة" is all the injured
        if event_family(a.event) != "injured" or event_family(b.event) != "injured":
            return None
        return SEVERE_REASON if same_incident(a.incident, b.incident) else None

    return _sure_parts(pairs, rows, story_of, badly_hurt)


RECALL_MIN = 10  # smaller tolls of one place repeat by chance (three dead in Taiz)
RECALL_DAYS = 21  # an incident's toll is recalled this long after it
RECALL_SCORE = 0.8  # as sure as a lead pair
# who fought: the dead of a battle are counted in these, an attack's in people, dead
# or worshippers ("11 مسلحا من داعش" are no bombing's "11 قتيلا"), normalised
_FIGHTERS = frozenset({"مسلح", "حوثي", "متمرد", "ارهابي", "عنصر", "جندي", "مقاتل", "داعشي",
                       "انقلابي", "شرطي", "عسكري", "مجند", "ميليشيه", "مليشيه", "ضابط",
                       "متطرف", "متشدد", "مهاجم", "قائد", "قيادي"})  # fmt: skip


def recalled_toll_pairs(rows: list[ClaimRow]) -> dict[tuple[int, int], Pair]:
    """Later coverage recalls an incident by its toll and its town ("بعد يومين على
    هجوم انتحاري ... وأوقع 32 قتيلا في مدينة سوروج"), in stories of its own (Turkey's
    strikes, a trial): that count and the incident's own reports of the same value, in
    clauses naming the same town or region (not only a country), up to
    ``RECALL_DAYS`` apart, one of them told as recalled (``ClaimRow.recalled``), are one
    figure. Counts of other things (civilians, fighters against people), scopes or
    targets are not. (Weekdays are not compared: a recall names the incident's day as
    it remembers it, "ليل الخميس الجمعة" against the Friday of the first reports.)"""
    within = lexicon().place_within
    by_toll: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for r in rows:
        event = event_family(r.event)
        value = r.stated[1]
        if event not in RISING_TOLLS or value is None or value < RECALL_MIN or r.title:
            continue
        if not _whole_count(r) or r.partitive or not r.day:
            continue  # "عشرة من منسوبي القوات": the members, not the incident's toll
        if r.earlier and not (r.cited and r.recalled):
            continue  # (an incident recalled in a statement told as made before is still
            # that incident's toll: "وكان الرئيس أعلن ... الهجوم الذي قتل خلاله 39 سائحا")
        for place in sorted(r.incident[2]):  # in one order, whatever the hash seed
            if within.get(place):  # a town or a region: a country names no incident
                by_toll[(event, float(value), place)].append(r)
    pairs: dict[tuple[int, int], Pair] = {}
    for (_event, _value, place), a, b in _pairs_within(by_toll):
        if not (a.recalled or b.recalled) or abs((a.day - b.day).days) > RECALL_DAYS:
            continue
        if other_things(a, b) or (a.entity_key in _FIGHTERS) != (b.entity_key in _FIGHTERS):
            continue  # civilians against soldiers; a battle's fighters against an attack's dead
        if not same_scope(a, b) or told_apart(a.incident, b.incident):
            continue
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        pairs.setdefault(key, Pair(key[0], key[1], RECALL_SCORE, f"{RECALLED_REASON} {place}"))
    return pairs


# the rule pairs whose reason lets ``linking.cluster`` join a rising toll's groups
_JOINING_REASONS = (LEAD_REASON, EARLIER_REASON, RECALLED_REASON, REBUTTAL_REASON)


def add_rule_pairs(
    pairs: dict[tuple[int, int], Pair],
    rows: list[ClaimRow],
    story_of: dict[str, int],
    related: dict[tuple[str, str], float],
) -> None:
    """Add the pairs the rules find (the same value in a story, a distinctive value,
    a copy) to ``pairs``, keeping the higher score where both have one."""
    for extra in (lead_toll_pairs(rows, story_of, related), story_value_pairs(rows, story_of),
                  same_value_pairs(rows), precision_pairs(rows), verbatim_pairs(rows),
                  named_item_pairs(rows, story_of),
                  earlier_toll_pairs(rows),
                  anchored_toll_pairs(pairs, rows),
                  described_part_pairs(pairs, rows, story_of),
                  severe_pairs(pairs, rows, story_of),
                  named_people_pairs(pairs, rows, story_of),
                  aboard_pairs(pairs, rows, story_of),
                  rebuttal_pairs(rows),
                  recalled_toll_pairs(rows)):  # fmt: skip
        for key, pair in extra.items():
            known = pairs.get(key)
            if known is None:
                pairs[key] = pair
                continue
            surer, other = (pair, known) if pair.score > known.score else (known, pair)
            if other.explanation.startswith(_JOINING_REASONS) and not (
                surer.explanation.startswith(_JOINING_REASONS)
            ):  # the surer score, with the reason that joins a rising toll's groups
                surer = Pair(key[0], key[1], surer.score,
                             f"{other.explanation}; {surer.explanation}")  # fmt: skip
            pairs[key] = surer
    pairs.update(small_counts_unwitnessed(pairs, rows))
    pairs.update(snapshots_unwitnessed(pairs, rows))


SMALL_COUNT = 5  # counts this small repeat across unrelated incidents (two hurt, three dead)
SMALL_SURE = 0.9  # ... so a pair of them short of this is no witness of a conflict
NO_WITNESS = "no witness of a conflict"  # ends the explanation of a pair that is none
SMALL_REASON = f"small counts naming nothing in common: {NO_WITNESS}"
_SURE_REASONS = (
    VERBATIM_REASON,
    EARLIER_REASON,
    ANCHOR_REASON,
    DESCRIBED_REASON,
    SEVERE_REASON,
    NAMED_REASON,
    ABOARD_REASON,
)


def small_counts_unwitnessed(
    pairs: dict[tuple[int, int], Pair], rows: list[ClaimRow]
) -> dict[tuple[int, int], Pair]:
    """Likely pairs of two small counts (``SMALL_COUNT`` at most: two hurt, three dead) of
    two reports whose sentences name no rare word in common (``ClaimRow.anchors``: the
    village, the road, the people), less sure than ``SMALL_SURE`` (and sure enough to
    witness a toll's rise, ``conflicts.RISING_EVIDENCE``), keep their score (they may
    well be one figure) but say they are ``NO_WITNESS`` of a conflict. Two road
    crashes, two arrests or two ambushes of one kind and one week are told in the same
    words with numbers this small; on the corpus 20 of 23 flags witnessed only by such
    pairs were two incidents or a part and its total."""

    def small_apart(a: ClaimRow, b: ClaimRow) -> bool:
        return _small(a) and _small(b) and not set(a.anchors).intersection(b.anchors)

    return _unwitnessed(pairs, rows, small_apart, SMALL_REASON, below=SMALL_SURE)


SNAPSHOT_REASON = f"a commodity's quotes of unknown moments: {NO_WITNESS}"


def snapshots_unwitnessed(
    pairs: dict[tuple[int, int], Pair], rows: list[ClaimRow]
) -> dict[tuple[int, int], Pair]:
    """Likely pairs of two reports' quotes of one commodity (Brent's price, gold's change:
    ``ClaimRow.item``) keep their score but are ``NO_WITNESS`` of a conflict, unless both
    are told as the session's close (``ClaimRow.closing``) or the same words tell both
    (``_SURE_REASONS``). A market moves through its session: on the corpus, 27 of 28
    flags among such quotes were snapshots of one session at other hours, or of two
    sessions, not reports that disagree."""

    def snapshots(a: ClaimRow, b: ClaimRow) -> bool:
        return _quote(a) and _quote(b) and not (a.closing and b.closing)

    return _unwitnessed(pairs, rows, snapshots, SNAPSHOT_REASON)


def _unwitnessed(
    pairs: dict[tuple[int, int], Pair],
    rows: list[ClaimRow],
    applies: Callable[[ClaimRow, ClaimRow], bool],
    reason: str,
    below: float = float("inf"),
) -> dict[tuple[int, int], Pair]:
    """The pairs of two reports, likely enough to witness (``RISING_EVIDENCE`` up to
    ``below``) and not sure by their own words (``_SURE_REASONS``), that ``applies`` to:
    their score kept, their explanation ending in ``reason`` (a ``NO_WITNESS``)."""
    by_id = {r.id: r for r in rows}
    capped = {}
    for key, pair in pairs.items():
        if not RISING_EVIDENCE <= pair.score < below:
            continue
        if pair.explanation.startswith(_SURE_REASONS) or pair.explanation.endswith(NO_WITNESS):
            continue
        a, b = by_id.get(key[0]), by_id.get(key[1])
        if a is None or b is None or a.article_id == b.article_id:
            continue
        if applies(a, b):
            capped[key] = Pair(key[0], key[1], pair.score, f"{pair.explanation}; {reason}")
    return capped


def _quote(row: ClaimRow) -> bool:
    """A price or a change of a commodity (not of a named sector or share)."""
    return row.kind in ("money", "percent") and commodity(row.item) is not None


def _small(row: ClaimRow) -> bool:
    """A count of ``SMALL_COUNT`` or fewer."""
    value = row.stated[1] if row.stated[1] is not None else row.stated[3]
    return row.kind == "count" and value is not None and value <= SMALL_COUNT
