"""Files the window writes for the user: where to, and what to do with them afterwards.

Every "save as" of the window (registers, documents, backups, packages)
proposes a name in the folder last used for that kind of file, adds the
suffix a user left out, and ends with a message that opens the file or its
folder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from models.i18n import QT_TRANSLATE_NOOP
from ui.common import settings, translate

EXCEL_FILTER = QT_TRANSLATE_NOOP("Transfer", "Excel workbook (*.xlsx)")
WORD_FILTER = "Word (*.docx)"


def last_folder(kind: str = "export") -> Path:
    """The folder of the last file of this kind, remembered between runs."""
    stored = settings().value(f"{kind}/folder")
    folder = Path(stored) if stored else Path.home()
    return folder if folder.is_dir() else Path.home()


def remember_folder(path: Path, kind: str = "export") -> None:
    settings().setValue(f"{kind}/folder", str(path.parent))


def safe_file_name(text: str) -> str:
    """``text`` without the characters Windows does not allow in a file name."""
    return re.sub(r'[\\/:*?"<>|\s]+', "", text)


def choose_target(parent: QWidget | None, title: str, name: str, file_filter: str, suffix: str,
                  kind: str = "export", remember: bool = True) -> Path | None:
    """The file to write, proposed as ``name`` in the last folder of ``kind``; None if cancelled.

    ``remember`` False leaves remembering the folder to the caller, once the file is written.
    """
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(last_folder(kind) / name), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    if remember:
        remember_folder(path, kind)
    return path


def choose_excel_target(parent: QWidget | None, title: str, name: str) -> Path | None:
    """The workbook to write, proposed as ``name`` in the last export folder; None if cancelled."""
    return choose_target(parent, title, name, translate("Transfer", EXCEL_FILTER), ".xlsx")


def choose_word_target(parent: QWidget | None, title: str, name: str) -> Path | None:
    """The document to write, proposed as ``name`` in the last export folder; None if cancelled."""
    return choose_target(parent, title, safe_file_name(name), WORD_FILTER, ".docx")


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the window works (a roster of a few thousand rows takes seconds)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def open_path(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def written_box(parent: QWidget | None, title: str, path: Path, text: str) -> QMessageBox:
    """A message with Open file / Open folder / Close, shown without blocking."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, parent)
    open_file = box.addButton(translate("Files", "Open file"), QMessageBox.ButtonRole.ActionRole)
    open_folder = box.addButton(translate("Files", "Open folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(translate("Files", "Close"), QMessageBox.ButtonRole.RejectRole)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def clicked(button) -> None:
        if button is open_file:
            open_path(path)
        elif button is open_folder:
            open_path(path.parent)

    box.buttonClicked.connect(clicked)
    box.open()
    return box


# --- exports on a worker ----------------------------------------------------------------------------

class ExportFailure(Exception):
    """An export on a worker that failed or was cancelled: its message is for the user."""


def export_work(path: Path, write: Callable[[Any], Path]) -> Callable[[Any], Path]:
    """``write(job)`` as the work of a background job (``ui.jobs``): an export's refusal, or a database or
    disk failure, comes back as ``ExportFailure`` with the words to show, never as a crash of the thread."""
    def work(job: Any) -> Path:
        from exporters import ExportError

        try:
            return write(job)
        except ExportError as error:
            raise ExportFailure(str(error)) from error
        except Exception as error:
            raise ExportFailure(translate("Transfer", "The export to {path} failed: {error}").format(
                path=path, error=error)) from error
    return work


def failure_text(error: Exception) -> str:
    """What to say of an export job's failure."""
    if isinstance(error, ExportFailure):
        return str(error)
    return translate("Transfer", "The export failed: {error}").format(error=error)
