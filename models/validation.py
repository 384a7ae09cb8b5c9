"""The one place where a record's values are checked, whichever way they come in.

Forms, the roster import and the command line all call ``validate`` before a
record is written; the messages name the field in the user's language.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import peewee

from models import records as r
from models.i18n import translate
from models.personal import id_number_error, normalize_id_number, phone_error
from models.records import BaseModel, ChoiceField, TagsField


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationError(Exception):
    """One or more fields are wrong; nothing was written."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("；".join(error.message for error in errors))


def field_label(model: type[BaseModel], name: str) -> str:
    field = model._meta.fields.get(name)
    source = getattr(field, "verbose_name", None) or name
    return translate("Field", source)


# The largest whole number a record holds (a household's size, a head count, a length in characters).
MAX_NUMBER = 9_999_999

# (earlier, later): the later one, when given, may not come before the earlier one.
DATE_ORDER: dict[type[BaseModel], tuple[tuple[str, str], ...]] = {
    r.Campaign: (("start_date", "end_date"),),
    r.Phase: (("start_date", "end_date"),),
    r.Writing: (("date", "checked_on"),),
    r.Suggestion: (("date", "reply_date"),),
    r.Rectification: (("recorded_on", "deadline"), ("recorded_on", "completed_on")),
}


def validate(model: type[BaseModel], values: dict[str, Any],
             record_id: Any = None, references: bool = True) -> list[FieldError]:
    """Every problem with ``values`` for a record of ``model`` (empty when all is well).

    ``record_id`` is the record being edited, so that it is not its own duplicate.
    ``references=False`` leaves out what needs the data file (that a referenced
    record exists, duplicates): a bulk import checks those once for all its rows.
    """
    errors: list[FieldError] = []
    for name in model._meta.required:
        if _blank(values.get(name)):
            errors.append(FieldError(name, translate("Validation", "{field} is required.").format(
                field=field_label(model, name))))
    checks = _checks(model)
    for name, value in values.items():
        found = checks.get(name)
        if found is None or value is None or _blank(value) or (not references and found[1]):
            continue
        message = found[0](value)
        if message:
            errors.append(FieldError(name, f"{field_label(model, name)}：{message}"))
    errors.extend(_order_errors(model, values))
    errors.extend(_record_rules(model, values, record_id, references))
    return errors


def check(model: type[BaseModel], values: dict[str, Any], record_id: Any = None) -> None:
    errors = validate(model, values, record_id)
    if errors:
        raise ValidationError(errors)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_CHECKS: dict[type[BaseModel], dict[str, tuple[Callable[[Any], str | None], bool]]] = {}


def _checks(model: type[BaseModel]) -> dict[str, tuple[Callable[[Any], str | None], bool]]:
    """{field: (its check, whether it is a reference)} of a model, made once (a bulk import calls
    ``validate`` for every row)."""
    if model not in _CHECKS:
        _CHECKS[model] = {name: (_checker_for(field), isinstance(field, peewee.ForeignKeyField))
                          for name, field in model._meta.fields.items()}
    return _CHECKS[model]


def _field_error(field: peewee.Field, value: Any) -> str | None:
    """What is wrong with one value of ``field``, or None (the check of each field made once)."""
    checker = _CHECKERS.get(field)
    if checker is None:
        checker = _CHECKERS[field] = _checker_for(field)
    return checker(value)


_CHECKERS: dict[peewee.Field, Callable[[Any], str | None]] = {}


def _checker_for(field: peewee.Field) -> Callable[[Any], str | None]:
    if field.name == "id_number":
        return id_number_error
    if field.name == "phone":
        return phone_error
    if isinstance(field, ChoiceField):
        return lambda value: None if value in field.vocabulary else translate(
            "Validation", "“{value}” is not one of the choices.").format(value=value)
    if isinstance(field, TagsField):
        return lambda value: _unknown_tags(field, value)
    if isinstance(field, peewee.IntegerField) and not isinstance(field, peewee.AutoField):
        return _number_error
    if isinstance(field, peewee.DateField):
        return lambda value: None if isinstance(value, dt.date) else translate("Validation", "is not a date.")
    if isinstance(field, peewee.TimeField):
        return lambda value: None if isinstance(value, dt.time) else translate(
            "Validation", "is not a time of day (for example 09:00).")
    if isinstance(field, peewee.ForeignKeyField):
        return lambda value: _reference_error(field, value)
    if isinstance(field, peewee.CharField):
        return lambda value: translate("Validation", "is too long (at most 200 characters).") if len(
            str(value)) > 200 else None
    return lambda _value: None


def _unknown_tags(field: TagsField, value: Any) -> str | None:
    unknown = [tag for tag in str(value).split(",") if tag and tag not in field.vocabulary]
    if unknown:
        return translate("Validation", "“{value}” is not one of the choices.").format(
            value="、".join(unknown))
    return None


def _number_error(value: Any) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        return translate("Validation", "must be a whole number, 0 or more.")
    if value > MAX_NUMBER:
        return translate("Validation", "is too large (at most {n}).").format(n=MAX_NUMBER)
    return None


def _reference_error(field: peewee.ForeignKeyField, value: Any) -> str | None:
    target = field.rel_model
    key = value.id if isinstance(value, BaseModel) else value
    if not isinstance(key, uuid.UUID):
        try:
            key = uuid.UUID(str(key))
        except ValueError:
            return translate("Validation", "“{value}” is not one of the choices.").format(value=key)
    row = target.select(target.deleted_at).where(target.id == key).first()
    if row is None:
        return translate("Validation", "the chosen record does not exist.")
    if row.deleted_at is not None:
        return translate("Validation", "the chosen record is in the recycle bin.")
    return None


def _order_errors(model: type[BaseModel], values: dict[str, Any]) -> list[FieldError]:
    errors = []
    for earlier, later in DATE_ORDER.get(model, ()):
        first, second = values.get(earlier), values.get(later)
        if isinstance(first, dt.date) and isinstance(second, dt.date) and second < first:
            errors.append(FieldError(later, translate(
                "Validation", "{later} ({second}) is before {earlier} ({first}).").format(
                later=field_label(model, later), second=second.isoformat(),
                earlier=field_label(model, earlier), first=first.isoformat())))
    return errors


def _record_rules(model: type[BaseModel], values: dict[str, Any], record_id: Any,
                  references: bool = True) -> list[FieldError]:
    """The rules of a whole record; those that look in the data file (duplicates) only with ``references``."""
    if model is r.Session:
        return _session_rules(values)
    if model is r.Household:
        return _household_rules(values, record_id) if references else []
    if model is r.Rectification:
        return _rectification_rules(values)
    if model in _UNIQUE_NAMES:
        return _unique_name(model, values, record_id) if references else []
    return []


# A name that must not repeat among the live records sharing these fields.
_UNIQUE_NAMES: dict[type[BaseModel], tuple[str, ...]] = {
    r.Village: ("unit",), r.VillageGroup: ("village",), r.Category: ("unit", "kind"),
    r.Campaign: ("unit",), r.Phase: ("campaign",),
}


def _unique_name(model: type[BaseModel], values: dict[str, Any], record_id: Any) -> list[FieldError]:
    name = (values.get("name") or "").strip()
    scope = _UNIQUE_NAMES[model]
    if not name or not all(_is_key(values.get(f)) or f == "kind" for f in scope):
        return []
    query = model.select().where(model.deleted_at.is_null(), model.name == name)
    for field in scope:
        query = query.where(getattr(model, field) == values.get(field))
    if record_id is not None:
        query = query.where(model.id != record_id)
    if query.exists():
        return [FieldError("name", translate("Validation", "“{name}” already exists.").format(name=name))]
    return []


def _session_rules(values: dict[str, Any]) -> list[FieldError]:
    start, end = values.get("start_time"), values.get("end_time")
    if isinstance(start, dt.time) and isinstance(end, dt.time) and end <= start:
        return [FieldError("end_time", translate(
            "Validation", "{end} must be after {start}.").format(
            end=field_label(r.Session, "end_time"), start=field_label(r.Session, "start_time")))]
    return []


def _rectification_rules(values: dict[str, Any]) -> list[FieldError]:
    if values.get("status") == "done" and not values.get("completed_on"):
        return [FieldError("completed_on", translate(
            "Validation", "A completed rectification needs its {field}.").format(
            field=field_label(r.Rectification, "completed_on")))]
    return []


# Plain SQL: these run for every household saved, and a roster import saves thousands;
# building the same peewee query each time cost half of the import (measured).
_SAME_NUMBER = ('SELECT "head_name" FROM "household" WHERE "deleted_at" IS NULL AND "id_number" = ? '
                'AND "id" <> ? LIMIT 1')
_SAME_HEAD = ('SELECT 1 FROM "household" WHERE "deleted_at" IS NULL AND "head_name" = ? AND "village_id" = ? '
              'AND ("group_id" = ? OR ("group_id" IS NULL AND ? IS NULL)) AND "id" <> ? '
              'AND ("id_number" = \'\' OR ? = \'\' OR "id_number" = ?) LIMIT 1')


def _household_rules(values: dict[str, Any], record_id: Any) -> list[FieldError]:
    """No second household with the same ID number; nor with the same head in the same group,
    unless both ID numbers tell the two apart (a common name: two households)."""
    errors = []
    me = _hex(record_id) or ""
    number = normalize_id_number(values.get("id_number"))
    if number:
        twin = r.database.execute_sql(_SAME_NUMBER, (number, me)).fetchone()
        if twin:
            errors.append(FieldError("id_number", translate(
                "Validation", "Household of {head} already has this ID number.").format(head=twin[0])))
    head = (values.get("head_name") or "").strip()
    village, group = values.get("village"), values.get("group")
    if head and _is_key(village) and (group is None or _is_key(group)):
        group_key = _hex(group)
        if r.database.execute_sql(_SAME_HEAD, (head, _hex(village), group_key, group_key, me,
                                                number, number)).fetchone():
            errors.append(FieldError("head_name", translate(
                "Validation", "{head} is already a head of household in this group.").format(
                head=head)))
    return errors


def _hex(value: Any) -> str | None:
    """A key as stored (UUIDs are kept as 32 hex digits)."""
    if value is None:
        return None
    if isinstance(value, BaseModel):
        value = value.id
    return value.hex if isinstance(value, uuid.UUID) else uuid.UUID(str(value)).hex


def _is_key(value: Any) -> bool:
    return isinstance(value, uuid.UUID | BaseModel)
