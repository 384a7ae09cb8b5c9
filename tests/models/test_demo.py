"""The demonstration data: the sizes it promises, the same records for the same seed, valid rows."""

import hashlib
import sqlite3

import pytest

from models import db, demo
from models import records as r
from models.demo import campaign as demo_campaign
from models.lists import overdue_condition
from models.personal import id_number_error
from models.store import _current_values
from models.validation import check


def counts():
    return {model._meta.table_name: model.select().where(model.deleted_at.is_null()).count()
            for model in r.RECORD_MODELS}


def test_the_township_is_as_promised(township_db):
    n = counts()
    assert n["unit"] == 1 and n["campaign"] == 1
    assert n["village"] == 24
    assert 10_000 <= n["household"] <= 14_000
    assert 50 <= n["person"] <= 70
    assert 35 <= n["session"] <= 45
    assert 4_500 <= n["visit"] <= 7_500
    assert 30 <= n["suggestion"] <= 45
    assert 15 <= n["rectification"] <= 25
    assert r.VisitVisitor.select().count() >= n["visit"]  # every visit has a visitor


def test_township_suggestions_are_merged_into_fewer_items_in_five_categories(township_db):
    suggestions = r.Suggestion.select()
    assert all(s.item_id is not None for s in suggestions)
    items = r.SuggestionItem.select()
    assert 0 < items.count() < suggestions.count()
    assert {item.category_id for item in items} == {s.category_id for s in suggestions}
    assert len({item.category_id for item in items}) == 5
    assert all(s.category_id == s.item.category_id for s in suggestions)


def test_township_rectifications_cover_every_status_and_some_are_overdue(township_db):
    statuses = {x.status for x in r.Rectification.select()}
    assert statuses == set(r.Rectification.status.vocabulary)
    overdue = r.Rectification.select().where(overdue_condition(demo_campaign.TODAY)).count()
    assert overdue > 0
    open_in_time = r.Rectification.select().where(
        r.Rectification.status.in_(("not_started", "in_progress")),
        r.Rectification.deadline >= demo_campaign.TODAY).count()
    assert open_in_time > 0
    assert r.Rectification.select().where(r.Rectification.visit.is_null(False)).count() > 0
    assert r.Rectification.select().where(r.Rectification.suggestion.is_null(False)).count() > 0


def test_township_sessions_have_attendance_of_every_kind(township_db):
    marks = {a.status for a in r.Attendance.select()}
    assert marks == {None, "present", "late", "leave", "absent"}
    assert all(a.reason for a in r.Attendance.select().where(r.Attendance.status == "leave"))
    assert not r.Attendance.select().where(r.Attendance.status != "leave",
                                           r.Attendance.reason != "").exists()


def test_the_village_is_as_promised(village_db):
    n = counts()
    assert n["unit"] == 1 and n["village"] == 1
    assert r.Unit.get().level == "village"
    assert 150 <= n["household"] <= 350
    assert 5 <= n["person"] <= 15
    assert 0 < n["session"] < 20
    assert 0 < n["visit"] <= n["household"]
    assert 0 < n["suggestion_item"] < n["suggestion"]
    assert n["rectification"] > 0
    assert n["attendance"] > 0


def test_the_current_unit_and_campaign_are_chosen(village_db):
    from models import store

    assert store.get_setting("current_unit") == r.Unit.get().id.hex
    assert store.get_setting("current_campaign") == r.Campaign.get().id.hex


def _digest(path):
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        digest = hashlib.sha256()
        for table in tables:
            width = len(connection.execute(f'SELECT * FROM "{table}" LIMIT 0').description)
            order = ", ".join(str(i + 1) for i in range(width))
            digest.update(table.encode())
            # The file's own identity, place and session (models.identity, health): not the demo's.
            where = " WHERE key NOT LIKE 'file_%' AND key <> 'wal_session'" if table == "setting" else ""
            for row in connection.execute(f'SELECT * FROM "{table}"{where} ORDER BY {order}'):
                digest.update(repr(row).encode())
        return digest.hexdigest(), len(tables)
    finally:
        connection.close()


def test_the_same_seed_gives_the_same_file(tmp_path):
    paths = [tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"]
    seeds = [7, 7, 8]
    for path, seed in zip(paths, seeds, strict=True):
        demo.generate(path, "village", seed=seed)
        db.close_database()
    first, second, other = (_digest(path) for path in paths)
    assert first[1] >= len(r.ALL_MODELS)
    assert first == second
    assert first != other  # the seed matters


# The office's own summary wording is written by the office, not by the demo.
DEMO_MODELS = [m for m in r.RECORD_MODELS if m is not r.SummaryText]


@pytest.mark.parametrize("model", DEMO_MODELS, ids=[m._meta.table_name for m in DEMO_MODELS])
def test_a_sample_of_every_kind_revalidates(township_db, model):
    total = model.select().count()
    assert total > 0
    step = max(1, total // 40)
    sample = list(model.select().order_by(model.id))[::step]
    for record in sample:
        check(model, _current_values(record), record.id)


def test_every_household_id_number_is_valid(township_db):
    numbers = [number for (number,) in r.database.execute_sql("SELECT id_number FROM household")]
    assert len(numbers) == r.Household.select().count()
    assert [n for n in numbers if id_number_error(n) is not None] == []
    assert len(set(numbers)) == len(numbers)


def test_an_existing_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "mine.db"
    path.write_bytes(b"my own notes")
    with pytest.raises(demo.DemoError, match="already exists"):
        demo.generate(path, "village")
    assert path.read_bytes() == b"my own notes"


def test_an_empty_file_may_be_filled(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    assert demo.generate(path, "village")["household"] > 0


def test_an_unknown_size_is_refused(tmp_path):
    with pytest.raises(demo.DemoError, match="city"):
        demo.generate(tmp_path / "x.db", "city")
    assert not (tmp_path / "x.db").exists()


def test_a_failure_removes_the_partial_file(tmp_path, monkeypatch):
    def broken(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo_campaign.CampaignBuilder, "publicity", broken)
    path = tmp_path / "partial.db"
    with pytest.raises(RuntimeError, match="disk full"):
        demo.generate(path, "village")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == []  # home: the data folder
    assert r.database.is_closed()
