"""What a backup says about itself: whose it is, which unit's data it holds, whether it was found sound.

Beside each backup the program writes a small mark, ``<backup>.json``: the
identity of the data file it is a copy of (``models.identity``), the name of the
unit, and — once ``PRAGMA integrity_check`` has found the copy sound — that it
was checked, with the size and time of the file as it was then. A mark whose
size or time no longer match says nothing: the copy is checked again. A backup
without a mark (made by an older version, or put there by hand) is read for its
identity and unit, read-only; one that cannot say whose it is belongs to no file
and is never offered on its own.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from models import identity, sqlite
from models.sqlite import driver

SUFFIX = ".json"


@dataclass(frozen=True)
class Mark:
    identity: str | None  # the data file it is a copy of; None when it cannot say
    unit: str  # the name of the unit whose data it holds
    checked: bool  # found sound by integrity_check, and unchanged since


def mark_path(backup: Path) -> Path:
    return backup.with_name(backup.name + SUFFIX)


def write(backup: Path, owner: str | None, unit: str, checked: bool = False) -> None:
    """The mark of ``backup`` (best effort: a mark that cannot be written is made again when read)."""
    try:
        info = backup.stat()
    except OSError:
        return
    data = {"identity": owner, "unit": unit, "checked": checked, "size": info.st_size,
            "mtime_ns": info.st_mtime_ns}
    target = mark_path(backup)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    with contextlib.suppress(OSError):
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        partial.replace(target)


def read(backup: Path) -> Mark:
    """Whose ``backup`` is, from its mark, else from inside the file (read-only)."""
    data = _stored(backup)
    if data is not None:
        info = backup.stat()
        current = data.get("size") == info.st_size and data.get("mtime_ns") == info.st_mtime_ns
        owner = data.get("identity")
        return Mark(owner if isinstance(owner, str) else None, str(data.get("unit") or ""),
                    bool(data.get("checked")) and current)
    return _from_inside(backup)


def _stored(backup: Path) -> dict | None:
    try:
        data = json.loads(mark_path(backup).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _from_inside(backup: Path) -> Mark:
    owner = identity.read_identity(backup)
    try:
        connection = sqlite.open_readonly(backup)
    except driver.Error:
        return Mark(owner, "", False)
    try:
        unit = identity.unit_name_in(connection)
    finally:
        connection.close()
    return Mark(owner, unit, False)


def checked(backup: Path) -> None:
    """``backup`` was found sound: said in its mark."""
    mark = read(backup)
    write(backup, mark.identity, mark.unit, checked=True)


def remove(backup: Path) -> None:
    """The backup's mark, and its key file (an encrypted backup's), with the backup."""
    mark_path(backup).unlink(missing_ok=True)
    backup.with_name(backup.name + ".key").unlink(missing_ok=True)
