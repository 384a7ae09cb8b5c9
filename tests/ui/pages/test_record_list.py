"""The record lists and the main window, driven through their widgets.

Lists load their row ids on a worker thread: each test waits for the list's
``loaded`` signal (or for its rows) rather than for a time. Forms opened by
the window are answered by stand-ins for ``ask``/``exec`` that fill them and
press Save, so nothing modal ever blocks.
"""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import fn
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QDialog, QPushButton

from models import db, lists, store
from models import records as r
from tests.models.factories import World, free_visit
from tests.ui.driving import choose, make_window, save_button, type_text
from ui.forms.merge_suggestions import MergeDialog
from ui.main_window import MainWindow
from ui.pages.record_list import RecordPage


def open_page(qtbot, window: MainWindow, key: str) -> RecordPage:
    """Show a list and wait until its rows are read."""
    page = window.pages[key]
    if page.shown:
        window.show_page(key)
    else:
        with qtbot.waitSignal(page.model.loaded):
            window.show_page(key)
    return page


def reload(qtbot, page: RecordPage, action) -> None:
    """Do what makes the list search again, and wait until it has (debounce and worker)."""
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        action()


def row_ids(page: RecordPage) -> list:
    return [page.model.record_id(row) for row in range(page.model.rowCount())]


def column(page: RecordPage, key: str) -> list[str]:
    index = next(i for i, c in enumerate(page.spec.columns) if c.key == key)
    return [page.model.index(row, index).data() for row in range(page.model.rowCount())]


def select(page: RecordPage, *keys) -> None:
    """Select the rows of these records, as with a click and Ctrl-clicks."""
    selection = page.view.selectionModel()
    selection.clearSelection()
    rows = [page.model.row_of(key) for key in keys]
    assert None not in rows
    page.view.setCurrentIndex(page.model.index(rows[0], 0))
    for row in rows:
        selection.select(page.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def button(page: RecordPage, text: str) -> QPushButton:
    found = [b for b in page.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, [b.text() for b in page.findChildren(QPushButton)]
    return found[0]


def live(model) -> int:
    return model.select().where(model.deleted_at.is_null()).count()


def answer_with(qtbot, fill, seen: list):
    """A stand-in for ``ui.forms.ask``: fill the dialog, press Save (twice if warned), return the record."""
    def ask(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        seen.append(dialog)
        fill(dialog)
        save_button(dialog).click()
        if dialog.result() != QDialog.DialogCode.Accepted and dialog.warned:
            save_button(dialog).click()
        return dialog.saved if dialog.result() == QDialog.DialogCode.Accepted else None
    return ask


# --- 3. a rectification raised from a suggestion or a visit ----------------------------------


@pytest.fixture
def village_window(qtbot, village_db):
    return make_window(qtbot, village_db)


def has_rectification():
    return fn.EXISTS(r.Rectification.select().where(r.Rectification.suggestion == r.Suggestion.id))


def test_a_suggestion_raises_a_rectification(qtbot, village_window, monkeypatch):
    page = open_page(qtbot, village_window, "suggestions")
    suggestion = (r.Suggestion.select().where(r.Suggestion.deleted_at.is_null(), ~has_rectification())
                  .order_by(r.Suggestion.date).first())
    assert suggestion is not None
    select(page, suggestion.id)
    seen: list = []
    monkeypatch.setattr("ui.pages.record_list.ask", answer_with(
        qtbot, lambda d: type_text(qtbot, d.editors["measures"], "建立台账，每月通报"), seen))
    before = live(r.Rectification)

    button(page, "Raise a rectification").click()

    assert len(seen) == 1
    assert seen[0].link_text().startswith("Raised from the suggestion: ")
    assert live(r.Rectification) == before + 1
    rectification = r.Rectification.get(r.Rectification.suggestion == suggestion.id)
    assert rectification.source == "suggestion"
    assert rectification.visit_id is None
    assert rectification.problem == suggestion.content
    assert rectification.measures == "建立台账，每月通报"
    assert rectification.campaign_id == suggestion.campaign_id
    assert rectification.recorded_on == dt.date.today()
    row = page.model.row_of(suggestion.id)
    assert column(page, "rectified")[row] == "Yes"
    assert "Rectification recorded" in village_window.statusBar().currentMessage()


def test_a_visit_raises_a_rectification_that_the_rectification_list_then_shows(
        qtbot, village_window, monkeypatch):
    rectifications = open_page(qtbot, village_window, "rectifications")
    shown_before = rectifications.model.rowCount()
    page = open_page(qtbot, village_window, "visits")
    visit = free_visit(r.Visit.requests != "")
    select(page, visit.id)
    seen: list = []
    monkeypatch.setattr("ui.pages.record_list.ask", answer_with(
        qtbot, lambda d: type_text(qtbot, d.editors["measures"], "联系交通部门"), seen))

    button(page, "Raise a rectification").click()

    rectification = r.Rectification.get(r.Rectification.visit == visit.id)
    assert (rectification.source, rectification.suggestion_id) == ("visit", None)
    assert rectification.problem == visit.requests
    assert rectification.measures == "联系交通部门"
    assert seen[0].link_text().startswith("Raised from the visit: ")
    assert column(page, "rectified")[page.model.row_of(visit.id)] == "Yes"
    # the rectification list, already shown, reads its rows again
    qtbot.waitUntil(lambda: rectifications.model.rowCount() == shown_before + 1)
    assert rectification.id in row_ids(rectifications)


def test_without_a_chosen_record_no_rectification_is_raised(qtbot, village_window, monkeypatch):
    page = open_page(qtbot, village_window, "suggestions")
    page.view.clearSelection()
    page.view.setCurrentIndex(page.model.index(-1, -1))
    asked: list = []
    monkeypatch.setattr("ui.pages.record_list.ask", asked.append)
    before = live(r.Rectification)
    button(page, "Raise a rectification").click()
    assert asked == []
    assert live(r.Rectification) == before
    assert village_window.statusBar().currentMessage() == "Choose a record first."


def test_a_cancelled_rectification_writes_nothing(qtbot, village_window, monkeypatch):
    page = open_page(qtbot, village_window, "suggestions")
    select(page, row_ids(page)[0])

    def cancel(dialog):
        qtbot.addWidget(dialog)
        dialog.reject()
        return None

    monkeypatch.setattr("ui.pages.record_list.ask", cancel)
    before = live(r.Rectification)
    button(page, "Raise a rectification").click()
    assert live(r.Rectification) == before


# --- 4. merging suggestions -------------------------------------------------------------


def merge_answer(qtbot, title: str, category: str | None = None):
    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        type_text(qtbot, dialog.title, title)
        if category is not None:
            dialog.category.setCurrentIndex(dialog.category.findText(category))
        ok = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Merge")
        ok.click()
        run.dialog = dialog
        return dialog.result()
    return run


def test_three_suggestions_merged_into_a_new_item(qtbot, village_window, monkeypatch):
    page = open_page(qtbot, village_window, "suggestions")
    chosen = row_ids(page)[:3]
    select(page, *chosen)
    category = r.Category.get(r.Category.kind == "suggestion")
    answer = merge_answer(qtbot, "加强作风建设", category.name)
    monkeypatch.setattr(MergeDialog, "exec", answer)
    items_before = r.SuggestionItem.select().count()

    button(page, "Merge…").click()

    assert r.SuggestionItem.select().count() == items_before + 1
    item = r.SuggestionItem.get(r.SuggestionItem.title == "加强作风建设")
    assert item.category_id == category.id
    merged = {s.id: (s.item_id, s.category_id) for s in
              r.Suggestion.select().where(r.Suggestion.id.in_(chosen))}
    assert merged == {key: (item.id, category.id) for key in chosen}
    shown = column(page, "item")
    assert [shown[page.model.row_of(key)] for key in chosen] == ["加强作风建设"] * 3
    assert village_window.statusBar().currentMessage() == "3 suggestions merged into “加强作风建设”."


def test_a_merge_without_a_title_stays_open_and_changes_nothing(qtbot, village_window, monkeypatch):
    page = open_page(qtbot, village_window, "suggestions")
    chosen = row_ids(page)[:3]
    select(page, *chosen)
    before = {s.id: s.item_id for s in r.Suggestion.select().where(r.Suggestion.id.in_(chosen))}
    answer = merge_answer(qtbot, "")
    monkeypatch.setattr(MergeDialog, "exec", answer)
    items_before = r.SuggestionItem.select().count()

    button(page, "Merge…").click()

    assert answer.dialog.isVisible()
    assert answer.dialog.error.text() == "Consolidated item is required."
    assert r.SuggestionItem.select().count() == items_before
    assert {s.id: s.item_id for s in r.Suggestion.select().where(r.Suggestion.id.in_(chosen))} == before


# --- 5. closing and opening again --------------------------------------------------------


def test_records_and_the_column_widths_are_there_after_closing_and_opening_again(qtbot, empty_db,
                                                                               monkeypatch):
    world = World()
    world.household("张三丰")
    window = make_window(qtbot, empty_db)

    def new_publicity(dialog):
        retype_date(qtbot, dialog.editors["date"], "2026-04-01")
        type_text(qtbot, dialog.editors["title"], "解放思想进村入户")
        type_text(qtbot, dialog.editors["outlet"], "县融媒体中心")

    publicity = open_page(qtbot, window, "publicity")
    monkeypatch.setattr("ui.pages.record_list.ask", answer_with(qtbot, new_publicity, []))
    publicity.new_button.click()
    assert publicity.model.rowCount() == 1

    def new_session(dialog):
        type_text(qtbot, dialog.editors["topic"], "学习党章")
        dialog.attendance.mark_all_present()

    sessions = open_page(qtbot, window, "sessions")
    monkeypatch.setattr("ui.pages.record_list.ask", answer_with(qtbot, new_session, []))
    sessions.new_button.click()
    assert column(sessions, "topic") == ["学习党章"]
    assert column(sessions, "attended") == ["2"]

    title_column = next(i for i, c in enumerate(publicity.spec.columns) if c.key == "title")
    publicity.view.setColumnWidth(title_column, 321)
    assert publicity.view.columnWidth(title_column) == 321
    window.close()
    db.close_database()

    db.open_database(empty_db)
    again = make_window(qtbot, empty_db)
    publicity = open_page(qtbot, again, "publicity")
    assert column(publicity, "title") == ["解放思想进村入户"]
    assert column(publicity, "outlet") == ["县融媒体中心"]
    assert column(publicity, "date") == ["2026-04-01"]
    assert publicity.view.columnWidth(title_column) == 321
    sessions = open_page(qtbot, again, "sessions")
    assert column(sessions, "topic") == ["学习党章"]
    assert column(sessions, "attended") == ["2"]


def retype_date(qtbot, date_input, text: str) -> None:
    date_input.edit.selectAll()
    qtbot.keyClick(date_input.edit, Qt.Key.Key_Backspace)
    type_text(qtbot, date_input.edit, text)


def test_the_sort_order_chosen_is_there_after_opening_again(qtbot, empty_db):
    world = World()
    for head in ("王五", "张三", "李四"):
        world.household(head)
    window = make_window(qtbot, empty_db)
    page = open_page(qtbot, window, "households")
    head = next(i for i, c in enumerate(page.spec.columns) if c.key == "head")
    reload(qtbot, page, lambda: click_header(qtbot, page, head))
    ascending = column(page, "head")
    assert ascending == sorted(ascending)
    window.close()
    db.close_database()

    db.open_database(empty_db)
    again = make_window(qtbot, empty_db)
    page = open_page(qtbot, again, "households")
    assert page.view.horizontalHeader().sortIndicatorSection() == head
    assert column(page, "head") == ascending


# --- 7. the lists of a township ----------------------------------------------------------------


@pytest.fixture
def township_window(qtbot, township_db):
    return make_window(qtbot, township_db)


def click_header(qtbot, page: RecordPage, section: int) -> None:
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_every_list_of_the_township_demo_is_filled(qtbot, township_window):
    for key in lists.LISTS:
        page = open_page(qtbot, township_window, key)
        assert page.model.rowCount() > 0, key
        first = page.model.index(0, 0)
        assert page.model.data(first), key  # the first cell is read and shown


def test_the_visit_count_is_the_number_of_visits(qtbot, township_window):
    page = open_page(qtbot, township_window, "visits")
    campaign = store.current_campaign()
    count = r.Visit.select().where(r.Visit.deleted_at.is_null(), r.Visit.campaign == campaign.id).count()
    assert count > 1000
    assert page.count.text() == f"{count:,} records"
    assert page.model.rowCount() == count


def test_typing_a_search_narrows_the_visits(qtbot, township_window):
    page = open_page(qtbot, township_window, "visits")
    total = page.model.rowCount()
    visit = r.Visit.select().order_by(r.Visit.date).first()
    word = visit.household.head_name
    expected = {v.id for v in r.Visit.select().join(r.Household).join(r.Village).where(
        r.Visit.deleted_at.is_null(),
        r.Household.head_name.contains(word) | r.Village.name.contains(word)
        | r.Visit.requests.contains(word) | r.Visit.situation.contains(word))}

    reload(qtbot, page, lambda: type_text(qtbot, page.search, word))

    assert 0 < page.model.rowCount() < total
    assert set(row_ids(page)) == expected
    assert page.count.text() == f"{len(expected)} records"
    assert visit.id in row_ids(page)

    reload(qtbot, page, page.search.clear)
    assert page.model.rowCount() == total


def test_a_search_and_a_village_filter_together(qtbot, township_window):
    page = open_page(qtbot, township_window, "visits")
    village = r.Village.select().order_by(r.Village.position).first()
    reload(qtbot, page, lambda: choose(page.village, village.id))
    in_village = set(row_ids(page))
    assert in_village == {v.id for v in r.Visit.select().join(r.Household).where(
        r.Visit.deleted_at.is_null(), r.Household.village == village.id)}
    assert set(column(page, "village")) == {village.name}


def test_the_overdue_filter_shows_exactly_the_overdue_rectifications(qtbot, township_window):
    page = open_page(qtbot, township_window, "rectifications")
    total = page.model.rowCount()
    overdue = {x.id for x in r.Rectification.select().where(
        r.Rectification.deleted_at.is_null(), r.Rectification.deadline < dt.date.today(),
        r.Rectification.status.in_(("not_started", "in_progress")))}
    assert 0 < len(overdue) < total

    reload(qtbot, page, lambda: page.choice.setCurrentIndex(page.choice.findData(lists.OVERDUE)))

    assert page.choice.currentText() == "Overdue"
    assert set(row_ids(page)) == overdue
    assert column(page, "overdue") == ["Overdue"] * len(overdue)
    assert page.count.text() == f"{len(overdue)} records"

    reload(qtbot, page, lambda: page.choice.setCurrentIndex(page.choice.findData("done")))
    assert set(column(page, "status")) == {"Completed (closed)"}


def test_clicking_a_header_sorts_the_list(qtbot, township_window):
    page = open_page(qtbot, township_window, "visits")
    dates = column(page, "date")
    assert dates == sorted(dates, reverse=True)  # newest first
    head = next(i for i, c in enumerate(page.spec.columns) if c.key == "head")

    reload(qtbot, page, lambda: click_header(qtbot, page, head))
    heads = column(page, "head")
    assert heads == sorted(heads)
    assert page.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder

    reload(qtbot, page, lambda: click_header(qtbot, page, head))
    assert column(page, "head") == sorted(heads, reverse=True)


def test_a_column_that_cannot_be_sorted_leaves_the_order_and_its_indicator(qtbot, township_window):
    page = open_page(qtbot, township_window, "visits")
    header = page.view.horizontalHeader()
    date = next(i for i, c in enumerate(page.spec.columns) if c.key == "date")
    visitors = next(i for i, c in enumerate(page.spec.columns) if c.key == "visitors")
    assert not page.spec.columns[visitors].sortable
    before = row_ids(page)
    count = page.count.text()

    click_header(qtbot, page, visitors)
    qtbot.waitUntil(lambda: page.count.text() == count)

    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        date, Qt.SortOrder.DescendingOrder)
    assert row_ids(page) == before


def test_deleting_selected_visits_moves_them_to_the_recycle_bin(qtbot, township_window, monkeypatch):
    page = open_page(qtbot, township_window, "visits")
    total = page.model.rowCount()
    chosen = row_ids(page)[1:3]
    select(page, *chosen)
    asked: list = []
    monkeypatch.setattr("ui.pages.record_list.confirm",
                        lambda _parent, title, text: asked.append(text) or True)

    page.delete_button.click()

    assert asked == ["Move 2 records to the recycle bin?\nThey can be restored from the recycle bin."]
    assert page.model.rowCount() == total - 2
    assert not set(chosen) & set(row_ids(page))
    assert page.count.text() == f"{total - 2:,} records"
    assert all(r.Visit.get_by_id(key).deleted_at is not None for key in chosen)
    binned = {(entry.model, entry.id) for entry in store.recycle_bin()}
    assert {(r.Visit, key) for key in chosen} <= binned


def test_a_refused_delete_changes_nothing(qtbot, township_window, monkeypatch):
    page = open_page(qtbot, township_window, "publicity")
    total = page.model.rowCount()
    select(page, row_ids(page)[0])
    monkeypatch.setattr("ui.pages.record_list.confirm", lambda *_args: False)
    page.delete_button.click()
    assert page.model.rowCount() == total
    assert live(r.Publicity) == total


def test_deleting_a_person_still_used_is_explained_and_changes_nothing(
        qtbot, township_window, monkeypatch, messages):
    page = open_page(qtbot, township_window, "persons")
    total = page.model.rowCount()
    visitor = r.Person.get_by_id(r.VisitVisitor.select(r.VisitVisitor.person).first().person_id)
    select(page, visitor.id)
    monkeypatch.setattr("ui.pages.record_list.confirm", lambda *_args: True)

    with qtbot.assertNotEmitted(page.changed):
        page.delete_button.click()

    assert len(messages) == 1
    title, text = messages[0]
    assert (messages.kinds[0], title) == ("warning", "Cannot delete")
    assert text.startswith(f"“{visitor.name}") and "it cannot be deleted" in text
    assert r.Person.get_by_id(visitor.id).deleted_at is None
    assert page.model.rowCount() == total
    assert visitor.id in row_ids(page)


def test_a_new_record_from_the_list_is_selected_and_shown_in_the_other_lists(
        qtbot, township_window, monkeypatch):
    households = open_page(qtbot, township_window, "households")
    village = r.Village.select().order_by(r.Village.position).first()

    def fill(dialog):
        choose(dialog.editors["village"], village.id)
        type_text(qtbot, dialog.editors["head_name"], "新来户")

    monkeypatch.setattr("ui.pages.record_list.ask", answer_with(qtbot, fill, []))
    households.new_button.click()
    household = r.Household.get(r.Household.head_name == "新来户")
    assert households.current_id() == household.id

    reload(qtbot, households, lambda: type_text(qtbot, households.search, "新来户"))
    assert row_ids(households) == [household.id]


def test_editing_from_the_list_changes_the_row(qtbot, township_window, monkeypatch):
    page = open_page(qtbot, township_window, "publicity")
    key = row_ids(page)[0]
    select(page, key)

    def fill(dialog):
        assert dialog.record.id == key
        dialog.editors["title"].selectAll()
        type_text(qtbot, dialog.editors["title"], "新标题")

    monkeypatch.setattr("ui.pages.record_list.ask", answer_with(qtbot, fill, []))
    page.edit_button.click()
    assert r.Publicity.get_by_id(key).title == "新标题"
    assert column(page, "title")[page.model.row_of(key)] == "新标题"
    assert page.current_id() == key


def test_the_lists_follow_a_new_current_campaign(qtbot, empty_db):
    world = World()
    later = store.save(r.Campaign, {"unit": world.unit.id, "name": "作风建设年",
                                    "start_date": dt.date(2026, 9, 1)})
    world.session(topic="春季学习")
    window = make_window(qtbot, empty_db)
    sessions = open_page(qtbot, window, "sessions")
    assert sessions.campaign.currentData() == world.campaign.id.hex
    assert sessions.model.rowCount() == 1
    store.set_current(campaign=later)
    with qtbot.waitSignal(sessions.model.loaded):
        window.settings_changed()
    assert sessions.campaign.currentData() == later.id.hex
    assert sessions.model.rowCount() == 0
