"""Versions of a record, so that two laptops exchanging packages can tell who changed what.

Every record row carries ``version`` (None: the record as it was created, spoken
of as ``ROOT``) and ``lineage``: the versions it descends from, newest first, as
many as ``MAX_LINEAGE``. A version that has left the laptop in a package is
*shared*. The first local edit after a version was shared keeps that shared
version's values as the record's *base* (the ``sync_base`` table), so that a
later exchange can merge field by field against it; the edit gets a new random
version id and the shared one goes onto the lineage. Writing a package drops the
bases of the records it carries: their versions are shared now.

The rules of an exchange built on this are in ``docs/exchange.md``; this module
only keeps the bookkeeping. It speaks SQL over the database it is given, so
that ``models.records`` (whose ``save`` calls ``before_update``) can use it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any

ROOT = "0"  # the version of a record as created
MAX_LINEAGE = 16
# Columns that are the bookkeeping of versions, never merged as values.
VERSION_COLUMNS = ("version", "lineage")
# A visit's visitors are part of the visit: kept with its base, merged as one value.
VISITORS = "visitors"


def new_id() -> str:
    """A version id: 64 random bits, as 16 hex digits."""
    return os.urandom(8).hex()


def version_of(stored: str | None) -> str:
    return stored or ROOT


def lineage_of(text: str | None) -> list[str]:
    return [part for part in (text or "").split(",") if part]


def lineage_text(ids: Iterable[str]) -> str:
    """At most ``MAX_LINEAGE`` ids, each once, in the order given (newest first)."""
    seen: list[str] = []
    for key in ids:
        if key and key not in seen and _is_version(key):
            seen.append(key)
        if len(seen) == MAX_LINEAGE:
            break
    return ",".join(seen)


def _is_version(key: str) -> bool:
    return key == ROOT or (len(key) <= 32 and all(c in "0123456789abcdef" for c in key))


def ancestry(version: str | None, lineage: str | None) -> list[str]:
    """The version itself, then what it descends from, newest first."""
    return [version_of(version), *lineage_of(lineage)]


def merged_lineage(*sides: tuple[str | None, str | None]) -> str:
    """The lineage of a version made from several: each side's version, then their lineages."""
    heads = [version_of(version) for version, _ in sides]
    tails = [key for _, lineage in sides for key in lineage_of(lineage)]
    return lineage_text([*heads, *tails])


# --- the base kept by the first local edit after a version was shared --------------------------

def stored_row(db, table: str, key_hex: str) -> dict[str, Any] | None:
    """The row as stored (column → value); a visit's visitors under ``VISITORS``."""
    cursor = db.execute_sql(f'SELECT * FROM "{table}" WHERE "id" = ?', (key_hex,))
    found = cursor.fetchone()
    if found is None:
        return None
    row = dict(zip([column[0] for column in cursor.description], found, strict=True))
    if table == "visit":
        row[VISITORS] = visitors_of(db, key_hex)
    return row


def visitors_of(db, visit_hex: str) -> list[str]:
    return [person for (person,) in db.execute_sql(
        'SELECT "person_id" FROM "visit_visitor" WHERE "visit_id" = ? ORDER BY 1', (visit_hex,))]


def has_base(db, table: str, key_hex: str) -> bool:
    return db.execute_sql('SELECT 1 FROM "sync_base" WHERE "kind" = ? AND "record" = ?',
                          (table, key_hex)).fetchone() is not None


def base_of(db, table: str, key_hex: str) -> tuple[str, dict[str, Any]] | None:
    """(version, values) of the record's base, if it has one."""
    found = db.execute_sql('SELECT "version", "data" FROM "sync_base" WHERE "kind" = ? AND "record" = ?',
                           (table, key_hex)).fetchone()
    return (found[0], json.loads(found[1])) if found else None


def set_base(db, table: str, key_hex: str, version: str, values: dict[str, Any]) -> None:
    db.execute_sql('INSERT OR REPLACE INTO "sync_base" ("kind", "record", "version", "data") '
                   'VALUES (?, ?, ?, ?)',
                   (table, key_hex, version, json.dumps(values, ensure_ascii=False, sort_keys=True)))


def drop_base(db, table: str, key_hex: str) -> None:
    db.execute_sql('DELETE FROM "sync_base" WHERE "kind" = ? AND "record" = ?', (table, key_hex))


def capture_base(db, record) -> dict[str, Any] | None:
    """Keep the record's stored values as its base if it has none; the stored row (None if not stored)."""
    table, key = record._meta.table_name, record.id.hex
    stored = stored_row(db, table, key)
    if stored is not None and not has_base(db, table, key):
        set_base(db, table, key, version_of(stored.get("version")), content(stored))
    return stored


def before_update(db, record) -> None:
    """A stored record is about to be written again: its base kept, a new version given.

    Called by ``BaseModel.save`` for every update. The lineage gains the stored
    version only when that version is the shared one (the base is, or has just
    become, that very version), so the lineage lists versions others may know,
    not every local step.
    """
    table, key = record._meta.table_name, record.id.hex
    stored = capture_base(db, record)
    if stored is not None:
        found = db.execute_sql('SELECT "version" FROM "sync_base" WHERE "kind" = ? AND "record" = ?',
                               (table, key)).fetchone()
        shared = found is not None and found[0] == version_of(stored.get("version"))
        record.lineage = lineage_text(ancestry(stored.get("version"), stored.get("lineage"))) if shared \
            else (stored.get("lineage") or "")
    record.version = new_id()


def content(row: dict[str, Any]) -> dict[str, Any]:
    """A row's values that are merged: everything but its version bookkeeping and ``updated_at``."""
    return {name: value for name, value in row.items()
            if name not in VERSION_COLUMNS and name != "updated_at"}
