"""导出花名册 from the households and staff lists: masked by default, in full with the password, and a
full roster imports again."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QPushButton

from exporters import rosters
from models import db
from models import records as r
from tests.ui.driving import make_window
from ui import files
from ui.dialogs.export_roster import RosterExportDialog


def action_button(page, text: str) -> QPushButton:
    return next(b for b in page.findChildren(QPushButton) if b.text() == text)


def exported(qtbot, window, key: str, target, monkeypatch, full: bool = False):
    """The roster of the list ``key`` written to ``target`` through the list's button and the dialog."""
    monkeypatch.setattr(files, "choose_excel_target", lambda *_args: target)
    window.show_page(key)
    action_button(window.pages[key], "Export roster…").click()
    dialog = window.findChild(RosterExportDialog)
    dialog.full_personal.setChecked(full)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "Export…").click()
    return rosters.read_table(target)


def test_the_households_roster_is_masked_by_default(qtbot, village_db, tmp_path, monkeypatch, messages):
    window = make_window(qtbot, village_db)
    table = exported(qtbot, window, "households", tmp_path / "农户.xlsx", monkeypatch)
    live = r.Household.select().where(r.Household.deleted_at.is_null())
    household = live.where(r.Household.id_number != "").first()
    column = table.headers.index("身份证号")
    numbers = [str(cells[column]) for _number, cells in table.rows]
    assert len(numbers) == live.count()
    assert household.id_number not in numbers and "*" in "".join(numbers)


def test_a_full_roster_of_an_encrypted_file_needs_the_password_and_imports_again(qtbot, village_db, tmp_path,
                                                                                 monkeypatch, messages):
    db.encrypt_open_file("Longtan2026!", tmp_path / "backups")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Longtan2026!", True))
    window = make_window(qtbot, village_db)
    target = tmp_path / "人员.xlsx"
    table = exported(qtbot, window, "persons", target, monkeypatch, full=True)
    phones = {p.phone for p in r.Person.select().where(r.Person.deleted_at.is_null(), r.Person.phone != "")}
    assert phones and phones <= {str(cells[table.headers.index("联系电话")]) for _number, cells in table.rows}
    mapping = rosters.propose_mapping(table.headers, rosters.guess_kind(table.headers))
    assert not rosters.missing_fields(rosters.guess_kind(table.headers), mapping)
