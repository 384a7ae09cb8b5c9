"""The documents the summary page writes: the summary, the rectification report, a copy to print.

Printing: the page writes the document and opens it in the system's word
processor (WPS or Word), where the office prints it with its own printer
dialog. Qt cannot render a .docx, so a Qt print preview would have to print a
re-drawing of the document (QTextDocument) that loses the official layout:
the 22 × 28 grid, the fonts of the styles, the odd/even page numbers in the
outside corners. WPS and Word draw exactly the document that is filed and
sent upward, and the office already prints everything from them.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtWidgets import QMessageBox, QWidget

from exporters import summary as s
from models import records as r
from ui import files
from ui.common import translate

# Mixed into the summary page, a QWidget, which its message boxes and file dialogs take as their
# parent; for mypy it is one (at run time it stays a plain class ahead of the page's QWidget).
if TYPE_CHECKING:
    _Page = QWidget
else:
    _Page = object


class SummaryDocuments(_Page):
    """The page's document actions; the page gives the campaign and the options."""

    written_box: QMessageBox | None = None

    def campaign_id(self) -> UUID | None:
        raise NotImplementedError

    def _options(self) -> s.SummaryOptions:
        raise NotImplementedError

    def save_all(self) -> None:
        raise NotImplementedError

    # --- documents ------------------------------------------------------------------------

    def _target(self, title: str, name: str) -> Path | None:
        return files.choose_word_target(self, title, name)

    def _title_name(self, what: str) -> str:
        campaign = r.Campaign.get_by_id(self.campaign_id())
        return f"{campaign.unit.name}“{campaign.name}”{what}.docx"

    def write_summary(self) -> Path | None:
        self.save_all()
        title = translate("Summary", "Write summary")
        path = self._target(title, self._title_name("活动总结"))
        if path is None:
            return None
        return self._write(title, lambda: s.write_summary(path, self._options()))

    def write_report(self) -> Path | None:
        from exporters.rectification_report import write_rectification_report

        title = translate("Summary", "Write rectification report")
        path = self._target(title, self._title_name("活动问题整改情况报告"))
        if path is None:
            return None
        return self._write(title, lambda: write_rectification_report(path, self._options()))

    def print_summary(self) -> Path | None:
        """Write the summary to a new temporary file and open it in WPS or Word to print."""
        self.save_all()
        folder = Path(tempfile.gettempdir()) / "taizhangtong"
        folder.mkdir(exist_ok=True)
        path = folder / f"活动总结-{dt.datetime.now():%Y%m%d-%H%M%S}.docx"
        written = self._write(translate("Summary", "Print…"),
                              lambda: s.write_summary(path, self._options()), offer=False)
        if written is not None:
            files.open_path(written)
        return written

    def _write(self, title: str, job, offer: bool = True) -> Path | None:
        from exporters import ExportError

        try:
            with files.busy():
                result = job()
        except ExportError as error:
            QMessageBox.critical(self, title, str(error))
            return None
        path = result.path if isinstance(result, s.SummaryResult) else result
        text = translate("Summary", "{path} was written.").format(path=path)
        if isinstance(result, s.SummaryResult) and result.unknown:
            text += "\n" + translate("Summary", "Unknown placeholders were left in the text as 【…】: "
                                                "{names}").format(names="、".join(result.unknown))
        if offer:
            self.written_box = files.written_box(self, title, path, text)
        return path


