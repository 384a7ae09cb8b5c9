"""Opening the data file in the window: a copy opened for the first time is checked, and becomes a file
of its own, off the window's thread; its backups wait until it knows who it is."""

from __future__ import annotations

import shutil
import threading

from models import db, health, identity
from tests.models.factories import World
from ui import data_file


def test_a_copys_first_opening_checks_it_and_settles_its_identity_off_the_windows_thread(qtbot, tmp_path,
                                                                                       monkeypatch):
    original, copy = tmp_path / "taizhangtong.db", tmp_path / "usb" / "taizhangtong.db"
    db.open_database(original)
    World()
    first = identity.file_id()
    db.close_database()
    copy.parent.mkdir()
    shutil.copy(original, copy)
    on_the_window = []
    real_check = health.full_check

    def check(path):
        on_the_window.append(threading.current_thread() is threading.main_thread())
        return real_check(path)

    monkeypatch.setattr(health, "full_check", check)
    try:
        assert data_file.open_or_explain(None, copy)
        assert identity.file_id() == first and not data_file.identity_settled()  # opened at once
        data_file._start_check(None, data_file._gate)
        qtbot.waitUntil(data_file.identity_settled, timeout=10_000)
        assert on_the_window == [False]
        assert identity.read_identity(copy) != first  # a file of its own
        assert identity.read_identity(original) == first
    finally:
        data_file.close_data_file()


def test_closing_a_file_found_sound_keeps_its_first_page_and_a_file_not_yet_checked_does_not(qtbot, tmp_path):
    from models import first_page, overview, settings, sqlite
    from models import records as r
    from models.figures import Scope

    path = tmp_path / "taizhangtong.db"
    db.open_database(path)
    World()
    db.close_database()

    def close_after_counting(check: bool) -> None:
        assert data_file.open_or_explain(None, path)
        if check:
            data_file._start_check(None, data_file._gate)
            qtbot.waitUntil(data_file._gate.answered.is_set, timeout=10_000)
        first_page.counted(overview.compute(Scope(campaign=settings.current_campaign().id)))
        data_file.close_data_file()

    def kept() -> int:
        db.open_database(path)
        try:
            return r.database.execute_sql('SELECT count(*) FROM "first_page"').fetchone()[0]
        finally:
            db.close_database()

    close_after_counting(check=False)  # closed while the check had not run: nothing written
    assert kept() == 0
    close_after_counting(check=True)
    assert kept() == 1
    assert health.known_sound(path)  # and the file, with its page, is still known sound
    db.open_database(path)
    assert sqlite.kept_first_page(r.database, first_page.key(
        Scope(campaign=settings.current_campaign().id), Scope().on())) is not None
    db.close_database()
