"""The data file of the window: held by one window at a time, opened (or explained when it
cannot be, with a sound backup offered for a damaged file), checked in the background
once the window is shown, and given its unit on a first start.

A file named that is missing or empty is never silently made a new one: the user is
asked. Until the background ``integrity_check`` has answered, a write waits for it
(``models.health.WriteGate``); a damaged file is offered its newest sound backup and
is never written to.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QLockFile, QThreadPool, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from models import db, first_page, health
from models import records as r
from ui.common import translate
from ui.jobs import run_in_background

_gate: health.WriteGate | None = None
_identity = threading.Event()  # the open file's identity settled (models.identity)


def may_make_new(parent: QWidget | None, path: Path) -> bool:
    """A named file that is missing or empty becomes a new data file only if the user says so."""
    try:
        empty = path.stat().st_size == 0
    except OSError:
        empty = None  # missing
    if empty is False:
        return True
    text = (translate("App", "{path} does not exist.\n\nMake a new, empty data file there?") if empty is None
            else translate("App", "{path} is empty: it holds no data.\n\nMake a new data file there? (No "
                           "leaves it as it is.)")).format(path=path)
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return QMessageBox.question(parent, "台账通", text, yes | no, no) == yes


def open_or_explain(parent: QWidget | None, path: Path) -> bool:
    """Open the data file; when it cannot be, say why in a message box. What its opening did that
    the user should know (a foreign -wal set aside) is said too."""
    global _gate
    fresh = not path.exists() or (path.is_file() and path.stat().st_size == 0)
    gate = health.WriteGate(path)
    if fresh:
        gate.settle([])  # a new file: nothing to check
    # A copy's first opening writes its new identity: on a file not yet known sound that write would
    # wait for the full check on the window's thread (seconds on a county file), so it is done by the
    # background check once the file is found sound (identity_settled tells the backups when).
    settle = fresh or health.known_sound(path)
    _identity.clear()
    try:
        _open_with_password(parent, path, gate, settle)
    except _Cancelled:
        return False
    except db.DatabaseDamagedError as error:
        from ui.dialogs.damaged_file import offer_good_backup

        return offer_good_backup(parent, path, error) and open_or_explain(parent, path)
    except db.DatabaseOpenError as error:
        QMessageBox.critical(parent, translate("App", "Cannot open the data file"), str(error))
        return False
    except OSError as error:
        QMessageBox.critical(parent, translate("App", "Cannot open the data file"), translate(
            "App", "{path} could not be opened: {error}").format(path=path, error=error))
        return False
    if health.known_sound(path):
        gate.settle([])
    if settle:
        _identity.set()
    _gate = gate
    for notice in db.notices():
        QMessageBox.information(parent, "台账通", notice)
    return True


class _Cancelled(Exception):
    """The user gave no password for an encrypted file."""


PASSWORD_VARIABLE = "TAIZHANGTONG_PASSWORD"  # as the command line reads it (a check of an installation)


def _open_with_password(parent: QWidget | None, path: Path, gate, settle: bool = True) -> None:
    """Open the file; an encrypted one with the password from the environment, else asked for."""
    import os

    password = os.environ.get(PASSWORD_VARIABLE) or None
    while True:
        try:
            db.open_database(path, gate=gate, password=password, settle=settle)
            return
        except db.PasswordError as error:
            from ui.dialogs.password import ask_password

            password = ask_password(parent, path, wrong=not error.missing)
            if password is None:
                raise _Cancelled() from None


CHECK_AFTER_MS = 1500  # the first page reads its data first: the check would compete with it


def check_in_background(window, after_ms: int = CHECK_AFTER_MS) -> None:
    """The full check of the open file, off the window's thread, once the first page had its turn;
    writes wait for its answer meanwhile."""
    gate = _gate
    if gate is None or gate.answered.is_set():
        return
    QTimer.singleShot(after_ms, window, lambda: _start_check(window, gate))


def _start_check(window, gate: health.WriteGate) -> None:
    """Until this runs, a write checks the file itself; from now on, writes wait for the background."""
    if gate.answered.is_set():  # a write came first and checked the file itself
        _on_checked(window, gate, gate.problems or [])
        return
    gate.checking()

    def work(_job) -> list[str]:
        problems = health.full_check(gate.path)
        gate.settle(problems)  # here, not on the window's thread: a write may be waiting there
        if not problems and not _identity.is_set():
            db.settle_identity(gate.path)  # a copy becomes a file of its own (its backups their own)
            _identity.set()
        return problems

    def failed(_error: Exception) -> None:
        gate.settle([])  # could not check (it is in the log): writes go on as before

    run_in_background(work, lambda problems: _on_checked(window, gate, problems), failed, owner=window)


def identity_settled() -> bool:
    """Whether the open file knows who it is (a copy opened for the first time: once it was checked)."""
    return _identity.is_set()


def settle_identity_now() -> None:
    """The identity settled on this thread, waiting for the check if need be (closing before it ended)."""
    if not _identity.is_set() and _gate is not None and not r.database.is_closed():
        db.settle_identity(_gate.path)
        _identity.set()


def _on_checked(window, gate: health.WriteGate, problems: list[str]) -> None:
    if not problems or _gate is not gate:
        return
    QThreadPool.globalInstance().waitForDone(10_000)
    db.close_database()
    from ui.dialogs.damaged_file import offer_good_backup

    error = db.DatabaseDamagedError(health.damaged_text(gate.path, problems), gate.path)
    if offer_good_backup(window, gate.path, error) and hasattr(window, "switch_to"):
        window.switch_to(gate.path)


def close_data_file() -> None:
    """Closed; a file this window found sound and left as it is need not be checked next time.

    A sound file keeps the first page as last counted, if nothing changed since: the next start shows it
    at once (``models.first_page``)."""
    gate = _gate
    path = Path(r.database.database) if r.database.database else None
    sound = gate is not None and path is not None and gate.path == path and gate.answered.is_set() \
        and not gate.problems
    if sound and not r.database.is_closed():
        first_page.keep()
    first_page.forget()
    db.close_database()
    if sound and path is not None:  # (sound is never without a path; said again for mypy)
        health.remember_sound(path)


_lock: QLockFile | None = None


def hold_lock(path: Path) -> bool:
    """Keep ``{name}.lock`` beside the data file; False when another 台账通 window holds it.

    A lock left by a process that crashed is taken over (QLockFile sees that its
    process is gone). A folder where no lock can be made (a read-only stick) is
    no reason to refuse the file.
    """
    global _lock
    path = Path(path).resolve()
    name = str(path.with_name(path.name + ".lock"))
    if _lock is not None and _lock.fileName() == name:
        return True
    lock = QLockFile(name)
    lock.setStaleLockTime(0)  # stale only when its process is gone, however old
    if not lock.tryLock(0) and lock.error() == QLockFile.LockError.LockFailedError:
        return False
    release_lock()
    _lock = lock
    return True


def release_lock() -> None:
    global _lock
    if _lock is not None:
        _lock.unlock()
        _lock = None


def say_already_open(parent: QWidget | None, path: Path) -> None:
    QMessageBox.information(parent, "台账通", translate(
        "App", "This data file is already open in another 台账通 window:\n{path}\n\nSwitch to that "
        "window, or close it first.").format(path=path))


def has_unit() -> bool:
    return r.Unit.select().where(r.Unit.deleted_at.is_null()).exists()


def ensure_unit(parent: QWidget | None, path: Path) -> Path | None:
    """The open data file, once it has a unit: a new file asks for one (or opens the demo).

    None when the user cancelled the first start; the data file is then closed.
    """
    if has_unit():
        return path
    from ui.dialogs import first_start

    chosen = first_start.run_first_start(parent, path)
    if chosen is None:
        db.close_database()
        return None
    chosen = Path(chosen)
    if not hold_lock(chosen):
        say_already_open(parent, chosen)
        db.close_database()
        return None
    return chosen
