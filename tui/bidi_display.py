"""Arabic on a terminal: visual (reordered, shaped) or logical (as stored).

Most terminals (xterm, GNOME Terminal, iTerm2, Windows Terminal) draw characters in
the order they are stored, so Arabic comes out backwards; Textual has no right-to-left
support. In *visual* mode each line is wrapped first (in logical order, never again
after), then shaped (arabic-reshaper) and reordered by python-bidi's Unicode
Bidirectional Algorithm in its paragraph's direction, each character keeping its style
so marked mentions stay marked; cells are cut at their logical end before they are
reordered. Terminals that reorder by themselves (Konsole, mintty, macOS Terminal) need
*logical* mode, or they reverse the text a second time.

Visual text is for reading only: copying it gives reversed text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from ledger.terminal import printable

VISUAL = "visual"
LOGICAL = "logical"

_INVISIBLE = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"), None
)


def safe(text: str) -> str:
    """Neutralise control characters and bidi overrides (shown as ␛-like symbols, C1
    controls and overrides as �, through the engine's one terminal gate), so article
    text can never move the cursor or flip the screen."""
    text = text.replace("\t", "    ").replace("\r\n", "\n").replace("\r", "\n")
    lines = [printable(line).translate(_INVISIBLE) for line in text.split("\n")]
    return "\n".join(lines)


@cache
def _reshaper():
    from arabic_reshaper import ArabicReshaper

    # no ligatures and no deletion: one glyph in, one glyph out, so styles stay put
    return ArabicReshaper(configuration={"support_ligatures": False, "delete_harakat": False})


def strip_marks(text: str) -> str:
    """Text without Arabic diacritics (terminals disagree on their width)."""
    return "".join(
        ch for ch in text if not (unicodedata.combining(ch) and "\u0610" <= ch <= "\u06ff")
    )


# right-to-left letters: Hebrew and Arabic, and the Arabic presentation forms that shaping
# turns letters into (a run of digits must never reach across a shaped و)
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe"


@lru_cache(maxsize=20_000)
def visual_order(line: str, rtl: bool = True) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Display order of one line, by python-bidi's own Unicode Bidirectional Algorithm
    (the full one, which mirrors brackets), run step by step so that each character
    keeps its index: styles follow their characters. Returns the logical index and
    the (mirrored) character of each display position, left to right."""
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    uba.get_embedding_levels(line, storage, False, False)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    uba.explicit_embed_and_overrides(storage, False)
    uba.resolve_weak_types(storage, False)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    chars = storage["chars"]
    return tuple(c["index"] for c in chars), tuple(c["ch"] for c in chars)


_STRONG = re.compile(f"[{_RTL}]|[A-Za-z\u00c0-\u024f]")


def paragraph_is_rtl(paragraph: str) -> bool:
    """A paragraph's direction, from its first strong letter (Unicode rule P2)."""
    m = _STRONG.search(paragraph)
    return m is not None and not ("A" <= m.group()[0] <= "z" or "\u00c0" <= m.group() <= "\u024f")


def visual_line(line: Text, rtl: bool = True) -> Text:
    """One wrapped line, shaped and reordered, each character keeping its style.
    ``rtl`` is its paragraph's direction (a line of an English paragraph keeps its
    order, each Arabic run in it reversed in place)."""
    plain = line.plain
    if not plain or (not rtl and not any("\u0590" <= ch <= "\u08ff" for ch in plain)):
        return line  # (a line of an Arabic paragraph is reordered even without letters)
    shaped = _shaped(plain)
    styles: list[Style | str | None] = [None] * len(plain)
    for span in line.spans:
        for k in range(span.start, min(span.end, len(plain))):
            styles[k] = span.style
    order, chars = visual_order(shaped, rtl)
    out = Text(style=line.style, end="")
    # append runs of one style at once (a long article has thousands of characters)
    run: list[str] = []
    run_style: Style | str | None = None
    for idx, ch in zip(order, chars, strict=True):
        style = styles[idx] or None
        if run and style != run_style:
            out.append("".join(run), run_style)
            run = []
        run_style = style
        run.append(ch)
    if run:
        out.append("".join(run), run_style)
    return out


@lru_cache(maxsize=20_000)
def _shaped(plain: str) -> str:
    """A line with its Arabic letters in their joined forms (the same length, or the
    line as it is when shaping would change its length)."""
    shaped = _reshaper().reshape(plain)
    return shaped if len(shaped) == len(plain) else plain


def wrap(text: Text, width: int) -> list[Text]:
    """Wrap styled text at word boundaries to ``width`` cells, line by line."""
    lines: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        if not paragraph.plain:
            lines.append(Text(""))
            continue
        start = 0
        plain = paragraph.plain
        while start < len(plain):
            end = start
            used = 0
            last_space = -1
            while end < len(plain):
                w = cell_len(plain[end])
                if used + w > width:
                    break
                if plain[end] == " ":
                    last_space = end
                used += w
                end += 1
            if end < len(plain) and last_space > start:
                end = last_space + 1
            piece = paragraph[start:end]
            piece.rstrip()
            lines.append(piece)
            start = end
    return lines


def render(text: Text, width: int, mode: str) -> Text:
    """The whole text wrapped to ``width``; in visual mode each line reordered and
    right-aligned."""
    if mode != VISUAL:
        return Text("\n").join(wrap(text, max(10, width)))
    out = []
    for paragraph in text.split("\n", allow_blank=True):
        rtl = paragraph_is_rtl(paragraph.plain)
        for line in wrap(paragraph, max(10, width)):
            v = visual_line(line, rtl)
            pad = max(0, width - cell_len(v.plain))
            out.append(Text(" " * pad) + v if rtl else v)
    return Text("\n").join(out)


def cell(value: object, mode: str, limit: int = 60, base: str = "auto") -> Text:
    """A table cell: plain text (never markup), no diacritics, cut to ``limit``
    characters at its logical end (in visual mode the ellipsis is on the left of Arabic,
    where a right-to-left reader's line ends), then reordered in visual mode. ``base``
    "ltr" is for English frames around Arabic parts (reasons, headers): each Arabic
    part is reordered as a whole where it stands."""
    if value is None:
        return Text("")
    return Text(_cell_text(str(value), mode, limit, base))


class LazyCell:
    """A ``cell`` drawn only when it is first shown: a table of hundreds of rows draws
    the few on screen, so the rest need not be reordered before the table appears."""

    __slots__ = ("_args", "_text")

    def __init__(self, value: object, mode: str, limit: int = 60, base: str = "auto") -> None:
        self._args = (value, mode, limit, base)
        self._text: Text | None = None

    def __rich__(self) -> Text:
        if self._text is None:
            self._text = cell(*self._args)
        return self._text


# the Arabic parts of an English sentence: a «quote», or a run from an Arabic letter to
# the last Arabic letter before Latin text or a bracket
_ARABIC_PART = re.compile("«[^»]*»|[\u0600-\u06ff](?:[^A-Za-z()\\[\\]«»:;]*[\u0600-\u06ff])?")


def around(sentence: str, at: int, length: int, width: int) -> str:
    """The part of a sentence around a mention that fits ``width`` characters, cut at
    word boundaries, with … where it was cut: the number itself is always in it."""
    if len(sentence) <= width:
        return sentence
    at = max(0, min(at, len(sentence)))
    room = max(0, width - length - 2)
    lo = max(0, at - room // 2)
    hi = min(len(sentence), lo + width - 2)
    lo = max(0, min(lo, hi - (width - 2)))
    if lo > 0:
        space = sentence.find(" ", lo, at)
        lo = space + 1 if space != -1 else lo
    if hi < len(sentence):
        space = sentence.rfind(" ", at + length, hi)
        hi = space if space != -1 else hi
    return ("…" if lo > 0 else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")


def frame(value: str, mode: str, limit: int = 10_000) -> str:
    """An English sentence quoting Arabic (a conflict's reason, a note, a log line) for
    display: the English reads left to right, and each Arabic part (a «quote», a name)
    is reordered as a whole where it stands, so parentheses, «» and numbers stay with
    what they belong to."""
    return _framed(str(value), mode, limit)


@lru_cache(maxsize=10_000)
def _framed(value: str, mode: str, limit: int) -> str:
    s = strip_marks(safe(value)).replace("\n", " ")
    if len(s) > limit:
        s = s[: max(1, limit - 1)] + "…"
    if mode != VISUAL:
        return s

    def part(m: re.Match) -> str:
        text = m.group()
        if text.startswith("«"):
            return "«" + _rtl_display(text[1:-1]) + "»"
        return _rtl_display(text)

    return _ARABIC_PART.sub(part, s)


def _rtl_display(text: str) -> str:
    if not text.strip():
        return text
    if any(ch in "()[]{}<>«»" for ch in text):  # the full algorithm mirrors brackets
        from bidi.algorithm import get_display
    else:  # the same order, from python-bidi's compiled implementation
        from bidi import get_display
    return get_display(_reshaper().reshape(text), base_dir="R")


@lru_cache(maxsize=50_000)
def _cell_text(value: str, mode: str, limit: int, base: str = "auto") -> str:
    s = strip_marks(safe(value)).replace("\n", " ")
    if len(s) > limit:
        s = s[: max(1, limit - 1)] + "…"
    if mode == VISUAL and any("\u0600" <= ch <= "\u06ff" for ch in s):
        if base == "ltr":
            return _framed(s, mode, limit)
        shaped = _reshaper().reshape(s)
        if any(ch in "()[]{}<>«»" for ch in s):
            # python-bidi's fast get_display does not mirror brackets; the full algorithm does
            from bidi.algorithm import get_display
        else:
            from bidi import get_display
        s = get_display(shaped)
    return s
