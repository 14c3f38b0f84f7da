"""Read-side queries for views (the terminal app, scripts): articles, claim pages,
fuzzy filters. Views call these instead of writing SQL of their own."""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field, replace
from itertools import accumulate, combinations

import numpy as np
from rapidfuzz import fuzz, process

from .normalize import normalize_word
from .store import Ledger

CLAIM_COLUMNS = (
    "mention_id", "claim_id", "conflict", "article", "outlet", "published", "text", "value",
    "low", "high", "qualifier", "kind", "unit", "entity", "event", "sentence",
)  # fmt: skip
SORTABLE = set(CLAIM_COLUMNS) | {"severity"}
# a row as the ledger table shows it: the claim's columns and where it is in its article
ROW_COLUMNS = (
    ", ".join(f"c.{c}" for c in CLAIM_COLUMNS) + ', c.article_id, c.start, c."end" AS end_'
)

ARTICLE_SORTS = frozenset({"published", "outlet"})  # the claims' order is their article's
ORDERS_KEPT = 4  # queries whose order of ids is kept (a few MB each on a corpus ledger)


def articles(ledger: Ledger) -> list[dict]:
    """Every article with its number of claims and of conflicting claims."""
    sql = """
        SELECT a.id, a.name, a.outlet, a.published, a.title, a.chars,
               count(c.mention_id) AS claims, coalesce(sum(c.conflict), 0) AS conflicts
        FROM articles a LEFT JOIN claims c ON c.article_id = a.id
        GROUP BY a.id ORDER BY a.published, a.name
    """
    return [dict(r) for r in ledger.db.query(sql)]


def article(ledger: Ledger, article_id: str) -> dict:
    """One article: its text and every mention (claims and not-claims) with its figure."""
    row = ledger.db.execute(
        "SELECT id, name, outlet, published, url, title, text FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        raise KeyError(article_id)
    keys = ("id", "name", "outlet", "published", "url", "title", "text")
    out = dict(zip(keys, row, strict=True))
    out["mentions"] = [
        dict(r)
        for r in ledger.db.query(
            """SELECT m.id, m.field, m.start, m."end", m.text, m.is_claim, m.kind, m.claim_id,
                      coalesce(m.excluded, 0) AS excluded, coalesce(f.conflict, 0) AS conflict
               FROM mentions m LEFT JOIN figures f ON f.claim_id = m.claim_id
               WHERE m.article_id = ? ORDER BY m.field = 'text', m.start""",
            [article_id],
        )
    ]
    return out


FILTER_REACH = 90  # characters each side of a number the fuzzy filter matches


@dataclass
class ClaimQuery:
    """A page of the ledger table: filters, sort and window."""

    text: str = ""  # fuzzy match over entity, event, sentence and outlet
    kind: str | None = None
    value_min: float | None = None
    value_max: float | None = None
    conflicts_only: bool = False
    sort: str = "mention_id"
    descending: bool = False
    offset: int = 0
    limit: int = 200
    fuzzy_cutoff: int = 85


@dataclass
class ClaimPage:
    rows: list[dict]
    total: int  # rows matching the filters
    ledger_total: int  # all claim rows
    offset: int = 0
    ids: list[int] = field(default_factory=list)


_FILTER_TOKEN = re.compile(r"(kind|value|sort):(\S+)|(!|conflicts?\b)")


def parse_filter(text: str) -> ClaimQuery:
    """Read the filter bar: ``سجين kind:count value:100..1000 conflicts sort:-value``.
    Raises ``FilterError`` (with the fix) for a term it cannot read."""
    q = ClaimQuery()
    rest = []
    for token in text.split():
        m = _FILTER_TOKEN.fullmatch(token)
        if not m:
            rest.append(token)
        elif m.group(3):
            q.conflicts_only = True
        elif m.group(1) == "kind":
            q.kind = m.group(2)
        elif m.group(1) == "sort":
            q.descending = m.group(2).startswith("-")
            q.sort = m.group(2).lstrip("-")
        else:
            low, _, high = m.group(2).partition("..")
            try:
                q.value_min = float(low) if low else None
                q.value_max = float(high) if high else None
            except ValueError:
                raise FilterError(
                    f"{token}: give value:LOW..HIGH with numbers (value:100..1000, value:..50)"
                ) from None
    q.text = " ".join(rest)
    return q


class FilterError(ValueError):
    """A filter the analyst typed that cannot be read; its message says how to fix it."""


END = 8  # letters of each text's start and end kept apart, for short needles
ENDS_KEPT = 3  # lengths of those ends kept cut at once
WARM_ENDS = (3, 4)  # lengths indexed as the haystack is built (words of four and five letters)


class Haystack:
    """The fuzzy filter's texts, one per claim, and what makes a short word quick to find
    in them: the texts joined into one string (found with ``str.find``), where each
    starts, and each text's first and last ``END`` letters."""

    def __init__(self, ids: list[int], texts: list[str]) -> None:
        self.ids, self.texts = ids, texts
        self.joined = "\x00".join(texts)  # no normalised text holds a NUL
        self.starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        self.heads = [t[:END] for t in texts]
        self.tails = [t[-END:] for t in texts]
        self.short = [k for k, t in enumerate(texts) if len(t) <= END]
        self._ends: dict[int, tuple[list[str], list[str]]] = {}
        self._index: dict[int, tuple[dict, dict]] = {}

    def __bool__(self) -> bool:
        return bool(self.ids)

    def ends(self, m: int) -> tuple[list[str], list[str]]:
        """Each text's first and last ``m`` letters (cut once per length, then kept)."""
        cut = self._ends.get(m)
        if cut is None:
            if len(self._ends) >= ENDS_KEPT:  # about 15 MB a length on the corpus
                self._ends.pop(next(iter(self._ends)))
            cut = self._ends[m] = ([h[:m] for h in self.heads], [t[-m:] for t in self.tails])
        return cut

    def ends_index(self, m: int) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """The texts by their first and by their last ``m`` letters (built once per
        length, then kept with ``ends``)."""
        index = self._index.get(m)
        if index is None:
            if len(self._index) >= ENDS_KEPT:
                self._index.pop(next(iter(self._index)))
            heads, tails = self.ends(m)
            by_head: dict[str, list[int]] = defaultdict(list)
            by_tail: dict[str, list[int]] = defaultdict(list)
            for k, (head, tail) in enumerate(zip(heads, tails, strict=True)):
                by_head[head].append(k)
                by_tail[tail].append(k)
            index = self._index[m] = (by_head, by_tail)
        return index

    def containing(self, needle: str) -> set[int]:
        """The texts that contain ``needle``."""
        found, at = set(), self.joined.find(needle)
        while at >= 0:
            k = bisect_right(self.starts, at) - 1
            found.add(k)
            nxt = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.joined)
            at = self.joined.find(needle, nxt)
        return found


@dataclass(frozen=True)
class SearchSeed:
    """A search's fuzzy index and counts, handed to a search on another connection."""

    haystack: Haystack | None
    totals: dict


class ClaimSearch:
    """Pages of claim rows from SQLite; the fuzzy text filter runs on rapidfuzz over
    a cached, normalised haystack (entity, event, outlet, sentence) per claim."""

    def __init__(self, ledger: Ledger, seed: SearchSeed | None = None) -> None:
        """``seed``: what another ``ClaimSearch`` on the same ledger already knows (its
        fuzzy index and counts; ``seed()``), for one opened in a worker thread."""
        self.ledger = ledger
        self._haystack: Haystack | None = seed.haystack if seed else None
        self._totals: dict[tuple, int] = dict(seed.totals) if seed else {}
        self._matches: dict[tuple[str, int], list[int]] = {}  # the latest words' matches
        self._orders: dict[tuple, list[int]] = {}  # a query's ids in its order

    def seed(self) -> SearchSeed:
        """What this search knows that a search in a worker thread can start from (read
        on this search's own thread: the counts are copied)."""
        return SearchSeed(self._haystack, dict(self._totals))

    def invalidate(self, words: bool = False) -> None:
        """Forget cached counts, matches and orders (after a decision or a re-link). The
        fuzzy haystack stays unless ``words`` (articles were read into the ledger): no
        decision changes the words around a claim, and a claim set aside is left out by
        the query itself (rebuilding it took 2.4 s on the corpus ledger, which the first
        word filter after a decision waited for)."""
        if words:
            self._haystack = None
        self._totals.clear()
        self._matches.clear()
        self._orders.clear()

    @property
    def warm(self) -> bool:
        """Whether the fuzzy filter's haystack is built."""
        return self._haystack is not None

    def haystack(self) -> Haystack:
        """The fuzzy filter's haystack (built now if need be): hand it to another
        ``ClaimSearch`` on the same ledger with ``adopt`` (built in a worker thread)."""
        return self._hay()

    def adopt(self, haystack: Haystack) -> None:
        """Use a haystack built by another ``ClaimSearch`` on the same ledger."""
        self._haystack = haystack
        self._matches.clear()

    def _hay(self) -> Haystack:
        if self._haystack is None:
            ids, texts = [], []
            for mid, entity, event, outlet, sentence, at in self.ledger.db.execute(
                """SELECT c.mention_id, c.entity, c.event, c.outlet, c.sentence,
                          c.start - coalesce(m.sentence_start, 0)
                   FROM claims c JOIN mentions m ON m.id = c.mention_id"""
            ):
                # the words around the number, not its whole sentence: what the claim is
                # about, and a shorter string to match (a long sentence is most of the cost)
                near = (sentence or "")[max(0, (at or 0) - FILTER_REACH) : (at or 0) + FILTER_REACH]
                ids.append(mid)
                texts.append(
                    normalize_word(" ".join(x or "" for x in (entity, event, outlet, near)))
                )
            self._haystack = Haystack(ids, texts)
            for m in WARM_ENDS:  # the ends of the commonest short words, found by value
                self._haystack.ends_index(m)
        return self._haystack

    def fuzzy_ids(self, text: str, cutoff: int) -> list[int]:
        """The claims whose haystack text matches ``text`` at ``cutoff`` or more: kept
        for the latest words, so each block of a scrolled table does not match again."""
        key = (text, cutoff)
        found = self._matches.get(key)
        if found is None:
            self._matches.clear()
            found = self._matches[key] = self._fuzzy_ids(text, cutoff)
        return found

    def _fuzzy_ids(self, text: str, cutoff: int) -> list[int]:
        hay = self._hay()
        ids, texts = hay.ids, hay.texts
        if not texts:
            return []
        needle = normalize_word(text)
        short = short_needle_matches(needle, hay, cutoff)
        if short is not None:
            return [ids[i] for i in short]
        scores = process.cdist(
            [needle], texts, scorer=fuzz.partial_ratio, score_cutoff=cutoff,
            dtype=np.uint8, workers=-1,
        )[0]  # fmt: skip
        return [ids[i] for i in np.flatnonzero(scores).tolist()]

    def _parts(self, q: ClaimQuery) -> tuple[str, list, str, str]:
        """The query's FROM and WHERE (``base``), its parameters, its ORDER BY, and the
        "+" that keeps SQLite off the sort's index for a narrow filter."""
        where, params = ["1 = 1"], []
        if q.kind:
            # with conflicts only, the few flagged figures lead the way (not the kind index)
            where.append("+c.kind = ?" if q.conflicts_only else "c.kind = ?")
            params.append(q.kind)
        if q.value_min is not None:
            where.append("coalesce(c.value, c.high) >= ?")
            params.append(q.value_min)
        if q.value_max is not None:
            where.append("coalesce(c.value, c.low) <= ?")
            params.append(q.value_max)
        if q.conflicts_only:  # through the few flagged figures, by index
            where.append("c.claim_id IN (SELECT claim_id FROM figures WHERE conflict = 1)")
        if q.text.strip():
            # the matching ids travel as one JSON parameter: a read never writes (a temp
            # table written outside a transaction would hold this connection's snapshot
            # open, and the app would never see a later decision)
            ids = self.fuzzy_ids(q.text, q.fuzzy_cutoff)
            where.append("c.mention_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(ids))
        sort = q.sort if q.sort in SORTABLE else "mention_id"
        # a narrow filter (flagged figures, fuzzy matches) finds its rows by index and
        # sorts them; walking the whole ledger in order for them would take far longer
        narrow = "+" if q.conflicts_only or q.text.strip() else ""
        direction = "DESC" if q.descending else "ASC"
        # a range or a vague amount sorts by its low end among the values (a null value
        # put every one of them after all the numbers)
        by = {"severity": "f.severity", "value": "coalesce(c.value, c.low)"}
        tables = "claims c"
        if sort in ARTICLE_SORTS and not narrow:
            # the ledger in the order of its articles' dates or outlets: walked from the
            # articles' index, each article's claims found by theirs (3-17 ms for the
            # first rows, where sorting every claim took 200-400)
            tables = "articles o CROSS JOIN claims c ON c.article_id = o.id"
            by[sort] = f"o.{sort}"
        order = f"{by.get(sort, narrow + 'c.' + sort)} {direction}"
        order += f", {narrow}c.mention_id"
        where_sql = " AND ".join(where)
        base = f"FROM {tables} LEFT JOIN figures f ON f.claim_id = c.claim_id WHERE {where_sql}"
        return base, params, order, narrow

    def _count(self, q: ClaimQuery) -> int:
        """The rows of the query, whatever its order (counted once, without the articles'
        walk a sort by date adds: each claim has one article)."""
        base, params, _order, _narrow = self._parts(replace(q, sort="mention_id"))
        key = (base, tuple(params), q.text)
        total = self._totals.get(key)
        if total is None:
            total = self._totals[key] = self.ledger.db.execute(
                f"SELECT count(*) {base}", params
            ).fetchone()[0]
        return total

    def page(self, q: ClaimQuery) -> ClaimPage:
        """The rows ``q.offset`` to ``q.offset + q.limit`` of the query, with its total
        and the ledger's (SQL's OFFSET: for the first rows; ``rows_at`` reads deeper)."""
        base, params, order, _narrow = self._parts(q)
        db = self.ledger.db
        total = self._count(q)
        rows = [
            dict(r)
            for r in db.query(
                f"SELECT {ROW_COLUMNS} {base} ORDER BY {order} LIMIT ? OFFSET ?",
                [*params, q.limit, q.offset],
            )
        ]
        ledger_total = self._totals.get(("all",))
        if ledger_total is None:
            ledger_total = self._totals[("all",)] = db.execute(
                "SELECT count(*) FROM claims"
            ).fetchone()[0]
        return ClaimPage(rows, total, ledger_total, q.offset, [r["mention_id"] for r in rows])

    def order(self, q: ClaimQuery) -> list[int]:
        """The mention ids of every row of the query, in its order (kept for the latest
        queries until ``invalidate``): the map a scrolling table reads deep rows by."""
        ids = self._orders.get(_query_key(q))
        if ids is None:
            base, params, order, _narrow = self._parts(q)
            ids = [r[0] for r in self.ledger.db.execute(
                f"SELECT c.mention_id {base} ORDER BY {order}", params)]  # fmt: skip
            self.adopt_order(q, ids)
        return ids

    def adopt_order(self, q: ClaimQuery, ids: list[int]) -> None:
        """Keep ``ids`` as the order of query ``q`` (read by another ``ClaimSearch`` on
        the same ledger, in a worker thread)."""
        while len(self._orders) >= ORDERS_KEPT:
            self._orders.pop(next(iter(self._orders)))
        self._orders[_query_key(q)] = ids

    def has_order(self, q: ClaimQuery) -> bool:
        """Is the order of query ``q`` already known (``order`` would not read it)?"""
        return _query_key(q) in self._orders

    def rows_at(self, q: ClaimQuery, offset: int, limit: int) -> list[dict]:
        """Rows ``offset`` to ``offset + limit`` of the query: the first by SQL's LIMIT,
        deeper ones by id from the query's order (a few ms at any depth, where SQL's
        OFFSET walks every row before them: up to 2 s at the end of a sorted ledger)."""
        if offset == 0:
            return self.page(replace(q, offset=0, limit=limit)).rows
        ids = self.order(q)[offset : offset + limit]
        if not ids:
            return []
        found = {
            r["mention_id"]: dict(r)
            for r in self.ledger.db.query(
                f"SELECT {ROW_COLUMNS} FROM claims c WHERE c.mention_id IN "
                "(SELECT value FROM json_each(?))",
                [json.dumps(ids)],
            )
        }
        return [found[i] for i in ids if i in found]

    def position(self, q: ClaimQuery, mention_id: int) -> int | None:
        """Row number of a mention under the current filters and sort (for jumps)."""
        try:
            return self.order(q).index(mention_id)
        except ValueError:
            return None


def _query_key(q: ClaimQuery) -> tuple:
    """What makes a query's rows and their order: its filters and sort, not its window."""
    return (q.text.strip(), q.fuzzy_cutoff, q.kind, q.value_min, q.value_max,
            q.conflicts_only, q.sort if q.sort in SORTABLE else "mention_id", q.descending)  # fmt: skip


def figure_of(ledger: Ledger, mention_id: int) -> int | None:
    """The figure a mention belongs to now (None if it is in none)."""
    row = ledger.db.execute("SELECT claim_id FROM mentions WHERE id = ?", [mention_id]).fetchone()
    return row[0] if row else None


def short_needle_matches(needle: str, hay: Haystack, cutoff: int) -> list[int] | None:
    """The texts rapidfuzz's ``partial_ratio`` scores at ``cutoff`` or more against a
    needle too short to match inside a text except exactly (one changed letter in ``n``
    scores ``1 - 1/n``): those that contain it, those whose first or last few letters
    score enough on their own (partial_ratio also aligns a shorter piece at either end),
    and texts no longer than the needle, scored as partial_ratio scores them. The same
    texts, found several times faster; None when the needle is too long for this."""
    n, least = len(needle), cutoff / 100
    if n == 0 or n >= END or 1 - 1 / n >= least:
        return None
    texts = hay.texts
    found = {k for k in hay.short
             if len(texts[k]) <= n and fuzz.partial_ratio(needle, texts[k], score_cutoff=cutoff)}  # fmt: skip
    found.update(k for k in hay.containing(needle) if len(texts[k]) > n)
    shortest = math.ceil(least * n / (2 - least) - 1e-9)  # 2m / (n + m) >= least
    for m in range(shortest, n):
        # ratio is 2 x (longest common subsequence) / (n + m): when it must be all of an
        # end's m letters, the end is one of the needle's subsequences, looked up by value
        if math.ceil(cutoff * (n + m) / 200 - 1e-9) >= m:
            wanted = {"".join(c) for c in combinations(needle, m)}
            for index in hay.ends_index(m):
                found.update(k for end in wanted for k in index.get(end, ()) if len(texts[k]) > n)
            continue
        for ends in hay.ends(m):
            scores = process.cdist([needle], ends, scorer=fuzz.ratio, score_cutoff=cutoff,
                                   dtype=np.uint8, workers=-1)[0]  # fmt: skip
            found.update(k for k in np.flatnonzero(scores).tolist() if len(texts[k]) > n)
    return sorted(found)
