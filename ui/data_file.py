"""The data file of the window: held by one window at a time, opened (or explained when it
cannot be, with a sound backup offered for a damaged file), and given its unit on a
first start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QMessageBox, QWidget

from models import db
from models import records as r
from ui.common import translate


def open_or_explain(parent: QWidget | None, path: Path) -> bool:
    """Open the data file; when it cannot be, say why in a message box."""
    try:
        db.open_database(path)
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
    return True


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
