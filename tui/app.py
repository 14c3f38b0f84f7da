"""The fact-ledger terminal app: articles beside the ledger, keyboard first."""

from __future__ import annotations

import gc
from dataclasses import replace
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Header, Input, Label, LoadingIndicator

from ledger import Ledger, LedgerError
from ledger.queries import (
    ClaimPage,
    ClaimQuery,
    ClaimSearch,
    FilterError,
    SearchSeed,
    figure_of,
    parse_filter,
)  # fmt: skip
from ledger.queries import article as load_article
from ledger.terminal import plural

from . import settings
from .actions import bindings, palette
from .bidi_display import LOGICAL, VISUAL
from .components.article_list import ArticleList
from .components.article_view import ArticleView
from .components.columns_screen import ColumnsScreen
from .components.conflicts_screen import ConflictsScreen
from .components.error_screen import ErrorScreen
from .components.export_screen import ExportScreen
from .components.figure_screen import FigureScreen
from .components.help_screen import HelpScreen
from .components.key_bar import KeyBar
from .components.ledger_table import ALL_COLUMNS, BLOCK, DEFAULT_COLUMNS, LedgerTable
from .components.log_screen import LogScreen
from .decision_keys import DecisionKeys
from .heap import freeze_heap
from .messages import (
    ConflictsLoaded,
    HaystackReady,
    LedgerChanged,
    LedgerOpened,
    LedgerUnusable,
    Notice,
    OrderReady,
    RowsReady,
)  # fmt: skip

ARTICLE_DELAY = 0.06  # seconds the article pane waits for the cursor to settle
NARROW = 170  # below this many columns the panes stack: the text above, the ledger below
OUTSIDE_CHECK = 2.0  # seconds between looks for changes another program made to the ledger
ORDER_DELAY = 0.3  # seconds after the rows are shown before the order of all is read


class FactLedgerApp(DecisionKeys, App):
    """Articles, their text and the ledger of claims; decisions on keys."""

    TITLE = "fact-ledger"
    CSS_PATH = "app.tcss"
    BINDINGS = bindings()

    def __init__(self, db_path: str | Path, build_from_seeds: bool = True) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.build_from_seeds = build_from_seeds
        self.ledger: Ledger | None = None
        self.search: ClaimSearch | None = None
        self.claim_query = ClaimQuery(limit=BLOCK)
        self.filter_text = ""  # the filter the rows show (the box may hold more, unapplied)
        self.ledger_total = 0
        self.marked: int | None = None
        self.mode = settings.bidi_mode()
        self.shown_columns = set(settings.columns(DEFAULT_COLUMNS, ALL_COLUMNS))
        self.current_article: str | None = None
        self.total = 0
        self._article_timer = None
        self._order_timer = None  # the order's read, waiting for the rows to be drawn
        self.changes = 0  # decisions, undos and re-links this app has seen land
        self.conflicts_read: tuple | None = None  # (changes, the ledger's) when last read

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="reading"):
                yield ArticleList(id="articles-pane")
                yield ArticleView(id="article-view")
            with Vertical(id="ledger-pane"):
                yield Input(
                    placeholder="/ filter: words  kind:count  value:100..1000  conflicts  sort:-value",
                    id="filter",
                )
                yield Label("", id="status")
                yield LedgerTable(self.shown_columns, self.mode, id="ledger")
        yield LoadingIndicator(id="loading")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = f"{self.db_path.name} · {self.mode}"
        self.set_class(self.size.width < NARROW, "narrow")
        self.query_one("#ledger", LedgerTable).build_columns()
        self.open_ledger()

    # ------------------------------------------------------------------ opening
    @work(thread=True, exclusive=True, group="open")
    def open_ledger(self) -> None:
        """Open (or build from the seeds) the ledger off the UI thread."""
        try:
            if not self.db_path.exists() and not self.build_from_seeds:
                raise LedgerError(f"{self.db_path}: no ledger here")
            probe = Ledger(self.db_path)
            empty = probe.count("articles") == 0
            if empty and self.build_from_seeds:
                from ledger import ingest
                from ledger.figures import link
                from ledger.seeds import seeds_dir

                self.post_message(Notice("New ledger: reading the bundled seed articles…"))
                report = ingest(probe, [str(seeds_dir())])
                self.post_message(
                    Notice(f"{report.added} articles, {report.claims} claims; linking…")
                )
                link(probe)
            probe.close()
        except LedgerError as exc:
            self.post_message(LedgerUnusable(str(exc)))
            return
        except Exception as exc:  # a corrupt file can fail in many ways
            self.post_message(LedgerUnusable(f"{self.db_path}: {exc}"))
            return
        self.post_message(LedgerOpened())

    def on_notice(self, message: Notice) -> None:
        if message.severity == "error":
            self.query_one("#loading").display = False
        self.notify(message.text, severity=message.severity)

    def on_ledger_unusable(self, message: LedgerUnusable) -> None:
        self.push_screen(ErrorScreen(message.reason))

    def on_ledger_opened(self, _message: LedgerOpened) -> None:
        self.ledger = Ledger(self.db_path)
        self.search = ClaimSearch(self.ledger)
        self.version_seen = self.ledger.changes_seen()
        self.set_interval(OUTSIDE_CHECK, self.look_outside)
        self.query_one("#loading").display = False
        self.load_rows()
        self.load_articles()
        self.warm_filter()
        self.warm_engine()
        self.query_one("#ledger", LedgerTable).focus()

    @work(thread=True, exclusive=True, group="warm")
    def warm_engine(self) -> None:
        """Import the engine's figure and decision modules in the background after first
        paint, so the first figure page or decision does not wait for them."""
        import ledger.decisions
        import ledger.figures  # noqa: F401

    @work(thread=True, exclusive=True, group="filter")
    def warm_filter(self) -> None:
        """Build the fuzzy filter's haystack in the background after first paint."""
        ledger = Ledger(self.db_path, create=False)
        try:
            self.post_message(HaystackReady(ClaimSearch(ledger).haystack()))
        finally:
            ledger.close()

    def on_resize(self, event) -> None:
        """Stack the panes on a narrow terminal (the articles list then shows on ``t``)."""
        self.set_class(event.size.width < NARROW, "narrow")

    def action_toggle_articles(self) -> None:
        """Show or hide the list of articles (shown, it takes the keys)."""
        self.toggle_class("articles-hidden" if not self.has_class("narrow") else "articles-shown")
        pane = self.query_one("#articles-pane")
        self.call_after_refresh(
            lambda: (self.query_one("#articles", DataTable) if pane.display
                     else self.query_one("#ledger", LedgerTable)).focus()
        )  # fmt: skip

    # ------------------------------------------------------------------ ledger table
    def action_columns(self) -> None:
        """Choose the ledger's columns (kept between runs)."""
        table = self.query_one("#ledger", LedgerTable)

        def apply(chosen: list[str] | None) -> None:
            if not chosen:
                return
            self.shown_columns = set(chosen)
            settings.save_columns([k for k in ALL_COLUMNS if k in self.shown_columns])
            row = self.current_row()
            table.build_columns(self.shown_columns)
            self.load_rows(keep_mention=row["mention_id"] if row else None)

        self.push_screen(ColumnsScreen(table.choices()), apply)

    def load_rows(
        self, keep_mention: int | None = None, at_top: bool = False, first: ClaimPage | None = None
    ) -> None:
        """Show the query's rows through the engine's query API: its first block now, the
        rest as the table draws them. The cursor goes to the top (``at_top``: a new
        filter or sort), else stays on its row, on mention ``keep_mention`` if near."""
        if self.search is None:
            return
        table = self.query_one("#ledger", LedgerTable)
        q = replace(self.claim_query, offset=0, limit=table.block)
        search = self.search
        order_coming = first is not None  # a filter's worker reads the order after them
        if first is None:
            first = search.page(q)
        self.total, self.ledger_total = first.total, first.ledger_total

        def fetch(offset: int, limit: int) -> list[dict]:
            return search.rows_at(q, offset, limit)

        table.mode = self.mode
        table.mark_sort(q.sort, q.descending)
        table.show_rows(fetch, first.total, first.rows, keep_mention, at_top)
        self._show_status(table)
        if (
            first.total > table.block
            and not order_coming
            and not q.text.strip()
            and not search.has_order(q)
        ):  # (a word filter's few rows are read at once)
            # once the rows are drawn: read beside the refresh, it slowed it down
            changes = self.changes
            if self._order_timer is not None:
                self._order_timer.stop()
            self._order_timer = self.set_timer(ORDER_DELAY, lambda: self.warm_order(q, changes))

    @work(thread=True, exclusive=True, group="order")
    def warm_order(self, q: ClaimQuery, changes: int) -> None:
        """Read the order of every row of the query on a connection of its own, so a
        jump deep into the ledger (End, the scrollbar) fetches its rows by id at once."""
        ledger = Ledger(self.db_path, create=False)
        try:
            ids = ClaimSearch(ledger).order(q)
        finally:
            ledger.close()
        self.post_message(OrderReady(q, ids, changes))

    def on_order_ready(self, message: OrderReady) -> None:
        if self.search is not None and message.changes == self.changes:
            self.search.adopt_order(message.query, message.ids)

    @on(LedgerTable.RowsShown, "#ledger")
    def _rows_shown(self, _event: LedgerTable.RowsShown) -> None:
        self._show_status(self.query_one("#ledger", LedgerTable))

    def _show_status(self, table: LedgerTable) -> None:
        """Which rows are in view, of how many, and how they are sorted."""
        top = round(table.scroll_y)
        last = min(self.total, top + table.rows_in_view)
        first = top + 1 if self.total else 0
        self.query_one("#status", Label).update(Text(
            f"rows {first:,}–{last:,} of {self.total:,} "
            f"(ledger: {self.ledger_total:,} claims)" + self._sort_note()
            + (f" · marked {self.marked}" if self.marked else "")
        ))  # fmt: skip

    def _sort_note(self) -> str:
        q = self.claim_query
        if q.sort in (None, "", "mention_id") and not q.descending:
            return ""
        return f" · sorted by {q.sort} {'▼' if q.descending else '▲'}"

    # actions that act on a row: on the figure page they act on its selected mention;
    # elsewhere (conflicts list, audit log) there is no row to act on
    ROW_ACTIONS = frozenset({"mark", "same", "merge", "split", "confirm", "resolve", "correct",
                             "not_claim", "figure"})  # fmt: skip

    MAIN_ACTIONS = frozenset({"filter", "page", "columns", "toggle_articles"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a prompt or dialog is open, its keys are its own: no shortcut fires
        behind it (typing ``e`` in a note never opens the export)."""
        if isinstance(self.screen, ModalScreen):
            return action in ("pop_screen", "quit") or None
        if action in self.ROW_ACTIONS and self.screen is not self.screen_stack[0]:
            return isinstance(self.screen, FigureScreen) and action != "figure"
        if action in self.MAIN_ACTIONS and self.screen is not self.screen_stack[0]:
            return False  # the filter, the pages and the columns are the main screen's
        # "/" typed into the filter (or any field) is a character
        return not (action == "filter" and isinstance(self.focused, Input))

    def current_row(self) -> dict | None:
        """The claim the analyst is looking at: the selected mention of an open figure
        page, else the selected row of the ledger table."""
        if isinstance(self.screen, FigureScreen):
            return self.screen.selected_row()
        return self.ledger_row()

    def ledger_row(self) -> dict | None:
        """The selected row of the ledger table (on the main screen)."""
        return self.screen_stack[0].query_one("#ledger", LedgerTable).current_row()

    @on(LedgerTable.RowHighlighted, "#ledger")
    def _row_highlighted(self, event: LedgerTable.RowHighlighted) -> None:
        """The cursor moved: the article follows a moment later, once the keys stop
        (holding a key down draws only the article it stops on)."""
        row = event.row
        if row is None:
            return
        if self._article_timer is not None:
            self._article_timer.stop()
        self._article_timer = self.set_timer(
            ARTICLE_DELAY, lambda: self.show_article(row["article_id"], row["mention_id"])
        )

    @on(LedgerTable.RowSelected, "#ledger")
    def _row_selected(self, _event: LedgerTable.RowSelected) -> None:
        self.action_figure()

    @on(LedgerTable.HeaderSelected, "#ledger")
    def _sort(self, event: LedgerTable.HeaderSelected) -> None:
        if self.claim_query.sort == event.key:
            self.claim_query.descending = not self.claim_query.descending
        else:
            self.claim_query.sort, self.claim_query.descending = event.key, False
        self.show_query()

    def action_page(self, delta: int) -> None:
        """A screen of rows down (1) or up (-1)."""
        self.query_one("#ledger", LedgerTable).action_screen(delta)

    # ------------------------------------------------------------------ filter
    def action_filter(self) -> None:
        """Focus the filter now, not after the next refresh: keys typed right after
        ``/`` (a fast typist, a paste) are the filter's words, never shortcuts."""
        self.screen.set_focus(self.query_one("#filter", Input))

    @on(Input.Submitted, "#filter")
    def _filter(self, event: Input.Submitted) -> None:
        self.apply_filter(event.value)
        self.query_one("#ledger", LedgerTable).focus()  # keys act on the rows again

    def apply_filter(self, text: str) -> None:
        try:
            q = parse_filter(text)
        except FilterError as exc:
            self.notify(str(exc), severity="error")
            return
        self.filter_text = text
        q.limit = BLOCK
        if q.sort == "mention_id" and "sort:" not in text:
            q.sort, q.descending = self.claim_query.sort, self.claim_query.descending
        self.claim_query = q
        self.show_query()

    def show_query(self) -> None:
        """Show the rows of the current query from the top: a structured filter in
        ledger order is read here (by index, a few ms); words matched over every claim
        or a sort over many rows (up to a few hundred ms) are read in a worker, and the
        rows shown keep the keys until they come."""
        q = self.claim_query
        if q.text.strip() or q.sort not in (None, "", "mention_id") or q.descending:
            seed = self.search.seed() if self.search is not None else None
            self.run_filter(replace(q, offset=0, limit=BLOCK), seed, self.changes)
        else:
            self.load_rows(at_top=True)

    @work(thread=True, exclusive=True, group="filter")
    def run_filter(self, q: ClaimQuery, seed: SearchSeed | None, changes: int) -> None:
        """A filter's words matched over every claim, or a sort over the whole ledger:
        its first rows, then the order of all of them, read on a connection of this
        thread (with the app's fuzzy index and counts, or an index built here the first
        time)."""
        ledger = Ledger(self.db_path, create=False)
        try:
            search = ClaimSearch(ledger, seed)
            page = search.page(q)
            fresh = seed is None or seed.haystack is None
            built = search.haystack() if fresh and q.text.strip() else None
            self.post_message(RowsReady(q, page, built))
            self.post_message(OrderReady(q, search.order(q), changes))
        finally:
            ledger.close()

    def on_rows_ready(self, message: RowsReady) -> None:
        if self.search is None:
            return
        if message.haystack is not None and not self.search.warm:
            self.search.adopt(message.haystack)
            freeze_heap()
        if replace(message.query, limit=BLOCK) != replace(self.claim_query, offset=0, limit=BLOCK):
            return  # another filter was applied since: its own rows are on their way
        self.load_rows(at_top=True, first=message.page)

    def on_haystack_ready(self, message: HaystackReady) -> None:
        if self.search is not None and message.haystack and not self.search.warm:
            self.search.adopt(message.haystack)
            freeze_heap()

    def on_key(self, event) -> None:
        if event.key == "escape" and self.focused is self.query_one("#filter", Input):
            # the words typed but not applied go: the box shows the filter the rows are
            self.query_one("#filter", Input).value = self.filter_text
            self.query_one("#ledger", LedgerTable).focus()

    # ------------------------------------------------------------------ articles
    def load_articles(self) -> None:
        """(Re)load the article list: its first rows now, the rest as the analyst
        scrolls down to them."""
        self.query_one(ArticleList).load(self.db_path, self.mode)

    @on(ArticleList.Chosen)
    def _article_chosen(self, event: ArticleList.Chosen) -> None:
        self.show_article(event.article_id, None)

    def show_article(self, article_id: str, mention_id: int | None) -> None:
        if self.ledger is None:
            return
        try:
            art = load_article(self.ledger, article_id)
        except KeyError:
            return
        self.current_article = article_id
        self.query_one(ArticleView).show(art, mention_id, self.mode)

    @on(ArticleView.MentionChosen)
    def _mention_chosen(self, event: ArticleView.MentionChosen) -> None:
        """A mention picked in the text: find and select its row."""
        if self.search is None:
            return
        position = self.search.position(self.claim_query, event.mention_id)
        if position is None:  # filtered out: clear the filter to show it
            self.claim_query = ClaimQuery(
                limit=BLOCK, sort=self.claim_query.sort, descending=self.claim_query.descending
            )
            self.query_one("#filter", Input).value = ""
            position = self.search.position(self.claim_query, event.mention_id)
            if position is None:
                return
            self.load_rows(at_top=True)
        table = self.query_one("#ledger", LedgerTable)
        table.move_cursor(position)
        table.focus()

    # ------------------------------------------------------------------ views
    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_toggle_bidi(self) -> None:
        self.mode = LOGICAL if self.mode == VISUAL else VISUAL
        settings.save_bidi_mode(self.mode)
        self.sub_title = f"{self.db_path.name} · {self.mode}"
        row = self.current_row()
        self.load_rows(keep_mention=row["mention_id"] if row else None)
        self.load_articles()
        view = self.screen_stack[0].query_one(ArticleView)
        view.mode = self.mode
        view.refresh_text()
        if isinstance(self.screen, FigureScreen):  # redraw the open figure page too
            self._refresh_figure(self.screen, None)
        self.notify(
            f"Arabic shown {self.mode}ly"
            if self.mode == VISUAL
            else "Arabic shown in logical order"
        )

    def action_conflicts(self) -> None:
        """The conflicts view: read in a worker, with the loading indicator meanwhile;
        shown again at once while nothing has changed since it was read."""
        if self.ledger is None:
            return
        seen = (self.changes, self.ledger.changes_seen())
        if seen == self.conflicts_read and self.is_screen_installed("conflicts"):
            self.push_screen("conflicts")
            return
        self.conflicts_read = seen
        self.query_one("#loading").display = True
        self.fetch_conflicts()

    @work(thread=True, exclusive=True, group="conflicts")
    def fetch_conflicts(self, show: bool = True) -> None:
        from ledger.figures import conflicts

        ledger = Ledger(self.db_path, create=False)
        try:
            self.post_message(ConflictsLoaded(conflicts(ledger), show))
        except LedgerError as exc:
            self.post_message(Notice(str(exc), "error"))
        finally:
            ledger.close()

    def on_conflicts_loaded(self, message: ConflictsLoaded) -> None:
        self.query_one("#loading").display = False
        if not self.is_screen_installed("conflicts"):
            self.install_screen(ConflictsScreen(), "conflicts")
        page = self.get_screen("conflicts")
        page.show(message.rows, self.mode)
        if message.show and self.screen is not page:
            self.push_screen("conflicts")

    def action_figure(self) -> None:
        row = self.current_row()
        if row is not None and row["claim_id"] is not None:
            self.open_figure(row["claim_id"])

    def open_figure(self, claim_id: int) -> None:
        from ledger.figures import figure

        try:
            fig = figure(self.ledger, claim_id)
        except LedgerError as exc:
            self.notify(str(exc), severity="error")
            return
        self._show_figure(fig)

    def _show_figure(self, fig: dict) -> None:
        """Show a figure on the app's one figure page, opening the page if need be."""
        if not self.is_screen_installed("figure"):
            self.install_screen(FigureScreen(), "figure")
        page = self.get_screen("figure")
        page.show(fig, self.mode)
        if self.screen is not page:
            self.push_screen("figure")

    def action_audit_log(self) -> None:
        from ledger.decisions import log

        self.push_screen(LogScreen(log(self.ledger), self.mode))

    # ------------------------------------------------------------------ after a change
    def look_outside(self) -> None:
        """Has another program (the command line: a decision, an ingest) changed the
        ledger since the app last read it? Then every view reads it again."""
        if self.ledger is None or any(
            w.group == "decide" and not w.is_finished for w in self.workers
        ):
            return  # the app's own decision: its LedgerChanged is on its way
        version = self.ledger.changes_seen()
        if version != self.version_seen:
            self.version_seen = version
            self.post_message(LedgerChanged("the ledger was changed outside the app: "
                                            "shown afresh", outside=True))  # fmt: skip

    def on_ledger_changed(self, message: LedgerChanged) -> None:
        """After a decision, an undo or a re-link: every visible view reads again."""
        keep = message.keep
        self.changes += 1
        self.notify(message.text)
        if self.ledger is not None:
            self.version_seen = self.ledger.changes_seen()
        if self.search is not None:
            self.search.invalidate(words=message.outside)
            if message.outside:
                self.warm_filter()
                self.load_articles()
        figure_page = self.screen if isinstance(self.screen, FigureScreen) else None
        self.load_rows(keep_mention=keep)
        if self.current_article:
            self.show_article(self.current_article, keep)
        if figure_page is not None:
            self._refresh_figure(figure_page, keep)
        if isinstance(self.screen, LogScreen):
            from ledger.decisions import log

            self.screen.show(log(self.ledger))
        if (
            self.is_screen_installed("conflicts")
            and self.get_screen("conflicts") in self.screen_stack
        ):
            # the conflicts page under a figure page opened on it: read again, shown when
            # the analyst comes back to it (never pushed over what they look at)
            self.conflicts_read = (self.changes, self.ledger.changes_seen())
            self.fetch_conflicts(show=False)

    def _refresh_figure(self, screen: FigureScreen, keep: int | None) -> None:
        """Show the figure page again after a decision: the figure of the mention the
        analyst acted on (it may have moved), else the figure shown before."""
        from ledger.figures import figure

        claim = screen.figure["claim_id"]
        if keep is not None:
            claim = figure_of(self.ledger, keep) or claim
        try:
            fig = figure(self.ledger, claim)
        except LedgerError:
            self.pop_screen()
            return
        screen.show(fig, self.mode, keep)

    # ------------------------------------------------------------------ export, link
    def action_export(self) -> None:
        def done(answer) -> None:
            if answer:
                path, excel, conflicts_only = answer
                self.run_export(path, excel, conflicts_only)

        default = Path(self.db_path).expanduser().resolve().with_suffix(".csv")
        self.push_screen(ExportScreen(str(default)), done)

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, path: str, excel: bool, conflicts_only: bool) -> None:
        from ledger import Database

        target = Path(path).expanduser()
        ledger = Ledger(self.db_path, create=False)
        try:
            rows = Database.wrap(ledger).export(target, conflicts_only=conflicts_only, excel=excel)
        except OSError as exc:
            self.post_message(Notice(f"{target}: {exc.strerror or exc}", "error"))
            return
        finally:
            ledger.close()
        self.post_message(Notice(f"wrote {rows} rows to {target}"))

    def action_relink(self) -> None:
        self.run_relink()

    @work(thread=True, exclusive=True, group="decide")
    def run_relink(self) -> None:
        from ledger.figures import link

        self.post_message(Notice("re-linking…"))
        ledger = Ledger(self.db_path, create=False)
        try:
            report = link(ledger)
        except LedgerError as exc:
            self.post_message(Notice(str(exc), "error"))
            return
        finally:
            ledger.close()
        self.post_message(LedgerChanged(
            f"linked: {plural(report.figures, 'figure')}, {plural(report.conflicts, 'conflict')}"
            f" in {report.seconds} s"
        ))  # fmt: skip

    # ------------------------------------------------------------------ palette
    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        for action in palette():
            yield SystemCommand(action.title, action.help[:1].upper() + action.help[1:],
                                partial(self.run_action, action.action))  # fmt: skip

    def on_unmount(self) -> None:
        # a pending article redraw must not run on the closed ledger
        if self._article_timer is not None:
            self._article_timer.stop()
        ledger, self.ledger, self.search = self.ledger, None, None
        if ledger is not None:
            ledger.close()
        gc.unfreeze()  # what the app held may be collected again (freeze_heap)


def run(db_path: str | Path) -> int:
    """Open the app on ``db_path``; its exit code (3 when the ledger cannot be used)."""
    app = FactLedgerApp(db_path)
    app.run()
    return app.return_code or 0
