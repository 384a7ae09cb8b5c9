"""What a plan or a conflict means, in words: records by their description, values as a form shows them.

Shared by the window's preview and the command line's summary, so both say the same.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import peewee

from models import records as r
from models import validation
from models.descriptions import describe, kind_name
from models.i18n import translate
from models.packages.merging import DELETED
from models.versions import VISITORS


def record_text(model: type[r.BaseModel], key: UUID, row: dict[str, Any] | None = None) -> str:
    """“农户：张三” — the record as stored here, else as the package has it."""
    record = model.get_or_none(model.id == key)
    if record is None and row is not None:
        try:
            record = model(**{model._meta.columns[c].name: model._meta.columns[c].python_value(v)
                              for c, v in row.items() if c in model._meta.columns})
        except (ValueError, TypeError):
            record = None
    text = describe(record) if record is not None else key.hex[:8]
    return f"{kind_name(model)}：{text}"


def field_text(model: type[r.BaseModel], column: str) -> str:
    if column == VISITORS:
        return translate("Field", "Visitors")
    if column == DELETED:
        return translate("Packages", "Recycle bin")
    field = model._meta.columns.get(column)
    return validation.field_label(model, field.name) if field is not None else column


def value_text(model: type[r.BaseModel], column: str, value: Any) -> str:
    """A stored value as the user knows it: a referenced record's description, a word list's label."""
    if column == DELETED:
        return translate("Packages", "in the recycle bin") if value else translate("Packages", "not deleted")
    if column == VISITORS:
        names = {key.hex: name for key, name in r.Person.select(r.Person.id, r.Person.name).where(
            r.Person.id.in_([UUID(hex=v) for v in value or []])).tuples()}
        return "、".join(names.get(v, v[:8]) for v in value or []) or "—"
    if value is None or value == "":
        return "—"
    field = model._meta.columns.get(column)
    if isinstance(field, peewee.ForeignKeyField):
        try:
            target = field.rel_model.get_or_none(field.rel_model.id == UUID(hex=str(value)))
        except ValueError:
            target = None
        return describe(target) if target is not None else str(value)
    if isinstance(field, r.TagsField):
        return "、".join(field.vocabulary.label(code) for code in str(value).split(",") if code)
    if isinstance(field, r.ChoiceField):
        return field.vocabulary.label(value)
    if isinstance(field, peewee.BooleanField):
        return translate("Packages", "Yes") if value else translate("Packages", "No")
    return str(value)


def conflict_lines(model: type[r.BaseModel], key: UUID, local: dict[str, Any] | None,
                   incoming: dict[str, Any], fields: list[str]) -> list[str]:
    """One line a field in conflict: the record, the field, this laptop's value and the package's."""
    record = record_text(model, key, incoming)
    local = local or {}
    return [translate("Packages", "{record} — {field}: here “{local}”, in the package “{incoming}”").format(
        record=record, field=field_text(model, name), local=value_text(model, name, local.get(name)),
        incoming=value_text(model, name, incoming.get(name))) for name in fields]
