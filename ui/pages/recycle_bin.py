"""回收站: deleted records, newest first, and the way back for them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import store
from models.store import BinEntry, StillUsedError
from models.validation import ValidationError
from ui.common import translate, validation_text, warn


def local_time(value: dt.datetime) -> str:
    """A stored UTC time as this computer's local time, to the minute."""
    return value.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class BinTableModel(QAbstractTableModel):
    """The recycle bin's entries (at most a few thousand), filtered by a search text."""

    KIND, DESCRIPTION, DELETED_AT = range(3)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[tuple[BinEntry, tuple[str, str, str]]] = []
        self._shown: list[tuple[BinEntry, tuple[str, str, str]]] = []
        self._search = ""

    def set_entries(self, entries: list[BinEntry]) -> None:
        self._all = [(entry, (store.kind_name(entry.model), entry.description, local_time(entry.deleted_at)))
                     for entry in entries]
        self._apply()

    def set_search(self, text: str) -> None:
        self._search = text.strip().casefold()
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        self._shown = [row for row in self._all
                       if not self._search or any(self._search in cell.casefold() for cell in row[1])]
        self.endResetModel()

    def entry(self, row: int) -> BinEntry:
        return self._shown[row][0]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self._shown[index.row()][1][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (translate("BinTableModel", "Kind"), translate("BinTableModel", "Record"),
                    translate("BinTableModel", "Deleted at"))[section]
        return None


class RecycleBinPage(QWidget):
    """The recycle bin: search, select one or several, restore."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        explanation = QLabel(self.tr("Deleted records wait here. Restored records return to their "
                                     "lists as they were."))
        explanation.setWordWrap(True)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search the recycle bin"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.table_model = BinTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(BinTableModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(BinTableModel.KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BinTableModel.DELETED_AT, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        for keys in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.restore_selected)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setToolTip(self.tr("Restore the selected records (or press Enter)"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.status = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._update_buttons()

    def refresh(self) -> None:
        self.table_model.set_entries(store.recycle_bin())
        self._update_buttons()

    def selected_entries(self) -> list[BinEntry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table_model.entry(row) for row in rows]

    def restore_selected(self) -> None:
        entries = self.selected_entries()
        if not entries:
            return
        restored, refusals = restore_entries(entries)
        if restored:
            self.status.setText(self.tr("Restored %n record(s).", "", restored))
            self.refresh()
            self.changed.emit()
        if refusals:
            warn(self, self.tr("Not restored"), "\n".join(refusals))

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.table_model.set_search(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.table.selectionModel().hasSelection())


def restore_entries(entries: list[BinEntry]) -> tuple[int, list[str]]:
    """Restore what can be; a record whose owner is chosen too waits for it.

    Returns how many were restored and the reasons the others were refused.
    """
    found = [entry.model.get_or_none(entry.model.id == entry.id) for entry in entries]
    pending = [record for record in found if record is not None and record.deleted_at is not None]
    restored = 0
    reasons: dict[Any, str] = {}
    progress = True
    while pending and progress:
        progress, waiting = False, []
        for record in pending:
            try:
                store.restore(record)
            except StillUsedError as error:
                reasons[record.id] = str(error)
                waiting.append(record)
            except ValidationError as error:
                reasons[record.id] = f"{store.describe(record)}：\n{validation_text(error)}"
                waiting.append(record)
            else:
                restored += 1
                progress = True
        pending = waiting
    return restored, [reasons[record.id] for record in pending]
