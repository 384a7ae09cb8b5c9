"""The form of a publicity item (宣传信息).
"""

from __future__ import annotations

from models import records as r
from ui.forms.base import RecordDialog


class PublicityDialog(RecordDialog):
    model = r.Publicity
    fields = ("campaign", "date", "kind", "title", "outlet", "remarks")
