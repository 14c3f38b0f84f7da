"""The engine's public face: one object for a ledger file and everything done to it.

    from ledger import Database

    db = Database("ledger.db")          # created (and migrated) if needed
    db.ingest(["articles/"])            # read, extract, store; links afterwards
    for c in db.conflicts(kind="update"):
        print(c["claim_id"], c["reason"])
    db.same(12, 40, note="one statement")   # a decision: re-groups what it touches
    db.undo()                               # and its undo
    db.export("ledger.csv")

Like sqlite-utils' ``Database``, it wraps the SQLite file (``Database.ledger`` is the
storage layer, ``Database.db`` the sqlite-utils database) and each method is one step of
the flow: ingest, link, read stories and figures, decide, undo, export. The CLI and the
terminal app call these methods; the modules behind them (``stories``, ``slots``,
``figures``, ``decisions``, ``export``) are the implementation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from . import decisions, figures, stories
from .export import write_csv
from .ingest import IngestReport, ingest
from .store import Ledger


class Database:
    """A ledger file and the operations of fact-ledger on it.

    ``path``: the SQLite file. ``create``: make it when missing (else a missing or
    foreign file raises ``LedgerError``). ``author``: the name recorded with decisions
    (default ``$FACTLEDGER_AUTHOR`` or the login name).
    """

    def __init__(self, path: str | Path, *, create: bool = True, author: str | None = None) -> None:
        self.ledger = Ledger(path, create=create)
        self.author = author

    @classmethod
    def wrap(cls, ledger: Ledger, author: str | None = None) -> Database:
        """A ``Database`` over a ledger that is already open."""
        self = cls.__new__(cls)
        self.ledger, self.author = ledger, author
        return self

    @property
    def db(self):
        """The sqlite-utils ``Database`` of the ledger, for queries of your own."""
        return self.ledger.db

    def close(self) -> None:
        self.ledger.close()

    def changes_seen(self) -> int:
        """A number that moves whenever another connection has committed to this ledger:
        what was read while it holds is still current (``Ledger.changes_seen``)."""
        return self.ledger.changes_seen()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ building
    def ingest(self, paths: Iterable[str | Path], *, workers: int = 1, link: bool = True,
               on_progress: Callable | None = None) -> IngestReport:  # fmt: skip
        """Read articles from ``paths`` (files, folders, collections, zips), extract
        their numbers and store them; then link, when anything changed and ``link``."""
        report = ingest(self.ledger, [str(p) for p in paths], workers=workers,
                        on_progress=on_progress)  # fmt: skip
        if link and (report.changed or report.reextracted or report.removed):
            self.link()
        elif link and report.added:
            self.link_added(report.added_ids)
        return report

    def link_added(self, article_ids: list[str], *,
                   on_stage: Callable[[str], None] | None = None) -> figures.LinkReport:  # fmt: skip
        """Link newly added articles: into the existing stories and figures when they
        are a few on a linked ledger (``incremental``), else with a full link."""
        from .incremental import link_new

        return link_new(self.ledger, article_ids, on_stage=on_stage)

    def link(self, *, on_stage: Callable[[str], None] | None = None) -> figures.LinkReport:
        """Group articles into stories and mentions into figures, flag conflicts, and
        apply every decision. ``on_stage`` is told each stage's name as it starts."""
        return figures.link(self.ledger, on_stage=on_stage)

    # ------------------------------------------------------------------- reading
    def stories(self, *, min_articles: int = 1, limit: int | None = None) -> list[dict]:
        """Stories, largest first: id, articles, outlets, first and last day, terms."""
        return stories.listing(self.db, min_articles=min_articles, limit=limit)

    def figure(self, claim_id: int) -> dict:
        """One figure with every mention (``mention_rows``) side by side."""
        return figures.figure(self.ledger, claim_id)

    def conflicts(self, *, kind: str | None = None, include_resolved: bool = True) -> list[dict]:
        """Flagged figures, most severe first; ``kind`` "update" or "disagreement"."""
        return figures.conflicts(self.ledger, include_resolved=include_resolved, kind=kind)

    def log(self, *, include_undone: bool = True) -> list[decisions.Decision]:
        """The audit log: every decision, newest last."""
        return decisions.log(self.ledger, include_undone=include_undone)

    # ----------------------------------------------------------------- deciding
    def same(self, a: int, b: int, note: str | None = None) -> int:
        """Mentions ``a`` and ``b`` are one figure. Returns the decision's id."""
        return figures.same_figure(self.ledger, a, b, note, self.author)

    def split(self, mention_id: int, note: str | None = None) -> int:
        """Take a mention out of its figure (it stays out)."""
        return figures.split_mention(self.ledger, mention_id, note, self.author)

    def merge(self, claim_a: int, claim_b: int, note: str | None = None) -> int:
        """Make two figures one."""
        return figures.merge_figures(self.ledger, claim_a, claim_b, note, self.author)

    def resolve(self, claim_id: int, note: str) -> int:
        """Settle a figure's conflict, saying how (``note`` is required)."""
        return figures.resolve_conflict(self.ledger, claim_id, note, self.author)

    def correct(self, mention_id: int, *, value=None, low=None, high=None,
                qualifier: str | None = None, note: str | None = None) -> int:  # fmt: skip
        """Correct an extracted value, its bounds or its qualifier."""
        return figures.correct_value(self.ledger, mention_id, value=value, low=low, high=high,
                                     qualifier=qualifier, note=note, author=self.author)  # fmt: skip

    def not_claim(self, mention_id: int, note: str | None = None) -> int:
        """A mention is not a claim: it leaves linking and the export."""
        return figures.mark_not_claim(self.ledger, mention_id, note, self.author)

    def undo(self, decision_id: int | None = None) -> int:
        """Undo a decision (the latest by default); returns its id."""
        return figures.undo_decision(self.ledger, decision_id, self.author)

    # ---------------------------------------------------------------- exporting
    def export(self, path: str | Path, *, conflicts_only: bool = False, excel: bool = False) -> int:
        """Write the ledger's claims to a CSV file (the README's contract); returns the
        number of rows. The file appears whole or not at all (a failed export leaves no
        ``.part`` file behind)."""
        target = Path(path)
        part = target.with_name(target.name + ".part")
        try:
            with part.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as out:
                rows = write_csv(self.ledger, out, conflicts_only=conflicts_only)
            part.replace(target)
        finally:
            part.unlink(missing_ok=True)
        return rows
