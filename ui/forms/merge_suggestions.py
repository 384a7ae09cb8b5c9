"""归并: suggestions merged into one consolidated item, an existing one or a new one.
"""

from __future__ import annotations

from uuid import UUID

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models import records as r
from models import store
from models.validation import ValidationError
from ui.common import ERROR_STYLE, translate
from ui.widgets.choices import category_choices, item_choices


class MergeDialog(QDialog):
    """Merge suggestions into one consolidated item: an existing one, or a new one."""

    def __init__(self, parent: QWidget | None, suggestions: list[r.Suggestion]):
        super().__init__(parent)
        self.suggestions = suggestions
        self.item: r.SuggestionItem | None = None
        self.setWindowTitle(translate("Dialogs", "Merge suggestions"))
        campaign = suggestions[0].campaign_id
        self.existing = QComboBox()
        self.existing.addItem(translate("Dialogs", "— a new consolidated item —"), None)
        for label, key in item_choices(campaign):
            self.existing.addItem(label, key.hex)
        self.title = QLineEdit()
        self.title.setPlaceholderText(translate("Dialogs", "Title of the new consolidated item"))
        self.category = QComboBox()
        self.category.addItem("", None)
        for label, key in category_choices("suggestion"):
            self.category.addItem(label, key.hex)
        self.existing.currentIndexChanged.connect(self._existing_changed)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        form.addRow(translate("Dialogs", "Merge into"), self.existing)
        form.addRow(translate("Dialogs", "New item"), self.title)
        form.addRow(translate("Field", "Category"), self.category)
        listing = QLabel("\n".join(f"• {store.describe(s)}" for s in suggestions[:12])
                         + ("\n…" if len(suggestions) > 12 else ""))
        listing.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Dialogs", "Merge"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Forms", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Dialogs", "{n} suggestions:").format(n=len(suggestions))))
        layout.addWidget(listing)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _existing_changed(self) -> None:
        self.title.setEnabled(self.existing.currentData() is None)

    def accept(self) -> None:
        try:
            with r.database.atomic():
                key = self.existing.currentData()
                if key:
                    item = r.SuggestionItem.get_by_id(UUID(hex=key))
                else:
                    category = self.category.currentData()
                    item = store.save(r.SuggestionItem, {
                        "campaign": self.suggestions[0].campaign_id, "title": self.title.text(),
                        "category": UUID(hex=category) if category else None})
                store.merge_suggestions(self.suggestions, item)
        except ValidationError as error:
            self.error.setText("\n".join(e.message for e in error.errors))
            self.error.show()
            return
        self.item = item
        super().accept()
