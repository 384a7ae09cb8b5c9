"""Conflicts of exchanges, kept in the data file until the user decides each one.

A conflict is a record that both sides changed in a way no rule merges (the
same field to different values, an edit against a delete). The import leaves
the record as it is here and keeps the package's version (with the base, when
known) in ``exchange_conflict``; the window lists them, the command line prints
them. A decision takes, field by field, this side's value or the package's, and
is a new version descending from both: at the next exchange it wins on both
sides and is not reported again. A conflict that the other side decided first
goes by itself, once its decision arrives (``settle``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from models import records as r
from models import versions
from models.i18n import translate
from models.packages import checks, merging, writing
from models.packages.format import MODELS, PackageError, table
from models.versions import VISITORS, ancestry

Row = dict[str, Any]
LOCAL, INCOMING = "local", "incoming"


@dataclass
class Pending:
    """A conflict waiting for the user: the record here, the package's version, the fields at odds."""

    model: type[r.BaseModel]
    id: UUID
    incoming: Row
    bases: list[Row]  # the values both sides descend from (empty when not known)
    fields: list[str]
    source: str  # the unit the package came from
    package: str  # its file name
    found_at: dt.datetime

    def local(self) -> Row | None:
        return versions.stored_row(r.database, table(self.model), self.id.hex)


def keep(model: type[r.BaseModel], local: Row, incoming: Row, outcome: merging.Outcome, source: str,
         package: str) -> None:
    """Keep a conflict for later (one per record: a newer package's version replaces an older one's)."""
    r.database.execute_sql(
        'INSERT OR REPLACE INTO "exchange_conflict" ("kind", "record", "local_version", "incoming", "base", '
        '"fields", "source", "package", "found_at") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        (table(model), local["id"], versions.version_of(local.get("version")),
         json.dumps(incoming, ensure_ascii=False, sort_keys=True),
         json.dumps(outcome.bases, ensure_ascii=False, sort_keys=True) if outcome.bases else None,
         json.dumps(outcome.fields), source, package, str(r.utcnow())))


def pending() -> list[Pending]:
    """The conflicts waiting for a decision, oldest first."""
    rows = r.database.execute_sql(
        'SELECT "kind", "record", "incoming", "base", "fields", "source", "package", "found_at" '
        'FROM "exchange_conflict" ORDER BY "found_at", "kind", "record"')
    return [Pending(MODELS[kind], UUID(hex=key), json.loads(incoming), json.loads(base) if base else [],
                    json.loads(fields), source, package, dt.datetime.fromisoformat(found))
            for kind, key, incoming, base, fields, source, package, found in rows if kind in MODELS]


def count() -> int:
    return r.database.execute_sql('SELECT count(*) FROM "exchange_conflict"').fetchone()[0]


def settle(model: type[r.BaseModel], row: Row) -> None:
    """The record now holds ``row``: a conflict whose package version it descends from is settled."""
    found = r.database.execute_sql(
        'SELECT "incoming" FROM "exchange_conflict" WHERE "kind" = ? AND "record" = ?',
        (table(model), row["id"])).fetchone()
    if found is None:
        return
    theirs = json.loads(found[0])
    if versions.version_of(theirs.get("version")) in ancestry(row.get("version"), row.get("lineage")):
        _forget(model, row["id"])


def _forget(model: type[r.BaseModel], key: str) -> None:
    r.database.execute_sql('DELETE FROM "exchange_conflict" WHERE "kind" = ? AND "record" = ?',
                           (table(model), key))


def decide(item: Pending, choice: str | dict[str, str]) -> Row | None:
    """Decide a pending conflict: ``choice`` "local"/"incoming" for every field, or by field."""
    with r.database.atomic():
        local = item.local()
        if local is None:
            _forget(item.model, item.id.hex)
            return None
        written = apply_decision(item.model, local, item.incoming, item.bases, choice, item.source)
        _forget(item.model, item.id.hex)
        return written


def apply_decision(model: type[r.BaseModel], local: Row, incoming: Row, bases: list[Row],
                   choice: str | dict[str, str], source: str) -> Row:
    """The new version made of both sides as chosen; written, with the package's version as its base."""
    choices = {"*": choice} if isinstance(choice, str) else dict(choice)
    if any(side not in (LOCAL, INCOMING) for side in choices.values()):
        raise ValueError(f"unknown choice {choice!r}")
    outcome = merging.merge(local, incoming, bases or None)
    values = merging.resolved(outcome, local, incoming, choices)
    version, lineage = merging.new_version(local, incoming)
    row = {**local, **values, "version": version, "lineage": lineage, "updated_at": str(r.utcnow())}
    problems = checks.row_problems(model, row)
    if problems:
        raise PackageError(translate("Packages", "This choice cannot be saved: {problems}").format(
            problems="；".join(problems)), problems)
    operator = translate("Packages", "decision on a conflict with {unit}").format(unit=source)
    writing.update(model, row, local, operator)
    shared = {k: v for k, v in incoming.items() if k not in versions.VERSION_COLUMNS and k != "updated_at"}
    writing.shared_now(model, row["id"], (versions.version_of(incoming.get("version")), shared))
    return row


__all__ = ["INCOMING", "LOCAL", "VISITORS", "Pending", "count", "decide", "keep", "pending", "settle"]
