"""Small pieces every page and dialog of the window shares.

Messages go through ``translate()``/``translate`` with English source text; the
Simplified Chinese comes from ``resources/i18n/taizhangtong_zh_CN.ts``.
Errors the user can act on are shown in a message box in plain words; a
``ValidationError`` lists each field with what is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import peewee
from PySide6.QtCore import QCoreApplication, QDate, QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton, QWidget

from models import paths

if TYPE_CHECKING:
    from models.validation import ValidationError

ERROR_STYLE = "color: #b3261e;"  # what is wrong, under a field or in a dialog


def action_buttons(dialog: QDialog, text: str, action: Callable[[], Any],
                   cancel_text: str | None = None) -> tuple[QDialogButtonBox, QPushButton]:
    """Cancel and the dialog's one action (Export…, Import), which runs ``action``: its buttons, and the
    action's button (to enable or disable)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    if cancel_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(action)
    buttons.rejected.connect(dialog.reject)
    return buttons, button


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def settings() -> QSettings:
    """Window layout and column widths, in an ini file beside the data."""
    paths.ensure(paths.data_dir())
    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def to_qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate()


def from_qdate(value: QDate) -> dt.date | None:
    return dt.date(value.year(), value.month(), value.day()) if value.isValid() else None


def validation_text(error: ValidationError) -> str:
    return "\n".join(f"• {item.message}" for item in error.errors)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def guarded(parent: QWidget | None, action: Callable[[], Any], title: str | None = None) -> Any:
    """Run ``action``; a refusal of the core becomes a message box, not a traceback.

    Returns the action's result, or None when it was refused.
    """
    from models.store import StillUsedError  # the core's rules, imported when first needed
    from models.validation import ValidationError

    try:
        return action()
    except ValidationError as error:
        warn(parent, title or translate("Common", "Not saved"),
             translate("Common", "Please correct:") + "\n" + validation_text(error))
    except StillUsedError as error:
        warn(parent, title or translate("Common", "Cannot delete"), str(error))
    except peewee.OperationalError as error:  # locked by another program, a full disk, a damaged file
        from models import errors
        from models import records as r

        known = errors.explain(error, Path(r.database.database) if r.database.database else None)
        warn(parent, title or translate("Common", "Not saved"), known or translate(
            "Common", "The data file could not be written: {error}").format(error=error))
    return None


def guarded_done(parent: QWidget | None, action: Callable[[], None], title: str | None = None) -> bool:
    """``guarded`` for an action that returns nothing (a delete): True if it was done, False if refused."""
    def done() -> bool:
        action()
        return True
    return guarded(parent, done, title) is not None


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
