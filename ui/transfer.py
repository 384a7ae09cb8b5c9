"""Files out and in: the register workbook, a session's sign-in sheet, a roster import.

The work itself is in ``exporters`` (Qt-free); here are only the choices, the
progress and the answers. A long export runs on a worker thread with its own
database connection, so the window stays alive and the export can be cancelled.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any
from uuid import UUID

import peewee
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import records as r
from models import store
from models.i18n import QT_TRANSLATE_NOOP
from ui import files
from ui.common import confirm, translate, warn
from ui.fields import DateInput, date_range_problem
from ui.forms import campaign_choices, fill_choices, village_choices

ERROR_STYLE = "color: #b3261e;"
BAD_ROW = QColor("#fde7e9")

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
EXCEL_FILTER = QT_TRANSLATE_NOOP("Transfer", "Excel workbook (*.xlsx)")


def choose_target(parent: QWidget | None, title: str, name: str) -> Path | None:
    """The workbook to write, proposed as ``name`` in the last export folder; None if cancelled."""
    return files.choose_target(parent, title, name, translate("Transfer", EXCEL_FILTER), ".xlsx")


def _uuid(value: str | None) -> UUID | None:
    return UUID(hex=value) if value else None


# --- the register workbook --------------------------------------------------------------

class _JobSignals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)  # the Path written
    failed = Signal(str, bool)  # message, cancelled


class ExportJob(QRunnable):
    """``write_registers`` on a worker thread, on its own database connection."""

    def __init__(self, path: Path, options: Any):
        super().__init__()
        self.path, self.options = path, options
        self.signals = _JobSignals()
        self.stop = threading.Event()
        self.setAutoDelete(False)  # the dialog keeps it; its signals outlive the thread's run

    def run(self) -> None:
        from exporters import ExportError, registers

        try:
            with r.database.connection_context():
                written = registers.write_registers(
                    self.path, self.options, progress=self.signals.progressed.emit,
                    cancelled=self.stop.is_set)
        except ExportError as error:
            self.signals.failed.emit(str(error), self.stop.is_set())
        except Exception as error:  # a database or disk failure: said, never a crash of the thread
            self.signals.failed.emit(translate("Transfer", "The export to {path} failed: {error}").format(
                path=self.path, error=error), False)
        else:
            self.signals.finished.emit(written)


class ExportDialog(QDialog):
    """The choices of a register workbook; the export runs with a progress dialog."""

    exported = Signal(object)  # the Path written

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Transfer", "Export registers"))
        self.job: ExportJob | None = None
        self.progress: QProgressDialog | None = None
        self.result_box: QMessageBox | None = None
        self.written: Path | None = None

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

        self.registers: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for index, (key, label) in enumerate(REGISTER_LABELS):
            box = QCheckBox(translate("Transfer", label))
            box.setChecked(True)
            self.registers[key] = box
            grid.addWidget(box, index // 4, index % 4)
        chosen = QGroupBox(translate("Transfer", "Registers"))
        chosen.setLayout(grid)

        self.full_personal = QCheckBox(translate("Transfer", "Show full ID numbers and phone numbers"))
        self.personal_warning = QLabel(translate(
            "Transfer", "The workbook will hold complete ID numbers and phone numbers. Keep it safe, "
            "do not send it by chat, and delete copies you no longer need."))
        self.personal_warning.setWordWrap(True)
        self.personal_warning.setStyleSheet(ERROR_STYLE)
        self.personal_warning.setVisible(False)
        self.full_personal.toggled.connect(self.personal_warning.setVisible)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)

        form = QFormLayout()
        form.addRow(translate("Transfer", "Campaign"), self.campaign)
        form.addRow(translate("Transfer", "Dates"), dates)
        form.addRow(translate("Transfer", "Village"), self.village)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(translate("Transfer", "Export…"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.choose_and_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(chosen)
        layout.addWidget(self.full_personal)
        layout.addWidget(self.personal_warning)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def options(self):
        """The chosen ``RegisterOptions``; None (and the reason shown) when a choice is wrong."""
        from exporters.registers import RegisterOptions

        first, last = self.date_from.value(), self.date_to.value()
        problem = date_range_problem(first, last)
        registers = tuple(key for key, box in self.registers.items() if box.isChecked())
        if problem is None and not registers:
            problem = translate("Transfer", "Choose at least one register.")
        self.error.setText(problem or "")
        if problem:
            return None
        return RegisterOptions(campaign=_uuid(self.campaign.currentData()), date_from=first, date_to=last,
                               village=_uuid(self.village.currentData()),
                               full_personal=self.full_personal.isChecked(), registers=registers)

    def default_name(self) -> str:
        """"{unit}{campaign}台账{date}.xlsx"."""
        unit = store.current_unit()
        key = _uuid(self.campaign.currentData())
        campaign = r.Campaign.get_or_none(r.Campaign.id == key) if key else None
        name = f"{unit.name if unit else ''}{campaign.name if campaign else ''}台账{dt.date.today():%Y%m%d}"
        return files.safe_file_name(name) + ".xlsx"

    def choose_and_export(self) -> None:
        options = self.options()
        if options is None:
            return
        path = choose_target(self, translate("Transfer", "Export registers"), self.default_name())
        if path is not None:
            self.start(path, options)

    def start(self, path: Path, options: Any) -> None:
        self.export_button.setEnabled(False)
        self.job = ExportJob(path, options)
        self.job.signals.progressed.connect(self._on_job_progressed)
        self.job.signals.finished.connect(self._on_job_finished)
        self.job.signals.failed.connect(self._on_job_failed)
        self.progress = QProgressDialog(translate("Transfer", "Writing {name}…").format(name=path.name),
                                        translate("Transfer", "Cancel"), 0, 0, self)
        self.progress.setWindowTitle(translate("Transfer", "Export registers"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.job.stop.set)
        QThreadPool.globalInstance().start(self.job)

    @property
    def running(self) -> bool:
        return self.progress is not None

    def reject(self) -> None:
        """While the export runs, closing the dialog cancels the export first."""
        if self.running and self.job is not None:
            self.job.stop.set()
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

    def _on_job_failed(self, message: str, cancelled: bool) -> None:
        self._close_progress()
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


# --- the sign-in sheet ---------------------------------------------------------------------

def print_signin_sheet(parent: QWidget | None, session: r.Session | None) -> Path | None:
    """Write the sign-in sheet of ``session`` to a chosen file and open it."""
    from exporters import ExportError
    from exporters.signin import write_signin_sheet

    if session is None:
        warn(parent, translate("Transfer", "Print sign-in sheet"),
             translate("Transfer", "Choose a study session first."))
        return None
    name = files.safe_file_name(f"{session.date:%Y%m%d}{session.topic[:20]}签到表") + ".xlsx"
    path = choose_target(parent, translate("Transfer", "Print sign-in sheet"), name)
    if path is None:
        return None
    try:
        written = write_signin_sheet(path, session.id)
    except ExportError as error:
        QMessageBox.critical(parent, translate("Transfer", "Print sign-in sheet"), str(error))
        return None
    files.open_path(written)
    return written


# --- the roster import ----------------------------------------------------------------------

KIND_LABELS = (("households", QT_TRANSLATE_NOOP("Transfer", "Households")),
               ("persons", QT_TRANSLATE_NOOP("Transfer", "Staff")))


class PreviewTableModel(QAbstractTableModel):
    """The rows of a roster preview: row number, ✔ or what is wrong, the mapped values."""

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
                return "✔" if check.ok else "；".join(check.problems)
            return check.values.get(self.fields[column - 2], "")
        if role == Qt.ItemDataRole.BackgroundRole and not check.ok:
            return QBrush(BAD_ROW)
        return None


class ImportDialog(QDialog):
    """A roster in: the file, its sheet and kind, the columns' fields, the preview, the import."""

    imported = Signal(object)  # the ImportResult

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Transfer", "Import roster"))
        self.resize(980, 640)
        self.path: Path | None = None
        self.table = None  # the rosters.Table read
        self.preview = None
        self.result = None

        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.choose_button = QPushButton(translate("Transfer", "Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet = QComboBox()
        self.kind = QComboBox()
        for key, label in KIND_LABELS:
            self.kind.addItem(translate("Transfer", label), key)
        self.village = QComboBox()
        fill_choices(self.village, village_choices(), translate("Transfer", "(named in each row)"))
        if self.village.count() == 2:
            self.village.setCurrentIndex(1)
        self.sheet.currentIndexChanged.connect(self._on_sheet_changed)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.village.currentIndexChanged.connect(self._schedule_preview)

        self.mapping = QTableWidget(0, 3)
        self.mapping.setHorizontalHeaderLabels([translate("Transfer", "Column"),
                                                translate("Transfer", "Header in the file"),
                                                translate("Transfer", "Field")])
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.mapping.setMinimumHeight(170)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.combos: list[QComboBox] = []

        self.rows = PreviewTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.rows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.counts = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh_preview)

        top = QFormLayout()
        chooser = QHBoxLayout()
        chooser.addWidget(self.file, 1)
        chooser.addWidget(self.choose_button)
        top.addRow(translate("Transfer", "File"), chooser)
        choices = QHBoxLayout()
        for label, widget in ((translate("Transfer", "Sheet"), self.sheet),
                              (translate("Transfer", "Roster of"), self.kind),
                              (translate("Transfer", "Village of rows without one"), self.village)):
            choices.addWidget(QLabel(label))
            choices.addWidget(widget, 1)
        top.addRow(choices)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(translate("Transfer", "Import"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(translate("Transfer", "Which field each column holds:")))
        layout.addWidget(self.mapping, 1)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    # --- the file -------------------------------------------------------------

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, translate("Transfer", "Import roster"), str(files.last_folder()),
            translate("Transfer", EXCEL_FILTER))
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> bool:
        from exporters import rosters

        try:
            names = rosters.sheet_names(path)
        except rosters.RosterError as error:
            warn(self, translate("Transfer", "Import roster"), str(error))
            return False
        self.path = path
        self.file.setText(str(path))
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(names)
        self.sheet.blockSignals(False)
        self._on_sheet_changed()
        return True

    def _on_sheet_changed(self, *_args) -> None:
        from exporters import rosters

        self.table = None
        if self.path is None:
            return
        try:
            self.table = rosters.read_table(self.path, self.sheet.currentText())
        except rosters.RosterError as error:
            self._show_mapping([], {})
            self._clear_preview(str(error))
            return
        kind = rosters.guess_kind(self.table.headers)
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.blockSignals(False)
        self._on_kind_changed()

    def _on_kind_changed(self, *_args) -> None:
        from exporters import rosters

        if self.table is None:
            return
        kind = self.kind.currentData()
        self.village.setEnabled(kind == rosters.HOUSEHOLDS)
        self._show_mapping(self.table.headers, rosters.propose_mapping(self.table.headers, kind))
        self.refresh_preview()

    # --- the mapping ------------------------------------------------------------

    def _show_mapping(self, headers: list[str], mapping: dict[int, str]) -> None:
        from openpyxl.utils import get_column_letter

        from exporters import rosters

        kind = self.kind.currentData()
        self.mapping.setRowCount(0)
        self.combos = []
        for index, header in enumerate(headers):
            combo = QComboBox()
            combo.addItem(translate("Transfer", "(not imported)"), None)
            for name in rosters.fields(kind):
                combo.addItem(rosters.label(kind, name), name)
            combo.setCurrentIndex(max(combo.findData(mapping.get(index)), 0))
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._on_field_chosen(c))
            self.mapping.insertRow(index)
            self.mapping.setItem(index, 0, QTableWidgetItem(get_column_letter(index + 1)))
            self.mapping.setItem(index, 1, QTableWidgetItem(header))
            self.mapping.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.mapping.resizeColumnToContents(0)
        self.mapping.resizeColumnToContents(1)

    def _on_field_chosen(self, chosen: QComboBox) -> None:
        """A field comes from one column: choosing it for this column frees the other."""
        field = chosen.currentData()
        for combo in self.combos:
            if combo is not chosen and field is not None and combo.currentData() == field:
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
        self._schedule_preview()

    def current_mapping(self) -> dict[int, str]:
        return {index: combo.currentData() for index, combo in enumerate(self.combos)
                if combo.currentData() is not None}

    def set_field(self, column: int, field: str | None) -> None:
        """Choose the field of a column (as a person does with its combo box)."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field))

    # --- the preview and the import ----------------------------------------------------

    def _schedule_preview(self, *_args) -> None:
        self.import_button.setEnabled(False)
        self._timer.start()

    def _clear_preview(self, message: str) -> None:
        self.preview = None
        self.rows.set_preview(None, [], [])
        self.counts.setText("")
        self.note.setText(message)
        self.note.setStyleSheet(ERROR_STYLE)
        self.import_button.setEnabled(False)

    def refresh_preview(self) -> None:
        from exporters import rosters

        self._timer.stop()
        if self.table is None:
            return
        kind, mapping = self.kind.currentData(), self.current_mapping()
        missing = rosters.missing_fields(kind, mapping)
        if missing:
            self._clear_preview(translate("Transfer", "Choose the column that holds: {fields}.").format(
                fields="、".join(missing)))
            return
        try:
            with files.busy():
                self.preview = rosters.preview(self.table, kind, mapping, self._village())
        except rosters.RosterError as error:
            self._clear_preview(str(error))
            return
        fields = [name for _index, name in sorted(mapping.items())]
        self.rows.set_preview(self.preview, fields, [rosters.label(kind, name) for name in fields])
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(1, min(self.view.columnWidth(1), 420))
        self.counts.setText(translate("Transfer", "{good} rows can be imported, {bad} rows have problems.")
                            .format(good=self.preview.good, bad=self.preview.bad))
        self.note.setStyleSheet("")
        self.note.setText(translate("Transfer", "New villagers' groups will be created: {groups}").format(
            groups="、".join(self.preview.new_groups)) if self.preview.new_groups else "")
        self.import_button.setEnabled(self.preview.good > 0)

    def _village(self) -> UUID | None:
        return _uuid(self.village.currentData()) if self.village.isEnabled() else None

    def run_import(self) -> None:
        from exporters import rosters

        if self._timer.isActive():
            self.refresh_preview()
        if self.preview is None or self.preview.good == 0:
            return
        title = translate("Transfer", "Import roster")
        if self.preview.bad and not confirm(self, title, translate(
                "Transfer", "Import the {good} good rows and leave out the {bad} rows with problems?")
                .format(good=self.preview.good, bad=self.preview.bad)):
            return
        try:
            with files.busy():
                self.result = rosters.import_rows(self.table, self.kind.currentData(),
                                                  self.current_mapping(), self._village(), skip_bad=True)
        except rosters.RosterError as error:
            warn(self, title, str(error))
            return
        except peewee.DatabaseError as error:
            warn(self, title, translate("Common", "The data file could not be written: {error}").format(
                error=error))
            return
        text = translate("Transfer", "{n} rows imported from {name}.").format(
            n=self.result.imported, name=self.path.name)
        if self.result.skipped:
            text += "\n" + translate("Transfer", "{n} rows with problems were left out.").format(
                n=self.result.skipped)
        if self.result.groups_created:
            text += "\n" + translate("Transfer", "New villagers' groups: {groups}").format(
                groups="、".join(self.result.groups_created))
        QMessageBox.information(self, title, text)
        self.imported.emit(self.result)
        self.accept()
