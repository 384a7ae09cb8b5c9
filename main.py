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

import gc
import os
import sys
import time

STARTED = time.perf_counter()  # what --smoke counts from

from cli import window  # noqa: E402 (after the start time)

__all__ = ["main"]


def main(argv: list[str] | None = None, *, leave_at_once: bool = False) -> int:
    """The exit status of the command or of the window.

    ``leave_at_once`` (the program itself, not a test): once the window has closed its data
    file, released its lock and written its settings, the process ends without tearing its
    objects down one by one.
    """
    argv = sys.argv[1:] if argv is None else argv
    gc.disable()  # nothing is collected while the program starts (the window resumes it: ui.app)
    try:
        args = window.read(argv) or _parse(argv)  # the whole parser for a command, --help, a mistake
        if isinstance(args, int):
            return args
        if args.run is not None:  # a command, which only the parser's arguments name (window.read's never)
            gc.enable()
            import argparse  # loaded already, by the parser

            from cli import guard

            assert isinstance(args, argparse.Namespace)
            return guard.run(args, argv)
        from models import paths
        from ui.app import run_app  # Qt is loaded only for the window

        status = run_app(args.db or paths.default_database(), args.lang,
                         smoke_since=STARTED if args.smoke else None)
    finally:
        gc.enable()
    if leave_at_once:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    return status


def _parse(argv: list[str]):
    """The arguments as the parser reads them, or 1 when they are wrong (said in one line)."""
    from cli.arguments import ArgumentError
    from cli.parser import PROGRAM, build_parser, language_of
    from models import i18n
    from models.i18n import translate

    language = language_of(argv)
    if language in i18n.LANGUAGES:  # a wrong one is refused by the parser, in the default language
        i18n.set_language(language)
    try:
        return build_parser().parse_args(argv)
    except ArgumentError as error:
        print(translate("Cli", "Error: {message} (see {program} --help)").format(
            message=error, program=PROGRAM), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(leave_at_once=True))
