"""The data file's password in the window: set (with a strength check), asked, and its recovery code.

``PasswordSetup`` is the part of the first start (and of the question a file of
an earlier version gets) that sets the password, or — only when the office
says so, with its reason — leaves the file without one. ``apply_choice``
encrypts the open file or records the choice; the recovery code is shown once
(``show_recovery_code``: printable). ``ask_password`` asks for the password of an
encrypted file (at opening, after an idle lock, before full values are exported).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import crypt, db, protection
from models import records as r
from ui.common import ERROR_STYLE, translate, warn


def loss_warning() -> str:
    return translate("Password", "The data file is encrypted with this password. Keep the password, and "
                     "print the recovery code shown next and keep it in the office: if both are lost, "
                     "nobody can open the data again — not the office, not the makers of 台账通.")


class PasswordSetup(QWidget):
    """A new password typed twice (checked as it is typed), or an explicit, explained choice of none."""

    def __init__(self, parent: QWidget | None = None, form: QFormLayout | None = None):
        """``form``: the rows go into that form (the dialog's own, so that its labels line up with
        the fields above); else into a layout of this widget's own."""
        super().__init__(parent)
        self.first, self.second = QLineEdit(), QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._update)
        self.hint = QLabel()
        self.hint.setStyleSheet(ERROR_STYLE)
        self.hint.setWordWrap(True)
        warning = QLabel(loss_warning())
        warning.setWordWrap(True)
        self.none = QCheckBox(self.tr("Keep this data file without a password (not encrypted)"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (for example: this computer is locked in the office "
                                               "safe and holds no other data)"))
        self.none_warning = QLabel(self.tr("Without a password, whoever takes this computer or copies the "
                                           "file reads every name, ID number and phone in it."))
        self.none_warning.setWordWrap(True)
        self.none.toggled.connect(self._update)
        if form is None:
            form = QFormLayout(self)
            form.setContentsMargins(0, 0, 0, 0)
        else:
            self.hide()  # holds nothing itself: its fields are rows of the given form
        form.addRow(warning)
        form.addRow(self.tr("Password"), self.first)
        form.addRow(self.tr("Password again"), self.second)
        for widget in (self.hint, self.none, self.reason, self.none_warning):
            form.addRow(widget)
        self._update()

    def _update(self) -> None:
        plain = self.none.isChecked()
        for edit in (self.first, self.second):
            edit.setEnabled(not plain)
        self.reason.setVisible(plain)
        self.none_warning.setVisible(plain)
        self.hint.setText("" if plain or not self.first.text() else (self.problem() or ""))

    def problem(self) -> str | None:
        """Why the choice cannot be taken as it is; None when it can."""
        if self.none.isChecked():
            if not self.reason.text().strip():
                return self.tr("Say why this data file is to have no password.")
            return None
        weak = crypt.weakness(self.first.text())
        if weak:
            return weak
        if self.first.text() != self.second.text():
            return self.tr("The two passwords differ.")
        return None

    def password(self) -> str | None:
        return None if self.none.isChecked() else self.first.text()


def apply_choice(parent: QWidget | None, setup: PasswordSetup) -> bool:
    """The open file encrypted with the password chosen (its recovery code shown), or the choice of
    none recorded with its reason; False (said) when it could not be done."""
    password = setup.password()
    try:
        if password is None:
            protection.choose_plain(setup.reason.text())
            return True
        code = db.encrypt_open_file(password)
    except (db.DatabaseOpenError, OSError) as error:
        warn(parent, translate("Password", "Password"), str(error))
        return False
    show_recovery_code(parent, Path(r.database.database), code)
    return True


def ask_password(parent: QWidget | None, path: Path, wrong: bool = False) -> str | None:
    """The password (or recovery code) of the encrypted file at ``path``; None when cancelled."""
    text = translate("Password", "{path} is encrypted. Its password (or its recovery code):").format(
        path=path)
    if wrong:
        text = translate("Password", "The password was wrong.") + "\n\n" + text
    value, ok = QInputDialog.getText(parent, translate("Password", "Password"), text,
                                     QLineEdit.EchoMode.Password)
    return value if ok and value else None


def password_is_right(parent: QWidget | None, path: Path, why: str) -> bool:
    """Asked again (``why`` says what for); True when the password or recovery code given opens the file."""
    value, ok = QInputDialog.getText(parent, translate("Password", "Password"), why,
                                     QLineEdit.EchoMode.Password)
    if not ok:
        return False
    try:
        crypt.unlock(path, value)
    except crypt.KeyFileError:
        warn(parent, translate("Password", "Password"), translate("Password", "The password was wrong."))
        return False
    return True


def full_values_allowed(parent: QWidget | None) -> bool:
    """Full ID numbers and phones leave an encrypted file only when its password is given again."""
    if protection.state() != protection.ENCRYPTED:
        return True
    return password_is_right(parent, Path(r.database.database), translate(
        "Password", "Full ID numbers and phone numbers are exported only with the data file's password. "
        "Its password (or its recovery code):"))


class RecoveryCodeDialog(QDialog):
    """The recovery code, once: large, printable; closed only once the office says it has kept it."""

    def __init__(self, path: Path, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.path, self.code = path, code
        self.setWindowTitle(self.tr("Recovery code"))
        intro = QLabel(self.tr("The recovery code of {path} opens it when the password is lost. Print it "
                               "(or write it down) now and keep it in the office, away from this "
                               "computer: it is not shown again.").format(path=path))
        intro.setWordWrap(True)
        shown = QLabel(code)
        font = QFont("monospace")
        font.setPointSize(18)
        shown.setFont(font)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kept = QCheckBox(self.tr("I have printed or written down the recovery code"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.kept.toggled.connect(self.ok.setEnabled)
        printing = QPushButton(self.tr("Print…"))
        printing.clicked.connect(self.print_code)
        buttons.addButton(printing, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(shown)
        layout.addWidget(self.kept)
        layout.addWidget(buttons)

    def reject(self) -> None:  # Esc does not close it before the code was kept
        if self.kept.isChecked():
            super().reject()

    def print_code(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        text = self.tr("台账通 recovery code of {path}:\n\n{code}\n\nKeep this sheet in the office, away "
                       "from the computer.")
        document.setPlainText(text.format(path=self.path, code=self.code))
        document.print_(printer)


def show_recovery_code(parent: QWidget | None, path: Path, code: str) -> None:
    RecoveryCodeDialog(path, code, parent).exec()


class ProtectDialog(QDialog):
    """A plain file of an earlier version: a password now, or the explained choice of none."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Protect the data file"))
        intro = QLabel(self.tr("{path} holds the names, ID numbers and phones of the households in clear: "
                               "whoever copies the file can read them. Set a password to encrypt it (it "
                               "takes a moment; the unencrypted file is removed once the encrypted one "
                               "is checked).").format(path=path))
        intro.setWordWrap(True)
        self.setup = PasswordSetup()
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        buttons.button(standard.Cancel).setText(self.tr("Ask me next time"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.setup)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        problem = self.setup.problem()
        self.problem.setText(problem or "")
        if problem is None and apply_choice(self, self.setup):
            super().accept()


def protect_if_undecided(parent: QWidget | None, path: Path) -> None:
    """A file of an earlier version, not encrypted and never decided: the office is asked."""
    if protection.state() == protection.UNDECIDED:
        ProtectDialog(path, parent).exec()


class ChangePasswordDialog(QDialog):
    """The password of the open encrypted file changed: the old one (or the recovery code) first."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Change the password"))
        self.old = QLineEdit()
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.setup = PasswordSetup()
        self.setup.none.hide()  # an encrypted file stays one: no choice of none here
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Current password (or recovery code)"), self.old)
        note = QLabel(self.tr("The data file is not rewritten; the recovery code stays as it was. Backups "
                              "made before keep the password they were made under."))
        note.setWordWrap(True)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.setup)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        problem = self.setup.problem()
        if problem is None:
            try:
                crypt.change_password(self.path, self.old.text(), self.setup.first.text())
            except crypt.WrongPassword:
                problem = translate("Password", "The password was wrong.")
            except crypt.KeyFileError as error:
                problem = str(error)
        self.problem.setText(problem or "")
        if problem is None:
            super().accept()


def change_password(parent: QWidget | None) -> None:
    """设置's button: the password of an encrypted file changed, or a plain file given one."""
    path = Path(r.database.database)
    if protection.state() == protection.ENCRYPTED:
        ChangePasswordDialog(path, parent).exec()
    else:
        ProtectDialog(path, parent).exec()
