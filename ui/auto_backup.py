"""Automatic copies: one when the window closes and one a day while it runs.

A failure to back up is said in the status bar and never stops the window or
its closing. The day's copy is made off the window's thread (a county file
takes seconds).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QMainWindow,
)

from models import identity, paths
from models import records as r
from ui import data_file
from ui.common import translate
from ui.jobs import run_in_background


def _daily_copy(folder: Path):
    """The work of the day's job: a copy when none was made today, then the rotation; and every copy
    of this file not checked yet (the one made on closing, last time) checked and marked sound."""
    def work(_job) -> Path | None:
        from models import backup, restore

        written = None
        if backup.due_today(folder):
            written = backup.make_backup("daily", folder)
            backup.rotate(folder=folder)
        restore.verify_backups(identity.file_id(), folder)
        return written
    return work


class AutoBackup(QObject):
    """A copy when the window closes and one a day while it runs, kept by ``backup.rotate``."""

    CHECK_EVERY_MS = 3_600_000
    FIRST_CHECK_MS = 5_000

    def __init__(self, window: QMainWindow, folder: Path | None = None):
        super().__init__(window)
        self.window = window
        self.folder = folder
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(self.CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check_daily)
        self.timer.start()
        QTimer.singleShot(self.FIRST_CHECK_MS, self, self.check_daily)

    def backups_folder(self) -> Path:
        return self.folder if self.folder is not None else paths.backups_dir()

    def check_daily(self) -> None:
        if self.running or r.database.is_closed():
            return
        if not data_file.identity_settled():  # a copy opened for the first time: not yet who it is
            QTimer.singleShot(self.FIRST_CHECK_MS, self, self.check_daily)
            return
        self.running = True
        run_in_background(_daily_copy(self.backups_folder()), self._on_job_finished, self._on_job_failed,
                          owner=self)

    def _on_job_finished(self, written: Path | None) -> None:
        self.running = False
        if written is not None:
            self.window.statusBar().showMessage(
                translate("Backup", "Today's backup was written to {path}.").format(path=written), 6000)

    def _on_job_failed(self, error: Exception) -> None:
        """A full disk, a folder that cannot be written: said, never a crash."""
        self.running = False
        self.warn(str(error))

    def warn(self, message: str) -> None:
        self.window.statusBar().showMessage(translate("Backup", "Backup failed: {message}").format(
            message=message))

    def backup_on_close(self) -> Path | None:
        """The closing copy; a failure is said and never stops the window from closing."""
        self.timer.stop()
        if r.database.is_closed():
            return None
        from models import backup  # the copies' modules once a copy is made, not at the start

        folder = self.backups_folder()
        try:
            data_file.settle_identity_now()  # the copy kept under its own identity, not the original's
            written = backup.make_backup("close", folder)
            backup.rotate(folder=folder)
        except Exception as error:  # closing must go on whatever happened
            self.warn(str(error))
            print(translate("Backup", "Backup failed: {message}").format(message=error), file=sys.stderr)
            return None
        return written
