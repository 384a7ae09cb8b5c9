"""Export, sign-in sheet and roster import, driven through their widgets.

File dialogs are answered by stand-ins; the export's worker thread is awaited
with ``qtbot.waitUntil``; opening files with the system's programs is recorded.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from models import records as r
from models import store
from tests.exporters.test_rosters import household_rows, write_book
from tests.models.factories import id_number
from tests.ui.driving import make_window
from ui import files
from ui.dialogs import export_registers, import_roster
from ui.main_window import MainWindow


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    """What would have been opened with the system's programs."""
    urls: list[Path] = []
    monkeypatch.setattr(files.QDesktopServices, "openUrl",
                        lambda url: urls.append(Path(url.toLocalFile())) or True)
    return urls


def save_as(monkeypatch, path: Path) -> list[str]:
    """The save dialog answers ``path``; the names it proposed are recorded."""
    proposed: list[str] = []

    def answer(_parent, _title, name, _filter, *args, **kwargs):
        proposed.append(name)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return proposed


def button(widget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


# --- export -------------------------------------------------------------------------------

def test_the_export_dialog_writes_the_chosen_registers(qtbot, village_db, tmp_path, monkeypatch, opened):
    target = tmp_path / "out" / "台账"
    target.parent.mkdir()
    proposed = save_as(monkeypatch, target)
    dialog = export_registers.ExportDialog()
    qtbot.addWidget(dialog)
    campaign = store.current_campaign()
    assert dialog.options().campaign == campaign.id and dialog.options().village is None
    assert all(box.isChecked() for box in dialog.registers.values())
    assert not dialog.full_personal.isChecked()
    dialog.full_personal.setChecked(True)
    assert dialog.personal_warning.isVisibleTo(dialog)
    dialog.full_personal.setChecked(False)
    assert not dialog.personal_warning.isVisibleTo(dialog)
    dialog.registers["writings"].setChecked(False)

    button(dialog, "Export…").click()
    assert Path(proposed[0]).name.startswith(f"{store.current_unit().name}{campaign.name}台账")
    qtbot.waitUntil(lambda: dialog.result_box is not None or dialog.error.text() != "", timeout=30_000)
    written = target.with_name("台账.xlsx")
    assert dialog.written == written and written.is_file()
    book = load_workbook(written, read_only=True)
    assert len(book.sheetnames) == 7 and not any("成果" in name for name in book.sheetnames)
    book.close()
    assert files.last_folder() == target.parent

    box = dialog.result_box
    button(box, "Open folder").click()
    assert opened == [written.parent]


def test_open_file_from_the_message(qtbot, tmp_path, opened):
    path = tmp_path / "x.xlsx"
    box = files.written_box(None, "Export registers", path, "written")
    qtbot.addWidget(box)
    button(box, "Open file").click()
    assert opened == [path]


def test_cancel_stops_the_export_and_leaves_no_file(qtbot, village_db, tmp_path, monkeypatch):
    from exporters import registers

    gate, real = threading.Event(), registers.write_registers

    def held(path, options, progress=None, cancelled=None):
        def report(done, total):
            progress(done, total)
            gate.wait(20)
        return real(path, options, report, cancelled)

    monkeypatch.setattr(registers, "write_registers", held)
    target = tmp_path / "cancelled.xlsx"
    save_as(monkeypatch, target)
    dialog = export_registers.ExportDialog()
    qtbot.addWidget(dialog)
    button(dialog, "Export…").click()
    qtbot.waitUntil(lambda: dialog.progress is not None and dialog.progress.maximum() > 0, timeout=20_000)
    button(dialog.progress, "Cancel").click()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert "cancelled" in dialog.error.text()
    assert dialog.result_box is None
    assert list(tmp_path.glob("*.xlsx*")) == [] and not target.exists()


def test_an_export_error_is_shown(qtbot, village_db, tmp_path, monkeypatch, messages):
    from exporters import ExportError, registers

    def refuse(path, options, progress=None, cancelled=None):
        raise ExportError(f"{path} is open in another program; close it and try again.")

    monkeypatch.setattr(registers, "write_registers", refuse)
    save_as(monkeypatch, tmp_path / "busy.xlsx")
    dialog = export_registers.ExportDialog()
    qtbot.addWidget(dialog)
    button(dialog, "Export…").click()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert messages.kinds == ["critical"] and "busy.xlsx" in messages[0][1]
    assert dialog.result_box is None and dialog.export_button.isEnabled()


def test_wrong_choices_are_said_and_nothing_is_asked(qtbot, village_db, monkeypatch):
    asked = save_as(monkeypatch, Path("never.xlsx"))
    dialog = export_registers.ExportDialog()
    qtbot.addWidget(dialog)
    dialog.date_from.set_value("2026-13-01")
    button(dialog, "Export…").click()
    assert "not valid" in dialog.error.text()
    dialog.date_from.set_value("2026-06-01")
    dialog.date_to.set_value("2026-05-01")
    button(dialog, "Export…").click()
    assert "before" in dialog.error.text()
    dialog.date_to.set_value("")
    for box in dialog.registers.values():
        box.setChecked(False)
    button(dialog, "Export…").click()
    assert "at least one" in dialog.error.text()
    assert asked == []


# --- the window's actions -------------------------------------------------------------------


def menu_action(window: MainWindow, text: str):
    return next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == text)


def test_the_sign_in_action_writes_the_sheet_of_the_chosen_session(qtbot, village_db, tmp_path,
                                                                  monkeypatch, opened, messages):
    window = make_window(qtbot, village_db)
    page = window.pages["sessions"]
    target = tmp_path / "签到表.xlsx"
    save_as(monkeypatch, target)
    button(page, "Print sign-in sheet").click()  # nothing chosen yet
    assert messages.kinds == ["warning"] and not target.exists()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.view.setCurrentIndex(page.model.index(0, 0))
    session = page.current_record()
    assert session is not None
    button(page, "Print sign-in sheet").click()
    assert opened == [target] and target.is_file()
    sheet = load_workbook(target).active
    text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    assert session.topic in text


def test_the_file_menu_opens_the_export_and_import_dialogs(qtbot, village_db):
    window = make_window(qtbot, village_db)
    export = menu_action(window, "Export registers…")
    assert export.shortcut().toString() == "Ctrl+E"
    export.trigger()
    assert window.export_dialog.isVisible()
    window.export_dialog.reject()
    menu_action(window, "Import roster…").trigger()
    assert window.import_dialog.isVisible()
    window.import_dialog.reject()


# --- import -------------------------------------------------------------------------------

def roster(tmp_path: Path) -> tuple[Path, str]:
    village = r.Village.select().where(r.Village.deleted_at.is_null()).first()
    good = id_number("19700101")
    path = write_book(tmp_path / "花名册.xlsx", household_rows(
        [village.name, "1组", "导入甲", good, "13812345678", 3, "脱贫户", "", ""],
        [village.name, "1组", "导入乙", good, "", 2, "", "", ""],
        [village.name, "99组", "导入丙", id_number("19710202"), "", 4, "低保户", "", ""],
    ), title=f"{village.name}农户花名册")
    return path, village.name


def test_the_import_dialog_previews_and_imports_the_good_rows(qtbot, village_db, tmp_path, monkeypatch,
                                                              messages):
    path, _village = roster(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window = make_window(qtbot, village_db)
    page = window.pages["households"]
    with qtbot.waitSignal(page.model.loaded):
        window.show_page("households")
    before = page.model.rowCount()
    window.import_roster()
    dialog = window.import_dialog
    button(dialog, "Choose file…").click()
    assert dialog.sheet.currentText() == "花名册"
    assert dialog.kind.currentData() == "households"
    assert [c.currentText() for c in dialog.combos][:5] == [
        "(not imported)", "Village (community)", "Villagers' group", "Head of household", "ID number"]
    model = dialog.rows
    assert model.rowCount() == 3
    assert dialog.counts.text() == "2 rows can be imported, 1 rows have problems."
    status = 1
    assert model.index(0, status).data() == "✔"
    assert "row 4" in model.index(1, status).data()
    assert model.index(1, 0).data(import_roster.Qt.ItemDataRole.BackgroundRole) is not None
    assert "99组" in dialog.note.text()

    # the mapping can be changed: without the ID column, no row is a duplicate
    dialog.set_field(4, None)
    dialog.refresh_preview()
    assert dialog.counts.text() == "3 rows can be imported, 0 rows have problems."
    dialog.set_field(4, "id_number")
    dialog.refresh_preview()

    button(dialog, "Import").click()  # the question is answered No
    assert messages.kinds == ["question"]
    assert not r.Household.select().where(r.Household.head_name == "导入甲").exists()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        button(dialog, "Import").click()
    assert messages.kinds[-1] == "information" and "2 rows imported" in messages[-1][1]
    assert sorted(h.head_name for h in r.Household.select().where(r.Household.head_name.startswith("导入"))) \
        == ["导入丙", "导入甲"]
    assert page.model.rowCount() == before + 2
    assert r.VillageGroup.select().where(r.VillageGroup.name == "99组").count() == 1


def test_choosing_a_field_twice_frees_the_other_column(qtbot, village_db, tmp_path):
    path, _village = roster(tmp_path)
    dialog = import_roster.ImportDialog()
    qtbot.addWidget(dialog)
    dialog.load(path)
    dialog.set_field(9, "head_name")  # 住址 as the head
    mapping = dialog.current_mapping()
    assert mapping[9] == "head_name" and 3 not in mapping
    dialog.set_field(3, None)
    dialog.set_field(9, None)
    dialog.refresh_preview()
    assert "Head of household" in dialog.note.text() and not dialog.import_button.isEnabled()


def test_a_file_that_is_no_workbook_is_refused_in_a_message(qtbot, village_db, tmp_path, messages):
    path = tmp_path / "notes.xlsx"
    path.write_text("hello", encoding="utf-8")
    dialog = import_roster.ImportDialog()
    qtbot.addWidget(dialog)
    assert not dialog.load(path)
    assert messages.kinds == ["warning"] and "notes.xlsx" in messages[0][1]
    assert not dialog.import_button.isEnabled()


def test_a_staff_roster_is_recognised(qtbot, village_db, tmp_path, messages, monkeypatch):
    path = write_book(tmp_path / "staff.xlsx", [["姓名", "性别", "职务"], ["新干部", "女", "干事"]])
    dialog = import_roster.ImportDialog()
    qtbot.addWidget(dialog)
    dialog.load(path)
    assert dialog.kind.currentData() == "persons" and not dialog.village.isEnabled()
    assert dialog.counts.text() == "1 rows can be imported, 0 rows have problems."
    button(dialog, "Import").click()
    assert messages.kinds == ["information"]
    assert r.Person.get(r.Person.name == "新干部").gender == "female"
