"""Choose the ledger's columns: a checklist, kept between runs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList


class ColumnsScreen(ModalScreen[list[str] | None]):
    """Tick the columns to show (space toggles, enter applies, escape cancels)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("enter", "apply", "Apply", priority=True),  # not the list's own toggle
    ]

    def __init__(self, choices: list[tuple[str, str, bool]]) -> None:
        super().__init__()
        self.choices = choices  # (header, column key, shown)

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Label("Columns of the ledger (space ticks, enter applies)")
            yield SelectionList[str](*self.choices, id="columns-list")
            with Horizontal(id="prompt-buttons"):
                yield Button("Apply", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_apply(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_apply()
        else:
            self.action_cancel()
