"""The households and persons 台账通 writes as rosters come back in as they went out."""

from __future__ import annotations

import pytest

from exporters import rosters
from exporters.rosters.writing import write_roster
from models import records as r
from models import store
from tests.models.factories import World, id_number


@pytest.fixture
def world(empty_db) -> World:
    return World()


def live(model) -> list:
    return list(model.select().where(model.deleted_at.is_null()).order_by(model.created_at))


HOUSEHOLD_FIELDS = ("village_id", "group_id", "head_name", "id_number", "phone", "population", "tags",
                    "address", "remarks")
PERSON_FIELDS = ("name", "gender", "title", "department", "village_id", "party_member", "leader", "staff",
                 "active", "phone", "remarks")


def test_households_go_out_and_come_back_the_same(world, tmp_path):
    world.household("张三", phone="13812345678", population=4, tags="poverty_exited,subsistence",
                    address="龙潭村1组3号", remarks="老党员")
    world.household("李四", group=world.group2, population=2)
    store.save(r.Household, {"village": world.village.id, "head_name": "王五", "id_number": id_number()})
    before = sorted((tuple(getattr(h, name) for name in HOUSEHOLD_FIELDS) for h in live(r.Household)),
                    key=str)
    path = write_roster(tmp_path / "农户花名册.xlsx", rosters.HOUSEHOLDS, full_personal=True)
    for household in live(r.Household):
        store.delete(household)

    table = rosters.read_table(path)
    assert rosters.guess_kind(table.headers) == rosters.HOUSEHOLDS
    mapping = rosters.propose_mapping(table.headers, rosters.HOUSEHOLDS)
    result = rosters.import_rows(table, rosters.HOUSEHOLDS, mapping)
    assert (result.imported, result.skipped, result.warned_rows) == (3, 0, [])
    after = sorted((tuple(getattr(h, name) for name in HOUSEHOLD_FIELDS) for h in live(r.Household)), key=str)
    assert after == before


def test_persons_go_out_and_come_back_the_same(world, tmp_path):
    world.person("刘镇长", gender="male", title="镇长", department="党政办", leader=True, party_member=True,
                 phone="13900001111")
    world.person("李村民", party_member=True, staff=False, village=world.village.id)
    world.person("钱退休", active=False, remarks="2025年退休")
    before = sorted((tuple(getattr(p, name) for name in PERSON_FIELDS) for p in live(r.Person)), key=str)
    path = write_roster(tmp_path / "人员名单.xlsx", rosters.PERSONS, full_personal=True)
    for person in live(r.Person):
        store.delete(person)

    table = rosters.read_table(path)
    assert rosters.guess_kind(table.headers) == rosters.PERSONS
    mapping = rosters.propose_mapping(table.headers, rosters.PERSONS)
    assert set(mapping.values()) == set(rosters.fields(rosters.PERSONS))
    result = rosters.import_rows(table, rosters.PERSONS, mapping)
    assert (result.imported, result.skipped, result.warned_rows) == (5, 0, [])
    after = sorted((tuple(getattr(p, name) for name in PERSON_FIELDS) for p in live(r.Person)), key=str)
    assert after == before


def test_a_masked_roster_says_the_id_numbers_must_be_written_in_full(world, tmp_path):
    world.household("张三", phone="13812345678")
    path = write_roster(tmp_path / "农户花名册.xlsx", rosters.HOUSEHOLDS)  # masked: the default
    store.delete(live(r.Household)[0])
    table = rosters.read_table(path)
    shown = rosters.preview(table, rosters.HOUSEHOLDS, rosters.propose_mapping(table.headers,
                                                                                rosters.HOUSEHOLDS))
    (check,) = shown.rows
    assert not check.ok and "masked" in check.problems[0] and "--full-id" in check.problems[0]
    assert "masked" in " ".join(check.warnings)
