"""Mention extraction: article text in, every numeric expression out.

Extraction is a pure function of the text. It runs on a normalised copy (see
``normalize``) and maps every span back to the original, so ``text[start:end]`` is
always the literal expression. Claims (counts, percents, measures, money,
durations) carry value, qualifier, unit, counted entity and event; dates, years,
clock times, ordinals, weekdays, idioms, names, references, list numbers, phone
numbers and scores are labelled with their kind and ``is_claim = False`` so they are
never mistaken for counts. The rules live in ``dates``, ``labels`` and ``quantities``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from fractions import Fraction
from functools import cache

from .context import Context, befalls
from .dates import DateRules
from .labels import LabelRules
from .lexicon import Lexicon, lexicon
from .model import Mention
from .normalize import NormalizedText, normalize
from .notation import parse_digits
from .numbers import parse_number
from .quantities import QuantityRules
from .rules import Draft, entity_lemma, event_of
from .tokens import ARABIC_LETTERS, Tok, tokenize

__all__ = ["entity_lemma", "event_of", "extract_mentions", "extract_stream", "parse_value"]

WINDOW_BEFORE = 120
CHUNK_CHARS = 256 * 1024  # extract_stream's unit of work
MAX_SENTENCE = 600  # a stored sentence longer than this is cut around the mention
WINDOW_AFTER = 240
RLM = "\u200f"


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


class Extractor(DateRules, LabelRules, QuantityRules):
    """Scans one normalised text from anchor to anchor."""

    def __init__(self, nt: NormalizedText) -> None:
        self.nt = nt
        self.norm = nt.text
        self.lex: Lexicon = lexicon()
        self._sentence_ends: list[int] | None = None
        self._toks: list[Tok] = []  # the token stream, read as far as anchors need it
        self._rlm_decimals = RLM in nt.original
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
        if self._rlm_decimals:
            new = [self._rlm_decimal(t) for t in new]
        self._toks.extend(new)
        self._starts.extend(t.start for t in new)
        self._tokenized = end

    def _rlm_decimal(self, tok: Tok) -> Tok:
        """A right-to-left mark after the decimal point (``95.\u200f56``) is how one
        outlet types a decimal with its parts in display order: 56.95, as the same
        prices and ratios in other outlets show (Brent at 56.95, Greek debt at
        168.8 % written 8.\u200f168)."""
        if tok.kind != "num" or "." not in tok.text:
            return tok
        start, end = self.nt.span_to_original(tok.start, tok.end)
        original = self.nt.original[start:end]
        if "." + RLM not in original:
            return tok
        head, _, tail = tok.text.partition(".")
        return Tok(tok.kind, f"{tail}.{head}", tok.start, tok.end)

    # --------------------------------------------------------- classification
    def _classify(self, toks: list[Tok], i: int) -> Draft | None:
        tok = toks[i]
        if tok.kind == "word":
            unit = self.lex.units.get((tok.text,))
            if unit is not None and unit.kind == "percent":
                return None  # بالمائة is a unit, never the ordinal "the hundredth"
            return (
                self._phrase(toks, i)
                or self._quoted_word(toks, i)
                or self._word_label(toks, i)
                or self._weekday(toks, i)
                or self._month(toks, i)
                or self._ordinal(toks, i)
                or self._vague(toks, i)
                or self._word_number(toks, i)
            )
        if tok.kind == "num":
            return self._phrase(toks, i) or self._digits(toks, i)
        return None

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
            mention.entity = draft.entity or ctx.entity()
            members = bool(ctx.after) and ctx.after[0] in ("من", "منهم")  # 390 من حزب العمال
            mention.event = befalls(self.lex, ctx.event(), mention.entity, members)
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
