"""The conflicts view: flagged figures, most severe first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Label

from ..bidi_display import LazyCell
from .fast_cells import FastCells
from .key_bar import KeyBar

REASON_WIDTH = 160
CONFLICT_COLUMNS = (("figure", 7), ("severity", 8), ("apart", 5), ("status", 8), ("mentions", 8),
                    ("entity", 10), ("event", 10), ("reason", REASON_WIDTH))  # fmt: skip


class ConflictsScreen(Screen):
    """Flagged figures, most severe first, with their reasons."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("enter,f", "open_figure", "Figure page"),
    ]

    def __init__(self, rows: list[dict] | None = None, mode: str = "visual") -> None:
        super().__init__()
        self.rows: list[dict] = rows or []
        self.mode = mode

    def compose(self) -> ComposeResult:
        yield Label(id="conflicts-title")
        yield FastCells(id="conflicts-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # fixed widths: hundreds of reasons are not measured one by one
        for label, width in CONFLICT_COLUMNS:
            table.add_column(label, width=width)
        self._draw()

    def show(self, rows: list[dict], mode: str) -> None:
        """Show these conflicts (read again after every change) in ``mode``; the app
        keeps one conflicts page and redraws it."""
        unchanged = self.is_mounted and rows == self.rows and mode == self.mode
        self.rows, self.mode = rows, mode
        if self.is_mounted and not unchanged:  # nothing to redraw when nothing changed
            self._draw()

    def _draw(self) -> None:
        count = f"{len(self.rows)} conflicting figure{'' if len(self.rows) == 1 else 's'}"
        self.query_one("#conflicts-title", Label).update(f"{count}, most severe first")
        table = self.query_one(DataTable)
        table.clear()
        for r in self.rows:
            table.add_row(
                Text(str(r["claim_id"])), Text(r["severity_label"] or ""),
                Text(f"{(r['severity'] or 0):.0%}"), Text(r["status"]), Text(str(r["mentions"])),
                LazyCell(r["entity"], self.mode, 10), LazyCell(r["event"], self.mode, 10),
                LazyCell(r["reason"], self.mode, REASON_WIDTH, "ltr"),
                key=str(r["claim_id"]),
            )  # fmt: skip
        if table.row_count:
            table.move_cursor(row=0)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_figure()

    def action_open_figure(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            self.app.open_figure(int(key))
