"""Applying a plan: every change of a package in one transaction, each one in the change history.

The history names the package's unit as the operator. A conflict the user
did not decide keeps the local record. ``merge_duplicates`` then joins two
records that are one (a household made on both laptops).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

import peewee

from models import history, store
from models import records as r
from models.descriptions import describe_key
from models.i18n import translate
from models.packages import exchange
from models.packages.format import PackageError, table
from models.packages.planning import ImportPlan

Row = dict[str, Any]


@dataclass
class ImportResult:
    added: int
    updated: int
    deleted: int
    conflicts: int
    incoming_chosen: int
    duplicates: int


def apply_import(plan: ImportPlan, choices: dict[UUID, str] | None = None) -> ImportResult:
    """Write ``plan`` in one transaction; a conflict not chosen keeps the local record."""
    choices = choices or {}
    chosen = [c for c in plan.conflicts if choices.get(c.id) == "incoming"]
    by_table: dict[str, list[Row]] = {}
    for conflict in chosen:
        by_table.setdefault(table(conflict.model), []).append(conflict.incoming)
    visits = {row["id"] for row in by_table.get("visit", [])}
    links = plan.links + [link for link in plan.package.links if link["visit_id"] in visits]
    deleted = plan.deleted + sum(c.incoming.get("deleted_at") is not None
                                 and c.local.get("deleted_at") is None for c in chosen)
    try:
        _write(plan, by_table, links)
    except peewee.IntegrityError as error:
        raise PackageError(translate("Packages", "{path} cannot be merged into this data file ({error}); "
                                     "nothing was changed.").format(
            path=plan.package.path, error=error)) from None
    return ImportResult(plan.added, plan.updated + len(chosen), deleted, len(plan.conflicts), len(chosen),
                        len(plan.duplicates))


def _write(plan: ImportPlan, by_table: dict[str, list[Row]], links: list[Row]) -> None:
    operator = translate("Packages", "package from {unit}").format(unit=plan.package.manifest.unit_name)
    with r.database.atomic():
        for model in r.RECORD_MODELS:
            name = table(model)
            _insert(model, plan.add.get(name, []), operator)
            _update(model, plan.update.get(name, []) + by_table.get(name, []), operator)
        _replace_visitors(links)
        exchange.remember(plan.package.manifest)


def _fields(model, row: Row) -> dict[Any, Any]:
    return {model._meta.columns[column]: value for column, value in row.items()}


def _insert(model: type[r.BaseModel], rows: list[Row], operator: str) -> None:
    """New records, in batches; one "created" line each in the history (without the field list:
    a package may bring thousands)."""
    for start in range(0, len(rows), 200):
        model.insert_many([_fields(model, row) for row in rows[start:start + 200]]).execute()
    at = str(r.utcnow())
    r.database.cursor().executemany(history._INSERT, [
        (r.new_key().hex, at, operator, model._meta.table_name, UUID(row["id"]).hex, "create", "{}")
        for row in rows])


def _update(model: type[r.BaseModel], rows: list[Row], operator: str) -> None:
    """Records taken over by the incoming rows, each change in the history with its fields."""
    for row in rows:
        key = UUID(row["id"])
        before = model.get_by_id(key)
        values = {f: v for f, v in _fields(model, row).items() if f.name != "id"}
        model.update(values).where(model.id == key).execute()
        after = model.get_by_id(before.id)
        changes = history.field_changes(model, before.__data__, after.__data__, describe_key)
        was_live, is_live = before.deleted_at is None, after.deleted_at is None
        action = "delete" if was_live and not is_live else "restore" if is_live and not was_live else "edit"
        history.write(after, action, changes, operator)


def _replace_visitors(links: list[Row]) -> None:
    """The visitors of each visit the package brought are the package's."""
    for visit in {link["visit_id"] for link in links}:
        r.VisitVisitor.delete().where(r.VisitVisitor.visit == UUID(visit)).execute()
    unique = list({(link["visit_id"], link["person_id"]): link for link in links}.values())
    for start in range(0, len(unique), 400):
        r.VisitVisitor.insert_many([{r.VisitVisitor.visit: UUID(link["visit_id"]),
                                     r.VisitVisitor.person: UUID(link["person_id"])}
                                    for link in unique[start:start + 400]]).execute()


def merge_duplicates(keep: r.BaseModel, drop: r.BaseModel) -> None:
    """Point everything that used ``drop`` at ``keep``, and move ``drop`` to the recycle bin."""
    if type(keep) is not type(drop) or keep.id == drop.id:
        raise ValueError("merge_duplicates needs two records of one kind")
    model = type(keep)
    now = r.utcnow()
    with r.database.atomic():
        for fk in model._meta.backrefs:
            if fk.model is r.VisitVisitor:
                _move_visits(keep, drop)
            else:
                _repoint(fk, keep, drop)
        drop = model.get_by_id(drop.id)
        drop.deleted_at = now
        drop.save()
        store._record(drop, "delete", {})


def _move_visits(keep: r.BaseModel, drop: r.BaseModel) -> None:
    """Visits made by ``drop`` are made by ``keep`` (once, where both made one)."""
    both = r.VisitVisitor.select(r.VisitVisitor.visit).where(r.VisitVisitor.person == keep.id)
    r.VisitVisitor.delete().where(r.VisitVisitor.person == drop.id, r.VisitVisitor.visit.in_(both)).execute()
    r.VisitVisitor.update(person=keep.id).where(r.VisitVisitor.person == drop.id).execute()


def _repoint(fk: peewee.ForeignKeyField, keep: r.BaseModel, drop: r.BaseModel) -> None:
    """Records that pointed to ``drop`` through ``fk`` point to ``keep``; an attendance both had goes."""
    source = fk.model
    for row in source.select().where(fk == drop.id):
        if source is r.Attendance and r.Attendance.select().where(
                r.Attendance.session == row.session_id, r.Attendance.person == keep.id).exists():
            if row.deleted_at is None:
                store.delete(row)
            continue
        before = dict(row.__data__)
        setattr(row, fk.name, keep.id)
        row.save()
        store._record_save(row, before)
