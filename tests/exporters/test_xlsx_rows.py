"""Rows written whole (``exporters.xlsx_rows``): XlsxWriter's own XML for the same cells; text stays text."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from exporters import printed_sheet, safe
from exporters.xlsx_rows import RowStream, excel_serial

HOSTILE = ["=1+1", "+1", "-3", "@SUM(1)", '=HYPERLINK("http://x","y")', "{=A1}", "=", "http://example.com",
           "mailto:a@b.c", "1e5", "0012", "TRUE", "#N/A", " =1", "\x00=1", "a\x1fb\x7f", "\ud800x", "_x0041_",
           "<r><t>x</t></r>", "<r></x></r>", "</sheetData>", "&amp;<>\"'", "430122198001011234", "１２",
           " 前后有空格 ", "两行\n文字", "\t", "\r", "回车\r\n换行"]
CELLS = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30), st.integers(-10**9, 10**9),
                  st.floats(allow_nan=False, allow_infinity=False, width=32), st.booleans(), st.none(),
                  st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)))


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def _write(path: Path, rows: list[list], whole: bool) -> None:
    """``rows`` (17 points high) through RowStream, or through XlsxWriter's own cell methods."""
    with printed_sheet.streamed(path) as wb:
        ws = wb.add_worksheet("s")
        styles = [safe.CellStyle(wb, {"border": 1}), safe.CellStyle(wb, {"num_format": "yyyy-mm-dd"})]
        stream = RowStream(ws)
        for number, values in enumerate(rows):
            cells = [(column, value, styles[isinstance(value, dt.date)])
                     for column, value in enumerate(values)]
            if whole:
                stream.write(number, 17, cells)
                continue
            ws.set_row_pixels(number, 17 * 4 / 3)
            for column, value, style in cells:
                safe.write_value(ws, number, column, value, style)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(CELLS.filter(lambda v: not (isinstance(v, str) and v.startswith("<r>"))),
                         min_size=1, max_size=8), min_size=1, max_size=5))
def test_the_xml_is_what_xlsxwriter_writes_for_the_same_cells(rows):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        ours, theirs = Path(folder) / "ours.xlsx", Path(folder) / "theirs.xlsx"
        _write(ours, rows, whole=True)
        _write(theirs, rows, whole=False)
        assert _sheet_xml(ours) == _sheet_xml(theirs)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30), st.integers(-10**9, 10**9),
                          st.none()), min_size=1, max_size=12))
def test_the_workbook_holds_no_formula_whatever_the_text(values):
    """Every cell is text or a number, as given (cleaned): never a formula, a link or a boolean."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.xlsx"
        _write(path, [values], whole=True)
        xml = _sheet_xml(path)
        assert "<f>" not in xml and "<f " not in xml and 't="b"' not in xml and 't="str"' not in xml
        row = next(openpyxl.load_workbook(path).active.iter_rows(max_row=1, max_col=len(values)))
        read = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python(skip_empty_area=False)
        read = (read[0] if read else []) + [""] * len(values)  # as the roster import reads
        for cell, text, value in zip(row, read, values, strict=False):
            if isinstance(value, int):
                assert (cell.data_type, text) == ("n", value)
            elif value is None or not safe.clean_text(value):
                assert cell.value is None and text == ""
            else:
                assert (cell.data_type, text) == ("s", safe.clean_text(value)), value
                assert bool(cell.quotePrefix) == safe.looks_like_formula(cell.value)


def test_dates_are_excels_serial_numbers():
    assert excel_serial(dt.date(1900, 3, 1)) == 61
    assert excel_serial(dt.date(2026, 11, 25)) == 46351
    assert excel_serial(dt.datetime(2026, 11, 25, 12)) == 46351.5


def test_rows_go_in_order_only(tmp_path):
    with pytest.raises(ValueError, match="in order"), printed_sheet.streamed(tmp_path / "x.xlsx") as wb:
        ws = wb.add_worksheet("s")
        stream = RowStream(ws)
        style = safe.CellStyle(wb, {})
        stream.write(0, 17, [(0, "a", style)])
        stream.write(1, 17, [(0, "b", style)])
        stream.write(0, 17, [(0, "c", style)])
    assert list(tmp_path.iterdir()) == []  # nothing half-written, no scratch file left in the folder
