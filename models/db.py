"""Opening the database file: pragmas, identity, schema version, upgrades.

A new file is created at the current schema. An older file is copied to the
backups folder and then upgraded step by step, each step in a transaction; a
file written by a newer program, or by another program, is refused.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

import peewee

from models import backup_marks, crypt, files, health, identity, paths, protection, settings, sqlite
from models.i18n import translate
from models.records import ALL_MODELS, database

# UPGRADES[k] brings a file from schema version k + 1 to k + 2. Append only; each
# step spells out its SQL, so that it does not change when the models do later.
Upgrade = Callable[[peewee.Database], None]


def _v2_summary_texts(db: peewee.Database) -> None:
    """Version 2: the office's own wording of each section of a campaign's summary."""
    db.execute_sql(
        'CREATE TABLE "summary_text" ("id" TEXT NOT NULL PRIMARY KEY, "created_at" DATETIME NOT NULL, '
        '"updated_at" DATETIME NOT NULL, "deleted_at" DATETIME, "campaign_id" TEXT NOT NULL, '
        '"section" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, FOREIGN KEY ("campaign_id") '
        'REFERENCES "campaign" ("id") ON DELETE CASCADE)')
    db.execute_sql('CREATE UNIQUE INDEX "summary_text_campaign_id_section" '
                   'ON "summary_text" ("campaign_id", "section")')


def _v3_change_history(db: peewee.Database) -> None:
    """Version 3: the history of every create, edit, delete and restore (``records.Change``)."""
    db.execute_sql(
        'CREATE TABLE "change" ("id" TEXT NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, '
        '"operator" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "record" TEXT NOT NULL, '
        '"action" VARCHAR(255) NOT NULL, "changes" TEXT NOT NULL)')
    db.execute_sql('CREATE INDEX "change_kind_record_at" ON "change" ("kind", "record", "at")')


def _v4_person_staff(db: peewee.Database) -> None:
    """Version 4: whether a person is on the staff (干部职工); a party member may be one who is not.

    Every person of an older file was entered as staff.
    """
    db.execute_sql('ALTER TABLE "person" ADD COLUMN "staff" INTEGER NOT NULL DEFAULT 1')


def _v5_sorting_and_searching(db: peewee.Database) -> None:
    """Version 5: long lists read in the order shown; text searched through indexes (see models.sqlite)."""
    db.execute_sql('CREATE INDEX "visit_date" ON "visit" ("date")')
    db.execute_sql('CREATE INDEX "village_name" ON "village" ("name")')
    sqlite.create_text_index(db, "visit", ("requests", "situation"))
    sqlite.create_text_index(db, "household", ("id_number", "phone", "address"))
    sqlite.create_gram_index(db)  # the heads' names and the addresses of the households


_V6_RECORD_TABLES = (
    "unit", "campaign", "phase", "village", "village_group", "person", "household", "session", "attendance",
    "writing", "visit", "category", "suggestion_item", "suggestion", "rectification", "publicity",
    "summary_text")


def _v6_record_versions(db: peewee.Database) -> None:
    """Version 6: each record's version and lineage, the base of records edited since they were
    shared (``models.versions``), and the conflicts of exchanges waiting for the user's decision."""
    _v6_columns(db)
    for statement in _V6_TABLES:
        db.execute_sql(statement)


def _v6_columns(db: peewee.Database) -> None:
    for table in _V6_RECORD_TABLES:
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "version" VARCHAR(32)')
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "lineage" TEXT NOT NULL DEFAULT \'\'')


def _as_upgraded(db: peewee.Database) -> None:
    """A new file's tables made exactly as an upgraded file's: the columns version 6 added, added so."""
    for table in _V6_RECORD_TABLES:
        for column in ("version", "lineage"):
            db.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    _v6_columns(db)


# Tables of the bookkeeping that no model describes (they are read and written in SQL).
_V6_TABLES = (
    'CREATE TABLE "sync_base" ("kind" TEXT NOT NULL, "record" TEXT NOT NULL, "version" TEXT NOT NULL, '
    '"data" TEXT NOT NULL, PRIMARY KEY ("kind", "record")) WITHOUT ROWID',
    'CREATE TABLE "exchange_conflict" ("kind" TEXT NOT NULL, "record" TEXT NOT NULL, '
    '"local_version" TEXT NOT NULL, "incoming" TEXT NOT NULL, "base" TEXT, "fields" TEXT NOT NULL, '
    '"source" TEXT NOT NULL, "package" TEXT NOT NULL, "found_at" DATETIME NOT NULL, '
    'PRIMARY KEY ("kind", "record")) WITHOUT ROWID',
)
BOOKKEEPING_TABLES = _V6_TABLES  # what a new file gets beside the models' tables


def _v7_file_identity(db: peewee.Database) -> None:
    """Version 7: the data file's own identity (``models.identity``), which its backups are keyed by."""
    db.execute_sql('INSERT OR IGNORE INTO "setting" ("key", "value") VALUES (?, ?)',
                   ("file_identity", uuid.uuid4().hex))


def _v8_village_of_sessions_and_suggestions(db: peewee.Database) -> None:
    """Version 8: the village a session was held for and a suggestion came from (what a village's
    registers and figures hold); a suggestion of a village's cadre belongs to that village."""
    for table in ("session", "suggestion"):
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "village_id" TEXT '
                       'REFERENCES "village" ("id") ON DELETE RESTRICT')
        db.execute_sql(f'CREATE INDEX "{table}_village_id" ON "{table}" ("village_id")')
    db.execute_sql('UPDATE "suggestion" SET "village_id" = (SELECT "village_id" FROM "person" '
                   'WHERE "person"."id" = "suggestion"."submitter_id") WHERE "submitter_id" IS NOT NULL')


def _v9_protection(db: peewee.Database) -> None:
    """Version 9: the file's protection. A file of an earlier version is plain and its office has not
    chosen yet: it is encrypted right after this step when opened with a password
    (``models.protection.encrypt``), else the window asks for one."""
    db.execute_sql('INSERT OR IGNORE INTO "setting" ("key", "value") VALUES (?, ?)',
                   (protection.KEY, protection.UNDECIDED))


# The tables the first page is counted from: their changes move the count (``models.first_page``).
_V10_COUNTED_TABLES = (*_V6_RECORD_TABLES, "visit_visitor", "setting")


def _v10_first_page(db: peewee.Database) -> None:
    """Version 10: a count of the changes of the records and settings, moved by triggers, and the
    first page kept beside the count it was counted at (``models.first_page``)."""
    sqlite.create_generation(db, _V10_COUNTED_TABLES)


UPGRADES: list[Upgrade] = [_v2_summary_texts, _v3_change_history, _v4_person_staff,
                           _v5_sorting_and_searching, _v6_record_versions, _v7_file_identity,
                           _v8_village_of_sessions_and_suggestions, _v9_protection, _v10_first_page]


def schema_version() -> int:
    return 1 + len(UPGRADES)


class DatabaseOpenError(Exception):
    """The file cannot be used; the message says why in the user's words."""


class PasswordError(DatabaseOpenError):
    """The file is encrypted and no password, or a wrong one, was given; ``missing`` for none."""

    def __init__(self, message: str, missing: bool):
        super().__init__(message)
        self.missing = missing


class DatabaseDamagedError(DatabaseOpenError):
    """The file's pages are damaged; it was checked read-only and not written to."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


def open_database(path: str | Path, backups: Path | None = None, settle: bool = True,
                  gate=None, password: str | None = None, plain_reason: str = "") -> peewee.SqliteDatabase:
    """Open (creating if need be) the database at ``path`` and bring it up to date.

    No full check here (``models.health``): the file itself is looked at (not a
    regular file, a damaged first page, a ``-wal`` that is not its own); the
    pages are checked before the first write, by the write ``gate`` the caller
    gives (``health.WriteGate``). ``settle`` False leaves the file's identity as it is (a
    command that only reads writes nothing). What the user should know about the
    opening is in ``notices()``.

    An encrypted file needs its ``password`` (or recovery code; a key this process
    unlocked already will do); a new file is encrypted when a ``password`` is given
    (its recovery code is then ``new_recovery_code()``), else plain by the caller's
    choice (``plain_reason``); a plain file of an earlier version is encrypted when
    opened with a ``password``.
    """
    path = Path(path)
    _notices.clear()
    _recovery.clear()
    _check_file(path)
    key = _key(path, password)
    _check_wal(path)  # after the key: an encrypted -wal is read with it
    leftover = health.leftover_wal(path)
    close_database()
    database.init(**sqlite.make_database(path, key))
    database.before_write, database.on_write = gate, health.record_session
    try:
        database.connect()
        if leftover:
            _apply_leftover_wal(path)
        _prepare(path, backups if backups is not None else paths.backups_dir(), plain_reason)
        if password and protection.state() == protection.UNDECIDED:
            _encrypt(path, password, backups, gate)
        with contextlib.suppress(peewee.DatabaseError):  # a read-only file: the statistics can wait
            sqlite.keep_statistics(database)
        _settle_identity(path, settle)
        files.protect(path)
    except peewee.DatabaseError as error:
        close_database()
        if errors_damaged(error):
            raise DatabaseDamagedError(health.damaged_text(path, [str(error)]), path) from error
        if _on_full_disk(path):
            raise DatabaseOpenError(translate(
                "Database", "Cannot open the data file {path}: its disk is full, and 台账通 writes beside "
                            "the file as it opens it. Free some space on that disk and try again; nothing "
                            "was changed.").format(path=path)) from error
        if _on_read_only_ground(path):
            raise DatabaseOpenError(translate(
                "Database", "Cannot open the data file {path}: its folder cannot be written to (a "
                            "write-protected USB stick, a CD, a shared folder open for reading only), and "
                            "台账通 writes beside the file as it opens it. Copy the file to this computer "
                            "and open the copy.").format(path=path)) from error
        raise DatabaseOpenError(
            translate("Database", "Cannot open the data file {path}: {error}").format(
                path=path, error=error)) from error
    except DatabaseOpenError:
        close_database()
        raise
    return database


_notices: list[str] = []
_recovery: list[str] = []


FULL_BYTES = 1024 * 1024  # less than this left beside a file SQLite could not open: its disk is full


def _on_full_disk(path: Path) -> bool:
    """Whether the file is there but its disk has no room left for the log (``-wal``) and index
    (``-shm``) SQLite keeps beside it (it then says only "disk I/O error")."""
    try:
        return path.is_file() and shutil.disk_usage(path.parent).free < FULL_BYTES
    except OSError:
        return False


def _on_read_only_ground(path: Path) -> bool:
    """Whether the file is there but its folder may not be written: SQLite then cannot make the log
    (``-wal``) and index (``-shm``) it keeps beside the file, and cannot open it. Tried, not asked of
    the folder's attributes (Windows marks many writable folders read-only)."""
    if not path.is_file():
        return False
    try:
        with tempfile.TemporaryFile(dir=path.parent):
            return False
    except OSError:
        return True


def new_recovery_code() -> str | None:
    """The recovery code of the file the last opening encrypted (new or converted): shown once."""
    return _recovery[0] if _recovery else None


def _key(path: Path, password: str | None) -> bytes | None:
    """The data key to open ``path`` with (a new one for a new file given a password); None: plain."""
    if not path.exists() or path.stat().st_size == 0:
        if not password:
            return None
        crypt.remove_key_file(path)
        made = crypt.create(path, password)
        _recovery.append(made.recovery_code)
        return made.key
    if not protection.is_encrypted_file(path):
        return None
    try:
        if password:
            return crypt.unlock(path, password)
        key = crypt.key_for(path)
    except crypt.WrongPassword as error:
        raise PasswordError(str(error), missing=False) from None
    except crypt.Locked:
        raise PasswordError(translate("Database", "{path} is encrypted: give its password to open it.")
                            .format(path=path), missing=True) from None
    except crypt.KeyFileError as error:
        raise DatabaseOpenError(str(error)) from None
    return key


def encrypt_open_file(password: str, backups: Path | None = None) -> str:
    """The open plain file encrypted (the office now chose a password), opened again; its recovery code."""
    path = Path(database.database)
    _recovery.clear()
    _encrypt(path, password, backups, database.before_write)
    files.protect(path)
    return _recovery[0]


def _encrypt(path: Path, password: str, backups: Path | None, gate) -> None:
    """A plain file of an earlier version, encrypted now that a password is given; opened again."""
    try:
        code = protection.encrypt(path, password, backups)
    except protection.ConversionError as error:
        raise DatabaseOpenError(str(error)) from None
    _recovery.append(code)
    key = crypt.key_for(path)  # made just now: no second key derivation
    database.init(**sqlite.make_database(path, key))
    database.before_write, database.on_write = gate, health.record_session
    database.connect()
    health.remember_sound(path)  # checked in full as it was written


def notices() -> list[str]:
    """What the last opening did that the user should know (a foreign -wal set aside)."""
    return list(_notices)


def set_write_gate(gate) -> None:
    """Called before every write transaction of the open file (``health.WriteGate``), or None."""
    database.before_write = gate


def errors_damaged(error: Exception) -> bool:
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


def settle_identity(path: Path) -> None:
    """The identity of the open file settled now (opened with ``settle=False`` until it was checked)."""
    _settle_identity(Path(path), True)


def _settle_identity(path: Path, settle: bool) -> None:
    """The file says who it is (a copy becomes a file of its own); this computer remembers it."""
    key = settings.get_setting(identity.IDENTITY_KEY)
    try:
        if settle and not identity.settled(path):  # a transaction only when there is something to write
            with database.atomic():
                key = identity.settle(path)
    except peewee.OperationalError:  # read-only, or held by another writer: it stays who it was for now
        pass
    identity.remember(path, key, identity.current_unit_name())


def close_database() -> None:
    if not database.is_closed():
        database.close()
    files.protect(None)


def _check_file(path: Path) -> None:
    """What is not a data file, or is a damaged one, is refused before SQLite opens it."""
    try:
        health.check_file(path)
    except health.FileProblem as problem:
        if problem.damaged:
            raise DatabaseDamagedError(str(problem), path) from None
        raise DatabaseOpenError(str(problem)) from None
    path.parent.mkdir(parents=True, exist_ok=True)


def _check_wal(path: Path) -> None:
    notice = health.foreign_wal(path) if path.exists() else None
    if notice:
        _notices.append(notice)


def _apply_leftover_wal(path: Path) -> None:
    """A -wal a crash left, found to be the file's own: into the file now, so that the next -wal found
    beside it holds one session only (``health.foreign_wal``)."""
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _prepare(path: Path, backups: Path, plain_reason: str) -> None:
    version = sqlite.user_version(database)
    latest = schema_version()
    if version == 0:
        if sqlite.table_names(database):
            raise DatabaseOpenError(
                translate("Database", "{path} is not a 台账通 data file.").format(path=path))
        _create_schema(plain_reason)
        return
    if sqlite.application_id(database) != sqlite.APPLICATION_ID:
        raise DatabaseOpenError(
            translate("Database", "{path} is not a 台账通 data file.").format(path=path))
    if version > latest:
        raise DatabaseOpenError(
            translate("Database", "{path} was written by a newer version of 台账通 (data format "
                      "{version}; this program knows up to {latest}). Please install the newer "
                      "version; the file has not been changed.").format(
                path=path, version=version, latest=latest))
    if version < latest:
        problems = [] if health.known_sound(path) else health.full_check(path)
        if problems:  # an upgrade writes: never to a damaged file
            raise DatabaseDamagedError(health.damaged_text(path, problems), path)
        health.remember_sound(path)  # found sound as it is: a write gate need not check it again
        _upgrade(path, version, backups)


def _create_schema(plain_reason: str) -> None:
    with database.atomic():
        database.create_tables(ALL_MODELS)
        _as_upgraded(database)
        sqlite.create_search_indexes(database)
        for statement in BOOKKEEPING_TABLES:
            database.execute_sql(statement)
        sqlite.create_generation(database, _V10_COUNTED_TABLES)
        identity.file_id()
        encrypted = bool(getattr(database, "key", None))
        settings.set_setting(protection.KEY, protection.ENCRYPTED if encrypted else protection.PLAIN)
        if not encrypted:
            settings.set_setting(protection.REASON_KEY, plain_reason or translate(
                "Protection", "made without a password"))
        sqlite.set_application_id(database)
        sqlite.set_user_version(database, schema_version())


def _upgrade(path: Path, version: int, backups: Path) -> None:
    from models import backup as backups_module  # imported here: it is not needed to open a file

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = backups / f"{path.stem}-v{version}-before-upgrade-{stamp}.db"
    try:
        backups_module.write_copy(backup)
    except (OSError, sqlite.driver.Error) as error:  # the backups' folder, not the file, cannot be written
        if isinstance(error, OSError) or files.is_full(error):
            raise DatabaseOpenError(translate(
                "Database", "{path} is of an earlier version and is upgraded only once a backup of it is "
                            "written. {reason}").format(path=path, reason=files.data_folder_text(
                    backups, error))) from error
        raise
    _upgrade_steps(path, version, backup)
    # The copy is this file's, whose identity may have been made by the upgrade itself.
    backup_marks.write(backup, identity.file_id(), identity.current_unit_name())


def _upgrade_steps(path: Path, version: int, backup: Path) -> None:
    for step in range(version, schema_version()):
        try:
            with database.atomic():
                UPGRADES[step - 1](database)
                sqlite.set_user_version(database, step + 1)
        except Exception as error:
            raise DatabaseOpenError(
                translate("Database", "Upgrading {path} from data format {version} failed "
                          "({error}). The file is left at format {step}; a copy made before "
                          "the upgrade is at {backup}.").format(
                    path=path, version=version, error=error, step=step, backup=backup)) from error
