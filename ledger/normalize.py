"""Arabic normalisation that keeps a map back to the original text.

Matching runs on a normalised copy of an article (no diacritics, tatweel or invisible
format marks, one alef, ya for alef maksura, ha for ta marbuta, Western digits). Every
offset found there is mapped back to the original string, so spans always point into
the text exactly as it was read.

camel-tools decides the letters: the one-pass translation table below is derived, on
first use, by running camel-tools' own ``normalize_alef_ar``,
``normalize_alef_maksura_ar`` and ``normalize_teh_marbuta_ar`` over the Arabic block,
and presentation forms and ligatures go through its ``normalize_unicode``. Its
diacritic set is ``AR_DIAC_CHARSET``; importing that module walks all of Unicode
(half a second), so the same set is written out here and a test keeps the two equal.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

TATWEEL = "\u0640"
# camel_tools.utils.charsets.AR_DIAC_CHARSET (tests/test_normalize.py checks it)
AR_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
# Quranic annotation marks and other combining marks camel-tools' set leaves out.
EXTRA_MARKS = "".join(chr(c) for c in [*range(0x0610, 0x061B), *range(0x0653, 0x0660),
                                        *range(0x06D6, 0x06EE)])  # fmt: skip
DIACRITIC_MARKS = AR_DIACRITICS + EXTRA_MARKS
# Invisible format characters news sites sprinkle into Arabic text, inside numbers too
# (7.\u200f0): bidi marks and embeddings, joiners, soft hyphens, the byte order mark.
FORMAT_CHARS = (
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff"
)
# Characters whose NFKC form differs in length (presentation forms, ligatures).
COMPAT_CHARS = "\ufb50-\ufdff\ufe70-\ufefe\u0675-\u0678"
_REMOVABLE = re.compile("[" + re.escape(DIACRITIC_MARKS + TATWEEL + FORMAT_CHARS) + "]")
_MARKS = re.compile("[" + re.escape(DIACRITIC_MARKS) + "]")
_COMPAT = re.compile(f"[{COMPAT_CHARS}]")
_SPECIAL = re.compile(
    "[" + re.escape(DIACRITIC_MARKS + TATWEEL + FORMAT_CHARS) + f"]|[{COMPAT_CHARS}]"
)
_EXTRA_LETTERS = {
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
    "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "ی": "ي", "ک": "ك", "ە": "ه", "ۀ": "ه", "ہ": "ه", "ٱ": "ا",
}  # fmt: skip


@cache
def _letter_table() -> dict[int, str]:
    """One ``str.translate`` table for camel-tools' letter normalisers and digits."""
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    block = "".join(chr(c) for c in range(0x0600, 0x0700))
    mapped = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(block)))
    if len(mapped) != len(block):
        raise RuntimeError("camel-tools letter normalisation no longer preserves length")
    table = {ord(a): b for a, b in zip(block, mapped, strict=True) if a != b}
    table.update({ord(k): v for k, v in _EXTRA_LETTERS.items()})
    return table


@cache
def _compat_form(ch: str) -> str:
    """NFKC of one presentation form (camel-tools' ``normalize_unicode``), cleaned."""
    from camel_tools.utils.normalize import normalize_unicode

    return _REMOVABLE.sub("", unicodedata.normalize("NFKC", normalize_unicode(ch)))


def _letters(text: str) -> str:
    """Length-preserving letter normalisation (alef, ya, ta marbuta, digits)."""
    return text.translate(_letter_table())


def normalize_word(text: str) -> str:
    """Normalise a word or phrase for lookup (no offset map)."""
    if _COMPAT.search(text):
        text = _COMPAT.sub(lambda m: _compat_form(m.group()), text)
    return _letters(_REMOVABLE.sub("", text))


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
        original = self.original
        while o_end < len(original) and _MARKS.match(original, o_end):
            o_end += 1
        return o_start, o_end


def normalize(original: str) -> NormalizedText:
    """Normalise ``original`` for matching, keeping an exact offset map."""
    if _COMPAT.search(original):
        return _normalize_general(original)
    keys: list[int] = []
    pieces: list[str] = []
    last = 0
    for k, m in enumerate(_REMOVABLE.finditer(original)):
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
    """Text with presentation forms: a full offset map, built segment by segment."""
    out: list[str] = []
    origin = array("i")
    last = 0
    for m in _SPECIAL.finditer(original):
        pos = m.start()
        if pos > last:
            out.append(original[last:pos])
            origin.extend(range(last, pos))
        ch = m.group()
        if _COMPAT.match(ch):
            piece = _compat_form(ch)
            out.append(piece)
            origin.extend([pos] * len(piece))
        last = pos + 1
    out.append(original[last:])
    origin.extend(range(last, len(original)))
    return NormalizedText(original, _letters("".join(out)), [], origin)
