"""Backups: consistent copies, rotation, preview, restore, and files that must be refused."""

import contextlib
import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
from peewee import TextField
from playhouse.migrate import SqliteMigrator, migrate

from models import backup, backup_marks, db, identity, paths, restore, sqlite, store
from models import records as r
from tests.models.factories import free_visit


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def live(model) -> int:
    return model.select().where(model.deleted_at.is_null()).count()


# --- making copies -----------------------------------------------------------------------------


def test_a_backup_is_a_sound_single_file_named_after_the_data_file(village_db):
    written = backup.make_backup("manual", now=dt.datetime(2026, 11, 24, 17, 30, 5))
    assert written.parent == paths.backups_dir()
    assert written.name == "village-20261124-173005-manual.db"
    assert restore.check(written) == db.schema_version()
    copy = sqlite3.connect(written)
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert copy.execute("SELECT count(*) FROM visit").fetchone()[0] == r.Visit.select().count()
    copy.close()
    (info,) = backup.list_backups()
    assert (info.path, info.reason, info.stem) == (written, "manual", "village")
    assert (info.owner, info.unit) == (identity.file_id(), store.current_unit().name)
    assert info.checked  # restore.check found it sound, and its mark says so
    assert info.taken_at == dt.datetime(2026, 11, 24, 17, 30, 5)
    assert info.size == written.stat().st_size


def test_two_copies_in_the_same_second_do_not_overwrite_each_other(empty_db):
    moment = dt.datetime(2026, 11, 24, 9, 0, 0)
    first = backup.make_backup("before-restore", now=moment)
    second = backup.make_backup("before-restore", now=moment)
    assert first != second and first.exists() and second.exists()
    assert {info.path for info in backup.list_backups()} == {first, second}


def test_backup_to_a_file_elsewhere(village_db, tmp_path):
    target = tmp_path / "stick" / "长坪镇-台账通备份-2026-11-25.db"
    with pytest.raises(backup.BackupError, match="stick does not exist"):  # as every command says
        backup.backup_to_file(target)
    target.parent.mkdir()
    assert backup.backup_to_file(target) == target
    assert backup.preview(target).count(r.Household) == live(r.Household)
    assert not list(target.parent.glob("*.part"))


def test_backup_to_the_data_file_itself_is_refused(village_db):
    before = digest(village_db)
    with pytest.raises(backup.BackupError, match="data file itself"):
        backup.backup_to_file(village_db)
    assert digest(village_db) == before


def test_a_backups_folder_that_cannot_be_made_is_a_clear_error(empty_db, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backups folder should be")
    with pytest.raises(backup.BackupError, match=r"backups folder .*not-a-folder"):
        backup.make_backup("close", folder=blocker)


def test_a_read_only_backups_folder_is_a_clear_error(empty_db, monkeypatch):
    """Tests run as root, whom chmod does not stop: the refusal SQLite gives is simulated."""
    folder = paths.backups_dir()
    real_connect = sqlite.driver.connect

    def connect(target, *args, **kwargs):
        if str(target).startswith(str(folder)):
            raise sqlite.driver.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite.driver, "connect", connect)
    with pytest.raises(backup.BackupError) as raised:
        backup.make_backup("daily")
    assert str(folder) in str(raised.value)
    assert "can be written to" in str(raised.value)
    assert backup.list_backups() == []


# --- rotation ----------------------------------------------------------------------------------


def _fake(folder: Path, stem: str, when: dt.datetime, reason: str) -> Path:
    """A backup of the open file ("test") or of another one (any other stem), as its mark says."""
    path = folder / f"{stem}-{when:%Y%m%d-%H%M%S}-{reason}.db"
    path.write_bytes(b"copy")
    owner = identity.file_id() if stem == "test" else "0" * 32
    backup_marks.write(path, owner, "长坪镇" if stem == "test" else "别的单位")
    return path


def test_rotation_keeps_the_newest_per_day_and_per_week_and_young_copies_made_by_hand(empty_db):
    folder = paths.ensure(paths.backups_dir())
    now = dt.datetime(2026, 11, 25, 20, 0)  # a Wednesday
    closes = {}
    for days_ago in range(80):
        day = now - dt.timedelta(days=days_ago)
        _fake(folder, "test", day.replace(hour=9), "close")
        closes[day.date()] = _fake(folder, "test", day.replace(hour=18), "close")
    morning_daily = _fake(folder, "test", now.replace(hour=8), "daily")
    manual_young = _fake(folder, "test", now - dt.timedelta(days=29), "manual")
    manual_old = _fake(folder, "test", now - dt.timedelta(days=31), "manual")
    restore_young = _fake(folder, "test", now - dt.timedelta(days=3), "before-restore")
    restore_old = _fake(folder, "test", now - dt.timedelta(days=45), "before-restore")
    other_file = _fake(folder, "other", now - dt.timedelta(days=70), "close")

    removed = backup.rotate(now=now)

    kept = {info.path for info in backup.list_backups(owner=identity.file_id())}
    days = [(now - dt.timedelta(days=n)).date() for n in range(7)]
    expected = {closes[day] for day in days}
    # Sundays close the ISO weeks: the newest of each of the 8 latest weeks.
    weeks: dict = {}
    for day in sorted(closes, reverse=True):
        weeks.setdefault(day.isocalendar()[:2], closes[day])
    expected |= set(list(weeks.values())[:8])
    expected |= {manual_young, restore_young}
    assert kept == expected
    assert morning_daily in removed and manual_old in removed and restore_old in removed
    assert other_file.exists()  # another data file's copies are its own business
    # This week's newest is today's, last week's is Sunday's, both among the seven days.
    assert len(kept) == 7 + 8 - 2 + 2


def test_rotation_counts_days_that_have_copies_not_calendar_days(empty_db):
    """After three weeks away the last seven working days are still there."""
    folder = paths.ensure(paths.backups_dir())
    now = dt.datetime(2026, 11, 25, 20, 0)
    old = [_fake(folder, "test", now - dt.timedelta(days=21 + n), "close") for n in range(10)]
    backup.rotate(keep_daily=7, keep_weekly=0, now=now)
    assert [path.exists() for path in old] == [True] * 7 + [False] * 3


def test_a_backup_is_due_once_a_day(empty_db):
    folder = paths.ensure(paths.backups_dir())
    now = dt.datetime(2026, 11, 25, 10, 0)
    assert backup.due_today(now=now)
    _fake(folder, "test", now - dt.timedelta(days=1), "close")
    _fake(folder, "test", now.replace(hour=7), "manual")
    _fake(folder, "other", now.replace(hour=7), "daily")
    assert backup.due_today(now=now)
    _fake(folder, "test", now.replace(hour=8), "close")
    assert not backup.due_today(now=now)


# --- preview -----------------------------------------------------------------------------------


def test_the_preview_counts_what_the_database_holds_and_changes_nothing(village_db, tmp_path):
    store.delete(free_visit())
    copy = backup.backup_to_file(tmp_path / "copy.db")
    before = digest(copy)
    preview = backup.preview(copy)
    for kind in preview.kinds:
        assert kind.count == live(kind.model), kind.model
        assert kind.count == backup.current_preview().count(kind.model)
    visits = next(kind for kind in preview.kinds if kind.model is r.Visit)
    newest = max(v.updated_at for v in r.Visit.select().where(r.Visit.deleted_at.is_null()))
    assert visits.newest == newest.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
    assert digest(copy) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.db"]


# --- restore -----------------------------------------------------------------------------------


def test_restore_brings_the_backup_back_and_keeps_the_data_as_it_was(village_db):
    visits, households = live(r.Visit), live(r.Household)
    saved = backup.make_backup("manual")
    gone = free_visit()
    store.delete(gone)
    added = store.save(r.Unit, {"name": "新单位", "level": "village"})

    result = restore.restore(saved)

    assert live(r.Visit) == visits and live(r.Household) == households
    assert r.Visit.get_by_id(gone.id).deleted_at is None
    assert r.Unit.get_or_none(r.Unit.id == added.id) is None
    assert result.kept.name.startswith("village-") and result.kept.name.endswith("-before-restore.db")
    assert backup.preview(result.kept).count(r.Visit) == visits - 1
    assert r.database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert r.database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    # …and the kept copy undoes the restore.
    restore.restore(result.kept)
    assert live(r.Visit) == visits - 1
    assert r.Unit.get_by_id(added.id).name == "新单位"


def test_the_restored_data_survives_reopening(village_db):
    saved = backup.make_backup("manual")
    store.delete(r.Suggestion.select().where(r.Suggestion.deleted_at.is_null()).first())
    suggestions = backup.preview(saved).count(r.Suggestion)
    restore.restore(saved)
    db.close_database()
    db.open_database(village_db)
    assert live(r.Suggestion) == suggestions


def _add_note_column(database):
    migrate(SqliteMigrator(database).add_column("publicity", "note", TextField(default="")))


def test_a_backup_from_an_older_version_is_upgraded_after_restoring(village_db, monkeypatch):
    saved = backup.make_backup("manual")
    monkeypatch.setattr(db, "UPGRADES", [*db.UPGRADES, _add_note_column])
    db.close_database()
    db.open_database(village_db)  # the data file is now one version ahead of the backup
    restore.restore(saved)
    assert sqlite.user_version(r.database) == db.schema_version()
    columns = [row[1] for row in r.database.execute_sql("PRAGMA table_info(publicity)")]
    assert "note" in columns


def _assert_refused(source: Path, data: Path, match: str) -> None:
    r.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # the file's bytes are all in the file
    before = digest(data)
    units = [u.name for u in r.Unit.select()]
    with pytest.raises(backup.BackupError, match=match):
        restore.restore(source)
    assert [u.name for u in r.Unit.select()] == units
    assert backup.list_backups() == []  # not even a before-restore copy: nothing happened
    db.close_database()
    assert digest(data) == before


def test_a_truncated_backup_is_refused_and_nothing_changes(village_db, tmp_path):
    whole = backup.backup_to_file(tmp_path / "whole.db")
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    _assert_refused(truncated, village_db, "truncated.db is damaged")


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(village_db, tmp_path):
    garbage = tmp_path / "photo.db"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(5000))
    _assert_refused(garbage, village_db, "photo.db is not a 台账通 data file")


def test_another_programs_database_is_refused(village_db, tmp_path):
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE notes (text)")
    connection.commit()
    connection.close()
    _assert_refused(other, village_db, "other.db is not a 台账通 data file")


def test_a_backup_from_a_newer_version_is_refused(village_db, tmp_path):
    newer = backup.backup_to_file(tmp_path / "newer.db")
    connection = sqlite3.connect(newer)
    connection.execute(f"PRAGMA user_version = {db.schema_version() + 1}")
    connection.commit()
    connection.close()
    _assert_refused(newer, village_db, "newer version")


# --- a damaged data file -----------------------------------------------------------------------


def damage(path: Path) -> None:
    """Overwrite three pages of records in the middle of the file, as a failing disk does (not pages of
    the schema: a file whose schema is damaged does not open at all, tested on its own)."""
    schema = set()
    with contextlib.suppress(sqlite3.DatabaseError):  # an encrypted file: its pages are not known
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        schema = {row[0] for row in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")}
        connection.close()
    page = path.stat().st_size // 2 // 4096  # counted from 0; SQLite counts from 1
    while schema & {page + 1, page + 2, page + 3}:
        page += 1
    with path.open("r+b") as handle:
        handle.seek(page * 4096)
        handle.write(bytes(range(256)) * 48)


def test_the_newest_sound_backup_replaces_a_damaged_file_which_is_kept(village_db):
    older = backup.make_backup("close", now=dt.datetime(2026, 11, 20, 18, 0))
    newer = backup.make_backup("close", now=dt.datetime(2026, 11, 24, 18, 0))
    damage(newer)
    owner = identity.file_id()
    db.close_database()
    damage(village_db)
    damaged_bytes = village_db.read_bytes()

    found = restore.newest_good_backup(owner)
    assert found is not None and found.path == older
    kept = restore.replace_damaged(village_db, found.path, now=dt.datetime(2026, 11, 25, 8, 0))

    assert kept.name == "village.db.damaged-20261125-080000"
    assert kept.read_bytes() == damaged_bytes
    db.open_database(village_db)
    assert r.database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert live(r.Household) == backup.preview(older).count(r.Household)
