"""Damage is damage: a damaged header, a damaged index, a -wal from another copy, an empty file —
found before anything is written, the file left as it was, and no full check for what only reads."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from models import db, health, identity, store
from models import records as r
from tests.models.factories import World, id_number
from tests.models.test_backup import damage


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def office(tmp_path) -> Path:
    path = tmp_path / "office.db"
    db.open_database(path)
    world = World()
    world.household("田大", id_number=id_number("19600101"))
    db.close_database()
    return path


def _gate_write(path: Path):
    """Open as a command that writes does, and try one save."""
    from cli.common import data_file

    with data_file(path, writes=True):
        store.save(r.Unit, {"phone": "0743-1234567"}, store.current_unit())


def test_a_damaged_page_is_found_before_the_first_write_and_nothing_is_written(_village_template, tmp_path):
    path = tmp_path / "village.db"
    shutil.copy(_village_template, path)
    damage(path)
    before = digest(path)
    db.open_database(path, settle=False)  # reading needs no check: it opens
    db.close_database()
    with pytest.raises(health.WriteRefused, match=r"village\.db is damaged"):
        _gate_write(path)
    assert digest(path) == before


def test_a_damaged_index_is_found_before_the_file_is_written_to(office):
    """quick_check does not see an index entry that no longer matches its row; integrity_check does."""
    db.open_database(office)
    number = r.Household.get().id_number
    db.close_database()
    connection = sqlite3.connect(office)
    root = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'household_id_number'").fetchone()[0]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    data = bytearray(office.read_bytes())
    at = data.index(number.encode(), (root - 1) * page_size) + len(number) - 1
    data[at] = ord("0" if number[-1] != "0" else "1")  # the index's copy of the ID number, one digit off
    office.write_bytes(bytes(data))
    quick = sqlite3.connect(office)
    assert quick.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    quick.close()
    before = digest(office)
    with pytest.raises(health.WriteRefused, match="missing from index"):
        _gate_write(office)
    assert digest(office) == before


def test_a_sound_file_is_checked_once_then_known_sound(office, monkeypatch):
    _gate_write(office)
    assert health.known_sound(office)
    monkeypatch.setattr(health, "full_check", lambda path: pytest.fail("checked again"))
    _gate_write(office)  # the file as this program left it: no second check


def test_a_damaged_header_is_damage_not_a_foreign_file(office):
    with office.open("r+b") as handle:
        handle.write(b"\x00" * 100)
    before = digest(office)
    with pytest.raises(db.DatabaseDamagedError, match="its first page"):
        db.open_database(office)
    assert digest(office) == before


def test_a_damaged_header_of_a_file_never_opened_here_is_still_damage(_village_template, tmp_path):
    path = tmp_path / "village.db"
    shutil.copy(_village_template, path)
    with path.open("r+b") as handle:
        handle.write(bytes(range(100)))
    with pytest.raises(db.DatabaseDamagedError):
        db.open_database(path)


def test_a_text_file_is_not_a_data_file(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("姓名,身份证号\n" * 1000, encoding="utf-8")
    with pytest.raises(db.DatabaseOpenError, match="not a 台账通 data file") as raised:
        db.open_database(path)
    assert not isinstance(raised.value, db.DatabaseDamagedError)


def test_a_wal_from_another_copy_is_set_aside_and_not_applied(office, tmp_path):
    other = tmp_path / "copy" / "office.db"
    other.parent.mkdir()
    shutil.copy(office, other)
    db.open_database(other)  # the copy goes its own way (a session of its own, a new identity)
    store.save(r.Unit, {"phone": "0743-9999999"}, store.current_unit())
    db.close_database()
    db.open_database(office)
    store.save(r.Unit, {"phone": "0743-1111111"}, store.current_unit())  # the original too
    db.close_database()
    db.open_database(other)  # a change of the copy left in its -wal (the copy still open, or crashed)
    store.save(r.Unit, {"phone": "0743-2222222"}, store.current_unit())
    shutil.copy(other.with_name("office.db-wal"), office.with_name("office.db-wal"))
    db.close_database()
    db.open_database(office)
    assert store.current_unit().phone == "0743-1111111"  # the copy's change was not applied
    (notice,) = db.notices()
    assert "belongs to another copy" in notice
    (aside,) = office.parent.glob("office.db-wal.foreign-*")
    assert str(aside) in notice


def test_a_wal_left_by_a_crash_of_this_file_is_applied(office):
    db.open_database(office)
    store.save(r.Unit, {"phone": "0743-1111111"}, store.current_unit())
    db.close_database()
    db.open_database(office)
    store.save(r.Unit, {"phone": "0743-3333333"}, store.current_unit())
    main, wal = office.read_bytes(), office.with_name("office.db-wal").read_bytes()
    db.close_database()  # closing checkpoints: put both back as they were, as a crash leaves them
    office.write_bytes(main)
    office.with_name("office.db-wal").write_bytes(wal)
    connection = sqlite3.connect(f"file:{office}?immutable=1", uri=True)
    assert connection.execute("SELECT phone FROM unit").fetchone()[0] == "0743-1111111"  # not in the file
    connection.close()
    db.open_database(office)
    assert db.notices() == []
    assert store.current_unit().phone == "0743-3333333"


def test_an_empty_or_missing_file_opens_as_a_new_one_only_when_asked_to(tmp_path):
    """The core makes a new file where it is told (the window asks first, the command line refuses)."""
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    db.open_database(empty)
    assert identity.file_id()


def test_ciphertext_is_not_taken_for_the_pages_of_a_damaged_data_file(_village_template):
    """An encrypted file's pages are random bytes: one in 50 begins with a b-tree page's kind, so the
    whole page header is read before a file missing its key file is called damaged."""
    randoms = random.Random(11)
    headers = [randoms.randbytes(12) for _ in range(20_000)]
    assert sum(health.is_sqlite_page(header, 1_000) for header in headers) == 0
    assert sum(header[0] in (2, 5, 10, 13, 0) for header in headers) > 300  # what one byte took for pages
    with _village_template.open("rb") as handle:
        pages = [handle.read(health.PAGE) for _ in range(_village_template.stat().st_size // health.PAGE)]
    btree = [page for page in pages[1:] if page[0] in (2, 5, 10, 13)]
    assert len(btree) > 100
    assert all(health.is_sqlite_page(page[:12], len(pages)) for page in btree)
    assert health.is_sqlite_page(pages[1][:12], len(pages))
