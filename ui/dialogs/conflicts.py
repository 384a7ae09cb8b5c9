"""Conflicts of exchanges in the window: records changed on both laptops, each with a choice.

``ConflictTable`` lists them (the record, the fields at odds, this laptop's
values and the package's, a choice); the import dialog shows the conflicts of
the package being imported in one, and ``ConflictsDialog`` (文件 → 数据包冲突…)
those waiting from earlier imports. A decision is written by
``models.packages.decide``: a new version that wins the next exchange on both
sides.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import packages
from models.packages import describing
from ui.common import translate, warn

LATER, LOCAL, INCOMING = "", "local", "incoming"


class ConflictTable(QTableWidget):
    """One row per record changed on both sides: the fields, both values, which to keep."""

    def __init__(self, items: list[tuple[Any, Any, dict | None, dict, list[str]]], later: bool = True,
                 parent: QWidget | None = None):
        super().__init__(len(items), 5, parent)
        self.setHorizontalHeaderLabels([
            translate("Packages", "Record"), translate("Packages", "Field"),
            translate("Packages", "This laptop"), translate("Packages", "Package"),
            translate("Packages", "Keep")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.choices: list[QComboBox] = []
        for row, (model, key, local, incoming, fields) in enumerate(items):
            cells = [describing.record_text(model, key, incoming),
                     "、".join(describing.field_text(model, name) for name in fields),
                     "\n".join(describing.value_text(model, name, (local or {}).get(name))
                               for name in fields),
                     "\n".join(describing.value_text(model, name, incoming.get(name)) for name in fields)]
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
            choice = QComboBox()
            if later:
                choice.addItem(translate("Packages", "Decide later"), LATER)
            choice.addItem(translate("Packages", "This laptop's"), LOCAL)
            choice.addItem(translate("Packages", "The package's"), INCOMING)
            self.setCellWidget(row, 4, choice)
            self.choices.append(choice)
        self.resizeColumnsToContents()
        for column in (2, 3):  # the values, side by side, take the room there is
            self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.resizeRowsToContents()

    def chosen(self) -> list[str]:
        """The choice of each row: LATER, LOCAL or INCOMING."""
        return [box.currentData() for box in self.choices]

    def choose_all(self, side: str) -> None:
        for box in self.choices:
            box.setCurrentIndex(box.findData(side))


class ConflictsDialog(QDialog):
    """The conflicts waiting from earlier imports; the choices made are written on 应用."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Packages", "Conflicts of exchanges"))
        self.resize(860, 480)
        self.pending = packages.pending()
        layout = QVBoxLayout(self)
        text = translate("Packages", "These records were changed on this laptop and on another one in ways "
                         "that cannot be merged. Choose which values to keep; the choice goes to the other "
                         "laptop with the next package.") if self.pending else translate(
            "Packages", "No conflicts are waiting for a decision.")
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = ConflictTable([(p.model, p.id, p.local(), p.incoming, p.fields) for p in self.pending])
        layout.addWidget(self.table, 1)
        self.table.setVisible(bool(self.pending))
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok | cancel)
        buttons.button(ok).setText(translate("Packages", "Apply the choices"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.decided = 0

    def accept(self) -> None:
        for item, side in zip(self.pending, self.table.chosen(), strict=True):
            if side == LATER:
                continue
            try:
                packages.decide(item, side)
            except packages.PackageError as error:
                warn(self, self.windowTitle(), str(error))
                return
            self.decided += 1
        super().accept()


def show_conflicts(window) -> int:
    """文件 → 数据包冲突…: the dialog; how many conflicts were decided."""
    dialog = ConflictsDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    if dialog.decided and hasattr(window, "records_changed"):
        window.records_changed()
    return dialog.decided
