"""No traceback reaches the user of the window: a message box in plain words, the details in the log."""

from __future__ import annotations

import sys

from PySide6.QtCore import QtMsgType

from models import paths
from ui import guard


class _Context:
    file, line = "somewhere.cpp", 12


def test_an_exception_nobody_caught_is_a_message_naming_the_log(qapp, qtbot, messages):
    uninstall = guard.install()
    try:
        try:
            raise ValueError("boom")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        qtbot.waitUntil(lambda: bool(messages))
    finally:
        uninstall()
    assert messages.kinds == ["critical"]
    _title, text = messages[0]
    assert "ValueError: boom" in text and str(paths.log_file()) in text
    log = paths.log_file().read_text(encoding="utf-8")
    assert "Traceback" in log and 'raise ValueError("boom")' in log


def test_a_locked_file_is_said_as_such_without_the_log(qapp, qtbot, messages):
    import sqlite3

    uninstall = guard.install()
    try:
        guard.on_exception(sqlite3.OperationalError, sqlite3.OperationalError("database is locked"), None)
        qtbot.waitUntil(lambda: bool(messages))
    finally:
        uninstall()
    assert "being written by another program" in messages[0][1]


def test_qt_warnings_go_to_the_log_and_critical_messages_to_a_box(qapp, qtbot, messages):
    uninstall = guard.install()
    try:
        guard.on_qt_message(QtMsgType.QtWarningMsg, _Context(), "a harmless warning")
        guard.on_qt_message(QtMsgType.QtCriticalMsg, _Context(), "something serious")
        qtbot.waitUntil(lambda: bool(messages))
    finally:
        uninstall()
    assert len(messages) == 1 and "something serious" in messages[0][1]
    log = paths.log_file().read_text(encoding="utf-8")
    assert "a harmless warning" in log and "something serious" in log
