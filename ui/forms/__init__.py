"""The record forms: one dialog per kind of record, built from its fields (``base``).

A form is asked for with ``ask(FORMS[model](parent, record, initial))``: the
saved record, or None when the user cancelled.
"""

from __future__ import annotations

from models import records as r
from models.records import BaseModel
from ui.forms.base import RecordDialog, ask
from ui.forms.household import HouseholdDialog
from ui.forms.person import PersonDialog
from ui.forms.publicity import PublicityDialog
from ui.forms.rectification import RectificationDialog
from ui.forms.session import SessionDialog
from ui.forms.suggestion import SuggestionDialog
from ui.forms.visit import VisitDialog
from ui.forms.writing import WritingDialog

DIALOGS: dict[type[BaseModel], type[RecordDialog]] = {
    r.Session: SessionDialog, r.Writing: WritingDialog, r.Visit: VisitDialog,
    r.Suggestion: SuggestionDialog, r.Rectification: RectificationDialog,
    r.Publicity: PublicityDialog, r.Household: HouseholdDialog, r.Person: PersonDialog,
}

__all__ = ["DIALOGS", "RecordDialog", "ask"]
