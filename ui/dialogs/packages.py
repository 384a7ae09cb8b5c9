"""Data packages in the window: 导出数据包… (villages, date range) and 导入数据包… (what it would do,
a choice for each record changed on both sides, households and persons that look like duplicates).

The work is in ``models.packages`` (Qt-free); here are the choices and the messages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import peewee
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from models import packages, store
from models import records as r
from models.packages import describing
from models.packages import passphrase as exchange
from ui import files
from ui.common import translate, warn
from ui.dialogs.conflicts import LATER, ConflictTable
from ui.files import safe_file_name
from ui.jobs import wait_for
from ui.widgets.date_input import DateInput

OK, CANCEL = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
PACKAGE_FILTER = "台账通数据包 (*.tzpkg);;All files (*)"


# --- 导出数据包… -----------------------------------------------------------------------------------


class ExportPackageDialog(QDialog):
    """Which villages (all, or those ticked) and which dates go into the package."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Packages", "Export data package"))
        self.unit = store.current_unit()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "Packages", "The records of {unit} go into one file that another laptop can import. Tick "
            "villages to send only theirs (none ticked: all villages).").format(
            unit=self.unit.name if self.unit else "—")))
        self.villages = QListWidget()
        villages = (r.Village.select().where(r.Village.unit == self.unit, r.Village.deleted_at.is_null())
                    .order_by(r.Village.position, r.Village.name)) if self.unit else []
        for village in villages:
            item = QListWidgetItem(village.name)
            item.setData(Qt.ItemDataRole.UserRole, village.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.villages.addItem(item)
        layout.addWidget(self.villages)
        form = QFormLayout()
        self.date_from, self.date_to = DateInput(), DateInput()
        form.addRow(translate("Packages", "Dated records from"), self.date_from)
        form.addRow(translate("Packages", "to"), self.date_to)
        layout.addLayout(form)
        buttons = QDialogButtonBox(OK | CANCEL)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Packages", "Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen_villages(self) -> list[Any] | None:
        ticked = [self.villages.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.villages.count())
                  if self.villages.item(i).checkState() == Qt.CheckState.Checked]
        return ticked or None

    def dates(self) -> tuple[dt.date | None, dt.date | None]:
        """The range; ``ValueError`` naming the field if a date cannot be read."""
        values = []
        for label, field in ((translate("Packages", "Dated records from"), self.date_from),
                             (translate("Packages", "to"), self.date_to)):
            value = field.value()
            if isinstance(value, str):
                raise ValueError(translate("Packages", "{field}: {text} is not a date like 2026-03-01.")
                                 .format(field=label, text=value))
            values.append(value)
        return values[0], values[1]


def default_package_name(villages: list[str] | None = None, today: dt.date | None = None) -> str:
    unit = store.current_unit()
    name = safe_file_name(unit.name) if unit is not None else "台账通"
    if villages and len(villages) == 1:
        name += "-" + safe_file_name(villages[0])
    return f"{name}-数据包-{(today or dt.date.today()).isoformat()}{packages.SUFFIX}"


def passphrase_missing(window: QMainWindow, title: str) -> bool:
    """No exchange passphrase is kept: say so, and offer to open 设置 → 数据交换 to set it."""
    if exchange.kept():
        return False
    text = translate("Packages", "Data packages are encrypted with the exchange passphrase agreed by the "
                     "township and its villages, and none is set on this laptop yet. Set it first in "
                     "Settings → Data exchange.")
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=window)
    settings_button = box.addButton(translate("Packages", "Open settings"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is settings_button and hasattr(window, "show_page"):
        window.show_page("settings").ask_for_passphrase()
    return True


def export_package(window: QMainWindow) -> Path | None:
    title = translate("Packages", "Export data package")
    if store.current_unit() is None:
        warn(window, title, translate("Packages", "The data file has no unit to export."))
        return None
    if passphrase_missing(window, title):
        return None
    dialog = ExportPackageDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        date_from, date_to = dialog.dates()
    except ValueError as error:
        warn(window, title, str(error))
        return None
    villages = dialog.chosen_villages()
    names = [v.name for v in r.Village.select().where(r.Village.id.in_(villages))] if villages else None
    target = files.choose_target(window, title, default_package_name(names), PACKAGE_FILTER,
                                 packages.SUFFIX, kind="package", remember=False)
    if target is None:
        return None
    try:
        manifest = wait_for(window, translate("Packages", "Writing {name}…").format(name=target.name),
                            lambda _job: packages.export_package(target, villages=villages,
                                                                 date_from=date_from, date_to=date_to))
    except packages.PackageError as error:
        warn(window, title, str(error))
        return None
    files.remember_folder(target, "package")
    count = sum(n for table, n in manifest.counts.items() if table not in (packages.LINKS, "base"))
    window.statusBar().showMessage(translate("Packages", "Data package written to {path} ({n} records).")
                                   .format(path=target, n=count), 8000)
    return target


# --- 导入数据包… -----------------------------------------------------------------------------------


DELETIONS_SHOWN = 200


class ImportPackageDialog(QDialog):
    """What the package would change, the records it sends to the recycle bin, a choice for each
    conflict, duplicates to merge after importing."""

    def __init__(self, plan: packages.ImportPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        manifest = plan.package.manifest
        self.setWindowTitle(translate("Packages", "Import data package"))
        self.resize(860, 600)
        layout = QVBoxLayout(self)
        self.summary = QLabel(translate(
            "Packages", "{file}: records of {unit}, written {when} (UTC).\n"
            "{added} new, {updated} changed, {deleted} moved to the recycle bin, {same} already the same, "
            "{kept} newer here (kept); {conflicts} changed on both sides.").format(
            file=plan.package.path.name, unit=manifest.unit_name, when=manifest.created_at[:16],
            added=plan.added, updated=plan.updated, deleted=plan.deleted, same=plan.identical,
            kept=plan.keep, conflicts=len(plan.conflicts)))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.deletions = self._deletion_list(plan)
        if plan.deletions:
            layout.addWidget(QLabel(translate("Packages", "These records go to the recycle bin:")))
            layout.addWidget(self.deletions, 1)
        else:
            self.deletions.hide()
        self.conflicts = ConflictTable([(c.model, c.id, c.local, c.incoming, c.fields)
                                        for c in plan.conflicts])
        if plan.conflicts:
            layout.addWidget(QLabel(translate(
                "Packages", "Changed on both laptops in ways that cannot be merged; choose which to keep, or "
                "decide later (File → Conflicts of exchanges…):")))
            layout.addWidget(self.conflicts, 2)
        else:
            self.conflicts.hide()
        self.duplicates = self._duplicate_list(plan.duplicates)
        if plan.duplicates:
            layout.addWidget(QLabel(translate(
                "Packages", "These look like records already here under another key. Tick those to merge "
                "into the existing record after importing (its visits and other records move over):")))
            layout.addWidget(self.duplicates, 1)
        else:
            self.duplicates.hide()
        self.confirm = QCheckBox(translate("Packages", "I have checked the records that go to the recycle "
                                           "bin and the changes above."))
        self.confirm.setVisible(plan.needs_confirmation)
        layout.addWidget(self.confirm)
        buttons = QDialogButtonBox(OK | CANCEL)
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(translate("Packages", "Import"))
        self.import_button.setEnabled(not plan.needs_confirmation)
        self.confirm.toggled.connect(self.import_button.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def choices(self) -> list[QComboBox]:
        return self.conflicts.choices

    @staticmethod
    def _deletion_list(plan: packages.ImportPlan) -> QListWidget:
        listing = QListWidget()
        for model, key in plan.deletions[:DELETIONS_SHOWN]:
            listing.addItem(describing.record_text(model, key))
        if plan.deleted > DELETIONS_SHOWN:
            listing.addItem(translate("Packages", "… and {n} more.").format(n=plan.deleted - DELETIONS_SHOWN))
        return listing

    @staticmethod
    def _duplicate_list(duplicates: list[packages.Duplicate]) -> QListWidget:
        listing = QListWidget()
        for duplicate in duplicates:
            local = duplicate.model.get_or_none(duplicate.model.id == duplicate.local)
            reason = {"id_number": translate("Packages", "same ID number"),
                      "head": translate("Packages", "same head of household in the same group"),
                      "name": translate("Packages", "same name")}[duplicate.reason]
            item = QListWidgetItem(translate(
                "Packages", "{kind} {text} ({reason}) — merge into {local}").format(
                kind=store.kind_name(duplicate.model), text=duplicate.text, reason=reason,
                local=store.describe(local) if local else "—"))
            item.setData(Qt.ItemDataRole.UserRole, duplicate)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            listing.addItem(item)
        return listing

    def chosen(self) -> dict[Any, str]:
        """The conflicts decided now: {record key: "local" | "incoming"} (none of those left for later)."""
        return {conflict.id: side for conflict, side in zip(self.plan.conflicts, self.conflicts.chosen(),
                                                             strict=True) if side != LATER}

    def to_merge(self) -> list[packages.Duplicate]:
        return [self.duplicates.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.duplicates.count())
                if self.duplicates.item(i).checkState() == Qt.CheckState.Checked]


def _apply(plan: packages.ImportPlan, chosen: dict[Any, str],
           to_merge: list[packages.Duplicate]) -> packages.ImportResult:
    """The import as decided, then the duplicates the user ticked merged into the records here."""
    result = packages.apply_import(plan, chosen)
    for duplicate in to_merge:
        model = duplicate.model
        packages.merge_duplicates(model.get_by_id(duplicate.local), model.get_by_id(duplicate.incoming))
    return result


def import_package(window: QMainWindow, path: Path | None = None) -> packages.ImportResult | None:
    title = translate("Packages", "Import data package")
    if passphrase_missing(window, title):
        return None
    if path is None:
        chosen, _filter = QFileDialog.getOpenFileName(window, title, str(files.last_folder("package")),
                                                      PACKAGE_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
    try:
        plan = wait_for(window, translate("Packages", "Reading {name}…").format(name=path.name),
                        lambda _job: packages.plan_import(packages.read_package(path)))
    except packages.PackageError as error:
        warn(window, title, str(error))
        return None
    files.remember_folder(path, "package")
    dialog = ImportPackageDialog(plan, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    to_merge = dialog.to_merge()
    window.statusBar().showMessage(translate("Packages", "Importing {path}: the data file is held until the "
                                             "import has finished…").format(path=path.name))
    try:
        decided = dialog.chosen()
        result = wait_for(window, translate("Packages", "Importing {name}…").format(name=path.name),
                          lambda _job: _apply(plan, decided, to_merge))
    except (packages.PackageError, peewee.DatabaseError, OSError) as error:  # nothing half-written
        window.statusBar().clearMessage()
        warn(window, title, translate("Packages", "{path} could not be imported: {error}").format(
            path=path, error=error))
        return None
    window.statusBar().clearMessage()
    if hasattr(window, "records_changed"):
        window.records_changed()
    text = translate(
        "Packages", "Imported {path}: {added} added, {updated} updated, {deleted} deleted, {conflicts} "
        "conflicts, {merged} of {duplicates} possible duplicates merged.").format(
        path=path.name, added=result.added, updated=result.updated, deleted=result.deleted,
        conflicts=result.conflicts + result.decided, merged=len(to_merge), duplicates=result.duplicates)
    if result.conflicts:
        text += "\n\n" + translate("Packages", "{n} conflicts wait for your decision: File → Conflicts of "
                                   "exchanges…").format(n=result.conflicts)
    QMessageBox.information(window, title, text)
    return result
