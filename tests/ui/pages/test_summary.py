"""The 活动总结 page: wording saved per section, live preview, documents written and opened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from exporters import summary as s
from ui import files
from ui.main_window import MainWindow
from ui.pages.summary import SummaryPage
from ui.pages.summary import documents as summary_page


@pytest.fixture
def opened(monkeypatch):
    """Files and folders the page asked the system to open."""
    shown: list[Path] = []
    monkeypatch.setattr(files, "open_path", lambda path: shown.append(Path(path)))
    return shown


@pytest.fixture
def page(qtbot, world):
    world.session("leader_study")
    world.session("leader_study", date=dt.date(2026, 3, 9))
    widget = SummaryPage()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def save_to(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), "Word (*.docx)"))


def test_the_current_campaigns_wording_and_its_preview(page, world, qtbot):
    assert page.campaign.currentData() == world.campaign.id.hex
    assert page.edits["overview"].toPlainText() == s.section("overview").default
    page.edits["overview"].setFocus()
    qtbot.waitUntil(lambda: page.current_key == "overview")
    assert "领导班子集中学习2次" in page.preview.toPlainText()
    assert "{" not in page.preview.toPlainText()


def test_typing_refreshes_the_preview_after_a_pause(page, qtbot):
    edit = page.edits["opening"]
    edit.setFocus()
    edit.setPlainText("共学习{领导班子集中学习次数}次，{没有这个}。")
    qtbot.waitUntil(lambda: "共学习2次" in page.preview.toPlainText(), timeout=2000)
    assert "【没有这个】" in page.preview.toPlainText()
    assert "没有这个" in page.preview_title.text()


def test_leaving_a_field_saves_its_wording_and_restore_default_removes_it(page, world, qtbot):
    edit = page.edits["next_steps"]
    edit.setFocus()
    edit.setPlainText("三、今后打算\n继续努力。")
    page.edits["opening"].setFocus()  # leaving the field saves it
    wanted = "三、今后打算\n继续努力。"
    qtbot.waitUntil(lambda: s.saved_wording(world.campaign.id).get("next_steps") == wanted)
    page.findChild(QPushButton, "reset-next_steps").click()
    assert s.saved_wording(world.campaign.id) == {}
    assert edit.toPlainText() == s.section("next_steps").default


def test_the_save_button_saves_every_changed_section(page, world):
    page.edits["title"].setPlainText("{单位名称}活动总结")
    page.edits["signature"].setPlainText("长坪镇党委\n{成文日期}")
    page.save_button.click()
    assert s.saved_wording(world.campaign.id) == {"title": "{单位名称}活动总结",
                                                  "signature": "长坪镇党委\n{成文日期}"}


def test_double_clicking_a_placeholder_inserts_it_at_the_cursor(page, qtbot):
    edit = page.edits["opening"]
    edit.setPlainText("开头")
    edit.setFocus()
    qtbot.waitUntil(lambda: page.current_key == "opening")
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    group = page.placeholders.topLevelItem(1)  # study sessions
    item = next(group.child(i) for i in range(group.childCount())
                if group.child(i).data(0, Qt.ItemDataRole.UserRole) == "专题讨论会次数")
    page.placeholders.itemDoubleClicked.emit(item, 0)
    assert edit.toPlainText() == "开头{专题讨论会次数}"


def test_write_summary_then_open_the_file_or_its_folder(page, world, tmp_path, monkeypatch, opened):
    target = tmp_path / "总结"
    save_to(monkeypatch, target)
    page.edits["overview"].setPlainText("一、基本情况\n领导班子集中学习{领导班子集中学习次数}次。")
    page.summary_button.click()
    written = tmp_path / "总结.docx"
    assert written.exists()
    assert "领导班子集中学习2次。" in [p.text for p in Document(str(written)).paragraphs]
    box = page.written_box
    assert str(written) in box.text()
    buttons = {button.text(): button for button in box.buttons()}
    buttons["Open folder"].click()
    assert opened == [tmp_path]


def test_a_locked_target_is_a_clear_message_and_the_old_file_stays(page, tmp_path, monkeypatch, messages):
    target = tmp_path / "整改.docx"
    target.write_bytes(b"old")
    (tmp_path / "~$整改.docx").write_bytes(b"")
    save_to(monkeypatch, target)
    page.report_button.click()
    assert messages.kinds == ["critical"]
    assert "整改.docx" in messages[0][1] and "open in another program" in messages[0][1]
    assert target.read_bytes() == b"old"


def test_a_cancelled_file_dialog_writes_nothing(page, monkeypatch, messages):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    assert page.write_summary() is None and page.write_report() is None
    assert messages == []


def test_print_opens_the_document_in_the_word_processor(page, tmp_path, monkeypatch, opened):
    monkeypatch.setattr(summary_page.tempfile, "gettempdir", lambda: str(tmp_path))
    page.print_button.click()
    assert len(opened) == 1 and opened[0].suffix == ".docx" and opened[0].exists()
    assert Document(str(opened[0])).paragraphs[0].text.endswith("活动总结")


def test_the_window_has_the_page_and_the_sessions_page_writes_minutes(qtbot, empty_db, world, tmp_path,
                                                                       monkeypatch, opened, messages):
    session = world.session("seminar", topic="专题讨论")
    window = MainWindow(empty_db)
    qtbot.addWidget(window)
    window.show()
    assert isinstance(window.show_page("summary"), SummaryPage)
    sessions = window.show_page("sessions")
    qtbot.waitUntil(lambda: sessions.model.rowCount() >= 1)
    row = sessions.model.row_of(session.id)
    sessions.view.selectRow(row)
    save_to(monkeypatch, tmp_path / "记录.docx")
    action = dict(sessions.extra_actions)["Write minutes…"]
    action()
    assert (tmp_path / "记录.docx").exists()
    boxes = [w for w in window.findChildren(QMessageBox) if "记录.docx" in w.text()]
    assert len(boxes) == 1
    sessions.view.clearSelection()
    sessions.view.setCurrentIndex(sessions.model.index(-1, -1))
    action()
    assert messages.kinds == ["warning"]


def test_the_document_date_and_the_scope_choose_what_the_documents_say(page, world, qtbot):
    world.rectification(deadline=dt.date(2026, 4, 1))
    page.document_date.set_value(dt.date(2026, 3, 31))
    page.document_date.edited.emit()
    assert page.context.today == dt.date(2026, 3, 31) and page.context.figures.rectifications_overdue == 0
    page.document_date.set_value(dt.date(2026, 4, 2))
    page.document_date.edited.emit()
    assert page.context.figures.rectifications_overdue == 1
    page.date_from.set_value(dt.date(2026, 5, 1))
    page.date_to.set_value(dt.date(2026, 4, 1))
    page.date_to.edited.emit()
    assert page.scope_error.text() and page.context is None
    assert not page.summary_button.isEnabled() and not page.report_button.isEnabled()
    page.date_from.set_value(None)
    page.date_to.edited.emit()
    assert page.scope_error.text() == "" and page.summary_button.isEnabled()
