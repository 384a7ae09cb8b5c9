"""The package file: a zip of ``manifest.json`` and one JSON-lines member per table.

Rows travel exactly as stored (column → value: keys, times, the recycle-bin
mark), so deletions travel too; the manifest names the source installation,
the unit and scope, and the row count and SHA-256 of every member.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models import records as r
from models.i18n import translate

FORMAT_VERSION = 1
SUFFIX = ".tzpkg"
MANIFEST = "manifest.json"
LINKS = "visit_visitor"


class PackageError(Exception):
    """The package cannot be used; the message names the file and says why."""


@dataclass
class Manifest:
    format: int
    schema_version: int
    installation_id: str
    unit_id: str
    unit_name: str
    scope: dict[str, Any]
    created_at: str
    counts: dict[str, int]
    sha256: dict[str, str]

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Package:
    path: Path
    manifest: Manifest
    rows: dict[str, list[dict[str, Any]]]  # table name → rows as stored (column → value)
    links: list[dict[str, Any]]  # visit_visitor rows


def table(model) -> str:
    return model._meta.table_name


MODELS = {table(model): model for model in r.RECORD_MODELS}


def raw_rows(model) -> list[dict[str, Any]]:
    """Every row of ``model``'s table as stored, deleted ones included."""
    cursor = r.database.execute_sql(f'SELECT * FROM "{table(model)}" ORDER BY 1')
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def time_of(value: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def stamp(value: Any) -> dt.datetime:
    """A time every row has (created_at, updated_at)."""
    found = time_of(value)
    if found is None:
        raise PackageError(translate("Packages", "a row has no time of its last change."))
    return found
