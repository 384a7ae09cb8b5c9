"""backup and restore: a consistent copy out, a copy back in with the data as it was kept.

``restore`` checks the copy first; a copy of another data file (another unit's)
is restored only with ``--other-file``, and the refusal names both units. A
damaged data file — its header too — is replaced and kept beside, renamed.
"""

from __future__ import annotations

import argparse

from cli.common import CommandError, data_file, fail, password, regular_file
from models.i18n import translate


def write_backup(args: argparse.Namespace) -> int:
    from models import backup, db

    try:
        with data_file(args.db):
            written = backup.backup_to_file(args.out)
    except (CommandError, backup.BackupError, db.DatabaseOpenError) as error:
        return fail(error)
    print(translate("Cli", "Wrote {path}.").format(path=written))
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    """Restore without a question, but the data as it was is kept and its place printed."""
    from cli.program import PROGRAM
    from models import backup, db, holders

    try:
        regular_file(args.source)
        with holders.holding(args.db, f"{PROGRAM} restore"):
            kept = _restore(args)
    except (CommandError, backup.BackupError, db.DatabaseOpenError) as error:
        return fail(_with_hint(error))
    finally:
        db.close_database()
    print(translate("Cli", "Restored {source} into {path}.").format(source=args.source, path=args.db), kept)
    return 0


BACKUP_PASSWORD_VARIABLE = "TAIZHANGTONG_BACKUP_PASSWORD"


def _unlock_backup(args: argparse.Namespace) -> None:
    """An encrypted backup's key, unlocked by the password it was made under (``--backup-password-file``
    or TAIZHANGTONG_BACKUP_PASSWORD) or by the data file's; the check that follows says when neither."""
    from models import crypt, protection

    if not protection.is_encrypted_file(args.source):
        return
    for secret in (password(args.backup_password_file, BACKUP_PASSWORD_VARIABLE), password()):
        if not secret:
            continue
        try:
            crypt.unlock(args.source, secret)
            return
        except crypt.KeyFileError:
            continue


def _with_hint(error: Exception) -> str:
    from models import backup, restore

    if isinstance(error, backup.PasswordNeeded):
        hint = translate("Cli", "Give it with --backup-password-file or {variable}.")
        return str(error) + " " + hint.format(variable=BACKUP_PASSWORD_VARIABLE)
    if isinstance(error, restore.OtherFileError):
        return str(error) + " " + translate("Cli", "To restore it all the same, run again with --other-file.")
    return str(error)


def _restore(args: argparse.Namespace) -> str:
    """Put the backup in place; the sentence says where the data file as it was is kept."""
    from models import db, restore

    secret = password()
    _unlock_backup(args)
    if not args.db.exists() or (args.db.is_file() and args.db.stat().st_size == 0):
        restore.check(args.source)
        regular_file(args.source)
        restore.put_in_place(args.source, args.db, None)  # nothing there to keep
        db.open_database(args.db)
        return translate("Cli", "There was no data file there before.")
    regular_file(args.db)
    try:
        db.open_database(args.db, settle=False, password=secret)
    except db.DatabaseDamagedError:  # its first page: it cannot even be opened
        damaged = restore.replace_damaged(args.db, args.source, other_file_ok=args.other_file)
        db.open_database(args.db)  # upgrades a copy from an older version
        return translate("Cli", "The damaged file is kept as {path}.").format(path=damaged)
    result = restore.restore(args.source, other_file_ok=args.other_file)
    return translate("Cli", "The data as it was before is kept at {path}.").format(path=result.kept)
