"""The form of a study session (学习会议), with its attendance on a tab of its own.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from models import expected, store
from models import records as r
from models.records import BaseModel
from ui.common import translate
from ui.forms.attendance import AttendanceEditor
from ui.forms.base import RecordDialog


def default_expected(kind: str | None) -> list[UUID]:
    """Who is expected at a new session: the party members at theirs, the leadership group at its
    own study, else the staff in post (``models.expected``)."""
    return expected.for_kind(kind)



class SessionDialog(RecordDialog):
    model = r.Session
    record: r.Session | None  # the form of sessions is given sessions only (forms.DIALOGS)
    fields = ("campaign", "phase", "date", "start_time", "end_time", "kind", "topic", "place",
              "host", "speaker", "recorder", "content", "destination", "head_count", "remarks")

    def initial_values(self) -> dict[str, Any]:
        values = super().initial_values()
        if self.record is None:
            values.setdefault("kind", "staff_study")  # the most frequent kind of session
        return values

    def extra_tabs(self):
        self.attendance = AttendanceEditor()
        return [(self.attendance, translate("Dialogs", "Attendance"))]

    def set_values(self, values: dict[str, Any]) -> None:
        super().set_values(values)
        if not hasattr(self, "_loaded"):
            self._loaded = True
            people = None if self.record is not None else default_expected(self.editors["kind"].value())
            self.attendance.load(self.record, people)
            self._set_context()
            self.editors["kind"].currentIndexChanged.connect(self._kind_changed)
            self.editors["date"].edited.connect(self._set_context)

    def _set_context(self) -> None:
        self.attendance.set_context(self.editors["kind"].value(), self.record, self.editors["date"].value())

    def _kind_changed(self) -> None:
        """A new session's expected persons follow its kind until attendance is marked."""
        self._set_context()
        if self.record is None and not self.attendance.touched:
            self.attendance.load(None, default_expected(self.editors["kind"].value()))

    def write(self, values: dict[str, Any]) -> BaseModel:
        return store.save_session(values, self.attendance.attendance(), self.record)

    def warning_extra(self) -> dict[str, Any]:
        return {"attendance": self.attendance.attendance()}
