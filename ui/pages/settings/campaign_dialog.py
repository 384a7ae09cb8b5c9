"""A campaign with its aims and its phases, edited in one dialog and saved in one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import records as r
from models import store, vocab
from models.i18n import translate
from ui.common import guarded
from ui.widgets.date_input import DateInput, parse_date

RECORD = Qt.ItemDataRole.UserRole


class _DateDelegate(QStyledItemDelegate):
    """Edits a table cell holding an optional date, shown as its text (2026-03-02)."""

    def createEditor(self, parent, option, index):
        return DateInput(parent)

    def setEditorData(self, editor, index):
        editor.set_value(parse_date(index.data() or ""))

    def setModelData(self, editor, model, index):
        model.setData(index, _date_text(editor.value()), Qt.ItemDataRole.DisplayRole)


def _date_text(value: dt.date | str | None) -> str:
    return value.isoformat() if isinstance(value, dt.date) else (value or "")


class CampaignDialog(QDialog):
    """A campaign with its aims and its phases; saved in one transaction on OK.

    A refused save leaves the dialog open with the message; ``campaign`` is the
    saved record after acceptance.
    """

    NAME, START, END = range(3)

    def __init__(self, unit: r.Unit, campaign: r.Campaign | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.unit, self.campaign = unit, campaign
        self._removed: list[r.Phase] = []
        self.setWindowTitle(self.tr("Edit campaign") if campaign else self.tr("New campaign"))
        self.resize(640, 520)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._campaign_form(campaign))
        layout.addWidget(self._phase_box(), 1)
        layout.addWidget(buttons)
        self._load_phases(campaign)

    def _campaign_form(self, campaign: r.Campaign | None) -> QFormLayout:
        self.name_edit = QLineEdit(campaign.name if campaign else "")
        self.start_edit = DateInput()
        self.start_edit.set_value(campaign.start_date if campaign else dt.date.today())
        self.end_edit = DateInput()
        self.end_edit.set_value(campaign.end_date if campaign else None)
        self.aims_edit = QPlainTextEdit(campaign.aims if campaign else "")
        self.aims_edit.setTabChangesFocus(True)
        self.aims_edit.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(translate("Field", r.Campaign.name.verbose_name), self.name_edit)
        form.addRow(translate("Field", r.Campaign.start_date.verbose_name), self.start_edit)
        form.addRow(translate("Field", r.Campaign.end_date.verbose_name), self.end_edit)
        form.addRow(translate("Field", r.Campaign.aims.verbose_name), self.aims_edit)
        return form

    def _phase_box(self) -> QGroupBox:
        self.phases = QStandardItemModel(0, 3, self)
        self.phases.setHorizontalHeaderLabels([translate("Field", r.Phase.name.verbose_name),
                                               translate("Field", r.Phase.start_date.verbose_name),
                                               translate("Field", r.Phase.end_date.verbose_name)])
        self.phase_view = QTableView()
        self.phase_view.setModel(self.phases)
        self.phase_view.setItemDelegateForColumn(self.START, _DateDelegate(self.phase_view))
        self.phase_view.setItemDelegateForColumn(self.END, _DateDelegate(self.phase_view))
        self.phase_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.phase_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.phase_view.horizontalHeader().setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        self.phase_view.verticalHeader().setVisible(False)
        phase_buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add phase"), lambda: self.add_phase("")),
                           (self.tr("Remove phase"), self.remove_phase),
                           (self.tr("Move up"), lambda: self.move_phase(-1)),
                           (self.tr("Move down"), lambda: self.move_phase(1))):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            phase_buttons.addWidget(button)
        phase_buttons.addStretch(1)
        box = QGroupBox(self.tr("Phases (double-click or F2 to edit a cell)"))
        column = QVBoxLayout(box)
        column.addWidget(self.phase_view)
        column.addLayout(phase_buttons)
        return box

    def _load_phases(self, campaign: r.Campaign | None) -> None:
        if campaign is None:
            for name in vocab.DEFAULT_PHASES:
                self.add_phase(translate("Vocabulary", name))
            return
        for phase in (r.Phase.select().where(r.Phase.campaign == campaign, r.Phase.deleted_at.is_null())
                      .order_by(r.Phase.position, r.Phase.start_date)):
            self.add_phase(phase.name, phase.start_date, phase.end_date, phase)

    # the phases table
    def add_phase(self, name: str, start: dt.date | None = None, end: dt.date | None = None,
                  record: r.Phase | None = None) -> None:
        name_item = QStandardItem(name)
        name_item.setData(record, RECORD)
        self.phases.appendRow([name_item, QStandardItem(_date_text(start)), QStandardItem(_date_text(end))])

    def remove_phase(self) -> None:
        row = self.phase_view.currentIndex().row()
        if row >= 0:
            record = self.phases.item(row, self.NAME).data(RECORD)
            if record is not None:
                self._removed.append(record)
            self.phases.removeRow(row)

    def move_phase(self, step: int) -> None:
        row = self.phase_view.currentIndex().row()
        if row >= 0 and 0 <= row + step < self.phases.rowCount():
            items = self.phases.takeRow(row)
            self.phases.insertRow(row + step, items)
            self.phase_view.setCurrentIndex(self.phases.index(row + step, self.NAME))

    def phase_rows(self) -> list[tuple[str, dt.date | str | None, dt.date | str | None, r.Phase | None]]:
        """(name, start, end, record) of every row that is not left wholly empty.

        A date that cannot be read stays text, for the validation to name.
        """
        rows = []
        for row in range(self.phases.rowCount()):
            name = self.phases.item(row, self.NAME).text()
            start, end = (parse_date(self.phases.item(row, column).text())
                          for column in (self.START, self.END))
            record = self.phases.item(row, self.NAME).data(RECORD)
            if name.strip() or start or end or record is not None:
                rows.append((name, start, end, record))
        return rows

    # saving
    def values(self) -> dict[str, Any]:
        return {"unit": self.unit.id, "name": self.name_edit.text(), "start_date": self.start_edit.value(),
                "end_date": self.end_edit.value(), "aims": self.aims_edit.toPlainText()}

    def accept(self) -> None:
        self.phase_view.setCurrentIndex(self.phases.index(-1, -1))  # commits a cell being edited
        saved = guarded(self, self._save)
        if saved is not None:
            self.campaign = saved
            super().accept()

    def _save(self) -> r.Campaign:
        with r.database.atomic():
            campaign = store.save(r.Campaign, self.values(), self.campaign)
            for phase in self._removed:
                store.delete(phase)
            for position, (name, start, end, record) in enumerate(self.phase_rows()):
                store.save(r.Phase, {"campaign": campaign.id, "name": name, "start_date": start,
                                     "end_date": end, "position": position}, record)
        self._removed = []
        return campaign
