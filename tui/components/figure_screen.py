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

SENTENCE_WIDTH = 90  # at most; the sentence takes what the screen leaves, at least 40
# the sentence right after the wording, so it is in view on a narrow screen too (cut at
# the screen's edge it lost its start: the Arabic's beginning)
FIGURE_COLUMNS = (("mention", 8), ("outlet", 10), ("date", 10), ("wording", 20),
                  ("sentence", SENTENCE_WIDTH), ("said", 16), ("qualifier", 10),
                  ("article", 24))  # fmt: skip
BEFORE_SENTENCE = 4  # columns drawn before it


class FigureScreen(Screen):
    """Every mention of one figure side by side, with the interval chart. The app keeps
    one page and shows each figure on it (``show``), so opening a figure redraws its
    rows instead of building a screen."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, figure: dict | None = None, mode: str = "visual") -> None:
        super().__init__()
        self.figure: dict = figure or {}
        self.mode = mode
        self.sentence_width = 0  # the sentence column's, as last laid out

    def compose(self) -> ComposeResult:
        yield Static(id="figure-head")
        yield Static(id="figure-chart")
        yield FastCells(id="figure-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        if self.figure:
            self._draw()

    def on_resize(self) -> None:
        if self.figure and self._fit_sentence() != self.sentence_width:
            row = self.selected_row()
            self._draw(row["mention_id"] if row else None)

    def _fit_sentence(self) -> int:
        """The sentence column's width: what the screen leaves beside the columns before
        it (cells are padded by one either side; 2 for the scrollbar), 40 to 90."""
        before = sum(w + 2 for _, w in FIGURE_COLUMNS[:BEFORE_SENTENCE]) + 2
        return max(40, min(SENTENCE_WIDTH, self.app.size.width - before - 2))

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
        width = self._fit_sentence()
        if width != self.sentence_width:
            self.sentence_width = width
            table.clear(columns=True)
            for label, w in FIGURE_COLUMNS:
                table.add_column(label, width=width if label == "sentence" else w)
        table.clear()
        for m in f["mention_rows"]:
            # the sentence around the number, so the number is always in view
            near = around(m["sentence"] or "", m.get("sentence_at") or 0, len(m["text"] or ""),
                          width)  # fmt: skip
            table.add_row(
                Text(str(m["mention_id"])), cell(m["outlet"], self.mode, 10),
                cell((m["published"] or "")[:10], self.mode),
                Text(wording(m["qualifier"], m["value"], m["low"], m["high"], m["unit"])),
                cell(near, self.mode, width), cell(m["text"], self.mode, 16),
                cell(m["qualifier"], self.mode, 10), cell(m["article"], self.mode, 24),
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
