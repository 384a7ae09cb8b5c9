"""The main window as GUI tests open it: shown, its first list read."""

from __future__ import annotations

from ui.main_window import MainWindow


def make_window(qtbot, path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.pages["sessions"].count.text().startswith("Searching"))
    return window
