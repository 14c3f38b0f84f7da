"""The list of articles, conflicts first: read in a worker, its first rows shown at once
and the rest as the analyst scrolls down to them."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Label

from ledger import Ledger
from ledger.queries import articles

from ..bidi_display import cell
from ..heap import freeze_heap
from ..messages import ArticlesLoaded

ARTICLE_PAGE = 500  # the list grows by this many rows as the analyst scrolls
ARTICLE_COLUMNS = (("outlet", 9), ("date", 10), ("title", 22), ("claims", 6), ("⚑", 2))
NEAR_END = 20  # rows from the end of what is shown at which the next rows are built


def article_cells(rows: list[dict], mode: str) -> list[tuple[tuple[Text, ...], str]]:
    """The article list's cells (reordered Arabic) and row keys."""
    widths = dict(ARTICLE_COLUMNS)
    return [
        ((cell(r["outlet"], mode, widths["outlet"]), cell((r["published"] or "")[:10], mode),
          cell(r["title"] or r["name"], mode, widths["title"]), Text(str(r["claims"])),
          Text(str(r["conflicts"]) if r["conflicts"] else "", style="bold red")), r["id"])
        for r in rows
    ]  # fmt: skip


class ArticleTable(DataTable):
    """The articles' table: ``home`` and ``end`` go to the first and the last article
    shown (DataTable's own scroll sideways to the first and last column)."""

    BINDINGS = [
        Binding("home", "first_row", "First article", show=False),
        Binding("end", "last_row", "Last article", show=False),
    ]

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=max(0, self.row_count - 1))  # then the next rows are built


class ArticleList(Vertical):
    """Its label (how many are shown, of how many) over the table of articles."""

    class Chosen(Message):
        """The analyst chose an article (enter or a click)."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[dict] = []  # every article, in list order
        self.mode = "visual"
        self.db_path: Path | None = None

    def compose(self) -> ComposeResult:
        yield Label("Articles", id="articles-label")
        yield ArticleTable(id="articles", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#articles", DataTable)
        # fixed widths: the claims and ⚑ columns stay in view whatever the titles' length
        for label, width in ARTICLE_COLUMNS:
            table.add_column(label, width=width)

    def load(self, db_path: Path, mode: str) -> None:
        """(Re)read the list from the ledger at ``db_path``, its Arabic drawn in ``mode``."""
        self.db_path, self.mode = db_path, mode
        self._fetch(db_path, mode)

    @work(thread=True, exclusive=True, group="articles")
    def _fetch(self, db_path: Path, mode: str) -> None:
        ledger = Ledger(db_path, create=False)
        try:
            rows = articles(ledger)
        finally:
            ledger.close()
        rows.sort(key=lambda r: (-r["conflicts"], -(r["claims"] or 0)))
        self.post_message(ArticlesLoaded(article_cells(rows[:ARTICLE_PAGE], mode), rows))

    @work(thread=True, exclusive=True, group="articles")
    def _more(self, rows: list[dict], start: int, mode: str) -> None:
        """The next rows of the list, their cells built off the UI thread."""
        cells = article_cells(rows[start : start + ARTICLE_PAGE], mode)
        self.post_message(ArticlesLoaded(cells, rows, append=True))

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        message.stop()
        table = self.query_one("#articles", DataTable)
        if not message.append:
            table.clear()
            self.rows = message.rows
        for row, key in message.cells:
            table.add_row(*row, key=key)
        if not message.append:
            freeze_heap()  # what the list holds lives as long as the app
        total = len(self.rows)
        more = " · more below" if table.row_count < total else ""
        label = f"Articles {table.row_count:,} of {total:,} · conflicts first{more}"
        self.query_one("#articles-label", Label).update(label)

    @on(DataTable.RowHighlighted, "#articles")
    def _scrolled(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        table = event.data_table
        near_end = event.cursor_row >= table.row_count - NEAR_END
        if near_end and table.row_count < len(self.rows):
            self._more(self.rows, table.row_count, self.mode)

    @on(DataTable.RowSelected, "#articles")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key is not None and event.row_key.value:
            self.post_message(self.Chosen(event.row_key.value))
