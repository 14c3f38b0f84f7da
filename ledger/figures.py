"""Figures: link mentions, flag conflicts, and the analyst's actions on them.

``link(ledger)`` is the whole pass: apply decisions, score candidate pairs (or reuse
the stored scores), group, flag, write ``mentions.claim_id``, ``links`` and
``figures``, all in one transaction. The decision functions record a decision and
re-link with the stored pair scores, which takes a moment even on a large ledger.
"""

from __future__ import annotations

import functools
import gc
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from . import decisions as dec
from . import slots, stories
from .conflicts import EVIDENCE, RISING_EVIDENCE, SourceMention, find_conflict, witnessed
from .errors import RequestError
from .intervals import Tolerances, comes_in_fractions, counts_whole_things
from .linking import (
    HEADLINE_SQL,
    RISING_JOIN_NOTES,
    RISING_TOLLS,
    TOLL_EVENTS,
    ClaimRow,
    Constraints,
    LinkSettings,
    Pair,
    cluster,
    counts_one_noun,
    event_family,
    load_claims,
    mark_items,
    periods_of,
    read_earlier,
    read_scope,
    scope_keys_of,
    toll_siblings,
    toll_timeline,
)
from .long_writes import announced
from .normalize import normalize_word
from .pair_rules import NO_WITNESS, add_rule_pairs, self_contradictions
from .store import RESCORE_KEY, Ledger, chunks, rows_for_ids


def slot_settings() -> LinkSettings:
    """Grouping thresholds of the shipped same-slot model."""
    m = slots.model()
    return LinkSettings(link_threshold=m.link, group_threshold=m.group,
                        unknown_pair_score=m.unknown)  # fmt: skip


SETTINGS = slot_settings()
LINK_STAGES = ("grouping stories", "reading claims", "scoring slots", "grouping figures",
               "flagging conflicts")  # fmt: skip
# the stage that starts the stories' forked process (``stories.begin_assign``, which
# forks only from a process with no other thread): a progress display stops its refresh
# thread for it, and starts it again at the next stage, while the stories are grouped
FORKING_STAGE = "grouping stories"


@dataclass
class LinkReport:
    """What one link pass found, in numbers."""

    claims: int = 0
    stories: int = 0
    pairs_compared: int = 0
    pairs_scored: int = 0
    links: int = 0
    figures: int = 0
    multi_mention_figures: int = 0
    conflicts: int = 0
    resolved: int = 0
    stale_decisions: int = 0
    seconds: float = 0.0
    added_articles: int = 0  # set when only what an ingest added was linked (incremental)


def _collector_paused(fn: Callable) -> Callable:
    """Run ``fn`` with Python's cycle collector paused (and resumed after, if it ran):
    linking allocates a great many small objects that reference counting frees, and the
    collector's passes over the live ones cost a tenth of a re-grouping's time."""

    @functools.wraps(fn)
    def run(*args, **kwargs):
        running = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if running:
                gc.enable()

    return run


@_collector_paused
def link(
    ledger: Ledger,
    *,
    rescore: bool = True,
    settings: LinkSettings = SETTINGS,
    tolerances: Tolerances | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> LinkReport:
    """Group every claim mention into figures and flag the conflicting ones.

    ``rescore=False`` re-groups with the stored pair scores (after a decision);
    ``on_stage`` is told the name of each stage as it starts (``LINK_STAGES``), for a
    progress display."""
    stage = on_stage or (lambda _name: None)
    started = time.perf_counter()
    report = LinkReport()
    with announced(ledger.path, "link"), ledger.transaction() as db:
        applied = dec.apply_decisions(ledger, db)
        grouping = None
        if rescore or needs_rescore(db):
            stage("grouping stories")
            grouping = stories.begin_assign(db)  # grouped while the claims are read
        try:
            stage("reading claims")
            rows = load_claims(db, settings)
            found = grouping.finish() if grouping is not None else None
        finally:
            if grouping is not None:
                grouping.cancel()  # the link failed before the stories came: stop them
        report.claims = len(rows)
        if found is not None:
            report.stories = len(set(found.story_of.values()))
            stage("scoring slots")
            cands = slots.candidates(rows, found.story_of, found.related)
            report.pairs_compared = len(cands)
            pairs = slots.scored_pairs(rows, cands)
            add_rule_pairs(pairs, rows, found.story_of, found.related)
            db.execute("DELETE FROM pair_scores")
            db.conn.executemany(
                "INSERT INTO pair_scores (mention_a, mention_b, score, explanation) VALUES (?, ?, ?, ?)",
                ((p.a, p.b, p.score, p.explanation) for p in pairs.values()),
            )
            db.execute("DELETE FROM pair_vetoes")
            store_vetoes(db, cands.vetoes)
            db.execute("DELETE FROM meta WHERE key = ?", [RESCORE_KEY])
        else:
            pairs = {
                (a, b): Pair(a, b, s, e)
                for a, b, s, e in db.execute(
                    "SELECT mention_a, mention_b, score, explanation FROM pair_scores"
                ).fetchall()
            }
        report.pairs_scored = len(pairs)
        stage("grouping figures")
        ids = [r.id for r in rows]
        sentence_of = {r.id: r.clause for r in rows}
        constraints = applied.constraints
        constraints.cannot |= self_contradictions({r.id: r for r in rows}, pairs)
        constraints.cannot |= vetoes_among(db)
        claim_of, links = cluster(ids, pairs, sentence_of, constraints, settings,
                                  periods_of(rows), toll_timeline(rows), toll_siblings(rows),
                                  scope_keys_of(rows))  # fmt: skip
        report.links = len(links)
        report.stale_decisions = len(applied.unresolved)
        stage("flagging conflicts")
        _write(
            db, rows, claim_of, links, applied, tolerances, report, _witnesses(pairs, constraints)
        )
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def needs_rescore(db) -> bool:
    """Must the next link score every pair afresh: never scored, or scored by rules the
    ledger has since outgrown (``store.RESCORE_KEY``, set by a migration)?"""
    if not db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        return True
    return db.execute("SELECT 1 FROM meta WHERE key = ?", [RESCORE_KEY]).fetchone() is not None


def store_vetoes(db, vetoes: dict[tuple[int, int], str]) -> None:
    """Keep the pairs told apart (``slots.Candidates.vetoes``), each with its reason, for
    later re-grouping."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO pair_vetoes (mention_a, mention_b, reason) VALUES (?, ?, ?)",
        ((a, b, why) for (a, b), why in sorted(vetoes.items())),
    )


def vetoes_among(db, part: set[int] | None = None) -> set[tuple[int, int]]:
    """The stored pairs told apart (of mentions in ``part``, or all): cannot-links."""
    if part is None:
        return {(a, b) for a, b in db.execute("SELECT mention_a, mention_b FROM pair_vetoes")}
    rows = rows_for_ids(db, "SELECT mention_a, mention_b FROM pair_vetoes WHERE mention_a IN ({})",
                        sorted(part))  # fmt: skip
    return {(a, b) for a, b in rows if b in part}


@dataclass
class Witnesses:
    """Mention -> the mentions it is linked to strongly enough to witness a conflict
    (``strong``: ``EVIDENCE``, or the analyst's same-figure decisions), and those linked
    likely enough to witness a toll's rise (``rising``: ``RISING_EVIDENCE``)."""

    strong: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    rising: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))


def _witnesses(pairs: dict, constraints: Constraints, rising: bool = True) -> Witnesses:
    """The witnesses among ``pairs`` (a small count's pair naming nothing in common,
    ``pair_rules.small_counts_unwitnessed``, is none; a rise needs a pair counting one
    noun, ``linking.counts_one_noun``, and ``rising``: not while the stored pairs await a
    rescore, which marks the small counts anew)."""
    found = Witnesses()
    for (a, b), p in pairs.items():
        if p.score < RISING_EVIDENCE or p.explanation.endswith(NO_WITNESS):
            continue
        if p.score >= EVIDENCE:
            into = found.strong
        elif rising and counts_one_noun(p):
            into = found.rising  # a rise is of one noun counted: 12 شهيدا, then 15 شهيدا
        else:
            continue
        into[a].add(b)
        into[b].add(a)
    for a, b in constraints.must:
        found.strong[a].add(b)
        found.strong[b].add(a)
    return found


def _write(db, rows, claim_of, links, applied, tolerances, report: LinkReport, witnesses) -> None:
    """Replace every figure, claim id and link of the ledger."""
    db.execute("UPDATE mentions SET claim_id = NULL, link_score = NULL, link_reason = NULL")
    db.execute("DELETE FROM links")
    db.execute("DELETE FROM figures")
    _store_groups(db, rows, claim_of, links, applied, tolerances, report, witnesses, whole=True)


def _figure_rows(
    groups,
    by_id,
    details,
    applied,
    tolerances,
    report: LinkReport,
    witnesses: Witnesses,
    with_words,
    stated_values,
) -> list[dict]:
    """One ``figures`` row per group of mentions, with its conflict if any (witnessed by
    two disagreeing mentions strongly linked to each other, ``conflicts.witnessed``);
    ``with_words`` adds the words around each number, for the few in conflict."""
    figures = []
    crossed = _Crossed(by_id, stated_values)
    for claim, members in groups.items():
        first = by_id[claim]
        entity = next((by_id[m].entity for m in members if by_id[m].entity), None)
        event = next((by_id[m].event for m in members if by_id[m].event), None)
        fig = {
            "claim_id": claim, "mentions": len(members),
            "articles": len({by_id[m].article_id for m in members}), "entity": entity,
            "event": event, "kind": first.kind, "unit": first.unit, "conflict": 0,
            "severity": None, "severity_label": None, "reason": None, "status": "ok", "note": None,
            "conflict_kind": None, "suspect": 0,
        }  # fmt: skip
        if len(members) > 1:
            report.multi_mention_figures += 1
            sources = [details[m] for m in members]
            toll = event_family(event) in RISING_TOLLS
            conflict = find_conflict(sources, tolerances, toll)
            rising = witnesses.rising if toll else None
            if conflict is not None and not witnessed(sources, witnesses.strong, tolerances,
                                                      crossed, rising, conflict.of_floors):  # fmt: skip
                conflict = None
            if conflict is not None and conflict.kind == "disagreement":
                conflict = find_conflict(with_words(sources), tolerances, toll) or conflict
            if conflict is not None:
                fig.update(
                    conflict=1, severity=conflict.severity, severity_label=conflict.label,
                    reason=conflict.reason, status="open", conflict_kind=conflict.kind,
                    suspect=int(conflict.suspect),
                )  # fmt: skip
                for mentioned, note in applied.resolutions:
                    if set(members) <= mentioned:
                        fig.update(status="resolved", note=note)
                report.conflicts += 1
                report.resolved += fig["status"] == "resolved"
        figures.append(fig)
    return figures


class _Crossed:
    """Does each of two mentions' reports also state the other's value, of the same kind,
    unit and event (or of none)? Then the two are two quantities both reports tell (the
    items of one list, a figure and last month's), not reports that disagree."""

    def __init__(self, by_id: dict, stated_values: Callable) -> None:
        self.by_id = by_id
        self.stated_values = stated_values  # article ids -> their stated values
        self.values: dict[str, dict[tuple, set]] = {}

    def __call__(self, a: int, b: int) -> bool:
        ra, rb = self.by_id.get(a), self.by_id.get(b)
        if ra is None or rb is None or ra.article_id == rb.article_id:
            return False
        missing = [x for x in (ra.article_id, rb.article_id) if x not in self.values]
        if missing:
            self.values.update(self.stated_values(missing))
        return self._states(ra.article_id, rb) and self._states(rb.article_id, ra)

    def _states(self, article: str, row: ClaimRow) -> bool:
        """Does ``article`` state ``row``'s value, of its kind, unit and event or none?"""
        value = row.stated[1] if row.stated[1] is not None else row.stated[2]
        if value is None:
            return False
        held = self.values.get(article, {})
        family = event_family(row.event)
        return any(value in held.get((row.kind, row.unit, e), ()) for e in {family, None})


def _stated_values(db, articles: list[str]) -> dict[str, dict[tuple, set]]:
    """Article id -> (kind, unit, event family) -> the values its claims state."""
    out: dict[str, dict[tuple, set]] = {a: defaultdict(set) for a in articles}
    for aid, kind, unit, event, value in rows_for_ids(
        db,
        "SELECT article_id, kind, unit, event, coalesce(value, low) FROM mentions "
        "WHERE +is_claim = 1 AND coalesce(excluded, 0) = 0 AND article_id IN ({})",
        articles,
    ):
        if value is not None:
            out[aid][(kind, unit, event_family(event))].add(value)
    return out


_SOURCES_SQL = f"""
    SELECT m.id, m.text, m.qualifier, m.value, m.low, m.high, m.unit, a.name, a.outlet,
           a.published, {HEADLINE_SQL}, m.kind, m.entity
    FROM mentions m JOIN articles a ON a.id = m.article_id
    WHERE +m.is_claim = 1 AND coalesce(m.excluded, 0) = 0 {{}}
"""  # the unary + keeps SQLite from scanning every claim by is_claim for a few ids
_WORDS_SQL = """
    SELECT id, substr(sentence, max(1, start - sentence_start - 79),
                      min(80, max(0, start - sentence_start))),
           substr(sentence, "end" - sentence_start + 1, 80)
    FROM mentions WHERE id IN ({})
"""


def _source_mentions(db, ids: list[int] | None = None) -> dict[int, SourceMention]:
    if ids is None:
        rows = db.execute(_SOURCES_SQL.format("")).fetchall()
    else:
        rows = rows_for_ids(db, _SOURCES_SQL.format("AND m.id IN ({})"), ids)
    return {
        r[0]: SourceMention(
            *r[:10],
            headline=bool(r[10]),
            whole=counts_whole_things(r[11], r[12]),
            fractional=comes_in_fractions(r[11], r[12]),
        )
        for r in rows
    }


def _with_words(db, sources: list[SourceMention]) -> list[SourceMention]:
    """The same mentions with the words around each number, which tell an update in so
    many words (``conflicts.told_update``): read only for the few figures in conflict."""
    words = {i: (b or "", a or "") for i, b, a in rows_for_ids(db, _WORDS_SQL,
                                                                [s.id for s in sources])}  # fmt: skip
    return [replace(s, before=words[s.id][0], after=words[s.id][1]) if s.id in words else s
            for s in sources]  # fmt: skip


# ----------------------------------------------------------------- queries
def figure(ledger: Ledger, claim_id: int) -> dict:
    """One figure with every mention side by side."""
    row = ledger.db.execute("SELECT * FROM figures WHERE claim_id = ?", [claim_id]).fetchone()
    if row is None:
        mention = ledger.db.execute(
            "SELECT is_claim, kind, excluded, claim_id FROM mentions WHERE id = ?", [claim_id]
        ).fetchone()
        if mention is not None and not mention[0]:
            raise RequestError(
                f"mention {claim_id} is not a claim ({mention[1]}): it is in no figure"
            )
        if mention is not None and mention[2]:
            raise RequestError(f"mention {claim_id} was marked not a claim: it is in no figure")
        if mention is not None and mention[3] is not None:
            raise RequestError(
                f"no figure {claim_id}: mention {claim_id} is in figure {mention[3]}"
            )
        raise RequestError(f"no figure {claim_id} (run `factledger link` first?)")
    columns = [d[0] for d in ledger.db.execute("SELECT * FROM figures LIMIT 0").description]
    out = dict(zip(columns, row, strict=True))
    out["mention_rows"] = [
        dict(r)
        for r in ledger.db.query(
            f"""SELECT c.mention_id, c.article, c.outlet, c.published, c.text, c.value, c.low,
                      c.high, c.qualifier, c.unit, c.entity, c.event, c.sentence,
                      c.start - coalesce(m.sentence_start, 0) AS sentence_at, c.link_score,
                      c.link_reason, c.corrected, c.field, c.kind, {HEADLINE_SQL} AS headline
               FROM claims c JOIN mentions m ON m.id = c.mention_id
               JOIN articles a ON a.id = m.article_id
               WHERE c.claim_id = ? ORDER BY c.published, c.article, c.start""",
            [claim_id],
        )
    ]
    return out


def conflicts(ledger: Ledger, include_resolved: bool = True, kind: str | None = None) -> list[dict]:
    """Flagged figures, most severe first; suspect ones (a zero, values ten times
    apart) after the others. ``kind`` keeps only updates or only disagreements."""
    sql, params = "SELECT * FROM figures WHERE conflict = 1", []
    if not include_resolved:
        sql += " AND status != 'resolved'"
    if kind:
        sql += " AND conflict_kind = ?"
        params.append(kind)
    order = " ORDER BY coalesce(suspect, 0), severity DESC, claim_id"
    return [dict(r) for r in ledger.db.query(sql + order, params)]


# --------------------------------------------------------------- decisions
def _mention(ledger: Ledger, mention_id: int) -> int:
    row = ledger.db.execute(
        "SELECT claim_id FROM mentions WHERE id = ? AND is_claim = 1", [mention_id]
    ).fetchone()
    if row is None:
        raise RequestError(f"no claim mention {mention_id}")
    return row[0]


def _decide(ledger: Ledger, action: str, mention_ids: list[int], *args, **kwargs) -> int:
    """Record a decision and re-group the figures it touches, in one transaction (a
    crash between the two leaves neither); the decision's id."""
    with ledger.transaction():
        did = dec.record(ledger, action, mention_ids, *args, **kwargs)
        relink(ledger, mention_ids)
    return did


REGROUP_PASSES = 4  # a decision's re-groupings at most: the part, then the injured that follow


@_collector_paused
def relink(ledger: Ledger, mention_ids: list[int], settings: LinkSettings = SETTINGS,
           tolerances: Tolerances | None = None) -> LinkReport:  # fmt: skip
    """Re-group only the part of the ledger that ``mention_ids`` can change, with the
    stored pair scores: the mentions reachable from them through their figures, pairs
    strong enough to link, and the analyst's same-figure decisions. Every other figure
    stays as it is, so a decision on a ledger of the whole corpus takes a moment."""
    started = time.perf_counter()
    report = LinkReport()
    with ledger.transaction() as db:
        applied = dec.apply_decisions(ledger, db)
        seed = set(mention_ids)
        # the injured told with a count of the killed decided on follow it: grouped with
        # it from the start (read from the decided mentions' articles alone: cheaper than
        # a second reading of the whole part)
        # the sentences normalised and the claims read, for every reading of this re-grouping
        seen: dict = {}
        memo: dict = {}
        seed |= _told_with(db, seed, seen, memo)
        for _ in range(REGROUP_PASSES):
            grouped = _group_part(db, seed, applied, settings, seen, memo)
            _store_part(db, grouped, seed, applied, tolerances, report)
            # the injured told with other counts of the killed whose figure changed follow
            # them too (``linking.toll_siblings``): re-grouped next, with those killed
            # held in their new figures
            seed = _told_with_moved(grouped)
            if not seed:
                break
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _store_part(db, grouped: _Grouped, touched: set[int], applied, tolerances,
                report: LinkReport) -> None:  # fmt: skip
    """Write a re-grouped part's figures, claim ids and links, leaving the figures whose
    members did not change as they were."""
    part, rows, claim_of, links = grouped.part, grouped.rows, grouped.claim_of, grouped.links
    ids = sorted(part)
    kept = _unchanged_groups(grouped.old_of, claim_of, touched)
    redo = [i for i in ids if claim_of.get(i) not in kept]  # and those set aside
    for chunk in chunks(redo):
        marks = ", ".join("?" * len(chunk))
        db.execute(f"UPDATE mentions SET claim_id = NULL, link_score = NULL, "
                   f"link_reason = NULL WHERE id IN ({marks})", chunk)  # fmt: skip
        db.execute(f"DELETE FROM links WHERE mention_a IN ({marks})", chunk)
    stale = sorted({c for c in grouped.old_of.values() if c is not None} - kept)
    for chunk in chunks(stale):
        db.execute(f"DELETE FROM figures WHERE claim_id IN ({', '.join('?' * len(chunk))})",
                   chunk)  # fmt: skip
    again = set(redo)
    _store_groups(db, [r for r in rows if r.id in again], claim_of,
                  [p for p in links if p.a in again], applied, tolerances, report,
                  _witnesses(grouped.pairs, grouped.constraints,
                             rising=not needs_rescore(db)))  # fmt: skip
    report.claims += len(grouped.live)
    report.links += len(links)


@dataclass
class _Grouped:
    """One re-grouping of a part of the ledger (``_group_part``)."""

    part: set[int]
    rows: list[ClaimRow]  # the part's claims
    whole: list[ClaimRow]  # and what of their articles was read with them
    live: list[int]  # the part's claims still in play (not marked not-a-claim)
    old_of: dict[int, int | None]  # mention -> its figure before
    pairs: dict[tuple[int, int], Pair]
    constraints: Constraints
    claim_of: dict[int, int]  # mention -> its figure now
    links: list[Pair]


def _group_part(
    db, seed: set[int], applied, settings: LinkSettings, seen: dict | None = None,
    memo: dict | None = None,
) -> _Grouped:  # fmt: skip
    """Group the part of the ledger ``seed`` can change, as the link would (``seen``,
    ``memo``: the sentences normalised and the claims read so far, shared by the readings
    of one re-grouping: ``_article_rows``)."""
    part = _reachable(db, seed, applied.constraints, settings)
    # the part's claims, and what of their articles tells what each number is (an item
    # of a list, the killed its injured are told with, how many numbers of its kind its
    # article holds), read as the link reads them
    whole, sizes = _article_rows(db, part, seen, memo)
    # the killed its injured are told with, where a toll's rise joined their figure, are
    # grouped with it: the link joined them while it grouped the injured, which no fixed
    # hold reproduces
    while risen := _risen_beside(db, part, whole):
        part = _reachable(db, part | risen, applied.constraints, settings)
        whole, sizes = _article_rows(db, part, seen, memo)
    ids = sorted(part)
    rows = [r for r in whole if r.id in part]
    live = [r.id for r in rows]
    old_of = dict(rows_for_ids(db, "SELECT id, claim_id FROM mentions WHERE id IN ({})", ids))
    pairs = {
        (a, b): Pair(a, b, sc, e)
        for a, b, sc, e in rows_for_ids(
            db,
            "SELECT mention_a, mention_b, score, explanation FROM pair_scores "
            "WHERE mention_a IN ({})",
            ids,
        )
        if b in part
    }
    constraints = Constraints(
        must=[(a, b) for a, b in applied.constraints.must if a in part and b in part],
        cannot={(a, b) for a, b in applied.constraints.cannot if a in part and b in part},
    )
    constraints.cannot |= self_contradictions({r.id: r for r in whole}, pairs, part, sizes)
    constraints.cannot |= vetoes_among(db, part)
    # the killed its injured are told with, outside the part, stay in their figures
    siblings = toll_siblings(whole)
    beside = sorted({k for m, k in siblings.items() if m in part and k not in part})
    grouping = Constraints(constraints.must + _grouped_before_rising(db, beside),
                           constraints.cannot)  # fmt: skip
    sentence_of = {r.id: r.clause for r in whole}
    claim_of, links = cluster(live + beside, pairs, sentence_of, grouping, settings,
                              periods_of(rows), toll_timeline(rows), siblings,
                              scope_keys_of(rows))  # fmt: skip
    claim_of = {m: c for m, c in claim_of.items() if m in part}
    links = [p for p in links if p.a in part]
    return _Grouped(part, rows, whole, live, old_of, pairs, constraints, claim_of, links)


def _told_with(
    db, mentions: set[int], seen: dict | None = None, memo: dict | None = None
) -> set[int]:
    """The injured told with a count of the killed among ``mentions``."""
    whole, _ = _article_rows(db, mentions, seen, memo)
    return {i for i, k in toll_siblings(whole).items() if k in mentions and i not in mentions}


def _told_with_moved(grouped: _Grouped) -> set[int]:
    """The injured, outside the part, told with a count of the killed in it whose figure
    changed (its members are not the ones it had)."""
    killed = {r.id for r in grouped.rows if event_family(r.event) == "killed"}
    if not killed:
        return set()
    old: dict[int, set[int]] = defaultdict(set)
    for m, c in grouped.old_of.items():
        if c is not None:
            old[c].add(m)
    new: dict[int, set[int]] = defaultdict(set)
    for m, c in grouped.claim_of.items():
        new[c].add(m)
    moved = {
        k for k in killed
        if grouped.claim_of.get(k) is None
        or new[grouped.claim_of[k]] != old.get(grouped.old_of.get(k), set()) & grouped.part
    }  # fmt: skip
    if not moved:
        return set()
    return {i for i, k in toll_siblings(grouped.whole).items()
            if k in moved and i not in grouped.part}  # fmt: skip


def _risen_beside(db, part: set[int], whole: list[ClaimRow]) -> set[int]:
    """The members, outside ``part``, of the figures of the killed its injured are told
    with (``linking.toll_siblings``) that a toll's rise joined (``linking.RISING_JOIN_NOTES``)."""
    beside = sorted({k for m, k in toll_siblings(whole).items() if m in part and k not in part})
    if not beside:
        return set()
    members = _figure_members(db, beside)
    rose = any(
        (why or "").endswith(RISING_JOIN_NOTES)
        for (why,) in rows_for_ids(
            db, "SELECT explanation FROM links WHERE mention_a IN ({})", members
        )
    )
    return set(members) - part if rose else set()


def _figure_members(db, mentions: list[int]) -> list[int]:
    """Every mention of the figures ``mentions`` are in."""
    claims = sorted({c for (c,) in rows_for_ids(
        db, "SELECT claim_id FROM mentions WHERE id IN ({}) AND claim_id IS NOT NULL",
        mentions)})  # fmt: skip
    return [m for (m,) in rows_for_ids(db, "SELECT id FROM mentions WHERE claim_id IN ({})",
                                       claims)]  # fmt: skip


def _grouped_before_rising(db, mentions: list[int]) -> list[tuple[int, int]]:
    """Pairs that hold ``mentions`` (counts of the killed outside a re-grouped part) in
    the groups the link had them in when the injured were grouped: their figures, less
    the joins of a rising toll made after (``linking.RISING_JOIN_NOTES``)."""
    members = _figure_members(db, mentions)
    parent = {m: m for m in members}

    def find(m: int) -> int:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    for a, b, why in rows_for_ids(
        db, "SELECT mention_a, mention_b, explanation FROM links WHERE mention_a IN ({})", members
    ):
        if b in parent and not (why or "").endswith(RISING_JOIN_NOTES):
            parent[find(a)] = find(b)
    first: dict[int, int] = {}
    out = []
    for m in sorted(mentions):
        if m in parent:
            root = find(m)
            if root in first:
                out.append((first[root], m))
            else:
                first[root] = m
    return out


def _unchanged_groups(
    old_of: dict[int, int | None], claim_of: dict[int, int], touched: set[int]
) -> set[int]:
    """The figures a re-grouping left as they were: the same claim id and the same
    members, none of them decided on just now (a decision may resolve a figure whose
    members stay). Their rows, claim ids and links need no rewriting."""
    old: dict[int, set[int]] = defaultdict(set)
    for m, c in old_of.items():
        if c is not None:
            old[c].add(m)
    new: dict[int, set[int]] = defaultdict(set)
    for m, c in claim_of.items():
        new[c].add(m)
    return {c for c, members in new.items() if old.get(c) == members and not members & touched}


def _reachable(db, seed: set[int], constraints: Constraints, settings: LinkSettings) -> set[int]:
    """Mentions whose grouping a change to ``seed`` can affect."""
    must: dict[int, set[int]] = defaultdict(set)
    for a, b in constraints.must:
        must[a].add(b)
        must[b].add(a)
    part, frontier = set(seed), list(seed)
    while frontier:
        batch, frontier = frontier[:500], frontier[500:]
        marks = ", ".join("?" * len(batch))
        found = set()
        for (m,) in db.execute(
            f"SELECT id FROM mentions WHERE claim_id IN (SELECT claim_id FROM mentions "
            f"WHERE id IN ({marks}) AND claim_id IS NOT NULL)", batch
        ):  # fmt: skip
            found.add(m)
        for a, b in db.execute(
            f"SELECT mention_a, mention_b FROM pair_scores WHERE score >= ? AND "
            f"(mention_a IN ({marks}) OR mention_b IN ({marks}))",
            [settings.link_threshold, *batch, *batch],
        ):  # fmt: skip
            found.update((a, b))
        for m in batch:
            found.update(must.get(m, ()))
        new = found - part
        part |= new
        frontier.extend(new)
    return part


_ARTICLE_CLAIMS_SQL = """
    SELECT id, article_id, sentence_start, entity, event, kind, unit, field, qualifier, value,
           low, high, start, "end"
    FROM mentions WHERE +is_claim = 1 AND coalesce(excluded, 0) = 0 AND article_id IN ({})"""
_SENTENCES_SQL = f"""
    SELECT m.id, a.published, m.sentence, {HEADLINE_SQL}
    FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.id IN ({{}})"""


@dataclass(frozen=True, slots=True)
class _ArticleClaim:
    """A claim of a re-grouped part's article as ``_ARTICLE_CLAIMS_SQL`` reads it."""

    fields: tuple
    family: str | None  # its event's family

    @property
    def id(self) -> int:
        return self.fields[0]

    @property
    def sentence(self) -> tuple:
        """Its article, field (title or not) and sentence."""
        return (self.fields[1], self.fields[7] == "title", self.fields[2] or 0)

    @property
    def list_key(self) -> tuple | None:
        """What the items of a list it may be in share (``linking.mark_items``)."""
        return (self.sentence, *self.fields[4:7]) if self.fields[4] else None


def _article_rows(
    db, part: set[int], seen: dict | None = None, memo: dict | None = None
) -> tuple[list[ClaimRow], dict[tuple, int]]:
    """The claims of ``part`` and those of their articles that tell what a part's number
    is, read as ``load_claims`` reads them: the killed a count of the injured is told with
    and the injured told with a count of the killed (``linking.toll_siblings``), the
    counts of a toll an article may tell as earlier ones (``ClaimRow.earlier``), the
    numbers a part's number may be listed with (``linking.mark_items``); and how many
    claims (not set aside) each article holds of each kind, unit and event
    (``pair_rules.self_contradictions``)."""
    articles = sorted({a for (a,) in rows_for_ids(
        db, "SELECT DISTINCT article_id FROM mentions WHERE id IN ({})", sorted(part))})  # fmt: skip
    claims = [_ArticleClaim(r, event_family(r[4])) for r in rows_for_ids(
        db, _ARTICLE_CLAIMS_SQL, articles)]  # fmt: skip
    sizes: dict[tuple, int] = defaultdict(int)
    for c in claims:
        sizes[(c.fields[1], c.fields[5], c.fields[6], c.family)] += 1
    ours = [c for c in claims if c.id in part]
    beside_injured = {c.sentence for c in ours if c.family == "injured"}
    beside_killed = {c.sentence for c in ours if c.family == "killed"}
    tolls = {(c.sentence[0], c.family) for c in ours}
    scoped = {c.id for c in claims
              if c.id in part or (c.family == "killed" and c.sentence in beside_injured)
              or (c.family == "injured" and c.sentence in beside_killed)}  # fmt: skip
    earlier = {c.id for c in claims if c.id not in scoped and c.family in TOLL_EVENTS
               and (c.sentence[0], c.family) in tolls}  # fmt: skip
    listed = {c.list_key for c in claims if c.id in scoped and c.list_key}
    items = {c.id for c in claims if c.list_key in listed}
    # a toll's part in its sentence (a list item, some of a group) tells figures apart
    # only where the sentence tells both the killed and the injured (``toll_siblings``)
    told: dict[tuple, set] = defaultdict(set)
    for c in claims:
        told[c.sentence].add(c.family)
    both = {key for key, families in told.items() if {"killed", "injured"} <= families}
    # each claim read once per re-grouping however often its article is read: a row as
    # read (``memo``), copied only for the items marked below (``mark_items`` changes them)
    memo = {} if memo is None else memo
    rows, ends, keys, text = {}, {}, {}, {}
    for c in claims:
        if c.id in scoped:
            keys[c.id] = (c.id, "scope", c.sentence in both)
        elif c.id in earlier:
            keys[c.id] = (c.id, "earlier")
        elif c.id in items:
            keys[c.id] = (c.id, "plain")
        else:
            continue
        r = c.fields
        ends[c.id] = r[13]
        known = memo.get(keys[c.id])
        if known is not None:  # shared: nothing changes a row once read, but the items
            rows[c.id] = known[0].copy() if c.id in items else known[0]
            text[c.id] = known[1]
            continue
        row = rows[c.id] = ClaimRow(r[0], r[1], r[2] or 0, r[3], r[4], r[5], r[6], None)
        row.title, row.stated = r[7] == "title", tuple(r[8:12])
        row.start = r[12]
    fresh = sorted(m for m in rows if m not in text)
    for mid, published, sentence, headline in rows_for_ids(db, _SENTENCES_SQL, fresh):
        row = rows[mid]
        row.published, row.headline, text[mid] = published, bool(headline), sentence or ""
        row.entity_key = normalize_word(row.entity) if row.entity else None
    seen = {} if seen is None else seen  # sentence -> normalised, for the numbers sharing one

    def where(row: ClaimRow) -> tuple:
        s_start = row.sentence_start
        return text[row.id], row.start - s_start, ends[row.id] - s_start

    for mid in fresh:
        kind = keys[mid][1]
        if kind == "scope":
            read_scope(rows[mid], *where(rows[mid]), seen, roles=keys[mid][2])
        elif kind == "earlier":
            read_earlier(rows[mid], *where(rows[mid]), seen)
        memo[keys[mid]] = (rows[mid].copy() if mid in items else rows[mid], text[mid])
    listing = [rows[mid] for mid in sorted(items)]
    mark_items(listing, [(start, end, said) for said, start, end in map(where, listing)])
    ordered = sorted((rows[c.id] for c in ours), key=lambda r: (r.article_id, r.id))
    return ordered + [row for mid, row in rows.items() if mid not in part], dict(sizes)


def _store_groups(
    db, rows, claim_of, links, applied, tolerances, report: LinkReport, witnesses, whole=False
) -> None:
    """Write the figures, claim ids and links of a re-grouped part of the ledger (of all
    of it when ``whole``)."""
    best: dict[int, Pair] = {}
    for p in links:
        for m in (p.a, p.b):
            if m not in best or p.score > best[m].score:
                best[m] = p
    db.conn.executemany(
        "UPDATE mentions SET claim_id = ?, link_score = ?, link_reason = ? WHERE id = ?",
        [(claim_of[r.id], best[r.id].score if r.id in best else None,
          best[r.id].explanation if r.id in best else None, r.id) for r in rows],
    )  # fmt: skip
    db.conn.executemany(
        "INSERT OR REPLACE INTO links (mention_a, mention_b, score, explanation, source) "
        "VALUES (?, ?, ?, ?, ?)",
        ((p.a, p.b, p.score, p.explanation,
          "analyst" if p.explanation.startswith("analyst") else "linker") for p in links),
    )  # fmt: skip
    groups: dict[int, list[int]] = defaultdict(list)
    for r in rows:
        groups[claim_of[r.id]].append(r.id)
    details = _source_mentions(db, None if whole else [r.id for r in rows])
    figures = _figure_rows(groups, {r.id: r for r in rows}, details, applied, tolerances,
                           report, witnesses, lambda sources: _with_words(db, sources),
                           lambda articles: _stated_values(db, articles))  # fmt: skip
    report.figures += len(figures)
    if figures:
        columns = list(figures[0])
        db.conn.executemany(
            f"INSERT OR REPLACE INTO figures ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            (tuple(f[c] for c in columns) for f in figures),
        )


def same_figure(
    ledger: Ledger, a: int, b: int, note: str | None = None, author: str | None = None
) -> int:
    """Say mentions ``a`` and ``b`` report the same figure."""
    if a == b:
        raise RequestError(f"mention {a} is the same mention: give two different mentions")
    _mention(ledger, a), _mention(ledger, b)
    return _decide(
        ledger,
        "same",
        [a, b],
        f"mentions {a} and {b} are the same figure",
        note=note,
        author=author,
    )


def split_mention(
    ledger: Ledger, mention_id: int, note: str | None = None, author: str | None = None
) -> int:
    """Split a mention off the figure it is grouped with."""
    claim = _mention(ledger, mention_id)
    mates = [m for m in dec.figure_mentions(ledger, claim) if m != mention_id] if claim else []
    if not mates:
        raise RequestError(f"mention {mention_id} is alone in its figure; nothing to split")
    return _decide(
        ledger,
        "split",
        [mention_id, *mates],
        f"mention {mention_id} split off figure {claim}",
        note=note,
        author=author,
    )


def merge_figures(
    ledger: Ledger, a: int, b: int, note: str | None = None, author: str | None = None
) -> int:
    """Merge figures ``a`` and ``b`` (claim ids) into one."""
    if a == b:
        raise RequestError(f"figure {a} is the same figure: give two different figures")
    members = dec.figure_mentions(ledger, a) + dec.figure_mentions(ledger, b)
    return _decide(
        ledger, "merge", members, f"figures {a} and {b} merged", note=note, author=author
    )


def resolve_conflict(ledger: Ledger, claim_id: int, note: str, author: str | None = None) -> int:
    """Mark a figure's conflict as settled, with the analyst's note."""
    if not note.strip():
        raise RequestError("a resolution needs a note saying why")
    members = dec.figure_mentions(ledger, claim_id)
    return _decide(
        ledger, "resolve", members, f"figure {claim_id} resolved", note=note, author=author
    )


def correct_value(
    ledger: Ledger, mention_id: int, *, value=None, low=None, high=None,
    qualifier: str | None = None, note: str | None = None, author: str | None = None,
) -> int:  # fmt: skip
    """Correct the extracted value (or bounds, or qualifier) of a mention."""
    _mention(ledger, mention_id)
    payload = {k: v for k, v in {"value": value, "low": low, "high": high}.items() if v is not None}
    if qualifier:
        payload["qualifier"] = qualifier
    if not payload:
        raise RequestError("give a value, bounds or a qualifier to correct")
    if low is not None and high is not None and low > high:
        raise RequestError(f"the low bound {low:g} is above the high bound {high:g}")
    what = ", ".join(f"{k}={v}" for k, v in payload.items())
    return _decide(
        ledger,
        "correct",
        [mention_id],
        f"mention {mention_id} corrected: {what}",
        payload,
        note,
        author,
    )


def mark_not_claim(
    ledger: Ledger, mention_id: int, note: str | None = None, author: str | None = None
) -> int:
    """Say a mention is not a claim: it leaves linking and export."""
    _mention(ledger, mention_id)
    return _decide(
        ledger,
        "not_claim",
        [mention_id],
        f"mention {mention_id} is not a claim",
        note=note,
        author=author,
    )


def undo_decision(ledger: Ledger, decision_id: int | None = None, author: str | None = None) -> int:
    """Undo a decision (the latest by default) and re-group the figures it touched."""
    with ledger.transaction():  # the undo and its re-grouping land together
        did = dec.undo(ledger, decision_id, author)
        relink(ledger, dec.decision_mentions(ledger, did))
    return did
