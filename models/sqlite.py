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
        # One self-contained file: reading it later (even read-only) leaves no -wal/-shm beside it.
        destination.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        destination.close()
        partial.unlink(missing_ok=True)
        raise
    destination.close()
    partial.replace(target)


def open_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (a backup being previewed, a file being checked)."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=5)


# SQLITE_CORRUPT and SQLITE_NOTADB: the file's pages themselves are wrong.
DAMAGE_CODES = (11, 26)


def health_problems(connection: sqlite3.Connection, full: bool = False) -> list[str]:
    """What ``PRAGMA quick_check`` (or the slower ``integrity_check``) finds wrong; empty when sound.

    An error that means damage is returned as a problem; any other error (a lock,
    a permission) is raised, since it says nothing about the file's pages.
    """
    try:
        rows = connection.execute(f"PRAGMA {'integrity_check' if full else 'quick_check'}(20)").fetchall()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) in DAMAGE_CODES or not isinstance(
                error, sqlite3.OperationalError):
            return [str(error)]
        raise
    # One problem a line, without the "*** in database main ***" heading SQLite puts first.
    lines = (line.strip() for (text,) in rows for line in text.splitlines())
    return [line for line in lines if line and line != "ok" and not line.startswith("***")]


def is_sqlite_file(path: Path) -> bool:
    """True for an SQLite file or an empty one (a new database starts empty)."""
    with path.open("rb") as handle:
        header = handle.read(16)
    return header in (b"", b"SQLite format 3\x00")


# Text searched through an FTS5 index with the trigram tokenizer (terms of 3 characters or
# more; shorter ones are looked for by a scan): the long text of the largest tables. A
# PostgreSQL server serves the same searches with pg_trgm's GIN indexes.
TEXT_INDEXES: dict[str, tuple[str, ...]] = {
    "visit": ("requests", "situation"),
    "household": ("id_number", "phone", "address"),
}
TRIGRAM = 3


def text_index_name(table: str) -> str:
    return f"{table}_text"


def create_text_index(db: SqliteDatabase, table: str, columns: tuple[str, ...]) -> None:
    """An FTS5 trigram index of ``columns``, kept in step with ``table`` by triggers, filled now."""
    index = text_index_name(table)
    names = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    db.execute_sql(f'CREATE VIRTUAL TABLE "{index}" USING fts5({names}, content=\'{table}\', '
                   f"content_rowid='rowid', tokenize='trigram')")
    db.execute_sql(f'CREATE TRIGGER "{index}_insert" AFTER INSERT ON "{table}" BEGIN '
                   f'INSERT INTO "{index}"(rowid, {names}) VALUES (new.rowid, {new}); END')
    forget = f'INSERT INTO "{index}"("{index}", rowid, {names}) VALUES (\'delete\', old.rowid, {old});'
    db.execute_sql(f'CREATE TRIGGER "{index}_delete" AFTER DELETE ON "{table}" BEGIN {forget} END')
    db.execute_sql(f'CREATE TRIGGER "{index}_update" AFTER UPDATE OF {names} ON "{table}" BEGIN {forget} '
                   f'INSERT INTO "{index}"(rowid, {names}) VALUES (new.rowid, {new}); END')
    db.execute_sql(f'INSERT INTO "{index}"("{index}") VALUES (\'rebuild\')')


def create_text_indexes(db: SqliteDatabase) -> None:
    for table, columns in TEXT_INDEXES.items():
        create_text_index(db, table, columns)


def text_contains(field, word: str):
    """The condition "``field`` contains ``word``" (case-insensitive), served by an index where one is.

    Through the trigram index for a term of 3 characters or more in a column it
    covers; otherwise LIKE (PostgreSQL: ILIKE, served by pg_trgm).
    """
    from peewee import SQL, NodeList
    from peewee import Column as SqlColumn

    model = getattr(field, "source", field.model)  # a field of an alias, or of the model itself
    table = field.model._meta.table_name
    column = field.column_name
    if len(word) < TRIGRAM or column not in TEXT_INDEXES.get(table, ()):
        return field.contains(word)
    index = text_index_name(table)
    phrase = '"' + word.replace('"', '""') + '"'
    query = SQL(f'SELECT rowid FROM "{index}" WHERE "{index}" MATCH ?', [f"{column} : {phrase}"])
    matching = NodeList((query,), parens=True)
    return SqlColumn(model, row_key()).in_(matching)


def keep_statistics(db: SqliteDatabase) -> None:
    """Give the query planner the sizes of the tables (approximate: a few milliseconds on a county).

    Without them it cannot tell a list of a million visits sorted by village
    from one of forty, and scans and sorts them all instead of reading them in
    order. Measured again when a table has grown well past what was measured.
    """
    if not _statistics_stale(db):
        return
    db.execute_sql("PRAGMA analysis_limit = 1000")
    db.execute_sql("ANALYZE")


def _statistics_stale(db: SqliteDatabase) -> bool:
    if not db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        return True
    measured: dict[str, int] = {}
    for table, stat in db.execute_sql("SELECT tbl, stat FROM sqlite_stat1"):
        measured[table] = max(measured.get(table, 0), int(str(stat).split()[0] or 0))
    for table in TEXT_INDEXES:  # the tables whose lists and searches need the planner's judgement
        (largest,) = db.execute_sql(f'SELECT max(rowid) FROM "{table}"').fetchone()
        if (largest or 0) > 2 * measured.get(table, 0) + 1000:
            return True
    return False


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
