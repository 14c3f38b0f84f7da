"""Tokens of normalised text, with their offsets (numbers kept whole)."""

from __future__ import annotations

import re
from typing import NamedTuple

ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff"
# A number: the Saudi Press Agency's reversed groups (2ر27, 94/000ر59), thousands in
# groups of three (9,000  ٩٬٠٠٠  1.000.000  40 000, and 12،220,13 with a decimal comma),
# or digits with one decimal part (1.5  ٣٫٥  ١٨٠,٢٥  6،4). "2,3,4" is a list, not 2.3.
NUMBER = (
    r"(?:[0-9]{1,3}/(?=[0-9]{3}ر))?[0-9]+(?:ر[0-9]+)+(?![0-9])"
    r"|[0-9]{1,3}(?:[٬،][0-9]{3})+(?![0-9])(?:[.٫][0-9]+|,[0-9]{1,2}(?![0-9]))?"
    r"|[0-9]+،[0-9]{1,2}(?![0-9،])"
    r"|[0-9]{1,3}(?:[,\u00a0\u202f][0-9]{3})+(?![0-9])(?:[.٫][0-9]+)?"
    r"|[0-9]{1,3}(?: [0-9]{3}){2,}(?![0-9])(?:[.٫][0-9]+)?"
    r"|[0-9]{1,3} 000(?![0-9])"
    # .5 is a half, but an ASCII point between a word (or و) and the last number of a
    # line is that line's full stop, typed before it left to right ("الفوز 5 / .4",
    # "و62 و.85"); the Arabic decimal separator ٫ is never a full stop
    r"|(?<![0-9])(?!(?:(?<=\S[^\S\n])|(?<=[^\S\n]و))\.[0-9]+[^\S\n]*[»\"”')]*[^\S\n]*(?:\n|\Z))"
    r"[.٫][0-9]+"
    r"|[0-9]{1,3}(?:\.[0-9]{3}){2,}(?![0-9.])"
    r"|(?<![0-9],)[0-9]+(?:[.٫][0-9]+|,[0-9]{1,2}(?![,0-9]))?"
    r"|[0-9]+(?:[.٫][0-9]+)?"
)
TOKEN_RE = re.compile(
    rf"[^\S\n]*(?:(?P<num>{NUMBER})|(?P<word>[{ARABIC_LETTERS}]+)"
    rf"|(?P<latin>[A-Za-z]+)|(?P<nl>\n)|(?P<punct>\S))"
)


class Tok(NamedTuple):
    """A token: kind is num, word, latin, nl or punct; offsets are normalised."""

    kind: str
    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Tokens of ``text[start:end]``, offsets relative to ``text``."""
    end = len(text) if end is None else end
    out = []
    for m in TOKEN_RE.finditer(text, start, end):
        kind = m.lastgroup
        if kind is None:
            continue
        s, e = m.span(kind)
        out.append(Tok(kind, text[s:e], s, e))
    return out
