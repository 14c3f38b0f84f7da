"""CSV export: one row per claim mention, in the column order DESIGN.md fixes.

Cells a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) are prefixed with an apostrophe, so article text stays text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from fractions import Fraction
from typing import TextIO

from .model import format_value
from .store import Ledger

COLUMNS = (
    "mention_id", "claim_id", "conflict", "article", "start", "end", "text", "value",
    "low", "high", "qualifier", "kind", "unit", "entity", "event", "sentence", "outlet",
    "published", "url", "conflict_reason",
)  # fmt: skip
EXTRA_COLUMNS = (
    "field", "article_id", "title", "severity", "conflict_kind", "conflict_status", "resolution_note", "corrected",
    "link_score", "link_reason",
)  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMERIC_COLUMNS = {"value", "low", "high"}


def escape_cell(value: object) -> str:
    """Text of one CSV cell, defused if a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def number_cell(value: int | float | None) -> str:
    """A stored number as exact text (9000, 2.5), never 9000.0."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return format_value(Fraction(value).limit_denominator(10**6))


def export_rows(ledger: Ledger, conflicts_only: bool = False) -> Iterator[dict]:
    """The export rows, in article then position order."""
    sql = """
        SELECT c.mention_id, coalesce(c.claim_id, c.mention_id) AS claim_id, c.conflict,
               c.article, c.start, c."end", c.text, c.value, c.low, c.high, c.qualifier,
               c.kind, c.unit, c.entity, c.event, c.sentence, c.outlet, c.published, c.url,
               c.conflict_reason, c.field, c.article_id, c.title, f.severity, c.conflict_kind, c.conflict_status,
               c.resolution_note, coalesce(c.corrected, 0) AS corrected, c.link_score,
               c.link_reason
        FROM claims c LEFT JOIN figures f ON f.claim_id = c.claim_id
    """
    if conflicts_only:
        sql += " WHERE c.conflict = 1"
    yield from ledger.db.query(sql + " ORDER BY c.article, c.field = 'text', c.start")


def write_csv(ledger: Ledger, out: TextIO, conflicts_only: bool = False) -> int:
    """Write the ledger's claims as CSV to ``out``; return the number of rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*COLUMNS, *EXTRA_COLUMNS])
    n = 0
    for row in export_rows(ledger, conflicts_only):
        cells = []
        for column in (*COLUMNS, *EXTRA_COLUMNS):
            value = row[column]
            if column in NUMERIC_COLUMNS:
                cells.append(number_cell(value))
            elif isinstance(value, (int, float)):
                cells.append(str(value))
            else:
                cells.append(escape_cell(value))
        writer.writerow(cells)
        n += 1
    return n
