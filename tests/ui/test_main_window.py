"""The frame: the window opens on the overview alone; every other page is built when first shown."""

from __future__ import annotations

from ui.main_window import PAGES, MainWindow
from ui.pages.record_list import RecordPage
from ui.widgets.record_table import RecordTableModel


def open_window(qtbot, path) -> MainWindow:
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pages["overview"].result is not None, timeout=10_000)
    return window


def count_reloads(monkeypatch) -> list[str]:
    reloads: list[str] = []
    original = RecordTableModel.reload

    def reload(self, *args, **kwargs):
        reloads.append(self.spec.key)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(RecordTableModel, "reload", reload)
    return reloads


def test_the_window_opens_with_the_overview_built_and_nothing_else(qtbot, village_db, monkeypatch):
    reloads = count_reloads(monkeypatch)
    window = open_window(qtbot, village_db)
    assert list(window.pages) == ["overview"]
    assert window.stack.count() == 1
    assert reloads == []


def test_a_list_is_read_once_when_first_shown_not_while_its_table_is_built(qtbot, village_db, monkeypatch):
    reloads = count_reloads(monkeypatch)
    window = open_window(qtbot, village_db)
    page = window.pages["visits"]  # built, not shown: its sorting is on, its layout restored
    assert isinstance(page, RecordPage) and reloads == []
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        window.show_page("visits")
    assert reloads == ["visits"]
    window.show_page("overview")
    window.show_page("visits")  # shown again: still the rows it has
    assert reloads == ["visits"]


def test_every_page_can_be_shown_and_is_then_the_current_one(qtbot, village_db):
    window = open_window(qtbot, village_db)
    for key, _label in PAGES:
        page = window.show_page(key)
        assert window.stack.currentWidget() is page
    assert set(window.pages) == {key for key, _label in PAGES}
