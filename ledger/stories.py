"""Stories: articles about one incident or announcement and its follow-ups.

Independent reports of one incident rarely share their wording; they share its anchors:
the place, the actors, the event, the days. Each article is described by the salient
words of its title and lead (content words weighted by TF-IDF over the ledger, so the
rare names of places and people weigh most), and two articles published within a few
days of each other are as close as the cosine of those vectors. Articles are grouped by
average linkage: two groups join only when their articles are close on average, so one
shared name cannot chain unrelated stories together.

A story's id is the smallest rowid among its articles, so it stays the same when an
article is added to it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import sys
import threading
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

import numpy as np

from .normalize import normalize_word
from .store import rows_for_ids
from .words import content_words_of_normalized, light_stem


@dataclass(frozen=True)
class StorySettings:
    """Every number that shapes story grouping, in one place."""

    lead_words: int = 250  # words of the text read after the title
    title_weight: int = 3  # a title word counts this many times
    top_terms: int = 60  # terms kept per article, by TF-IDF
    max_share: float = 0.1  # terms in more than this share of articles ...
    common_min: int = 50  # ... and more than this many are not anchors; nor those
    common_max: int = 400  # in more than this many, however large the ledger
    idf_floor: float = 0.5  # a term every article shares still weighs this much
    window_days: int = 8  # articles further apart are never compared directly
    link: float = 0.22  # cosine two articles need to be joined directly
    group: float = 0.08  # average cosine two groups need to be merged
    relate: float = 0.1  # articles this close may share a figure across stories
    floor: float = 0.05  # closeness below this is not kept
    background: bool = True  # pool the ledger's term counts with the corpus's


SETTINGS = StorySettings()
BACKGROUND_FILE = Path(__file__).with_name("background_df.tsv")
BACKGROUND_TOTAL = "@articles"  # the row holding how many articles were counted


@cache
def background() -> tuple[int, dict[str, int]]:
    """How many articles the background counts cover, and each term's count."""
    if not BACKGROUND_FILE.exists():
        return 0, {}
    counts: dict[str, int] = {}
    with BACKGROUND_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\t" not in line:
                continue
            term, n = line.rstrip("\n").split("\t")
            counts[term] = int(n)
    return counts.pop(BACKGROUND_TOTAL, 0), counts


_FIGURE = re.compile(r"(?<![0-9.,])[0-9]{2,}(?:[.,][0-9]+)?(?![0-9])")


@dataclass
class ArticleTerms:
    rowid: int
    article_id: str
    day: dt.date | None
    terms: Counter = field(default_factory=Counter)


def article_terms(title: str, text: str, settings: StorySettings = SETTINGS) -> Counter:
    """Content words and figures of a title and the lead of a text, with weights.

    Figures count as terms (``#431``): a distinctive number is an anchor that reports
    written independently share (431 arrested), while common ones weigh little by IDF.
    """
    lead = (text or "")[: settings.lead_words * LEAD_CHARS]
    return normalized_terms(normalize_word(title or ""), normalize_word(lead), settings)


LEAD_CHARS = 8  # characters read per lead word


def normalized_terms(
    title_norm: str, text_norm: str, settings: StorySettings = SETTINGS
) -> Counter:
    """``article_terms`` of an already normalised title and text."""
    words: Counter = Counter()
    for w in content_words_of_normalized(title_norm):
        words[w] += settings.title_weight
    lead_chars = text_norm[: settings.lead_words * LEAD_CHARS]
    words.update(content_words_of_normalized(lead_chars)[: settings.lead_words])
    for m in _FIGURE.finditer(title_norm):
        words["#" + m.group()] += settings.title_weight
    words.update("#" + m.group() for m in _FIGURE.finditer(lead_chars))
    return words


def encode_terms(terms: Counter) -> str:
    """Terms as stored in ``articles.terms``."""
    return json.dumps(terms, ensure_ascii=False, separators=(",", ":"))


def _day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


@dataclass
class TermTable:
    """Every article's terms in compact arrays: article ``k`` holds terms
    ``ids[start[k]:start[k + 1]]`` (indices into ``vocab``) with their ``counts``."""

    vocab: list[str]
    start: np.ndarray
    ids: np.ndarray
    counts: np.ndarray

    @classmethod
    def of(cls, term_maps) -> TermTable:
        """A table from one mapping (term -> count) per article, read one at a time."""
        index: dict[str, int] = {}
        ids: list[int] = []
        counts: list[float] = []
        start = [0]
        for terms in term_maps:
            for term, n in terms.items():
                ids.append(index.setdefault(term, len(index)))
                counts.append(n)
            start.append(len(ids))
        return cls(list(index), np.array(start, dtype=np.int64),
                   np.array(ids, dtype=np.int64), np.array(counts, dtype=np.float32))  # fmt: skip

    def stemmed(self, background: bool = True) -> TermTable:
        """Proclitics stripped where the bare word occurs on its own in some article
        of the ledger or of the background counts (``words.light_stem``), the counts of
        words with one stem added up."""
        known = set(self.vocab)
        if background:
            known |= globals()["background"]()[1].keys()
        stems: dict[str, int] = {}
        to_stem = np.array([
            stems.setdefault(t if t.startswith("#") else light_stem(t, known), len(stems))
            for t in self.vocab
        ], dtype=np.int64)  # fmt: skip
        article = np.repeat(np.arange(len(self.start) - 1), np.diff(self.start))
        key = article * len(stems) + to_stem[self.ids] if len(self.ids) else self.ids
        unique, inverse = np.unique(key, return_inverse=True)
        counts = np.bincount(inverse, weights=self.counts).astype(np.float32)
        new_article = unique // max(1, len(stems))
        start = np.searchsorted(new_article, np.arange(len(self.start)), side="left")
        return TermTable(list(stems), start.astype(np.int64), unique % max(1, len(stems)), counts)


def vectors(table: TermTable, settings: StorySettings = SETTINGS) -> list[tuple]:
    """Unit TF-IDF vectors over the anchor terms: per article (term ids, weights)."""
    n = max(1, len(table.start) - 1)
    df = np.bincount(table.ids, minlength=len(table.vocab))
    limit = max(settings.common_min, min(settings.common_max, int(settings.max_share * n)))
    usable = (df >= 2) & (df <= limit)
    total, counts = background() if settings.background else (0, {})
    if total:  # rarity pooled with the background: a small ledger cannot tell it alone
        extra = np.array([counts.get(t, 0) for t in table.vocab], dtype=np.float64)
        pooled, pooled_n = df + extra, n + total
        usable &= pooled <= settings.max_share * pooled_n
    else:
        pooled, pooled_n = df, n
    idf = np.log((1 + pooled_n) / (1 + pooled)) + settings.idf_floor
    weight = np.where(
        usable[table.ids], (1 + np.log(np.maximum(table.counts, 1))) * idf[table.ids], 0
    )
    out = []
    for k in range(n if len(table.start) > 1 else 0):
        lo, hi = table.start[k], table.start[k + 1]
        w, ids = weight[lo:hi], table.ids[lo:hi]
        top = np.argsort(-w, kind="stable")[: settings.top_terms]
        top = top[w[top] > 0]
        norm = float(np.sqrt((w[top] ** 2).sum())) or 1.0
        out.append((ids[top], (w[top] / norm).astype(np.float32)))
    return out


NO_DAY = -1  # articles without a date are compared only with each other


def similar_pairs(days: list[dt.date | None], vecs: list[tuple],
                  settings: StorySettings = SETTINGS) -> Similar:  # fmt: skip
    """Cosine of every pair of articles close in time that share anchor terms (pairs
    below ``settings.floor`` are left out).

    Day by day, the articles of one day are scored against those of the following
    ``window_days`` in one dense block, adding each shared term's weight products, so
    memory stays bounded by one block however large the ledger."""
    n = len(vecs)
    day_of = np.array([d.toordinal() if d else NO_DAY for d in days], dtype=np.int64)
    article = np.repeat(np.arange(n), [len(v[0]) for v in vecs]) if n else np.zeros(0, np.int64)
    term = np.concatenate([v[0] for v in vecs]) if n else np.zeros(0, np.int64)
    weight = np.concatenate([v[1] for v in vecs]) if n else np.zeros(0, np.float32)
    order = np.argsort(term, kind="stable")
    article, term, weight = article[order], term[order], weight[order]
    bounds = np.flatnonzero(np.diff(term)) + 1
    first = np.concatenate([[0], bounds]) if len(term) else np.zeros(0, np.int64)
    last = np.concatenate([bounds, [len(term)]]) if len(term) else np.zeros(0, np.int64)
    shared = (last - first) > 1
    postings = dict(zip(term[first[shared]].tolist(),
                        zip(first[shared].tolist(), last[shared].tolist(), strict=True),
                        strict=True))  # fmt: skip
    found_a, found_b, found_v = [], [], []
    row_pos = np.full(n, -1, dtype=np.int64)
    col_pos = np.full(n, -1, dtype=np.int64)
    for day in np.unique(day_of).tolist():
        rows = np.nonzero(day_of == day)[0]
        if day == NO_DAY:
            cols = rows
        else:
            cols = np.nonzero((day_of >= day) & (day_of <= day + settings.window_days))[0]
        row_pos[rows] = np.arange(len(rows))
        col_pos[cols] = np.arange(len(cols))
        acc = np.zeros((len(rows), len(cols)), dtype=np.float32)
        terms = np.unique(np.concatenate([vecs[i][0] for i in rows.tolist()]))
        for t in terms.tolist():
            span = postings.get(t)
            if span is None:
                continue
            idx, w = article[span[0] : span[1]], weight[span[0] : span[1]]
            r, c = row_pos[idx], col_pos[idx]
            in_r, in_c = r >= 0, c >= 0
            # (broadcast indexing: the same cells as np.ix_ and np.outer, with less overhead)
            acc[r[in_r][:, None], c[in_c]] += w[in_r][:, None] * w[in_c]
        ri, ci = np.nonzero(acc >= settings.floor)
        a, b = rows[ri], cols[ci]
        keep = (a < b) | (day_of[b] > day)
        found_a.append(np.minimum(a[keep], b[keep]))
        found_b.append(np.maximum(a[keep], b[keep]))
        found_v.append(acc[ri[keep], ci[keep]])
        row_pos[rows] = -1
        col_pos[cols] = -1
    if not found_a:
        return Similar(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32))
    return Similar(np.concatenate(found_a), np.concatenate(found_b), np.concatenate(found_v))


@dataclass
class Similar:
    """Pairs of articles (indices ``a[k] < b[k]``) and their cosine ``v[k]``."""

    a: np.ndarray
    b: np.ndarray
    v: np.ndarray

    def __len__(self) -> int:
        return len(self.a)


@dataclass
class Stories:
    """Story of each article, and the pairs of articles close enough to share a figure."""

    story_of: dict[str, int]
    related: dict[tuple[str, str], float]
    terms: dict[int, list[str]] = field(default_factory=dict)  # story -> its top terms


def build(items: list[ArticleTerms], settings: StorySettings = SETTINGS,
          table: TermTable | None = None) -> Stories:  # fmt: skip
    """Group articles into stories (see the module's docstring); ``table`` holds their
    terms when the items do not."""
    table = (table or TermTable.of(it.terms for it in items)).stemmed(settings.background)
    vecs = vectors(table, settings)
    sims = similar_pairs([it.day for it in items], vecs, settings)
    related = {}
    close = sims.v >= settings.relate
    for a, b, v in zip(sims.a[close].tolist(), sims.b[close].tolist(), sims.v[close].tolist(),
                       strict=True):  # fmt: skip
        x, y = items[a].article_id, items[b].article_id
        related[(x, y) if x < y else (y, x)] = round(v, 4)
    story_of = _group(items, sims, settings)
    weight: dict[int, Counter] = defaultdict(Counter)
    for item, (ids, ws) in zip(items, vecs, strict=True):
        bucket = weight[story_of[item.article_id]]
        for t, w in zip(ids.tolist(), ws.tolist(), strict=True):
            bucket[t] += w
    terms = {story: [table.vocab[t] for t, _ in c.most_common(TOP_TERMS)]
             for story, c in weight.items()}  # fmt: skip
    return Stories(story_of, related, terms)


TOP_TERMS = 6  # terms shown for a story


def assign(db, settings: StorySettings = SETTINGS) -> Stories:
    """Group every article of the ledger into stories and store them: the ``stories``
    table and ``articles.story_id``. Each article's terms are stored at ingest
    (``articles.terms``); those an older ledger lacks are computed now and kept."""
    return begin_assign(db, settings).finish()


PARALLEL_ARTICLES = 5000  # a ledger this large groups its stories in a second process


def begin_assign(db, settings: StorySettings = SETTINGS) -> PendingStories:
    """Read every article's terms and start grouping them into stories: in a second
    process when the ledger is large and the machine has a core to spare, so that the
    caller can read its claims meanwhile; ``finish()`` stores and returns the stories."""
    items: list[ArticleTerms] = []
    missing: list[tuple[str, int]] = []
    meta: dict[str, tuple[str | None, str]] = {}

    def terms_of_each():
        for rowid, aid, published, outlet, stored in db.execute(
            "SELECT rowid, id, published, outlet, terms FROM articles"
        ):
            items.append(ArticleTerms(rowid, aid, _day(published)))
            meta[aid] = (outlet, (published or "")[:10])
            if stored is not None:
                yield json.loads(stored)
                continue
            title, text = db.execute("SELECT title, text FROM articles WHERE rowid = ?",
                                     [rowid]).fetchone()  # fmt: skip
            terms = article_terms(title, text, settings)
            missing.append((encode_terms(terms), rowid))
            yield terms

    table = TermTable.of(terms_of_each())
    db.conn.executemany("UPDATE articles SET terms = ? WHERE rowid = ?", missing)
    return PendingStories(db, items, table, meta, settings)


STORIES_WAIT = 600  # seconds the link waits for the stories' process before grouping itself


class PendingStories:
    """Stories being grouped (``begin_assign``), and where they will be stored."""

    def __init__(self, db, items: list[ArticleTerms], table: TermTable,
                 meta: dict[str, tuple[str | None, str]], settings: StorySettings) -> None:  # fmt: skip
        self.db, self.items, self.table, self.meta, self.settings = db, items, table, meta, settings
        self.found: Stories | None = None
        self.reader: threading.Thread | None = None
        self.process = None
        if len(items) >= PARALLEL_ARTICLES and _can_fork():
            self._start_process()

    def _start_process(self) -> None:
        """Group in a forked process; a thread of this one takes the stories as soon as
        they are sent, so the process leaves (and frees its memory) before scoring."""
        context = get_context("fork")
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_build_and_send, daemon=True,
                                  args=(send, self.items, self.settings, self.table))  # fmt: skip
        try:
            with warnings.catch_warnings():
                # Python 3.12+ warns of a fork beside any OS thread; numpy's BLAS pool is
                # one, and is fork-safe (no Python thread runs: ``_can_fork``)
                warnings.simplefilter("ignore", DeprecationWarning)
                process.start()
        except OSError:
            receive.close()
            send.close()
            return  # no process to spare: ``finish`` groups them here
        send.close()
        self.process = process

        def take() -> None:
            try:
                sent = receive.recv()
                self.found = sent if isinstance(sent, Stories) else None
            except (EOFError, OSError):
                self.found = None  # the process died: ``finish`` groups them here
            finally:
                receive.close()
                process.join()

        self.reader = threading.Thread(target=take, name="stories", daemon=True)
        self.reader.start()

    def finish(self) -> Stories:
        """Wait for the stories (``STORIES_WAIT`` at most), store them and return them."""
        if self.reader is not None:
            self.reader.join(STORIES_WAIT)
            if self.reader.is_alive():
                self.cancel()  # a process that hangs: group them here
        found = self.found or build(self.items, self.settings, self.table)
        _store(self.db, found, self.meta)
        return found

    def cancel(self) -> None:
        """Stop the stories' process, if it still runs (the link failed or gave up)."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()
        if self.reader is not None:
            self.reader.join()


def _build_and_send(send, items: list[ArticleTerms], settings: StorySettings,
                    table: TermTable) -> None:  # fmt: skip
    """In the stories' process: group, send the stories (or the failure) and leave. A
    Ctrl-C is the link's to handle: the process ignores it and is stopped by ``cancel``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        send.send(build(items, settings, table))
    except BaseException as exc:  # whatever failed, the link groups them itself
        send.send(repr(exc))
    finally:
        send.close()


def _can_fork() -> bool:
    """May stories be grouped in a forked process? Only on Linux (macOS's system
    frameworks are not fork-safe, Windows has no fork), with a core to spare, and from a
    process with no other Python thread (the app links from a worker thread: a fork would
    copy locks other threads hold). A fork, not a spawn: a spawned process imports the
    caller's script again, and a script without a ``__main__`` guard would run twice.
    The child reads no database: it groups the terms it was handed and leaves without
    closing what it inherited (``os._exit``)."""
    return (
        sys.platform.startswith("linux")
        and (os.cpu_count() or 1) > 1
        and "fork" in get_all_start_methods()
        and threading.active_count() == 1
    )


def _store(db, found: Stories, meta: dict[str, tuple[str | None, str]]) -> None:
    """Write the ``stories`` table and each article's ``story_id``."""
    members: dict[int, list[str]] = defaultdict(list)
    for aid, story in found.story_of.items():
        members[story].append(aid)
    rows = []
    for story, aids in members.items():
        outlets = sorted({meta[a][0] for a in aids if meta[a][0]})
        days = sorted(meta[a][1] for a in aids if meta[a][1])
        rows.append({
            "id": story, "articles": len(aids), "outlets": len(outlets),
            "first_day": days[0] if days else None, "last_day": days[-1] if days else None,
            "outlet_names": ", ".join(outlets), "terms": " ".join(found.terms.get(story, [])),
        })  # fmt: skip
    db.execute("DELETE FROM stories")
    db["stories"].insert_all(rows)
    db.conn.executemany(
        "UPDATE articles SET story_id = ? WHERE id = ?",
        ((story, aid) for aid, story in found.story_of.items()),
    )


def listing(db, *, min_articles: int = 1, limit: int | None = None) -> list[dict]:
    """Stories of the ledger, largest first."""
    sql = "SELECT * FROM stories WHERE articles >= ? ORDER BY articles DESC, id"
    params: list = [min_articles]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [dict(r) for r in db.query(sql, params)]


def _group(items: list[ArticleTerms], sims: Similar, settings: StorySettings) -> dict[str, int]:
    """Average linkage over the article pairs, strongest first (see the module's
    docstring); adjacency is kept as sorted arrays (CSR), so a ledger of the whole
    corpus groups in seconds."""
    n = len(items)
    heads = np.concatenate([sims.a, sims.b])
    tails = np.concatenate([sims.b, sims.a])
    weights = np.concatenate([sims.v, sims.v]).astype(np.float64)
    order = np.argsort(heads, kind="stable")
    tails, weights = tails[order], weights[order]
    start = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(heads, minlength=n), out=start[1:])
    root = np.arange(n)
    members = {i: [i] for i in range(n)}
    strong = np.nonzero(sims.v >= settings.link)[0]
    strong = strong[np.argsort(-sims.v[strong], kind="stable")]
    for a, b in zip(sims.a[strong].tolist(), sims.b[strong].tolist(), strict=True):
        ra, rb = int(root[a]), int(root[b])
        if ra == rb:
            continue
        small, big = sorted((ra, rb), key=lambda r: len(members[r]))
        idx = np.concatenate([np.arange(start[x], start[x + 1]) for x in members[small]])
        total = float(weights[idx][root[tails[idx]] == big].sum())
        if total / (len(members[small]) * len(members[big])) < settings.group:
            continue
        moved = members.pop(small)
        root[moved] = big
        members[big].extend(moved)
    out = {}
    for group_members in members.values():
        story = min(items[i].rowid for i in group_members)
        for i in group_members:
            out[items[i].article_id] = story
    return out


def assign_new(
    db, new_ids: list[str], settings: StorySettings = SETTINGS
) -> tuple[Stories, set[int]]:
    """Place newly ingested articles into the ledger's stories, leaving every other
    article where it is: each new article joins the story it is closest to on average
    (as ``build`` joins groups), or starts a story of its own. Only the articles of the
    new ones' days, ``window_days`` either side, are compared; term rarity comes from
    those articles pooled with the background counts, so the result can differ a little
    from what a full link would group. Returns the stories of the compared articles,
    the related pairs that involve a new article, and the ids of the stories that
    received one."""
    new = set(new_ids)
    placed = sorted(rows_for_ids(db, "SELECT rowid, id FROM articles WHERE id IN ({})",
                                 sorted(new)))  # fmt: skip
    window = _window(db, new, settings)
    items = [ArticleTerms(r, a, _day(p)) for r, a, p, _s, _t in window]
    table = TermTable.of(json.loads(t) if t else {} for *_rest, t in window).stemmed(
        settings.background
    )
    vecs = vectors(table, settings)
    sims = similar_pairs([it.day for it in items], vecs, settings)
    close: dict[str, dict[str, float]] = defaultdict(dict)  # new article -> others, cosine
    for a, b, v in zip(sims.a.tolist(), sims.b.tolist(), sims.v.tolist(), strict=True):
        x, y = items[a].article_id, items[b].article_id
        if x in new or y in new:
            close[x][y] = close[y][x] = v
    story_of = {a: s for _r, a, _p, s, _t in window if a not in new and s is not None}
    size = dict(db.execute("SELECT id, articles FROM stories").fetchall())
    known = set(size)
    touched: set[int] = set()
    for rowid, aid in placed:
        story = _closest_story(close.get(aid, {}), story_of, size, settings) or rowid
        story_of[aid] = story
        size[story] = size.get(story, 0) + 1
        touched.add(story)
    related = {(x, y): round(v, 4) for x, others in close.items() for y, v in others.items()
               if v >= settings.relate and x < y}  # fmt: skip
    db.conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?",
                        [(story_of[a], a) for a in new if a in story_of])  # fmt: skip
    weight: dict[int, Counter] = defaultdict(Counter)  # a new story's terms, as build's
    for item, (ids, ws) in zip(items, vecs, strict=True):
        story = story_of.get(item.article_id)
        if story in touched and story not in known:
            for t, w in zip(ids.tolist(), ws.tolist(), strict=True):
                weight[story][t] += w
    terms = {story: " ".join(table.vocab[t] for t, _ in c.most_common(TOP_TERMS))
             for story, c in weight.items()}  # fmt: skip
    _rewrite_stories(db, touched, terms)
    return Stories(story_of, related), touched


def _window(db, new: set[str], settings: StorySettings) -> list[tuple]:
    """The articles published within ``window_days`` of the new ones (and those without
    a date, when a new one has none): rowid, id, published, story, terms."""
    days = [d for (p,) in rows_for_ids(db, "SELECT published FROM articles WHERE id IN ({})",
                                       sorted(new)) if (d := _day(p))]  # fmt: skip
    columns = "SELECT rowid, id, published, story_id, terms FROM articles"
    window: list[tuple] = []
    if days:
        lo = (min(days) - dt.timedelta(days=settings.window_days)).isoformat()
        hi = (max(days) + dt.timedelta(days=settings.window_days)).isoformat()
        window = db.execute(f"{columns} WHERE substr(published, 1, 10) BETWEEN ? AND ?",
                            [lo, hi]).fetchall()  # fmt: skip
    if len(days) < len(new):  # articles without a date are compared with each other
        window += db.execute(
            f"{columns} WHERE published IS NULL OR published = '' "
            "OR substr(published, 1, 10) NOT GLOB '[0-9][0-9][0-9][0-9]-*'"
        ).fetchall()
    return window


def _closest_story(close: dict[str, float], story_of: dict[str, int], size: dict[int, int],
                   settings: StorySettings) -> int | None:  # fmt: skip
    """The story an article joins: one of its articles at least ``link`` close, and all
    of them ``group`` close on average (as ``build`` joins groups), the closest such."""
    totals: dict[int, float] = defaultdict(float)
    strongest: dict[int, float] = defaultdict(float)
    for other, v in close.items():
        story = story_of.get(other)
        if story is not None:
            totals[story] += v
            strongest[story] = max(strongest[story], v)
    fits = [(total / max(1, size.get(story, 1)), story) for story, total in totals.items()
            if strongest[story] >= settings.link]  # fmt: skip
    fits = [(average, story) for average, story in fits if average >= settings.group]
    return max(fits)[1] if fits else None


def _rewrite_stories(db, touched: set[int], terms: dict[int, str]) -> None:
    """Recount the ``stories`` rows of ``touched`` (articles, outlets, days); a story
    keeps its terms, a new one takes ``terms``."""
    for story in sorted(touched):
        rows = db.execute(
            "SELECT outlet, substr(published, 1, 10) FROM articles WHERE story_id = ?", [story]
        ).fetchall()
        outlets = sorted({o for o, _d in rows if o})
        days = sorted(d for _o, d in rows if d)
        old = db.execute("SELECT terms FROM stories WHERE id = ?", [story]).fetchone()
        db.execute(
            "INSERT OR REPLACE INTO stories (id, articles, outlets, first_day, last_day, "
            "outlet_names, terms) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [story, len(rows), len(outlets), days[0] if days else None,
             days[-1] if days else None, ", ".join(outlets),
             old[0] if old and old[0] else terms.get(story, "")],
        )  # fmt: skip
