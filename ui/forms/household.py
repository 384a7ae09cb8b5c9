"""The form of a household (农户) of the roster.
"""

from __future__ import annotations

from models import records as r
from ui.forms.base import RecordDialog


class HouseholdDialog(RecordDialog):
    model = r.Household
    fields = ("village", "group", "head_name", "id_number", "phone", "address", "population", "tags",
              "remarks")
