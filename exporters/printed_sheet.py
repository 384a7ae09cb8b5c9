"""A register sheet written with openpyxl (write-only) from its layout (``exporters.layout``).

Sheets are streamed, so everything that sits before the rows in the file
(column widths, frozen panes, the default row height) is set in ``start``;
merges, page breaks and print settings are kept until the sheet is closed.
Cell styles are built once per workbook as style arrays and copied per cell:
assigning Font/Border objects to each cell would cost more than writing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook import Workbook
from openpyxl.worksheet.pagebreak import Break

from exporters.layout import (
    BODY_POINTS,
    EMPTY,
    FONT,
    FOOTER,
    PAPER_A4,
    TITLE_POINTS,
    Col,
    Page,
    Pagination,
    column_points,
    row_height,
    text_ems,
    wrapped_lines,
)
from exporters.safe import text_cell, value_cell

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
ONE_LINE = row_height(1)


DEFAULT_FONT = Font(name="Arial", sz=10, family=2)


def set_default_font(wb: Workbook) -> None:
    """Arial 10 as the workbook's default font: the unit of its column widths.

    A column's width is counted in digits of the default font. Excel and WPS
    draw an Arial 10 digit 7 pixels wide, and so does LibreOffice with Liberation
    Sans, which has Arial's metrics and comes with every Linux desktop; the default
    Calibri is drawn 9 pixels wide where it is missing (LibreOffice then uses
    DejaVu Sans), and the pages, laid out for 7, would print a quarter empty.
    """
    wb._fonts = IndexedList([DEFAULT_FONT])
    normal = wb._named_styles["Normal"]
    normal.font = copy(DEFAULT_FONT)


class Styles:
    """The style arrays of one workbook, made once and copied into every cell."""

    def __init__(self, wb: Workbook):
        set_default_font(wb)  # before any style is made: it is the workbook's font number 0
        ws = wb.create_sheet("_styles")  # a scratch sheet to bind styles to this workbook
        body = Font(name=FONT, size=BODY_POINTS)
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
        self.line = self._make(ws, body, Alignment(vertical="center"), None)
        self.line_right = self._make(ws, body, Alignment(horizontal="right", vertical="center"), None)
        self.header = self._make(ws, Font(name=FONT, size=BODY_POINTS, bold=True), center, _BOX)
        self.bold = {key: self._with_font(ws, array, Font(name=FONT, size=BODY_POINTS, bold=True))
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
    """One streaming sheet: title, info line, header, rows, sign-off; paginated as it is written."""

    def __init__(self, wb: Workbook, styles: Styles, name: str, columns: Sequence[Col],
                 landscape: bool = True):
        self.ws = wb.create_sheet(name)
        self.styles, self.columns = styles, tuple(columns)
        self.widths = tuple(column.fitted for column in self.columns)
        self.page = Page(landscape)
        self.scale = self.page.scale(self.widths)
        self.width = len(self.columns)
        self.styles_of_columns = tuple(column.style for column in self.columns)
        self.rows = 0  # rows written so far, all kinds
        self.records = 0  # data rows written
        self.header_row = 0
        self.pagination: Pagination | None = None
        self._merges: list[tuple[int, int, int]] = []  # (column, first row, last row) of merged blocks

    # --- above the rows -----------------------------------------------------------------------

    def start(self, title: str, left: str, right: str = "") -> None:
        """Everything above the data: title row, info line (two lines if it does not fit one), header row."""
        ws = self.ws
        for index, width in enumerate(self.widths, 1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.sheet_format.defaultRowHeight = ONE_LINE
        ws.sheet_format.customHeight = True
        # one page wide at the program's own scale, never above the one the pages were laid out at
        # (written before the rows, as everything of the sheet's properties)
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        split = self._split(left, right) if right else None
        info_rows = 2 if right and split is None else 1
        ws.freeze_panes = f"A{info_rows + 3}"  # under the header: set before the first row is written
        self._merged_line(title, self.styles.title, TITLE_POINTS)
        above = TITLE_POINTS + self._info(left, right, split)
        titles = [column.title for column in self.columns]
        header = self._height(titles)
        self._append([text_cell(ws, text, self.styles.header) for text in titles], header)
        self.header_row = self.rows
        self.pagination = Pagination.of(self.page, self.scale, header, above)

    def _info(self, left: str, right: str, split: int | None) -> float:
        """填报单位 and 统计时段 on the left, 填报日期 on the right: one line when both fit, else two."""
        ws = self.ws
        if not right:
            self._merged_line(left, self.styles.line, ONE_LINE)
            return ONE_LINE
        if split is None:
            self._merged_line(left, self.styles.line, ONE_LINE)
            self._merged_line(right, self.styles.line_right, ONE_LINE)
            return 2 * ONE_LINE
        self._append([text_cell(ws, left, self.styles.line)] + [None] * (split - 1)
                     + [text_cell(ws, right, self.styles.line_right)], ONE_LINE)
        self._merge_row(1, split)
        self._merge_row(split + 1, self.width)
        return ONE_LINE

    def _split(self, left: str, right: str) -> int | None:
        """The columns the left part spans so that both parts fit on one line; None if they cannot."""
        points = [column_points(width) for width in self.widths]
        need_left = text_ems(left) * BODY_POINTS + 6
        need_right = text_ems(right) * BODY_POINTS + 6
        for split in range(1, self.width):
            if sum(points[:split]) >= need_left:
                return split if sum(points[split:]) >= need_right else None
        return None

    # --- the rows ------------------------------------------------------------------------------------

    def row(self, values: Sequence[Any], marked: bool = False, bold: bool = False,
            styles: Sequence[str] | None = None) -> None:
        """One bordered data row; ``marked`` shades it (overdue), ``bold`` for totals.

        ``styles`` overrides the columns' cell styles for this row.
        """
        ws = self.ws
        arrays = self.styles.marked if marked else self.styles.bold if bold else self.styles.cells
        keys = styles or self.styles_of_columns
        height = self._height(values)
        self._append([value_cell(ws, value, arrays[key]) for value, key in zip(values, keys, strict=True)],
                     height)
        self.records += 1
        assert self.pagination is not None
        self.pagination.place(self.rows, height)

    def start_block(self) -> None:
        """The rows that follow stay on one page if they fit one (a category of 统计汇总)."""
        assert self.pagination is not None
        self.pagination.start_block(self.rows + 1)

    def end_block(self) -> None:
        assert self.pagination is not None
        self.pagination.end_block()

    def _height(self, values: Sequence[Any]) -> float:
        """The height of a row from its longest wrapped text (no program fits heights when opening a file)."""
        lines = 1
        for value, width in zip(values, self.widths, strict=False):
            if value.__class__ is str and value:
                needed = wrapped_lines(value, width)
                if needed > lines:
                    lines = needed
        return row_height(lines)

    def merge_down(self, column: int, first: int, last: int) -> None:
        """Merge one column's cells from row ``first`` to ``last``; split where a page ends."""
        if last > first:
            self._merges.append((column, first, last))

    # --- below the rows ----------------------------------------------------------------------------

    def finish(self, signoff: str) -> None:
        """"无" if no row was written, the sign-off line, the page breaks and the print settings."""
        if not self.records:
            self.row([EMPTY] + [""] * (self.width - 1), styles=("center",) * self.width)
            self._merge_row(1, self.width)
        assert self.pagination is not None
        self.pagination.finish(2 * ONE_LINE)
        self._append([], ONE_LINE)
        self._merged_line(signoff, self.styles.line, ONE_LINE)
        for column, first, last in self._merges:
            self._merge_split(column, first, last)
        self.ws.row_breaks.brk = [Break(id=row) for row in self.pagination.breaks]
        self._print_settings()

    def _merge_split(self, column: int, first: int, last: int) -> None:
        assert self.pagination is not None
        letter = get_column_letter(column)
        start = first
        for end in [row for row in self.pagination.breaks if first <= row < last] + [last]:
            if end > start:
                self.ws.merged_cells.add(f"{letter}{start}:{letter}{end}")
            start = end + 1

    def _print_settings(self) -> None:
        ws, page = self.ws, self.page
        assert self.pagination is not None
        setup = ws.page_setup
        setup.paperSize = PAPER_A4
        setup.orientation = "landscape" if page.landscape else "portrait"
        setup.fitToWidth, setup.fitToHeight = 1, 0  # one page wide (fitToPage is set in ``start``)
        setup.firstPageNumber = 1
        setup.useFirstPageNumber = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left, ws.page_margins.right = page.left, page.right
        ws.page_margins.top, ws.page_margins.bottom = page.top, page.bottom
        ws.page_margins.header, ws.page_margins.footer = page.header, page.footer
        ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        ws.oddFooter.center.text = FOOTER.format(pages=self.pagination.pages)
        ws.oddFooter.center.font = FONT
        ws.oddFooter.center.size = 9

    # --- writing ---------------------------------------------------------------------------------------

    def _merged_line(self, text: str, style: StyleArray, height: float) -> None:
        self._append([text_cell(self.ws, text, style)], height)
        self._merge_row(1, self.width)

    def _merge_row(self, first: int, last: int) -> None:
        if last > first:
            row = self.rows
            self.ws.merged_cells.add(f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}")

    def _append(self, cells: list, height: float) -> None:
        """Write one row with its height — every row, as LibreOffice ignores a sheet's default height
        (the record is dropped again once written, so that a million rows keep none)."""
        self.rows += 1
        dimensions = self.ws.row_dimensions
        dimensions[self.rows].height = height
        self.ws.append(cells)
        del dimensions[self.rows]
