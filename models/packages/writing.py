"""Writing rows of a package into the file: as stored, with the version bookkeeping and the history.

Shared by ``applying`` (an import) and ``conflicts`` (a decision): a row is
written in its stored form (what peewee itself would write), a visit's visitors
with it, and every change leaves its line in the change history.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from models import history, versions
from models import records as r
from models.descriptions import describe_key
from models.packages import checks
from models.packages.format import table
from models.versions import VISITORS

Row = dict[str, Any]


def canonical(model: type[r.BaseModel], row: Row) -> Row:
    """``row`` by column in the form the file stores it (a visit's visitors left out)."""
    values, _unreadable = checks.python_values(model, row)
    return checks.stored(model, values)


def insert(model: type[r.BaseModel], rows: list[Row], operator: str) -> None:
    """New records in one statement each batch; one "created" line each in the history."""
    if not rows:
        return
    columns = [field.column_name for field in model._meta.sorted_fields]
    names = ", ".join(f'"{column}"' for column in columns)
    sql = f'INSERT INTO "{table(model)}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    defaults = {field.column_name: _default(field) for field in model._meta.sorted_fields}
    stored = [canonical(model, row) for row in rows]
    r.database.cursor().executemany(sql, [tuple(row.get(c, defaults[c]) for c in columns) for row in stored])
    at = str(r.utcnow())
    r.database.cursor().executemany(history._INSERT, [
        (r.new_key().hex, at, operator, table(model), row["id"], "create", "{}") for row in stored])
    if model is r.Visit:
        set_visitors({row["id"]: row.get(VISITORS) or [] for row in rows})


def _default(field) -> Any:
    value = field.default() if callable(field.default) else field.default
    if value is None:
        return None
    return checks.stored(field.model, {field.name: value})[field.column_name]


def update(model: type[r.BaseModel], row: Row, before: Row, operator: str) -> None:
    """Write ``row`` over the stored one, recording in the history what changed."""
    stored = canonical(model, row)
    key = stored.pop("id")
    assignments = ", ".join(f'"{column}" = ?' for column in stored)
    r.database.execute_sql(f'UPDATE "{table(model)}" SET {assignments} WHERE "id" = ?',
                           [*stored.values(), key])
    if model is r.Visit and VISITORS in row:
        set_visitors({key: row[VISITORS]})
    _record(model, before, row, operator)


def _record(model: type[r.BaseModel], before: Row, after: Row, operator: str) -> None:
    old, _ = checks.python_values(model, before)
    new, _ = checks.python_values(model, after)
    changes: dict[str, Any] = history.field_changes(model, old, new, describe_key)
    if model is r.Visit and not _same_people(before.get(VISITORS), after.get(VISITORS)):
        changes[history.VISITORS] = history.visitors_change(_keys(before.get(VISITORS)),
                                                            _keys(after.get(VISITORS)), _names)
    was_live, is_live = old.get("deleted_at") is None, new.get("deleted_at") is None
    action = "delete" if was_live and not is_live else "restore" if is_live and not was_live else "edit"
    history.write(model(id=UUID(hex=after["id"])), action, changes, operator)


def _keys(values: list[str] | None) -> set[UUID]:
    return {UUID(hex=value) for value in values or []}


def _same_people(a: list[str] | None, b: list[str] | None) -> bool:
    return sorted(a or []) == sorted(b or [])


def _names(keys) -> dict[UUID, str]:
    return {key: name for key, name in r.Person.select(r.Person.id, r.Person.name)
            .where(r.Person.id.in_(list(keys))).tuples()}


def set_version(model: type[r.BaseModel], key: str, version: str | None, lineage: str,
                updated_at: Any) -> None:
    """Only the version bookkeeping of a record whose values are already the same on both sides."""
    r.database.execute_sql(f'UPDATE "{table(model)}" SET "version" = ?, "lineage" = ?, "updated_at" = ? '
                           'WHERE "id" = ?', (version, lineage, updated_at, key))


def set_visitors(visits: dict[str, list[str]]) -> None:
    """The visitors of each of these visits are exactly these persons."""
    keys = list(visits)
    for start in range(0, len(keys), 500):
        part = keys[start:start + 500]
        marks = ", ".join("?" * len(part))
        r.database.execute_sql(f'DELETE FROM "visit_visitor" WHERE "visit_id" IN ({marks})', part)
    r.database.cursor().executemany(
        'INSERT OR IGNORE INTO "visit_visitor" ("visit_id", "person_id") VALUES (?, ?)',
        [(visit, person) for visit, persons in visits.items() for person in persons])


def rekey(model: type[r.BaseModel], old: str, new: str) -> None:
    """A row known under two keys takes the other one (nothing points to such rows but the bookkeeping)."""
    name = table(model)
    r.database.execute_sql(f'UPDATE "{name}" SET "id" = ? WHERE "id" = ?', (new, old))
    r.database.execute_sql('UPDATE "change" SET "record" = ? WHERE "kind" = ? AND "record" = ?',
                           (new, name, old))
    for bookkeeping in ("sync_base", "exchange_conflict"):
        r.database.execute_sql(f'UPDATE OR REPLACE "{bookkeeping}" SET "record" = ? WHERE "kind" = ? '
                               'AND "record" = ?', (new, name, old))


def shared_now(model: type[r.BaseModel], key: str, base: tuple[str, Row] | None) -> None:
    """The record's version came from (or was made with) the other side: its base is ``base`` or none."""
    if base is None:
        versions.drop_base(r.database, table(model), key)
    else:
        versions.set_base(r.database, table(model), key, base[0], base[1])
