"""The form of a person (人员): staff, cadre or party member of the unit.
"""

from __future__ import annotations

from models import records as r
from models import store
from ui.forms.base import LinkedDialog


class PersonDialog(LinkedDialog):
    model = r.Person
    hidden = ("unit",)
    fields = ("name", "gender", "title", "department", "village", "leader", "party_member", "staff",
              "phone", "active", "remarks")

    def __init__(self, parent=None, record=None, initial=None):
        if record is None:
            unit = store.current_unit()
            initial = {"unit": unit.id if unit else None, **(initial or {})}
        super().__init__(parent, record, initial)
