"""设置 → 数据交换: the exchange passphrase masked, shown on request, its strength hinted, kept when saved."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from models.packages import passphrase
from ui.pages.settings import SettingsPage


def test_the_passphrase_is_masked_hinted_and_kept(qtbot, empty_db, messages):
    page = SettingsPage()
    qtbot.addWidget(page)
    tab = page.exchange_tab
    assert tab.edit.text() == passphrase.kept()
    assert tab.edit.echoMode() == QLineEdit.EchoMode.Password
    tab.show_box.setChecked(True)
    assert tab.edit.echoMode() == QLineEdit.EchoMode.Normal
    tab.show_box.setChecked(False)
    assert tab.edit.echoMode() == QLineEdit.EchoMode.Password
    tab.edit.setText("1234")
    assert "Too short" in tab.hint.text()
    tab.save()
    assert "at least 8 characters" in messages[-1][1]
    assert passphrase.kept() != "1234"
    tab.edit.setText("12345678")
    assert tab.hint.text().startswith("Weak")
    tab.edit.setText("长坪镇龙潭村 2026 交换")
    assert tab.hint.text() == "Strong."
    tab.save()
    assert passphrase.kept() == "长坪镇龙潭村 2026 交换"
    assert tab.status.text() == "Saved."


def test_asking_for_the_passphrase_brings_its_tab_forward(qtbot, empty_db):
    page = SettingsPage()
    qtbot.addWidget(page)
    page.ask_for_passphrase()
    assert page.tabs.currentWidget() is page.exchange_tab
