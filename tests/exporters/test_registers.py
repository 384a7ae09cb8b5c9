"""The register workbook, opened again with openpyxl and read as a reader would."""

from __future__ import annotations

import os
import re

import openpyxl
import pytest

from exporters import ExportError
from exporters.registers import REGISTERS, RegisterOptions, write_registers
from models import figures, personal, store, vocab
from models import records as r
from models.demo.campaign import TODAY
from tests.models.factories import World, demo_dates, zh

SHEETS = ["学习会议", "学习成果", "走访台账", "意见建议", "问题整改", "宣传信息", "走访覆盖", "统计汇总"]
HEADERS = {
    "学习会议": ["序号", "日期", "时间", "类型", "主题", "地点", "主持人", "主讲/领学人", "应到", "实到",
             "请假", "缺席", "出勤率", "记录人", "备注"],
    "学习成果": ["序号", "姓名", "职务", "类型", "题目", "字数", "完成日期", "检查验收"],
    "走访台账": ["序号", "走访日期", "村（社区）", "组", "户主", "身份证号", "联系电话", "家庭人口", "户类别",
             "走访方式", "走访人", "家庭情况", "诉求", "帮扶/办理情况", "是否转整改", "满意度"],
    "意见建议": ["序号", "收集日期", "提出人", "来源", "类别", "内容", "归并条目", "办理状态", "责任科室",
             "办理/答复情况", "答复日期"],
    "问题整改": ["序号", "问题来源", "问题类别", "问题描述", "整改措施", "责任单位", "责任人", "责任领导",
             "整改时限", "进展", "状态", "销号日期", "佐证材料", "验收人"],
    "宣传信息": ["序号", "日期", "类型", "题目", "刊发媒体"],
    "走访覆盖": ["序号", "村（社区）", "组", "总户数", "已走访户数", "覆盖率", "未走访户"],
    "统计汇总": ["序号", "类别", "项目", "数值", "单位", "计算"],
}
COUNTED = {"学习会议": "sessions", "学习成果": "writings", "走访台账": "visits", "意见建议": "suggestions",
           "问题整改": "rectifications", "宣传信息": "publicity"}


def export(folder, name="registers.xlsx", **values):
    values.setdefault("campaign", store.current_campaign().id)
    values.setdefault("today", TODAY)
    options = RegisterOptions(**values)
    path = write_registers(folder / name, options)
    return openpyxl.load_workbook(path), options


def header_row(ws) -> int:
    """The header's row: the third, or the fourth when the info line takes two lines."""
    return next(cell.row for cell in ws["A"] if cell.value == "序号")


def info_lines(ws) -> list[str]:
    return [cell.value for row in ws.iter_rows(min_row=2, max_row=header_row(ws) - 1) for cell in row
            if cell.value]


def data_rows(ws) -> list[tuple]:
    """The numbered rows under the header (subtotal and sign-off lines have no 序号)."""
    rows = ws.iter_rows(min_row=header_row(ws) + 1, values_only=True)
    return [row for row in rows if isinstance(row[0], int)]


def scope_of(options: RegisterOptions) -> figures.Scope:
    return figures.Scope(options.campaign, options.date_from, options.date_to, options.village,
                         options.today)


def test_every_register_has_its_sheet_title_line_and_header(village_db, tmp_path):
    wb, _ = export(tmp_path)
    campaign = store.current_campaign()
    unit = campaign.unit.name
    assert wb.sheetnames == SHEETS
    for ws in wb:
        assert ws["A1"].value.startswith(f"{unit}“{campaign.name}”活动"), ws.title
        assert "A1" in str(ws.merged_cells)
        info = info_lines(ws)
        assert f"填报单位：{unit}" in info[0]
        assert f"统计时段：{zh(campaign.start_date)}至{zh(TODAY)}" in info[0]  # in progress: up to the day
        assert info[-1] == f"填报日期：{zh(TODAY)}"
        assert [c.value for c in ws[header_row(ws)]] == HEADERS[ws.title]
        assert any(str(c.value).startswith("填表人：") and "审核人：" in c.value and "联系电话：" in c.value
                   for c in ws["A"] if c.value)
    assert wb["走访台账"]["A1"].value.endswith("活动走访台账")


def test_only_the_chosen_registers_are_written(village_db, tmp_path):
    wb, _ = export(tmp_path, registers=("visits", "statistics"))
    assert wb.sheetnames == ["走访台账", "统计汇总"]
    with pytest.raises(ValueError):
        export(tmp_path, registers=("nonsense",))


@pytest.mark.parametrize("scope", ["campaign", "dates", "village"])
def test_row_counts_equal_the_database_and_are_numbered(township_db, tmp_path, scope):
    values = {}
    if scope == "dates":
        first, last = demo_dates(store.current_campaign())
        values = {"date_from": first, "date_to": last}
    if scope == "village":
        values = {"village": r.Village.select().order_by(r.Village.position)[3].id}
    wb, options = export(tmp_path, **values)
    f = figures.compute(scope_of(options))
    expected = {"sessions": f.sessions, "writings": f.writings, "visits": f.visits,
                "suggestions": f.suggestions, "rectifications": f.rectifications, "publicity": f.publicity}
    for sheet, key in COUNTED.items():
        rows = data_rows(wb[sheet])
        assert len(rows) == expected[key], sheet
        assert [row[0] for row in rows] == list(range(1, len(rows) + 1))
    assert f.visits > 0
    if scope == "dates":
        days = [row[1].date() for row in data_rows(wb["走访台账"])]
        assert min(days) >= options.date_from and max(days) <= options.date_to
    if scope == "village":
        name = r.Village.get_by_id(options.village).name
        assert {row[2] for row in data_rows(wb["走访台账"])} == {name}
        assert name in wb["走访台账"]["A1"].value and f"范围：仅{name}的记录" in wb["走访台账"]["A2"].value
        assert data_rows(wb["宣传信息"]) == []  # publicity belongs to the unit


def test_visitors_are_never_broken_inside_a_name(township_db, tmp_path):
    from exporters.layout import room_ems, text_ems
    from exporters.registers.record_sheets import VISITORS_WIDTH

    wb, _ = export(tmp_path, registers=("visits",))
    cells = [row[10] for row in data_rows(wb["走访台账"]) if row[10]]
    assert any("\n" in cell for cell in cells)  # the demo has visits of several visitors
    room = room_ems(VISITORS_WIDTH)
    assert all(text_ems(line) <= room for cell in cells for line in cell.split("\n"))


def test_a_visit_row_reads_as_entered(village_db, tmp_path):
    wb, _ = export(tmp_path, registers=("visits",))
    first = data_rows(wb["走访台账"])[0]
    visit = (r.Visit.select().where(r.Visit.campaign == store.current_campaign().id)
             .order_by(r.Visit.date, r.Visit.id).first())
    household = visit.household
    assert first[1].date() == visit.date
    assert first[2:5] == (household.village.name, household.group.name, household.head_name)
    assert first[7] == household.population
    assert first[9] == vocab.VISIT_METHODS.zh(visit.method)
    assert first[10].replace("\n", "") == "、".join(sorted(v.person.name for v in visit.visitors))
    assert first[15] == vocab.SATISFACTION.zh(visit.satisfaction)


def test_id_numbers_and_phones_are_masked_unless_asked(village_db, tmp_path):
    wb, _ = export(tmp_path, registers=("visits",))
    ws = wb["走访台账"]
    numbers = {h.id_number for h in r.Household.select()}
    masked = {personal.mask_id_number(n) for n in numbers}
    rows = list(ws.iter_rows(min_row=4))
    ids = [row[5] for row in rows if isinstance(row[0].value, int)]
    assert ids and all(c.value in masked and c.data_type == "s" for c in ids)
    assert all(re.fullmatch(r"1\d\d\*{4}\d{4}", row[6]) for row in data_rows(ws) if row[6])
    assert "完整" not in ws["A1"].value

    wb, _ = export(tmp_path, "full.xlsx", registers=("visits",), full_personal=True)
    ws = wb["走访台账"]
    assert "含完整身份证号" in ws["A1"].value
    ids = [row[5] for row in ws.iter_rows(min_row=4) if isinstance(row[0].value, int)]
    assert all(c.value in numbers and c.data_type == "s" and c.number_format == "@" for c in ids)
    phones = {h.phone for h in r.Household.select()}
    assert all(row[6] in phones for row in data_rows(ws) if row[6])


def test_user_text_like_a_formula_stays_text_and_control_characters_go(empty_db, tmp_path):
    world = World()
    household = world.household("张=三", phone="13800745678")
    world.visit(household, requests="=HYPERLINK(\"http://x\")", situation="-3口人",
                help_given="@SUM(1)\x07已办", remarks="+1")
    world.suggestion(content="+86 建议\x0b修路")
    wb = openpyxl.load_workbook(write_registers(tmp_path / "x.xlsx", RegisterOptions(
        campaign=world.campaign.id, today=TODAY)))
    visit = next(row for row in wb["走访台账"].iter_rows(min_row=4) if isinstance(row[0].value, int))
    assert visit[11].value == "-3口人" and visit[11].data_type == "s"
    assert visit[12].value == "=HYPERLINK(\"http://x\")" and visit[12].data_type == "s"
    assert visit[13].value == "@SUM(1)已办" and visit[13].data_type == "s"
    assert visit[4].value == "张=三"
    assert data_rows(wb["意见建议"])[0][5] == "+86 建议修路"


def test_print_layout_of_every_sheet(village_db, tmp_path):
    wb, _ = export(tmp_path)
    for ws in wb:
        header = header_row(ws)
        pages = len(ws.row_breaks.brk) + 1
        assert ws.page_setup.orientation == ("portrait" if ws.title == "统计汇总" else "landscape"), ws.title
        assert ws.page_setup.paperSize in ("9", 9)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert int(ws.page_setup.fitToWidth or 1) == 1 and int(ws.page_setup.fitToHeight) == 0
        assert ws.print_title_rows == f"${header}:${header}"
        # numbered from each register's own first page, its page count known: its breaks are all manual
        assert ws.oddFooter.center.text == f"第 &P 页 共 {pages} 页"
        # an attribute left out means its default (ECMA-376): first page number 1, one page wide
        assert int(ws.page_setup.firstPageNumber or 1) == 1 and ws.page_setup.useFirstPageNumber
        assert all(brk.man for brk in ws.row_breaks.brk)
        assert ws.freeze_panes == f"A{header + 1}"
        assert ws["A1"].font.name == "宋体" and ws["A1"].font.b
        assert all(c.font.name == "宋体" and c.font.b and c.border.bottom.style == "thin" for c in ws[header])
        row = next(ws.iter_rows(min_row=header + 1, max_row=header + 1))
        assert all(c.font.name == "宋体" and c.border.left.style == "thin" for c in row)
    assert wb["走访台账"]["L4"].alignment.wrap_text


def test_overdue_rectifications_are_marked(township_db, tmp_path):
    wb, options = export(tmp_path, registers=("rectifications",))
    rows = list(wb["问题整改"].iter_rows(min_row=header_row(wb["问题整改"]) + 1))
    rows = [row for row in rows if isinstance(row[0].value, int)]
    marked = [row for row in rows if row[10].value.endswith("（已逾期）")]
    assert len(marked) == figures.compute(scope_of(options)).rectifications_overdue > 0
    for row in marked:
        assert row[8].value.date() < TODAY
        assert row[1].fill.fgColor.rgb.endswith("FFE0E0")
    assert all(row[1].fill.fill_type is None for row in rows if row not in marked)


def test_statistics_sheet_prints_the_figures(township_db, tmp_path):
    wb, options = export(tmp_path, registers=("statistics",))
    f = figures.compute(scope_of(options))
    items, by_category, category = {}, {}, None
    for row in data_rows(wb["统计汇总"]):
        category = row[1] or category  # merged down over its lines
        items[row[2]] = by_category[category, row[2]] = row[3]
    term = {d.key: d.term for d in figures.DEFINITIONS}
    assert items[term["sessions"]] == f.sessions
    assert items["应到人次"] == f.expected and items["实到人次"] == f.attended
    assert items["出勤率"] == pytest.approx(f.attendance_rate)
    assert items[term["writings"]] == f.writings
    assert items["走访户次"] == f.visits and items["已走访户数"] == f.households_visited
    assert items["总户数"] == f.households and items["走访覆盖率"] == pytest.approx(f.coverage_rate)
    assert items["征集意见建议"] == f.suggestions and items["梳理归并条目"] == f.suggestion_items
    assert items["超期未完成"] == f.rectifications_overdue
    assert items["宣传信息"] == f.publicity
    for code, count in f.sessions_by_kind.items():
        assert by_category["学习会议", vocab.SESSION_KINDS.zh(code)] == count
    for code, count in f.visits_by_method.items():
        assert by_category["走访", vocab.VISIT_METHODS.zh(code)] == count
    assert {key for key, _ in by_category} == {"学习会议", "学习成果", "走访", "意见建议", "问题整改",
                                               "宣传信息"}


def test_coverage_per_village_and_group_with_the_households_not_visited(township_db, tmp_path):
    wb, options = export(tmp_path, registers=("coverage",))
    f = figures.compute(scope_of(options))
    ws = wb["走访覆盖"]
    rows = [row for row in ws.iter_rows(min_row=header_row(ws) + 1, values_only=True) if row[1]]
    subtotals = [row for row in rows if row[2] == "小计"]
    assert [(row[1], row[3], row[4]) for row in subtotals] == [
        (c.name, c.households, c.visited) for c in f.coverage]
    groups = data_rows(ws)
    assert [row[0] for row in groups] == list(range(1, len(groups) + 1))
    for village in f.coverage:
        mine = [row for row in groups if row[1] == village.name]
        assert sum(row[3] for row in mine) == village.households
        assert sum(row[4] for row in mine) == village.visited
    total = next(row for row in rows if row[1] == "合计")
    assert (total[3], total[4]) == (f.households, f.households_visited)
    # the names listed are exactly the households of the group without a visit
    village = r.Village.select().order_by(r.Village.position).first()
    group = r.VillageGroup.select().where(r.VillageGroup.village == village).order_by(
        r.VillageGroup.position).first()
    visited = r.Visit.select(r.Visit.household).where(r.Visit.campaign == options.campaign,
                                                      r.Visit.deleted_at.is_null())
    expected = sorted(h.head_name for h in r.Household.select().where(
        r.Household.group == group, r.Household.deleted_at.is_null(), r.Household.id.not_in(visited)))
    row = next(row for row in groups if row[1] == village.name and row[2] == group.name)
    assert sorted(row[6].replace("\n", "").split("、") if row[6] else []) == expected


def test_progress_reaches_the_total(village_db, tmp_path):
    calls = []
    write_registers(tmp_path / "p.xlsx", RegisterOptions(today=TODAY),
                    progress=lambda done, total: calls.append((done, total)))
    assert calls[-1][0] == calls[-1][1] > 0
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_a_cancelled_export_leaves_the_old_file_and_nothing_else(village_db, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "registers.xlsx"
    target.write_bytes(b"old")
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(ExportError, match="cancelled"):
        write_registers(target, RegisterOptions(today=TODAY), cancelled=cancelled)
    assert os.listdir(folder) == ["registers.xlsx"]
    assert target.read_bytes() == b"old"


@pytest.mark.parametrize("lock", ["~$registers.xlsx", ".~lock.registers.xlsx#"])
def test_a_locked_target_is_refused_and_untouched(village_db, tmp_path, lock):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "registers.xlsx"
    target.write_bytes(b"old")
    (folder / lock).write_text("x")
    with pytest.raises(ExportError, match=r"registers\.xlsx is open in another program"):
        write_registers(target, RegisterOptions(today=TODAY))
    assert target.read_bytes() == b"old"
    assert sorted(os.listdir(folder)) == sorted([lock, "registers.xlsx"])


def test_a_folder_the_system_refuses_is_reported_before_any_work(village_db, tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match=r"registers\.xlsx: the folder is read-only"):
        write_registers(tmp_path / "registers.xlsx", RegisterOptions(today=TODAY))


@pytest.mark.parametrize("export", ["registers", "roster", "signin"])
def test_a_full_disk_is_said_and_leaves_nothing(village_db, tmp_path, monkeypatch, export):
    import errno

    from xlsxwriter.workbook import Workbook

    from exporters.rosters.writing import write_roster
    from exporters.signin import write_signin_sheet
    from models import records as r

    def full(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "_store_workbook", full)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "out.xlsx"
    session = r.Session.select().first()
    with pytest.raises(ExportError, match=r"out\.xlsx"):
        if export == "registers":
            write_registers(target, RegisterOptions(today=TODAY))
        elif export == "roster":
            write_roster(target, "households")
        else:
            write_signin_sheet(target, session.id)
    assert os.listdir(folder) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_refused(village_db, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="read-only"):
            write_registers(folder / "registers.xlsx", RegisterOptions(today=TODAY))
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o755)


def test_registers_cover_every_key():
    assert set(REGISTERS) == {"sessions", "writings", "visits", "suggestions", "rectifications",
                              "publicity", "coverage", "statistics"}

