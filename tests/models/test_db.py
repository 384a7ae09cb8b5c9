"""Opening files: new, current, older (upgraded after a backup), newer or foreign (refused)."""

import datetime as dt
import sqlite3

import pytest
from peewee import TextField
from playhouse.migrate import SqliteMigrator, migrate

from models import db, sqlite, store
from models import records as r
from tests.models.factories import World, undo_version_5, undo_version_6, undo_version_8, undo_version_10


def _pragma(name):
    return r.database.execute_sql(f"PRAGMA {name}").fetchone()[0]


def test_a_new_file_gets_the_schema_wal_and_foreign_keys(empty_db):
    assert sqlite.user_version(r.database) == db.schema_version()
    assert sqlite.application_id(r.database) == sqlite.APPLICATION_ID
    assert _pragma("journal_mode") == "wal"
    assert _pragma("foreign_keys") == 1
    assert _pragma("busy_timeout") == 5000
    assert set(sqlite.table_names(r.database)) >= {m._meta.table_name for m in r.ALL_MODELS}


def test_reopening_keeps_the_records(empty_db):
    store.save(r.Unit, {"name": "长坪镇", "level": "town"})
    db.close_database()
    db.open_database(empty_db)
    assert r.Unit.get().name == "长坪镇"


def _set_version(path, version):
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.commit()
    connection.close()


def test_a_file_from_a_newer_program_is_refused_and_left_alone(empty_db):
    db.close_database()
    _set_version(empty_db, db.schema_version() + 1)
    before = empty_db.read_bytes()
    with pytest.raises(db.DatabaseOpenError, match="newer version"):
        db.open_database(empty_db)
    assert empty_db.read_bytes() == before
    assert r.database.is_closed()


def test_a_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (text)")
    connection.commit()
    connection.close()
    with pytest.raises(db.DatabaseOpenError, match="not a 台账通 data file"):
        db.open_database(path)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "ledger.db"
    path.write_text("姓名,身份证号\n", encoding="utf-8")
    with pytest.raises(db.DatabaseOpenError, match="not a 台账通 data file"):
        db.open_database(path)
    assert path.read_text(encoding="utf-8") == "姓名,身份证号\n"


def _add_note_column(database):
    migrate(SqliteMigrator(database).add_column("publicity", "note", TextField(default="")))


def test_an_older_file_is_backed_up_then_upgraded_in_order(empty_db, tmp_path, monkeypatch):
    store.save(r.Unit, {"name": "长坪镇", "level": "town"})
    db.close_database()
    monkeypatch.setattr(db, "UPGRADES", [*db.UPGRADES, _add_note_column])
    backups = tmp_path / "backups"
    db.open_database(empty_db, backups=backups)
    assert sqlite.user_version(r.database) == len(db.UPGRADES) + 1
    columns = [row[1] for row in r.database.execute_sql("PRAGMA table_info(publicity)")]
    assert "note" in columns
    assert r.Unit.get().name == "长坪镇"
    (backup,) = backups.glob("*.db")
    assert f"v{len(db.UPGRADES)}-before-upgrade" in backup.name
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == len(db.UPGRADES)
    assert copy.execute("SELECT name FROM unit").fetchone()[0] == "长坪镇"
    copy.close()


def test_a_failing_upgrade_changes_nothing_and_says_where_the_copy_is(empty_db, tmp_path,
                                                                      monkeypatch):
    store.save(r.Unit, {"name": "长坪镇", "level": "town"})
    db.close_database()

    def broken(database):
        _add_note_column(database)
        raise RuntimeError("disk full")

    version = db.schema_version()
    monkeypatch.setattr(db, "UPGRADES", [*db.UPGRADES, broken])
    with pytest.raises(db.DatabaseOpenError, match="before-upgrade"):
        db.open_database(empty_db, backups=tmp_path / "backups")
    connection = sqlite3.connect(empty_db)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == version
    columns = [row[1] for row in connection.execute("PRAGMA table_info(publicity)")]
    assert "note" not in columns
    assert connection.execute("SELECT name FROM unit").fetchone()[0] == "长坪镇"
    connection.close()


def test_a_version_1_file_gets_the_summary_wording_table(tmp_path):
    """Every shipped upgrade, run on a file as the first version wrote it, gives today's schema."""
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    db.open_database(new)
    expected = {row[0]: row[1] for row in r.database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'summary_text'")}
    db.close_database()
    connection = sqlite3.connect(new)
    undo_version_10(connection)
    undo_version_8(connection)
    undo_version_6(connection)
    undo_version_5(connection)
    connection.execute("DROP TABLE summary_text")
    connection.execute('DROP TABLE "change"')  # version 3
    connection.execute('ALTER TABLE "person" DROP COLUMN "staff"')  # version 4
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    new.rename(old)
    db.open_database(old, backups=tmp_path / "backups")
    assert sqlite.user_version(r.database) == db.schema_version()
    upgraded = {row[0]: row[1] for row in r.database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'summary_text'")}
    assert upgraded.keys() == expected.keys()
    unit = store.save(r.Unit, {"name": "长坪镇", "level": "town"})
    campaign = store.save(r.Campaign, {"unit": unit.id, "name": "思想大解放",
                                       "start_date": dt.date(2026, 2, 9)})
    store.save(r.SummaryText, {"campaign": campaign.id, "section": "opening", "text": "今年以来……"})
    assert r.SummaryText.get().text == "今年以来……"


def test_a_version_3_file_keeps_its_persons_as_staff(tmp_path):
    """Version 4 adds ``person.staff``: everyone entered before was entered as staff."""
    path = tmp_path / "v3.db"
    db.open_database(path)
    unit = store.save(r.Unit, {"name": "长坪镇", "level": "town"})
    store.save(r.Person, {"unit": unit.id, "name": "田书记"})
    db.close_database()
    connection = sqlite3.connect(path)
    undo_version_10(connection)
    undo_version_8(connection)
    undo_version_6(connection)
    connection.execute('ALTER TABLE "person" DROP COLUMN "staff"')
    undo_version_5(connection)
    connection.execute("PRAGMA user_version = 3")
    connection.commit()
    connection.close()
    db.open_database(path, backups=tmp_path / "backups")
    assert sqlite.user_version(r.database) == db.schema_version()
    assert r.Person.get().staff is True
    party_member = store.save(r.Person, {"unit": unit.id, "name": "村民党员", "party_member": True,
                                         "staff": False})
    assert r.Person.get_by_id(party_member.id).staff is False


def _schema(connection) -> set[tuple[str, object]]:
    """Every table, index and trigger; a table by its columns and references (a column added by an
    upgrade is written at the end of the table's SQL, one created with the table in its place)."""
    found: set[tuple[str, object]] = set()
    for kind, name, sql in connection.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"):
        if kind == "table" and sql and not sql.startswith("CREATE VIRTUAL"):
            columns = tuple(sorted(row[1:] for row in connection.execute(f'PRAGMA table_info("{name}")')))
            keys = tuple(sorted(row[2:] for row in connection.execute(f'PRAGMA foreign_key_list("{name}")')))
            found.add((name, (columns, keys)))
        else:
            found.add((name, sql))
    return found


def test_a_version_4_file_gets_the_indexes_of_version_5_with_its_rows_in_them(tmp_path):
    path = tmp_path / "v4.db"
    db.open_database(path)
    world = World()
    household = world.household("向飞", address="牛垭社区1组1号")
    visit = world.visit(household=household, requests="希望硬化通组公路")
    expected = _schema(r.database.connection())
    db.close_database()
    connection = sqlite3.connect(path)
    undo_version_10(connection)
    undo_version_8(connection)
    undo_version_6(connection)
    undo_version_5(connection)
    connection.execute("PRAGMA user_version = 4")
    connection.commit()
    connection.close()
    db.open_database(path, backups=tmp_path / "backups")
    assert sqlite.user_version(r.database) == db.schema_version()
    assert _schema(r.database.connection()) == expected
    for field, word, key in ((r.Visit.requests, "通组公路", visit.id),
                             (r.Household.address, "社区1组", household.id)):
        model = field.model
        assert [row.id for row in model.select().where(*sqlite.text_contains([field], word))] == [key]


def test_a_version_7_file_gets_the_village_of_sessions_and_suggestions(tmp_path):
    """Version 8: a suggestion of a village's cadre becomes that village's; sessions stay the unit's."""
    path = tmp_path / "old.db"
    db.open_database(path)
    expected = _schema(r.database.connection())
    unit = store.save(r.Unit, {"name": "长坪镇", "level": "town"})
    campaign = store.save(r.Campaign, {"unit": unit.id, "name": "思想大解放",
                                       "start_date": dt.date(2026, 2, 9)})
    village = store.save(r.Village, {"unit": unit.id, "name": "龙潭村"})
    cadre = store.save(r.Person, {"unit": unit.id, "name": "田支书", "village": village.id})
    clerk = store.save(r.Person, {"unit": unit.id, "name": "向干部"})
    for submitter in (cadre, clerk):
        store.save(r.Suggestion, {"campaign": campaign.id, "date": dt.date(2026, 3, 1), "source": "staff",
                                  "content": f"{submitter.name}的建议", "submitter": submitter.id})
    store.save_session({"campaign": campaign.id, "date": dt.date(2026, 3, 2), "kind": "leader_study",
                        "topic": "学习"}, {clerk.id: ("present", "")})
    db.close_database()
    connection = sqlite3.connect(path)
    undo_version_10(connection)
    undo_version_8(connection)
    connection.execute("PRAGMA user_version = 7")
    connection.commit()
    connection.close()
    db.open_database(path, backups=tmp_path / "backups")
    assert sqlite.user_version(r.database) == db.schema_version() == 10
    assert {name for name, _sql in _schema(r.database.connection())} == {name for name, _sql in expected}
    villages = {s.content: s.village_id for s in r.Suggestion.select()}
    assert villages == {"田支书的建议": village.id, "向干部的建议": None}
    assert r.Session.get().village_id is None and r.Attendance.get().session.topic == "学习"
    assert r.database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
