"""The data file's identity: kept inside it, a copy becomes a file of its own, a moved file stays itself,
a restore leaves the file itself; and a file of version 6 gains one."""

from __future__ import annotations

import shutil
import sqlite3

from models import backup, db, identity, restore, store
from models import records as r
from tests.models.factories import World, undo_version_8, undo_version_10


def _identity_of(path):
    db.open_database(path)
    try:
        return identity.file_id()
    finally:
        db.close_database()


def test_a_new_file_has_an_identity_and_is_remembered_here(tmp_path):
    path = tmp_path / "office.db"
    db.open_database(path)
    World()
    first = identity.file_id()
    assert len(first) == 32 and identity.read_identity(path) == first
    db.close_database()
    db.open_database(path)
    assert identity.file_id() == first
    assert identity.known_identity(path) == (first, "长坪镇")


def test_a_copy_beside_the_original_becomes_a_file_of_its_own(tmp_path):
    original, copy = tmp_path / "taizhangtong.db", tmp_path / "usb" / "taizhangtong.db"
    first = _identity_of(original)
    copy.parent.mkdir()
    shutil.copy(original, copy)
    assert _identity_of(copy) != first
    assert _identity_of(original) == first


def test_a_moved_file_keeps_its_identity(tmp_path):
    original, moved = tmp_path / "taizhangtong.db", tmp_path / "elsewhere.db"
    first = _identity_of(original)
    original.rename(moved)
    assert _identity_of(moved) == first


def test_a_restored_backup_leaves_the_file_itself(tmp_path):
    path = tmp_path / "office.db"
    db.open_database(path)
    World()
    mine = identity.file_id()
    saved = backup.make_backup("manual")
    restore.restore(saved)
    assert identity.file_id() == mine
    other = tmp_path / "other.db"
    db.close_database()
    db.open_database(other)
    World()
    store.save(r.Unit, {"name": "别的镇"}, store.current_unit())
    theirs = backup.make_backup("manual")
    db.close_database()
    db.open_database(path)
    restored = restore.restore(theirs, other_file_ok=True)
    assert store.current_unit().name == "别的镇"  # the other unit's data …
    assert identity.file_id() == mine  # … in this file, which is still itself
    assert restored.kept in [info.path for info in backup.list_backups(owner=mine)]


def test_a_version_6_file_gains_an_identity(tmp_path):
    path = tmp_path / "old.db"
    db.open_database(path)
    World()
    db.close_database()
    connection = sqlite3.connect(path)
    undo_version_10(connection)
    undo_version_8(connection)
    connection.execute("DELETE FROM setting WHERE key LIKE 'file_%'")
    connection.execute("PRAGMA user_version = 6")
    connection.commit()
    connection.close()
    db.open_database(path, backups=tmp_path / "backups")
    owner = identity.file_id()
    assert len(owner) == 32
    (before_upgrade,) = backup.list_backups(tmp_path / "backups")
    assert before_upgrade.owner == owner and before_upgrade.unit == "长坪镇"  # its own, as its mark says
