"""A record list as a Qt table model: the first rows at once, the whole list after, rows on demand.

``models.lists.RecordList`` gives the row ids of a list in display order (a
compact array, a million visits included) and reads only the rows asked for.
A new search or sort reads the first page of ids and their rows on a worker
thread, shows them, then reads the ids of the whole list (and so its count)
on a worker again: the first rows never wait for the million behind them.
A search of 1 or 2 characters finds its first rows in the names, villages and
groups (indexed); the long text (a scan of every row) joins with the whole list.
Rows are read a page at a time on the GUI thread when the view paints them.
"""

from __future__ import annotations

from array import array
from uuid import UUID

from peewee import Column as SqlColumn
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from models import sqlite
from models.lists import ListFilter, ListSpec, RecordList
from ui.jobs import BackgroundJob, run_here, run_in_background

PAGE = 128
OVERDUE_COLOR = QColor("#b3261e")


class RecordTableModel(QAbstractTableModel):
    """The rows of one ``ListSpec`` under the current filters and sort."""

    loading = Signal()
    first_rows = Signal(int)  # the first rows are shown; how many (the count follows, see partial)
    loaded = Signal(int)  # the whole list is there: its row count
    failed = Signal(str)

    def __init__(self, spec: ListSpec, parent: QObject | None = None):
        super().__init__(parent)
        self.spec = spec
        self.filters = ListFilter()
        self.sort_key: tuple[str, bool] = spec.default_sort
        self._keys = array("q")
        self._rows: dict[int, tuple] = {}
        self._generation = 0
        self._active = False  # read once: a new sort reads the list again (not before: a page being built)
        self._job: BackgroundJob | None = None  # the reading under way
        self.complete = False  # every row id of the list is there (not only the first page)
        self.partial = False  # the first rows shown may lack rows found only in the long text
        self._overdue = next((i for i, c in enumerate(spec.columns) if c.kind == "flag"), None)

    # --- loading --------------------------------------------------------------

    def reload(self, *, wait: bool = False) -> None:
        """Run the list's query again; ``wait`` loads all of it on this thread (tests, after a save)."""
        self._active = True
        self._generation += 1
        generation = self._generation
        if self._job is not None:
            self._job.cancel()  # an older list being read is not wanted any more
            self._job = None
        records = RecordList(self.spec, self.filters, self.sort_key)
        self.complete = self.partial = False
        self.loading.emit()
        if wait:
            run_here(lambda _job: records.keys(), lambda keys: self._on_loaded(generation, keys),
                     lambda error: self._on_failed(generation, error))
            return
        self._job = run_in_background(
            lambda _job: self._first_page(records), lambda page: self._on_first(generation, records, page),
            lambda error: self._on_failed(generation, error), owner=self)

    @staticmethod
    def _first_page(records: RecordList) -> tuple[array, dict[int, tuple], bool]:
        keys = records.keys(limit=PAGE + 1)  # one more: is there anything after the first page?
        return keys, records.fetch(keys[:PAGE]), records.first_rows_partial()

    def _on_first(self, generation: int, records: RecordList,
                  page: tuple[array, dict[int, tuple], bool]) -> None:
        if generation != self._generation:
            return
        keys, rows, self.partial = page
        self._job = None
        self.beginResetModel()
        self._keys = keys[:PAGE]
        self._rows = rows
        self.endResetModel()
        if len(keys) <= PAGE and not self.partial:  # that was all of it
            self.complete = True
            self.loaded.emit(len(keys))
            return
        self.first_rows.emit(PAGE)
        self._job = run_in_background(
            lambda job: records.keys(stop=job.cancelled), lambda keys: self._on_loaded(generation, keys),
            lambda error: self._on_failed(generation, error), owner=self)

    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:  # reported to the page, which shows it
            self._job = None
            self.failed.emit(str(error))

    def _on_loaded(self, generation: int, keys: array) -> None:
        if generation != self._generation:
            return  # a newer search has started meanwhile
        self._job = None
        shown = len(self._keys)
        if shown and keys[:shown] == self._keys and len(keys) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(keys) - 1)  # the rows on screen stay as they are
            self._keys = keys
            self.endInsertRows()
        else:
            self.beginResetModel()
            self._keys = keys
            self._rows = {}
            self.endResetModel()
        self.complete = True
        self.loaded.emit(len(keys))

    def _row(self, row: int) -> tuple | None:
        key = self._keys[row]
        found = self._rows.get(key)
        if found is None:
            start = row - row % PAGE
            page = self._keys[start:start + PAGE]
            if len(self._rows) > 50 * PAGE:
                self._rows = {}
            self._rows.update(RecordList(self.spec).fetch(page))
            found = self._rows.get(key)
        return found

    # --- what the view asks ---------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.spec.columns[section].label()
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            row = self._row(index.row())
            if row is None:
                return None
            column = self.spec.columns[index.column()]
            text = column.display(row[index.column() + 2])
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 20 else None
            return text
        if role == Qt.ItemDataRole.ForegroundRole and self._overdue is not None:
            row = self._row(index.row())
            if row is not None and row[self._overdue + 2]:
                return QBrush(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            kind = self.spec.columns[index.column()].kind
            if kind == "int":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        spec_column = self.spec.columns[column]
        if not spec_column.sortable:
            return
        sort_key = (spec_column.key, order == Qt.SortOrder.DescendingOrder)
        changed, self.sort_key = sort_key != self.sort_key, sort_key
        if changed and self._active:
            self.reload()

    # --- for the page -----------------------------------------------------------

    def record_id(self, row: int):
        """The record's UUID at ``row``."""
        found = self._row(row)
        if found is None:
            return None
        return UUID(hex=found[1]) if isinstance(found[1], str) else found[1]

    def row_of(self, record_id) -> int | None:
        """The row of a record, if it is in the list (searched via its row id)."""
        rowid = (self.spec.model.select(SqlColumn(self.spec.model, sqlite.row_key()))
                 .where(self.spec.model.id == record_id).scalar())
        if rowid is None:
            return None
        try:
            return self._keys.index(rowid)
        except ValueError:
            return None
