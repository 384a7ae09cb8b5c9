"""打印签到表: a session's sign-in sheet written to a chosen workbook and opened for printing.
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


def print_signin_sheet(parent: QWidget | None, session: r.Session | None) -> Path | None:
    """Write the sign-in sheet of ``session`` to a chosen file and open it."""
    from exporters import ExportError
    from exporters.signin import write_signin_sheet

    if session is None:
        warn(parent, translate("Transfer", "Print sign-in sheet"),
             translate("Transfer", "Choose a study session first."))
        return None
    name = files.safe_file_name(f"{session.date:%Y%m%d}{session.topic[:20]}签到表") + ".xlsx"
    path = files.choose_excel_target(parent, translate("Transfer", "Print sign-in sheet"), name)
    if path is None:
        return None
    try:
        written = write_signin_sheet(path, session.id)
    except ExportError as error:
        QMessageBox.critical(parent, translate("Transfer", "Print sign-in sheet"), str(error))
        return None
    files.open_path(written)
    return written
