"""Linking: what linking knows of each claim mention, and how mentions are grouped.

``load_claims`` reads every claim with what decides a link, never its value (or
conflicts could never be found): the counted entity, the event, the words around the
number with all numbers masked, its scope (``scope``: period, part of a toll, session),
the article, the outlet and the date. Pairs are found by the same-slot model (``slots``)
and by rules (``pair_rules``); ``cluster`` groups mentions whose pair scores clear
``link_threshold`` when the average score between the two groups clears
``group_threshold``, never across a forbidden pair or two periods; the analyst's
decisions (same figure, split, merge, not a claim) are applied on top.

All thresholds and weights are in ``LinkSettings``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from statistics import median

from .intervals import said_precision
from .lexicon import PEOPLE_CLASSES, lexicon
from .normalize import NormalizedText, normalize, normalize_word
from .published import published_at
from .scope import (
    follows_another,
    incident_marks,
    increment_of_toll,
    light_count,
    may_name_a_period,
    new_count,
    opens_as_earlier,
    period_near,
    places_named,
    rebuts_a_toll,
    recalls_an_incident,
    retold_after_a_count,
    rounds_up,
    running_total,
    same_period,
    severe_count,
    stated_before,
    subset_of_toll,
    tells_of_war,
    told_as_earlier,
    told_as_first,
    voice_at,
)
from .store import rows_for_ids
from .stories import background
from .words import CLAUSE_MARKS, WORD, keep, light_stem


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
# events that report the same outcome: deaths are deaths, however a report words them, and
# a wreck's survivors are those rescued from it ("نجا سبعة أشخاص"، "إنقاذ ستة أشخاص")
EVENT_FAMILY = {"died": "killed", "survived": "rescued"}


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
    among: bool = False  # ... of the count before it (بينهم، منهم), not added (إضافة إلى)
    partitive: bool = False  # "10 من منسوبي القوات": some of a group (often a sub-count)
    described: tuple = ()  # the words naming that group: (العاملين، في، الموقع)
    listed: bool = False  # one of a list of counts of one event: 12 من الأفراد و3 عمال
    weekday: str | None = None  # the weekday named nearest the number: the day it is about
    nth_day: int | None = None  # the day of an event named near it: في يومه الثالث (3)
    item: str | None = None  # the market item a price or a change is of (Brent, قطاع التامين)
    closing: bool = False  # its item's quote told as a session's close (عند التسوية، أغلق)
    period: float | None = None  # days it is counted over: خلال أسبوعين (scope.period_near)
    subset: bool = False  # some of a toll: 32 من الجرحى (scope.subset_of_toll)
    severe: bool = False  # the badly hurt: 20 جريحا في حالة حرجة (scope.severe_count)
    light: bool = False  # the lightly hurt: وخمسة آخرين إصاباتهم طفيفة (scope.light_count)
    incident: tuple = (frozenset(), False, frozenset())  # targets, several?, places
    headline_targets: frozenset = frozenset()  # a toll's article's headline's (incident_marks)
    new: bool = False  # a bulletin's new count: 4 حالات جديدة (scope.new_count)
    earlier: bool = False  # told as an earlier count: في حصيلة أولية، قال في وقت سابق
    cited: bool = False  # ... only as what was stated before: وكان المتحدث قد صرح بأن
    recalled: bool = False  # an incident's toll recalled: "الهجوم الذي أوقع 32 قتيلا"
    hostile: bool = False  # a toll told among a war's fighting: "في غارات" (scope.tells_of_war)
    follows: bool = False  # an earlier incident's toll: ويأتي الهجوم بعد مقتل 10
    in_the_country: bool = False  # a placeless sentence's "في البلاد" (_round_up_places)
    roundup: bool = False  # a day's round-up of separate incidents (scope.rounds_up)
    voice: int = 0  # another source set against the sentence's own: فيما تحدث مصدر ثالث عن 25
    rebuttal: bool = False  # another side's smaller count: أما الحزب فتحدث عن خمسة فقط
    retold: bool = False  # an earlier count the sentence tells after its own count
    sessions: tuple = ()  # the index levels its article names: the market sessions it is about
    comparison: bool = False  # another period or a former value: مقارنة بـ، العام الماضي
    elsewhen: int | None = None  # an earlier year named beside the number (another incident)
    title: bool = False  # in the headline
    headline: bool = False  # said as a headline (``HEADLINE_SQL``): rounded, cut short
    verbatim: str = ""  # letters and digits around the number, to find copies of it
    distinct: float | None = None  # the value, when it is distinctive (431, not 300)
    stated: tuple = (None, None, None, None)  # qualifier, value, low, high
    said_unit: float | None = None  # the unit it was said to, when its value hides it (108.16 ألف)
    rank: int = 0  # its place among the article's claims of the same event, kind and unit
    # (the article's first toll is 0)
    outlet: str | None = None  # who published it
    anchors: tuple = ()  # rare words around it: the names of its incident
    start: int = 0  # where it starts in its field

    def copy(self) -> ClaimRow:
        """A shallow copy (its fields are values, tuples and frozensets)."""
        twin = ClaimRow.__new__(ClaimRow)
        for name in _CLAIM_ROW_SLOTS:
            setattr(twin, name, getattr(self, name))
        return twin

    @property
    def informant(self) -> bool:
        """A count of who told it (``INFORMANT_NOUNS``) to which nothing happened."""
        return self.entity_key in INFORMANT_NOUNS and self.event is None

    @property
    def clause(self) -> tuple:
        """Where it is told: its sentence, whose voice in it (``voice``), and whether as
        an earlier count after the sentence's own (``retold``: "ارتفعت الحصيلة الى 15
        قتيلا، وكانت الحصيلة السابقة تفيد عن ثمانية قتلى"). Two numbers of one clause are
        never one figure."""
        return (self.article_id, self.title, self.sentence_start, self.voice, self.retold)


_CLAIM_ROW_SLOTS = ClaimRow.__slots__


_VERBATIM = re.compile(r"[^0-9\u0621-\u064a]+")
VERBATIM_REACH = 60  # characters each side of a number that a copy must repeat


def distinctive(value) -> float | None:
    """A value with three significant digits or more (431, 6,935,000; not 300 or 12,000):
    reports that state it on the same days about the same event report one figure."""
    if value is None or value < 100:
        return None
    digits = str(int(value)) if float(value).is_integer() else str(value).replace(".", "")
    return float(value) if len(digits.rstrip("0")) >= 3 else None


def same_scope(a: ClaimRow, b: ClaimRow) -> bool:
    """Do two mentions count over one period, in one market session, and neither only
    some of a toll (or only its badly or lightly hurt)?"""
    return (same_period(a.period, b.period) and a.subset == b.subset
            and a.severe == b.severe and a.light == b.light and same_session(a, b))  # fmt: skip


SESSION_LEVEL = 1000  # an index level: points from this up (TASI 8,790.77)
SESSION_NOUN = "نقطه"  # the counted noun of an index level, normalised
LEVEL_TOLERANCE = 1.0  # 8,790 in a headline is the 8,790.77 of the text
HALF_CENT = 0.005  # two levels to the cent are one


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
    only the session (its closing level) tells their figures apart. Levels are the same
    to the cent (a regional report's quiet market moves less than a point a day), or
    within a point when one side is rounded (8,790 in a headline for 8,790.77)."""
    if a.article_id == b.article_id:
        return True
    return same_levels(a.sessions, b.sessions)


def same_levels(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """May two articles naming these index levels be of one session (``same_session``)?
    Yes when either names none, or they name one in common."""
    if not a or not b:
        return True
    return any(_same_level(x, y) for x in a for y in b)


def _same_level(x: float, y: float) -> bool:
    """One index level, to the cent, or rounded to a whole point on one side."""
    if abs(x - y) < HALF_CENT:
        return True
    rounded = x == int(x) or y == int(y)
    return rounded and abs(x - y) < LEVEL_TOLERANCE


SCOPE_FREE_EVENTS = frozenset({"rose", "fell"})  # a change names no outcome (``Table.allowed``)
OUTCOME_KEY = "event"  # the scope key of what happened (one per figure)


def scope_keys_of(rows: Iterable[ClaimRow]) -> dict[int, dict[str, object]]:
    """Mention id -> what names its scope, for those naming any: what happened (its
    event's family, unless a change: ``SCOPE_FREE_EVENTS``), the market item it is of
    (``ClaimRow.item``), the weekday and the day of an event it is told of (``nth_day``;
    neither for a toll, whose reports name the days it rose on).
    A figure's mentions never name two of one kind (``same_scope_key``)."""
    out: dict[int, dict[str, object]] = {}
    rows = list(rows)
    told: dict[tuple, dict[str, object]] = {}  # the text's keys, by what it states
    for r in rows:
        keys = {}
        family = event_family(r.event)
        if family is not None and family not in SCOPE_FREE_EVENTS:
            keys[OUTCOME_KEY] = family  # the missing are never the killed, however others join
        if r.item:
            keys["item"] = r.item
        if r.weekday and event_family(r.event) not in TOLL_EVENTS:
            keys["weekday"] = r.weekday  # (a toll's reports name the days it rose on)
        if r.nth_day is not None and event_family(r.event) not in TOLL_EVENTS:
            keys["nth_day"] = r.nth_day
        if keys:
            out[r.id] = keys
            if not r.title and r.stated[1] is not None:
                told.setdefault((r.article_id, r.kind, r.unit, r.stated[1]), keys)
    # a headline restates its text: "مهرجان «عيدية» يبهج سبعة آلاف زائر" is of the first
    # night its text names
    for r in rows:
        if r.title and r.stated[1] is not None:
            keys = told.get((r.article_id, r.kind, r.unit, r.stated[1]))
            if keys is not None:
                out[r.id] = {**keys, **out.get(r.id, {})}  # its own outcome, if it names one
    return out


def same_scope_key(kind: str, a: object, b: object) -> bool:
    """May two scope keys of one ``kind`` name one scope?"""
    return same_item(a, b) if kind == "item" else a == b


def periods_of(rows: Iterable[ClaimRow]) -> dict[int, float]:
    """Mention id -> the period it is counted over, for the mentions that name one."""
    return {r.id: r.period for r in rows if r.period is not None}


def read_scope(
    row: ClaimRow, sentence: str, start: int, end: int, seen: dict | None = None,
    roles: bool = True,
) -> None:  # fmt: skip
    """Set what ``row`` covers (period, subset, new count, an earlier count, another
    source's) from its sentence and the number's offsets in it (``load_claims`` does
    this as it reads each sentence). ``seen`` keeps each sentence normalised once, for
    the numbers that share it. The keys of its scope too (``scope_keys_of``: its market
    item, weekday and day of an event) and a toll's part in its sentence (``_set_roles``;
    not when ``roles`` is false: its sentence tells no other toll), so a re-grouping keeps
    what the link kept apart."""
    text, n_start, n_end = _normalized_at(sentence, start, end, seen)
    n_end = past_closing(text, n_end)  # "(4) من العاملين": what follows the bracket
    row.day = row.day or _day(row.published)
    if roles and event_family(row.event) in RISING_TOLLS:  # only a toll's tell figures
        _set_roles(row, text, n_start, n_end)  # apart in a re-grouping (toll_siblings)
    _set_scope(row, text, n_start, n_end)
    _set_keys(row, text, n_start, n_end)


def read_earlier(
    row: ClaimRow, sentence: str, start: int, end: int, seen: dict | None = None
) -> None:
    """Set only whether a toll's count is told as an earlier one (``ClaimRow.earlier``),
    as ``read_scope`` sets it: all a re-grouping needs of its article's other counts."""
    row.earlier, row.cited = _told_earlier(*_normalized_at(sentence, start, end, seen))


_CLOSING = re.compile(r"[)\]»\"”’']+")


def past_closing(text: str, end: int) -> int:
    """Where the words after a number begin when it is closed by a bracket or a quote
    ("(4) من العاملين"، "«19» من عناصر"): what follows them is what follows the number."""
    m = _CLOSING.match(text, end)
    return m.end() if m else end


def _normalized_at(sentence: str, start: int, end: int, seen: dict | None) -> tuple:
    """A sentence normalised (once per sentence, in ``seen``) and a number's offsets in it."""
    nt = seen.get(sentence) if seen is not None else None
    if nt is None:
        nt = normalize(sentence)
        if seen is not None:
            seen[sentence] = nt
    return nt.text, nt.to_normalized(max(0, start)), nt.to_normalized(max(0, end))


def _told_earlier(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Is the number at ``start:end`` of a normalised sentence told as an earlier count
    or a first one (``told_as_earlier``, ``told_as_first``), or only in what the report
    says was stated before (``stated_before``)? The second of the two says "only"."""
    window = text[max(0, start - EARLIER_REACH) : end + EARLIER_REACH]
    if told_as_earlier(window) or told_as_first(text, start) or opens_as_earlier(text, start):
        return True, False
    cited = stated_before(text, start)
    return cited, cited


# what a toll includes (normalised): "تتضمن 20 طفلا" is some of its dead; not a cell that
# "تضم 8 عناصر", which is all of it
_INCLUDES = frozenset({"تتضمن", "يتضمن", "تشمل", "يشمل", "تضم", "يضم"})


def _set_roles(row: ClaimRow, text: str, start: int, end: int) -> None:
    """What part a number plays in its normalised sentence: a part or some of a group, a
    comparison value, a count of another year (``row.day`` set first)."""
    cues = lexicon().cues
    lead = text[max(0, start - 24) : start].split()[-3:]
    row.among = any(w in _AMONG for w in lead) or bool(_OF_THEM.match(text, end))
    row.part = row.among or any(w in cues["part"] for w in lead)
    if event_family(row.event) in RISING_TOLLS:  # "حصيلة القتلى تتضمن 20 طفلا": some of it
        row.part = row.part or any(w in _INCLUDES for w in lead)
    row.partitive = _partitive(text, end)
    row.described = _described(text, end) if row.partitive else ()
    if row.partitive and row.entity_key in MEMBERSHIP_GROUPS and row.event:
        row.entity_class = "person"  # 431 من خلايا داعش: members, people
    around = text[max(0, start - 40) : end + 40].split()
    row.comparison = any(w in cues["comparison"] for w in around)
    lo = max(0, start - YEAR_REACH)
    window, since = text[lo : end + YEAR_REACH], text[max(0, lo - SINCE_REACH) : lo]
    row.elsewhen = (_earlier_year(window, row.day, since, at=start - lo)
                    or _dated_sentence(text[:start], row.day))  # fmt: skip


def _set_keys(row: ClaimRow, text: str, start: int, end: int) -> None:
    """The day a number is told of (a weekday, a day of an event) and the market item it
    is of, from its normalised sentence."""
    row.weekday = _weekday_near(text, start, end)
    row.nth_day = _nth_day_near(text, start, end)
    row.item = _item_before(text, start) if row.kind != "count" else None
    near = text[max(0, start - CLOSING_REACH) : end + CLOSING_REACH]
    row.closing = (row.item is not None and _SESSION_CLOSE.search(near) is not None
                   and _HOUR.search(near) is None)  # fmt: skip


CLOSING_REACH = 50  # characters either side of a quote searched for its close
# "بحلول الساعة 0723 بتوقيت جرينتش": a quote of an hour of the session, not its close
_HOUR = re.compile(r"(?<!\S)(?:بحلول )?الساعه(?!\S)")
# a market quote told as the session's close or settlement (normalised)
_SESSION_CLOSE = re.compile(
    r"(?<!\S)(?:عند|في|لدي) (?:التسويه|الاغلاق|الاقفال)(?!\S)"
    r"|(?<!\S)[وف]?(?:اغلق|اغلقت|اقفل|اقفلت|انهي|انهت)(?!\S)"
)


def _set_scope(row: ClaimRow, text: str, start: int, end: int, timed: bool | None = None) -> None:
    """``timed``: does the sentence name a unit of time (``scope.may_name_a_period``),
    when the caller has asked once for the whole sentence?"""
    if timed is None:
        timed = may_name_a_period(text)
    if timed:
        row.period = period_near(text, start, end)
    if row.kind == "count":  # only a count of people or cases is some of a toll
        row.subset = subset_of_toll(text, end) or increment_of_toll(text, start, end)
        row.severe = severe_count(text, end)
        row.light = light_count(text, end)
    if event_family(row.event) in TOLL_EVENTS:  # whose count, and told as which
        row.earlier, row.cited = _told_earlier(text, start, end)
        row.rebuttal = rebuts_a_toll(text, start, end)
        row.voice = max(voice_at(text, start), int(row.rebuttal))  # another side's voice
        row.retold = row.earlier and retold_after_a_count(text, start)
        row.recalled = recalls_an_incident(text, start)
        row.hostile = tells_of_war(text)
        row.follows = follows_another(text, start)
    # cases of an epidemic: each bulletin's count is that day's, unless it is the running
    # total; deaths told as cases (15 حالة وفاة) are a toll like any other
    row.new = (
        row.entity_key in CASE_WORDS
        and event_family(row.event) != "killed"
        and (new_count(text, end) or not running_total(text))
    )


# who told it, counted: "وذكر مصدران أمنيان"، "قال شاهدان"، "قالت ثلاثة مصادر مطلعة". With
# nothing befalling them, such a count says who spoke, not what happened: never a figure
# with another report's
INFORMANT_NOUNS = frozenset({"مصدر", "شاهد"})
CASE_WORDS = frozenset({"حاله", "اصابه"})  # حالة، إصابة as the counted noun: cases
# the counts every report of an incident leads with
TOLL_EVENTS = frozenset({"killed", "injured", "captured", "held", "missing", "displaced"})
# counts an incident's reports are told apart by, by the places and targets they name:
# its tolls, and the people aboard, rescued or surviving (a crash in Japan, another in Britain)
INCIDENT_EVENTS = TOLL_EVENTS | {"aboard", "rescued", "survived", "casualties"}
TOLL_NOUN_CLASSES = frozenset({"person", "event"})  # people, or cases of what befell them
RISING_TOLLS = frozenset({"killed", "injured"})  # counts that rise as the dead are counted
# nouns that count any people a toll befell ("6 أشخاص", "15 قتيلا"): the same toll as a
# count of civilians, soldiers or worshippers, which name who they were
GENERIC_TOLL_NOUNS = frozenset({"شخص", "قتيل", "شهيد", "ضحيه", "جريح", "مصاب", "نسمه"})
# nouns that name the same people ("خمسة عسكريين"، "خمسة جنود": the soldiers), normalised
PEOPLE_ALIKE = {
    "جندي": "عسكري",
    "قوات": "عسكري",
    "متعاقد": "موظف",
}  # (members of the forces; the UN's contractors, its staff)
# ... and the nouns one side of a fight is named by, report to report (the attackers of a
# siege are its terrorists, gunmen, jihadists): never two groups of people apart
FIGHTERS = "مسلح"  # the one name of a fight's side (``group_named``)
_FIGHTERS_ALIKE = dict.fromkeys(
    ("مهاجم", "مسلح", "ارهابي", "جهادي", "متشدد", "متطرف", "انتحاري", "خاطف", "مقاتل",
     "متمرد", "حوثي", "انقلابي", "ميليشيه", "مليشيه", "داعشي"), FIGHTERS)  # fmt: skip


# nouns whose people the word after them names ("رجال الشرطة"، "عناصر الأمن"، "أفراد"),
# and the bodies of any of the dead ("32 جثة"): they name no group (normalised lemmas)
_HEAD_NOUNS = frozenset({"رجل", "عنصر", "فرد", "منتسب", "عضو", "منسوب", "جثه"})


def group_named(entity_key: str | None) -> str | None:
    """The people a counted noun names, one name for nouns alike (``PEOPLE_ALIKE``, the
    fighters of one side): two parts of a toll naming two such groups are two figures."""
    if entity_key is None or entity_key in _HEAD_NOUNS:
        return None
    return PEOPLE_ALIKE.get(entity_key) or _FIGHTERS_ALIKE.get(entity_key, entity_key)


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


EARLIER_REACH = 60  # characters each side of a number searched for an earlier count's words


@dataclass(slots=True)
class Pair:
    a: int
    b: int
    score: float
    explanation: str


def middle(row: ClaimRow) -> float | None:
    """The value a mention states, or the middle of its range."""
    _q, value, low, high = row.stated
    if value is not None:
        return value
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def _day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


# said as a headline: in the headline, in a text sentence the headline holds, or in one
# that holds the headline and little else (a link footer repeats it: "رابط الخبر بصحيفة
# الوئام: <headline>"); m is mentions, a articles
FOOTER_CHARS = 40  # what a sentence holding the headline may add to it
HEADLINE_SQL = (
    "(m.field = 'title' OR (length(trim(m.sentence)) >= 15"
    " AND instr(a.title, trim(m.sentence)) > 0)"
    f" OR (length(m.sentence) <= length(a.title) + {2 * FOOTER_CHARS}"  # cheap: most are longer
    " AND length(trim(a.title)) >= 15 AND instr(m.sentence, trim(a.title)) > 0"
    f" AND length(trim(m.sentence)) <= length(trim(a.title)) + {FOOTER_CHARS}))"
)
_CLAIMS_SQL = f"""
    SELECT m.id, m.article_id, m.sentence_start, m.entity, m.event, m.kind, m.unit,
           a.published, m.sentence, m.start, m."end", m.qualifier, m.field, m.value,
           m.low, m.high, a.outlet, {HEADLINE_SQL}
    FROM mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.is_claim = 1 AND coalesce(m.excluded, 0) = 0 {{}}
    ORDER BY m.article_id, m.id
"""


def _claim_rows(db, articles: list[str] | None):
    if articles is None:
        yield from db.execute(_CLAIMS_SQL.format(""))
        return
    yield from rows_for_ids(
        db, _CLAIMS_SQL.format("AND m.article_id IN ({})"), sorted(set(articles))
    )


@dataclass(slots=True)
class _ReadSentence:
    """A sentence as ``load_claims`` reads it once for all its numbers."""

    nt: NormalizedText
    plain: list[str]  # its content words
    timed: bool  # may it name a period (``scope.may_name_a_period``)
    starts: list[int]  # where each word starts
    rare: list[tuple[int, str]]  # its rare words (``_rare_words``)
    places: frozenset[str] | None = None  # read when a toll's clause names none


def load_claims(
    db, settings: LinkSettings = SETTINGS, articles: list[str] | None = None
) -> list[ClaimRow]:
    """Every claim mention the analyst has not set aside, with its features (of the
    ``articles`` given only, when given: words are then masked as common by the share
    of the whole ledger's claims, as a full link masks them)."""

    lex = lexicon()
    rows = []
    raw_contexts = []
    restrictors = _restrictor_stems()
    spans: list[tuple[int, int, str]] = []  # each row's span in its sentence
    sentences: dict[tuple[str, str, int], _ReadSentence] = {}
    rare_memo: dict[str, str | None] = {}  # word -> its rare stem or None (``_rare_stem``)
    current_article, article_fields = None, ()
    for r in _claim_rows(db, articles):
        (mid, aid, s_start, entity, event, kind, unit, published, sentence, start, end, q, fld,
         value, low, high, outlet, headline) = r  # fmt: skip
        if aid != current_article:
            sentences.clear()  # mentions come article by article: keep one article's
            current_article, article_fields = aid, (aid, published, outlet)
        aid, published, outlet = article_fields  # one copy of each per article, not per row
        row = ClaimRow(mid, aid, s_start or 0, entity, event, kind, unit, published)
        row.outlet = outlet
        row.start = start
        key = (aid, fld, s_start or 0)  # a headline and the text's first sentence both start at 0
        cached = sentences.get(key)
        if cached is None:
            nt = normalize(sentence or "")
            words = [(m.start(), w) for m in WORD.finditer(nt.text) if (w := keep(m.group()))]
            cached = sentences[key] = _ReadSentence(
                nt,
                [w for _, w in words],  # the words, the same list for each of its numbers
                may_name_a_period(nt.text),
                *_rare_words(words, rare_memo),
            )
        nt, plain, timed, starts, rare = (cached.nt, cached.plain, cached.timed, cached.starts,
                                          cached.rare)  # fmt: skip
        n_start = nt.to_normalized(max(0, start - (s_start or 0)))
        n_end = nt.to_normalized(max(0, end - (s_start or 0)))
        if event_family(event) in INCIDENT_EVENTS:  # only these are told apart by incident
            row.incident = incident_marks(nt.text, n_start, n_end)
            row.roundup = rounds_up(nt.text)
            if not row.incident[2]:  # "ففي مدينة تعز، قتل 13": the places of its sentence
                if cached.places is None:
                    cached.places = places_named(nt.text)
                row.incident = (*row.incident[:2], cached.places)
                row.in_the_country = not cached.places and bool(_THE_COUNTRY.search(nt.text))
        before = plain[: bisect_left(starts, n_start)]
        after = plain[bisect_left(starts, n_end) :]
        clause_before, clause_after = _clause(before, after)
        near = (
            clause_before[-settings.restrictor_before :] + clause_after[: settings.restrictor_after]
        )
        raw_contexts.append((_last_words(before, settings.context_tokens),
                             _first_words(after, settings.context_tokens)))  # fmt: skip
        row.anchors = _anchors_near(starts, rare, n_start, n_end)
        row.restrictors = _restrictors_in(near, restrictors)
        if entity:
            row.entity_key = normalize_word(entity)
            hit = lex.entity_of_lemma(row.entity_key)
            row.entity_class = hit.cls if hit else None
        row.day = _day(published)
        row.vague = q == "vague"
        row.distinct = distinctive(value) if q == "exact" and kind != "percent" else None
        row.stated = (q, value, low, high)
        if row.distinct is not None:
            row.said_unit = said_precision(
                (sentence or "")[start - (s_start or 0) : end - (s_start or 0)]
            )
        row.title = fld == "title"
        row.headline = bool(headline)
        n_after = past_closing(nt.text, n_end)
        _set_roles(row, nt.text, n_start, n_after)
        _set_keys(row, nt.text, n_start, n_after)
        _set_scope(row, nt.text, n_start, n_after, timed)
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
    _read_headlines(db, rows)
    mark_items(rows, spans)
    _mark_sessions(rows)
    in_article: dict[tuple, list[ClaimRow]] = defaultdict(list)
    for row in rows:
        in_article[(row.article_id, row.event, row.kind, row.unit)].append(row)
    for members in in_article.values():
        members.sort(key=lambda r: (not r.title, r.id))
        for index, row in enumerate(members):
            row.rank = index
    return rows


LEAD_SENTENCE = re.compile(r"[^.!؟?\n]*")  # a text's first sentence
LEAD_CHARS = 400  # characters of a text read for its first sentence


# a round-up's sentence that sets where the next one is: "وفي فيتنام، يبذل عمال الإغاثة
# ..." (normalised), then "وقتل 32 شخصا في الفيضانات الأخيرة في البلاد"
_PLACE_OPENER = re.compile(r"^\s*[وف]?في\s+((?:\S+\s+){0,2}?\S+?)\s*[،,]")
_THE_COUNTRY = re.compile(r"(?<!\S)(?:في|انحاء|ارجاء)\s+البلاد(?![^\s.,،؛:»\"])")
_SENTENCE_BREAK = re.compile(r"[.!؟?](?:\s|$)")


def _round_up_places(db, tolls: list[ClaimRow]) -> None:
    """A toll told "في البلاد" in a sentence naming no place (``scope.places_named``), right
    after a sentence of its paragraph that opens on a place ("وفي فيتنام، يبذل عمال الإغاثة
    ... وقتل 32 شخصا في الفيضانات الأخيرة في البلاد", a round-up of Asia's floods), is of
    that place: a round-up names each country once, then refers back to it."""
    wanted: dict[str, list[ClaimRow]] = {}
    for r in tolls:
        if r.in_the_country and not r.incident[2] and r.sentence_start > 0:
            wanted.setdefault(r.article_id, []).append(r)
    if not wanted:
        return
    texts = dict(rows_for_ids(db, "SELECT id, text FROM articles WHERE id IN ({})",
                              sorted(wanted)))  # fmt: skip
    for aid, members in wanted.items():
        text = texts.get(aid) or ""
        for r in members:
            before = text[: r.sentence_start]
            paragraph = before[before.rfind("\n") + 1 :]
            ends = [m.end() for m in _SENTENCE_BREAK.finditer(paragraph.rstrip())]
            if not ends:
                continue
            previous = paragraph[ends[-2] if len(ends) > 1 else 0 : ends[-1]]
            opener = _PLACE_OPENER.match(normalize(previous).text)
            if opener:
                places = places_named(f"في {opener.group(1)}")
                if places:
                    r.incident = (*r.incident[:2], places)


def _read_headlines(db, rows: list[ClaimRow]) -> None:
    """A toll told in an article's text in a sentence that names no place (``scope.
    places_named``: "مما أدى إلى مقتل 11 شخصا") is of the places its headline names
    ("مقتل 11 شخصاً ... إثر فيضانات في إيران"), unless a round-up's sentence before it set
    its place (``_round_up_places``). Each toll of the text keeps what its headline and
    first sentence say was struck too (``ClaimRow.headline_targets``)."""
    tolls = [r for r in rows if event_family(r.event) in INCIDENT_EVENTS and not r.title]
    if not tolls:
        return
    _round_up_places(db, tolls)
    heads = {aid: (title, text) for aid, title, text in rows_for_ids(
        db, f"SELECT id, title, substr(text, 1, {LEAD_CHARS}) FROM articles WHERE id IN ({{}})",
        sorted({r.article_id for r in tolls}))}  # fmt: skip
    marks: dict[str, tuple] = {}
    for r in tolls:
        if r.article_id not in marks:
            title, text = heads.get(r.article_id, (None, None))
            places = places_named(normalize(title or "").text)
            lead = LEAD_SENTENCE.match((text or "").strip()).group()
            targets = incident_marks(normalize(f"{title or ''} . {lead}").text)[0]
            marks[r.article_id] = (targets, places)
        targets, places = marks[r.article_id]
        r.headline_targets = targets
        if places and not r.incident[2]:
            r.incident = (*r.incident[:2], places)


ANCHOR_REACH = 20  # words each side of a number whose rare ones name its incident
ANCHOR_DF = 60  # articles of the background corpus a word may be in and still be rare


def _rare_stem(word: str, memo: dict[str, str | None] | None = None) -> str | None:
    """The word's stem when it is rare in the background corpus (a place, a person: زاركلي،
    رواندز), else None; inflections of common words (انتحاريين، هجومين) are not rare.
    ``memo`` remembers the words already judged."""
    if memo is not None and word in memo:
        return memo[word]
    total, counts = background()
    stem = None
    if total and word not in CLAUSE_MARKS and len(word) >= 3:
        stem = light_stem(word, counts)
        if counts.get(stem, 0) > ANCHOR_DF or any(
            stem.endswith(e)
            and len(stem) - len(e) >= 3
            and counts.get(stem[: -len(e)], 0) > ANCHOR_DF
            for e in _ENDINGS
        ):
            stem = None
    if memo is not None:
        memo[word] = stem
    return stem


# endings of duals, plurals, feminines and pronouns (normalised: ة is ه, ى is ي)
_ENDINGS = ("يين", "يان", "تين", "تان", "هما", "ين", "ان", "ون", "ات", "يه", "هم", "ها", "ه",
            "ي")  # fmt: skip


def _rare_words(
    words: list[tuple[int, str]], memo: dict[str, str | None]
) -> tuple[list[int], list[tuple[int, str]]]:
    """A sentence's word positions, and its rare words (index, stem)."""
    starts = [pos for pos, _ in words]
    rare = []
    for k, (_, w) in enumerate(words):
        stem = memo.get(w, _UNSEEN)  # most words are seen: no call for them
        if stem is _UNSEEN:
            stem = _rare_stem(w, memo)
        if stem:
            rare.append((k, stem))
    return starts, rare


_UNSEEN = "\0"  # no word is this


def _anchors_near(starts: list[int], rare: list[tuple[int, str]], start: int, end: int) -> tuple:
    """The rare words within ``ANCHOR_REACH`` words of a number at ``start:end`` (a
    tuple: a fifth of a set's memory over a whole ledger)."""
    if not rare:
        return ()
    first, after = bisect_left(starts, start), bisect_left(starts, end)
    return tuple({stem: None for k, stem in rare
                  if first - ANCHOR_REACH <= k < first or after <= k < after + ANCHOR_REACH})  # fmt: skip


_PARTITIVE = re.compile(r"\s*(?:من|منهم)\s+(?:[^\s\d]+)")
# "واعتقال 7 منهم": some of a group just named, a sub-count whatever follows
# a sub-count of the count told before it (normalised): "قتل 13 جنديا، بينهم ثلاثة ضباط"
_AMONG = frozenset({"منهم", "منها", "بينهم", "بينها", "ومنهم", "وبينهم", "ومنها", "وبينها"})
_OF_THEM = re.compile(r"\s*(?:منهم|منها|منهن|منهما)(?![^\s.,،؛:])")
_NOT_PARTITIVE = frozenset({"أصل", "اصل", "إجمالي", "اجمالي", "مجموع", "بين", "المئه", "المائه",
                            "مئه", "مائه", "كل"})  # fmt: skip


# groups whose members a count of people names (431 من خلايا داعش، 5 من عائلة واحدة),
# not companies or banks (3 من الشركات are companies), normalised
MEMBERSHIP_GROUPS = frozenset({"خليه", "حزب", "فصيل", "مجموعه", "فريق", "عائله", "اسره", "وفد"})


def _partitive(text: str, end: int) -> bool:
    """ "12 من منسوبي القوات": some of a group, a part of the whole toll ("من أصل"
    and "من بين" introduce the whole, not the group)."""
    m = _PARTITIVE.match(text, end)
    return bool(m) and m.group().split()[-1] not in _NOT_PARTITIVE


DESCRIBED_WORDS = 3  # words after من that name the group some of whom are counted
_DESCRIPTION = re.compile(rf"\s*من\s+((?:[^\s\d.,،؛:()«»\"]+\s*){{1,{DESCRIBED_WORDS}}})")


def _described(text: str, end: int) -> tuple:
    """The words naming the group a partitive count is some of ("ثلاثة من العاملين في
    الموقع": العاملين في الموقع), up to ``DESCRIBED_WORDS``, within its clause."""
    m = _DESCRIPTION.match(text, end)
    words = m.group(1).split() if m else []
    stop = lexicon().stopwords
    while words and (words[-1] in stop or words[-1].startswith("و")):
        words.pop()  # "من رجال الشرطة في هجوم": رجال الشرطه, not a dangling في
    return tuple(words)


ITEM_GAP = 60  # characters at most between two counts of one list
_AND = re.compile(r"(?:^|[\s،,])و")
_NOT_A_LIST = re.compile(r"(?:^|\s)(?:إلى|الى|حتى|حتي|من أصل|مقابل)(?:\s|$)")


def mark_items(rows: list[ClaimRow], spans: list[tuple[int, int, str]]) -> None:
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
                rows[a].listed = rows[b].listed = True


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


# the day of an event a number is told of (normalised): "في يومه الثالث"، "في أولى ليالي
# المهرجان"، "اليوم الثاني من المعرض"; not "اليوم" alone (today)
_DAY_WORDS = r"(?:يوم|يومه|يومها|اليوم|ليله|ليلته|ليلتها|الليله)"
_NTH_AFTER = re.compile(r"(?<!\S)[وفب]?" + _DAY_WORDS + r"\s+([^\s،,.؛:]+)")
_NTH_BEFORE = re.compile(r"(?<!\S)[وفب]?([^\s،,.؛:]+)\s+(?:ايام|ليالي|يوم|ليله)(?!\S)")
NTH_DAY_REACH = 90  # characters each side of a number searched for the day of an event


_NOT_A_DAY_AFTER = re.compile(
    r"\s*(?:عشر|عشره|و(?:ال)?(?:عشر|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع)\S*|من\s+(?:امس|شهر|\S+\s+[0-9]))(?!\S)"
)


def _a_day_of_an_event(text: str, end: int) -> bool:
    """Does the ordinal day just read end there: not a compound ordinal ("الحادي عشر"،
    "الخامس والعشرين"), a date ("يوم الثالث عشر من شهر يونيو") or "يوم الأول من أمس"?
    A weekday after "ثاني أيام" is no rank either ("ثاني يوم الجمعة")."""
    if _NOT_A_DAY_AFTER.match(text, end):
        return False
    following = text[end:].split()[:1]
    return not (following and (following[0],) in lexicon().weekdays)


def _nth_day_near(text: str, start: int, end: int) -> int | None:
    """The day of an event named nearest a number in its normalised sentence ("أكثر من
    تسعة آلاف زائر في يومه الثالث": 3; "في أولى ليالي المهرجان": 1): a festival's
    visitors of two days are two figures, as a count of two weekdays is."""
    lo, hi = max(0, start - NTH_DAY_REACH), end + NTH_DAY_REACH
    window = text[lo:hi]
    if not any(word in window for word in ("يوم", "ليل", "ليال", "ايام")):
        return None  # (most numbers: no regex run for them)
    ordinals = lexicon().ordinals
    best: tuple[int, int] | None = None
    for pattern in (_NTH_AFTER, _NTH_BEFORE):
        for m in pattern.finditer(text, lo, hi):
            if m.start() < end and m.end() > start:
                continue  # the number's own words
            hit = ordinals.get((m.group(1),))
            if hit is None or hit[1]:
                continue  # no ordinal, or one behind a clitic (لاول)
            if pattern is _NTH_BEFORE and m.group(1).startswith("ال"):
                continue  # "المركز الثاني يوم الجمعة", "للمرة الثانية يوم": not a day's rank
            if not _a_day_of_an_event(text, m.end()):
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, hit[0])
    return best[1] if best else None


ITEM_REACH = 80  # characters before a price or a change searched for the item it is of
# the items a market report prices side by side (normalised): Brent and US crude, gold,
# silver and platinum; "0.5%" of gold and "0.5%" of silver are two figures
_ITEMS = {"برنت": "brent", "تكساس": "wti", "نايمكس": "wti", "الخام الامريكي": "wti",
          "الخام الاميركي": "wti", "الذهب": "gold", "الفضه": "silver", "البلاتين": "platinum",
          "البلاديوم": "palladium", "النحاس": "copper"}  # fmt: skip
_ITEM = re.compile(
    r"(?<!\S)[وبلف]?(" + "|".join(sorted(_ITEMS, key=len, reverse=True)) + r")(?!\S)"
)
# the heads that name an item of a market report's list: a sector, a share, a company,
# an index, a market (قطاع التامين، سهم «سابك»، مؤشر داو جونز، سوق دبي), and the kind of
# thing each names (a share is its company's)
_ITEM_HEADS = {"قطاع": "قطاع", "سهم": "سهم", "شركه": "سهم", "مؤشر": "مؤشر",
               "بورصه": "سوق", "سوق": "سوق", "مصرف": "سهم", "بنك": "سهم"}  # fmt: skip
_ITEM_HEAD = re.compile(r"(?<!\S)[وبلف]?(" + "|".join(_ITEM_HEADS) + r")\s")
ITEM_NAME_WORDS = 2  # words of a name kept: "التشييد والبناء"، "الاستثمار الصناعي"
NAME_GAP = 24  # characters at most between an item's name and its number
# words that end a name: what the number is (بنسبة، بمقدار)، where it went (إلى، عند)
_NAME_ENDS = frozenset({
    "بنسبه", "نسبته", "بمقدار", "بلغت", "بلغ", "الي", "عند", "من", "في", "نحو", "حوالي",
    "بحوالي", "بنحو", "اكثر", "باكثر", "اقل", "باقل", "بواقع", "قدره", "قدرها", "مرتفعا",
    "مرتفعه", "منخفضا", "منخفضه", "متراجعا", "متراجعه", "ليغلق", "لتغلق", "ليصل", "لتصل",
    "خلال", "بعد", "الذي", "التي", "و", "او", "ثم", "مع", "على", "علي", "ب", "بقيمه", "بسعر",
    "بمتوسط", "بحجم", "بتداولات",
})  # fmt: skip
_QUOTES = "«»\"'()“”"
# definite words after an item's name that are not part of it (without ال)
_NOT_NAMES = frozenset({"يوم", "اسبوع", "شهر", "عام", "سنه", "ماضي", "ماضيه", "جاري", "حالي",
                        "جلسه", "تداولات", "تعاملات"})  # fmt: skip


def _item_before(text: str, start: int) -> str | None:
    """The market item named last before a number in its normalised sentence (ارتفع خام
    برنت 40 سنتا، فيما زاد الخام الأمريكي 30 سنتا: Brent's 40, US crude's 30), or the
    sector, share, index or market whose name ends just before it (``_named_item``:
    قطاع التأمين بنسبة 5.15% ثم قطاع التشييد والبناء بنسبة 4.98%)."""
    lo = max(0, start - ITEM_REACH)
    found = None
    for found in _ITEM.finditer(text, lo, start):  # noqa: B007
        pass
    named = _named_item(text, lo, start)
    if named is not None and (found is None or named[0] > found.start()):
        return named[1]
    return _ITEMS[found.group(1)] if found else None


def _named_item(text: str, lo: int, start: int) -> tuple[int, str] | None:
    """Where the last item head before ``start`` is, and its item: "قطاع|تشييد بناء",
    when its name ends at most ``NAME_GAP`` characters before the number with nothing
    but words like بنسبة between (a list's next item names its own)."""
    window = text[lo:start]
    if not any(head in window for head in _ITEM_HEADS):
        return None  # (most numbers: no regex run for them)
    heads = list(_ITEM_HEAD.finditer(text, lo, start))
    if not heads:
        return None
    head = heads[-1]
    quoted = _quoted_name(text, head.end(), start)
    if quoted is not None:
        return head.start(), f"{_ITEM_HEADS[head.group(1)]}|{' '.join(quoted)}"
    words: list[str] = []
    at = head.end()
    for token in re.finditer(r"\S+", text[at:start]):
        word = token.group().strip(_QUOTES + "،,.؛:–-")
        bare = _name_words(word)[0] if word else ""
        if not any(c.isalpha() for c in word) or any(c.isdigit() for c in word):
            break
        if word in _NAME_ENDS or bare in _NAME_ENDS:
            break
        if words and (not word.startswith(("ال", "وال")) or bare in _NOT_NAMES):
            break  # a second word is definite and no time: "سهم سابك اليوم"، "بتراجع"
        if token.group()[0] in "،,.؛:" and words:
            break
        if not words and (word in _ITEM_HEADS or word[2:] in _ITEM_HEADS):
            return None  # مؤشر القطاع: the item told before
        if not words and token.group()[0] == "و":
            return None  # 187 مليون سهم وحجم السيولة: a counted noun, then the next clause
        words.extend(_name_words(word))
        at = head.end() + token.end()
        if len(words) >= ITEM_NAME_WORDS or token.group()[-1] in '»"”)،,':
            break
    if not words:
        return None
    between = text[at:start]
    if len(between) > NAME_GAP or any(c.isdigit() or c in "،,؛" for c in between):
        return None
    return head.start(), f"{_ITEM_HEADS[head.group(1)]}|{' '.join(words)}"


QUOTED_REACH = 60  # characters after an item's head searched for its short name «سابك»
QUOTED_GAP = 40  # ... and at most between that name and the number
_QUOTED = re.compile(r"[«\"(“]([^«»\"()“”\d،,؛]{2,30})[»\")”]")
_BREAKS = re.compile(r"[\d،,؛.]")


def _quoted_name(text: str, head_end: int, start: int) -> list[str] | None:
    """The name words of an item told in brackets or quotes after its head, however
    long its full name ("سهم الشركة السعودية للصناعات الأساسية (سابك) عملاق إنتاج
    البتروكيماويات 3.9"), when nothing breaks the clause before the number."""
    found = _QUOTED.search(text, head_end, min(start, head_end + QUOTED_REACH))
    if found is None or _BREAKS.search(text, head_end, found.start()):
        return None
    gap = text[found.end() : start]
    if len(gap) > QUOTED_GAP or _BREAKS.search(gap):
        return None
    words = [w for part in found.group(1).split() for w in _name_words(part)]
    return words[:ITEM_NAME_WORDS] or None


def _name_words(word: str) -> list[str]:
    """A name's word as compared: without a leading و or ال (التشييد والبناء: تشييد بناء)."""
    key = word[1:] if word.startswith("و") and len(word) > 3 else word
    return [key[2:] if key.startswith("ال") and len(key) > 3 else key]


def same_item(a: str | None, b: str | None) -> bool:
    """May two items be one (either unknown, the same commodity, or named items of one
    head whose name words one holds all of the other's: "قطاع|تشييد" and "قطاع|تشييد
    بناء")?"""
    if a is None or b is None or a == b:
        return True
    if "|" not in a or "|" not in b:
        return False
    head_a, name_a = a.split("|", 1)
    head_b, name_b = b.split("|", 1)
    wa, wb = set(name_a.split()), set(name_b.split())
    return head_a == head_b and (wa <= wb or wb <= wa)


YEAR_REACH = 60  # characters each side of a number searched for another year
_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2})(?![0-9])")
_SINCE = re.compile(r"(?:^|\s)(?:منذ|من|حتي|مطلع|بدايه)(?:\s|$)")  # since 2012: a running count
SINCE_REACH = 24  # characters before a year searched for "since"
# "أسوأ كارثة منذ أبريل 2011، عند مقتل 22 شخصا": the year's own incident, told as when
_WHEN_AFTER = re.compile(
    r"\s*[،,]?\s*(?:عندما|حينما|حين|عند\s+(?:مقتل|غرق|وقوع|سقوط|وفاه|انفجار|تحطم|انقلاب))(?!\S)"
)  # (not "أدنى مستوى منذ فبراير 2010 عند 1077": a price at today's level)
# "قبل خمسة أشهر"، "قبل عامين": months or years before the report, another incident; not
# "قبل عام 2011" (before a year), nor a running toll "في النزاع الذي اندلع قبل أربع سنوات"
_AGO = re.compile(
    r"(?<!\S)(?<!اندلع )(?<!اندلعت )(?<!بدا )(?<!بدات )(?<!بدء )(?<!اندلاع )(?<!منذ )"
    r"قبل\s+(?:(?:نحو|حوالي|قرابه|اكثر\s+من)\s+)?(?:\S+\s+)?"
    r"(?:اشهر|شهور|شهرين|سنوات|اعوام|سنين|عامين|سنتين|عام|سنه|عقد|عقود|اسابيع)(?![^\s.,،؛:])"
    r"(?!\s*[0-9])"
)
MONTHS_AGO = 1  # ``ClaimRow.elsewhen`` of a count told months or years ago, year unnamed
# "وقد قتل آنذاك خمسة جنود أفغان": at that time, an incident the report recalls
_THEN = re.compile(r"(?<!\S)[وف]?(?:انذاك|حينذاك|وقتذاك)(?!\S)")


def _earlier_year(
    window: str, day: dt.date | None, lead: str = "", at: int | None = None
) -> int | None:
    """A Gregorian year before the article's own named near a number ("the 2013
    Reyhanli attack", "in 1996"), or weeks, months or years ago (``MONTHS_AGO``, "قبل
    خمسة أشهر"، "قبل عدة أسابيع"; not "two weeks ago", which may be the same incident
    retold): the number is about another incident or period. A running count "since
    2012" (منذ) is not, even when "since" is before the ``window``, in the ``lead`` of its
    sentence ("منذ شهر يونيو 2012 إلى 1059 حالة ... و9 حالات"); but the year's own
    incident, told after it as when, is ("أسوأ كارثة منذ أبريل 2011، عند مقتل 22 شخصا":
    for the number at ``at`` in the ``window``, when given)."""
    if day is None:
        return None
    text = lead + window
    years = [
        int(m.group()) for m in _YEAR.finditer(window)
        if int(m.group()) < day.year
        and (not _SINCE.search(text[max(0, len(lead) + m.start() - SINCE_REACH) : len(lead) + m.start()])
             or (_WHEN_AFTER.match(window, m.end()) and (at is None or m.end() <= at)))
    ]  # fmt: skip
    if years:
        return max(years)
    if _AGO.search(window) or _THEN.search(window):  # "قتل 15 في إعصار بام قبل خمسة أشهر"
        return MONTHS_AGO
    return None


# "وفي 11 أكتوبر (تشرين الأول) 2014، سقطت شاحنة ... تم انتشال 24 جثة منها": a sentence
# that opens on its date tells that day's incident, however far its numbers run
_DATED_OPENING = re.compile(
    r"^\W*[وف]?(?:في|خلال)\s+(?:[^\s.,،؛:]+\s+){0,5}?(19[0-9]{2}|20[0-9]{2})(?![0-9])"
)


def _dated_sentence(before: str, day: dt.date | None) -> int | None:
    """The earlier year a sentence opens on ("وفي 11 أكتوبر 2014،"), if its number comes
    after it (``before``: the sentence up to the number); or, for a day of the article's
    own year more than ``EARLIER_DAY_GAP`` days before it ("وفي 5 يوليو (تموز) الحالي،
    غرقت العبارة طابا ..." in a report of 23 July), that day (its ordinal)."""
    m = _DATED_OPENING.match(before)
    if day is None:
        return None
    if m is not None:
        return int(m.group(1)) if int(m.group(1)) < day.year else None
    m = _DAY_OPENING.match(before)
    if m is None:
        return None
    month = lexicon().months.get((m.group(2),))
    if month is None or month[1]:  # a month with a clitic ("بيوليو") opens no date
        return None
    try:
        told = dt.date(day.year, month[0], int(m.group(1)))
    except ValueError:
        return None
    return told.toordinal() if (day - told).days > EARLIER_DAY_GAP else None


# "وفي 5 يوليو (تموز) الحالي،": a sentence opening on a day and month (normalised)
_DAY_OPENING = re.compile(r"^\W*[وف]?(?:في|يوم)\s+([0-9]{1,2})\s+(\S+)")
EARLIER_DAY_GAP = 3  # days: an earlier day than this is another incident's (a toll rises 3)


def _first_words(words, n: int) -> list[str]:
    """The first ``n`` words that are no clause mark."""
    out = []
    for w in words:
        if w not in CLAUSE_MARKS:
            out.append(w)
            if len(out) == n:
                break
    return out


def _last_words(words: list[str], n: int) -> list[str]:
    """The last ``n`` words that are no clause mark, in order."""
    return _first_words(reversed(words), n)[::-1]


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
    return _NO_RESTRICTORS if not found else frozenset(found)


_NO_RESTRICTORS: frozenset[str] = frozenset()


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

    bared: dict[str, str] = {}

    def bare(word: str) -> str:
        for cut in (2, 1):
            if (
                len(word) > cut + 2
                and word[:cut] in _CLITIC_PREFIXES[cut]
                and vocab.get(word[cut:])
            ):
                return word[cut:]
        return word

    def bare_once(word: str) -> str:
        hit = bared.get(word)
        if hit is None:
            hit = bared[word] = bare(word)
        return hit

    stripped = [[bare_once(w) for w in before + after] for before, after in raw]
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
        keys: dict[int, dict[str, object]] | None = None,
    ) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in self.parent}
        self.siblings: dict[
            int, int
        ] = {}  # injured -> killed of its clause, set once the killed are grouped
        # group -> the shortest and longest period its members are counted over
        self.periods = {i: (p, p) for i, p in (periods or {}).items() if i in self.parent}
        # group -> kind -> the scope keys its members name (``scope_keys_of``): the market
        # items they are of (Brent, قطاع|تامين), the weekdays and days of an event
        # (what happened, ``OUTCOME_KEY``, is kept apart: one per group, checked in one step)
        self.keys = {i: {k: {v} for k, v in ks.items() if k != OUTCOME_KEY}
                     for i, ks in (keys or {}).items() if i in self.parent}  # fmt: skip
        self.keys = {i: ks for i, ks in self.keys.items() if ks}
        # group -> the outcome its members name (killed, missing): never two
        self.outcomes = {i: ks[OUTCOME_KEY] for i, ks in (keys or {}).items()
                         if i in self.parent and OUTCOME_KEY in ks}  # fmt: skip
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
        """May the two groups never join: a pair between them is forbidden, their
        members name different scope keys (``scope_keys_of``: two market items, two
        weekdays, two days of an event), they count over different periods
        (``scope.PERIOD_TOLERANCE``), or their injured follow killed of different groups
        (``siblings``, once set)?"""
        if rb in self.cannot.get(ra, ()):
            return True
        oa, ob = self.outcomes.get(ra), self.outcomes.get(rb)
        if oa is not None and ob is not None and oa != ob:
            return True  # the missing are never the killed
        if self.siblings and self._other_incidents(ra, rb):
            return True
        ka, kb = self.keys.get(ra), self.keys.get(rb)
        if ka and kb:
            for kind in ka.keys() & kb.keys():
                if not all(same_scope_key(kind, x, y) for x in ka[kind] for y in kb[kind]):
                    return True  # a sector's change is never another's, nor Sunday's Saturday's
        pa, pb = self.periods.get(ra), self.periods.get(rb)
        if pa is None or pb is None:
            return False
        return not same_period(min(pa[0], pb[0]), max(pa[1], pb[1]))

    def _other_incidents(self, ra: int, rb: int) -> bool:
        """Do both groups hold injured whose killed (``siblings``) are in groups of
        their own, none shared?"""
        mine = {self.parent[k] for m in self.members[ra] if (k := self.siblings.get(m)) is not None}
        if not mine:
            return False
        theirs = {
            self.parent[k] for m in self.members[rb] if (k := self.siblings.get(m)) is not None
        }
        return bool(theirs) and not (mine & theirs)

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
        ob = self.outcomes.pop(rb, None)
        if ob is not None:
            self.outcomes.setdefault(ra, ob)
        kb = self.keys.pop(rb, None)
        if kb:
            ka = self.keys.setdefault(ra, {})
            for kind, values in kb.items():
                ka.setdefault(kind, set()).update(values)
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


LEAD_REASON = "both reports lead with the"  # a lead_toll_pairs pair's explanation begins so
EARLIER_REASON = "the same report's earlier count of the"  # ... an earlier_toll_pairs pair's
RECALLED_REASON = "the same toll recalled of"  # ... a recalled_toll_pairs pair's
REBUTTAL_REASON = "another side's count of the"  # ... a rebuttal_pairs pair's
NAMED_REASON = "both count the same people"  # ... a named_people_pairs pair's
VETO_REASON = "other incidents"  # why a pair of ``pair_vetoes`` is told apart (slots.vetoed)
PEOPLE_VETO_REASON = "other people"  # ... two parts naming other people, another list item
SAME_NOUN_REASON = "both count"  # a scored pair whose mentions count the same noun says so
RISE_SCORE = 0.6  # a scored pair of one noun this likely may join two groups of a rising toll
RISE_AVERAGE = 0.2  # when the pairs between the groups average this (unscored pairs 0)
RISE_GAP = 3 * 3600  # seconds: a toll told lower this much earlier than higher has risen
CONCURRENT_RATIO = 2.0  # two counts told within RISE_GAP this close are one, disagreeing


def _whole_toll(r: ClaimRow) -> bool:
    """A count that may be its clause's whole toll: not a part, an item of a list, some
    of a group or of a toll, the badly or lightly hurt or a comparison. Unlike a report's
    leading toll (``pair_rules._whole_count``), a vague one may be ("وإصابة مئات")."""
    return not (
        r.part or r.partitive or r.listed or r.subset or r.severe or r.light or r.comparison
        or r.elsewhen or r.kind != "count"
    )  # fmt: skip


def toll_siblings(rows: Iterable[ClaimRow]) -> dict[int, int]:
    """Injured count -> the killed count told with it ("مقتل 49 شخصا وإصابة مئات"), when
    its clause has one whole count of the killed within ``SIBLING_REACH``: the two tell
    one incident, so the injured of two clauses whose killed are different figures are
    different figures too (the truck bomb's 400 injured are not the hundreds of the
    whole day's attacks)."""
    by_clause: dict[tuple, dict[str, list[ClaimRow]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        family = event_family(r.event)
        if family in RISING_TOLLS and _whole_toll(r):
            by_clause[r.clause][family].append(r)
    out = {}
    for counts in by_clause.values():
        killed = [k for k in counts.get("killed", []) if k.stated[1] is not None]
        for r in counts.get("injured", []):
            near = [k for k in killed if abs(k.start - r.start) <= SIBLING_REACH]
            if len(near) == 1:
                out[r.id] = near[0].id
    return out


SIBLING_REACH = 80  # characters between a killed count and the injured told with it


def toll_timeline(rows: Iterable[ClaimRow]) -> dict[int, tuple[float, float]]:
    """Mention id -> (value, publication time in seconds) for the counts of a rising
    toll (killed, injured) that state both."""
    out = {}
    for r in rows:
        value, when = middle(r), published_at(r.published)
        if event_family(r.event) in RISING_TOLLS and value is not None and when is not None:
            out[r.id] = (float(value), when.timestamp())
    return out


ROSE_NOTE = "the toll rose between them"  # a link that joined two groups by ``rose``
TOGETHER_NOTE = "told within three hours of each other"  # ... of one time, values apart
RISING_JOIN_NOTES = (ROSE_NOTE, TOGETHER_NOTE)  # how a join of ``_join_rising_leads`` ends


def rose(
    xs: list[int], ys: list[int], timeline: dict[int, tuple[float, float]], strict: bool = False
) -> bool:
    """Do two groups of one toll read as one count that rose: the group with the lower
    values (by their median) told at least ``RISE_GAP`` earlier (by the median time)?
    Equal values need no order, unless ``strict``; nor, unless ``strict``, do two told
    within ``RISE_GAP`` of each other and ``CONCURRENT_RATIO`` apart at most: outlets
    that differ at one time disagree (27 injured and 47; not 7 and 33: two tolls)."""
    x, y = _told(xs, timeline), _told(ys, timeline)
    if x is None or y is None:
        return False
    (vx, wx), (vy, wy) = x, y
    if vx == vy:
        return not strict
    if not strict and _concurrent((vx, wx), (vy, wy)):
        return True  # two outlets' counts of one time, near enough: a disagreement
    earlier, later = (wx, wy) if vx < vy else (wy, wx)
    return later - earlier >= RISE_GAP


def _concurrent(x: tuple[float, float], y: tuple[float, float]) -> bool:
    """Are two (median value, median time) told within ``RISE_GAP`` of each other, at most
    ``CONCURRENT_RATIO`` apart?"""
    lo, hi = sorted((x[0], y[0]))
    return abs(x[1] - y[1]) < RISE_GAP and lo > 0 and hi / lo <= CONCURRENT_RATIO


def _told(ms: list[int], timeline: dict[int, tuple[float, float]]) -> tuple[float, float] | None:
    """The median value and median time of a group's counts on the ``timeline``."""
    told = [timeline[m] for m in ms if m in timeline]
    if not told:
        return None
    return median(v for v, _ in told), median(w for _, w in told)


def _told_together(xs: list[int], ys: list[int], timeline: dict[int, tuple[float, float]]) -> bool:
    """Were two groups of one toll told within ``RISE_GAP`` of each other with different
    values (``rose`` joins them as a disagreement, not a rise)?"""
    x, y = _told(xs, timeline), _told(ys, timeline)
    return x is not None and y is not None and x[0] != y[0] and _concurrent(x, y)


def cluster(
    ids: list[int],
    pairs: dict[tuple[int, int], Pair],
    sentence_of: dict[int, tuple],
    constraints: Constraints,
    settings: LinkSettings = SETTINGS,
    periods: dict[int, float] | None = None,
    timeline: dict[int, tuple[float, float]] | None = None,
    siblings: dict[int, int] | None = None,
    keys: dict[int, dict[str, object]] | None = None,
) -> tuple[dict[int, int], list[Pair]]:
    """Group mentions: returns mention id -> claim id, and the links that joined them.
    ``periods`` (mention id -> days it is counted over) keeps counts of one week and of
    two weeks apart, however their groups grow; so ``keys`` (``scope_keys_of``) keeps
    two market items apart, and two weekdays or days of an event.

    Pairs are taken strongest first (single linkage), but two groups join only when
    the pairs between them average ``group_threshold`` (a pair never scored counts as
    ``unknown_pair_score``), so one strong link cannot chain two unrelated groups
    together; and never when any pair between them is forbidden.

    Then the reports of one toll that each lead with it (``LEAD_REASON`` pairs), and a
    report's count with the earlier count it cites (``EARLIER_REASON``), join across
    that average when the toll rose between them (``timeline``, ``rose``): the first
    reports' 9 injured and the next day's 40 are one figure, an update, though most of
    their pairs were never scored alike.

    ``siblings`` (``toll_siblings``: injured count -> the killed count of its clause)
    are grouped after every other mention, and two groups of the injured whose killed
    are in different groups, none shared, never join."""
    cannot = set(constraints.cannot)
    # two numbers of one clause (``ClaimRow.clause``) are never one figure, unless the
    # analyst says so
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
    scored = ((a, b, p.score) for (a, b), p in pairs.items())
    groups = _Groups(ids, cannot, scored, periods, keys)
    links: list[Pair] = []
    for a, b in constraints.must:
        if a in groups.parent and b in groups.parent:
            ra, rb = groups.find(a), groups.find(b)
            if ra != rb:
                groups.union(ra, rb)
                links.append(Pair(min(a, b), max(a, b), 1.0, "analyst: same figure"))
    unknown, needed = settings.unknown_pair_score, settings.group_threshold
    strong = sorted((p for p in pairs.values() if p.score >= settings.link_threshold),
                    key=lambda p: (-p.score, p.a, p.b))  # fmt: skip
    siblings = {m: k for m, k in (siblings or {}).items()
                if m in groups.parent and k in groups.parent}  # fmt: skip
    # the killed are grouped first, so that the injured of their clauses can follow them
    late = [p for p in strong if p.a in siblings or p.b in siblings]
    early = [p for p in strong if not (p.a in siblings or p.b in siblings)]
    for batch in (early, late):
        if batch is late:
            groups.siblings = siblings
        for pair in batch:
            if pair.a not in groups.parent or pair.b not in groups.parent:
                continue
            ra, rb = groups.find(pair.a), groups.find(pair.b)
            if ra == rb or groups.forbidden(ra, rb):
                continue
            if groups.average(ra, rb, unknown) < needed - 1e-9:
                continue
            groups.union(ra, rb)
            links.append(pair)
    if timeline:
        _join_rising_leads(groups, pairs, timeline, links)
    claim_of = {}
    for members in groups.members.values():
        claim = min(members)
        for m in members:
            claim_of[m] = claim
    return claim_of, links


def _join_rising_leads(groups: _Groups, pairs, timeline, links: list[Pair]) -> None:
    """Join the groups a leading-toll or earlier-count pair spans when their toll rose
    (``rose``); so too two groups that a likely pair counting one noun spans (three
    workers killed, then four) when their values differ, the lower told first, and their
    pairs average ``RISE_AVERAGE``; and, whatever the order, a report's toll and another
    side's smaller count it tells (``REBUTTAL_REASON``). Such joins
    make one figure; they are not, alone, evidence of a conflict: a flag still needs
    two mentions that disagree and were linked with ``conflicts.EVIDENCE``."""
    told = (LEAD_REASON, EARLIER_REASON, RECALLED_REASON, REBUTTAL_REASON, NAMED_REASON)
    spans = [p for p in pairs.values()
             if p.explanation.startswith(told) or _counts_one_noun(p)]  # fmt: skip
    for pair in sorted(spans, key=lambda p: (-p.score, p.a, p.b)):
        if pair.a not in timeline or pair.b not in timeline:
            continue
        if pair.a not in groups.parent or pair.b not in groups.parent:
            continue
        ra, rb = groups.find(pair.a), groups.find(pair.b)
        if ra == rb or groups.forbidden(ra, rb):
            continue
        by_noun = not pair.explanation.startswith(told)
        if by_noun and groups.average(ra, rb, 0.0) < RISE_AVERAGE:
            continue  # one noun's pair is no report's own word: the groups must agree too
        if pair.explanation.startswith(REBUTTAL_REASON):  # one report tells both sides
            groups.union(ra, rb)
            links.append(pair)
        elif rose(groups.members[ra], groups.members[rb], timeline, strict=by_noun):
            note = (TOGETHER_NOTE if _told_together(groups.members[ra], groups.members[rb],
                                                   timeline) else ROSE_NOTE)  # fmt: skip
            groups.union(ra, rb)
            links.append(Pair(pair.a, pair.b, pair.score, f"{pair.explanation}; {note}"))


_NOUN_MARK = f"; {SAME_NOUN_REASON} "


def counts_one_noun(p: Pair) -> bool:
    """Do a scored pair's mentions count the same noun (its explanation says so)?"""
    return _NOUN_MARK in p.explanation


def _counts_one_noun(p: Pair) -> bool:
    """A likely pair (``RISE_SCORE``) whose mentions count the same noun (a generic one
    too: Suruç's toll is counted in أشخاص and قتلى; keeping those out lost two of its
    conflicting mentions on the single-story ledger)."""
    return p.score >= RISE_SCORE and counts_one_noun(p)
