"""回收站: deleted records are listed, found and restored."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel

from models import records as r
from models import store
from ui.pages.recycle_bin import BinTableModel, RecycleBinPage, local_time


@pytest.fixture
def page(qtbot, world):
    widget = RecycleBinPage()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def cells(page: RecycleBinPage) -> list[list[str]]:
    model = page.table_model
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def select_rows(page: RecycleBinPage, *rows: int) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(page.table_model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_lists_a_deleted_record_and_restores_it(qtbot, page, world, messages):
    household = world.household("张三")
    store.delete(household)
    page.refresh()
    deleted = r.Household.get_by_id(household.id).deleted_at
    assert cells(page) == [[store.kind_name(r.Household), "张三（龙潭村1组）", local_time(deleted)]]
    assert not page.restore_button.isEnabled()

    select_rows(page, 0)
    assert page.restore_button.isEnabled()
    with qtbot.waitSignal(page.changed):
        page.restore_button.click()
    assert r.Household.get_by_id(household.id).deleted_at is None
    assert cells(page) == []
    assert messages == []


def test_deleted_at_is_shown_in_local_time():
    utc = dt.datetime(2026, 3, 1, 2, 30)
    expected = utc.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert local_time(utc) == expected


def test_search_filters_the_rows(page, world):
    for head in ("张三", "李四", "王五"):
        store.delete(world.household(head))
    page.refresh()
    assert page.table_model.rowCount() == 3
    page.search_edit.setText("李")
    assert [row[BinTableModel.DESCRIPTION] for row in cells(page)] == ["李四（龙潭村1组）"]
    page.search_edit.setText(store.kind_name(r.Household))
    assert page.table_model.rowCount() == 3
    page.search_edit.clear()
    assert page.table_model.rowCount() == 3


def test_several_at_once_owner_first_whatever_the_order(page, world, messages):
    household = world.household("张三", group=world.group2)
    store.delete(household)
    store.delete(world.group2)
    page.refresh()
    assert page.table_model.rowCount() == 2
    select_rows(page, 0, 1)
    page.restore_selected()
    assert r.Household.get_by_id(household.id).deleted_at is None
    assert r.VillageGroup.get_by_id(world.group2.id).deleted_at is None
    assert messages == []
    assert page.table_model.rowCount() == 0


def test_a_record_whose_owner_is_still_deleted_is_refused(page, world, messages):
    household = world.household("张三", group=world.group2)
    store.delete(household)
    store.delete(world.group2)
    page.refresh()
    row = next(i for i, cells_ in enumerate(cells(page)) if cells_[0] == store.kind_name(r.Household))
    select_rows(page, row)
    page.restore_selected()
    assert r.Household.get_by_id(household.id).deleted_at is not None
    assert len(messages) == 1 and "龙潭村2组" in messages[0][1]
    assert page.table_model.rowCount() == 2
