"""Arabic on a terminal: visual (reordered, shaped) or logical (as stored).

Most terminals (xterm, GNOME Terminal, iTerm2, Windows Terminal) draw characters in
the order they are stored, so Arabic comes out backwards; Textual has no right-to-left
support. In *visual* mode each line is wrapped first, then shaped (arabic-reshaper) and
reordered: table cells with python-bidi, article lines with a run-based reordering that
keeps each character's style, so marked mentions stay marked (tests compare the two). Terminals that reorder by themselves (Konsole, mintty,
macOS Terminal) need *logical* mode, or they reverse the text a second time.

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


_LTR_RUN = re.compile(
    "[A-Za-z0-9\u0660-\u0669\u06f0-\u06f9](?:[^\u0590-\u08ff\n]*[A-Za-z0-9\u0660-\u0669\u06f0-\u06f9])?"
)
_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")


def fast_visual_order(line: str) -> tuple[list[int], list[str]]:
    """Display order of a right-to-left line: the line reversed, with each left-to-right
    run (Latin words, numbers, and the neutrals between them) kept in reading order
    and brackets mirrored. For Arabic news lines this matches the Unicode algorithm
    (tests compare it with python-bidi), and it keeps each character's index, so
    styles follow their characters; it is also fast enough for every key press."""
    order = list(range(len(line)))
    ltr = [False] * len(line)
    for m in _LTR_RUN.finditer(line):
        for k in range(m.start(), m.end()):
            ltr[k] = True
    out: list[int] = []
    k = len(line) - 1
    while k >= 0:
        if ltr[k]:
            j = k
            while j >= 0 and ltr[j]:
                j -= 1
            out.extend(order[j + 1 : k + 1])
            k = j
        else:
            out.append(k)
            k -= 1
    chars = [line[i] if ltr[i] else line[i].translate(_MIRROR) for i in out]
    return out, chars


def visual_line(line: Text) -> Text:
    """One wrapped line, shaped and reordered, each character keeping its style."""
    plain = line.plain
    if not plain or not any("\u0590" <= ch <= "\u08ff" for ch in plain):
        return line
    shaped = _reshaper().reshape(plain)
    if len(shaped) != len(plain):
        shaped = plain
    styles: list[Style | str | None] = [None] * len(plain)
    for span in line.spans:
        for k in range(span.start, min(span.end, len(plain))):
            styles[k] = span.style
    order, chars = fast_visual_order(shaped)
    out = Text(style=line.style, end="")
    for idx, ch in zip(order, chars, strict=True):
        out.append(ch, styles[idx] or None)
    # right-align an Arabic line, as a reader expects
    return out


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
    lines = wrap(text, max(10, width))
    if mode != VISUAL:
        return Text("\n").join(lines)
    out = []
    for line in lines:
        v = visual_line(line)
        pad = max(0, width - cell_len(v.plain))
        rtl = any("\u0600" <= ch <= "\u06ff" for ch in line.plain)
        out.append(Text(" " * pad) + v if rtl else v)
    return Text("\n").join(out)


def cell(value: object, mode: str, limit: int = 60) -> Text:
    """A table cell: plain text (never markup), no diacritics, reordered in visual mode."""
    if value is None:
        return Text("")
    return Text(_cell_text(str(value), mode, limit))


@lru_cache(maxsize=50_000)
def _cell_text(value: str, mode: str, limit: int) -> str:
    s = strip_marks(safe(value)).replace("\n", " ")
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    if mode == VISUAL and any("\u0600" <= ch <= "\u06ff" for ch in s):
        shaped = _reshaper().reshape(s)
        if any(ch in "()[]{}<>«»" for ch in s):
            # python-bidi's fast get_display does not mirror brackets; the full algorithm does
            from bidi.algorithm import get_display
        else:
            from bidi import get_display
        s = get_display(shaped)
    return s
