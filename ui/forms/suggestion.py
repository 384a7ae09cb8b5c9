"""The form of a suggestion (意见建议).
"""

from __future__ import annotations

from models import records as r
from ui.forms.base import RecordDialog


class SuggestionDialog(RecordDialog):
    model = r.Suggestion
    category_kind = "suggestion"
    fields = ("campaign", "date", "source", "submitter", "submitter_name", "content", "category",
              "item", "status", "department", "handling", "reply", "reply_date")
