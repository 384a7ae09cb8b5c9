"""The editors of a record's fields, one per kind of field, all alike to use.

Each editor has ``value()`` and ``set_value()``. Dates, times and numbers are
typed as text and read leniently (2026-3-2, 2026.3.2, 2026年3月2日, 20260302);
what cannot be read is handed to the core as it is, so that the one
validation of ``models.validation`` names the field and says what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from uuid import UUID

import peewee
from PySide6.QtCore import QDate, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from models import records as r
from models.records import ChoiceField, TagsField
from models.vocab import Vocabulary
from ui.common import from_qdate, to_qdate, translate

_DATE = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$")
_DATE_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:：.时点]\s*(\d{1,2})\s*分?\s*$")
_TIME_COMPACT = re.compile(r"^\s*(\d{1,2})(\d{2})\s*$")


def parse_date(text: str) -> dt.date | str | None:
    """A date from what a person types; the text itself when it is not one."""
    if not text.strip():
        return None
    match = _DATE.match(text) or _DATE_COMPACT.match(text)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    return text.strip()


def parse_time(text: str) -> dt.time | str | None:
    if not text.strip():
        return None
    match = _TIME.match(text) or _TIME_COMPACT.match(text)
    if match:
        try:
            return dt.time(int(match.group(1)), int(match.group(2)))
        except ValueError:
            pass
    return text.strip()


def parse_int(text: str) -> int | str | None:
    text = text.strip()
    if not text:
        return None
    return int(text) if text.isdigit() else text


def date_range_problem(first: dt.date | str | None, last: dt.date | str | None) -> str | None:
    """What is wrong with a range typed in two date fields, or None."""
    if isinstance(first, str) or isinstance(last, str):
        return translate("Fields", "A date is not valid (for example 2026-03-02).")
    if first and last and last < first:
        return translate("Fields", "The end date is before the start date.")
    return None


class TextLine(QLineEdit):
    def value(self) -> str:
        return self.text()

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))


class TextBlock(QPlainTextEdit):
    """Several lines; Tab moves on to the next field, as in any form."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(56)
        self.setMaximumHeight(110)

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, value: Any) -> None:
        self.setPlainText("" if value is None else str(value))


class DateInput(QWidget):
    """A date typed as text, or picked from a calendar."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(translate("Fields", "e.g. 2026-03-02"))
        self.edit.setMaximumWidth(140)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip(translate("Fields", "Pick from the calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget()
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._show_calendar)
        self.calendar.clicked.connect(lambda date: (self._picked(date), menu.close()))
        self.button.setMenu(menu)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)

    def _show_calendar(self):
        current = self.value()
        self.calendar.setSelectedDate(to_qdate(current if isinstance(current, dt.date)
                                               else dt.date.today()))

    def _picked(self, date: QDate):
        self.set_value(from_qdate(date))

    def value(self) -> dt.date | str | None:
        return parse_date(self.edit.text())

    def set_value(self, value: Any) -> None:
        self.edit.setText(value.isoformat() if isinstance(value, dt.date) else (value or ""))


class TimeInput(QLineEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(translate("Fields", "e.g. 09:00"))
        self.setMaximumWidth(90)

    def value(self) -> dt.time | str | None:
        return parse_time(self.text())

    def set_value(self, value: Any) -> None:
        self.setText(value.strftime("%H:%M") if isinstance(value, dt.time) else (value or ""))


class IntInput(QLineEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMaximumWidth(90)

    def value(self) -> int | str | None:
        return parse_int(self.text())

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))


class ChoiceInput(QComboBox):
    """A code of one word list, shown in the user's language."""

    def __init__(self, vocabulary: Vocabulary, optional: bool, parent=None):
        super().__init__(parent)
        if optional:
            self.addItem("", None)
        for code, label in vocabulary.items():
            self.addItem(label, code)

    def value(self) -> str | None:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))


class TagsInput(QWidget):
    def __init__(self, vocabulary: Vocabulary, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = {}
        for code, label in vocabulary.items():
            box = QCheckBox(label)
            self.boxes[code] = box
            layout.addWidget(box)
        layout.addStretch(1)

    def value(self) -> str:
        return ",".join(code for code, box in self.boxes.items() if box.isChecked())

    def set_value(self, value: Any) -> None:
        codes = set(str(value or "").split(","))
        for code, box in self.boxes.items():
            box.setChecked(code in codes)


class BoolInput(QCheckBox):
    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))


class RecordChoice(QComboBox):
    """One record of a short list (persons, villages, categories …), found by typing."""

    def __init__(self, optional: bool, parent=None):
        super().__init__(parent)
        self.optional = optional
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMinimumWidth(180)

    def set_choices(self, choices: list[tuple[str, UUID]]) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        if self.optional:
            self.addItem("", None)
        for label, key in choices:
            self.addItem(label, key.hex)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> UUID | str | None:
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index < 0:
            return text  # typed but not one of the list: the core will say so
        data = self.itemData(index)
        return UUID(hex=data) if data else None

    def set_value(self, value: Any) -> None:
        if isinstance(value, r.BaseModel):
            value = value.id
        if value is None:
            self.setCurrentIndex(0 if self.optional else -1)
            if not self.optional:
                self.setEditText("")
            return
        index = self.findData(value.hex if isinstance(value, UUID) else value)
        self.setCurrentIndex(index)


class HouseholdPicker(QLineEdit):
    """A household found by typing part of the head's name or of the village."""

    picked = Signal(object)

    LIMIT = 40

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(translate("Fields", "Type the head's name or the village"))
        self._labels: dict[str, UUID] = {}
        self._chosen: UUID | None = None
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated.connect(self._choose)
        self.setCompleter(completer)
        self.textEdited.connect(self._search)

    def _search(self, text: str) -> None:
        self._chosen = self._labels.get(text)
        words = text.split()
        if not words:
            return
        query = (r.Household.select(r.Household.id, r.Household.head_name, r.Village.name,
                                    r.VillageGroup.name, r.Household.id_number)
                 .join_from(r.Household, r.Village)
                 .join_from(r.Household, r.VillageGroup, peewee.JOIN.LEFT_OUTER)
                 .where(r.Household.deleted_at.is_null()))
        for word in words:
            query = query.where(r.Household.head_name.contains(word) | r.Village.name.contains(word))
        self._labels = {}
        for key, head, village, group, id_number in query.limit(self.LIMIT).tuples():
            self._labels[self._label(head, village, group, id_number)] = key
        self._model.setStringList(list(self._labels))

    @staticmethod
    def _label(head: str, village: str, group: str | None, id_number: str) -> str:
        tail = f" ·{id_number[-4:]}" if id_number else ""
        return f"{head}（{village}{group or ''}）{tail}"

    def _choose(self, text: str) -> None:
        self._chosen = self._labels.get(text)
        self.picked.emit(self._chosen)

    def value(self) -> UUID | str | None:
        if self._chosen is not None:
            return self._chosen
        text = self.text().strip()
        if text in self._labels:
            return self._labels[text]
        return text or None

    def set_value(self, value: Any) -> None:
        if isinstance(value, UUID):
            value = r.Household.get_or_none(r.Household.id == value)
        if isinstance(value, r.Household):
            label = self._label(value.head_name, value.village.name,
                                value.group.name if value.group_id else None, value.id_number)
            self._labels[label] = value.id
            self._chosen = value.id
            self.setText(label)
        else:
            self._chosen = None
            self.setText("")


def editor_for(field: peewee.Field) -> QWidget:
    """The editor a field of this kind gets, when the form does not say otherwise."""
    if isinstance(field, ChoiceField):
        return ChoiceInput(field.vocabulary, optional=field.null)
    if isinstance(field, TagsField):
        return TagsInput(field.vocabulary)
    if isinstance(field, peewee.ForeignKeyField):
        return RecordChoice(optional=field.null)
    if isinstance(field, peewee.BooleanField):
        return BoolInput()
    if isinstance(field, peewee.DateField):
        return DateInput()
    if isinstance(field, peewee.TimeField):
        return TimeInput()
    if isinstance(field, peewee.IntegerField):
        return IntInput()
    if isinstance(field, peewee.TextField):
        return TextBlock()
    return TextLine()
