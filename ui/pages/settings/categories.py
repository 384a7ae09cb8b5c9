"""类别: the suggestion categories and the problem categories the office keeps.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QWidget,
)

from models import records as r
from models import store, vocab
from ui.widgets.name_list import NameListEditor, live_rows


class CategoriesTab(QWidget):
    """类别: the suggestion categories and the problem categories the user keeps."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        self.editors: dict[str, NameListEditor] = {}
        for kind in vocab.CATEGORY_KINDS:
            editor = NameListEditor(vocab.CATEGORY_KINDS.label(kind), r.Category,
                                    self._rows_of(kind), self._new_values_of(kind))
            editor.changed.connect(self.changed)
            layout.addWidget(editor, 1)
            self.editors[kind] = editor

    @staticmethod
    def _rows_of(kind: str) -> Callable[[], list[r.Category] | None]:
        def rows():
            unit = store.current_unit()
            return None if unit is None else live_rows(r.Category.select().where(
                r.Category.unit == unit, r.Category.kind == kind))
        return rows

    @staticmethod
    def _new_values_of(kind: str) -> Callable[[str], dict[str, Any]]:
        return lambda _name: {"unit": store.current_unit().id, "kind": kind}

    def refresh(self) -> None:
        for editor in self.editors.values():
            editor.refresh()
