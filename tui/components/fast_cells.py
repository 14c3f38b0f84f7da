"""A DataTable that draws its cells faster: one line of text each, straight to segments."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widgets import DataTable


class FastCells(DataTable):
    """A DataTable whose body cells (one line of plain or styled text each) are turned
    into segments directly, not through Rich's padding and wrapping: the same cells,
    about four times faster to draw, which is most of what a new page costs. Columns
    given a width are not measured cell by cell when rows arrive (a cell drawn when
    first shown, ``bidi_display.LazyCell``, stays undrawn until it is)."""

    def _update_dimensions(self, new_rows) -> None:
        rows = [self.rows[k] for k in new_rows if k in self.rows]
        if any(c.auto_width for c in self.ordered_columns) or any(
            r.auto_height or r.label is not None for r in rows
        ):
            super()._update_dimensions(new_rows)  # measured as DataTable measures
            return
        # every column has its width and every new row one line with no label: the
        # measuring DataTable does cell by cell would change nothing
        width = sum(c.get_render_width(self) for c in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False):  # fmt: skip
        if row_index < 0 or column_index < 0:  # the header and row labels: as DataTable does
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        key = (row_key, column_key, base_style, cursor, hover, self._show_hover_cursor,
               self._update_count, self._pseudo_class_state)  # fmt: skip
        cached = self._cell_render_cache.get(key)
        if cached is not None:
            return cached
        _label, cells = self._get_row_renderables(row_index)
        cell = cells[column_index]
        if not isinstance(cell, Text) and hasattr(cell, "__rich__"):
            cell = cell.__rich__()  # a cell drawn when first shown (bidi_display.LazyCell)
        text = cell if isinstance(cell, Text) else Text(str(cell))
        fixed = row_index < self.fixed_rows or column_index < self.fixed_columns
        component, post = self._get_styles_to_render_cell(
            False, False, fixed, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css",
        )  # fmt: skip
        style = base_style + Style.from_meta({"row": row_index, "column": column_index})
        style += component
        pad = " " * self.cell_padding
        inner = max(0, width - 2 * self.cell_padding)
        body = [Segment(seg.text, style + seg.style if seg.style else style)
                for seg in text.render(self.app.console) if seg.text and seg.text != "\n"]  # fmt: skip
        used = Segment.get_line_length(body)
        if used < inner and text.justify == "right":
            body.insert(0, Segment(" " * (inner - used), style))
        body = Segment.adjust_line_length(body, inner, style)
        line = [Segment(pad, style), *body, Segment(pad, style)]
        lines = [list(Segment.apply_style(line, post_style=post))]
        self._cell_render_cache[key] = lines
        return lines
