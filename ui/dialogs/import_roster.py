"""导入花名册: a roster in — the file, its sheet and kind, the field of each column, a preview
of every row with what is wrong, then the good rows imported all at once.
"""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

import peewee
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.i18n import QT_TRANSLATE_NOOP
from ui import files
from ui.common import ERROR_STYLE, confirm, translate, warn
from ui.widgets.choices import chosen_key, fill_choices, village_choices

BAD_ROW = QColor("#fde7e9")

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
        self.counts = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh_preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(translate("Transfer", "Import"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._file_choices())
        layout.addWidget(QLabel(translate("Transfer", "Which field each column holds:")))
        layout.addWidget(self._mapping_table(), 1)
        layout.addWidget(self.counts)
        layout.addWidget(self._preview_view(), 3)
        layout.addWidget(self.note)
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
        return self.view

    # --- the file -------------------------------------------------------------

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, translate("Transfer", "Import roster"), str(files.last_folder()),
            translate("Transfer", files.EXCEL_FILTER))
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
        return chosen_key(self.village) if self.village.isEnabled() else None

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
        QMessageBox.information(self, title, self._imported_text())
        self.imported.emit(self.result)
        self.accept()

    def _imported_text(self) -> str:
        text = translate("Transfer", "{n} rows imported from {name}.").format(
            n=self.result.imported, name=self.path.name)
        if self.result.skipped:
            text += "\n" + translate("Transfer", "{n} rows with problems were left out.").format(
                n=self.result.skipped)
        if self.result.groups_created:
            text += "\n" + translate("Transfer", "New villagers' groups: {groups}").format(
                groups="、".join(self.result.groups_created))
        return text
