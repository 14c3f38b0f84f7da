"""The ledger: one page of claims at a time, its columns chosen by the analyst, each
cell cut at its logical end and reordered for display, the sorted column marked."""

from __future__ import annotations

from rich.text import Text

from ..bidi_display import cell
from .fast_cells import FastCells

# (column, header, width, shown unless the analyst hides it): fixed widths spare the
# table from measuring every cell; the default set fits 110 columns, so the ledger shows
# what each claim says and counts beside its text at 120 columns and more
LEDGER_COLUMNS = [
    ("mention_id", "id", 6, True), ("claim_id", "fig", 6, True), ("conflict", "⚑", 1, True),
    ("outlet", "outlet", 9, True), ("published", "date", 10, True), ("text", "text", 18, True),
    ("value", "value", 11, True), ("qualifier", "qualifier", 9, True),
    ("entity", "entity", 9, True), ("event", "event", 9, True),
    ("kind", "kind", 8, False), ("low", "low", 9, False), ("high", "high", 9, False),
    ("article", "article", 24, False),
]  # fmt: skip
DEFAULT_COLUMNS = [key for key, *_, shown in LEDGER_COLUMNS if shown]
ALL_COLUMNS = [key for key, *_ in LEDGER_COLUMNS]


SCALES = ((10**12, "tn"), (10**9, "bn"), (10**6, "m"), (10**3, "k"))


def number(value, width: int | None = None) -> str:
    """A value as the ledger shows it: 12,000 or 2.5; one too wide for its column is
    written with a scale (400 bn, 2.8 tn), never cut (400,000,000,000 cut to eleven
    characters would read as 400 million)."""
    if value is None:
        return ""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"
    if width is None or len(text) <= width:
        return text
    for scale, name in SCALES:
        if abs(value) >= scale:
            for digits in (4, 3, 2):
                short = f"{value / scale:.{digits}g} {name}"
                if len(short) <= width:
                    return short
    return text[: max(1, width - 1)] + "…"  # still too wide: visibly cut


class LedgerTable(FastCells):
    """A page of claim rows (dicts from the engine's query API)."""

    def __init__(self, shown: set[str], mode: str, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.shown = shown
        self.mode = mode

    @property
    def layout_columns(self) -> list[tuple[str, str, int]]:
        """The columns shown, in order: (key, header, width)."""
        return [(k, label, w) for k, label, w, _ in LEDGER_COLUMNS if k in self.shown]

    def choices(self) -> list[tuple[str, str, bool]]:
        """Every column, for the chooser: (header, key, shown)."""
        return [(label, key, key in self.shown) for key, label, *_ in LEDGER_COLUMNS]

    def build_columns(self, shown: set[str] | None = None) -> None:
        """(Re)make the columns: those in ``shown``, in the table's own order."""
        if shown is not None:
            self.shown = shown
        self.clear(columns=True)
        for key, label, width in self.layout_columns:
            self.add_column(label, key=key, width=width)

    def show_rows(self, rows: list[dict], keep: int | None, sort: str | None,
                  descending: bool) -> None:  # fmt: skip
        """Show a page of rows, the cursor on mention ``keep`` when it is there."""
        self.clear()
        for r in rows:
            self.add_row(*(self.cell(key, r, width) for key, _, width in self.layout_columns),
                         key=str(r["mention_id"]))  # fmt: skip
        self.mark_sort(sort, descending)
        ids = [r["mention_id"] for r in rows]
        if keep in ids:
            self.move_cursor(row=ids.index(keep))

    def mark_sort(self, sort: str | None, descending: bool) -> None:
        """Mark the sorted column's header with ▲ or ▼ (and no other)."""
        sorted_by = sort not in (None, "", "mention_id") or descending
        for key, label, _width in self.layout_columns:
            column = self.columns.get(key)
            if column is None:
                continue
            arrow = (" ▼" if descending else " ▲") if key == sort and sorted_by else ""
            column.label = Text(label + arrow)
        self.refresh()

    def cell(self, key: str, row: dict, width: int) -> Text:
        """One cell, cut to its column at the logical end (never the start of Arabic)."""
        value = row[key]
        if key == "conflict":
            return Text("⚑" if value else "", style="bold red")
        if key == "value" and value is None and row["low"] is not None:
            low, high = number(row["low"]), number(row["high"])
            if len(low) + len(high) + 1 > width:
                half = (width - 1) // 2
                low, high = number(row["low"], half), number(row["high"], width - 1 - half)
            return Text(f"{low}–{high}", justify="right")
        if key in ("value", "low", "high"):
            return Text(number(value, width), justify="right")
        if key == "published":
            return cell((value or "")[:10], self.mode)
        return cell(value, self.mode, width)
