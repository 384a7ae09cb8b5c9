"""台账通: start the window, or run one command of the command line.

    python main.py [--db FILE] [--lang zh_CN|en]
    python main.py demo --db FILE [--size village|township|county]
    python main.py export xlsx --db FILE --out FILE [--from DATE] [--to DATE] [--campaign NAME]
                               [--village NAME] [--full-id]
    python main.py export docx --db FILE --out FILE [--kind summary|minutes|rectification]
                               [--session ID] [--from DATE] [--to DATE] [--campaign NAME]
    python main.py backup --db FILE --out FILE
    python main.py restore --db FILE BACKUP
    python main.py import xlsx --db FILE [--kind households|persons] [--sheet NAME] [--village NAME]
                               [--skip-bad] FILE
    python main.py package export --db FILE --out FILE [--village NAME ...] [--from DATE] [--to DATE]
    python main.py package import --db FILE [--prefer local|incoming] PACKAGE
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from models import i18n, paths
from models.i18n import translate


class ArgumentError(Exception):
    pass


class CommandError(Exception):
    """A command cannot go on; the message says why."""


def _fail(message) -> int:
    print(translate("Cli", "Error: {message}").format(message=message), file=sys.stderr)
    return 1


@contextmanager
def _data_file(path: Path) -> Iterator[None]:
    """The command's data file, open while the command runs; it must exist already."""
    from models import db

    if not path.is_file():
        raise CommandError(translate("Cli", "{path} does not exist.").format(path=path))
    db.open_database(path)
    try:
        yield
    finally:
        db.close_database()


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line and exit status 1, never a usage dump."""

    def error(self, message: str):
        raise ArgumentError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python main.py",
        description=translate("Cli", "台账通: the ledgers of a campaign, recorded once."),
        epilog=translate("Cli", "Without a command the application window opens."))
    parser.add_argument("--db", type=Path, metavar="FILE",
                        help=translate("Cli", "the data file (default: {path})").format(
                            path=paths.default_database()))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=i18n.DEFAULT_LANGUAGE,
                        help=translate("Cli", "language of the window and messages"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    demo = commands.add_parser(
        "demo", help=translate("Cli", "write a new data file filled with realistic records"))
    demo.add_argument("--db", type=Path, metavar="FILE", required=True,
                      help=translate("Cli", "the new data file"))
    demo.add_argument("--size", choices=("village", "township", "county"), default="township",
                      help=translate("Cli", "village: small; township: 24 villages, 12,000 "
                                     "households; county: 20 townships, a million visits"))
    add_import_command(commands)
    add_export_command(commands)
    add_backup_commands(commands)
    add_package_commands(commands)
    return parser


def _language_of(argv: list[str]) -> str:
    """The --lang value, read before the parser so that its help is translated too."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return i18n.DEFAULT_LANGUAGE


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    language = _language_of(argv)
    if language in i18n.LANGUAGES:
        i18n.set_language(language)
    try:
        args = build_parser().parse_args(argv)
    except ArgumentError as error:
        print(translate("Cli", "Error: {message} (see python main.py --help)").format(
            message=error), file=sys.stderr)
        return 1
    if args.command == "demo":
        return run_demo(args)
    if args.command == "import":
        return run_import(args)
    if args.command == "export":
        return run_export(args)
    if args.command in ("backup", "restore"):
        return run_backup(args) if args.command == "backup" else run_restore(args)
    if args.command == "package":
        return run_package(args)
    from ui.app import run_app  # Qt is loaded only for the window

    return run_app(args.db or paths.default_database(), args.lang)


def run_demo(args: argparse.Namespace) -> int:
    from models import demo

    def say(text: str) -> None:
        print(text, file=sys.stderr)

    try:
        counts = demo.generate(args.db, args.size, progress=say)
    except Exception as error:  # a refused file, a database that cannot be opened, a full disk
        return _fail(error)
    print(translate("Cli", "Wrote {path}: {households} households, {visits} visits, "
                    "{sessions} study sessions.").format(
        path=args.db, households=counts["household"], visits=counts["visit"],
        sessions=counts["session"]))
    return 0


def add_import_command(commands) -> None:
    command = commands.add_parser(
        "import", help=translate("Cli", "bring in a roster of households or staff from an .xlsx file"))
    command.add_argument("format", choices=("xlsx",), help=translate("Cli", "the file's format"))
    command.add_argument("file", type=Path, metavar="FILE", help=translate("Cli", "the roster"))
    command.add_argument("--db", type=Path, metavar="FILE", required=True,
                         help=translate("Cli", "the data file to import into"))
    command.add_argument("--kind", choices=("households", "persons"),
                         help=translate("Cli", "what the roster lists (default: guessed from its header)"))
    command.add_argument("--sheet", metavar="NAME",
                         help=translate("Cli", "the sheet to read (default: the first)"))
    command.add_argument("--village", metavar="NAME",
                         help=translate("Cli", "the village of rows that name none"))
    command.add_argument("--skip-bad", action="store_true",
                         help=translate("Cli", "import the good rows even if some rows are bad"))


def run_import(args: argparse.Namespace) -> int:
    """Import a roster: the columns mapped from their names, bad rows listed, all good rows or none."""
    from exporters import rosters
    from models import db

    try:
        with _data_file(args.db):
            result = _import_roster(args)
    except (CommandError, rosters.RosterError, db.DatabaseOpenError) as error:
        return _fail(error)
    _print_bad_rows(result.bad_rows)
    print(translate("Cli", "Imported {n} rows from {path} ({skipped} bad rows skipped).").format(
        n=result.imported, path=args.file, skipped=result.skipped))
    if result.groups_created:
        print(translate("Cli", "New villagers' groups: {groups}").format(
            groups="、".join(result.groups_created)))
    return 0


def _import_roster(args: argparse.Namespace):
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


EXPORT_FORMATS = ("xlsx", "docx")


def add_export_command(commands) -> None:
    export = commands.add_parser(
        "export", help=translate("Cli", "write the registers of a campaign to a file"))
    export.add_argument("format", choices=EXPORT_FORMATS,
                        help=translate("Cli", "xlsx: the Excel registers; docx: a Word document "
                                       "(see --kind)"))
    export.add_argument("--db", type=Path, metavar="FILE", required=True,
                        help=translate("Cli", "the data file"))
    export.add_argument("--out", type=Path, metavar="FILE", required=True,
                        help=translate("Cli", "the file to write"))
    export.add_argument("--from", dest="date_from", type=_date, metavar="DATE",
                        help=translate("Cli", "first day (YYYY-MM-DD)"))
    export.add_argument("--to", dest="date_to", type=_date, metavar="DATE",
                        help=translate("Cli", "last day (YYYY-MM-DD)"))
    export.add_argument("--campaign", metavar="NAME",
                        help=translate("Cli", "the campaign (default: the current one; "
                                       "with --from/--to and no campaign: every campaign)"))
    export.add_argument("--village", metavar="NAME",
                        help=translate("Cli", "only this village (community)"))
    export.add_argument("--full-id", action="store_true",
                        help=translate("Cli", "print full ID numbers and phones (masked by default)"))
    add_docx_options(export)


def _date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Cli", "{text} is not a date like 2026-03-01").format(text=text)) from None


def run_export(args: argparse.Namespace) -> int:
    """The registers of one campaign (or a date range) written to --out."""
    from exporters import ExportError
    from models import db

    if args.format == "docx":
        return run_export_docx(args)
    try:
        with _data_file(args.db):
            path, rows = _export_xlsx(args)
    except (CommandError, ExportError, db.DatabaseOpenError, OSError) as error:
        return _fail(error)
    print(translate("Cli", "Wrote {path} ({rows} rows).").format(path=path, rows=rows))
    return 0


def _export_xlsx(args: argparse.Namespace) -> tuple[Path, int]:
    from exporters.registers import RegisterOptions, write_registers

    campaign = _campaign_named(args.campaign, dated=bool(args.date_from or args.date_to))
    village = _village_named(args.village, campaign)
    options = RegisterOptions(campaign=campaign.id if campaign else None, date_from=args.date_from,
                              date_to=args.date_to, village=village.id if village else None,
                              full_personal=args.full_id)
    total = [0]
    path = write_registers(args.out, options, progress=lambda done, rows: total.__setitem__(0, rows))
    return path, total[0]


def _campaign_named(name: str | None, dated: bool):
    """The campaign called ``name``; without a name the current one (none for a date range)."""
    from models import records as r
    from models import store

    if name is None:
        return None if dated else store.current_campaign()
    campaigns = list(r.Campaign.select().where(r.Campaign.deleted_at.is_null())
                     .order_by(r.Campaign.start_date))
    for campaign in campaigns:
        if campaign.name == name:
            return campaign
    raise CommandError(translate("Cli", "No campaign named {name}; choose one of: {names}").format(
        name=name, names="、".join(c.name for c in campaigns) or "—"))


def _village_named(name: str | None, campaign):
    """The village called ``name`` among the campaign's villages (all villages without one)."""
    from models import figures
    from models import records as r

    if name is None:
        return None
    scope = figures.Scope(campaign=campaign.id if campaign else None)
    ours = r.Village.id.in_(figures.live_households(scope).select(r.Household.village))
    return _one_named(name, r.Village.select().where(ours, r.Village.deleted_at.is_null()))


def _one_named(name: str, villages):
    """The village called ``name`` among ``villages``; the message lists them when there is none."""
    from models import records as r

    villages = list(villages.order_by(r.Village.position, r.Village.name))
    for village in villages:
        if village.name == name:
            return village
    raise CommandError(translate("Cli", "No village named {name}; choose one of: {names}").format(
        name=name, names="、".join(v.name for v in villages) or "—"))


DOCX_KINDS = ("summary", "minutes", "rectification")


def add_docx_options(export) -> None:
    export.add_argument("--kind", choices=DOCX_KINDS, default="summary",
                        help=translate("Cli", "docx: the campaign summary, the minutes of a session "
                                       "(--session) or the rectification report (default: summary)"))
    export.add_argument("--session", metavar="ID",
                        help=translate("Cli", "docx --kind minutes: the session's ID"))


def run_export_docx(args: argparse.Namespace) -> int:
    """A Word document in the official layout: the summary, minutes or rectification report."""
    from exporters import ExportError
    from models import db

    try:
        with _data_file(args.db):
            path, unknown = _export_docx(args)
    except (CommandError, ExportError, db.DatabaseOpenError, OSError) as error:
        return _fail(error)
    if unknown:
        print(translate("Cli", "Unknown placeholders were left in the text as 【…】: {names}").format(
            names="、".join(unknown)), file=sys.stderr)
    print(translate("Cli", "Wrote {path}.").format(path=path))
    return 0


def _export_docx(args: argparse.Namespace) -> tuple[Path, list[str]]:

    if args.kind == "minutes":
        from exporters.minutes import write_minutes

        return write_minutes(args.out, _session_id(args.session)), []
    campaign = _campaign_named(args.campaign, dated=False)
    if campaign is None:
        raise CommandError(translate("Cli", "The data file has no campaign to write about."))
    village = _village_named(args.village, campaign)
    from exporters.summary import SummaryOptions, write_summary

    options = SummaryOptions(campaign.id, args.date_from, args.date_to, village.id if village else None)
    if args.kind == "rectification":
        from exporters.rectification_report import write_rectification_report

        return write_rectification_report(args.out, options), []
    result = write_summary(args.out, options)
    return result.path, result.unknown


def _session_id(text: str | None):
    import uuid


    if not text:
        raise CommandError(translate("Cli", "--kind minutes needs --session ID (the session's ID)."))
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise CommandError(translate("Cli", "{text} is not a session ID.").format(text=text)) from None


def add_backup_commands(commands) -> None:
    command = commands.add_parser(
        "backup", help=translate("Cli", "write a consistent copy of the data file (safe while it is in use)"))
    command.add_argument("--db", type=Path, metavar="FILE", required=True,
                         help=translate("Cli", "the data file"))
    command.add_argument("--out", type=Path, metavar="FILE", required=True,
                         help=translate("Cli", "the copy to write"))
    command = commands.add_parser(
        "restore", help=translate("Cli", "replace the data file by a backup, keeping a copy of it first"))
    command.add_argument("--db", type=Path, metavar="FILE", required=True,
                         help=translate("Cli", "the data file to replace"))
    command.add_argument("source", type=Path, metavar="BACKUP", help=translate("Cli", "the backup"))


def run_backup(args: argparse.Namespace) -> int:
    from models import backup, db

    try:
        with _data_file(args.db):
            written = backup.backup_to_file(args.out)
    except (CommandError, backup.BackupError, db.DatabaseOpenError, OSError) as error:
        return _fail(error)
    print(translate("Cli", "Wrote {path}.").format(path=written))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Restore without a question, but the data as it was is kept and its place printed."""
    from models import backup, db

    try:
        backup.check(args.source)
        try:
            db.open_database(args.db)
        except db.DatabaseDamagedError:
            damaged = backup.replace_damaged(args.db, args.source)
            db.open_database(args.db)  # upgrades a copy from an older version
            kept = translate("Cli", "The damaged file is kept as {path}.").format(path=damaged)
        else:
            kept = translate("Cli", "The data as it was before is kept at {path}.").format(
                path=backup.restore(args.source).kept)
    except (backup.BackupError, db.DatabaseOpenError, OSError) as error:
        return _fail(error)
    finally:
        db.close_database()
    print(translate("Cli", "Restored {source} into {path}.").format(source=args.source, path=args.db), kept)
    return 0


def add_package_commands(commands) -> None:
    command = commands.add_parser(
        "package", help=translate("Cli", "carry records between laptops in a data package"))
    actions = command.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser, required=True)
    export = actions.add_parser("export", help=translate("Cli", "write the unit's records to a package"))
    export.add_argument("--db", type=Path, metavar="FILE", required=True,
                        help=translate("Cli", "the data file"))
    export.add_argument("--out", type=Path, metavar="FILE", required=True,
                        help=translate("Cli", "the package to write (.tzpkg)"))
    export.add_argument("--village", action="append", metavar="NAME",
                        help=translate("Cli", "only this village (may be repeated)"))
    export.add_argument("--from", dest="date_from", type=_date, metavar="DATE",
                        help=translate("Cli", "first day of dated records"))
    export.add_argument("--to", dest="date_to", type=_date, metavar="DATE",
                        help=translate("Cli", "last day of dated records"))
    imp = actions.add_parser("import", help=translate("Cli", "merge a package into the data file"))
    imp.add_argument("--db", type=Path, metavar="FILE", required=True,
                     help=translate("Cli", "the data file"))
    imp.add_argument("--prefer", choices=("local", "incoming"), default="local",
                     help=translate("Cli", "which side wins where both changed a record (default: local)"))
    imp.add_argument("source", type=Path, metavar="PACKAGE", help=translate("Cli", "the package"))


def run_package(args: argparse.Namespace) -> int:
    from models import db, packages

    try:
        with _data_file(args.db):
            if args.action == "export":
                villages = [_package_village(name) for name in args.village] if args.village else None
                manifest = packages.export_package(args.out, villages=villages, date_from=args.date_from,
                                                   date_to=args.date_to)
                print(translate("Cli", "Wrote {path}: {n} records.").format(
                    path=args.out, n=sum(manifest.counts.values()) - manifest.counts.get("visit_visitor", 0)))
                return 0
            plan = packages.plan_import(packages.read_package(args.source))
            result = packages.apply_import(plan, {c.id: args.prefer for c in plan.conflicts})
    except (CommandError, packages.PackageError, db.DatabaseOpenError, OSError) as error:
        return _fail(error)
    print(translate("Cli", "Imported {path}: {added} added, {updated} updated, {deleted} deleted, "
                    "{conflicts} conflicts ({incoming} resolved with the package's version), "
                    "{duplicates} possible duplicates.").format(
        path=args.source, added=result.added, updated=result.updated, deleted=result.deleted,
        conflicts=result.conflicts, incoming=result.incoming_chosen, duplicates=result.duplicates))
    for duplicate in plan.duplicates:
        print(translate("Cli", "Possible duplicate: {text}").format(text=duplicate.text))
    return 0


def _package_village(name: str):
    from models import records as r
    from models import store

    unit = store.current_unit()
    return _one_named(name, r.Village.select().where(r.Village.unit == unit,
                                                     r.Village.deleted_at.is_null())).id


if __name__ == "__main__":
    sys.exit(main())
