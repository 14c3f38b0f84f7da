"""The ledger table draws only the rows in view and fetches them a block at a time:
driven with Pilot on the seeds' ledger with blocks of 4 rows (so its 34 claims span
nine blocks, as a corpus ledger's 134,000 span 1,344 of 100)."""

import pytest
from textual.widgets import Label
from tui_testing import opened, ready

from ledger import Ledger
from ledger.queries import ClaimQuery, ClaimSearch
from tui.components.article_view import ArticleView
from tui.components.ledger_table import LedgerTable


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(LedgerTable, "block", 4)
    monkeypatch.setattr(LedgerTable, "blocks_kept", 3)


def engine_rows(path, query: ClaimQuery | None = None) -> list[dict]:
    """Every row of a query, read straight from the engine."""
    ledger = Ledger(path)
    try:
        return ClaimSearch(ledger).page(query or ClaimQuery(limit=1000)).rows
    finally:
        ledger.close()


def drawn_ids(table: LedgerTable) -> list[int]:
    """The mention ids in the first column of the lines drawn under the header."""
    ids = []
    for y in range(1, table.scrollable_content_region.height):
        first = table.render_line(y).text.split()
        if first and first[0].isdigit():
            ids.append(int(first[0]))
    return ids


def status(app) -> str:
    return str(app.query_one("#status", Label).render())


async def test_only_the_first_block_is_read_to_open(seeded_path):
    async with opened(seeded_path) as (app, _pilot):
        table = app.query_one("#ledger", LedgerTable)
        assert table.row_count == 34
        shown = drawn_ids(table)
        assert shown == [r["mention_id"] for r in engine_rows(seeded_path)[: len(shown)]]
        assert len(shown) == table.rows_in_view < 34  # a screen, not the whole ledger
        # the blocks of the rows on screen, no more
        assert table.blocks_held == list(range((len(shown) - 1) // 4 + 1))


async def test_end_draws_the_last_rows_and_home_the_first(seeded_path):
    async with opened(seeded_path) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        table.focus()
        rows = engine_rows(seeded_path)
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 33
        assert table.current_row()["mention_id"] == rows[-1]["mention_id"]
        shown = drawn_ids(table)
        assert shown == [r["mention_id"] for r in rows[-len(shown) :]]
        assert "–34 of 34" in status(app)
        assert len(table.blocks_held) <= 3  # blocks scrolled past are let go
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0 and drawn_ids(table)[0] == rows[0]["mention_id"]
        assert status(app).startswith("rows 1–")


async def test_page_down_moves_a_screen_of_rows(seeded_path):
    async with opened(seeded_path) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        table.focus()
        rows = engine_rows(seeded_path)
        screen = table.rows_in_view
        await pilot.press("pagedown")
        await pilot.pause()
        assert table.cursor_row == screen
        assert drawn_ids(table)[0] == rows[screen]["mention_id"]
        assert status(app).startswith(f"rows {screen + 1}–")
        await pilot.press("right_square_bracket", "left_square_bracket")  # the app's keys
        await pilot.pause()
        assert table.cursor_row == screen


async def test_a_sorted_ledger_draws_its_last_rows_in_order(seeded_path):
    async with opened(seeded_path) as (app, pilot):
        app.apply_filter("sort:-value")
        await ready(app, pilot)
        table = app.query_one("#ledger", LedgerTable)
        table.focus()
        await pilot.press("end")
        await pilot.pause()
        rows = engine_rows(seeded_path, ClaimQuery(sort="value", descending=True, limit=1000))
        shown = drawn_ids(table)
        assert shown == [r["mention_id"] for r in rows[-len(shown) :]]
        assert "▼" in table.render_line(0).text


async def test_a_decision_deep_in_the_ledger_keeps_the_cursor_there(seeded_path):
    async with opened(seeded_path) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        table.focus()
        rows = engine_rows(seeded_path)
        deep = next(i for i in range(len(rows) - 1, 0, -1) if rows[i]["claim_id"] is not None)
        table.move_cursor(deep)
        await pilot.pause()
        mention = rows[deep]["mention_id"]
        await pilot.press("x")  # split it off its figure
        await ready(app, pilot)
        assert table.cursor_row == deep
        assert table.current_row()["mention_id"] == mention
        assert mention in drawn_ids(table)
        after = {r["mention_id"]: r for r in engine_rows(seeded_path)}
        assert table.current_row()["claim_id"] == after[mention]["claim_id"]  # read afresh


async def test_a_mention_chosen_in_the_text_selects_its_row_deep_in_the_ledger(seeded_path):
    async with opened(seeded_path) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        rows = engine_rows(seeded_path)
        last = rows[-1]["mention_id"]
        app.query_one(ArticleView).post_message(ArticleView.MentionChosen(last))
        await ready(app, pilot)
        assert table.cursor_row == 33
        assert last in drawn_ids(table)
        assert app.focused is table


async def test_a_click_selects_a_row_and_a_second_opens_its_figure(seeded_path):
    from tui.components.figure_screen import FigureScreen

    async with opened(seeded_path) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        rows = engine_rows(seeded_path)
        await pilot.click("#ledger", offset=(3, 3))  # the third row under the header
        await pilot.pause()
        assert table.cursor_row == 2
        assert app.ledger_row()["mention_id"] == rows[2]["mention_id"]
        await pilot.click("#ledger", offset=(3, 3))
        await ready(app, pilot)
        assert isinstance(app.screen, FigureScreen)
        assert app.screen.figure["claim_id"] == rows[2]["claim_id"]


async def test_scrolling_draws_the_rows_scrolled_to_and_the_status_follows(seeded_path):
    """As the wheel or the scrollbar scrolls it, the cursor staying where it was."""
    async with opened(seeded_path) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        rows = engine_rows(seeded_path)
        table.scroll_to(y=7, animate=False)
        await pilot.pause()
        assert round(table.scroll_y) == 7 and table.cursor_row == 0
        assert drawn_ids(table)[0] == rows[7]["mention_id"]
        assert status(app).startswith("rows 8–")


async def test_the_status_follows_a_resized_terminal(seeded_path):
    async with opened(seeded_path) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        before = table.rows_in_view
        assert status(app).startswith(f"rows 1–{before} of 34")
        await pilot.resize_terminal(100, 40)
        await ready(app, pilot)
        assert table.rows_in_view > before
        assert status(app).startswith(f"rows 1–{table.rows_in_view} of 34")
