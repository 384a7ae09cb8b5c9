"""Whether a data file is encrypted, and turning a plain one into an encrypted one.

A data file records its protection in its settings: ``encrypted``, ``plain``
(the office chose no password; the reason it gave is kept beside it) or
``undecided`` (a file made by an earlier version, which had no encryption: it
is converted the first time it is opened with a password, and the window asks
for one). Conversion (``encrypt``) exports the plain file into an encrypted
copy beside it (SQLCipher's ``sqlcipher_export`` through ATTACH), checks the
copy (``integrity_check`` and the row count of every table), writes the key
file, and only then puts the copy in the plain file's place: the plain file is
never kept past that. The file's plain backups are encrypted the same way with
the same key (a backup is only as safe as the file).
"""

from __future__ import annotations

import os
from pathlib import Path

from models import crypt, files, settings, sqlite
from models import records as r
from models.i18n import translate
from models.sqlite import driver

KEY = "protection"
REASON_KEY = "protection_reason"
ENCRYPTED, PLAIN, UNDECIDED = "encrypted", "plain", "undecided"


class ConversionError(Exception):
    """The encrypted copy could not be made or did not match; the plain file is as it was."""


def state() -> str:
    """The open file's protection (an encrypted file is one whatever its settings say)."""
    if getattr(r.database, "key", None):
        return ENCRYPTED
    return settings.get_setting(KEY) or UNDECIDED


def plain_reason() -> str:
    return settings.get_setting(REASON_KEY)


def is_encrypted_file(path: Path) -> bool:
    """A file on the disk that is encrypted: not an SQLite file, with a key file beside it."""
    path = Path(path)
    try:
        if path.stat().st_size == 0:
            return False
    except OSError:
        return False
    return not sqlite.is_sqlite_file(path) and crypt.has_key_file(path)


def choose_plain(reason: str) -> None:
    """The office chose no password for the open (plain) file: recorded with its reason."""
    with r.database.atomic():
        settings.set_setting(KEY, PLAIN)
        settings.set_setting(REASON_KEY, reason.strip())


def encrypt_copy(source: driver.Connection, target: Path, key: bytes) -> None:
    """``source`` (a plain connection) exported into a new encrypted file at ``target``, checked."""
    version = source.execute("PRAGMA user_version").fetchone()[0]
    application = source.execute("PRAGMA application_id").fetchone()[0]
    escaped = str(target).replace("'", "''")
    source.execute(f"ATTACH DATABASE '{escaped}' AS encrypted KEY \"x'{key.hex()}'\"")
    try:
        source.execute("SELECT sqlcipher_export('encrypted')")
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        source.execute(f"PRAGMA encrypted.application_id = {int(application)}")
    finally:
        source.execute("DETACH DATABASE encrypted")
    _verify(source, target, key, version)
    files.flush_to_disk(target)


def _verify(source: driver.Connection, target: Path, key: bytes, version: int) -> None:
    copy = sqlite.connect(target, key=key)
    try:
        problems = sqlite.health_problems(copy, full=True)
        if copy.execute("PRAGMA user_version").fetchone()[0] != version:
            problems.append("user_version")
        for table in sqlite.table_names_of(source):
            if table.endswith(("_data", "_idx", "_docsize", "_config", "_content")):
                continue  # the shadow tables of the text indexes follow their tables
            count = f'SELECT count(*) FROM "{table}"'
            if copy.execute(count).fetchone()[0] != source.execute(count).fetchone()[0]:
                problems.append(table)
        if problems:
            raise ConversionError("; ".join(problems[:3]))
        copy.execute('INSERT OR REPLACE INTO "setting" ("key", "value") VALUES (?, ?)', (KEY, ENCRYPTED))
        copy.execute('DELETE FROM "setting" WHERE "key" = ?', (REASON_KEY,))
        copy.commit()
    finally:
        copy.close()


def encrypt(path: Path, password: str, folder: Path | None = None) -> str:
    """The open plain data file at ``path`` encrypted with a new data key unlocked by ``password``;
    the recovery code (to be shown once). The database is closed meanwhile and reopened encrypted."""
    from models import backup as backups
    from models import identity

    path = Path(path)
    owner = identity.file_id()
    key = os.urandom(32)
    r.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    partial = files.temporary_beside(path)
    try:
        partial.unlink()
        _export(r.database.connection(), partial, key, path)
        r.database.close()  # reopened encrypted by the caller (models.db)
        files.protect(None)
        code = crypt.create(path, password, key).recovery_code
        os.replace(partial, path)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    finally:
        files.discard(partial)
    encrypt_backups(backups.list_backups(folder, owner), path, key)
    return code


def _export(connection: driver.Connection, partial: Path, key: bytes, path: Path) -> None:
    try:
        encrypt_copy(connection, partial, key)
    except (driver.Error, OSError, ConversionError) as error:
        raise ConversionError(translate(
            "Protection", "{path} could not be encrypted ({error}); it is left as it was, not "
                          "encrypted.").format(path=path, error=error)) from error


def encrypt_backups(infos, path: Path, key: bytes) -> None:
    """Each plain backup among ``infos`` replaced by an encrypted copy with ``key`` (and the file's key
    file beside it); one that cannot be read is left (it is listed, and damaged, as before)."""
    for info in infos:
        if not sqlite.is_sqlite_file(info.path):
            continue
        partial = files.temporary_beside(info.path)
        try:
            partial.unlink()
            plain = sqlite.connect(info.path, key=b"")
            try:
                encrypt_copy(plain, partial, key)
            finally:
                plain.close()
            crypt.copy_key_file(path, info.path)
            os.replace(partial, info.path)
        except (driver.Error, OSError, ConversionError):
            continue
        finally:
            files.discard(partial)
