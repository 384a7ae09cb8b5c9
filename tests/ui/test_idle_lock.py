"""The idle lock: after the set time without input the data is covered and the password asked for."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from models import crypt, db
from tests.ui.driving import make_window
from ui import idle_lock
from ui.dialogs import password

PASSWORD = "Longtan2026!"


def covered(widget: QWidget) -> bool:
    return any(child.objectName() == "idleLockCover" and child.isVisible()
               for child in widget.findChildren(QWidget))


def test_an_idle_window_is_covered_until_the_password_is_given(qtbot, village_db, tmp_path, monkeypatch):
    db.encrypt_open_file(PASSWORD, tmp_path / "backups")
    answers, asked = [None, "Longtan2026?", PASSWORD], []

    def ask(_parent, _path, wrong=False):
        asked.append(wrong)
        return answers.pop(0)

    monkeypatch.setattr(password, "ask_password", ask)
    window = make_window(qtbot, village_db)
    form = QDialog(window)  # a dialog open at the time: covered too, not closed
    qtbot.addWidget(form)
    form.show()
    window.idle_lock.deleteLater()
    lock = idle_lock.IdleLock(window, seconds=0.05, check_ms=20)
    qtbot.waitUntil(lambda: lock.locked and asked == [False], timeout=5_000)
    assert covered(window) and covered(form) and form.isVisible()  # cancelled: it stays locked
    lock.ask()
    assert asked == [False, False, True] and not lock.locked
    assert not covered(window) and not covered(form)


def test_a_plain_file_is_never_locked_and_the_time_is_a_setting(qtbot, village_db):
    assert idle_lock.minutes() == idle_lock.DEFAULT_MINUTES == 15
    idle_lock.set_minutes(5)
    assert idle_lock.minutes() == 5
    window = make_window(qtbot, village_db)
    window.idle_lock.deleteLater()
    lock = idle_lock.IdleLock(window, seconds=0.01, check_ms=10)
    qtbot.wait(100)
    assert not lock.locked
    assert not lock.watching  # no input of a plain file's window passes through the lock


def test_a_file_encrypted_while_open_is_watched_from_then_on(qtbot, village_db, tmp_path, monkeypatch):
    monkeypatch.setattr(password, "ask_password", lambda *_args, **_kwargs: None)
    window = make_window(qtbot, village_db)
    window.idle_lock.deleteLater()
    lock = idle_lock.IdleLock(window, seconds=1.0, check_ms=20)
    assert not lock.watching
    db.encrypt_open_file(PASSWORD, tmp_path / "backups")
    qtbot.waitUntil(lambda: lock.watching, timeout=5_000)
    assert not lock.locked  # the time counts from when the file was encrypted
    qtbot.waitUntil(lambda: lock.locked, timeout=5_000)


def test_the_password_is_changed_from_the_settings(qtbot, village_db, tmp_path, messages):
    db.encrypt_open_file(PASSWORD, tmp_path / "backups")
    dialog = password.ChangePasswordDialog(village_db)
    qtbot.addWidget(dialog)
    dialog.old.setText("Longtan2026?")
    dialog.setup.first.setText("Niuya#2027x")
    dialog.setup.second.setText("Niuya#2027x")
    dialog.accept()
    assert "wrong" in dialog.problem.text() and dialog.result() != QDialog.DialogCode.Accepted
    dialog.old.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    db.close_database()
    crypt.forget_all()
    db.open_database(village_db, password="Niuya#2027x")


def test_the_settings_offer_the_lock_only_to_an_encrypted_file(qtbot, village_db, tmp_path):
    from ui.pages.settings.unit import UnitTab

    idle_lock.set_minutes(20)
    tab = UnitTab()
    qtbot.addWidget(tab)
    tab.refresh()
    assert not tab.lock_minutes.isEnabled() and tab.lock_minutes.text() == "only with a password"
    tab.save()
    assert idle_lock.minutes() == 20  # kept for when the file gets a password
    db.encrypt_open_file(PASSWORD, tmp_path / "backups")
    tab.refresh()
    assert tab.lock_minutes.isEnabled() and tab.lock_minutes.value() == 20
