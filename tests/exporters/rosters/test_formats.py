"""Every format a village keeps its roster in, read the same way: the right rows in, the rest named.

The .xlsx and the CSVs are written here from the sample; the .xls, the .et and
the .ods are the committed fixtures LibreOffice wrote from the same sample.
The file's name never decides how it is read: its content does.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from exporters import rosters
from models import records as r
from tests.exporters.rosters import sample
from tests.models.factories import World


@pytest.fixture
def world(empty_db) -> World:
    return World()


def write_xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    for row in sample.ROWS:
        sheet.append(row)
    sheet.merge_cells("A1:J1")
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.number_format = "@"
    book.save(path)
    return path


def write_csv(path: Path, encoding: str, delimiter: str = ",") -> Path:
    lines = [delimiter.join(str(value) for value in row) for row in sample.ROWS]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


MAKERS = {
    "xlsx": lambda folder: write_xlsx(folder / "roster.xlsx"),
    "xlsx named .xls": lambda folder: write_xlsx(folder / "roster.xls"),
    "csv utf-8": lambda folder: write_csv(folder / "roster.csv", "utf-8"),
    "csv utf-8 with BOM": lambda folder: write_csv(folder / "roster.csv", "utf-8-sig"),
    "csv gbk": lambda folder: write_csv(folder / "roster.csv", "gb18030"),
    "csv gbk named .xlsx": lambda folder: write_csv(folder / "roster.xlsx", "gb18030"),
    "unicode text (utf-16, tabs)": lambda folder: write_csv(folder / "roster.txt", "utf-16", "\t"),
    **{name: (lambda folder, name=name: Path(shutil.copy(sample.HERE / name, folder / name)))
       for name in sample.COMMITTED},
}


def households() -> dict[str, r.Household]:
    return {h.head_name: h for h in r.Household.select().where(r.Household.deleted_at.is_null())}


@pytest.mark.parametrize("kind", list(MAKERS))
def test_every_format_gives_the_same_rows_and_reasons(world, tmp_path, kind):
    path = MAKERS[kind](tmp_path)
    table = rosters.read_table(path)
    assert table.header_row == 4 and table.headers == sample.HEADER
    mapping = rosters.propose_mapping(table.headers, rosters.guess_kind(table.headers))
    shown = rosters.preview(table, rosters.HOUSEHOLDS, mapping)

    refused = {c.row: " ".join(c.problems) for c in shown.rows if not c.ok}
    assert set(refused) == set(sample.REFUSED)
    for row, words in sample.REFUSED.items():
        assert words in refused[row]
    warned = {c.row: " ".join(c.warnings) for c in shown.warned_rows()}
    assert set(warned) == set(sample.WARNED)
    for row, words in sample.WARNED.items():
        assert all(word in warned[row] for word in words), warned[row]
    left_out = dict(shown.left_out)
    assert set(left_out) == set(sample.LEFT_OUT)
    assert all(word in left_out[row] for row, word in sample.LEFT_OUT.items())

    result = rosters.import_rows(table, rosters.HOUSEHOLDS, mapping, skip_bad=True)
    assert (result.imported, result.skipped) == (3, 1)
    found = households()
    assert {head: h.id_number for head, h in found.items()} == sample.IMPORTED
    zhang, li, wang = found["张三"], found["李四"], found["王五"]
    assert (zhang.phone, zhang.population, zhang.tags, zhang.group_id) == (
        "13812345678", 4, "poverty_exited", world.group1.id)
    assert (li.phone, li.population, li.tags, li.group_id) == (
        "13874562210", 5, "subsistence", world.group1.id)
    assert (wang.phone, wang.population, wang.remarks, wang.group_id) == ("", 3, "老党员", world.group2.id)
    assert "4户" not in found


def test_the_note_sheet_of_a_workbook_is_passed_over(world):
    book = rosters.open_book(sample.HERE / "roster.xls")
    assert book.names == ["花名册", "说明"]
    assert rosters.read_table(book).sheet == "花名册"
    with pytest.raises(rosters.RosterError, match="No header row"):
        rosters.read_table(book, "说明")


def test_a_header_of_two_rows_and_villages_merged_down_their_rows(world, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "村（社区）", "组", "户主信息", "", "家庭人口"])
    sheet.append(["", "", "", "姓名", "身份证号", ""])
    sheet.append([1, "龙潭村", "1组", "张三", sample.ZHANG, 4])
    sheet.append([2, None, "1组", "李四", sample.LI, 3])
    for cells in ("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2", "B3:B4"):
        sheet.merge_cells(cells)
    book.save(tmp_path / "two.xlsx")
    table = rosters.read_table(tmp_path / "two.xlsx")
    assert table.header_row == 2
    assert table.headers == ["序号", "村（社区）", "组", "姓名", "身份证号", "家庭人口"]
    assert [values[1] for _row, values in table.rows] == ["龙潭村", "龙潭村"]
    mapping = rosters.propose_mapping(table.headers, rosters.HOUSEHOLDS)
    assert rosters.import_rows(table, rosters.HOUSEHOLDS, mapping).imported == 2


def test_same_name_heads_with_different_id_numbers_are_two_households(world, tmp_path):
    world.household("王芳", id_number=sample.ZHANG)
    path = tmp_path / "same.csv"
    path.write_text(f"组,户主,身份证号\n1组,王芳,{sample.LI}\n1组,王芳,{sample.WANG}\n1组,王芳,\n",
                    encoding="utf-8")
    table = rosters.read_table(path)
    shown = rosters.preview(table, rosters.HOUSEHOLDS, rosters.propose_mapping(table.headers,
                                                                                rosters.HOUSEHOLDS))
    first, second, third = shown.rows
    assert first.ok and second.ok and "imported as another household" in " ".join(second.warnings)
    assert not third.ok and "ID numbers" in " ".join(third.problems)


def test_an_id_number_excel_turned_into_a_number_in_a_csv_is_named(world, tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("户主,身份证号,联系电话\n张三,4.33101E+17,13812345678\n", encoding="utf-8")
    table = rosters.read_table(path)
    shown = rosters.preview(table, rosters.HOUSEHOLDS, rosters.propose_mapping(table.headers,
                                                                                rosters.HOUSEHOLDS))
    assert "as a number" in shown.rows[0].problems[0]


def test_a_csv_in_no_known_encoding_is_one_line(world, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes("户主,身份证号\n".encode("gb18030") + b"\x80\xff\xfe\x81\n")
    with pytest.raises(rosters.RosterError, match="encoding") as error:
        rosters.read_table(path)
    assert "roster.csv" in str(error.value)


def test_the_header_repeated_for_the_next_printed_page_is_left_out(world, tmp_path):
    path = tmp_path / "pages.csv"
    path.write_text(f"户主,身份证号,组\n张三,{sample.ZHANG},1组\n户主,身份证号,组\n李四,{sample.LI},2组\n",
                    encoding="utf-8")
    table = rosters.read_table(path)
    assert [row for row, _values in table.rows] == [2, 4]
    assert [(row, why) for row, why in table.left_out] == [(3, "the header repeated")]


def test_the_keys_of_imported_rows_are_time_ordered_keys(world, tmp_path):
    """The bulk import makes its keys as ``new_key`` does: version 7, in the order of the rows."""
    path = tmp_path / "k.csv"
    path.write_text(f"户主,身份证号,组\n张三,{sample.ZHANG},1组\n李四,{sample.LI},2组\n", encoding="utf-8")
    table = rosters.read_table(path)
    rosters.import_rows(table, rosters.HOUSEHOLDS, rosters.propose_mapping(table.headers, rosters.HOUSEHOLDS))
    keys = [h.id for h in r.Household.select().order_by(r.Household.created_at)]
    assert [key.version for key in keys] == [7, 7] and keys == sorted(keys)
    changes = {c.record: c.id for c in r.Change.select().where(r.Change.kind == "household")}
    assert set(changes) == set(keys) and all(c.version == 7 for c in changes.values())
    assert not set(changes.values()) & set(keys)


def test_a_legacy_id_excel_kept_as_a_number_is_converted_and_checked_against_the_file(world, tmp_path):
    world.household("王五", id_number=sample.WANG)
    book = Workbook()
    book.active.append(["户主", "身份证号"])
    book.active.append(["王五", int(sample.WANG_LEGACY)])  # 15 digits: a float holds them exactly
    book.active.append(["赵七", int(sample.WANG_LEGACY[:-1] + "9")])
    book.save(tmp_path / "numbers.xlsx")
    table = rosters.read_table(tmp_path / "numbers.xlsx")
    shown = rosters.preview(table, rosters.HOUSEHOLDS, rosters.propose_mapping(table.headers,
                                                                                rosters.HOUSEHOLDS))
    wang, zhao = shown.rows
    assert not wang.ok and "王五 already has this ID number" in " ".join(wang.problems)
    assert zhao.ok and "15-digit" in " ".join(zhao.warnings)
