"""Helpers for driving the app with Pilot (shared by the app's test modules)."""

from __future__ import annotations


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
