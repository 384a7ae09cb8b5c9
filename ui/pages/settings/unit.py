"""本单位: the office's name, level and phone, who makes the changes on this laptop, and what its papers need:
the office its reports go to (主送) and its own media (whose articles the summary counts apart).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models import records as r
from models import settings, store, vocab
from models.i18n import translate
from ui.common import guarded
from ui.widgets.choices import fill_vocabulary, select_data


class UnitTab(QWidget):
    """本单位: the office's name, level and phone."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.level_combo = QComboBox()
        fill_vocabulary(self.level_combo, vocab.UNIT_LEVELS)
        self.phone_edit = QLineEdit()
        self.operator_edit = QLineEdit()  # who makes the changes on this laptop, for the history
        self.operator_edit.setPlaceholderText(self.tr("Your name, recorded with every change"))
        self.addressee_edit = QLineEdit()  # 主送 of the rectification report
        self.addressee_edit.setPlaceholderText(
            self.tr("The office the reports go to, e.g. 县委活动领导小组办公室"))
        self.outlets_edit = QPlainTextEdit()  # the unit's own media, one a line
        self.outlets_edit.setPlaceholderText(self.tr("One a line, e.g. the unit's WeChat account"))
        self.outlets_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.lock_minutes = QSpinBox()  # the idle lock (ui.idle_lock)
        self.lock_minutes.setRange(0, 480)
        self.lock_minutes.setSuffix(self.tr(" minutes"))
        self.lock_minutes.setSpecialValueText(self.tr("never"))
        self.lock_minutes.setToolTip(self.tr("After this long without input the window hides the data and "
                                             "asks for the password (an encrypted data file only)."))
        self.password_button = QPushButton(self.tr("Change the password…"))
        self.password_button.clicked.connect(self.change_password)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        for edit in (self.name_edit, self.phone_edit, self.operator_edit, self.addressee_edit):
            edit.returnPressed.connect(self.save)
        form = QFormLayout()
        form.addRow(translate("Field", r.Unit.name.verbose_name), self.name_edit)
        form.addRow(translate("Field", r.Unit.level.verbose_name), self.level_combo)
        form.addRow(translate("Field", r.Unit.phone.verbose_name), self.phone_edit)
        form.addRow(self.tr("Operator"), self.operator_edit)
        form.addRow(self.tr("Reports go to (主送)"), self.addressee_edit)
        form.addRow(self.tr("The unit's own media"), self.outlets_edit)
        form.addRow(self.tr("Lock when idle for"), self.lock_minutes)
        form.addRow(self.tr("Password"), self.password_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def refresh(self) -> None:
        unit = store.current_unit()
        self.setEnabled(unit is not None)
        self.name_edit.setText(unit.name if unit else "")
        select_data(self.level_combo, unit.level if unit else None)
        self.phone_edit.setText(unit.phone if unit else "")
        self.operator_edit.setText(store.get_setting("operator"))
        self.addressee_edit.setText(settings.addressee())
        self.outlets_edit.setPlainText(store.get_setting(settings.OWN_OUTLETS))
        from models import protection
        from ui import idle_lock

        self.lock_minutes.setValue(idle_lock.minutes())
        encrypted = protection.state() == protection.ENCRYPTED
        self.password_button.setText(self.tr("Change the password…") if encrypted
                                     else self.tr("Set a password (encrypt the data file)…"))
        self.lock_minutes.setEnabled(encrypted)  # a file without a password has nothing to lock with
        self.lock_minutes.setSpecialValueText(self.tr("never") if encrypted
                                              else self.tr("only with a password"))
        if not encrypted:
            self.lock_minutes.blockSignals(True)
            self.lock_minutes.setValue(0)  # shown as "only with a password"; the setting itself is kept
            self.lock_minutes.blockSignals(False)

    def change_password(self) -> None:
        from ui.dialogs.password import change_password

        change_password(self)
        self.refresh()

    def save(self) -> None:
        from ui import idle_lock

        if self.lock_minutes.isEnabled():  # a file without a password keeps the minutes it had
            idle_lock.set_minutes(self.lock_minutes.value())
        store.set_setting("operator", self.operator_edit.text().strip())
        store.set_setting(settings.ADDRESSEE, self.addressee_edit.text().strip())
        outlets = [line.strip() for line in self.outlets_edit.toPlainText().splitlines() if line.strip()]
        store.set_setting(settings.OWN_OUTLETS, "\n".join(dict.fromkeys(outlets)))
        unit = store.current_unit()
        if unit is None:
            return
        values = {"name": self.name_edit.text(), "level": self.level_combo.currentData(),
                  "phone": self.phone_edit.text()}
        if guarded(self, lambda: store.save(r.Unit, values, unit)) is not None:
            self.refresh()
            self.changed.emit()
