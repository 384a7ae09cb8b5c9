"""Starting the window: the language, a file that cannot be opened, the first start."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

import ui.app
import ui.dialogs.first_start
from models import records


def test_chinese_is_installed_by_default_and_english_on_request(qapp):
    ui.app.install_translators(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("MainWindow", "Study sessions") == "学习会议"
        assert QCoreApplication.translate("Field", "Head of household") == "户主"
    finally:
        for translator in qapp._translators:
            QApplication.removeTranslator(translator)
        ui.app.install_translators(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "Study sessions") == "Study sessions"


def test_a_file_that_is_not_a_data_file_gets_a_message_and_stays_as_it_was(qapp, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    path = tmp_path / "notes.db"
    path.write_bytes(b"my own notes, not a database")
    assert ui.app.run_app(path, "en") == 1
    assert len(shown) == 1 and "notes.db" in shown[0]
    assert path.read_bytes() == b"my own notes, not a database"


def test_an_empty_file_asks_for_the_unit_and_a_cancel_leaves_quietly(qapp, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(ui.dialogs.first_start, "run_first_start", lambda parent, path: asked.append(path))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)  # make it
    path = tmp_path / "new.db"
    assert ui.app.run_app(path, "en") == 0
    assert asked == [path]
    assert records.database.is_closed()


def test_the_core_reads_its_words_from_the_windows_catalogue_in_the_same_language(qapp):
    from models import i18n

    ui.app.install_translators(qapp, "zh_CN")
    try:
        assert i18n._translator is not None
        for context, text in (("Field", "Head of household"), ("Todo", "Overdue by {n} days: {what}"),
                              ("Cli", "FILE"), ("Nothing", "not a message")):
            assert i18n.translate(context, text) == i18n._catalogue("zh_CN").get((context, text), text)
    finally:
        for translator in qapp._translators:
            QApplication.removeTranslator(translator)
        ui.app.install_translators(qapp, "en")
    assert i18n._translator is None
    assert i18n.translate("Field", "Head of household") == "Head of household"
    assert i18n.translate_to("zh_CN", "Field", "Head of household") == "户主"  # registers: always Chinese


def test_the_window_has_the_program_icon(qapp):
    icon = ui.app.window_icon()
    assert not icon.isNull()
    picture = icon.pixmap(48, 48).toImage()
    assert picture.width() == 48 and len({picture.pixel(x, 24) for x in range(48)}) > 2  # drawn, not blank


def test_threads_share_the_interpreter_as_python_does_once_the_window_is_done(qapp, village_db, monkeypatch):
    """While the first page is counted on a worker, the worker is given the interpreter every half
    millisecond; a window closed before its first page was shown leaves Python's own interval behind."""
    import sys

    from models import db

    db.close_database()
    during = []
    monkeypatch.setattr(QApplication, "exec", lambda self: during.append(sys.getswitchinterval()) or 0)
    before = sys.getswitchinterval()
    assert ui.app.run_app(village_db, "en") == 0
    assert during == [ui.app.START_SWITCH_INTERVAL]
    assert sys.getswitchinterval() == before == ui.app.DEFAULT_SWITCH_INTERVAL


def test_a_window_closed_on_a_sound_file_starts_next_time_on_the_page_it_counted(qapp, qtbot, village_db,
                                                                                 monkeypatch):
    """Two starts of the whole window: the first counts its page and keeps it as it closes; the second
    shows that page before its first paint and counts nothing; a change between them counts again."""
    from models import db, figures, health, store
    from ui.main_window import MainWindow

    db.close_database()
    health.remember_sound(village_db)  # this computer checked it before
    windows: list[MainWindow] = []
    monkeypatch.setattr(MainWindow, "show", lambda self: windows.append(self))

    def shown_until_counted(self) -> int:
        page = windows[-1].pages["overview"]
        qtbot.waitUntil(lambda: page.result is not None, timeout=10_000)
        shown.append((page.result, page.status.text()))
        return 0

    monkeypatch.setattr(QApplication, "exec", shown_until_counted)
    shown: list = []
    assert ui.app.run_app(village_db, "en") == 0
    counted = shown[0][0]

    real_compute = figures.compute
    monkeypatch.setattr(figures, "compute", lambda scope: (_ for _ in ()).throw(AssertionError("counted")))
    assert ui.app.run_app(village_db, "en") == 0
    assert shown[1][0] == counted and f"{counted.figures.records:,}" in shown[1][1]

    monkeypatch.setattr(figures, "compute", real_compute)
    db.open_database(village_db)
    store.delete(records.Publicity.select().first())
    db.close_database()
    health.remember_sound(village_db)
    assert ui.app.run_app(village_db, "en") == 0
    assert shown[2][0].figures.publicity == counted.figures.publicity - 1
