"""The export dialog: where, and how."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label


class ExportScreen(ModalScreen[tuple[str, bool, bool] | None]):
    """Ask where to export, and how (the path offered is beside the ledger, in full)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default_path: str) -> None:
        super().__init__()
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Label("Export the ledger to CSV")
            yield Input(value=self.default_path, id="export-path")
            yield Checkbox("Excel (UTF-8 with BOM)", id="export-excel")
            yield Checkbox("Conflicts only", id="export-conflicts")
            with Horizontal(id="prompt-buttons"):
                yield Button("Export", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def _result(self) -> tuple[str, bool, bool]:
        return (
            self.query_one("#export-path", Input).value,
            self.query_one("#export-excel", Checkbox).value,
            self.query_one("#export-conflicts", Checkbox).value,
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(self._result())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self._result() if event.button.id == "ok" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
