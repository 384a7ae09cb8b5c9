"""The attendance list taken by keyboard, as a secretary reads down the paper list.

1 present, 2 late, 3 on leave (the reason opens; Enter after it moves on), 4
absent: each key moves on to the next person, and no key ever loses a typed
reason. The expected persons come from presets and from the last session of
the same kind, in the order of posts.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton

from models import records as r
from tests.ui.driving import open_dialog, type_text
from ui.forms.attendance import AttendanceEditor, PersonPicker
from ui.forms.session import SessionDialog


def names(editor: AttendanceEditor) -> list[str]:
    return [editor.table.item(row, editor.NAME).text() for row in range(editor.table.rowCount())]


def current(editor: AttendanceEditor) -> str:
    return names(editor)[editor.selected_rows()[0]]


def reason_editor(editor: AttendanceEditor) -> QLineEdit:
    return next(w for w in editor.table.viewport().findChildren(QLineEdit) if w.isVisible())


def test_the_keyboard_path_down_the_list_keeps_every_reason(qtbot, world):
    r.Person.update(title="党委书记").where(r.Person.id == world.leader.id).execute()
    r.Person.update(title="干部").where(r.Person.id == world.clerk.id).execute()
    world.person("李委员", title="组织委员")
    world.person("王干事", title="干部")
    dialog = open_dialog(qtbot, SessionDialog)
    type_text(qtbot, dialog.editors["topic"], "学习党章")
    editor = dialog.attendance
    dialog.tabs.setCurrentWidget(editor)
    table = editor.table
    assert names(editor) == ["田书记", "李委员", "向干部", "王干事"]  # in the order of posts
    table.setFocus()
    table.selectRow(0)

    qtbot.keyClick(table, Qt.Key.Key_1)  # 田书记 present
    assert current(editor) == "李委员"
    qtbot.keyClick(table, Qt.Key.Key_3)  # 李委员 on leave: the reason opens
    type_text(qtbot, reason_editor(editor), "外出开会")
    qtbot.keyClick(reason_editor(editor), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState and current(editor) == "向干部")
    qtbot.keyClick(table, Qt.Key.Key_1)  # the next key marks the next person, not 李委员
    assert current(editor) == "王干事"
    assert editor.marks[r.Person.get(r.Person.name == "李委员").id] == ["leave", "外出开会"]

    # a mark changed by mistake and back: the reason comes back with it
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_1)
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_3)
    assert reason_editor(editor).text() == "外出开会"
    qtbot.keyClick(reason_editor(editor), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)

    # 王干事 on leave, the reason typed and the form saved at once: the reason is kept
    table.selectRow(3)
    qtbot.keyClick(table, Qt.Key.Key_3)
    type_text(qtbot, reason_editor(editor), "病假")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    session = r.Session.get(r.Session.topic == "学习党章")
    marks = {row.person.name: (row.status, row.reason) for row in session.attendance}
    assert marks == {"田书记": ("present", ""), "李委员": ("leave", "外出开会"), "向干部": ("present", ""),
                     "王干事": ("leave", "病假")}


def test_a_party_members_meeting_expects_the_party_members_staff_or_not(qtbot, world):
    world.person("李村民", party_member=True, staff=False)
    world.person("王党员", title="干部", party_member=True)
    dialog = open_dialog(qtbot, SessionDialog)
    dialog.editors["kind"].set_value("party_meeting")
    assert sorted(names(dialog.attendance)) == ["李村民", "王党员"]
    dialog.editors["kind"].set_value("staff_study")
    assert "李村民" not in names(dialog.attendance)


def test_the_presets_of_the_picker(qtbot, world, monkeypatch):
    world.person("李委员", title="组织委员", party_member=True)
    world.person("李村民", party_member=True, staff=False)
    dialog = open_dialog(qtbot, SessionDialog)
    chosen = {}

    def press_each_preset(picker):
        for text in ("Leadership group", "Party committee", "All party members", "All staff"):
            next(b for b in picker.findChildren(QPushButton) if b.text() == text).click()
            chosen[text] = sorted(r.Person.get_by_id(key).name for key in picker.chosen())
        picker.reject()
        return picker.result()

    monkeypatch.setattr(PersonPicker, "exec", press_each_preset)
    dialog.attendance.choose_button.click()
    assert chosen == {"Leadership group": ["田书记"], "Party committee": ["李委员"],
                      "All party members": ["李委员", "李村民"], "All staff": ["向干部", "李委员", "田书记"]}


def test_the_same_people_as_the_last_session_of_this_kind(qtbot, world):
    zhang = world.person("张干事")
    world.session(kind="seminar", date=dt.date(2026, 3, 2),
                  attendance={zhang.id: ("present", ""), world.leader.id: ("late", "")})
    dialog = open_dialog(qtbot, SessionDialog)
    editor = dialog.attendance
    assert not editor.last_button.isEnabled()  # no all-staff study yet
    dialog.editors["kind"].set_value("seminar")
    assert editor.last_button.isEnabled()
    editor.last_button.click()
    assert sorted(names(editor)) == ["张干事", "田书记"]
    assert all(status is None for status, _reason in editor.marks.values())  # the people, not their marks
