"""What a number counts and what happened: the counted entity and the event.

Both come from the words around the number in its sentence. The sentence is
tokenised like the text itself (``tokens``); clause boundaries (، ؛ :)
matter, because a cue in the number's own clause beats a nearer one across a comma.
"""

from __future__ import annotations

import re

from .lexicon import PEOPLE_CLASSES
from .normalize import normalize_word
from .rules import CLOSERS, OPENERS, TWO_WORDS, Draft, RuleBase
from .scope import in_grave_state
from .tokens import Tok, tokenize

CONTEXT_CHARS = 300
CONTEXT_TOKENS = 30
CLAUSE_MARKS = frozenset("،,؛;:()")
NO_ENTITY_KINDS = ("money", "measure", "duration", "percent", "fraction")
FALLBACK_CLASSES = ("person", "group")
# people a word names only when counted right after a number: مهاجم (attacker) is a
# striker in sport ("وانتهت وحداوية 4-صفر" beside "المهاجم موسى")
_NOT_FALLBACK = frozenset({"مهاجم"})
# ... and the forces, whose members a number counts only as "خمسة من القوات": "هاجمت
# القوات ... وقتلت 5" does not count soldiers
_FORCES = re.compile(r"^[وفبل]?(?:ال|لل)?قوات$")


def _forces(word: str) -> bool:
    """Is ``word`` (normalised) the forces (القوات، للقوات، وقوات)?"""
    return bool(_FORCES.match(word))


NO_EVENT_KINDS = ("duration",)
CHANGE_EVENTS = frozenset({"rose", "fell"})
# counted nouns that name their own outcome: 30 قتيلا، 100 جريح
CASUALTY_EVENTS = frozenset({"killed", "injured", "died", "missing"})
# what a counted noun itself says befell the counted (قتيل، جريح، متضرر، مشرد)
COUNTED_OUTCOMES = CASUALTY_EVENTS | {"affected", "displaced", "survived"}
# what is done for the hurt: the count is still of the hurt (40 إصابة received)
CARE_OF_THE_HURT = frozenset({"received", "transferred"})
# "ستة قتلى وأربعة آخرين في عداد المفقودين": others, another group than the count before
_OTHERS = frozenset({"اخرين", "اخرون", "اخري", "اخر", "اخريات"})
# nouns that count cases of an outcome named after them (حالة وفاة، حالات إصابة)
# what befell casualties afterwards: "غادر 8 مصابين المستشفى" counts the injured who
# left, not the injured; the verb right before the number beats the counted noun
AFTERCARE_EVENTS = frozenset({"left", "hospitalized", "evacuated"})
# "يتلقون العلاج": still in hospital
# "يتلقون العلاج"، "تحت العلاج"، "تخضع للعلاج"، "قيد العلاج": still being treated
_RECEIVING = frozenset({"يتلقون", "يتلقي", "تتلقي", "يتلقين", "يتلقيان", "تحت", "قيد", "تخضع",
                        "يخضعون", "يخضع", "لتلقي", "لتلقيها", "لتلقيهم"})  # fmt: skip
_CARE = frozenset({"العلاج", "علاج", "للعلاج", "الخدمه", "الرعايه"})


def _treated(word: str, following: str) -> bool:
    return word in _RECEIVING and following in _CARE


# "32 جريحا ما زالوا في المستشفى": still in hospital
_STILL = frozenset({"زالوا", "زال", "زالت", "يزالون", "يزال", "تزال", "يزالوا", "مازالوا",
                    "مازال", "مازالت", "لازالوا", "لازال", "لازالت"})  # fmt: skip
# still receiving or under treatment ("ما زالوا يتلقون العلاج"، "لا يزالون تحت العلاج")
_UNDER_TREATMENT = frozenset({"يتلقون", "يتلقي", "تتلقي", "يتلقوا", "تحت", "قيد", "يخضعون"})
# a number after these is the whole the count is some of: "29 شخصا من أصل مائة جريح"
_TOTAL_MARKS = frozenset({"اصل", "عددهم", "عددها", "عدد"})
_CLITIC = re.compile(r"^[وفب]")  # one proclitic (وبسقوط is not read: rare)
# arriving or departing, as an adjective of the counted noun (normalised)
_DIRECTION = {
    **dict.fromkeys(("قادمه", "قادمين", "قادمون", "القادمه", "القادمين", "الوافدين", "وافده",
                     "الواصلين", "واصلين"), "arrived"),
    **dict.fromkeys(("مغادره", "مغادرين", "مغادرون", "المغادره", "المغادرين"), "left"),
}  # fmt: skip
GRAVE_REACH = 5  # words after a number (its noun, منهم, في) searched for a grave state
_UP_TO = frozenset({"الي", "لـ", "ل"})  # ارتفع عدد الشهداء الى 15 والمصابين الى 40
_LOST = frozenset({"فقد", "فقدوا", "فقدت", "فقدا"})  # lost (after a proclitic), normalised
# "فقد 9 صحافيين حياتهم": the lives they lost (normalised)
_LIVES = frozenset({"حياته", "حياتها", "حياتهم", "حياتهما", "ارواحهم", "ارواحهن", "روحه", "ارواح"})
# "فقدوا أعمالهم": the jobs they lost (normalised)
_JOBS = frozenset({"اعمالهم", "عملهم", "عمله", "وظائفهم", "وظيفته", "وظائفها", "وظائف", "اعمالها"})
_FALLING = frozenset({"سقوط", "سقط", "سقطت"})  # fell (a noun, a verb), normalised
LIVES_REACH = 4  # words after the number searched for the lives lost
JOBS_REACH = 10  # ... and for the jobs lost, past who lost them
ABOARD_REACH = 4  # words after a counted noun searched for "كانوا على متن"
BEFELL_REACH = 6  # ... and then for what befell them ("لاقوا حتفهم")
_WERE = frozenset({"كانوا", "كان", "وكانوا", "كانت", "وفتاه", "وامراه", "وطفلا"})
_ON_BOARD = frozenset({"متن", "متنه", "متنها", "ظهر", "القارب", "المركب", "السفينه", "العباره",
                       "الحافله", "الطائره", "القطار", "الزورق"})  # fmt: skip
HOSPITAL_REACH = 14  # words after the number searched for "ما زالوا في المستشفى"


# heads of an organisation's name: the noun after one names it (حزب العمال، جبهة النصرة)
ORGANIZATION_HEADS = frozenset({"حزب", "جبهه", "حركه", "منظمه", "نقابه", "اتحاد", "جمعيه",
                                "تنظيم", "هيئه", "مجلس", "رابطه"})  # fmt: skip
CASE_NOUNS = frozenset({"حاله", "حالة"})
TOTAL_WORDS = frozenset({"عدد", "مجمل", "اجمالي", "مجموع", "حصيله"})  # normalised
_NEGATIONS = frozenset({"لا", "لم", "لن", "ولا", "ولم"})
# counted nouns whose own first letter is و, not a conjunction: "7 وفيات" (normalised)
_WAW_NOUNS = frozenset({"وفيات", "وفاه"})
_THEY_ARE = frozenset({"هم", "وهم"})  # "13 قتيلا هم أربعة جنود": they are (a list of it)
AMONG_THEM = frozenset({"بينهم", "وبينهم", "ومنهم", "منهم"}) | _THEY_ARE  # a part of the count
AMONG_REACH = 2  # words before "بينهم" searched for the toll's noun ("قتلى على الأقل")
AMONG_ITEMS = 8  # words back to "بينهم" across the items listed before a count
_QUALIFYING = frozenset({"علي", "الاقل", "اقل", "تقدير"})  # "على الأقل" between them
OF_THEM = frozenset({"منها", "منهم", "منهن"})
OF_THEM_REACH = 3  # words after a cue searched for "منها 586"
SOME_WORDS = frozenset({"عددا", "عدد", "بعض", "بعضا"})  # "some" before منهم (normalised)
# a clause of its own begins: "قال ثلاثة شهود إن أكثر من 27 شخصا قتلوا"
_COMPLEMENTIZERS = frozenset({"ان", "بان", "وان", "فان"})  # إن، أن، بأن، وأن، فإن as normalised
# "while", "whereas": what comes before them is another clause's (normalised)
_CONTRAST = frozenset({"بينما", "وبينما", "فيما", "وفيما"})
# after "، وأن" these subjects are the counted people again: "4 أشخاص ...، وأن جميعهم لقوا حتفهم"
_BACK_REFERENCES = frozenset({"جميعهم", "كلهم", "معظمهم", "اغلبهم", "غالبيتهم", "بعضهم", "هم",
                              "هولاء", "جميعها", "كلها", "معظمها", "جميع", "كل", "معظم",
                              "غالبيه", "اغلب", "بعض"})  # fmt: skip
# (and "وأن غالبية الأطفال المعتقلين": some or all of the counted, named again)


def _own_subject_next(words: list[str], k: int) -> bool:
    """Does a clause with a subject of its own open at ``words[k]``: a complementizer
    ("، وأن حصانه أصيب") not followed by words that point back to the counted ("وأن
    جميعهم لقوا حتفهم")?"""
    return (
        k + 1 < len(words) and words[k] in _COMPLEMENTIZERS and words[k + 1] not in _BACK_REFERENCES
    )


_MARKS = CLOSERS | OPENERS  # quote marks and brackets between a number and its noun

# words before "مقتل وإصابة" searched for a number that owns the pair instead
BOTH_TOLLS_REACH = 8


def _words(text: str, start: int, end: int) -> list[str]:
    """Word, number and punctuation tokens of ``text[start:end]``."""
    return [t.text for t in tokenize(text, start, end) if t.kind != "nl"]


SUBJECTED_REACH = 8  # words after a number searched for what it was subjected to (للإصابة)
_SUBJECTED = ("تعرض", "يتعرض", "تتعرض")  # was, is subjected to (تعرض، تعرضت، يتعرضون)


class Context:
    """The sentence around one claim, tokenised lazily."""

    def __init__(
        self, ex: RuleBase, toks: list[Tok], draft: Draft, s_start: int, s_end: int
    ) -> None:
        self.ex = ex
        self.toks = toks
        self.draft = draft
        self.s_start = s_start
        self.s_end = s_end
        self._before: list[str] | None = None
        self._after: list[str] | None = None

    @property
    def before(self) -> list[str]:
        """Sentence tokens before the mention, nearest first."""
        if self._before is None:
            lo = max(self.s_start, self.draft.start - CONTEXT_CHARS)
            words = _words(self.ex.norm, lo, self.draft.start)
            self._before = words[::-1][:CONTEXT_TOKENS]
        return self._before

    @property
    def after(self) -> list[str]:
        """Sentence tokens after the mention, nearest first."""
        if self._after is None:
            hi = min(self.s_end, self.draft.end + CONTEXT_CHARS)
            self._after = _words(self.ex.norm, self.draft.end, hi)[:CONTEXT_TOKENS]
        return self._after

    def entity(self) -> str | None:
        """The counted noun, as a lemma, or None: a noun of the sentence or nothing.

        Arabic writes the counted noun right after the number (17 شخصا، ثلاثة زعماء،
        10 من الجنود، عشرات القتلى); a number with ال after its noun agrees with it
        (الموقوفين الثلاثة، مديريات عدن الثماني). Only words that can be counted nouns
        qualify (``rules.counted_noun``): never a verb, a particle, a possessed noun.
        Percents, fractions, money, measures and durations count no noun.
        """
        draft = self.draft
        if draft.kind in NO_ENTITY_KINDS:
            return None
        ex = self.ex
        first = self.toks[draft.first] if draft.first < len(self.toks) else None
        number = ex.lex.number_words.get(first.text) if first is not None else None
        if (
            number is not None
            and number.article
            and draft.qualifier != "vague"
            and draft.first == draft.last
        ):
            for back in (1, 2):  # the noun before an adjectival number
                k = draft.first - back
                if k < 0 or self.toks[k].kind != "word":
                    break
                lemma = ex.counted_noun(self.toks[k].text, definite=True)
                if lemma is not None:
                    return lemma
            return None
        if number is not None and first.text in TWO_WORDS and draft.first == draft.last:
            k = draft.first - 1  # "انتحاريين اثنين": two restates the noun before it
            if k >= 0 and self.toks[k].kind == "word" and self.toks[k].text.endswith(("ين", "ان")):
                lemma = ex.counted_noun(self.toks[k].text)
                if lemma is not None:
                    return lemma
        after = [w for w in self.after if w not in _MARKS]  # ثلاث «جثث»: the noun quoted
        j, definite = 0, draft.qualifier == "vague"
        if j < len(after) and after[j] == "من":
            j, definite = j + 1, True
        elif after[j : j + 1] == ["مابين"] or after[j : j + 2] == ["ما", "بين"]:
            j += 1 if after[j] == "مابين" else 2  # 37 ما بين رجال أمن ومواطنين
        word = after[j] if j < len(after) else ""
        if word:
            lemma = ex.counted_noun(word, definite=definite)
            if lemma is not None:
                return lemma
            if ex.plain_noun(word):
                # an indefinite noun we cannot lemmatise: after a hundred or a scale word
                # it is a genitive singular (750 ألف مسافر، مائة شخص), the noun counted
                return word if self._singular_follows() else None
        # "نحو 2000" with no noun after: the nearest person or group the lexicon knows,
        # in the number's clause, before it first, never past another number ("أفاد شهود
        # عيان بمقتل ثمانية مدنيين واصابة سبعة آخرين": the seven are not witnesses)
        before, after_clause = _clause(self.before), _clause(self.after)
        for words, outward in ((before, True), (after_clause[j:], False)):
            for k, w in enumerate(words):
                if self._numeral(w):
                    break  # a noun beyond another number is that number's (or its speaker)
                # the word read just before this one: the next outward before the number
                prior = (words[k + 1] if k + 1 < len(words) else "") if outward else (
                    words[k - 1] if k else "")  # fmt: skip
                if prior in ORGANIZATION_HEADS:
                    continue  # حزب العمال: a party's name, not the workers
                hit = ex.known_entity(w)
                if hit is not None and hit.cls in FALLBACK_CLASSES and (
                        hit.lemma not in _NOT_FALLBACK and not _forces(w)):  # fmt: skip
                    return hit.lemma
        return None

    def _singular_follows(self) -> bool:
        """Does Arabic put a singular noun after this number (100 and up, scales)?"""
        value = self.draft.value
        last = self.toks[self.draft.last] if self.draft.last < len(self.toks) else None
        if last is not None and last.kind == "word":
            nw = self.ex.lex.number_words.get(last.text)
            if nw is not None and nw.cls in ("scale", "dual_scale", "hundred"):
                return True
        return value is not None and value >= 100 and value.denominator == 1

    def _both_tolls(self, words: list[str]) -> bool:
        """Two words naming the killed and the injured joined by و, next to the number."""
        if len(words) < 2 or not any(w.startswith("و") for w in words):
            return False
        if any(self._dual_outcome(w) for w in words):
            return False  # "خمسة قتلى وجريحين": two hurt, a number of their own
        events = set()
        for w in words:
            lemma = self.ex.entity_lemma(w)
            hit = self.ex.event_of(w) or (self.ex.event_of(lemma) if lemma else None)
            if hit is not None:
                if hit[1] and len(w) > 3 and w.endswith("ا") and not w.startswith("و"):
                    return False  # "جنديين قتلا وأصيب ثلاثة": a verb agreeing with its own
                events.add(hit[0])
        return {"killed", "injured"} <= {"killed" if e == "died" else e for e in events}

    def _numeral(self, word: str) -> bool:
        return word[:1].isdigit() or word in self.ex.lex.number_words

    def _still_in_hospital(self) -> bool:
        """ "32 جريحا ما زالوا في المستشفى"، "29 شخصا من أصل مائة جريح لا يزالون في
        المستشفيات": the count is of those still in hospital. A number on the way that
        is not the whole (من أصل مائة، عددهم نحو مائة) has the phrase to itself."""
        if any(w in _TOTAL_MARKS for w in self.before[:2]):
            return False  # this number is the whole, the phrase is about a part of it
        words = self.after[:HOSPITAL_REACH]
        for k, word in enumerate(words):
            if word in CLAUSE_MARKS:
                return False
            if self._numeral(word) and not _TOTAL_MARKS & set(words[max(0, k - 2) : k]):
                return False
            if word in _STILL:
                rest = words[k + 1 : k + 3]
                if "العلاج" in words[k + 1 : k + 4] and set(rest) & _UNDER_TREATMENT:
                    return True  # "7 مصابين ... ما زالوا يتلقون العلاج"
                return "في" in rest and any(w.lstrip("ب").startswith(("مستشف", "المستشف"))
                                            for w in words[k + 1 : k + 4])  # fmt: skip
        return False

    def _fell(self, after: list[str]) -> bool:
        """ "سقوط 16 جنديا": people who fell are the dead (a fall of the index, of shells or
        of a plane is no toll, so the counted noun must be people, and one that names
        what befell them says it: "سقوط 30 جريحا" are the wounded)."""
        if not after or not any(_CLITIC.sub("", w) in _FALLING for w in self.before[:2]):
            return False
        if after[0] == "من" and len(after) > 1:
            after = after[1:]  # "وسقط خمسة من المتعاقدين ... قتلى"
        lemma = self.ex.entity_lemma(after[0]) or ""
        hit = self.ex.lex.entities.get(lemma)
        if hit is None or hit.cls not in PEOPLE_CLASSES:
            return False
        named = [self.ex.event_of(w) for w in (after[0], lemma, *after[1:2])]
        return not any(e is not None and e[0] in CASUALTY_EVENTS for e in named)

    def _subjected_to(self, after: list[str]) -> str | None:
        """ "كما تعرض (7) سبعة من رجال حرس الحدود للإصابة": what the counted were subjected
        to (تعرّض) follows them with لـ, in their clause, whatever befell the people of
        the clause before (استشهاد ثلاثة ...، كما تعرض سبعة ... للإصابة)."""
        if not any(_CLITIC.sub("", w).startswith(_SUBJECTED) for w in self.before[:2]):
            return None
        for word in after[:SUBJECTED_REACH]:
            if word in CLAUSE_MARKS:
                return None
            if word.startswith("ل"):
                hit = self.ex.event_of(word)
                if hit is not None and hit[0] in CASUALTY_EVENTS:
                    return hit[0]
        return None

    def _counts_people(self) -> bool:
        """Is the number a count of people (its noun right after it: "700 مهاجر")?"""
        if self.draft.kind != "count" or not self.after:
            return False
        lemma = self.ex.entity_lemma(self.after[0])
        hit = self.ex.lex.entities.get(lemma) if lemma else None
        return hit is not None and hit.cls in PEOPLE_CLASSES

    def _aboard_after(self, after: list[str]) -> bool:
        """Are the counted people said to be aboard right after them ("أكثر من 35 شخصا
        على متن المركب"، "30 شابا وفتاة كانوا يستقلون المركب"، "47 شخصا على ظهر
        المركب")? Their own predicate, whatever rescue the sentence tells."""
        if len(after) < 2 or not self._counts_people():
            return False
        if any(self.ex.event_of(w) for w in self.before[:2] if w not in CLAUSE_MARKS):
            return False  # "مقتل 17 شخصًا كانوا على متنها": the verb before is theirs
        rest = [w for w in after[1 : 1 + ABOARD_REACH] if w not in _WERE]
        # "على متن المركب"، "على ظهر المركب"، "كانوا على القارب"، "كانوا يستقلون"
        on_board = len(rest) > 1 and rest[0] == "علي" and rest[1] in _ON_BOARD
        if not on_board and (not rest or (self.ex.event_of(rest[0]) or ("",))[0] != "aboard"):
            return False
        # "خمسة جنود كانوا على متن الطائرة لاقوا حتفهم"، "أكثر من ألف مهاجر على متن سفن
        # صغيرة انقذوا": aboard, then what befell them
        for word in after[2 : 2 + BEFELL_REACH]:
            if word in CLAUSE_MARKS:
                break
            hit = self.ex.event_of(word)
            if hit is not None and hit[1] and hit[0] != "aboard":
                return False
        return True

    def _death_before(self) -> bool:
        """A death told just before the number ("بعد وفاة 3 كانوا في حالة خطرة")."""
        for word in self.before[:2]:
            hit = self.ex.event_of(word)
            if hit is not None and hit[0] in ("killed", "died"):
                return True
        return False

    def _aftercare(self) -> str | None:
        """An aftercare verb in the number's clause: among the four words before it, or
        right after its counted noun (24 مصابا يتلقون العلاج) or itself (و10 تحت العلاج),
        or still in hospital."""
        if self._still_in_hospital():
            return "hospitalized"
        # after its counted noun (24 مصابا يتلقون العلاج), or right after it (و10 تحت العلاج)
        noun = self.after and self.ex.entity_lemma(self.after[0])
        # (its name may be quoted: "13 إصابة بـ «كورونا» تحت العلاج")
        tail = [w for w in self.after[1:8] if w not in _QUOTES][:4] if noun else self.after[:2]
        # the verb before the number, its care after the noun: "تخضع 9 حالات للعلاج"
        if (
            self.before[:1]
            and _CLITIC.sub("", self.before[0]) in _RECEIVING
            and (_CARE & set(tail[:2]))
        ):
            return "hospitalized"  # (وتخضع 9 حالات للعلاج)
        for words in (self.before[:4], tail):
            for k, word in enumerate(words):
                if word in CLAUSE_MARKS or word[:1].isdigit():
                    break
                if (
                    words is tail
                    and word.startswith("و")
                    and any(map(self._numeral, tail[k + 1 : k + 4]))
                ):
                    break  # "46 قتيلا وإجلاء أكثر من 210 آلاف": the next count's cue
                hit = self.ex.event_of(word)
                if hit is not None and hit[1] and hit[0] in AFTERCARE_EVENTS:
                    return hit[0]  # وإخلاء 8 مصابين: the cue itself may carry و
                if word.startswith("و"):
                    break
                if _treated(word, words[k + 1] if k + 1 < len(words) else ""):
                    return "hospitalized"
        return None

    def event(self) -> str | None:
        """What happened to what is counted.

        The counted noun says it first when it names a casualty (30 قتيلا: killed, 100
        جريح: injured). Otherwise the nearest event cue: strong then weak cues in the
        number's clause, then in the rest of its sentence (counts only; a measure looks
        in its clause alone). A change verb (ارتفع، تراجع) gives way to an outcome in the
        same clause: "ارتفعت حصيلة القتلى إلى 32" counts the killed.
        """
        if self.draft.kind in NO_EVENT_KINDS:
            return None
        own = self._own_noun_event()
        if own is not None:
            return own  # "قتيلان"، "وجريحين": a dual noun counts itself
        after = [w for w in self.after if w not in _MARKS]

        # 120 قتيلا وجريحا counts both; 10 قتلى وإصابة 20 gives the injured their own number
        def numeral(words: list[str], k: int) -> bool:
            return len(words) > k and self._numeral(words[k])

        # (and 10 قتلى وإصابة 20: the dead word before 20 belongs to the 10; so does the
        # verb of "30 شخصا قتلوا وأصيب نحو مائة", whose subject is a number before it)
        before = [w for w in self.before if w not in _QUOTES]  # «9» أشخاص
        reach = _clause(before[2 : 2 + BOTH_TOLLS_REACH])
        owned = any(numeral(reach, k) for k in range(len(reach)))
        # (and "15 شهيدا والمصابين الى 40": the second noun opens the next number's count)
        next_count = numeral(after, 2) or (
            len(after) > 3 and after[2] in _UP_TO and numeral(after, 3)
        )
        if (self._both_tolls(before[:2]) and not owned) or (
            self._both_tolls(after[:2]) and not next_count
        ):
            return "casualties"  # مقتل وإصابة 120، 120 قتيلا وجريحا: the dead and hurt together
        reached = self._toll_reached()
        if reached is not None:
            return reached
        numbering = self._numbering()
        if numbering is not None:
            return numbering or None
        if self.draft.kind == "count" and _driven_from_homes(after) and not self._befell_before():
            return "displaced"  # "وأجبرت أكثر من 150 ألفا على ترك منازلهم" after a toll
        care = self._aftercare()
        if care is not None:
            return care
        among = self._among_a_toll(before)
        if among is not None:
            return among
        first = self.ex.event_of(after[0]) if after else None
        died_next = first is not None and first[1] and first[0] in ("killed", "died")
        if in_grave_state(after[:GRAVE_REACH]) and not self._death_before() and not died_next:
            return "injured"  # "بقيت عدد من الحالات منها أربعة في حالة خطرة جداً": still alive
        if self._fell(after):
            return "killed"
        subjected = self._subjected_to(after)
        if subjected is not None:
            return subjected
        if self._aboard_after(after):
            return "aboard"
        # which way the counted went, said right after them: "67,700 شاحنة قادمة" are the
        # arriving trucks, whatever "المغادرة" said before
        if len(after) > 1 and self.ex.entity_lemma(after[0]) and after[1] in _DIRECTION:
            return _DIRECTION[after[1]]
        # the counted noun itself (30 قتيلا), never a verbal noun or a coordinated
        # clause that follows it (مقتل جنديين وإصابة 24: the two are killed)
        counted = None  # a verbal noun counted (40 إصابة): what befell them
        if after and after[0] != "من" and (not after[0].startswith("و") or after[0] in _WAW_NOUNS):
            lemma = self.ex.entity_lemma(after[0])
            own = self.ex.event_of(after[0]) or (self.ex.event_of(lemma) if lemma else None)
            people = self.draft.kind == "count" or own is None or own[0] not in _PEOPLE_ONLY
            if own is not None and own[0] in COUNTED_OUTCOMES and not own[1] and people:
                return own[0]  # (and "مليون متضرر"، "ألف مشرد" after "مئة قتيل و")
            if own is not None and own[0] in CASUALTY_EVENTS and lemma:
                counted = own[0]
            # 471 حالة وفاة: cases of death (not 1071 حالة توفي منها 471: the 471 died)
            if lemma in CASE_NOUNS and len(after) > 1 and not self._of_them_next(after, 1):
                own = self.ex.event_of(after[1])
                if own is not None and own[0] in CASUALTY_EVENTS:
                    return own[0]
        own_verb = self._own_verb_after(after)
        if own_verb is not None:
            return own_verb
        others = bool(after) and after[0] in _OTHERS
        own_cases = bool(after) and after[0] in _CASES  # "و(39) حالة": cases of their own
        # "مضيفا أن 38 شخصا آخرين أصيبوا بجروح": the subject of a clause after أن has its
        # predicate after it; a verb before أن is another clause's
        embedded = bool(_COMPLEMENTIZERS & set(before[:2]))
        clause_only = self.draft.kind != "count"
        copulas = self.ex.lex.cues.get("copula", set())
        # "... يبلغ نحو 2000": the number is what the words before it amount to
        before_only = any(w in copulas for w in self.before[:3])
        if before_only:
            named = self._named_by_copula(copulas)
            if named is not None:
                return named
        sides = ((0, self.before),) if before_only else ((0, self.before), (1, self.after))
        best: tuple | None = None
        outcome: tuple | None = None  # the best cue that is not a change
        for side, words in sides:
            clause = True
            named = (
                _quoted_names(words, side) | _sector_names(words, side) | _team_names(words, side)
            )
            for dist, word in enumerate(words):
                if word in _QUOTES or dist in named:
                    continue
                if not side and word in _CONTRAST:
                    break  # "ارتفعت فقط ثلاث بينما اكتست 161 شركة": the verb is the three's
                if word in CLAUSE_MARKS:
                    clause = False
                    if clause_only:
                        break
                    if side and _own_subject_next(words, dist + 1):
                        break  # "بين 70 و80 مسلحا، وأن حصانه أصيب": a clause of its own subject
                    continue
                if (
                    side
                    and numeral(words, dist)
                    and _COMPLEMENTIZERS & set(words[max(0, dist - 3) : dist])
                ):
                    break  # "ثلاثة شهود ... إن أكثر من 27 شخصا قتلوا": the verb is 27's
                if side and numeral(words, dist) and set(words[dist + 1 : dist + 2]) & OF_THEM:
                    break  # "1064 حالة، 583 منها تماثلت للشفاء": some of it, the verb theirs
                hit = (
                    _went_as_victims(words, side, dist)
                    or self.ex.event_of(word)
                    or self._carrying(word, side, dist)
                    or _lost_right_before(words, side, dist)
                    or self._captive_taking(words, side, dist, numeral)
                    or (_searched_for(words, side, dist) if self.draft.kind == "count" else None)
                )
                if hit is None or self._before_a_month(words, side, dist):
                    continue
                if hit == ("survived", False) and not (side and dist <= 1):
                    continue  # "العثور على ناجين": only the counted noun says survivors
                if hit[0] in _PEOPLE_ONLY and self.draft.kind != "count":
                    continue  # "نحو عشرة أمتار" beside "أضرارا": a measure is hit by nothing
                if hit[0] == "aboard" and (
                    self.draft.kind != "count" or self._less_than(words, side, dist)
                ):
                    continue  # "لا يقل عن"، "تقل أسعار الطاقة 39%": less, no boat carrying
                if hit[0] == "aboard" and not side and dist == 0 and self._counts_people():
                    hit = ("aboard", True)  # "كان المركب يقل أكثر من 600": its own verb
                if hit[0] not in CHANGE_EVENTS and self._before_a_total(words, side, dist):
                    continue  # وصل عدد الإصابات إلى 1071: the count reached it
                if hit[0] == "arrived" and _reached(words, side, dist):
                    continue  # "عدد القتلى وصل إلى 27": a count reached it, none arrived
                if _protested(words, side, dist):
                    continue  # ألف سوري اعتصموا احتجاجا على قتل ...: the cause, not theirs
                if side and (numeral(words, dist + 1) or self._of_them_next(words, dist)):
                    break  # "390 ... وجرح 400 آخرون": a verb before the next number is its own
                event, strong = hit
                if (
                    not strong
                    and event in CASUALTY_EVENTS
                    and self._tolls_paired(words, side, dist)
                ):
                    event = "casualties"  # "بعدد المصابين والمتوفين ... بلغت أكثر من 15"
                if event == "missing" and (word in _LOST or _CLITIC.sub("", word) in _LOST):
                    event = self._what_was_lost()
                    if event is None:
                        continue  # "فقدوا أعمالهم": jobs lost, nobody missing
                if not side and own_cases and _counted_before(words, dist, numeral):
                    continue  # "(9) حالات وفاة و(39) حالة يتلقون العلاج": the nine died
                if not side and not strong and others and numeral(words, dist + 1):
                    continue  # "ستة قتلى وأربعة آخرين": the dead are the six, not the others
                # strong cues (verbs, verbal nouns) beat weak ones (participles that
                # describe the counted thing); Arabic puts the predicate first, so a cue
                # before the number beats one after it (استشهد 10 وثلاثة وأصيب تسعة);
                # then the number's own clause, then the nearest
                key = (0 if strong else 1, 1 - side if embedded else side, 0 if clause else 1,
                       dist, event)  # fmt: skip
                if best is None or key < best:
                    best = key
                if clause and event not in CHANGE_EVENTS and (outcome is None or key < outcome):
                    outcome = key
                if strong and clause and event not in CHANGE_EVENTS:
                    break
        if best is not None and best[-1] in CHANGE_EVENTS and outcome is not None:
            return outcome[-1]
        if best is not None and best[-1] in CHANGE_EVENTS and self._victims_rose():
            return "killed"  # "ارتفاع عدد ضحايا مركب النيل إلى 38": a toll of the dead
        found = best[-1] if best else None
        # "استقبلت الطوارئ 40 إصابة": the injured, received; a bulletin's "شفيت 586
        # إصابة" stays the recovered
        if counted is not None and found in CARE_OF_THE_HURT:
            return counted
        # and "8 حالات وفاة و133 إصابة": injuries counted (a noun the lexicon counts as
        # an event, not a verb: "1078 توفي منهم 472"), whatever befell the eight
        if counted is not None and found in CASUALTY_EVENTS and self._counts_an_event(after[0]):
            return counted
        return found

    def _own_noun_event(self) -> str | None:
        """The outcome a number written as a dual casualty noun names ("قتيلان وثلاثة
        جرحى"، "خمسة قتلى وجريحين")."""
        draft = self.draft
        if draft.last - draft.first > 1 or draft.first >= len(self.toks):
            return None  # (the dual and, at most, the two that restates it)
        return self._dual_outcome(self.toks[draft.first].text)

    def _dual_outcome(self, word: str) -> str | None:
        """The outcome a dual casualty noun names (قتيلين، وجريحان: the lexicon's duals of
        nouns whose plural is broken, so -ين / -ان is two; not مصابين, a plural too)."""
        dual = self.ex.lex.duals.get(word)
        if dual is None or dual[1]:
            return None  # (a construct form, قتيلي، counts the noun after it)
        hit = self.ex.event_of(dual[0])
        return hit[0] if hit is not None and hit[0] in COUNTED_OUTCOMES else None

    def _list_opens(self, between: list[str]) -> bool:
        """Do the words between "هم" and this count (nearest first) open with a count, so
        that this one is the list's first or a later item ("هم أربعة عسكريين وخمسة
        موظفين"; not "الجرحى هم من المارة و5 أشخاص")?"""
        first = next((w for w in reversed(between) if w not in _QUOTES), None)
        return first is None or self._numeral(first)

    def _befell_before(self) -> bool:
        """Does a strong casualty cue come before the number in its clause ("قتل 30 شخصا
        أثناء محاولتهم الفرار من منازلهم": the 30 were killed)?"""
        for word in self.before:
            if word in CLAUSE_MARKS:
                return False
            hit = self.ex.event_of(word)
            if hit is not None and hit[1] and hit[0] in CASUALTY_EVENTS:
                return True
        return False

    def _toll_reached(self) -> str | None:
        """The casualty a toll's noun names when the number is what that toll reached:
        "عدد القتلى وصل إلى 27 شخصا"، "لترتفع حصيلة القتلى إلى 29"، "وارتفاع القتلى إلى
        ثمانية" count the killed, whatever cue the rest of the sentence holds (تم إخلاء
        كل العربات، رجال الإنقاذ، تحرير الرهائن). Two tolls' nouns ("حصيلة القتلى
        والجرحى إلى 50") count both."""
        if self.draft.kind != "count":
            return None
        before = _clause([w for w in self.before if w not in _QUOTES])
        if not before or before[0] not in _REACHING:
            return None
        k = 1
        while k < min(len(before), 3) and before[k] in _REACHING_VERBS:
            k += 1  # "عدد القتلى وصل إلى": the verb between the toll and its value
        if k >= len(before):
            return None
        hit = self.ex.event_of(before[k])
        if hit is None or hit[1] or hit[0] not in CASUALTY_EVENTS:
            return None
        first = self.ex.event_of(before[k + 1]) if k + 1 < len(before) else None
        if before[k].startswith("و") and first is not None and first[0] in CASUALTY_EVENTS:
            return "casualties" if first[0] != hit[0] else hit[0]
        return hit[0]

    def _numbering(self) -> str | None:
        """What a number that tells how many the noun before it are ("ركاب الحافلة
        البالغ عددهم 55 راكبا"، "المصابين البالغ عددهم 39") counts: the event that
        noun names, or "" for none, whatever befell some of them before ("أصيب 39 من
        ركاب الحافلة البالغ عددهم 55"); None when this is no such number, or when all
        of them are said to be what befell ("مقتل جميع ركابها البالغ عددهم 150"). After
        "وعددهم" only a noun naming what befell them counts ("الحالات المصابة وعددها 40"):
        the noun before it is as often the object of what befell all of them ("إخلاء سكان
        العمارة وعددهم 15")."""
        before = [w for w in self.before[:NUMBERING_REACH] if w not in _QUOTES]
        if before[:1] and before[0] in _AND_THEIR_NUMBER:
            at = 1  # "الحالات المصابة وعددها 40 حالة"
        elif len(before) > 1 and before[0] in _THEIR_NUMBER and before[1] in _AMOUNTING:
            at = 2  # "ركاب الحافلة البالغ عددهم 55"
        else:
            return None
        if len(before) <= at:
            return None
        if any(_CLITIC.sub("", w) in _ALL_OF for w in before[at + 1 : at + 3]):
            return None  # "قتل جميع ركاب الطائرة البالغ عددهم 150": all of them befell it
        noun = before[at]
        hit = self.ex.event_of(noun)
        if hit is not None and not hit[1]:
            return hit[0]  # "المعتقلين البالغ عددهم 33": the held
        if at == 1:
            return None  # "إخلاء سكان العمارة وعددهم 15": the verb's object, all of them
        if noun.startswith(("ال", "وال")) or self.ex.known_entity(noun) is not None:
            return ""
        return None  # "المقرر نقلهم جوا والبالغ عددهم ستة": no noun right before it

    def _victims_rose(self) -> bool:
        """Does the number's clause count the victims whose number changed ("ارتفاع عدد
        ضحايا ... إلى 29"، "ارتفعت حصيلة ضحايا الفيضانات إلى 46": ضحايا right after عدد or
        حصيلة)? A toll's victims are its dead; not cases ("إلى 85 حالة": of poisoning)."""
        if self.draft.kind != "count":
            return False
        if self.after and self.ex.entity_lemma(self.after[0]) in CASE_NOUNS:
            return False
        for k, word in enumerate(self.before):
            if word in CLAUSE_MARKS:
                return False
            if _VICTIMS.match(word) and k + 1 < len(self.before) and (
                _CLITIC.sub("", self.before[k + 1]) in _TOLL_OF):  # fmt: skip
                return True
        return False

    def _own_verb_after(self, after: list[str]) -> str | None:
        """The number's own predicate, a plural verb right after it or after its counted
        noun, when the number opens a clause of its own ("، وأكثر من مائتي ألف تضرروا",
        "و30 شخصا قتلوا"): it beats a verb of the clause before ("46 شخصا لقوا مصرعهم")."""
        if self.draft.kind != "count" or not self.before:
            return None
        if not (self.before[0] in CLAUSE_MARKS or self.before[0] == "و"):
            return None  # (the و before a number is a token of its own)
        k = 0 if after and self.ex.event_of(after[0]) else 1  # after its noun: 30 شخصا قتلوا
        word = after[k] if k < len(after) else ""
        if not word.endswith("وا") or _CLITIC.sub("", word) in _LOST or word in _LOST:
            return None
        hit = self.ex.event_of(word)
        if hit is None or not hit[1] or hit[0] in _NOT_OWN_VERBS or hit[0] in CHANGE_EVENTS:
            return None
        rest = after[k + 1 : k + 2]
        if rest and self.ex.known_entity(rest[0]) is not None:
            return None  # "و3 مسلحين قتلوا شرطيا": they did it, to someone
        return hit[0]

    def _what_was_lost(self) -> str | None:
        """What "فقد" (lost) says of the count: people lost are missing ("وفقد أربعة
        آخرون"), or dead when their lives are what was lost ("وفقد 52 شخصا أرواحهم"),
        or nothing when it was their jobs ("300 إعلامي فقدوا أعمالهم"); an index, a
        price or a share lost value ("وفقد مؤشرها العام 4.36%")."""
        lost = set(self.after[: LIVES_REACH + 2])
        if _LIVES & lost:
            return "died"
        if _JOBS & set(_clause(self.after[:JOBS_REACH])):
            return None  # "فقد أكثر من 350 من الصحافيين والعاملين في وسائل الإعلام أعمالهم"
        lemma = self.entity() if self.draft.kind == "count" else None
        hit = self.ex.lex.entities.get(lemma) if lemma else None
        if self.draft.kind == "count" and (hit is None or hit.cls in PEOPLE_CLASSES):
            return "missing"
        return "fell"

    def _captive_taking(self, words: list[str], side: int, dist: int, numeral) -> tuple | None:
        """The cue "أسر" at ``dist`` when a number follows it in the text ("بالإضافة إلى
        أسر ستة حوثيين بينهم ثلاثة أطفال": the six and the three were captured), unless
        it is families: given to ("تكريم أسر 7 من شهداء الواجب", "إلى أسر") or of the
        counted ("إيواء أسر 25 نازحا")."""
        if words[dist] not in _CAPTIVE_TAKING:
            return None
        if side:
            follows, before = numeral(words, dist + 1), words[max(0, dist - 2) : dist][::-1]
        else:
            follows, before = dist == 0 or numeral(words, dist - 1), words[dist + 1 : dist + 3]
        if not follows:
            return None
        if before and before[0] in _FOR_FAMILIES and before[1:2] != ["بالاضافه"]:
            return None  # (but "بالإضافة إلى أسر ستة" adds captives)
        noun = self.ex.entity_lemma(self.after[0]) if self.after else None
        return None if noun in _DEPENDANTS else ("captured", True)

    def _carrying(self, word: str, side: int, dist: int) -> tuple | None:
        """A verb right before a count of people that says what befell them only then:
        "قارب يحمل نحو 500 شخص"، "كانت تحمل ما يصل إلى 600 شخص" (aboard), "الإعصار يحصد
        4 أشخاص" (killed); never a load, a name or a prize ("شاحنة تحمل 16500 وجبة"،
        "يحمل الرقم 5"، "حصد 3 نقاط")."""
        event = _PEOPLE_VERBS.get(word)
        if event is None or side or dist or not self._counts_people():
            return None
        return (event, True)

    def _tolls_paired(self, words: list[str], side: int, dist: int) -> bool:
        """Is the casualty noun at ``dist`` one of two joined by و ("المصابين والمتوفين"،
        "القتلى والجرحى"), each naming another casualty (the dead and the hurt)?"""
        before_it, after_it = (dist + 1, dist - 1) if not side else (dist - 1, dist + 1)
        pairs = []
        if 0 <= before_it < len(words) and words[dist].startswith("و"):
            pairs.append(words[before_it])  # the noun before "والمتوفين" in the text
        if 0 <= after_it < len(words) and words[after_it].startswith("و"):
            pairs.append(words[after_it])  # the noun after it, joined by و
        own = self.ex.event_of(words[dist])
        for other in pairs:
            hit = self.ex.event_of(other)
            if hit is not None and not hit[1] and hit[0] in CASUALTY_EVENTS and own is not None:
                died = {"killed" if e == "died" else e for e in (hit[0], own[0])}
                if died == {"killed", "injured"}:
                    return True
        return False

    def _counts_an_event(self, word: str) -> bool:
        """Is ``word`` a noun the lexicon counts as an event (إصابة، إصابات)?"""
        hit = self.ex.known_entity(word)
        return hit is not None and hit.cls == "event"

    def _named_by_copula(self, copulas) -> str | None:
        """The casualty a copula's subject names: "عدد القتلى بلغ 1332", "بلغ عدد القتلى
        1332" count the killed, whatever other cue the sentence holds (مقتل وإصابة 3440
        before it)."""
        k = next(k for k, w in enumerate(self.before[:3]) if w in copulas)
        for w in self.before[: k + 2]:
            if w in CLAUSE_MARKS:
                break
            hit = self.ex.event_of(w)
            if hit is not None and hit[0] in CASUALTY_EVENTS and not hit[1]:
                return hit[0]
        return None

    def _of_them_next(self, words: list[str], dist: int) -> bool:
        """Does "of them" and a number follow the cue at ``dist`` closely (1078 حالة
        تماثلت للشفاء منها 586)? Then the cue tells what befell the later number, some
        of this one."""
        for k in range(dist + 1, min(dist + 1 + OF_THEM_REACH, len(words))):
            if words[k] in CLAUSE_MARKS:
                return False
            if words[k] in OF_THEM and k + 1 < len(words) and self._numeral(words[k + 1]):
                return True
            # "واعتقلت الشرطة عددا منهم": the verb's own object is some of them
            if words[k] in SOME_WORDS and k + 1 < len(words) and words[k + 1] in OF_THEM:
                return True
        return False

    @staticmethod
    def _before_a_total(words: list[str], side: int, dist: int) -> bool:
        """Is the word at ``dist`` followed in the text by "the number of" (وصل عدد،
        وصل مجمل عدد)? Then it says what a count reached, not what befell anyone. Not
        "a number of" (استشهاد عدد من رجال الأمن وثلاثة من العاملين: both befell)."""
        k = dist + 1 if side else dist - 1
        if not (0 <= k < len(words) and words[k] in TOTAL_WORDS):
            return False
        then = k + 1 if side else k - 1  # the word after it in the text
        return not (words[k] == "عدد" and 0 <= then < len(words) and words[then] == "من")

    def _among_a_toll(self, before: list[str]) -> str | None:
        """The casualty a count is some of when "بينهم" opens it right after a toll's
        noun ("وأوقعت ثمانية قتلى بينهم ثلاثة عسكريين"، "12 قتلى على الأقل، بينهم خمسة
        جنود"): the soldiers among the dead are dead, whatever the sentence's verb (a
        hostage-taking, a liberation) says."""
        # the count opens the part, or follows its items ("بينهم خمسة جنود، وأربعة من
        # المهاجمين"): no event of their own between
        k = next((k for k, w in enumerate(before[:AMONG_ITEMS]) if w in AMONG_THEM), None)
        if k is None or any(self.ex.event_of(w) for w in before[:k]):
            return None
        if before[k] in _THEY_ARE and (
            not self._list_opens(before[:k]) or self._own_verb_after(self.after)
        ):
            return None  # "هم" opens a list of counts ("13 قتيلا هم أربعة جنود وخمسة")
        noun = self.after[0] if self.after else ""
        lemma = self.ex.entity_lemma(noun) if noun else None
        own = (self.ex.event_of(noun) if noun else None) or (
            self.ex.event_of(lemma) if lemma else None
        )
        if own is not None and own[0] in CASUALTY_EVENTS:
            return None  # "بينهم امرأة و15 جريحا": the count names its own casualty
        seen = 0
        for word in before[k + 1 :]:
            if word in CLAUSE_MARKS or word in _QUALIFYING:
                continue
            seen += 1
            if seen > AMONG_REACH:
                break
            lemma = self.ex.entity_lemma(word)  # (قتيلا: the lemma names the dead)
            hit = self.ex.event_of(word) or (self.ex.event_of(lemma) if lemma else None)
            if hit is not None and hit[0] in CASUALTY_EVENTS:
                return hit[0]
            if self._numeral(word):
                break  # the toll's own number: its noun came after it, or none did
        return None

    def _less_than(self, words: list[str], side: int, dist: int) -> bool:
        """Is the word at ``dist`` (يقل، تقل) a comparison, not a boat carrying people:
        negated before it in the text (لا يقل), followed by عن (يقل كثيرا عن) or by how
        much (بنسبة، بحوالي)?"""
        before = dist - 1 if side else dist + 1
        if 0 <= before < len(words) and words[before] in _NEGATIONS:
            return True
        after = words[dist + 1 : dist + 3] if side else words[max(0, dist - 2) : dist][::-1]
        # "يقل عن"، "يقل بحوالي 25 بالمئة"، "تقل بنسبة 27%": by how much, less
        return "عن" in after or (bool(after) and after[0].startswith("ب"))

    def _before_a_month(self, words: list[str], side: int, dist: int) -> bool:
        """Is the word at ``dist`` followed in the text by a month name? Then it names
        a date, not an event: the delivery month of a futures contract (عقود برنت تسليم
        سبتمبر), not people handed over."""
        k = dist + 1 if side else dist - 1
        return 0 <= k < len(words) and (words[k],) in self.ex.lex.months


# quotation marks as (opens, closes) read in text order
_QUOTES = {"«": (True, False), "»": (False, True), "“": (True, False), "”": (False, True)}
# what a crowd does about a killing, not the killing itself (normalised)
PROTEST_WORDS = frozenset({"احتجاجا", "احتجاج", "تنديدا", "استنكارا", "ادانه", "حدادا",
                           "انتقاما", "ثارا",
                           # a charge names a crime, not what befell the charged: "ويواجه
                           # المهربون الخمسة تهم القتل"
                           "تهمه", "بتهمه", "تهم", "بتهم", "تهمتي", "بتهمتي", "اتهام",
                           "باتهام"})  # fmt: skip


def _quoted_names(words: list[str], side: int) -> set[int]:
    """Positions of ``words`` (outward from a number) inside a quoted name of two words or
    more that the number is not in (معرض «شاهد وشهيد»). One quoted word is a reporter's
    distance, not a name: «استشهاد» 15 still tells the killed."""
    out: set[int] = set()
    start = None
    for k, w in enumerate(words):
        if w not in _QUOTES:
            continue
        opens = _QUOTES[w][0] if side else _QUOTES[w][1]  # read outward
        if opens:
            start = k
        elif start is not None:
            if k - start > 2:
                out.update(range(start + 1, k))
            start = None
    return out


# "أسر" before a number is the taking of captives ("وأسر ستة حوثيين"), not families
_CAPTIVE_TAKING = frozenset({"اسر", "واسر", "واسرت", "اسرت", "اسروا"})
# ... unless what comes before it gives to families: "تكريم أسر 7 من شهداء الواجب"
_FOR_FAMILIES = frozenset({"الي", "علي", "تكريم", "ايواء", "مساعده", "مساعدات", "زار", "زياره",
                           "دعم", "رعايه", "استضافه", "لقاء", "عدد"})  # fmt: skip
# ... or the counted are whose families they are: "إيواء أسر 25 نازحا"
_DEPENDANTS = frozenset({"شهيد", "نازح", "يتيم", "سجين", "متوفي", "مفقود", "ضحيه", "اسير",
                         "معتقل", "موقوف", "مريض", "طالب"})  # fmt: skip


SECTOR_HEADS = frozenset({"قطاع", "وقطاع", "لقطاع", "بقطاع", "فقطاع"})
SECTOR_NAME_WORDS = 2  # words of a sector's name after its head: قطاع التشييد والبناء


def _sector_names(words: list[str], side: int) -> set[int]:
    """Positions of ``words`` (outward from a number) that name a sector of a market
    report (قطاع التشييد والبناء، قطاع النقل): a name, not what befell the number."""
    out: set[int] = set()
    step = 1 if side else -1  # the name follows its head in the text
    for k, w in enumerate(words):
        if w not in SECTOR_HEADS:
            continue
        for n in range(k + step, k + step * (SECTOR_NAME_WORDS + 1), step):
            if not 0 <= n < len(words) or not words[n].startswith(("ال", "وال")):
                break  # a name is of definite nouns: "قطاع الأسمنت بتراجع" fell
            out.add(n)
    return out


# crews and craft named by their work ("رجال الإنقاذ انتشلوا 11 جثمانا"), normalised
TEAM_HEADS = frozenset({"رجال", "فرق", "فريق", "فرقه", "طواقم", "طاقم", "عناصر", "سفن", "سفينه",
                        "زوارق", "زورق", "قوارب", "مروحيات", "فرقتا", "فريقا"})  # fmt: skip


def _lost_right_before(words: list[str], side: int, dist: int) -> tuple | None:
    """ "فقد" right before the number ("كما فقد أربعة آخرون"): lost, a strong cue (what
    was lost is read after it, ``_what_was_lost``); anywhere else "فقد" is as often
    "so indeed" (ف + قد) and no cue."""
    return ("missing", True) if not side and not dist and words[dist] in ("فقد", "وفقد") else None


def _went_as_victims(words: list[str], side: int, dist: int) -> tuple | None:
    """The idiom "راح ضحيته" (went as its victims) at ``dist``: the count was killed,
    a strong cue, where "ضحيته" alone is a weak one."""
    if words[dist] not in _VICTIM_OF:
        return None
    prior = dist + 1 if not side else dist - 1  # the word before it in the text
    return ("killed", True) if 0 <= prior < len(words) and words[prior] in _WENT else None


def _team_names(words: list[str], side: int) -> set[int]:
    """Positions of ``words`` (outward from a number) that name a crew by its work (رجال
    الإنقاذ، فرق الإسعاف، زوارق الإغاثة): who did something, not what befell the number."""
    step = 1 if side else -1  # the work follows its head in the text
    out: set[int] = set()
    for k, w in enumerate(words):
        n = k + step
        head = w in TEAM_HEADS or _CLITIC.sub("", w) in TEAM_HEADS
        if head and 0 <= n < len(words) and words[n].startswith("ال"):
            out.add(n)
    return out


# "البالغ عددهم 55": amounting, their number (normalised); "جميع": all of them
_AMOUNTING = frozenset({"البالغ", "البالغه", "البالغين", "البالغون", "والبالغ", "والبالغه"})
_THEIR_NUMBER = frozenset({"عددهم", "عددها", "عددهن", "عددهما"})
_AND_THEIR_NUMBER = frozenset({"و" + w for w in _THEIR_NUMBER})
_ALL_OF = frozenset({"جميع", "كل", "كافه"})
NUMBERING_REACH = 5  # words before "البالغ عددهم" read: its noun (of two words) and "جميع"
# "راح ضحيته 9": went as its victims, killed (normalised)
_WENT = frozenset({"راح", "وراح", "ذهب", "وذهب", "يروح", "تروح"})
_VICTIM_OF = frozenset({"ضحيته", "ضحيتها", "ضحيتهم", "ضحيتهما", "ضحاياه", "ضحاياها"})
# verbs that befall a count of people right after them, and nothing else (normalised)
_PEOPLE_VERBS = {
    **dict.fromkeys(("يحمل", "تحمل", "يحملان", "تحملان", "وتحمل", "ويحمل"), "aboard"),
    **dict.fromkeys(("يحصد", "تحصد", "حصد", "حصدت", "ويحصد", "وتحصد"), "killed"),
    # أجلى، أُجلي (evacuated) are also "من أجلي" (for my sake), أجلوا also "postponed"
    **dict.fromkeys(("اجلي", "واجلي", "اجلوا", "واجلوا", "اجليت", "واجليت"), "evacuated"),
}
_CASES = frozenset({"حاله", "حالات"})  # normalised
_BRACKET = re.compile(r"^[()\[\]«»\"']+$")  # "(9) حالات وفاة": brackets around a number


def _counted_before(words: list[str], dist: int, numeral) -> bool:
    """Is the cue at ``dist``, right before the number (but for "و" and brackets), the
    noun of an earlier number's cases ("(9) حالات وفاة و(39) حالة")? Then it says what
    befell those, not this number, which counts cases of its own."""
    if any(not _BRACKET.match(w) and w != "و" for w in words[:dist]):
        return False  # "4 حالات وفاة جميعها بالرياض لثلاثة مواطنين": the three died
    rest = [k for k in range(dist + 1, min(len(words), dist + 5)) if not _BRACKET.match(words[k])]
    return len(rest) > 1 and words[rest[0]] in _CASES and numeral(words, rest[1])


_SEARCH = frozenset({"البحث", "بحث", "يبحث", "تبحث", "يبحثون", "تبحثان"})
SEARCH_REACH = 6  # words between "البحث" and the number it is "عن"
SOUGHT_REACH = 3  # words between "عن" and the number sought ("عن نحو 30")
_ABOUT = frozenset({"نحو", "حوالي", "قرابه", "اكثر", "من", "ما", "يزيد", "يقارب", "زهاء"})


def _searched_for(words: list[str], side: int, dist: int) -> tuple | None:
    """The cue "البحث ... عن" at ``dist`` before the number: the people searched for are
    missing ("والبحث جار عن ستة آخرين"، "البحث لا يزال جاريا عن شخصين")."""
    word = words[dist]
    if (
        side
        or dist > SEARCH_REACH
        or (word not in _SEARCH and _CLITIC.sub("", word) not in _SEARCH)
    ):
        return None
    if "عن" not in words[:SOUGHT_REACH]:
        return None
    # only a qualifier between: "عن أكثر من 30", not "عن عقار بمليون"
    return ("missing", True) if set(words[: words.index("عن")]) <= _ABOUT else None


# outcomes only a count of people has ("تضررت الثروة الحيوانية ... بنسبة 30%" is a fall)
_PEOPLE_ONLY = frozenset({"affected", "displaced", "survived"})
_TOLL_OF = frozenset({"عدد", "حصيله", "الحصيله"})  # the number, the toll (of the victims)
# what a count's own verb after it never says of it: the people aboard, and what was done
# for the hurt ("و4 آخرون نقلوا إلى المستشفى" are still of the hurt)
_NOT_OWN_VERBS = frozenset({"aboard"}) | CARE_OF_THE_HURT | AFTERCARE_EVENTS

_VICTIMS = re.compile(r"^[وفبل]?(?:ال|لل)?ضحايا$")  # victims (normalised), behind clitics

# leaving, fleeing (normalised, behind a clitic) and the homes left: "أجبرت أكثر من 150
# ألفا على ترك منازلهم" counts the displaced
_LEAVING = frozenset({"ترك", "مغادره", "الفرار", "فرار", "هجر", "النزوح"})
_HOMES = ("منازل", "بيوت", "ديار", "مساكن")
HOMES_REACH = 3  # words after a number searched for the leaving of homes
_SHELTERING = frozenset({"اللجوء", "لجوء", "النزوح"})  # seeking refuge (in shelters)
_SHELTERS = ("ملاجئ", "الملاجئ", "مخيمات", "المخيمات")


def _driven_from_homes(after: list[str]) -> bool:
    """Does the number's clause say, within ``HOMES_REACH`` words after it, that they left
    their homes ("على ترك منازلهم"، "إلى مغادرة منازلهم"، "الفرار من بيوتهم")? The people
    who left their homes are the displaced."""
    for dist, word in enumerate(after[: HOMES_REACH + 1]):
        if word in CLAUSE_MARKS:
            return False
        if word in _LEAVING or _CLITIC.sub("", word) in _LEAVING:
            rest = [w for w in after[dist + 1 : dist + 3] if w != "من"]
            if rest and rest[0].startswith(_HOMES):
                return True
        if word in _SHELTERING and after[dist + 1 : dist + 2] and after[dist + 1] in _UP_TO:
            if after[dist + 2 : dist + 3] and after[dist + 2].startswith(_SHELTERS):
                return True  # "أجبرت 156 ألف شخص على اللجوء إلى ملاجئ مؤقتة"
    return False


# إلى, with its pronouns ("وصل إليها"), and the misspelt "إلأى" (normalised; not "اليوم")
_REACHING = _UP_TO | {"حتي", "الاي", "اليه", "اليها", "اليهم", "اليهما"}
# a toll's verb between its noun and إلى ("عدد القتلى وصل إلى 27"), normalised
_REACHING_VERBS = frozenset({"وصل", "وصلت", "يصل", "تصل", "ارتفع", "ارتفعت", "يرتفع", "ترتفع",
                             "زاد", "زادت", "قفز", "قفزت"})  # fmt: skip


def _reached(words: list[str], side: int, dist: int) -> bool:
    """Does the arriving cue at ``dist``, before the number, reach it ("وصل إلى"،
    "وصلت نسبته إلى 30 بالمائة"، "الوصول لـ 6 أطراف") rather than bring it? Then it
    tells what a count or a level came to: "وصل 300 حاج" arrive, "عدد القتلى وصل
    إلى 27" do not."""
    if side:
        return False
    between = words[:dist]
    if any(w in _REACHING for w in between):
        return True
    return dist > 0 and between[-1].startswith("ل") and len(between[-1]) > 3


def _protested(words: list[str], side: int, dist: int) -> bool:
    """Do the two words before the cue at ``dist`` (in text order) protest it, or
    charge someone with it?"""
    before = words[dist + 1 : dist + 3] if not side else words[max(0, dist - 2) : dist]
    return any(w in PROTEST_WORDS for w in before)


LIFELESS_CLASSES = frozenset({"object", "place"})
# groups whose count may be of the dead or the hurt (3 عائلات أبيدت), normalised
PEOPLE_GROUPS = frozenset({"اسره", "عائله", "مجموعه"})
CASE_LEMMAS = frozenset({"اصابه", "حاله", "وفاه"})  # events that are a toll's cases


def befalls(lex, event: str | None, entity: str | None, members: bool = False) -> str | None:
    """The event, unless it is a casualty and the counted noun is no living thing: three
    air strikes (3 غارات), two houses or five cars are not killed or injured, whatever
    verb the sentence has; nor are four ambulance teams (4 فرق), unless the count is of
    a group's ``members`` ("مقتل 390 من حزب العمال")."""
    if (event not in CASUALTY_EVENTS and event not in ("casualties", "survived")) or not entity:
        return event
    key = normalize_word(entity)
    hit = lex.entity_of_lemma(key)
    if hit is None:
        return event
    if hit.cls in LIFELESS_CLASSES or (hit.cls == "event" and key not in CASE_LEMMAS):
        return None
    if hit.cls == "group" and key not in PEOPLE_GROUPS and not members:
        return None  # "4 فرق إسعافية": teams, companies and committees are not hurt
    return event


def _clause(words: list[str]) -> list[str]:
    """The words up to the nearest clause mark (words run outward from the number)."""
    out = []
    for w in words:
        if w in CLAUSE_MARKS:
            break
        out.append(w)
    return out
