"""import roster (or xlsx, xls, et, ods, csv): households or persons, columns mapped by name,
all good rows or none.

The file is read by its content, whatever its name; rows that are no roster
rows (totals, notes) are named and left out, rows imported with a field left
empty are listed as warnings, bad rows as errors.
"""

from __future__ import annotations

import argparse
import sys

from cli.common import CommandError, data_file, fail, regular_file, unit_village_named
from models.i18n import QT_TRANSLATE_NOOP, translate

BAD_ROW = QT_TRANSLATE_NOOP("Cli", "Row {row}: {problems}")
WARNED_ROW = QT_TRANSLATE_NOOP("Cli", "Row {row} (imported): {problems}")


def import_roster(args: argparse.Namespace) -> int:
    from exporters import rosters
    from models import db

    try:
        regular_file(args.file)  # a pipe or a device would keep the reader waiting for ever
        with data_file(args.db, writes=True):
            print(translate("Cli", "Importing {path}: {db} is held until the import has finished.").format(
                path=args.file, db=args.db))
            result = _import(args)
    except (CommandError, rosters.RosterError, db.DatabaseOpenError) as error:
        return fail(error)
    _print_rows(result.bad_rows, BAD_ROW, "problems")
    _print_rows(result.warned_rows, WARNED_ROW, "warnings")
    print(translate("Cli", "Imported {n} rows from {path} ({skipped} bad rows skipped).").format(
        n=result.imported, path=args.file, skipped=result.skipped))
    if result.groups_created:
        print(translate("Cli", "New villagers' groups: {groups}").format(
            groups="、".join(result.groups_created)))
    return 0


def _import(args: argparse.Namespace):
    """The import itself: the columns mapped from their names, then all good rows or none."""
    from exporters import rosters

    table = rosters.read_table(args.file, args.sheet)
    kind = args.kind or rosters.guess_kind(table.headers)
    mapping = rosters.propose_mapping(table.headers, kind)
    missing = rosters.missing_fields(kind, mapping)
    if missing:
        raise CommandError(translate(
            "Cli", "{path}: no column for {fields} in the header (row {row}).").format(
            path=args.file, fields="、".join(missing), row=table.header_row))
    for index, name in mapping.items():
        print(f"{rosters.column_name(table, index)} → {rosters.label(kind, name)}")
    for row, why in table.left_out:
        print(translate("Cli", "Row {row} left out: {why}").format(row=row, why=why))
    try:
        return rosters.import_rows(table, kind, mapping, args.village, skip_bad=args.skip_bad)
    except rosters.BadRowsError as error:
        _print_rows(error.preview.bad_rows(), BAD_ROW, "problems")
        raise CommandError(translate(
            "Cli", "{path}: {n} of {total} rows have problems; nothing was imported. Correct "
            "them, or use --skip-bad to import the good rows.").format(
            path=args.file, n=error.preview.bad, total=len(error.preview.rows))) from None


def _print_rows(checks, text: str, what: str) -> None:
    for check in checks:
        print(translate("Cli", text).format(row=check.row, problems="；".join(getattr(check, what))),
              file=sys.stderr)


def export_roster(args: argparse.Namespace) -> int:
    """export roster: the households (of --village) or the persons, as a roster the import reads again."""
    from exporters import ExportError
    from exporters.rosters.writing import write_roster
    from models import db

    kind = args.kind or "households"
    try:
        if kind not in ("households", "persons"):
            raise CommandError(translate("Cli", "export roster: --kind is households or persons."))
        with data_file(args.db):
            village = unit_village_named(args.village) if args.village else None
            path = write_roster(args.out, kind, village.id if village else None, args.full_id)
    except (CommandError, ExportError, db.DatabaseOpenError, OSError) as error:
        return fail(error)
    print(translate("Cli", "Wrote {path}.").format(path=path))
    return 0
