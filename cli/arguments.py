"""argparse as the command line speaks: a mistake in one line, never a usage dump."""

from __future__ import annotations

import argparse
from typing import NoReturn


class ArgumentError(Exception):
    """The arguments are wrong; the message says how."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose mistakes raise ArgumentError."""

    def error(self, message: str) -> NoReturn:
        raise ArgumentError(message)
