"""A list of named rows in the user's order — villages, groups, categories: add, rename
in place, delete to the recycle bin, move up and down.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import records as r
from models import store
from models.records import BaseModel
from ui.common import guarded, guarded_done


class NameListEditor(QGroupBox):
    """Villages, groups or categories: add, rename in place (F2), delete, reorder.

    ``rows`` gives the live records in order, or None when there is nothing to
    list under (no village chosen); ``new_values`` the values of a new row.
    """

    changed = Signal()
    current_changed = Signal(object)

    def __init__(self, title: str, model: type[BaseModel], rows: Callable[[], Sequence[BaseModel] | None],
                 new_values: Callable[[str], dict[str, Any]], parent: QWidget | None = None):
        super().__init__(title, parent)
        self.model, self._rows, self._new_values = model, rows, new_values
        self.records: list[BaseModel] = []
        self.list = QListWidget()
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.currentRowChanged.connect(self._on_list_row_changed)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("New name, then Enter"))
        self.name_edit.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton(self.tr("Rename"))
        self.rename_button.setToolTip(self.tr("Or press F2 in the list"))
        self.rename_button.clicked.connect(self._on_rename_clicked)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Or press Delete in the list; deleted rows go to the "
                                              "recycle bin"))
        self.delete_button.clicked.connect(self.delete_current)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setToolTip(self.tr("Ctrl+Up in the list"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setToolTip(self.tr("Ctrl+Down in the list"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.delete_current),
                           (QKeySequence("Ctrl+Up"), lambda: self.move_current(-1)),
                           (QKeySequence("Ctrl+Down"), lambda: self.move_current(1))):
            shortcut = QShortcut(keys, self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        adding = QHBoxLayout()
        adding.addWidget(self.name_edit, 1)
        adding.addWidget(self.add_button)
        buttons = QHBoxLayout()
        for button in (self.rename_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(adding)
        self._update_buttons()

    def refresh(self, select: Any = None) -> None:
        """Reload the rows; keep (or move to) the row whose key is ``select``."""
        current = self.current()
        keep = select if select is not None else (current.id if current is not None else None)
        rows = self._rows()
        self.records = list(rows or [])
        self.setEnabled(rows is not None)
        self.list.blockSignals(True)
        self.list.clear()
        for record in self.records:
            item = QListWidgetItem(record.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        keys = [record.id for record in self.records]
        self.list.setCurrentRow(keys.index(keep) if keep in keys else (0 if keys else -1))
        self.list.blockSignals(False)
        self._update_buttons()
        self.current_changed.emit(self.current())

    def current(self) -> BaseModel | None:
        row = self.list.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def add(self) -> None:
        name = self.name_edit.text()
        if self._rows() is None:
            return
        position = max((record.position for record in self.records), default=-1) + 1
        record = guarded(self, lambda: store.save(self.model, {**self._new_values(name),
                                                               "name": name, "position": position}))
        if record is not None:
            self.name_edit.clear()
            self.refresh(select=record.id)
            self.changed.emit()

    def delete_current(self) -> None:
        record = self.current()
        if record is not None and guarded_done(self, lambda: store.delete(record)):
            self.refresh()
            self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        if not (0 <= row < len(self.records) and 0 <= row + step < len(self.records)):
            return
        order = list(self.records)
        order[row], order[row + step] = order[row + step], order[row]

        def renumber():
            with r.database.atomic():
                for position, record in enumerate(order):
                    if record.position != position:
                        store.save(self.model, {"position": position}, record)
            return True

        if guarded(self, renumber):
            self.refresh(select=order[row + step].id)
            self.changed.emit()

    def _on_rename_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        record = self.records[self.list.row(item)]
        if item.text() == record.name:
            return
        saved = guarded(self, lambda: store.save(self.model, {"name": item.text()}, record))
        self.list.blockSignals(True)  # show the stored spelling, or the old name if refused
        item.setText(record.name)
        self.list.blockSignals(False)
        if saved is not None:
            self.changed.emit()

    def _on_list_row_changed(self, _row: int) -> None:
        self._update_buttons()
        self.current_changed.emit(self.current())

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), len(self.records)
        for button in (self.rename_button, self.delete_button):
            button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)



def live_rows(query) -> list:
    return list(query.where(query.model.deleted_at.is_null()).order_by(
        query.model.position, query.model.created_at))
