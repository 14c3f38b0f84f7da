"""What every extraction rule shares: the draft of a mention and the word lookups.

The extractor (``extract.Extractor``) is assembled from rule families, one module
each: ``dates`` (dates, years, clock times, weekdays), ``labels`` (numbers that name,
rank, refer or number a list: references, phone numbers, names, scores, idioms) and
``quantities`` (counts, percents, money, measures, durations with their ranges,
units and qualifiers). Each family is a mixin over ``RuleBase``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from .lexicon import Lexicon, strip_clitics
from .normalize import NormalizedText
from .tokens import ARABIC_LETTERS, Tok


@dataclass
class Draft:
    """A mention before its offsets are mapped back to the original text."""

    start: int  # normalised offsets
    end: int
    kind: str
    is_claim: bool
    first: int  # token indices
    last: int
    qualifier: str | None = None
    value: Fraction | None = None
    low: Fraction | None = None
    high: Fraction | None = None
    unit: str | None = None
    label: str | None = None
    entity: str | None = None


def non_claim(toks: list[Tok], first: int, last: int, kind: str, label: str | None,
              clitic: int = 0) -> Draft:  # fmt: skip
    """A draft of a non-claim covering tokens ``first`` to ``last``."""
    return Draft(toks[first].start + clitic, toks[last].end, kind, False, first, last, label=label)


# Closing marks that may stand between a number and its unit or noun: (٩٠) كلم، "25" لقاء
CLOSERS = frozenset(")»\"”'›]/")
OPENERS = frozenset("(«\"“'‹[")
TWO_WORDS = frozenset({"اثنين", "اثنان", "اثنتين", "اثنتان"})  # "two" (normalised)
# Clitic letters that may be written straight onto digits: ب5، و3، لـ10، ال20
DIGIT_CLITICS = frozenset(
    {"و", "ف", "ب", "ل", "ك", "ال", "وب", "ول", "وك", "فب", "فل", "وال", "بال", "فال", "كال",
     "لل", "ولل", "وبال", "فبال"}
)  # fmt: skip


class RuleBase:
    """Lookups shared by the rule families; the extractor sets ``lex`` and ``nt``."""

    lex: Lexicon
    nt: NormalizedText
    norm: str

    # ------------------------------------------------------------- token tables
    def _match(self, table: dict, toks: list[Tok], i: int, longest: int = 3):
        """Longest key of ``table`` that starts at token ``i``: (payload, clitic, last)."""
        for n in range(min(longest, len(toks) - i), 0, -1):
            key = tuple(t.text for t in toks[i : i + n])
            hit = table.get(key)
            if hit is not None:
                if isinstance(hit, tuple):
                    return hit[0], hit[1], i + n - 1
                return hit, 0, i + n - 1
        return None

    def _qualifier_before(self, toks: list[Tok], i: int) -> tuple[str, int, int] | None:
        """Qualifier phrase ending right before token ``i``: (qualifier, start, first)."""
        table = self.lex.qual_before
        for n in (4, 3, 2, 1):
            s = i - n
            if s < 0:
                continue
            hit = table.get(tuple(t.text for t in toks[s:i]))
            if hit is not None:
                return hit[0], toks[s].start + hit[1], s
        return None

    def _skip_closers(self, toks: list[Tok], j: int) -> int:
        """Index of the first token at or after ``j`` that is not a closing mark."""
        while j < len(toks) and toks[j].kind == "punct" and toks[j].text in CLOSERS:
            j += 1
        return j

    def _skip_openers_back(self, toks: list[Tok], j: int) -> int:
        """Index of the nearest token at or before ``j`` that is not an opening mark."""
        while j >= 0 and toks[j].kind == "punct" and toks[j].text in OPENERS:
            j -= 1
        return j

    def _clause_words(self, toks: list[Tok], i: int, before: int, after: int) -> list[Tok]:
        """Tokens around ``i`` within its clause (stops at ، ؛ . and line ends)."""
        lo = i
        while lo > 0 and i - lo < before and toks[lo - 1].text not in "،؛.!?؟\n":
            lo -= 1
        hi = i
        while hi + 1 < len(toks) and hi - i < after and toks[hi + 1].text not in "،؛.!?؟\n":
            hi += 1
        return toks[lo : hi + 1]

    # ---------------------------------------------------------------- nouns
    def _is_noun(self, tok: Tok | None) -> bool:
        """A known counted noun or unit (lexicon entries only)."""
        if tok is None or tok.kind != "word":
            return False
        if tok.text in self.lex.number_words or tok.text in self.lex.stopwords:
            return False
        return self.entity_lemma(tok.text) is not None and (
            tok.text in self.lex.entities or (tok.text,) in self.lex.units
        )

    def _counted_after(self, toks: list[Tok], j: int) -> bool:
        """Does what follows token ``j`` say what the number counts or measures (a unit,
        a scale word, a percent, or a noun that looks counted)?"""
        k = self._skip_closers(toks, j + 1)
        if k >= len(toks):
            return False
        word = toks[k].text
        if (word,) in self.lex.units or self._match(self.lex.units, toks, k, 3):
            return True
        if toks[k].kind != "word":
            return False
        nw = self.lex.number_words.get(word)
        if nw is not None:
            return nw.cls in ("scale", "dual_scale")
        if word == "من" and k + 1 < len(toks):
            return self.counted_noun(toks[k + 1].text, definite=True) is not None
        return self.counted_noun(word) is not None

    def counted_noun(self, word: str, definite: bool = False) -> str | None:
        """The lemma of ``word`` if it can be the noun a number counts, else None.

        A counted noun is indefinite and carries no pronoun: a lexicon entry, or a
        word shaped like a sound plural or an accusative singular (شخصا، لقاءً). Verbs,
        particles and possessed or definite nouns are not (an empty entity is better
        than a wrong one). After من the noun is definite (10 من الجنود): ``definite``.
        """
        return counted_noun(self.lex, word, definite)

    def plain_noun(self, word: str) -> bool:
        """An indefinite word that could be a noun: Arabic letters, not a particle,
        a verb shape, a number word, or a word carrying the article or a pronoun."""
        return plain_noun(self.lex, word)

    # ------------------------------------------------------------ word lookups
    def entity_lemma(self, word: str) -> str | None:
        """The counted-noun lemma of ``word`` (سجناء -> سجين), or None for non-nouns."""
        return entity_lemma(self.lex, word)

    def known_entity(self, word: str):
        """The lexicon entry for ``word`` (any clitic form), or None."""
        for _, cand in strip_clitics(word):
            for form in (cand, cand[2:] if cand.startswith("ال") and len(cand) > 4 else None):
                if form and form in self.lex.entities:
                    return self.lex.entities[form]
        return None

    def event_of(self, word: str) -> tuple[str, bool] | None:
        """(event, strong) if ``word`` is an event cue."""
        return event_of(self.lex, word)


_SOUND_SUFFIXES = ("ين", "ون", "ات", "ان")
_WORD = re.compile(f"[{ARABIC_LETTERS}]+")
# Endings that mark a verb (كانوا، قتلوا) or an attached pronoun (قيمته، تلاه، عددهم)
_VERB_ENDINGS = ("وا",)
_PRONOUN_ENDINGS = ("ها", "هم", "هما", "هن", "كم", "نا")


def entity_lemma(lex: Lexicon, word: str) -> str | None:
    """Lemma of a counted noun: lexicon first, then sound-plural and case rules."""
    if word in lex.stopwords or word in lex.number_words:
        return None
    hit = _lookup_entity(lex, word)
    if hit is not None:
        return hit
    base = word
    for clen, cand in strip_clitics(word):
        if clen == 0:
            continue
        if cand.startswith("ال"):
            base = cand
            break
    if base.startswith("ال") and len(base) > 4:
        base = base[2:]
    if len(base) < 3 or not _WORD.fullmatch(base):
        return None
    if base.endswith("ا") and len(base) > 3:
        hit = _lookup_entity(lex, base[:-1])
        if hit is not None:
            return hit
        base = base[:-1]
    for suffix in _SOUND_SUFFIXES:
        if base.endswith(suffix) and len(base) > len(suffix) + 2:
            stem = base[: -len(suffix)]
            hit = _lookup_entity(lex, stem)
            return hit if hit is not None else (stem + "ه" if suffix == "ات" else stem)
    if base.endswith("ي") and len(base) > 4:
        hit = _lookup_entity(lex, base[:-1])
        if hit is not None:
            return hit
    return base


def plain_noun(lex: Lexicon, word: str) -> bool:
    """See ``RuleBase.plain_noun``."""
    if len(word) < 3 or not _WORD.fullmatch(word) or word in lex.stopwords:
        return False
    if word in lex.number_words or word in lex.events or word in lex.labels:
        return False
    if word.startswith(("ال", "وال", "بال", "فال", "كال", "لل")):
        return False
    if word.endswith(_VERB_ENDINGS) or word.endswith(_PRONOUN_ENDINGS):
        return False
    if word[0] in "لبك" and (
        (word[1:],) in lex.units or word[1:] in lex.stopwords or word[1:] in lex.labels
    ):
        return False  # لسنة، بنسبة: a preposition on a unit or a particle
    return not (len(word) > 3 and word[0] in "يت" and event_of(lex, word) is not None)


def counted_noun(lex: Lexicon, word: str, definite: bool = False) -> str | None:
    """See ``RuleBase.counted_noun``."""
    if not _WORD.fullmatch(word) or word in lex.stopwords or word in lex.number_words:
        return None
    if definite and word.startswith("ال") and len(word) > 4:
        word = word[2:]  # 10 من الجنود
    elif definite and word.startswith("لل") and len(word) > 4:
        word = word[2:]
    # the word itself, never with a clitic stripped: a noun joined to و ب ل ك after a
    # number (2018 لكرة القدم، 2014 وكانون) is not what the number counts
    hit = lex.entities.get(word)
    if hit is not None:
        return hit.lemma
    if word in lex.labels or word in lex.events or (word,) in lex.units:
        return None
    if (word,) in lex.ordinals:
        return None  # ثانيا، أولا
    if word.startswith(("ال", "و", "ب", "ل", "ك", "ف")) and (
        word[1:] in lex.entities or word[2:] in lex.entities or word.startswith(("ال", "و"))
    ):
        return None
    if word.endswith(_VERB_ENDINGS) or word.endswith(_PRONOUN_ENDINGS):
        return None
    if len(word) > 4 and word[0] in "يت" and word.endswith(("ون", "ان", "ين")):
        return None  # an imperfect verb: يعانون، يمثلان، تتراوحين
    if len(word) > 3 and word[0] in "ل" and word[1] in "يتن":
        return None  # ل + verb: لتبلغ، ليصل
    sound = word.endswith(("ين", "ون", "ات")) and len(word) > 4
    accusative = word.endswith("ا") and len(word) > 3 and not word.endswith(("وا", "ما"))
    if not (sound or accusative):
        return None  # unknown singulars and broken plurals: leave the entity empty
    return entity_lemma(lex, word)


def _lookup_entity(lex: Lexicon, word: str) -> str | None:
    for _, cand in strip_clitics(word):
        for form in (cand, cand[2:] if cand.startswith("ال") and len(cand) > 4 else None):
            if form and form in lex.entities:
                return lex.entities[form].lemma
    return None


def event_of(lex: Lexicon, word: str) -> tuple[str, bool] | None:
    """(event, strong) if ``word`` (any clitic form) is an event cue."""
    for _, cand in strip_clitics(word):
        for form in (cand, cand[2:] if cand.startswith("ال") and len(cand) > 4 else None):
            if not form:
                continue
            hit = lex.events.get(form)
            if hit is not None:
                return hit
            for prefix, event, strong in lex.event_prefixes:
                if form.startswith(prefix):
                    return event, strong
    return None
