"""A register sheet written with XlsxWriter (constant memory) from its layout (``exporters.layout``).

Rows are written in order, each whole and at once (``exporters.xlsx_rows``),
into the file XlsxWriter streams a sheet's rows to: a million rows keep none in
memory, and the writer never goes back. Everything that sits before the rows in
the file (column widths, frozen panes, the default row height) is set in
``start``; merges, page breaks and print settings are stored until the workbook
is closed (XlsxWriter writes them after the rows). A merge — a title across the
sheet, a category of 统计汇总 merged down and split where its pages end — goes
to the sheet's list of merged ranges (``_merge``): ``merge_range`` would write
cells, and rows already written are gone. Cell formats are made once per workbook.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Iterator, Sequence
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.worksheet import Worksheet

from exporters.layout import (
    BODY_POINTS,
    EMPTY,
    FONT,
    FOOTER,
    LINE_POINTS,
    ROW_PADDING,
    TITLE_POINTS,
    Col,
    Page,
    Pagination,
    column_points,
    lines_in,
    room_ems,
    row_height,
    text_ems,
)
from exporters.safe import CellStyle
from exporters.xlsx_rows import RowStream

ONE_LINE = row_height(1)
MAX_ROW_POINTS = 409.0  # the tallest row Excel and WPS keep
PAPER_A4 = 9  # XlsxWriter's paper code of A4
DIGIT_PIXELS = 7  # the digit of Arial 10, the unit of column widths (see ``workbook``)
FOOTER_FONT = f'&"{FONT}"&9 '  # the space ends the size, as the text may begin with a digit

_BOX = {"border": 1, "border_color": "#000000"}
_BODY = {"font_name": FONT, "font_size": BODY_POINTS}
_LEFT = {"valign": "vcenter", "text_wrap": True}
_CENTER = {"align": "center", "valign": "vcenter", "text_wrap": True}
_NUMBERS = {"text": None, "center": None, "int": "0", "date": "yyyy-mm-dd", "percent": "0.0%", "id": "@"}


def workbook(path) -> xlsxwriter.Workbook:
    """A workbook that streams its rows and never turns text into a formula, a number or a link.

    Arial 10 is its default font: the unit of its column widths. A column's width
    is counted in digits of the default font. Excel and WPS draw an Arial 10 digit
    7 pixels wide, and so does LibreOffice with Liberation Sans, which has Arial's
    metrics and comes with every Linux desktop; the default Calibri is drawn 9
    pixels wide where it is missing (LibreOffice then uses DejaVu Sans), and the
    pages, laid out for 7, would print a quarter empty.
    """
    return xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False, "use_zip64": True,  # a county's sheet may pass 2 GB unzipped
        "default_format_properties": {"font_name": "Arial", "font_size": 10, "font_scheme": "none"}})


def close(wb: xlsxwriter.Workbook) -> None:
    """Write the file; a full disk or a refused write is the OSError underneath (``safe.atomic_target``
    says it in the user's words), not XlsxWriter's own exception."""
    try:
        wb.close()
    except FileCreateError as error:
        cause = error.args[0] if error.args else None
        raise cause if isinstance(cause, OSError) else OSError(str(error)) from None


@contextlib.contextmanager
def streamed(path) -> Iterator[xlsxwriter.Workbook]:
    """A ``workbook`` closed into ``path`` when the block succeeds; its scratch files removed if it fails."""
    wb = workbook(path)
    try:
        yield wb
        close(wb)
    except BaseException:
        discard(wb)
        raise


def discard(wb: xlsxwriter.Workbook) -> None:
    """Remove the scratch files of sheets streamed but never closed into a workbook."""
    for ws in wb.worksheets():
        handle, name = getattr(ws, "row_data_fh", None), getattr(ws, "row_data_filename", None)
        try:
            if handle is not None:
                handle.close()
            if name:
                os.unlink(name)
        except OSError:  # the program's temporary folder is swept at the next start
            pass


class Styles:
    """The cell formats of one workbook, made once."""

    def __init__(self, wb: xlsxwriter.Workbook):
        self.wb = wb
        def each(extra: dict | None = None) -> dict[str, CellStyle]:
            return {key: self._style(_BODY, _LEFT if key == "text" else _CENTER, _BOX, number, extra)
                    for key, number in _NUMBERS.items()}

        self.cells, self.bold = each(), each({"bold": True})
        self.marked = each({"pattern": 1, "bg_color": "#FFE0E0"})
        self.title = self._style({"font_name": FONT, "font_size": 16, "bold": True},
                                 {"align": "center", "valign": "vcenter"})
        self.line = self._style(_BODY, {"valign": "vcenter"})
        self.line_right = self._style(_BODY, {"align": "right", "valign": "vcenter"})
        self.header = self._style(_BODY, _CENTER, _BOX, None, {"bold": True})

    def _style(self, *parts: dict | str | None) -> CellStyle:
        properties: dict[str, Any] = {}
        for part in parts:
            if isinstance(part, dict):
                properties.update(part)
            elif isinstance(part, str):
                properties["num_format"] = part
        return CellStyle(self.wb, properties)


class PrintedSheet:
    """One streaming sheet: title, info line, header, rows, sign-off; paginated as it is written."""

    def __init__(self, wb: xlsxwriter.Workbook, styles: Styles, name: str, columns: Sequence[Col],
                 landscape: bool = True, whole_text: bool = False):
        """``whole_text``: a cell too long for a page keeps all its text (a roster that is imported
        again, a history that is read as data), its row no taller than a page; else (a register,
        which is printed) the text is cut where the page ends, and says so."""
        self.whole_text = whole_text
        self.most_lines = 0  # of one row: what a page holds under its repeated header (see ``start``)
        self.ws: Worksheet = wb.add_worksheet(name)
        self.stream = RowStream(self.ws)
        self.styles, self.columns = styles, tuple(columns)
        self.widths = tuple(column.fitted for column in self.columns)
        self.rooms = tuple(room_ems(width) for width in self.widths)
        self.page = Page(landscape)
        self.scale = self.page.scale(self.widths)
        self.width = len(self.columns)
        self.styles_of_columns = tuple(column.style for column in self.columns)
        self.rows = 0  # rows written so far, all kinds (the 1-based number of the last)
        self.records = 0  # data rows written
        self.header_row = 0
        self.pagination: Pagination | None = None
        self._merges: list[tuple[int, int, int]] = []  # (column, first row, last row) of merged blocks

    # --- above the rows -----------------------------------------------------------------------

    def start(self, title: str, left: str, right: str = "") -> None:
        """Everything above the data: title row, info line (two lines if it does not fit one), header row."""
        ws = self.ws
        for index, width in enumerate(self.widths):
            ws.set_column_pixels(index, index, width * DIGIT_PIXELS)  # stored as ``width`` digits
        ws.set_default_row(ONE_LINE)
        split = self._split(left, right) if right else None
        info_rows = 2 if right and split is None else 1
        ws.freeze_panes(info_rows + 2, 0)  # under the header
        self._merged_line(title, self.styles.title, TITLE_POINTS)
        above = TITLE_POINTS + self._info(left, right, split)
        titles = [column.title for column in self.columns]
        header = self._height(titles)
        self._write(header, [(column, text, self.styles.header) for column, text in enumerate(titles)])
        self.header_row = self.rows
        self.pagination = Pagination.of(self.page, self.scale, header, above)
        tallest = min(self.pagination.capacity - header, MAX_ROW_POINTS)
        self.most_lines = max(1, math.floor((tallest - ROW_PADDING) / LINE_POINTS))

    def _info(self, left: str, right: str, split: int | None) -> float:
        """填报单位 and 统计时段 on the left, 填报日期 on the right: one line when both fit, else two."""
        if not right:
            self._merged_line(left, self.styles.line, ONE_LINE)
            return ONE_LINE
        if split is None:
            self._merged_line(left, self.styles.line, ONE_LINE)
            self._merged_line(right, self.styles.line_right, ONE_LINE)
            return 2 * ONE_LINE
        self._write(ONE_LINE, [(0, left, self.styles.line), (split, right, self.styles.line_right)])
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
        chosen = self.styles.marked if marked else self.styles.bold if bold else self.styles.cells
        keys = styles or self.styles_of_columns
        lines = self._lines(values)
        if lines > self.most_lines:  # taller than a page: no program could print the row whole
            if not self.whole_text:
                values = [self._cut(value, room) for value, room in zip(values, self.rooms, strict=False)]
            lines = self.most_lines
        height = row_height(lines)
        self._write(height, [(column, value, chosen[key])
                             for column, (value, key) in enumerate(zip(values, keys, strict=True))])
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
        return row_height(self._lines(values))

    def _lines(self, values: Sequence[Any]) -> int:
        lines = 1
        for value, room in zip(values, self.rooms, strict=False):
            if value.__class__ is str and (len(value) > room or "\n" in value):
                needed = lines_in(value, room)
                if needed > lines:
                    lines = needed
        return lines

    def _cut(self, value: Any, room: float) -> Any:
        """``value`` as much of it as fits the page, then how long the whole is and where it is."""
        if value.__class__ is not str or lines_in(value, room) <= self.most_lines:
            return value
        mark = f"……（全文共 {len(value):,} 字，未印出的部分见台账通）"  # a register's words are Chinese
        # Programs wrap Chinese a little differently (no line begins with a comma): over thirty lines
        # that adds a line or two, so the cut text leaves an eighth of the row spare.
        budget = self.most_lines - max(1, self.most_lines // 8)
        low, high = 0, len(value)  # the longest beginning that fits with the mark after it
        while low < high:
            middle = (low + high + 1) // 2
            if lines_in(value[:middle] + mark, room) <= budget:
                low = middle
            else:
                high = middle - 1
        return value[:low] + mark

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
        self._write(ONE_LINE, [])
        self._merged_line(signoff, self.styles.line, ONE_LINE)
        for column, first, last in self._merges:
            self._merge_split(column, first, last)
        self.ws.set_h_pagebreaks(self.pagination.breaks)  # after the 1-based rows given: manual breaks
        self._print_settings()

    def _merge_split(self, column: int, first: int, last: int) -> None:
        assert self.pagination is not None
        start = first
        for end in [row for row in self.pagination.breaks if first <= row < last] + [last]:
            if end > start:
                self._merge(start, column, end, column)
            start = end + 1

    def _print_settings(self) -> None:
        ws, page = self.ws, self.page
        assert self.pagination is not None
        ws.set_paper(PAPER_A4)
        if page.landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.fit_to_pages(1, 0)  # one page wide at the program's own scale
        ws.set_start_page(1)
        ws.center_horizontally()
        ws.set_margins(left=page.left, right=page.right, top=page.top, bottom=page.bottom)
        ws.set_header("", {"margin": page.header})
        ws.set_footer(f"&C{FOOTER_FONT}{FOOTER.format(pages=self.pagination.pages)}", {"margin": page.footer})
        ws.repeat_rows(self.header_row - 1)

    # --- writing ---------------------------------------------------------------------------------------

    def _merged_line(self, text: str, style: CellStyle, height: float) -> None:
        self._write(height, [(0, text, style)])
        self._merge_row(1, self.width)

    def _merge_row(self, first: int, last: int) -> None:
        """Merge columns ``first`` to ``last`` (1-based) of the row written last."""
        if last > first:
            self._merge(self.rows, first, self.rows, last)

    def _merge(self, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        """A merged range (1-based, inclusive), stored to be written after the rows.

        ``merge_range`` would write the range's cells, and in constant memory rows
        once left are gone; the range alone goes to the list the sheet writes at the end.
        """
        self.ws.merge.append([first_row - 1, first_column - 1, last_row - 1, last_column - 1])

    def _write(self, height: float, cells: list) -> None:
        """The next row with its height — every row, as LibreOffice ignores a sheet's default height."""
        self.stream.write(self.rows, height, cells)
        self.rows += 1
