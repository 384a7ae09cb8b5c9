"""Writing a package: the scope's rows and the manifest, zipped under a temporary name, then renamed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from uuid import UUID

from models import db, settings
from models import records as r
from models.i18n import translate
from models.packages.exchange import installation_id
from models.packages.format import FORMAT_VERSION, LINKS, MANIFEST, Manifest, PackageError
from models.packages.scope import scope_rows


def export_package(path: str | Path, unit: r.Unit | None = None, villages: list[UUID] | None = None,
                   date_from: dt.date | None = None, date_to: dt.date | None = None) -> Manifest:
    """Write the records of ``unit`` (optionally some villages, a date range) to the package ``path``."""
    path = Path(path)
    unit = unit or settings.current_unit()
    if unit is None:
        raise PackageError(translate("Packages", "The data file has no unit to export."))
    source = installation_id()
    rows, links = scope_rows(unit, villages, date_from, date_to)
    members = {f"{table}.jsonl": _jsonl(table_rows) for table, table_rows in rows.items()}
    members[f"{LINKS}.jsonl"] = _jsonl(links)
    counts = {table: len(table_rows) for table, table_rows in rows.items()}
    counts[LINKS] = len(links)
    manifest = Manifest(
        format=FORMAT_VERSION, schema_version=db.schema_version(), installation_id=source,
        unit_id=unit.id.hex, unit_name=unit.name, scope=_scope(villages, date_from, date_to),
        created_at=r.utcnow().isoformat(sep=" "), counts=counts,
        sha256={name: hashlib.sha256(data).hexdigest() for name, data in members.items()})
    _write_zip(path, manifest, members)
    return manifest


def _scope(villages: list[UUID] | None, date_from: dt.date | None, date_to: dt.date | None) -> dict[str, Any]:
    """The scope as the manifest records it: the villages by key and name, the dates as ISO text."""
    names = {}
    if villages is not None:
        names = {v.id.hex: v.name for v in r.Village.select().where(r.Village.id.in_(list(villages)))}
    return {"villages": [{"id": key, "name": name} for key, name in names.items()] if villages is not None
            else None,
            "date_from": date_from.isoformat() if date_from else None,
            "date_to": date_to.isoformat() if date_to else None}


def _jsonl(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows).encode("utf-8")


def _write_zip(path: Path, manifest: Manifest, members: dict[str, bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest.to_json(), ensure_ascii=False, indent=1))
            for name, data in members.items():
                archive.writestr(name, data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
