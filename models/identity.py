"""Which data file this is: an identity (a UUID) kept inside the file, and a list of the files known here.

Backups are keyed by the identity, not by the file's name, so that two files
both called ``taizhangtong.db`` never share a series; packages name the file they
come from by it. A copy of a file is a file of its own: when a file turns up at
a new place while the file it was copied from is still where it was, it gets a
new identity (a file that was only moved keeps its own). The list of known files
(``known_files.json`` in the data folder) remembers the identity of every data
file opened on this computer, so that a file whose first pages are damaged, and
can no longer say who it is, is still offered its own backups — and only those.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import uuid
from pathlib import Path

from models import paths, settings, sqlite
from models.sqlite import driver

IDENTITY_KEY = "file_identity"
_SETTING = 'SELECT "value" FROM "setting" WHERE "key" = ?'
PLACE_KEY = "file_place"
PATH_KEY = "file_path"


def file_id() -> str:
    """The identity of the open data file (made on first use)."""
    value = settings.get_setting(IDENTITY_KEY)
    if not value:
        value = uuid.uuid4().hex
        settings.set_setting(IDENTITY_KEY, value)
    return value


def settled(path: Path) -> bool:
    """Whether the open file already knows it is at ``path`` (``settle`` would write nothing)."""
    return bool(settings.get_setting(IDENTITY_KEY)) and settings.get_setting(PLACE_KEY) == _place(
        Path(path).resolve())


def settle(path: Path) -> str:
    """At opening: the file's identity, a new one if it is a copy of a file still in its old place."""
    path = Path(path).resolve()
    identity, place = file_id(), _place(path)
    if settings.get_setting(PLACE_KEY) == place:
        return identity
    old = settings.get_setting(PATH_KEY)
    if old and settings.get_setting(PLACE_KEY) and _is_copy_of(path, Path(old), identity):
        identity = uuid.uuid4().hex
        settings.set_setting(IDENTITY_KEY, identity)
    settings.set_setting(PLACE_KEY, place)
    settings.set_setting(PATH_KEY, str(path))
    return identity


def stamp(connection: driver.Connection, identity: str, path: Path) -> None:
    """Through ``connection`` to a copy that will be the data file at ``path``: its identity and place."""
    path = Path(path).resolve()
    for key, value in ((IDENTITY_KEY, identity), (PLACE_KEY, _place(path)), (PATH_KEY, str(path))):
        connection.execute('INSERT OR REPLACE INTO "setting" ("key", "value") VALUES (?, ?)', (key, value))


def _place(path: Path) -> str:
    return hashlib.sha256(f"{uuid.getnode()}|{path}".encode()).hexdigest()[:32]


def _is_copy_of(path: Path, old: Path, identity: str) -> bool:
    """True when the file this one was at is still there, with the same identity: this is a copy."""
    try:
        if old == path or not old.is_file() or old.samefile(path):
            return False
    except OSError:
        return False
    return read_identity(old) == identity


def read_identity(path: Path) -> str | None:
    """The identity inside a data file or backup, read without changing it; None if it has none."""
    try:
        connection = sqlite.open_readonly(path)
    except driver.Error:
        return None
    try:
        found = connection.execute(_SETTING, (IDENTITY_KEY,)).fetchone()
    except driver.Error:
        return None
    finally:
        connection.close()
    return found[0] if found and found[0] else None


def unit_name_in(connection: driver.Connection) -> str:
    """The name of a file's own unit (the current one, else the first), read through ``connection``."""
    try:
        current = connection.execute(_SETTING, ("current_unit",)).fetchone()
        row = None
        if current:
            row = connection.execute('SELECT "name" FROM "unit" WHERE "id" = ?', (current[0],)).fetchone()
        row = row or connection.execute('SELECT "name" FROM "unit" WHERE "deleted_at" IS NULL '
                                        'ORDER BY "created_at" LIMIT 1').fetchone()
    except driver.Error:
        return ""
    return row[0] if row else ""


# --- the files known on this computer -----------------------------------------------------------

def _known_file() -> Path:
    return paths.data_dir() / "known_files.json"


def known_files() -> dict[str, dict[str, str]]:
    """{resolved path: {"id": identity, "unit": unit name}} of the data files opened here."""
    try:
        data = json.loads(_known_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remember(path: Path, identity: str, unit: str) -> None:
    """Note the open file's identity and unit (best effort: a folder that cannot be written is no error)."""
    key = str(Path(path).resolve())
    known = known_files()
    if known.get(key) == {"id": identity, "unit": unit}:
        return
    known[key] = {"id": identity, "unit": unit}
    target = _known_file()
    with contextlib.suppress(OSError):
        paths.ensure(target.parent)
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        partial.write_text(json.dumps(known, ensure_ascii=False, indent=1), encoding="utf-8")
        partial.replace(target)


def known_identity(path: Path) -> tuple[str, str] | None:
    """(identity, unit name) of a data file opened here before, by its place."""
    found = known_files().get(str(Path(path).resolve()))
    if isinstance(found, dict) and isinstance(found.get("id"), str):
        return found["id"], str(found.get("unit", ""))
    return None


def current_unit_name() -> str:
    unit = settings.current_unit()
    return unit.name if unit is not None else ""


__all__ = ["IDENTITY_KEY", "file_id", "known_identity", "read_identity", "remember", "settle"]
