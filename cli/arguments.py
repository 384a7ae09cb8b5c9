"""argparse as the command line speaks: in the user's language, and a mistake in one line.

argparse builds its own words ("usage: ", "options", "the following arguments are required")
with ``gettext`` through its module-level ``_``, which offers no hook and reads ``.mo`` files
this program does not ship. While a ``Parser`` is built, parsed or formatted, that ``_`` is
pointed at ``models.i18n.translate`` (context "Argparse"), so help and errors come out in one
language; it is put back afterwards, so other users of argparse in the process are untouched.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from models.i18n import QT_TRANSLATE_NOOP, translate

# argparse's words that this command line can show (for pyside6-lupdate to collect).
WORDS = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "%(heading)s:"),  # the heading of a group since Python 3.13
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "ignored explicit argument %r"),
)


class ArgumentError(Exception):
    """The arguments are wrong; the message says how, in the user's language."""


def _gettext(text: str) -> str:
    return translate("Argparse", text)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return translate("Argparse", singular if n == 1 else plural)


@contextmanager
def _own_words_translated() -> Iterator[None]:
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are translated and whose mistakes raise ArgumentError."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _own_words_translated():  # the group titles and the help of --help are made here
            super().__init__(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _own_words_translated():  # "unrecognized arguments" is said here
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _own_words_translated():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _own_words_translated():
            return super().format_usage()

    def format_help(self) -> str:
        with _own_words_translated():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        raise ArgumentError(message)
