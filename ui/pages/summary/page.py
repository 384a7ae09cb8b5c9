"""活动总结: the office's wording of each section beside a live preview with the figures filled.

The wording is saved per campaign (``SummaryText``) when the user leaves a
field or presses 保存; 恢复默认 brings a section back to the default wording.
The preview fills the placeholders from ``models.figures``, computed once when
the page is shown or the campaign changes (tens of milliseconds for a
township), so typing only re-fills text.

A village, a date range and the document's date (成文日期, which overdue is
judged against) choose what the preview and the documents cover; the
documents and printing are in ``documents``.
"""

from __future__ import annotations

import datetime as dt
import html
from uuid import UUID

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exporters import summary as s
from models import scope as scopes
from models import store
from ui.common import ERROR_STYLE, guarded, guarded_done, translate
from ui.pages.summary.documents import SummaryDocuments
from ui.pages.summary.preview import preview_html
from ui.widgets.choices import campaign_choices, chosen_key, fill_choices, village_choices
from ui.widgets.date_input import DateInput, date_range_problem

DEBOUNCE_MS = 300


class SectionEdit(QPlainTextEdit):
    """The wording of one section; says when the user enters and leaves it."""

    entered = Signal(str)
    left = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.entered.emit(self.key)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.left.emit(self.key)


class SummaryPage(SummaryDocuments, QWidget):
    """One campaign's summary: wording, preview, placeholders, and the documents to write."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.context: s.Context | None = None
        self.current_key = "opening"
        self.edits: dict[str, SectionEdit] = {}
        self.stored: dict[str, str] = {}  # each section's wording as last read or saved
        self.written_box: QMessageBox | None = None
        split = QSplitter()
        split.addWidget(self._sections())
        split.addWidget(self._preview_and_placeholders())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        layout.addLayout(self._scope_bar())
        layout.addWidget(split, 1)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh_preview)
        self.reload_campaigns()

    def _top_bar(self) -> QHBoxLayout:
        """The campaign, then 保存 and the documents to write."""
        self.campaign = QComboBox()
        self.campaign.currentIndexChanged.connect(self._on_campaign_changed)
        self.save_button = QPushButton(translate("Summary", "Save"))
        self.save_button.clicked.connect(self.save_all)
        self.summary_button = QPushButton(translate("Summary", "Write summary…"))
        self.summary_button.clicked.connect(self.write_summary)
        self.report_button = QPushButton(translate("Summary", "Write rectification report…"))
        self.report_button.clicked.connect(self.write_report)
        self.print_button = QPushButton(translate("Summary", "Print…"))
        self.print_button.setToolTip(translate(
            "Summary", "Opens the summary in WPS or Word, which print the official layout exactly"))
        self.print_button.clicked.connect(self.print_summary)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("Summary", "Campaign")))
        top.addWidget(self.campaign, 1)
        for button in (self.save_button, self.summary_button, self.report_button, self.print_button):
            top.addWidget(button)
        return top

    def _scope_bar(self) -> QHBoxLayout:
        """What the documents cover (a village, a date range) and the date they bear.

        The document date (成文日期) is what overdue rectifications are judged
        against: a summary of a past campaign is dated when it was written.
        """
        self.village = QComboBox()
        fill_choices(self.village, village_choices(), translate("Summary", "All villages"))
        self.date_from, self.date_to, self.document_date = DateInput(), DateInput(), DateInput()
        self.document_date.set_value(dt.date.today())
        self.scope_error = QLabel()
        self.scope_error.setStyleSheet(ERROR_STYLE)
        self.village.currentIndexChanged.connect(self._on_scope_changed)
        for widget in (self.date_from, self.date_to, self.document_date):
            widget.edited.connect(self._on_scope_changed)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Summary", "Village")))
        row.addWidget(self.village, 1)
        row.addWidget(QLabel(translate("Summary", "From")))
        row.addWidget(self.date_from)
        row.addWidget(QLabel(translate("Summary", "to")))
        row.addWidget(self.date_to)
        row.addWidget(QLabel(translate("Summary", "Date of the document")))
        row.addWidget(self.document_date)
        row.addWidget(self.scope_error, 1)
        return row

    def _on_scope_changed(self, *_args) -> None:
        self._build_context()
        self.refresh_preview()

    def _sections(self) -> QScrollArea:
        sections = QWidget()
        column = QVBoxLayout(sections)
        for section in s.SECTIONS:
            column.addLayout(self._section_row(section))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(sections)
        return scroll

    def _preview_and_placeholders(self) -> QSplitter:
        self.preview_title = QLabel()
        self.preview = QTextBrowser()
        self.placeholders = QTreeWidget()
        self.placeholders.setHeaderLabels([translate("Summary", "Placeholder"),
                                           translate("Summary", "What it gives")])
        self.placeholders.setToolTip(translate("Summary", "Double-click to insert at the cursor"))
        self.placeholders.itemDoubleClicked.connect(self._on_placeholder_double_clicked)
        self._fill_placeholder_list()
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview_title)
        preview_layout.addWidget(self.preview, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(preview_box)
        right.addWidget(self.placeholders)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        return right

    def _section_row(self, section: s.Section) -> QVBoxLayout:
        edit = SectionEdit(section.key)
        edit.entered.connect(self._on_edit_entered)
        edit.left.connect(self._on_edit_left)
        edit.textChanged.connect(lambda key=section.key: self._on_text_changed(key))
        self.edits[section.key] = edit
        reset = QPushButton(translate("Summary", "Restore default"))
        reset.setObjectName(f"reset-{section.key}")
        reset.clicked.connect(lambda _c=False, key=section.key: self.restore_default(key))
        head = QHBoxLayout()
        head.addWidget(QLabel(f"<b>{html.escape(translate('Summary', section.label))}</b>"))
        head.addStretch(1)
        head.addWidget(reset)
        box = QVBoxLayout()
        box.addLayout(head)
        box.addWidget(edit)
        return box

    def _fill_placeholder_list(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for placeholder in s.PLACEHOLDERS.values():
            group = groups.get(placeholder.group)
            if group is None:
                group = QTreeWidgetItem([translate("Placeholder", placeholder.group)])
                groups[placeholder.group] = group
                self.placeholders.addTopLevelItem(group)
            item = QTreeWidgetItem([f"{{{placeholder.name}}}",
                                    translate("Placeholder", placeholder.description)])
            item.setData(0, Qt.ItemDataRole.UserRole, placeholder.name)
            group.addChild(item)
        self.placeholders.expandAll()
        self.placeholders.resizeColumnToContents(0)

    # --- campaign and wording --------------------------------------------------------

    def campaign_id(self) -> UUID | None:
        value = self.campaign.currentData()
        return UUID(hex=value) if value else None

    def reload_campaigns(self) -> None:
        choices, keep, current = campaign_choices(), self.campaign.currentData(), store.current_campaign()
        if keep not in {key.hex for _label, key in choices}:
            keep = current.id.hex if current is not None else None
        fill_choices(self.campaign, choices, keep=keep)
        self._load_wording()

    def refresh(self) -> None:
        """The page is shown: campaigns and figures may have changed since."""
        self.save_all()
        self.reload_campaigns()

    def _on_campaign_changed(self, _index: int) -> None:
        self._load_wording()

    def _load_wording(self) -> None:
        campaign = self.campaign_id()
        texts = s.wording(campaign) if campaign else {key: "" for key in s.SECTION_KEYS}
        self.stored = dict(texts)
        for key, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setPlainText(texts[key])
            edit.blockSignals(False)
            edit.setEnabled(campaign is not None)
        self.save_button.setEnabled(campaign is not None)
        self._build_context()
        self.refresh_preview()

    def _build_context(self) -> None:
        self.context = None
        problem = self.scope_problem()
        self.scope_error.setText(problem or "")
        for button in (self.summary_button, self.report_button, self.print_button):
            button.setEnabled(self.campaign_id() is not None and problem is None)
        if self.campaign_id() is not None and problem is None:
            self.context = guarded(self, lambda: s.Context.build(self._options()))

    def scope_problem(self) -> str | None:
        """A date typed wrong, a reversed range or one outside the campaign, in one line; else None."""
        first, last, day = self.date_from.value(), self.date_to.value(), self.document_date.value()
        problem = date_range_problem(first, last) or date_range_problem(day, None)
        campaign = self.campaign_id()
        if problem is None and campaign is not None:
            assert not isinstance(first, str) and not isinstance(last, str)  # a date typed wrong is a problem
            problem = scopes.problem(scopes.Scope(campaign, first, last))
        return problem

    def _options(self) -> s.SummaryOptions:
        campaign = self.campaign_id()
        assert campaign is not None  # the documents and the preview's context are made for a campaign only
        day = self.document_date.value()
        first, last = self.date_from.value(), self.date_to.value()
        return s.SummaryOptions(campaign, first if isinstance(first, dt.date) else None,
                                last if isinstance(last, dt.date) else None, chosen_key(self.village),
                                day if isinstance(day, dt.date) else None)

    def save_section(self, key: str) -> None:
        text, campaign = self.edits[key].toPlainText(), self.campaign_id()
        if campaign is None or text == self.stored.get(key):
            return
        if guarded_done(self, lambda: s.save_wording(campaign, key, text)):
            self.stored[key] = text

    def save_all(self) -> None:
        for key in self.edits:
            self.save_section(key)

    def restore_default(self, key: str) -> None:
        campaign = self.campaign_id()
        if campaign is None:
            return
        guarded(self, lambda: s.reset_wording(campaign, key))
        edit = self.edits[key]
        edit.blockSignals(True)
        edit.setPlainText(s.section(key).default)
        edit.blockSignals(False)
        self.stored[key] = s.section(key).default
        self.current_key = key
        self.refresh_preview()

    def _on_edit_entered(self, key: str) -> None:
        self.current_key = key
        self.refresh_preview()

    def _on_edit_left(self, key: str) -> None:
        self.save_section(key)

    def _on_text_changed(self, key: str) -> None:
        self.current_key = key
        self._debounce.start()

    def _on_placeholder_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        name = item.data(0, Qt.ItemDataRole.UserRole)
        if not name:
            return
        edit = self.edits[self.current_key]
        edit.insertPlainText(f"{{{name}}}")
        edit.setFocus()

    # --- preview -------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        key = self.current_key
        self.preview_title.setText(translate("Summary", "Preview: {section}").format(
            section=translate("Summary", s.section(key).label)))
        if self.context is None:
            self.preview.setHtml("")
            return
        filled = s.fill(self.edits[key].toPlainText(), self.context)
        self.preview.setHtml(preview_html(key, filled.text))
        if filled.unknown:
            self.preview_title.setText(self.preview_title.text() + "　" + translate(
                "Summary", "Unknown placeholders: {names}").format(names="、".join(filled.unknown)))
