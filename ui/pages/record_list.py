"""One page of the window: a list of records with its search, filters and actions."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import lists, store
from models.lists import ListSpec
from models.records import BaseModel, Campaign
from ui.common import confirm, guarded, settings, translate
from ui.widgets.choices import campaign_choices, chosen_key, fill_choices, filter_box, village_choices
from ui.widgets.date_input import DateInput
from ui.widgets.record_table import RecordTableModel


def ask(dialog):
    """``ui.forms.ask``: the forms are imported when one is first opened, not to show a list."""
    from ui.forms import ask as ask_form

    return ask_form(dialog)


class RecordPage(QWidget):
    """The list of one kind of record: find, enter, correct, delete."""

    changed = Signal()  # records were written: other pages may show them differently
    raise_rectification = Signal(object)  # a visit or suggestion to raise one from

    def __init__(self, spec: ListSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.model = RecordTableModel(spec, self)
        self.shown = False  # its rows were read since the data file was opened
        self._select_after: UUID | None = None
        self._current_campaign: Campaign | None = None  # the one the campaign filter last followed
        self.extra_actions: list[tuple[str, Callable[[], None]]] = []
        self.model.loading.connect(lambda: self.count.setText(translate("Lists", "Searching…")))
        self.model.first_rows.connect(lambda _n: self.count.setText(
            translate("Lists", "Searching the other fields too…") if self.model.partial
            else translate("Lists", "Counting…")))
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(lambda text: self.count.setText(
            translate("Lists", "The list could not be read: {error}").format(error=text)))
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_bar())
        layout.addLayout(self._action_bar())
        layout.addWidget(self._table_view(), 1)

    # --- building ---------------------------------------------------------------

    def _filter_bar(self) -> QHBoxLayout:
        """The search box, then the filters this list has: campaign, village, a choice, dates."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Lists", "Search…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        spec = self.spec
        self.campaign = filter_box() if spec.campaign is not None else None
        self.village = filter_box() if spec.by_village else None
        self.choice = self._choice_filter() if spec.choice is not None else None
        self.date_from = DateInput() if spec.date is not None else None
        self.date_to = DateInput() if spec.date is not None else None
        self.reload_filter_choices()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for widget in (self.campaign, self.village, self.choice):
            if widget is not None:
                widget.currentIndexChanged.connect(self.apply_filters)
                filters.addWidget(widget, 1)
        if self.date_from is not None and self.date_to is not None:
            for text, date_input in ((translate("Lists", "From"), self.date_from),
                                     (translate("Lists", "to"), self.date_to)):
                filters.addWidget(QLabel(text))
                filters.addWidget(date_input)
                date_input.edited.connect(self.apply_filters)
        return filters

    def _choice_filter(self) -> QComboBox:
        combo = QComboBox()
        what = translate("Field", self.spec.choice_title)
        combo.addItem(translate("Lists", "All: {what}").format(what=what), None)
        for code, label in self.spec.choice_vocabulary.items():
            combo.addItem(label, code)
        if self.spec is lists.RECTIFICATIONS:
            combo.addItem(translate("Lists", "Overdue"), lists.OVERDUE)
        return combo

    def _action_bar(self) -> QHBoxLayout:
        """New, Edit, Delete (and the page's own actions after them), the count on the right."""
        self.new_button = QPushButton(translate("Lists", "New"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(translate("Lists", "New record (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton(translate("Lists", "Edit"))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton(translate("Lists", "Delete"))
        self.delete_button.setToolTip(translate("Lists", "Move to the recycle bin (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.count = QLabel()
        # A condition set from outside (a figure of the overview): shown, and cleared with one click.
        self.extra_filter = QPushButton()
        self.extra_filter.setFlat(True)
        self.extra_filter.setStyleSheet("color: #1a5fb4;")
        self.extra_filter.setToolTip(translate("Lists", "Click to show all records again"))
        self.extra_filter.clicked.connect(self.clear_extra_filter)
        self.extra_filter.hide()
        actions = self.action_bar = QHBoxLayout()
        for widget in (self.new_button, self.edit_button, self.delete_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.extra_filter)
        actions.addWidget(self.count)
        return actions

    def _table_view(self) -> QTableView:
        """The rows: sortable by the columns that can be sorted, Enter edits, Delete deletes."""
        spec = self.spec
        view = self.view = QTableView()
        view.setModel(self.model)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(26)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSortIndicator(
            next(i for i, c in enumerate(spec.columns) if c.key == spec.default_sort[0]),
            Qt.SortOrder.DescendingOrder if spec.default_sort[1] else Qt.SortOrder.AscendingOrder)
        metrics = view.fontMetrics()
        for index, column in enumerate(spec.columns):
            # digits are half as wide as Chinese characters
            sample = "0" if column.kind in ("date", "time", "int") else "国"
            view.setColumnWidth(index, metrics.horizontalAdvance(sample) * column.width + 16)
        view.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_changed)
        view.doubleClicked.connect(lambda _i: self.edit_current())
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        for keys, slot in (([QKeySequence(QKeySequence.StandardKey.Delete)], self.delete_selected),
                           ([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
                            self.edit_current)):
            action = QAction(view)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            view.addAction(action)
        return view

    # --- filters --------------------------------------------------------------

    def reload_filter_choices(self) -> None:
        """Campaigns and villages may have changed in 设置; a new current campaign is shown."""
        current = store.current_campaign()
        previous, self._current_campaign = self._current_campaign, current
        follow = current is not None and (previous is None or previous.id != current.id)
        for combo, all_text, choices, default in (
                (self.campaign, translate("Lists", "All campaigns"), campaign_choices,
                 current.id.hex if current else None),
                (self.village, translate("Lists", "All villages"), village_choices, None)):
            if combo is None:
                continue
            keep = combo.currentData() if combo.count() else default
            if combo is self.campaign and follow:
                keep = default
            fill_choices(combo, choices(), all_text, keep)

    def show_filtered(self, *, campaign: UUID | None = None, village: UUID | None = None,
                      choice: str | None = None, date_from=None, date_to=None,
                      extra: list | None = None, label: str = "") -> None:
        """Show the records behind a figure: these filters, the search box emptied."""
        for combo, value in ((self.campaign, campaign), (self.village, village), (self.choice, choice)):
            if combo is not None:
                combo.blockSignals(True)
                wanted = value.hex if isinstance(value, UUID) else value
                combo.setCurrentIndex(max(combo.findData(wanted), 0))
                combo.blockSignals(False)
        if self.date_from is not None:
            self.date_from.set_value(date_from)
            self.date_to.set_value(date_to)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.filters.extra = list(extra or [])
        self.extra_filter.setText(translate("Lists", "Only: {what} ✕").format(what=label))
        self.extra_filter.setVisible(bool(extra))
        self.shown = True
        self.apply_filters()

    def clear_extra_filter(self) -> None:
        self.model.filters.extra = []
        self.extra_filter.hide()
        self.apply_filters()

    def apply_filters(self, *_args, wait: bool = False) -> None:
        f = self.model.filters
        f.text = self.search.text()
        f.campaign = chosen_key(self.campaign) if self.campaign is not None else None
        f.village = chosen_key(self.village) if self.village is not None else None
        f.choice = self.choice.currentData() if self.choice is not None else None
        if self.date_from is not None:
            start, end = self.date_from.value(), self.date_to.value()
            f.date_from = start if not isinstance(start, str) else None
            f.date_to = end if not isinstance(end, str) else None
        self.model.reload(wait=wait)

    def _sort_indicator_changed(self, section: int, _order) -> None:
        """A column that cannot be sorted does not sort: its header shows no order either."""
        if section < len(self.spec.columns) and not self.spec.columns[section].sortable:
            key, descending = self.model.sort_key
            self.view.horizontalHeader().setSortIndicator(
                next(i for i, c in enumerate(self.spec.columns) if c.key == key),
                Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)

    def _loaded(self, rows: int) -> None:
        self.count.setText(translate("Lists", "{n} records").format(n=f"{rows:,}"))
        if self._select_after is not None:
            self._select_saved()

    # --- records --------------------------------------------------------------

    def current_id(self) -> UUID | None:
        index = self.view.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[UUID]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [key for key in (self.model.record_id(row) for row in rows) if key is not None]

    def current_record(self) -> BaseModel | None:
        key = self.current_id()
        return self.spec.model.get_or_none(self.spec.model.id == key) if key else None

    def open_dialog(self, record: BaseModel | None = None, initial: dict | None = None):
        from ui.forms import DIALOGS

        dialog = DIALOGS[self.spec.model](self, record, initial)
        saved = ask(dialog)
        if saved is not None:
            self.after_change(saved)
        return saved

    def new_record(self) -> None:
        self.open_dialog()

    def edit_current(self) -> None:
        record = self.current_record()
        if record is not None:
            self.open_dialog(record)

    def delete_selected(self) -> None:
        keys = self.selected_ids()
        if not keys:
            return
        records = list(self.spec.model.select().where(self.spec.model.id.in_(keys)))
        text = (translate("Lists", "Move “{what}” to the recycle bin?").format(
            what=store.describe(records[0]))
                if len(records) == 1 else
                translate("Lists", "Move {n} records to the recycle bin?").format(n=len(records)))
        if not confirm(self, translate("Lists", "Delete"), text + "\n" + translate(
                "Lists", "They can be restored from the recycle bin.")):
            return
        done = 0
        for record in records:
            guarded(self, lambda rec=record: store.delete(rec))
            done += record.deleted_at is not None
        if done:
            self.after_change(None)

    # A list this long is read again in the background after a change (a county's
    # million visits take seconds); a shorter one at once, so the new row is there.
    WAIT_BELOW = 50_000

    def after_change(self, record: BaseModel | None) -> None:
        self._select_after = record.id if record is not None else None
        self.model.reload(wait=self.model.complete and self.model.rowCount() < self.WAIT_BELOW)
        self.changed.emit()

    def _select_saved(self) -> None:
        key, self._select_after = self._select_after, None
        row = self.model.row_of(key) if key is not None else None
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def add_action(self, text: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(action)
        self.action_bar.insertWidget(3 + len(self.extra_actions), button)
        self.extra_actions.append((text, action))
        return button

    def _context_menu(self, position) -> None:
        menu = QMenu(self)
        menu.addAction(translate("Lists", "Edit"), self.edit_current)
        menu.addAction(translate("Lists", "Delete"), self.delete_selected)
        for text, action in self.extra_actions:
            menu.addAction(text, action)
        menu.exec(self.view.viewport().mapToGlobal(position))

    # --- layout kept between runs -----------------------------------------------

    def restore_layout(self) -> None:
        state = settings().value(f"lists/{self.spec.key}/header")
        header = self.view.horizontalHeader()
        if isinstance(state, QByteArray | bytes) and header.restoreState(state):
            column = self.spec.columns[header.sortIndicatorSection()] \
                if header.sortIndicatorSection() < len(self.spec.columns) else None
            if column is not None and column.sortable:
                self.model.sort_key = (column.key,
                                       header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)

    def save_layout(self) -> None:
        settings().setValue(f"lists/{self.spec.key}/header",
                            self.view.horizontalHeader().saveState())

