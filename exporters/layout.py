"""The printed look of a register sheet, as offices print them.

A merged title row, a line with 填报单位 / 统计时段 / 填报日期, a bold bordered
header, bordered wrapped rows, a sign-off line; A4, one page wide, the header
repeated on every page, 第 N 页 共 M 页 in the footer, 宋体 throughout.

Sheets are written streaming (openpyxl write-only), so everything that sits
before the rows in the file (column widths, frozen panes, fit-to-page) is set
in ``start``; merges and print settings are kept until the sheet is closed.
Cell styles are built once per workbook as style arrays and copied per cell:
assigning Font/Border objects to each cell would cost more than writing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from exporters.safe import text_cell, value_cell

FONT = "宋体"
PAPER_A4 = "9"  # the paper size code of A4 in SpreadsheetML
FOOTER = "第 &P 页 共 &N 页"
LINE_HEIGHT = 12.75  # points per line of 10-point 宋体
SIGNOFF = "填表人：　　　　　　　　　　审核人：　　　　　　　　　　联系电话："
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclass(frozen=True)
class Col:
    """A column of a printed sheet: header text, width in Excel characters, cell style."""

    title: str
    width: float
    style: str = "text"  # a key of Styles.cells: text | center | int | date | percent | id


class Styles:
    """The style arrays of one workbook, made once and copied into every cell."""

    def __init__(self, wb: Workbook):
        ws = wb.create_sheet("_styles")  # a scratch sheet to bind styles to this workbook
        body = Font(name=FONT, size=10)
        left = Alignment(vertical="center", wrap_text=True)
        center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.cells = {
            "text": self._make(ws, body, left, _BOX),
            "center": self._make(ws, body, center, _BOX),
            "int": self._make(ws, body, center, _BOX, "0"),
            "date": self._make(ws, body, center, _BOX, "yyyy-mm-dd"),
            "percent": self._make(ws, body, center, _BOX, "0.0%"),
            "id": self._make(ws, body, center, _BOX, "@"),
        }
        self.title = self._make(ws, Font(name=FONT, size=16, bold=True),
                                Alignment(horizontal="center", vertical="center"), None)
        self.line = self._make(ws, Font(name=FONT, size=10), Alignment(vertical="center"), None)
        self.line_right = self._make(ws, Font(name=FONT, size=10),
                                     Alignment(horizontal="right", vertical="center"), None)
        self.header = self._make(ws, Font(name=FONT, size=10, bold=True), center, _BOX)
        self.bold = {key: self._with_font(ws, array, Font(name=FONT, size=10, bold=True))
                     for key, array in self.cells.items()}
        marked = PatternFill("solid", fgColor="FFE0E0")
        self.marked = {key: self._with_fill(ws, array, marked) for key, array in self.cells.items()}
        wb.remove(ws)

    @staticmethod
    def _make(ws, font, alignment, border, number_format: str | None = None) -> StyleArray:
        cell = text_cell(ws, "", StyleArray())
        cell.font = font
        cell.alignment = alignment
        if border is not None:
            cell.border = border
        if number_format:
            cell.number_format = number_format
        return StyleArray(cell._style)

    @staticmethod
    def _with_font(ws, array, font) -> StyleArray:
        cell = text_cell(ws, "", array)
        cell.font = font
        return StyleArray(cell._style)

    @staticmethod
    def _with_fill(ws, array, fill) -> StyleArray:
        cell = text_cell(ws, "", array)
        cell.fill = fill
        return StyleArray(cell._style)


class PrintedSheet:
    """One streaming sheet: title, info line, header, rows, sign-off."""

    HEADER_ROW = 3

    def __init__(self, wb: Workbook, styles: Styles, name: str, columns: Sequence[Col],
                 landscape: bool = True):
        self.ws = wb.create_sheet(name)
        self.styles, self.columns, self.landscape = styles, tuple(columns), landscape
        self.width = len(self.columns)
        self.styles_of_columns = tuple(column.style for column in self.columns)
        self.room = tuple(max(1.0, column.width - 0.4) for column in self.columns)  # less cell padding
        self.sure = tuple(int(room / 1.7) for room in self.room)  # characters that fit whatever they are
        self.rows = 0  # rows written so far, all kinds

    def start(self, title: str, left: str, right: str = "") -> None:
        """Everything above the data: title row, info line, header row."""
        ws = self.ws
        for index, column in enumerate(self.columns, 1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.freeze_panes = f"A{self.HEADER_ROW + 1}"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.row_dimensions[1].height = 30
        self._merged_line(title, self.styles.title)
        if right:
            split = self._split(left)
            self._append([text_cell(ws, left, self.styles.line)] + [None] * (split - 1)
                         + [text_cell(ws, right, self.styles.line_right)])
            self._merge(1, split)
            self._merge(split + 1, self.width)
        else:
            self._merged_line(left, self.styles.line)
        titles = [column.title for column in self.columns]
        self._append([text_cell(ws, title, self.styles.header) for title in titles], self._lines(titles))

    def _split(self, left: str) -> int:
        """How many columns the left part of the info line spans so that its text fits."""
        needed, room = len(left) * 1.7, 0.0
        for index, column in enumerate(self.columns[:-1], 1):
            room += column.width
            if room >= needed:
                return index
        return self.width - 1

    def row(self, values: Sequence[Any], marked: bool = False, bold: bool = False,
            styles: Sequence[str] | None = None) -> None:
        """One bordered data row; ``marked`` shades it (overdue), ``bold`` for totals.

        ``styles`` overrides the columns' cell styles for this row.
        """
        ws = self.ws
        arrays = self.styles.marked if marked else self.styles.bold if bold else self.styles.cells
        keys = styles or self.styles_of_columns
        self._append([value_cell(ws, value, arrays[key])
                      for value, key in zip(values, keys, strict=True)], self._lines(values))

    def _lines(self, values: Sequence[Any]) -> int:
        """How many printed lines the row's longest wrapped text needs.

        Neither Excel nor LibreOffice fits row heights to wrapped text when
        opening a file, so the height is estimated here from the text's length
        in units of column width.
        """
        lines = 1
        for value, room, sure in zip(values, self.room, self.sure, strict=False):
            if value.__class__ is str and len(value) > sure and value:
                # UTF-8 spends 3 bytes on a CJK character, 1 on ASCII; printed, a CJK
                # character of 10-point 宋体 takes about 1.7 units of column width
                units = len(value) + (len(value.encode()) - len(value)) * 0.35
                needed = -int(-units // room) + value.count("\n")
                if needed > lines:
                    lines = needed
        return lines

    def merge_down(self, column: int, first: int, last: int) -> None:
        """Merge one column's cells from row ``first`` to ``last`` (a category spanning its lines)."""
        if last > first:
            letter = get_column_letter(column)
            self.ws.merged_cells.add(f"{letter}{first}:{letter}{last}")

    def finish(self, signoff: str) -> None:
        """The sign-off line under the rows, and the print settings."""
        self._append([])
        self._merged_line(signoff, self.styles.line)
        ws = self.ws
        ws.page_setup.paperSize = PAPER_A4
        ws.page_setup.orientation = "landscape" if self.landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top, ws.page_margins.bottom = 0.6, 0.7
        ws.page_margins.footer = 0.3
        ws.print_title_rows = f"{self.HEADER_ROW}:{self.HEADER_ROW}"
        ws.oddFooter.center.text = FOOTER
        ws.oddFooter.center.font = FONT
        ws.oddFooter.center.size = 9

    def _merged_line(self, text: str, style: StyleArray) -> None:
        self._append([text_cell(self.ws, text, style)])
        self._merge(1, self.width)

    def _merge(self, first: int, last: int) -> None:
        if last > first:
            row = self.rows
            self.ws.merged_cells.add(f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}")

    def _append(self, cells: list, lines: int = 1) -> None:
        """Write one row; a row of several lines gets its height (dropped again once written,
        so that a million rows do not keep a million row records)."""
        self.rows += 1
        if lines > 1:
            dimensions = self.ws.row_dimensions
            dimensions[self.rows].height = LINE_HEIGHT * lines + 3
            self.ws.append(cells)
            del dimensions[self.rows]
        else:
            self.ws.append(cells)
