"""The encrypted data file: its key, wrong passwords, the recovery code, a password change, conversion."""

from __future__ import annotations

import pytest

from models import backup, crypt, db, protection, sqlite, store
from models import records as r
from tests.models.factories import id_number, make_old_file

NUMBER = id_number()

PASSWORD = "Longtan2026!"
NEW_PASSWORD = "Niuya#2027x"


def _reopen(path, password=None, **kwargs):
    db.close_database()
    crypt.forget_all()  # as a new process: no key known
    return db.open_database(path, password=password, **kwargs)


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "e.db"
    db.open_database(path, password=PASSWORD)
    code = db.new_recovery_code()
    unit = store.save(r.Unit, {"name": "长坪镇", "level": "town"})
    village = store.save(r.Village, {"unit": unit.id, "name": "龙潭村"})
    store.save(r.Household, {"village": village.id, "head_name": "向飞", "id_number": NUMBER})
    return path, code


def test_a_new_file_with_a_password_is_encrypted_and_holds_no_clear_text(encrypted):
    path, code = encrypted
    assert protection.state() == protection.ENCRYPTED
    db.close_database()
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3") and NUMBER.encode() not in data
    assert "向飞".encode() not in data
    key_file = crypt.key_path(path).read_text(encoding="utf-8")
    assert "433101" not in key_file and code not in key_file and PASSWORD not in key_file


def test_without_a_password_an_encrypted_file_is_refused_and_unchanged(encrypted):
    path, _code = encrypted
    db.close_database()
    before = path.read_bytes()
    crypt.forget_all()
    with pytest.raises(db.PasswordError) as missing:
        db.open_database(path)
    assert missing.value.missing
    with pytest.raises(db.PasswordError, match="Wrong password") as wrong:
        db.open_database(path, password="Longtan2026?")
    assert not wrong.value.missing and r.database.is_closed()
    assert path.read_bytes() == before and not path.with_name(path.name + "-wal").exists()


def test_an_encrypted_file_without_its_key_file_says_so_and_is_unchanged(encrypted):
    """The data file copied to a stick without its .key: the message names the missing key file."""
    path, _code = encrypted
    db.close_database()
    crypt.forget_all()
    crypt.key_path(path).rename(path.with_name("elsewhere.key"))
    before = path.read_bytes()
    with pytest.raises(db.DatabaseOpenError, match="its key file") as raised:
        db.open_database(path, password=PASSWORD)
    assert str(crypt.key_path(path)) in str(raised.value)
    assert path.read_bytes() == before


def test_the_recovery_code_opens_the_file_however_it_is_typed(encrypted):
    path, code = encrypted
    assert len(code.replace("-", "")) == 24
    _reopen(path, code.lower().replace("-", " "))
    assert r.Household.get().head_name == "向飞"


def test_a_password_change_leaves_the_file_alone_and_the_recovery_code_valid(encrypted):
    path, code = encrypted
    db.close_database()
    before = path.read_bytes()
    with pytest.raises(crypt.WrongPassword):
        crypt.change_password(path, "not it at all", NEW_PASSWORD)
    crypt.change_password(path, PASSWORD, NEW_PASSWORD)
    assert path.read_bytes() == before
    with pytest.raises(db.PasswordError):
        _reopen(path, PASSWORD)
    _reopen(path, NEW_PASSWORD)
    assert r.Unit.get().name == "长坪镇"
    db.close_database()
    crypt.change_password(path, code, "Third-pass-9")  # a lost password: the recovery code sets a new one
    _reopen(path, "Third-pass-9")
    assert r.Unit.get().name == "长坪镇"


@pytest.mark.parametrize("password, weak", [
    ("abc", True), ("12345678", True), ("password", True), ("aaaaaaaaaaaa", True), ("abcdefgh", True),
    ("13579246", True), ("Longtan2026!", False), ("龙潭村2026年", False), ("correct horse battery", False)])
def test_the_strength_check(password, weak):
    assert (crypt.weakness(password) is not None) is weak


@pytest.mark.parametrize("version", range(1, 9))
def test_a_plain_file_of_every_earlier_version_is_converted_when_opened_with_a_password(tmp_path, version):
    path = tmp_path / f"v{version}.db"
    number = make_old_file(path, version)
    backups = tmp_path / "backups"
    db.open_database(path, backups=backups, password=PASSWORD)
    assert db.new_recovery_code()
    assert protection.state() == protection.ENCRYPTED
    assert sqlite.user_version(r.database) == db.schema_version()
    assert r.Household.get().id_number == number
    store.save(r.Village, {"unit": r.Unit.get().id, "name": "牛垭社区"})
    db.close_database()
    written = [entry for entry in tmp_path.rglob("*") if entry.is_file()]
    assert {entry.name for entry in written if entry.parent == tmp_path} == {path.name, path.name + ".key"}
    for entry in written:  # the file, its -wal, the copy made before the upgrade: none in clear
        assert number.encode() not in entry.read_bytes(), entry
    (before_upgrade,) = backups.glob("*.db")
    assert protection.is_encrypted_file(before_upgrade)
    _reopen(path, PASSWORD)
    assert {v.name for v in r.Village.select()} == {"龙潭村", "牛垭社区"}


def test_an_earlier_file_opened_without_a_password_stays_plain_and_undecided(tmp_path):
    path = tmp_path / "old.db"
    make_old_file(path, 8)
    db.open_database(path, backups=tmp_path / "backups")
    assert protection.state() == protection.UNDECIDED
    code = db.encrypt_open_file(PASSWORD, tmp_path / "backups")
    assert code and protection.state() == protection.ENCRYPTED and protection.is_encrypted_file(path)


def test_a_file_kept_plain_by_choice_stays_plain(tmp_path):
    path = tmp_path / "plain.db"
    db.open_database(path, plain_reason="锁在保密柜里的电脑")
    assert protection.state() == protection.PLAIN and protection.plain_reason() == "锁在保密柜里的电脑"
    _reopen(path, PASSWORD)
    assert protection.state() == protection.PLAIN and sqlite.is_sqlite_file(path)


def test_a_failed_conversion_leaves_the_plain_file(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    number = make_old_file(path, 8)

    def broken(*args):
        raise protection.ConversionError("household")

    monkeypatch.setattr(protection, "_verify", broken)
    with pytest.raises(db.DatabaseOpenError, match="could not be encrypted"):
        db.open_database(path, backups=tmp_path / "backups", password=PASSWORD)
    assert sqlite.is_sqlite_file(path) and not crypt.has_key_file(path)
    assert [entry.name for entry in tmp_path.iterdir() if entry.name.startswith(".~tzt")] == []
    db.open_database(path, backups=tmp_path / "backups")
    assert r.Household.get().id_number == number


# --- backups -------------------------------------------------------------------------------------------


def test_an_encrypted_backup_round_trip(encrypted, tmp_path):
    path, _code = encrypted
    copy = backup.make_backup("manual", tmp_path / "backups")
    assert protection.is_encrypted_file(copy) and crypt.has_key_file(copy)
    assert NUMBER.encode() not in copy.read_bytes()
    r.Household.update(head_name="改过").execute()
    db.close_database()
    crypt.change_password(path, PASSWORD, NEW_PASSWORD)  # the backup was made under the old password
    _reopen(path, NEW_PASSWORD)
    from models import restore

    restore.restore(copy, tmp_path / "backups")
    assert r.Household.get().head_name == "向飞"
    _reopen(path, NEW_PASSWORD)  # the file keeps its own password
    assert r.Household.get().head_name == "向飞"


def test_a_backup_whose_key_is_not_known_asks_for_the_password_it_was_made_under(encrypted, tmp_path):
    from models import restore

    path, _code = encrypted
    copy = backup.make_backup("manual", tmp_path / "backups")
    db.close_database()
    crypt.change_password(path, PASSWORD, NEW_PASSWORD)
    other = tmp_path / "other.db"  # a new laptop: a new file, a new key
    _reopen(other, "Other-file-77")
    with pytest.raises(backup.PasswordNeeded):
        backup.preview(copy)
    with pytest.raises(backup.PasswordNeeded):
        restore.restore(copy, tmp_path / "backups", other_file_ok=True)
    with pytest.raises(backup.BackupError):
        backup.unlock(copy, NEW_PASSWORD)  # the password of now is not the backup's
    backup.unlock(copy, PASSWORD)
    assert backup.preview(copy).count(r.Household) == 1
    restore.restore(copy, tmp_path / "backups", other_file_ok=True)
    assert r.Household.get().head_name == "向飞"
    _reopen(other, "Other-file-77")  # encrypted on the way with the file's own key
    assert r.Household.get().head_name == "向飞"


def test_a_wal_left_by_a_crash_of_an_encrypted_file_is_its_own_and_applied(encrypted):
    path, _code = encrypted
    store.save(r.Unit, {"phone": "0743-3333333"}, r.Unit.get())
    main, wal = path.read_bytes(), path.with_name(path.name + "-wal").read_bytes()
    db.close_database()  # closing checkpoints: put both back as a crash leaves them
    path.write_bytes(main)
    path.with_name(path.name + "-wal").write_bytes(wal)
    _reopen(path, PASSWORD)
    assert db.notices() == []
    assert r.Unit.get().phone == "0743-3333333"
