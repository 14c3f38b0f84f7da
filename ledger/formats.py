"""Which reader a file needs: recognised by its content first, then by its name.

A text that starts like TREC/CLEF ``<DOC>`` documents, an RSS/Atom feed or an HTML page
is read as one, whatever its suffix (the ANT corpus ships SGML in ``.txt`` files);
``.json``, ``.jsonl`` / ``.ndjson`` and ``.csv`` are collections; anything else is one
plain-text article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from .feeds import FEED_SUFFIXES, is_feed, read_feed
from .inputs import ArticleInput, InputProblem, first_line
from .records import read_csv, read_json, read_jsonl, unique_ids
from .trec import is_trec, read_trec
from .webpages import HTML_SUFFIXES, is_html, read_html

TEXT_SUFFIXES = {".txt", ".text", ".md"}
COLLECTION_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}
MARKUP_SUFFIXES = {".sgml", ".sgm", ".trec", ".xml"} | HTML_SUFFIXES | FEED_SUFFIXES
SUFFIXES = TEXT_SUFFIXES | COLLECTION_SUFFIXES | MARKUP_SUFFIXES | {".zip"}
DOCUMENTATION = re.compile(
    r"(?:^|[-_.])(?:README|LICEN[CS]E|COPYING|CHANGELOG|CHANGES|NOTICE|AUTHORS|CONTRIBUTING|"
    r"CITATION)(?:$|[-_.])",
    re.I,
)
HEAD_CHARS = 4096

Reader = Callable[[str, str, str, str, str], Iterator[ArticleInput | InputProblem]]


def is_documentation(name: str) -> bool:
    """Whether a file name is a corpus's README, licence or the like, not an article."""
    return DOCUMENTATION.search(Path(name).stem) is not None


def sniff_markup(head: str) -> str | None:
    """``trec``, ``feed`` or ``html`` when a text starts like one, else None."""
    head = head.lstrip("\ufeff")
    if is_trec(head):
        return "trec"
    if is_feed(head):
        return "feed"
    if is_html(head):
        return "html"
    return None


def format_of(text: str, name: str) -> str:
    """The format of a decoded file: trec, feed, html, json, jsonl, csv, text, or
    unknown (markup of another kind)."""
    suffix = Path(name).suffix.lower()
    found = sniff_markup(text[:HEAD_CHARS])
    if found is not None:
        return found
    if suffix == ".json":
        return "json"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    if suffix in HTML_SUFFIXES:
        return "html"  # a page without <html> or a doctype: still a page
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in MARKUP_SUFFIXES:
        return "unknown"
    return "text"


def _read_plain(
    text: str, name: str, source: str, label: str, encoding: str
) -> Iterator[ArticleInput | InputProblem]:
    yield ArticleInput(source, name, text, first_line(text), encoding=encoding)


def _unknown(
    text: str, name: str, source: str, label: str, encoding: str
) -> Iterator[ArticleInput | InputProblem]:
    yield InputProblem(label, "markup that is neither TREC/CLEF documents, a feed nor a web page")


READERS: dict[str, Reader] = {
    "unknown": _unknown,
    "trec": read_trec,
    "feed": read_feed,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "text": _read_plain,
}


def read_text(
    text: str, name: str, source: str, label: str, encoding: str
) -> Iterator[ArticleInput | InputProblem]:
    """Articles in the decoded text of one file called ``name``."""
    kind = format_of(text, name)
    items = READERS[kind](text, name, source, label, encoding)
    yield from items if kind == "text" else unique_ids(items, label)
