"""RSS and Atom feed files: each item an article, read with feedparser."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from .inputs import ArticleInput, InputProblem, first_line
from .markup import plain_text
from .published import iso_published
from .trec import site_of

SNIFF = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?xml-stylesheet[^>]*>\s*)*"
    r"(?:<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>])",
    re.I | re.S,
)
FEED_SUFFIXES = {".rss", ".atom"}


def is_feed(head: str) -> bool:
    """Whether a text starts like an RSS or Atom feed."""
    return SNIFF.match(head) is not None


def _body(entry) -> str:
    """The longest of an item's full content and its summary, as plain text."""
    texts = [plain_text(c.get("value", "")) for c in entry.get("content", [])]
    texts.append(plain_text(entry.get("summary", "")))
    return max(texts, key=len)


def read_feed(
    text: str, name: str, source: str, label: str, encoding: str
) -> Iterator[ArticleInput | InputProblem]:
    """Every item of one feed file, as articles."""
    import feedparser

    # a stream, so feedparser never takes the text for a URL or a file name
    feed = feedparser.parse(io.BytesIO(text.encode("utf-8")))
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield InputProblem(label, f"feed holds no items{reason}")
        return
    channel = feed.get("feed", {})
    channel_name = (channel.get("title") or "").strip() or site_of(channel.get("link"))
    for n, entry in enumerate(feed.entries, 1):
        item_id = (entry.get("id") or entry.get("link") or str(n)).strip()
        where = f"{label}#{n}"
        body = _body(entry)
        title = plain_text(entry.get("title", "")) or None
        if not body:
            yield InputProblem(where, "feed item has no summary or content; skipped", "warning")
            continue
        link = (entry.get("link") or "").strip() or None
        outlet = (entry.get("source", {}).get("title") or "").strip() or channel_name
        yield ArticleInput(
            source=f"{source}#{item_id}",
            name=f"{name}#{n}",
            text=body,
            title=title or first_line(body),
            outlet=outlet or site_of(link),
            published=iso_published(entry.get("published") or entry.get("updated")),
            url=link,
            encoding=encoding,
        )
