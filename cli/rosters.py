"""import xlsx: a roster of households or persons; the columns mapped by name, all good rows or none."""

from __future__ import annotations

import argparse
import sys

from cli.common import CommandError, data_file, fail
from models.i18n import translate


def import_roster(args: argparse.Namespace) -> int:
    from exporters import rosters
    from models import db

    try:
        with data_file(args.db):
            result = _import(args)
    except (CommandError, rosters.RosterError, db.DatabaseOpenError) as error:
        return fail(error)
    _print_bad_rows(result.bad_rows)
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
    try:
        return rosters.import_rows(table, kind, mapping, args.village, skip_bad=args.skip_bad)
    except rosters.BadRowsError as error:
        _print_bad_rows(error.preview.bad_rows())
        raise CommandError(translate(
            "Cli", "{path}: {n} of {total} rows have problems; nothing was imported. Correct "
            "them, or use --skip-bad to import the good rows.").format(
            path=args.file, n=error.preview.bad, total=len(error.preview.rows))) from None


def _print_bad_rows(bad) -> None:
    for check in bad:
        print(translate("Cli", "Row {row}: {problems}").format(
            row=check.row, problems="；".join(check.problems)), file=sys.stderr)
