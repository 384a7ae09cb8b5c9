"""The table model of a list: the first page at once, then the whole list; only shown rows are read."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from models import lists
from models import records as r
from ui.widgets.record_table import PAGE, RecordTableModel


def publicity(world, n: int) -> None:
    r.Publicity.insert_many([
        {"campaign": world.campaign.id, "date": dt.date(2026, 3, 1) + dt.timedelta(days=i % 90),
         "kind": "article", "title": f"稿件{i:04d}", "outlet": "县融媒体中心"} for i in range(n)]).execute()


def test_a_long_list_shows_its_first_page_then_grows_to_all_of_it(qtbot, world):
    publicity(world, PAGE * 2 + 5)
    model = RecordTableModel(lists.PUBLICITY)
    events: list[tuple[str, int]] = []
    model.first_rows.connect(lambda n: events.append(("first", model.rowCount())))
    model.rowsInserted.connect(lambda *_a: events.append(("inserted", model.rowCount())))
    model.modelReset.connect(lambda: events.append(("reset", model.rowCount())))
    with qtbot.waitSignal(model.loaded, timeout=10_000) as loaded:
        model.reload()
    assert loaded.args == [PAGE * 2 + 5]
    assert events == [("reset", PAGE), ("first", PAGE), ("inserted", PAGE * 2 + 5)]
    assert model.complete and model.rowCount() == PAGE * 2 + 5
    titles = [model.data(model.index(row, 2)) for row in range(model.rowCount())]
    dates = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert len(set(titles)) == PAGE * 2 + 5  # every row once: the first page and the rest fit together
    assert dates == sorted(dates, reverse=True)  # newest first, as the list is sorted


def test_a_short_list_is_read_in_one_go(qtbot, world):
    publicity(world, 3)
    model = RecordTableModel(lists.PUBLICITY)
    first: list[int] = []
    model.first_rows.connect(first.append)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.reload()
    assert model.rowCount() == 3 and first == [] and model.complete


def test_sorting_reads_again_only_once_the_list_has_been_read(qtbot, world):
    publicity(world, 3)
    model = RecordTableModel(lists.PUBLICITY)
    reloads: list[int] = []
    model.loading.connect(lambda: reloads.append(1))
    model.sort(2, Qt.SortOrder.AscendingOrder)  # a table being built: remembered, not read
    assert reloads == [] and model.sort_key == ("title", False)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.reload()
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(2, Qt.SortOrder.DescendingOrder)
    assert len(reloads) == 2
    assert model.data(model.index(0, 2)) == "稿件0002"


def test_a_short_term_found_only_in_the_long_text_still_reads_the_whole_list(qtbot, world, monkeypatch):
    """Its first page comes from the names (none here); the long text follows with the whole list."""
    from models.lists import record_list

    monkeypatch.setattr(record_list, "PROBE", 0)
    household = r.Household.create(village=world.village, head_name="王五")
    r.Visit.create(campaign=world.campaign.id, household=household, date=dt.date(2026, 3, 2),
                   method="home", requests="屋后的水渠堵了")
    model = RecordTableModel(lists.VISITS)
    model.filters.text = "渠"
    first: list[int] = []
    model.first_rows.connect(lambda _n: first.append(model.rowCount()))
    with qtbot.waitSignal(model.loaded, timeout=10_000) as loaded:
        model.reload()
    assert first == [0] and model.partial
    assert loaded.args == [1] and model.rowCount() == 1 and model.complete
