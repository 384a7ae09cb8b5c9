"""The SQLite-only pieces: text searched through the trigram indexes, kept in step by triggers."""

from __future__ import annotations

import pytest

from models import records as r
from models import sqlite, store
from tests.models.factories import World


@pytest.fixture
def world(empty_db) -> World:
    return World()


def found(field, word: str) -> list:
    (condition,) = sqlite.text_contains([field], word)
    return [row.id for row in field.model.select().where(condition)]


def test_long_and_short_terms_find_the_same_rows_as_like(world):
    home = world.household("向飞")
    visits = [world.visit(home, requests="希望硬化通组公路"),
              world.visit(home, situation="家中4口人，种植柑橘")]
    for word, expected in (("通组公路", [visits[0].id]), ("公路", [visits[0].id]), ("路", [visits[0].id]),
                           ("口人，种", [visits[1].id]), ("柑橘", [visits[1].id]), ("没有的词", [])):
        column = r.Visit.requests if expected == [visits[0].id] else r.Visit.situation
        assert found(column, word) == expected
        assert found(column, word) == [v.id for v in r.Visit.select().where(column.contains(word))]


def test_the_trigram_index_is_case_insensitive_and_takes_quotes_as_text(world):
    world.household("李四", address='Xi"an Road 12')
    assert len(found(r.Household.address, "xi\"AN")) == 1
    assert len(found(r.Household.address, "road 1")) == 1
    assert len(found(r.Household.address, "XI")) == 1  # short: the scan of the index's copy, by LIKE
    assert found(r.Household.address, "%") == []  # a wildcard is only a character


def test_the_index_follows_inserts_updates_and_deletes(world):
    home = world.household("向飞")
    visit = world.visit(home, requests="希望硬化通组公路")
    store.save(r.Visit, {**visit.__data__, "requests": "反映灌溉水渠堵塞"}, visit)
    assert found(r.Visit.requests, "通组公路") == []
    assert found(r.Visit.requests, "灌溉水渠") == [visit.id]
    r.VisitVisitor.delete().where(r.VisitVisitor.visit == visit.id).execute()
    r.Visit.delete().where(r.Visit.id == visit.id).execute()  # purged for good, not only to the bin
    assert found(r.Visit.requests, "灌溉水渠") == []
    assert r.database.execute_sql("INSERT INTO visit_text(visit_text) VALUES ('integrity-check')") is not None


def test_statistics_are_measured_once_and_again_when_a_table_has_grown(world):
    r.database.execute_sql("DROP TABLE sqlite_stat1")
    sqlite.keep_statistics(r.database)
    assert r.database.execute_sql("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0
    assert not sqlite._statistics_stale(r.database)


def test_names_and_addresses_of_any_length_are_found_through_their_characters_and_pairs(world):
    home = world.household("向飞", address="牛垭社区1组1号")
    other = world.household("张晓明", address="Baishi Road 3")
    head, address = r.Household.head_name, r.Household.address
    cases = ((head, "向", [home.id]), (head, "晓明", [other.id]), (head, "张晓明", [other.id]),
             (head, "明张", []), (address, "垭", [home.id]), (address, "1组", [home.id]),
             (address, "ro", [other.id]), (address, "社区1组1号", [home.id]))
    for field, word, expected in cases:
        assert found(field, word) == expected, word
    store.save(r.Household, {**home.__data__, "head_name": "覃大海"}, home)
    assert found(r.Household.head_name, "向") == [] and found(r.Household.head_name, "大海") == [home.id]
    rows = r.database.execute_sql("SELECT count(*) FROM search_gram").fetchone()[0]
    r.Household.delete().where(r.Household.id == other.id).execute()
    assert found(r.Household.head_name, "晓") == []
    assert r.database.execute_sql("SELECT count(*) FROM search_gram").fetchone()[0] < rows


def test_rows_written_in_bulk_are_indexed_at_the_end_and_a_failure_keeps_the_triggers(world):
    def triggers() -> set[str]:
        rows = r.database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {name for (name,) in rows}

    before = triggers()
    with sqlite.bulk_writes(r.database):
        home = world.household("覃大海", address="龙潭村2组")
        visit = world.visit(home, requests="希望硬化通组公路")
        assert found(r.Visit.requests, "通组公路") == []  # not yet: at the end
    assert found(r.Visit.requests, "通组公路") == [visit.id]
    assert found(r.Household.head_name, "大海") == [home.id]
    assert found(r.Household.address, "2组") == [home.id]
    with pytest.raises(RuntimeError), sqlite.bulk_writes(r.database):
        world.household("没写成")
        raise RuntimeError("disk full")
    assert triggers() == before
    assert found(r.Household.head_name, "写成") == []
    later = world.household("向飞")  # written one by one again, through the triggers
    assert found(r.Household.head_name, "向飞") == [later.id]


def test_a_column_kept_from_leading_a_search_still_selects_the_same_rows(world):
    homes = [world.household("向飞"), world.household("李四")]
    visits = [world.visit(homes[0]), world.visit(homes[1])]
    condition = sqlite.not_leading(r.Visit.household).in_(
        r.Household.select(r.Household.id).where(r.Household.id == homes[0].id))
    sql, _params = r.Visit.select(r.Visit.id).where(condition).sql()
    assert '+"t1"."household_id"' in sql
    assert [v.id for v in r.Visit.select().where(condition)] == [visits[0].id]
