"""Saved web pages: the article's main text and its metadata, with trafilatura.

Menus, share buttons, related-article lists, comments and footers are left out.
The title, site name, canonical URL and publication time come from the page's
metadata (``og:`` and ``article:`` properties, JSON-LD, ``<time>``), the time with
its clock and offset when the page gives them. A page that states no date has none: a
year in its text is never taken for its date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from .inputs import ArticleInput, InputProblem, first_line
from .published import iso_published

SNIFF = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+html|<html[\s>]|<head[\s>])",
    re.I | re.S,
)
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
# where pages put their full publication time, most specific first
TIME_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate']/@content",
    "//meta[@name='publish-date']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//article//time/@datetime",
    "//time/@datetime",
)


def is_html(head: str) -> bool:
    """Whether a text starts like an HTML page."""
    return SNIFF.match(head) is not None


# teaser lines inside an article's body that point to other articles or to the site's
# accounts ("اقرأ أيضاً: وفاة 3 أشخاص ..."): their numbers are another article's
TEASER = re.compile(
    r"^\s*(?:[اإأآ]قر[اأ]\s+[اأإ]يض[اً]*|طالع\s+[اأ]يض[اً]*|شاهد\s+[اأ]يض[اً]*|[اإأ]قر[اأ]\s+المزيد"
    r"|للمزيد\s+من|تابعو?نا|تابعوا|read\s+(?:also|more)|see\s+also)",
    re.I,
)
TEASER_MAX = 300  # characters: a teaser is a line, not a paragraph of the article


def _drop_teasers(tree) -> None:
    """Remove "read also" and "follow us" lines before the main text is taken."""
    for element in tree.xpath("//p | //li | //div[not(.//p)] | //h3 | //h4 | //span[not(*)]"):
        text = element.text_content()
        if len(text) <= TEASER_MAX and TEASER.match(text) and element.getparent() is not None:
            element.drop_tree()  # (the text after it, its tail, stays)


def _json_ld_times(tree) -> list[str]:
    """``datePublished`` of the page's JSON-LD blocks (schema.org NewsArticle)."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                found.append(value)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            walk(json.loads(script))
        except (ValueError, RecursionError):
            continue
    return found


def _page_times(tree) -> list[str]:
    """Timestamps the page states in its markup, most specific first."""
    stamps = []
    for value in _json_ld_times(tree):
        when = iso_published(value)
        if when and re.match(r"\d{4}-\d{2}-\d{2}", when):
            stamps.append(when)
    for xpath in TIME_XPATHS:
        for value in tree.xpath(xpath):
            when = iso_published(str(value))
            if when and re.match(r"\d{4}-\d{2}-\d{2}", when):
                stamps.append(when)
    return stamps


def _published(stamps: list[str], day: str | None) -> str | None:
    """The full timestamp of the day trafilatura chose (clock and offset kept)."""
    for when in stamps:
        if day is None or when[:10] == day[:10]:
            return when
    return day


def read_html(
    text: str, name: str, source: str, label: str, encoding: str
) -> Iterator[ArticleInput | InputProblem]:
    """The article of one saved web page."""
    import lxml.html
    import trafilatura
    from lxml.etree import ParserError

    try:
        parser = lxml.html.HTMLParser(encoding="utf-8")  # the text is decoded already
        tree = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (ParserError, ValueError) as exc:
        yield InputProblem(label, f"unreadable HTML ({exc})")
        return
    stamps = _page_times(tree)  # before extraction, which prunes the tree
    _drop_teasers(tree)
    doc = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_images=False,
        # the date from the page's markup only: never guessed from a year in the text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )  # fmt: skip
    body = (doc.text or "").strip() if doc is not None else ""
    if not body:
        yield InputProblem(label, "web page holds no article text (only navigation or markup)")
        return
    day = iso_published(doc.date)
    title = (doc.title or "").strip()
    if title and body.startswith(title) and body[len(title) :].strip():
        # the page's <h1> opens the text: the headline is the title, as a feed's or a
        # TREC document's is (its numbers are headline mentions), the text what follows
        body = body[len(title) :].lstrip()
    yield ArticleInput(
        source=source,
        name=name,
        text=body,
        title=title or first_line(body),
        outlet=(doc.sitename or "").strip() or doc.hostname,
        published=_published(stamps, day),
        url=doc.url,
        encoding=encoding,
    )
