"""What tells a person which record this is: the name of its kind and a short description.

"2026-03-01 专题学习会", "王建国（龙潭村3组）": shown in the recycle bin, in messages that
name a record, and in the change history for the references a record holds.
"""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from models import records as r
from models.i18n import translate
from models.records import BaseModel, database


def kind_name(model: type[BaseModel]) -> str:
    return translate("RecordKind", model._meta.kind_name)


def describe(record: BaseModel) -> str:
    """A short text that tells a person which record this is."""
    text = _DESCRIBE.get(type(record), lambda rec: getattr(rec, "name", "") or str(rec.id))(record)
    return text if len(text) <= 40 else text[:39] + "…"


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


_DESCRIBE = {
    r.Session: lambda s: f"{_date(s.date)} {s.topic}",
    r.Writing: lambda w: f"{w.person.name}《{w.title}》",
    r.Visit: lambda v: f"{_date(v.date)} {v.household.head_name}",
    r.Suggestion: lambda s: f"{_date(s.date)} {s.content}",
    r.SuggestionItem: lambda i: i.title,
    r.Rectification: lambda x: x.problem,
    r.Publicity: lambda p: f"{_date(p.date)} {p.title}",
    r.Household: lambda h: f"{h.head_name}（{h.village.name}{h.group.name if h.group_id else ''}）",
    r.VillageGroup: lambda g: f"{g.village.name}{g.name}",
    r.Attendance: lambda a: a.person.name,
}


# What _DESCRIBE says, in SQL: references are described on every write that sets them.
_DESCRIBE_SQL: dict[type[BaseModel], str] = {
    **{model: f'SELECT "name" FROM "{model._meta.table_name}" WHERE "id" = ?'
       for model in (r.Unit, r.Campaign, r.Phase, r.Village, r.Person, r.Category)},
    r.VillageGroup: 'SELECT v."name" || g."name" FROM "village_group" g JOIN "village" v '
                    'ON v."id" = g."village_id" WHERE g."id" = ?',
    r.Household: 'SELECT h."head_name" || \'（\' || v."name" || COALESCE(g."name", \'\') || \'）\' '
                 'FROM "household" h JOIN "village" v ON v."id" = h."village_id" '
                 'LEFT JOIN "village_group" g ON g."id" = h."group_id" WHERE h."id" = ?',
    r.SuggestionItem: 'SELECT "title" FROM "suggestion_item" WHERE "id" = ?',
}


def describe_key(model: type[BaseModel], key: UUID) -> str:
    """``describe`` of the record ``key``, in one prepared query for the kinds often referred to."""
    sql = _DESCRIBE_SQL.get(model)
    if sql is None:
        found = model.get_or_none(model.id == key)
        return describe(found) if found is not None else ""
    row = database.execute_sql(sql, (key.hex,)).fetchone()
    text = (row[0] or "") if row else ""
    return text if len(text) <= 40 else text[:39] + "…"
