"""How GUI tests drive the window: open it, type as a person types, choose, press Save.

Typing goes through key clicks (ASCII) and committed input-method text
(Chinese), as a pinyin input method hands it to a widget.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from models import records as r
from ui.forms import RecordDialog
from ui.main_window import MainWindow
from ui.widgets.date_input import DateInput
from ui.widgets.fields import RecordChoice


def make_window(qtbot, path) -> MainWindow:
    """The main window as GUI tests open it: shown, its first page (the overview) counted.

    The other pages are built and read when first shown (``window.show_page``).
    """
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pages["overview"].result is not None, timeout=10_000)
    return window


def menu_action(window: MainWindow, text: str):
    """The File menu's action called ``text``."""
    return next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == text)


def save_as(monkeypatch, path: Path) -> list[str]:
    """The save dialog answers ``path``; the names it proposed are recorded."""
    proposed: list[str] = []

    def answer(_parent, _title, name, _filter, *args, **kwargs):
        proposed.append(name)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return proposed


def button(widget: QWidget, text: str) -> QPushButton:
    """The push button of ``widget`` labelled ``text``."""
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``: ASCII as key clicks, Chinese as an input method commits it.

    (``qtbot.keyClicks`` only knows ASCII; a Chinese input method hands the
    widget whole committed words, which is what is sent here.)
    """
    chunk = ""
    for char in text + "\0":
        if char.isascii() and char != "\0":
            chunk += char
            continue
        if chunk:
            qtbot.keyClicks(widget, chunk)
            chunk = ""
        if char != "\0":
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def clear_by_keys(qtbot, widget: QWidget) -> None:
    """Select everything in an editor and delete it with the keyboard."""
    if isinstance(widget, DateInput):
        widget = widget.edit
    elif isinstance(widget, RecordChoice):
        widget = widget.lineEdit()
    if isinstance(widget, QPlainTextEdit):
        widget.selectAll()
    else:
        assert isinstance(widget, QLineEdit), widget
        widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)


def retype(qtbot, widget: QWidget, text: str) -> None:
    clear_by_keys(qtbot, widget)
    type_text(qtbot, widget.edit if isinstance(widget, DateInput) else widget, text)


def choose(combo, data) -> None:
    """Pick the entry of a drop-down whose data is ``data`` (a key or a code)."""
    index = combo.findData(data.hex if hasattr(data, "hex") else data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def save_button(dialog: RecordDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def row_counts() -> dict[str, int]:
    """Rows of every table, those in the recycle bin included."""
    return {model.__name__: model.select().count() for model in r.ALL_MODELS}


def focus(qtbot, window: QWidget, widget: QWidget) -> None:
    """Give ``widget`` the keyboard focus, as a click into it would."""
    window.activateWindow()
    qtbot.waitActive(window)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def open_dialog(qtbot, cls, record=None, initial=None) -> RecordDialog:
    dialog = cls(None, record, initial)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog
