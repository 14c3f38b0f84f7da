"""Screens: a figure's page, the conflicts view, the audit log, help, prompts, errors."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, DataTable, Footer, Input, Label, Markdown, Static

from ledger.intervals import wording

from ..actions import help_table
from ..bidi_display import cell, frame, safe
from .interval_chart import interval_chart


class FigureScreen(Screen):
    """Every mention of one figure side by side, with the interval chart."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, figure: dict, mode: str) -> None:
        super().__init__()
        self.figure = figure
        self.mode = mode

    def compose(self) -> ComposeResult:
        f = self.figure
        status = f["status"] if f["conflict"] else "no conflict"
        head = Text(
            f"Figure {f['claim_id']}: {f['mentions']} mention{'' if f['mentions'] == 1 else 's'} "
            f"in {f['articles']} article{'' if f['articles'] == 1 else 's'}  ·  {status}",
            style="bold",
        )
        if f.get("reason"):
            head.append("\n" + frame(f["reason"], self.mode), style="red")
        if f.get("note"):
            head.append("\nnote: " + frame(f["note"], self.mode), style="green")
        yield Static(head, id="figure-head")
        yield Static(interval_chart(f["mention_rows"], 100, self.mode), id="figure-chart")
        table = DataTable(id="figure-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    def selected_row(self) -> dict | None:
        """The mention under the cursor, as a row of the main table: decisions on this
        page act on it and on this figure."""
        rows = self.figure["mention_rows"]
        cursor = self.query_one("#figure-table", DataTable).cursor_row
        if not rows or cursor is None or cursor >= len(rows):
            return None
        return {**rows[cursor], "claim_id": self.figure["claim_id"],
                "conflict": self.figure["conflict"]}  # fmt: skip

    def mates(self, mention_id: int) -> list[dict]:
        """The figure's other mentions."""
        return [m for m in self.figure["mention_rows"] if m["mention_id"] != mention_id]

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            "mention", "outlet", "date", "article", "wording", "said", "qualifier", "sentence"
        )
        for m in self.figure["mention_rows"]:
            table.add_row(
                Text(str(m["mention_id"])), cell(m["outlet"], self.mode), cell((m["published"] or "")[:10], self.mode),
                cell(m["article"], self.mode, 24),
                Text(wording(m["qualifier"], m["value"], m["low"], m["high"], m["unit"])),
                cell(m["text"], self.mode), cell(m["qualifier"], self.mode), cell(m["sentence"], self.mode, 90),
            )  # fmt: skip


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
        yield Label(f"Audit log: {len(self.entries)} decisions", id="log-title")
        yield DataTable(id="log-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("id", "when", "who", "action", "what", "note", "undone")
        for e in self.entries:
            table.add_row(
                Text(str(e.id)), Text(e.created_at), Text(safe(e.author)), Text(e.action),
                Text(frame(e.summary, self.mode)), Text(frame(e.note or "", self.mode)),
                Text(e.undone_at or ""),
            )  # fmt: skip


class HelpScreen(ModalScreen):
    """Keys and how to read the screen (help_screen.md)."""

    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "Close")]

    def compose(self) -> ComposeResult:
        text = Path(__file__).with_name("help_screen.md").read_text(encoding="utf-8")
        text = text.replace("{keys}", help_table())
        with VerticalScroll(id="help-box"):
            yield Markdown(text)


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text (a note, a value, a path)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Label(self.question)
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            with Horizontal(id="prompt-buttons"):
                yield Button("OK", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.query_one(Input).value if event.button.id == "ok" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


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
        yield Footer()
