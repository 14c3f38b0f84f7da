"""Helpers for driving the app with Pilot (shared by the app's test modules)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from tui.app import FactLedgerApp


async def ready(app, pilot, rounds: int = 3) -> None:
    """Wait until no worker runs and the screen has taken their results (a worker's
    message may start another: the rows, then the order of all of them)."""
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def open_first_conflict(pilot) -> None:
    """From the main screen: the conflicts view, then the first conflict's figure page."""
    await pilot.press("c")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


@asynccontextmanager
async def opened(path: Path, size: tuple[int, int] = (100, 30)) -> AsyncIterator[tuple]:
    """The app on the ledger at ``path`` in a terminal of ``size``, its workers done:
    yields ``(app, pilot)``."""
    app = FactLedgerApp(path)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        yield app, pilot
