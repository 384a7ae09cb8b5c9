"""Bringing a copy back: checked first, the data as it was kept, the file staying itself.

``check`` refuses a file that is not a sound 台账通 copy this program can read;
it runs ``PRAGMA integrity_check`` unless the copy's mark says it was found
sound already (``models.backup_marks``), so a restore does not pay for it twice.
``put_in_place`` is the one way a copy becomes a data file: copied beside the
target under a temporary name, given the target's identity, on the disk, then
renamed over it. A copy of another data file (another unit's, most often) is
restored only when the caller says so (``other_file_ok``): the refusal
``OtherFileError`` names both units, for the question to ask.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from models import backup, backup_marks, crypt, files, holders, identity, paths, protection, sqlite
from models import records as r
from models.backup import BackupError, BackupInfo
from models.i18n import translate
from models.sqlite import driver

_STAMP = "%Y%m%d-%H%M%S"


class OtherFileError(BackupError):
    """The copy is of another data file; restoring it needs a choice that names both units."""

    def __init__(self, message: str, source_unit: str, target_unit: str):
        super().__init__(message)
        self.source_unit, self.target_unit = source_unit, target_unit


@dataclass(frozen=True)
class Restored:
    source: Path
    kept: Path  # the data as it was before (a copy in the backups folder, or the damaged file renamed)


# --- checking a copy ----------------------------------------------------------------------------


def check(path: Path) -> int:
    """Raise BackupError unless ``path`` is a sound 台账通 file this program can read; its version."""
    from models import db

    path = Path(path)
    try:
        info = path.stat()
    except OSError:
        raise BackupError(translate("Backup", "{path} does not exist.").format(path=path)) from None
    if not stat.S_ISREG(info.st_mode) or info.st_size == 0 or not (
            sqlite.is_sqlite_file(path) or protection.is_encrypted_file(path)):
        raise BackupError(_not_ours(path))
    backup.need_key(path)
    try:
        connection = sqlite.open_readonly(path)
        try:
            version = _version(path, connection, db.schema_version())
            checked = backup_marks.read(path).checked
            problems = [] if checked else sqlite.health_problems(connection, full=True)
        finally:
            connection.close()
    except driver.Error as error:
        problems = [str(error)]
    if problems:
        raise BackupError(translate("Backup", "{path} is damaged ({problem}).").format(
            path=path, problem="; ".join(problems[:3])))
    if backup_marks.mark_path(path).exists() or path.parent == paths.backups_dir():
        backup_marks.checked(path)
    return version


def _version(path: Path, connection: driver.Connection, latest: int) -> int:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    application = connection.execute("PRAGMA application_id").fetchone()[0]
    if application != sqlite.APPLICATION_ID or version < 1:
        raise BackupError(_not_ours(path))
    if version > latest:
        raise BackupError(translate(
            "Backup", "{path} was written by a newer version of 台账通 (data format {version}; "
            "this program knows up to {latest}).").format(path=path, version=version, latest=latest))
    return version


def _not_ours(path: Path) -> str:
    return translate("Backup", "{path} is not a 台账通 data file or backup.").format(path=path)


def verify_backups(owner: str, folder: Path | None = None) -> list[BackupInfo]:
    """Check the copies of ``owner`` not checked yet (the window does it in the background); the damaged."""
    damaged = []
    for info in backup.list_backups(folder, owner):
        if info.checked:
            continue
        try:
            check(info.path)
        except BackupError:
            damaged.append(info)
    return damaged


def newest_good_backup(owner: str | None, folder: Path | None = None) -> BackupInfo | None:
    """The newest backup of the data file whose identity is ``owner`` that passes the integrity check."""
    if not owner:
        return None
    for info in backup.list_backups(folder, owner):
        try:
            check(info.path)
        except BackupError:
            continue
        return info
    return None


# --- whose is it ----------------------------------------------------------------------------------


def owner_of(path: Path) -> tuple[str | None, str]:
    """(identity, unit name) of a data file: from inside it, else as this computer knew it."""
    inside = identity.read_identity(path)
    known = identity.known_identity(path)
    if inside:
        return inside, known[1] if known and known[0] == inside else _unit_in(path)
    return known if known else (None, "")


def _unit_in(path: Path) -> str:
    try:
        connection = sqlite.open_readonly(path)
    except driver.Error:
        return ""
    try:
        return identity.unit_name_in(connection)
    finally:
        connection.close()


def _check_owner(source: Path, target: Path, target_owner: str | None, target_unit: str,
                 other_file_ok: bool) -> None:
    mark = backup_marks.read(source)
    source_owner = mark.identity or identity.read_identity(source)
    if other_file_ok or (source_owner is not None and source_owner == target_owner):
        return
    source_unit = mark.unit or _unit_in(source) or "—"
    target_unit = target_unit or "—"
    if target_owner is None:
        message = translate("Backup", "{source} is a backup of {source_unit}; whose data {target} holds "
                            "cannot be told (it is damaged). Restore it there only if you are sure.")
    else:
        message = translate("Backup", "{source} is a backup of another data file ({source_unit}), not of "
                            "{target} ({target_unit}). Restoring it replaces the data of {target_unit} by "
                            "that of {source_unit}.")
    raise OtherFileError(message.format(source=source, source_unit=source_unit, target=target,
                                        target_unit=target_unit), source_unit, target_unit)


# --- bringing a copy back --------------------------------------------------------------------------


def _not_held(path: Path) -> None:
    """A file another program has open is never replaced under it (its writes would go astray)."""
    holder = holders.describe(path)
    if holder:
        raise BackupError(translate("Backup", "{path} is open in {holder}; close it there first. Nothing was "
                                    "restored.").format(path=path, holder=holder))


def restore(source: Path, folder: Path | None = None, other_file_ok: bool = False) -> Restored:
    """Replace the open data with ``source``, after keeping the data as it was; upgrade if older."""
    from models import db

    source = Path(source)
    current = backup.current_file()
    if source.resolve() == current.resolve():
        raise BackupError(translate("Backup", "{path} is the data file itself.").format(path=source))
    check(source)
    _not_held(current)
    owner, unit = identity.file_id(), identity.current_unit_name()
    _check_owner(source, current, owner, unit, other_file_ok)
    folder = folder if folder is not None else paths.backups_dir()
    key = getattr(r.database, "key", None)  # an encrypted file stays under its key, password and code
    kept = _set_aside(current, folder, owner, unit)
    try:
        if key:
            crypt.copy_key_file(kept, current)
        put_in_place(source, current, owner, key)
    except (OSError, driver.Error) as error:
        _bring_back(kept, current)
        db.open_database(current, folder)
        if isinstance(error, OSError):  # a full disk, a folder closed to writing: in the user's words
            raise BackupError(translate(
                "Backup", "Restoring {path} failed. {reason} The data as it was is also kept at "
                          "{kept}.").format(path=source, reason=files.write_error_text(current, error),
                                            kept=kept)) from error
        raise BackupError(translate(
            "Backup", "Restoring {path} failed ({error}); the data as it was is kept at {kept}.").format(
            path=source, error=error, kept=kept)) from error
    db.open_database(current, folder)  # runs the upgrades a copy from an older version needs
    return Restored(source, kept)


def _set_aside(current: Path, folder: Path, owner: str, unit: str) -> Path:
    """The open data file moved (on another disk: copied) into the backups folder as a
    before-restore copy; the database is closed afterwards."""
    from models import db

    target = backup.backup_path(folder, current.stem, "before-restore", dt.datetime.now())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        r.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        if _other_disk(current, folder):
            backup.write_copy(target)
            db.close_database()
        else:
            db.close_database()
            _move_with_sides(current, target)
    except (OSError, driver.Error) as error:
        if r.database.is_closed() and not current.exists() and target.exists():
            _move_with_sides(target, current)
        raise BackupError(translate(
            "Backup", "No copy of the current data could be kept in {folder} ({error}); nothing was "
            "restored.").format(folder=folder, error=error)) from error
    backup_marks.write(target, owner, unit)
    return target


def _other_disk(path: Path, folder: Path) -> bool:
    try:
        return path.stat().st_dev != folder.stat().st_dev
    except OSError:
        return True


def _move_with_sides(path: Path, target: Path) -> None:
    """A data file and its -wal/-shm and key file moved together (a rename: the same disk)."""
    for suffix in ("", "-wal", "-shm", crypt.KEY_SUFFIX):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))


def _bring_back(kept: Path, current: Path) -> None:
    """A restore that failed half-way: the data file as it was, where it was."""
    if not current.exists() and kept.exists():
        if _other_disk(kept, current.parent):
            shutil.copyfile(kept, current)
            if crypt.has_key_file(kept):
                crypt.copy_key_file(kept, current)
        else:
            _move_with_sides(kept, current)


def put_in_place(source: Path, target: Path, owner: str | None, target_key: bytes | None = None) -> None:
    """The one way a copy becomes the data file at ``target`` (which keeps its identity ``owner``).

    An encrypted target whose key is ``target_key`` keeps its key (and so its password and recovery
    code): a copy under another key, or a plain one, is encrypted with it on the way. Else the copy
    comes with its own key file (or none).
    """
    source_key = sqlite.key_of(source)
    partial = files.temporary_beside(target)
    try:
        if target_key and source_key != target_key:
            _copy_encrypted(source, source_key, partial, target_key)
        else:
            shutil.copyfile(source, partial)
        key = target_key or source_key
        if owner:
            _stamp(partial, owner, target, key)
        files.flush_to_disk(partial)
        for suffix in ("-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        if not target_key:
            _key_file_of(source, target, source_key)
        os.replace(partial, target)
    finally:
        files.discard(partial)


def _copy_encrypted(source: Path, source_key: bytes | None, partial: Path, key: bytes) -> None:
    """``source`` (plain, or under another key) copied page by page into ``partial`` under ``key``."""
    reading = sqlite.connect(source, "ro", key=source_key or b"")
    try:
        writing = sqlite.connect(partial, key=key)
        try:
            reading.backup(writing)
            writing.execute("PRAGMA journal_mode = DELETE")
        finally:
            writing.close()
    finally:
        reading.close()


def _key_file_of(source: Path, target: Path, source_key: bytes | None) -> None:
    if source_key:
        crypt.copy_key_file(source, target)
    else:
        crypt.remove_key_file(target)


def _stamp(path: Path, owner: str, place: Path, key: bytes | None) -> None:
    """The restored data is the target's data file still: its identity and place written in."""
    connection = sqlite.connect(path, key=key or b"")
    try:
        # A temporary copy, flushed to the disk right after: no journal, no flush of SQLite's own.
        connection.execute("PRAGMA journal_mode = MEMORY")
        connection.execute("PRAGMA synchronous = OFF")
        identity.stamp(connection, owner, place)
        connection.commit()
    finally:
        connection.close()


def replace_damaged(path: Path, source: Path, other_file_ok: bool = False, now: dt.datetime | None = None
                    ) -> Path:
    """Put a good copy in place of a damaged data file (not open); the damaged one is kept, renamed."""
    path, source = Path(path), Path(source)
    check(source)
    _not_held(path)
    owner, unit = owner_of(path)
    _check_owner(source, path, owner, unit, other_file_ok)
    stamp = (now or dt.datetime.now()).strftime(_STAMP)
    damaged = path.with_name(f"{path.name}.damaged-{stamp}")
    key = _unlocked_key(path)
    try:
        if path.exists():
            _move_with_sides(path, damaged)
        if key:
            crypt.copy_key_file(damaged, path)
        put_in_place(source, path, owner, key)
    except OSError as error:
        raise BackupError(translate("Backup", "{path} could not be replaced by {source}: {error}").format(
            path=path, source=source, error=error)) from error
    return damaged


def _unlocked_key(path: Path) -> bytes | None:
    """The key of an encrypted (damaged) data file, if it was unlocked here; None else."""
    try:
        return sqlite.key_of(path) if path.is_file() else None
    except driver.Error:
        return None
