"""导入花名册 driven through its widgets: the file read on a worker, the preview, the import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton

from models import records as r
from tests.exporters.rosters import sample
from tests.exporters.test_rosters import household_rows, write_book
from tests.models.factories import id_number
from tests.ui.driving import make_window
from ui.dialogs import import_roster


def button(widget, text: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, [b.text() for b in widget.findChildren(QPushButton)]
    return found[0]


def roster(tmp_path: Path) -> tuple[Path, str]:
    village = r.Village.select().where(r.Village.deleted_at.is_null()).first()
    good = id_number("19700101")
    path = write_book(tmp_path / "花名册.xlsx", household_rows(
        [village.name, "1组", "导入甲", good, "13812345678", 3, "脱贫户", "", ""],
        [village.name, "1组", "导入乙", good, "", 2, "", "", ""],
        [village.name, "99组", "导入丙", id_number("19710202"), "12345", 4, "低保户", "", ""],
    ), title=f"{village.name}农户花名册")
    return path, village.name


def opened(qtbot, dialog: import_roster.ImportDialog, path: Path) -> None:
    """Load ``path`` and wait for its preview (read and checked on workers)."""
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        dialog.load(path)
    qtbot.waitUntil(lambda: not dialog.running(), timeout=20_000)


def previewed(qtbot, dialog: import_roster.ImportDialog) -> None:
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        dialog.refresh_preview()


def test_the_import_dialog_previews_and_imports_the_good_rows(qtbot, village_db, tmp_path, monkeypatch,
                                                              messages):
    path, _village = roster(tmp_path)
    chosen_filters = []

    def choose(_parent, _title, _folder, filters, *args, **kwargs):
        chosen_filters.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    window = make_window(qtbot, village_db)
    page = window.pages["households"]
    with qtbot.waitSignal(page.model.loaded):
        window.show_page("households")
    before = page.model.rowCount()
    window.import_roster()
    dialog = window.import_dialog
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        button(dialog, "Choose file…").click()
    assert all(f"*.{kind}" in chosen_filters[0] for kind in ("xlsx", "xls", "et", "ods", "csv"))
    assert dialog.sheet.currentText() == "花名册"
    assert dialog.kind.currentData() == "households"
    assert [c.currentText() for c in dialog.combos][:5] == [
        "(not imported)", "Village (community)", "Villagers' group", "Head of household", "ID number"]
    model = dialog.rows
    assert model.rowCount() == 3
    assert dialog.counts.text() == "2 rows can be imported (1 with warnings), 1 rows have problems."
    status = 1
    assert model.index(0, status).data() == "✔"
    assert "row 4" in model.index(1, status).data()
    assert model.index(2, status).data().startswith("✔　⚠") and "联系电话" in model.index(2, status).data()
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "99组" in dialog.note.text()

    # the mapping can be changed: without the ID column, no row is a duplicate
    dialog.set_field(4, None)
    previewed(qtbot, dialog)
    assert dialog.counts.text() == "3 rows can be imported (1 with warnings), 0 rows have problems."
    dialog.set_field(4, "id_number")
    previewed(qtbot, dialog)

    button(dialog, "Import").click()  # the question is answered No
    assert messages.kinds == ["question"]
    assert not r.Household.select().where(r.Household.head_name == "导入甲").exists()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.model.loaded, timeout=20_000):
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
    opened(qtbot, dialog, path)
    dialog.set_field(9, "head_name")  # 住址 as the head
    mapping = dialog.current_mapping()
    assert mapping[9] == "head_name" and 3 not in mapping
    dialog.set_field(3, None)
    dialog.set_field(9, None)
    dialog.refresh_preview()
    assert "Head of household" in dialog.note.text() and not dialog.import_button.isEnabled()


def test_a_file_that_is_no_spreadsheet_is_refused_in_a_message(qtbot, village_db, tmp_path, messages):
    path = tmp_path / "notes.xlsx"
    path.write_bytes(bytes(range(256)))
    dialog = import_roster.ImportDialog()
    qtbot.addWidget(dialog)
    opened(qtbot, dialog, path)
    assert messages.kinds == ["warning"] and "notes.xlsx" in messages[0][1]
    assert not dialog.import_button.isEnabled()


def test_a_staff_roster_is_recognised(qtbot, village_db, tmp_path, messages):
    path = write_book(tmp_path / "staff.xlsx", [["姓名", "性别", "职务"], ["新干部", "女", "干事"]])
    dialog = import_roster.ImportDialog()
    qtbot.addWidget(dialog)
    opened(qtbot, dialog, path)
    assert dialog.kind.currentData() == "persons" and not dialog.village.isEnabled()
    assert dialog.counts.text() == "1 rows can be imported (0 with warnings), 0 rows have problems."
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        button(dialog, "Import").click()
    assert messages.kinds == ["information"]
    assert r.Person.get(r.Person.name == "新干部").gender == "female"
    assert dialog.import_result.imported == 1
    assert dialog.result() == QDialog.DialogCode.Accepted  # QDialog's own, not hidden by the import's


def test_an_old_xls_with_its_totals_row_left_out(qtbot, empty_db, tmp_path, messages):
    from tests.models.factories import World

    World()
    path = tmp_path / "roster.et"
    path.write_bytes((sample.HERE / "roster.et").read_bytes())
    dialog = import_roster.ImportDialog()
    qtbot.addWidget(dialog)
    opened(qtbot, dialog, path)
    assert dialog.sheet.currentText() == "花名册" and dialog.sheet.count() == 2
    assert "row 10 (a totals row)" in dialog.note.text() and "row 11" in dialog.note.text()
    assert dialog.counts.text() == "3 rows can be imported (1 with warnings), 1 rows have problems."


def test_a_running_import_can_be_stopped_and_nothing_is_written(qtbot, empty_db, tmp_path, messages,
                                                                 monkeypatch):
    import threading

    from exporters.rosters import importing
    from tests.models.factories import World

    World()
    rows = [[f"户{i}", id_number()] for i in range(30)]
    path = write_book(tmp_path / "r.xlsx", [["户主", "身份证号"], *rows])
    dialog = import_roster.ImportDialog()
    qtbot.addWidget(dialog)
    opened(qtbot, dialog, path)
    writing, stopped = threading.Event(), threading.Event()
    real_insert = importing._insert

    def insert_and_wait(model, records):  # the rows are written; the person presses Stop now
        real_insert(model, records)
        writing.set()
        stopped.wait(10)

    monkeypatch.setattr(importing, "_insert", insert_and_wait)
    button(dialog, "Import").click()
    try:
        qtbot.waitUntil(writing.is_set, timeout=20_000)
        assert not dialog.stop_button.isHidden() and not dialog.choose_button.isEnabled()
        dialog.stop_button.click()
    finally:
        stopped.set()
    qtbot.waitUntil(lambda: messages.kinds == ["warning"], timeout=20_000)
    assert "cancelled" in messages[0][1] and "nothing was imported" in messages[0][1]
    assert r.Household.select().count() == 0
    assert dialog.import_result is None and dialog.choose_button.isEnabled()


def test_nothing_an_import_reads_can_be_changed_while_it_runs(qtbot, village_db, tmp_path, messages,
                                                            monkeypatch):
    """A new village chosen meanwhile would start a preview, and a preview stops the job before it: the
    import would end with no word and nothing imported."""
    import threading

    from exporters.rosters import importing

    path, _name = roster(tmp_path)
    dialog = import_roster.ImportDialog()
    qtbot.addWidget(dialog)
    opened(qtbot, dialog, path)
    assert dialog.village.isEnabled()
    writing, go_on = threading.Event(), threading.Event()
    real_insert = importing._insert

    def insert_and_wait(model, records):
        writing.set()
        go_on.wait(10)
        real_insert(model, records)

    monkeypatch.setattr(importing, "_insert", insert_and_wait)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    button(dialog, "Import").click()
    try:
        qtbot.waitUntil(writing.is_set, timeout=20_000)
        assert not any(w.isEnabled() for w in (dialog.village, dialog.kind, dialog.sheet, dialog.mapping,
                                                dialog.choose_button))
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=20_000)
    assert dialog.import_result.imported == 2  # the good rows, 99组 made for the third
