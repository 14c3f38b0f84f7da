"""Benchmark the terminal app on a large ledger (run by hand).

    uv run python tests/benchmarks/bench_tui.py LEDGER.db

Headless (Textual's run_test): time to first paint of the ledger table, the time to
answer each kind of key press (move, page, jump to the end, sort, filter, open the figure
page, the conflicts view, a decision and its undo), and the peak memory. The ledger
table draws only the rows in view, fetching them a block at a time: ``jump_drawn_ms`` is
a jump to rows not yet fetched, ``drawn_end_ms`` the End key (the deepest block of the
ledger, and of the ledger sorted by value). ``drawn_*``: from the key
to the last frame drawn for it (before the article pane follows the cursor), free of the
harness's own waits; the other times are the harness's wall clock, which costs about
60 ms for a key bound to nothing (``answered_noop_key_ms``). Run it on a copy: the
decision and its undo are written to the ledger.
"""

from __future__ import annotations

import asyncio
import json
import resource
import statistics
import sys
import time

from textual.widgets import DataTable

from tui.app import ARTICLE_DELAY, FactLedgerApp
from tui.components.ledger_table import LedgerTable


async def measure(path: str) -> dict:
    app = FactLedgerApp(path, build_from_seeds=False)
    started = time.perf_counter()
    out: dict = {}
    async with app.run_test(size=(180, 45)) as pilot:
        table = app.query_one("#ledger", LedgerTable)
        while table.row_count == 0:
            await asyncio.sleep(0.01)
        out["first_paint_s"] = round(time.perf_counter() - started, 2)
        # the article list and the fuzzy filter's index are built in background threads
        # after first paint; keys are timed once they are done (while they run, they
        # share the interpreter with the screen)
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        out["background_ready_s"] = round(time.perf_counter() - started, 2)
        table.focus()

        # the harness's own waits (Textual's idle detection sleeps in 20 ms steps, about
        # 60 ms for a key bound to nothing) are no part of the answer: each frame the
        # app draws is stamped, and a key is answered by the last frame drawn for it
        # before the article pane starts to follow the cursor (which waits for it to
        # settle, ``ARTICLE_DELAY``)
        frames: list[float] = []
        article_started: list[float] = []
        draw, show_article = app._display, app.show_article

        stamped = [0]  # frames stamped in all: a hook that never fires would read 0 ms

        def stamped_display(screen, renderable) -> None:
            if renderable is not None:
                frames.append(time.perf_counter())
                stamped[0] += 1
            draw(screen, renderable)

        def stamped_article(*args, **kwargs):
            article_started.append(time.perf_counter())
            return show_article(*args, **kwargs)

        app._display, app.show_article = stamped_display, stamped_article

        async def drawn(action) -> float:
            """From the key (or call) to the last frame that answers it."""
            frames.clear()
            article_started.clear()
            t = time.perf_counter()
            await action()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.pause(ARTICLE_DELAY + 0.05)
            await app.workers.wait_for_complete()
            await pilot.pause()
            cut = article_started[0] if article_started else float("inf")
            answer = [f for f in frames if f < cut]
            return (answer[-1] - t) * 1000 if answer else 0.0

        def keys(*names: str):
            return lambda: pilot.press(*names)

        def call(method, *args):
            async def run() -> None:
                method(*args)

            return run

        async def opened_again(key: str, measure, times: int, move: bool = False) -> float:
            """The median of ``times`` openings of the page ``key`` opens, each timed by
            ``measure`` and closed again (after a move to the next row when ``move``)."""
            spans = []
            for _ in range(times):
                if move:
                    await pilot.press("down")
                    await pilot.pause(ARTICLE_DELAY + 0.05)
                spans.append(await measure())
                await pilot.press("escape")
                await pilot.pause()
            return statistics.median(spans)

        async def timed(*keys: str) -> float:
            """From the press until every worker is done and the screen has taken
            the results (the article pane included, which follows the cursor once it
            settles)."""
            t = time.perf_counter()
            await pilot.press(*keys)
            await app.workers.wait_for_complete()
            await pilot.pause(ARTICLE_DELAY + 0.01)
            await app.workers.wait_for_complete()
            await pilot.pause()
            return (time.perf_counter() - t) * 1000

        async def answered(*keys: str) -> float:
            """From the press until the screen has drawn its direct answer (the moved
            cursor, the new page), before the article pane follows."""
            t = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            ms = (time.perf_counter() - t) * 1000
            await pilot.pause(ARTICLE_DELAY + 0.05)
            await app.workers.wait_for_complete()
            return ms

        # a jump to rows not fetched yet, timed without the key harness: the engine's
        # query for their block, then the screen's next refresh
        jump_times = []
        for k in range(8):
            t = time.perf_counter()
            table.move_cursor(table.row_count * (k + 1) // 10)
            await pilot.pause()
            jump_times.append((time.perf_counter() - t) * 1000)
            await pilot.pause(ARTICLE_DELAY + 0.05)
        table.move_cursor(0)
        await pilot.pause(ARTICLE_DELAY + 0.05)
        out["jump_drawn_ms"] = round(statistics.median(jump_times))
        out["drawn_noop_key_ms"] = round(
            statistics.median([await drawn(keys("z")) for _ in range(10)])
        )
        out["drawn_move_ms"] = round(
            statistics.median([await drawn(keys("down")) for _ in range(30)])
        )
        out["drawn_page_ms"] = round(
            statistics.median([await drawn(keys("right_square_bracket")) for _ in range(5)])
        )
        out["answered_noop_key_ms"] = round(
            statistics.median([await answered("z") for _ in range(10)])
        )
        out["answered_move_ms"] = round(
            statistics.median([await answered("down") for _ in range(30)])
        )
        out["answered_page_ms"] = round(
            statistics.median([await answered("right_square_bracket") for _ in range(5)])
        )
        # what the harness itself costs: a key nothing is bound to
        out["baseline_noop_key_ms"] = round(
            statistics.median([await timed("z") for _ in range(10)])
        )
        out["move_ms"] = round(statistics.median([await timed("down") for _ in range(30)]))
        out["page_ms"] = round(
            statistics.median([await timed("right_square_bracket") for _ in range(5)])
        )
        out["drawn_end_ms"] = round(await drawn(keys("end")))
        await pilot.press("home")
        await pilot.pause(ARTICLE_DELAY + 0.05)
        # a sort as the analyst asks for it (the filter's sort: or a header): read in a
        # worker, the rows drawn when they come
        t = time.perf_counter()
        app.apply_filter("sort:-value")
        await app.workers.wait_for_complete()
        await pilot.pause()
        out["sort_ms"] = round((time.perf_counter() - t) * 1000)
        app.apply_filter("")
        await app.workers.wait_for_complete()
        await pilot.pause()
        out["drawn_sort_ms"] = round(await drawn(call(app.apply_filter, "sort:-value")))
        out["drawn_sorted_end_ms"] = round(await drawn(keys("end")))
        app.apply_filter("")
        await app.workers.wait_for_complete()
        await pilot.pause(ARTICLE_DELAY + 0.05)
        times = []
        for text in ("sort:-published", "sort:text", "sort:outlet"):  # no index to sort by
            app.apply_filter("")
            await app.workers.wait_for_complete()
            await pilot.pause()
            times.append(await drawn(call(app.apply_filter, text)))
        out["drawn_sort_unindexed_ms"] = round(statistics.median(times))
        app.apply_filter("")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for name, texts in (("filter_structured_ms", ["kind:count value:100..1000 conflicts",
                                                      "kind:count conflicts", "conflicts"]),
                            ("filter_fuzzy_ms", ["قتلى", "داعش", "برنت"])):  # fmt: skip
            times = []
            for text in texts:  # the median of three filters, each from a cleared filter
                app.apply_filter("")
                await app.workers.wait_for_complete()
                await pilot.pause()
                t = time.perf_counter()
                app.apply_filter(text)
                await app.workers.wait_for_complete()
                await pilot.pause()
                times.append((time.perf_counter() - t) * 1000)
            out[name] = round(statistics.median(times))
            times = []
            for text in texts:
                app.apply_filter("")
                await app.workers.wait_for_complete()
                await pilot.pause()
                times.append(await drawn(call(app.apply_filter, text)))
            out[f"drawn_{name}"] = round(statistics.median(times))
        app.apply_filter("قتلى")
        await app.workers.wait_for_complete()
        await pilot.pause()
        out["rows_after_fuzzy_filter"] = app.search.page(app.claim_query).total
        t = time.perf_counter()
        app.apply_filter("")
        await app.workers.wait_for_complete()
        await pilot.pause()
        out["clear_filter_ms"] = round((time.perf_counter() - t) * 1000)
        # the first figure page builds the page; later ones redraw it (median of 5)
        out["figure_page_first_ms"] = round(await timed("f"))
        await pilot.press("escape")
        await pilot.pause()
        out["figure_page_ms"] = round(await opened_again("f", lambda: timed("f"), 5, True))
        out["drawn_figure_page_ms"] = round(
            await opened_again("f", lambda: drawn(keys("f")), 5, True)
        )
        out["conflicts_view_first_ms"] = round(await timed("c"))
        out["conflicts_listed"] = len(getattr(app.screen, "rows", []))
        await pilot.press("escape")
        await pilot.pause()
        out["conflicts_view_ms"] = round(await opened_again("c", lambda: timed("c"), 3))
        out["drawn_conflicts_view_ms"] = round(await opened_again("c", lambda: drawn(keys("c")), 3))
        table.focus()
        # a decision and its undo, each re-linking what it touches, in a worker
        out["split_ms"] = round(await timed("x"))
        out["undo_ms"] = round(await timed("u"))
        articles = app.query_one("#articles", DataTable)
        out["articles_listed"] = articles.row_count
        out["frames_stamped"] = stamped[0]
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(json.dumps(asyncio.run(measure(sys.argv[1])), indent=2))
