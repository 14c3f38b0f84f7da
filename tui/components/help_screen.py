"""Help: the keys (from the actions table) and how to read the screen."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from ..actions import help_table


class HelpScreen(ModalScreen):
    """Keys and how to read the screen (help.md)."""

    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "Close")]

    def compose(self) -> ComposeResult:
        text = Path(__file__).with_name("help.md").read_text(encoding="utf-8")
        text = text.replace("{keys}", help_table())
        with VerticalScroll(id="help-box"):
            yield Markdown(text)
