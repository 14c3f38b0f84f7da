"""The Arabic number grammar: digits in three scripts and number words.

Digit strings are read by ``notation``; number words
are combined the way Arabic writes them: ثلاثة آلاف وخمسمائة وخمسة وعشرون.
All values are exact ``Fraction`` objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from .lexicon import Lexicon, NumberWord
from .notation import parse_digits
from .tokens import Tok

# Stages of one additive group (e.g. the 525 in ثلاثة آلاف وخمسمائة وخمسة وعشرون).
EMPTY, HUNDRED, UNIT, TEN, DONE = range(5)


@dataclass
class NumberParse:
    """Result of parsing one number phrase."""

    value: Fraction
    first: int  # index of first token
    last: int  # index of last token consumed
    clitic_len: int = 0  # clitic letters before the first token's number word
    has_words: bool = False
    has_digits: bool = False
    last_scale: int = 1
    connectors: list[int] = field(default_factory=list)  # token indices of و joins


@dataclass
class _State:
    total: Fraction = Fraction(0)
    current: Fraction = Fraction(0)
    stage: int = EMPTY
    last_scale: int = 0
    started: bool = False
    last_unit: Fraction = Fraction(0)  # the last unit word added (for ثلاثة أرباع)

    def copy(self) -> _State:
        return _State(
            self.total, self.current, self.stage, self.last_scale, self.started, self.last_unit
        )


def _word(lex: Lexicon, tok: Tok) -> NumberWord | None:
    return lex.number_words.get(tok.text) if tok.kind == "word" else None


def _connected(tok: Tok, nw: NumberWord) -> bool:
    return nw.clitic_len >= 1 and tok.text[0] == "و"


def parse_number(
    lex: Lexicon,
    toks: list[Tok],
    i: int,
    allow_connectors: bool = True,
    thousands: bool | None = None,
) -> NumberParse | None:
    """Parse the longest number phrase starting at token ``i``.

    Words join with و (ثلاثمائة وخمسون), scales multiply (ثلاثة آلاف, 9 آلاف), and a
    join is undone when what follows it shows it began a new number (بين 5 آلاف و7 آلاف).
    ``thousands`` settles how the first token's digits read (``notation.parse_digits``).
    """
    st = _State()
    res = NumberParse(Fraction(0), i, i)
    checkpoint: tuple[_State, int] | None = None
    j, n = i, len(toks)
    while j < n:
        tok, k, connected = toks[j], j, False
        if st.started and tok.kind == "word":
            if tok.text == "و":
                if not allow_connectors or j + 1 >= n:
                    break
                k = j + 1
                tok = toks[k]
                if tok.kind != "num" and _word(lex, tok) is None:
                    break
                connected = True
            else:
                nw = _word(lex, tok)
                if nw is not None and _connected(tok, nw):
                    if not allow_connectors:
                        break
                    connected = True
        saved = (st.copy(), res.last) if connected else None
        nw = _word(lex, tok)
        if tok.kind == "num":
            if st.started and not connected:
                break
            value = parse_digits(tok.text, thousands if k == i else None)
            after_scale = st.stage == EMPTY and st.last_scale and value < st.last_scale
            after_hundred = st.stage == HUNDRED and 0 < value < 100 and value.denominator == 1
            if st.started and not (after_scale or after_hundred):
                break  # ٣ مئة و٢١ and ألف و500 go on; anything else starts a new number
            st.current += value
            st.stage = DONE
            res.has_digits = True
        elif nw is not None:
            if st.started and nw.article:
                break
            if not _apply_word(st, nw, connected):
                if nw.cls in ("scale", "dual_scale") and not connected and checkpoint:
                    st, res.last = checkpoint[0], checkpoint[1]
                break
            if not st.started:
                res.clitic_len = nw.clitic_len
            res.has_words = True
        else:
            break
        if saved is not None:
            checkpoint = saved
            res.connectors.append(j)
        st.started = True
        res.last = k
        j = k + 1
    if not st.started:
        return None
    if res.last == i and toks[i].kind == "word":
        alone = _word(lex, toks[i])
        if alone is not None and alone.cls == "construct":
            return None  # اثني without عشر: the verb أثنى (praised), not two
    res.value = st.total + st.current
    res.last_scale = st.last_scale or 1
    return res


def _apply_word(st: _State, nw: NumberWord, connected: bool) -> bool:
    """Fold one number word into the state; False if it cannot continue the phrase."""
    cls, v = nw.cls, nw.value
    if st.started and v == 0:
        return False  # "و صفر" never adds to a number: it is a number of its own
    if not st.started:
        if cls == "scale":
            st.total, st.last_scale, st.stage = v, int(v), EMPTY
        elif cls == "dual_scale":
            st.total, st.last_scale, st.stage = v, int(v) // 2, EMPTY
        elif cls == "fraction" or cls == "fraction_plural":
            return False
        else:
            st.current = v
            st.stage = {"hundred": HUNDRED, "ten": TEN, "construct": UNIT}.get(cls, UNIT)
            st.last_unit = v if cls == "unit" else Fraction(0)
        return True
    if cls == "scale":
        scale = int(v)
        if connected:
            # مليونان وألف: a new group that is one of a smaller scale
            if st.stage == EMPTY and st.current == 0 and st.last_scale and scale < st.last_scale:
                st.total += v
                st.last_scale = scale
                return True
            return False
        group = st.current or Fraction(1)
        if st.stage == EMPTY and st.current == 0:
            return False  # ألف ألف: two scales in a row
        if st.last_scale and scale >= st.last_scale:
            if st.total and scale > st.last_scale:
                st.total = (st.total + st.current) * scale  # مائة ألف مليون
                st.current, st.stage, st.last_scale = Fraction(0), EMPTY, scale
                return True
            return False
        st.total += group * scale
        st.current, st.stage, st.last_scale = Fraction(0), EMPTY, scale
        return True
    if cls == "dual_scale":
        if not connected or st.current or not st.last_scale or int(v) // 2 >= st.last_scale:
            return False
        st.total += v
        st.stage, st.last_scale = EMPTY, int(v) // 2
        return True
    if cls == "fraction":
        return False
    if cls == "fraction_plural":
        if connected:
            return False
        if st.stage == UNIT and 2 <= st.last_unit <= 10:
            # ثلاثة أرباع = 3/4, وعشرين وثلاثة أرباع = 20.75: the unit counts fractions
            st.current += st.last_unit * v - st.last_unit
        elif st.stage in (TEN, HUNDRED, DONE):
            st.current, st.total = (st.total + st.current) * v, Fraction(0)  # 132 أخماس
        else:
            return False
        st.stage = DONE
        return True
    if not connected:
        # adjacency without و: teens (خمسة عشر) and hundreds (ثلاث مائة)
        if nw.base in ("عشر", "عشره") and st.stage == UNIT and 1 <= st.current % 10 <= 9:
            st.current += 10
            st.stage = TEN
            return True
        if cls == "hundred" and v == 100 and st.stage == DONE and st.current > 0:
            st.current *= 100  # ٣ مئة، 322 مائة
            st.stage = HUNDRED
            return True
        if cls == "hundred" and v == 100 and st.stage == UNIT and 3 <= st.current % 10 <= 9:
            st.current = (st.current - st.current % 10) + (st.current % 10) * 100
            st.stage = HUNDRED
            return True
        return False
    if cls == "hundred":
        if st.stage == EMPTY and st.total:
            st.current, st.stage = v, HUNDRED
            return True
        return False
    if cls in ("unit", "construct"):
        if v == 10 and st.stage == TEN:
            return False
        if st.stage in (EMPTY, HUNDRED, TEN) and (st.total or st.stage in (HUNDRED, TEN)):
            if st.stage == TEN and v < 2:
                return False
            st.current += v
            st.stage = UNIT
            st.last_unit = v
            return True
        return False
    if cls == "ten":
        if st.stage in (EMPTY, HUNDRED) and (st.total or st.stage == HUNDRED):
            st.current += v
            st.stage = TEN
            return True
        if st.stage == UNIT and st.current % 10 != 0:
            st.current += v
            st.stage = TEN
            return True
        return False
    return False
