"""A household found by typing part of the head's name or of the village.

A county holds hundreds of thousands of households: the picker asks the data
file for the first matches of what was typed, never loads the roster.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import peewee
from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from models import records as r
from ui.common import translate


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
