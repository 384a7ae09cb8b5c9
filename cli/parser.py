"""The argparse tree of the command line; each command names the function that runs it (``run``)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from cli import backups, demo, exports, packages, passwords, rosters
from cli.arguments import Parser
from cli.program import PROGRAM
from models import i18n, paths
from models.i18n import translate
from models.version import VERSION

EXPORT_FORMATS = ("xlsx", "docx", "roster")
ROSTER_FORMATS = ("roster", "xlsx", "xlsm", "xls", "et", "ods", "csv")
SIDES = ("local", "incoming")
DOCX_KINDS = ("summary", "minutes", "rectification")
ROSTER_KINDS = ("households", "persons")


def language_of(argv: list[str]) -> str:
    """The --lang value, read before the parser so that its help is translated too."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return i18n.DEFAULT_LANGUAGE


def build_parser() -> argparse.ArgumentParser:
    """Build in the current language (set it first: see ``language_of``)."""
    parser = Parser(
        prog=PROGRAM,
        description=translate("Cli", "台账通: the ledgers of a campaign, recorded once."),
        epilog=translate("Cli", "Without a command the application window opens."))
    parser.add_argument("--db", type=Path, metavar=translate("Cli", "FILE"),
                        help=translate("Cli", "the data file (default: {path})").format(
                            path=paths.default_database()))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=i18n.DEFAULT_LANGUAGE,
                        help=translate("Cli", "language of the window and messages"))
    parser.add_argument("--version", action="version", version=f"台账通 {VERSION}",
                        help=translate("Cli", "print the version and quit"))
    parser.add_argument("--smoke", action="store_true",
                        help=translate("Cli", "open the window, wait until its first page shows the data, "
                                       "print how many milliseconds that took, and quit (a check of an "
                                       "installation)"))
    parser.set_defaults(run=None)  # no command: the window
    commands = parser.add_subparsers(dest="command", metavar=translate("Cli", "COMMAND"),
                                     parser_class=Parser)
    _add_demo(commands)
    _add_import(commands)
    _add_export(commands)
    _add_backup(commands)
    _add_package(commands)
    _add_passwd(commands)
    return parser


def _add_file(command, flag: str, help_text: str) -> None:
    """A data file, package or document the command cannot do without (a data file: with its password)."""
    command.add_argument(flag, type=Path, metavar=translate("Cli", "FILE"), required=True, help=help_text)
    if flag == "--db":
        command.add_argument("--password-file", type=Path, metavar=translate("Cli", "FILE"), help=translate(
            "Cli", "the file whose first line is the data file's password or recovery code (default: the "
            "environment variable TAIZHANGTONG_PASSWORD)"))


def _add_passwd(commands) -> None:
    command = commands.add_parser("passwd", help=translate(
        "Cli", "change the password of the data file (the old one, or the recovery code, as with "
        "--password-file; the new one from --new-password-file or TAIZHANGTONG_NEW_PASSWORD); a file "
        "without a password is encrypted"))
    command.set_defaults(run=passwords.change_password)
    _add_file(command, "--db", translate("Cli", "the data file"))
    command.add_argument("--new-password-file", type=Path, metavar=translate("Cli", "FILE"),
                         help=translate("Cli", "the file whose first line is the new password"))


def _add_demo(commands) -> None:
    command = commands.add_parser(
        "demo", help=translate("Cli", "write a new data file filled with realistic records"))
    command.set_defaults(run=demo.make_demo)
    _add_file(command, "--db", translate("Cli", "the new data file (encrypted when a password is given "
                                         "with --password-file or TAIZHANGTONG_PASSWORD; without one it is a "
                                         "plain demo, for tests and benchmarks)"))
    command.add_argument("--size", choices=("village", "township", "county"), default="township",
                         help=translate("Cli", "village: small; township: 24 villages, 12,000 "
                                        "households; county: 20 townships, a million visits"))


def _add_import(commands) -> None:
    command = commands.add_parser(
        "import", help=translate("Cli", "bring in a roster of households or staff (.xlsx, .xls, .et, .ods "
                                 "or .csv)"))
    command.set_defaults(run=rosters.import_roster)
    command.add_argument("format", choices=ROSTER_FORMATS, help=translate(
        "Cli", "any of these words: the file's own content tells how it is read"))
    command.add_argument("file", type=Path, metavar=translate("Cli", "FILE"),
                         help=translate("Cli", "the roster"))
    _add_file(command, "--db", translate("Cli", "the data file to import into"))
    command.add_argument("--kind", choices=("households", "persons"),
                         help=translate("Cli", "what the roster lists (default: guessed from its header)"))
    command.add_argument("--sheet", metavar=translate("Cli", "NAME"),
                         help=translate("Cli", "the sheet to read (default: the first with a header)"))
    command.add_argument("--village", metavar=translate("Cli", "NAME"),
                         help=translate("Cli", "the village of rows that name none"))
    command.add_argument("--skip-bad", action="store_true",
                         help=translate("Cli", "import the good rows even if some rows are bad"))


def _add_export(commands) -> None:
    export = commands.add_parser(
        "export", help=translate("Cli", "write the registers of a campaign to a file"))
    export.set_defaults(run=exports.export)
    export.add_argument("format", choices=EXPORT_FORMATS,
                        help=translate("Cli", "xlsx: the Excel registers; docx: a Word document; "
                                       "roster: the households or persons as a roster (see --kind)"))
    _add_file(export, "--db", translate("Cli", "the data file"))
    _add_file(export, "--out", translate("Cli", "the file to write"))
    _add_dates(export, translate("Cli", "first day (YYYY-MM-DD)"),
               translate("Cli", "last day (YYYY-MM-DD)"))
    export.add_argument("--campaign", metavar=translate("Cli", "NAME"),
                        help=translate("Cli", "the campaign (default: the current one; "
                                       "with --from/--to and no campaign: every campaign)"))
    export.add_argument("--village", metavar=translate("Cli", "NAME"),
                        help=translate("Cli", "only this village (community)"))
    export.add_argument("--full-id", action="store_true",
                        help=translate("Cli", "print full ID numbers and phones (masked by default)"))
    export.add_argument("--kind", choices=DOCX_KINDS + ROSTER_KINDS, metavar=translate("Cli", "KIND"),
                        help=translate("Cli", "docx: summary (the campaign summary, the default), minutes "
                                       "(of a session: --session) or rectification (the report); "
                                       "roster: households (the default) or persons"))
    export.add_argument("--session", metavar="ID",
                        help=translate("Cli", "docx --kind minutes: the session's ID"))
    export.add_argument("--date", dest="document_date", type=_date, metavar=translate("Cli", "DATE"),
                        help=translate("Cli", "the date of the document (填报日期, 成文日期), which overdue "
                                       "rectifications are judged against (default: today)"))


def _add_dates(command, first: str, last: str) -> None:
    metavar = translate("Cli", "DATE")
    command.add_argument("--from", dest="date_from", type=_date, metavar=metavar, help=first)
    command.add_argument("--to", dest="date_to", type=_date, metavar=metavar, help=last)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Cli", "{text} is not a date like 2026-03-01").format(text=text)) from None


def _add_backup(commands) -> None:
    command = commands.add_parser(
        "backup", help=translate("Cli", "write a consistent copy of the data file (safe while it is in use)"))
    command.set_defaults(run=backups.write_backup)
    _add_file(command, "--db", translate("Cli", "the data file"))
    _add_file(command, "--out", translate("Cli", "the copy to write"))
    command = commands.add_parser(
        "restore", help=translate("Cli", "replace the data file by a backup, keeping a copy of it first"))
    command.set_defaults(run=backups.restore_backup)
    _add_file(command, "--db", translate("Cli", "the data file to replace"))
    command.add_argument("--other-file", action="store_true",
                         help=translate("Cli", "restore a backup of another data file (another unit's data) "
                                        "all the same"))
    command.add_argument("--backup-password-file", type=Path, metavar=translate("Cli", "FILE"),
                         help=translate(
        "Cli", "an encrypted backup made under another password (before it was changed, or of another "
        "data file): the file whose first line is that password or its recovery code (default: "
        "TAIZHANGTONG_BACKUP_PASSWORD)"))
    command.add_argument("source", type=Path, metavar=translate("Cli", "BACKUP"),
                         help=translate("Cli", "the backup"))


def _add_passphrase(command) -> None:
    command.add_argument("--passphrase-file", type=Path, metavar=translate("Cli", "PASSPHRASE_FILE"),
                         help=translate("Cli", "a file whose first line is the exchange passphrase (default: "
                                        "${variable}, else the passphrase kept in the data file's "
                                        "settings)").format(variable=packages.PASSPHRASE_VARIABLE))


def _add_package(commands) -> None:
    command = commands.add_parser(
        "package", help=translate("Cli", "carry records between laptops in a data package"))
    actions = command.add_subparsers(dest="action", metavar=translate("Cli", "ACTION"),
                                     parser_class=Parser, required=True)
    export = actions.add_parser("export", help=translate("Cli", "write the unit's records to a package"))
    export.set_defaults(run=packages.export_package)
    _add_file(export, "--db", translate("Cli", "the data file"))
    _add_file(export, "--out", translate("Cli", "the package to write (.tzpkg)"))
    export.add_argument("--village", action="append", metavar=translate("Cli", "NAME"),
                        help=translate("Cli", "only this village (may be repeated)"))
    _add_dates(export, translate("Cli", "first day of dated records"),
               translate("Cli", "last day of dated records"))
    _add_passphrase(export)
    imp = actions.add_parser("import", help=translate("Cli", "merge a package into the data file"))
    imp.set_defaults(run=packages.import_package)
    _add_file(imp, "--db", translate("Cli", "the data file"))
    imp.add_argument("--prefer", choices=SIDES,
                     help=translate("Cli", "decide at once every conflict of this import: this laptop's "
                                    "values (local) or the package's (incoming); without it they wait "
                                    "for package resolve"))
    imp.add_argument("--yes", action="store_true",
                     help=translate("Cli", "apply a package that moves records to the recycle bin or changes "
                                    "many records (without it, they are listed and nothing is changed)"))
    imp.add_argument("source", type=Path, metavar=translate("Cli", "PACKAGE"),
                     help=translate("Cli", "the package"))
    _add_passphrase(imp)
    listing = actions.add_parser("conflicts", help=translate(
        "Cli", "list the records changed on both laptops that wait for a decision"))
    listing.set_defaults(run=packages.list_conflicts)
    _add_file(listing, "--db", translate("Cli", "the data file"))
    resolve = actions.add_parser("resolve", help=translate("Cli", "decide conflicts of exchanges"))
    resolve.set_defaults(run=packages.resolve_conflicts)
    _add_file(resolve, "--db", translate("Cli", "the data file"))
    resolve.add_argument("--keep", choices=SIDES, required=True,
                         help=translate("Cli", "keep this laptop's values (local) or the package's "
                                        "(incoming)"))
    resolve.add_argument("--record", action="append", metavar=translate("Cli", "KEY"),
                         help=translate("Cli", "only the conflict of this record (may be repeated; "
                                        "default: all)"))
