"""The analyst's decisions: data that outlive every re-ingest and re-link.

A decision names mentions by reference (article name, literal text, sentence, offset),
not by row id, so it finds its mentions again after an article is re-extracted. Each
decision is stored with its author and time in ``decisions`` (the audit log), can be
undone, and is applied by every ``link`` run.

Actions:
- ``same``: two mentions report the same figure (a must-link).
- ``split``: a mention is not the figure it was grouped with (cannot-links).
- ``merge``: two figures are one.
- ``resolve``: the conflict of a figure is settled, with a note.
- ``correct``: the value, bounds or qualifier of a mention are corrected.
- ``not_claim``: a mention is not a claim and leaves linking and export.
"""

from __future__ import annotations

import getpass
import json
import os
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .defaults import AUTHOR_ENV
from .errors import RequestError
from .linking import Constraints
from .store import Ledger, now, sql_number

ACTIONS = ("same", "split", "merge", "resolve", "correct", "not_claim")


def default_author() -> str:
    """``$FACTLEDGER_AUTHOR``, else the login name."""
    try:
        return os.environ.get(AUTHOR_ENV) or getpass.getuser()
    except Exception:  # no login name in some containers
        return "analyst"


def mention_ref(ledger: Ledger, mention_id: int) -> dict:
    """A stable reference to a mention: where it is and what it says."""
    row = ledger.db.execute(
        "SELECT a.name, m.text, m.sentence, m.start, m.field FROM mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE m.id = ?",
        [mention_id],
    ).fetchone()
    if row is None:
        raise RequestError(f"no mention {mention_id} in {ledger.path}")
    return {"article": row[0], "text": row[1], "sentence": row[2], "start": row[3],
            "field": row[4]}  # fmt: skip


def resolve_ref(ledger: Ledger, ref: dict) -> int | None:
    """The current mention a reference points at (None if its text is gone)."""
    rows = ledger.db.execute(
        """
        SELECT m.id, m.sentence, m.start FROM mentions m
        WHERE m.article_id IN (SELECT id FROM articles WHERE name = ?
                               UNION SELECT article_id FROM sources WHERE name = ?)
          AND m.text = ? AND m.field = ?
        """,
        [ref["article"], ref["article"], ref["text"], ref.get("field", "text")],
    ).fetchall()
    best, best_key = None, None
    for mid, sentence, start in rows:
        similarity = fuzz.ratio(sentence or "", ref.get("sentence") or "")
        if similarity < 60:
            continue
        key = (-similarity, abs(start - ref.get("start", 0)))
        if best_key is None or key < best_key:
            best, best_key = mid, key
    return best


def figure_mentions(ledger: Ledger, claim_id: int) -> list[int]:
    rows = ledger.db.execute(
        "SELECT id FROM mentions WHERE claim_id = ? AND coalesce(excluded, 0) = 0 ORDER BY id",
        [claim_id],
    ).fetchall()
    if not rows:
        raise RequestError(f"no figure {claim_id} in {ledger.path}")
    return [r[0] for r in rows]


@dataclass
class Decision:
    id: int
    action: str
    summary: str
    author: str
    created_at: str
    undone_at: str | None
    note: str | None


def record(
    ledger: Ledger,
    action: str,
    mention_ids: list[int],
    summary: str,
    payload: dict | None = None,
    note: str | None = None,
    author: str | None = None,
) -> int:
    """Store one decision (in a transaction) and return its id."""
    if action not in ACTIONS:
        raise ValueError(f"unknown decision {action!r}")
    refs = [mention_ref(ledger, m) for m in mention_ids]
    with ledger.transaction() as db:
        db["decisions"].insert(
            {
                "action": action,
                "refs": json.dumps(refs, ensure_ascii=False),
                "payload": json.dumps(payload or {}, ensure_ascii=False),
                "note": note,
                "author": author or default_author(),
                "created_at": now(),
                "summary": summary,
            }
        )
        return db.execute("SELECT max(id) FROM decisions").fetchone()[0]


def undo(ledger: Ledger, decision_id: int | None = None, author: str | None = None) -> int:
    """Undo one decision (the latest active one by default); return its id."""
    if decision_id is None:
        row = ledger.db.execute("SELECT max(id) FROM decisions WHERE undone_at IS NULL").fetchone()
        if row[0] is None:
            raise RequestError("there is no decision to undo")
        decision_id = row[0]
    row = ledger.db.execute(
        "SELECT undone_at FROM decisions WHERE id = ?", [decision_id]
    ).fetchone()
    if row is None:
        raise RequestError(f"no decision {decision_id}")
    if row[0] is not None:
        raise RequestError(f"decision {decision_id} is already undone")
    with ledger.transaction() as db:
        db.execute(
            "UPDATE decisions SET undone_at = ?, undone_by = ? WHERE id = ?",
            [now(), author or default_author(), decision_id],
        )
    return decision_id


def decision_mentions(ledger: Ledger, decision_id: int) -> list[int]:
    """The current mentions a decision names (those still found)."""
    row = ledger.db.execute("SELECT refs FROM decisions WHERE id = ?", [decision_id]).fetchone()
    if row is None:
        return []
    found = (resolve_ref(ledger, ref) for ref in json.loads(row[0]))
    return [m for m in found if m is not None]


def log(ledger: Ledger, include_undone: bool = True) -> list[Decision]:
    """Every decision, newest first."""
    sql = "SELECT id, action, summary, author, created_at, undone_at, note FROM decisions"
    if not include_undone:
        sql += " WHERE undone_at IS NULL"
    return [Decision(*r) for r in ledger.db.execute(sql + " ORDER BY id DESC").fetchall()]


@dataclass
class Applied:
    """Active decisions, resolved to current mentions."""

    constraints: Constraints
    resolutions: list[tuple[set[int], str]]
    unresolved: list[int]  # decisions whose mentions are gone


def apply_decisions(ledger: Ledger, db) -> Applied:
    """Write corrections and exclusions into ``mentions``; return the link constraints.

    Runs inside the caller's transaction. Earlier corrections are rolled back to the
    extracted values first, so undoing a decision restores the state before it.
    """
    db.execute(
        """UPDATE mentions SET value = orig_value, low = orig_low, high = orig_high,
           qualifier = orig_qualifier, corrected = 0 WHERE corrected = 1"""
    )
    db.execute("UPDATE mentions SET excluded = 0 WHERE excluded = 1")
    constraints = Constraints()
    resolutions: list[tuple[set[int], str]] = []
    unresolved: list[int] = []
    rows = db.execute(
        "SELECT id, action, refs, payload, note FROM decisions WHERE undone_at IS NULL ORDER BY id"
    ).fetchall()
    for did, action, refs_json, payload_json, note in rows:
        refs = json.loads(refs_json)
        payload = json.loads(payload_json or "{}")
        ids = [resolve_ref(ledger, r) for r in refs]
        found = [i for i in ids if i is not None]
        if not found:
            unresolved.append(did)
            continue
        if action in ("same", "merge"):
            first = found[0]
            constraints.must.extend((first, other) for other in found[1:])
        elif action == "split":
            if ids[0] is None:
                unresolved.append(did)
                continue
            constraints.cannot.update(tuple(sorted((ids[0], o))) for o in found[1:])
            constraints.must = [p for p in constraints.must if ids[0] not in p]
        elif action == "resolve":
            resolutions.append((set(found), note or ""))
        elif action == "correct":
            _correct(db, found[0], payload)
        elif action == "not_claim":
            db.execute("UPDATE mentions SET excluded = 1 WHERE id = ?", [found[0]])
            constraints.excluded.add(found[0])
    return Applied(constraints, resolutions, unresolved)


def _correct(db, mention_id: int, payload: dict) -> None:
    db.execute(
        """UPDATE mentions SET orig_value = value, orig_low = low, orig_high = high,
           orig_qualifier = qualifier WHERE id = ? AND coalesce(corrected, 0) = 0""",
        [mention_id],
    )
    sets = {k: payload[k] for k in ("value", "low", "high", "qualifier") if k in payload}
    for key in ("value", "low", "high"):
        if sets.get(key) is not None:  # a decision recorded by an older version may hold
            sets[key] = sql_number(sets[key])  # any number: store what SQLite can hold
    if "value" in sets or "low" in sets or "high" in sets:
        for key in ("value", "low", "high"):
            sets.setdefault(key, None)
    assignments = ", ".join(f"{k} = ?" for k in sets)
    db.execute(
        f"UPDATE mentions SET {assignments}, corrected = 1 WHERE id = ?",
        [*sets.values(), mention_id],
    )


def number_or_none(text: str | None):
    """Parse a number an analyst typed (digits in any script, a sign, separators, or
    number words); None for empty. The whole text must be the number: ``12abc``,
    ``1e3`` and ``0x10`` are refused, not read as 12, 1 and 0."""
    if text is None or not text.strip():
        return None
    from .extract import extract_mentions, parse_value

    raw = text.strip()
    sign = -1 if raw[:1] in "-\u2212" else 1
    body = raw[1:].strip() if sign < 0 else raw
    value = parse_value(body) if _TYPED_NUMBER.fullmatch(body) else None
    if value is None:
        spans = [m for m in extract_mentions(body) if m.value is not None]
        if len(spans) == 1 and spans[0].start == 0 and spans[0].end == len(body):
            value = spans[0].value
    if value is None:
        raise ValueError(f"not a number: {text!r}")
    return sql_number(sign * value)


_TYPED_NUMBER = re.compile(
    r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*"
)
