"""The ledger: a plain SQLite file, written through sqlite-utils.

Tables (documented in the README):
- ``articles``: one row per distinct article text (``id`` is its content hash).
- ``sources``: where each article was read from; several sources may share an article.
- ``mentions``: every numeric expression, claims and non-claims, with exact offsets.
- ``article_search``: FTS5 index of the normalised title and text.
- ``meta``: key/value facts about the ledger.
View ``claims``: claim mentions joined with their article's metadata.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

from . import __version__
from .defaults import BUSY_TIMEOUT_ENV, DB_ENV, DEFAULT_DB
from .errors import LedgerError, RequestError
from .long_writes import wait_while_running
from .model import Mention

migrations = Migrations("fact-ledger")


@migrations()
def m001_articles_mentions(db: sqlite_utils.Database) -> None:
    db["articles"].create(
        {
            "id": str,
            "name": str,
            "title": str,
            "outlet": str,
            "published": str,
            "url": str,
            "text": str,
            "chars": int,
            "encoding": str,
            "extractor": str,
            "ingested_at": str,
        },
        pk="id",
    )
    db["sources"].create(
        {"source": str, "article_id": str, "name": str, "seen_at": str},
        pk="source",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["sources"].create_index(["article_id"])
    db.execute(
        """
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            is_claim INTEGER NOT NULL,
            kind TEXT NOT NULL,
            qualifier TEXT,
            value NUMERIC,
            low NUMERIC,
            high NUMERIC,
            unit TEXT,
            entity TEXT,
            event TEXT,
            label TEXT,
            sentence TEXT,
            sentence_start INTEGER
        )
        """
    )
    db["mentions"].create_index(["article_id", "start"])
    db["mentions"].create_index(["entity"])
    db.execute(
        "CREATE VIRTUAL TABLE article_search USING fts5("
        "title, text, content='', tokenize='unicode61 remove_diacritics 2')"
    )
    db["meta"].create({"key": str, "value": str}, pk="key")
    db.execute(
        """
        CREATE VIEW claims AS
        SELECT m.id AS mention_id, m.article_id, a.name AS article, m.start, m."end",
               m.text, m.value, m.low, m.high, m.qualifier, m.kind, m.unit, m.entity,
               m.event, m.sentence, a.outlet, a.published, a.url, a.title
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.is_claim = 1
        """
    )


@migrations()
def m002_figures_and_decisions(db: sqlite_utils.Database) -> None:
    for column, kind in [
        ("claim_id", int), ("link_score", float), ("link_reason", str),
        ("excluded", int), ("corrected", int), ("orig_value", float), ("orig_low", float),
        ("orig_high", float), ("orig_qualifier", str),
    ]:  # fmt: skip
        db["mentions"].add_column(column, kind)
    db["mentions"].create_index(["claim_id"])
    db["figures"].create(
        {
            "claim_id": int, "mentions": int, "articles": int, "entity": str, "event": str,
            "kind": str, "unit": str, "conflict": int, "severity": float,
            "severity_label": str, "reason": str, "status": str, "note": str,
        },
        pk="claim_id",
    )  # fmt: skip
    db["links"].create(
        {"mention_a": int, "mention_b": int, "score": float, "explanation": str, "source": str},
        pk=("mention_a", "mention_b"),
    )
    db["pair_scores"].create(
        {"mention_a": int, "mention_b": int, "score": float, "explanation": str},
        pk=("mention_a", "mention_b"),
    )
    db["decisions"].create(
        {
            "id": int, "action": str, "refs": str, "payload": str, "note": str,
            "author": str, "created_at": str, "undone_at": str, "undone_by": str,
            "summary": str,
        },
        pk="id",
    )  # fmt: skip
    db.execute("DROP VIEW claims")
    db.execute(
        """
        CREATE VIEW claims AS
        SELECT m.id AS mention_id, m.claim_id, coalesce(f.conflict, 0) AS conflict,
               m.article_id, a.name AS article, m.start, m."end", m.text, m.value, m.low,
               m.high, m.qualifier, m.kind, m.unit, m.entity, m.event, m.sentence,
               a.outlet, a.published, a.url, a.title, f.reason AS conflict_reason,
               f.status AS conflict_status, f.note AS resolution_note, m.link_score,
               m.link_reason, m.corrected
        FROM mentions m JOIN articles a ON a.id = m.article_id
        LEFT JOIN figures f ON f.claim_id = m.claim_id
        WHERE m.is_claim = 1 AND coalesce(m.excluded, 0) = 0
        """
    )


@migrations()
def m003_story_fingerprints(db: sqlite_utils.Database) -> None:
    db["articles"].add_column("shingles", bytes)


@migrations()
def m004_view_indexes(db: sqlite_utils.Database) -> None:
    db["mentions"].create_index(["is_claim", "value"])
    db["mentions"].create_index(["kind"])
    db["figures"].create_index(["conflict"])


@migrations()
def m005_claims_view_in_id_order(db: sqlite_utils.Database) -> None:
    # "+m.is_claim" keeps SQLite from choosing the is_claim index, so pages of the
    # view in mention order are read straight from the table without a sort
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'claims'").fetchone()[0]
    db.execute("DROP VIEW claims")
    db.execute(sql.replace("WHERE m.is_claim = 1", "WHERE +m.is_claim = 1"))


@migrations()
def m006_sort_indexes(db: sqlite_utils.Database) -> None:
    # sorting the ledger table by these walks an index instead of sorting every claim
    for column in ("value", "entity", "event", "kind", "qualifier"):
        db.execute(
            f'CREATE INDEX IF NOT EXISTS idx_mentions_sort_{column} ON mentions ("{column}")'
        )


@migrations()
def m007_mention_fields(db: sqlite_utils.Database) -> None:
    # titles are extracted too: ``field`` says which text the offsets point into
    db.execute("ALTER TABLE mentions ADD COLUMN field TEXT NOT NULL DEFAULT 'text'")
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'claims'").fetchone()[0]
    db.execute("DROP VIEW claims")
    db.execute(sql.replace("m.link_reason, m.corrected", "m.link_reason, m.corrected, m.field"))


@migrations()
def m008_conflict_kinds(db: sqlite_utils.Database) -> None:
    # a conflict is an update (a value that moved one way over time) or a disagreement;
    # a suspect one (a zero, values ten times apart) never heads the queue
    db["figures"].add_column("conflict_kind", str)
    db["figures"].add_column("suspect", int)
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'claims'").fetchone()[0]
    db.execute("DROP VIEW claims")
    db.execute(sql.replace("f.reason AS conflict_reason,",
                           "f.reason AS conflict_reason, f.conflict_kind,"))  # fmt: skip


@migrations()
def m009_decision_indexes(db: sqlite_utils.Database) -> None:
    # a decision finds its mentions by article name and re-groups from the stored pairs
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_name ON articles (name)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_sources_name ON sources (name)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_pair_scores_b ON pair_scores (mention_b)")
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_mentions_corrected ON mentions (corrected) "
        "WHERE corrected = 1"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_mentions_excluded ON mentions (excluded) WHERE excluded = 1"
    )


@migrations()
def m010_stories(db: sqlite_utils.Database) -> None:
    # articles are grouped into stories; a story's id is its first article's rowid
    db["stories"].create(
        {"id": int, "articles": int, "outlets": int, "first_day": str, "last_day": str,
         "outlet_names": str, "terms": str},
        pk="id",
        if_not_exists=True,
    )  # fmt: skip
    if "story_id" not in db["articles"].columns_dict:
        db["articles"].add_column("story_id", int)
    if "terms" not in db["articles"].columns_dict:
        db["articles"].add_column("terms", str)  # anchor terms, JSON
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_story ON articles (story_id)")


RESCORE_KEY = "rescore_needed"  # meta: the next link must score every pair afresh


@migrations()
def m011_pair_vetoes(db: sqlite_utils.Database) -> None:
    # pairs of mentions told apart (other incidents): no figure may hold both, however
    # others join them; decisions re-group with these as linking does
    db["pair_vetoes"].create(
        {"mention_a": int, "mention_b": int, "reason": str},
        pk=("mention_a", "mention_b"),
        if_not_exists=True,
    )
    db.execute("CREATE INDEX IF NOT EXISTS idx_pair_vetoes_b ON pair_vetoes (mention_b)")
    # a ledger linked before has no vetoes (and its pairs were scored by older rules):
    # its next link scores every pair afresh (``figures.link``, ``incremental.worth_it``)
    if db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        db["meta"].upsert({"key": RESCORE_KEY, "value": "pair_vetoes"}, pk="key")


@migrations()
def m012_value_order_and_items(db: sqlite_utils.Database) -> None:
    # a range or a vague amount sorts by its low end among the values: an index on that
    # order, so the first rows of the ledger sorted by value come at once
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_mentions_sort_value_low ON mentions (coalesce(value, low))"
    )
    db.execute("CREATE INDEX IF NOT EXISTS idx_mentions_text ON mentions (text)")  # by wording
    # 0.9.0 tells two market items apart and no longer echoes 0.5% across a story: a
    # ledger linked before scores every pair afresh at its next link
    if db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        db["meta"].upsert({"key": RESCORE_KEY, "value": "market_items"}, pk="key")


@migrations()
def m013_article_orders(db: sqlite_utils.Database) -> None:
    # the ledger sorted by date or by outlet is walked in its articles' order
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_published ON articles (published)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_outlet ON articles (outlet)")


@migrations()
def m014_witnesses(db: sqlite_utils.Database) -> None:
    # 0.10.0 pairs tolls naming the same rare places and marks small counts naming none
    # in common as no witness: a ledger linked before scores every pair afresh
    if db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        db["meta"].upsert({"key": RESCORE_KEY, "value": "witnesses"}, pk="key")


@migrations()
def m015_rising_witnesses(db: sqlite_utils.Database) -> None:
    # 0.11.0 marks small counts naming nothing in common as no witness from 0.74 (a
    # toll's rise is witnessed from there): a ledger linked before scores pairs afresh
    if db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        db["meta"].upsert({"key": RESCORE_KEY, "value": "rising witnesses"}, pk="key")


@migrations()
def m016_named_items(db: sqlite_utils.Database) -> None:
    # 0.12.0 pairs one market item's values by its name, a rare figure over two weeks and
    # no longer leads with the dead of one group: a ledger linked before scores afresh
    if db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        db["meta"].upsert({"key": RESCORE_KEY, "value": "named items"}, pk="key")


@migrations()
def m017_recalled_tolls(db: sqlite_utils.Database) -> None:
    # 0.16.0 pairs an incident's toll recalled in later stories, each report's count of a
    # series, and keeps a rule's joining reason beside a surer model pair: a ledger linked
    # before scores every pair afresh
    if db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        db["meta"].upsert({"key": RESCORE_KEY, "value": "recalled tolls"}, pk="key")


@migrations()
def m018_parts_and_increments(db: sqlite_utils.Database) -> None:
    # 0.17.0 reads the bodies a toll rose by and the children among its dead as no toll,
    # statements told as made before without قد, an earlier year's incident told "منذ
    # أبريل 2011، عند مقتل 22", the same people counted by two reports and another side's
    # smaller count against a toll: a ledger linked before scores every pair afresh
    if db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        db["meta"].upsert({"key": RESCORE_KEY, "value": "parts and increments"}, pk="key")


@migrations()
def m019_incidents_told_for_days(db: sqlite_utils.Database) -> None:
    # 0.18.0 reads a story of up to ten days whose tolls are seldom told among a war's
    # fighting as one incident (its reports' leading tolls pair), an earlier count told
    # "وفي وقت سابق", the toll of an earlier incident a report's own comes after ("ويأتي
    # الهجوم بعد مقتل 10") and a round-up's toll told "في البلاد" after a sentence opening on
    # its country: a ledger linked before scores every pair afresh
    if db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        db["meta"].upsert({"key": RESCORE_KEY, "value": "incidents told for days"}, pk="key")


@migrations()
def m020_one_outcome_per_figure(db: sqlite_utils.Database) -> None:
    # 0.19.0 keeps two outcomes (the killed, the missing) out of one figure however others
    # join them, makes two reports' counts of one boat's people one figure, and reads a
    # sentence opening on an earlier day of the year as that day's incident: a ledger
    # linked before scores every pair afresh
    if db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        db["meta"].upsert({"key": RESCORE_KEY, "value": "one outcome per figure"}, pk="key")


@migrations()
def m021_parts_of_other_people(db: sqlite_utils.Database) -> None:
    # 0.20.0 keeps two counts of a toll naming different people (one of them some of it)
    # out of one figure however others join them, and joins two reports' leads told
    # within three hours whatever their values: a ledger linked before scores every pair
    # afresh (and stores the new vetoes)
    if db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        db["meta"].upsert({"key": RESCORE_KEY, "value": "parts of other people"}, pk="key")


@migrations()
def m022_other_list_items(db: sqlite_utils.Database) -> None:
    # 0.21.0 keeps a count told after a list's named people (another item of the list)
    # from other reports' counts of those people, a stored veto: a ledger linked before
    # scores every pair afresh (and stores the new vetoes)
    if db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        db["meta"].upsert({"key": RESCORE_KEY, "value": "other list items"}, pk="key")


@migrations()
def m023_leads_over_four_days(db: sqlite_utils.Database) -> None:
    # 0.22.0 joins a wreck's survivors with those rescued from it, reads reports four days
    # apart leading with one toll as one figure (but two days' round-ups of separate
    # incidents as two), and names a war's fronts and districts as places: a ledger
    # linked before scores every pair afresh
    if db.execute("SELECT 1 FROM pair_scores LIMIT 1").fetchone():
        db["meta"].upsert({"key": RESCORE_KEY, "value": "leads over four days"}, pk="key")


CHUNK = 500  # ids bound at a time in an ``IN (...)`` (SQLite limits bound parameters)


def chunks(ids: list, size: int = CHUNK):
    """``ids`` a slice of ``size`` at a time."""
    for k in range(0, len(ids), size):
        yield ids[k : k + size]


def rows_for_ids(db, sql: str, ids: list):
    """The rows of ``sql`` (holding one ``IN ({})``) for every chunk of ``ids``."""
    for chunk in chunks(ids):
        yield from db.execute(sql.format(", ".join("?" * len(chunk))), chunk).fetchall()


def default_db_path() -> Path:
    """``$FACTLEDGER_DB`` or ``./ledger.db``."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


SQL_INT_MAX = 2**63 - 1  # SQLite's INTEGER is 64 bits


def sql_number(value: Fraction | int | float | None) -> int | float | None:
    """A value for SQLite: an integer whenever it is whole and fits SQLite's 64-bit
    INTEGER, else a float (a whole number beyond 2^63 is kept as the nearest float;
    the README says so). Every value written to the ledger goes through here."""
    if value is None:
        return None
    value = Fraction(value)
    if value.denominator == 1 and -SQL_INT_MAX - 1 <= value.numerator <= SQL_INT_MAX:
        return value.numerator
    return float(value)


def describe_sqlite_error(path: Path | str, exc: Exception) -> str:
    """A one-line reason for an SQLite failure, naming the ledger file."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        reason = "the ledger is locked by another process; try again when it has finished"
    elif "readonly" in text or "read-only" in text:
        reason = "the ledger is read-only (check the file's and its folder's permissions)"
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        reason = "not a fact-ledger ledger: the file is not a valid SQLite database"
    elif "unable to open" in text:
        reason = "cannot open the ledger file (does its folder exist and is it writable?)"
    elif "disk" in text and "full" in text:
        reason = "the disk is full"
    else:
        reason = str(exc)
    return f"{path}: {reason}"


class Ledger:
    """A fact-ledger SQLite file. The engine's single door to storage."""

    def __init__(self, path: str | os.PathLike | None = None, *, create: bool = True) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.on_wait: Callable[[str], None] | None = None  # told when a write must wait
        if not create and not self.path.exists():
            raise LedgerError(f"{self.path}: no ledger here (run `factledger ingest` first)")
        try:
            conn = sqlite3.connect(str(self.path), timeout=_busy_timeout())
            self.db = sqlite_utils.Database(conn)
            self.db.execute("PRAGMA foreign_keys = ON")
            if create:
                if self.db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.db.conn.execute("PRAGMA journal_mode = WAL")
                self._migrate()
            else:
                self.db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                if "articles" not in self.db.table_names():
                    raise LedgerError(f"{self.path}: not a fact-ledger ledger (no articles table)")
                self._refuse_newer_schema()
                if migrations.pending(self.db):
                    migrations.apply(self.db)  # a ledger made by an older version
        except sqlite3.Error as exc:
            raise LedgerError(describe_sqlite_error(self.path, exc)) from exc

    def _refuse_newer_schema(self) -> None:
        """A ledger written by a newer fact-ledger has migrations this one does not know:
        using it could corrupt what the newer version wrote, so it is refused."""
        if "_sqlite_migrations" not in self.db.table_names():
            return
        known = {m.name for m in migrations._migrations}
        applied = [
            name
            for (name,) in self.db.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name]
            )
        ]
        newer = [name for name in applied if name not in known]
        if newer:
            raise LedgerError(
                f"{self.path}: written by a newer fact-ledger (schema {newer[-1]}); "
                f"this is {__version__}: upgrade fact-ledger to use this ledger"
            )

    def _migrate(self) -> None:
        self._refuse_newer_schema()
        tables = set(self.db.table_names())
        if tables and "articles" not in tables and "_sqlite_migrations" not in tables:
            raise LedgerError(
                f"{self.path}: an SQLite database that is not a fact-ledger ledger; "
                "use another --db path"
            )
        if migrations.pending(self.db):
            migrations.apply(self.db)

    def close(self) -> None:
        self.db.close()

    def changes_seen(self) -> int:
        """A number that changes whenever another connection (a decision in a worker,
        the command line) has committed to this ledger since it was last read: a view
        read at one value is still current while it holds (SQLite's ``data_version``;
        it reads no table and holds no snapshot)."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One atomic write: all of it lands, or none of it. The write lock is taken at
        the start (``BEGIN IMMEDIATE``), so a writer waits its turn for up to the busy
        timeout instead of failing at once when another process wrote first; a nested
        transaction is a savepoint."""
        conn = self.db.conn
        try:
            if conn.in_transaction:
                with self.db.atomic():
                    yield self.db
                return
            self._begin_immediate()
            try:
                yield self.db
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        except sqlite3.Error as exc:
            raise LedgerError(describe_sqlite_error(self.path, exc)) from exc

    def _begin_immediate(self) -> None:
        """Take the write lock; when a full link holds it, wait for that link."""
        conn = self.db.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
                raise

            def attempt() -> bool:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    return True
                except sqlite3.OperationalError:
                    return False

            if not wait_while_running(self.path, attempt, self.on_wait):
                raise

    # ---------------------------------------------------------------- reading
    def source_map(self) -> dict[str, str]:
        """Every known source and the article it holds."""
        return dict(self.db.execute("SELECT source, article_id FROM sources").fetchall())

    def article_extractors(self) -> dict[str, str]:
        """Every article id and the extractor version that produced its mentions."""
        return dict(self.db.execute("SELECT id, extractor FROM articles").fetchall())

    def count(self, table: str, where: str = "", params: Iterable = ()) -> int:
        sql = f"SELECT count(*) FROM [{table}]" + (f" WHERE {where}" if where else "")
        return self.db.execute(sql, list(params)).fetchone()[0]

    # ---------------------------------------------------------------- writing
    def add_source(
        self, db: sqlite_utils.Database, source: str, article_id: str, name: str
    ) -> None:
        db["sources"].upsert(
            {"source": source, "article_id": article_id, "name": name, "seen_at": now()},
            pk="source",
        )

    def write_article(
        self,
        db: sqlite_utils.Database,
        article: dict,
        mentions: list[Mention],
        search_title: str,
        search_text: str,
    ) -> None:
        """Insert or replace one article with its mentions and search entry."""
        article_id = article["id"]
        existing = db.execute("SELECT rowid FROM articles WHERE id = ?", [article_id]).fetchone()
        if existing:
            self._drop_mentions(db, article_id)
            self._unindex(db, existing[0])
            db["articles"].update(article_id, article)
            rowid = existing[0]
        else:
            db["articles"].insert(article)
            rowid = db.execute("SELECT rowid FROM articles WHERE id = ?", [article_id]).fetchone()[
                0
            ]
        db.execute(
            "INSERT INTO article_search(rowid, title, text) VALUES (?, ?, ?)",
            [rowid, search_title, search_text],
        )
        db["mentions"].insert_all((mention_row(article_id, m) for m in mentions), batch_size=500)

    def _drop_mentions(self, db: sqlite_utils.Database, article_id: str) -> None:
        # with their scored and told-apart pairs: a mention id may be reused, and a stale
        # veto would forbid a join outright
        ids = "SELECT id FROM mentions WHERE article_id = ?"
        for table in ("pair_scores", "pair_vetoes"):
            db.execute(f"DELETE FROM {table} WHERE mention_a IN ({ids})", [article_id])
            db.execute(f"DELETE FROM {table} WHERE mention_b IN ({ids})", [article_id])
        db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])

    def _unindex(self, db: sqlite_utils.Database, rowid: int) -> None:
        from .normalize import normalize

        row = db.execute("SELECT title, text FROM articles WHERE rowid = ?", [rowid]).fetchone()
        if row is None:
            return
        db.execute(
            "INSERT INTO article_search(article_search, rowid, title, text) "
            "VALUES ('delete', ?, ?, ?)",
            [rowid, normalize(row[0] or "").text, normalize(row[1] or "").text],
        )

    def remove_article(self, db: sqlite_utils.Database, article_id: str) -> None:
        """Delete an article no source refers to any more, with its mentions."""
        row = db.execute("SELECT rowid FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            return
        self._drop_mentions(db, article_id)
        self._unindex(db, row[0])
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def orphaned(self, db: sqlite_utils.Database, article_id: str) -> bool:
        """True when no source refers to ``article_id`` any more."""
        row = db.execute("SELECT 1 FROM sources WHERE article_id = ? LIMIT 1", [article_id])
        return row.fetchone() is None

    def set_meta(self, db: sqlite_utils.Database, key: str, value: str) -> None:
        db["meta"].upsert({"key": key, "value": value}, pk="key")

    # ---------------------------------------------------------------- queries
    def search(self, query: str, limit: int = 50) -> list[dict]:
        """Articles whose normalised title or text match an FTS5 query."""
        from .normalize import normalize_word

        sql = (
            "SELECT a.id, a.name, a.title, a.outlet, a.published FROM article_search s "
            "JOIN articles a ON a.rowid = s.rowid WHERE article_search MATCH ? LIMIT ?"
        )
        try:
            return [dict(r) for r in self.db.query(sql, [normalize_word(query), limit])]
        except sqlite3.OperationalError as exc:
            raise RequestError(f"bad search query {query!r}: {exc}") from exc


def mention_row(article_id: str, m: Mention) -> dict:
    """The ``mentions`` row of one extracted mention."""
    return {
        "article_id": article_id,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "is_claim": int(m.is_claim),
        "kind": m.kind,
        "qualifier": m.qualifier,
        "value": sql_number(m.value),
        "low": sql_number(m.low),
        "high": sql_number(m.high),
        "unit": m.unit,
        "entity": m.entity,
        "event": m.event,
        "label": m.label,
        "sentence": m.sentence,
        "sentence_start": m.sentence_start,
        "field": m.field,
    }


def _busy_timeout() -> float:
    try:
        return int(os.environ.get(BUSY_TIMEOUT_ENV, "5000")) / 1000
    except ValueError:
        return 5.0
