"""Copies of the data file: automatic and on request, listed by whose they are.

The laptop often holds the office's only copy. Copies are made with SQLite's
backup API (``write_copy``, the one way a copy is made), so they are consistent
even while the program writes; each is one self-contained file named
``{stem}-{YYYYmmdd-HHMMSS}-{reason}.db`` in the backups folder, so that a person
browsing the folder can read what it is, with a mark beside it saying whose it
is (``models.backup_marks``): the identity of the data file it copies and its
unit's name. Backups are listed, kept and offered by that identity, never by the
file's name — two files both called ``taizhangtong.db`` keep apart. Bringing a
copy back is ``models.restore``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from models import backup_marks, crypt, files, identity, paths, sqlite
from models import records as r
from models.i18n import QT_TRANSLATE_NOOP, translate
from models.sqlite import driver

AUTOMATIC = ("daily", "close")
KEPT = ("manual", "before-restore", "before-upgrade")
REASONS = AUTOMATIC + KEPT
KEEP_KEPT_DAYS = 30

REASON_LABELS = {
    "daily": QT_TRANSLATE_NOOP("Backup", "daily"),
    "close": QT_TRANSLATE_NOOP("Backup", "on closing"),
    "manual": QT_TRANSLATE_NOOP("Backup", "made by hand"),
    "before-restore": QT_TRANSLATE_NOOP("Backup", "before a restore"),
    "before-upgrade": QT_TRANSLATE_NOOP("Backup", "before an upgrade"),
}

_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>" + "|".join(REASONS)
                   + r")(?:-(?P<serial>\d+))?\.db$")
# Copies made before an upgrade (by models.db), named with the version they were at.
_OLD_UPGRADE_NAME = re.compile(r"^(?P<stem>.+)-v\d+-before-upgrade-(?P<stamp>\d{8}-\d{6})\.db$")

# The kinds of record a preview counts, in the order it shows them.
PREVIEW_KINDS: tuple[type[r.BaseModel], ...] = (
    r.Village, r.Household, r.Person, r.Session, r.Writing, r.Visit, r.Suggestion,
    r.Rectification, r.Publicity)


class BackupError(Exception):
    """A copy could not be made, read or brought back; the message names the file and why."""


class PasswordNeeded(BackupError):
    """The copy is encrypted with a key this program has not unlocked: the password it was made under
    (or its recovery code) opens it (``unlock``)."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


def need_key(path: Path) -> None:
    """PasswordNeeded unless ``path`` is plain or its key was unlocked here."""
    if not path.is_file() or sqlite.is_sqlite_file(path):
        return
    try:
        crypt.key_for(path)
    except crypt.Locked:
        raise PasswordNeeded(translate(
            "Backup", "{path} is encrypted with a password this data file does not have now (a password "
            "used before it was changed, or another data file's): give that password, or the recovery code "
            "of then.").format(path=path), path) from None
    except crypt.KeyFileError as error:
        raise BackupError(str(error)) from None


def unlock(path: Path, secret: str) -> None:
    """The key of the encrypted copy at ``path`` unlocked by ``secret``; BackupError when it does not."""
    try:
        crypt.unlock(path, secret)
    except crypt.KeyFileError as error:
        raise BackupError(str(error)) from None


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    reason: str
    size: int
    stem: str
    owner: str | None = None  # the identity of the data file it is a copy of (None: it cannot say)
    unit: str = ""  # the name of the unit whose data it holds
    checked: bool = False  # found sound by integrity_check, and unchanged since

    @property
    def automatic(self) -> bool:
        return self.reason in AUTOMATIC

    def reason_label(self) -> str:
        return translate("Backup", REASON_LABELS[self.reason])


@dataclass(frozen=True)
class KindCount:
    model: type[r.BaseModel]
    count: int
    newest: dt.datetime | None  # the last change of a record of this kind, local time


@dataclass(frozen=True)
class Preview:
    path: Path
    version: int
    kinds: tuple[KindCount, ...]

    def count(self, model: type[r.BaseModel]) -> int:
        return next((kind.count for kind in self.kinds if kind.model is model), 0)


# --- names ---------------------------------------------------------------------------------


def backup_path(folder: Path, stem: str, reason: str, when: dt.datetime) -> Path:
    """A name not yet taken: two copies in the same second must not overwrite each other."""
    base = f"{stem}-{when.strftime(_STAMP)}-{reason}"
    candidate = folder / f"{base}.db"
    serial = 2
    while candidate.exists():
        candidate = folder / f"{base}-{serial}.db"
        serial += 1
    return candidate


def parse_name(path: Path) -> BackupInfo | None:
    """What a backup's name and mark say about it; None for a file that is not a backup."""
    match = _NAME.match(path.name)
    reason = match["reason"] if match else "before-upgrade"
    match = match or _OLD_UPGRADE_NAME.match(path.name)
    if match is None:
        return None
    try:
        taken_at = dt.datetime.strptime(match["stamp"], _STAMP)
        size = path.stat().st_size
        mark = backup_marks.read(path)
    except (ValueError, OSError):
        return None
    return BackupInfo(path, taken_at, reason, size, match["stem"], mark.identity, mark.unit, mark.checked)


def list_backups(folder: Path | None = None, owner: str | None = None) -> list[BackupInfo]:
    """The backups in the folder (of the data file whose identity is ``owner``, if given), newest first."""
    folder = folder if folder is not None else paths.backups_dir()
    try:
        entries = [entry for entry in folder.iterdir() if entry.suffix == ".db"]
    except OSError:
        return []
    infos = [info for info in map(parse_name, entries)
             if info is not None and (owner is None or info.owner == owner)]
    infos.sort(key=lambda info: (info.taken_at, info.path.name), reverse=True)
    return infos


# --- making copies ---------------------------------------------------------------------------


def current_file() -> Path:
    """The data file that is open."""
    if not r.database.database:
        raise BackupError(translate("Backup", "No data file is open."))
    return Path(r.database.database)


def write_copy(target: Path) -> None:
    """A consistent copy of the open data file at ``target``: the one way a copy is made. A copy of an
    encrypted file is encrypted with the same key, its key file beside it."""
    source = current_file()
    encrypted = bool(getattr(r.database, "key", None))
    if encrypted:
        crypt.copy_key_file(source, target)
    else:
        crypt.remove_key_file(target)
    try:
        sqlite.backup_to(r.database, target)
    except BaseException:
        if encrypted and not target.exists():
            crypt.remove_key_file(target)
        raise


def make_backup(reason: str, folder: Path | None = None, now: dt.datetime | None = None) -> Path:
    """A consistent copy of the open data file in the backups folder, marked as its own."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    folder = folder if folder is not None else paths.backups_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _sweep(folder)
    except OSError as error:
        raise _folder_error(folder, error) from error
    target = backup_path(folder, current_file().stem, reason, now or dt.datetime.now())
    try:
        write_copy(target)
    except (OSError, driver.Error) as error:
        raise _folder_error(folder, error) from error
    backup_marks.write(target, identity.file_id(), identity.current_unit_name())
    return target


def _sweep(folder: Path) -> None:
    """Copies cut short by a kill: this program's temporary files, and the ``.part`` of older versions."""
    files.sweep(folder)
    stale = dt.datetime.now().timestamp() - 3600
    for leftover in folder.glob("*.db.part"):
        try:
            if leftover.stat().st_mtime < stale:
                leftover.unlink()
        except OSError:
            continue


def _folder_error(folder: Path, error: Exception) -> BackupError:
    return BackupError(translate(
        "Backup", "No backup could be written to the backups folder {folder}: {error}. Check that the "
        "folder can be written to and the disk is not full.").format(folder=folder, error=error))


def backup_to_file(target: Path) -> Path:
    """备份到…: a copy anywhere (a USB stick), written under a temporary name and then renamed.

    The copy is checked (``integrity_check``) before it is left there: a copy of a
    damaged file is no backup, and is not written.
    """
    target = Path(target)
    try:
        if target.exists() and target.resolve() == current_file().resolve():
            raise BackupError(translate("Backup", "{path} is the data file itself; choose another name.")
                              .format(path=target))
        if target.is_dir():
            raise BackupError(translate("Backup", "{path} is a folder; choose a file name.").format(
                path=target))
        files.check_target(target)
        write_copy(target)
        _refuse_damaged(target)
    except files.TargetError as error:
        raise BackupError(str(error)) from None
    except OSError as error:
        raise BackupError(files.write_error_text(target, error)) from error
    except driver.Error as error:
        if files.is_full(error):  # said as for any other file
            raise BackupError(files.write_error_text(target, error)) from error
        raise BackupError(translate("Backup", "The backup {path} could not be written: {error}").format(
            path=target, error=error)) from error
    return target


def _refuse_damaged(copy: Path) -> None:
    from models import health

    problems = health.full_check(copy)
    if problems:
        copy.unlink(missing_ok=True)
        crypt.remove_key_file(copy)
        raise BackupError(translate("Backup", "{path} is damaged ({problem}); no backup of it was "
                                    "written.").format(path=current_file(), problem="; ".join(problems[:3])))


def due_today(folder: Path | None = None, now: dt.datetime | None = None) -> bool:
    """True when the open data file has no automatic backup from today yet."""
    today = (now or dt.datetime.now()).date()
    return not any(info.automatic and info.taken_at.date() == today
                   for info in list_backups(folder, identity.file_id()))


def rotate(keep_daily: int = 7, keep_weekly: int = 8, folder: Path | None = None,
           now: dt.datetime | None = None) -> list[Path]:
    """Delete the automatic copies of the open data file no longer needed; returns them.

    Kept: the newest copy of each of the ``keep_daily`` latest days that have
    copies, and of each of the ``keep_weekly`` latest ISO weeks. Copies made by
    hand or before a restore or an upgrade stay for 30 days whatever their number.
    """
    now = now or dt.datetime.now()
    infos = list_backups(folder, identity.file_id())
    keep = _newest_of_each(infos, lambda info: info.taken_at.date(), keep_daily)
    keep |= _newest_of_each(infos, lambda info: info.taken_at.isocalendar()[:2], keep_weekly)
    removed = []
    for info in infos:
        young = now - info.taken_at < dt.timedelta(days=KEEP_KEPT_DAYS)
        if (info.automatic and info.path in keep) or (not info.automatic and young):
            continue
        try:
            info.path.unlink()
        except OSError:
            continue  # tried again at the next rotation
        backup_marks.remove(info.path)
        removed.append(info.path)
    return removed


def _newest_of_each(infos: list[BackupInfo], period, count: int) -> set[Path]:
    """The newest automatic copy in each of the ``count`` latest periods (infos are newest first)."""
    chosen: dict[object, Path] = {}
    for info in infos:
        if not info.automatic:
            continue
        key = period(info)
        if key not in chosen:
            if len(chosen) == count:
                break
            chosen[key] = info.path
    return set(chosen.values())


# --- what a copy holds ---------------------------------------------------------------------------


def preview(path: Path) -> Preview:
    """The counts of each kind of record in a copy, read without changing it."""
    path = Path(path)
    need_key(path)
    try:
        connection = sqlite.open_readonly(path)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            return Preview(path, version, count_records(connection))
        finally:
            connection.close()
    except driver.Error as error:
        raise BackupError(translate("Backup", "{path} cannot be read: {error}").format(
            path=path, error=error)) from error


def current_preview() -> Preview:
    """The same counts for the data that is open now."""
    connection = r.database.connection()
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    return Preview(current_file(), version, count_records(connection))


def count_records(connection: driver.Connection) -> tuple[KindCount, ...]:
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    kinds = []
    for model in PREVIEW_KINDS:
        table = model._meta.table_name
        if table not in tables:
            kinds.append(KindCount(model, 0, None))
            continue
        count, newest = connection.execute(
            f'SELECT count(*), max(updated_at) FROM "{table}" WHERE deleted_at IS NULL').fetchone()
        kinds.append(KindCount(model, count, _local(newest)))
    return tuple(kinds)


def _local(stored: str | None) -> dt.datetime | None:
    """A stored UTC time as the laptop's local time."""
    if not stored:
        return None
    try:
        moment = dt.datetime.fromisoformat(stored)
    except ValueError:
        return None
    return moment.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
