"""The sign-in sheet of a session, opened again and read as the meeting's clerk would."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from exporters.signin import HEADER_ROW, SIGN_HEIGHT, write_signin_sheet
from tests.models.factories import World

A4_PORTRAIT_HEIGHT = 842  # points


def rows_of(ws):
    return [row for row in ws.iter_rows(min_row=HEADER_ROW + 1) if isinstance(row[0].value, int)]


@pytest.fixture
def meeting(empty_db):
    world = World()
    staff = [world.person(f"干部{n:02d}", title="干部") for n in range(28)]
    marks = {world.leader.id: ("present", ""), world.clerk.id: ("leave", "下村走访"),
             **{p.id: (None, "") for p in staff}}
    session = world.session("staff_study", dt.date(2026, 3, 2), marks, topic="=学习贯彻会议精神",
                            place="镇政府三楼会议室", host=world.leader.id, recorder=world.clerk.id,
                            start_time=dt.time(9),
                            end_time=dt.time(11, 30))
    return world, session, staff


def test_the_expected_persons_are_listed_leaders_first(meeting, tmp_path):
    world, session, staff = meeting
    ws = openpyxl.load_workbook(write_signin_sheet(tmp_path / "sign.xlsx", session.id)).active
    rows = rows_of(ws)
    names = [row[1].value for row in rows]
    assert names[0] == world.leader.name
    assert sorted(names) == sorted([world.leader.name, world.clerk.name, *(p.name for p in staff)])
    assert [row[0].value for row in rows] == list(range(1, 31))
    assert [c.value for c in ws[HEADER_ROW]] == ["序号", "姓名", "职务", "签到", "备注"]
    assert all(row[3].value is None and row[3].border.left.style == "thin" for row in rows)
    clerk = next(row for row in rows if row[1].value == world.clerk.name)
    assert clerk[4].value == "请假（下村走访）"


def test_heading_and_foot(meeting, tmp_path):
    world, session, _ = meeting
    ws = openpyxl.load_workbook(write_signin_sheet(tmp_path / "sign.xlsx", session.id)).active
    assert ws["A1"].value == f"{world.unit.name}会议签到表" and ws["A1"].font.name == "宋体"
    assert ws["A2"].value == "会议名称：=学习贯彻会议精神（全体干部集中学习）"
    assert ws["A2"].data_type == "s"
    assert ws["A3"].value == "时　　间：2026年3月2日 09:00—11:30"
    assert "镇政府三楼会议室" in ws["A4"].value and world.leader.name in ws["A4"].value
    foot = ws.cell(row=HEADER_ROW + 31, column=1).value
    assert foot.startswith("应到：30人") and "实到：　　　人" in foot  # nobody has signed yet
    assert foot.endswith(f"记录人：{world.clerk.name}")


def test_nothing_is_filled_in_that_only_signing_can_tell(empty_db, tmp_path):
    """Even when the attendance was entered, the sheet is for signing: no 实到 count, nobody 缺席."""
    world = World()
    absent = world.person("缺席者")
    marks = {world.leader.id: ("present", ""), absent.id: ("absent", ""), world.clerk.id: ("leave", "")}
    session = world.session("staff_study", attendance=marks)
    ws = openpyxl.load_workbook(write_signin_sheet(tmp_path / "sign.xlsx", session.id)).active
    remarks = {row[1].value: row[4].value for row in rows_of(ws)}
    assert remarks == {world.leader.name: None, absent.name: None, world.clerk.name: "请假"}
    foot = ws.cell(row=HEADER_ROW + 4, column=1).value
    assert "实到：　　　人" in foot and "缺席" not in foot


def test_names_are_in_the_order_of_posts(empty_db, tmp_path):
    world = World()
    posts = (("副书记甲", "党委副书记", True), ("镇长乙", "镇长", True), ("干部丙", "干部", False),
             ("书记丁", "党委书记", True), ("委员戊", "党委委员、副镇长", True))
    people = [world.person(name, title=title, leader=leader) for name, title, leader in posts]
    session = world.session("staff_study", attendance={p.id: (None, "") for p in people})
    ws = openpyxl.load_workbook(write_signin_sheet(tmp_path / "sign.xlsx", session.id)).active
    assert [row[1].value for row in rows_of(ws)] == ["书记丁", "镇长乙", "副书记甲", "委员戊", "干部丙"]


def test_thirty_names_print_on_one_a4_portrait_page(meeting, tmp_path):
    _, session, _ = meeting
    ws = openpyxl.load_workbook(write_signin_sheet(tmp_path / "sign.xlsx", session.id)).active
    assert ws.page_setup.orientation == "portrait" and ws.page_setup.paperSize in ("9", 9)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and int(ws.page_setup.fitToWidth or 1) == 1  # default 1
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert all(ws.row_dimensions[row[0].row].height == SIGN_HEIGHT >= 20 for row in rows_of(ws))
    margins = (ws.page_margins.top + ws.page_margins.bottom) * 72
    used = sum(ws.row_dimensions[n].height for n in range(1, HEADER_ROW + 32))
    assert used + margins < A4_PORTRAIT_HEIGHT
