"""What a count covers, read from the words beside it in its normalised sentence.

- ``period_near``: the span of time it is counted over ("خلال أسبوعين", "في الساعات الـ24
  الأخيرة"): 400 injured in one week and 400 in two weeks are two figures.
- ``subset_of_toll``: "32 من الجرحى" counts some of the injured (those still in hospital,
  those in a critical state), never the toll itself.
- ``severe_count``: "20 جريحا في حالة حرجة" counts the badly hurt, not all the injured.
- ``new_count``: "4 حالات إصابة جديدة" is one bulletin's new cases, not the running total
  that outlets keep repeating for days (``running_total``: "منذ يونيو 2012 إلى 1059 حالة").
- ``told_as_earlier``: "وكانت حصيلة سابقة تفيد عن ثمانية قتلى" cites an earlier count.
- ``voice_at``: "فيما تحدث مصدر ثالث عن 25 قتيلا" gives another source's number, set
  against the sentence's own: a disagreement the article reports, not one it makes.
- ``incident_marks`` / ``same_incident``: what the sentence says was struck (a mosque, a
  truck, a police academy) and whether it counts a series of attacks: leading tolls of
  sentences naming only different targets are different incidents.

The text is ``normalize``d (ة→ه, ى→ي, أ→ا), so the patterns are written that way.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon

PERIOD_REACH = 40  # characters after the number searched for its period ...
PERIOD_BEFORE = 80  # ... and before it, in its own clause (أسفرت خلال أسبوع عن مقتل 260)
_CLAUSE_MARK = re.compile(r"[،؛;:]|[,.](?!\d)")  # not the comma of 1,500 or the point of 3.2
# the unit words of a period, singular, plural and dual, in days
_UNITS = {
    "ساعه": 1 / 24, "ساعات": 1 / 24, "ساعتين": 2 / 24, "ساعتان": 2 / 24,
    "يوم": 1, "ايام": 1, "يومين": 2, "يومان": 2,
    "اسبوع": 7, "اسابيع": 7, "اسبوعين": 14, "اسبوعان": 14,
    "شهر": 30, "اشهر": 30, "شهور": 30, "شهرين": 60, "شهران": 60,
    "عام": 365, "اعوام": 365, "عامين": 730, "عامان": 730,
    "سنه": 365, "سنوات": 365, "سنتين": 730, "سنتان": 730,
}  # fmt: skip
_DUALS = frozenset(w for w in _UNITS if w.endswith(("ين", "ان")))
_OVER = r"(?:خلال|غضون|مدي|طيله|طوال|في)"
_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
_PERIOD = re.compile(
    rf"(?<!\S)(?:و|ف)?(?P<over>{_OVER})\s+(?:(?P<n1>\S+)\s+)?"
    rf"(?P<unit>(?:ال)?(?:{_UNIT_WORDS}))(?!\S)(?:\s+(?P<n2>\S+))?"
)
PERIOD_TOLERANCE = 1.25  # periods closer than this (two weeks, 15 days) are one period


_ANY_UNIT = re.compile(f"(?:{_UNIT_WORDS})(?!\\S)")


def may_name_a_period(text: str) -> bool:
    """A quick test of a whole sentence: does it hold a unit of time at all?"""
    return _ANY_UNIT.search(text) is not None


def period_near(text: str, start: int, end: int) -> float | None:
    """The period (in days) the number at ``text[start:end]`` is counted over: "خلال
    اسبوعين" after it, or before it in the same words, or None. A named month or year
    after the unit ("خلال شهر رمضان", "في عام 2015") is a date, not a period."""
    best: tuple[int, float] | None = None
    lo = max(0, start - PERIOD_BEFORE)
    for m in _PERIOD.finditer(text, lo, end + PERIOD_REACH):
        if start <= m.start() < end:
            continue
        days = _days(m)
        if days is None:
            continue
        if m.start() >= end:
            distance = m.start() - end
        else:
            distance = start - m.end()
            if _CLAUSE_MARK.search(text, m.end(), max(m.end(), start)):
                continue  # another clause's period
        if distance >= 0 and (best is None or distance < best[0]):
            best = (distance, days)
    return best[1] if best else None


def _days(m: re.Match) -> float | None:
    unit = m.group("unit")
    bare = unit[2:] if unit.startswith("ال") else unit
    after = m.group("n2") or ""
    if (after[:1].isdigit() and len(after) == 4) or after in _date_words():
        return None  # في عام 2015، خلال شهر رمضان: a date
    count = _count(m.group("n1")) or _count(after)
    if bare in _DUALS:
        return _UNITS[bare]
    if count is None:
        # في الساعات/الأيام with no count is "lately", not a period; a bare singular
        # unit is one of it (خلال أسبوع، في يوم واحد)
        if unit.startswith("ال") and bare not in ("اسبوع", "شهر", "عام", "سنه", "يوم"):
            return None
        if bare not in ("اسبوع", "شهر", "عام", "سنه", "يوم", "ساعه"):
            return None
        if m.group("over") == "في" and not unit.startswith("ال"):
            return None  # "في يوم" begins a date more often than a period
        count = 1.0
    return count * _UNITS[bare]


def _count(word: str | None) -> float | None:
    if not word:
        return None
    word = word.removeprefix("ال")
    if word.isdigit():
        return float(word)
    hit = lexicon().number_words.get(word)
    if hit is not None and hit.value > 0:
        return float(hit.value)
    return None


@cache
def _weekday_words() -> frozenset[str]:
    return frozenset(w for key in lexicon().weekdays for w in key)


@cache
def _date_words() -> frozenset[str]:
    """Month and weekday names: after a unit of time they make it a date."""
    months = {w for key in lexicon().months for w in key}
    return frozenset(months | _weekday_words() | {"رمضان", "شوال", "محرم", "صفر", "رجب", "شعبان"})


def same_period(a: float | None, b: float | None) -> bool:
    """Are two periods one (or is either unknown)?"""
    if a is None or b is None:
        return True
    lo, hi = sorted((a, b))
    return lo > 0 and hi / lo <= PERIOD_TOLERANCE


# the casualty nouns a partitive count can be some of (normalised, with ال)
_TOLL_GROUPS = frozenset({"الجرحي", "القتلي", "المصابين", "المصابون", "الضحايا", "الشهداء",
                          "المتوفين", "الوفيات", "الاصابات"})  # fmt: skip
_SUBSET = re.compile(r"\s*(?:من|منهم)\s+(\S+)")


def subset_of_toll(text: str, end: int) -> bool:
    """Is the number just before ``end`` some of a toll ("32 من الجرحى")?"""
    m = _SUBSET.match(text, end)
    return bool(m) and m.group(1) in _TOLL_GROUPS


# a running total since some start: "منذ يونيو 2012"، "إجمالي"، "ليرتفع عدد"، "حتى الآن"
_RUNNING = re.compile(
    r"(?<!\S)(?:منذ|اجمالي|الاجمالي|واجمالي|مجموع|ليرتفع|ليصل|يصل|ليصبح|حتي الان)(?!\S)"
)


def running_total(text: str) -> bool:
    """Does the sentence tell a running total (cases since 2012), not a day's count?"""
    return bool(_RUNNING.search(text))


# "20 جريحا في حالة حرجة"، "ثلاثة منهم إصاباتهم بالغة": the badly hurt, some of the injured
_STATE = re.compile(
    r"^(?:ال)?(?:حاله|حالات|حالته|حالتهم|حالتها|اصابات|اصاباتهم|اصابته|اصابتها|"
    r"جروح|بجروح|جروحهم|وضع|وضعهم)$"
)
_GRAVE = re.compile(r"^[«\"']?(?:ال)?(?:حرجه|خطيره|خطره|بالغه|بليغه)[»\"']?$")
SEVERE_REACH = 10  # words after the number searched for its state


def in_grave_state(words: list[str]) -> bool:
    """Do these words (the ones after a number, nearest first) put it in a grave state
    ("في حالة خطرة"، "إصاباتهم بالغة") before another number or the clause's end?"""
    numbers = lexicon().number_words
    for k, word in enumerate(words):
        if (k and (word[:1].isdigit() or word in numbers)) or _CLAUSE_MARK.search(word):
            return False
        if _STATE.match(word) and any(_GRAVE.match(w) for w in words[k + 1 : k + 3]):
            return True
    return False


def severe_count(text: str, end: int) -> bool:
    """Does the number count the badly hurt ("في حالة حرجة"، "إصاباتهم بالغة") rather than
    all the injured? The state must follow in its clause, before any other number."""
    words = text[end : end + 120].split()[:SEVERE_REACH]
    numbers = lexicon().number_words
    days = _weekday_words()
    for k, word in enumerate(words):
        if k and (word[:1].isdigit() or (word in numbers and word not in days)):
            return False  # another number's state (الاثنين is Monday here, not two)
        if _CLAUSE_MARK.search(word):
            return False  # the clause ends here
        if _STATE.match(word) and any(
            _GRAVE.match(w.strip("،,؛;:.")) for w in words[k + 1 : k + 4]
        ):
            return True
    return False


# a count the report itself tells as an earlier one: "في حصيلة أولية"، "الحصيلة السابقة"،
# "قال في وقت سابق إن ..."
_REPORTED = r"(?:تحدث|قال|ذكر|افاد|اعلن|اكد|اشار|صرح|نقل|قدر|رجح|اورد|احص)\S*"
_EARLIER = re.compile(
    r"(?<!\S)(?:في وقت سابق|سابقا|[وف]?(?:ال|ب|لل)?حصيل\S*\s+(?:\S+\s+)?(?:ال)?(?:اوليه|سابقه)"
    # "وذلك بعدما كانت تحدثت مصادر عن 20 قتيلا"، "قد صرح قبلها بأنهم أحصوا ثمانية قتلى"
    rf"|(?:بعدما|بعد ان) كان\S*\s+(?:\S+\s+)?(?:{_REPORTED}|\S*حصيل\S*)|{_REPORTED}\s+قبل(?:ها|ذلك))"
    r"(?![^\s.,،؛:])"  # a word ends at a space or a mark (في حصيلة أولية، في حين)
)


def told_as_earlier(text: str) -> bool:
    """Do the words around a number tell it as an earlier count ("وكانت حصيلة سابقة
    تفيد عن ثمانية قتلى", "قال في وقت سابق إن")?"""
    return _EARLIER.search(text) is not None


# another source's number set against the first in one sentence: "مقتل 20 طالبا، فيما
# تحدث مصدر ثالث عن 25 قتيلا"، "بينما أفادت مصادر في الجيش بأن ..."
_RIVAL = re.compile(rf"(?<!\S)(?:[وف]?(?:فيما|بينما)|في حين|وفي حين)\s+(?:\S+\s+)?{_REPORTED}")


def voice_at(text: str, start: int) -> int:
    """How many other sources' numbers the sentence has set against the first when it
    reaches ``start`` (0: the sentence's own voice). "أكد مصدر مقتل 20 طالبا، فيما تحدث
    مصدر ثالث عن 25 قتيلا": the 25 is the third source's, a report of their
    disagreement, not the article contradicting itself."""
    return sum(1 for m in _RIVAL.finditer(text, 0, start) if m.end() <= start)


_NEW = frozenset({"جديده", "جديد", "جديدتين", "جديدتان", "جديدين", "جديدان"})
NEW_REACH = 4  # words after the number searched for "جديدة"


def new_count(text: str, end: int) -> bool:
    """Does "جديدة" follow the number's noun (4 حالات إصابة جديدة)?"""
    words = text[end : end + 60].split()[:NEW_REACH]
    for w in words:
        if w in _NEW:
            return True
        if w in ("،", ",", "و") or w[:1].isdigit():
            break
    return False


# what an attack struck or what crashed: two reports of one story whose sentences name
# only different ones are about different incidents (the truck bomb in a residential
# district and the police academy of one day in Kabul)
_TARGETS = frozenset({
    "مسجد", "جامع", "كنيسه", "حسينيه", "اكاديميه", "كليه", "مدرسه", "جامعه", "مستشفي",
    "فندق", "سفاره", "قنصليه", "مطار", "ميناء", "سوق", "قاعده", "معسكر", "ثكنه", "حاجز",
    "سجن", "مصنع", "ملعب", "مطعم", "مقهي", "عرس", "جنازه", "موكب", "حافله", "قطار",
    "طائره", "مروحيه", "سفينه", "عباره", "شاحنه", "حي",
})  # fmt: skip
# a count of several incidents together: "سلسلة من الهجمات"، "موجة التفجيرات" (موجة alone
# is also "addressed to")
_SEVERAL = frozenset({"سلسله", "هجمات", "تفجيرات", "اعتداءات", "هجومين", "تفجيرين"})
# "أكثر التفجيرات دموية"، "أحد الهجمات": one of several, told alone (normalised)
_ONE_OF = frozenset({"اكثر", "اعنف", "اشد", "اخطر", "اكبر", "احد", "اخر", "اول", "ثاني"})
_PREFIX = r"(?<!\S)(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?"
_TARGET = re.compile(_PREFIX + f"({'|'.join(sorted(_TARGETS, key=len, reverse=True))})(?!\\S)")
_SEVERAL_RE = re.compile(
    _PREFIX + f"(?:{'|'.join(sorted(_SEVERAL, key=len, reverse=True))})(?!\\S)"
)


def incident_marks(text: str) -> tuple[frozenset[str], bool]:
    """What the sentence says was struck (``_TARGETS``, behind any clitics: بمسجد،
    والشاحنة), and whether it counts several incidents together (``_SEVERAL``)."""
    return frozenset(_TARGET.findall(text)), _counts_several(text)


def _counts_several(text: str) -> bool:
    """Does the sentence count several incidents together (not "the deadliest of the
    bombings", one of them told alone)?"""
    for m in _SEVERAL_RE.finditer(text):
        before = text[: m.start()].split()
        if not before or before[-1] not in _ONE_OF:
            return True
    return False


def same_incident(a: tuple[frozenset, bool], b: tuple[frozenset, bool]) -> bool:
    """May two sentences be about one incident: not one of several against one alone,
    and not only different targets named?"""
    (ta, several_a), (tb, several_b) = a, b
    if several_a != several_b:
        return False
    return not (ta and tb and not ta & tb)
