"""Rosters in: the header found, the columns mapped, every bad row named, all or nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from exporters import rosters
from models import records as r
from models import store
from tests.models.factories import World, id_number

HEADER = ["序号", "村（社区）", "组", "户主姓名", "身份证号", "联系电话", "家庭人口", "户类别", "住址",
          "备注"]


def write_book(path: Path, rows: list[list], title: str | None = None, sheet: str = "花名册",
               text_ids: bool = True) -> Path:
    """A workbook as villages keep them: an optional merged title, then the header and the rows."""
    book = Workbook()
    ws = book.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
        ws.append([])
    for row in rows:
        ws.append(row)
    if text_ids:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.number_format = "@"
    book.save(path)
    return path


def household_rows(*rows: list) -> list[list]:
    return [HEADER, *[[i + 1, *row] for i, row in enumerate(rows)]]


@pytest.fixture
def world(empty_db) -> World:
    return World()


def households() -> list[r.Household]:
    return list(r.Household.select().where(r.Household.deleted_at.is_null()).order_by(r.Household.created_at))


def test_a_messy_roster_is_read_mapped_and_imported(world, tmp_path):
    first, second = id_number("19620305"), id_number("19751120")
    path = write_book(tmp_path / "roster.xlsx", household_rows(
        ["龙潭村", "1组", "  张三\u3000", first, 13812345678, 4.0, "脱贫户、低保", "龙潭村1组3号", ""],
        [],
        [" 龙潭 ", 2, "李四 ", second.lower()[:-1] + second[-1].lower(), "0743-1234567", "5人", "一般户",
         "", "新户"],
    ), title="龙潭村农户花名册")
    table = rosters.read_table(path)
    assert table.header_row == 3
    assert table.sheet == "花名册"
    mapping = rosters.propose_mapping(table.headers, rosters.guess_kind(table.headers))
    assert mapping == {1: "village", 2: "group", 3: "head_name", 4: "id_number", 5: "phone",
                       6: "population", 7: "tags", 8: "address", 9: "remarks"}
    shown = rosters.preview(table, rosters.HOUSEHOLDS, mapping)
    assert [(c.row, c.problems) for c in shown.rows] == [(4, []), (6, [])]
    assert shown.rows[0].values["head_name"] == "张三"
    assert households()[2:] == []  # the world's own: none; the preview wrote nothing

    result = rosters.import_rows(table, rosters.HOUSEHOLDS, mapping)
    assert (result.imported, result.skipped, result.groups_created) == (2, 0, [])
    zhang, li = households()
    assert (zhang.head_name, zhang.id_number, zhang.phone, zhang.population, zhang.tags) == (
        "张三", first, "13812345678", 4, "poverty_exited,subsistence")
    assert zhang.group_id == world.group1.id and zhang.address == "龙潭村1组3号"
    assert (li.head_name, li.id_number, li.phone, li.population, li.tags, li.remarks) == (
        "李四", second, "0743-1234567", 5, "", "新户")
    assert li.group_id == world.group2.id and li.village_id == world.village.id
    from models.lists import HOUSEHOLDS, ListFilter, RecordList

    for word in ("张", "李四", "1组3号", "0743"):  # the imported rows are in the search indexes
        assert len(RecordList(HOUSEHOLDS, ListFilter(text=word)).keys()) == 1, word


def test_every_bad_row_is_named_with_its_reason_and_nothing_is_written(world, tmp_path):
    taken = world.household("王五")
    good = id_number()
    bad_check = good[:-1] + ("0" if good[-1] != "0" else "1")
    path = write_book(tmp_path / "roster.xlsx", household_rows(
        ["龙潭村", "1组", "赵六", good, "", "", "", "", ""],
        ["龙潭村", "1组", "钱七", bad_check, "", "", "", "", ""],
        ["龙潭村", "1组", "孙八", good, "", "", "", "", ""],
        ["龙潭村", "1组", "", id_number(), "", "", "", "", ""],
        ["龙潭村", "1组", "周九", taken.id_number, "", "", "", "", ""],
        ["虎跳村", "1组", "吴十", id_number(), "", "", "", "", ""],
        ["龙潭村", "1组", "郑一", "433101800101123", "", "", "", "", ""],
        ["龙潭村", "1组", "冯二", id_number(), "", "3.5", "贫困", "", ""],
    ))
    table = rosters.read_table(path)
    mapping = rosters.propose_mapping(table.headers, rosters.HOUSEHOLDS)
    shown = rosters.preview(table, rosters.HOUSEHOLDS, mapping)
    problems = {c.row: " | ".join(c.problems) for c in shown.rows}
    assert problems[2] == ""
    assert "column E（身份证号）" in problems[3] and "check character" in problems[3]
    assert "row 2" in problems[4]
    assert "Head of household is required" in problems[5] and "column D（户主姓名）" in problems[5]
    assert "王五" in problems[6]
    assert "虎跳村" in problems[7] and "column B（村（社区））" in problems[7]
    # a legacy ID is converted, a bad household size or type left empty: imported, with warnings
    warnings = {c.row: " | ".join(c.warnings) for c in shown.rows}
    assert problems[8] == "" and "15-digit" in warnings[8] and "433101198001011231"[:0] in warnings[8]
    assert problems[9] == ""
    assert "whole number" in warnings[9] and "贫困" in warnings[9] and "column G（家庭人口）" in warnings[9]
    assert (shown.good, shown.bad, shown.warned) == (3, 5, 2)

    with pytest.raises(rosters.BadRowsError):
        rosters.import_rows(table, rosters.HOUSEHOLDS, mapping)
    assert households() == [taken]

    result = rosters.import_rows(table, rosters.HOUSEHOLDS, mapping, skip_bad=True)
    assert (result.imported, result.skipped) == (3, 5)
    assert [h.head_name for h in households()] == ["王五", "赵六", "郑一", "冯二"]
    zheng, feng = households()[2:]
    assert zheng.id_number == "43310119800101123" + zheng.id_number[-1] and len(zheng.id_number) == 18
    assert (feng.population, feng.tags) == (None, "")


def test_an_id_number_stored_as_a_number_is_refused_with_a_hint(world, tmp_path):
    path = write_book(tmp_path / "roster.xlsx", household_rows(
        ["龙潭村", "1组", "张三", 4.33101198001011e17, 13812345678, 3, "", "", ""]), text_ids=False)
    table = rosters.read_table(path)
    shown = rosters.preview(table, rosters.HOUSEHOLDS, rosters.propose_mapping(table.headers,
                                                                                rosters.HOUSEHOLDS))
    (check,) = shown.rows
    assert not check.ok
    assert "format the column as text" in check.problems[0]


def test_an_unknown_group_of_a_known_village_is_created_once(world, tmp_path):
    path = write_book(tmp_path / "roster.xlsx", household_rows(
        ["龙潭村", "5", "张三", id_number(), "", "", "", "", ""],
        ["龙潭村", "5组", "李四", id_number(), "", "", "", "", ""]))
    table = rosters.read_table(path)
    mapping = rosters.propose_mapping(table.headers, rosters.HOUSEHOLDS)
    shown = rosters.preview(table, rosters.HOUSEHOLDS, mapping)
    assert shown.good == 2 and shown.new_groups == ["龙潭村5组"]
    assert not r.VillageGroup.select().where(r.VillageGroup.name == "5组").exists()
    result = rosters.import_rows(table, rosters.HOUSEHOLDS, mapping)
    assert result.groups_created == ["龙潭村5组"]
    group = r.VillageGroup.get(r.VillageGroup.name == "5组")
    assert {h.group_id for h in households()} == {group.id}


def test_the_default_village_serves_rows_without_one(world, tmp_path):
    store.save(r.Village, {"unit": world.unit.id, "name": "虎跳村"})
    rows = [["户主", "身份证号", "组"], ["张三", id_number(), "1组"]]
    path = write_book(tmp_path / "roster.xlsx", rows)
    table = rosters.read_table(path)
    mapping = rosters.propose_mapping(table.headers, rosters.HOUSEHOLDS)
    assert "village" not in mapping.values()
    shown = rosters.preview(table, rosters.HOUSEHOLDS, mapping)
    assert "no default village" in shown.rows[0].problems[0]
    result = rosters.import_rows(table, rosters.HOUSEHOLDS, mapping, village="龙潭村")
    assert result.imported == 1
    with pytest.raises(rosters.RosterError, match="湾里"):
        rosters.preview(table, rosters.HOUSEHOLDS, mapping, village="湾里村")


def test_staff_roster(world, tmp_path):
    path = write_book(tmp_path / "staff.xlsx", [
        ["姓名", "性别", "职务", "科室", "村", "党员", "班子成员", "联系电话", "备注"],
        ["刘洋", "男", "副镇长", "党政办", "", "是", "是", 13900001111, ""],
        ["陈静 ", "女", "干事", "经发办", "龙潭村", "否", "", "", "驻村"],
        ["陈静", "女", "干事", "经发办", "", "", "", "", ""],
        ["田书记", "男", "", "", "", "", "", "", ""],
        ["何平", "未知", "", "", "", "也许", "", "", ""],
    ])
    table = rosters.read_table(path)
    assert rosters.guess_kind(table.headers) == rosters.PERSONS
    mapping = rosters.propose_mapping(table.headers, rosters.PERSONS)
    assert sorted(mapping.values()) == sorted(set(rosters.fields(rosters.PERSONS)) - {"staff", "active"})
    shown = rosters.preview(table, rosters.PERSONS, mapping)
    problems = {c.row: " | ".join(c.problems) for c in shown.rows}
    assert problems[2] == problems[3] == ""
    assert "row 3" in problems[4]
    assert "already in the staff list" in problems[5]
    # what is not part of who a person is: left empty, with a warning
    warnings = " | ".join(shown.rows[-1].warnings)
    assert problems[6] == "" and "not one of the choices" in warnings and "neither 是 nor 否" in warnings
    result = rosters.import_rows(table, rosters.PERSONS, mapping, skip_bad=True)
    assert result.imported == 3
    he = r.Person.get(r.Person.name == "何平")
    assert (he.gender, he.party_member) == (None, False)
    liu = r.Person.get(r.Person.name == "刘洋")
    assert (liu.gender, liu.title, liu.department, liu.party_member, liu.leader, liu.phone) == (
        "male", "副镇长", "党政办", True, True, "13900001111")
    chen = r.Person.get(r.Person.name == "陈静")
    assert (chen.village_id, chen.party_member, chen.remarks, chen.unit_id) == (
        world.village.id, False, "驻村", world.unit.id)


def test_headers_with_spaces_marks_and_notes_are_recognised():
    headers = ["序 号", "户主\u3000姓名 ", "*身份证号码", "联系电话(手机)", "村民小组", "村(社区)", "人口数"]
    assert rosters.propose_mapping(headers, rosters.HOUSEHOLDS) == {
        1: "head_name", 2: "id_number", 3: "phone", 4: "group", 5: "village", 6: "population"}
    assert rosters.guess_kind(headers) == rosters.HOUSEHOLDS
    # a plain 姓名 is the head only when no 户主 column is there
    assert rosters.propose_mapping(["姓名", "户主"], rosters.HOUSEHOLDS) == {1: "head_name"}


def test_a_sheet_is_chosen_by_name(world, tmp_path):
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本表为农户花名册"])
    data = book.create_sheet("一组")
    data.append(["户主", "身份证号"])
    data.append(["张三", id_number()])
    book.save(tmp_path / "book.xlsx")
    assert rosters.sheet_names(tmp_path / "book.xlsx") == ["说明", "一组"]
    assert rosters.read_table(tmp_path / "book.xlsx", "一组").rows[0][1][0] == "张三"
    # the note sheet has no header: the first sheet that has one is the roster
    assert rosters.read_table(tmp_path / "book.xlsx").sheet == "一组"
    with pytest.raises(rosters.RosterError, match="No header row"):
        rosters.read_table(tmp_path / "book.xlsx", "说明")
    with pytest.raises(rosters.RosterError, match="二组") as error:
        rosters.read_table(tmp_path / "book.xlsx", "二组")
    assert "说明、一组" in str(error.value)


@pytest.mark.parametrize("make, words", [
    (lambda p: p.write_bytes(b"PK\x03\x04 broken"), "damaged"),
    (lambda p: zipfile.ZipFile(p, "w").writestr("hello.txt", "not a workbook"), "not a spreadsheet"),
    (lambda p: Workbook().save(p), "is empty"),
])
def test_a_malformed_file_is_one_clear_error_and_the_database_is_unchanged(world, tmp_path, make, words):
    path = tmp_path / "roster.xlsx"
    make(path)
    with pytest.raises(rosters.RosterError, match=words) as error:
        rosters.read_table(path)
    assert "roster.xlsx" in str(error.value)
    assert households() == []


def test_a_csv_named_xlsx_is_read_as_what_it_is(world, tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_text(f"户主,身份证号\n张三,{id_number()}\n", encoding="utf-8")
    table = rosters.read_table(path)
    assert table.rows[0][1][0] == "张三"


def test_a_broken_xls_is_named_as_damaged(tmp_path):
    path = tmp_path / "roster.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(rosters.RosterError, match="damaged") as error:
        rosters.sheet_names(path)
    assert "roster.xls" in str(error.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(rosters.RosterError, match=r"nothing\.xlsx"):
        rosters.read_table(tmp_path / "nothing.xlsx")


def test_a_failure_midway_leaves_nothing(world, tmp_path, monkeypatch):
    path = write_book(tmp_path / "roster.xlsx", household_rows(
        ["龙潭村", "9组", "张三", id_number(), "", "", "", "", ""],
        ["龙潭村", "1组", "李四", id_number(), "", "", "", "", ""]))
    table = rosters.read_table(path)
    mapping = rosters.propose_mapping(table.headers, rosters.HOUSEHOLDS)
    from exporters.rosters import importing

    real_insert = importing._insert

    def failing_insert(model, records):
        real_insert(model, records[:1])
        raise OSError("disk full")

    monkeypatch.setattr(importing, "_insert", failing_insert)
    with pytest.raises(OSError):
        rosters.import_rows(table, rosters.HOUSEHOLDS, mapping)
    assert households() == []
    assert not r.VillageGroup.select().where(r.VillageGroup.name == "9组").exists()


def test_missing_required_columns_are_named():
    assert rosters.missing_fields(rosters.HOUSEHOLDS, {0: "id_number"}) == ["Head of household"]
    assert rosters.missing_fields(rosters.PERSONS, {0: "name"}) == []
