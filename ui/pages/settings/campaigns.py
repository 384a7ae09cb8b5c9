"""活动: the unit's campaigns, each edited in a dialog; one of them is current.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import records as r
from models import store
from ui.common import guarded_done
from ui.pages.settings.campaign_dialog import CampaignDialog


class CampaignsTab(QWidget):
    """活动: the unit's campaigns, each edited in a dialog; one of them is current."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.campaigns: list[r.Campaign] = []
        self.current_label = QLabel()
        self.list = QListWidget()
        self.list.itemActivated.connect(lambda _item: self.edit_current())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.delete_current)
        self.new_button = QPushButton(self.tr("New campaign…"))
        self.new_button.clicked.connect(self.new_campaign)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_current)
        self.current_button = QPushButton(self.tr("Set as current campaign"))
        self.current_button.clicked.connect(self.make_current)
        buttons = QVBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button, self.current_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current_label)
        layout.addLayout(row, 1)

    def refresh(self, select: Any = None) -> None:
        unit = store.current_unit()
        self.setEnabled(unit is not None)
        chosen = self.current()
        keep = select if select is not None else (chosen.id if chosen is not None else None)
        self.campaigns = [] if unit is None else list(
            r.Campaign.select().where(r.Campaign.unit == unit, r.Campaign.deleted_at.is_null())
            .order_by(r.Campaign.start_date.desc()))
        current = store.current_campaign()
        self.current_label.setText(self.tr("Current campaign: {name}").format(
            name=current.name if current else self.tr("none")))
        self.list.clear()
        for campaign in self.campaigns:
            text = f"{campaign.name}  {campaign.start_date.isoformat()} – " + (
                campaign.end_date.isoformat() if campaign.end_date else "")
            item = QListWidgetItem(text)
            if current is not None and campaign.id == current.id:
                item.setText(self.tr("{campaign} (current)").format(campaign=text))
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        keys = [campaign.id for campaign in self.campaigns]
        self.list.setCurrentRow(keys.index(keep) if keep in keys else (0 if keys else -1))
        self._update_buttons()

    def current(self) -> r.Campaign | None:
        row = self.list.currentRow()
        return self.campaigns[row] if 0 <= row < len(self.campaigns) else None

    def new_campaign(self) -> None:
        unit = store.current_unit()
        if unit is not None:
            self._run_dialog(CampaignDialog(unit, None, self))

    def edit_current(self) -> None:
        campaign = self.current()
        if campaign is not None:
            self._run_dialog(CampaignDialog(campaign.unit, campaign, self))

    def _run_dialog(self, dialog: CampaignDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.campaign is not None:
            self.refresh(select=dialog.campaign.id)
            self.changed.emit()

    def delete_current(self) -> None:
        campaign = self.current()
        if campaign is not None and guarded_done(self, lambda: store.delete(campaign)):
            self.refresh()
            self.changed.emit()

    def make_current(self) -> None:
        campaign = self.current()
        if campaign is not None:
            store.set_current(campaign=campaign)
            self.refresh(select=campaign.id)
            self.changed.emit()

    def _update_buttons(self) -> None:
        chosen = self.list.currentRow() >= 0
        for button in (self.edit_button, self.delete_button, self.current_button):
            button.setEnabled(chosen)
