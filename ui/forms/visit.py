"""The form of a household visit (走访): the household found by typing, the visitors ticked.
"""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import ranks, store
from models import records as r
from models.validation import FieldError, ValidationError, validate
from ui.common import ERROR_STYLE, translate
from ui.forms.base import RecordDialog
from ui.widgets.household_picker import HouseholdPicker


class VisitorsEditor(QListWidget):
    """The persons who made a visit, ticked in a list of the staff."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMaximumHeight(130)
        for person in ranks.ordered(r.Person.select().where(r.Person.deleted_at.is_null(),
                                                            r.Person.active == True)):  # noqa: E712
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
