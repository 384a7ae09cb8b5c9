"""Starting the window: language, the data file, the first start."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models import db, i18n, paths
from models import records as r
from resources import i18n as translations
from ui.common import translate


def install_translators(app: QApplication, language: str) -> None:
    """Chinese by default: Qt's own dialogs and 台账通's strings; English with --lang en."""
    i18n.set_language(language)
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    app._translators = []  # kept alive with the application
    for name, folder in ((f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         (f"taizhangtong_{language}", str(Path(translations.__file__).parent))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            app._translators.append(translator)


def open_or_explain(parent: QWidget | None, path: Path) -> bool:
    """Open the data file; when it cannot be, say why in a message box."""
    try:
        db.open_database(path)
    except db.DatabaseDamagedError as error:
        from ui.backup_dialogs import offer_good_backup

        return offer_good_backup(parent, path, error)
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


def run_app(db_path: Path, language: str = i18n.DEFAULT_LANGUAGE) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("台账通")
    app.setOrganizationName("Taizhangtong")
    install_translators(app, language)
    db_path = Path(db_path)
    if db_path == paths.default_database():
        paths.ensure(db_path.parent)
    try:
        return _run_window(app, db_path)
    finally:
        db.close_database()
        release_lock()


def _run_window(app: QApplication, db_path: Path) -> int:
    if not hold_lock(db_path):
        say_already_open(None, db_path)
        return 0
    if not open_or_explain(None, db_path):
        return 1
    if not has_unit():
        from ui.first_start import run_first_start

        chosen = run_first_start(None, db_path)
        if chosen is None:
            db.close_database()
            return 0
        db_path = Path(chosen)
        if not hold_lock(db_path):
            say_already_open(None, db_path)
            return 0

    from ui.main_window import MainWindow

    window = MainWindow(db_path, demo=db_path.name.startswith("demo-"))
    window.show()
    return app.exec()
