"""A ledger that cannot be opened."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from ..bidi_display import safe
from .key_bar import KeyBar


class ErrorScreen(Screen):
    """A ledger that cannot be opened: say why, plainly, and offer to quit."""

    BINDINGS = [Binding("q,escape", "quit_unusable", "Quit")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def action_quit_unusable(self) -> None:
        """Quit with exit code 3 (the ledger cannot be used), saying why once more."""
        self.app.exit(return_code=3, message=Text(f"error: {safe(self.message)}"))

    def compose(self) -> ComposeResult:
        yield Static(
            Text("fact-ledger cannot open the ledger\n\n", style="bold red")
            + Text(safe(self.message)),
            id="error-box",
        )
        yield KeyBar()
