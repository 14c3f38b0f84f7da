"""The terminal app, driven with Textual's Pilot on real ledgers in temp dirs."""

import csv
import json
import sqlite3

import pytest
from textual.widgets import DataTable, Input, Label, Markdown
from tui_testing import open_first_conflict, opened, ready

from ledger import Ledger, ingest
from ledger.figures import link
from tui.app import FactLedgerApp
from tui.components.article_view import ArticleView
from tui.components.conflicts_screen import ConflictsScreen
from tui.components.error_screen import ErrorScreen
from tui.components.figure_screen import FigureScreen
from tui.components.ledger_table import LedgerTable
from tui.components.log_screen import LogScreen


def ledger_rows(app) -> list[dict]:
    """Every row of the ledger table's query (the table fetches them as it draws)."""
    table = app.screen_stack[0].query_one("#ledger", LedgerTable)
    return table.rows_between(0, table.row_count)


def claim_of(path, mention_id):
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT claim_id FROM mentions WHERE id = ?", [mention_id]).fetchone()[0]
    finally:
        con.close()


async def goto(app, pilot, text: str, article_prefix: str) -> int:
    """Focus the ledger table and put the cursor on a claim; return its mention id."""
    table = app.query_one("#ledger", LedgerTable)
    table.focus()
    index = row_index(app, text, article_prefix)
    table.move_cursor(row=index)
    await pilot.pause()
    return ledger_rows(app)[index]["mention_id"]


def row_index(app, text: str, article_prefix: str) -> int:
    for i, r in enumerate(ledger_rows(app)):
        if r["text"] == text and r["article"].startswith(article_prefix):
            return i
    raise AssertionError(text)


async def test_opens_on_the_ledger_with_counts(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, _pilot):
        table = app.query_one("#ledger", LedgerTable)
        assert table.row_count == 34
        status = str(app.query_one("#status", Label).render())
        assert "of 34 (ledger: 34 claims)" in status
        assert app.query_one("#articles", DataTable).row_count == 5


async def test_nothing_reads_the_ledger_once_the_app_has_closed(seeded_path):
    """A redraw scheduled just before the app closes (the article pane follows the
    cursor 60 ms later) finds no ledger rather than a closed one."""
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        row = app.ledger_row()
        await pilot.press("down")  # schedules the article pane's redraw
    assert app.ledger is None and app.search is None
    app.show_article(row["article_id"], row["mention_id"])  # would raise on a closed ledger
    app.load_rows()


async def test_builds_from_seeds_when_new(tmp_path):
    path = tmp_path / "new.db"
    async with opened(path, (180, 45)) as (app, _pilot):
        assert app.query_one("#ledger", LedgerTable).row_count == 34
    assert path.exists()


async def test_filter_and_sort(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"conflicts", "enter")
        await ready(app, pilot)
        assert {r["text"] for r in ledger_rows(app)} == {"أكثر من 9 آلاف", "نحو 12 ألفاً"}
        app.query_one("#filter", Input).value = ""
        app.apply_filter("kind:count sort:-value")
        await ready(app, pilot)
        values = [r["value"] for r in ledger_rows(app) if r["value"] is not None]
        assert values == sorted(values, reverse=True) and values[0] == 12000
        app.apply_filter("value:100..1000")
        await ready(app, pilot)
        assert all(r["value"] is None or 100 <= r["value"] <= 1000 for r in ledger_rows(app))
        app.apply_filter("سجناء")  # fuzzy over entity, event, sentence, outlet
        await ready(app, pilot)
        assert 0 < len(ledger_rows(app)) < 33


async def test_row_opens_article_and_text_selects_row(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        table.focus()
        index = row_index(app, "نحو 12 ألفاً", "004")
        table.move_cursor(row=index)
        await pilot.pause(0.15)  # the article follows once the cursor settles
        view = app.query_one(ArticleView)
        assert view.article["name"].startswith("004")
        assert view.selected == ledger_rows(app)[index]["mention_id"]
        # pick another mention in the text: its row gets selected
        view.focus()
        await pilot.press("full_stop")
        await pilot.pause()
        assert app.current_row()["mention_id"] == view.selected


async def test_split_and_undo(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        mention = await goto(app, pilot, "نحو 12 ألفاً", "004")
        before = claim_of(seeded_path, mention)
        await pilot.press("x")
        await ready(app, pilot)
        assert claim_of(seeded_path, mention) == mention != before
        await pilot.press("u")
        await ready(app, pilot)
        assert claim_of(seeded_path, mention) == before


async def test_same_figure_by_marking(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        table.focus()
        a = row_index(app, "750", "003")
        b = row_index(app, "نحو 60", "004")
        ma, mb = ledger_rows(app)[a]["mention_id"], ledger_rows(app)[b]["mention_id"]
        table.move_cursor(row=a)
        await pilot.press("space")
        table.move_cursor(row=b)
        await pilot.press("s")
        await ready(app, pilot)
        assert claim_of(seeded_path, ma) == claim_of(seeded_path, mb)


async def test_resolve_with_note_and_audit_log(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        await goto(app, pilot, "نحو 12 ألفاً", "004")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"newer count", "enter")
        await ready(app, pilot)
        ledger = Ledger(seeded_path, create=False)
        assert ledger.db.execute(
            "SELECT status, note FROM figures WHERE conflict = 1"
        ).fetchone() == ("resolved", "newer count")
        ledger.close()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        assert app.screen.query_one(DataTable).row_count == 1


async def test_correct_value_and_not_a_claim(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        mention = await goto(app, pilot, "750", "003")
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one(Input).value = "٧٠٠"
        await pilot.press("enter")
        await ready(app, pilot)
        con = sqlite3.connect(seeded_path)
        assert con.execute(
            "SELECT value, corrected FROM mentions WHERE id = ?", [mention]
        ).fetchone() == (700, 1)
        con.close()
        await goto(app, pilot, "750", "003")
        await pilot.press("n")
        await ready(app, pilot)
        assert mention not in {r["mention_id"] for r in ledger_rows(app)}


async def test_figure_page_and_conflicts_view(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConflictsScreen)
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FigureScreen)
        chart = str(app.screen.query_one("#figure-chart").render())
        assert chart.count("[") + chart.count("(") >= 2
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]


async def test_conflicts_view_is_read_again_only_after_a_change(seeded_path):
    """Shown again at once while nothing changed; read again once another connection
    (here the engine, as the command line would) has resolved the conflict."""
    from ledger import Database

    async with opened(seeded_path, (180, 45)) as (app, pilot):
        reads = []
        fetch = app.fetch_conflicts
        app.fetch_conflicts = lambda: reads.append(1) or fetch()  # count the reads
        await pilot.press("c")
        await ready(app, pilot)
        claim = int(app.screen.rows[0]["claim_id"])
        await pilot.press("escape", "c")
        await ready(app, pilot)
        assert isinstance(app.screen, ConflictsScreen) and len(reads) == 1
        await pilot.press("escape")
        with Database(seeded_path, create=False) as other:
            other.resolve(claim, "checked with the ministry")
        await pilot.press("c")
        await ready(app, pilot)
        assert len(reads) == 2
        assert app.screen.rows[0]["status"] == "resolved"


async def test_export_from_the_app(seeded_path, tmp_path):
    target = tmp_path / "out.csv"
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(target)
        app.screen.query_one("#export-excel").value = True
        await pilot.press("enter")
        await ready(app, pilot)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 34


async def test_bidi_toggle_persists(seeded_path, tmp_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        assert app.mode == "visual"
        table = app.query_one("#ledger", LedgerTable)
        arabic = next(i for i, r in enumerate(ledger_rows(app)) if "من" in r["text"])
        text = ledger_rows(app)[arabic]["text"]
        assert text not in table.render_line(arabic + 1).text  # drawn reordered
        await pilot.press("b")
        await ready(app, pilot)
        assert app.mode == "logical"
        assert text in table.render_line(arabic + 1).text  # drawn as stored
    saved = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert saved["bidi_mode"] == "logical"
    assert FactLedgerApp(seeded_path).mode == "logical"


async def test_article_text_is_never_markup_or_escapes(ledger_path, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLEDGER_BIDI", "logical")
    evil = tmp_path / "evil.txt"
    evil.write_text(
        "[b]عاجل[/b] \x1b[31mقتل 5 أشخاص\x1b[0m [link=http://x]هنا[/link]", encoding="utf-8"
    )
    ledger = Ledger(ledger_path)
    ingest(ledger, [str(evil)])
    link(ledger)
    ledger.close()
    async with opened(ledger_path, (180, 45)) as (app, pilot):
        app.query_one("#ledger", LedgerTable).move_cursor(row=0)
        await pilot.pause()
        shown = app.query_one(ArticleView).body.render()
        plain = str(shown)
        assert "[b]" in plain and "\x1b" not in plain and "␛" in plain


async def test_corrupt_ledger_shows_a_message(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 50)
    async with opened(bad, (120, 30)) as (app, pilot):
        assert isinstance(app.screen, ErrorScreen)
        assert "not a valid SQLite database" in str(app.screen.query_one("#error-box").render())
        await pilot.press("q")
    assert app.return_code == 3  # a script sees the ledger could not be used


async def test_locked_ledger_decision_is_reported_not_raised(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        app.query_one("#ledger", LedgerTable).focus()
        blocker = sqlite3.connect(seeded_path)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("x")
            await ready(app, pilot)
        finally:
            blocker.rollback()
            blocker.close()
        assert app.is_running


async def test_merge_confirm_and_palette(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        table.focus()
        a = row_index(app, "750", "003")
        b = row_index(app, "ثلاث", "003")
        ma, mb = ledger_rows(app)[a]["mention_id"], ledger_rows(app)[b]["mention_id"]
        table.move_cursor(row=a)
        await pilot.press("space")
        table.move_cursor(row=b)
        await pilot.press("m")
        await ready(app, pilot)
        assert claim_of(seeded_path, ma) == claim_of(seeded_path, mb)
        # confirm keeps the link through a full re-link
        table.move_cursor(row=row_index(app, "750", "003"))
        await pilot.press("y")
        await ready(app, pilot)
        await pilot.press("l")
        await ready(app, pilot)
        assert claim_of(seeded_path, ma) == claim_of(seeded_path, mb)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Conflicts", "Merge figures", "Undo", "Export CSV", "Toggle bidi"} <= titles


async def test_a_headline_number_is_marked_in_the_heading(tmp_path):
    """Collections carry headlines; their numbers are mentions too, drawn in the title."""
    collection = tmp_path / "news.jsonl"
    collection.write_text(
        json.dumps({"id": "a1", "title": "13 شهيدا في تفجير المسجد", "source": "x",
                    "content": "استشهد 10 من منسوبي القوات في التفجير."}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )  # fmt: skip
    path = tmp_path / "titles.db"
    with Ledger(path) as ledger:
        ingest(ledger, [str(collection)])
        link(ledger)
    async with opened(path, (180, 45)) as (app, _pilot):
        rows = ledger_rows(app)
        assert {r["text"] for r in rows} == {"13", "10"}
        view = app.query_one(ArticleView)
        assert len(view._claims()) == 2
        heading = view.drawn.split("\n")[0]  # the headline, above the name and the text
        assert "13" in heading.plain
        marked = [heading.plain[s.start : s.end] for s in heading.spans if s.style.color]
        assert "13" in "".join(marked), marked  # drawn character by character


async def test_keys_on_the_figure_page_act_on_that_figure(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        table.focus()
        table.move_cursor(row=0)  # the main table's cursor sits on another figure
        hidden = ledger_rows(app)[0]["mention_id"]
        hidden_claim = claim_of(seeded_path, hidden)
        await open_first_conflict(pilot)
        page = app.screen
        assert isinstance(page, FigureScreen)
        shown = page.figure["mention_rows"][1]["mention_id"]
        page.query_one("#figure-table", DataTable).move_cursor(row=1)
        await pilot.press("x")
        await ready(app, pilot)
        assert claim_of(seeded_path, shown) == shown  # the mention shown was split off
        assert hidden == shown or claim_of(seeded_path, hidden) == hidden_claim
        assert isinstance(app.screen, FigureScreen)  # the page is shown again, refreshed
        assert app.screen.figure["claim_id"] == shown


async def test_a_prompt_swallows_shortcut_keys(seeded_path, tmp_path, monkeypatch):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        await goto(app, pilot, "أكثر من 9 آلاف", "001")
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one(Input).blur()  # focus away from the input: keys still stay
        await pilot.press("e", "c", "u")
        await pilot.pause()
        assert not isinstance(app.screen, (ConflictsScreen, FigureScreen))
        assert app.screen.__class__.__name__ == "PromptScreen"
        await pilot.press("escape")
        await pilot.pause()
    assert list(cwd.iterdir()) == []  # nothing written into the working directory


async def test_export_offers_a_path_beside_the_ledger(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        offered = app.screen.query_one("#export-path", Input).value
        assert offered == str(seeded_path.resolve().with_suffix(".csv"))
        await pilot.press("escape")


async def test_textual_query_is_not_shadowed(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        assert len(app.query(DataTable)) >= 1
        app.query_one("#filter", Input).focus()
        await pilot.pause()
        await app.action_focus("ledger")  # Textual's own action, which uses App.query
        await pilot.pause()
        assert app.focused is app.query_one("#ledger", LedgerTable)


async def test_a_filter_typo_is_a_message_not_a_crash(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        before = len(ledger_rows(app))
        await pilot.press("slash")
        await pilot.press(*"value:abc", "enter")
        await ready(app, pilot)
        assert app.is_running and len(ledger_rows(app)) == before
        assert any("value:abc" in n.message for n in app._notifications)


async def test_sort_is_shown_in_the_header_and_the_status(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        await pilot.click("#ledger", offset=(2, 0))  # the id header: sorted by id already
        await ready(app, pilot)  # let the click's own sort land before setting another
        app.claim_query.sort, app.claim_query.descending = "value", True
        app.load_rows()
        await pilot.pause()
        assert table.header_label("value") == "value ▼"
        assert table.header_label("text") == "text"
        assert "value ▼" in table.render_line(0).text
        status = str(app.query_one("#status", Label).render())
        assert "sorted by value ▼" in status


async def test_bidi_key_redraws_an_open_figure_page(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        await open_first_conflict(pilot)
        mode = app.screen.mode
        drawn = [str(line.text) for line in app.screen.query_one("#figure-table").render_lines(
            app.screen.query_one("#figure-table").region.reset_offset)]  # fmt: skip
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, FigureScreen)
        assert app.screen.mode != mode
        head = str(app.screen.query_one("#figure-head").render())
        assert "2 mentions in 2 articles" in head
        redrawn = [str(line.text) for line in app.screen.query_one("#figure-table").render_lines(
            app.screen.query_one("#figure-table").region.reset_offset)]  # fmt: skip
        assert redrawn != drawn  # the Arabic of the rows is drawn in the other order


async def test_the_figure_page_shows_each_figure_opened_on_it(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        claims = sorted({r["claim_id"] for r in ledger_rows(app) if r["claim_id"] is not None})
        big = max(claims, key=lambda c: sum(r["claim_id"] == c for r in ledger_rows(app)))
        small = next(c for c in claims if c != big)
        for claim in (big, small, big):
            app.open_figure(claim)
            await pilot.pause()
            page = app.screen
            assert isinstance(page, FigureScreen) and page.figure["claim_id"] == claim
            table = page.query_one("#figure-table", DataTable)
            assert table.row_count == len(page.figure["mention_rows"])
            assert f"Figure {claim}:" in str(page.query_one("#figure-head").render())
            await pilot.press("escape")
            await pilot.pause()
        assert not isinstance(app.screen, FigureScreen)


def visible_columns(table: LedgerTable) -> list[str]:
    """Keys of the columns drawn whole within the table's width (no scrolling)."""
    room = table.scrollable_content_region.width
    shown, used = [], 0
    for key, _label, width in table.layout_columns:
        used += width + 2
        if used > room:
            break
        shown.append(key)
    return shown


@pytest.mark.parametrize("size", [(180, 50), (170, 45), (160, 45), (120, 40)])
async def test_what_a_claim_says_is_in_view_without_scrolling(seeded_path, size):
    app = FactLedgerApp(seeded_path)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        shown = visible_columns(app.query_one("#ledger", LedgerTable))
        assert {"text", "value", "qualifier", "entity", "event"} <= set(shown), shown
        assert app.has_class("narrow") == (size[0] < 170)


async def test_a_narrow_terminal_stacks_the_panes(seeded_path):
    async with opened(seeded_path) as (app, pilot):
        view = app.query_one(ArticleView)
        table = app.query_one("#ledger", LedgerTable)
        assert app.has_class("narrow")
        assert view.region.bottom <= table.region.y  # the text above the ledger
        assert table.region.width >= 96  # at full width
        assert not app.query_one("#articles-pane").display
        await pilot.press("t")
        await pilot.pause()
        assert app.query_one("#articles-pane").display


async def test_columns_can_be_chosen_and_are_kept(seeded_path, tmp_path):
    async with opened(seeded_path, (180, 50)) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        assert "kind" not in [k for k, *_ in table.layout_columns]
        await pilot.press("o")
        await pilot.pause()
        chooser = app.screen.query_one("#columns-list")
        chooser.select("kind")
        chooser.deselect("outlet")
        await pilot.press("enter")
        await ready(app, pilot)
        keys = [k for k, *_ in table.layout_columns]
        assert "kind" in keys and "outlet" not in keys
        kind_col = keys.index("kind")
        assert table.cells(ledger_rows(app)[0])[kind_col].plain == ledger_rows(app)[0]["kind"]
        assert "kind" in table.render_line(0).text
    saved = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert "kind" in saved["ledger_columns"] and "outlet" not in saved["ledger_columns"]
    again = FactLedgerApp(seeded_path)
    assert "kind" in again.shown_columns and "outlet" not in again.shown_columns


async def test_every_key_is_in_the_help_and_every_action_in_the_palette(seeded_path):
    from tui.actions import ACTIONS

    async with opened(seeded_path, (120, 40)) as (app, pilot):
        titles = {c.title for c in app.get_system_commands(app.screen)}
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = app.screen.query_one(Markdown).source
    for action in ACTIONS:
        assert f"`{action.shown}`" in help_text, action
        if action.action and action.action != "quit":
            assert action.title in titles, action
    bound = {b.key for b in app.BINDINGS}
    assert bound == {k for a in ACTIONS if a.action for k in a.keys.split(",") if k}


def drawn_lines(widget) -> list[str]:
    """The characters a widget puts on the screen, line by line."""
    from textual.geometry import Region

    width, height = widget.size.width, widget.virtual_size.height or widget.size.height
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


@pytest.mark.parametrize("size", [(180, 50), (100, 30)])
async def test_the_article_pane_draws_what_python_bidi_draws(seeded_path, size):
    """Every line of every seed article, as drawn in visual mode, is python-bidi's
    display of the same logical line (shaped): numbers, ranges, «» and () in place."""
    from arabic_reshaper import ArabicReshaper
    from bidi.algorithm import get_display

    reshaper = ArabicReshaper(configuration={"support_ligatures": False, "delete_harakat": False})
    app = FactLedgerApp(seeded_path)
    compared = 0
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        view = app.query_one(ArticleView)
        articles = app.query_one("#articles", DataTable)
        for row in range(articles.row_count):
            articles.move_cursor(row=row)
            articles.action_select_cursor()
            await ready(app, pilot)
            view.mode = "logical"
            view.refresh_text()
            logical = view.drawn.plain.split("\n")
            view.mode = "visual"
            view.refresh_text()
            await pilot.pause()
            drawn = drawn_lines(view.body)
            assert len(drawn) >= len(logical)
            for line, shown in zip(logical, drawn, strict=False):
                if any("\u0600" <= ch <= "\u06ff" for ch in line):
                    assert shown.strip() == get_display(reshaper.reshape(line)).strip(), line
                    compared += 1
                else:
                    assert shown.rstrip() == line.rstrip()
    assert compared > 100


async def test_the_figure_page_draws_its_reason_readably(seeded_path):
    from tui.bidi_display import frame

    async with opened(seeded_path, (180, 50)) as (app, pilot):
        await pilot.press("c")
        await ready(app, pilot)
        reason = app.screen.rows[0]["reason"]
        await pilot.press("enter")
        await ready(app, pilot)
        assert isinstance(app.screen, FigureScreen)
        drawn = drawn_lines(app.screen.query_one("#figure-head"))
        assert any(line.strip() == frame(reason, "visual") for line in drawn), drawn
        assert "«" in frame(reason, "visual") and frame(reason, "visual") != reason


async def test_a_real_click_on_a_number_selects_its_row(seeded_path):
    """The mouse, not only the action: click the cell where a claim is drawn."""
    from textual.geometry import Region

    async with opened(seeded_path, (180, 50)) as (app, pilot):
        table = app.query_one("#ledger", LedgerTable)
        table.move_cursor(row=row_index(app, "750", "003"))
        await pilot.pause(0.15)
        view = app.query_one(ArticleView)
        target = next(
            m["id"] for m in view.article["mentions"] if m["text"] == "3" and m["is_claim"]
        )
        body = view.body
        strips = body.render_lines(Region(0, 0, body.size.width, body.virtual_size.height))
        spot = None
        for y, strip in enumerate(strips):
            x = 0
            for segment in strip:
                meta = segment.style.meta if segment.style else {}
                if meta.get("@click") == f"choose_mention({target})":
                    spot = (x, y)
                    break
                x += segment.cell_length
            if spot:
                break
        assert spot is not None
        view.scroll_to(y=max(0, spot[1] - 2), animate=False)
        await pilot.pause()
        offset = (
            body.region.x + spot[0],
            body.region.y + spot[1],
        )  # region is where it is drawn now
        await pilot.click(offset=offset)
        await ready(app, pilot)
        assert app.current_row()["mention_id"] == target


async def test_the_article_list_grows_as_the_analyst_scrolls(tmp_path):
    """Not a cut-off at some hundreds: every article is reachable."""
    collection = tmp_path / "many.jsonl"
    collection.write_text(
        "".join(json.dumps({"id": n, "source": "wire", "content": f"قتل {n + 2} أشخاص في حادث"},
                           ensure_ascii=False) + "\n" for n in range(1100)),
        encoding="utf-8",
    )  # fmt: skip
    path = tmp_path / "many.db"
    with Ledger(path) as ledger:
        ingest(ledger, [str(collection)])
    async with opened(path, (180, 50)) as (app, pilot):
        articles = app.query_one("#articles", DataTable)
        label = app.query_one("#articles-label", Label)
        assert articles.row_count == 500
        assert "500 of 1,100" in str(label.render())
        articles.focus()
        await pilot.press("end")  # the last article shown, and the next are built
        await ready(app, pilot)
        assert articles.cursor_row == 499 and articles.cursor_column == 0
        assert articles.row_count == 1000
        await pilot.press("end")
        await ready(app, pilot)
        assert articles.row_count == 1100
        assert "1,100 of 1,100" in str(label.render())


async def test_keys_act_on_the_rows_again_after_a_filter_and_on_the_list_it_shows(seeded_path):
    async with opened(seeded_path) as (app, pilot):
        await pilot.press("slash", *"kind:count", "enter")
        await ready(app, pilot)
        assert app.focused is app.query_one("#ledger", LedgerTable)
        await pilot.press("t")
        await pilot.pause()
        assert app.focused is app.query_one("#articles", DataTable)
        await pilot.press("t")
        await pilot.pause()
        assert app.focused is app.query_one("#ledger", LedgerTable)


@pytest.mark.parametrize("size", [(180, 45), (100, 30), (80, 24)])
async def test_the_key_bar_keeps_every_footer_key_in_view(seeded_path, size):
    """Narrow terminals tighten the bar (single spaces, then keys without their words)
    instead of cutting keys off."""
    from tui.components.key_bar import KeyBar

    app = FactLedgerApp(seeded_path)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        text = app.screen.query_one(KeyBar).line
        drawn = {
            text.plain[s.start : s.end].strip() for s in text.spans if "reverse" in str(s.style)
        }
        offered = {app.get_key_display(b) for _n, b, _e, _t in app.screen.active_bindings.values()
                   if b.show}  # fmt: skip
        assert text.cell_len <= size[0]
        assert offered <= drawn, offered - drawn


@pytest.mark.parametrize("size", [(180, 50), (120, 40), (100, 30)])
async def test_a_figure_of_many_mentions_keeps_its_table_in_view(seeded_path, size):
    """A figure of 43 mentions drew 43 chart lines and pushed its table off the screen,
    while the decision keys still acted on a mention nobody could see. The chart draws
    one line per interval (mentions that allow the same share it), at most ten."""
    from tui.components.interval_chart import CHART_LINES

    app = FactLedgerApp(seeded_path)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        row = ledger_rows(app)[0]
        base = {k: row.get(k) for k in ("article", "outlet", "published", "text", "qualifier",
                                          "unit", "entity", "event", "sentence")}  # fmt: skip
        mentions = [{**base, "mention_id": 1000 + k, "value": 20 + k, "low": None, "high": None,
                     "text": str(20 + k), "kind": "count", "sentence_at": 0, "headline": 0}
                    for k in range(43)]  # fmt: skip
        app._show_figure({"claim_id": row["claim_id"], "mentions": 43, "articles": 43,
                          "conflict": 1, "status": "open", "reason": "", "note": None,
                          "mention_rows": mentions})  # fmt: skip
        await pilot.pause()
        chart = str(app.screen.query_one("#figure-chart").render())
        assert chart.count("[") == CHART_LINES and "33 more intervals" in chart
        table = app.screen.query_one("#figure-table", DataTable)
        assert table.region.height >= 6 and table.region.bottom <= size[1]
        drawn = [strip.text for strip in table.render_lines(table.region.reset_offset)]
        assert "1000" in drawn[1]  # the selected mention's row is on screen
        assert app.current_row()["mention_id"] == 1000


async def test_keys_typed_right_after_the_slash_are_the_filters_words(seeded_path):
    """Keys that arrive together (a fast typist, a paste) right after ``/``: Textual
    focuses a widget after the next refresh, so "n" ran "not a claim" and "c" opened the
    conflicts page before the filter took the keys."""
    from textual import events

    async with opened(seeded_path, (180, 45)) as (app, pilot):
        for ch in "/kind:count":
            app.post_message(events.Key("slash" if ch == "/" else ch, ch))
        await ready(app, pilot)
        assert app.query_one("#filter", Input).value == "kind:count"
        assert app.screen is app.screen_stack[0]
    con = sqlite3.connect(seeded_path)
    assert con.execute("SELECT count(*) FROM decisions").fetchone()[0] == 0
    con.close()


async def test_the_filter_key_belongs_to_the_main_screen(seeded_path):
    """On the figure, conflicts and log pages ``/`` is not offered: it focused the hidden
    main filter, and back on the main screen shortcut keys were typed into it."""
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("slash", "x")
        await pilot.pause()
        assert app.focused is not app.screen_stack[0].query_one("#filter", Input)
        assert "/" not in str(app.screen.query_one("KeyBar").render())


async def test_export_asks_before_replacing_a_file(seeded_path, tmp_path):
    target = tmp_path / "kept.csv"
    target.write_text("the analyst's own file", encoding="utf-8")
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await ready(app, pilot)
        assert target.read_text(encoding="utf-8") == "the analyst's own file"
        assert "exists" in str(app.screen.query_one("#export-warning").render())
        await pilot.press("enter")  # the second Enter agrees
        await ready(app, pilot)
    assert target.read_text(encoding="utf-8").startswith("mention_id") or "," in target.read_text()


async def test_views_under_a_page_and_the_log_show_a_decision_made_on_them(seeded_path):
    """The conflicts page still said "open" after `r` resolved the figure from a page
    opened on it, and the audit log did not show an undo made on it."""
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        await open_first_conflict(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"checked", "enter")
        await ready(app, pilot)
        await pilot.press("escape")
        await ready(app, pilot)
        assert isinstance(app.screen, ConflictsScreen)
        assert [r["status"] for r in app.screen.rows] == ["resolved"]
        await pilot.press("escape", "a")
        await ready(app, pilot)
        title = str(app.screen.query_one("#log-title").render())
        assert title == "Audit log: 1 decision"
        await pilot.press("u")
        await ready(app, pilot)
        assert isinstance(app.screen, LogScreen)
        undone = [e for e in app.screen.entries if e.undone_at]
        assert len(undone) == 1


async def test_escape_leaves_the_filter_box_as_the_rows_are(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        await pilot.press("slash", *"kind:count", "enter")
        await ready(app, pilot)
        await pilot.press("slash", *" conflicts", "escape")
        await ready(app, pilot)
        assert app.query_one("#filter", Input).value == "kind:count"


async def test_the_figure_page_keeps_its_cursor_on_the_mention_acted_on(seeded_path):
    async with opened(seeded_path, (180, 45)) as (app, pilot):
        await open_first_conflict(pilot)
        table = app.screen.query_one("#figure-table", DataTable)
        table.move_cursor(row=1)
        mention = app.current_row()["mention_id"]
        await pilot.press("y")  # confirm its link
        await ready(app, pilot)
        assert app.current_row()["mention_id"] == mention


async def test_a_change_made_outside_the_app_shows_in_it(seeded_path):
    """A decision made from the command line while the app is open (here through the
    engine on its own connection, as the command line does) reaches every view."""
    from ledger import Database
    from tui.app import OUTSIDE_CHECK

    async with opened(seeded_path, (180, 45)) as (app, pilot):
        before = len(ledger_rows(app))
        gone = ledger_rows(app)[0]["mention_id"]
        with Database(seeded_path, author="cli") as other:
            other.not_claim(gone)
        await pilot.pause(OUTSIDE_CHECK + 0.5)
        await ready(app, pilot)
        assert len(ledger_rows(app)) == before - 1
        assert gone not in {r["mention_id"] for r in ledger_rows(app)}
        assert any("outside the app" in n.message for n in app._notifications)


async def test_the_apps_own_decision_is_not_taken_for_an_outside_change(seeded_path):
    from tui.app import OUTSIDE_CHECK

    async with opened(seeded_path, (180, 45)) as (app, pilot):
        app.query_one("#ledger", LedgerTable).focus()
        await pilot.press("x")
        await ready(app, pilot)
        await pilot.pause(OUTSIDE_CHECK + 0.5)
        await ready(app, pilot)
        assert not any("outside the app" in n.message for n in app._notifications)


@pytest.mark.parametrize("width", [180, 120, 100])
async def test_the_figure_page_shows_each_mentions_sentence_on_screen(seeded_path, width,
                                                                     monkeypatch):  # fmt: skip
    """The sentence column was 90 wide after the article's: at 120 columns it was cut at
    the screen's edge, which is where an Arabic sentence starts."""
    from tui.bidi_display import strip_marks

    monkeypatch.setenv("FACTLEDGER_BIDI", "logical")
    async with opened(seeded_path, (width, 40)) as (app, pilot):
        await open_first_conflict(pilot)
        table = app.screen.query_one("#figure-table", DataTable)
        lines = [strip.text[:width] for strip in table.render_lines(table.region.reset_offset)]
        for k, m in enumerate(app.screen.figure["mention_rows"]):
            # the sentence's words right after the number (cells drop diacritics)
            at = (m.get("sentence_at") or 0) + len(m["text"])
            after = strip_marks(" ".join(m["sentence"][at:].split()[:2]))
            assert after in lines[k + 1], (after, lines[k + 1])


def test_the_charts_axis_names_the_values_as_stated():
    """The axis showed the intervals' ends (19.5001 for a stated 19.5)."""
    from tui.components.interval_chart import interval_chart

    rows = [{"mention_id": k, "outlet": "aawsat", "article": "a", "qualifier": "exact",
             "value": v, "low": None, "high": None, "kind": "count", "entity": None}
            for k, v in enumerate([19.5, 20, 21])]  # fmt: skip
    axis = interval_chart(rows, 100).plain.split("\n")[-1].split()
    assert axis == ["19.5", "21"]


async def test_the_correct_value_prompt_draws_its_quote_as_text(seeded_path):
    """The prompt quoting the claim's Arabic drew it unshaped in logical order, and read
    it as markup; now it is framed for display, and plain text."""
    from tui.bidi_display import frame
    from tui.components.prompt_screen import PromptScreen

    async with opened(seeded_path, (180, 45)) as (app, pilot):
        row = next(r for r in ledger_rows(app) if "من" in r["text"])
        table = app.query_one("#ledger", LedgerTable)
        table.focus()
        table.move_cursor(ledger_rows(app).index(row))
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        shown = str(app.screen.query_one(Label).render())
        assert shown == frame(f"Correct the value of «{row['text']}»", "visual")
        assert row["text"] not in shown  # reordered for the screen, not as stored
