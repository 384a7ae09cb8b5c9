"""The idle lock: after a set time without input, the window hides the data and asks for the password.

Only an encrypted file is locked (a file kept without a password has none to
ask). Every open window and dialog is covered, not closed — a form being typed
keeps what was typed — and the password (or the recovery code) uncovers them.
The time is a setting of the data file (设置 → 本单位), 15 minutes unless set;
0 never locks.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from models import crypt, protection, settings
from models import records as r
from ui.common import translate

MINUTES_KEY = "idle_lock_minutes"
DEFAULT_MINUTES = 15
CHECK_MS = 5_000
_INPUT = frozenset((QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                    QEvent.Type.Wheel, QEvent.Type.TouchBegin))


def minutes() -> int:
    """The idle time before the lock, in minutes (0: never)."""
    try:
        return max(0, int(settings.get_setting(MINUTES_KEY, str(DEFAULT_MINUTES))))
    except ValueError:
        return DEFAULT_MINUTES


def set_minutes(value: int) -> None:
    with r.database.atomic():
        settings.set_setting(MINUTES_KEY, str(max(0, int(value))))


class IdleLock(QObject):
    """Watches the application's input; locks ``window`` (and every dialog) once idle too long."""

    def __init__(self, window: QWidget, seconds: float | None = None, check_ms: int = CHECK_MS):
        super().__init__(window)
        self.window = window
        self.seconds = seconds  # None: the data file's setting
        self.last_input = time.monotonic()
        self.covers: dict[QWidget, QWidget] = {}
        self.watching = False
        self._watch_if_encrypted()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(check_ms)
        window.destroyed.connect(self._stop)

    @property
    def locked(self) -> bool:
        return bool(self.covers)

    def _stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _watch_if_encrypted(self) -> None:
        """The application's input is watched while the open file is encrypted, from the moment it is:
        a plain file is never locked, and the thousands of events of a window being built and
        painted (a tenth of its start) need not each pass through Python here."""
        encrypted = not r.database.is_closed() and protection.state() == protection.ENCRYPTED
        if encrypted == self.watching or self.locked:
            return
        app = QApplication.instance()
        if encrypted:
            self.last_input = time.monotonic()
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self.watching = encrypted

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in _INPUT:
            self.last_input = time.monotonic()
        elif kind == QEvent.Type.Resize and watched in self.covers:
            self.covers[watched].setGeometry(watched.rect())
        return False

    def limit(self) -> float:
        return self.seconds if self.seconds is not None else minutes() * 60

    def check(self) -> None:
        self._watch_if_encrypted()
        limit = self.limit()
        if self.locked or limit <= 0 or r.database.is_closed() or protection.state() != protection.ENCRYPTED:
            return
        if time.monotonic() - self.last_input >= limit:
            self.lock()

    def lock(self) -> None:
        """Every visible window covered; the password asked for at once."""
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget not in self.covers:
                self.covers[widget] = self._cover(widget, main=widget is self.window)
        QTimer.singleShot(0, self.ask)

    def _cover(self, widget: QWidget, main: bool) -> QWidget:
        cover = QWidget(widget)
        cover.setObjectName("idleLockCover")
        cover.setAutoFillBackground(True)
        cover.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(cover)
        layout.addStretch(1)
        label = QLabel(translate("IdleLock", "台账通 is locked: it was not used for a while. The data is "
                                 "hidden until the password is given."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout.addWidget(label)
        if main:
            button = QPushButton(translate("IdleLock", "Unlock…"))
            button.clicked.connect(self.ask)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        cover.setGeometry(widget.rect())
        cover.show()
        cover.raise_()
        cover.setFocus()
        return cover

    def ask(self) -> None:
        """The password until it is right (then uncovered) or the user gives up (the lock stays)."""
        from ui.dialogs import password

        if not self.locked:
            return
        path = Path(r.database.database)
        wrong = False
        while True:
            secret = password.ask_password(self.window, path, wrong)
            if secret is None:
                return
            try:
                crypt.unlock(path, secret)
            except crypt.KeyFileError:
                wrong = True
                continue
            self.unlock()
            return

    def unlock(self) -> None:
        for cover in self.covers.values():
            with contextlib.suppress(RuntimeError):  # its dialog was closed meanwhile
                cover.hide()
                cover.deleteLater()
        self.covers.clear()
        self.last_input = time.monotonic()
