"""Applying a plan: every change of a package in one transaction, each one in the change history.

The history names the package's unit as the operator. A conflict the user
decided now is written as a new version of both sides; one left undecided is
kept (``conflicts``) and the record stays as it is here. ``merge_duplicates``
then joins two records that are one (a household made on both laptops).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from uuid import UUID

import peewee

from models import records as r
from models import sqlite, store
from models.i18n import translate
from models.packages import conflicts, writing
from models.packages.format import PackageError, table
from models.packages.merging import ADOPT, MERGE, TAKE
from models.packages.planning import ImportPlan


@dataclass
class ImportResult:
    added: int
    updated: int
    deleted: int
    conflicts: int  # left for the user to decide
    incoming_chosen: int  # conflicts decided now for the package's side
    duplicates: int
    decided: int = 0  # conflicts decided now (either side)


def apply_import(plan: ImportPlan,
                 choices: Mapping[UUID, str | dict[str, str]] | None = None) -> ImportResult:
    """Write ``plan`` in one transaction; conflicts in ``choices`` decided, the others kept for later."""
    choices = choices or {}
    try:
        # One transaction; the search indexes take the new rows at its end (sqlite.bulk_writes).
        with r.database.atomic(), sqlite.bulk_writes(r.database):
            r.database.execute_sql("PRAGMA defer_foreign_keys = ON")  # a package's rows point to each other
            _write(plan)
            decided = _conflicts(plan, choices)
            if plan.first_unit:
                _adopt_unit(plan)
    except peewee.IntegrityError as error:
        raise PackageError(translate("Packages", "{path} cannot be merged into this data file ({error}); "
                                     "nothing was changed.").format(
            path=plan.package.path, error=error)) from None
    chosen = sum(1 for c in plan.conflicts if choices.get(c.id) == conflicts.INCOMING)
    return ImportResult(plan.added, plan.updated + decided, plan.deleted, len(plan.conflicts) - decided,
                        chosen, len(plan.duplicates), decided)


def _operator(plan: ImportPlan) -> str:
    return translate("Packages", "package from {unit}").format(unit=plan.package.manifest.unit_name)


def _write(plan: ImportPlan) -> None:
    operator = _operator(plan)
    for model, old, new in plan.rekeys:
        writing.rekey(model, old, new)
    for model in r.RECORD_MODELS:
        writes = plan.writes.get(table(model), [])
        writing.insert(model, [w.row for w in writes if w.action == "add"], operator)
        for write in writes:
            if write.action in (TAKE, MERGE):
                writing.update(model, write.row, write.before or {}, operator)
                writing.shared_now(model, write.row["id"], write.base)
            elif write.action == ADOPT:
                row = write.row
                writing.set_version(model, row["id"], row.get("version"), row.get("lineage") or "",
                                    row["updated_at"])
                writing.shared_now(model, row["id"], None)
            if write.action != "add":
                conflicts.settle(model, write.row)


def _conflicts(plan: ImportPlan, choices: Mapping[UUID, str | dict[str, str]]) -> int:
    """Conflicts decided now are written; the others kept for the user. How many were decided."""
    source, name = plan.package.manifest.unit_name, plan.package.path.name
    decided = 0
    for conflict in plan.conflicts:
        choice = choices.get(conflict.id)
        if choice:
            conflicts.apply_decision(conflict.model, conflict.local, conflict.incoming,
                                     conflict.outcome.bases, choice, source)
            conflicts.settle(conflict.model, conflict.incoming)
            decided += 1
        else:
            conflicts.keep(conflict.model, conflict.local, conflict.incoming, conflict.outcome, source, name)
    return decided


def _adopt_unit(plan: ImportPlan) -> None:
    """A new file takes the package's unit as its own."""
    unit = r.Unit.get_or_none(r.Unit.id == UUID(hex=plan.package.manifest.unit_id))
    if unit is not None:
        store.set_current(unit=unit)


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
    """Visits made by ``drop`` are made by ``keep`` (once, where both made one); each visit changes."""
    from models import versions

    for visit in list(r.Visit.select().join(r.VisitVisitor).where(r.VisitVisitor.person == drop.id)):
        versions.capture_base(r.database, visit)
        both = r.VisitVisitor.select().where(r.VisitVisitor.visit == visit.id,
                                             r.VisitVisitor.person == keep.id).exists()
        query = r.VisitVisitor.delete() if both else r.VisitVisitor.update(person=keep.id)
        query.where(r.VisitVisitor.visit == visit.id, r.VisitVisitor.person == drop.id).execute()
        visit.save()


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
