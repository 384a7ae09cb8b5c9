"""导出修改记录: the change history of all records, or of a campaign's, written to a workbook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from models import store
from ui import files
from ui.common import ERROR_STYLE, action_buttons
from ui.widgets.choices import campaign_choices, chosen_key, fill_choices
from ui.widgets.date_input import DateInput, date_range_problem


class HistoryExportDialog(QDialog):
    """导出修改记录: which changes (all, or a campaign's; some days), then the file."""

    def __init__(self, parent: QWidget | None = None):
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
        buttons, self.export_button = action_buttons(self, self.tr("Export…"), self.choose_and_export,
                                                     self.tr("Cancel"))
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
        return HistoryOptions(campaign=chosen_key(self.campaign), date_from=first, date_to=last,
                              full_personal=self.full_personal.isChecked())

    def default_name(self) -> str:
        unit = store.current_unit()
        campaign = self.campaign.currentText() if self.campaign.currentData() else ""
        return files.safe_file_name(f"{unit.name if unit else ''}{campaign}修改记录") + ".xlsx"

    def choose_and_export(self) -> None:
        options = self.options()
        if options is None:
            return
        from ui.dialogs.password import full_values_allowed

        if options.full_personal and not full_values_allowed(self):
            return
        path = files.choose_excel_target(self, self.windowTitle(), self.default_name())
        if path is not None:
            self.export_to(path, options)

    def export_to(self, path: Path, options) -> Path | None:
        """Write the workbook; a refusal is shown and the dialog stays open."""
        from exporters import ExportError
        from exporters.history import write_history

        try:
            with files.busy():
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
