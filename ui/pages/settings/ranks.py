"""职务顺序: the order of posts in which people are listed everywhere (sign-in sheets, minutes,
attendance, every choice of persons); the usual order for the unit's level until changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import ranks, store


class RanksTab(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        note = QLabel(self.tr("People are listed in this order of posts: the leadership group first, "
                              "then everyone else. A post such as “党委委员、副镇长” ranks by its highest "
                              "part; posts not in the list come last."))
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.post_edit = QLineEdit()
        self.post_edit.setPlaceholderText(self.tr("New post, then Enter"))
        self.post_edit.returnPressed.connect(self.add)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.post_edit, 1)
        for text, slot in ((self.tr("Add"), self.add), (self.tr("Delete"), self.delete_current),
                           (self.tr("Move up"), lambda: self.move_current(-1)),
                           (self.tr("Move down"), lambda: self.move_current(1)),
                           (self.tr("Restore the usual order"), self.restore_default)):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.delete_current),
                           (QKeySequence("Ctrl+Up"), lambda: self.move_current(-1)),
                           (QKeySequence("Ctrl+Down"), lambda: self.move_current(1))):
            shortcut = QShortcut(keys, self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        return row

    def posts(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def refresh(self, select: int | None = None) -> None:
        self.setEnabled(store.current_unit() is not None)
        current = self.list.currentRow() if select is None else select
        self.list.blockSignals(True)
        self.list.clear()
        for post in ranks.order():
            item = QListWidgetItem(post)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.setCurrentRow(min(max(current, 0), self.list.count() - 1))
        self.list.blockSignals(False)

    def _save(self, posts: list[str], select: int | None = None) -> None:
        ranks.set_order(posts)
        self.refresh(select)
        self.changed.emit()

    def add(self) -> None:
        post = self.post_edit.text().strip()
        if not post:
            return
        posts = [p for p in self.posts() if p != post]
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else len(posts)
        posts.insert(min(row, len(posts)), post)
        self.post_edit.clear()
        self._save(posts, posts.index(post))

    def delete_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            posts = self.posts()
            del posts[row]
            self._save(posts, row)

    def move_current(self, step: int) -> None:
        row, posts = self.list.currentRow(), self.posts()
        if 0 <= row < len(posts) and 0 <= row + step < len(posts):
            posts[row], posts[row + step] = posts[row + step], posts[row]
            self._save(posts, row + step)

    def restore_default(self) -> None:
        self._save([], 0)

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        self._save(self.posts(), self.list.row(item))
