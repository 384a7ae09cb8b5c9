"""The one date field of the window, as a person types into it."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import ui
from tests.ui.driving import type_text
from ui.widgets.date_input import DateInput, date_range_problem, parse_date


@pytest.fixture
def edit(qtbot) -> DateInput:
    widget = DateInput()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_up_and_down_step_a_day_starting_from_today(qtbot, edit):
    assert edit.value() is None
    qtbot.keyClick(edit.edit, Qt.Key.Key_Up)
    assert edit.value() == dt.date.today()
    qtbot.keyClick(edit.edit, Qt.Key.Key_Up)
    qtbot.keyClick(edit.edit, Qt.Key.Key_Up)
    qtbot.keyClick(edit.edit, Qt.Key.Key_Down)
    assert edit.value() == dt.date.today() + dt.timedelta(days=1)


def test_emptied_by_the_keyboard_it_has_no_date(qtbot, edit):
    edit.set_value(dt.date(2026, 3, 1))
    assert edit.value() == dt.date(2026, 3, 1)
    edit.edit.selectAll()
    qtbot.keyClick(edit.edit, Qt.Key.Key_Delete)
    assert edit.value() is None


@pytest.mark.parametrize("typed", ["2026-3-2", "2026.3.2", "2026/03/02", "2026年3月2日", "20260302"])
def test_a_date_is_read_as_people_write_it(qtbot, edit, typed):
    type_text(qtbot, edit.edit, typed)
    assert edit.value() == dt.date(2026, 3, 2)


def test_what_is_no_date_is_handed_on_as_text(qtbot, edit):
    type_text(qtbot, edit.edit, "下周一")
    assert edit.value() == "下周一"
    assert parse_date("2026-02-30") == "2026-02-30"
    assert date_range_problem("下周一", None) is not None
    assert date_range_problem(dt.date(2026, 3, 2), dt.date(2026, 3, 1)) is not None
    assert date_range_problem(dt.date(2026, 3, 1), dt.date(2026, 3, 1)) is None


def test_picking_from_the_calendar_says_the_date_was_edited(qtbot, edit):
    with qtbot.waitSignal(edit.edited):
        edit.calendar.clicked.emit(edit.calendar.selectedDate().addDays(3))
    assert edit.value() == dt.date.today() + dt.timedelta(days=3)


def test_typing_and_leaving_says_the_date_was_edited(qtbot, edit):
    with qtbot.waitSignal(edit.edited):
        type_text(qtbot, edit.edit, "2026-03-02")
        qtbot.keyClick(edit.edit, Qt.Key.Key_Return)


def test_every_date_of_the_window_is_this_widget():
    """No other date editor anywhere in ui/: forms, filters, dialogs and settings share one."""
    others = []
    for path in Path(ui.__file__).parent.rglob("*.py"):
        if path.name == "date_input.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name | ast.Attribute):
                name = node.id if isinstance(node, ast.Name) else node.attr
                if name in ("QDateEdit", "QDateTimeEdit", "QCalendarWidget"):
                    others.append(f"{path.name}: {name}")
    assert others == []


@pytest.mark.parametrize("typed", ["2026-11-28", "2026.11.28", "2026/11/28", "2026年11月28日",
                                   "２０２６－１１－２８"])
def test_every_spelling_of_the_issue_is_a_date(qtbot, edit, typed):
    type_text(qtbot, edit.edit, typed)
    assert edit.value() == dt.date(2026, 11, 28)


def test_the_calendar_is_built_when_its_menu_first_opens(qtbot, edit):
    assert edit._calendar is None  # not for every date field of every form
    edit.set_value(dt.date(2026, 3, 2))
    edit.button.menu().aboutToShow.emit()
    assert edit._calendar is not None and edit.calendar.selectedDate().toString("yyyy-MM-dd") == "2026-03-02"
    assert edit.button.menu().actions()[0].defaultWidget() is edit.calendar
    edit.button.menu().aboutToShow.emit()
    assert len(edit.button.menu().actions()) == 1
