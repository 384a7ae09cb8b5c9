"""The record forms driven as a person drives them: typing, keys, clicks, the Save button.

No dialog is ever run modally: each is built, shown and saved directly, and
message boxes and pickers are replaced by stand-ins that answer at once.
Core messages are checked in their English source text.
"""

from __future__ import annotations

import datetime as dt

import peewee
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from models import records as r
from models import store
from tests.models.factories import id_number
from ui import dialogs
from ui.dialogs import (
    DIALOGS,
    AttendanceEditor,
    HouseholdDialog,
    PersonDialog,
    RectificationDialog,
    SessionDialog,
    SuggestionDialog,
    VisitDialog,
)
from ui.fields import ChoiceInput, DateInput, RecordChoice
from ui.forms import RecordDialog

# --- helpers shared with test_record_pages ----------------------------------------


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``: ASCII as key clicks, Chinese as an input method commits it.

    (``qtbot.keyClicks`` only knows ASCII; a Chinese input method hands the
    widget whole committed words, which is what is sent here.)
    """
    chunk = ""
    for char in text + "\0":
        if char.isascii() and char != "\0":
            chunk += char
            continue
        if chunk:
            qtbot.keyClicks(widget, chunk)
            chunk = ""
        if char != "\0":
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def clear_by_keys(qtbot, widget: QWidget) -> None:
    """Select everything in an editor and delete it with the keyboard."""
    if isinstance(widget, DateInput):
        widget = widget.edit
    elif isinstance(widget, RecordChoice):
        widget = widget.lineEdit()
    if isinstance(widget, QPlainTextEdit):
        widget.selectAll()
    else:
        assert isinstance(widget, QLineEdit), widget
        widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)


def retype(qtbot, widget: QWidget, text: str) -> None:
    clear_by_keys(qtbot, widget)
    type_text(qtbot, widget.edit if isinstance(widget, DateInput) else widget, text)


def choose(combo, data) -> None:
    """Pick the entry of a drop-down whose data is ``data`` (a key or a code)."""
    index = combo.findData(data.hex if hasattr(data, "hex") else data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def save_button(dialog: RecordDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def row_counts() -> dict[str, int]:
    """Rows of every table, those in the recycle bin included."""
    return {model.__name__: model.select().count() for model in r.ALL_MODELS}


def focus(qtbot, window: QWidget, widget: QWidget) -> None:
    """Give ``widget`` the keyboard focus, as a click into it would."""
    window.activateWindow()
    qtbot.waitActive(window)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def open_dialog(qtbot, cls, record=None, initial=None) -> RecordDialog:
    dialog = cls(None, record, initial)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


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

    monkeypatch.setattr(dialogs.PersonPicker, "exec", pick_the_leadership_group)
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

    monkeypatch.setattr(dialogs.PersonPicker, "exec", only_the_clerk)
    editor.choose_button.click()
    save_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    live = {row.person_id: row.status for row in r.Attendance.select().where(
        r.Attendance.session == session.id, r.Attendance.deleted_at.is_null())}
    assert live == {world.clerk.id: "late"}


# --- 2. a visit to a household found by typing -------------------------------------------


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


@pytest.fixture
def full_world(world):
    """Something to choose in every drop-down."""
    world.household("张三丰")
    store.save(r.Category, {"unit": world.unit.id, "kind": "suggestion", "name": "作风"})
    store.save(r.Category, {"unit": world.unit.id, "kind": "problem", "name": "纪律"})
    return world


def assert_refused(dialog: RecordDialog, before: dict[str, int]) -> None:
    assert dialog.isVisible(), "the dialog closed on bad input"
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.saved is None
    assert not dialog.summary.isHidden()
    assert dialog.summary.text().startswith("Not saved. Please correct the fields marked in red.")
    assert row_counts() == before


@pytest.mark.parametrize("model", list(DIALOGS), ids=lambda model: model.__name__)
def test_blank_required_fields_are_named_in_their_own_fields(qtbot, full_world, model):
    dialog = open_dialog(qtbot, DIALOGS[model])
    blanked = [name for name in model._meta.required if name in dialog.editors
               and not isinstance(dialog.editors[name], ChoiceInput)]  # a drop-down of codes is never blank
    assert blanked
    for name in blanked:
        clear_by_keys(qtbot, dialog.editors[name])
        assert dialog.editors[name].value() is None or dialog.editors[name].value() == ""
    before = row_counts()

    save_button(dialog).click()

    assert_refused(dialog, before)
    for name in blanked:
        label = model._meta.fields[name].verbose_name
        assert dialog.error_text(name) == f"{label} is required.", name
    shown = [name for name, label in dialog.error_labels.items() if not label.isHidden()]
    assert sorted(shown) == sorted(blanked + (["visitors"] if model is r.Visit else []))
    if model is r.Visit:
        assert dialog.error_text("visitors") == "Tick at least one visitor."


DATE_FIELDS = [(model, name) for model, cls in DIALOGS.items() for name in cls.fields
               if isinstance(model._meta.fields[name], peewee.DateField)]


@pytest.mark.parametrize(("model", "name"), DATE_FIELDS,
                         ids=[f"{model.__name__}.{name}" for model, name in DATE_FIELDS])
@pytest.mark.parametrize("typed", ["2026-02-30", "下周一"])
def test_a_date_typed_as_garbage_is_refused_in_its_field(qtbot, full_world, model, name, typed):
    dialog = open_dialog(qtbot, DIALOGS[model])
    retype(qtbot, dialog.editors[name], typed)
    before = row_counts()
    save_button(dialog).click()
    assert_refused(dialog, before)
    label = model._meta.fields[name].verbose_name
    assert dialog.error_text(name) == f"{label}：is not a date."


def test_a_bad_id_number_is_refused_with_the_reason(qtbot, full_world):
    dialog = open_dialog(qtbot, HouseholdDialog)
    choose(dialog.editors["village"], full_world.village.id)
    choose(dialog.editors["group"], full_world.group2.id)
    type_text(qtbot, dialog.editors["head_name"], "新户主")
    good = id_number()
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    type_text(qtbot, dialog.editors["id_number"], wrong)
    before = row_counts()

    save_button(dialog).click()
    assert_refused(dialog, before)
    assert dialog.error_text("id_number") == "ID number：the check character is wrong (a digit mistyped?)"
    assert dialog.error_text("head_name") == ""

    retype(qtbot, dialog.editors["id_number"], good[:15])
    save_button(dialog).click()
    assert "old 15-digit number" in dialog.error_text("id_number")

    retype(qtbot, dialog.editors["id_number"], good[:-1] + " " + good[-1])  # spaces are forgiven
    save_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert r.Household.get(r.Household.head_name == "新户主").id_number == good


def test_a_duplicate_household_is_refused_in_both_fields(qtbot, full_world):
    existing = r.Household.get(r.Household.head_name == "张三丰")
    dialog = open_dialog(qtbot, HouseholdDialog)
    choose(dialog.editors["village"], full_world.village.id)
    choose(dialog.editors["group"], full_world.group1.id)
    type_text(qtbot, dialog.editors["head_name"], "张三丰")
    type_text(qtbot, dialog.editors["id_number"], existing.id_number.lower())
    before = row_counts()

    save_button(dialog).click()

    assert_refused(dialog, before)
    assert dialog.error_text("id_number") == "Household of 张三丰 already has this ID number."
    assert dialog.error_text("head_name") == "张三丰 is already a head of household in this group."


def test_the_household_group_offers_only_the_chosen_villages_groups(qtbot, full_world):
    other = store.save(r.Village, {"unit": full_world.unit.id, "name": "石门村"})
    store.save(r.VillageGroup, {"village": other.id, "name": "石门3组"})
    dialog = open_dialog(qtbot, HouseholdDialog)
    group = dialog.editors["group"]
    choose(dialog.editors["village"], full_world.village.id)
    assert [group.itemText(i) for i in range(group.count())] == ["", "1组", "2组"]
    choose(dialog.editors["village"], other.id)
    assert [group.itemText(i) for i in range(group.count())] == ["", "石门3组"]


def test_a_bad_phone_is_refused_in_the_person_form(qtbot, full_world):
    dialog = open_dialog(qtbot, PersonDialog)
    type_text(qtbot, dialog.editors["name"], "新同志")
    type_text(qtbot, dialog.editors["phone"], "1380013800")  # one digit short
    before = row_counts()

    save_button(dialog).click()

    assert_refused(dialog, before)
    assert dialog.error_text("phone") == ("Phone：not a mobile (11 digits, starting with 1) "
                                          "or landline number")
    assert dialog.error_text("name") == ""
    type_text(qtbot, dialog.editors["phone"], "0")
    save_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    person = r.Person.get(r.Person.name == "新同志")
    assert (person.phone, person.unit_id) == ("13800138000", full_world.unit.id)


def test_a_session_ending_before_it_starts_is_refused(qtbot, full_world):
    dialog = open_dialog(qtbot, SessionDialog)
    type_text(qtbot, dialog.editors["topic"], "学习")
    type_text(qtbot, dialog.editors["start_time"], "10:00")
    type_text(qtbot, dialog.editors["end_time"], "9:30")
    before = row_counts()

    save_button(dialog).click()

    assert_refused(dialog, before)
    assert dialog.error_text("end_time") == "End time must be after Start time."
    assert dialog.error_text("start_time") == ""


def test_a_deadline_before_the_problem_was_found_is_refused(qtbot, full_world):
    dialog = open_dialog(qtbot, RectificationDialog)
    retype(qtbot, dialog.editors["recorded_on"], "2026-03-10")
    type_text(qtbot, dialog.editors["problem"], "会议迟到")
    retype(qtbot, dialog.editors["deadline"], "2026.3.9")
    before = row_counts()

    save_button(dialog).click()

    assert_refused(dialog, before)
    assert dialog.error_text("deadline") == "Deadline (2026-03-09) is before Date found (2026-03-10)."
    assert dialog.error_text("recorded_on") == ""


def test_a_closed_rectification_needs_its_closing_date(qtbot, full_world):
    dialog = open_dialog(qtbot, RectificationDialog)
    type_text(qtbot, dialog.editors["problem"], "会议迟到")
    choose(dialog.editors["status"], "done")
    before = row_counts()
    save_button(dialog).click()
    assert_refused(dialog, before)
    assert dialog.error_text("completed_on") == "A completed rectification needs its Date closed."


def test_a_reply_before_the_suggestion_and_a_corrected_form_saves(qtbot, full_world):
    dialog = open_dialog(qtbot, SuggestionDialog)
    retype(qtbot, dialog.editors["date"], "20260310")
    type_text(qtbot, dialog.editors["content"], "多下基层")
    retype(qtbot, dialog.editors["reply_date"], "2026-03-01")
    before = row_counts()
    save_button(dialog).click()
    assert_refused(dialog, before)
    assert dialog.error_text("reply_date").startswith("Reply date (2026-03-01) is before")

    retype(qtbot, dialog.editors["reply_date"], "2026-03-11")
    save_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.error_text("reply_date") == ""
    saved = r.Suggestion.get(r.Suggestion.content == "多下基层")
    assert (saved.date, saved.reply_date) == (dt.date(2026, 3, 10), dt.date(2026, 3, 11))


def test_the_first_wrong_field_gets_the_focus_on_the_details_tab(qtbot, full_world):
    dialog = open_dialog(qtbot, SessionDialog)
    dialog.activateWindow()
    dialog.tabs.setCurrentWidget(dialog.attendance)
    type_text(qtbot, dialog.editors["start_time"], "10:00")
    type_text(qtbot, dialog.editors["end_time"], "9:30")
    save_button(dialog).click()
    assert dialog.tabs.currentIndex() == 0
    assert dialog.error_text("topic") == "Topic is required."


# --- records that name a person who has left post since ----------------------------------


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


def test_correcting_records_keeps_persons_who_have_left_post(qtbot, world):
    session = world.session(host=world.clerk.id, recorder=world.leader.id)
    writing = store.save(r.Writing, {"campaign": world.campaign.id, "person": world.clerk.id,
                                     "kind": "notes", "title": "学习心得", "date": dt.date(2026, 3, 1)})
    store.save(r.Person, {"active": False}, world.clerk)

    dialog = open_dialog(qtbot, SessionDialog, session)
    assert dialog.editors["host"].currentText() == "向干部"
    save_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.summary.text()
    assert r.Session.get_by_id(session.id).host_id == world.clerk.id

    dialog = open_dialog(qtbot, dialogs.WritingDialog, writing)
    retype(qtbot, dialog.editors["title"], "学习体会")
    save_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error_text("person")
    assert r.Writing.get_by_id(writing.id).person_id == world.clerk.id

    new = open_dialog(qtbot, SessionDialog)  # a new record offers only the staff in post
    host = new.editors["host"]
    assert "向干部" not in [host.itemText(i) for i in range(host.count())]


def test_a_time_typed_as_garbage_is_refused(qtbot, world):
    dialog = open_dialog(qtbot, SessionDialog)
    type_text(qtbot, dialog.editors["topic"], "学习")
    type_text(qtbot, dialog.editors["start_time"], "25:99")
    before = row_counts()
    save_button(dialog).click()
    assert_refused(dialog, before)
    assert dialog.error_text("start_time") != ""


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
