"""The password in the window: asked at opening, and a plain file of an earlier version protected."""

from __future__ import annotations

from models import crypt, db, protection
from models import records as r
from tests.models.factories import make_old_file
from ui import data_file
from ui.dialogs import password

PASSWORD = "Longtan2026!"


def test_an_encrypted_file_asks_for_its_password_until_it_is_right_or_cancelled(tmp_path, monkeypatch,
                                                                                  messages):
    monkeypatch.delenv("TAIZHANGTONG_PASSWORD", raising=False)
    path = tmp_path / "office.db"
    db.open_database(path, password=PASSWORD)
    db.close_database()
    crypt.forget_all()
    answers, asked = ["Longtan2026?", PASSWORD], []

    def ask(_parent, _path, wrong=False):
        asked.append(wrong)
        return answers.pop(0) if answers else None

    monkeypatch.setattr(password, "ask_password", ask)
    assert data_file.open_or_explain(None, path)
    assert asked == [False, True] and not r.database.is_closed() and messages == []
    db.close_database()
    crypt.forget_all()
    assert not data_file.open_or_explain(None, path)  # cancelled: not opened, nothing said
    assert r.database.is_closed() and messages == []


def test_the_environment_gives_the_password_without_a_question(tmp_path, monkeypatch):
    path = tmp_path / "office.db"
    db.open_database(path, password=PASSWORD)
    db.close_database()
    crypt.forget_all()
    monkeypatch.setenv("TAIZHANGTONG_PASSWORD", PASSWORD)
    monkeypatch.setattr(password, "ask_password", lambda *args, **kwargs: 1 / 0)
    assert data_file.open_or_explain(None, path)


def test_a_plain_file_of_an_earlier_version_is_protected_when_the_office_sets_a_password(
        qtbot, tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    number = make_old_file(path, 8)
    db.open_database(path, backups=tmp_path / "backups")
    shown = []
    monkeypatch.setattr(password, "show_recovery_code", lambda parent, path, code: shown.append(code))
    dialog = password.ProtectDialog(path)
    qtbot.addWidget(dialog)
    dialog.setup.first.setText(PASSWORD)
    dialog.setup.second.setText(PASSWORD)
    dialog.accept()
    assert len(shown) == 1 and protection.state() == protection.ENCRYPTED
    assert number.encode() not in path.read_bytes()
    assert r.Household.get().id_number == number
