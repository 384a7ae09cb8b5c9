"""package export | import: records carried between laptops, merged by UUID."""

from __future__ import annotations

import argparse

from cli.common import CommandError, data_file, fail, unit_village_named
from models.i18n import translate


def export_package(args: argparse.Namespace) -> int:
    from models import db, packages

    try:
        with data_file(args.db):
            villages = [unit_village_named(name).id for name in args.village] if args.village else None
            manifest = packages.export_package(args.out, villages=villages, date_from=args.date_from,
                                               date_to=args.date_to)
    except (CommandError, packages.PackageError, db.DatabaseOpenError, OSError) as error:
        return fail(error)
    records = sum(manifest.counts.values()) - manifest.counts.get("visit_visitor", 0)
    print(translate("Cli", "Wrote {path}: {n} records.").format(path=args.out, n=records))
    return 0


def import_package(args: argparse.Namespace) -> int:
    """Merge a package; where both sides changed a record, --prefer decides for all of them."""
    from models import db, packages

    try:
        with data_file(args.db):
            plan = packages.plan_import(packages.read_package(args.source))
            result = packages.apply_import(plan, {c.id: args.prefer for c in plan.conflicts})
    except (CommandError, packages.PackageError, db.DatabaseOpenError, OSError) as error:
        return fail(error)
    print(translate("Cli", "Imported {path}: {added} added, {updated} updated, {deleted} deleted, "
                    "{conflicts} conflicts ({incoming} resolved with the package's version), "
                    "{duplicates} possible duplicates.").format(
        path=args.source, added=result.added, updated=result.updated, deleted=result.deleted,
        conflicts=result.conflicts, incoming=result.incoming_chosen, duplicates=result.duplicates))
    for duplicate in plan.duplicates:
        print(translate("Cli", "Possible duplicate: {text}").format(text=duplicate.text))
    return 0
