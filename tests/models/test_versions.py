"""Versions of records: a new version at each edit, the shared version kept as the base, an export
making versions shared; and a file of version 3 upgraded to carry them."""

from __future__ import annotations

import sqlite3

import pytest

from models import db, packages, store, versions
from models import records as r
from tests.models.factories import World, undo_version_6, undo_version_8, undo_version_10


@pytest.fixture
def world(empty_db) -> World:
    return World()


def _stored(record):
    return versions.stored_row(r.database, record._meta.table_name, record.id.hex)


def test_a_new_record_is_its_first_version(world):
    household = world.household("田大")
    row = _stored(household)
    assert row["version"] is None and row["lineage"] == ""
    assert versions.base_of(r.database, "household", household.id.hex) is None


def test_the_first_edit_keeps_the_shared_version_as_the_base(world):
    household = world.household("田大", remarks="原来的")
    store.save(r.Household, {"remarks": "改一次"}, household)
    row = _stored(household)
    first = row["version"]
    assert first and row["lineage"] == versions.ROOT
    version, values = versions.base_of(r.database, "household", household.id.hex)
    assert version == versions.ROOT and values["remarks"] == "原来的"
    store.save(r.Household, {"remarks": "改两次"}, r.Household.get_by_id(household.id))
    row = _stored(household)
    assert row["version"] not in (None, first) and row["lineage"] == versions.ROOT  # nobody saw ``first``
    assert versions.base_of(r.database, "household", household.id.hex)[1]["remarks"] == "原来的"


def test_an_export_shares_the_versions_it_carries(world, tmp_path):
    household = world.household("田大", remarks="原来的")
    store.save(r.Household, {"remarks": "改一次"}, household)
    sent = _stored(household)["version"]
    packages.export_package(tmp_path / "out.tzpkg")
    assert versions.base_of(r.database, "household", household.id.hex) is None
    package = packages.read_package(tmp_path / "out.tzpkg")
    version, values = package.bases[("household", household.id.hex)]
    assert version == versions.ROOT and values["remarks"] == "原来的"
    store.save(r.Household, {"remarks": "再改"}, r.Household.get_by_id(household.id))
    row = _stored(household)
    assert versions.lineage_of(row["lineage"]) == [sent, versions.ROOT]
    assert versions.base_of(r.database, "household", household.id.hex)[1]["remarks"] == "改一次"


def test_a_visit_keeps_its_visitors_in_its_base(world):
    visit = world.visit(world.household("田大"))
    store.save_visit({}, [world.clerk.id, world.leader.id], visit)
    _version, values = versions.base_of(r.database, "visit", visit.id.hex)
    assert values[versions.VISITORS] == [world.clerk.id.hex]
    assert _stored(visit)["lineage"] == versions.ROOT


def test_lineage_is_bounded_and_each_version_once():
    ids = [f"{n:016x}" for n in range(40)]
    text = versions.lineage_text([ids[0], ids[0], *ids])
    assert versions.lineage_of(text) == ids[:versions.MAX_LINEAGE]
    assert versions.lineage_text(["not hex!", versions.ROOT]) == versions.ROOT


def test_a_version_5_file_gains_record_versions(tmp_path):
    path = tmp_path / "old.db"
    db.open_database(path)
    World()
    db.close_database()
    connection = sqlite3.connect(path)
    undo_version_10(connection)
    undo_version_8(connection)
    undo_version_6(connection)
    connection.close()
    db.open_database(path, backups=tmp_path / "backups")
    assert r.Household.select().count() == 0 and r.Unit.get().name == "长坪镇"
    unit = r.Unit.get()
    assert unit.version is None and unit.lineage == ""
    store.save(r.Unit, {"phone": "0743-1234567"}, unit)
    assert versions.base_of(r.database, "unit", unit.id.hex)[0] == versions.ROOT
    assert r.Unit.get().lineage == versions.ROOT
