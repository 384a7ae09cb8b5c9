"""The first page kept in the data file: shown again only while nothing it was counted from has changed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from models import first_page, i18n, overview, settings, sqlite, store, version
from models import records as r
from models.figures import Scope
from tests.models.factories import World


def counted(scope: Scope) -> overview.Overview:
    return overview.compute(scope)


def kept(scope: Scope) -> overview.Overview:
    """``scope``'s page, counted and kept as the window does when it closes."""
    result = counted(scope)
    first_page.counted(result)
    assert first_page.keep()
    return result


def opening() -> Scope:
    return Scope(campaign=settings.current_campaign().id)


@pytest.fixture
def township(township_db):
    first_page.forget()
    yield township_db
    first_page.forget()


def test_the_kept_page_comes_back_equal_to_the_one_counted(township):
    village = r.Village.select().order_by(r.Village.name).first()
    for scope in (opening(), Scope(), Scope(campaign=opening().campaign, village=village.id)):
        result = kept(scope)
        back = first_page.remembered(scope)
        assert back == result
        assert back.figures == result.figures and back.todo == result.todo
        assert back.campaign == result.campaign
        assert [type(item.record[0]) for item in back.todo if item.record] == \
               [type(item.record[0]) for item in result.todo if item.record]
        assert back.figures.records == result.figures.records > 0
    assert first_page.remembered(opening()) is None  # one page is kept: the last


# The tables whose changes do not move the count: what the first page never reads.
NOT_COUNTED = {"change", "sync_base", "exchange_conflict", "first_page", "data_generation", "search_gram",
               "search_position"}


def test_every_table_the_first_page_may_read_moves_the_count(township):
    tables = {name for (name,) in r.database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")}
    shadow = {name for name in tables if any(name.startswith(sqlite.text_index_name(table) + "_")
                                             for table in sqlite.TEXT_INDEXES)}
    counted_tables = set(sqlite.generation_tables(r.database))
    assert counted_tables == tables - shadow - NOT_COUNTED
    models = (*r.RECORD_MODELS, r.VisitVisitor, r.Setting)
    assert {model._meta.table_name for model in models} == counted_tables
    triggers = {name for (name,) in r.database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%generation%'")}
    assert triggers == {f"{table}_generation_{event}" for table in counted_tables
                        for event in ("insert", "update", "delete")}


def _new_session():
    store.save_session({"campaign": opening().campaign, "date": dt.date(2026, 3, 2), "kind": "leader_study",
                        "topic": "再学习"}, {})


def _edit_household():
    household = r.Household.select().first()
    store.save(r.Household, {"head_name": household.head_name + "甲"}, household)


def _delete_visit():
    store.delete(r.Visit.select().where(r.Visit.deleted_at.is_null()).first())


def _restore_visit():
    visit = r.Visit.select().where(r.Visit.deleted_at.is_null()).first()
    store.delete(visit)
    kept(opening())
    store.restore(r.Visit.get_by_id(visit.id))


def _a_limit():
    settings.set_setting("todo_absences", "5")


def _bulk():
    with sqlite.bulk_writes(r.database):
        store.save(r.Village, {"unit": store.current_unit().id, "name": "新村"})


def _by_hand():
    r.database.execute_sql('UPDATE "rectification" SET "status" = "status"')  # no program, no history


@pytest.mark.parametrize("change", [_new_session, _edit_household, _delete_visit, _restore_visit, _a_limit,
                                    _bulk, _by_hand])
def test_any_change_of_what_the_page_reads_forgets_the_kept_page(township, change):
    kept(opening())
    before = sqlite.data_generation(r.database)
    change()
    assert sqlite.data_generation(r.database) > before
    assert first_page.remembered(opening()) is None


def test_a_bulk_write_moves_the_count_once_and_puts_its_triggers_back(township):
    tables = sqlite.generation_tables(r.database)
    before = sqlite.data_generation(r.database)
    with sqlite.bulk_writes(r.database):
        for n in range(5):
            store.save(r.Village, {"unit": store.current_unit().id, "name": f"新村{n}"})
    assert sqlite.data_generation(r.database) == before + 1
    assert sqlite.generation_tables(r.database) == tables
    store.save(r.Village, {"unit": store.current_unit().id, "name": "又一村"})
    assert sqlite.data_generation(r.database) > before + 1  # the insert trigger is back


def test_a_write_that_changes_nothing_the_page_reads_keeps_it(township):
    result = kept(opening())
    with r.database.atomic():  # every write transaction writes the session's mark (models.health)
        pass
    r.database.execute_sql('INSERT INTO "change" ("id", "at", "operator", "kind", "record", "action", '
                           '"changes") VALUES (?, ?, ?, ?, ?, ?, ?)',
                           ("x", "2026-12-01", "", "visit", "y", "edit", "{}"))
    assert first_page.remembered(opening()) == result


def test_another_day_language_or_program_counts_again(township, monkeypatch):
    kept(opening())
    tomorrow = dt.date.today() + dt.timedelta(days=1)

    class Tomorrow(dt.date):
        @classmethod
        def today(cls):
            return tomorrow

    with monkeypatch.context() as patch:
        patch.setattr("models.scope.dt.date", Tomorrow)
        assert first_page.remembered(opening()) is None
    with monkeypatch.context() as patch:
        patch.setattr(version, "VERSION", "9.9.9")
        assert first_page.remembered(opening()) is None
    language = i18n.language()
    i18n.set_language("zh_CN" if language == "en" else "en")
    try:
        assert first_page.remembered(opening()) is None
    finally:
        i18n.set_language(language)
    assert first_page.remembered(opening()) is not None


def test_a_page_counted_before_a_change_is_not_kept(township):
    result = counted(opening())
    _edit_household()
    first_page.counted(result)
    assert not first_page.keep()
    assert r.database.execute_sql('SELECT count(*) FROM "first_page"').fetchone()[0] == 0


def test_a_page_counted_from_an_earlier_opening_is_not_kept(township):
    from models import db

    result = counted(opening())
    path = r.database.database
    db.close_database()
    db.open_database(path)
    first_page.counted(result)
    assert not first_page.keep()


def test_keeping_the_same_page_again_writes_nothing(township):
    kept(opening())
    first_page.counted(counted(opening()))
    changes = r.database.connection().total_changes
    assert not first_page.keep()
    assert r.database.connection().total_changes == changes


@pytest.mark.parametrize("value", [
    "not json",
    json.dumps({"class": "Popen", "fields": {"args": "touch /tmp/owned"}}),
    json.dumps({"record": ["campaign", "0" * 32]}),
    json.dumps({"model": "sqlite_master"}),
    json.dumps({"class": "Overview", "fields": {"figures": None, "unknown": 1}}),
    json.dumps({"eval": "1 + 1"}),
    json.dumps([{"date": "not a date"}]),
    "[" * 100_000 + "]" * 100_000,
    json.dumps({"tuple": [1, 2]}),
    json.dumps({"class": "Overview", "fields": {"figures": "not figures"}}),
])
def test_a_kept_page_this_program_cannot_read_is_counted_instead(township, value):
    scope = opening()
    generation = sqlite.data_generation(r.database)
    sqlite.keep_first_page(r.database, first_page.key(scope, scope.on()), generation, value)
    assert sqlite.kept_first_page(r.database, first_page.key(scope, scope.on())) == value
    assert first_page.remembered(scope) is None


def test_a_new_file_and_an_upgraded_one_count_the_same_tables(tmp_path):
    from models import db
    from tests.models.factories import make_old_file

    db.open_database(tmp_path / "new.db")
    World()
    new = sqlite.generation_tables(r.database)
    db.close_database()
    make_old_file(tmp_path / "old.db", 9)
    db.open_database(tmp_path / "old.db", backups=tmp_path / "backups")
    assert sqlite.generation_tables(r.database) == new
    assert sqlite.data_generation(r.database) >= 0
    db.close_database()


def test_a_program_changed_without_a_new_version_counts_again(township, monkeypatch, tmp_path):
    """The kept page names the files it was counted and worded by (their size and time)."""
    from types import SimpleNamespace

    source = tmp_path / "counting.py"
    source.write_text("# the counting, as shipped\n", encoding="utf-8")
    monkeypatch.setattr(first_page, "counting", SimpleNamespace(__file__=str(source)))
    first_page._program.cache_clear()
    try:
        kept(opening())
        first_page._program.cache_clear()
        assert first_page.remembered(opening()) is not None  # the same program, started again
        source.write_text("# the counting, mended\n", encoding="utf-8")
        first_page._program.cache_clear()
        assert first_page.remembered(opening()) is None
    finally:
        first_page._program.cache_clear()


def test_a_page_that_cannot_be_written_is_logged_and_not_kept(township):
    """A kind of value this module does not know (a mistake of the program's) stops nothing: the window
    closes as always, the page is counted next time, and the log says why."""
    from models import errors, paths

    result = counted(opening())
    result.figures.notes_characters = 1.5j  # no overview holds this
    first_page.counted(result)
    assert not first_page.keep()
    assert r.database.execute_sql('SELECT count(*) FROM "first_page"').fetchone()[0] == 0
    for handler in errors.logger().handlers:
        handler.flush()
    assert "keeping the first page" in paths.log_file().read_text(encoding="utf-8")
