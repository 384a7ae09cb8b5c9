"""The window's own arguments (``--db``, ``--lang``, ``--smoke``), read without building the parser.

Opening the window is what a secretary does many times a day: its few arguments
are read here without argparse, the command modules or the core's catalogue of
translations (building the whole tree of commands, translated, was about a
tenth of the window's start). Anything else — a command, ``--help``,
``--version``, an abbreviation, a mistake — is left to the parser
(``cli.parser``), which reads it, or says what is wrong, as before: ``read``
then answers None.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from models.i18n import DEFAULT_LANGUAGE, LANGUAGES


def read(argv: list[str]) -> SimpleNamespace | None:
    """What ``cli.parser.build_parser().parse_args(argv)`` gives for the window's arguments, or None."""
    found = SimpleNamespace(db=None, lang=DEFAULT_LANGUAGE, smoke=False, run=None, command=None)
    words = iter(argv)
    for word in words:
        name, equals, value = word.partition("=")
        if word == "--smoke":
            found.smoke = True
        elif name in ("--db", "--lang"):
            if not equals:
                following = next(words, None)
                if following is None or following.startswith("-"):
                    return None  # a missing value: the parser says so
                value = following
            if name == "--lang" and value not in LANGUAGES:
                return None
            if name == "--db":
                found.db = Path(value)
            else:
                found.lang = value
        else:
            return None
    return found
