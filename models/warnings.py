"""Facts that contradict each other, warned about when a record is entered; the user may save anyway.

``models.validation`` refuses what cannot be (a date that is no date, an ID
with a wrong check digit); this module only warns about what is unlikely to be
true and would otherwise be printed silently: a date outside the campaign, a
host or recorder absent from the meeting, a study tour of fewer people than
were present, a suggestion answered without a reply, a visit that says it
raised a rectification which does not exist. The form shows the warnings under
their fields and saves on a second 保存 (``ui.forms.base``); the demonstration
data passes every rule (``tests/models/test_demo.py``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from models import records as r
from models import vocab
from models.i18n import translate
from models.scope import DATE_FIELDS
from models.validation import field_label

Marks = Mapping[Any, tuple[str | None, str]]

# What a visit's text says when it claims a rectification was raised.
RAISED = ("纳入问题清单", "列入问题清单", "转为整改", "转入整改", "转整改", "纳入整改台账", "列入整改台账")


@dataclass(frozen=True)
class EntryWarning:
    field: str
    message: str


def check(model: type[r.BaseModel], values: dict[str, Any], record_id: Any = None,
          attendance: Marks | None = None) -> list[EntryWarning]:
    """The contradictions in ``values`` for a record of ``model`` (and a session's ``attendance``)."""
    found = _outside_campaign(model, values)
    if model is r.Session:
        found += _session(values, attendance or {})
    elif model is r.Suggestion:
        found += _suggestion(values)
    elif model is r.Visit:
        found += _visit(values, record_id)
    return found


def _outside_campaign(model: type[r.BaseModel], values: dict[str, Any]) -> list[EntryWarning]:
    name = DATE_FIELDS.get(model)
    if name is None:
        return []
    day, key = values.get(name), _key(values.get("campaign"))
    if not isinstance(day, dt.date) or key is None:
        return []
    campaign = r.Campaign.get_or_none(r.Campaign.id == key)
    if campaign is None or campaign.start_date <= day <= (campaign.end_date or day):
        return []
    end = campaign.end_date.isoformat() if campaign.end_date else "…"
    message = translate("Warnings", "{field} {date} is outside the campaign {name} ({start} to {end}).")
    text = message.format(field=field_label(model, name), date=day.isoformat(), name=campaign.name,
                          start=campaign.start_date.isoformat(), end=end)
    return [EntryWarning(name, text)]


def _session(values: dict[str, Any], attendance: Marks) -> list[EntryWarning]:
    marks = {_key(person): status for person, (status, _reason) in attendance.items()}
    found = []
    for role in ("host", "recorder"):
        person = _key(values.get(role))
        status = marks.get(person)
        if person is not None and status in ("leave", "absent"):
            message = translate("Warnings", "The {role} is marked {status} at this session.")
            found.append(EntryWarning(role, message.format(role=field_label(r.Session, role),
                                                           status=vocab.ATTENDANCE.label(status))))
    head_count, present = values.get("head_count"), sum(1 for s in marks.values() if s in vocab.ATTENDED)
    if values.get("kind") == "study_tour" and isinstance(head_count, int) and head_count < present:
        found.append(EntryWarning("head_count", translate(
            "Warnings", "{field} is {n}, but {present} persons are marked present.").format(
            field=field_label(r.Session, "head_count"), n=head_count, present=present)))
    return found


def _suggestion(values: dict[str, Any]) -> list[EntryWarning]:
    if values.get("status") in vocab.SUGGESTION_ANSWERED and not str(values.get("reply") or "").strip():
        message = translate("Warnings", "The suggestion is marked {status} but has no {field}.")
        return [EntryWarning("reply", message.format(status=vocab.SUGGESTION_STATUSES.label(values["status"]),
                                                     field=field_label(r.Suggestion, "reply")))]
    return []


def _visit(values: dict[str, Any], record_id: Any) -> list[EntryWarning]:
    for name in ("help_given", "remarks", "requests"):
        text = str(values.get(name) or "")
        if any(words in text for words in RAISED) and not _raised(record_id):
            return [EntryWarning(name, translate(
                "Warnings", "{field} says a rectification was raised, but none comes from this visit "
                "(use “Raise a rectification” to raise one).").format(field=field_label(r.Visit, name)))]
    return []


def _raised(visit: Any) -> bool:
    key = _key(visit)
    return key is not None and r.Rectification.select().where(
        r.Rectification.visit == key, r.Rectification.deleted_at.is_null()).exists()


def _key(value: Any) -> uuid.UUID | None:
    if isinstance(value, r.BaseModel):
        return value.id
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def of_record(record: r.BaseModel) -> list[EntryWarning]:
    """The warnings a stored record would get if it were entered again as it is."""
    values = dict(record.__data__)
    attendance = None
    if isinstance(record, r.Session):
        attendance = {row.person_id: (row.status, row.reason) for row in r.Attendance.select().where(
            r.Attendance.session == record.id, r.Attendance.deleted_at.is_null())}
    return check(type(record), values, record.id, attendance)
