"""A page's keys in one line at the bottom."""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    """The keys of the screen it is on, as Textual's footer shows them, drawn as one
    line of text. The footer builds a widget per key and restyles them all as focus
    settles on a new page (about a third of the time to open one, and the main screen's
    footer restyled its keys again under every page opened over it); this draws a
    text."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $panel;
    }
    """

    line: Text = Text()  # what is drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self.redraw)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self.redraw()

    def on_resize(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Draw the keys the screen offers now (a disabled one dimmed). When the line
        does not fit: single spaces, then the last keys without their words, so every
        key stays in view (help describes them all)."""
        keys = self._keys()
        width = self.size.width or self.app.size.width
        line = self._line(keys, len(keys), compact=False)
        described = len(keys)
        while line.cell_len > width and described >= 0:
            line = self._line(keys, described, compact=True)
            described -= 1
        self.line = line
        self.update(line)

    def _keys(self) -> list[tuple[str, str, bool]]:
        """(key, description, enabled) of each key the screen offers, once per action."""
        active = self.screen.active_bindings
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        shown = [b for b in active.values() if b[1].show]
        if self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            shown.append(palette)  # last, as the footer shows it
        keys, seen = [], set()
        for _node, binding, enabled, _tooltip in shown:
            if binding.action in seen:
                continue
            seen.add(binding.action)
            keys.append((self.app.get_key_display(binding), binding.description, enabled))
        return keys

    @staticmethod
    def _line(keys: list[tuple[str, str, bool]], described: int, compact: bool) -> Text:
        """The keys, the first ``described`` with their words."""
        line = Text(no_wrap=True, overflow="ellipsis")
        pad = "" if compact else " "
        for n, (key, description, enabled) in enumerate(keys):
            line.append(f"{pad}{key}{pad}", style="bold reverse" if enabled else "dim reverse")
            if n < described:
                gap = " " if compact else "  "
                line.append(f" {description}{gap}", style="" if enabled else "dim")
            else:
                line.append(" ")
        return line
