"""The ledger: every claim of the query in one scrolling table that draws only the
lines on screen (Textual's Line API), fetching their rows from the engine a block at a
time; its columns chosen by the analyst, each cell cut at its logical end and reordered
for display, the sorted column marked."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..bidi_display import cell

# (column, header, width, shown unless the analyst hides it): the default set fits 112
# columns (an id of 7 digits whole), so the ledger shows what each claim says and counts
# beside its text at 120 columns and more
LEDGER_COLUMNS = [
    ("mention_id", "id", 7, True), ("claim_id", "fig", 7, True), ("conflict", "⚑", 1, True),
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


# rows fetched from the engine at a time, and how many such blocks are kept: a screen
# needs one or two; the rest spare a fetch when the analyst scrolls back
BLOCK = 100
BLOCKS_KEPT = 40
LINES_KEPT = 400  # drawn lines kept (a few screens)
PADDING = 1  # blank cells either side of a cell, as a DataTable draws them

RowSource = Callable[[int, int], list[dict]]  # (offset, limit) -> the query's rows there


def _no_rows(_offset: int, _limit: int) -> list[dict]:
    return []


class LedgerTable(ScrollView, can_focus=True):
    """Every row of a query (dicts from the engine's query API), drawn line by line: a
    header that stays put, then the rows in view, each fetched with its block of
    ``BLOCK`` rows when first drawn. Scrolling a ledger of 138,000 claims costs what one
    screen costs; the scrollbar is the whole query."""

    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "screen(-1)", "Page up", show=False),
        Binding("pagedown", "screen(1)", "Page down", show=False),
        Binding("home", "first", "First row", show=False),
        Binding("end", "last", "Last row", show=False),
        Binding("enter", "select", "Select", show=False),
    ]
    COMPONENT_CLASSES = {
        "ledger-table--header",
        "ledger-table--even-row",
        "ledger-table--cursor",
    }
    block = BLOCK  # rows fetched at a time
    blocks_kept = BLOCKS_KEPT
    DEFAULT_CSS = """
    LedgerTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        &:focus {
            background-tint: $foreground 5%;
            & > .ledger-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        &:dark > .ledger-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .ledger-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .ledger-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .ledger-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    class RowHighlighted(Message):
        """The cursor moved to a row (``row`` is None when the query has none)."""

        def __init__(self, table: LedgerTable, index: int, row: dict | None) -> None:
            super().__init__()
            self.table, self.index, self.row = table, index, row

        @property
        def control(self) -> LedgerTable:
            return self.table

    class RowSelected(RowHighlighted):
        """Enter (or a click) on the cursor's row."""

    class HeaderSelected(Message):
        """A column's header was clicked: ``key`` names the column."""

        def __init__(self, table: LedgerTable, key: str) -> None:
            super().__init__()
            self.table, self.key = table, key

        @property
        def control(self) -> LedgerTable:
            return self.table

    class RowsShown(Message):
        """The rows in view changed: ``first`` and ``last`` (0-based), of ``total``."""

        def __init__(self, table: LedgerTable, first: int, last: int, total: int) -> None:
            super().__init__()
            self.table, self.first, self.last, self.total = table, first, last, total

        @property
        def control(self) -> LedgerTable:
            return self.table

    def __init__(self, shown: set[str], mode: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown = shown
        self.mode = mode
        self.cursor_row = 0
        self.row_count = 0
        self.sort: str | None = None
        self.descending = False
        self._source: RowSource = _no_rows
        self._blocks: OrderedDict[int, list[dict]] = OrderedDict()
        self._lines: OrderedDict[tuple, Strip] = OrderedDict()
        self._header: Strip | None = None
        self._shown_range: tuple[int, int, int] | None = None

    # ------------------------------------------------------------------ columns
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
        self._redraw()

    def column_at(self, x: int) -> str | None:
        """The key of the column drawn at content column ``x`` (scrolling counted)."""
        left = 0
        for key, _label, width in self.layout_columns:
            left += width + 2 * PADDING
            if x < left:
                return key
        return None

    @property
    def table_width(self) -> int:
        """Cells the columns take side by side."""
        return sum(width + 2 * PADDING for *_, width in self.layout_columns)

    # ------------------------------------------------------------------ rows
    def show_rows(self, source: RowSource, total: int, first: list[dict] | None = None,
                  keep: int | None = None, at_top: bool = False) -> None:  # fmt: skip
        """Show a query's rows: ``source(offset, limit)`` fetches them, ``total`` counts
        them, ``first`` (optional) are its first ``block`` rows, already fetched. The
        cursor goes to the top (``at_top``), else stays where it was, on mention
        ``keep`` when it is near."""
        self._source = source
        self._blocks.clear()
        if first is not None:
            self._blocks[0] = first
        self.row_count = total
        if at_top:
            self.cursor_row = 0
            self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor_row = max(0, min(self.cursor_row, total - 1))
        if keep is not None:
            found = self._near(keep, self.cursor_row)
            if found is not None:
                self.cursor_row = found
        self._redraw()
        self._scroll_cursor_into_view()
        self._highlighted()

    def row_at(self, index: int) -> dict | None:
        """Row ``index`` of the query (fetched with its block when not yet held)."""
        if not 0 <= index < self.row_count:
            return None
        number, at = divmod(index, self.block)
        rows = self._blocks.get(number)
        if rows is None:
            rows = self._blocks[number] = self._source(number * self.block, self.block)
            while len(self._blocks) > self.blocks_kept:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        return rows[at] if at < len(rows) else None

    @property
    def blocks_held(self) -> list[int]:
        """The blocks of rows held now (block ``k`` holds rows ``k * block`` onwards)."""
        return sorted(self._blocks)

    def rows_between(self, start: int, stop: int) -> list[dict]:
        """Rows ``start`` to ``stop`` (exclusive) of the query."""
        rows = (self.row_at(i) for i in range(max(0, start), min(stop, self.row_count)))
        return [r for r in rows if r is not None]

    def current_row(self) -> dict | None:
        """The row under the cursor."""
        return self.row_at(self.cursor_row)

    def _near(self, mention_id: int, index: int) -> int | None:
        """Where mention ``mention_id`` is, within a block of row ``index``."""
        for i in range(max(0, index - self.block), min(self.row_count, index + self.block)):
            row = self.row_at(i)
            if row is not None and row["mention_id"] == mention_id:
                return i
        return None

    # ------------------------------------------------------------------ cursor
    @property
    def rows_in_view(self) -> int:
        """Rows a screen holds (the header takes a line)."""
        return max(1, self.scrollable_content_region.height - 1)

    def move_cursor(self, row: int) -> None:
        """Put the cursor on row ``row`` (kept in view) and say so."""
        if self.row_count == 0:
            return
        row = max(0, min(row, self.row_count - 1))
        old, self.cursor_row = self.cursor_row, row
        if old != row:
            self._forget_line(old)
            self._forget_line(row)
            self.refresh_line(old + 1)
            self.refresh_line(row + 1)
        self._scroll_cursor_into_view()
        self._highlighted()

    def action_cursor(self, delta: int) -> None:
        self.move_cursor(self.cursor_row + delta)

    def action_screen(self, delta: int) -> None:
        """A screen of rows down (1) or up (-1), the cursor with it."""
        step = self.rows_in_view * delta
        self.scroll_to(y=max(0, self.scroll_y + step), animate=False, immediate=True)
        self.move_cursor(self.cursor_row + step)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self.row_count - 1)

    def action_select(self) -> None:
        if self.row_count:
            self.post_message(self.RowSelected(self, self.cursor_row, self.current_row()))

    def _scroll_cursor_into_view(self) -> None:
        top, rows = round(self.scroll_y), self.rows_in_view
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + rows:
            self.scroll_to(y=self.cursor_row - rows + 1, animate=False, immediate=True)

    def _highlighted(self) -> None:
        self.post_message(self.RowHighlighted(self, self.cursor_row, self.current_row()))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        x, y = offset.x + round(self.scroll_x), offset.y
        if y == 0:
            key = self.column_at(x)
            if key is not None:
                self.post_message(self.HeaderSelected(self, key))
            return
        index = round(self.scroll_y) + y - 1
        if index >= self.row_count:
            return
        if index == self.cursor_row:
            self.action_select()
        else:
            self.move_cursor(index)
        event.stop()

    # ------------------------------------------------------------------ drawing
    def mark_sort(self, sort: str | None, descending: bool) -> None:
        """Mark the sorted column's header with ▲ or ▼ (and no other)."""
        self.sort, self.descending = sort, descending
        self._header = None
        self.refresh()

    def _redraw(self) -> None:
        self._lines.clear()
        self._header = None
        self.virtual_size = Size(self.table_width, self.row_count + 1)
        self.refresh()

    def _forget_line(self, index: int) -> None:
        for key in [k for k in self._lines if k[0] == index]:
            del self._lines[key]

    def on_focus(self) -> None:
        self._lines.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._lines.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()
        self._header = None

    def on_resize(self) -> None:
        self._say_shown()  # a taller or shorter table shows more or fewer rows

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._say_shown()

    def _say_shown(self) -> None:
        top = round(self.scroll_y)
        last = min(self.row_count, top + self.rows_in_view) - 1
        shown = (top, last, self.row_count)
        if shown != self._shown_range:
            self._shown_range = shown
            self.post_message(self.RowsShown(self, *shown))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x = round(self.scroll_x)
        if y == 0:
            if self._header is None:
                self._header = self._header_strip()
            strip = self._header
        else:
            index = round(self.scroll_y) + y - 1
            strip = self._row_strip(index) if index < self.row_count else Strip.blank(0)
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def header_label(self, key: str) -> str:
        """Column ``key``'s header as drawn (with ▲ or ▼ when the rows are sorted by it)."""
        label = next(label for k, label, _ in self.layout_columns if k == key)
        sorted_by = self.sort not in (None, "", "mention_id") or self.descending
        if key == self.sort and sorted_by:
            return label + (" ▼" if self.descending else " ▲")
        return label

    def cells(self, row: dict) -> list[Text]:
        """A row's cells, as drawn in the columns shown."""
        return [self.cell(key, row, width) for key, _label, width in self.layout_columns]

    def _header_strip(self) -> Strip:
        style = self.rich_style + self.get_component_rich_style("ledger-table--header")
        segments: list[Segment] = []
        for key, _label, width in self.layout_columns:
            segments += _cell_segments(Text(self.header_label(key)), width, style, self.app.console)
        return Strip(segments, self.table_width)

    def _row_strip(self, index: int) -> Strip:
        cursor = index == self.cursor_row
        key = (index, cursor)
        strip = self._lines.get(key)
        if strip is not None:
            return strip
        row = self.row_at(index)
        if row is None:
            return Strip.blank(0)
        style = self.rich_style
        if index % 2:
            style += self.get_component_rich_style("ledger-table--even-row")
        if cursor:
            style += self.get_component_rich_style("ledger-table--cursor")
        segments: list[Segment] = []
        for text, (_key, _label, width) in zip(self.cells(row), self.layout_columns, strict=True):
            segments += _cell_segments(text, width, style, self.app.console)
        strip = self._lines[key] = Strip(segments, self.table_width)
        while len(self._lines) > LINES_KEPT:
            self._lines.popitem(last=False)
        return strip

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


def _cell_segments(text: Text, width: int, style: Style, console) -> list[Segment]:
    """One cell as segments: padded, cut or filled to ``width``, right-justified text
    pushed right, the cell's own styles over the row's."""
    body = [Segment(seg.text, style + seg.style if seg.style else style)
            for seg in text.render(console) if seg.text and seg.text != "\n"]  # fmt: skip
    used = Segment.get_line_length(body)
    if used < width and text.justify == "right":
        body.insert(0, Segment(" " * (width - used), style))
    body = Segment.adjust_line_length(body, width, style)
    pad = Segment(" " * PADDING, style)
    return [pad, *body, pad]
