"""备份到… and 从备份恢复…: a copy written where the user chooses, and a backup restored
after a preview of what it holds beside the current data.

The work is in ``models.backup`` (Qt-free); here are the choices, the preview
and the messages. The automatic copies are ``ui.auto_backup``; a damaged file
at start is ``ui.dialogs.damaged_file``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import backup, db, identity, paths, restore, store
from models.restore import OtherFileError, Restored  # by name: in the class, restore is the method
from ui import files
from ui.common import confirm, translate, warn
from ui.files import safe_file_name

DB_FILTER = "台账通 (*.db);;All files (*)"


def when_text(moment: dt.datetime | None) -> str:
    """A backup's time as the lists show it (2026-03-02 09:30)."""
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "—"


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024)} KB"


# --- 备份到… ------------------------------------------------------------------------------------


def default_backup_name(today: dt.date | None = None) -> str:
    unit = store.current_unit()
    name = safe_file_name(unit.name) if unit is not None else "台账通"
    return f"{name}-台账通备份-{(today or dt.date.today()).isoformat()}.db"


def backup_to_file(window: QMainWindow) -> Path | None:
    """Ask where, then write a consistent copy there (a USB stick, another disk)."""
    title = translate("Backup", "Back up to")
    target = files.choose_target(window, title, default_backup_name(), DB_FILTER, ".db",
                                 kind="backup", remember=False)
    if target is None:
        return None
    try:
        with files.busy():
            backup.backup_to_file(target)
    except backup.BackupError as error:
        warn(window, title, str(error))
        return None
    files.remember_folder(target, "backup")
    window.statusBar().showMessage(translate("Backup", "Backup written to {path}.").format(path=target), 8000)
    return target


# --- 从备份恢复… -----------------------------------------------------------------------------------


class RestoreDialog(QDialog):
    """This data file's backups (or any file chosen), a preview beside the current data, 恢复.

    Backups of other data files are listed apart, under their unit's name; restoring
    one of them asks first, naming both units.
    """

    restored = Signal(object)  # restore.Restored

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Backup", "Restore from a backup"))
        self.folder = folder if folder is not None else paths.backups_dir()
        self.chosen: Path | None = None
        self.preview: backup.Preview | None = None
        self.current = backup.current_preview()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(translate("Backup", "Restore"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addLayout(self._backup_list(), 2)
        body.addWidget(self._preview_panel(), 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(820, 440)
        self.reload_list()

    def _backup_list(self) -> QVBoxLayout:
        self.list = QListWidget()
        self.list.setMinimumWidth(300)
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        other = QPushButton(translate("Backup", "Choose another file…"))
        other.clicked.connect(self.choose_other_file)
        left = QVBoxLayout()
        left.addWidget(QLabel(translate("Backup", "Backups in {folder}").format(folder=self.folder)))
        left.addWidget(self.list, 1)
        left.addWidget(other)
        return left

    def _preview_panel(self) -> QFrame:
        """What the chosen backup holds, kind by kind, beside the current data."""
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self._build_grid()
        note = QLabel(translate("Backup", "Before restoring, a copy of the current data is kept in the "
                                "backups folder."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.problem)
        right.addLayout(self.grid)
        right.addStretch(1)
        right.addWidget(note)
        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setLayout(right)
        return panel

    def _build_grid(self) -> None:
        headers = (translate("Backup", "Records"), translate("Backup", "In the backup"),
                   translate("Backup", "Now"), translate("Backup", "Last change in the backup"))
        for column, text in enumerate(headers):
            align = Qt.AlignmentFlag.AlignLeft if column in (0, 3) else Qt.AlignmentFlag.AlignRight
            self.grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column, align)
        self.cells: dict[type, tuple[QLabel, QLabel, QLabel]] = {}
        for row, kind in enumerate(self.current.kinds, start=1):
            self.grid.addWidget(QLabel(store.kind_name(kind.model)), row, 0)
            cells = (QLabel("—"), QLabel(f"{kind.count:,}"), QLabel("—"))
            self.grid.addWidget(cells[0], row, 1, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(cells[1], row, 2, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(cells[2], row, 3)
            self.cells[kind.model] = cells

    def reload_list(self) -> None:
        """This file's backups first; those of other data files after a heading, with their unit."""
        self.list.clear()
        owner = identity.file_id()
        infos = backup.list_backups(self.folder)
        mine = [info for info in infos if info.owner == owner]
        others = [info for info in infos if info.owner != owner]
        for info in mine:
            self._add(info, "")
        if others:
            heading = QListWidgetItem(translate("Backup", "Backups of other data files:"))
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(heading)
            unknown = translate("Backup", "a unit it does not name")
            for info in others:
                self._add(info, f"  {info.unit or unknown}")
        if mine:
            self.list.setCurrentRow(0)
        else:
            self._show(None, translate("Backup", "There are no backups in the backups folder yet. "
                                       "Choose another file to restore from."))

    def _add(self, info: backup.BackupInfo, whose: str) -> None:
        text = f"{when_text(info.taken_at)}  {info.reason_label()}  {_size(info.size)}{whose}"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, info)
        item.setToolTip(str(info.path))
        self.list.addItem(item)

    def _on_list_current_changed(self, item: QListWidgetItem | None, _previous) -> None:
        info = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if info is not None:
            self.choose(info.path, translate("Backup", "Backup of {when} ({reason})").format(
                when=when_text(info.taken_at), reason=info.reason_label()))

    def choose_other_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, translate("Backup", "Choose a backup"), str(files.last_folder("backup")), DB_FILTER)
        if chosen:
            self.list.setCurrentRow(-1)
            self.list.clearSelection()
            self.choose(Path(chosen))

    def choose(self, path: Path, heading: str | None = None) -> bool:
        """Show the preview of ``path``; False (with the reason shown) when it cannot be restored."""
        self.chosen = self.preview = None
        title = heading or translate("Backup", "File {name}").format(name=path.name)
        try:
            preview = self._check_and_preview(path)
        except backup.BackupError as error:
            self._show(None, str(error), title)
            return False
        self.chosen, self.preview = path, preview
        self._show(preview, "", title)
        return True

    def _check_and_preview(self, path: Path) -> backup.Preview:
        """What ``path`` holds, after its check; an encrypted copy of another password asks for it (the
        password it was made under, or its recovery code) until it is given or the user gives up."""
        from ui.dialogs.password import ask_password

        wrong = False
        while True:
            try:
                with files.busy():
                    restore.check(path)
                    return backup.preview(path)
            except backup.PasswordNeeded as needed:
                secret = ask_password(self, path, wrong)
                if secret is None:
                    raise backup.BackupError(str(needed)) from None
            try:
                backup.unlock(path, secret)
                wrong = False
            except backup.BackupError:
                wrong = True

    def _show(self, preview: backup.Preview | None, problem: str, title: str = "") -> None:
        self.heading.setText(f"<b>{title}</b><br>{preview.path if preview else ''}" if title else "")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        for kind in self.current.kinds:
            in_backup, _now, newest = self.cells[kind.model]
            found = next((k for k in preview.kinds if k.model is kind.model), None) if preview else None
            in_backup.setText(f"{found.count:,}" if found else "—")
            differs = found is not None and found.count != kind.count
            in_backup.setStyleSheet("font-weight: bold; color: #1a5fb4;" if differs else "")
            newest.setText(when_text(found.newest)[:10] if found and found.newest else "—")
        self.restore_button.setEnabled(preview is not None)

    def restore(self) -> None:
        if self.chosen is None:
            return
        title = translate("Backup", "Restore from a backup")
        if not confirm(self, title, translate(
                "Backup", "Replace the current data with {name}?\n\nA copy of the current data is kept "
                "first in {folder}, so this can be undone.").format(
                name=self.chosen.name, folder=self.folder)):
            return
        QThreadPool.globalInstance().waitForDone(10_000)  # no list is reading the file as it is replaced
        result: Restored | None
        try:
            with files.busy():
                result = restore.restore(self.chosen, self.folder)
        except OtherFileError as error:
            result = self._restore_other(title, error)
        except (backup.BackupError, db.DatabaseOpenError) as error:
            warn(self, title, str(error))
            return
        if result is None:
            return
        self.restored.emit(result)
        self.accept()

    def _restore_other(self, title: str, error: OtherFileError) -> Restored | None:
        """A backup of another data file: restored only when the user says so, both units named."""
        if self.chosen is None or not confirm(self, title, translate(
                "Backup", "{error}\n\nReplace the data of {target} by the backup of {source}? A copy of the "
                "current data is kept first.").format(error=error, target=error.target_unit,
                                                     source=error.source_unit)):
            return None
        try:
            with files.busy():
                return restore.restore(self.chosen, self.folder, other_file_ok=True)
        except (backup.BackupError, db.DatabaseOpenError) as failure:
            warn(self, title, str(failure))
            return None
