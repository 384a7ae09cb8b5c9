"""package export | import | conflicts | resolve: records carried between laptops, merged by version.

An import prints what it would do; deletions and large changes are applied only
with ``--yes``. Conflicts (the same field changed on both laptops, an edit
against a delete) are kept in the data file and printed, one line a field, until
``package resolve`` decides them (or ``--prefer`` decides those of the import).
Packages are encrypted under the exchange passphrase: ``--passphrase-file``, else
``$TAIZHANGTONG_PASSPHRASE``, else the one kept in the data file's settings.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from cli.common import CommandError, data_file, fail, regular_file, unit_village_named
from models.i18n import translate

DELETIONS_SHOWN = 20
PASSPHRASE_VARIABLE = "TAIZHANGTONG_PASSPHRASE"


def passphrase_of(args: argparse.Namespace) -> str | None:
    """The exchange passphrase: from --passphrase-file, else $TAIZHANGTONG_PASSPHRASE, else None (the
    one kept in the data file's settings)."""
    if getattr(args, "passphrase_file", None) is not None:
        return _first_line(args.passphrase_file)
    return os.environ.get(PASSPHRASE_VARIABLE) or None


def _first_line(path: Path) -> str:
    """The first line of the passphrase file that is not blank (UTF-8, else GB 18030)."""
    try:
        with regular_file(path).open("rb") as handle:
            data = handle.read(4096)
    except OSError as error:
        raise CommandError(translate("Cli", "{path} cannot be read: {error}").format(
            path=path, error=error.strerror or error)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise CommandError(translate("Cli", "{path} holds no exchange passphrase (it is empty).").format(
            path=path))
    return lines[0]


def _no_passphrase() -> str:
    return translate("Cli", "No exchange passphrase: give --passphrase-file FILE or set {variable}, or keep "
                     "it in the window under Settings → Data exchange. Nothing was written.").format(
        variable=PASSPHRASE_VARIABLE)


def export_package(args: argparse.Namespace) -> int:
    from models import db, packages

    try:
        with data_file(args.db, writes=True):
            villages = [unit_village_named(name).id for name in args.village] if args.village else None
            manifest = packages.export_package(args.out, villages=villages, date_from=args.date_from,
                                               date_to=args.date_to, passphrase=passphrase_of(args))
    except packages.NoPassphrase:
        return fail(_no_passphrase())
    except (CommandError, packages.PackageError, db.DatabaseOpenError) as error:
        return fail(error)
    records = sum(manifest.counts.values()) - manifest.counts.get("visit_visitor", 0) - manifest.counts.get(
        "base", 0)
    print(translate("Cli", "Wrote {path}: {n} records of {unit}.").format(
        path=args.out, n=records, unit=manifest.unit_name))
    return 0


def import_package(args: argparse.Namespace) -> int:
    """Merge a package: the plan said first, deletions and large changes only with --yes."""
    from models import db, packages

    try:
        with data_file(args.db, writes=True):
            print(translate("Cli", "Importing {path}: {db} is held until the import has finished.").format(
                path=args.source, db=args.db))
            plan = packages.plan_import(packages.read_package(args.source, passphrase_of(args)))
            _say_plan(plan)
            if plan.needs_confirmation and not args.yes:
                raise CommandError(translate(
                    "Cli", "{path} would change {updated} records here, {deleted} of them moved to the "
                    "recycle bin; nothing was changed. Check the list above and run again with --yes to "
                    "apply it.").format(path=args.source, deleted=plan.deleted, updated=plan.updated))
            choices = {c.id: args.prefer for c in plan.conflicts} if args.prefer else {}
            result = packages.apply_import(plan, choices)
            waiting = packages.pending()
    except packages.NoPassphrase:
        return fail(_no_passphrase())
    except (CommandError, packages.PackageError, db.DatabaseOpenError) as error:
        return fail(error)
    print(translate("Cli", "Imported {path}: {added} added, {updated} updated, {deleted} deleted, "
                    "{conflicts} conflicts kept for a decision ({decided} decided now), "
                    "{duplicates} possible duplicates.").format(
        path=args.source, added=result.added, updated=result.updated, deleted=result.deleted,
        conflicts=result.conflicts, decided=result.decided, duplicates=result.duplicates))
    for duplicate in plan.duplicates:
        print(translate("Cli", "Possible duplicate: {text}").format(text=duplicate.text))
    _print_pending(waiting, args.db)
    return 0


def _say_plan(plan) -> None:
    from models.packages import describing

    manifest = plan.package.manifest
    print(translate("Cli", "{path}: records of {unit}, written {when} (UTC). It would add {added}, change "
                    "{updated} and move {deleted} to the recycle bin; {conflicts} records were changed on "
                    "both sides.").format(
        path=plan.package.path, unit=manifest.unit_name, when=manifest.created_at[:16], added=plan.added,
        updated=plan.updated, deleted=plan.deleted, conflicts=len(plan.conflicts)))
    for model, key in plan.deletions[:DELETIONS_SHOWN]:
        print(translate("Cli", "To the recycle bin: {record}").format(
            record=describing.record_text(model, key)))
    if plan.deleted > DELETIONS_SHOWN:
        print(translate("Cli", "… and {n} more.").format(n=plan.deleted - DELETIONS_SHOWN))


def _print_pending(waiting, db_path) -> None:
    from models.packages import describing

    for item in waiting:
        for line in describing.conflict_lines(item.model, item.id, item.local(), item.incoming, item.fields):
            print(translate("Cli", "Conflict {key}: {text}").format(key=item.id, text=line))
    if waiting:
        from cli.program import PROGRAM

        print(translate("Cli", "Decide with: {program} package resolve --db {path} --keep "
                        "local|incoming [--record KEY …]").format(program=PROGRAM, path=db_path))


def list_conflicts(args: argparse.Namespace) -> int:
    from models import db, packages

    try:
        with data_file(args.db):
            waiting = packages.pending()
            if not waiting:
                print(translate("Cli", "No conflicts are waiting for a decision."))
            _print_pending(waiting, args.db)
    except (CommandError, db.DatabaseOpenError) as error:
        return fail(error)
    return 0


def resolve_conflicts(args: argparse.Namespace) -> int:
    """Decide the conflicts (all of them, or those of --record): this laptop's values or the package's."""
    from models import db, packages

    try:
        with data_file(args.db, writes=True):
            waiting = packages.pending()
            chosen = _chosen(waiting, args.record)
            for item in chosen:
                packages.decide(item, args.keep)
    except (CommandError, packages.PackageError, db.DatabaseOpenError) as error:
        return fail(error)
    print(translate("Cli", "Decided {n} conflicts ({side}); {left} are still waiting.").format(
        n=len(chosen), side=args.keep, left=len(waiting) - len(chosen)))
    return 0


def _chosen(waiting, keys: list[str] | None):
    if not keys:
        return waiting
    wanted = {key.strip().lower().replace("-", "") for key in keys}
    chosen = [item for item in waiting if item.id.hex in wanted]
    unknown = wanted - {item.id.hex for item in chosen}
    if unknown:
        raise CommandError(translate("Cli", "No conflict waits for the record {keys}.").format(
            keys="、".join(sorted(unknown))))
    return chosen

