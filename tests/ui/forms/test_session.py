"""The session form driven as a secretary drives it: attendance by keys and buttons,
the expected persons chosen, following the kind of session.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QPushButton,
)

from models import records as r
from tests.ui.driving import (
    choose,
    open_dialog,
    retype,
    save_button,
    type_text,
)
from ui.forms.attendance import AttendanceEditor, PersonPicker
from ui.forms.session import SessionDialog

# --- 1. a study session with its attendance ---------------------------------------------


def attendance_rows(editor: AttendanceEditor) -> dict[str, int]:
    table = editor.table
    return {table.item(row, editor.NAME).text(): row for row in range(table.rowCount())}


def select_persons(editor: AttendanceEditor, *names: str) -> None:
    """Select the rows of these persons, as with a click and Ctrl-clicks."""
    rows = attendance_rows(editor)
    selection = editor.table.selectionModel()
    editor.table.setCurrentCell(rows[names[0]], editor.NAME)
    selection.clearSelection()
    for name in names:
        selection.select(editor.table.model().index(rows[name], 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def status_shown(editor: AttendanceEditor, name: str) -> str:
    return editor.table.item(attendance_rows(editor)[name], editor.STATUS).text()


def mark_button(editor: AttendanceEditor, text: str) -> QPushButton:
    found = [b for b in editor.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, [b.text() for b in editor.findChildren(QPushButton)]
    return found[0]


def test_a_session_with_attendance_marked_by_keys_and_buttons(qtbot, world):
    for name in ("李委员", "王干事", "赵干事"):
        world.person(name)
    world.person("钱退休", active=False)  # no longer in post: not expected
    dialog = open_dialog(qtbot, SessionDialog)

    retype(qtbot, dialog.editors["date"], "2026年3月12日")
    type_text(qtbot, dialog.editors["start_time"], "9:00")
    type_text(qtbot, dialog.editors["end_time"], "11:30")
    type_text(qtbot, dialog.editors["topic"], "学习党章")
    choose(dialog.editors["kind"], "staff_study")

    editor = dialog.attendance
    dialog.tabs.setCurrentWidget(editor)
    assert sorted(attendance_rows(editor)) == sorted(["田书记", "向干部", "李委员", "王干事", "赵干事"])
    assert editor.counts.text() == ("Expected 5   Attended 0   Late 0   On leave 0   Absent 0"
                                    "   Not entered 5")

    table = editor.table
    select_persons(editor, "田书记")
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert status_shown(editor, "田书记") == "Present"
    if attendance_rows(editor)["田书记"] + 1 < table.rowCount():  # on to the next person
        assert editor.selected_rows() == [attendance_rows(editor)["田书记"] + 1]

    select_persons(editor, "向干部")
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert status_shown(editor, "向干部") == "Late"

    select_persons(editor, "李委员")
    qtbot.keyClick(table, Qt.Key.Key_3)  # on leave: the reason opens for typing
    reason = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
    type_text(qtbot, reason, "外出开会")
    qtbot.keyClick(reason, Qt.Key.Key_Return)  # the view commits it on its next turn
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    assert table.item(attendance_rows(editor)["李委员"], editor.REASON).text() == "外出开会"

    select_persons(editor, "王干事", "赵干事")
    mark_button(editor, "Absent (4)").click()
    assert status_shown(editor, "王干事") == status_shown(editor, "赵干事") == "Absent"
    assert "Absent 2" in editor.counts.text()

    select_persons(editor, "赵干事")
    qtbot.keyClick(table, Qt.Key.Key_0)  # not entered after all
    assert status_shown(editor, "赵干事") == "— not entered —"

    mark_button(editor, "All present").click()  # only those not yet entered
    assert status_shown(editor, "赵干事") == "Present"
    assert status_shown(editor, "王干事") == "Absent"
    assert editor.counts.text() == ("Expected 5   Attended 3   Late 1   On leave 1   Absent 1"
                                    "   Not entered 0")

    save_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    session = r.Session.get(r.Session.topic == "学习党章")
    assert (session.date, session.start_time, session.end_time, session.kind) == (
        dt.date(2026, 3, 12), dt.time(9, 0), dt.time(11, 30), "staff_study")
    assert session.campaign_id == world.campaign.id
    rows = {row.person.name: (row.status, row.reason) for row in
            r.Attendance.select().where(r.Attendance.session == session.id,
                                        r.Attendance.deleted_at.is_null())}
    assert rows == {"田书记": ("present", ""), "向干部": ("late", ""), "李委员": ("leave", "外出开会"),
                    "王干事": ("absent", ""), "赵干事": ("present", "")}


def test_choosing_the_expected_persons_keeps_the_marks_of_those_still_expected(
        qtbot, world, monkeypatch):
    world.person("李委员", leader=True)
    dialog = open_dialog(qtbot, SessionDialog)
    dialog.editors["date"].set_value(dt.date(2026, 3, 2))  # within the campaign: nothing to warn about
    type_text(qtbot, dialog.editors["topic"], "中心组学习")
    editor = dialog.attendance
    select_persons(editor, "田书记")
    qtbot.keyClick(editor.table, Qt.Key.Key_1)
    assert editor.counts.text().startswith("Expected 3   Attended 1")

    def pick_the_leadership_group(picker):
        preset = next(b for b in picker.findChildren(QPushButton) if b.text() == "Leadership group")
        preset.click()
        assert picker.count.text() == "2 chosen"
        picker.accept()
        return picker.result()

    monkeypatch.setattr(PersonPicker, "exec", pick_the_leadership_group)
    editor.choose_button.click()
    assert sorted(attendance_rows(editor)) == ["李委员", "田书记"]
    assert status_shown(editor, "田书记") == "Present"
    assert editor.counts.text().startswith("Expected 2   Attended 1")

    save_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    session = r.Session.get(r.Session.topic == "中心组学习")
    marks = {row.person.name: row.status for row in session.attendance}
    assert marks == {"田书记": "present", "李委员": None}


def test_correcting_a_session_removes_a_person_no_longer_expected(qtbot, world, monkeypatch):
    session = world.session(kind="staff_study", attendance={
        world.leader.id: ("present", ""), world.clerk.id: ("absent", "")})
    dialog = open_dialog(qtbot, SessionDialog, session)
    editor = dialog.attendance
    assert sorted(attendance_rows(editor)) == sorted(["田书记", "向干部"])
    assert status_shown(editor, "向干部") == "Absent"

    select_persons(editor, "向干部")
    qtbot.keyClick(editor.table, Qt.Key.Key_2)

    def only_the_clerk(picker):
        picker.set_chosen({world.clerk.id})
        picker.accept()
        return picker.result()

    monkeypatch.setattr(PersonPicker, "exec", only_the_clerk)
    editor.choose_button.click()
    save_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    live = {row.person_id: row.status for row in r.Attendance.select().where(
        r.Attendance.session == session.id, r.Attendance.deleted_at.is_null())}
    assert live == {world.clerk.id: "late"}


# --- 2. a visit to a household found by typing -------------------------------------------




def test_a_new_sessions_expected_persons_follow_its_kind_until_marked(qtbot, world):
    dialog = open_dialog(qtbot, SessionDialog)
    kind = dialog.editors["kind"]
    assert kind.value() == "staff_study"
    everyone = set(dialog.attendance.marks)
    kind.set_value("leader_study")
    leaders = set(dialog.attendance.marks)
    kind.set_value("staff_study")
    assert set(dialog.attendance.marks) == everyone
    assert leaders < everyone
    dialog.attendance.table.selectRow(0)
    dialog.attendance.mark_selected("late")
    kind.set_value("leader_study")
    assert set(dialog.attendance.marks) == everyone  # marked by hand: left as it is
