"""A page's keys in one line at the bottom."""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    """The keys of the screen it is on, as Textual's footer shows them, drawn as one
    line of text. The footer builds a widget per key and restyles them all as focus
    settles on a new page (about a third of the time to open one); this draws a text."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $panel;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self.redraw)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self.redraw()

    def redraw(self) -> None:
        """Draw the keys the screen offers now (a disabled one dimmed)."""
        line, seen = Text(no_wrap=True, overflow="ellipsis"), set()
        active = self.screen.active_bindings
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        shown = [b for b in active.values() if b[1].show]
        if self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            shown.append(palette)  # last, as the footer shows it
        for _node, binding, enabled, _tooltip in shown:
            if binding.action in seen:
                continue
            seen.add(binding.action)
            line.append(f" {self.app.get_key_display(binding)} ",
                        style="bold reverse" if enabled else "dim reverse")  # fmt: skip
            line.append(f" {binding.description}  ", style="" if enabled else "dim")
        self.update(line)
