"""What a count covers, read from the words beside it in its normalised sentence.

- ``period_near``: the span of time it is counted over ("خلال أسبوعين", "في الساعات الـ24
  الأخيرة"): 400 injured in one week and 400 in two weeks are two figures.
- ``subset_of_toll``: "32 من الجرحى" counts some of the injured (those still in hospital,
  those in a critical state), never the toll itself.
- ``severe_count``: "20 جريحا في حالة حرجة" counts the badly hurt, not all the injured.
- ``new_count``: "4 حالات إصابة جديدة" is one bulletin's new cases, not the running total
  that outlets keep repeating for days (``running_total``: "منذ يونيو 2012 إلى 1059 حالة").
- ``told_as_earlier``: "وكانت حصيلة سابقة تفيد عن ثمانية قتلى" cites an earlier count;
  ``told_as_first``: "وحسب المعلومات الأولية" gives a first one; ``stated_before``: "وكان
  المتحدث قد صرح بأن" tells a statement made before; ``recalls_an_incident``: "التفجير
  الذي أسفر عن مقتل 32" recalls an incident's toll; ``follows_another``: "ويأتي الهجوم
  بعد ... مقتل نحو عشرة" tells an earlier incident's.
- ``voice_at``: "فيما تحدث مصدر ثالث عن 25 قتيلا" gives another source's number, set
  against the sentence's own: a disagreement the article reports, not one it makes;
  ``rebuts_a_toll``: "أما حزب العمال فتحدث عن مقتل خمسة أشخاص فقط" answers a toll.
- ``increment_of_toll``: "بعد انتشال 11 جثة جديدة" is what a toll rose by;
  ``light_count``: "وخمسة آخرين إصاباتهم طفيفة" the lightly hurt, some of the injured.
- ``tells_of_war``: a sentence naming raids, clashes or the armed sides ("في غارات
  للطيران الحربي") tells of a war's fighting.
- ``incident_marks`` / ``same_incident``: what the sentence says was struck (a mosque, a
  truck, a police academy) and whether it counts a series of attacks: leading tolls of
  sentences naming only different targets are different incidents.

The text is ``normalize``d (ة→ه, ى→ي, أ→ا), so the patterns are written that way.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .normalize import normalize_word
from .rules import event_of

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


# the bodies or deaths a toll rose by, not the toll: "ارتفع عدد الضحايا إلى 31 قتيلا بعد
# انتشال 13 جثة"، "انتشلوا 11 جثمانا آخر ... لترتفع حصيلة القتلى إلى 29" (normalised)
_RISE = re.compile(
    r"(?<!\S)[وفل]?(?:ا|ي|ت|لي|لت)?(?:رتفع|رتفاع|رتفعت)\S*\s+(?:\S+\s+)?"
    r"(?:ال)?(?:عدد|اعداد|حصيل\S*|ضحايا|قتلي|وفيات|شهداء)(?!\S)"
)  # a toll's rise, not "ارتفعت أسعار النفط بعد مقتل 20 شخصا"
_INCREMENT_CAUSE = re.compile(
    r"(?<!\S)[وف]?(?:بعد|اثر|عقب)\s+(?:\S+\s+)?(?:ال)?(?:انتشال|العثور|عثور|وفاه|موت|مقتل"
    r"|استشهاد|سقوط)(?:\s+\S+)?\s*$"
)
_MORE_OF = frozenset({"اخر", "اخري", "اخرين", "اخرون", "جديده", "جديد", "جديدين", "اضافيه",
                      "اضافي", "اضافيين"})  # fmt: skip
_BODIES = re.compile(r"^(?:جث[ةه]|جثث|جثمان\S*|جثامين)$")
INCREMENT_REACH = 40  # characters before a number searched for what caused a rise


def increment_of_toll(text: str, start: int, end: int) -> bool:
    """Is the number at ``start:end`` of a normalised sentence that tells a toll's rise
    the count it rose by ("بعد انتشال 13 جثة"، "11 جثمانا آخر"), not the toll?"""
    if _RISE.search(text) is None:
        return False
    if _INCREMENT_CAUSE.search(text, max(0, start - INCREMENT_REACH), start):
        return True
    # more bodies: "11 جثمانا آخر" (not "وأصيب 20 آخرون": the injured, told after the dead)
    after = [w.strip(_AROUND_WORDS) for w in text[end : end + 40].split()[:2]]
    return len(after) == 2 and _BODIES.match(after[0]) is not None and after[1] in _MORE_OF


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
    return _in_state(words, _GRAVE)


def _in_state(words: list[str], state: re.Pattern) -> bool:
    """Do these words put the number before them in the ``state`` that pattern matches
    (grave, light), before another number or the clause's end?"""
    numbers = lexicon().number_words
    days = _weekday_words()
    for k, word in enumerate(words):
        if k and (word[:1].isdigit() or (word in numbers and word not in days)):
            return False  # another number's state (الاثنين is Monday here, not two)
        if _CLAUSE_MARK.search(word):
            return False  # the clause ends here
        if _STATE.match(word) and any(state.match(w.strip("،,؛;:.")) for w in words[k + 1 : k + 4]):
            return True
    return False


def severe_count(text: str, end: int) -> bool:
    """Does the number count the badly hurt ("في حالة حرجة"، "إصاباتهم بالغة") rather than
    all the injured? The state must follow in its clause, before any other number."""
    return in_grave_state(text[end : end + 120].split()[:SEVERE_REACH])


# "وخمسة آخرين إصاباتهم طفيفة": the lightly hurt, some of the injured as the badly hurt are
# (their injuries: "أصيب 10 أشخاص بجروح طفيفة" may be the whole toll, all lightly hurt)
_LIGHT = re.compile(r"^[«\"']?(?:ال)?(?:طفيفه|بسيطه|خفيفه)[»\"']?$")
_THEIR_STATE = re.compile(r"^(?:اصاباتهم|اصابتهم|اصاباتهما|جروحهم|حالتهم|حالاتهم)$")


@cache
def _hostility_words() -> frozenset[str]:
    return frozenset(lexicon().cues.get("hostility", ()))


def tells_of_war(text: str) -> bool:
    """Does a normalised sentence name a war's fighting: raids, shelling, clashes, fronts
    or the armed sides (the ``hostility`` cues: "في غارات للطيران الحربي"، "اشتباكات مع
    الحوثيين"), behind a conjunction and a preposition (وبالقصف)?"""
    words = _hostility_words()
    for w in text.split():
        w = w.strip(_AROUND_WORDS)
        if w in words:
            return True
        w = w[1:] if w[:1] in "وف" else w
        if w in words or (w[:1] in "بل" and w[1:] in words):
            return True
    return False


def light_count(text: str, end: int) -> bool:
    """Does the number count the lightly hurt ("إصاباتهم طفيفة"), some of the injured? Not
    "تراوحت إصابتهم بين البسيطة والمتوسطة" (all of them, in several states)."""
    words = text[end : end + 120].split()[:SEVERE_REACH]
    for k, word in enumerate(words):
        if (
            _THEIR_STATE.match(word)
            and k + 1 < len(words)
            and _LIGHT.match(words[k + 1].strip("،,؛;:."))
        ):
            return _in_state(words[: k + 2], _LIGHT)
    return False


# a verb of saying, in its past forms (قال، قالت، قالوا); not نقل, which also carries the
# hurt, nor ذكرى, an anniversary
_REPORTED = (
    r"(?:تحدث|قال|ذكر|افاد|اعلن|اكد|اشار|صرح|قدر|رجح|اورد)(?:ت|وا|ا|تا)?(?![^\s.,،؛:])"
    r"|احص(?:ي|ت|وا|ينا)(?![^\s.,،؛:])"
)
# a count the report itself tells as an earlier one: "في حصيلة أولية"، "الحصيلة السابقة"،
# "قال في وقت سابق إن ..."
_EARLIER = re.compile(
    r"(?<!\S)(?:[وف]?في وقت سابق|سابقا|[وف]?(?:ال|ب|لل)?حصيل\S*\s+(?:\S+\s+)?(?:ال)?(?:اوليه|سابقه)"
    # "وذلك بعدما كانت تحدثت مصادر عن 20 قتيلا"، "قد صرح قبلها بأنهم أحصوا ثمانية قتلى"
    rf"|(?:بعدما|بعد ان) كان\S*\s+(?:\S+\s+){{0,2}}(?:{_REPORTED}|\S*حصيل\S*)"
    rf"|(?:{_REPORTED})\s+قبل(?:ها|\s+ذلك))"
    r"(?![^\s.,،؛:])"  # a word ends at a space or a mark (في حصيلة أولية، في حين)
)


def retold_after_a_count(text: str, start: int) -> bool:
    """Does the sentence tell an earlier count at ``start`` after a count of its own:
    "ارتفعت الحصيلة الى 15 قتيلا، وكانت الحصيلة السابقة تفيد عن ثمانية قتلى" (not "ذكر
    مسؤولون في وقت سابق أن أربعة قتلوا ... وثلاثة", one earlier statement's list)?"""
    marks = list(_EARLIER.finditer(text, 0, start))
    if not marks:
        return False
    numbers = lexicon().number_words
    return any(w.group()[:1].isdigit() or _PROCLITIC.sub("", w.group()) in numbers
               for w in _WORD.finditer(text, 0, marks[-1].start()))  # fmt: skip


# a count a report gives as its first: "وحسب المعلومات الأولية، فإن نحو 17 شخصا"، "تشير
# التقديرات الأولية إلى مقتل 20"، "كحصر أولي"، "في تقرير مبدئي" (normalised)
_FIRST = re.compile(
    r"(?<!\S)[وفك]?(?:ال|ب|لل)?(?:معلومات|معطيات|تقديرات|احصائيات|احصاءات|احصائيه|ارقام|تقرير"
    r"|تقارير|حصر|احصاء)\s+(?:\S+\s+)?(?:ال)?(?:اولي|اوليه|مبدئي|مبدئيه)(?![^\s.,،؛:])"
)
FIRST_WORDS = 4  # words at most between "the first information" and the number it gives
FIRST_SAID_WORDS = 10  # ... or, when a verb of saying comes between, this many
_SAYING = re.compile(rf"(?:{_REPORTED})|(?:ت|ي)(?:شير|فيد|ذكر|وكد|ؤكد)(?![^\s.,،؛:])")


def told_as_first(text: str, start: int) -> bool:
    """Does a normalised sentence give the number at ``start`` as a first count ("وحسب
    المعلومات الأولية، فإن نحو 17"، "وكانت المعلومات الأولية التي وردت ... قد أشارت إلى
    جرح 7")? The first number after the phrase must come within ``FIRST_WORDS`` words
    (``FIRST_SAID_WORDS`` with a verb of saying between); the numbers told with it
    ("مقتل 278 وإصابة 356") are first counts too. A clause of its own between ("أكدت
    المعلومات الأولية أن المسلح من أصل أردني ... قتل 4") tells of something else."""
    numbers = lexicon().number_words
    for m in _FIRST.finditer(text, max(0, start - 160), start):
        between = []
        for w in text[m.end() : start].split():
            if w[:1].isdigit() or _PROCLITIC.sub("", w) in numbers:
                break  # the first number it gives: those told with it are given too
            between.append(w)
        reach = FIRST_SAID_WORDS if _SAYING.search(" ".join(between)) else FIRST_WORDS
        if len(between) > reach:
            continue
        # "أن" may open the count itself ("تشير المعلومات الأولية إلى أن 17"), not a
        # clause of something else ("أن المسلح ...")
        if any(w in ("ان", "بان") and k < len(between) - 1 for k, w in enumerate(between)):
            continue
        return True
    return False


# "وكان المتحدث الأمني قد صرح بأنه ... نتج عنه استشهاد عشرة"، "وكانت وزارة الداخلية أعلنت
# في بيان ... أن 15 شخصا قتلوا": a statement the report tells as made before (the
# pluperfect, with قد or without), up to a mark that turns to the report's own count ("،
# فيما ارتفعت حصيلة شهداء هذه الجريمة إلى 12")
_STATED_BEFORE = re.compile(
    rf"(?<!\S)[وف]?كان(?:ت|وا|تا)?\s+(?:[^\s،,؛:.]+\s+){{0,6}}?(?:قد\s+)?"
    rf"(?<!كما )(?<!حسبما )(?<!مثلما )(?:{_REPORTED})"
)  # (not "كانون الثاني اعلنت", "كان آخرها، حسبما أعلن", "بينما كان ...، قال شاهد")
_SENTENCE_END = r"(?<!\d)\.(?!\d)|[!?؛;؟]"  # (not a decimal point) a splitter may miss ".أما"
_TURN = re.compile(
    r"(?<!\S)(?:[وف]?(?:فيما|بينما|ثم|لكن\S*|الا ان|غير ان|اما)|في حين|وفي حين|[وف]?اليوم"
    rf"|[وف]?الان)(?!\S)|{_SENTENCE_END}"  # or the sentence ends
)


def stated_before(text: str, start: int) -> bool:
    """Is the number at ``start`` of a normalised sentence in a statement the report tells
    as made before ("وكان المتحدث قد صرح بأن ... عشرة"، "وكانت الشرطة أعلنت الخميس مقتل
    19"), not past a turn to its own news
    ("فيما ارتفعت الحصيلة إلى 12")?"""
    marks = list(_STATED_BEFORE.finditer(text, 0, start))
    if not marks:
        return False
    return _TURN.search(text, marks[-1].end(), start) is None


# a toll recalled as an incident's, not told as news: "الهجوم الانتحاري الذي أوقع 32
# قتيلا"، "بعد مقتل 32 شخصا في تفجير"، "غداة هجوم ... أسفر عن مقتل 32" (normalised)
_INCIDENT_NOUNS = (
    r"(?:هجوم|هجمات|هجومين|تفجير|تفجيرات|تفجيرين|اعتداء|اعتداءات|اعتداءين|حادث|حادثه|حوادث"
    r"|مجزره|انفجار|انفجارين|غاره|غارات|عمليه|قصف|زلزال|غرق|حريق|تحطم|اصطدام|مقتل|سقوط"
    r"|مصرع|وفاه|استشهاد)"
)
_INCIDENT = re.compile(rf"^[وفبل]?(?:ال|لل)?{_INCIDENT_NOUNS}$")
_RELATIVE = re.compile(r"(?<!\S)[وف]?(?:الذي|التي)(?!\S)")
_AFTER = re.compile(r"(?<!\S)(?:[وف]?(?:بعد|عقب|غداه|اثر)|[وف]?في اعقاب|علي خلفيه)(?!\S)")
_END = re.compile(_SENTENCE_END)
RECALL_REACH = 100  # characters before a number searched for what recalls its incident
RECALL_WORDS = 8  # words before "الذي" searched for the incident it tells of ...
AFTER_WORDS = 5  # ... and after "بعد" for the incident it follows


def recalls_an_incident(text: str, start: int) -> bool:
    """Is the number at ``start`` of a normalised sentence an incident's toll recalled (an
    incident named up to ``RECALL_WORDS`` words before a relative clause: "تفجير مسجد
    قوات الطوارئ بمدينة أبها جنوب، الذي أسفر عن"; or بعد، عقب، غداة، إثر، في أعقاب، على
    خلفية and an incident within ``AFTER_WORDS`` words: "فبعد مرور شهرين فقط على وفاة"),
    in its own sentence, rather than told as news? Not "التحالف الذي تقوده المملكة"،
    "المتحدث الذي طلب عدم ذكر اسمه"، "منذ" (a running total), "بعد تحرير عدن"."""
    sentence_start = max((m.end() for m in _END.finditer(text, 0, start)), default=0)
    lo = max(sentence_start, start - RECALL_REACH)
    for m in _RELATIVE.finditer(text, lo, start):
        before = text[sentence_start : m.start()].split()[-RECALL_WORDS:]
        if any(_INCIDENT.match(w.strip(_AROUND_WORDS)) for w in before):
            return True
    for m in _AFTER.finditer(text, lo, start):
        after = text[m.end() : start].split()[:AFTER_WORDS]
        if any(_INCIDENT.match(w.strip(_AROUND_WORDS)) for w in after):
            return True
    return False


# the sentence's own incident told as coming after others: "ويأتي الهجوم بعد أقل من أسبوع
# من مقتل نحو عشرة أشخاص"، "والهجوم على سيفاري هو الثالث من نوعه ... بعد هجومين أوقعا 13
# قتيلا" (normalised)
_COMES = re.compile(r"(?<!\S)[وف]?(?:ياتي|تاتي|جاء|جاءت)(?!\S)|(?<!\S)من نوعه(?![^\s.,،؛:])")


def follows_another(text: str, start: int) -> bool:
    """Is the number at ``start`` of a normalised sentence the toll of an earlier incident
    the sentence's own comes after ("ويأتي الهجوم بعد ... من مقتل نحو عشرة"، "هو الثالث من
    نوعه ... بعد هجومين أوقعا 13 قتيلا"): بعد، عقب، إثر after "يأتي" or "من نوعه" in its
    own sentence, and the number after them? Such a count is not what its report leads
    with."""
    sentence_start = max((m.end() for m in _END.finditer(text, 0, start)), default=0)
    after = [m for m in _AFTER.finditer(text, sentence_start, start)]
    if not after:
        return False
    return _COMES.search(text, sentence_start, after[-1].start()) is not None


def told_as_earlier(text: str) -> bool:
    """Do the words around a number tell it as an earlier count ("وكانت حصيلة سابقة
    تفيد عن ثمانية قتلى", "قال في وقت سابق إن")?"""
    return _EARLIER.search(text) is not None


EARLIER_OPENING = 24  # characters at a sentence's start that may tell it all as earlier


def opens_as_earlier(sentence: str, start: int) -> bool:
    """Does a normalised sentence open by telling what follows as said earlier ("وفي وقت
    سابق اشارت مصادر عسكرية ... الى مقتل ثمانية اشخاص هم ثلاثة عسكريين"), with no
    clause of its own between that and the number at ``start``?"""
    m = _EARLIER.search(sentence)  # (not cut at the opening: a word must end where it does)
    if m is None or m.start() >= EARLIER_OPENING:
        return False
    after = m.end() + len(sentence[m.end() : start]) - len(sentence[m.end() : start].lstrip(" ،,"))
    return not _CLAUSE_BREAK.search(sentence, after, start)  # ("وفي وقت سابق، قال ...")


# another source's number set against the first in one sentence: "مقتل 20 طالبا، فيما
# تحدث مصدر ثالث عن 25 قتيلا"، "بينما أفادت مصادر في الجيش بأن ..."
_RIVAL = re.compile(rf"(?<!\S)(?:[وف]?(?:فيما|بينما)|في حين|وفي حين)\s+(?:\S+\s+)?(?:{_REPORTED})")


# another side's smaller count set against a report's toll: "أما حزب العمال فتحدث عن مقتل
# خمسة أشخاص فقط"، "لكن قائد الجيش تحدث عن مقتل ثمانية جنود فقط"، "لم يقتل سوى خمسة" (normalised)
_TURNING = re.compile(
    r"(?<!\S)(?:[وف]?(?:لكن\S*|اما|بينما|فيما|خلافا)|[وف]?(?:الا|غير) ان|في حين|وفي حين"
    r"|في المقابل|بالمقابل)(?!\S)"
)
_ONLY_AFTER = re.compile(r"\s*(?:(?![و0-9])\S+\s+){0,2}?[«\"]?فقط(?![^\s.,،؛:»\"])")
_ONLY_BEFORE = re.compile(r"(?<!\S)(?:سوي|الا)\s*$")
_SAID = re.compile(rf"(?<!\S)[وف]?(?:{_REPORTED}|نفي|نفت|يقول|تقول)")


def rebuts_a_toll(text: str, start: int, end: int) -> bool:
    """Is the number at ``start:end`` of a normalised sentence another side's count, told
    as only so many ("فقط" after it, or "سوى" before it) after a turn to its speaker
    ("أما ... فتحدث"، "لكن ... قال"): a disagreement the report tells, not its own toll?"""
    only = _ONLY_AFTER.match(text, end) or _ONLY_BEFORE.search(text, max(0, start - 12), start)
    if not only:
        return False
    turn = _TURNING.search(text, 0, start)
    return turn is not None and _SAID.search(text, turn.end(), start) is not None


def voice_at(text: str, start: int) -> int:
    """How many other sources' numbers the sentence has set against the first when it
    reaches ``start`` (0: the sentence's own voice). "أكد مصدر مقتل 20 طالبا، فيما تحدث
    مصدر ثالث عن 25 قتيلا": the 25 is the third source's, a report of their
    disagreement, not the article contradicting itself."""
    return sum(1 for _ in _RIVAL.finditer(text, 0, start))


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
    "طائره", "مروحيه", "سفينه", "عباره", "شاحنه", "حي", "باص", "اتوبيس",
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


# one target said two ways (كلية الشرطة is the police academy; a helicopter is an aircraft;
# a باص and a أتوبيس are a حافلة: "حادث مروري بين شاحنة وباص" is the bus of "لحافلة")
_SAME_TARGET = {"كليه": "اكاديميه", "مروحيه": "طائره", "معسكر": "قاعده", "ثكنه": "قاعده",
                "جامع": "مسجد", "باص": "حافله", "اتوبيس": "حافله"}  # fmt: skip
# where the hurt are taken, the bomber was held, the district: no target of its own
_WEAK_TARGETS = frozenset({"مستشفي", "سجن", "حي"})
INCIDENT_BEFORE = 90  # characters before a number searched for what was struck ...
INCIDENT_AFTER = 110  # ... and after it, within its clause
_WORD = re.compile(r"\S+")
_PROCLITIC = re.compile(r"^[وف]")  # one conjunction before a word (واحد stays one)
_TOLLS = frozenset({"killed", "died", "injured", "casualties"})
_CLAUSE_BREAK = re.compile(r"[،؛;.!?]|(?<!\S)[وف]?لكن\S*")


# "في حوادث أمنية منفصلة"، "بحوادث عنف منفصلة"، "في أحداث منفصلة"، "في حوادث متفرقة": a
# day's round-up of separate incidents (normalised)
_ROUNDUP_RE = re.compile(
    r"(?<!\S)[بف]?(?:ال)?(?:حوادث|احداث)(?:\s+\S+)?\s+(?:ال)?(?:منفصله|متفرقه)(?!\S)"
)


def rounds_up(text: str) -> bool:
    """Does a normalised sentence count separate incidents together, a day's round-up
    ("لقي 6 أشخاص مصرعهم ... في حوادث أمنية منفصلة في بغداد")?"""
    return _ROUNDUP_RE.search(text) is not None


def incident_marks(
    text: str, start: int | None = None, end: int | None = None
) -> tuple[frozenset[str], bool, frozenset[str]]:
    """What the sentence says was struck (``_TARGETS``, behind any clitics: بمسجد،
    والشاحنة), whether it counts several incidents together (``_SEVERAL``), and the places
    it names (``places_named``). With the number's ``start`` and ``end``, only its own
    clause is read: "هجوم أول أوقع 15 قتيلا في منطقة سكنية لكنها تبنت الاعتداء الثاني ...
    كلية الشرطة" names no target of the 15."""
    if start is not None and end is not None:
        lo, hi = max(0, start - INCIDENT_BEFORE), min(len(text), end + INCIDENT_AFTER)
        breaks = [
            m for m in _CLAUSE_BREAK.finditer(text, lo, hi) if not _in_number(text, m.start())
        ]
        lo = max([b.start() for b in breaks if b.start() < start], default=lo)
        # after the number a comma often opens what it tells of: "وقتل 15 شخصا في وقت
        # سابق أمس، في هجوم بشاحنة مفخخة"
        hi = min([b.start() for b in breaks if b.start() >= end and b.group() not in "،,"],
                 default=hi)  # fmt: skip
        # nor on past the next count joined by و and told of something else: "ارتفاع
        # الشهداء إلى 15 وإخلاء 8 مصابين بطائرة" (the aircraft carried the 8; not "قتل 15
        # وأصيب 8 في هجوم على مسجد", nor "17 شخصا هم 12 جنديا ... في تحطم مروحية")
        lex = lexicon()
        previous = ""
        for word in _WORD.finditer(text, end, hi):
            token = _PROCLITIC.sub("", word.group())
            joined = word.group().startswith("و") or previous.startswith("و")
            if (token[:1].isdigit() or token in lex.number_words) and joined:
                told = event_of(lex, previous) if previous.startswith("و") else None
                if told is None or told[0] not in _TOLLS:
                    hi = word.start()
                break
            previous = word.group()
        text = text[lo:hi]
    targets = frozenset(_SAME_TARGET.get(t, t) for t in _TARGET.findall(text))
    return targets, _counts_several(text), places_named(text)


# a place after these is where someone was headed, what a border faces, where a road
# leads or a body has its seat, not where the count happened: "متوجهين إلى كوباني"،
# "الحدودية مع سوريا"، "بطريق مكة غربي القويعية"، "ومقره لندن" (normalised); "من" is
# where someone came from, but not in "في كل من الرياض وجدة"
_NOT_THERE = frozenset({"الي", "نحو", "مع", "تجاه", "صوب", "حدود", "الحدود", "عن", "من", "طريق",
                        "بطريق", "وطريق", "مقره", "ومقره", "مقرها", "ومقرها"})  # fmt: skip
# ... nor is a place named as who speaks, acts or is helped, or where someone was born,
# up to two words after these: "بحسب أنقرة"، "أعلنت دولة الإمارات"، "اتهمت باكستان"،
# "مؤيدون لروسيا"، "من مواليد الكويت" (not "أدانت تفجير الكويت": the place of the attack;
# nor ولد, which is also a boy)
_ACTOR = frozenset(normalize_word(w) for w in (
    "بحسب", "حسب", "وفق", "وفقا", "قالت", "وقالت", "أعلنت", "وأعلنت", "اتهمت", "واتهمت",
    "أكدت", "وأكدت", "ذكرت", "وذكرت", "أفادت", "وأفادت", "نقلت", "طالبت", "دعت",
    "مؤيدون", "مؤيدين", "موالون", "موالين", "الموالية", "الموالين", "المؤيدين",
    "مواليد", "لصالح"))  # fmt: skip
# a place named right after another and one of these is where the first lies from, not
# where the count happened: "في ولاية لوغار جنوب كابل" (not "في جنوب لبنان")
_FROM_PLACE = frozenset({"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"})
# "جنوبي العاصمة كابل" (not "مدينة": "بلدتي الوهط وصبر التابعتين لمحافظة لحج شمال مدينة
# عدن" is told elsewhere as "حي صبر شمالي عدن", a place the gazetteer lacks)
_TOWN_WORDS = frozenset({"العاصمه"})


def _lies_from(between: list[str], last_place: str | None) -> bool:
    """Do the words ``between`` a town or region just read and the next place say where
    the first lies from that place ("لوغار جنوب كابل"، "مأرب شمال شرق صنعاء"، "لوغار
    جنوبي العاصمة كابل")? Not after a country ("سورياً شرق لبنان": the adjective)."""
    if not last_place or not lexicon().place_within.get(last_place):
        return False
    if between and between[-1] in _TOWN_WORDS:
        between = between[:-1]
    return 1 <= len(between) <= 2 and all(w in _FROM_PLACE for w in between)


PLACE_WORDS = 3  # words of the longest place form (محافظة صلاح الدين)
_AROUND_WORDS = "«»\"'()،,.:؛“”/-–—"  # quotes, brackets and marks stuck to a word


def _place_readings(word: str):
    """The readings of a word that may name a place behind its clitics: a conjunction,
    then ب (in, at: "بالرياض"); not ل, which names where someone or something went or
    belongs ("إخلاء 8 مصابين بطائرة للرياض"، "للحج" is for the Hajj), nor ك ("كسبها" is no
    سبها)."""
    yield word
    rest = word
    if len(rest) > 3 and rest[0] in "وف":
        rest = rest[1:]
        yield rest
    if len(rest) > 3 and rest[0] == "ب":
        yield rest[1:]


def _not_there(before: list[str], dash_after_skipped: bool) -> bool:
    """Do the two words ``before`` a word say it is not where a count happened: a
    destination, border, road's end, seat or origin (``_NOT_THERE``; "في كل من" lists
    places), a speaker, actor or birthplace (``_ACTOR``), or a road's far end after a
    dash ("طريق الجوف - تبوك": the dash strips to an empty word)?"""
    if not before:
        return False
    last = before[-1]
    if last in _NOT_THERE and not (last == "من" and before[0] == "كل"):
        return True
    return bool(_ACTOR & set(before)) or (not last and dash_after_skipped)


def places_named(text: str) -> frozenset[str]:
    """The places a normalised clause names (``places.tsv``: بالرياض، في باكستان، شمال
    سيناء), less those it tells as a destination, a border, a road's end, a body's seat
    or an origin (``_NOT_THERE``), and those named as who speaks, acts or is helped, or
    as a birthplace (``_ACTOR``), or as where another place lies from (``_FROM_PLACE``)."""
    lex = lexicon()
    words = [w.strip(_AROUND_WORDS) for w in text.split()]
    found = set()
    skipped: set[int] = set()
    place_end, last_place = -1, None  # where the last place read ends, and which it is
    k = 0
    while k < len(words):
        if _not_there(words[max(0, k - 2) : k], k - 2 in skipped) or (
            0 <= place_end < k <= place_end + 3 and _lies_from(words[place_end:k], last_place)
        ):
            skipped.add(k)
            k += 1
            continue
        step = 1
        for base in _place_readings(words[k]):
            place = None
            # the longest form first: محافظة صلاح الدين، المدينة المنورة، خميس مشيط
            for size in range(PLACE_WORDS, 0, -1):
                if k + size <= len(words):
                    place = lex.places.get((base, *words[k + 1 : k + size]))
                    if place is not None:
                        step = size
                        break
            if place is not None:
                found.add(place)
                place_end, last_place = k + step, place
                break
        k += step
    return frozenset(found)


PLACE_DEPTH = 8  # a city, its district, region, country ... at most this deep


def _within(place: str | None, other: str) -> bool:
    """Is ``place`` ``other`` or within it (a city of its region, a region of its
    country)?"""
    within = lexicon().place_within
    for _ in range(PLACE_DEPTH):  # a lexicon that names a place within itself ends here
        if place is None:
            return False
        if place == other:
            return True
        place = within.get(place)
    return False


def places_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two clauses each name places, none the same as or within one of the other's
    (Karachi and Pakistan may be one incident's; Riyadh and Medina, Pakistan and India
    are two)?"""
    if not a or not b:
        return False
    return not any(_within(p, q) or _within(q, p) for p in a for q in b)


def _in_number(text: str, k: int) -> bool:
    """Is the mark at ``k`` a digit separator (1,500; 3.2)?"""
    return 0 < k < len(text) - 1 and text[k - 1].isdigit() and text[k + 1].isdigit()


def _counts_several(text: str) -> bool:
    """Does the sentence count several incidents together (not "the deadliest of the
    bombings", one of them told alone)?"""
    for m in _SEVERAL_RE.finditer(text):
        before = text[: m.start()].split()
        if not before or before[-1] not in _ONE_OF:
            return True
    return False


def struck(targets: frozenset[str]) -> frozenset[str]:
    """The targets of their own among ``targets`` (not a hospital, a prison, a district)."""
    return targets - _WEAK_TARGETS


def told_apart(a: tuple, b: tuple) -> bool:
    """Are two clauses surely about two incidents, whatever else joins them: each names
    a target of its own (not only a hospital, a prison, a district) and they share none?
    (Places are no such proof: a clause names where its count was reacted to or its
    victims were going as often as where it happened, "في محافظة القطيف" of the 431
    arrested; they keep only a pair apart, ``same_incident``.)"""
    ta, tb = struck(a[0]), struck(b[0])
    return bool(ta and tb and not ta & tb)


def same_incident(a: tuple, b: tuple) -> bool:
    """May two clauses (``incident_marks``) be about one incident: not each in places
    the other's are not in (``places_apart``: floods in Iran and in Pakistan, fires in
    Riyadh and in Medina), not one of several against one alone, and not only different
    targets named?"""
    (ta, several_a, pa), (tb, several_b, pb) = a, b
    if several_a != several_b or places_apart(pa, pb):
        return False
    return not (ta and tb and not ta & tb)


def incidents_apart(a: tuple, b: tuple) -> bool:
    """Are two scored numbers' clauses of two incidents (``same_incident``)? One that
    names only places (no target, no series) is told apart by its places alone."""
    if not (a[0] or a[1]) or not (b[0] or b[1]):
        return places_apart(a[2], b[2])
    return not same_incident(a, b)
