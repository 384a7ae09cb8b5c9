"""The editors of a record's fields, one per kind of field, all alike to use.

Each editor has ``value()`` and ``set_value()``. Times and numbers are typed
as text and read leniently by the core (``models.normalize``: 9:00, 9点, 9点半,
0930, full-width digits); what cannot be read is handed
to the core as it is, so that the one validation of ``models.validation``
names the field and says what is wrong. Dates are ``ui.widgets.date_input``,
households ``ui.widgets.household_picker``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

import peewee
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from models import records as r
from models.normalize import parse_int as parse_int  # the core's reading of what is typed
from models.normalize import parse_time as parse_time
from models.personal import upgrade_legacy_id
from models.records import ChoiceField, TagsField
from models.vocab import Vocabulary
from ui.common import translate
from ui.widgets.date_input import DateInput


class TextLine(QLineEdit):
    def value(self) -> str:
        return self.text()

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))


class IdNumberInput(TextLine):
    """An ID number. A legacy 15-digit number becomes its 18 characters as soon as the field is left
    (century 19, check character computed), and the form says so (``noted``), so the clerk can check it."""

    noted = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editingFinished.connect(self._upgrade)

    def _upgrade(self) -> None:
        upgraded = upgrade_legacy_id(self.text())
        if upgraded is None:
            return
        self.setText(upgraded)
        self.noted.emit(translate(
            "Fields", "A legacy 15-digit number: converted to its 18 characters (19 put before the year of "
                      "birth, the last character computed). Please check it against the ID card."))


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
    if field.name == "id_number":
        return IdNumberInput()
    return TextLine()
