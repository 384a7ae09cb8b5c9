"""What every record form does with a refusal: each wrong field named in red under it,
nothing written, the first wrong field focused; persons who left post kept.
"""

from __future__ import annotations

import datetime as dt

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
)

from models import records as r
from models import store
from tests.models.factories import World, id_number
from tests.ui.driving import (
    choose,
    clear_by_keys,
    open_dialog,
    retype,
    row_counts,
    save_button,
    type_text,
)
from ui.forms import DIALOGS, RecordDialog
from ui.forms.base import NOTE_STYLE, WARNING_STYLE
from ui.forms.household import HouseholdDialog
from ui.forms.person import PersonDialog
from ui.forms.rectification import RectificationDialog
from ui.forms.session import SessionDialog
from ui.forms.suggestion import SuggestionDialog
from ui.forms.writing import WritingDialog
from ui.widgets.fields import ChoiceInput


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


def test_a_legacy_id_number_is_converted_when_the_field_is_left_and_the_form_says_so(qtbot, full_world):
    dialog = open_dialog(qtbot, HouseholdDialog)
    choose(dialog.editors["village"], full_world.village.id)
    choose(dialog.editors["group"], full_world.group2.id)
    type_text(qtbot, dialog.editors["head_name"], "老户主")
    full = id_number("19650704")
    legacy = full[:6] + full[8:17]  # the 15 digits of an ID card issued before 1999
    type_text(qtbot, dialog.editors["id_number"], legacy)
    assert dialog.error_text("id_number") == ""
    dialog.activateWindow()
    dialog.editors["id_number"].setFocus()
    qtbot.waitUntil(dialog.editors["id_number"].hasFocus)
    qtbot.keyClick(dialog.editors["id_number"], Qt.Key.Key_Tab)  # leaves the field
    assert dialog.editors["id_number"].text() == full
    assert "15-digit" in dialog.error_text("id_number")
    assert dialog.error_labels["id_number"].styleSheet() == NOTE_STYLE
    save_button(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert r.Household.get(r.Household.head_name == "老户主").id_number == full


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
    assert dialog.error_text("phone") == ("Phone：not a mobile number (11 digits starting with 13–19) or a "
                                          "landline number with its area code (such as 0743-1234567)")
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

    dialog = open_dialog(qtbot, WritingDialog, writing)
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




def test_a_contradiction_is_warned_about_and_saved_on_a_second_press(qtbot, empty_db):
    world = World()
    dialog = SuggestionDialog()
    qtbot.addWidget(dialog)
    dialog.set_values({"campaign": world.campaign.id, "date": dt.date(2026, 3, 9), "source": "staff",
                       "content": "建议加强学习", "status": "adopted"})
    dialog.accept()
    assert not dialog.result() and r.Suggestion.select().count() == 0
    assert "no Reply" in dialog.warning_text("reply")
    assert dialog.summary.styleSheet() == WARNING_STYLE and dialog.save_button.text() == "Save anyway"
    dialog.accept()
    assert dialog.result() and r.Suggestion.get().status == "adopted"
