"""The one guard of the window: no traceback ever reaches the user, and none is lost.

``install`` makes every exception nobody caught (in a slot, an event, a thread)
and every critical message of Qt a message box in plain words — an error the
user can act on said as such (``models.errors.explain``), any other with the
place of the log in the data folder where its traceback was written. Warnings of
Qt go to the log only. One box at a time: a storm of errors fills the log, not
the screen.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from models import errors
from models import records as r
from ui.common import translate


class _Shower(QObject):
    """Lives on the window's thread: a box asked for from any thread is shown there."""

    asked = Signal(str)

    def __init__(self):
        super().__init__()
        self.showing = False
        self.asked.connect(self._show)

    def _show(self, text: str) -> None:
        if self.showing:
            return
        self.showing = True
        try:
            title = translate("Guard", "Something went wrong")
            QMessageBox.critical(QApplication.activeWindow(), title, text)
        finally:
            self.showing = False


_shower: _Shower | None = None


def install():
    """From now on: exceptions and Qt's critical messages become message boxes, tracebacks go to the log
    (and errors Python cannot raise, in finalizers, to the log alone).

    Returns the function that puts back what was there before (the window calls it as it ends).
    """
    global _shower
    _shower = _Shower()
    before = sys.excepthook, threading.excepthook, sys.unraisablehook
    sys.excepthook = on_exception
    threading.excepthook = lambda hook: on_exception(hook.exc_type, hook.exc_value, hook.exc_traceback)
    sys.unraisablehook = errors.log_unraisable  # nobody to tell: the log only
    previous_handler = qInstallMessageHandler(on_qt_message)

    def uninstall() -> None:
        global _shower
        sys.excepthook, threading.excepthook, sys.unraisablehook = before
        qInstallMessageHandler(previous_handler)
        _shower = None
    return uninstall


def _data_file() -> Path | None:
    return Path(r.database.database) if r.database.database else None


def text_for(error: BaseException) -> str:
    """What the box says: the error in the user's words, or where its details were written."""
    known = errors.explain(error, _data_file())
    if known is not None:
        return known
    return errors.unexpected_text(error, errors.log_unexpected(error, "window"))


def on_exception(kind, error, trace) -> None:
    if kind is not None and issubclass(kind, KeyboardInterrupt):
        QTimer.singleShot(0, QApplication.quit)
        return
    if error is None:
        return
    if trace is not None and error.__traceback__ is None:
        error = error.with_traceback(trace)
    _ask(text_for(error))


def on_qt_message(mode, context, message: str) -> None:
    level = {QtMsgType.QtCriticalMsg: logging.ERROR, QtMsgType.QtFatalMsg: logging.CRITICAL,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.INFO)
    with contextlib.suppress(OSError):
        errors.logger().log(level, "Qt: %s (%s:%s)", message, context.file, context.line)
    if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        _ask(translate("Guard", "Something unexpected went wrong in the window ({message}). The details are "
                       "in {log}.").format(message=message[:300], log=errors.logger_path()))


def _ask(text: str) -> None:
    if _shower is not None:
        _shower.asked.emit(text)
    else:
        print(text, file=sys.stderr)
