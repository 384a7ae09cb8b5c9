"""导入花名册: a roster in — the file, its sheet and kind, the field of each column, a preview
of every row with what is wrong or only noted, then the good rows imported all at once.

The file is read once, on a worker (``ui.jobs``), and kept; the preview and the
import run on workers too, with their progress in the dialog and a button that
stops them, so the window stays alive with a roster of 12,000 rows. Any
spreadsheet a village keeps is offered: .xlsx, .xlsm, .xls, WPS .et, .ods, .csv.
"""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.i18n import QT_TRANSLATE_NOOP
from ui import files
from ui.common import ERROR_STYLE, action_buttons, confirm, translate, warn
from ui.dialogs.roster_preview import PreviewTableModel, imported_text, message, notes
from ui.jobs import BackgroundJob, run_in_background
from ui.widgets.choices import chosen_key, fill_choices, village_choices

ROSTER_FILTER = QT_TRANSLATE_NOOP("Transfer", "Rosters (*.xlsx *.xlsm *.xls *.et *.ods *.csv *.txt)")
ALL_FILES = QT_TRANSLATE_NOOP("Transfer", "All files (*)")

KIND_LABELS = (("households", QT_TRANSLATE_NOOP("Transfer", "Households")),
               ("persons", QT_TRANSLATE_NOOP("Transfer", "Staff")))


class ImportDialog(QDialog):
    """A roster in: the file, its sheet and kind, the columns' fields, the preview, the import."""

    imported = Signal(object)  # the ImportResult
    previewed = Signal()  # a preview (or its failure) is shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Transfer", "Import roster"))
        self.resize(980, 640)
        self.path: Path | None = None
        self.book = None  # the rosters.Book read, all its sheets
        self.table = None  # the rosters.Table of the chosen sheet
        self.preview = None
        self.import_result = None  # not ``result``: that is QDialog's own result() (accepted or not)
        self.job: BackgroundJob | None = None
        self.importing = False
        self.counts = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh_preview)
        buttons, self.import_button = action_buttons(self, translate("Transfer", "Import"), self.run_import)
        self.import_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(self._file_choices())
        layout.addWidget(QLabel(translate("Transfer", "Which field each column holds:")))
        layout.addWidget(self._mapping_table(), 1)
        layout.addWidget(self.counts)
        layout.addWidget(self._preview_view(), 3)
        layout.addWidget(self.note)
        layout.addLayout(self._progress_row())
        layout.addWidget(buttons)

    def _file_choices(self) -> QFormLayout:
        """The file, its sheet, what it lists, and the village of rows that name none."""
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
        return top

    def _mapping_table(self) -> QTableWidget:
        self.mapping = QTableWidget(0, 3)
        self.mapping.setHorizontalHeaderLabels([translate("Transfer", "Column"),
                                                translate("Transfer", "Header in the file"),
                                                translate("Transfer", "Field")])
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.mapping.setMinimumHeight(170)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.combos: list[QComboBox] = []
        return self.mapping

    def _preview_view(self) -> QTableView:
        self.rows = PreviewTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.rows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # widths from the rows in view and 50 more, not from a thousand: the window stays quick
        self.view.horizontalHeader().setResizeContentsPrecision(50)
        return self.view

    def _progress_row(self) -> QHBoxLayout:
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.stop_button = QPushButton(translate("Transfer", "Stop"))
        self.stop_button.clicked.connect(self._on_stop_clicked)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        self._show_progress(False)
        return row

    # --- work on a worker ---------------------------------------------------------------

    def _start(self, work, finished, failed) -> None:
        """One job at a time: a newer one stops the older, whose answer is then ignored."""
        if self.job is not None:
            self.job.cancel()
        job = None

        def answered(callback):
            def deliver(value) -> None:
                if job is self.job:
                    self.job = None
                    self._show_progress(False)
                    callback(value)
            return deliver

        self._show_progress(True)
        job = self.job = run_in_background(work, answered(finished), answered(failed),
                                           self._on_job_progressed, owner=self)

    def running(self) -> bool:
        return self.job is not None

    def _show_progress(self, shown: bool) -> None:
        """While an import runs, nothing it reads may change: a new choice would start a preview, which
        stops the import (one job at a time)."""
        self.progress.setVisible(shown)
        self.stop_button.setVisible(shown)
        self.progress.setRange(0, 0)
        busy = shown and self.importing
        for widget in (self.choose_button, self.sheet, self.kind, self.mapping):
            widget.setEnabled(not busy)
        self.village.setEnabled(not busy and self._village_applies())

    def _village_applies(self) -> bool:
        """A default village is for households only."""
        from exporters import rosters

        return self.table is None or self.kind.currentData() == rosters.HOUSEHOLDS

    def _on_job_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _on_stop_clicked(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def reject(self) -> None:
        """While an import runs, closing the dialog stops it first (nothing is written)."""
        if self.job is not None:
            self.job.cancel()
            if self.importing:
                return
        super().reject()

    # --- the file -------------------------------------------------------------

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, translate("Transfer", "Import roster"), str(files.last_folder()),
            translate("Transfer", ROSTER_FILTER) + ";;" + translate("Transfer", ALL_FILES))
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> None:
        """Read the file on a worker, once; its first sheet with a header is shown."""
        from exporters import rosters

        def work(_job: BackgroundJob):
            book = rosters.open_book(path).read_all()
            try:
                return book, rosters.read_table(book)
            except rosters.RosterError as error:
                return book, error

        self.preview = None
        self._start(work, lambda answer: self._on_book_read(path, *answer), self._on_load_failed)

    def _on_load_failed(self, error: Exception) -> None:
        warn(self, translate("Transfer", "Import roster"), message(error))
        self.previewed.emit()

    def _on_book_read(self, path: Path, book, table) -> None:
        self.path, self.book = path, book
        self.file.setText(str(path))
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(book.names)
        if not isinstance(table, Exception):
            self.sheet.setCurrentText(table.sheet)
        self.sheet.blockSignals(False)
        self._show_table(table)

    def _on_sheet_changed(self, *_args) -> None:
        from exporters import rosters

        if self.book is None:
            return
        book, sheet = self.book, self.sheet.currentText()

        def work(_job: BackgroundJob):
            try:
                return rosters.read_table(book, sheet)
            except rosters.RosterError as error:
                return error

        self._start(work, self._show_table, self._on_preview_failed)

    def _show_table(self, table) -> None:
        from exporters import rosters

        if isinstance(table, Exception):
            self.table = None
            self._show_mapping([], {})
            self._clear_preview(message(table))
            self.previewed.emit()
            return
        self.table = table
        kind = rosters.guess_kind(table.headers)
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.blockSignals(False)
        self._on_kind_changed()

    def _on_kind_changed(self, *_args) -> None:
        from exporters import rosters

        if self.table is None:
            return
        kind = self.kind.currentData()
        self.village.setEnabled(self._village_applies())
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
        """Check every row on a worker; the preview is shown when it is done."""
        from exporters import rosters

        self._timer.stop()
        if self.table is None:
            return
        table, kind, mapping, village = self._choices()
        missing = rosters.missing_fields(kind, mapping)
        if missing:
            self._clear_preview(translate("Transfer", "Choose the column that holds: {fields}.").format(
                fields="、".join(missing)))
            self.previewed.emit()
            return
        self.import_button.setEnabled(False)
        self._start(lambda job: rosters.preview(table, kind, mapping, village, job.progress, job.cancelled),
                    lambda preview: self._show_preview(preview, kind, mapping), self._on_preview_failed)

    def _on_preview_failed(self, error: Exception) -> None:
        self._clear_preview(message(error))
        self.previewed.emit()

    def _show_preview(self, preview, kind: str, mapping: dict[int, str]) -> None:
        from exporters import rosters

        self.preview = preview
        fields = [name for _index, name in sorted(mapping.items())]
        self.rows.set_preview(preview, fields, [rosters.label(kind, name) for name in fields])
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(1, min(self.view.columnWidth(1), 420))
        self.counts.setText(translate(
            "Transfer", "{good} rows can be imported ({warned} with warnings), {bad} rows have problems.")
            .format(good=preview.good, warned=preview.warned, bad=preview.bad))
        self.note.setStyleSheet("")
        self.note.setText("\n".join(notes(preview)))
        self.import_button.setEnabled(preview.good > 0)
        self.previewed.emit()

    def _choices(self) -> tuple:
        """What the preview and the import read: the table, its kind, the mapping, the default village."""
        return self.table, self.kind.currentData(), self.current_mapping(), self._village()

    def _village(self) -> UUID | None:
        return chosen_key(self.village) if self._village_applies() else None

    def run_import(self) -> None:
        from exporters import rosters

        if self._timer.isActive() or self.job is not None or self.preview is None or self.preview.good == 0:
            return
        title = translate("Transfer", "Import roster")
        if self.preview.bad and not confirm(self, title, translate(
                "Transfer", "Import the {good} good rows and leave out the {bad} rows with problems?")
                .format(good=self.preview.good, bad=self.preview.bad)):
            return
        table, kind, mapping, village = self._choices()
        self.importing = True
        self.import_button.setEnabled(False)
        self._start(lambda job: rosters.import_rows(table, kind, mapping, village, skip_bad=True,
                                                    progress=job.progress, cancelled=job.cancelled),
                    self._on_imported, self._on_import_failed)

    def _on_import_failed(self, error: Exception) -> None:
        self.importing = False
        self._show_progress(False)
        self.import_button.setEnabled(self.preview is not None and self.preview.good > 0)
        warn(self, translate("Transfer", "Import roster"), message(error))

    def _on_imported(self, result) -> None:
        self.importing = False
        self.import_result = result
        title = translate("Transfer", "Import roster")
        assert self.path is not None  # an import needs a preview, which needs a file read
        QMessageBox.information(self, title, imported_text(result, self.path))
        self.imported.emit(self.import_result)
        self.accept()
