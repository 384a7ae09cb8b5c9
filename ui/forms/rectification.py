"""The form of a problem to rectify (问题整改), with the visit or suggestion it was raised from.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
)

from models import records as r
from models import store
from ui.common import translate
from ui.forms.base import LinkedDialog


class RectificationDialog(LinkedDialog):
    model = r.Rectification
    category_kind = "problem"
    hidden = ("visit", "suggestion")
    fields = ("campaign", "recorded_on", "problem", "category", "source", "measures", "department",
              "person", "leader", "deadline", "status", "progress", "completed_on", "evidence",
              "verified_by")

    def extra_widgets(self):
        link = self.link_text()
        if not link:
            return []
        label = QLabel(link)
        label.setWordWrap(True)
        label.setStyleSheet("color: #1a5fb4;")
        return [label]

    def link_text(self) -> str:
        if self.kept.get("visit"):
            visit = r.Visit.get_or_none(r.Visit.id == self.kept["visit"])
            if visit is not None:
                return translate("Dialogs", "Raised from the visit: {what}").format(
                    what=store.describe(visit))
        if self.kept.get("suggestion"):
            suggestion = r.Suggestion.get_or_none(r.Suggestion.id == self.kept["suggestion"])
            if suggestion is not None:
                return translate("Dialogs", "Raised from the suggestion: {what}").format(
                    what=store.describe(suggestion))
        return ""
