"""The first start: the unit and its first campaign, or the township demo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from models import demo, paths, store, vocab
from models import records as r
from models.i18n import translate
from ui.dialogs import first_start
from ui.dialogs.first_start import DEFAULT_CAMPAIGN, FirstStartDialog, run_first_start


def answer_with(monkeypatch, qtbot, fill):
    """Replace the dialog's exec by ``fill(dialog)`` and return its result, never blocking."""
    def exec_(dialog):
        qtbot.addWidget(dialog)
        fill(dialog)
        return dialog.result()

    monkeypatch.setattr(FirstStartDialog, "exec", exec_)


def no_password(dialog) -> None:
    dialog.password.none.setChecked(True)
    dialog.password.reason.setText("测试")


def test_creates_the_unit_and_first_campaign(qtbot, empty_db, monkeypatch, messages):
    def fill(dialog):
        assert dialog.campaign_name.text() == DEFAULT_CAMPAIGN
        assert dialog.start_date.value() == dt.date.today()
        assert dialog.end_date.value() is None
        dialog.unit_name.setText(" 长坪镇 ")
        dialog.unit_level.setCurrentIndex(dialog.unit_level.findData("town"))
        no_password(dialog)
        dialog.accept()

    answer_with(monkeypatch, qtbot, fill)
    assert run_first_start(None, empty_db) == empty_db
    unit = store.current_unit()
    assert (unit.name, unit.level) == ("长坪镇", "town")
    campaign = store.current_campaign()
    today = dt.date.today()
    assert (campaign.name, campaign.start_date, campaign.end_date) == (DEFAULT_CAMPAIGN, today, None)
    assert store.get_setting("current_campaign") == campaign.id.hex
    phases = r.Phase.select().where(r.Phase.campaign == campaign).order_by(r.Phase.position)
    assert [p.name for p in phases] == [translate("Vocabulary", name) for name in vocab.DEFAULT_PHASES]
    assert messages == []


def test_an_empty_unit_name_is_refused_and_the_dialog_stays(qtbot, empty_db, messages):
    dialog = FirstStartDialog(empty_db)
    qtbot.addWidget(dialog)
    dialog.show()
    no_password(dialog)
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert len(messages) == 1 and translate("Field", "Unit name") in messages[0][1]
    assert r.Unit.select().count() == r.Campaign.select().count() == 0


def test_a_bad_campaign_writes_no_unit_either(qtbot, empty_db, messages):
    dialog = FirstStartDialog(empty_db)
    qtbot.addWidget(dialog)
    dialog.unit_name.setText("龙潭村")
    dialog.end_date.set_value(dt.date(2000, 1, 1))  # before the start
    no_password(dialog)
    dialog.accept()
    assert translate("Field", "End date") in messages[0][1]
    assert r.Unit.select().count() == 0


def test_cancel_returns_none_and_writes_nothing(qtbot, empty_db, monkeypatch, messages):
    def fill(dialog):
        dialog.unit_name.setText("龙潭村")
        dialog.reject()

    answer_with(monkeypatch, qtbot, fill)
    assert run_first_start(None, empty_db) is None
    assert r.Unit.select().count() == 0


def test_demo_is_written_then_opened_again(qtbot, empty_db, monkeypatch, messages):
    real_generate = demo.generate
    sizes = []

    def small_generate(path, size="township", **kwargs):
        sizes.append(size)
        return real_generate(path, "village", **kwargs)  # the township takes seconds

    monkeypatch.setattr(demo, "generate", small_generate)
    answer_with(monkeypatch, qtbot, lambda dialog: dialog.demo_button.click())
    expected = paths.data_dir() / "demo-township.db"

    assert run_first_start(None, empty_db) == expected
    assert sizes == [first_start.DEMO_SIZE]
    assert r.database.database == str(expected) and not r.database.is_closed()
    assert store.current_unit() is not None and r.Household.select().count() > 0
    assert messages == []

    def refuse(*_args, **_kwargs):
        raise AssertionError("an existing demo is opened, not written again")

    monkeypatch.setattr(demo, "generate", refuse)
    assert run_first_start(None, empty_db) == expected
    assert r.database.database == str(expected) and store.current_unit() is not None


def test_a_failed_demo_goes_back_to_the_given_file(qtbot, empty_db, monkeypatch, messages):
    def broken(*_args, **_kwargs):
        raise demo.DemoError("disk full")

    monkeypatch.setattr(demo, "generate", broken)
    dialog = FirstStartDialog(empty_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.demo_button.click()
    assert dialog.isVisible() and dialog.demo_path is None
    assert "disk full" in messages[0][1]
    assert r.database.database == str(empty_db) and not r.database.is_closed()


def test_the_first_start_encrypts_the_file_with_the_password_and_shows_the_recovery_code(
        qtbot, empty_db, monkeypatch, messages):
    from models import crypt, db, protection
    from ui.dialogs import password

    shown = []
    monkeypatch.setattr(password, "show_recovery_code", lambda parent, path, code: shown.append(code))

    def fill(dialog):
        dialog.unit_name.setText("长坪镇")
        dialog.password.first.setText("Longtan2026!")
        dialog.password.second.setText("Longtan2026?")
        dialog.accept()
        assert dialog.result() != QDialog.DialogCode.Accepted  # the two differ
        assert "differ" in dialog.password_problem.text()
        dialog.password.second.setText("Longtan2026!")
        dialog.accept()

    answer_with(monkeypatch, qtbot, fill)
    assert run_first_start(None, empty_db) == empty_db
    assert protection.state() == protection.ENCRYPTED and protection.is_encrypted_file(empty_db)
    assert store.current_unit().name == "长坪镇"
    (code,) = shown
    db.close_database()
    crypt.forget_all()
    db.open_database(empty_db, password=code)
    assert store.current_unit().name == "长坪镇"


def test_no_password_needs_its_reason_and_is_recorded(qtbot, empty_db, messages):
    from models import protection

    dialog = FirstStartDialog(empty_db)
    qtbot.addWidget(dialog)
    dialog.unit_name.setText("龙潭村")
    dialog.password.first.setText("123")
    dialog.accept()
    assert "at least" in dialog.password_problem.text()
    dialog.password.none.setChecked(True)
    dialog.accept()
    assert "why" in dialog.password_problem.text() and r.Unit.select().count() == 0
    dialog.password.reason.setText("这台电脑锁在保密柜里")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert protection.state() == protection.PLAIN and protection.plain_reason() == "这台电脑锁在保密柜里"
