"""导出花名册: the households (of one village, or all) or the persons as a roster that imports again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from models import records as r
from models import store
from ui import files
from ui.common import ERROR_STYLE, action_buttons, translate
from ui.jobs import BackgroundJob, run_in_background
from ui.widgets.choices import chosen_key, fill_choices, village_choices

HOUSEHOLDS, PERSONS = "households", "persons"  # exporters.rosters' kinds, without importing it here


def _write(path: Path, kind: str, village: UUID | None, full: bool) -> Callable[[BackgroundJob], Path]:
    def write(_job: BackgroundJob) -> Path:
        from exporters.rosters.writing import write_roster

        return write_roster(path, kind, village, full_personal=full)
    return files.export_work(path, write)


class RosterExportDialog(QDialog):
    """Which roster (households of a village or all, or the staff), masked or in full, then the file."""

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.written: Path | None = None
        self.setWindowTitle(translate("Transfer", "Export roster"))
        self.village = QComboBox()
        fill_choices(self.village, village_choices(), translate("Lists", "All villages"))
        self.full_personal = QCheckBox(translate(
            "Transfer", "Full ID numbers and phone numbers (to import it again on another computer)"))
        warning = QLabel(translate(
            "Transfer", "A roster with full numbers holds the personal data of every household: keep it "
            "as safe as the data file, and delete it once it has been imported."))
        warning.setWordWrap(True)
        warning.setVisible(False)
        self.full_personal.toggled.connect(warning.setVisible)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("Transfer", "Roster"), QLabel(
            translate("Transfer", "Households") if kind == HOUSEHOLDS else translate("Transfer", "Staff")))
        if kind == HOUSEHOLDS:
            form.addRow(translate("Field", r.Household.village.verbose_name), self.village)
        buttons, self.export_button = action_buttons(self, translate("Transfer", "Export…"),
                                                     self.choose_and_export, translate("Transfer", "Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.full_personal)
        layout.addWidget(warning)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def default_name(self) -> str:
        """"{unit}{village}农户花名册{date}.xlsx" (人员名单 for the staff)."""
        unit = store.current_unit()
        place = self.village.currentText() if self.kind == HOUSEHOLDS and self.village.currentData() else ""
        what = "农户花名册" if self.kind == HOUSEHOLDS else "人员名单"
        name = f"{unit.name if unit else ''}{place}{what}{dt.date.today():%Y%m%d}"
        return files.safe_file_name(name) + ".xlsx"

    def choose_and_export(self) -> None:
        from ui.dialogs.password import full_values_allowed

        full = self.full_personal.isChecked()
        if full and not full_values_allowed(self):
            return
        path = files.choose_excel_target(self, self.windowTitle(), self.default_name())
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the roster off the window's thread; the answer comes back to this dialog."""
        self.export_button.setEnabled(False)
        self.error.setText(translate("Transfer", "Writing {name}…").format(name=path.name))
        village = chosen_key(self.village) if self.kind == HOUSEHOLDS else None
        self.job = run_in_background(_write(path, self.kind, village, self.full_personal.isChecked()),
                                     self._on_written, self._on_failed, owner=self)

    def _on_failed(self, error: Exception) -> None:
        self.export_button.setEnabled(True)
        self.error.setText("")
        QMessageBox.critical(self, self.windowTitle(), files.failure_text(error))

    def _on_written(self, path: Path) -> None:
        self.written = path
        self.result_box = files.written_box(
            self.parentWidget(), self.windowTitle(), path,
            translate("Transfer", "The roster was written to {path}.").format(path=path))
        self.accept()


def export_roster(parent: QWidget | None, kind: str) -> RosterExportDialog:
    """The households' or the staff's 导出花名册…: the choices, shown without blocking."""
    dialog = RosterExportDialog(kind, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def export_households(parent: QWidget | None) -> RosterExportDialog:
    return export_roster(parent, HOUSEHOLDS)


def export_persons(parent: QWidget | None) -> RosterExportDialog:
    return export_roster(parent, PERSONS)
