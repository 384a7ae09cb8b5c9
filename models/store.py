"""Writing records: validated, in one transaction, deletes to the recycle bin.

Every path that changes records (forms, imports, the command line) goes
through here, so the same rules hold whichever way the data comes in.

Naming a record (``describe``, ``kind_name``) lives in ``models.descriptions``
and the settings of this installation (current unit and campaign) in
``models.settings``; this module offers both too, where callers have found them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar
from uuid import UUID

import peewee

from models import history, normalize, versions
from models import records as r
from models.descriptions import describe as describe
from models.descriptions import describe_key
from models.descriptions import kind_name as kind_name
from models.i18n import translate
from models.personal import normalize_id_number, normalize_phone, upgrade_legacy_id
from models.records import BaseModel, ChoiceField, TagsField, database, utcnow
from models.settings import current_campaign as current_campaign
from models.settings import current_unit as current_unit
from models.settings import get_setting as get_setting
from models.settings import set_current as set_current
from models.settings import set_setting as set_setting
from models.validation import FieldError, ValidationError, check

# ``save`` gives back the kind of record it is given: a Campaign for r.Campaign.
Record = TypeVar("Record", bound=BaseModel)


class StillUsedError(Exception):
    """A record cannot go to the recycle bin while live records point to it."""


def clean(model: type[BaseModel], values: dict[str, Any]) -> dict[str, Any]:
    """Values as stored, however they were typed (``models.normalize``).

    Full-width digits and letters folded, spaces trimmed; ID numbers and phones
    in one spelling, a legacy 15-digit ID number as its 18 characters; a date,
    time or number typed as text read as one when it is one (else left as
    text, for the validation to name).
    """
    cleaners = _cleaners(model)
    return {name: cleaners.get(name, _strip)(value) if type(value) is str else value
            for name, value in values.items()}


_CLEANERS: dict[type[BaseModel], dict[str, Any]] = {}


def _cleaners(model: type[BaseModel]) -> dict[str, Any]:
    """{field: how a text typed into it is stored}, made once per model."""
    if model not in _CLEANERS:
        _CLEANERS[model] = {name: _cleaner(field) for name, field in model._meta.fields.items()}
    return _CLEANERS[model]


def _cleaner(field: peewee.Field) -> Any:
    if field.name == "id_number":
        return lambda value: upgrade_legacy_id(value) or normalize_id_number(value)
    if field.name == "phone":
        return normalize_phone
    if isinstance(field, peewee.DateField):
        return normalize.parse_date
    if isinstance(field, peewee.TimeField):
        return normalize.parse_time
    if isinstance(field, peewee.IntegerField) and not isinstance(field, peewee.AutoField):
        return normalize.parse_int
    if isinstance(field, ChoiceField | TagsField | peewee.ForeignKeyField | peewee.UUIDField):
        return _strip
    if isinstance(field, peewee.TextField):
        return normalize.block
    return normalize.one_line


def _strip(value: str) -> str:
    return value.strip()


def save(model: type[Record], values: dict[str, Any], record: Record | None = None) -> Record:
    """Create a record, or change ``record``, after validating the merged values."""
    with database.atomic():
        return _save(model, values, record)


def _save(model, values, record, recorded: bool = True):
    """Validate and write; the history row goes with it unless ``recorded`` is False."""
    values = clean(model, values)
    merged = _current_values(record) if record is not None else _defaults(model)
    merged.update(values)
    check(model, merged, record.id if record is not None else None)
    is_new = record is None
    before = None if is_new else dict(record.__data__)
    if record is None:
        record = model()
    for name, value in values.items():
        setattr(record, name, value)
    if before is not None and _same(before, record.__data__):
        return record  # nothing changed: no write, and the record keeps its last-changed time
    record.save(force_insert=is_new)
    if recorded:
        _record_save(record, before)
    return record


def _same(before: dict[str, Any], after: dict[str, Any]) -> bool:
    return all(before.get(name) == value for name, value in after.items() if name != "updated_at")


def _record_save(record: BaseModel, before: dict[str, Any] | None,
                 parts: dict[str, Any] | None = None) -> None:
    """History of a create (``before`` None) or an edit, with changes of the record's own parts."""
    changes = history.field_changes(type(record), before, record.__data__, describe_key)
    changes.update({name: change for name, change in (parts or {}).items() if change})
    _record(record, "create" if before is None else "edit", changes)


def _record(record: BaseModel, action: str, changes: dict[str, Any]) -> None:
    row = database.execute_sql('SELECT "value" FROM "setting" WHERE "key" = ?', ("operator",)).fetchone()
    history.write(record, action, changes, row[0] if row else "")


def _names(keys: Iterable[UUID]) -> dict[UUID, str]:
    query = r.Person.select(r.Person.id, r.Person.name).where(r.Person.id.in_(list(keys)))
    return {key: name for key, name in query.tuples()}


_BOOKKEEPING = ("id", "created_at", "updated_at", "deleted_at", "version", "lineage")


def _defaults(model: type[BaseModel]) -> dict[str, Any]:
    """What a new record holds before the form's values are applied (its lineage empty: it is new)."""
    return {name: field.default() if callable(field.default) else field.default
            for name, field in model._meta.fields.items()
            if (name not in _BOOKKEEPING or name == "lineage") and field.default is not None}


def _current_values(record: BaseModel) -> dict[str, Any]:
    """The stored values of ``record``, references as keys (no queries)."""
    return {name: value for name, value in record.__data__.items() if name not in _BOOKKEEPING}


def save_session(values: dict[str, Any], attendance: Mapping[Any, tuple[str | None, str]],
                 record: r.Session | None = None) -> r.Session:
    """A session and its attendance: {person: (status or None, reason)}, in one go.

    The keys are the persons expected. A person no longer expected loses the
    row (it goes to the recycle bin with its mark); one expected again gets the
    old row back with the new mark.
    """
    wanted = {_key(person): mark for person, mark in attendance.items()}
    with database.atomic():
        before = None if record is None else dict(record.__data__)
        session = _save(r.Session, values, record, recorded=False)
        rows = {row.person_id: row for row in r.Attendance.select().where(
            r.Attendance.session == session)}
        marks_before = {key: (row.status, row.reason) for key, row in rows.items() if row.deleted_at is None}
        marks_after = _save_marks(session, rows, wanted)
        _record_save(session, before, {
            history.ATTENDANCE: history.attendance_change(marks_before, marks_after, _names)})
        return session


def _save_marks(session: r.Session, rows: dict[Any, r.Attendance],
                wanted: dict[UUID, tuple[str | None, str]]) -> dict[UUID, tuple[str | None, str]]:
    """The attendance rows of ``session`` made what ``wanted`` says; the marks as they now stand.

    ``rows`` are all of the session's rows, deleted ones too: a person expected
    again gets the old row back, one no longer expected sends it to the bin.
    """
    marks = {}
    for person_id, (status, reason) in wanted.items():
        values = {"session": session.id, "person": person_id, "status": status or None,
                  "reason": reason if status == "leave" else ""}
        row = rows.get(person_id)
        if row is None or row.deleted_at is not None or _differs(row, values):
            if row is not None:
                row.deleted_at = None
            row = _save(r.Attendance, values, row, recorded=False)
        marks[person_id] = (row.status, row.reason)
    for person_id, row in rows.items():
        if person_id not in wanted and row.deleted_at is None:
            row.deleted_at = utcnow()
            row.save()
    return marks


def _differs(record: BaseModel, values: dict[str, Any]) -> bool:
    current = _current_values(record)
    return any(current.get(name) != value for name, value in values.items())


def set_attendance(attendance: r.Attendance, status: str | None, reason: str = "") -> r.Attendance:
    """One person's mark, recorded in the history of the session."""
    values = {"session": attendance.session_id, "person": attendance.person_id,
              "status": status, "reason": reason if status == "leave" else ""}
    with database.atomic():
        before = ({} if attendance.deleted_at
                  else {attendance.person_id: (attendance.status, attendance.reason)})
        saved = _save(r.Attendance, values, attendance, recorded=False)
        after = {} if saved.deleted_at else {saved.person_id: (saved.status, saved.reason)}
        marks = history.attendance_change(before, after, _names)
        if marks:
            _record(r.Session(id=saved.session_id), "edit", {history.ATTENDANCE: marks})
        return saved


def save_visit(values: dict[str, Any], visitors: Iterable[Any],
               record: r.Visit | None = None) -> r.Visit:
    """A visit and the persons who made it (at least one)."""
    wanted = {_key(p) for p in visitors}
    if not wanted:
        raise ValidationError([FieldError("visitors", translate(
            "Validation", "{field} is required.").format(
            field=translate("Field", "Visitors")))])
    with database.atomic():
        before = None if record is None else dict(record.__data__)
        visit = _save(r.Visit, values, record, recorded=False)
        present = {row.person_id for row in r.VisitVisitor.select(r.VisitVisitor.person).where(
            r.VisitVisitor.visit == visit)}
        if before is not None and present != wanted:
            versions.capture_base(database, visit)  # the visitors as shared, before they change
        if present - wanted:
            r.VisitVisitor.delete().where(r.VisitVisitor.visit == visit,
                                          r.VisitVisitor.person.in_(list(present - wanted))).execute()
        for person_id in wanted - present:
            r.VisitVisitor.insert(visit=visit, person=person_id).execute()
        if before is not None and present != wanted and visit.updated_at == before["updated_at"]:
            visit.save()  # the visitors are part of the visit: it has changed (and travels in packages)
        _record_save(visit, before, {history.VISITORS: history.visitors_change(present, wanted, _names)})
        return visit


def merge_suggestions(suggestions: Iterable[r.Suggestion], item: r.SuggestionItem) -> None:
    """Merge suggestions into a consolidated item; they take on its category."""
    with database.atomic():
        for suggestion in suggestions:
            values = {"item": item.id}
            if item.category_id is not None:  # an item without a category keeps theirs
                values["category"] = item.category_id
            _save(r.Suggestion, values, suggestion)


def rectification_from(source: r.Visit | r.Suggestion) -> dict[str, Any]:
    """The first values of a rectification raised from a visit or a suggestion."""
    values: dict[str, Any] = {"campaign": source.campaign_id, "recorded_on": dt.date.today(),
                              "status": "not_started"}
    if isinstance(source, r.Visit):
        values.update(source="visit", visit=source.id, problem=source.requests)
    else:
        values.update(source="suggestion", suggestion=source.id, problem=source.content,
                      department=source.department)
    return values


# --- the recycle bin -------------------------------------------------------

# Rows that belong to another record and go with it: they never block a delete.
OWNED = {(r.Attendance, "session"), (r.VisitVisitor, "visit"), (r.Phase, "campaign"),
         (r.VillageGroup, "village"), (r.SummaryText, "campaign")}


def dependents(record: BaseModel) -> list[tuple[type[BaseModel], int]]:
    """Live records that point to ``record``, counted by kind."""
    found = []
    for field in record._meta.backrefs:
        model = field.model
        if (model, field.name) in OWNED:
            continue
        if model is r.VisitVisitor:  # a visit made by this person
            model, query = r.Visit, (r.Visit.select().join(r.VisitVisitor)
                                     .where(r.VisitVisitor.person == record.id))
        else:
            query = model.select().where(field == record.id)
        if model is r.Attendance:  # attendance of a session still in use
            query = query.join(r.Session).where(r.Session.deleted_at.is_null())
        count = query.where(model.deleted_at.is_null()).count()
        if count:
            found.append((model, count))
    return found


def delete(record: BaseModel) -> None:
    """Move ``record`` to the recycle bin, unless live records still use it."""
    used = dependents(record)
    if used:
        parts = "、".join(f"{count} {kind_name(model)}" for model, count in used)
        raise StillUsedError(translate(
            "Store", "“{record}” is still used by {parts}; it cannot be deleted.").format(
            record=describe(record), parts=parts))
    with database.atomic():
        record.deleted_at = utcnow()
        record.save()
        _record(record, "delete", {})


def restore(record: BaseModel) -> None:
    """Take ``record`` out of the recycle bin, if what it points to is still there."""
    for name, field in record._meta.fields.items():
        target_id = getattr(record, name + "_id", None) if hasattr(field, "rel_model") else None
        if target_id is None or (field.rel_model is type(record) and target_id == record.id):
            continue
        target = field.rel_model.get_or_none(field.rel_model.id == target_id)
        if target is not None and target.deleted_at is not None:
            raise StillUsedError(translate(
                "Store", "First restore “{target}”, which “{record}” belongs to.").format(
                target=describe(target), record=describe(record)))
    for target in _deleted_persons_of_owned_rows(record):
        raise StillUsedError(translate(
            "Store", "First restore “{target}”, which “{record}” belongs to.").format(
            target=describe(target), record=describe(record)))
    with database.atomic():
        check(type(record), _current_values(record), record.id)
        record.deleted_at = None
        record.save()
        _record(record, "restore", {})


def _deleted_persons_of_owned_rows(record: BaseModel) -> Iterable[r.Person]:
    """Deleted persons that a session's attendance or a visit's visitors point to.

    A person may go to the recycle bin once the only session or visit using them
    is there; bringing that session or visit back first needs the person back.
    """
    if isinstance(record, r.Session):
        query = (r.Person.select().join(r.Attendance, on=(r.Attendance.person == r.Person.id))
                 .where(r.Attendance.session == record.id, r.Attendance.deleted_at.is_null()))
    elif isinstance(record, r.Visit):
        query = (r.Person.select().join(r.VisitVisitor, on=(r.VisitVisitor.person == r.Person.id))
                 .where(r.VisitVisitor.visit == record.id))
    else:
        return []
    return query.where(r.Person.deleted_at.is_null(False)).limit(1)


@dataclass(frozen=True)
class BinEntry:
    model: type[BaseModel]
    id: UUID
    description: str
    deleted_at: dt.datetime


BIN_MODELS = (r.Session, r.Writing, r.Visit, r.Suggestion, r.SuggestionItem, r.Rectification,
              r.Publicity, r.Household, r.Person, r.Campaign, r.Phase, r.Village, r.VillageGroup,
              r.Category)


def recycle_bin(limit: int = 2000) -> list[BinEntry]:
    """The most recently deleted records of every kind, newest first."""
    entries: list[BinEntry] = []
    for model in BIN_MODELS:
        query = (model.select().where(model.deleted_at.is_null(False))
                 .order_by(model.deleted_at.desc()).limit(limit))
        entries.extend(BinEntry(model, row.id, describe(row), row.deleted_at) for row in query
                       if row.deleted_at is not None)
    entries.sort(key=lambda entry: entry.deleted_at, reverse=True)
    return entries[:limit]


def _key(value: Any) -> UUID:
    if isinstance(value, BaseModel):
        return value.id
    return value if isinstance(value, UUID) else UUID(str(value))
