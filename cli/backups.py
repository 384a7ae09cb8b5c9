"""backup and restore: a consistent copy out, a copy back in with the data as it was kept."""

from __future__ import annotations

import argparse

from cli.common import CommandError, data_file, fail
from models.i18n import translate


def write_backup(args: argparse.Namespace) -> int:
    from models import backup, db

    try:
        with data_file(args.db):
            written = backup.backup_to_file(args.out)
    except (CommandError, backup.BackupError, db.DatabaseOpenError, OSError) as error:
        return fail(error)
    print(translate("Cli", "Wrote {path}.").format(path=written))
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    """Restore without a question, but the data as it was is kept and its place printed."""
    from models import backup, db

    try:
        backup.check(args.source)
        kept = _restore(args)
    except (backup.BackupError, db.DatabaseOpenError, OSError) as error:
        return fail(error)
    finally:
        db.close_database()
    print(translate("Cli", "Restored {source} into {path}.").format(source=args.source, path=args.db), kept)
    return 0


def _restore(args: argparse.Namespace) -> str:
    """Put the backup in place; the sentence says where the data file as it was is kept."""
    from models import backup, db

    try:
        db.open_database(args.db)
    except db.DatabaseDamagedError:
        damaged = backup.replace_damaged(args.db, args.source)
        db.open_database(args.db)  # upgrades a copy from an older version
        return translate("Cli", "The damaged file is kept as {path}.").format(path=damaged)
    return translate("Cli", "The data as it was before is kept at {path}.").format(
        path=backup.restore(args.source).kept)
