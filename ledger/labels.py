"""Numbers that name, rank, refer or number a list, and idioms: never counts.

- list and footnote numbers: ``4 - حادث استهداف`` at a line start or after a colon,
  ``1.`` opening a line, ``(2)`` opening a line or stuck to the word before it;
- labels: a number after a noun from ``labels.tsv`` names or ranks it (``المادة 21``,
  ``قرار مجلس الأمن الدولي 2216``, ``الفرقة 30``, ``الأسبوع 37``, ``الدقيقة 50``,
  ``الرقم 19988``) unless a counted noun follows;
- phone numbers and codes: after a phone noun, after ``الرقم`` or ``إلى`` in a clause
  about calling or texting, long digit strings (seven or more digits, no separators)
  and numbers with a leading zero, when nothing counted follows;
- names with digits: Latin next to the number (``M4``, ``F-16``, ``CAC 40``,
  ``Embraer 300``), digits stuck to an Arabic name (``الجبيل2``), ``24/7``;
- scores: ``3-1``, ``3 / صفر`` in a sports clause;
- idioms (``phrases.tsv``), "one" as an adjective (``جهة واحدة``، ``الزائر الواحد``) and
  "one of" (``أحد``، ``واحد من``).
"""

from __future__ import annotations

import re

from .lexicon import PEOPLE_CLASSES
from .rules import CLOSERS, DIGIT_CLITICS, Draft, RuleBase, non_claim
from .tokens import Tok

_LATIN = re.compile(r"[A-Za-z]")
LIST_MARKS = ("-", "–", ".", ")", "/")
SPORT_CUES = frozenset(
    {"فاز", "فوز", "بفوز", "تغلب", "خسر", "خسارة", "هزم", "هزيمة", "تعادل", "بنتيجة", "نتيجة",
     "مباراة", "المباراة", "الشوط", "هدف", "هدفين", "أهداف", "اهداف", "بهدف", "مرمى", "الدوري",
     "كأس", "الكاس", "المنتخب", "فريق", "الفريق", "نادي", "النادي", "بثلاثية", "برباعية"}
)  # fmt: skip
OPEN_QUOTES = frozenset("\"«“'")
CLOSE_QUOTES = frozenset("\"»”'")


# the arm of a military unit named after its number (اللواء 22 ميكا، الفرقة 30 مشاة),
# normalised: with it the number names the unit
MILITARY_ARMS = frozenset({"مشاه", "مدرع", "مدرعه", "ميكا", "ميكانيكي", "حرس", "دفاع",
                           "مدفعيه", "صواريخ", "مغاوير", "مظلات", "مظلي", "دبابات"})  # fmt: skip


# what the military unit nouns of ``lexicon/labels.tsv`` mean
MILITARY_UNITS = frozenset({"division", "brigade", "battalion", "regiment"})


class LabelRules(RuleBase):
    """Rules for numbers that are not quantities."""

    # ----------------------------------------------------------------- idioms
    def _phrase(self, toks: list[Tok], i: int) -> Draft | None:
        lex = self.lex
        for key, pos in lex.phrase_index.get(toks[i].text, ()):
            s = i - pos
            e = s + len(key)
            if s < 0 or e > len(toks):
                continue
            if tuple(t.text for t in toks[s:e]) == key:
                meaning, clen = lex.phrases[key]
                return non_claim(toks, s, e - 1, "phrase", meaning, clen)
        return None

    def _one_as_adjective(self, toks: list[Tok], i: int) -> Draft | None:
        """واحد / واحدة right after a noun it agrees with ("نقطة واحدة", "الزائر
        الواحد") means "a single" or "the same", not a count; a person in a toll stays
        a count (مقتل شخص واحد)."""
        tok = toks[i]
        nw = self.lex.number_words.get(tok.text)
        if nw is None or nw.base not in ("واحد", "واحده") or nw.clitic_len:
            return None
        if i == 0 or toks[i - 1].kind != "word" or toks[i - 1].end != tok.start - 1:
            return None
        prev = toks[i - 1].text
        if (
            prev in self.lex.stopwords
            or prev in self.lex.number_words
            or prev in self.lex.cues["negative"]
            or (prev.endswith(("ها", "هم", "ه")) and not self._ends_in_ta_marbuta(toks[i - 1]))
        ):
            return None
        if self._fraction_after(toks, i) is not None:
            return None  # واحد ونصف
        definite = prev.startswith(("ال", "وال", "بال", "لل", "فال", "كال"))
        if self.event_of(prev) is not None or not (definite or self.plain_noun(prev)):
            return None  # قتل واحد: after a verb, "one" is what is counted
        feminine = nw.base == "واحده"
        if self._ends_in_ta_marbuta(toks[i - 1]) != feminine:
            return None  # the noun and واحد must agree: ساعة واحد is not "a single hour"
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        if nxt == "فقط" or (prev,) in self.lex.units:
            return None  # شركة واحدة فقط، يوم واحد: a count of one
        definite_noun = prev.startswith(("ال", "وال", "بال", "لل", "فال", "كال"))
        ends = nxt == "" or nxt.startswith("و") or nxt in ("،", ".", "؛")
        if prev.startswith(("ال", "وال", "فال")) and not nw.article and ends:
            # الفرح واحد والهدف واحد: "one" as a predicate, the same
            return Draft(tok.start, tok.end, "phrase", False, i, i, label="one (the same)")
        if nw.article != definite_noun:
            return None
        entity = self.known_entity(prev)
        if entity is not None and entity.cls in PEOPLE_CLASSES and not nw.article:
            clause = self._clause_words(toks, i, 8, 4)
            if any(self.event_of(t.text) for t in clause if t.kind == "word"):
                return None
        return Draft(tok.start, tok.end, "phrase", False, i, i, label="one (adjective)")

    def _ends_in_ta_marbuta(self, tok: Tok) -> bool:
        _, end = self.nt.span_to_original(tok.start, tok.end)
        original = self.nt.original[:end].rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
        return original.endswith("ة")

    def _one_of(self, toks: list[Tok], i: int) -> Draft | None:
        """أحد / إحدى and واحد من: "one of", not a count."""
        tok = toks[i]
        nw = self.lex.number_words.get(tok.text)
        if nw is None or nw.article:
            return None
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        base = nw.base
        if base in ("واحد", "واحده") and self._written_with_hamza(tok):
            base = "احد"  # وأحد: "and one of", not واحد (alef normalisation merges them)
        if base in ("احد", "احدي") and nxt not in ("عشر", "عشره"):
            return non_claim(toks, i, i, "phrase", "one of", nw.clitic_len)
        if base in ("واحد", "واحده") and nxt == "من":
            after = toks[i + 2].text if i + 2 < len(toks) else ""
            if after != "كل":  # واحد من كل أربعة is a proportion
                return non_claim(toks, i, i, "phrase", "one of", nw.clitic_len)
        return None

    def _written_with_hamza(self, tok: Tok) -> bool:
        start, _ = self.nt.span_to_original(tok.start, tok.end)
        return self.nt.original[start + 1 : start + 2] in ("أ", "إ")

    # ------------------------------------------------------------------ lists
    def _list_number(self, toks: list[Tok], i: int) -> Draft | None:
        """Item and footnote numbers: ``2 - تعيين``, ``1.`` or ``(14)`` opening a line
        or following a colon, ``...العليا.»(3)``."""
        tok = toks[i]
        if not tok.text.isdigit() or len(tok.text) > 3:
            return None
        line_start = self.norm.rfind("\n", 0, tok.start) + 1
        before = self.norm[line_start : tok.start].strip()
        opened = before.endswith("(")
        lead = before[:-1].strip() if opened else before
        lead = lead.rstrip("-–").rstrip()  # الآتي :- 1- حادث
        at_start = lead == "" or lead[-1:] in (":", "؛", ".")
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if opened:
            close = nxt if nxt is not None and nxt.text == ")" else None
            if close is None:
                return None
            after = toks[i + 2] if i + 2 < len(toks) else None
            stuck = i >= 2 and toks[i - 1].start == toks[i - 2].end and toks[i - 2].kind == "punct"
            item = (
                after is not None
                and after.kind == "word"
                and after.text.startswith("ال")
                and int(tok.text) <= 20
                and not self._counted_after(toks, i + 1)
            )  # و(3) الاستقلال الوطني: an item of an inline list
            if at_start or stuck or item or (after is not None and after.text in (":", "-", "–")):
                if after is not None and self._counted_after(toks, i + 1):
                    return None
                return non_claim(toks, i - 1, i + 1, "list", "item number")
            return None
        if not at_start or nxt is None or nxt.text not in LIST_MARKS:
            return None
        after = toks[i + 2] if i + 2 < len(toks) else None
        if after is None or after.kind not in ("word", "latin", "punct"):
            return None  # 3 - 1 is a score, 2015-07-20 a date
        if nxt.text == "." and nxt.start != tok.end:
            return None
        return non_claim(toks, i, i + 1, "list", "item number")

    # ----------------------------------------------------------------- labels
    def _label(self, toks: list[Tok], i: int) -> Draft | None:
        """A number after a label noun names or ranks it: المادة (21)، القرار رقم 24،
        قرار مجلس الأمن الدولي 2216، الأسبوع ٣٧، الرقم 19988، الدورتين (36) و(11)."""
        hit = self._label_noun_before(toks, i)
        if hit is None:
            return self._unit_named_across(toks, i)
        label, k, j, in_list = hit
        nxt = self._skip_closers(toks, i + 1)
        direct = nxt < len(toks) and toks[nxt].text != "من"  # الدورة (11) من المستفيدين
        counted = direct and (self._counted_after(toks, i) or self._plain_noun_after(toks, i))
        if counted and not in_list and not label.names_counted and not self._arm_after(toks, i):
            return None
        last = self._skip_closers(toks, i + 1) - 1 if toks[j + 1].text == "(" else i
        kind = label.kind
        if kind == "reference" and toks[k].text in ("رقم", "الرقم", "برقم", "بالرقم"):
            if self._phone_context(toks, i):
                kind = "phone"
        return non_claim(toks, i, max(i, last), kind, label.meaning)

    def _unit_named_across(self, toks: list[Tok], i: int) -> Draft | None:
        """A unit's number with a word between its noun and it and its arm after ("اللواء
        المتمرد 22 ميكا"): a name too. The arm is what says so:
        without it a word between is what the number counts, or its own clause."""
        if not self._arm_after(toks, i) or i < 2:
            return None
        if self._is_noun(toks[self._skip_closers(toks, i + 1)]):
            return None  # "خسر اللواء المتمرد 15 مدرعة": armoured vehicles counted
        between, noun = toks[i - 1], toks[i - 2]
        if between.kind != "word" or noun.kind != "word" or not between.text.startswith("ال"):
            return None
        label = label_of(self.lex, noun.text)
        if label is None or label.meaning not in MILITARY_UNITS:
            return None
        return non_claim(toks, i, i, "name", label.meaning)

    def _arm_after(self, toks: list[Tok], i: int) -> bool:
        """Is the word after the number at ``i`` the arm of a military unit ("اللواء 35
        مدرع"، "الفرقة 30 مشاة"): part of the unit's name, not what it counts ("فقدت الكتيبة
        20 مقاتلا" counts fighters)?"""
        k = self._skip_closers(toks, i + 1)
        return k < len(toks) and toks[k].text in MILITARY_ARMS

    def _word_label(self, toks: list[Tok], i: int) -> Draft | None:
        """A number word after a naming noun is part of a name (أبو قرنين، فئة العشرين
        دولارا، رقم اثنين)."""
        if toks[i].text not in self.lex.number_words and (toks[i].text,) not in self.lex.units:
            return None
        hit = self._label_noun_before(toks, i)
        if hit is None or hit[3] or hit[0].kind not in ("name", "reference", "phone"):
            return None
        if not hit[0].names_counted and self._counted_after(toks, i):
            return None  # أبو ثلاثة أطفال counts children
        return non_claim(toks, i, i, hit[0].kind, hit[0].meaning)

    def _label_noun_before(self, toks: list[Tok], i: int):
        """(label, its index, the index before the number, whether it ends a list)
        when a label noun stands
        before the number at ``i``, directly, across its reach, or before a list of
        numbers the number ends (الدورتين (36) و(11))."""
        lex = self.lex
        j = self._skip_openers_back(toks, i - 1)
        if j < 0:
            return None
        if (
            toks[j].text in ("/", "-", "–")
            and j >= 1
            and toks[j - 1].kind == "word"
            and len(toks[j - 1].text) <= 2
        ):
            label = lex.labels.get(toks[j - 1].text)
            if label is not None:  # «إف- 16»: the spelled letter names it
                return label, j - 1, j, False
            j = self._skip_openers_back(toks, j - 2)  # المرسوم رقم م/5
        start = j
        # walk back over "(36) و" to the first number of a list
        while start >= 2 and toks[start].text in ("و", "،", ","):
            m = start - 1
            while m >= 0 and toks[m].kind == "punct" and toks[m].text in ")»":
                m -= 1
            if m < 0 or toks[m].kind != "num":
                break
            start = self._skip_openers_back(toks, m - 1)
        for back in range(0, 4):
            k = start - back
            if k < 0 or toks[k].kind not in ("word", "latin"):
                break
            label = label_of(lex, toks[k].text)
            if label is not None and back <= label.reach:
                return label, k, j, start != j
            if back and (toks[k].text in lex.stopwords or toks[k].text in lex.number_words):
                break
        return None

    def _plain_noun_after(self, toks: list[Tok], i: int) -> bool:
        """An indefinite noun right after the number (حدد القرار (8) دوائر انتخابية)."""
        k = self._skip_closers(toks, i + 1)
        if k >= len(toks) or toks[k].kind != "word" or toks[k].text.startswith("و"):
            return False  # رقم م/5 وتاريخ: a word joined by و starts something new
        return self.plain_noun(toks[k].text)

    def _phone_context(self, toks: list[Tok], i: int) -> bool:
        cues = self.lex.cues["phone_context"]
        return any(t.text in cues for t in self._clause_words(toks, i, 12, 6))

    def _identifier(self, toks: list[Tok], i: int) -> Draft | None:
        """Phone numbers and codes: إرسال رسالة إلى 88548، 0555123456، 3601115991."""
        tok = toks[i]
        if not tok.text.isdigit() or self._counted_after(toks, i):
            return None
        digits = len(tok.text)
        negative = i and toks[i - 1].text in ("-", "−") and toks[i - 1].end == tok.start
        round_number = tok.text.endswith("000")
        if (digits >= 7 and not round_number and not negative) or (
            tok.text[0] == "0" and digits >= 4
        ):
            return non_claim(toks, i, i, "phone" if tok.text[0] == "0" else "code", "identifier")
        prev = toks[self._skip_openers_back(toks, i - 1)] if i else None
        if digits >= 3 and prev is not None and prev.text in ("الي", "علي", "رقم", "الرقم"):
            if self._phone_context(toks, i):
                return non_claim(toks, i, i, "phone", "phone or SMS number")
        return None

    # ------------------------------------------------------------------ names
    def _name_with_digits(self, toks: list[Tok], i: int) -> Draft | None:
        """Latin stuck to or beside the number, digits stuck to an Arabic name, 24/7,
        and HTML character references left in a text (&#8220;)."""
        tok = toks[i]
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        norm = self.norm
        if norm[max(0, tok.start - 2) : tok.start] == "&#" and norm[tok.end : tok.end + 1] == ";":
            return non_claim(toks, i, i, "code", "HTML character reference")
        if prev is not None and prev.end == tok.start and prev.kind == "latin":
            return self._name(toks, i)
        if tok.end < len(norm) and _LATIN.match(norm, tok.end):
            return self._name(toks, i)
        if prev is not None and prev.text in ("-", "–") and prev.end == tok.start and i >= 2:
            before = toks[i - 2]
            if (
                before.end == prev.start
                and before.kind in ("latin", "word")
                and before.text not in self.lex.number_words
            ):
                return self._name(toks, i)
        if tok.text == "24" and nxt and nxt.text == "/" and i + 2 < len(toks):
            if toks[i + 2].text == "7" and nxt.start == tok.end:
                return non_claim(toks, i, i + 2, "name", "24/7")
        if prev is not None and prev.kind == "word" and prev.end == tok.start:
            if prev.text not in DIGIT_CLITICS and len(prev.text) > 2:
                if not self._space_lost(toks, i):
                    return non_claim(toks, i - 1, i, "name", norm[prev.start : tok.end])
        latin_before = prev is not None and prev.kind == "latin"
        if prev is not None and prev.text in ("-", "–") and i >= 2 and toks[i - 2].kind == "latin":
            latin_before = True
        if latin_before and not self._unit_or_known_noun_after(toks, i):
            first = i - 1 if prev.kind == "latin" else i - 2
            last = i + 1 if nxt is not None and nxt.kind == "latin" else i
            return non_claim(toks, first, last, "name", norm[toks[first].start : toks[last].end])
        return None

    def _space_lost(self, toks: list[Tok], i: int) -> bool:
        """Is the word joined to number ``i`` ("مقتل20"، "إلى35 جناحا"، "بمقدار15%") only
        missing its space: a word numbers follow (a stopword, an event), or a scale word,
        a unit or a counted noun after? Else the two are a name (جنيف1، خليجي20، ويندوز10)."""
        word, number = toks[i - 1].text, toks[i].text
        if number[:1] in ".,":
            return False  # "وبحور أخرى.5": a full stop, then a note's number
        if i + 1 < len(toks) and toks[i + 1].start == toks[i].end and toks[i + 1].text in CLOSERS:
            return False  # "«القصبة3»": a quoted name
        if number.isdigit() and len(number) == 4 and 1900 <= int(number) <= 2100:
            return False  # "منذ حوالي1979": a year, which the year rules do not read glued
        if word in self.lex.stopwords or self.event_of(word) is not None:
            return True  # (an event behind a clitic too: بمقتل، ويصيب)
        scale = self.lex.number_words.get(toks[i + 1].text) if i + 1 < len(toks) else None
        if scale is not None and scale.cls in ("scale", "dual_scale"):
            return True  # "توفر80 مليار ريال"
        return self._unit_or_known_noun_after(toks, i)

    def _unit_or_known_noun_after(self, toks: list[Tok], i: int) -> bool:
        k = self._skip_closers(toks, i + 1)
        if k >= len(toks):
            return False
        return bool(self._match(self.lex.units, toks, k, 3)) or self._is_noun(toks[k])

    def _name(self, toks: list[Tok], i: int) -> Draft:
        first = i
        while (
            first > 0
            and toks[first - 1].end == toks[first].start
            and toks[first - 1].kind in ("latin", "punct", "word", "num")
            and toks[first - 1].text not in "«»\"'("
        ):
            first -= 1
        last = i
        while (
            last + 1 < len(toks)
            and toks[last + 1].start == toks[last].end
            and toks[last + 1].kind in ("latin", "num")
        ):
            last += 1
        text = self.norm[toks[first].start : toks[last].end]
        return non_claim(toks, first, last, "name", text)

    def _quoted_word(self, toks: list[Tok], i: int) -> Draft | None:
        """A number word alone in quotes names something (مؤسسة "ست" السويسرية)."""
        if not i or i + 1 >= len(toks):
            return None
        before, after = toks[i - 1], toks[i + 1]
        if before.text in OPEN_QUOTES and after.text in CLOSE_QUOTES:
            if before.end == toks[i].start and after.start == toks[i].end:
                return non_claim(toks, i, i, "name", toks[i].text)
        return None

    # ----------------------------------------------------------------- scores
    def _score(self, toks: list[Tok], i: int, first_value, j: int) -> Draft | None:
        """``3-1``, ``3 / صفر`` in a sports clause: a result, not two counts.
        ``j`` is the separator's index; the second number follows it."""
        if j + 1 >= len(toks) or toks[j].text not in ("-", "–", "/", ":"):
            return None
        second = toks[j + 1]
        value = None
        if second.kind == "num" and second.text.isdigit():
            value = int(second.text)
        else:
            nw = self.lex.number_words.get(second.text)
            if nw is not None and nw.cls in ("unit", "construct", "ten") and not nw.clitic_len:
                value = int(nw.value)
        if value is None or first_value is None or first_value > 20 or value > 20:
            return None
        clause = self._clause_words(toks, i, 12, 8)
        if not any(t.text in SPORT_CUES or t.text[1:] in SPORT_CUES for t in clause):
            return None
        return non_claim(toks, i, j + 1, "score", "score or pair")


_ARTICLE_CLITICS = ("وبال", "وال", "بال", "فال", "كال")  # و، ب، ف، ك before the article


def label_of(lex, word: str):
    """The label a word names, also behind a clitic: للفرقة 30 is الفرقة 30, للواء 135
    is اللواء 135."""
    label = lex.labels.get(word)
    if label is not None or len(word) < 4:
        return label
    for lam in ("ولل", "فلل", "لل"):  # للواء 135 is اللواء 135: a stem's own ل after ال
        if word.startswith(lam):
            rest = word[len(lam) :]
            return lex.labels.get("ال" + rest) or lex.labels.get("الل" + rest)
    for clitic in _ARTICLE_CLITICS:
        if word.startswith(clitic):
            return lex.labels.get(word[len(clitic) - 2 :])
    return None
