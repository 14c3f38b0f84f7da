"""Arabic normalisation that keeps a map back to the original text.

Matching runs on a normalised copy of an article (no diacritics or tatweel, one
alef, ya for alef maksura, ha for ta marbuta, Western digits). Every offset found
there is mapped back to the original string, so spans always point into the text
exactly as it was read.

camel-tools does the character work (dediacritisation, alef / alef maksura / ta
marbuta normalisation, Unicode compatibility forms). Its ``charsets`` module is slow
to import, so it is loaded on first use, never at import time.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

TATWEEL = "\u0640"
# Invisible format characters that news sites sprinkle into Arabic text.
FORMAT_CHARS = "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
# Quranic annotation marks that camel-tools' diacritic set does not include.
EXTRA_MARKS = "".join(chr(c) for c in [*range(0x0610, 0x061B), *range(0x06D6, 0x06EE)])
# Characters whose NFKC form differs in length (presentation forms, ligatures).
_COMPAT_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe\u0675-\u0678]")
_LETTER_FIXES = str.maketrans(
    {
        "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
        "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
        "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
        "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
        "ی": "ي", "ک": "ك", "ە": "ه", "ۀ": "ه", "ہ": "ه", "ٱ": "ا",
    }
)  # fmt: skip
DIACRITIC_MARKS: str = ""  # filled by _camel() from camel-tools' charset


@cache
def _camel():
    """Import camel-tools' normalisers once, on first use."""
    global DIACRITIC_MARKS
    from camel_tools.utils.charsets import AR_DIAC_CHARSET
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    DIACRITIC_MARKS = "".join(sorted(AR_DIAC_CHARSET)) + EXTRA_MARKS
    removable = re.compile("[" + re.escape(DIACRITIC_MARKS + TATWEEL + FORMAT_CHARS) + "]")
    marks = re.compile("[" + re.escape(DIACRITIC_MARKS) + "]")
    return {
        "dediac": dediac_ar,
        "alef": normalize_alef_ar,
        "maksura": normalize_alef_maksura_ar,
        "teh": normalize_teh_marbuta_ar,
        "unicode": normalize_unicode,
        "removable": removable,
        "marks": marks,
    }


def _letters(text: str) -> str:
    """Length-preserving letter normalisation (alef, ya, ta marbuta, digits)."""
    c = _camel()
    return c["teh"](c["maksura"](c["alef"](text))).translate(_LETTER_FIXES)


def normalize_word(text: str) -> str:
    """Normalise a word or phrase for lookup (no offset map)."""
    c = _camel()
    text = c["unicode"](text) if _COMPAT_RE.search(text) else text
    return _letters(c["removable"].sub("", c["dediac"](text)))


@dataclass(slots=True)
class NormalizedText:
    """A normalised copy of ``original`` and the map from its offsets back."""

    original: str
    text: str
    # Fast path: positions (in normalised coordinates) where characters were removed.
    _removal_keys: list[int] = field(default_factory=list)
    # General path (compatibility forms present): original index of each normalised char.
    _origin: array | None = None

    def to_original(self, pos: int) -> int:
        """Original offset of the character at normalised offset ``pos``."""
        if self._origin is not None:
            return self._origin[pos] if pos < len(self._origin) else len(self.original)
        return pos + bisect_right(self._removal_keys, pos)

    def to_normalized(self, pos: int) -> int:
        """Normalised offset of original offset ``pos`` (the next kept character)."""
        if self._origin is not None:
            return bisect_left(self._origin, pos)
        # removal k happened at original position keys[k] + k
        lo, hi = 0, len(self._removal_keys)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._removal_keys[mid] + mid < pos:
                lo = mid + 1
            else:
                hi = mid
        return pos - lo

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised half-open span to the original text.

        The end is extended over diacritics that belong to the last letter, so
        ``ألفاً`` keeps its tanween.
        """
        if end <= start:
            o = self.to_original(start)
            return o, o
        o_start = self.to_original(start)
        o_end = self.to_original(end - 1) + 1
        marks = _camel()["marks"]
        original = self.original
        while o_end < len(original) and marks.match(original, o_end):
            o_end += 1
        return o_start, o_end


def normalize(original: str) -> NormalizedText:
    """Normalise ``original`` for matching, keeping an exact offset map."""
    c = _camel()
    if _COMPAT_RE.search(original):
        return _normalize_general(original)
    removable = c["removable"]
    keys: list[int] = []
    pieces: list[str] = []
    last = 0
    for k, m in enumerate(removable.finditer(original)):
        pos = m.start()
        keys.append(pos - k)
        pieces.append(original[last:pos])
        last = pos + 1
    if keys:
        pieces.append(original[last:])
        stripped = "".join(pieces)
    else:
        stripped = original
    return NormalizedText(original, _letters(stripped), keys)


def _normalize_general(original: str) -> NormalizedText:
    """Slow path for text with compatibility forms: map every character."""
    c = _camel()
    removable = c["removable"]
    out: list[str] = []
    origin = array("l")
    for i, ch in enumerate(original):
        if removable.match(ch):
            continue
        if _COMPAT_RE.match(ch):
            piece = removable.sub("", unicodedata.normalize("NFKC", c["unicode"](ch)))
        else:
            piece = ch
        out.append(piece)
        origin.extend([i] * len(piece))
    return NormalizedText(original, _letters("".join(out)), [], origin)
