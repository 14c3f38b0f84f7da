"""Publication times as ISO 8601, whatever the input wrote."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

# 20170120, 2017/01/20, 20.01.2017, 20-01-2017 ...
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T?(\d{2}):?(\d{2})(?::?(\d{2}))?)?")
_DAY_FIRST = re.compile(
    r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)
_EXTENDED = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)
_SLASHED = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def iso_published(raw: str | None) -> str | None:
    """``raw`` as ISO 8601 (offset kept when given); ``raw`` itself when unreadable.

    Reads ISO 8601 (``2017-01-25T14:36:00+01:00``, ``2015-07-21 02:51:35``), RFC 822
    as feeds write it (``Wed, 25 Jan 2017 14:36:00 +0100``), compact TREC dates
    (``20170125``), day-first numeric dates (``25/01/2017``) and ``2017/01/25``.
    """
    if raw is None:
        return None
    text = " ".join(raw.split())
    if not text:
        return None
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        if _EXTENDED.fullmatch(text):
            return text  # already ISO 8601 as people write it: kept as given
        return parsed.date().isoformat() if len(text) <= 8 else parsed.isoformat()
    try:
        return email.utils.parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for pattern, order in ((_COMPACT, "ymd"), (_SLASHED, "ymd"), (_DAY_FIRST, "dmy")):
        m = pattern.fullmatch(text)
        if m is None:
            continue
        parts = [int(g) if g else 0 for g in m.groups()]
        y, mo, d = parts[:3] if order == "ymd" else (parts[2], parts[1], parts[0])
        try:
            when = dt.datetime(y, mo, d, *parts[3:6])
        except ValueError:
            return text
        return when.date().isoformat() if m.group(4) is None else when.isoformat()
    return text


def published_at(published: str | None) -> dt.datetime | None:
    """A stored publication time (``iso_published``'s) as a naive datetime, or None."""
    if not published:
        return None
    try:
        return dt.datetime.fromisoformat(published.replace("T", " ").replace("Z", "")[:19])
    except ValueError:
        return None
