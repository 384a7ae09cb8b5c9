"""台账通: start the window, or run one command of the command line.

    python main.py [--db FILE] [--lang zh_CN|en]
    python main.py demo --db FILE [--size village|township|county]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from models import i18n, paths
from models.i18n import translate


class ArgumentError(Exception):
    pass


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
    from ui.app import run_app  # Qt is loaded only for the window

    return run_app(args.db or paths.default_database(), args.lang)


def run_demo(args: argparse.Namespace) -> int:
    from models import demo

    def say(text: str) -> None:
        print(text, file=sys.stderr)

    try:
        counts = demo.generate(args.db, args.size, progress=say)
    except (demo.DemoError, OSError) as error:
        print(translate("Cli", "Error: {message}").format(message=error), file=sys.stderr)
        return 1
    except Exception as error:  # a database that cannot be opened, a full disk
        print(translate("Cli", "Error: {message}").format(message=error), file=sys.stderr)
        return 1
    print(translate("Cli", "Wrote {path}: {households} households, {visits} visits, "
                    "{sessions} study sessions.").format(
        path=args.db, households=counts["household"], visits=counts["visit"],
        sessions=counts["session"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
