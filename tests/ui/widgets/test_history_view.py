"""修改记录 in a record's dialog, and the operator's name in 设置 → 本单位."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from models import history, store
from models import records as r
from tests.ui.driving import open_dialog, retype, save_button
from ui.dialogs.history_export import HistoryExportDialog
from ui.forms.household import HouseholdDialog
from ui.forms.visit import VisitDialog
from ui.pages.settings import SettingsPage
from ui.widgets.history_view import HistoryView


def test_the_history_tab_shows_the_changes_newest_first(qtbot, world):
    store.set_setting("operator", "张会计")
    household = world.household("张三", population=3)
    dialog = open_dialog(qtbot, HouseholdDialog, household)
    retype(qtbot, dialog.editors["head_name"], "张三丰")
    retype(qtbot, dialog.editors["population"], "4")
    save_button(dialog).click()
    assert r.Household.get_by_id(household.id).head_name == "张三丰"

    dialog = open_dialog(qtbot, HouseholdDialog, r.Household.get_by_id(household.id))
    view = dialog.history
    assert dialog.tabs.tabText(dialog.tabs.indexOf(view)) == "History"
    rows = view.rows()
    assert rows[0][1:] == ["张会计", "Edited", "Head of household：张三 → 张三丰"]
    assert rows[1] == ["", "", "", "Household size：3 → 4"]
    created = [row for row in rows if row[2] == "Created"]
    assert len(created) == 1 and created[0][0] <= rows[0][0]  # local times, newest first
    assert ["", "", "", "Villagers' group：龙潭村1组"] in rows
    entry = history.history(household)[0]
    assert rows[0][0] == f"{entry.local_at:%Y-%m-%d %H:%M:%S}"


def test_a_new_record_has_no_history_tab(qtbot, world):
    dialog = open_dialog(qtbot, HouseholdDialog)
    assert not dialog.findChildren(HistoryView)
    assert dialog.tabs.tabBar().isHidden()


def test_a_visit_shows_its_visitors_changing(qtbot, world):
    visit = world.visit(world.household("张三"))
    store.save_visit({}, [world.leader.id], visit)
    dialog = open_dialog(qtbot, VisitDialog, r.Visit.get_by_id(visit.id))
    assert dialog.history.rows()[0][2:] == ["Edited", "Visitors：向干部 → 田书记"]


def test_deletes_and_restores_are_listed(qtbot, world):
    household = world.household("张三")
    store.delete(household)
    store.restore(r.Household.get_by_id(household.id))
    view = HistoryView(r.Household.get_by_id(household.id))
    qtbot.addWidget(view)
    assert [row[2] for row in view.rows() if row[0]] == ["Restored", "Deleted", "Created"]


def test_the_operator_is_set_in_the_unit_tab(qtbot, world):
    page = SettingsPage()
    qtbot.addWidget(page)
    tab = page.unit_tab
    assert tab.operator_edit.text() == ""
    tab.operator_edit.setText("  王主任 ")
    tab.phone_edit.setText("0743-8221000")
    tab.save_button.click()
    assert store.get_setting("operator") == "王主任"
    (edit, _create) = history.history(r.Unit.get_by_id(world.unit.id))
    assert (edit.operator, edit.lines()) == ("王主任", ["Contact phone：(empty) → 0743-8221000"])
    page.refresh()
    assert tab.operator_edit.text() == "王主任"


def test_the_file_menu_exports_the_history_of_a_campaign(qtbot, world, tmp_path, monkeypatch, messages):
    from tests.ui.driving import make_window, menu_action, save_as

    store.set_setting("operator", "张会计")
    world.suggestion("修路")
    window = make_window(qtbot, store_path())
    target = tmp_path / "修改记录.xlsx"
    proposed = save_as(monkeypatch, target)
    menu_action(window, "Export change history…").trigger()
    dialog = window.findChild(HistoryExportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.campaign.setCurrentIndex(dialog.campaign.findData(world.campaign.id.hex))
    dialog.date_to.set_value(dt.date(2020, 1, 1))
    dialog.date_from.set_value(dt.date(2020, 2, 1))
    dialog.export_button.click()
    assert "before the start date" in dialog.error.text() and not target.exists()
    dialog.date_from.set_value(None)
    dialog.date_to.set_value(None)
    dialog.export_button.click()
    assert proposed == [str(Path(proposed[0]).parent / "长坪镇思想大解放（2026）修改记录.xlsx")]
    assert messages.kinds == ["information"] and str(target) in messages[0][1]
    rows = [row for row in openpyxl.load_workbook(target)["修改记录"].iter_rows(min_row=4, values_only=True)
            if isinstance(row[0], int)]
    assert [row[3] for row in rows] == ["活动", "意见建议"] and rows[1][2] == "张会计"


def store_path() -> Path:
    return Path(r.database.database)
