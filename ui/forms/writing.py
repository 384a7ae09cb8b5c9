"""The form of a study writing (学习成果).
"""

from __future__ import annotations

from models import records as r
from ui.forms.base import RecordDialog


class WritingDialog(RecordDialog):
    model = r.Writing
    fields = ("campaign", "person", "kind", "title", "date", "length", "checked_by", "checked_on",
              "remarks")
