"""修改记录: the changes of one record, as a tab of the record's dialog.

Read-only and read once when the dialog opens: a record's history is a few
dozen rows at most. Each change is a row (time on this laptop's clock, who,
what was done) with its first field change beside it and the others below.
"""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import history, store
from models.records import BaseModel
from ui.fields import DateInput, date_range_problem

ERROR_STYLE = "color: #b3261e;"


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


class HistoryExportDialog(QDialog):
    """导出修改记录: which changes (all, or a campaign's; some days), then the file."""

    def __init__(self, parent: QWidget | None = None):
        from ui.forms import campaign_choices, fill_choices  # ui.forms shows HistoryView: imported when used

        super().__init__(parent)
        self.setWindowTitle(self.tr("Export change history"))
        self.written: Path | None = None
        self.campaign = QComboBox()
        fill_choices(self.campaign, campaign_choices(), self.tr("All records"))
        self.date_from, self.date_to = DateInput(), DateInput()
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        self.full_personal = QCheckBox(self.tr("Show full ID numbers and phone numbers"))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Campaign"), self.campaign)
        form.addRow(self.tr("Dates"), dates)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.export_button = buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.choose_and_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.full_personal)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def options(self):
        """The chosen ``HistoryOptions``; None (and the reason shown) when a date is wrong."""
        from exporters.history import HistoryOptions

        first, last = self.date_from.value(), self.date_to.value()
        problem = date_range_problem(first, last)
        self.error.setText(problem or "")
        if problem:
            return None
        key = self.campaign.currentData()
        return HistoryOptions(campaign=UUID(hex=key) if key else None, date_from=first, date_to=last,
                              full_personal=self.full_personal.isChecked())

    def default_name(self) -> str:
        from ui.files import safe_file_name

        unit = store.current_unit()
        campaign = self.campaign.currentText() if self.campaign.currentData() else ""
        return safe_file_name(f"{unit.name if unit else ''}{campaign}修改记录") + ".xlsx"

    def choose_and_export(self) -> None:
        from ui.transfer import choose_target

        options = self.options()
        if options is None:
            return
        path = choose_target(self, self.windowTitle(), self.default_name())
        if path is not None:
            self.export_to(path, options)

    def export_to(self, path: Path, options) -> Path | None:
        """Write the workbook; a refusal is shown and the dialog stays open."""
        from exporters import ExportError
        from exporters.history import write_history
        from ui.files import busy

        try:
            with busy():
                self.written = write_history(path, options)
        except ExportError as error:
            QMessageBox.critical(self, self.windowTitle(), str(error))
            return None
        text = self.tr("The change history was written to {path}.").format(path=self.written)
        QMessageBox.information(self.parentWidget(), self.windowTitle(), text)
        self.accept()
        return self.written


def export_history(parent: QWidget | None) -> HistoryExportDialog:
    """The File menu's 导出修改记录…: the choices, shown without blocking."""
    dialog = HistoryExportDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
