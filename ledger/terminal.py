"""The one gate for text that reaches a terminal.

Article text, file names, notes and author names are untrusted: an ESC or CSI sequence
in them could clear the screen, set the window title or write the clipboard (OSC 52),
and a bidi override could flip what is shown. Everything the CLI prints and every widget
of the app goes through ``printable``; JSON output through ``json_text``.
"""

from __future__ import annotations

import json

# C0 controls (but newline and tab) as their Unicode control pictures, DEL as ␡,
# C1 controls (0x80-0x9F: CSI, OSC, ST ...) as the replacement character
_CONTROLS = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_CONTROLS |= {0x7F: 0x2421} | dict.fromkeys(range(0x80, 0xA0), 0xFFFD)
# bidi embeddings, overrides and isolates can reorder what follows: shown, not obeyed
_OVERRIDES = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
                           0xFFFD)  # fmt: skip
_TABLE = _CONTROLS | _OVERRIDES
# the same characters, escaped in JSON (which is then still exact once parsed)
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in _TABLE if c >= 0x7F}


def plural(n: int, noun: str) -> str:
    """``1 claim``, ``2,400 claims``, ``1 story``, ``3 stories``."""
    if n == 1:
        return f"{n:,} {noun}"
    ies = noun.endswith("y") and noun[-2:-1] not in "aeiou"
    return f"{n:,} {noun[:-1] + 'ies' if ies else noun + 's'}"


def printable(text: object) -> str:
    """``text`` with every control character and bidi override made visible."""
    return str(text).translate(_TABLE)


def json_text(data: object, **kwargs) -> str:
    """``json.dumps`` that never lets a C1 control or a bidi override through raw
    (they are written as ``\\u`` escapes; C0 controls JSON escapes itself)."""
    return json.dumps(data, ensure_ascii=False, **kwargs).translate(_JSON_ESCAPES)


class Gated:
    """A text stream whose writes go through ``printable`` (a CSV shown on a terminal)."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(printable(text))

    def flush(self) -> None:
        self.stream.flush()
