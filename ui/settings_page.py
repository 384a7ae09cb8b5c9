"""设置: the office itself, its villages and groups, its categories and its campaigns.

Everything here is written through ``models.store``, so the same validation
messages appear as anywhere else; deletes go to the recycle bin and are refused
while records still use the row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models import records as r
from models import store, vocab
from models.i18n import translate
from models.records import BaseModel
from ui.common import from_qdate, guarded, to_qdate

RECORD = Qt.ItemDataRole.UserRole
DATE_FORMAT = "yyyy-MM-dd"


def _fill_combo(combo: QComboBox, vocabulary: vocab.Vocabulary) -> None:
    for code, label in vocabulary.items():
        combo.addItem(label, code)


def _select_code(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))


# --- an optional date ------------------------------------------------------

class OptionalDateEdit(QDateEdit):
    """A date that may be left empty: the empty value shows as a blank field.

    Delete clears it; typing or the calendar starts from today.
    """

    EMPTY = QDate(1900, 1, 1)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_FORMAT)
        self.setMinimumDate(self.EMPTY)
        self.setSpecialValueText(" ")
        self.setToolTip(self.tr("Leave empty if not known; Delete clears the date."))
        self.setDate(self.EMPTY)
        self.calendarWidget().installEventFilter(self)

    def value(self) -> dt.date | None:
        return None if self.date() == self.EMPTY else from_qdate(self.date())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(to_qdate(value) if value else self.EMPTY)

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Delete:
            self.setDate(self.EMPTY)
            return
        typed = event.text().isdigit()
        if self.date() == self.EMPTY and (typed or event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)):
            self.setDate(QDate.currentDate())
            if typed:
                self.setSelectedSection(QDateEdit.Section.YearSection)
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and \
                self.date() == self.EMPTY:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return False


class _DateDelegate(QStyledItemDelegate):
    """Edits a table cell holding an optional date (kept as QDate under RECORD)."""

    def createEditor(self, parent, option, index):
        return OptionalDateEdit(parent)

    def setEditorData(self, editor, index):
        value = index.data(RECORD)
        editor.set_value(from_qdate(value) if isinstance(value, QDate) else None)

    def setModelData(self, editor, model, index):
        value = editor.value()
        model.setData(index, to_qdate(value) if value else None, RECORD)
        model.setData(index, value.isoformat() if value else "", Qt.ItemDataRole.DisplayRole)


# --- a list of named rows in the user's order ------------------------------

class NameListEditor(QGroupBox):
    """Villages, groups or categories: add, rename in place (F2), delete, reorder.

    ``rows`` gives the live records in order, or None when there is nothing to
    list under (no village chosen); ``new_values`` the values of a new row.
    """

    changed = Signal()
    current_changed = Signal(object)

    def __init__(self, title: str, model: type[BaseModel], rows: Callable[[], list[BaseModel] | None],
                 new_values: Callable[[str], dict[str, Any]], parent: QWidget | None = None):
        super().__init__(title, parent)
        self.model, self._rows, self._new_values = model, rows, new_values
        self.records: list[BaseModel] = []
        self.list = QListWidget()
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.currentRowChanged.connect(self._on_list_row_changed)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("New name, then Enter"))
        self.name_edit.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton(self.tr("Rename"))
        self.rename_button.setToolTip(self.tr("Or press F2 in the list"))
        self.rename_button.clicked.connect(self._on_rename_clicked)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Or press Delete in the list; deleted rows go to the "
                                              "recycle bin"))
        self.delete_button.clicked.connect(self.delete_current)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setToolTip(self.tr("Ctrl+Up in the list"))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setToolTip(self.tr("Ctrl+Down in the list"))
        self.down_button.clicked.connect(lambda: self.move(1))
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.delete_current),
                           (QKeySequence("Ctrl+Up"), lambda: self.move(-1)),
                           (QKeySequence("Ctrl+Down"), lambda: self.move(1))):
            shortcut = QShortcut(keys, self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        adding = QHBoxLayout()
        adding.addWidget(self.name_edit, 1)
        adding.addWidget(self.add_button)
        buttons = QHBoxLayout()
        for button in (self.rename_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(adding)
        self._update_buttons()

    def refresh(self, select: Any = None) -> None:
        """Reload the rows; keep (or move to) the row whose key is ``select``."""
        current = self.current()
        keep = select if select is not None else (current.id if current is not None else None)
        rows = self._rows()
        self.records = list(rows or [])
        self.setEnabled(rows is not None)
        self.list.blockSignals(True)
        self.list.clear()
        for record in self.records:
            item = QListWidgetItem(record.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        keys = [record.id for record in self.records]
        self.list.setCurrentRow(keys.index(keep) if keep in keys else (0 if keys else -1))
        self.list.blockSignals(False)
        self._update_buttons()
        self.current_changed.emit(self.current())

    def current(self) -> BaseModel | None:
        row = self.list.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def add(self) -> None:
        name = self.name_edit.text()
        if self._rows() is None:
            return
        position = max((record.position for record in self.records), default=-1) + 1
        record = guarded(self, lambda: store.save(self.model, {**self._new_values(name),
                                                               "name": name, "position": position}))
        if record is not None:
            self.name_edit.clear()
            self.refresh(select=record.id)
            self.changed.emit()

    def delete_current(self) -> None:
        record = self.current()
        if record is not None and guarded(self, lambda: store.delete(record) or True):
            self.refresh()
            self.changed.emit()

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        if not (0 <= row < len(self.records) and 0 <= row + step < len(self.records)):
            return
        order = list(self.records)
        order[row], order[row + step] = order[row + step], order[row]

        def renumber():
            with r.database.atomic():
                for position, record in enumerate(order):
                    if record.position != position:
                        store.save(self.model, {"position": position}, record)
            return True

        if guarded(self, renumber):
            self.refresh(select=order[row + step].id)
            self.changed.emit()

    def _on_rename_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        record = self.records[self.list.row(item)]
        if item.text() == record.name:
            return
        saved = guarded(self, lambda: store.save(self.model, {"name": item.text()}, record))
        self.list.blockSignals(True)  # show the stored spelling, or the old name if refused
        item.setText(record.name)
        self.list.blockSignals(False)
        if saved is not None:
            self.changed.emit()

    def _on_list_row_changed(self, _row: int) -> None:
        self._update_buttons()
        self.current_changed.emit(self.current())

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), len(self.records)
        for button in (self.rename_button, self.delete_button):
            button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)


def _live(query) -> list:
    return list(query.where(query.model.deleted_at.is_null()).order_by(
        query.model.position, query.model.created_at))


# --- the tabs ----------------------------------------------------------------

class UnitTab(QWidget):
    """本单位: the office's name, level and phone."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.level_combo = QComboBox()
        _fill_combo(self.level_combo, vocab.UNIT_LEVELS)
        self.phone_edit = QLineEdit()
        self.operator_edit = QLineEdit()  # who makes the changes on this laptop, for the history
        self.operator_edit.setPlaceholderText(self.tr("Your name, recorded with every change"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        for edit in (self.name_edit, self.phone_edit, self.operator_edit):
            edit.returnPressed.connect(self.save)
        form = QFormLayout()
        form.addRow(translate("Field", r.Unit.name.verbose_name), self.name_edit)
        form.addRow(translate("Field", r.Unit.level.verbose_name), self.level_combo)
        form.addRow(translate("Field", r.Unit.phone.verbose_name), self.phone_edit)
        form.addRow(self.tr("Operator"), self.operator_edit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def refresh(self) -> None:
        unit = store.current_unit()
        self.setEnabled(unit is not None)
        self.name_edit.setText(unit.name if unit else "")
        _select_code(self.level_combo, unit.level if unit else None)
        self.phone_edit.setText(unit.phone if unit else "")
        self.operator_edit.setText(store.get_setting("operator"))

    def save(self) -> None:
        store.set_setting("operator", self.operator_edit.text().strip())
        unit = store.current_unit()
        if unit is None:
            return
        values = {"name": self.name_edit.text(), "level": self.level_combo.currentData(),
                  "phone": self.phone_edit.text()}
        if guarded(self, lambda: store.save(r.Unit, values, unit)) is not None:
            self.refresh()
            self.changed.emit()


class PlacesTab(QWidget):
    """村（社区）与村民小组: the villages of the unit and the groups of the chosen village."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.villages = NameListEditor(
            translate("Field", r.Village.name.verbose_name), r.Village, self._village_rows,
            lambda _name: {"unit": store.current_unit().id, "kind": self.kind_combo.currentData()})
        self.groups = NameListEditor(
            translate("Field", r.VillageGroup.name.verbose_name), r.VillageGroup, self._group_rows,
            lambda _name: {"village": self.villages.current().id})
        self.kind_combo = QComboBox()
        _fill_combo(self.kind_combo, vocab.VILLAGE_KINDS)
        self.kind_combo.setToolTip(self.tr("A new village takes this kind; changing it changes the "
                                           "selected village."))
        self.kind_combo.activated.connect(self._on_kind_combo_activated)
        kind_row = QFormLayout()
        kind_row.addRow(translate("Field", r.Village.kind.verbose_name), self.kind_combo)
        self.villages.layout().insertLayout(1, kind_row)
        self.villages.current_changed.connect(self._on_villages_current_changed)
        self.villages.changed.connect(self.changed)
        self.groups.changed.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.addWidget(self.villages, 1)
        layout.addWidget(self.groups, 1)

    def refresh(self) -> None:
        self.villages.refresh()  # its current_changed refreshes the groups

    def _village_rows(self) -> list[r.Village] | None:
        unit = store.current_unit()
        return None if unit is None else _live(r.Village.select().where(r.Village.unit == unit))

    def _group_rows(self) -> list[r.VillageGroup] | None:
        village = self.villages.current()
        if village is None:
            return None
        return _live(r.VillageGroup.select().where(r.VillageGroup.village == village))

    def _on_villages_current_changed(self, village: r.Village | None) -> None:
        if village is not None:
            _select_code(self.kind_combo, village.kind)
        self.groups.refresh()

    def _on_kind_combo_activated(self, _index: int) -> None:
        village = self.villages.current()
        kind = self.kind_combo.currentData()
        if village is None or village.kind == kind:
            return
        if guarded(self, lambda: store.save(r.Village, {"kind": kind}, village)) is not None:
            self.villages.refresh()
            self.changed.emit()


class CategoriesTab(QWidget):
    """类别: the suggestion categories and the problem categories the user keeps."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        self.editors: dict[str, NameListEditor] = {}
        for kind in vocab.CATEGORY_KINDS:
            editor = NameListEditor(vocab.CATEGORY_KINDS.label(kind), r.Category,
                                    self._rows_of(kind), self._new_values_of(kind))
            editor.changed.connect(self.changed)
            layout.addWidget(editor, 1)
            self.editors[kind] = editor

    @staticmethod
    def _rows_of(kind: str) -> Callable[[], list[r.Category] | None]:
        def rows():
            unit = store.current_unit()
            return None if unit is None else _live(r.Category.select().where(
                r.Category.unit == unit, r.Category.kind == kind))
        return rows

    @staticmethod
    def _new_values_of(kind: str) -> Callable[[str], dict[str, Any]]:
        return lambda _name: {"unit": store.current_unit().id, "kind": kind}

    def refresh(self) -> None:
        for editor in self.editors.values():
            editor.refresh()


class CampaignsTab(QWidget):
    """活动: the unit's campaigns, each edited in a dialog; one of them is current."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.campaigns: list[r.Campaign] = []
        self.current_label = QLabel()
        self.list = QListWidget()
        self.list.itemActivated.connect(lambda _item: self.edit_current())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.delete_current)
        self.new_button = QPushButton(self.tr("New campaign…"))
        self.new_button.clicked.connect(self.new_campaign)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_current)
        self.current_button = QPushButton(self.tr("Set as current campaign"))
        self.current_button.clicked.connect(self.make_current)
        buttons = QVBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button, self.current_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current_label)
        layout.addLayout(row, 1)

    def refresh(self, select: Any = None) -> None:
        unit = store.current_unit()
        self.setEnabled(unit is not None)
        chosen = self.current()
        keep = select if select is not None else (chosen.id if chosen is not None else None)
        self.campaigns = [] if unit is None else list(
            r.Campaign.select().where(r.Campaign.unit == unit, r.Campaign.deleted_at.is_null())
            .order_by(r.Campaign.start_date.desc()))
        current = store.current_campaign()
        self.current_label.setText(self.tr("Current campaign: {name}").format(
            name=current.name if current else self.tr("none")))
        self.list.clear()
        for campaign in self.campaigns:
            text = f"{campaign.name}  {campaign.start_date.isoformat()} – " + (
                campaign.end_date.isoformat() if campaign.end_date else "")
            item = QListWidgetItem(text)
            if current is not None and campaign.id == current.id:
                item.setText(self.tr("{campaign} (current)").format(campaign=text))
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        keys = [campaign.id for campaign in self.campaigns]
        self.list.setCurrentRow(keys.index(keep) if keep in keys else (0 if keys else -1))
        self._update_buttons()

    def current(self) -> r.Campaign | None:
        row = self.list.currentRow()
        return self.campaigns[row] if 0 <= row < len(self.campaigns) else None

    def new_campaign(self) -> None:
        unit = store.current_unit()
        if unit is not None:
            self._run_dialog(CampaignDialog(unit, None, self))

    def edit_current(self) -> None:
        campaign = self.current()
        if campaign is not None:
            self._run_dialog(CampaignDialog(campaign.unit, campaign, self))

    def _run_dialog(self, dialog: CampaignDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.campaign is not None:
            self.refresh(select=dialog.campaign.id)
            self.changed.emit()

    def delete_current(self) -> None:
        campaign = self.current()
        if campaign is not None and guarded(self, lambda: store.delete(campaign) or True):
            self.refresh()
            self.changed.emit()

    def make_current(self) -> None:
        campaign = self.current()
        if campaign is not None:
            store.set_current(campaign=campaign)
            self.refresh(select=campaign.id)
            self.changed.emit()

    def _update_buttons(self) -> None:
        chosen = self.list.currentRow() >= 0
        for button in (self.edit_button, self.delete_button, self.current_button):
            button.setEnabled(chosen)


# --- the campaign dialog -----------------------------------------------------

class CampaignDialog(QDialog):
    """A campaign with its aims and its phases; saved in one transaction on OK.

    A refused save leaves the dialog open with the message; ``campaign`` is the
    saved record after acceptance.
    """

    NAME, START, END = range(3)

    def __init__(self, unit: r.Unit, campaign: r.Campaign | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.unit, self.campaign = unit, campaign
        self.setWindowTitle(self.tr("Edit campaign") if campaign else self.tr("New campaign"))
        self.resize(640, 520)
        self.name_edit = QLineEdit(campaign.name if campaign else "")
        self.start_edit = QDateEdit(to_qdate(campaign.start_date) if campaign else QDate.currentDate())
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat(DATE_FORMAT)
        self.end_edit = OptionalDateEdit()
        self.end_edit.set_value(campaign.end_date if campaign else None)
        self.aims_edit = QPlainTextEdit(campaign.aims if campaign else "")
        self.aims_edit.setTabChangesFocus(True)
        self.aims_edit.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(translate("Field", r.Campaign.name.verbose_name), self.name_edit)
        form.addRow(translate("Field", r.Campaign.start_date.verbose_name), self.start_edit)
        form.addRow(translate("Field", r.Campaign.end_date.verbose_name), self.end_edit)
        form.addRow(translate("Field", r.Campaign.aims.verbose_name), self.aims_edit)

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
        self._removed: list[r.Phase] = []
        if campaign is None:
            for name in vocab.DEFAULT_PHASES:
                self.add_phase(translate("Vocabulary", name))
        else:
            for phase in (r.Phase.select().where(r.Phase.campaign == campaign,
                                                 r.Phase.deleted_at.is_null())
                          .order_by(r.Phase.position, r.Phase.start_date)):
                self.add_phase(phase.name, phase.start_date, phase.end_date, phase)
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
        phase_box = QGroupBox(self.tr("Phases (double-click or F2 to edit a cell)"))
        phase_layout = QVBoxLayout(phase_box)
        phase_layout.addWidget(self.phase_view)
        phase_layout.addLayout(phase_buttons)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(phase_box, 1)
        layout.addWidget(buttons)

    # the phases table
    def add_phase(self, name: str, start: dt.date | None = None, end: dt.date | None = None,
                  record: r.Phase | None = None) -> None:
        name_item = QStandardItem(name)
        name_item.setData(record, RECORD)
        row = [name_item]
        for value in (start, end):
            item = QStandardItem(value.isoformat() if value else "")
            item.setData(to_qdate(value) if value else None, RECORD)
            row.append(item)
        self.phases.appendRow(row)

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

    def phase_rows(self) -> list[tuple[str, dt.date | None, dt.date | None, r.Phase | None]]:
        """(name, start, end, record) of every row that is not left wholly empty."""
        rows = []
        for row in range(self.phases.rowCount()):
            name = self.phases.item(row, self.NAME).text()
            start, end = (self.phases.item(row, column).data(RECORD) for column in (self.START, self.END))
            start = from_qdate(start) if isinstance(start, QDate) else None
            end = from_qdate(end) if isinstance(end, QDate) else None
            record = self.phases.item(row, self.NAME).data(RECORD)
            if name.strip() or start or end or record is not None:
                rows.append((name, start, end, record))
        return rows

    # saving
    def values(self) -> dict[str, Any]:
        return {"unit": self.unit.id, "name": self.name_edit.text(),
                "start_date": from_qdate(self.start_edit.date()), "end_date": self.end_edit.value(),
                "aims": self.aims_edit.toPlainText()}

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


# --- the page ------------------------------------------------------------------

class SettingsPage(QWidget):
    """设置: one tab per thing the office sets up once and changes rarely."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.unit_tab = UnitTab()
        self.places_tab = PlacesTab()
        self.categories_tab = CategoriesTab()
        self.campaigns_tab = CampaignsTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.unit_tab, self.tr("This unit"))
        self.tabs.addTab(self.places_tab, self.tr("Villages (communities) and groups"))
        self.tabs.addTab(self.categories_tab, self.tr("Categories"))
        self.tabs.addTab(self.campaigns_tab, self.tr("Campaigns"))
        for tab in (self.unit_tab, self.places_tab, self.categories_tab, self.campaigns_tab):
            tab.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.refresh()

    def refresh(self) -> None:
        """Read everything again (after another page changed it, or another file was opened)."""
        if r.database.is_closed():
            return
        self.unit_tab.refresh()
        self.places_tab.refresh()
        self.categories_tab.refresh()
        self.campaigns_tab.refresh()
