"""A damaged data file at start: the newest sound backup is offered in its place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from models import backup, db, paths, restore
from ui.common import translate
from ui.dialogs.backup import when_text


def offer_good_backup(parent: QWidget | None, path: Path, error: db.DatabaseDamagedError) -> bool:
    """Offer the newest backup that passes the integrity check; True once it replaced the damaged file.

    The damaged file is kept beside it; the caller opens the data file again.
    """
    title = translate("Backup", "The data file is damaged")
    owner, _unit = restore.owner_of(path)
    found = restore.newest_good_backup(owner)
    if found is None:
        QMessageBox.critical(parent, title, translate(
            "Backup", "{error}\n\nNo sound backup of this file was found in {folder}. Keep the file and "
            "ask for help; 台账通 will not write to it.").format(error=error, folder=paths.backups_dir()))
        return False
    answer = QMessageBox.question(parent, title, translate(
        "Backup", "{error}\n\nThe newest sound backup is from {when} ({reason}):\n{backup}\n\nRestore it? "
        "The damaged file is kept beside it, renamed {name}.damaged-…; records entered after the backup "
        "was made are not in it. Choose No to quit.").format(
        error=error, when=when_text(found.taken_at), reason=found.reason_label(), backup=found.path,
        name=path.name), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        damaged = restore.replace_damaged(path, found.path)
    except backup.BackupError as failure:
        QMessageBox.critical(parent, title, str(failure))
        return False
    QMessageBox.information(parent, title, translate(
        "Backup", "The backup of {when} was restored. The damaged file is kept as {damaged}.").format(
        when=when_text(found.taken_at), damaged=damaged))
    return True
