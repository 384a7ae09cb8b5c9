"""Export and sign-in sheet, driven through their widgets (the roster import: test_import_roster.py).

File dialogs are answered by stand-ins; the export's worker thread is awaited
with ``qtbot.waitUntil``; opening files with the system's programs is recorded.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QPushButton

from models import store
from tests.ui.driving import make_window
from ui import files
from ui.dialogs import export_registers
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
    page = window.show_page("sessions")
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


def test_full_values_of_an_encrypted_file_need_its_password_again(qtbot, village_db, tmp_path, monkeypatch,
                                                                    messages):
    from PySide6.QtWidgets import QInputDialog

    from models import db

    db.encrypt_open_file("Longtan2026!", tmp_path / "backups")
    given = ["Longtan2026?", "Longtan2026!"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (given.pop(0), True))
    proposed = save_as(monkeypatch, tmp_path / "台账")
    dialog = export_registers.ExportDialog()
    qtbot.addWidget(dialog)
    dialog.full_personal.setChecked(True)
    button(dialog, "Export…").click()
    assert proposed == [] and "wrong" in messages[-1][1]  # a wrong password: nothing asked, nothing written
    button(dialog, "Export…").click()
    assert len(proposed) == 1 and given == []
