"""The main window: a navigation on the left, the chosen page on the right."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from models import records as r
from models.i18n import QT_TRANSLATE_NOOP
from models.settings import current_campaign, current_unit
from ui.auto_backup import AutoBackup
from ui.common import settings, translate, warn
from ui.data_file import (
    check_in_background,
    close_data_file,
    ensure_unit,
    hold_lock,
    may_make_new,
    open_or_explain,
    say_already_open,
)
from ui.pages.overview.page import OverviewPage

if TYPE_CHECKING:
    from ui.pages.overview.figures import ListRequest
    from ui.pages.record_list import RecordPage

# Pages other than the overview (the record lists too, with models.lists), the
# dialogs, the forms and the exporters (with openpyxl and python-docx) are
# imported when first used: the window opens on the overview alone.

# The pages in the order of the navigation: (list key or page name, English label).
PAGES = (
    ("overview", QT_TRANSLATE_NOOP("MainWindow", "Overview")),
    ("sessions", QT_TRANSLATE_NOOP("MainWindow", "Study sessions")),
    ("writings", QT_TRANSLATE_NOOP("MainWindow", "Study writings")),
    ("visits", QT_TRANSLATE_NOOP("MainWindow", "Household visits")),
    ("suggestions", QT_TRANSLATE_NOOP("MainWindow", "Suggestions")),
    ("rectifications", QT_TRANSLATE_NOOP("MainWindow", "Rectification")),
    ("publicity", QT_TRANSLATE_NOOP("MainWindow", "Publicity")),
    ("summary", QT_TRANSLATE_NOOP("MainWindow", "Campaign summary")),
    ("households", QT_TRANSLATE_NOOP("MainWindow", "Households")),
    ("persons", QT_TRANSLATE_NOOP("MainWindow", "Staff")),
    ("bin", QT_TRANSLATE_NOOP("MainWindow", "Recycle bin")),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings")),
)
# The pages that are not a list of records (a RecordPage).
OTHER_PAGES = frozenset(("overview", "summary", "bin", "settings"))


class Pages(dict):
    """The pages built so far, by key; asking for one not built yet builds it.

    A page is built when it is first shown (or first asked for), so opening the
    window builds and reads only the overview; ``values()`` are the pages built.
    """

    def __init__(self, build):
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> QWidget:
        page = self[key] = self._build(key)
        return page


class MainWindow(QMainWindow):
    def __init__(self, db_path: Path, demo: bool = False):
        super().__init__()
        self.db_path = Path(db_path)
        self.demo = demo
        self.nav = QListWidget()
        self.nav.setMaximumWidth(220)
        self.nav.setMinimumWidth(110)
        self.stack = QStackedWidget()
        self.pages = Pages(self._make_page)
        for key, label in PAGES:
            item = QListWidgetItem(translate("MainWindow", label))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_page)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.file_label = QLabel()
        self.statusBar().addPermanentWidget(self.file_label)
        self._menus()
        self.auto_backup = AutoBackup(self)
        from ui.idle_lock import IdleLock

        self.idle_lock = IdleLock(self)
        screen = self.screen().availableGeometry()
        self.resize(min(1280, screen.width() - 40), min(780, screen.height() - 60))
        self.splitter.setSizes([150, self.width() - 150])
        self._restore_layout()
        self.nav.setCurrentRow(0)
        self.refresh_title()

    # --- building -----------------------------------------------------------------

    def _make_page(self, key: str) -> QWidget:
        page = self._new_page(key)
        self.stack.addWidget(page)
        if key not in OTHER_PAGES:
            page.changed.connect(self.records_changed)
            self._extra_actions(key, cast("RecordPage", page))  # every page not in OTHER_PAGES is a list
            page.restore_layout()
        return page

    def _new_page(self, key: str) -> QWidget:
        if key == "overview":
            page = OverviewPage()
            page.list_requested.connect(self.open_list)
            page.record_requested.connect(self.open_record)
            return page
        if key == "summary":
            from ui.pages.summary import SummaryPage

            return SummaryPage()
        if key == "bin":
            from ui.pages.recycle_bin import RecycleBinPage

            bin_page = RecycleBinPage()
            bin_page.changed.connect(self.records_changed)
            return bin_page
        if key == "settings":
            from ui.pages.settings import SettingsPage

            settings_page = SettingsPage()
            settings_page.changed.connect(self.settings_changed)
            return settings_page
        from models import lists
        from ui.pages.record_list import RecordPage

        return RecordPage(lists.LISTS[key])

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        open_action = file_menu.addAction(translate("MainWindow", "Open data file…"), self.open_file)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        file_menu.addAction(translate("MainWindow", "New data file…"), self.new_file)
        file_menu.addSeparator()
        export_action = file_menu.addAction(translate("MainWindow", "Export registers…"),
                                            self.export_registers)
        export_action.setShortcut(QKeySequence("Ctrl+E"))
        file_menu.addAction(translate("MainWindow", "Import roster…"), self.import_roster)
        file_menu.addAction(translate("MainWindow", "Export change history…"),
                            self._on_first_use("ui.dialogs.history_export", "export_history"))
        file_menu.addSeparator()
        file_menu.addAction(translate("MainWindow", "Back up to…"), self.backup_to)
        file_menu.addAction(translate("MainWindow", "Restore from a backup…"), self.restore_from_backup)
        file_menu.addSeparator()
        file_menu.addAction(translate("MainWindow", "Export data package…"),
                            self._on_first_use("ui.dialogs.packages", "export_package"))
        file_menu.addAction(translate("MainWindow", "Import data package…"),
                            self._on_first_use("ui.dialogs.packages", "import_package"))
        file_menu.addAction(translate("MainWindow", "Conflicts of exchanges…"),
                            self._on_first_use("ui.dialogs.conflicts", "show_conflicts"))
        file_menu.addSeparator()
        quit_action = file_menu.addAction(translate("MainWindow", "Quit"), self.close)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        record_menu = self.menuBar().addMenu(translate("MainWindow", "&Records"))
        find = QAction(translate("MainWindow", "Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        record_menu.addAction(find)
        self.addAction(find)
        for index, (_key, label) in enumerate(PAGES):
            action = QAction(translate("MainWindow", label), self)
            if index < 10:  # Ctrl+1 … Ctrl+9, Ctrl+0 for the first ten pages
                action.setShortcut(QKeySequence(f"Ctrl+{(index + 1) % 10}"))
            action.triggered.connect(lambda _c=False, i=index: self.nav.setCurrentRow(i))
            record_menu.addAction(action)
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(translate("MainWindow", "About 台账通"), self.about)

    def _extra_actions(self, key: str, page: RecordPage) -> None:
        """The buttons a list has beyond New, Edit and Delete."""
        if key in ("visits", "suggestions"):
            page.add_action(translate("MainWindow", "Raise a rectification"),
                            lambda: self.raise_rectification(page))
        if key == "suggestions":
            page.add_action(translate("MainWindow", "Merge…"), self.merge_suggestions)
        if key in ("households", "persons"):
            page.add_action(translate("MainWindow", "Export roster…"),
                            self._on_first_use("ui.dialogs.export_roster", f"export_{key}"))
        if key == "sessions":
            page.add_action(translate("MainWindow", "Print sign-in sheet"),
                            self._on_first_use("ui.dialogs.signin_sheet", "print_signin_sheet", session=True))
            page.add_action(translate("MainWindow", "Write minutes…"),
                            self._on_first_use("ui.dialogs.minutes", "write_minutes_of", session=True))

    # --- pages ----------------------------------------------------------------------

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row][0]
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        if key not in OTHER_PAGES:
            if not page.shown:
                page.shown = True
                page.apply_filters()
        elif hasattr(page, "refresh"):
            page.refresh()

    def list_pages(self) -> list[RecordPage]:
        """The lists of records built so far."""
        return [page for key, page in self.pages.items() if key not in OTHER_PAGES]

    def page(self, key: str) -> QWidget:
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow([k for k, _label in PAGES].index(key))
        return self.pages[key]

    def open_list(self, request: ListRequest) -> None:
        """Show the records behind a figure of the overview."""
        page = self.show_page(request.key)
        page.show_filtered(**request.filters)

    def open_record(self, model: type[r.BaseModel], key) -> None:
        """Open one record (a line of the to-do list) in its form, from its own list."""
        from models import lists

        page_key = next(k for k, spec in lists.LISTS.items() if spec.model is model)
        record = model.get_or_none(model.id == key)
        if record is not None:
            self.show_page(page_key).open_dialog(record)

    def focus_search(self) -> None:
        page = self.stack.currentWidget()
        if page in self.list_pages():
            page.search.setFocus()
            page.search.selectAll()

    def records_changed(self) -> None:
        """Records were written somewhere: lists already shown read their rows again."""
        overview = self.pages["overview"]
        if overview.isVisible():
            overview.refresh()
        for page in self.list_pages():
            if page.shown and page is not self.sender():
                page.apply_filters()
        self.refresh_title()

    def settings_changed(self) -> None:
        self.pages["overview"].reload_choices()
        for page in self.list_pages():
            page.reload_filter_choices()
        self.records_changed()

    # --- actions ---------------------------------------------------------------------

    def raise_rectification(self, page: RecordPage) -> None:
        source = page.current_record()
        if source is None:
            self.statusBar().showMessage(translate("MainWindow", "Choose a record first."), 4000)
            return
        assert isinstance(source, r.Visit | r.Suggestion)  # the action is on these two lists alone
        from models import store
        from ui.forms import DIALOGS
        from ui.pages.record_list import ask

        dialog = DIALOGS[r.Rectification](self, None, store.rectification_from(source))
        if ask(dialog) is not None:
            page.apply_filters(wait=True)
            self.records_changed()
            self.statusBar().showMessage(translate("MainWindow", "Rectification recorded; it is in the "
                                                          "rectification list."), 6000)

    def merge_suggestions(self) -> None:
        page = self.pages["suggestions"]
        keys = page.selected_ids()
        if len(keys) < 1:
            self.statusBar().showMessage(translate("MainWindow", "Select the suggestions to merge."), 4000)
            return
        chosen = list(r.Suggestion.select().where(r.Suggestion.id.in_(keys)))
        if len({s.campaign_id for s in chosen}) > 1:
            warn(self, translate("MainWindow", "Merge"), translate(
                "MainWindow", "Only suggestions of the same campaign can be merged."))
            return
        from ui.forms.merge_suggestions import MergeDialog

        dialog = MergeDialog(self, chosen)
        if dialog.exec():
            page.apply_filters(wait=True)
            self.statusBar().showMessage(translate(
                "MainWindow", "{n} suggestions merged into “{item}”.").format(
                n=len(chosen), item=dialog.item.title), 6000)

    def export_registers(self) -> None:
        """The register workbook: choices, then the export with its progress (not blocking)."""
        from ui.dialogs.export_registers import ExportDialog

        self.export_dialog = ExportDialog(self)
        self.export_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export_dialog.open()

    def import_roster(self) -> None:
        from ui.dialogs.import_roster import ImportDialog

        self.import_dialog = ImportDialog(self)
        self.import_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog.imported.connect(lambda _result: self.records_changed())
        self.import_dialog.open()

    def _on_first_use(self, module: str, function: str, *, session: bool = False) -> Callable[[], None]:
        """An action whose dialog is imported when it is chosen, not when the window opens.

        ``function(window)``, or ``function(window, the chosen study session)``.
        """
        def run(*_args) -> None:
            act = getattr(importlib.import_module(module), function)
            if session:
                act(self, self.pages["sessions"].current_record())
            else:
                act(self)
        return run

    def open_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Open data file"), str(self.db_path.parent),
            translate("MainWindow", "台账通 data (*.db);;All files (*)"))
        if name:
            self.switch_to(Path(name))

    def new_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "New data file"), str(self.db_path.parent),
            translate("MainWindow", "台账通 data (*.db)"))
        if name:
            path = Path(name)
            if path.exists():
                warn(self, translate("MainWindow", "New data file"), translate(
                    "MainWindow", "{path} already exists; choose Open to use it.").format(path=path))
                return
            self.switch_to(path)

    def backup_to(self) -> None:
        from ui.dialogs.backup import backup_to_file

        backup_to_file(self)

    def restore_from_backup(self) -> None:
        from ui.dialogs.backup import RestoreDialog

        self.restore_dialog = RestoreDialog(self)
        self.restore_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.restore_dialog.restored.connect(self._on_restore_dialog_restored)
        self.restore_dialog.open()

    def _on_restore_dialog_restored(self, result) -> None:
        self.switch_to(self.db_path)
        self.statusBar().showMessage(translate(
            "MainWindow", "Restored {source}; the data as it was before is kept at {kept}.").format(
            source=result.source.name, kept=result.kept), 10000)

    def switch_to(self, path: Path) -> bool:
        previous = self.db_path
        if path.exists() and path != previous and not may_make_new(self, path):
            return False
        if not hold_lock(path):
            say_already_open(self, path)
            return False
        close_data_file()
        chosen = ensure_unit(self, path) if open_or_explain(self, path) else None
        if chosen is None:
            hold_lock(previous)
            open_or_explain(self, previous)
            return False
        self.db_path = path = chosen
        self.demo = path.name.startswith("demo-")
        for page in self.list_pages():
            page.reload_filter_choices()
            page.shown = False
        self._show_page(self.nav.currentRow())
        if "settings" in self.pages:
            self.pages["settings"].refresh()
        self.refresh_title()
        check_in_background(self)
        return True

    def about(self) -> None:
        QMessageBox.about(self, translate("MainWindow", "About 台账通"), translate(
            "MainWindow", "台账通 keeps the ledgers of a campaign: study sessions, visits, "
            "suggestions and rectification, each fact recorded once.\n\nData file: {path}").format(
            path=self.db_path))

    def refresh_title(self) -> None:
        unit, campaign = current_unit(), current_campaign()
        parts = ["台账通"]
        if unit is not None:
            parts.append(unit.name)
        if campaign is not None:
            parts.append(f"“{campaign.name}”")
        title = " — ".join(parts)
        if self.demo:
            title += translate("MainWindow", " (demo data)")
        self.setWindowTitle(title)
        self.file_label.setText(translate("MainWindow", "Data file: {path}").format(path=self.db_path))

    # --- layout kept between runs ---------------------------------------------------------

    def _restore_layout(self) -> None:
        stored = settings()
        geometry = stored.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        splitter = stored.value("window/splitter")
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        stored = settings()
        stored.setValue("window/geometry", self.saveGeometry())
        stored.setValue("window/splitter", self.splitter.saveState())
        for page in self.list_pages():
            page.save_layout()
        stored.sync()

    def closeEvent(self, event) -> None:
        self.save_layout()
        self.auto_backup.backup_on_close()
        super().closeEvent(event)
