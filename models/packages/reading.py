"""Reading a package: checked whole before anything is planned from it.

A file that is missing, not a zip, without a manifest, written by a newer
version, with a member missing, altered (checksum), cut short (row count) or
holding columns this program does not know is refused with ``PackageError``.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from models import db
from models import records as r
from models.i18n import translate
from models.packages.format import (
    FORMAT_VERSION,
    LINKS,
    MANIFEST,
    MODELS,
    Manifest,
    Package,
    PackageError,
    table,
)


def read_package(path: str | Path) -> Package:
    """The package at ``path``, checked whole; ``PackageError`` if it cannot be trusted."""
    path = Path(path)
    if not path.is_file():
        raise _bad(path, translate("Packages", "the file does not exist."))
    if not zipfile.is_zipfile(path):
        raise _bad(path, translate("Packages", "it is not a 台账通 data package."))
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _manifest(path, archive)
            contents = _members(path, archive, manifest)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise _bad(path, translate("Packages", "the file is damaged or incomplete ({error}).").format(
            error=error)) from None
    rows, links = _parsed(path, manifest, contents)
    _check_columns(path, rows)
    return Package(path, manifest, rows, links)


def _bad(path: Path, reason: str) -> PackageError:
    return PackageError(translate("Packages", "{path} cannot be imported: {reason}").format(
        path=path, reason=reason))


def _manifest(path: Path, archive: zipfile.ZipFile) -> Manifest:
    """The manifest, if this program can read what it describes."""
    if MANIFEST not in archive.namelist():
        raise _bad(path, translate("Packages", "it is not a 台账通 data package (no manifest)."))
    try:
        data = json.loads(archive.read(MANIFEST).decode("utf-8"))
        manifest = Manifest(**data)
    except (ValueError, TypeError) as error:
        raise _bad(path, translate("Packages", "its manifest cannot be read ({error}).").format(
            error=error)) from None
    if manifest.format > FORMAT_VERSION or manifest.schema_version > db.schema_version():
        raise _bad(path, translate("Packages", "it was written by a newer version of 台账通 (data format "
                                   "{version}; this program knows up to {latest}). Please install the "
                                   "newer version.").format(version=manifest.schema_version,
                                                            latest=db.schema_version()))
    return manifest


def _members(path: Path, archive: zipfile.ZipFile, manifest: Manifest) -> dict[str, bytes]:
    """Every member the manifest names, each matching its checksum."""
    names = set(archive.namelist())
    contents = {}
    for member, digest in manifest.sha256.items():
        if member not in names:
            raise _bad(path, translate("Packages", "the part {member} is missing.").format(member=member))
        content = archive.read(member)
        if hashlib.sha256(content).hexdigest() != digest:
            raise _bad(path, translate("Packages", "the part {member} has been altered or damaged "
                                       "(checksum mismatch).").format(member=member))
        contents[member] = content
    return contents


def _parsed(path: Path, manifest: Manifest, contents: dict[str, bytes]
            ) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    """The rows of each table and the visitor links, as many as the manifest counts."""
    rows: dict[str, list[dict[str, Any]]] = {}
    links: list[dict[str, Any]] = []
    for name, count in manifest.counts.items():
        member = f"{name}.jsonl"
        if member not in contents or (name != LINKS and name not in MODELS):
            raise _bad(path, translate("Packages", "the part {member} is missing.").format(member=member))
        try:
            parsed = [json.loads(line) for line in contents[member].decode("utf-8").splitlines() if line]
        except ValueError:
            raise _bad(path, translate("Packages", "the part {member} cannot be read.").format(
                member=member)) from None
        if len(parsed) != count:
            message = translate("Packages", "the part {member} is incomplete ({found} of {count} rows).")
            raise _bad(path, message.format(member=member, found=len(parsed), count=count))
        if name == LINKS:
            links = parsed
        else:
            rows[name] = parsed
    return rows, links


def _check_columns(path: Path, rows: dict[str, list[dict[str, Any]]]) -> None:
    for model in r.RECORD_MODELS:
        known = set(model._meta.columns)
        for row in rows.get(table(model), []):
            if "id" not in row or not set(row) <= known:
                raise _bad(path, translate("Packages", "the part {member} holds rows this program does not "
                                           "know.").format(member=f"{table(model)}.jsonl"))
