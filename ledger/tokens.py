"""Tokens of normalised text, with their offsets (numbers kept whole)."""

from __future__ import annotations

import re
from typing import NamedTuple

ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff"
TOKEN_RE = re.compile(
    rf"[^\S\n]*(?:(?P<num>[0-9]+(?:[.,٫٬][0-9]+)*)|(?P<word>[{ARABIC_LETTERS}]+)"
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
