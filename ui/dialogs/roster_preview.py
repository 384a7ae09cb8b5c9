"""What the roster import shows: the preview's rows, and the words under it and after it."""

from __future__ import annotations

from pathlib import Path

import peewee
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from ui.common import translate

BAD_ROW = QColor("#fde7e9")
WARNED_ROW = QColor("#fff4ce")


class PreviewTableModel(QAbstractTableModel):
    """The rows of a roster preview: row number, ✔ (with what was noted) or what is wrong, the values."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.preview = None
        self.fields: list[str] = []
        self.titles: list[str] = []

    def set_preview(self, preview, fields: list[str], titles: list[str]) -> None:
        self.beginResetModel()
        self.preview, self.fields, self.titles = preview, fields, titles
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() or self.preview is None else len(self.preview.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields) + 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [translate("Transfer", "Row"), translate("Transfer", "Check"), *self.titles][section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        check = self.preview.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(check.row)
            if column == 1:
                if not check.ok:
                    return "；".join(check.problems)
                return "✔" + ("　⚠ " + "；".join(check.warnings) if check.warnings else "")
            return check.values.get(self.fields[column - 2], "")
        if role == Qt.ItemDataRole.BackgroundRole and (not check.ok or check.warnings):
            return QBrush(BAD_ROW if not check.ok else WARNED_ROW)
        return None


def notes(preview) -> list[str]:
    """Under the preview: the groups the import creates, the rows left out and why."""
    lines = []
    if preview.new_groups:
        lines.append(translate("Transfer", "New villagers' groups will be created: {groups}").format(
            groups="、".join(preview.new_groups)))
    if preview.left_out:
        lines.append(translate("Transfer", "Left out: {rows}").format(rows="；".join(
            translate("Transfer", "row {row} ({why})").format(row=row, why=why)
            for row, why in preview.left_out)))
    return lines


def imported_text(result, path: Path) -> str:
    """What the import did, said when it is done."""
    text = translate("Transfer", "{n} rows imported from {name}.").format(
        n=result.imported, name=path.name)
    if result.warned_rows:
        text += "\n" + translate("Transfer", "{n} of them with a field left empty or a value converted "
                                 "(see the preview).").format(n=len(result.warned_rows))
    if result.skipped:
        text += "\n" + translate("Transfer", "{n} rows with problems were left out.").format(
            n=result.skipped)
    if result.groups_created:
        text += "\n" + translate("Transfer", "New villagers' groups: {groups}").format(
            groups="、".join(result.groups_created))
    return text


def message(error: Exception) -> str:
    """What a failed read, preview or import says to the user (never a traceback)."""
    from exporters import rosters

    if isinstance(error, rosters.RosterError):
        return str(error)
    if isinstance(error, peewee.DatabaseError):
        return translate("Common", "The data file could not be written: {error}").format(error=error)
    return translate("Transfer", "The roster could not be read: {error}").format(error=error)
