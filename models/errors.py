"""Errors the user can act on, said in their words; and everything else written to the log.

``explain`` turns what SQLite and the system say into one sentence naming the
file (locked by another program — and which one —, a full disk, a file that
may not be written, a damaged file). Any other error is unexpected: the window
and the command line call ``log_unexpected``, which writes the traceback to a
rotating log in the data folder (``paths.log_file``) and returns its place, so
the one line or the message box can name it; ``log_unraisable`` does the same for an error that
Python cannot raise (in a finalizer). No traceback reaches the user.
"""

from __future__ import annotations

import logging
import sqlite3
import traceback
from pathlib import Path

import peewee

from models import files, health, holders, paths
from models.i18n import translate
from models.sqlite import driver

# SQLite's errors as either library raises them (the data file's is SQLCipher's, a bare tool's the stdlib's).
_OPERATIONAL = (driver.OperationalError, sqlite3.OperationalError, peewee.OperationalError)
_ERROR = (driver.Error, sqlite3.Error, peewee.DatabaseError)
_DATABASE = (driver.DatabaseError, sqlite3.DatabaseError, peewee.DatabaseError)

_LOGGER = "taizhangtong"
LOG_BYTES = 1_000_000
LOG_COPIES = 3


def _message(error: BaseException) -> str:
    return str(error).lower()


def is_locked(error: BaseException) -> bool:
    return isinstance(error, _OPERATIONAL) and (
        "database is locked" in _message(error) or "database table is locked" in _message(error))


def is_full(error: BaseException) -> bool:
    return isinstance(error, (OSError, *_ERROR)) and files.is_full(error)


def is_read_only(error: BaseException) -> bool:
    return isinstance(error, _ERROR) and "readonly database" in _message(error)


def is_damaged(error: BaseException) -> bool:
    text = _message(error)
    return isinstance(error, _DATABASE) and (
        "malformed" in text or "not a database" in text or "disk i/o error" in text)


def explain(error: BaseException, path: Path | None) -> str | None:
    """One sentence for an error the user can act on; None for an unexpected one."""
    where = str(path) if path is not None else translate("Errors", "the data file")
    if isinstance(error, (health.WriteRefused, files.DataFolderError)):
        return str(error)
    if is_locked(error):
        return holders.locked_message(path) if path is not None else translate(
            "Errors", "The data file is being written by another program; nothing was written. Try again "
            "when it has finished.")
    if is_full(error):
        return translate("Errors", "The disk is full: {path} could not be written, and nothing was changed. "
                         "Free some space and try again.").format(path=where)
    if is_read_only(error):
        return translate("Errors", "{path} cannot be written (it or its folder is read-only); nothing was "
                         "changed.").format(path=where)
    if is_damaged(error):
        return translate("Errors", "{path} is damaged ({error}); nothing was written to it. Restore it from "
                         "a backup (the restore command, or 从备份恢复… in the window).").format(
            path=where, error=error)
    return None


class _Log(logging.FileHandler):
    """The log file, moved to ``….1`` (``….2`` …, at most ``LOG_COPIES``) once it holds ``LOG_BYTES``.

    What ``logging.handlers.RotatingFileHandler`` does, without importing that module
    (with ``socket``, ``pickle`` and ``queue``: 12 ms, at every start that logs a warning).
    """

    failed = False  # the last line could not be written

    def emit(self, record: logging.LogRecord) -> None:
        self.failed = False
        try:
            if self.stream is not None and self.stream.seek(0, 2) >= LOG_BYTES:
                self._rotate()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        """The log cannot be written (its disk is full): nothing could say so but a traceback on the
        user's screen, which ``logging`` would print. The line is dropped; ``log_unexpected`` then names
        no log."""
        self.failed = True

    def _rotate(self) -> None:
        self.close()
        base = Path(self.baseFilename)
        for n in range(LOG_COPIES - 1, 0, -1):
            older = base.with_name(f"{base.name}.{n}")
            if older.exists():
                older.replace(base.with_name(f"{base.name}.{n + 1}"))
        base.replace(base.with_name(f"{base.name}.1"))
        self.stream = self._open()


def logger() -> logging.Logger:
    """The log of unexpected errors, in the data folder, at most a few files of 1 MB."""
    log = logging.getLogger(_LOGGER)
    target = paths.log_file()
    if not any(isinstance(h, _Log) and Path(h.baseFilename) == target for h in log.handlers):
        for handler in list(log.handlers):
            log.removeHandler(handler)
            handler.close()
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = _Log(target, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    return log


def logger_path() -> Path:
    return paths.log_file()


def log_unexpected(error: BaseException, context: str = "") -> Path | None:
    """Write ``error``'s traceback to the log; where the log is (None if it could not be written)."""
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    try:
        log = logger()
        log.error("%s\n%s", context or type(error).__name__, text)
    except OSError:
        return None
    if any(isinstance(handler, _Log) and handler.failed for handler in log.handlers):
        return None
    return paths.log_file()


def log_unraisable(unraisable) -> None:
    """``sys.unraisablehook``: an error Python cannot raise to anyone — a file closed by its finalizer,
    as a zip file left open by a write that failed on a full disk is — goes to the log. Python's own
    hook would print its traceback on the user's screen."""
    error = unraisable.exc_value
    if error is None:
        return
    try:
        what = f"{unraisable.err_msg or 'Exception ignored in'}: {unraisable.object!r}"
    except Exception:  # an object whose repr fails too
        what = unraisable.err_msg or "Exception ignored"
    log_unexpected(error, what)


def unexpected_text(error: BaseException, log: Path | None) -> str:
    """The one line of an unexpected error: what it was, and where its details are."""
    summary = f"{type(error).__name__}: {error}"[:300]
    if log is None:
        return translate("Errors", "Something unexpected went wrong ({error}).").format(error=summary)
    return translate("Errors", "Something unexpected went wrong ({error}). The details are in {log}.").format(
        error=summary, log=log)
