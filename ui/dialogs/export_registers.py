"""导出台账: the choices of the register workbook, then the export with its progress.

The work itself is in ``exporters.registers`` (Qt-free); here are only the
choices, the progress and the answers. The export runs off the window's thread
(``ui.jobs``), so the window stays alive and the export can be cancelled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from models import records as r
from models import scope as scopes
from models import store
from models.i18n import QT_TRANSLATE_NOOP
from ui import files
from ui.common import ERROR_STYLE, action_buttons, translate
from ui.jobs import BackgroundJob, run_in_background
from ui.widgets.choices import campaign_choices, chosen_key, fill_choices, village_choices
from ui.widgets.date_input import DateInput, date_range_problem

# The registers in the order of the workbook: (key, English label of the check box).
REGISTER_LABELS = (
    ("sessions", QT_TRANSLATE_NOOP("Transfer", "Study sessions")),
    ("writings", QT_TRANSLATE_NOOP("Transfer", "Study writings")),
    ("visits", QT_TRANSLATE_NOOP("Transfer", "Household visits")),
    ("suggestions", QT_TRANSLATE_NOOP("Transfer", "Suggestions")),
    ("rectifications", QT_TRANSLATE_NOOP("Transfer", "Rectification")),
    ("publicity", QT_TRANSLATE_NOOP("Transfer", "Publicity")),
    ("coverage", QT_TRANSLATE_NOOP("Transfer", "Visit coverage")),
    ("statistics", QT_TRANSLATE_NOOP("Transfer", "Statistics")),
)


# --- the register workbook --------------------------------------------------------------

def _export(path: Path, options: Any) -> Callable[[BackgroundJob], Path]:
    """The work of the export job: ``write_registers`` with its progress and cancel."""
    def write(job: BackgroundJob) -> Path:
        from exporters import registers

        return registers.write_registers(path, options, progress=job.progress, cancelled=job.cancelled)
    return files.export_work(path, write)


class ExportDialog(QDialog):
    """The choices of a register workbook; the export runs with a progress dialog."""

    exported = Signal(object)  # the Path written

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Transfer", "Export registers"))
        self.job: BackgroundJob | None = None
        self.progress: QProgressDialog | None = None
        self.result_box: QMessageBox | None = None
        self.written: Path | None = None
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        buttons, self.export_button = action_buttons(self, translate("Transfer", "Export…"),
                                                     self.choose_and_export)
        layout = QVBoxLayout(self)
        layout.addLayout(self._scope_form())
        layout.addWidget(self._register_boxes())
        for widget in self._personal_choice():
            layout.addWidget(widget)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _scope_form(self) -> QFormLayout:
        """Which records: a campaign (the current one first), a date range, a village."""
        self.campaign = QComboBox()
        current = store.current_campaign()
        fill_choices(self.campaign, campaign_choices(), translate("Transfer", "All campaigns"),
                     current.id.hex if current else None)
        self.date_from, self.date_to = DateInput(), DateInput()
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(translate("Transfer", "to")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        self.village = QComboBox()
        fill_choices(self.village, village_choices(), translate("Transfer", "All villages"))
        form = QFormLayout()
        form.addRow(translate("Transfer", "Campaign"), self.campaign)
        form.addRow(translate("Transfer", "Dates"), dates)
        form.addRow(translate("Transfer", "Village"), self.village)
        return form

    def _register_boxes(self) -> QGroupBox:
        self.registers: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for index, (key, label) in enumerate(REGISTER_LABELS):
            box = QCheckBox(translate("Transfer", label))
            box.setChecked(True)
            self.registers[key] = box
            grid.addWidget(box, index // 4, index % 4)
        chosen = QGroupBox(translate("Transfer", "Registers"))
        chosen.setLayout(grid)
        return chosen

    def _personal_choice(self) -> tuple[QCheckBox, QLabel]:
        """Full ID numbers and phones only on an explicit choice, with the warning beside it."""
        self.full_personal = QCheckBox(translate("Transfer", "Show full ID numbers and phone numbers"))
        self.personal_warning = QLabel(translate(
            "Transfer", "The workbook will hold complete ID numbers and phone numbers. Keep it safe, "
            "do not send it by chat, and delete copies you no longer need."))
        self.personal_warning.setWordWrap(True)
        self.personal_warning.setStyleSheet(ERROR_STYLE)
        self.personal_warning.setVisible(False)
        self.full_personal.toggled.connect(self.personal_warning.setVisible)
        return self.full_personal, self.personal_warning

    def options(self):
        """The chosen ``RegisterOptions``; None (and the reason shown) when a choice is wrong."""
        from exporters.registers import RegisterOptions

        first, last = self.date_from.value(), self.date_to.value()
        problem = date_range_problem(first, last)
        if problem is None:  # a range outside the campaign (or every record) holds nothing: refused here too
            problem = scopes.problem(scopes.Scope(campaign=chosen_key(self.campaign), date_from=first,
                                                  date_to=last))
        registers = tuple(key for key, box in self.registers.items() if box.isChecked())
        if problem is None and not registers:
            problem = translate("Transfer", "Choose at least one register.")
        self.error.setText(problem or "")
        if problem:
            return None
        return RegisterOptions(campaign=chosen_key(self.campaign), date_from=first, date_to=last,
                               village=chosen_key(self.village),
                               full_personal=self.full_personal.isChecked(), registers=registers)

    def default_name(self) -> str:
        """"{unit}{campaign}台账{date}.xlsx"."""
        unit = store.current_unit()
        key = chosen_key(self.campaign)
        campaign = r.Campaign.get_or_none(r.Campaign.id == key) if key else None
        name = f"{unit.name if unit else ''}{campaign.name if campaign else ''}台账{dt.date.today():%Y%m%d}"
        return files.safe_file_name(name) + ".xlsx"

    def choose_and_export(self) -> None:
        options = self.options()
        if options is None:
            return
        from ui.dialogs.password import full_values_allowed

        if options.full_personal and not full_values_allowed(self):
            return
        path = files.choose_excel_target(self, translate("Transfer", "Export registers"), self.default_name())
        if path is not None:
            self.start(path, options)

    def start(self, path: Path, options: Any) -> None:
        self.export_button.setEnabled(False)
        self.progress = QProgressDialog(translate("Transfer", "Writing {name}…").format(name=path.name),
                                        translate("Transfer", "Cancel"), 0, 0, self)
        self.progress.setWindowTitle(translate("Transfer", "Export registers"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.job = run_in_background(_export(path, options), self._on_job_finished, self._on_job_failed,
                                     self._on_job_progressed, owner=self)
        self.progress.canceled.connect(self.job.cancel)

    @property
    def running(self) -> bool:
        return self.progress is not None

    def reject(self) -> None:
        """While the export runs, closing the dialog cancels the export first."""
        if self.running and self.job is not None:
            self.job.cancel()
            return
        super().reject()

    def _on_job_progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.export_button.setEnabled(True)

    def _on_job_failed(self, error: Exception) -> None:
        cancelled = self.job is not None and self.job.cancelled()
        self._close_progress()
        message = files.failure_text(error)
        if cancelled:
            self.error.setText(message)
        else:
            QMessageBox.critical(self, translate("Transfer", "Export registers"), message)

    def _on_job_finished(self, path: Path) -> None:
        self._close_progress()
        self.written = path
        self.exported.emit(path)
        self.result_box = files.written_box(
            self.parentWidget(), translate("Transfer", "Export registers"), path,
            translate("Transfer", "The registers were written to {path}.").format(path=path))
        self.accept()



