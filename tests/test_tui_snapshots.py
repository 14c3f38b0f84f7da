"""SVG snapshots of the main screens (pytest-textual-snapshot)."""

from tui.app import FactLedgerApp


async def settle(pilot):
    """Wait until no worker runs and the screen has taken their results (a worker may
    start another: the article list, then the selected article)."""
    for _ in range(5):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen(snap_compare, seeded_path):
    assert snap_compare(FactLedgerApp(seeded_path), terminal_size=(180, 50), run_before=settle)


def test_main_screen_120_columns(snap_compare, seeded_path):
    """Stacked: the text above, the ledger below with value, qualifier, entity, event."""
    assert snap_compare(FactLedgerApp(seeded_path), terminal_size=(120, 40), run_before=settle)


def test_main_screen_100_columns(snap_compare, seeded_path):
    assert snap_compare(FactLedgerApp(seeded_path), terminal_size=(100, 30), run_before=settle)


def test_conflicts_screen(snap_compare, seeded_path):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(FactLedgerApp(seeded_path), terminal_size=(180, 45), run_before=run_before)


def test_figure_screen_logical(snap_compare, seeded_path, monkeypatch):
    monkeypatch.setenv("FACTLEDGER_BIDI", "logical")

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(FactLedgerApp(seeded_path), terminal_size=(180, 45), run_before=run_before)
