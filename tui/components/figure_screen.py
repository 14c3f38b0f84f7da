"""A figure's page: every mention side by side, with the interval chart."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ledger.intervals import wording

from ..bidi_display import around, cell, frame
from .fast_cells import FastCells
from .interval_chart import interval_chart
from .key_bar import KeyBar

SENTENCE_WIDTH = 90
FIGURE_COLUMNS = (("mention", 8), ("outlet", 10), ("date", 10), ("article", 24), ("wording", 20),
                  ("said", 16), ("qualifier", 10), ("sentence", SENTENCE_WIDTH))  # fmt: skip


class FigureScreen(Screen):
    """Every mention of one figure side by side, with the interval chart. The app keeps
    one page and shows each figure on it (``show``), so opening a figure redraws its
    rows instead of building a screen."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, figure: dict | None = None, mode: str = "visual") -> None:
        super().__init__()
        self.figure: dict = figure or {}
        self.mode = mode

    def compose(self) -> ComposeResult:
        yield Static(id="figure-head")
        yield Static(id="figure-chart")
        yield FastCells(id="figure-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in FIGURE_COLUMNS:
            table.add_column(label, width=width)
        if self.figure:
            self._draw()

    def show(self, figure: dict, mode: str, keep: int | None = None) -> None:
        """Show ``figure`` (a new one, or the same after a decision) in ``mode``, the
        cursor on mention ``keep`` when it is there (the one just acted on)."""
        self.figure, self.mode = figure, mode
        if self.is_mounted:
            self._draw(keep)

    def _draw(self, keep: int | None = None) -> None:
        f = self.figure
        status = f["status"] if f["conflict"] else "no conflict"
        head = Text(
            f"Figure {f['claim_id']}: {f['mentions']} mention{'' if f['mentions'] == 1 else 's'} "
            f"in {f['articles']} article{'' if f['articles'] == 1 else 's'}  ·  {status}",
            style="bold",
        )
        if f.get("reason"):
            head.append("\n" + frame(f["reason"], self.mode), style="red")
        if f.get("note"):
            head.append("\nnote: " + frame(f["note"], self.mode), style="green")
        self.query_one("#figure-head", Static).update(head)
        self.query_one("#figure-chart", Static).update(
            interval_chart(f["mention_rows"], 100, self.mode)
        )
        table = self.query_one(DataTable)
        table.clear()
        for m in f["mention_rows"]:
            # the sentence around the number, so the number is always in view
            near = around(m["sentence"] or "", m.get("sentence_at") or 0, len(m["text"] or ""),
                          SENTENCE_WIDTH)  # fmt: skip
            table.add_row(
                Text(str(m["mention_id"])), cell(m["outlet"], self.mode, 10),
                cell((m["published"] or "")[:10], self.mode), cell(m["article"], self.mode, 24),
                Text(wording(m["qualifier"], m["value"], m["low"], m["high"], m["unit"])),
                cell(m["text"], self.mode, 16), cell(m["qualifier"], self.mode, 10),
                cell(near, self.mode, SENTENCE_WIDTH),
            )  # fmt: skip
        ids = [m["mention_id"] for m in f["mention_rows"]]
        table.move_cursor(row=ids.index(keep) if keep in ids else 0)

    def selected_row(self) -> dict | None:
        """The mention under the cursor, as a row of the main table: decisions on this
        page act on it and on this figure."""
        rows = self.figure.get("mention_rows", [])
        cursor = self.query_one("#figure-table", DataTable).cursor_row
        if not rows or cursor is None or cursor >= len(rows):
            return None
        return {**rows[cursor], "claim_id": self.figure["claim_id"],
                "conflict": self.figure["conflict"]}  # fmt: skip

    def mates(self, mention_id: int) -> list[dict]:
        """The figure's other mentions."""
        return [m for m in self.figure.get("mention_rows", []) if m["mention_id"] != mention_id]
