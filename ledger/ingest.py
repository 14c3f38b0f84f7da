"""Ingest: read inputs, skip what the ledger already holds, extract the rest, write.

An article's identity is the hash of its text. Re-ingesting the same input changes
nothing; a source whose text changed is re-extracted (and its old text dropped when
nothing else refers to it); the same text from a second source is stored once.
Articles are written in batches, each batch in one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from multiprocessing import get_context

from . import __version__
from .extract import extract_normalized
from .lexicon import lexicon_dir
from .model import Mention
from .normalize import normalize
from .sources import DEFAULT_MAX_BYTES, ArticleInput, InputProblem, read_inputs
from .store import Ledger, now
from .stories import encode_terms, normalized_terms

BATCH_SIZE = 100


@dataclass
class IngestReport:
    """What one ingest did, in numbers, and every problem it met."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    reextracted: int = 0
    removed: int = 0
    mentions: int = 0
    claims: int = 0
    chars: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    added_ids: list[str] = field(default_factory=list)  # the new articles' ids

    @property
    def errors(self) -> list[InputProblem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def articles_seen(self) -> int:
        return self.added + self.changed + self.unchanged + self.duplicates + self.reextracted


@cache
def extractor_version() -> str:
    """Version of the extractor: the package version and a hash of the lexicons.

    Editing a lexicon changes it, so the next ingest re-extracts every article.
    """
    digest = hashlib.sha256()
    for path in sorted(lexicon_dir().glob("*.tsv")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"


def article_id(text: str) -> str:
    """Content hash of an article's text: its identity in the ledger."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class _Planned:
    item: ArticleInput
    aid: str
    old: str | None  # article the source held before, if any
    extract: bool
    mentions: list[Mention] | None = None
    search_title: str = ""
    search_text: str = ""
    terms: str | None = None  # the anchor terms of its story (stories.normalized_terms)
    error: str | None = None  # extraction failed: the article is reported, not written


def article_mentions(text: str, title: str | None) -> tuple[list[Mention], str, str]:
    """Mentions of an article's title and text, and both normalised (for search).

    A title is extracted on its own (its mentions have ``field = "title"``, offsets
    into the title) unless the text opens with it, as a plain-text file does.
    """
    mentions, search_text = extract_normalized(text)
    title = title or ""
    if title.strip() and not text.lstrip().startswith(title.strip()):
        in_title, search_title = extract_normalized(title)
        for m in in_title:
            m.field = "title"
        return in_title + mentions, search_title, search_text
    return mentions, normalize(title).text, search_text


def _extract_batch(batch: list[_Planned]) -> list[_Planned]:
    for planned in batch:
        if planned.extract:
            try:
                planned.mentions, planned.search_title, planned.search_text = article_mentions(
                    planned.item.text, planned.item.title
                )
            except Exception as exc:  # a bug must not cost the rest of the batch
                planned.error = f"could not extract numbers ({type(exc).__name__}: {exc})"
                continue
            planned.terms = encode_terms(
                normalized_terms(planned.search_title, planned.search_text)
            )
    return batch


def ingest(
    ledger: Ledger,
    paths: Iterable[str],
    *,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_progress: Callable[[IngestReport, ArticleInput | InputProblem], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestReport:
    """Ingest every article under ``paths`` into ``ledger``; return what happened."""
    report = IngestReport()
    sources = ledger.source_map()
    extractors = ledger.article_extractors()
    version = extractor_version()

    def plan() -> Iterator[list[_Planned]]:
        batch: list[_Planned] = []
        for item in read_inputs(paths, max_bytes):
            if isinstance(item, InputProblem):
                report.problems.append(item)
                if on_progress:
                    on_progress(report, item)
                continue
            aid = article_id(item.text)
            old = sources.get(item.source)
            current = extractors.get(aid) == version
            if old == aid and current:
                report.unchanged += 1
                if on_progress:
                    on_progress(report, item)
                continue
            batch.append(_Planned(item, aid, old, extract=not current))
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    if workers > 1:
        with get_context("spawn").Pool(workers) as pool:
            for batch in pool.imap(_extract_batch, plan()):
                _write_batch(ledger, batch, report, sources, extractors, version, on_progress)
    else:
        for batch in plan():
            _write_batch(
                ledger, _extract_batch(batch), report, sources, extractors, version, on_progress
            )
    return report


def _write_batch(
    ledger: Ledger,
    batch: list[_Planned],
    report: IngestReport,
    sources: dict[str, str],
    extractors: dict[str, str],
    version: str,
    on_progress: Callable | None,
) -> None:
    counts = {"added": 0, "changed": 0, "duplicates": 0, "reextracted": 0, "removed": 0}
    mentions = claims = chars = 0
    added: list[str] = []
    with ledger.transaction() as db:
        written: set[str] = set()
        for planned in batch:
            item, aid = planned.item, planned.aid
            if planned.error is not None:
                report.problems.append(InputProblem(item.name, planned.error))
                continue
            fresh = extractors.get(aid) == version or aid in written
            if not fresh and planned.mentions is not None:
                row = {
                    "id": aid,
                    "name": item.name,
                    "title": item.title,
                    "outlet": item.outlet,
                    "published": item.published,
                    "url": item.url,
                    "text": item.text,
                    "chars": len(item.text),
                    "encoding": item.encoding,
                    "extractor": version,
                    "ingested_at": now(),
                    "terms": planned.terms,
                }
                was_known = aid in extractors
                ledger.write_article(
                    db, row, planned.mentions, planned.search_title, planned.search_text
                )
                written.add(aid)
                mentions += len(planned.mentions)
                claims += sum(1 for m in planned.mentions if m.is_claim)
                chars += len(item.text)
                if was_known:
                    counts["reextracted"] += 1
                elif planned.old is not None:
                    counts["changed"] += 1
                else:
                    counts["added"] += 1
                    added.append(aid)
            else:
                counts["duplicates"] += 1
            ledger.add_source(db, item.source, aid, item.name)
            if planned.old is not None and planned.old != aid and ledger.orphaned(db, planned.old):
                ledger.remove_article(db, planned.old)
                counts["removed"] += 1
        ledger.set_meta(db, "extractor", version)
    # only after the transaction committed: update what this run knows
    for planned in batch:
        if planned.error is not None:
            continue
        sources[planned.item.source] = planned.aid
        extractors[planned.aid] = version
    for key, value in counts.items():
        setattr(report, key, getattr(report, key) + value)
    report.added_ids.extend(added)
    report.mentions += mentions
    report.claims += claims
    report.chars += chars
    if on_progress:
        for planned in batch:
            on_progress(report, planned.item)
