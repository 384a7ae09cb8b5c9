"""Starting the window: language, the data file, the first start."""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

import resources
from models import files, i18n, paths
from resources import i18n as translations
from ui import guard
from ui.common import translate
from ui.data_file import (
    check_in_background,
    close_data_file,
    ensure_unit,
    has_unit,
    hold_lock,
    may_make_new,
    open_or_explain,
    release_lock,
    say_already_open,
)
from ui.jobs import finish_all


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
            if name.startswith("taizhangtong_"):  # the core's words from the same catalogue
                i18n.set_language(language, QCoreApplication.translate)


def window_icon() -> QIcon:
    """The program's icon on every window and in the task bar: the source the installers' icons are
    drawn from (``resources/taizhangtong.svg``)."""
    return QIcon(str(Path(resources.__file__).parent / "taizhangtong.svg"))


def run_app(db_path: Path, language: str = i18n.DEFAULT_LANGUAGE, smoke_since: float | None = None) -> int:
    """The window on ``db_path`` until it is closed; the process's exit status.

    ``smoke_since`` (--smoke): the moment the program started; the window quits by
    itself once its first page shows the data, printing the milliseconds since.
    """
    # instance() is typed as any QCoreApplication; the one already there (a test's) is a QApplication
    app = cast("QApplication | None", QApplication.instance()) or QApplication(sys.argv)
    app.setApplicationName("台账通")
    app.setOrganizationName("Taizhangtong")
    app.setWindowIcon(window_icon())
    install_translators(app, language)
    uninstall = guard.install()
    nobody = _NobodyToAsk(app) if smoke_since is not None else None
    db_path = Path(db_path)
    try:
        if not _data_folder_ready(db_path):
            return 1
        status = _run_window(app, db_path, smoke_since)
        return 1 if nobody is not None and nobody.asked else status
    finally:
        if nobody is not None:
            nobody.stop()
        finish_all()  # no worker may still read the file as it closes
        close_data_file()
        release_lock()
        uninstall()
        files.drop_private_temp()
        sys.setswitchinterval(DEFAULT_SWITCH_INTERVAL)  # a window closed before its first page was shown
        # The program ends next: Python's last garbage collections need not look through
        # every object of the session once more (a tenth of a township's whole run).
        gc.freeze()


def _data_folder_ready(db_path: Path) -> bool:
    """The data folder can be written (this process's scratch folder made in it, and the default data
    file's folder); else the user is told why, and the window does not open."""
    try:
        files.use_private_temp()
        if db_path == paths.default_database():
            paths.ensure(db_path.parent)
        return True
    except files.DataFolderError as error:
        text = str(error)
    except OSError as error:
        text = files.data_folder_text(paths.data_dir(), error)
    QMessageBox.critical(None, "台账通", text)
    return False


def _run_window(app: QApplication, db_path: Path, smoke_since: float | None = None) -> int:
    first_start = db_path == paths.default_database() and not db_path.exists()
    if not first_start and not may_make_new(None, db_path):
        return 0
    if not hold_lock(db_path):
        say_already_open(None, db_path)
        return 0
    if not open_or_explain(None, db_path):
        return 1
    if smoke_since is not None and not has_unit():
        print(translate("App", "{path} has no unit yet: --smoke needs a data file that has been set up "
                               "(for example a demo).").format(path=db_path), file=sys.stderr)
        return 1
    chosen = ensure_unit(None, db_path)
    if chosen is None:
        return 0
    if smoke_since is None:
        from ui.dialogs.password import protect_if_undecided

        protect_if_undecided(None, chosen)  # a plain file of an earlier version: a password now?
    from ui.pages.overview.ahead import count_ahead

    # The first page is counted on a worker while this thread imports and builds the window, and the
    # worker needs the interpreter between SQLite's steps: it is handed over every half millisecond,
    # not every 5 (the worker waited 20 ms to begin and took twice its time) until the page is shown.
    sys.setswitchinterval(START_SWITCH_INTERVAL)
    count_ahead()
    from ui.main_window import MainWindow

    window = MainWindow(chosen, demo=chosen.name.startswith("demo-"))
    window.pages["overview"].when_computed(_resume_collections)
    QTimer.singleShot(RESUME_COLLECTIONS_MS, _resume_collections)  # should the first page never be done
    if smoke_since is not None:
        _quit_when_shown(app, window, smoke_since)
    window.show()
    check_in_background(window)  # integrity_check once the window is there: its start stays fast
    return app.exec()


RESUME_COLLECTIONS_MS = 5_000
START_SWITCH_INTERVAL = 0.0005  # seconds; Python's own is 0.005


def _resume_collections() -> None:
    """Python's collections, held off while the program started (``main.py``), resume once the first
    page shows its data; what the start built (modules, classes, the window) is left out of them.
    Threads share the interpreter as Python does by default again."""
    sys.setswitchinterval(DEFAULT_SWITCH_INTERVAL)
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


DEFAULT_SWITCH_INTERVAL = sys.getswitchinterval()


class _NobodyToAsk:
    """--smoke: nobody is there to answer a question. A dialog that waits for an answer (a file that is
    missing, damaged, encrypted or open in another window) is written to standard error and closed
    unanswered, as if cancelled, and the start ends with status 1 instead of waiting for ever."""

    LOOK_EVERY_MS = 100

    def __init__(self, app: QApplication):
        self.asked = False
        self._timer = QTimer(app)  # it fires in a dialog's own event loop too
        self._timer.setInterval(self.LOOK_EVERY_MS)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            return
        self.asked = True
        print(translate("App", "--smoke cannot answer a question, so it stops here: {text}").format(
            text=_dialog_text(dialog)), file=sys.stderr, flush=True)
        dialog.reject()

    def stop(self) -> None:
        self._timer.stop()


def _dialog_text(dialog: QDialog) -> str:
    """What a dialog says, on one line: a message box's text, else its title and labels."""
    if isinstance(dialog, QMessageBox):
        parts = [dialog.text(), dialog.informativeText()]
    else:
        parts = [dialog.windowTitle(), *(label.text() for label in dialog.findChildren(QLabel))]
    return " ".join(" ".join(part.split()) for part in parts if part.strip())


SMOKE_LIMIT_MS = 60_000


def _quit_when_shown(app: QApplication, window, since: float) -> None:
    """--smoke: once the first page has painted its figures, print the milliseconds since start;
    quit once the rest of the page (charts, to-do) is there too."""
    page = window.pages["overview"]

    def painted() -> None:
        page.repaint()  # painted now, not at the next turn of the event loop
        print(f"{(time.perf_counter() - since) * 1000:.0f} ms", flush=True)

    def too_late() -> None:
        print(translate("App", "The first page did not show its data within {n} seconds.").format(
            n=SMOKE_LIMIT_MS // 1000), file=sys.stderr)
        app.exit(1)

    def painted_and_done() -> None:
        painted()
        app.exit(0)

    if page.up_to_date():  # the page the file kept: shown with the window's first paint
        QTimer.singleShot(0, painted_and_done)
    else:
        page.figures_shown.connect(painted)
        page.computed.connect(lambda: app.exit(0))
    QTimer.singleShot(SMOKE_LIMIT_MS, too_late)
