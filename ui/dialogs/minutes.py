"""会议记录: the minutes of a session, written as a Word document in the official layout.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)

from models import records as r
from ui import files
from ui.common import translate, warn

DEBOUNCE_MS = 300


def write_minutes_of(parent: QWidget | None, session: r.Session | None) -> Path | None:
    """Write the minutes of ``session`` to a chosen file, then offer to open it."""
    from exporters import ExportError
    from exporters.minutes import write_minutes

    title = translate("Summary", "Write minutes")
    if session is None:
        warn(parent, title, translate("Summary", "Choose a study session first."))
        return None
    path = files.choose_word_target(parent, title, f"{session.date:%Y%m%d}{session.topic[:20]}会议记录.docx")
    if path is None:
        return None
    try:
        with files.busy():
            written = write_minutes(path, session.id)
    except ExportError as error:
        QMessageBox.critical(parent, title, str(error))
        return None
    files.written_box(parent, title, written,
                      translate("Summary", "{path} was written.").format(path=written))
    return written
