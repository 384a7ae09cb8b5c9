"""导出数据包… / 导入数据包… in the window: villages and dates chosen, conflicts decided row by row,
duplicates merged when ticked, a bad package refused with a message."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from models import db, packages, store
from models import records as r
from models.packages import describing
from tests.models.factories import id_number
from tests.ui.driving import make_window
from ui.dialogs import conflicts as conflict_dialogs
from ui.dialogs import packages as package_dialogs


def _menu_action(window, text):
    for action in window.menuBar().actions()[0].menu().actions():
        if action.text() == text:
            return action
    raise AssertionError(text)


def test_export_from_the_file_menu_with_a_village_and_dates(qtbot, township_db, tmp_path, monkeypatch):
    window = make_window(qtbot, township_db)
    target = tmp_path / "out" / "one"
    target.parent.mkdir()
    first = r.Village.select().order_by(r.Village.position).first()

    def accept(dialog):
        dialog.villages.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.date_from.set_value(store.current_campaign().start_date)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(package_dialogs.ExportPackageDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    _menu_action(window, "Export data package…").trigger()
    written = target.with_name("one.tzpkg")
    package = packages.read_package(written)
    assert {row["village_id"] for row in package.rows["household"]} == {first.id.hex}
    assert package.manifest.scope["date_from"] == store.current_campaign().start_date.isoformat()
    assert "one.tzpkg" in window.statusBar().currentMessage()


def test_export_refuses_a_date_it_cannot_read(qtbot, village_db, monkeypatch, messages):
    window = make_window(qtbot, village_db)

    def accept(dialog):
        dialog.date_to.set_value("明天")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(package_dialogs.ExportPackageDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (_ for _ in ()).throw(AssertionError))
    assert package_dialogs.export_package(window) is None
    assert "明天 is not a date" in messages[-1][1]


def test_import_shows_the_plan_and_takes_the_chosen_side(qtbot, _village_template, tmp_path, monkeypatch,
                                                         messages):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(_village_template, a)
    shutil.copy(_village_template, b)
    db.open_database(a)
    household = r.Household.select().order_by(r.Household.id).first()
    store.save(r.Household, {"remarks": "甲机"}, household)
    number = id_number("19660606")
    twin = store.save(r.Household, {"village": household.village_id, "group": household.group_id,
                                    "head_name": "甲户", "id_number": number})
    packages.export_package(tmp_path / "a.tzpkg")
    db.close_database()
    db.open_database(b)
    window = make_window(qtbot, b)
    store.save(r.Household, {"remarks": "乙机"}, r.Household.get_by_id(household.id))
    mine = store.save(r.Household, {"village": household.village_id, "group": household.group_id,
                                    "head_name": "乙户", "id_number": number})
    shown = {}

    def decide(dialog):
        shown["summary"] = dialog.summary.text()
        shown["rows"] = dialog.conflicts.rowCount()
        shown["conflict"] = [dialog.conflicts.item(0, c).text() for c in range(4)]
        shown["later"] = dialog.choices[0].currentData()
        dialog.choices[0].setCurrentIndex(dialog.choices[0].findData("incoming"))
        dialog.duplicates.item(0).setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(package_dialogs.ImportPackageDialog, "exec", decide)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(tmp_path / "a.tzpkg"), ""))
    _menu_action(window, "Import data package…").trigger()
    assert shown["rows"] == 1
    assert "1 new" in shown["summary"] and "1 changed on both sides" in shown["summary"]
    assert shown["conflict"][1:] == ["Remarks", "乙机", "甲机"]
    assert shown["later"] == ""  # left for later unless chosen
    assert r.Household.get_by_id(household.id).remarks == "甲机"
    assert r.Household.get_by_id(twin.id).deleted_at is not None  # merged into the one already here
    assert r.Household.get_by_id(mine.id).deleted_at is None
    assert "1 added" in messages[-1][1] and "1 of 1 possible duplicates merged" in messages[-1][1]


def test_a_bad_package_is_refused_with_a_message(qtbot, village_db, tmp_path, monkeypatch, messages):
    window = make_window(qtbot, village_db)
    bad = tmp_path / "bad.tzpkg"
    bad.write_bytes(b"PK\x03\x04 not really")
    before = r.Household.select().count()
    monkeypatch.setattr(package_dialogs.ImportPackageDialog, "exec",
                        lambda dialog: (_ for _ in ()).throw(AssertionError))
    assert package_dialogs.import_package(window, bad) is None
    assert "bad.tzpkg cannot be imported" in messages[-1][1]
    assert r.Household.select().count() == before


def test_conflicting_values_are_shown_as_the_user_knows_them(village_db):
    household = r.Household.select().first()
    show = describing.value_text
    assert show(r.Household, "group_id", household.group_id.hex) == store.describe(household.group)
    assert show(r.Visit, "method", "home") == "Home visit"
    assert show(r.Person, "leader", 1) == "Yes"
    assert show(r.Household, "deleted_at", "2026-11-25 08:00:00") == "in the recycle bin"
    assert show(r.Household, "remarks", "") == "—"
    assert describing.field_text(r.Household, "deleted_at") == "Recycle bin"
    assert describing.field_text(r.Household, "head_name") == "Head of household"


def _two_laptops_with_a_conflict(template, tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(template, a)
    shutil.copy(template, b)
    db.open_database(a)
    household = r.Household.select().order_by(r.Household.id).first()
    store.save(r.Household, {"remarks": "甲机"}, household)
    packages.export_package(tmp_path / "a.tzpkg")
    db.close_database()
    db.open_database(b)
    store.save(r.Household, {"remarks": "乙机"}, r.Household.get_by_id(household.id))
    return b, household


def test_a_conflict_left_for_later_is_decided_from_the_file_menu(qtbot, _village_template, tmp_path,
                                                                 monkeypatch, messages):
    b, household = _two_laptops_with_a_conflict(_village_template, tmp_path)
    window = make_window(qtbot, b)
    monkeypatch.setattr(package_dialogs.ImportPackageDialog, "exec",
                        lambda dialog: QDialog.DialogCode.Accepted)
    assert package_dialogs.import_package(window, tmp_path / "a.tzpkg").conflicts == 1
    assert "1 conflicts wait for your decision" in messages[-1][1]
    assert r.Household.get_by_id(household.id).remarks == "乙机"
    shown = {}

    def decide(dialog):
        shown["rows"] = dialog.table.rowCount()
        dialog.table.choose_all("incoming")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(conflict_dialogs.ConflictsDialog, "exec", decide)
    _menu_action(window, "Conflicts of exchanges…").trigger()
    assert shown["rows"] == 1
    assert r.Household.get_by_id(household.id).remarks == "甲机"
    assert packages.count() == 0


def test_deletions_are_shown_and_must_be_confirmed(qtbot, _village_template, tmp_path, monkeypatch):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(_village_template, a)
    shutil.copy(_village_template, b)
    db.open_database(a)
    publicity = r.Publicity.select().first()
    store.delete(publicity)
    packages.export_package(tmp_path / "a.tzpkg")
    db.close_database()
    db.open_database(b)
    window = make_window(qtbot, b)
    shown = {}

    def look(dialog):
        shown["listed"] = [dialog.deletions.item(i).text() for i in range(dialog.deletions.count())]
        shown["enabled"] = dialog.import_button.isEnabled()
        dialog.confirm.setChecked(True)
        shown["then"] = dialog.import_button.isEnabled()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(package_dialogs.ImportPackageDialog, "exec", look)
    assert package_dialogs.import_package(window, tmp_path / "a.tzpkg") is None
    assert shown["listed"] == [f"Publicity：{store.describe(publicity)}"]
    assert shown == {**shown, "enabled": False, "then": True}
    assert r.Publicity.get_by_id(publicity.id).deleted_at is None


# --- the exchange passphrase ----------------------------------------------------------------------------

def test_a_package_made_and_read_with_the_passphrase_from_settings(qtbot, _village_template, tmp_path,
                                                                  monkeypatch, messages):
    """Both laptops enter the same passphrase in 设置 → 数据交换; the window uses it both ways."""
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    for path in (a, b):
        shutil.copy(_village_template, path)
    db.open_database(a)
    window = make_window(qtbot, a)
    settings_page = window.show_page("settings")
    settings_page.exchange_tab.edit.setText("龙潭村与长坪镇的约定 2026")
    settings_page.exchange_tab.save()
    household = r.Household.select().order_by(r.Household.id).first()
    store.save(r.Household, {"remarks": "甲机改过"}, household)
    accepted = lambda dialog: QDialog.DialogCode.Accepted  # noqa: E731
    monkeypatch.setattr(package_dialogs.ExportPackageDialog, "exec", accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "a.tzpkg"), ""))
    assert package_dialogs.export_package(window) == tmp_path / "a.tzpkg"
    window.close()
    db.close_database()
    db.open_database(b)
    other = make_window(qtbot, b)
    refused_before = r.Household.get_by_id(household.id).remarks
    # b keeps the tests' passphrase: refused, nothing changed
    assert package_dialogs.import_package(other, tmp_path / "a.tzpkg") is None
    assert "either the passphrase differs from the sender's, or the file was damaged or altered" in (
        messages[-1][1])
    assert r.Household.get_by_id(household.id).remarks == refused_before
    page = other.show_page("settings")
    page.exchange_tab.edit.setText("龙潭村与长坪镇的约定 2026")
    page.exchange_tab.save()
    monkeypatch.setattr(package_dialogs.ImportPackageDialog, "exec", accepted)
    assert package_dialogs.import_package(other, tmp_path / "a.tzpkg") is not None
    assert r.Household.get_by_id(household.id).remarks == "甲机改过"


def test_without_a_passphrase_the_window_offers_the_settings(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from tests.models.factories import World

    db.open_database(tmp_path / "blank.db")
    World()
    window = make_window(qtbot, tmp_path / "blank.db")
    shown = []

    def click_settings(box):
        shown.append(box.text())
        next(b for b in box.buttons() if b.text() == "Open settings").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_settings)
    monkeypatch.setattr(package_dialogs.ExportPackageDialog, "exec", lambda dialog: (_ for _ in ()).throw(
        AssertionError))
    assert package_dialogs.export_package(window) is None
    assert "none is set on this laptop yet" in shown[0]
    page = window.pages["settings"]
    assert window.stack.currentWidget() is page and page.tabs.currentWidget() is page.exchange_tab
    assert package_dialogs.import_package(window, tmp_path / "any.tzpkg") is None
    assert len(shown) == 2


def test_reading_and_importing_a_package_run_off_the_windows_thread(qtbot, _village_template, tmp_path,
                                                                    monkeypatch, messages):
    import threading

    b, _household = _two_laptops_with_a_conflict(_village_template, tmp_path)
    window = make_window(qtbot, b)
    monkeypatch.setattr(package_dialogs.ImportPackageDialog, "exec",
                        lambda dialog: QDialog.DialogCode.Accepted)
    threads = []
    for name in ("read_package", "apply_import"):
        real = getattr(packages, name)

        def spy(*args, _real=real, **kwargs):
            threads.append(threading.current_thread() is threading.main_thread())
            return _real(*args, **kwargs)
        monkeypatch.setattr(packages, name, spy)
    assert package_dialogs.import_package(window, tmp_path / "a.tzpkg") is not None
    assert threads == [False, False]  # the window kept drawing meanwhile
