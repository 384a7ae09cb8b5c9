"""The first start: a data file without a unit asks who keeps these ledgers.

The office gives its name and level, names its first campaign (with the
usual phases) and sets the password the data file is encrypted with (or says
why it is to have none); or it looks around in the township demo first (a
plain file of invented data). Nothing is written when the dialog is cancelled.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import db, demo, paths, store, vocab
from models import records as r
from ui.common import ERROR_STYLE, guarded, translate, warn
from ui.dialogs.password import PasswordSetup, apply_choice
from ui.widgets.date_input import DateInput

DEFAULT_CAMPAIGN = "思想大解放"  # the campaign most offices start with (data, not interface text)
DEMO_FILE = "demo-township.db"
DEMO_SIZE = "township"


def run_first_start(parent: QWidget | None, db_path: Path) -> Path | None:
    """Ask for the unit and its first campaign; the path of the data file to use, or None."""
    dialog = FirstStartDialog(db_path, parent)
    code = dialog.exec()
    if code == FirstStartDialog.DEMO:
        return dialog.demo_path
    if code == QDialog.DialogCode.Accepted:
        return db_path
    return None


def create_unit(unit: dict, campaign: dict) -> r.Campaign:
    """The unit, its first campaign with the default phases, made current: all or nothing."""
    with r.database.atomic():
        saved_unit = store.save(r.Unit, unit)
        saved = store.save(r.Campaign, {**campaign, "unit": saved_unit.id})
        for position, name in enumerate(vocab.DEFAULT_PHASES):
            store.save(r.Phase, {"campaign": saved.id, "name": translate("Vocabulary", name),
                                 "position": position})
        store.set_current(unit=saved_unit, campaign=saved)
    return saved


def open_demo(parent: QWidget | None) -> Path:
    """Open the township demo, writing it first if this computer has none yet.

    The current data file is closed; on failure the caller reopens it.
    """
    path = paths.ensure(paths.data_dir()) / DEMO_FILE
    db.close_database()
    if path.exists() and path.stat().st_size > 0:
        db.open_database(path)
        return path
    progress = QProgressDialog(parent)
    progress.setWindowTitle(translate("FirstStart", "Demonstration data"))
    progress.setLabelText(translate("FirstStart", "Writing the demonstration data…"))
    progress.setRange(0, 0)
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.show()
    QApplication.processEvents()

    def report(text: str) -> None:
        progress.setLabelText(text)
        QApplication.processEvents()

    try:
        demo.generate(path, DEMO_SIZE, progress=report)
    finally:
        progress.close()
        progress.deleteLater()
    return path


class FirstStartDialog(QDialog):
    """Who keeps these ledgers: OK creates the unit, 载入演示数据 opens the demo instead."""

    DEMO = 2  # exec() result when the demo was opened

    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.demo_path: Path | None = None
        self.setWindowTitle(self.tr("Welcome to 台账通"))
        self.setMinimumWidth(480)
        intro = QLabel(self.tr("This data file is new. Tell us which unit keeps these ledgers and "
                               "which campaign they are for; everything can be changed later in "
                               "Settings."))
        intro.setWordWrap(True)
        self.unit_name = QLineEdit()
        self.unit_level = QComboBox()
        for code, label in vocab.UNIT_LEVELS.items():
            self.unit_level.addItem(label, code)
        self.campaign_name = QLineEdit(DEFAULT_CAMPAIGN)
        self.start_date = DateInput()
        self.start_date.set_value(dt.date.today())
        self.end_date = DateInput()
        form = QFormLayout()
        form.addRow(translate("Field", r.Unit.name.verbose_name), self.unit_name)
        form.addRow(translate("Field", r.Unit.level.verbose_name), self.unit_level)
        form.addRow(translate("Field", r.Campaign.name.verbose_name), self.campaign_name)
        form.addRow(translate("Field", r.Campaign.start_date.verbose_name), self.start_date)
        form.addRow(translate("Field", r.Campaign.end_date.verbose_name), self.end_date)
        self.password = PasswordSetup(self, form)  # its rows in the same form: the labels line up
        self.password_problem = QLabel()
        self.password_problem.setStyleSheet(ERROR_STYLE)
        self.password_problem.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        self.demo_button = QPushButton(self.tr("Load demonstration data"))
        self.demo_button.setToolTip(self.tr("Look around in an invented township first; your own "
                                            "data file stays empty."))
        self.demo_button.setAutoDefault(False)
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.demo_button.clicked.connect(self.load_demo)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.password_problem)
        layout.addWidget(buttons)
        self.unit_name.setFocus()

    def values(self) -> tuple[dict, dict]:
        """(unit values, campaign values) as typed."""
        unit = {"name": self.unit_name.text(), "level": self.unit_level.currentData()}
        campaign = {"name": self.campaign_name.text(), "start_date": self.start_date.value(),
                    "end_date": self.end_date.value()}
        return unit, campaign

    def accept(self) -> None:
        problem = self.password.problem()
        self.password_problem.setText(problem or "")
        if problem is not None:
            self.password.first.setFocus()
            return
        unit, campaign = self.values()
        if guarded(self, lambda: create_unit(unit, campaign)) is None:
            return
        if apply_choice(self, self.password):
            super().accept()

    def load_demo(self) -> None:
        try:
            self.demo_path = open_demo(self)
        except Exception as error:  # demo refused, file unreadable, disk full: say so, go back
            self.demo_path = None
            warn(self, self.tr("Demonstration data"),
                 self.tr("The demonstration data could not be opened: {error}").format(error=error))
            db.open_database(self.db_path)  # back to the file we were given
            return
        self.done(self.DEMO)

