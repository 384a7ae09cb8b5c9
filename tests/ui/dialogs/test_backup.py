"""Backups in the window: restore with the preview, 备份到…, the automatic copies, a second start,
a damaged file at start."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QFileDialog, QMessageBox

import ui.app
import ui.data_file
from models import backup, backup_marks, db, identity, paths, store
from models import records as r
from tests.models.factories import free_visit
from tests.models.test_backup import damage
from tests.ui.driving import make_window


def live(model) -> int:
    return model.select().where(model.deleted_at.is_null()).count()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def yes(monkeypatch, messages):
    """Questions are answered Yes (and still recorded)."""
    def answer(_parent, title, text, *_args, **_kwargs):
        messages.append((title, text))
        messages.kinds.append("question")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return messages


# --- 从备份恢复… ------------------------------------------------------------------------------------


def test_restoring_yesterdays_backup_from_the_window_with_the_preview(qtbot, village_db, yes):
    visits = live(r.Visit)
    yesterday = dt.datetime.now() - dt.timedelta(days=1)
    saved = backup.make_backup("close", now=yesterday)
    store.delete(free_visit())
    window = make_window(qtbot, village_db)

    window.restore_from_backup()
    dialog = window.restore_dialog
    items = [dialog.list.item(i) for i in range(dialog.list.count())]
    (item,) = (item for item in items if item.data(Qt.ItemDataRole.UserRole).path == saved)
    dialog.list.setCurrentItem(item)
    assert dialog.preview is not None and dialog.chosen == saved
    in_backup, now, newest = dialog.cells[r.Visit]
    assert (in_backup.text(), now.text()) == (f"{visits:,}", f"{visits - 1:,}")
    assert "bold" in in_backup.styleSheet()  # what differs stands out
    households, households_now, _ = dialog.cells[r.Household]
    assert households.text() == households_now.text() and households.styleSheet() == ""
    assert yesterday.strftime("%Y-%m-%d %H:%M") in dialog.heading.text()
    assert newest.text() != "—"
    assert dialog.restore_button.isEnabled()

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert yes.kinds == ["question"] and "copy of the current data is kept" in yes[0][1]
    assert live(r.Visit) == visits
    (kept,) = (info for info in backup.list_backups() if info.reason == "before-restore")
    assert str(kept.path) in window.statusBar().currentMessage()
    assert not dialog.isVisible()
    page = window.show_page("visits")
    qtbot.waitUntil(lambda: page.count.text() == f"{visits:,} records")


def test_a_file_that_cannot_be_restored_shows_why_and_offers_no_restore(qtbot, village_db, tmp_path,
                                                                       monkeypatch, messages):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"SQLite format 3\x00" + bytes(8000))
    window = make_window(qtbot, village_db)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(garbage), ""))
    window.restore_from_backup()
    dialog = window.restore_dialog
    assert dialog.list.count() == 0  # no backups yet: said in the panel
    assert "no backups" in dialog.problem.text()
    dialog.choose_other_file()
    assert "garbage.db" in dialog.problem.text()
    assert not dialog.restore_button.isEnabled()
    assert dialog.cells[r.Visit][0].text() == "—"
    dialog.restore()
    assert messages == []


def test_a_refused_restore_changes_nothing(qtbot, village_db, messages):
    saved = backup.make_backup("manual")
    store.delete(r.Suggestion.select().where(r.Suggestion.deleted_at.is_null()).first())
    suggestions = live(r.Suggestion)
    window = make_window(qtbot, village_db)
    window.restore_from_backup()
    dialog = window.restore_dialog
    assert dialog.chosen == saved
    dialog.restore()  # the messages fixture answers No
    assert messages.kinds == ["question"]
    assert live(r.Suggestion) == suggestions
    assert [info.reason for info in backup.list_backups()] == ["manual"]


# --- 备份到… -------------------------------------------------------------------------------------


def test_back_up_to_a_file_proposes_the_unit_and_the_date(qtbot, village_db, tmp_path, monkeypatch):
    proposed = []
    target = tmp_path / "stick" / "copy"

    def save_name(_parent, _title, name, _filter):
        proposed.append(Path(name).name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window = make_window(qtbot, village_db)
    target.parent.mkdir()
    window.backup_to()
    unit = store.current_unit().name
    assert proposed == [f"{unit}-台账通备份-{dt.date.today().isoformat()}.db"]
    written = target.with_name("copy.db")
    assert backup.preview(written).count(r.Household) == live(r.Household)
    assert str(written) in window.statusBar().currentMessage()


def test_back_up_to_a_place_that_cannot_be_written_is_a_warning(qtbot, village_db, tmp_path, monkeypatch,
                                                                messages):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(tmp_path / "missing" / "deeper" / "x.db" / "y.db"), ""))
    (tmp_path / "missing").write_text("a file, not a folder")
    window = make_window(qtbot, village_db)
    assert window.backup_to() is None
    assert messages.kinds == ["warning"] and "y.db" in messages[0][1]


# --- automatic copies -------------------------------------------------------------------------------


def test_closing_the_window_makes_a_backup_and_rotates(qtbot, village_db):
    folder = paths.ensure(paths.backups_dir())
    old = folder / "village-20200101-180000-close.db"
    old.write_bytes(b"old")
    backup_marks.write(old, identity.file_id(), "")  # this file's, as its mark says
    for day in range(1, 9):  # eight newer weeks push the old copy out
        backup.make_backup("close", now=dt.datetime.now() - dt.timedelta(weeks=day))
    window = make_window(qtbot, village_db)
    window.close()
    newest = backup.list_backups()[0]
    assert newest.reason == "close" and newest.taken_at.date() == dt.date.today()
    assert backup.preview(newest.path).count(r.Visit) == live(r.Visit)
    assert not old.exists()


def test_a_failed_backup_is_a_warning_in_the_status_bar_and_never_stops_closing(qtbot, village_db, tmp_path):
    blocker = tmp_path / "backups-here"
    blocker.write_text("a file where the backups folder should be")
    window = make_window(qtbot, village_db)
    window.auto_backup.folder = blocker
    window.auto_backup.check_daily()
    qtbot.waitUntil(lambda: not window.auto_backup.running)
    assert "Backup failed" in window.statusBar().currentMessage()
    assert "backups-here" in window.statusBar().currentMessage()
    window.close()
    assert not window.isVisible()
    assert "Backup failed" in window.statusBar().currentMessage()


def test_the_daily_backup_is_made_once_a_day_off_the_gui_thread(qtbot, village_db):
    window = make_window(qtbot, village_db)
    for _ in range(2):
        window.auto_backup.check_daily()
        qtbot.waitUntil(lambda: not window.auto_backup.running)
    (daily,) = backup.list_backups()
    assert daily.reason == "daily" and daily.taken_at.date() == dt.date.today()
    assert str(daily.path) in window.statusBar().currentMessage()
    assert not r.database.is_closed()  # the worker's own connection was closed, not the window's


# --- a second start -----------------------------------------------------------------------------------

HOLDER = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
print(lock.tryLock(0), flush=True)
time.sleep(60)
"""


def test_a_second_start_on_the_same_file_says_so_and_touches_nothing(qapp, village_db, messages):
    db.close_database()
    before = digest(village_db)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(village_db) + ".lock"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "True"
        assert ui.app.run_app(village_db, "en") == 0
        assert messages.kinds == ["information"]
        assert "already open in another 台账通 window" in messages[0][1]
        assert str(village_db) in messages[0][1]
        assert r.database.is_closed()
        assert digest(village_db) == before
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    # The window that held it crashed: its lock is stale and taken over.
    try:
        assert ui.data_file.hold_lock(village_db)
    finally:
        ui.data_file.release_lock()


def test_switching_to_a_file_open_elsewhere_is_refused(qtbot, village_db, tmp_path, messages):
    other = tmp_path / "other.db"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(other) + ".lock"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "True"
        window = make_window(qtbot, village_db)
        assert not window.switch_to(other)
        assert "already open" in messages[0][1]
        assert window.db_path == village_db and not r.database.is_closed()
        assert not other.exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        ui.data_file.release_lock()


# --- a damaged file at start ---------------------------------------------------------------------------


def _settled(qtbot, window) -> None:
    """The window's last jobs answered while it still exists (pytest-qt holds widgets weakly)."""
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(20)
    window.close()


def _opened_damaged(qtbot, path):
    """The window on a file whose pages are damaged: it opens (no check on the way), shows itself,
    and checks the file in the background."""
    from ui.main_window import MainWindow

    assert ui.data_file.open_or_explain(None, path)
    window = MainWindow(path)  # its pages may fail to read the damaged pages: no waiting for them
    qtbot.addWidget(window)
    window.show()
    ui.data_file.check_in_background(window)
    return window


def test_a_damaged_file_is_replaced_by_the_newest_good_backup_on_request(qtbot, village_db, yes):
    households = live(r.Household)
    backup.make_backup("close", now=dt.datetime.now() - dt.timedelta(days=1))
    db.close_database()
    damage(village_db)
    damaged = village_db.read_bytes()
    window = _opened_damaged(qtbot, village_db)  # kept: pytest-qt holds widgets weakly
    qtbot.waitUntil(lambda: len(yes) == 2, timeout=20_000)
    assert yes.kinds == ["question", "information"]
    assert "village.db is damaged" in yes[0][1] and "Restore it?" in yes[0][1]
    assert live(r.Household) == households
    (kept,) = (p for p in village_db.parent.glob("village.db.damaged-*") if p.name[-4:].isdigit())
    assert kept.read_bytes() == damaged
    assert str(kept) in yes[1][1]
    _settled(qtbot, window)


def test_a_damaged_file_is_left_alone_when_the_offer_is_declined(qtbot, village_db, messages):
    backup.make_backup("close")
    db.close_database()
    damage(village_db)
    before = digest(village_db)
    window = _opened_damaged(qtbot, village_db)  # kept: pytest-qt holds widgets weakly
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert messages.kinds == ["question"]
    with pytest.raises(Exception, match="is damaged"):  # and no write reaches it
        store.save(r.Unit, {"phone": "0743-1234567"}, store.current_unit())
    db.close_database()
    assert digest(village_db) == before
    assert not list(village_db.parent.glob("village.db.damaged-*"))
    _settled(qtbot, window)


def test_a_damaged_file_without_a_good_backup_is_explained(qtbot, village_db, messages):
    db.close_database()
    damage(village_db)
    window = _opened_damaged(qtbot, village_db)  # kept: pytest-qt holds widgets weakly
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert messages.kinds == ["critical"]
    assert "No sound backup" in messages[0][1]
    _settled(qtbot, window)


def test_a_damaged_header_is_offered_its_backup_at_start(qapp, village_db, yes):
    backup.make_backup("close", now=dt.datetime.now() - dt.timedelta(days=1))
    db.close_database()
    with village_db.open("r+b") as handle:
        handle.write(bytes(100))
    assert ui.data_file.open_or_explain(None, village_db)
    assert yes.kinds == ["question", "information"]
    assert "its first page is not that of a data file" in yes[0][1]


def test_a_file_named_that_is_missing_or_empty_is_made_new_only_when_the_user_says_so(qapp, tmp_path,
                                                                                    messages):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert ui.app.run_app(empty, "en") == 0  # answered No
    assert messages.kinds == ["question"] and "is empty" in messages[0][1]
    assert empty.read_bytes() == b""
    missing = tmp_path / "missing.db"
    assert ui.app.run_app(missing, "en") == 0
    assert "does not exist" in messages[1][1]
    assert not missing.exists()


# --- whose backups they are -------------------------------------------------------------------------


def _other_files_backup(template, tmp_path, name="taizhangtong.db") -> tuple[Path, str]:
    """A backup, in the same backups folder, of another data file of the same name (another unit)."""
    other = tmp_path / "usb" / name
    other.parent.mkdir()
    shutil.copy(template, other)
    db.open_database(other)
    store.save(r.Unit, {"name": "别的镇"}, store.current_unit())
    written = backup.make_backup("close")
    owner = identity.file_id()
    db.close_database()
    return written, owner


def test_another_files_backups_are_listed_apart_and_restored_only_when_both_units_are_named(
        qtbot, _village_template, tmp_path, monkeypatch, messages):
    _other_files_backup(_village_template, tmp_path, "village.db")
    mine = tmp_path / "village.db"
    shutil.copy(_village_template, mine)
    db.open_database(mine)
    own = backup.make_backup("manual")
    unit = store.current_unit().name
    window = make_window(qtbot, mine)
    window.restore_from_backup()
    dialog = window.restore_dialog
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(texts) == 3 and texts[1] == "Backups of other data files:"
    assert texts[2].endswith("别的镇")
    assert dialog.list.currentItem().data(Qt.ItemDataRole.UserRole).path == own  # its own comes first
    dialog.list.setCurrentRow(2)
    answers = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: (messages.append(args[1:3]),
                                                                          next(answers))[1])
    dialog.restore()
    assert "another data file (别的镇)" in messages[-1][1] and unit in messages[-1][1]
    assert store.current_unit().name == unit  # declined: nothing changed


def test_a_damaged_file_is_never_offered_another_files_backup(qtbot, _village_template, tmp_path, messages):
    _other_files_backup(_village_template, tmp_path)
    mine = tmp_path / "taizhangtong.db"
    shutil.copy(_village_template, mine)
    db.open_database(mine)  # known here from now on
    db.close_database()
    damage(mine)
    window = _opened_damaged(qtbot, mine)  # kept: pytest-qt holds widgets weakly
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert messages.kinds == ["critical"] and "No sound backup" in messages[0][1]
    _settled(qtbot, window)


def test_a_save_before_or_during_the_background_check_waits_for_it_and_lands(qtbot, village_db):
    db.close_database()
    assert ui.data_file.open_or_explain(None, village_db)
    window = make_window(qtbot, village_db)
    ui.data_file.check_in_background(window, after_ms=0)
    store.save(r.Unit, {"phone": "0743-1234567"}, store.current_unit())  # before the check started
    assert store.current_unit().phone == "0743-1234567"
    assert ui.data_file.open_or_explain(None, village_db)
    ui.data_file.check_in_background(window, after_ms=0)
    qtbot.wait(50)  # the check is under way on a worker thread
    store.save(r.Unit, {"phone": "0743-7654321"}, store.current_unit())
    assert store.current_unit().phone == "0743-7654321"
    _settled(qtbot, window)


def test_an_encrypted_backup_of_another_password_asks_for_it_before_its_preview(qtbot, village_db, tmp_path,
                                                                                 monkeypatch, messages):
    from models import crypt
    from tests.models.factories import World
    from ui.dialogs import password

    other = tmp_path / "other.db"
    db.open_database(other, password="Other-file-77")
    World().suggestion("修好村口的路")
    copy = backup.backup_to_file(tmp_path / "other-copy.db")
    db.close_database()
    crypt.forget_all()
    window = make_window(qtbot, village_db)
    answers, asked = ["Longtan2026!", "Other-file-77"], []

    def ask(_parent, path, wrong=False):
        asked.append((Path(path).name, wrong))
        return answers.pop(0)

    monkeypatch.setattr(password, "ask_password", ask)
    window.restore_from_backup()
    dialog = window.restore_dialog
    assert dialog.choose(copy)
    assert asked == [("other-copy.db", False), ("other-copy.db", True)]
    assert dialog.restore_button.isEnabled() and dialog.cells[r.Suggestion][0].text() == "1"
