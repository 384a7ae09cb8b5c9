"""The one date field of the window: typed as text, or picked from a calendar.

Every date of a form, a filter, a dialog or the settings is this widget. It
may be left empty (``value()`` is None). A date is read leniently, by the core's
``models.normalize.parse_date`` — 2026-3-2, 2026.3.2, 2026/3/2, 2026年3月2日,
２０２６－０３－０２, 20260302 — and what cannot be read is handed
on as the text itself, so that the one validation of ``models.validation``
names the field and says what is wrong. Up and Down step a day (from today
when empty); the calendar opens on the date shown, or on today.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from models.normalize import parse_date as parse_date  # the one reading of a typed date
from ui.common import from_qdate, to_qdate, translate


def date_range_problem(first: dt.date | str | None, last: dt.date | str | None) -> str | None:
    """What is wrong with a range typed in two date fields, or None."""
    if isinstance(first, str) or isinstance(last, str):
        return translate("Fields", "A date is not valid (for example 2026-03-02).")
    if first and last and last < first:
        return translate("Fields", "The end date is before the start date.")
    return None


class _DateLine(QLineEdit):
    """The text part: Up and Down step the date a day."""

    stepped = Signal(int)

    def keyPressEvent(self, event) -> None:
        steps = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}
        if event.key() in steps and not event.modifiers():
            self.stepped.emit(steps[event.key()])
            return
        super().keyPressEvent(event)


class DateInput(QWidget):
    """A date that may be empty; ``edited`` says the user typed or picked one."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = _DateLine()
        self.edit.setPlaceholderText(translate("Fields", "e.g. 2026-03-02"))
        self.edit.setToolTip(translate("Fields", "Type a date or pick it from the calendar; Up and Down "
                                                 "step a day. Leave empty if not known."))
        self.edit.setMaximumWidth(140)
        self.edit.editingFinished.connect(self.edited)
        self.edit.stepped.connect(self._on_edit_stepped)
        self._calendar: QCalendarWidget | None = None
        self.button = self._calendar_button()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)

    def _calendar_button(self) -> QToolButton:
        button = QToolButton()
        button.setText("▾")
        button.setToolTip(translate("Fields", "Pick from the calendar"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.aboutToShow.connect(self._on_menu_about_to_show)
        button.setMenu(menu)
        return button

    @property
    def calendar(self) -> QCalendarWidget:
        """The calendar of the button's menu, built when first opened (the first one built in a
        process takes 10 ms, and most date fields are typed into, or not touched at all)."""
        if self._calendar is None:
            self._calendar = QCalendarWidget()
            self._calendar.clicked.connect(self._on_calendar_clicked)
            menu = self.button.menu()
            action = QWidgetAction(menu)
            action.setDefaultWidget(self._calendar)
            menu.addAction(action)
        return self._calendar

    def _on_menu_about_to_show(self) -> None:
        current = self.value()
        self.calendar.setSelectedDate(to_qdate(current if isinstance(current, dt.date) else dt.date.today()))

    def _on_calendar_clicked(self, date: QDate) -> None:
        self.set_value(from_qdate(date))
        self.button.menu().close()
        self.edited.emit()

    def _on_edit_stepped(self, days: int) -> None:
        current = self.value()
        base = current if isinstance(current, dt.date) else dt.date.today() - dt.timedelta(days=days)
        self.set_value(base + dt.timedelta(days=days))

    def value(self) -> dt.date | str | None:
        return parse_date(self.edit.text())

    def set_value(self, value: Any) -> None:
        self.edit.setText(value.isoformat() if isinstance(value, dt.date) else (value or ""))
