"""The audit log: every decision, newest first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Label

from ledger.terminal import plural

from ..bidi_display import frame, safe
from .key_bar import KeyBar


class LogScreen(Screen):
    """The audit log: every decision, newest first."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("u", "app.undo", "Undo latest"),
    ]

    def __init__(self, entries: list, mode: str = "logical") -> None:
        super().__init__()
        self.entries = entries
        self.mode = mode

    def compose(self) -> ComposeResult:
        yield Label(id="log-title")
        yield DataTable(id="log-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("id", "when", "who", "action", "what", "note",
                                              "undone")  # fmt: skip
        self._draw()

    def show(self, entries: list) -> None:
        """Show the log again (after an undo made on this page)."""
        self.entries = entries
        if self.is_mounted:
            self._draw()

    def _draw(self) -> None:
        self.query_one("#log-title", Label).update(
            f"Audit log: {plural(len(self.entries), 'decision')}"
        )
        table = self.query_one(DataTable)
        table.clear()
        for e in self.entries:
            table.add_row(
                Text(str(e.id)), Text(e.created_at), Text(safe(e.author)), Text(e.action),
                Text(frame(e.summary, self.mode)), Text(frame(e.note or "", self.mode)),
                Text(e.undone_at or ""),
            )  # fmt: skip
