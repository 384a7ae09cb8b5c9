"""数据交换: the exchange passphrase that encrypts every data package, agreed by a township and its villages.

Shown masked, with a "show" toggle and a hint of its strength; kept in the data
file's settings (``models.packages.passphrase``), never in a package.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.packages import passphrase
from ui.common import warn

HINT_COLOURS = {0: "#b00020", passphrase.WEAK: "#b00020", passphrase.FAIR: "#8a6d00",
                passphrase.STRONG: "#1b5e20"}


class ExchangeTab(QWidget):
    """数据交换: the exchange passphrase, masked, with a strength hint."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        about = QLabel(self.tr(
            "Data packages are encrypted with the exchange passphrase. The township and each of its villages "
            "agree on one passphrase and enter the same one here; a package made under another passphrase "
            "cannot be opened. Tell it in person or by telephone, not in the chat where the packages travel. "
            "It is kept only in this laptop's data file and never goes into a package."))
        about.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(self.tr("At least {n} characters, e.g. a sentence only you know").format(
            n=passphrase.MIN_LENGTH))
        self.edit.textChanged.connect(self._hint)
        self.edit.returnPressed.connect(self.save)
        self.show_box = QCheckBox(self.tr("Show"))
        self.show_box.toggled.connect(self._show)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.status = QLabel()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        line = QHBoxLayout()
        line.addWidget(self.edit, 1)
        line.addWidget(self.show_box)
        form = QFormLayout()
        form.addRow(self.tr("Exchange passphrase"), line)
        form.addRow("", self.hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addStretch(1)

    def refresh(self) -> None:
        self.edit.setText(passphrase.kept())
        self.status.setText(self.tr("Saved.") if passphrase.kept() else self.tr("No passphrase is set yet."))

    def _show(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def _hint(self, text: str) -> None:
        if not text.strip():
            self.hint.clear()
            return
        level, hint = passphrase.strength(text)
        self.hint.setText(hint)
        self.hint.setStyleSheet(f"color: {HINT_COLOURS[level]}")
        self.status.clear()

    def save(self) -> None:
        try:
            passphrase.keep(self.edit.text())
        except ValueError as error:
            warn(self, self.tr("Exchange passphrase"), str(error))
            return
        self.refresh()
        self.changed.emit()

    def ask(self) -> None:
        """Bring the passphrase forward to be entered (a package was asked for without one)."""
        self.edit.setFocus()
        self.edit.selectAll()
