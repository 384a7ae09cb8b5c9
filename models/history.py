"""The change history: what was changed, when and by whom, in words a person reads.

``models.store`` calls ``field_changes`` and ``write`` inside the transaction of
every create, edit, delete and restore, so a change and its history row are
committed together or not at all. What is stored is plain JSON — dates as ISO
text, choice codes as codes, references as their key with the referenced
record's description at the time — so the history still reads right after the
referenced record is renamed or gone. Labels are looked up when read, in the
language asked for (the window's, or Chinese for the exported workbook).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import peewee

from models import i18n, vocab
from models import records as r
from models.i18n import QT_TRANSLATE_NOOP, translate_to
from models.records import BaseModel, ChoiceField, TagsField, new_key

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("History", "Created"),
    "edit": QT_TRANSLATE_NOOP("History", "Edited"),
    "delete": QT_TRANSLATE_NOOP("History", "Deleted"),
    "restore": QT_TRANSLATE_NOOP("History", "Restored"),
}
# Words of the readable lines (marked here so that the .ts holds them).
EMPTY = QT_TRANSLATE_NOOP("History", "(empty)")
YES, NO = QT_TRANSLATE_NOOP("History", "Yes"), QT_TRANSLATE_NOOP("History", "No")
NOT_EXPECTED = QT_TRANSLATE_NOOP("History", "not expected")
NOT_MARKED = QT_TRANSLATE_NOOP("History", "not marked")
ATTENDANCE = "attendance"  # a session's marks, on the session's own change
VISITORS = "visitors"  # a visit's visitors, on the visit's own change
_BOOKKEEPING = ("id", "created_at", "updated_at", "deleted_at")

MODELS: dict[str, type[BaseModel]] = {model._meta.table_name: model for model in r.RECORD_MODELS}

# (model, key) -> a short description of the referenced record
Describe = Callable[[type[BaseModel], UUID], str]


# --- recording -------------------------------------------------------------------------

def plain(field: peewee.Field, value: Any) -> Any:
    """``value`` as it is stored, in plain JSON: text, number, true/false, ISO date, key as hex."""
    if value is None:
        return None
    value = field.db_value(value)
    if isinstance(value, dt.date | dt.time):  # dt.datetime is a dt.date too
        return value.isoformat()
    return value


def field_changes(model: type[BaseModel], before: dict[str, Any] | None, after: dict[str, Any],
                  describe: Describe) -> dict[str, list[Any]]:
    """{field: [old, new]} of the fields a person sees that differ (all filled ones for a new record).

    ``before`` and ``after`` are a record's ``__data__``; ``before`` is None for a
    new record. Only changed references are described (one query each).
    """
    changes: dict[str, list[Any]] = {}
    for name, field in model._meta.fields.items():
        if name in _BOOKKEEPING or not field.verbose_name:  # position and the like: not shown
            continue
        new = plain(field, after.get(name))
        if before is None:
            if new is None or new == "" or new is False:
                continue
            old = None
        else:
            old = plain(field, before.get(name))
            if old == new:
                continue
        if isinstance(field, peewee.ForeignKeyField):
            old, new = _reference(field.rel_model, old, describe), _reference(field.rel_model, new, describe)
        changes[name] = [old, new]
    return changes


def created_changes(model: type[BaseModel], data: dict[str, Any], describe: Describe) -> dict[str, list[Any]]:
    """``field_changes(model, None, data, describe)`` for a new record, made fast for a bulk import.

    ``data`` holds plain Python values (text, numbers, dates, keys as UUIDs);
    tests/models/test_history.py checks that both give the same.
    """
    changes: dict[str, list[Any]] = {}
    for name, kind, target in _shown_fields(model):
        value = data.get(name)
        if value is None or value == "" or value is False:
            continue
        if kind == "reference":
            key = value.id if isinstance(value, BaseModel) else value
            key = key if isinstance(key, UUID) else UUID(str(key))
            changes[name] = [None, {"id": key.hex, "text": describe(target, key)}]
        elif kind == "date":
            changes[name] = [None, value.isoformat()]
        else:
            changes[name] = [None, value]
    return changes


_SHOWN: dict[type[BaseModel], list[tuple[str, str, Any]]] = {}


def _shown_fields(model: type[BaseModel]) -> list[tuple[str, str, Any]]:
    """(name, kind, referenced model) of the fields a person sees, once per model."""
    if model not in _SHOWN:
        _SHOWN[model] = [
            (name, "reference" if isinstance(field, peewee.ForeignKeyField) else
             "date" if isinstance(field, peewee.DateField | peewee.TimeField | peewee.DateTimeField)
             else "plain", getattr(field, "rel_model", None))
            for name, field in model._meta.fields.items()
            if name not in _BOOKKEEPING and field.verbose_name]
    return _SHOWN[model]


def _reference(model: type[BaseModel], key: str | None, describe: Describe) -> dict[str, str] | None:
    if key is None:
        return None
    return {"id": key, "text": describe(model, UUID(hex=key))}


def attendance_change(before: dict[UUID, tuple[str | None, str]], after: dict[UUID, tuple[str | None, str]],
                      names: Callable[[Iterable[UUID]], dict[UUID, str]]) -> list[dict] | None:
    """[old, new] marks of the persons whose mark changed, ``{hex: [name, status, reason]}``.

    A person missing on one side was not expected then. None when nothing changed.
    """
    changed = [key for key in {*before, *after} if before.get(key) != after.get(key)]
    if not changed:
        return None
    named = names(changed)
    changed.sort(key=lambda key: (named.get(key, ""), key.hex))

    def side(marks):
        return {key.hex: [named.get(key, ""), *marks[key]] for key in changed if key in marks}

    return [side(before), side(after)]


def visitors_change(before: set[UUID], after: set[UUID],
                    names: Callable[[Iterable[UUID]], dict[UUID, str]]) -> list[list[str]] | None:
    """[old names, new names] of a visit's visitors, or None when they are the same persons."""
    if before == after:
        return None
    named = names(before | after)
    return [sorted(named.get(key, "") for key in before), sorted(named.get(key, "") for key in after)]


def write(record: BaseModel, action: str, changes: dict[str, Any], operator: str) -> None:
    """Add one history row; an edit that changed nothing adds none."""
    if action == "edit" and not changes:
        return
    r.database.execute_sql(_INSERT, (new_key().hex, str(r.utcnow()), operator, record._meta.table_name,
                                     record.id.hex, action, json.dumps(changes, ensure_ascii=False)))


# Written directly: the SQL peewee would build for this one insert costs more than the insert.
# A bulk import writes its rows' history with this same statement (``executemany``).
INSERT = _INSERT = ('INSERT INTO "change" ("id", "at", "operator", "kind", "record", "action", "changes") '
           'VALUES (?, ?, ?, ?, ?, ?, ?)')


# --- reading ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One row of the history, with what a reader needs to print it."""

    at: dt.datetime  # UTC
    operator: str
    kind: str
    record: UUID
    action: str
    changes: dict[str, list[Any]]

    @property
    def model(self) -> type[BaseModel] | None:
        return MODELS.get(self.kind)

    @property
    def local_at(self) -> dt.datetime:
        """The time on this laptop's clock, to the second."""
        return self.at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None, microsecond=0)

    def action_label(self, language: str | None = None) -> str:
        return _tr(language, "History", ACTIONS.get(self.action, self.action))

    def kind_label(self, language: str | None = None) -> str:
        model = self.model
        return _tr(language, "RecordKind", model._meta.kind_name) if model is not None else self.kind

    def lines(self, language: str | None = None) -> list[str]:
        """One readable line a field: ``Label: old → new`` (``Label: new`` for a new record)."""
        return [line for name, (old, new) in self.changes.items()
                if (line := self._line(name, old, new, language))]

    def _line(self, name: str, old: Any, new: Any, language: str | None) -> str:
        model = self.model
        field = model._meta.fields.get(name) if model is not None else None
        if name == ATTENDANCE:
            return _label(None, ATTENDANCE, "Attendance", language) + "：" + _attendance_text(
                old or {}, new or {}, self.action == "create", language)
        if name == VISITORS:
            label = _label(None, VISITORS, "Visitors", language)
            return f"{label}：{_names(new, language)}" if self.action == "create" else (
                f"{label}：{_names(old, language)} → {_names(new, language)}")
        label = _label(field, name, name, language)
        if self.action == "create":
            return f"{label}：{value_text(field, new, language)}"
        return f"{label}：{value_text(field, old, language)} → {value_text(field, new, language)}"


def history(record: BaseModel) -> list[Entry]:
    """The changes of ``record``, newest first."""
    query = (r.Change.select().where(r.Change.kind == record._meta.table_name, r.Change.record == record.id)
             .order_by(r.Change.at.desc(), peewee.SQL("rowid").desc()))
    return [_entry(row) for row in query]


def entries(since: dt.datetime | None = None, until: dt.datetime | None = None,
            campaign: UUID | None = None) -> Iterator[Entry]:
    """The changes of the whole file, oldest first; ``since``/``until`` in UTC (until excluded).

    With ``campaign``, only the changes of that campaign and of its records.
    """
    query = r.Change.select()
    if since is not None:
        query = query.where(r.Change.at >= since)
    if until is not None:
        query = query.where(r.Change.at < until)
    if campaign is not None:
        query = query.where(_of_campaign(campaign))
    for row in query.order_by(r.Change.at, peewee.SQL("rowid")).iterator():
        yield _entry(row)


def _of_campaign(campaign: UUID) -> peewee.Expression:
    """Changes of the campaign itself or of a record whose ``campaign`` is it."""
    condition = (r.Change.kind == r.Campaign._meta.table_name) & (r.Change.record == campaign)
    for model in r.RECORD_MODELS:
        field = model._meta.fields.get("campaign")
        if isinstance(field, peewee.ForeignKeyField) and field.rel_model is r.Campaign:
            condition |= (r.Change.kind == model._meta.table_name) & r.Change.record.in_(
                model.select(model.id).where(field == campaign))
    return condition  # attendance is recorded on its session


def _entry(row: r.Change) -> Entry:
    try:
        changes = json.loads(row.changes or "{}")
    except ValueError:
        changes = {}
    return Entry(row.at, row.operator, row.kind, row.record, row.action,
                 changes if isinstance(changes, dict) else {})


# --- words -----------------------------------------------------------------------------

def _tr(language: str | None, context: str, text: str) -> str:
    return translate_to(language or i18n.language(), context, text)


def _label(field: peewee.Field | None, name: str, source: str, language: str | None) -> str:
    if field is not None and field.verbose_name:
        source = field.verbose_name
    return _tr(language, "Field", source)


def _code(vocabulary: vocab.Vocabulary, code: str | None, language: str | None) -> str:
    return vocabulary.zh(code) if (language or i18n.language()) == "zh_CN" else vocabulary.label(code)


def value_text(field: peewee.Field | None, value: Any, language: str | None = None) -> str:
    """A stored plain value as a person reads it: labels for codes, 是/否, a reference's description."""
    if value is None or value == "":
        return _tr(language, "History", EMPTY)
    if isinstance(value, dict):  # a reference
        return str(value.get("text") or value.get("id", ""))
    if isinstance(value, bool):
        return _tr(language, "History", YES if value else NO)
    if isinstance(field, TagsField):
        return "、".join(_code(field.vocabulary, code, language) for code in str(value).split(",") if code)
    if isinstance(field, ChoiceField):
        return _code(field.vocabulary, value, language)
    if isinstance(field, peewee.TimeField):
        return str(value)[:5]
    return str(value)


def _mark_text(mark: list[Any] | None, language: str | None) -> str:
    if mark is None:
        return _tr(language, "History", NOT_EXPECTED)
    _name, status, reason = [*mark, None, None, ""][:3]
    text = _code(vocab.ATTENDANCE, status, language) if status else _tr(language, "History", NOT_MARKED)
    return f"{text}（{reason}）" if reason else text


def _attendance_text(old: dict[str, list], new: dict[str, list], created: bool, language: str | None) -> str:
    parts = []
    names = {key: (new.get(key) or old.get(key) or [""])[0] for key in [*old, *new]}
    for key, name in sorted(names.items(), key=lambda item: (item[1], item[0])):
        if created:
            parts.append(f"{name} {_mark_text(new.get(key), language)}")
        else:
            before, after = _mark_text(old.get(key), language), _mark_text(new.get(key), language)
            parts.append(f"{name} {before} → {after}")
    return "；".join(parts)


def _names(names: list[str] | None, language: str | None) -> str:
    return "、".join(names) if names else _tr(language, "History", EMPTY)
