"""设置: the office itself, its villages and groups, its categories, its campaigns, the exchange passphrase.

Everything here is written through ``models.store``, so the same validation
messages appear as anywhere else; deletes go to the recycle bin and are refused
while records still use the row.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from models import records as r
from ui.pages.settings.campaigns import CampaignsTab
from ui.pages.settings.categories import CategoriesTab
from ui.pages.settings.exchange import ExchangeTab
from ui.pages.settings.places import PlacesTab
from ui.pages.settings.ranks import RanksTab
from ui.pages.settings.unit import UnitTab


class SettingsPage(QWidget):
    """设置: one tab per thing the office sets up once and changes rarely."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.unit_tab = UnitTab()
        self.places_tab = PlacesTab()
        self.categories_tab = CategoriesTab()
        self.campaigns_tab = CampaignsTab()
        self.ranks_tab = RanksTab()
        self.exchange_tab = ExchangeTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.unit_tab, self.tr("This unit"))
        self.tabs.addTab(self.places_tab, self.tr("Villages (communities) and groups"))
        self.tabs.addTab(self.categories_tab, self.tr("Categories"))
        self.tabs.addTab(self.campaigns_tab, self.tr("Campaigns"))
        self.tabs.addTab(self.ranks_tab, self.tr("Order of posts"))
        self.tabs.addTab(self.exchange_tab, self.tr("Data exchange"))
        for tab in (self.unit_tab, self.places_tab, self.categories_tab, self.campaigns_tab, self.ranks_tab,
                    self.exchange_tab):
            tab.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.refresh()

    def refresh(self) -> None:
        """Read everything again (after another page changed it, or another file was opened)."""
        if r.database.is_closed():
            return
        self.unit_tab.refresh()
        self.places_tab.refresh()
        self.categories_tab.refresh()
        self.campaigns_tab.refresh()
        self.ranks_tab.refresh()
        self.exchange_tab.refresh()

    def ask_for_passphrase(self) -> None:
        """The 数据交换 tab, its passphrase ready to be entered."""
        self.tabs.setCurrentWidget(self.exchange_tab)
        self.exchange_tab.ask()
