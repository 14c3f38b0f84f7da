"""Plain text out of small pieces of markup (SGML fields, feed summaries)."""

from __future__ import annotations

import html
import re

BREAK = re.compile(r"<(?:/?P|BR|/?DIV|/?LI|/?H[1-6]|/?TR)(?:\s[^>]*)?/?>", re.I)
TAG = re.compile(r"</?[A-Za-z!][^>]*>")


def plain_text(raw: str) -> str:
    """Text of a piece of markup: paragraph and line tags become line breaks, other tags
    are dropped, character references decoded, each line trimmed, blank runs folded."""
    text = html.unescape(TAG.sub("", BREAK.sub("\n", raw))).replace("\x00", "")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{2,}", "\n", "\n".join(lines)).strip()
