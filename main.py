"""台账通: start the window, or run one command of the command line (``cli/``).

    python main.py [--db FILE] [--lang zh_CN|en] [--smoke] [--version]
    python main.py demo --db FILE [--size village|township|county]
    python main.py export xlsx|docx --db FILE --out FILE [...]
    python main.py import xlsx --db FILE [...] FILE
    python main.py backup --db FILE --out FILE
    python main.py restore --db FILE BACKUP
    python main.py package export|import --db FILE [...]

``python main.py COMMAND --help`` lists a command's options.
"""

from __future__ import annotations

import sys
import time

STARTED = time.perf_counter()  # what --smoke counts from

from cli.arguments import ArgumentError  # noqa: E402 (after the start time)
from cli.parser import PROGRAM, build_parser, language_of  # noqa: E402 (after the start time)
from models import i18n, paths  # noqa: E402 (after the start time)
from models.i18n import translate  # noqa: E402 (after the start time)

__all__ = ["build_parser", "main"]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    language = language_of(argv)
    if language in i18n.LANGUAGES:  # a wrong one is refused by the parser, in the default language
        i18n.set_language(language)
    try:
        args = build_parser().parse_args(argv)
    except ArgumentError as error:
        print(translate("Cli", "Error: {message} (see {program} --help)").format(
            message=error, program=PROGRAM), file=sys.stderr)
        return 1
    if args.run is not None:
        return args.run(args)
    from ui.app import run_app  # Qt is loaded only for the window

    return run_app(args.db or paths.default_database(), args.lang,
                   smoke_since=STARTED if args.smoke else None)


if __name__ == "__main__":
    sys.exit(main())
