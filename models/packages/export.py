"""Writing a package: the scope's rows streamed into a zip in memory, sealed (``envelope``), written
under a temporary name, then renamed.

The rows are read in one read transaction (a consistent picture, and no lock
that would keep the window from saving). Once the file is in place, the bases
of the records it carries are dropped, if those records have not changed since:
their versions are shared now (``models.versions``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any
from uuid import UUID

from models import db, files, identity, settings, versions
from models import records as r
from models.i18n import translate
from models.packages import envelope
from models.packages import passphrase as exchange
from models.packages.format import (
    BASES,
    FORMAT_VERSION,
    LINKS,
    MANIFEST,
    MAX_DATA_BYTES,
    MAX_FILE_BYTES,
    MAX_ROWS,
    Manifest,
    PackageError,
    member_name,
    table,
)
from models.packages.scope import Scope


def export_package(path: str | Path, unit: r.Unit | None = None, villages: list[UUID] | None = None,
                   date_from: dt.date | None = None, date_to: dt.date | None = None,
                   passphrase: str | None = None) -> Manifest:
    """Write the records of ``unit`` (optionally some villages, a date range) to the package ``path``.

    Without ``unit``: the unit of the villages if they are all of one, else this file's unit.
    ``passphrase``: the exchange passphrase (default: the one kept in 设置; ``NoPassphrase`` if none).
    The zip is made in memory and only its envelope is written: no clear copy touches the disk.
    """
    key = exchange.required(passphrase)
    unit = unit or _unit_of(villages) or settings.current_unit()
    if unit is None:
        raise PackageError(translate("Packages", "The data file has no unit to export."))
    try:
        # One consistent picture, and no write lock meanwhile (the window may go on saving).
        with files.atomic_target(path) as temporary, r.database.atomic("DEFERRED"):
            scope = Scope(unit.id, villages, date_from, date_to).choose()
            plain = io.BytesIO()
            manifest, shared = _write_zip(plain, scope, unit, villages, date_from, date_to)
            sealed = envelope.seal(plain.getbuffer(), key)
            del plain
            if len(sealed) > MAX_FILE_BYTES:
                raise _too_large(sum(manifest.counts.values()))
            temporary.write_bytes(sealed)
    except files.TargetError as error:
        raise PackageError(str(error)) from None
    _seal(shared)
    return manifest


def _unit_of(villages: list[UUID] | None) -> r.Unit | None:
    if not villages:
        return None
    units = {unit for (unit,) in r.Village.select(r.Village.unit).where(r.Village.id.in_(villages)).tuples()}
    return r.Unit.get_or_none(r.Unit.id == units.pop()) if len(units) == 1 else None


class _Member:
    """One JSON-lines member being written: its rows counted, its bytes hashed and measured."""

    def __init__(self, archive: zipfile.ZipFile, name: str):
        self.name, self.count, self.size = member_name(name), 0, 0
        self.digest = hashlib.sha256()
        self.handle = archive.open(self.name, "w", force_zip64=True)

    def write(self, row: dict[str, Any]) -> None:
        data = (json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
        self.handle.write(data)
        self.digest.update(data)
        self.count += 1
        self.size += len(data)

    def close(self) -> None:
        self.handle.close()


def _write_zip(temporary: io.BytesIO, scope: Scope, unit: r.Unit, villages, date_from, date_to
               ) -> tuple[Manifest, list[tuple[str, str, str]]]:
    """The members and the manifest; the (table, key, version) of the records whose bases went in."""
    counts, digests, sizes, shared = {}, {}, {}, []
    total = sum(scope.count(model) for model in r.RECORD_MODELS)
    if total > MAX_ROWS:
        raise _too_large(total)
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        members = []
        for model in r.RECORD_MODELS:
            member = _Member(archive, table(model))
            for row in scope.rows(model):
                member.write(row)
            member.close()
            members.append((table(model), member))
        links = _Member(archive, LINKS)
        for link in scope.links():
            links.write(link)
        links.close()
        bases = _Member(archive, BASES)
        for model in r.RECORD_MODELS:
            for key, version, data in scope.bases(model):
                bases.write({"kind": table(model), "record": key, "version": version,
                             "values": json.loads(data)})
                shared.append((table(model), key))
        bases.close()
        for name, member in [*members, (LINKS, links), (BASES, bases)]:
            counts[name], sizes[member.name] = member.count, member.size
            digests[member.name] = member.digest.hexdigest()
        if sum(sizes.values()) > MAX_DATA_BYTES or sum(counts.values()) > MAX_ROWS:
            raise _too_large(sum(counts.values()))
        manifest = Manifest(
            format=FORMAT_VERSION, schema_version=db.schema_version(), source=identity.file_id(),
            unit_id=unit.id.hex, unit_name=unit.name, scope=_scope(villages, date_from, date_to),
            created_at=r.utcnow().isoformat(sep=" "), counts=counts, sha256=digests, sizes=sizes)
        archive.writestr(MANIFEST, json.dumps(manifest.to_json(), ensure_ascii=False, indent=1))
    versions_now = _versions(shared)
    return manifest, [(kind, key, versions_now[kind, key]) for kind, key in shared]


def _versions(keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    found = {}
    for kind, key in keys:
        row = r.database.execute_sql(f'SELECT "version" FROM "{kind}" WHERE "id" = ?', (key,)).fetchone()
        found[kind, key] = versions.version_of(row[0] if row else None)
    return found


def _too_large(rows: int) -> PackageError:
    return PackageError(translate(
        "Packages", "The package would hold {rows} rows, more than a data package may ({limit} rows or "
        "{size} MB). Export it in parts: by township or by village.").format(
        rows=f"{rows:,}", limit=f"{MAX_ROWS:,}", size=MAX_DATA_BYTES // 1_048_576))


def _seal(shared: list[tuple[str, str, str]]) -> None:
    """The versions that went out are shared: their records' bases go, unless edited since."""
    if not shared:
        return
    with r.database.atomic():
        for kind, key, version in shared:
            row = r.database.execute_sql(f'SELECT "version" FROM "{kind}" WHERE "id" = ?', (key,)).fetchone()
            if row is not None and versions.version_of(row[0]) == version:
                versions.drop_base(r.database, kind, key)


def _scope(villages: list[UUID] | None, date_from: dt.date | None, date_to: dt.date | None) -> dict[str, Any]:
    """The scope as the manifest records it: the villages by key and name, the dates as ISO text."""
    names = {}
    if villages is not None:
        names = {v.id.hex: v.name for v in r.Village.select().where(r.Village.id.in_(list(villages)))}
    return {"villages": [{"id": key, "name": name} for key, name in names.items()] if villages is not None
            else None,
            "date_from": date_from.isoformat() if date_from else None,
            "date_to": date_to.isoformat() if date_to else None}
