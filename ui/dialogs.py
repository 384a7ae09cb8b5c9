"""The form of each kind of record, with the parts that are more than fields:
a session's attendance, a visit's household and visitors, a rectification's
link to the visit or suggestion it came from.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import records as r
from models import store, vocab
from models.records import BaseModel
from models.validation import FieldError, ValidationError, validate
from ui.common import translate
from ui.fields import HouseholdPicker
from ui.forms import ERROR_STYLE, RecordDialog, category_choices, item_choices

ATTENDANCE_KEYS = {Qt.Key.Key_1: "present", Qt.Key.Key_2: "late", Qt.Key.Key_3: "leave",
                   Qt.Key.Key_4: "absent", Qt.Key.Key_0: None}


class PersonPicker(QDialog):
    """Choose several persons: by name, or all the leadership group / all staff at once."""

    def __init__(self, parent: QWidget | None, chosen: set[UUID], title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Dialogs", "Filter by name, post or department"))
        self.list = QListWidget()
        query = (r.Person.select().where(r.Person.deleted_at.is_null())
                 .order_by(r.Person.leader.desc(), r.Person.name))
        self.leaders: set[UUID] = set()
        self.active: set[UUID] = set()
        for person in query:
            if not person.active and person.id not in chosen:
                continue
            text = "　".join(part for part in (person.name, person.title, person.department) if part)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id.hex)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in chosen
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
            if person.leader:
                self.leaders.add(person.id)
            if person.active:
                self.active.add(person.id)
        self.search.textChanged.connect(self._filter)
        presets = QHBoxLayout()
        for label, keys in ((translate("Dialogs", "Leadership group"), self.leaders),
                            (translate("Dialogs", "All staff in post"), self.active),
                            (translate("Dialogs", "None"), set())):
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, k=keys: self.set_chosen(k))
            presets.addWidget(button)
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


class AttendanceEditor(QWidget):
    """The expected persons of a session, each marked present, late, on leave or absent."""

    NAME, POST, STATUS, REASON = range(4)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.marks: dict[UUID, list] = {}  # person → [status or None, reason]
        self.touched = False  # marked or chosen by hand
        self.people: dict[UUID, tuple[str, str]] = {}
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
        self.choose_button = QPushButton(translate("Dialogs", "Choose expected persons…"))
        self.choose_button.clicked.connect(self.choose_expected)
        buttons.addWidget(self.choose_button)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel(translate("Dialogs", "Select rows and click a mark, or press 1 present, 2 late, "
                         "3 on leave, 4 absent, 0 not entered. Double-click the reason to type it."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        layout.addWidget(hint)

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
            for key, name, title in (r.Person.select(r.Person.id, r.Person.name, r.Person.title)
                                     .where(r.Person.id.in_(missing)).tuples()):
                self.people[key] = (name, title)
        order = sorted(self.marks, key=lambda key: self.people.get(key, ("", ""))[0])
        self.marks = {key: self.marks[key] for key in order}
        self.table.blockSignals(True)
        self.table.setRowCount(len(order))
        for row, key in enumerate(order):
            name, title = self.people.get(key, ("?", ""))
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
            self.table.editItem(self.table.item(rows[0], self.REASON))

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
        return {key: (status, reason) for key, (status, reason) in self.marks.items()}


def default_expected(kind: str | None) -> list[UUID]:
    """Who is expected at a new session: the leadership group for its own study, else all staff."""
    query = r.Person.select(r.Person.id).where(r.Person.deleted_at.is_null(),
                                               r.Person.active == True)  # noqa: E712
    if kind == "leader_study":
        query = query.where(r.Person.leader == True)  # noqa: E712
    return [key for (key,) in query.tuples()]


class SessionDialog(RecordDialog):
    model = r.Session
    fields = ("campaign", "phase", "date", "start_time", "end_time", "kind", "topic", "place",
              "host", "speaker", "recorder", "content", "destination", "head_count", "remarks")

    def initial_values(self) -> dict[str, Any]:
        values = super().initial_values()
        if self.record is None:
            values.setdefault("kind", "staff_study")  # the most frequent kind of session
        return values

    def extra_tabs(self):
        self.attendance = AttendanceEditor()
        return [(self.attendance, translate("Dialogs", "Attendance"))]

    def set_values(self, values: dict[str, Any]) -> None:
        super().set_values(values)
        if not hasattr(self, "_loaded"):
            self._loaded = True
            expected = None if self.record is not None else default_expected(self.editors["kind"].value())
            self.attendance.load(self.record, expected)
            if self.record is None:
                self.editors["kind"].currentIndexChanged.connect(self._kind_changed)

    def _kind_changed(self) -> None:
        """A new session's expected persons follow its kind until attendance is marked."""
        if not self.attendance.touched:
            self.attendance.load(None, default_expected(self.editors["kind"].value()))

    def write(self, values: dict[str, Any]) -> BaseModel:
        return store.save_session(values, self.attendance.attendance(), self.record)


class VisitorsEditor(QListWidget):
    """The persons who made a visit, ticked in a list of the staff."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMaximumHeight(130)
        for person in (r.Person.select().where(r.Person.deleted_at.is_null(),
                                               r.Person.active == True)  # noqa: E712
                       .order_by(r.Person.name)):
            self._add(person)

    def _add(self, person: r.Person) -> None:
        item = QListWidgetItem(f"{person.name}（{person.title}）" if person.title else person.name)
        item.setData(Qt.ItemDataRole.UserRole, person.id.hex)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.addItem(item)

    def _items(self):
        return (self.item(i) for i in range(self.count()))

    def value(self) -> list[UUID]:
        return [UUID(hex=item.data(Qt.ItemDataRole.UserRole)) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def set_value(self, keys) -> None:
        wanted = {key.hex for key in keys}
        listed = {item.data(Qt.ItemDataRole.UserRole) for item in self._items()}
        for person in r.Person.select().where(r.Person.id.in_([UUID(hex=k) for k in wanted - listed])):
            self._add(person)  # a visitor who has left post since: kept, not silently dropped
        chosen = [row for row in range(self.count())
                  if self.item(row).data(Qt.ItemDataRole.UserRole) in wanted]
        for position, row in enumerate(chosen):  # the visitors first, then everyone else
            item = self.takeItem(row)
            item.setCheckState(Qt.CheckState.Checked)
            self.insertItem(position, item)
        self.scrollToTop()


class VisitDialog(RecordDialog):
    model = r.Visit
    fields = ("campaign", "household", "date", "method", "situation", "requests", "help_given",
              "satisfaction", "follow_up", "remarks")

    def make_editor(self, name, field):
        if name == "household":
            return HouseholdPicker()
        return super().make_editor(name, field)

    def __init__(self, parent=None, record=None, initial=None):
        super().__init__(parent, record, initial)
        self.visitors = VisitorsEditor()
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.visitors)
        column.addWidget(error)
        self.form.insertRow(3, translate("Dialogs", "Visitors") + " *", box)
        self.error_labels["visitors"] = error
        if record is not None:
            self.visitors.set_value([row.person_id for row in r.VisitVisitor.select().where(
                r.VisitVisitor.visit == record.id)])

    def write(self, values):
        visitors = self.visitors.value()
        if not visitors:  # say everything that is wrong at once, not the visitors first
            merged = {**(self.record.__data__ if self.record else {}), **store.clean(r.Visit, values)}
            others = validate(r.Visit, merged, self.record.id if self.record else None)
            missing = FieldError("visitors", translate("Dialogs", "Tick at least one visitor."))
            raise ValidationError([*others, missing])
        return store.save_visit(values, visitors, self.record)


class SuggestionDialog(RecordDialog):
    model = r.Suggestion
    category_kind = "suggestion"
    fields = ("campaign", "date", "source", "submitter", "submitter_name", "content", "category",
              "item", "status", "department", "handling", "reply", "reply_date")


class LinkedDialog(RecordDialog):
    """A record whose hidden fields (unit, links) come with it and are kept as they are."""

    hidden: tuple[str, ...] = ()

    def __init__(self, parent=None, record=None, initial=None):
        source = record.__data__ if record is not None else (initial or {})
        self.kept = {name: source.get(name) for name in self.hidden}
        super().__init__(parent, record, initial)

    def values(self):
        values = super().values()
        values.update(self.kept)
        return values


class RectificationDialog(LinkedDialog):
    model = r.Rectification
    category_kind = "problem"
    hidden = ("visit", "suggestion")
    fields = ("campaign", "recorded_on", "problem", "category", "source", "measures", "department",
              "person", "leader", "deadline", "status", "progress", "completed_on", "evidence",
              "verified_by")

    def extra_widgets(self):
        link = self.link_text()
        if not link:
            return []
        label = QLabel(link)
        label.setWordWrap(True)
        label.setStyleSheet("color: #1a5fb4;")
        return [label]

    def link_text(self) -> str:
        if self.kept.get("visit"):
            visit = r.Visit.get_or_none(r.Visit.id == self.kept["visit"])
            if visit is not None:
                return translate("Dialogs", "Raised from the visit: {what}").format(
                    what=store.describe(visit))
        if self.kept.get("suggestion"):
            suggestion = r.Suggestion.get_or_none(r.Suggestion.id == self.kept["suggestion"])
            if suggestion is not None:
                return translate("Dialogs", "Raised from the suggestion: {what}").format(
                    what=store.describe(suggestion))
        return ""


class WritingDialog(RecordDialog):
    model = r.Writing
    fields = ("campaign", "person", "kind", "title", "date", "length", "checked_by", "checked_on",
              "remarks")


class PublicityDialog(RecordDialog):
    model = r.Publicity
    fields = ("campaign", "date", "kind", "title", "outlet", "remarks")


class HouseholdDialog(RecordDialog):
    model = r.Household
    fields = ("village", "group", "head_name", "id_number", "phone", "address", "population", "tags",
              "remarks")


class PersonDialog(LinkedDialog):
    model = r.Person
    hidden = ("unit",)
    fields = ("name", "gender", "title", "department", "village", "leader", "party_member", "phone",
              "active", "remarks")

    def __init__(self, parent=None, record=None, initial=None):
        if record is None:
            unit = store.current_unit()
            initial = {"unit": unit.id if unit else None, **(initial or {})}
        super().__init__(parent, record, initial)


DIALOGS: dict[type[BaseModel], type[RecordDialog]] = {
    r.Session: SessionDialog, r.Writing: WritingDialog, r.Visit: VisitDialog,
    r.Suggestion: SuggestionDialog, r.Rectification: RectificationDialog,
    r.Publicity: PublicityDialog, r.Household: HouseholdDialog, r.Person: PersonDialog,
}


class MergeDialog(QDialog):
    """Merge suggestions into one consolidated item: an existing one, or a new one."""

    def __init__(self, parent: QWidget | None, suggestions: list[r.Suggestion]):
        super().__init__(parent)
        self.suggestions = suggestions
        self.item: r.SuggestionItem | None = None
        self.setWindowTitle(translate("Dialogs", "Merge suggestions"))
        campaign = suggestions[0].campaign_id
        self.existing = QComboBox()
        self.existing.addItem(translate("Dialogs", "— a new consolidated item —"), None)
        for label, key in item_choices(campaign):
            self.existing.addItem(label, key.hex)
        self.title = QLineEdit()
        self.title.setPlaceholderText(translate("Dialogs", "Title of the new consolidated item"))
        self.category = QComboBox()
        self.category.addItem("", None)
        for label, key in category_choices("suggestion"):
            self.category.addItem(label, key.hex)
        self.existing.currentIndexChanged.connect(self._existing_changed)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        form.addRow(translate("Dialogs", "Merge into"), self.existing)
        form.addRow(translate("Dialogs", "New item"), self.title)
        form.addRow(translate("Field", "Category"), self.category)
        listing = QLabel("\n".join(f"• {store.describe(s)}" for s in suggestions[:12])
                         + ("\n…" if len(suggestions) > 12 else ""))
        listing.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Dialogs", "Merge"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Forms", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Dialogs", "{n} suggestions:").format(n=len(suggestions))))
        layout.addWidget(listing)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _existing_changed(self) -> None:
        self.title.setEnabled(self.existing.currentData() is None)

    def accept(self) -> None:
        try:
            with r.database.atomic():
                key = self.existing.currentData()
                if key:
                    item = r.SuggestionItem.get_by_id(UUID(hex=key))
                else:
                    category = self.category.currentData()
                    item = store.save(r.SuggestionItem, {
                        "campaign": self.suggestions[0].campaign_id, "title": self.title.text(),
                        "category": UUID(hex=category) if category else None})
                store.merge_suggestions(self.suggestions, item)
        except ValidationError as error:
            self.error.setText("\n".join(e.message for e in error.errors))
            self.error.show()
            return
        self.item = item
        super().accept()
