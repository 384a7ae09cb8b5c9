"""Take the README's screenshots of every list and form, on the township demo.

    QT_QPA_PLATFORM=offscreen python resources/screenshots/make.py [--db FILE]

Without --db the township demo is written to a temporary file first. The
pictures are grabbed from the real widgets, in Chinese, at a laptop's size.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp())
    os.environ["TAIZHANGTONG_HOME"] = str(home)

    from PySide6.QtWidgets import QApplication

    from models import db, demo
    from models import records as r

    app = QApplication([])
    from ui.app import install_translators

    install_translators(app, "zh_CN")
    path = args.db
    if path is None:
        path = home / "township.db"
        demo.generate(path, "township")
        db.close_database()
    db.open_database(path)

    from ui.forms import DIALOGS
    from ui.main_window import PAGES, MainWindow

    window = MainWindow(path, demo=True)
    window.resize(1280, 720)
    window.show()
    for key, _label in PAGES:
        window.show_page(key)
        app.processEvents()
        page = window.pages[key]
        if hasattr(page, "model") and hasattr(page.model, "reload"):
            page.model.reload(wait=True)
        if key == "overview":
            page.refresh(wait=True)
        for _ in range(5):  # the new figures' layout settles over a few rounds of events
            app.processEvents()
        window.grab().save(str(OUT / f"list-{key}.png"))

    for model, dialog_class in DIALOGS.items():
        record = (model.select().where(model.deleted_at.is_null())
                  .order_by(model.created_at.desc()).first())
        if model is r.Session:
            record = (r.Session.select().where(r.Session.kind == "leader_study")
                      .order_by(r.Session.date.desc()).first())
        dialog = dialog_class(window, record)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(OUT / f"form-{model._meta.table_name}.png"))
        if model is r.Session:
            dialog.tabs.setCurrentIndex(1)
            app.processEvents()
            dialog.grab().save(str(OUT / "form-session-attendance.png"))
        dialog.close()
    from models import backup
    from ui.dialogs.backup import RestoreDialog
    from ui.dialogs.export_registers import ExportDialog
    from ui.dialogs.import_roster import ImportDialog

    backup.make_backup("manual")
    dialog = RestoreDialog(window)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(OUT / "dialog-restore.png"))
    dialog.close()

    for name, dialog_class in (("export", ExportDialog), ("import", ImportDialog)):
        dialog = dialog_class(window)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(OUT / f"dialog-{name}.png"))
        dialog.close()
    window.close()
    db.close_database()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
