"""TREC/CLEF SGML documents: one or many ``<DOC>`` per file.

Each document gives DOCNO (the record id), SRC (the outlet), TIME or DATE (published,
ISO 8601 with its offset), URL, TITLE or HEADLINE, and ABSTRACT and TEXT (the article
text: the abstract first, unless the text opens with it). Character references are
decoded and markup inside the text (``<P>``) becomes line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from .inputs import ArticleInput, InputProblem, first_line
from .markup import plain_text
from .published import iso_published

DOC = re.compile(r"<DOC(?:\s[^>]*)?>(.*?)(?:</DOC\s*>|(?=<DOC[\s>])|\Z)", re.I | re.S)
FIELD = re.compile(r"<([A-Za-z_][\w.-]*)(?:\s[^>]*)?>(.*?)</\1\s*>", re.S)
SNIFF = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<DOC[\s>]", re.I | re.S)

ID_TAGS = ("DOCNO", "DOCID", "ID")
SOURCE_TAGS = ("SRC", "SOURCE", "PUBLISHER", "OUTLET")
TITLE_TAGS = ("TITLE", "HEADLINE", "HEADER", "HL", "HEAD")
TIME_TAGS = ("TIME", "DATE_TIME", "DATE", "PUBDATE", "PUBLISHED")
URL_TAGS = ("URL", "LINK")
ABSTRACT_TAGS = ("ABSTRACT", "SUMMARY", "LEAD")
TEXT_TAGS = ("TEXT", "BODY")
SAME_OPENING = 90  # rapidfuzz ratio from which an abstract is the text's own opening


def is_trec(head: str) -> bool:
    """Whether a text starts like a TREC/CLEF document collection."""
    return SNIFF.match(head) is not None


def _fields(doc: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in FIELD.finditer(doc):
        found.setdefault(m.group(1).upper(), m.group(2))
    return found


def _first(fields: dict[str, str], tags: tuple[str, ...]) -> str | None:
    for tag in tags:
        value = plain_text(fields.get(tag, ""))
        if value:
            return value
    return None


def opens_with(text: str, abstract: str) -> bool:
    """Whether ``text`` already holds ``abstract`` (its opening, near enough, or inside)."""
    a, t = " ".join(abstract.split()), " ".join(text.split())
    if t.startswith(a.rstrip(".… ")) or a in t:
        return True
    return fuzz.ratio(a, t[: len(a)]) >= SAME_OPENING


def site_of(url: str | None) -> str | None:
    """The site a URL belongs to (``www.jawharafm.net`` -> ``jawharafm.net``)."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.") or None


def read_trec(
    text: str, name: str, source: str, label: str, encoding: str
) -> Iterator[ArticleInput | InputProblem]:
    """Every ``<DOC>`` of one file, as articles (problems for empty documents)."""
    docs = list(DOC.finditer(text))
    if not docs:
        yield InputProblem(label, "no <DOC> element found")
        return
    for n, m in enumerate(docs, 1):
        body = m.group(1)
        fields = _fields(body)
        doc_id = _first(fields, ID_TAGS) or str(n)
        where = f"{label}#{doc_id}"
        if not m.group(0).rstrip().upper().endswith("</DOC>"):
            yield InputProblem(
                where, "document is not closed by </DOC>; read to its end", "warning"
            )
        abstract = _first(fields, ABSTRACT_TAGS)
        article = _first(fields, TEXT_TAGS)
        title = _first(fields, TITLE_TAGS)
        if article and abstract and not opens_with(article, abstract):
            article = f"{abstract}\n{article}"
        article = article or abstract or title
        if not article:
            yield InputProblem(where, "document has no TEXT, ABSTRACT or TITLE; skipped", "warning")
            continue
        url = _first(fields, URL_TAGS)
        yield ArticleInput(
            source=f"{source}#{doc_id}",
            name=f"{name}#{doc_id}" if len(docs) > 1 else doc_id,
            text=article,
            title=title or first_line(article),
            outlet=_first(fields, SOURCE_TAGS) or site_of(url),
            published=iso_published(_first(fields, TIME_TAGS)),
            url=url,
            encoding=encoding,
        )
