"""概览: figures that open their records, charts, the to-do list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QImage

from models import counting, figures, overview, store
from models import records as r
from ui.main_window import MainWindow
from ui.pages import record_list
from ui.pages.overview import figures as overview_figures


@pytest.fixture
def window(qtbot, township_db):
    window = MainWindow(township_db)
    qtbot.addWidget(window)
    window.show()
    page = window.pages["overview"]
    qtbot.waitUntil(lambda: page.result is not None, timeout=10000)
    return window


def test_the_overview_is_the_first_page_and_shows_the_figures_of_the_summary(window):
    page = window.pages["overview"]
    assert window.stack.currentWidget() is page
    expected = figures.compute(figures.Scope(campaign=store.current_campaign().id))
    shown = {button.text().split("\n")[1]: button.text().split("\n")[0].split(" ")[0]
             for button in page.figure_box.buttons if button.isVisible()}  # the value, without its unit
    label = {d.key: d.label for d in figures.DEFINITIONS}
    assert shown[label["sessions"]] == str(expected.sessions)
    assert shown[label["suggestions"]] == str(expected.suggestions)
    assert shown[label["visits"]] == f"{expected.visits:,}"
    assert shown[label["rectifications_overdue"]] == str(expected.rectifications_overdue)
    rate = label["attendance_rate"]
    shown_rate = next(text for text in shown if text.startswith(rate))
    assert shown[shown_rate] == figures.percent(expected.attendance_rate)
    assert f"{expected.attended:,}" in shown_rate and f"{expected.expected:,}" in shown_rate


def test_the_records_counted_are_every_record_of_the_figures(window):
    page = window.pages["overview"]
    f = page.result.figures
    total = f.sessions + f.writings + f.visits + f.suggestions + f.rectifications + f.publicity
    assert f"{total:,}" in page.status.text()


def button(page, label: str):
    return next(b for b in page.figure_box.buttons if b.isVisible() and b.text().split("\n")[1] == label)


@pytest.mark.parametrize("figure_key, key", [
    ("rectifications_overdue", "rectifications"), ("households_unvisited", "households"),
    ("suggestions_answered", "suggestions"), ("sessions", "sessions")])
def test_a_click_on_a_figure_opens_its_records(qtbot, window, figure_key, key):
    page = window.pages["overview"]
    figure = button(page, figures.DEFINITION[figure_key].label)
    target = window.pages[key]
    with qtbot.waitSignal(target.model.loaded, timeout=10000):
        figure.click()
    assert window.stack.currentWidget() is target
    assert f"{target.model.rowCount():,}" == figure.text().split("\n")[0].split(" ")[0]


def test_the_extra_condition_is_shown_and_cleared(qtbot, window):
    page = window.pages["overview"]
    households = window.pages["households"]
    with qtbot.waitSignal(households.model.loaded, timeout=10000):
        button(page, figures.DEFINITION["households_unvisited"].label).click()
    assert households.extra_filter.isVisible()
    narrowed = households.model.rowCount()
    with qtbot.waitSignal(households.model.loaded, timeout=10000):
        households.extra_filter.click()
    assert not households.extra_filter.isVisible()
    assert households.model.rowCount() > narrowed


def test_a_line_of_the_to_do_list_opens_its_record(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(record_list, "ask", lambda dialog: opened.append(dialog.record))
    page = window.pages["overview"]
    group = next(page.todo.topLevelItem(i) for i in range(page.todo.topLevelItemCount())
                 if page.todo.topLevelItem(i).child(0) is not None
                 and page.todo.topLevelItem(i).child(0).data(0, 0x0100).kind == "rectification")
    line = group.child(0)
    todo = line.data(0, 0x0100)
    page.todo.itemActivated.emit(line, 0)
    assert [record.id for record in opened] == [todo.record[1]]
    assert isinstance(opened[0], r.Rectification)
    assert window.stack.currentWidget() is window.pages["rectifications"]


def test_the_to_do_list_has_every_overdue_rectification(window):
    page = window.pages["overview"]
    lines = [page.todo.topLevelItem(i).child(j).data(0, 0x0100)
             for i in range(page.todo.topLevelItemCount())
             for j in range(page.todo.topLevelItem(i).childCount())]
    overdue = {t.record[1] for t in lines if t.overdue}
    today = dt.date.today()
    expected = {x.id for x in r.Rectification.select().where(
        r.Rectification.deleted_at.is_null(), *counting.overdue(today),
        r.Rectification.campaign == store.current_campaign().id)}
    assert overdue == expected


def test_the_charts_are_drawn_and_saved_as_pictures(qtbot, window, tmp_path, qtlog):
    page = window.pages["overview"]
    for key, chart in page.chart_panel.charts.items():
        assert chart.categories and chart.series, key
        path = tmp_path / f"{key}.png"
        assert page.chart_panel.save_chart(key, str(path))
        image = QImage(str(path))
        assert image.width() >= chart.minimumWidth() and image.height() >= chart.minimumHeight()
    assert [m.message for m in qtlog.records if "propagateSizeHints" not in m.message] == []


def test_a_changed_limit_changes_the_to_do_list(qtbot, window):
    page = window.pages["overview"]
    before = sum(1 for t in page.result.todo if t.kind == "person")
    page.limits["todo_absences"].setValue(0)
    with qtbot.waitSignal(page.computed, timeout=10000):
        page.limits["todo_absences"].editingFinished.emit()
    assert store.get_setting("todo_absences") == "0"
    assert sum(1 for t in page.result.todo if t.kind == "person") >= before
    assert overview.setting("todo_absences") == 0


@pytest.mark.parametrize("of_a_village", [False, True])
def test_every_figure_opens_a_list_of_as_many_records(qtbot, window, of_a_village):
    """A figure and the list behind it count the same records — of the unit, and of one village, where
    the list's village filter takes a village's sessions, suggestions and rectifications by the figures'
    own rule (models/scope.py)."""
    page = window.pages["overview"]
    if of_a_village:
        with qtbot.waitSignal(page.computed, timeout=10000):
            page.village.setCurrentIndex(1)
        assert page.scope.village is not None
    values = {d.key: d.value(page.result.figures) for d in figures.DEFINITIONS}
    checked = []
    for definition in figures.DEFINITIONS:
        if definition.of is not None or definition.key in overview_figures.NOT_ROWS:
            continue
        shown = [b for b in page.figure_box.buttons
                 if b.isVisibleTo(page) and b.request is not None and b.request.figure == definition.key]
        if not shown:
            continue
        target = window.pages[shown[0].request.key]
        with qtbot.waitSignal(target.model.loaded, timeout=10000) as loaded:
            shown[0].click()
        assert loaded.args[0] == values[definition.key], definition.key
        checked.append(definition.key)
    assert {"sessions", "suggestions", "rectifications", "visits", "households_unvisited"} <= set(checked)


def _started(qtbot, path):
    """The overview of a window started as the program starts it: counted ahead, then built."""
    from ui.pages.overview import ahead

    ahead.count_ahead()
    window = MainWindow(path)
    qtbot.addWidget(window)
    return window.pages["overview"]


def test_the_first_page_counted_ahead_shows_the_figures_then_the_rest(qtbot, township_db):
    """As the program starts: one job counts the figures and the rest before the page exists; the page
    shows the figures as soon as they come and the charts and to-do from the same job."""
    from ui.pages.overview import ahead

    ahead.count_ahead()
    job = ahead._ahead[0]
    events: list[str] = []
    window = MainWindow(township_db)
    qtbot.addWidget(window)
    page = window.pages["overview"]
    page.figures_shown.connect(lambda: events.append("figures"))
    page.computed.connect(lambda: events.append("rest"))
    assert ahead._ahead == []  # taken by the page's first refresh, not counted a second time
    qtbot.waitUntil(lambda: page.result is not None, timeout=10000)
    assert events == ["figures", "rest"]
    assert set(job.answers) == {"figures", "rest"}
    scope = figures.Scope(campaign=store.current_campaign().id)
    assert page.result == overview.compute(scope, figures.compute(scope))


def test_figures_that_cannot_be_counted_ahead_are_said_on_the_page(qtbot, township_db, monkeypatch):

    def fails(_scope):
        raise RuntimeError("no figures here")

    monkeypatch.setattr(figures, "compute", fails)
    page = _started(qtbot, township_db)
    qtbot.waitUntil(lambda: "no figures here" in page.status.text(), timeout=10000)
    assert page.result is None


def test_an_answer_counted_ahead_for_a_page_already_gone_reaches_nobody(qtbot, township_db):
    from ui.pages.overview import ahead

    ahead.count_ahead()
    counting_ahead = ahead._ahead[0]
    window = MainWindow(township_db)
    page = window.pages["overview"]
    delivered: list[object] = []
    page._on_counted = lambda *answer: delivered.append(answer)  # what the page would be handed
    window.deleteLater()
    qtbot.waitUntil(lambda: "figures" in counting_ahead.answers, timeout=10000)
    qtbot.wait(50)
    assert delivered == []


def test_a_start_after_the_page_was_kept_shows_it_at_once_without_counting(qtbot, window, township_db,
                                                                             monkeypatch):
    """The window closed with its first page kept (``models.first_page``); the next start shows that page
    as the window is built, before its first paint, and counts nothing."""
    from models import first_page

    shown = window.pages["overview"].result
    assert first_page.keep()  # as the window's closing does

    def fails(_scope):
        raise AssertionError("counted again")

    monkeypatch.setattr(figures, "compute", fails)
    page = _started(qtbot, township_db)
    assert page.result == shown  # there before the window is shown: its first paint has the figures
    assert f"{shown.figures.records:,}" in page.status.text()
    done: list[bool] = []
    page.when_computed(lambda: done.append(True))
    assert done == [True]


def test_a_change_since_the_page_was_kept_counts_it_again(qtbot, window, township_db):
    from models import first_page
    from ui.pages.overview import ahead

    assert first_page.keep()
    unit = store.current_unit()
    store.save(r.Household, {"village": r.Village.select().where(r.Village.unit == unit.id).first().id,
                             "head_name": "新户"})
    ahead.count_ahead()
    assert ahead._ahead[0].answers == {}  # counting on the worker
    again = MainWindow(township_db)
    qtbot.addWidget(again)
    page = again.pages["overview"]
    qtbot.waitUntil(lambda: page.result is not None, timeout=10000)
    before = window.pages["overview"].result.figures
    assert page.result.figures != before
    households = sum(village.households for village in before.coverage)
    assert sum(village.households for village in page.result.figures.coverage) == households + 1
