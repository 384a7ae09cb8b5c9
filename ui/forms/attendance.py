"""The attendance of a session: each expected person marked present, late, on leave
or absent, by key (1–4, 0) or button; and the choice of who is expected.

As a secretary takes it from the paper list: a key marks the person and moves
to the next; 3 (on leave) opens the reason, and Enter after the reason moves
on too. A typed reason is never lost: it is committed when the editor closes
in any way but Escape, kept when the mark changes (it comes back with 3) and
read from an editor still open when the form is saved. Who is expected comes
from presets (班子成员, 支委, 全体党员, 全体干部) or from the last session of the
same kind, always in the order of posts.
"""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import expected, ranks, vocab
from models import records as r
from ui.common import translate

ATTENDANCE_KEYS = {Qt.Key.Key_1: "present", Qt.Key.Key_2: "late", Qt.Key.Key_3: "leave",
                   Qt.Key.Key_4: "absent", Qt.Key.Key_0: None}



class PersonPicker(QDialog):
    """Choose several persons: by name, or a preset (班子成员, 支委, 全体党员, 全体干部) at once."""

    def __init__(self, parent: QWidget | None, chosen: set[UUID], title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Dialogs", "Filter by name, post or department"))
        self.list = QListWidget()
        query = ranks.ordered(r.Person.select().where(r.Person.deleted_at.is_null()))
        for person in query:
            if not person.active and person.id not in chosen:
                continue
            marks = [translate("Dialogs", "party member")] if person.party_member else []
            if not person.staff:
                marks.append(translate("Dialogs", "not staff"))
            text = "　".join(part for part in (person.name, person.title, person.department, *marks) if part)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id.hex)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in chosen
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        presets = QHBoxLayout()
        for name, label in expected.PRESETS.items():
            button = QPushButton(translate("Expected", label))
            button.clicked.connect(lambda _c=False, n=name: self.set_chosen(set(expected.preset(n))))
            presets.addWidget(button)
        nobody = QPushButton(translate("Dialogs", "None"))
        nobody.clicked.connect(lambda: self.set_chosen(set()))
        presets.addWidget(nobody)
        presets.addStretch(1)
        self.count = QLabel()
        self.list.itemChanged.connect(self._count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Forms", "OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Forms", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(presets)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self._count()
        self.resize(420, 520)

    def _items(self):
        return (self.list.item(i) for i in range(self.list.count()))

    def _filter(self, text: str) -> None:
        for item in self._items():
            item.setHidden(bool(text.strip()) and text.strip() not in item.text())

    def _count(self, *_args) -> None:
        self.count.setText(translate("Dialogs", "{n} chosen").format(n=len(self.chosen())))

    def set_chosen(self, keys: set[UUID]) -> None:
        for item in self._items():
            key = UUID(hex=item.data(Qt.ItemDataRole.UserRole))
            item.setCheckState(Qt.CheckState.Checked if key in keys else Qt.CheckState.Unchecked)

    def chosen(self) -> list[UUID]:
        return [UUID(hex=item.data(Qt.ItemDataRole.UserRole)) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]



class ReasonDelegate(QStyledItemDelegate):
    """The editor of a reason for leave, kept in view: what is typed in it is never lost."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.editor: QLineEdit | None = None
        self.row = -1

    def createEditor(self, parent, option, index):
        self.editor, self.row = super().createEditor(parent, option, index), index.row()
        return self.editor

    def destroyEditor(self, editor, index) -> None:
        if editor is self.editor:
            self.editor = None
        super().destroyEditor(editor, index)


class AttendanceEditor(QWidget):
    """The expected persons of a session, each marked present, late, on leave or absent."""

    NAME, POST, STATUS, REASON = range(4)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.marks: dict[UUID, list] = {}  # person → [status or None, reason]
        self.touched = False  # marked or chosen by hand
        self.people: dict[UUID, tuple[str, str, bool]] = {}  # person → (name, post, leader)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([translate("Dialogs", "Name"), translate("Dialogs", "Post"),
                                              translate("Dialogs", "Attendance"),
                                              translate("Dialogs", "Reason for leave")])
        self.table.horizontalHeader().setSectionResizeMode(self.REASON, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.installEventFilter(self)
        self.table.itemChanged.connect(self._reason_edited)
        self.reasons = ReasonDelegate(self.table)
        self.table.setItemDelegateForColumn(self.REASON, self.reasons)
        self.reasons.closeEditor.connect(self._on_reasons_close_editor)
        self.kind: str | None = None  # of the session, for "the same people as last time"
        self.session = None
        self.date = None

        buttons = self._mark_buttons()
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel(translate("Dialogs", "Select rows and click a mark, or press 1 present, 2 late, "
                                "3 on leave, 4 absent, 0 not entered: each key moves on to the next person. "
                                "After 3, type the reason and press Enter to move on."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        layout.addWidget(hint)


    def _mark_buttons(self) -> QHBoxLayout:
        """出席 (1) … 缺席 (4), 全部出席, and the choice of who is expected."""
        buttons = QHBoxLayout()
        for status, key in (("present", "1"), ("late", "2"), ("leave", "3"), ("absent", "4")):
            button = QPushButton(f"{vocab.ATTENDANCE.label(status)} ({key})")
            button.setToolTip(translate("Dialogs", "Mark the selected persons; or press {key}")
                              .format(key=key))
            button.clicked.connect(lambda _c=False, s=status: self.mark_selected(s))
            buttons.addWidget(button)
        everyone = QPushButton(translate("Dialogs", "All present"))
        everyone.clicked.connect(self.mark_all_present)
        buttons.addWidget(everyone)
        buttons.addStretch(1)
        self.last_button = QPushButton(translate("Dialogs", "Same people as last time"))
        self.last_button.setToolTip(translate("Dialogs",
                                              "Expect the persons of the last session of this kind"))
        self.last_button.clicked.connect(self.copy_last)
        buttons.addWidget(self.last_button)
        self.choose_button = QPushButton(translate("Dialogs", "Choose expected persons…"))
        self.choose_button.clicked.connect(self.choose_expected)
        buttons.addWidget(self.choose_button)
        return buttons

    def set_context(self, kind: str | None, session=None, date=None) -> None:
        """The session's kind (and the session, its date): what "same people as last time" looks at."""
        self.kind, self.session, self.date = kind, session, date
        self.last_button.setEnabled(expected.like_last(kind, session, date) is not None)

    def copy_last(self) -> None:
        """Expect the persons of the last session of this kind, in the order of posts."""
        keys = expected.like_last(self.kind, self.session, self.date)
        if keys is not None:
            self.set_expected(keys)

    # --- content ----------------------------------------------------------------

    def load(self, session: r.Session | None, expected: list[UUID] | None = None) -> None:
        self.marks = {}
        if session is not None:
            rows = (r.Attendance.select().where(r.Attendance.session == session.id,
                                                r.Attendance.deleted_at.is_null()))
            for row in rows:
                self.marks[row.person_id] = [row.status, row.reason]
        for key in expected or ():
            self.marks.setdefault(key, [None, ""])
        self._rebuild()

    def set_expected(self, keys: list[UUID]) -> None:
        self.touched = True
        self.marks = {key: self.marks.get(key, [None, ""]) for key in keys}
        self._rebuild()

    def _rebuild(self) -> None:
        missing = [key for key in self.marks if key not in self.people]
        if missing:
            for key, name, title, leader in (r.Person.select(r.Person.id, r.Person.name, r.Person.title,
                                                             r.Person.leader)
                                             .where(r.Person.id.in_(missing)).tuples()):
                self.people[key] = (name, title, leader)
        ranking = ranks.Ranking()
        order = sorted(self.marks, key=lambda key: ranking.key(*self.people.get(key, ("", "", False))))
        self.marks = {key: self.marks[key] for key in order}
        self.table.blockSignals(True)
        self.table.setRowCount(len(order))
        for row, key in enumerate(order):
            name, title, _leader = self.people.get(key, ("?", "", False))
            for column, text in ((self.NAME, name), (self.POST, title)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(Qt.ItemDataRole.UserRole, key.hex)
                self.table.setItem(row, column, item)
            self._show_row(row)
        self.table.blockSignals(False)
        self._count()

    def _show_row(self, row: int) -> None:
        key = self.key_at(row)
        status, reason = self.marks[key]
        item = QTableWidgetItem(vocab.ATTENDANCE.label(status) if status else
                                translate("Dialogs", "— not entered —"))
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if status in ("absent", None):
            item.setForeground(Qt.GlobalColor.darkRed if status else Qt.GlobalColor.gray)
        self.table.setItem(row, self.STATUS, item)
        reason_item = QTableWidgetItem(reason if status == "leave" else "")
        if status != "leave":
            reason_item.setFlags(reason_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, self.REASON, reason_item)

    def key_at(self, row: int) -> UUID:
        return UUID(hex=self.table.item(row, self.NAME).data(Qt.ItemDataRole.UserRole))

    def _reason_edited(self, item: QTableWidgetItem) -> None:
        if item.column() == self.REASON:
            self.marks[self.key_at(item.row())][1] = item.text()

    def _on_reasons_close_editor(self, _editor, hint) -> None:
        """Enter after a reason: on to the next person, as after any other mark."""
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            row = self.reasons.row
            QTimer.singleShot(0, lambda: self._next_after(row))

    def _next_after(self, row: int) -> None:
        if row >= 0 and row + 1 < self.table.rowCount():
            self.table.selectRow(row + 1)
        self.table.setFocus()

    def commit_reason(self) -> None:
        """A reason still being typed is taken as it stands (the form is saved with it)."""
        editor, row = self.reasons.editor, self.reasons.row
        if editor is not None and 0 <= row < self.table.rowCount():
            self.marks[self.key_at(row)][1] = editor.text()

    # --- marking ----------------------------------------------------------------

    def mark_rows(self, rows: list[int], status: str | None) -> None:
        self.touched = self.touched or bool(rows)
        self.table.blockSignals(True)
        for row in rows:
            key = self.key_at(row)
            self.marks[key][0] = status
            self._show_row(row)
        self.table.blockSignals(False)
        self._count()
        if status == "leave" and len(rows) == 1:
            reason = self.table.item(rows[0], self.REASON)
            assert reason is not None  # _show_row has just set it
            self.table.editItem(reason)

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def mark_selected(self, status: str | None) -> None:
        rows = self.selected_rows()
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        self.mark_rows(rows, status)
        if len(rows) == 1 and status != "leave" and rows[0] + 1 < self.table.rowCount():
            self.table.selectRow(rows[0] + 1)  # on to the next person, as on a paper list

    def mark_all_present(self) -> None:
        self.mark_rows([row for row in range(self.table.rowCount())
                        if self.marks[self.key_at(row)][0] is None] or
                       list(range(self.table.rowCount())), "present")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() in ATTENDANCE_KEYS and self.table.state()
                != QAbstractItemView.State.EditingState):
            self.mark_selected(ATTENDANCE_KEYS[event.key()])
            return True
        return super().eventFilter(watched, event)

    def choose_expected(self) -> None:
        picker = PersonPicker(self, set(self.marks), translate("Dialogs", "Expected persons"))
        if picker.exec() == QDialog.DialogCode.Accepted:
            self.set_expected(picker.chosen())

    def _count(self) -> None:
        statuses = [status for status, _reason in self.marks.values()]
        attended = sum(status in vocab.ATTENDED for status in statuses)
        self.counts.setText(translate(
            "Dialogs", "Expected {expected}   Attended {attended}   Late {late}   On leave {leave}"
            "   Absent {absent}   Not entered {blank}").format(
            expected=len(statuses), attended=attended, late=statuses.count("late"),
            leave=statuses.count("leave"), absent=statuses.count("absent"),
            blank=statuses.count(None)))

    def attendance(self) -> dict[UUID, tuple[str | None, str]]:
        self.commit_reason()
        return {key: (status, reason) for key, (status, reason) in self.marks.items()}
