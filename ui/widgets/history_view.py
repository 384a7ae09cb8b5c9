"""修改记录: the changes of one record, as a tab of the record's form.

Read-only and read once when the form opens: a record's history is a few
dozen rows at most. Each change is a row (time on this laptop's clock, who,
what was done) with its first field change beside it and the others below.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from models import history
from models.records import BaseModel


class HistoryView(QWidget):
    """The changes of ``record``, newest first."""

    COLUMNS = 4  # time, operator, action, change
    LONG = 40  # characters

    def __init__(self, record: BaseModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries = history.history(record)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(self.COLUMNS)
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("Operator"), self.tr("Action"),
                                   self.tr("Change")])
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in range(self.COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.addTopLevelItems([self._item(entry) for entry in self.entries])
        self.tree.expandAll()
        layout = QVBoxLayout(self)
        if not self.entries:  # a record from before the history was kept
            layout.addWidget(QLabel(self.tr("No changes have been recorded for this record yet.")))
        layout.addWidget(self.tree)

    def _item(self, entry: history.Entry) -> QTreeWidgetItem:
        lines = entry.lines()
        item = QTreeWidgetItem([f"{entry.local_at:%Y-%m-%d %H:%M:%S}", entry.operator,
                                entry.action_label(), lines[0] if lines else ""])
        self._whole_text(item, lines[0] if lines else "")
        for line in lines[1:]:
            self._whole_text(QTreeWidgetItem(item, ["", "", "", line]), line)
        return item

    def _whole_text(self, item: QTreeWidgetItem, line: str) -> None:
        """A long line is cut at the column's edge; its whole text shows on hovering."""
        if len(line) > self.LONG:
            item.setToolTip(self.COLUMNS - 1, line)

    def rows(self) -> list[list[str]]:
        """What the tree shows, row by row (children after their change), for a reader or a test."""
        shown = []
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            shown.append([item.text(column) for column in range(self.COLUMNS)])
            for child in range(item.childCount()):
                shown.append([item.child(child).text(column) for column in range(self.COLUMNS)])
        return shown
