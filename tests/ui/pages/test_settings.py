"""设置: villages, groups, categories, the unit and campaigns, written through the page."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from models import ranks, store, vocab
from models import records as r
from models.i18n import translate
from ui.pages.settings import SettingsPage
from ui.pages.settings.campaign_dialog import CampaignDialog


@pytest.fixture
def page(qtbot, world):
    widget = SettingsPage()
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)  # so that keyboard shortcuts reach it
    return widget


def live(model, **where):
    query = model.select().where(model.deleted_at.is_null())
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    return list(query)


def test_add_village_then_group_with_enter(qtbot, page, world, messages):
    villages, groups = page.places_tab.villages, page.places_tab.groups
    villages.name_edit.setText(" 新桥村 ")
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(villages.name_edit, Qt.Key.Key_Return)
    village = r.Village.get(r.Village.name == "新桥村")
    assert village.unit_id == world.unit.id and village.position == world.village.position + 1
    assert villages.current().id == village.id  # the new village is chosen, its groups shown
    assert groups.list.count() == 0

    groups.name_edit.setText("1组")
    groups.add_button.click()
    assert [g.name for g in live(r.VillageGroup, village=village)] == ["1组"]
    assert groups.list.item(0).text() == "1组"
    assert messages == []


def test_empty_name_is_refused_naming_the_field(page, messages):
    before = r.Village.select().count()
    page.places_tab.villages.add_button.click()
    assert r.Village.select().count() == before
    assert len(messages) == 1 and translate("Field", "Village (community)") in messages[0][1]


def test_rename_in_place_and_refused_rename_reverts(page, world, messages):
    villages = page.places_tab.villages
    villages.list.item(0).setText("龙潭社区")
    assert r.Village.get_by_id(world.village.id).name == "龙潭社区"

    villages.list.item(0).setText("  ")
    assert r.Village.get_by_id(world.village.id).name == "龙潭社区"
    assert villages.list.item(0).text() == "龙潭社区"
    assert len(messages) == 1


def test_village_kind_follows_the_combo(page, world):
    tab = page.places_tab
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData("community"))
    tab.kind_combo.activated.emit(tab.kind_combo.currentIndex())
    assert r.Village.get_by_id(world.village.id).kind == "community"


def test_delete_village_used_by_households_is_refused(page, world, messages):
    world.household("张三")
    villages = page.places_tab.villages
    assert villages.current().id == world.village.id
    villages.delete_button.click()
    assert r.Village.get_by_id(world.village.id).deleted_at is None
    assert len(messages) == 1
    assert "龙潭村" in messages[0][1] and store.kind_name(r.Household) in messages[0][1]
    assert villages.list.count() == 1


def test_delete_key_sends_an_unused_group_to_the_bin(qtbot, page, world, messages):
    page.tabs.setCurrentWidget(page.places_tab)
    groups = page.places_tab.groups
    groups.list.setCurrentRow(1)
    groups.list.setFocus()
    qtbot.keyClick(groups.list, Qt.Key.Key_Delete)
    assert r.VillageGroup.get_by_id(world.group2.id).deleted_at is not None
    assert [groups.list.item(i).text() for i in range(groups.list.count())] == ["1组"]
    assert messages == []


def test_move_down_and_up(page, world):
    villages = page.places_tab.villages
    villages.name_edit.setText("新桥村")
    villages.add()
    villages.list.setCurrentRow(0)
    villages.down_button.click()
    names = [v.name for v in r.Village.select().order_by(r.Village.position)]
    assert names == ["新桥村", "龙潭村"]
    assert villages.current().name == "龙潭村"
    villages.up_button.click()
    assert [v.name for v in r.Village.select().order_by(r.Village.position)] == ["龙潭村", "新桥村"]


def test_categories_of_both_kinds(page, world):
    suggestions = page.categories_tab.editors["suggestion"]
    problems = page.categories_tab.editors["problem"]
    for name in ("基础设施", "产业发展"):
        suggestions.name_edit.setText(name)
        suggestions.add()
    problems.name_edit.setText("作风问题")
    problems.add()
    suggestions.list.setCurrentRow(1)
    suggestions.up_button.click()
    rows = live(r.Category, kind="suggestion")
    assert [c.name for c in sorted(rows, key=lambda c: c.position)] == ["产业发展", "基础设施"]
    assert [c.name for c in live(r.Category, kind="problem")] == ["作风问题"]
    assert all(c.unit_id == world.unit.id for c in r.Category.select())


def test_unit_is_saved_and_an_empty_name_refused(page, world, messages):
    tab = page.unit_tab
    assert tab.name_edit.text() == "长坪镇"
    tab.name_edit.setText("长坪乡")
    tab.level_combo.setCurrentIndex(tab.level_combo.findData("township"))
    tab.phone_edit.setText("0743-8221000")
    tab.save_button.click()
    unit = r.Unit.get_by_id(world.unit.id)
    assert (unit.name, unit.level, unit.phone) == ("长坪乡", "township", "0743-8221000")

    tab.name_edit.clear()
    tab.save_button.click()
    assert r.Unit.get_by_id(world.unit.id).name == "长坪乡"
    assert len(messages) == 1 and translate("Field", "Unit name") in messages[0][1]



def test_the_unit_names_where_its_reports_go_and_its_own_media(page, world):
    tab = page.unit_tab
    tab.refresh()
    tab.addressee_edit.setText("青山县“思想大解放”活动领导小组办公室")
    tab.outlets_edit.setPlainText("“文明长坪”公众号\n\n长坪镇广播站\n“文明长坪”公众号")
    tab.save_button.click()
    assert store.get_setting("report_addressee") == "青山县“思想大解放”活动领导小组办公室"
    assert store.get_setting("own_outlets") == "“文明长坪”公众号\n长坪镇广播站"
    tab.refresh()
    assert tab.outlets_edit.toPlainText() == "“文明长坪”公众号\n长坪镇广播站"

def test_new_campaign_with_phases_becomes_current(qtbot, page, world, monkeypatch, messages):
    def fill_and_accept(dialog):
        assert dialog.phases.rowCount() == 5  # the default phases, pre-filled
        dialog.name_edit.setText("解放思想大讨论")
        dialog.end_edit.set_value(dt.date(2099, 12, 31))
        dialog.phases.item(0, 0).setText("动员部署")
        dialog.phase_view.setCurrentIndex(dialog.phases.index(4, 0))
        dialog.remove_phase()
        dialog.add_phase("总结提升", dt.date(2099, 11, 1), dt.date(2099, 12, 31))
        dialog.phase_view.setCurrentIndex(dialog.phases.index(4, 0))
        dialog.move_phase(-1)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CampaignDialog, "exec", fill_and_accept)
    tab = page.campaigns_tab
    with qtbot.waitSignal(page.changed):
        tab.new_button.click()
    campaign = r.Campaign.get(r.Campaign.name == "解放思想大讨论")
    assert campaign.unit_id == world.unit.id and campaign.end_date == dt.date(2099, 12, 31)
    phases = list(r.Phase.select().where(r.Phase.campaign == campaign).order_by(r.Phase.position))
    defaults = [translate("Vocabulary", name) for name in vocab.DEFAULT_PHASES]
    assert [p.name for p in phases] == ["动员部署", defaults[1], defaults[2], "总结提升", defaults[3]]
    assert phases[3].start_date == dt.date(2099, 11, 1)
    assert [p.position for p in phases] == [0, 1, 2, 3, 4]

    assert tab.current().id == campaign.id
    tab.current_button.click()
    assert store.current_campaign().id == campaign.id
    assert "解放思想大讨论" in tab.current_label.text()
    assert messages == []


def test_refused_campaign_edit_keeps_dialog_open_and_writes_nothing(qtbot, world, messages):
    phase = store.save(r.Phase, {"campaign": world.campaign.id, "name": "学习提升"})
    world.session(phase=phase.id)
    dialog = CampaignDialog(world.unit, world.campaign)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("改名")
    dialog.phase_view.setCurrentIndex(dialog.phases.index(0, 0))
    dialog.remove_phase()  # a phase that a session still uses
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert r.Campaign.get_by_id(world.campaign.id).name == "思想大解放"  # rolled back
    assert r.Phase.get_by_id(phase.id).deleted_at is None
    assert len(messages) == 1

    dialog.end_edit.set_value(dt.date(2020, 1, 1))
    dialog.accept()
    assert dialog.isVisible()
    assert translate("Field", "End date") in messages[-1][1]


def test_edit_campaign_dates_and_phase(qtbot, world, messages):
    store.save(r.Phase, {"campaign": world.campaign.id, "name": "学习提升", "position": 0})
    dialog = CampaignDialog(world.unit, world.campaign)
    qtbot.addWidget(dialog)
    assert dialog.phases.rowCount() == 1
    dialog.aims_edit.setPlainText("解放思想")
    dialog.end_edit.set_value(None)
    dialog.phases.item(0, 0).setText("学习研讨")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    campaign = r.Campaign.get_by_id(world.campaign.id)
    assert (campaign.aims, campaign.end_date) == ("解放思想", None)
    assert [p.name for p in live(r.Phase, campaign=campaign)] == ["学习研讨"]
    assert messages == []


def test_phase_dates_are_edited_with_the_date_delegate(qtbot, world):
    dialog = CampaignDialog(world.unit)
    qtbot.addWidget(dialog)
    index = dialog.phases.index(0, CampaignDialog.END)
    delegate = dialog.phase_view.itemDelegateForColumn(CampaignDialog.END)
    editor = delegate.createEditor(dialog.phase_view.viewport(), None, index)
    delegate.setEditorData(editor, index)
    assert editor.value() is None
    editor.set_value(dt.date(2026, 4, 30))
    delegate.setModelData(editor, dialog.phases, index)
    assert index.data() == "2026-04-30"
    assert dialog.phase_rows()[0][2] == dt.date(2026, 4, 30)


def test_the_order_of_posts_is_kept_as_the_office_arranges_it(qtbot, page, world):
    tab = page.ranks_tab
    assert tab.posts()[:3] == ["党委书记", "镇长", "乡长"]
    tab.list.setCurrentRow(0)
    tab.post_edit.setText("党委第一书记")
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(tab.post_edit, Qt.Key.Key_Return)
    assert tab.posts()[:2] == ["党委书记", "党委第一书记"]
    tab.move_current(-1)
    assert ranks.order()[:2] == ["党委第一书记", "党委书记"]
    tab.list.setCurrentRow(0)
    tab.delete_current()
    assert "党委第一书记" not in ranks.order()
    tab.restore_default()
    assert tab.posts() == list(ranks.TOWNSHIP)
