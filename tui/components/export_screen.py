"""The export dialog: where, and how."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
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
        self.confirmed: str | None = None  # a path whose file the analyst agreed to replace

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Label("Export the ledger to CSV")
            yield Input(value=self.default_path, id="export-path")
            yield Checkbox("Excel (UTF-8 with BOM)", id="export-excel")
            yield Checkbox("Conflicts only", id="export-conflicts")
            yield Label("", id="export-warning")
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
        self._export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._export()
        else:
            self.dismiss(None)

    def _export(self) -> None:
        """Export, unless that would replace a file the analyst has not agreed to lose:
        then say so, and export on a second Enter (or Export)."""
        path = self.query_one("#export-path", Input).value
        target = Path(path).expanduser()
        if target.exists() and self.confirmed != path:
            self.confirmed = path
            self.query_one("#export-warning", Label).update(
                Text(f"{target.name} exists: Enter again to replace it, or change the path")
            )
            return
        self.dismiss(self._result())

    def action_cancel(self) -> None:
        self.dismiss(None)
