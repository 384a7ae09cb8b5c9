"""The visit form: a household found by typing, visitors ticked, visitors who left post kept.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
)

from models import records as r
from models import store
from tests.models.factories import id_number
from tests.ui.driving import (
    clear_by_keys,
    focus,
    open_dialog,
    row_counts,
    save_button,
    type_text,
)
from ui.forms.visit import VisitDialog


def test_a_visit_to_a_household_found_by_typing_part_of_the_heads_name(qtbot, world):
    wanted = world.household("张三丰")
    world.household("张小花")
    world.household("李四", group=world.group2)
    dialog = open_dialog(qtbot, VisitDialog)
    picker = dialog.editors["household"]
    completer = picker.completer()
    focus(qtbot, dialog, picker)  # the line edit takes the completer's choice only when focused

    type_text(qtbot, picker, "张")
    offered = completer.model().stringList()
    assert len(offered) == 2 and all(label.startswith("张") for label in offered)
    type_text(qtbot, picker, "三")
    label = f"张三丰（龙潭村1组） ·{wanted.id_number[-4:]}"
    assert completer.model().stringList() == [label]

    popup = completer.popup()
    assert popup.isVisible() and completer.completionCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert picked.args == [wanted.id]
    assert picker.text() == label
    assert picker.value() == wanted.id

    visitors = dialog.visitors
    clerk = next(visitors.item(i) for i in range(visitors.count()) if visitors.item(i).text() == "向干部")
    clerk.setCheckState(Qt.CheckState.Checked)
    type_text(qtbot, dialog.editors["requests"], "修路")
    save_button(dialog).click()

    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.summary.text()
    visit = r.Visit.get(r.Visit.household == wanted.id)
    assert visit.requests == "修路" and visit.date == dt.date.today()
    assert visit.campaign_id == world.campaign.id
    assert [row.person_id for row in r.VisitVisitor.select().where(r.VisitVisitor.visit == visit.id)] \
        == [world.clerk.id]


def test_the_household_search_also_finds_by_village_and_several_words(qtbot, world):
    world.household("张三丰")
    world.household("李四", group=world.group2)
    other = store.save(r.Village, {"unit": world.unit.id, "name": "石门村"})
    store.save(r.Household, {"village": other.id, "head_name": "张石头", "id_number": id_number()})
    dialog = open_dialog(qtbot, VisitDialog)
    picker = dialog.editors["household"]

    type_text(qtbot, picker, "龙潭")
    assert sorted(label.split("（")[0] for label in picker.completer().model().stringList()) \
        == ["张三丰", "李四"]
    clear_by_keys(qtbot, picker)
    type_text(qtbot, picker, "石门 张")
    assert [label.split("（")[0] for label in picker.completer().model().stringList()] == ["张石头"]


def test_a_household_typed_but_not_chosen_is_refused_in_its_field(qtbot, world):
    world.household("张三丰")
    dialog = open_dialog(qtbot, VisitDialog)
    type_text(qtbot, dialog.editors["household"], "张三")
    dialog.visitors.item(0).setCheckState(Qt.CheckState.Checked)
    before = row_counts()
    save_button(dialog).click()
    assert dialog.isVisible() and dialog.saved is None
    assert "“张三” is not one of the choices." in dialog.error_text("household")
    assert row_counts() == before


# --- 6. bad input in every form -----------------------------------------------------------




def test_correcting_a_visit_keeps_a_visitor_who_has_left_post(qtbot, world):
    visit = world.visit(world.household("张三丰"))
    store.save(r.Person, {"active": False}, world.clerk)
    dialog = open_dialog(qtbot, VisitDialog, visit)
    ticked = [dialog.visitors.item(i).text() for i in range(dialog.visitors.count())
              if dialog.visitors.item(i).checkState() == Qt.CheckState.Checked]
    assert ticked == ["向干部"]
    type_text(qtbot, dialog.editors["requests"], "修路")

    save_button(dialog).click()

    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.summary.text()
    assert r.Visit.get_by_id(visit.id).requests == "修路"
    assert [row.person_id for row in r.VisitVisitor.select().where(r.VisitVisitor.visit == visit.id)] \
        == [world.clerk.id]


