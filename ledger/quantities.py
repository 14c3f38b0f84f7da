"""Claims: counts, percents, fractions, money, measures and durations.

A parsed number becomes a quantity here: its range (بين X و Y، من X إلى Y، X-Y), its
unit (a currency, a measure, a duration, a percent, also after a closing bracket:
``(164,781,745) ريالاً``, and shared across a list: ``6.1 و3.7 و3.3 في المائة``), its
qualifier before or after it (نحو، أكثر من، تجاوزت، قاربت، على الأقل، أو نحو ذلك, and
across a few words: ``لا يقل عمر اللاعب عن 30 سنة``), fractions (نصف مليون، ثلاثة
أرباع، واحد على ثلاثة، واحد من كل أربعة), spelled decimals (خمسة فاصلة خمسة) and
compound durations (14 دقيقة و53 ثانية).
"""

from __future__ import annotations

from fractions import Fraction

from .lexicon import strip_clitics
from .notation import AMBIGUOUS_COMMA, AMBIGUOUS_DOT, AMBIGUOUS_RA, is_ambiguous
from .numbers import NumberParse, parse_number
from .rules import TWO_WORDS, Draft, RuleBase
from .tokens import Tok

RANGE_JOINERS = ("الي", "حتي")
CHANGE_ORDER = (0.1, 10.0)  # a change's start is within this factor of the value reached


def _of_order(start, reached) -> bool:
    """Is a change's start within ``CHANGE_ORDER`` of the value it reached?"""
    return CHANGE_ORDER[0] <= start / reached <= CHANGE_ORDER[1]


# Scale words whose accusative (ألفاً) and dual construct (ألفا) differ only in tanween.
DUAL_CONSTRUCT = ("الفا", "مليونا", "مليارا")
LOWER = ("more_than", "at_least")
UPPER = ("less_than", "at_most")
BOUNDS = LOWER + UPPER
CHANGE_EVENTS = ("rose", "fell")
COMPARATORS = frozenset("<>=")
DASH_ASIDE_REACH = 5  # tokens after a number searched for the dash closing an aside
DURATION_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
# phrases that repeat a number in words or signal "and the like": not a new figure
DECIMAL_WORDS = ("فاصله", "فاصل")
SCORE_MAX = 30  # "3-1" is a score; "8,500 - 8,000" a range written high to low
GAP_WORDS = 14  # how far back a bound verb may stand from عن / على and its number
DIRECT_GAP_WORDS = 4  # ... and from a number it governs directly


DINARS = frozenset({"dinar", "TND"})
BRACKETS = frozenset("()")


class QuantityRules(RuleBase):
    """Rules that turn numbers into claims."""

    # ------------------------------------------------------------ word numbers
    def _word_number(self, toks: list[Tok], i: int) -> Draft | None:
        lex = self.lex
        tok = toks[i]
        nw = lex.number_words.get(tok.text)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        unit = lex.units.get((tok.text,))
        if nw is None:
            if unit is not None and unit.count:  # a dual unit: عامين ونصف
                return self._dual_unit(toks, i)
            return self._dual_noun(toks, i)
        if self._not_a_number(toks, i, nw):
            return None
        if nw.cls == "fraction":
            return self._fraction(toks, i)
        one = self._one_of(toks, i) or self._one_as_adjective(toks, i)
        if one is not None:
            return one
        if nw.article:
            return self._article_number(toks, i)
        if nw.cls == "unit" and nw.value == 0 and self._year_after(toks, i) is not None:
            return None
        parse = parse_number(lex, toks, i)
        if parse is None:
            return None
        if nw.cls == "scale" and nw.base in DUAL_CONSTRUCT and self._without_tanween(tok):
            parse.value += nw.value  # ألفا دولار: the dual construct, two thousand
        if nxt is not None and parse.last == i:
            score = self._score(toks, i, parse.value if parse.value.denominator == 1 else None,
                                i + 1)  # fmt: skip
            if score is not None:
                return score
        return self._quantity(toks, parse)

    def _dual_noun(self, toks: list[Tok], i: int) -> Draft | None:
        """مقتل جنديين، حالتي وفاة، امرأتان: two of a counted noun, in one word. The
        construct form (حالتي، رجلي) counts only before the noun it is joined to."""
        dual = self.lex.duals.get(toks[i].text)
        if dual is None:
            return None
        lemma, construct = dual
        if construct:  # حالتي وفاة، رجلي أمن; but حالتي الصحية is "my condition"
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (
                nxt is None
                or nxt.kind != "word"
                or nxt.text.startswith(("ال", "و"))
                or nxt.text in self.lex.stopwords
                or nxt.text in self.lex.number_words
            ):
                return None
            known = self.known_entity(nxt.text) is not None or self.event_of(nxt.text)
            if construct not in ("person", "civilian") and not known:
                return None
        clitic = next((n for n, base in strip_clitics(toks[i].text) if n and base in self.lex.duals
                       and self.lex.duals[base] == dual), 0)  # fmt: skip
        last = i
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.text in TWO_WORDS:
            last = i + 1  # "جريحين اثنين": the number restates the dual, one count of two
        draft = Draft(toks[i].start + clitic, toks[last].end, "count", True, i, last,
                      qualifier="exact")  # fmt: skip
        draft.value, draft.entity = Fraction(2), lemma
        return self._qualify(toks, draft)

    def _not_a_number(self, toks: list[Tok], i: int, nw) -> bool:
        """ست الدنيا (a lady), لست (I am not): letters that only look like a number."""
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return nw.base == "ست" and (tok.text == "لست" or bool(nxt and nxt.text.startswith("ال")))

    def _without_tanween(self, tok: Tok) -> bool:
        """True if the original spelling of ``tok`` carries no tanween (ألفا, not ألفاً)."""
        start, end = self.nt.span_to_original(tok.start, tok.end)
        return "\u064b" not in self.nt.original[start:end]

    def _article_number(self, toks: list[Tok], i: int) -> Draft | None:
        """ال + number word: the three (count), the twentieth (ordinal), a date."""
        lex = self.lex
        tok = toks[i]
        nw = lex.number_words[tok.text]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        nxt2 = toks[i + 2] if i + 2 < len(toks) else None
        start = tok.start + nw.clitic_len
        if nxt and nxt.text == "من":
            last = self._date_after_day(toks, i + 1)
            if last is not None:
                return Draft(start, toks[last].end, "date", False, i, last, label="day of month")
        if nw.cls == "unit" and nw.value < 10 and nxt is not None and nxt2 is not None:
            # الواحد والعشرون: a compound ordinal
            tens = lex.number_words.get(nxt2.text if nxt.text == "و" else nxt.text)
            if tens is not None and tens.cls == "ten" and tens.article:
                last = i + 2 if nxt.text == "و" else i + 1
                rank = nw.value + tens.value
                return Draft(start, toks[last].end, "ordinal", False, i, last, label=str(rank))
        if (
            nw.cls in ("unit", "construct")
            or self._is_noun(nxt)
            or self._qualifier_before(toks, i) is not None
        ):
            parse = parse_number(lex, toks, i)
            if parse is None:
                return None
            return self._quantity(toks, parse)
        return Draft(start, tok.end, "ordinal", False, i, i, label=str(nw.value))

    def _fraction(self, toks: list[Tok], i: int) -> Draft | None:
        """نصف مليون, ساعة ونصف, ربع قرن, ثلثا السكان; a bare نصف is not a quantity,
        nor are ربع سنوي (quarterly) and نصف النهائي (the semi-final)."""
        lex = self.lex
        tok = toks[i]
        nw = lex.number_words[tok.text]
        frac = nw.value
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        prev = toks[i - 1] if i else None
        if nw.clitic_len and tok.text[0] == "و" and prev is not None:
            unit = lex.units.get((prev.text,))
            if unit is not None and unit.kind == "duration":
                draft = Draft(prev.start, tok.end, unit.kind, True, i - 1, i, qualifier="exact")
                draft.value = (unit.count or 1) + frac
                draft.unit = unit.unit
                return draft
            return None
        if nw.article:
            return None
        if nxt is None or (nxt.kind == "punct" and nxt.text in ".،؛!؟"):
            if prev is None or prev.kind != "word" or prev.text in lex.stopwords:
                # a fraction standing alone (قرأ نصف.) is a share; after a noun it is
                # part of a phrase the rules above did not read
                draft = Draft(tok.start + nw.clitic_len, tok.end, "fraction", True, i, i)
                draft.qualifier, draft.value = "exact", frac
                return draft
            return None
        if nxt.text in lex.cues.get("fraction_idiom", ()):
            return self._phrase_draft(toks, i, i + 1, "fraction idiom")
        scale = lex.number_words.get(nxt.text)
        if scale is not None and scale.cls == "scale" and not scale.clitic_len:
            parse = NumberParse(frac * scale.value, i, i + 1, nw.clitic_len, has_words=True)
            return self._quantity(toks, parse)
        unit = lex.units.get((nxt.text,))
        if unit is not None and unit.kind == "duration" and unit.count is None:
            draft = Draft(tok.start + nw.clitic_len, nxt.end, "duration", True, i, i + 1)
            draft.qualifier, draft.value, draft.unit = "exact", frac, unit.unit
            return self._qualify(toks, draft)
        if nxt.kind == "word" and (
            (nxt.text not in lex.stopwords and len(nxt.text) > 2)
            or (nxt.text == "من" and i + 2 < len(toks) and toks[i + 2].kind == "word")
        ):
            # نصف السكان، ثلثان من الكتاب: a share of something
            draft = Draft(tok.start + nw.clitic_len, tok.end, "fraction", True, i, i)
            draft.qualifier, draft.value = "exact", frac
            return self._qualify(toks, draft)
        return None

    def _phrase_draft(self, toks: list[Tok], first: int, last: int, label: str) -> Draft:
        return Draft(toks[first].start, toks[last].end, "phrase", False, first, last, label=label)

    def _dual_unit(self, toks: list[Tok], i: int) -> Draft | None:
        unit = self.lex.units[(toks[i].text,)]
        if toks[i].text.startswith("ال"):
            return None
        draft = Draft(toks[i].start, toks[i].end, unit.kind, True, i, i, qualifier="exact")
        draft.value, draft.unit = Fraction(unit.count or 1), unit.unit
        frac = self._fraction_after(toks, i)
        if frac is not None:
            draft.value += frac[0]
            draft.last, draft.end = frac[1], toks[frac[1]].end
        return self._qualify(toks, draft)

    def _fraction_after(self, toks: list[Tok], j: int) -> tuple[Fraction, int] | None:
        """A joined fraction right after token ``j`` (ونصف, وربع): (value, index)."""
        k = j + 1
        bare_and = k + 1 < len(toks) and toks[k].text == "و"
        if bare_and:
            k += 1
        if k < len(toks) and toks[k].kind == "word":
            nw = self.lex.number_words.get(toks[k].text)
            if (
                nw
                and nw.cls == "fraction"
                and not nw.article
                and ((bare_and and not nw.clitic_len) or (nw.clitic_len and toks[k].text[0] == "و"))
            ):
                return nw.value, k
        return None

    def _vague(self, toks: list[Tok], i: int) -> Draft | None:
        hit = self._match(self.lex.vague, toks, i, 3)
        if hit is None:
            return None
        (low, high), clen, last = hit
        draft = Draft(
            toks[i].start + clen, toks[last].end, "count", True, i, last, qualifier="vague"
        )
        draft.low, draft.high = Fraction(low), Fraction(high)
        self._unit(toks, draft)  # بضعة أسابيع، عشرات الملايين من الدولارات
        draft.qualifier = "vague"
        return draft

    # ------------------------------------------------------------------ digits
    def _thousands(self, toks: list[Tok], i: int) -> bool | None:
        """How to read one separator before three digits (``10.000``, ``500ر12``):
        True for thousands, False for a decimal point, None when not ambiguous."""
        text = toks[i].text
        if not is_ambiguous(text):
            return None
        k = self._skip_closers(toks, i + 1)
        nxt = toks[k] if k < len(toks) else None
        if nxt is not None and nxt.kind == "word":
            nw = self.lex.number_words.get(nxt.text)
            if nw is not None and nw.cls in ("scale", "dual_scale"):
                return False  # 6.935 مليون
            unit = self._match(self.lex.units, toks, k, 3)
            if unit is not None and unit[0].kind == "percent":
                return False  # 3.776 %
            if unit is not None and unit[0].scale != 1:
                return False  # 2.853 م.د
            if unit is not None and unit[0].unit == "millime":
                return True  # 2.500 مليم: millimes are whole
            if (
                unit is not None
                and unit[0].unit in DINARS
                and (AMBIGUOUS_DOT.match(text) or AMBIGUOUS_COMMA.match(text))
            ):
                # dinars are written with their millimes (9.270 د، 2.250 دينار);
                # 50.000 د is fifty thousand
                return text.endswith("000")
        if nxt is not None and nxt.text in ("%", "٪"):
            return False
        if AMBIGUOUS_RA.match(text):
            before = toks[i - 1].text if i else ""
            return (
                text.startswith("000")
                or before in ("(", "/")
                or (nxt is not None and nxt.text in (")", "/"))
            )
        if AMBIGUOUS_DOT.match(text):
            cues = self.lex.cues["decimal_before"]
            for t in toks[max(0, i - 6) : i]:
                if t.text in cues or t.text[1:] in cues:
                    return False  # سعر 7.500 درهم، اليورو عند 1.095
        return True

    def _digits(self, toks: list[Tok], i: int) -> Draft | None:
        """A number written in digits: first everything it may be that is not a count."""
        tok = toks[i]
        prev = toks[i - 1] if i else None
        draft = (
            self._clock(toks, i)
            or self._name_with_digits(toks, i)
            or self._numeric_date(toks, i)
            or self._day_range(toks, i)
            or self._list_number(toks, i)
            or self._label(toks, i)
            or self._identifier(toks, i)
        )
        if draft is not None:
            return draft
        # ordinals written with digits: الـ20 (but مدة الـ 3 دقائق counts minutes)
        if prev is not None and prev.text == "ال" and not self._qualifier_before(toks, i - 1):
            if not self._counted_after(toks, i):
                return Draft(prev.start, tok.end, "ordinal", False, i - 1, i, label=tok.text)
        if len(tok.text) <= 2 and "." not in tok.text:
            date = self._day_month(toks, i)
            if date is not None:
                return date
        parse = parse_number(self.lex, toks, i, thousands=self._thousands(toks, i))
        if parse is None:
            return None
        if parse.last == i and tok.text.isdigit():
            score = self._score(toks, i, int(tok.text), i + 1)
            if score is not None:
                return score
        ratio = parse.last + 2 < len(toks) and toks[parse.last + 1].text == "علي"
        year = None if ratio else self._year(toks, parse.first, parse.last)
        if year is not None:
            return year
        return self._quantity(toks, parse)

    # -------------------------------------------------------------- quantities
    def _quantity(self, toks: list[Tok], parse: NumberParse) -> Draft:
        """Turn a parsed number into a claim: range, fraction, unit, qualifier."""
        first, last = parse.first, parse.last
        start = toks[first].start + parse.clitic_len
        draft = Draft(start, toks[last].end, "count", True, first, last, qualifier="exact")
        draft.value = parse.value
        k = self._skip_closers(toks, last + 1)
        scale = self.lex.number_words.get(toks[k].text) if last + 1 < k < len(toks) else None
        if scale is not None and scale.cls == "scale" and not scale.clitic_len:
            draft.value *= scale.value  # «6.9» مليون برميل
            parse.last_scale = int(scale.value)
            draft.last, draft.end = k, toks[k].end
            last = k
        # ونصف after the number: مليون ونصف, 3 ساعات ونصف is handled after the unit
        frac = self._fraction_after(toks, last)
        if frac is not None:
            draft.value += frac[0] * parse.last_scale
            draft.last, draft.end = frac[1], toks[frac[1]].end
        self._restated(toks, draft)
        self._spelled_decimal(toks, draft)
        self._negative(toks, draft)
        if self._ratio(toks, draft):
            return self._qualify(toks, draft)
        self._range(toks, parse, draft)
        self._unit(toks, draft)
        if draft.unit is None:
            self._unit_before(toks, draft)
        if draft.unit is None and draft.qualifier != "range":
            self._changed_from(toks, parse, draft) or self._shared_unit(toks, draft)
        self._no_negative_duration(toks, draft)
        return self._qualify(toks, draft)

    def _restated(self, toks: list[Tok], draft: Draft) -> None:
        """A number said again the other way is one number: ``(431) أربعمائة وواحداً
        وثلاثين موقوفاً``, ``65000 (خمسة وستين ألف) اسطوانة``, ``ستة وثلاثون (36) شخصية``.
        The mention spans both and their brackets (and a scale word after them: ``65
        (خمسة وستين) ألف``); its noun is the one after them."""
        last = self._restatement_end(toks, draft.first, draft.last, draft.value)
        if last is None:
            return
        if (
            draft.first
            and toks[draft.first - 1].text == "("
            and ")" in (t.text for t in toks[draft.last + 1 : last])
        ):
            draft.first -= 1  # (37) سبعة وثلاثون
            draft.start = toks[draft.first].start
        draft.last, draft.end = last, toks[last].end
        k = self._skip_closers(toks, draft.last + 1)
        scale = self.lex.number_words.get(toks[k].text) if k < len(toks) else None
        if scale is not None and scale.cls == "scale" and not scale.clitic_len:
            draft.value *= scale.value  # 65 (خمسة وستين) ألف اسطوانة: 65,000
            draft.last, draft.end = k, toks[k].end

    def _restatement_end(self, toks: list[Tok], first: int, last: int, value) -> int | None:
        """The last token of the number ``toks[first:last + 1]`` said again the other way
        right after it (in digits after words, in words after digits, with its brackets:
        "5 (خمسة)"), or None when it is not."""
        j = last + 1
        while j < len(toks) and toks[j].text in BRACKETS and j - last <= 2:
            j += 1
        if j >= len(toks) or (toks[j].kind == "num") == (toks[first].kind == "num"):
            return None
        if toks[j].kind == "word" and (
            self.lex.number_words.get(toks[j].text) is None
            or self.lex.units.get((toks[j].text,)) is not None
        ):  # 100 بالمئة
            return None
        parse = parse_number(self.lex, toks, j)
        if parse is None or parse.value != value or parse.clitic_len:
            return None
        end = parse.last
        opened = "(" in (t.text for t in toks[last + 1 : j])
        if opened and end + 1 < len(toks) and toks[end + 1].text == ")":
            end += 1  # 5 (خمسة)
        return end

    @staticmethod
    def _no_negative_duration(toks: list[Tok], draft: Draft) -> None:
        """A dash before a number of years or days is punctuation (قضى في بايرن -17 عاما):
        no duration is negative."""
        sign = toks[draft.first]
        if draft.kind == "duration" and sign.text in ("-", "−") and (draft.value or 0) < 0:
            draft.value = -draft.value
            draft.first += 1
            draft.start = toks[draft.first].start

    def _spelled_decimal(self, toks: list[Tok], draft: Draft) -> None:
        """خمسة فاصلة خمسة (5.5); مائتين فاصلة ثلاثة من مائة (200.03)."""
        j = draft.last + 1
        if j + 1 >= len(toks) or toks[j].text not in DECIMAL_WORDS or draft.value is None:
            return
        second = parse_number(self.lex, toks, j + 1)
        if second is None or second.value.denominator != 1:
            return
        last = second.last
        places = Fraction(10) ** len(str(second.value.numerator))
        if last + 2 < len(toks) and toks[last + 1].text == "من":
            over = parse_number(self.lex, toks, last + 2)
            if over is not None and over.value in (10, 100, 1000):
                places, last = over.value, over.last
        draft.value += second.value / places
        draft.last, draft.end = last, toks[last].end

    def _ratio(self, toks: list[Tok], draft: Draft) -> bool:
        """واحد على ثلاثة (1/3), واحد من كل أربعة (1/4): a fraction, not two counts."""
        j = draft.last + 1
        if j + 1 >= len(toks) or draft.value is None:
            return False
        if toks[j].text == "علي":
            k = j + 1
        elif toks[j].text == "من" and j + 2 < len(toks) and toks[j + 1].text == "كل":
            k = j + 2
        else:
            return False
        if toks[k].kind != "num" and toks[k].text not in self.lex.number_words:
            return False
        second = parse_number(self.lex, toks, k)
        if second is None or not second.value:
            return False
        if self._score(toks, draft.first, 0, j - 1 if toks[j - 1].text in "-/" else j) is not None:
            return False
        clause = self._clause_words(toks, draft.first, 12, 8)
        if any(t.text in ("فاز", "تغلب", "بفوز", "فوز", "هزم") for t in clause):
            return False
        draft.kind, draft.value = "fraction", draft.value / second.value
        draft.last, draft.end = second.last, toks[second.last].end
        return True

    def _negative(self, toks: list[Tok], draft: Draft) -> None:
        """سالب 5, ناقص واحد, -5, <-30: a negative value."""
        i = draft.first
        if not i or draft.value is None:
            return
        prev = toks[i - 1]
        if prev.text in self.lex.cues["negative"]:
            draft.value, draft.first, draft.start = -draft.value, i - 1, prev.start
        elif prev.text in ("-", "−") and prev.end == toks[i].start and toks[i].kind == "num":
            before = toks[i - 2] if i >= 2 else None
            if self._dashed_aside(toks, draft.last):
                return  # عبد الرحمن هارون -40 عاما-: an aside between dashes
            if (
                before is None
                or (before.end < prev.start and before.kind != "num")
                or (before.text in COMPARATORS and before.end == prev.start)
            ):
                draft.value, draft.first, draft.start = -draft.value, i - 1, prev.start

    @staticmethod
    def _dashed_aside(toks: list[Tok], last: int) -> bool:
        """Does a dash close an aside a few words after the number (محمد -15 عاما-،
        86 مليار يورو -94 مليار دولار-)? Then the dash before it opened the aside."""
        for tok in toks[last + 1 : last + 1 + DASH_ASIDE_REACH]:
            if tok.text in ("-", "−"):
                return True
            if tok.kind == "num" or tok.text in (".", "،", ",", "؛", "\n"):
                return False
        return False

    def _range(self, toks: list[Tok], parse: NumberParse, draft: Draft) -> None:
        lex = self.lex
        first = draft.first
        prev = toks[first - 1].text if first else ""
        prev_base = prev[1:] if prev[:1] in "وف" and len(prev) > 3 else prev
        between = prev_base in ("بين", "مابين")
        from_ = prev_base == "من"
        j = draft.last + 1
        if j < len(toks) and toks[j].text in ("%", "٪") and (between or from_):
            j += 1  # مابين 4.37% إلى 2.17%
        first_unit = None  # بين 300 دينار و1000 دينار: the unit written after both bounds
        if between or from_:
            hit = self._match(lex.units, toks, j, 3)
            if hit is not None and hit[0].count is None and hit[0].kind != "percent":
                first_unit, j = hit[0], hit[2] + 1
        joiner = toks[j] if j < len(toks) else Tok("end", "", 0, 0)
        second: NumberParse | None = None
        second_first = j + 1
        if joiner.text == "و" and between:
            second = self._bound(toks, j + 1)
        elif joiner.kind == "word" and between and joiner.text[0] == "و":
            second, second_first = self._bound(toks, j), j
        elif joiner.text in RANGE_JOINERS or joiner.text == "او":
            if joiner.text == "او" and from_:
                return
            if from_ and self._change_before(toks, first - 1):
                return
            second = self._bound(toks, j + 1)
            if second is not None and not (between or from_) and joiner.text != "او":
                if second.value <= draft.value:
                    second = None
        elif joiner.text in ("-", "–", "~") and toks[j - 1].kind == "num":
            if j + 1 < len(toks) and toks[j + 1].kind == "num":
                second = parse_number(lex, toks, j + 1, allow_connectors=False)
        if second is None and between and parse.connectors:
            # بين خمسة وعشرين: read as 5 to 20, not 25
            short = parse_number(lex, toks, parse.first, allow_connectors=False)
            if short is not None:
                cut = short.last + 1
                nxt = parse_number(lex, toks, cut)
                if nxt is not None:
                    parse, second = short, nxt
                    draft.value = short.value
        if second is None:
            return
        if first_unit is not None:
            after = self._match(lex.units, toks, self._skip_closers(toks, second.last + 1), 3)
            if after is None or after[0].unit != first_unit.unit:
                return  # two amounts in different units are not a range
            if first_unit.scale != 1 or after[0].scale != 1:
                return
            if from_ and second.value <= draft.value:
                return  # من 240 يوما إلى 40 يوما: a change, not a range
        low, high = draft.value, second.value
        if second_first < len(toks) and toks[second_first].text in lex.cues["negative"]:
            high = -high
        if second.last_scale > 1 and parse.last_scale == 1 and low * second.last_scale <= high:
            if low < second.value / second.last_scale or low < high / second.last_scale:
                low *= second.last_scale
        if joiner.text in ("-", "–", "~") and low >= high:
            if max(low, high) <= SCORE_MAX:
                draft.kind, draft.is_claim, draft.label = "score", False, "score or pair"
                draft.qualifier, draft.value = None, None
                draft.last, draft.end = second.last, toks[second.last].end
                return
            low, high = high, low  # مستويات 8,500 - 8,000 نقطة
        if low >= high and joiner.text == "او" and not between:
            return
        if low > high and (between or from_):
            low, high = high, low  # مابين 4.37% إلى 2.17%
        if low == high:
            return
        if between or from_:
            draft.first, draft.start = (
                first - 1,
                toks[first - 1].start + (len(prev) - len(prev_base)),
            )
            if first >= 2 and toks[first - 2].text == "ما" and between:
                draft.first, draft.start = first - 2, toks[first - 2].start
        draft.qualifier = "range"
        draft.value = None
        draft.low, draft.high = low, high
        draft.last, draft.end = second.last, toks[second.last].end
        restated = self._restatement_end(toks, second.first, second.last, second.value)
        if restated is not None:  # بين 5 (خمسة) و10 (عشرة) أشخاص
            draft.last, draft.end = restated, toks[restated].end

    def _bound(self, toks: list[Tok], j: int) -> NumberParse | None:
        """The second number of a range (سالب allowed before it)."""
        if j < len(toks) and toks[j].text in self.lex.cues["negative"]:
            j += 1
        return parse_number(self.lex, toks, j) if j < len(toks) else None

    def _change_before(self, toks: list[Tok], j: int) -> bool:
        """Is there a rise/fall verb just before token ``j`` (ارتفع من 10 إلى 15)?"""
        for k in range(max(0, j - 5), j):
            event = self.event_of(toks[k].text)
            if event and event[0] in CHANGE_EVENTS:
                return True
        return False

    def _unit(self, toks: list[Tok], draft: Draft) -> None:
        lex = self.lex
        k = self._skip_closers(toks, draft.last + 1)
        hit = self._match(lex.units, toks, k, 3)
        if hit is None:
            return
        unit, _, last = hit
        if unit.count is not None:
            return  # a dual after a number is a separate word (5 سنتين does not occur)
        if k > draft.last + 1 and unit.kind not in ("money", "percent", "measure", "duration"):
            return
        if unit.kind != "percent" and toks[k].start - toks[k - 1].end > 1:
            if toks[k].kind != "word":
                return
        draft.unit = unit.unit
        draft.kind = unit.kind
        draft.last, draft.end = last, toks[last].end
        if unit.scale != 1:  # 2.853 م.د: the abbreviation holds "million"
            for key in ("value", "low", "high"):
                if getattr(draft, key) is not None:
                    setattr(draft, key, getattr(draft, key) * unit.scale)
        frac = self._fraction_after(toks, last)
        if frac is not None and unit.kind == "duration" and draft.value is not None:
            draft.value += frac[0]
            draft.last, draft.end = frac[1], toks[frac[1]].end
        elif unit.kind == "duration":
            self._compound_duration(toks, draft)
        # money signs before the number: $500
        if draft.first and toks[draft.first - 1].text in ("$", "€"):
            draft.first -= 1

    def _compound_duration(self, toks: list[Tok], draft: Draft) -> None:
        """14 دقيقة و53.34 ثانية: one duration, in the smaller unit."""
        j = draft.last + 1
        if j + 1 >= len(toks) or draft.value is None or draft.unit not in DURATION_SECONDS:
            return
        k = j + 1 if toks[j].text == "و" else (j if toks[j].text.startswith("و") else None)
        if k is None or k >= len(toks):
            return
        if toks[k].kind != "num" and toks[k].text not in self.lex.number_words:
            return
        second = parse_number(self.lex, toks, k)
        if second is None or second.last + 1 >= len(toks):
            return
        hit = self._match(self.lex.units, toks, second.last + 1, 2)
        if hit is None or hit[0].kind != "duration" or hit[0].unit not in DURATION_SECONDS:
            return
        big, small = DURATION_SECONDS[draft.unit], DURATION_SECONDS[hit[0].unit]
        if small >= big:
            return
        draft.value = draft.value * big / small + second.value
        draft.unit = hit[0].unit
        draft.last, draft.end = hit[2], toks[hit[2]].end

    def _unit_before(self, toks: list[Tok], draft: Draft) -> None:
        """بالمائة 10: a percent word written before the number; "الأشهر الستة" (the six
        months): a definite number after a definite time noun is that many of it."""
        i = draft.first
        if i and toks[i].text.startswith("ال") and toks[i - 1].text.startswith("ال"):
            unit = self.lex.units.get((toks[i - 1].text[2:],))
            if unit is not None and unit.kind == "duration" and unit.count is None:
                draft.kind, draft.unit = "duration", unit.unit
                draft.first, draft.start = i - 1, toks[i - 1].start
                return
        for n in (2, 1):
            if i - n < 0:
                continue
            unit = self.lex.units.get(tuple(t.text for t in toks[i - n : i]))
            if unit is not None and unit.kind == "percent" and toks[i - n].text != "%":
                if i - n == 0 or toks[i - n - 1].kind != "num":
                    draft.kind, draft.unit = "percent", "%"
                    draft.first, draft.start = i - n, toks[i - n].start
                return
        if i and toks[i - 1].text in self.lex.cues["percent_before"]:
            draft.kind, draft.unit = "percent", "%"  # بنسبة 10

    def _changed_from(self, toks: list[Tok], parse: NumberParse, draft: Draft) -> bool:
        """ "ارتفعت من 20 إلى 25 مليون ريال": the value a change started from, told in no
        unit of its own, takes the unit the value it reached is told in, and its scale
        when so scaled it is of that value's order (20 million riyals; "من 5000 إلى 7 آلاف
        ريال" is 5,000 riyals; "من 900 إلى 1.2 مليار" is left as written). Returns whether
        the number is such a starting value."""
        j = draft.last + 1
        before = toks[draft.first - 1].text if draft.first else ""
        if before[:1] in "وف" and len(before) > 3:
            before = before[1:]
        if before != "من" or j + 1 >= len(toks) or toks[j].text not in RANGE_JOINERS:
            return False
        reached = self._bound(toks, j + 1)
        if reached is None or not reached.value:
            return False
        hit = self._match(self.lex.units, toks, self._skip_closers(toks, reached.last + 1), 3)
        if hit is None or hit[0].count is not None or hit[0].scale != 1:
            return True
        value = draft.value
        if parse.last_scale == 1 and reached.last_scale > 1:
            scaled = value * reached.last_scale  # من 20 إلى 25 مليون: 20 million
            if _of_order(scaled, reached.value):
                value = scaled
            elif not _of_order(value, reached.value):
                return True  # من 900 إلى 1.2 مليار: 900 what? (900 million, as likely)
        if hit[0].kind in ("percent", "money", "measure"):
            draft.kind, draft.unit, draft.value = hit[0].kind, hit[0].unit, value
        return True

    def _shared_unit(self, toks: list[Tok], draft: Draft) -> None:
        """6.1 و3.7 و3.3 في المائة: the unit after a list of numbers is each one's."""
        j = draft.last + 1
        while j + 1 < len(toks) and toks[j].text == "و" and toks[j + 1].kind == "num":
            j += 2
        if j == draft.last + 1:
            return
        hit = self._match(self.lex.units, toks, j, 3)
        if hit is not None and hit[0].kind in ("percent", "money", "measure"):
            draft.kind, draft.unit = hit[0].kind, hit[0].unit

    # -------------------------------------------------------------- qualifiers
    def _qualify(self, toks: list[Tok], draft: Draft) -> Draft:
        """Attach qualifiers before (نحو, أكثر من) and after (تقريبا, على الأقل)."""
        if draft.qualifier in ("range", "vague") or not draft.is_claim:
            return draft
        i = draft.first
        if i and toks[i - 1].text == "ال":  # قرابة الـ 20
            q = self._qualifier_before(toks, i - 1)
        else:
            q = self._qualifier_before(toks, self._skip_openers_back(toks, i - 1) + 1)
        if (
            q is not None
            and toks[q[2]].text in ("<", ">")
            and q[2]
            and (toks[q[2] - 1].text in COMPARATORS and toks[q[2] - 1].end == toks[q[2]].start)
        ):
            q = None  # => and <> are not comparisons news writes
        if q is not None:
            draft.qualifier, draft.start, draft.first = q
        else:
            q = self._shared_qualifier(toks, draft) or self._gap_qualifier(toks, draft)
        if q is not None and q[0] in BOUNDS and self._other_bound(toks, draft, q[0]):
            return draft
        after = self._match(self.lex.qual_after, toks, draft.last + 1, 3)
        if after is not None and after[2] + 2 < len(toks) and toks[after[2] + 1].text == "من":
            if toks[after[2] + 2].kind == "num" or toks[after[2] + 2].text in self.lex.number_words:
                after = None  # "5000 أو أقل من 6000": a second figure, not a qualifier
        extend = after is not None
        if after is None and draft.last + 2 < len(toks) and toks[draft.last + 1].kind == "word":
            # 7 مدنيين على الأقل: the qualifier follows the counted noun
            after = self._match(self.lex.qual_after, toks, draft.last + 2, 3)
        if after is not None:
            qualifier, _, last = after
            # "about 500 or less" is at most 500; "exactly" never loosens a bound
            if (
                q is None
                or (q[0] in ("exact", "approx") and qualifier != "exact")
                or qualifier == "at_least"
            ):
                draft.qualifier = qualifier
            if extend:
                draft.last, draft.end = last, toks[last].end
        return draft

    def _shared_qualifier(self, toks: list[Tok], draft: Draft) -> tuple | None:
        """بنحو 6.1 و3.7 و3.3: the qualifier before a list of numbers is each one's."""
        j = draft.first - 1
        moved = False
        while j >= 1 and toks[j].text == "و" and toks[j - 1].kind == "num":
            j -= 2
            moved = True
        if not moved:
            return None
        q = self._qualifier_before(toks, j + 1)
        if q is not None:
            draft.qualifier = q[0]
        return q

    def _gap_qualifier(self, toks: list[Tok], draft: Draft) -> tuple | None:
        """لا يقل عمر اللاعب عن 30 سنة، تزيد طاقتها عن ألف، لا يتجاوز مدة الـ 3 دقائق:
        a bound verb a few words before the number (and before عن / على when the verb
        takes one), within the number's clause."""
        j = self._skip_openers_back(toks, draft.first - 1)
        if j >= 0 and toks[j].text == "ال":
            j -= 1
        preposition = j >= 1 and toks[j].text in ("عن", "علي")
        table = self.lex.qual_gap if preposition else self.lex.qual_gap_direct
        reach = GAP_WORDS if preposition else DIRECT_GAP_WORDS
        for k in range(j - 1 if preposition else j, max(-1, j - reach), -1):
            if toks[k].text in "،؛.:" or toks[k].kind == "num":
                return None
            for n in (2, 1):
                if k - n + 1 < 0:
                    continue
                hit = table.get(tuple(t.text for t in toks[k - n + 1 : k + 1]))
                if hit is not None:
                    draft.qualifier = hit[0]
                    return hit[0], draft.start, draft.first
        return None

    def _other_bound(self, toks: list[Tok], draft: Draft, first: str) -> bool:
        """أكثر من 100 وأقل من 300: a lower and an upper bound make a range."""
        wanted = UPPER if first in LOWER else LOWER
        j = draft.last + 1
        if j < len(toks) and toks[j].text == "و":
            j += 1
        for n in (4, 3, 2, 1):
            key = tuple(t.text for t in toks[j : j + n])
            hit = self.lex.qual_before.get(key)
            if hit is None or hit[0] not in wanted or j + n >= len(toks):
                continue
            if j == draft.last + 1 and not key[0].startswith("و"):
                return False
            second = parse_number(self.lex, toks, j + n)
            if second is None or draft.value is None:
                return False
            low, high = sorted((draft.value, second.value))
            if (low == draft.value) != (first in LOWER) or low == high:
                return False
            draft.qualifier = "range"
            draft.low, draft.high, draft.value = low, high, None
            draft.last, draft.end = second.last, toks[second.last].end
            return True
        return False
