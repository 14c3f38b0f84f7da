"""The conflicts view: flagged figures, most severe first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from ..bidi_display import cell


class ConflictsScreen(Screen):
    """Flagged figures, most severe first, with their reasons."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("enter,f", "open_figure", "Figure page"),
    ]

    def __init__(self, rows: list[dict], mode: str) -> None:
        super().__init__()
        self.rows = rows
        self.mode = mode

    def compose(self) -> ComposeResult:
        count = f"{len(self.rows)} conflicting figure{'' if len(self.rows) == 1 else 's'}"
        yield Label(f"{count}, most severe first", id="conflicts-title")
        yield DataTable(id="conflicts-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            "figure", "severity", "apart", "status", "mentions", "entity", "event", "reason"
        )
        for r in self.rows:
            table.add_row(
                Text(str(r["claim_id"])), Text(r["severity_label"] or ""),
                Text(f"{(r['severity'] or 0):.0%}"), Text(r["status"]), Text(str(r["mentions"])),
                cell(r["entity"], self.mode), cell(r["event"], self.mode), cell(r["reason"], self.mode, 240, "ltr"),
                key=str(r["claim_id"]),
            )  # fmt: skip

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_figure()

    def action_open_figure(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            self.app.open_figure(int(key))
