"""Two ways to show a big ledger in one table, measured in the same run (by hand).

    uv run --with textual-fastdatatable python tests/benchmarks/bench_tables.py LEDGER.db

- ``ledger_table``: the app's own table (``tui.components.ledger_table.LedgerTable``, on
  Textual's Line API): it draws the rows in view and fetches them from SQLite a block
  at a time through the engine's query API, each cell reordered for display when drawn.
- ``fastdatatable``: textual-fastdatatable's DataTable over an Arrow table of every row,
  read from the same query first (it holds all rows; cells shown as stored, not
  reordered, which only spares it work).

Each runs in a process of its own, headless (Textual's run_test, 180x45): the time until
the first rows are drawn, the key answers (move, page down, End) timed by the frames
drawn for them (as ``bench_tui`` does), and the peak memory of the process. Without
textual-fastdatatable installed, only the app's table is measured.
"""

from __future__ import annotations

import asyncio
import json
import resource
import statistics
import subprocess
import sys
import time

COLUMNS = ("mention_id", "claim_id", "conflict", "outlet", "published", "text", "value",
           "qualifier", "entity", "event")  # fmt: skip


def _stamp_frames(app) -> list[float]:
    """Stamp every frame the app draws (Textual has no public hook for it)."""
    frames: list[float] = []
    draw = app._display

    def stamped(screen, renderable) -> None:
        if renderable is not None:
            frames.append(time.perf_counter())
        draw(screen, renderable)

    app._display = stamped
    return frames


async def _keys(app, pilot, frames: list[float], table) -> dict:
    table.focus()
    await pilot.pause(0.2)

    async def drawn(key: str) -> float:
        frames.clear()
        t = time.perf_counter()
        await pilot.press(key)
        await pilot.pause(0.1)
        return (frames[-1] - t) * 1000 if frames else float("nan")

    out = {"drawn_move_ms": statistics.median([await drawn("down") for _ in range(30)])}
    out["drawn_page_down_ms"] = statistics.median([await drawn("pagedown") for _ in range(10)])
    out["drawn_end_ms"] = await drawn("end")
    return {k: round(v, 1) for k, v in out.items()}


async def ledger_table(path: str) -> dict:
    from textual.app import App

    from ledger import Ledger
    from ledger.queries import ClaimQuery, ClaimSearch
    from tui.components.ledger_table import BLOCK, LedgerTable

    class TableApp(App):
        def compose(self):
            yield LedgerTable(set(COLUMNS), "visual", id="ledger")

    started = time.perf_counter()
    app = TableApp()
    frames = _stamp_frames(app)
    async with app.run_test(size=(180, 45)) as pilot:
        ledger = Ledger(path, create=False)
        search = ClaimSearch(ledger)
        q = ClaimQuery(limit=BLOCK)
        first = search.page(q)
        table = app.query_one(LedgerTable)
        table.show_rows(lambda o, n: search.rows_at(q, o, n), first.total, first.rows)
        await pilot.pause()
        out = {"rows": first.total, "first_rows_drawn_s": round(frames[-1] - started, 3)}
        search.order(q)  # the app reads it in a worker after the first rows
        out |= await _keys(app, pilot, frames, table)
        ledger.close()
    return out


async def fastdatatable(path: str) -> dict:
    import sqlite3

    from textual.app import App
    from textual_fastdatatable import ArrowBackend, DataTable

    started = time.perf_counter()
    db = sqlite3.connect(path)
    records = [COLUMNS, *db.execute(f"SELECT {', '.join(COLUMNS)} FROM claims ORDER BY mention_id")]
    db.close()
    backend = ArrowBackend.from_records(records, has_header=True)

    class TableApp(App):
        def compose(self):
            yield DataTable(backend=backend)

    app = TableApp()
    frames = _stamp_frames(app)
    async with app.run_test(size=(180, 45)) as pilot:
        await pilot.pause()
        out = {"rows": len(records) - 1, "first_rows_drawn_s": round(frames[-1] - started, 3)}
        out |= await _keys(app, pilot, frames, app.query_one(DataTable))
    return out


def main() -> None:
    if len(sys.argv) == 3:  # one variant, in this process
        result = asyncio.run(globals()[sys.argv[2]](sys.argv[1]))
        result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        print(json.dumps(result))
        return
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = {}
    for name in ("ledger_table", "fastdatatable"):
        run = subprocess.run([sys.executable, __file__, sys.argv[1], name],
                             capture_output=True, text=True)  # fmt: skip
        if run.returncode != 0:
            last = (run.stderr.strip().splitlines() or ["failed"])[-1]
            out[name] = {"error": last}
            continue
        out[name] = json.loads(run.stdout.strip().splitlines()[-1])
    mine, peer = out["ledger_table"], out.get("fastdatatable", {})
    if "error" not in peer and "error" not in mine:
        out["ratio_to_fastdatatable"] = {
            k: round(mine[k] / peer[k], 2) if peer[k] else None
            for k in mine
            if k != "rows" and isinstance(peer.get(k), (int, float))
        }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
