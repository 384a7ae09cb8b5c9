"""The 修改记录 workbook, opened again and read as a reader would."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from exporters import ExportError
from exporters.history import HistoryOptions, write_history
from models import history, store
from models import records as r
from tests.models.factories import World

HEADER = ["序号", "时间", "操作人", "记录类型", "记录", "操作", "修改内容"]


@pytest.fixture
def world(empty_db):
    world = World()
    store.set_setting("operator", "张会计")
    return world


def rows_of(path) -> tuple[openpyxl.worksheet.worksheet.Worksheet, list[tuple]]:
    ws = openpyxl.load_workbook(path)["修改记录"]
    return ws, [row for row in ws.iter_rows(min_row=4, values_only=True) if isinstance(row[0], int)]


def test_the_workbook_lists_every_change_oldest_first(world, tmp_path):
    household = world.household("张三", phone="13812345678")
    store.save(r.Household, {"head_name": "=张三丰", "population": 4}, household)
    store.delete(household)
    ws, rows = rows_of(write_history(tmp_path / "history.xlsx", HistoryOptions(today=dt.date(2026, 11, 25))))
    assert [cell.value for cell in ws[3]] == HEADER
    assert ws["A1"].value == "长坪镇修改记录"
    assert ws["A2"].value.startswith("填报单位：长坪镇")
    assert [row[0] for row in rows] == list(range(1, r.Change.select().count() + 1))
    mine = [row for row in rows if row[3] == "农户"]
    assert [row[5] for row in mine] == ["新增", "修改", "删除"]
    assert {row[2] for row in mine} == {"张会计"}
    assert mine[0][4] == "=张三丰（龙潭村1组）"  # the record as it is now, kept as text
    assert "户主：张三 → =张三丰" in mine[1][6].split("\n")
    assert "户主：张三" in mine[0][6].split("\n")
    assert "联系电话：138****5678" in mine[0][6].split("\n")  # masked unless asked
    assert "13812345678" not in "".join(str(value) for row in rows for value in row)
    entry = history.history(household)[-1]
    assert mine[0][1] == f"{entry.local_at:%Y-%m-%d %H:%M:%S}"
    assert ws.cell(row=4 + rows.index(mine[1]), column=5).data_type == "s"


def test_full_personal_data_when_asked(world, tmp_path):
    world.household("张三", phone="13812345678")
    ws, rows = rows_of(write_history(tmp_path / "h.xlsx", HistoryOptions(full_personal=True)))
    assert "注意保密" in ws["A1"].value
    assert any("联系电话：13812345678" in row[6] for row in rows)


def test_a_campaign_and_dates_choose_the_rows(world, tmp_path):
    other = store.save(r.Campaign, {"unit": world.unit.id, "name": "另一次",
                                    "start_date": dt.date(2025, 1, 1)})
    world.suggestion("本次的建议")
    store.save(r.Suggestion, {"campaign": other.id, "date": dt.date(2025, 3, 9), "source": "staff",
                              "content": "上次的建议"})
    ws, rows = rows_of(write_history(tmp_path / "c.xlsx", HistoryOptions(campaign=world.campaign.id)))
    assert ws["A1"].value == "长坪镇“思想大解放”活动修改记录"
    texts = "".join(row[6] for row in rows)
    assert "本次的建议" in texts and "上次的建议" not in texts
    today = dt.date.today()
    _ws, rows = rows_of(write_history(tmp_path / "d.xlsx", HistoryOptions(date_from=today, date_to=today)))
    assert len(rows) == r.Change.select().count()
    _ws, rows = rows_of(write_history(tmp_path / "e.xlsx", HistoryOptions(
        date_to=today - dt.timedelta(days=2))))
    assert rows == []


def test_a_campaign_that_is_gone_is_refused_and_nothing_written(world, tmp_path):
    target = tmp_path / "x.xlsx"
    with pytest.raises(ExportError, match="no longer exists"):
        write_history(target, HistoryOptions(campaign=r.new_key()))
    assert not target.exists()
