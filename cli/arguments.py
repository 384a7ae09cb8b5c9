"""argparse as the command line speaks: in the user's language, and a mistake in one line.

The help is laid out in the columns a terminal shows: a Chinese character takes two, and a
line of help may break between any two of them (argparse counts characters and breaks only
at spaces, so Chinese help ran past the edge of the terminal and out of its column).

argparse builds its own words ("usage: ", "options", "the following arguments are required")
with ``gettext`` through its module-level ``_``, which offers no hook and reads ``.mo`` files
this program does not ship. While a ``Parser`` is built, parsed or formatted, that ``_`` is
pointed at ``models.i18n.translate`` (context "Argparse"), so help and errors come out in one
language; it is put back afterwards, so other users of argparse in the process are untouched.
"""

from __future__ import annotations

import argparse
import unicodedata
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


def _width(text: str) -> int:
    """Columns on a terminal: a wide (Chinese, full-width) character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pieces(text: str) -> Iterator[str]:
    """Words, spaces, and each wide character alone: a line may break before any of them."""
    word = ""
    for char in text:
        if char == " " or _width(char) == 2:
            if word:
                yield word
            word = ""
            yield char
        else:
            word += char
    if word:
        yield word


_NO_LINE_STARTS_WITH = "，。、；：）】》”’！？"


class HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, counted in a terminal's columns rather than in characters."""

    def _format_usage(self, usage, actions, groups, prefix) -> str:
        """The usage wrapped narrower until it fits, its lines under the first shifted by the prefix."""
        prefix = translate("Argparse", "usage: ") if prefix is None else prefix
        shift = " " * (_width(prefix) - len(prefix))
        full_width = self._width
        try:
            for _attempt in range(4):
                text = super()._format_usage(usage, actions, groups, prefix).replace("\n ", "\n " + shift)
                over = max(map(_width, text.splitlines())) - full_width
                if over <= 0:
                    break
                self._width -= over
        finally:
            self._width = full_width
        return text

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:  # the help column clears the widest invocation
            actions = [action, *self._iter_indented_subactions(action)]
            widest = max(_width(self._format_action_invocation(each)) for each in actions)
            self._action_max_length = max(self._action_max_length, widest + self._current_indent)

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        header = self._format_action_invocation(action)
        extra = _width(header) - len(header)
        first, newline, rest = text.partition("\n")
        if extra and first.lstrip().startswith(header + " " * (extra + 2)):
            first = first.replace(header + " " * extra, header, 1)  # the help back in its column
        return first + newline + rest

    def _split_lines(self, text: str, width: int) -> list[str]:
        if _width(text) == len(text):
            return super()._split_lines(text, width)
        pieces: list[str] = []
        for word in _pieces(" ".join(text.split())):
            pieces.extend(word if _width(word) > width else [word])  # a word too long breaks anywhere
        lines, line = [], ""
        for piece in pieces:
            if line and _width(line + piece) > width and piece not in _NO_LINE_STARTS_WITH:
                lines.append(line.rstrip())
                line = ""
            if line or piece != " ":
                line += piece
        return [*lines, line.rstrip()] if line else lines


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are translated and whose mistakes raise ArgumentError."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
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
