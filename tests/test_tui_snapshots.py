"""SVG snapshots of the main screens (pytest-textual-snapshot)."""

import pytest

from ledger.figures import link
from tui.app import FactLedgerApp


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLEDGER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("FACTLEDGER_BIDI", raising=False)


@pytest.fixture
def seeded_path(seeded):
    link(seeded)
    seeded.close()
    return seeded.path


async def settle(pilot):
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen(snap_compare, seeded_path):
    assert snap_compare(FactLedgerApp(seeded_path), terminal_size=(180, 45), run_before=settle)


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
