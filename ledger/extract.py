"""Mention extraction: article text in, every numeric expression out.

Extraction is a pure function of the text. It runs on a normalised copy (see
``normalize``) and maps every span back to the original, so ``text[start:end]`` is
always the literal expression. Claims (counts, percents, measures, money,
durations) carry value, qualifier, unit, counted entity and event; dates, years,
clock times, ordinals, weekdays, idioms, names and references are labelled with
their kind and ``is_claim = False`` so they are never mistaken for counts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from .context import Context
from .lexicon import Lexicon, lexicon, strip_clitics
from .model import Mention
from .normalize import NormalizedText, normalize
from .numbers import NumberParse, parse_digits, parse_number
from .tokens import ARABIC_LETTERS, Tok, tokenize

WINDOW_BEFORE = 120
CHUNK_CHARS = 256 * 1024  # extract_stream's unit of work
MAX_SENTENCE = 600  # a stored sentence longer than this is cut around the mention
WINDOW_AFTER = 240
RANGE_JOINERS = ("الي", "حتي")
# Scale words whose accusative (ألفاً) and dual construct (ألفا) differ only in tanween.
DUAL_CONSTRUCT = ("الفا", "مليونا", "مليارا")
LOWER = ("more_than", "at_least")
UPPER = ("less_than", "at_most")
BOUNDS = LOWER + UPPER
CHANGE_EVENTS = ("rose", "fell")


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


def _trie_regex(words: set[str]) -> str:
    """A regex alternation shaped as a trie, so matching never backtracks over words."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


@cache
def anchor_regex() -> re.Pattern[str]:
    """Where a numeric expression may start: a digit or a number-like word."""
    words = lexicon().anchor_words()
    letters = f"[{ARABIC_LETTERS}]"
    return re.compile(rf"(?<![0-9])[0-9]|(?<!{letters})(?:{_trie_regex(words)})(?!{letters})")


TOKEN_BUFFER = 4096  # tokens kept behind the current window before older ones are dropped
# Where tokenising may stop: a newline, or a space that is not inside a number (9 000)
_SAFE_CUT = re.compile(r"\n| (?![0-9])|(?<![0-9]) ")
_SENTENCE_END = re.compile(r"[.!?؟…]+(?=\s|$)|\n+")
# Digits inside addresses are identifiers, never figures.
_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+", re.ASCII)
_LATIN = re.compile(r"[A-Za-z]")


def extract_mentions(text: str) -> list[Mention]:
    """Every numeric expression in ``text``, in order of position."""
    return Extractor(normalize(text)).run()


def extract_stream(parts: Iterable[str], chunk_chars: int = CHUNK_CHARS) -> Iterator[Mention]:
    """The mentions of a text given in pieces (a file read block by block), with
    offsets into the whole text. Memory stays flat however long the text is: it is
    extracted a few hundred thousand characters at a time, cut at line ends (or, in
    an endless line, at a space), which gives the same mentions as the whole."""
    base = 0
    for chunk in _chunks(parts, chunk_chars):
        for m in Extractor(normalize(chunk)).iter():
            m.start += base
            m.end += base
            m.sentence_start += base
            yield m
        base += len(chunk)


def _chunks(parts: Iterable[str], size: int) -> Iterator[str]:
    buffer = ""
    for part in parts:
        buffer += part
        while len(buffer) >= size:
            cut = buffer.rfind("\n", 0, size) + 1
            if not cut:  # one long line: cut at a space outside any number
                cut = max((m.end() for m in _SAFE_CUT.finditer(buffer, size // 2, size)),
                          default=size)  # fmt: skip
            yield buffer[:cut]
            buffer = buffer[cut:]
    if buffer:
        yield buffer


def extract_normalized(text: str) -> tuple[list[Mention], str]:
    """The mentions of ``text`` and its normalised form (for the search index)."""
    nt = normalize(text)
    return Extractor(nt).run(), nt.text


class Extractor:
    """Scans one normalised text from anchor to anchor."""

    def __init__(self, nt: NormalizedText) -> None:
        self.nt = nt
        self.norm = nt.text
        self.lex: Lexicon = lexicon()
        self._sentence_ends: list[int] | None = None
        self._toks: list[Tok] = []  # the token stream, read as far as anchors need it
        self._starts: list[int] = []
        self._tokenized = 0

    def run(self) -> list[Mention]:
        return list(self.iter())

    def iter(self) -> Iterator[Mention]:
        """The mentions, in order of position, one at a time."""
        consumed = 0
        norm = self.norm
        urls = (
            [m.span() for m in _URL.finditer(norm)]
            if ("http" in norm or "www" in norm or "@" in norm)
            else []
        )
        for m in anchor_regex().finditer(norm):
            a = m.start()
            if a < consumed or m.end() == a:
                continue
            if urls and any(s <= a < e for s, e in urls):
                continue
            toks, i = self._window(a)
            if i is None:
                continue
            draft = self._classify(toks, i)
            if draft is None:
                continue
            if draft.start < consumed:
                draft.start = max(draft.start, toks[draft.first].start)
                if draft.start < consumed:
                    continue
            yield self._finish(draft, toks)
            consumed = draft.end

    # ----------------------------------------------------------------- tokens
    def _window(self, a: int) -> tuple[list[Tok], int | None]:
        """Tokens around anchor ``a`` (a slice of the text's token stream)."""
        norm = self.norm
        # a window never crosses a line: numbers, qualifiers and ranges do not either,
        # so a text read line by line (``extract_stream``) gives the same mentions
        line_start = norm.rfind("\n", 0, a) + 1
        ws = max(line_start, a - WINDOW_BEFORE)
        if ws > line_start:
            space = norm.find(" ", ws, a)
            ws = space + 1 if space != -1 else a
        line_end = norm.find("\n", a)
        we = min(len(norm) if line_end == -1 else line_end, a + WINDOW_AFTER)
        self._tokens_until(we)
        if len(self._starts) > TOKEN_BUFFER and self._starts[TOKEN_BUFFER // 2] < ws:
            cut = bisect_right(self._starts, ws) - 1  # drop tokens no window needs again
            del self._toks[:cut], self._starts[:cut]
        lo = bisect_left(self._starts, ws)
        hi = bisect_left(self._starts, we)
        toks = self._toks[lo:hi]
        for idx, tok in enumerate(toks):
            if tok.start >= a or tok.end > a:  # the anchor, or a token it sits inside
                return toks, idx
        return toks, None

    def _tokens_until(self, pos: int) -> None:
        """Tokenise the text up to a safe boundary at or after ``pos``, once."""
        if pos <= self._tokenized:
            return
        m = _SAFE_CUT.search(self.norm, pos)
        end = m.start() if m else len(self.norm)
        new = tokenize(self.norm, self._tokenized, end)
        self._toks.extend(new)
        self._starts.extend(t.start for t in new)
        self._tokenized = end

    # --------------------------------------------------------- classification
    def _classify(self, toks: list[Tok], i: int) -> Draft | None:
        tok = toks[i]
        if tok.kind == "word":
            return (
                self._phrase(toks, i)
                or self._weekday(toks, i)
                or self._month(toks, i)
                or self._ordinal(toks, i)
                or self._vague(toks, i)
                or self._word_number(toks, i)
            )
        if tok.kind == "num":
            return self._phrase(toks, i) or self._digits(toks, i)
        if tok.kind == "latin" and i + 1 < len(toks) and toks[i + 1].kind == "num":
            return self._name(toks, i + 1)
        return None

    def _phrase(self, toks: list[Tok], i: int) -> Draft | None:
        lex = self.lex
        for key, pos in lex.phrase_index.get(toks[i].text, ()):
            s = i - pos
            e = s + len(key)
            if s < 0 or e > len(toks):
                continue
            if tuple(t.text for t in toks[s:e]) == key:
                meaning, clen = lex.phrases[key]
                return Draft(
                    toks[s].start + clen, toks[e - 1].end, "phrase", False, s, e - 1, label=meaning
                )
        return None

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

    def _weekday(self, toks: list[Tok], i: int) -> Draft | None:
        hit = self._match(self.lex.weekdays, toks, i, 1)
        if hit is None:
            return None
        day, clen, last = hit
        return Draft(toks[i].start + clen, toks[last].end, "weekday", False, i, last, label=day)

    def _month(self, toks: list[Tok], i: int) -> Draft | None:
        hit = self._match(self.lex.months, toks, i, 2)
        if hit is None:
            return None
        month, clen, last = hit
        end_tok = self._year_after(toks, last)
        if end_tok is None and last == i:
            return None  # a month name alone states no number (صفر falls through to zero)
        last = end_tok if end_tok is not None else last
        return Draft(
            toks[i].start + clen, toks[last].end, "date", False, i, last, label=f"month {month}"
        )

    def _year_after(self, toks: list[Tok], j: int) -> int | None:
        """Index of a year right after token ``j`` (with its م / هـ), if any."""
        k = j + 1
        if k < len(toks) and toks[k].kind == "num" and len(toks[k].text) in (2, 4):
            if k + 1 < len(toks) and toks[k + 1].text in self.lex.cues["year_after"]:
                return k + 1
            return k
        return None

    def _ordinal(self, toks: list[Tok], i: int) -> Draft | None:
        hit = self._match(self.lex.ordinals, toks, i, 2)
        if hit is None:
            return None
        rank, clen, last = hit
        if last == i and 1 <= rank <= 9 and last + 1 < len(toks):
            nxt = toks[last + 1]
            if nxt.text in ("عشر", "عشره"):
                rank, last = rank + 10, last + 1
            else:
                k = last + 2 if nxt.text == "و" else last + 1
                tens_tok = toks[k] if k < len(toks) else None
                word = tens_tok.text if tens_tok is not None else ""
                if nxt.text != "و" and word.startswith("و"):
                    word = word[1:]
                tens = self.lex.number_words.get(word)
                if tens is not None and tens.cls == "ten" and tens.article:
                    rank, last = rank + int(tens.value), k
        prev = toks[i - 1].text if i else ""
        kind = "time" if prev in self.lex.cues["time_before"] else "ordinal"
        return Draft(toks[i].start + clen, toks[last].end, kind, False, i, last, label=str(rank))

    def _vague(self, toks: list[Tok], i: int) -> Draft | None:
        hit = self._match(self.lex.vague, toks, i, 3)
        if hit is None:
            return None
        (low, high), clen, last = hit
        draft = Draft(
            toks[i].start + clen, toks[last].end, "count", True, i, last, qualifier="vague"
        )
        draft.low, draft.high = Fraction(low), Fraction(high)
        return draft

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
            return None
        if nw.cls == "fraction":
            return self._fraction(toks, i)
        if nw.base in ("احد", "احدي") and not nw.article:
            if not (nxt and nxt.text in ("عشر", "عشره")):
                return Draft(tok.start + nw.clitic_len, tok.end, "phrase", False, i, i,
                             label="one of")  # fmt: skip
        if nw.base in ("واحد", "واحده") and nxt and nxt.text == "من":
            return Draft(tok.start + nw.clitic_len, tok.end, "phrase", False, i, i, label="one of")
        if nw.article:
            return self._article_number(toks, i)
        if nw.cls == "unit" and nw.value == 0 and self._year_after(toks, i) is not None:
            return None
        parse = parse_number(lex, toks, i)
        if parse is None:
            return None
        if nw.cls == "scale" and nw.base in DUAL_CONSTRUCT and self._without_tanween(tok):
            parse.value += nw.value  # ألفا دولار: the dual construct, two thousand
        return self._quantity(toks, parse)

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
        if (
            nxt
            and nxt.text == "من"
            and nxt2
            and (nxt2.text in lex.cues["date_month"] or (nxt2.text,) in lex.months)
        ):
            last = i + 2
            if (
                nxt2.text == "الشهر"
                and i + 3 < len(toks)
                and toks[i + 3].text in lex.cues["date_month"]
            ):
                last = i + 3
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

    def _is_noun(self, tok: Tok | None) -> bool:
        if tok is None or tok.kind != "word":
            return False
        if tok.text in self.lex.number_words or tok.text in self.lex.stopwords:
            return False
        return self.entity_lemma(tok.text) is not None and (
            tok.text in self.lex.entities or (tok.text,) in self.lex.units
        )

    def _fraction(self, toks: list[Tok], i: int) -> Draft | None:
        """نصف مليون, ساعة ونصف, ربع قرن; a bare نصف is not a quantity."""
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
        if nxt is None or nw.article:
            return None
        scale = lex.number_words.get(nxt.text)
        if scale is not None and scale.cls == "scale" and not scale.clitic_len:
            parse = NumberParse(frac * scale.value, i, i + 1, nw.clitic_len, has_words=True)
            return self._quantity(toks, parse)
        unit = lex.units.get((nxt.text,))
        if unit is not None and unit.kind == "duration" and unit.count is None:
            draft = Draft(tok.start + nw.clitic_len, nxt.end, "duration", True, i, i + 1)
            draft.qualifier, draft.value, draft.unit = "exact", frac, unit.unit
            return self._qualify(toks, draft)
        if nxt.kind == "word" and nxt.text not in lex.stopwords and len(nxt.text) > 2:
            # نصف السكان: a share of something
            draft = Draft(tok.start + nw.clitic_len, tok.end, "fraction", True, i, i)
            draft.qualifier, draft.value = "exact", frac
            return self._qualify(toks, draft)
        return None

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

    # ------------------------------------------------------------------ digits
    def _digits(self, toks: list[Tok], i: int) -> Draft | None:
        lex = self.lex
        norm = self.norm
        tok = toks[i]
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        # clock time 14:54
        if nxt and nxt.text == ":" and i + 2 < len(toks) and toks[i + 2].kind == "num":
            if nxt.start == tok.end and toks[i + 2].start == nxt.end and len(toks[i + 2].text) == 2:
                last = i + 2
                if last + 1 < len(toks) and toks[last + 1].text in lex.cues["time_after"]:
                    last += 1
                return Draft(tok.start, toks[last].end, "time", False, i, last, label="clock")
        # names with digits: M4, F-16, 4G, كوفيد-19, 24/7
        if prev is not None and prev.end == tok.start and prev.kind == "latin":
            return self._name(toks, i)
        if tok.end < len(norm) and _LATIN.match(norm, tok.end):
            return self._name(toks, i)
        if prev is not None and prev.text == "-" and prev.end == tok.start and i >= 2:
            before = toks[i - 2]
            if (
                before.end == prev.start
                and before.kind in ("latin", "word")
                and (before.text not in lex.number_words)
            ):
                return self._name(toks, i)
        if tok.text == "24" and nxt and nxt.text == "/" and i + 2 < len(toks):
            if toks[i + 2].text == "7" and nxt.start == tok.end:
                return Draft(tok.start, toks[i + 2].end, "name", False, i, i + 2, label="24/7")
        # numeric dates 20/6/2022, 2022-06-20, and year ranges 2015/2016
        date = self._numeric_date(toks, i)
        if date is not None:
            return date
        # references: رقم 5, المادة 12
        if prev is not None and prev.text in lex.cues["reference"]:
            return Draft(tok.start, tok.end, "reference", False, i, i, label=prev.text)
        # ordinals written with digits: الـ20
        if prev is not None and prev.text == "ال" and not self._qualifier_before(toks, i - 1):
            return Draft(prev.start, tok.end, "ordinal", False, i - 1, i, label=tok.text)
        # clock time after الساعة
        if prev is not None and prev.text in lex.cues["time_before"] and len(tok.text) <= 2:
            last = i
            if nxt and nxt.text in lex.cues["time_after"]:
                last = i + 1
            return Draft(tok.start, toks[last].end, "time", False, i, last, label="clock")
        # day + month: ٢٠ يونيو ٢٠٢٢, 13 نيسان/أبريل
        if len(tok.text) <= 2 and "." not in tok.text:
            date = self._day_month(toks, i)
            if date is not None:
                return date
        parse = parse_number(lex, toks, i)
        if parse is None:
            return None
        if nxt is not None and nxt.text in lex.cues["time_after"] and len(tok.text) <= 2:
            return Draft(tok.start, nxt.end, "time", False, i, i + 1, label="clock")
        year = self._year(toks, parse)
        if year is not None:
            return year
        return self._quantity(toks, parse)

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
        return Draft(toks[first].start, toks[last].end, "name", False, first, last, label=text)

    def _numeric_date(self, toks: list[Tok], i: int) -> Draft | None:
        parts = [i]
        j = i
        while (
            j + 2 < len(toks)
            and toks[j + 1].text in ("/", "-")
            and toks[j + 1].start == toks[j].end
            and toks[j + 2].start == toks[j + 1].end
            and toks[j + 2].kind == "num"
            and len(parts) < 3
        ):
            parts.append(j + 2)
            j += 2
        if len(parts) == 3 and all("." not in toks[p].text for p in parts):
            return Draft(toks[i].start, toks[j].end, "date", False, i, j, label="numeric date")
        if len(parts) == 2:
            a, b = toks[parts[0]].text, toks[parts[1]].text
            if len(a) == 4 and len(b) in (2, 4) and a.isdigit() and 1300 <= int(a) <= 2100:
                return Draft(toks[i].start, toks[j].end, "year", False, i, j, label="year range")
        return None

    def _day_month(self, toks: list[Tok], i: int) -> Draft | None:
        lex = self.lex
        j = i + 1
        if j < len(toks) and toks[j].text == "من" and j + 1 < len(toks):
            if toks[j + 1].text in lex.cues["date_month"]:
                last = j + 1
                if toks[last].text == "الشهر" and last + 1 < len(toks):
                    if toks[last + 1].text in lex.cues["date_month"]:
                        last += 1
                return Draft(toks[i].start, toks[last].end, "date", False, i, last,
                             label="day of month")  # fmt: skip
            j += 1
        hit = self._match(lex.months, toks, j, 2)
        if hit is None:
            return None
        month, _, last = hit
        # نيسان/أبريل: a second name for the same month
        if last + 2 < len(toks) and toks[last + 1].text == "/":
            alt = self._match(lex.months, toks, last + 2, 2)
            if alt is not None:
                last = alt[2]
        year = self._year_after(toks, last)
        if year is not None:
            last = year
        return Draft(toks[i].start, toks[last].end, "date", False, i, last, label=f"month {month}")

    def _year(self, toks: list[Tok], parse: NumberParse) -> Draft | None:
        """A bare four-digit number that names a year, not a count."""
        lex = self.lex
        i, last = parse.first, parse.last
        tok = toks[i]
        if last != i or not tok.text.isdigit() or len(tok.text) != 4:
            return None
        value = int(tok.text)
        nxt = toks[last + 1] if last + 1 < len(toks) else None
        if nxt is not None and nxt.text in lex.cues["year_after"] and nxt.start - tok.end <= 1:
            if 600 <= value <= 2100:
                return Draft(tok.start, nxt.end, "year", False, i, last + 1, label=tok.text)
        if not 1900 <= value <= 2100 and not 1300 <= value <= 1500:
            return None
        if self._is_noun(nxt) or (nxt is not None and (nxt.text,) in lex.units):
            return None
        prev = toks[i - 1] if i else None
        if prev is not None:
            base = prev.text[1:] if prev.text[:1] in "وف" and len(prev.text) > 2 else prev.text
            if prev.text in lex.cues["year_before"] or base in lex.cues["year_before"]:
                return Draft(tok.start, tok.end, "year", False, i, i, label=tok.text)
        if self._qualifier_before(toks, i) or not 1900 <= value <= 2100:
            return None
        return Draft(tok.start, tok.end, "year", False, i, i, label=tok.text)

    # -------------------------------------------------------------- quantities
    def _quantity(self, toks: list[Tok], parse: NumberParse) -> Draft:
        """Turn a parsed number into a claim: range, fraction, unit, qualifier."""
        lex = self.lex
        first, last = parse.first, parse.last
        start = toks[first].start + parse.clitic_len
        draft = Draft(start, toks[last].end, "count", True, first, last, qualifier="exact")
        draft.value = parse.value
        # ونصف after the number: مليون ونصف, 3 ساعات ونصف is handled after the unit
        frac = self._fraction_after(toks, last)
        if frac is not None:
            draft.value += frac[0] * parse.last_scale
            draft.last, draft.end = frac[1], toks[frac[1]].end
        self._negative(toks, draft)
        self._range(toks, parse, draft)
        self._unit(toks, draft)
        if draft.unit is None and draft.value is not None and draft.first:
            if toks[draft.first - 1].text in lex.cues["percent_before"]:
                draft.kind, draft.unit = "percent", "%"  # بنسبة 10
        return self._qualify(toks, draft)

    def _negative(self, toks: list[Tok], draft: Draft) -> None:
        """سالب 5, ناقص واحد, -5: a negative value."""
        i = draft.first
        if not i or draft.value is None:
            return
        prev = toks[i - 1]
        if prev.text in self.lex.cues["negative"]:
            draft.value, draft.first, draft.start = -draft.value, i - 1, prev.start
        elif prev.text in ("-", "−") and prev.end == toks[i].start and toks[i].kind == "num":
            before = toks[i - 2] if i >= 2 else None
            if before is None or (before.end < prev.start and before.kind != "num"):
                draft.value, draft.first, draft.start = -draft.value, i - 1, prev.start

    def _range(self, toks: list[Tok], parse: NumberParse, draft: Draft) -> None:
        lex = self.lex
        first = parse.first
        prev = toks[first - 1].text if first else ""
        prev_base = prev[1:] if prev[:1] in "وف" and len(prev) > 3 else prev
        between = prev_base == "بين"
        from_ = prev_base == "من"
        j = draft.last + 1
        joiner = toks[j] if j < len(toks) else Tok("end", "", 0, 0)
        second: NumberParse | None = None
        if joiner.text == "و" and (between or from_ is False) and between:
            second = parse_number(lex, toks, j + 1) if j + 1 < len(toks) else None
        elif joiner.kind == "word" and between and joiner.text[0] == "و":
            second = parse_number(lex, toks, j)
        elif joiner.text in RANGE_JOINERS or (joiner.text == "او" and not between):
            if joiner.text == "او" and (from_ or between):
                return
            if from_ and self._change_before(toks, first - 1):
                return
            second = parse_number(lex, toks, j + 1) if j + 1 < len(toks) else None
            if second is not None and not (between or from_) and joiner.text != "او":
                if second.value <= draft.value:
                    second = None
        elif joiner.text in ("-", "–", "~") and toks[j - 1].kind == "num":
            if j + 1 < len(toks) and toks[j + 1].kind == "num":
                second = parse_number(lex, toks, j + 1, allow_connectors=False)
        if second is None and between and parse.connectors:
            # بين خمسة وعشرين: read as 5 to 20, not 25
            short = parse_number(lex, toks, first, allow_connectors=False)
            if short is not None:
                cut = short.last + 1
                nxt = parse_number(lex, toks, cut)
                if nxt is not None:
                    parse, second = short, nxt
                    draft.value = short.value
        if second is None:
            return
        low, high = draft.value, second.value
        if second.last_scale > 1 and parse.last_scale == 1 and low * second.last_scale <= high:
            if low < second.value / second.last_scale or low < high / second.last_scale:
                low *= second.last_scale
        if joiner.text in ("-", "–", "~") and low >= high:
            draft.kind, draft.is_claim, draft.label = "score", False, "score or pair"
            draft.qualifier, draft.value = None, None
            draft.last, draft.end = second.last, toks[second.last].end
            return
        if low >= high and joiner.text == "او":
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

    def _change_before(self, toks: list[Tok], j: int) -> bool:
        """Is there a rise/fall verb just before token ``j`` (ارتفع من 10 إلى 15)?"""
        for k in range(max(0, j - 5), j):
            event = self.event_of(toks[k].text)
            if event and event[0] in CHANGE_EVENTS:
                return True
        return False

    def _unit(self, toks: list[Tok], draft: Draft) -> None:
        lex = self.lex
        hit = self._match(lex.units, toks, draft.last + 1, 3)
        if hit is None:
            return
        unit, _, last = hit
        if unit.count is not None:
            return  # a dual after a number is a separate word (5 سنتين does not occur)
        if unit.kind != "percent" and toks[draft.last + 1].start - toks[draft.last].end > 1:
            if toks[draft.last + 1].kind != "word":
                return
        draft.unit = unit.unit
        draft.kind = unit.kind
        draft.last, draft.end = last, toks[last].end
        frac = self._fraction_after(toks, last)
        if frac is not None and unit.kind == "duration" and draft.value is not None:
            draft.value += frac[0]
            draft.last, draft.end = frac[1], toks[frac[1]].end
        # money signs before the number: $500
        if draft.first and toks[draft.first - 1].text in ("$", "€"):
            draft.first -= 1

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

    def _qualify(self, toks: list[Tok], draft: Draft) -> Draft:
        """Attach qualifiers before (نحو, أكثر من) and after (تقريبا, على الأقل)."""
        if draft.qualifier in ("range", "vague") or not draft.is_claim:
            return draft
        i = draft.first
        if i and toks[i - 1].text == "ال":  # قرابة الـ 20
            q = self._qualifier_before(toks, i - 1)
        else:
            q = self._qualifier_before(toks, i)
        if q is not None:
            draft.qualifier, draft.start, draft.first = q
            if draft.qualifier == "at_most" and self._year(
                toks, NumberParse(draft.value or Fraction(0), i, i)
            ):
                draft.qualifier = "exact"
        if q is not None and q[0] in BOUNDS and self._other_bound(toks, draft, q[0]):
            return draft
        after = self._match(self.lex.qual_after, toks, draft.last + 1, 2)
        if after is not None and after[2] + 2 < len(toks) and toks[after[2] + 1].text == "من":
            if toks[after[2] + 2].kind == "num" or toks[after[2] + 2].text in self.lex.number_words:
                after = None  # "5000 أو أقل من 6000": a second figure, not a qualifier
        extend = after is not None
        if after is None and draft.last + 2 < len(toks) and toks[draft.last + 1].kind == "word":
            # 7 مدنيين على الأقل: the qualifier follows the counted noun
            after = self._match(self.lex.qual_after, toks, draft.last + 2, 2)
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

    # --------------------------------------------------------------- finishing
    def _finish(self, draft: Draft, toks: list[Tok]) -> Mention:
        nt = self.nt
        start, end = nt.span_to_original(draft.start, draft.end)
        s_start, s_end = self._sentence(draft.start, draft.end)
        o_s_start, o_s_end = nt.span_to_original(s_start, s_end)
        sentence = nt.original[o_s_start:o_s_end]
        stripped = sentence.lstrip()
        o_s_start += len(sentence) - len(stripped)
        sentence = stripped.rstrip()
        mention = Mention(
            start=start,
            end=end,
            text=nt.original[start:end],
            kind=draft.kind,
            is_claim=draft.is_claim,
            qualifier=draft.qualifier if draft.is_claim else None,
            value=draft.value,
            low=draft.low,
            high=draft.high,
            unit=draft.unit,
            sentence=sentence,
            sentence_start=o_s_start,
            label=draft.label,
        )
        if draft.is_claim:
            ctx = Context(self, toks, draft, s_start, s_end)
            mention.entity = ctx.entity()
            mention.event = ctx.event()
        return mention

    def _sentence(self, pos: int, end: int) -> tuple[int, int]:
        """The sentence around ``pos``; a run-on one is cut to ``MAX_SENTENCE``
        characters around the mention (at spaces), so what is stored stays bounded."""
        if self._sentence_ends is None:
            self._sentence_ends = [m.end() for m in _SENTENCE_END.finditer(self.norm)]
        ends = self._sentence_ends
        k = bisect_right(ends, pos)
        start = ends[k - 1] if k else 0
        stop = ends[k] if k < len(ends) else len(self.norm)
        if stop - start > MAX_SENTENCE:
            half = (MAX_SENTENCE - (end - pos)) // 2
            lo, hi = max(start, pos - half), min(stop, end + half)
            if lo > start:
                space = self.norm.find(" ", lo, pos)
                lo = space + 1 if space != -1 else lo
            if hi < stop:
                space = self.norm.rfind(" ", end, hi)
                hi = space if space != -1 else hi
            start, stop = lo, hi
        return start, stop

    # ----------------------------------------------------------- word lookups
    def entity_lemma(self, word: str) -> str | None:
        """The counted-noun lemma of ``word`` (سجناء -> سجين), or None for non-nouns."""
        return entity_lemma(self.lex, word)

    def known_entity(self, word: str):
        """The lexicon entry for ``word`` (any clitic form), or None."""
        for _, cand in _clitic_candidates(word):
            for form in (cand, cand[2:] if cand.startswith("ال") and len(cand) > 4 else None):
                if form and form in self.lex.entities:
                    return self.lex.entities[form]
        return None

    def event_of(self, word: str) -> tuple[str, bool] | None:
        """(event, strong) if ``word`` is an event cue."""
        return event_of(self.lex, word)


_SOUND_SUFFIXES = ("ين", "ون", "ات", "ان")


def entity_lemma(lex: Lexicon, word: str) -> str | None:
    """Lemma of a counted noun: lexicon first, then sound-plural and case rules."""
    if word in lex.stopwords or word in lex.number_words:
        return None
    hit = _lookup_entity(lex, word)
    if hit is not None:
        return hit
    base = word
    for clen, cand in _clitic_candidates(word):
        if clen == 0:
            continue
        if cand.startswith("ال"):
            base = cand
            break
    if base.startswith("ال") and len(base) > 4:
        base = base[2:]
    if len(base) < 3 or not re.fullmatch(f"[{ARABIC_LETTERS}]+", base):
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


def _lookup_entity(lex: Lexicon, word: str) -> str | None:
    for _, cand in _clitic_candidates(word):
        for form in (cand, cand[2:] if cand.startswith("ال") and len(cand) > 4 else None):
            if form and form in lex.entities:
                return lex.entities[form].lemma
    return None


def _clitic_candidates(word: str) -> list[tuple[int, str]]:
    return strip_clitics(word)


def event_of(lex: Lexicon, word: str) -> tuple[str, bool] | None:
    """(event, strong) if ``word`` (any clitic form) is an event cue."""
    for _, cand in _clitic_candidates(word):
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


def parse_value(text: str) -> Fraction | None:
    """Value of a lone number string (digits in any script), for scripts and tests."""
    from .normalize import normalize_word

    norm = normalize_word(text)
    toks = tokenize(norm)
    if not toks:
        return None
    if toks[0].kind == "num" and len(toks) == 1:
        return parse_digits(toks[0].text)
    parse = parse_number(lexicon(), toks, 0)
    return parse.value if parse else None
