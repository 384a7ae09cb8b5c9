"""Whole rows written straight into an XlsxWriter worksheet's row file (constant-memory mode).

XlsxWriter's cell methods keep each cell in a table until its row ends, then
turn it into XML; for the registers' hundred thousand rows that bookkeeping is
most of the time. A printed sheet always knows a whole row at once — its cells,
their formats, its height — so ``RowStream`` writes the row's XML itself, the
XML XlsxWriter writes for the same cells (``tests/exporters/test_xlsx_rows.py``
compares the two byte for byte), into the file XlsxWriter streams the rows to,
and keeps the sheet's dimensions as XlsxWriter would. Everything else —
formats, widths, merges, panes, print settings, the file itself — stays
XlsxWriter's.

The rules of ``exporters.safe`` hold: text is always an inline string (never a
formula, a number or a link), cleaned of what XML forbids, with Excel's quote
prefix when it looks like a formula; ``None`` and empty text are an empty cell
that keeps its format (borders).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from xlsxwriter.utility import xl_col_to_name

from exporters.safe import FORMULA_START, CellStyle, clean_text

_LITERAL_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")  # text that Excel would read as an escaped character
_EPOCH = dt.datetime(1899, 12, 31)


def excel_serial(value: dt.date) -> float:
    """A date (or date and time) as Excel's serial number (1900 system, its leap-year day counted)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    elif value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    delta = value - _EPOCH
    serial = delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400
    return serial + 1 if serial > 59 else serial


def _text_xml(text: str) -> str:
    """``text`` as the content of an inline string's ``<t>``: escaped, whitespace kept."""
    if "_x" in text:
        text = _LITERAL_ESCAPE.sub(r"_x005F\1", text)
    if "\r" in text:  # a bare carriage return would be read back as a line feed
        text = text.replace("\r", "_x000D_")
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text[0].isspace() or text[-1].isspace():
        return f'<t xml:space="preserve">{text}</t>'
    return f"<t>{text}</t>"


class RowStream:
    """The rows of one constant-memory worksheet, written whole and in order."""

    def __init__(self, ws):
        if not ws.constant_memory:
            raise ValueError("RowStream writes the rows of a constant-memory worksheet")
        self.ws = ws
        self.letters: list[str] = []
        self.indexes: dict[int, int] = {}  # id(style) → its format number, -id(style) → quoted

    def write(self, row: int, height: float, cells: Sequence[tuple[int, Any, CellStyle]]) -> None:
        """Row ``row`` (0-based) of ``height`` points with ``cells``: (column, value, style), columns rising.

        A number is a number, a date a date (its format is the style's), a bool
        是 or 否, ``None`` an empty cell with its style, anything else text.
        """
        ws = self.ws
        if row > ws.previous_row:  # whatever XlsxWriter holds of the row before goes first
            ws._write_single_row(row)
        elif row < ws.previous_row or ws.table:
            raise ValueError(f"row {row + 1} after row {ws.previous_row + 1}: rows are written in order")
        number = str(row + 1)
        pixels = height * 4 / 3  # XlsxWriter keeps heights in pixels
        if pixels != ws.default_row_height or pixels != ws.original_row_height:
            parts = [f'<row r="{number}" ht="{pixels * 0.75:.16g}" customHeight="1"']
        else:
            parts = [f'<row r="{number}"']
        if not cells:
            parts.append("/>")
        else:
            parts.append(">")
            for column, value, style in cells:
                parts.append(self._cell(self._letter(column) + number, value, style))
            parts.append("</row>")
        ws.row_data_fh.write("".join(parts))
        self._dimensions(row, cells)

    def _cell(self, ref: str, value: Any, style: CellStyle) -> str:
        kind = value.__class__
        if kind is not str:
            if value is None:
                return f'<c r="{ref}" s="{self._index(style)}"/>'
            if kind is bool:
                value = "是" if value else "否"
            elif kind is int or kind is float or isinstance(value, int | float):
                return f'<c r="{ref}" s="{self._index(style)}"><v>{value:.16G}</v></c>'
            elif isinstance(value, dt.date):
                return f'<c r="{ref}" s="{self._index(style)}"><v>{excel_serial(value):.16G}</v></c>'
        text = clean_text(value)
        if not text:
            return f'<c r="{ref}" s="{self._index(style)}"/>'
        index = self._quoted(style) if text.startswith(FORMULA_START) else self._index(style)
        return f'<c r="{ref}" s="{index}" t="inlineStr"><is>{_text_xml(text)}</is></c>'

    def _index(self, style: CellStyle) -> int:
        """The format number of ``style``, looked up once."""
        index = self.indexes.get(id(style))
        if index is None:
            index = self.indexes[id(style)] = style.plain._get_xf_index()
        return index

    def _quoted(self, style: CellStyle) -> int:
        """The format number of ``style`` with the quote prefix (made when first needed)."""
        key = -id(style)
        index = self.indexes.get(key)
        if index is None:
            index = self.indexes[key] = style.quoted._get_xf_index()
        return index

    def _letter(self, column: int) -> str:
        while len(self.letters) <= column:
            self.letters.append(xl_col_to_name(len(self.letters)))
        return self.letters[column]

    def _dimensions(self, row: int, cells: Sequence[tuple[int, Any, CellStyle]]) -> None:
        """The sheet's used range, as XlsxWriter keeps it (its ``<dimension>``; no rows without it)."""
        ws = self.ws
        if ws.dim_rowmin is None or row < ws.dim_rowmin:
            ws.dim_rowmin = row
        if ws.dim_rowmax is None or row > ws.dim_rowmax:
            ws.dim_rowmax = row
        if cells:
            first, last = cells[0][0], cells[-1][0]
            if ws.dim_colmin is None or first < ws.dim_colmin:
                ws.dim_colmin = first
            if ws.dim_colmax is None or last > ws.dim_colmax:
                ws.dim_colmax = last
