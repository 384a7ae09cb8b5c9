"""The printed layout of the registers, read back from the written file as Excel, WPS or LibreOffice read it.

Widths, merges, row heights, page breaks and print settings — what any writer
(XlsxWriter, openpyxl before it) must put in the file — not the writer's
internals.
"""

from __future__ import annotations

import itertools

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, get_column_letter

from exporters.layout import (
    LINE_POINTS,
    Page,
    Pagination,
    column_points,
    room_ems,
    row_height,
    text_ems,
    width_for,
    wrapped_lines,
)
from exporters.registers import RegisterOptions, write_registers
from exporters.registers.figure_sheets import STATISTICS_SHEET
from models import figures, store, vocab
from models import records as r
from tests.exporters.test_registers import data_rows, header_row
from tests.models.factories import World


@pytest.fixture(scope="module")
def written(_township_template, tmp_path_factory):
    """The township demo's workbook (written once for the module), and the names of its households."""
    import shutil

    from models import db

    folder = tmp_path_factory.mktemp("layout")
    shutil.copy(_township_template, folder / "township.db")
    db.open_database(folder / "township.db")
    try:
        path = write_registers(folder / "台账.xlsx", RegisterOptions(campaign=store.current_campaign().id))
        names = {h.head_name for h in r.Household.select()}
    finally:
        db.close_database()
    return openpyxl.load_workbook(path), names


@pytest.fixture
def book(written):
    return written[0]


def width(ws, column: int) -> float:
    """The width of ``column``: a writer may give one width to a run of columns (``<col min max>``)."""
    for dimension in ws.column_dimensions.values():
        if dimension.min is not None and dimension.min <= column <= (dimension.max or dimension.min):
            return dimension.width
    return ws.column_dimensions[get_column_letter(column)].width


def merged_points(ws, cell) -> float:
    """The printed width of the merged range that starts at ``cell`` (or of the cell alone)."""
    for merged in ws.merged_cells.ranges:
        if merged.min_row == cell.row and merged.min_col == cell.column:
            return sum(column_points(width(ws, c)) for c in range(merged.min_col, merged.max_col + 1))
    return column_points(width(ws, cell.column))


def test_the_info_line_fits_where_it_is_printed(book):
    """填报日期 in the last narrow column (6年12月1日) was clipped: every part has room for its text."""
    for ws in book:
        for row in ws.iter_rows(min_row=2, max_row=header_row(ws) - 1):
            for cell in row:
                if cell.value:
                    assert merged_points(ws, cell) >= text_ems(cell.value) * 10, (ws.title, cell.value)


def test_no_header_and_no_term_is_broken_inside(book):
    """家庭人/口, 已完成（销号/）, 序/号: a column is as wide as its header and the longest term it holds."""
    terms = {term.zh for v in vocab.vocabularies() for term in v.terms()}
    for ws in book:
        header = header_row(ws)
        for cell in ws[header]:
            assert width(ws, cell.column) >= width_for(cell.value), (ws.title, cell.value)
        for row in ws.iter_rows(min_row=header + 1):
            for cell in row:
                if isinstance(cell.value, str) and cell.value in terms:
                    assert wrapped_lines(cell.value, width(ws, cell.column)) == 1, (ws.title, cell.value)
        numbers = [row[0] for row in data_rows(ws)]
        if numbers:
            assert width(ws, 1) >= width_for(str(max(numbers)))


def test_every_row_is_tall_enough_for_its_text(book):
    for ws in (book["学习会议"], book["问题整改"], book["走访覆盖"]):
        for row in ws.iter_rows(min_row=header_row(ws) + 1):
            if not isinstance(row[0].value, int):
                continue  # a subtotal, the sign-off: lines of one cell across the sheet
            texts = [(cell.value, width(ws, cell.column)) for cell in row if isinstance(cell.value, str)]
            lines = max((wrapped_lines(text, w) for text, w in texts), default=1)
            height = ws.row_dimensions[row[0].row].height or ws.sheet_format.defaultRowHeight
            assert height >= row_height(lines) - 0.01, (ws.title, row[0].row)


def test_the_names_not_visited_are_never_broken_inside_a_name(written):
    book, names = written
    ws = book["走访覆盖"]
    room = room_ems(width(ws, 7))
    for row in data_rows(ws):
        for line in (row[6] or "").split("\n"):
            assert text_ems(line) <= room
            assert all(name in names for name in line.rstrip("、").split("、") if name)


def test_pages_per_register_and_no_orphan_last_page(book):
    for ws in book:
        breaks = [brk.id for brk in ws.row_breaks.brk]
        assert ws.oddFooter.center.text == f"第 &P 页 共 {len(breaks) + 1} 页"
        # an attribute left out means its default (ECMA-376): first page number 1, one page wide
        assert int(ws.page_setup.firstPageNumber or 1) == 1 and ws.page_setup.useFirstPageNumber
        signoff = next(cell.row for cell in ws["A"] if str(cell.value or "").startswith("填表人"))
        rows = [row[0].row for row in ws.iter_rows(min_row=header_row(ws) + 1, max_row=signoff - 1)
                if any(c.value is not None for c in row)]
        last_page = [row for row in rows if not breaks or row > breaks[-1]]  # records, subtotals, totals
        assert len(last_page) >= min(Pagination.LAST_PAGE_ROWS, len(rows)), ws.title
        assert not breaks or signoff > breaks[-1] + 1  # the sign-off is on the last page, under rows


def test_the_pages_hold_what_they_are_given(book):
    """Each page's rows fit the page at the scale the columns allow (never an automatic break inside)."""
    for ws in book:
        landscape = ws.page_setup.orientation == "landscape"
        page = Page(landscape)
        scale = page.scale(width(ws, c) for c in range(1, ws.max_column + 1))
        capacity = page.printable_height / (scale / 100)
        header = ws.row_dimensions[header_row(ws)].height or ws.sheet_format.defaultRowHeight
        bounds = [0, *(brk.id for brk in ws.row_breaks.brk), ws.max_row]
        for first, last in itertools.pairwise(bounds):
            heights = [ws.row_dimensions[n].height or ws.sheet_format.defaultRowHeight
                       for n in range(first + 1, last + 1)]
            assert sum(heights) + (header if first else 0) <= capacity, (ws.title, first, last)


def test_a_category_of_the_statistics_never_spans_two_pages(book):
    ws = book[STATISTICS_SHEET]
    breaks = {brk.id for brk in ws.row_breaks.brk}
    for merged in ws.merged_cells.ranges:
        if merged.min_col == merged.max_col == 2:
            assert not any(merged.min_row <= b < merged.max_row for b in breaks)
            assert ws.cell(merged.min_row, 2).value  # its label is there, on the page it starts
    for b in breaks:  # every page starts with its category's name
        assert ws.cell(b + 1, 2).value


def test_an_empty_register_prints_none(empty_db, tmp_path):
    world = World()
    path = write_registers(tmp_path / "空.xlsx", RegisterOptions(campaign=world.campaign.id))
    for ws in openpyxl.load_workbook(path):
        if ws.title in ("走访覆盖", STATISTICS_SHEET):
            continue
        first = ws.cell(header_row(ws) + 1, 1)
        assert first.value == "无", ws.title
        assert any(m.min_row == first.row and m.max_col == ws.max_column for m in ws.merged_cells.ranges)


def test_the_sessions_register_says_unrecorded_never_nobody(empty_db, tmp_path):
    world = World()
    world.session(attendance={world.leader.id: (None, ""), world.clerk.id: ("present", "")})
    ws = openpyxl.load_workbook(write_registers(tmp_path / "x.xlsx", RegisterOptions(
        campaign=world.campaign.id, registers=("sessions",))))["学习会议"]
    row = data_rows(ws)[0]
    assert row[8:13] == (2, "未登记", None, None, None)
    assert figures.compute(figures.Scope(world.campaign.id)).attendance_unrecorded == 1


def test_line_height_estimates_agree_with_the_writer():
    assert row_height(1) == LINE_POINTS + 4 and wrapped_lines("镇政府一楼大会议室", 16) == 2
    assert column_index_from_string("A") == 1


LONG = "".join(f"第{n}条：村里的灌溉水渠年久失修，雨季堵塞，希望尽快安排清淤和加固。" for n in range(1, 91))


def _tallest_row(ws) -> float:
    return max(ws.row_dimensions[row[0].row].height or ws.sheet_format.defaultRowHeight
               for row in ws.iter_rows(min_row=header_row(ws) + 1))


def test_a_text_longer_than_a_page_is_cut_where_the_page_ends_and_says_so(village_db, tmp_path):
    """A row is never split between pages, and no row may be taller than 409 points: a suggestion of
    3,000 characters would have printed a page of headers alone, then a row cut off at both ends."""
    from tests.exporters.test_registers import export

    suggestion = r.Suggestion.select().order_by(r.Suggestion.date, r.Suggestion.id).first()
    store.save(r.Suggestion, {"content": LONG}, suggestion)
    book, _ = export(tmp_path, registers=("suggestions",))
    ws = book["意见建议"]
    column = next(cell.column for cell in ws[header_row(ws)] if cell.value == "内容")
    (cell,) = [row[column - 1] for row in ws.iter_rows(min_row=header_row(ws) + 1)
               if str(row[column - 1].value or "").startswith("第1条")]
    assert cell.value.endswith(f"……（全文共 {len(LONG):,} 字，未印出的部分见台账通）")
    assert LONG.startswith(cell.value.split("……（全文共")[0])
    page = Page(ws.page_setup.orientation == "landscape")
    scale = page.scale(width(ws, c) for c in range(1, ws.max_column + 1))
    header = ws.row_dimensions[header_row(ws)].height or ws.sheet_format.defaultRowHeight
    height = ws.row_dimensions[cell.row].height
    assert height <= 409 and height + header <= page.printable_height / (scale / 100)
    assert wrapped_lines(cell.value, width(ws, column)) * LINE_POINTS <= height


def test_a_roster_keeps_a_long_text_whole_for_the_import(village_db, tmp_path):
    """A roster is imported again: its cell keeps every character, its row no taller than a page."""
    from exporters.rosters import HOUSEHOLDS
    from exporters.rosters.writing import write_roster

    household = r.Household.select().where(r.Household.deleted_at.is_null()).first()
    store.save(r.Household, {"remarks": LONG}, household)
    path = write_roster(tmp_path / "花名册.xlsx", HOUSEHOLDS)
    ws = openpyxl.load_workbook(path).active
    assert any(cell.value == LONG for row in ws.iter_rows() for cell in row)
    assert _tallest_row(ws) <= 409
