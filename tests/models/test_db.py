"""Opening files: new, current, older (upgraded after a backup), newer or foreign (refused)."""

import sqlite3

import pytest
from peewee import TextField
from playhouse.migrate import SqliteMigrator, migrate

from models import db, sqlite, store
from models import records as r


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
    monkeypatch.setattr(db, "UPGRADES", [_add_note_column])
    backups = tmp_path / "backups"
    db.open_database(empty_db, backups=backups)
    assert sqlite.user_version(r.database) == 2
    columns = [row[1] for row in r.database.execute_sql("PRAGMA table_info(publicity)")]
    assert "note" in columns
    assert r.Unit.get().name == "长坪镇"
    (backup,) = backups.iterdir()
    assert "v1-before-upgrade" in backup.name
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT name FROM unit").fetchone()[0] == "长坪镇"
    copy.close()


def test_a_failing_upgrade_changes_nothing_and_says_where_the_copy_is(empty_db, tmp_path,
                                                                      monkeypatch):
    store.save(r.Unit, {"name": "长坪镇", "level": "town"})
    db.close_database()

    def broken(database):
        _add_note_column(database)
        raise RuntimeError("disk full")

    monkeypatch.setattr(db, "UPGRADES", [broken])
    with pytest.raises(db.DatabaseOpenError, match="before-upgrade"):
        db.open_database(empty_db, backups=tmp_path / "backups")
    connection = sqlite3.connect(empty_db)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [row[1] for row in connection.execute("PRAGMA table_info(publicity)")]
    assert "note" not in columns
    assert connection.execute("SELECT name FROM unit").fetchone()[0] == "长坪镇"
    connection.close()
