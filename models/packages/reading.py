"""Reading a package: checked whole, and within bounds, before anything is planned from it.

A package is untrusted input. A path that is not a regular file or is too large
is refused; then its envelope is opened (``models.packages.envelope``): a file
that is empty, not a package, an old unencrypted one, cut short, or fails
authentication (another passphrase, damaged, altered) is refused before anything
in it is parsed. Then the zip inside: one that is not a zip, a manifest that is
missing, malformed or of a format this program does not know, a member missing,
repeated, altered (checksum), cut short (row count) or too large, a line that is
not a row of the table it claims — each is refused with ``PackageError``, whose
message names the file and gives a line for every part at fault. What reading
costs is bounded by the limits of ``models.packages.format``, whatever the file
claims about itself.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import stat
import zipfile
from pathlib import Path
from typing import Any

from models import db
from models.i18n import translate
from models.packages import envelope
from models.packages import passphrase as exchange
from models.packages.format import (
    BASES,
    FORMAT_VERSION,
    HEX32,
    HEX64,
    LINKS,
    MANIFEST,
    MAX_DATA_BYTES,
    MAX_FILE_BYTES,
    MAX_MEMBERS,
    MAX_ROW_BYTES,
    MAX_ROWS,
    MODELS,
    Manifest,
    Package,
    PackageError,
    bad,
    member_name,
    time_of,
)
from models.versions import VISITORS

VERSION = re.compile(r"^[0-9a-f]{1,32}$")

_CHUNK = 1 << 16


def read_package(path: str | Path, passphrase: str | None = None) -> Package:
    """The package at ``path``, checked whole; ``PackageError`` if it cannot be trusted.

    ``passphrase``: the exchange passphrase (default: the one kept in 设置). The envelope's
    tag is checked before anything inside it is parsed (``models.packages.envelope``).
    """
    path = Path(path)
    _check_file(path)
    key = exchange.required(passphrase)
    plain = envelope.unseal(path, _file_bytes(path), key)
    try:
        with zipfile.ZipFile(io.BytesIO(plain)) as archive:
            manifest = _manifest(path, archive)
            return _Reader(path, archive, manifest).read()
    except PackageError:
        raise
    except Exception as error:  # whatever a damaged or crafted zip makes the reader raise
        raise bad(path, translate("Packages", "the file is damaged or incomplete ({error}).").format(
            error=f"{type(error).__name__}: {error}"[:200])) from None


def _check_file(path: Path) -> None:
    """A regular file no larger than a package may be (a pipe would block, a device never end)."""
    try:
        info = path.stat()
    except OSError:
        raise bad(path, translate("Packages", "the file does not exist.")) from None
    if not stat.S_ISREG(info.st_mode):
        raise bad(path, translate("Packages", "it is not a regular file."))
    if info.st_size > MAX_FILE_BYTES:
        raise bad(path, translate("Packages", "it is larger than a data package may be ({n} MB).").format(
            n=MAX_FILE_BYTES // 1_048_576))


def _file_bytes(path: Path) -> bytes:
    """The whole file (checked by ``_check_file``), never more than a package may be."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise bad(path, translate("Packages", "the file cannot be read ({error}).").format(
            error=error.strerror or error)) from None
    if len(data) > MAX_FILE_BYTES:  # it grew meanwhile
        raise bad(path, translate("Packages", "it is larger than a data package may be ({n} MB).").format(
            n=MAX_FILE_BYTES // 1_048_576))
    return data


# --- the manifest ----------------------------------------------------------------------------

_TEXT_FIELDS = ("source", "unit_id", "unit_name", "created_at")


def _manifest(path: Path, archive: zipfile.ZipFile) -> Manifest:
    """The manifest, if this program can read what it describes."""
    names = archive.namelist()
    if len(names) > MAX_MEMBERS or len(set(names)) != len(names):
        raise bad(path, translate("Packages", "it holds parts a data package does not have."))
    if MANIFEST not in names:
        raise bad(path, translate("Packages", "it is not a 台账通 data package (no manifest)."))
    data = _json_of(path, archive, MANIFEST, 1024 * 1024)
    if not isinstance(data, dict):
        raise _unreadable_manifest(path, translate("Packages", "not an object"))
    if "installation_id" in data and "source" not in data:  # format 1 called it so
        data["source"] = data.pop("installation_id")
    problems = _manifest_problems(data)
    if problems:
        raise _unreadable_manifest(path, "; ".join(problems))
    if data["format"] > FORMAT_VERSION or data["schema_version"] > db.schema_version():
        raise bad(path, translate("Packages", "it was written by a newer version of 台账通 (data format "
                                  "{version}; this program knows up to {latest}). Please install the "
                                  "newer version.").format(version=data["schema_version"],
                                                           latest=db.schema_version()))
    if data["format"] < FORMAT_VERSION:
        raise bad(path, translate("Packages", "it was written by an older version of 台账通, whose packages "
                                  "carry no record versions. Ask the sender to install this version and "
                                  "export the package again."))
    known = Manifest.__dataclass_fields__
    return Manifest(**{key: value for key, value in data.items() if key in known})


def _manifest_problems(data: dict[str, Any]) -> list[str]:
    problems = []
    for key in ("format", "schema_version"):
        if not _is_int(data.get(key)):
            problems.append(key)
    for key in _TEXT_FIELDS:
        if not isinstance(data.get(key), str) or len(data[key]) > 200:
            problems.append(key)
    if isinstance(data.get("unit_id"), str) and not HEX32.match(data["unit_id"]):
        problems.append("unit_id")
    if not isinstance(data.get("scope"), dict):
        problems.append("scope")
    counts, digests = data.get("counts"), data.get("sha256")
    if not isinstance(counts, dict) or not all(isinstance(k, str) and _is_int(v) and v >= 0
                                               for k, v in counts.items()):
        problems.append("counts")
    if not isinstance(digests, dict) or not all(isinstance(k, str) and isinstance(v, str) and HEX64.match(v)
                                                for k, v in digests.items()):
        problems.append("sha256")
    sizes = data.setdefault("sizes", {})
    if not isinstance(sizes, dict) or not all(isinstance(k, str) and _is_int(v) and v >= 0
                                              for k, v in sizes.items()):
        problems.append("sizes")
    return sorted(set(problems), key=problems.index)


def _unreadable_manifest(path: Path, detail: str) -> PackageError:
    return bad(path, translate("Packages", "its manifest cannot be read ({error}).").format(error=detail))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _json_of(path: Path, archive: zipfile.ZipFile, name: str, limit: int) -> Any:
    info = archive.getinfo(name)
    if info.file_size > limit:
        raise _unreadable_manifest(path, translate("Packages", "too large"))
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _unreadable_manifest(path, translate("Packages", "too large"))
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise _unreadable_manifest(path, str(error)) from None


# --- the members ------------------------------------------------------------------------------

class _Reader:
    """The members the manifest names, read line by line within the limits, every row checked."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, manifest: Manifest):
        self.path, self.archive, self.manifest = path, archive, manifest
        self.problems: list[str] = []
        self.bytes_read = 0
        self.rows_read = 0

    def read(self) -> Package:
        manifest = self.manifest
        expected = {member_name(name) for name in manifest.counts}
        if set(manifest.sha256) != expected:
            raise bad(self.path, translate("Packages", "its manifest does not match its parts."))
        if sum(manifest.counts.values()) > MAX_ROWS or sum(manifest.sizes.values()) > MAX_DATA_BYTES:
            raise self._too_large()
        names = set(self.archive.namelist())
        for member in sorted(expected):
            if member not in names:
                raise bad(self.path, translate("Packages", "the part {member} is missing.").format(
                    member=member))
        for name in manifest.counts:
            if name not in (LINKS, BASES) and name not in MODELS:
                raise bad(self.path, translate("Packages", "the part {member} is missing.").format(
                    member=member_name(name)))
        parsed = {name: self._member(name) for name in manifest.counts}
        if self.problems:
            raise bad(self.path, translate("Packages", "some of its rows cannot be used; nothing was "
                                           "imported:"), self.problems)
        links = parsed.pop(LINKS, [])
        bases = {(row["kind"], row["record"]): (row["version"], row["values"])
                 for row in parsed.pop(BASES, [])}
        return Package(self.path, manifest, parsed, links, bases)

    def _too_large(self) -> PackageError:
        return bad(self.path, translate("Packages", "it holds more than a data package may ({rows} rows or "
                                        "{size} MB unpacked). Export it in parts (by village).").format(
            rows=f"{MAX_ROWS:,}", size=MAX_DATA_BYTES // 1_048_576))

    def _member(self, name: str) -> list[dict[str, Any]]:
        member = member_name(name)
        digest, rows, count = hashlib.sha256(), [], self.manifest.counts[name]
        check = _ROW_CHECKS.get(name) or _record_check(name)
        number = 0
        for lines in _batches(self._lines(member, digest)):
            for row, problem in _parse_many(lines):
                number += 1
                problem = problem or check(row)
                if problem:
                    self.problems.append(translate("Packages", "{member} row {row}: {problem}").format(
                        member=member, row=number, problem=problem))
                else:
                    rows.append(row)
        if digest.hexdigest() != self.manifest.sha256[member]:
            raise bad(self.path, translate("Packages", "the part {member} has been altered or damaged "
                                           "(checksum mismatch).").format(member=member))
        if number != count:
            message = translate("Packages", "the part {member} is incomplete ({found} of {count} rows).")
            raise bad(self.path, message.format(member=member, found=number, count=count))
        return rows

    def _lines(self, member: str, digest):
        """The lines of a member, as bytes, never more than the limits allow."""
        pending = b""
        with self.archive.open(member) as handle:
            while chunk := handle.read(_CHUNK):
                self.bytes_read += len(chunk)
                if self.bytes_read > MAX_DATA_BYTES:
                    raise self._too_large()
                digest.update(chunk)
                pending += chunk
                *lines, pending = pending.split(b"\n")
                if len(pending) > MAX_ROW_BYTES:
                    raise bad(self.path, translate("Packages", "a row of {member} is longer than a row may "
                                                   "be.").format(member=member))
                yield from self._counted(lines)
        if pending:
            yield from self._counted([pending])

    def _counted(self, lines: list[bytes]):
        for line in lines:
            if not line.strip():
                continue
            self.rows_read += 1
            if self.rows_read > MAX_ROWS:
                raise self._too_large()
            yield line


def _batches(lines, size: int = 2000):
    batch = []
    for line in lines:
        batch.append(line)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parse_many(lines: list[bytes]) -> list[tuple[dict[str, Any], str | None]]:
    """Many lines parsed as one JSON array (twice as fast, and rows share their column names);
    line by line when that fails or does not give one value a line."""
    if all(len(line) <= MAX_ROW_BYTES for line in lines):
        try:
            values = json.loads(b"[" + b",".join(lines) + b"]", parse_constant=_no_constant)
        except (ValueError, RecursionError):
            values = None
        if isinstance(values, list) and len(values) == len(lines):
            return [(value, None) if isinstance(value, dict) else
                    ({}, translate("Packages", "the row cannot be read.")) for value in values]
    return [_parse(line) for line in lines]


def _parse(line: bytes) -> tuple[dict[str, Any], str | None]:
    if len(line) > MAX_ROW_BYTES:
        return {}, translate("Packages", "the row is too long.")
    try:
        row = json.loads(line.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return {}, translate("Packages", "the row cannot be read.")
    if not isinstance(row, dict):
        return {}, translate("Packages", "the row cannot be read.")
    return row, None


def _no_constant(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity: no value of a record


def _is_value(value: Any) -> bool:
    """A value a column may hold: text, a number SQLite can store, true/false, nothing."""
    if value is None or isinstance(value, bool | str):
        return not isinstance(value, str) or len(value) <= MAX_ROW_BYTES
    if isinstance(value, int):
        return -(2**63) <= value < 2**63
    return isinstance(value, float) and math.isfinite(value)


def _record_check(name: str):
    model = MODELS[name]
    columns = set(model._meta.columns)

    def check(row: dict[str, Any]) -> str | None:
        unknown = sorted(set(row) - columns)
        if unknown:
            return translate("Packages", "columns this program does not know ({names}).").format(
                names="、".join(str(u)[:40] for u in unknown[:5]))
        if not isinstance(row.get("id"), str) or not HEX32.match(row["id"]):
            return translate("Packages", "the row has no key.")
        for column in ("created_at", "updated_at"):
            if not isinstance(row.get(column), str) or time_of(row[column]) is None:
                return translate("Packages", "the row has no time of its last change.")
        version, lineage = row.get("version"), row.get("lineage", "")
        if not (version is None or (isinstance(version, str) and VERSION.match(version))) or not (
                isinstance(lineage, str) and all(VERSION.match(part) for part in lineage.split(",") if part)):
            return translate("Packages", "the row's version cannot be read.")
        if not all(_is_value(value) for value in row.values()):
            return translate("Packages", "the row holds a value that is neither text nor a number.")
        return None
    return check


def _check_link(row: dict[str, Any]) -> str | None:
    if set(row) != {"visit_id", "person_id"} or not all(isinstance(v, str) and HEX32.match(v)
                                                         for v in row.values()):
        return translate("Packages", "the row cannot be read.")
    return None


def _check_base(row: dict[str, Any]) -> str | None:
    values = row.get("values")
    if (set(row) != {"kind", "record", "version", "values"} or row.get("kind") not in MODELS
            or not isinstance(row.get("record"), str) or not HEX32.match(row["record"])
            or not isinstance(row.get("version"), str) or not VERSION.match(row["version"])
            or not isinstance(values, dict)):
        return translate("Packages", "the row cannot be read.")
    visitors = values.get(VISITORS)
    if visitors is not None and not (isinstance(visitors, list) and all(
            isinstance(v, str) and HEX32.match(v) for v in visitors)):
        return translate("Packages", "the row cannot be read.")
    if not all(_is_value(value) for key, value in values.items() if key != VISITORS):
        return translate("Packages", "the row holds a value that is neither text nor a number.")
    return None


_ROW_CHECKS = {LINKS: _check_link, BASES: _check_base}


__all__ = ["PackageError", "read_package"]
