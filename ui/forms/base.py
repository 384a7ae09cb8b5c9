"""One dialog for entering or correcting a record, built from the record's fields.

A form lists the fields it shows; each gets the editor of its kind
(``ui.widgets.fields``), its label from the field's ``verbose_name`` and a red line
under it where the core's validation finds it wrong. Saving goes through
``models.store`` — the same rules as every other way in — and nothing is
written unless everything is right.

Facts that contradict each other (``models.warnings``: a date outside the
campaign, a host marked absent …) are warned about in amber under their fields;
保存 becomes 仍然保存, and pressing it again saves the record as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import peewee
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models import records as r
from models import store
from models import warnings as entry_warnings
from models.records import BaseModel
from models.validation import ValidationError, field_label, validate
from ui.common import ERROR_STYLE, translate
from ui.widgets.choices import (
    campaign_choices,
    category_choices,
    group_choices,
    item_choices,
    person_choices,
    phase_choices,
    village_choices,
)
from ui.widgets.fields import IdNumberInput, RecordChoice, editor_for
from ui.widgets.history_view import HistoryView

WARNING_STYLE = "color: #8a5300;"  # a contradiction the user may save anyway
NOTE_STYLE = "color: #1f5f8b;"  # what the form changed in what was typed (a legacy ID number converted)

# Where the choices of a reference come from; a callable of the form's values.
CHOICES: dict[type[BaseModel], Callable[[dict[str, Any]], list[tuple[str, Any]]]] = {
    r.Person: lambda values: person_choices(),
    r.Village: lambda values: village_choices(),
    r.VillageGroup: lambda values: group_choices(values.get("village")),
    r.Campaign: lambda values: campaign_choices(),
    r.Phase: lambda values: phase_choices(values.get("campaign")),
    r.SuggestionItem: lambda values: item_choices(values.get("campaign")),
}

# A field whose choices depend on another: (dependent, depends on).
DEPENDS = {"group": "village", "phase": "campaign", "item": "campaign"}


class RecordDialog(QDialog):
    """Enter a new record of ``model`` or correct ``record``."""

    model: type[BaseModel]
    fields: tuple[str, ...] = ()
    category_kind = "suggestion"

    def __init__(self, parent: QWidget | None = None, record: BaseModel | None = None,
                 initial: dict[str, Any] | None = None):
        super().__init__(parent)
        self.record = record
        self.saved: BaseModel | None = None
        title = store.kind_name(self.model)
        self.setWindowTitle(translate("Forms", "Edit {kind}").format(kind=title) if record
                            else translate("Forms", "New {kind}").format(kind=title))
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.warned: list[entry_warnings.EntryWarning] = []  # shown: the next 保存 saves anyway
        self.summary = QLabel()
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.summary.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self._tabs(record), 1)
        for widget in self.extra_widgets():
            layout.addWidget(widget)
        layout.addWidget(self._buttons())
        self._refresh_choices()
        values = self.initial_values()
        values.update(initial or {})
        self.set_values(values)
        for name, source in DEPENDS.items():
            if name in self.editors and source in self.editors:
                self.editors[source].currentIndexChanged.connect(
                    lambda _i, n=name: self._refresh_choices(only=n))
        self.resize(560, 620)
        first = next(iter(self.editors.values()), None)
        if first is not None:
            first.setFocus()

    def _tabs(self, record: BaseModel | None) -> QTabWidget:
        """详情 (the fields), the form's own tabs (attendance …), and 修改记录 for a stored record."""
        page = QWidget()
        self.form = QFormLayout(page)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name in self.fields:
            self._add_field(name)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, translate("Forms", "Details"))
        for widget, label in self.extra_tabs():
            self.tabs.addTab(widget, label)
        if record is not None:
            self.history = HistoryView(record)
            self.tabs.addTab(self.history, translate("Forms", "History"))
        if self.tabs.count() == 1:
            self.tabs.tabBar().hide()
        return self.tabs

    def _buttons(self) -> QDialogButtonBox:
        """保存 and 取消; Ctrl+Enter and Ctrl+S save from anywhere in the form."""
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("Forms", "Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Forms", "Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.accept)
        return self.buttons

    # --- building ------------------------------------------------------------

    def _add_field(self, name: str) -> None:
        field = self.model._meta.fields[name]
        editor = self.make_editor(name, field)
        label = field_label(self.model, name)
        if name in self.model._meta.required:
            label += " *"
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(error)
        self.form.addRow(label, box)
        self.editors[name] = editor
        self.error_labels[name] = error
        if isinstance(editor, IdNumberInput):
            editor.noted.connect(lambda text, shown=error: self._note(shown, text))

    @staticmethod
    def _note(label: QLabel, text: str) -> None:
        """Something the form did to what was typed, under its field, until the next check."""
        label.setStyleSheet(NOTE_STYLE)
        label.setText(text)
        label.show()

    def make_editor(self, name: str, field: peewee.Field) -> QWidget:
        return editor_for(field)

    def extra_tabs(self) -> list[tuple[QWidget, str]]:
        return []

    def extra_widgets(self) -> list[QWidget]:
        return []

    def initial_values(self) -> dict[str, Any]:
        """What the form shows first: the record's values, or sensible defaults."""
        if self.record is not None:
            return {name: self.record.__data__.get(name) for name in self.fields}
        values: dict[str, Any] = {}
        for name in self.fields:
            field = self.model._meta.fields[name]
            if field.default is not None:
                values[name] = field.default() if callable(field.default) else field.default
        for name in ("date", "recorded_on"):
            if name in self.fields:
                values[name] = dt.date.today()
        campaign = store.current_campaign()
        if "campaign" in self.fields and campaign is not None:
            values["campaign"] = campaign.id
        return values

    def _refresh_choices(self, only: str | None = None) -> None:
        values = {name: editor.value() for name, editor in self.editors.items()}
        for name, editor in self.editors.items():
            if not isinstance(editor, RecordChoice) or (only and name != only):
                continue
            field = self.model._meta.fields[name]
            if field.rel_model is r.Category:
                editor.set_choices(category_choices(self.category_kind))
            elif field.rel_model is r.Person and self.record is not None:
                editor.set_choices(person_choices(keep=self.record.__data__.get(name)))
            elif field.rel_model in CHOICES:
                editor.set_choices(CHOICES[field.rel_model](values))

    def set_values(self, values: dict[str, Any]) -> None:
        ordered = sorted(values.items(), key=lambda item: item[0] in DEPENDS)
        for name, value in ordered:
            editor = self.editors.get(name)
            if editor is None:
                continue
            editor.set_value(value)
            if name in DEPENDS.values():
                for dependent, source in DEPENDS.items():
                    if source == name:
                        self._refresh_choices(only=dependent)

    def values(self) -> dict[str, Any]:
        return {name: editor.value() for name, editor in self.editors.items()}

    # --- saving ---------------------------------------------------------------

    def write(self, values: dict[str, Any]) -> BaseModel:
        """Store the record; a form with parts of its own (attendance …) overrides this."""
        return store.save(self.model, values, self.record)

    def accept(self) -> None:
        self.clear_errors()
        values = self.values()
        if not self._confirmed(values):
            return
        try:
            self.saved = self.write(values)
        except ValidationError as error:
            self.show_errors(error)
            return
        except peewee.OperationalError as error:
            self.summary.setText(translate("Common", "The data file could not be written: {error}").format(
                error=error))
            self.summary.show()
            return
        super().accept()

    def warning_extra(self) -> dict[str, Any]:
        """What else the rules need (a session's attendance); a form with parts of its own overrides this."""
        return {}

    def _confirmed(self, values: dict[str, Any]) -> bool:
        """No contradiction, or the same ones were shown and 保存 was pressed again."""
        if validate(self.model, values, self.record.id if self.record is not None else None):
            return True  # the errors come first: ``write`` shows them
        found = entry_warnings.check(self.model, values, self.record.id if self.record is not None else None,
                                     **self.warning_extra())
        if not found or found == self.warned:
            return True
        self.warned = found
        self.show_warnings(found)
        return False

    def show_warnings(self, found: list[entry_warnings.EntryWarning]) -> None:
        elsewhere = []
        for item in found:
            label = self.error_labels.get(item.field)
            if label is None:
                elsewhere.append(item.message)
                continue
            label.setStyleSheet(WARNING_STYLE)
            label.setText(item.message)
            label.show()
        self.summary.setStyleSheet(WARNING_STYLE)
        intro = translate("Forms", "Please check the facts marked in amber; press Save anyway to keep them "
                                   "as they are.")
        self.summary.setText(intro + "".join("\n" + text for text in elsewhere))
        self.summary.show()
        self.save_button.setText(translate("Forms", "Save anyway"))

    @property
    def save_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def warning_text(self, name: str) -> str:
        label = self.error_labels.get(name)
        shown = label is not None and not label.isHidden() and label.styleSheet() == WARNING_STYLE
        return label.text() if shown and label is not None else ""

    def clear_errors(self) -> None:
        self.summary.hide()
        self.summary.setStyleSheet(ERROR_STYLE)
        for label in self.error_labels.values():
            label.hide()
            label.setStyleSheet(ERROR_STYLE)

    def show_errors(self, error: ValidationError) -> None:
        first = None
        elsewhere = []
        for item in error.errors:
            label = self.error_labels.get(item.field)
            if label is None:
                elsewhere.append(item.message)
                continue
            label.setText(item.message)
            label.show()
            if first is None:
                first = self.editors.get(item.field) or label
        self.summary.setText(translate("Forms", "Not saved. Please correct the fields marked in red.")
                             + "".join("\n" + text for text in elsewhere))
        self.summary.show()
        if first is not None:
            self.tabs.setCurrentIndex(0)
            first.setFocus()

    def error_text(self, name: str) -> str:
        label = self.error_labels.get(name)
        return label.text() if label is not None and not label.isHidden() else ""


def ask(dialog: RecordDialog) -> BaseModel | None:
    """Show ``dialog``; the saved record, or None when the user cancelled."""
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.saved
    return None


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
