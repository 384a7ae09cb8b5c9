"""Everything that only SQLite has, kept in one small module.

The rest of ``models`` speaks peewee, so that a county that outgrows files can
move the same models to PostgreSQL; what serves speed or safety on a laptop
(pragmas, the file's identity, online backups, row ids for paging) lives here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

# "TZT1" as a big-endian integer: marks a file as a 台账通 database.
APPLICATION_ID = 0x545A5431

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    # FULL: a commit survives a power cut, not only a crash of the program.
    "synchronous": "full",
    "cache_size": -32000,
}


def make_database(path: str | Path) -> dict:
    """Keyword arguments for ``SqliteDatabase.init``."""
    return {"database": str(path), "pragmas": PRAGMAS}


def user_version(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def set_user_version(db: SqliteDatabase, version: int) -> None:
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def application_id(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA application_id").fetchone()[0]


def set_application_id(db: SqliteDatabase) -> None:
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def table_names(db: SqliteDatabase) -> list[str]:
    rows = db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return [name for (name,) in rows]


def backup_to(db: SqliteDatabase, target: Path) -> None:
    """A consistent copy of the open database, safe while it is in use."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    destination = sqlite3.connect(partial)
    try:
        db.connection().backup(destination)
    finally:
        destination.close()
    partial.replace(target)


def is_sqlite_file(path: Path) -> bool:
    """True for an SQLite file or an empty one (a new database starts empty)."""
    with path.open("rb") as handle:
        header = handle.read(16)
    return header in (b"", b"SQLite format 3\x00")


def row_key() -> str:
    """The expression that addresses a row cheaply for paging through long lists."""
    return "rowid"


def joined_text(expr, separator: str = "、"):
    """Many values of a sub-select as one text (PostgreSQL: string_agg)."""
    from peewee import fn

    return fn.group_concat(expr, separator)


def month_of(expr):
    """The 'YYYY-MM' of a date column (dates are stored as ISO text; PostgreSQL: to_char)."""
    from peewee import fn

    return fn.substr(expr, 1, 7)
