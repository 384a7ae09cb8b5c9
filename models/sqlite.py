"""Everything that only SQLite has, kept in one small module.

The rest of ``models`` speaks peewee, so that a county that outgrows files can
move the same models to PostgreSQL; what serves speed or safety on a laptop
(pragmas, the file's identity, online backups, row ids for paging) lives here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from peewee import SQL, Database, NodeList, SqliteDatabase

# Every connection to a data file goes through one SQLite library, SQLCipher's (it reads plain files as
# well): two copies of SQLite in one process on the same file would release each other's locks.
from sqlcipher3 import dbapi2 as driver

from models import crypt, files

# Values bound as peewee has the sqlite3 module bind them (text): SQLCipher's module is not given
# peewee's adapters.
driver.register_adapter(decimal.Decimal, str)
driver.register_adapter(dt.date, str)
driver.register_adapter(dt.time, str)
driver.register_adapter(dt.datetime, lambda value: value.isoformat(" "))

# "TZT1" as a big-endian integer: marks a file as a 台账通 database.
APPLICATION_ID = 0x545A5431

# How long a write waits for another writer to finish before it gives up (and says who holds the file).
BUSY_SECONDS = 5

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # FULL: a commit survives a power cut, not only a crash of the program.
    "synchronous": "full",
    "cache_size": -32000,
}
# An encrypted file's pages are decrypted each time they are read from the disk: big scans of a file
# larger than the cache are about 4x slower with a small cache (bench/crypt.py), so it gets a big one
# (a maximum: it grows only as pages are read).
ENCRYPTED_CACHE_KB = 300_000


class DataFileDatabase(SqliteDatabase):
    """peewee's SqliteDatabase as a data file needs it.

    - Write transactions begin IMMEDIATE: the write lock is taken at the start, so
      a second writer waits for the busy timeout instead of failing at once when a
      transaction that read first tries to write (a deferred transaction cannot wait
      in WAL mode). A read that wants one picture asks ``atomic("DEFERRED")``.
    - ``before_write``, when set, is called before every write transaction begins
      (``models.health`` holds writes there until the file was found sound).
    - A rollback after SQLite has already rolled back by itself (a full disk does
      that) is no error: the error that caused it is the one the user sees.
    """

    before_write: Callable[[], None] | None = None
    # Called inside every write transaction with the connection and what it returned last time in this
    # session (None at first); ``models.health`` records the session's token there.
    on_write: Callable[[driver.Connection, str | None], str | None] | None = None

    def __init__(self, database, *args, **kwargs):
        kwargs.setdefault("lock_type", "IMMEDIATE")
        self._session = None
        super().__init__(database, *args, **kwargs)

    def init(self, database, *args, **kwargs):
        self._session = None
        self.opening = getattr(self, "opening", 0) + 1  # which opening of a file this is, in this process
        self.key = kwargs.pop("key", None)
        super().init(database, *args, **kwargs)

    def _connect(self):
        """A connection through SQLCipher, given the data key first when the file is encrypted."""
        connection = driver.connect(self.database, timeout=self._timeout, isolation_level=None,
                                    **self.connect_params)
        try:
            _quiet(connection)
            if getattr(self, "key", None):
                connection.execute(crypt.pragma(self.key))
            self._add_conn_hooks(connection)
        except Exception:
            connection.close()
            raise
        return connection

    def begin(self, lock_type=None):
        kind = (lock_type or self._lock_type or "").upper()
        if kind != "DEFERRED" and self.before_write is not None:
            self.before_write()
        super().begin(lock_type)
        if kind != "DEFERRED" and self.on_write is not None:
            self._session = self.on_write(self.connection(), self._session)

    def rollback(self):
        if self._rolled_back_already():
            return  # already rolled back by SQLite (SQLITE_FULL, SQLITE_IOERR …)
        super().rollback()

    def execute_sql(self, sql, *args, **kwargs):
        if isinstance(sql, str) and sql.startswith("ROLLBACK TO SAVEPOINT") and self._rolled_back_already():
            return None  # the whole transaction went with the error: so did its savepoints
        return super().execute_sql(sql, *args, **kwargs)

    def _rolled_back_already(self) -> bool:
        return not self.is_closed() and self.connection().in_transaction is False


def make_database(path: str | Path, key: bytes | None = None) -> dict:
    """Keyword arguments for ``SqliteDatabase.init`` (``key``: the data key of an encrypted file)."""
    pragmas = {**PRAGMAS, "busy_timeout": int(BUSY_SECONDS * 1000)}
    if key:
        pragmas["cache_size"] = -ENCRYPTED_CACHE_KB
    return {"database": str(path), "pragmas": pragmas, "timeout": BUSY_SECONDS, "key": key}


def connect(path: str | Path, mode: str | None = None, timeout: float = 5,
            key: bytes | None = None) -> driver.Connection:
    """A connection to a data file or copy: given its key when it is encrypted (the key this process
    unlocked for it, ``models.crypt``; Locked when there is none); ``mode`` ``ro`` or ``immutable``."""
    key = key if key is not None else _key_of(Path(path))
    if mode:
        flag = "immutable=1" if mode == "immutable" else f"mode={mode}"
        connection = driver.connect(Path(path).resolve().as_uri() + "?" + flag, uri=True, timeout=timeout)
    else:
        connection = driver.connect(str(path), timeout=timeout)
    _quiet(connection)
    if key:
        connection.execute(crypt.pragma(key))
    return connection


def _quiet(connection: driver.Connection) -> None:
    """SQLCipher writes its own errors (a wrong key) to stderr: the program says them in its words."""
    connection.execute("PRAGMA cipher_log_level = NONE")


def key_of(path: Path) -> bytes | None:
    """The data key of the file at ``path`` as this process unlocked it; None for a plain file."""
    return _key_of(Path(path))


def _key_of(path: Path) -> bytes | None:
    if not path.exists() or is_sqlite_file(path):
        return None  # a plain file (or a new one), whatever lies beside it
    try:
        return crypt.key_for(path)
    except crypt.Locked as locked:
        raise driver.DatabaseError(str(locked)) from None
    except crypt.KeyFileError:
        return None  # an unreadable key file: the file is read as plain, and found not to be one


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


def table_names_of(connection: driver.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return [name for (name,) in rows]


def backup_to(db: SqliteDatabase, target: Path) -> None:
    """A consistent copy of the open database, safe while it is in use.

    Written under a temporary name beside ``target`` (``models.files``: swept if the
    program is killed meanwhile), on the disk, then renamed.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = files.temporary_beside(target)
    try:
        destination = connect(partial, key=getattr(db, "key", None) or b"")
        try:
            db.connection().backup(destination)
            # One self-contained file: reading it later (even read-only) leaves no -wal/-shm beside it.
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        files.flush_to_disk(partial)
        partial.replace(target)
    finally:
        files.discard(partial)


def open_readonly(path: Path) -> driver.Connection:
    """A connection that cannot change the file (a backup being previewed, a file being checked)."""
    return connect(path, "ro")


# SQLITE_CORRUPT and SQLITE_NOTADB: the file's pages themselves are wrong.
DAMAGE_CODES = (11, 26)


def health_problems(connection: driver.Connection, full: bool = False) -> list[str]:
    """What ``PRAGMA quick_check`` (or the slower ``integrity_check``) finds wrong; empty when sound.

    An error that means damage is returned as a problem; any other error (a lock,
    a permission) is raised, since it says nothing about the file's pages.
    """
    try:
        rows = connection.execute(f"PRAGMA {'integrity_check' if full else 'quick_check'}(20)").fetchall()
    except driver.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) in DAMAGE_CODES or not isinstance(
                error, driver.OperationalError):
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


# Text searched through an FTS5 index with the trigram tokenizer: the long text of the largest
# tables. A term of 3 characters or more is looked up in the index; a shorter one by a scan of
# the index's own copy of the text (a narrow table: about half the time of a scan of the records).
# A PostgreSQL server serves the same searches with pg_trgm's GIN indexes.
TEXT_INDEXES: dict[str, tuple[str, ...]] = {
    "visit": ("requests", "situation"),
    "household": ("id_number", "phone", "address"),
}
TRIGRAM = 3


def text_index_name(table: str) -> str:
    return f"{table}_text"


def create_text_index(db: Database, table: str, columns: tuple[str, ...]) -> None:
    """An FTS5 trigram index of ``columns`` (with its own copy of them), kept in step with ``table``
    by triggers, filled now."""
    index = text_index_name(table)
    names = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    db.execute_sql(f'CREATE VIRTUAL TABLE "{index}" USING fts5({names}, tokenize=\'trigram\')')
    db.execute_sql(_text_insert_trigger(table, columns))
    db.execute_sql(f'CREATE TRIGGER "{index}_delete" AFTER DELETE ON "{table}" BEGIN '
                   f'DELETE FROM "{index}" WHERE rowid = old.rowid; END')
    db.execute_sql(f'CREATE TRIGGER "{index}_update" AFTER UPDATE OF {names} ON "{table}" BEGIN '
                   f'DELETE FROM "{index}" WHERE rowid = old.rowid; '
                   f'INSERT INTO "{index}"(rowid, {names}) VALUES (new.rowid, {new}); END')
    _fill_text(db, table, columns)


def _text_insert_trigger(table: str, columns: tuple[str, ...]) -> str:
    index = text_index_name(table)
    names = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    return (f'CREATE TRIGGER "{index}_insert" AFTER INSERT ON "{table}" BEGIN '
            f'INSERT INTO "{index}"(rowid, {names}) VALUES (new.rowid, {new}); END')


def _fill_text(db: Database, table: str, columns: tuple[str, ...], after: int = 0) -> None:
    """Index the rows of ``table`` after row id ``after`` (all of them by default)."""
    index = text_index_name(table)
    names = ", ".join(f'"{c}"' for c in columns)
    db.execute_sql(f'INSERT OR REPLACE INTO "{index}"(rowid, {names}) SELECT rowid, {names} FROM "{table}" '
                   "WHERE rowid > ?", (after,))


# Short text searched through a table of its single characters and overlapping pairs
# (``search_gram``): a term of 1 or 2 characters is one lookup, a longer one the rows that have
# all its pairs, checked. Each field has a number of its own in that table.
GRAM_FIELDS: dict[tuple[str, str], int] = {("household", "head_name"): 1, ("household", "address"): 2}
GRAM_LONGEST = 1000  # characters of a field that are indexed


def create_gram_index(db: Database) -> None:
    """The table of characters and pairs of the short fields, kept in step by triggers, filled now."""
    db.execute_sql('CREATE TABLE "search_position" ("n" INTEGER PRIMARY KEY)')
    db.execute_sql('WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p '
                   f'WHERE n < {GRAM_LONGEST}) INSERT INTO "search_position" SELECT n FROM p')
    db.execute_sql('CREATE TABLE "search_gram" ("field" INTEGER NOT NULL, "gram" TEXT NOT NULL, '
                   '"rid" INTEGER NOT NULL, PRIMARY KEY ("field", "gram", "rid")) WITHOUT ROWID')
    for table in _gram_tables():
        fields = _gram_fields(table)
        names = ", ".join(f'"{column}"' for column, _number in fields)
        add = " ".join(f"INSERT OR IGNORE INTO search_gram {_grams('new', column, number)};"
                       for column, number in fields)
        forget = " ".join(f"DELETE FROM search_gram WHERE field = {number} AND rid = old.rowid AND gram IN "
                          f"(SELECT gram FROM ({_grams('old', column, number)}));"
                          for column, number in fields)
        db.execute_sql(_gram_insert_trigger(table))
        db.execute_sql(f'CREATE TRIGGER "{table}_gram_delete" AFTER DELETE ON "{table}" BEGIN {forget} END')
        db.execute_sql(f'CREATE TRIGGER "{table}_gram_update" AFTER UPDATE OF {names} ON "{table}" '
                       f"BEGIN {forget} {add} END")
        _fill_grams(db, table)


def _gram_tables() -> list[str]:
    return sorted({table for table, _column in GRAM_FIELDS})


def _gram_fields(table: str) -> list[tuple[str, int]]:
    return [(column, number) for (t, column), number in GRAM_FIELDS.items() if t == table]


def _gram_insert_trigger(table: str) -> str:
    add = " ".join(f"INSERT OR IGNORE INTO search_gram {_grams('new', column, number)};"
                   for column, number in _gram_fields(table))
    return f'CREATE TRIGGER "{table}_gram_insert" AFTER INSERT ON "{table}" BEGIN {add} END'


def _fill_grams(db: Database, table: str, after: int = 0) -> None:
    """The characters and pairs of the rows of ``table`` after row id ``after``."""
    for column, number in _gram_fields(table):
        value = f'lower(row."{column}")'
        db.execute_sql(
            f"INSERT OR IGNORE INTO search_gram (field, gram, rid) "
            f"SELECT {number}, substr({value}, p.n, 1), row.rowid FROM \"{table}\" AS row "
            f"JOIN search_position AS p ON p.n <= length(row.\"{column}\") WHERE row.rowid > {int(after)} "
            f"UNION ALL SELECT {number}, substr({value}, p.n, 2), row.rowid FROM \"{table}\" AS row "
            f"JOIN search_position AS p ON p.n < length(row.\"{column}\") WHERE row.rowid > {int(after)} "
            "ORDER BY 1, 2, 3")  # in the index's order: written page by page, not all over it


def _grams(row: str, column: str, number: int) -> str:
    """SELECT field, gram, rid: the characters and pairs of ``row.column`` (row: new or old)."""
    value = f'lower({row}."{column}")'
    return (f"SELECT {number} AS field, substr({value}, n, 1) AS gram, {row}.rowid AS rid "
            f"FROM search_position WHERE n <= length({row}.\"{column}\") UNION "
            f"SELECT {number}, substr({value}, n, 2), {row}.rowid "
            f"FROM search_position WHERE n < length({row}.\"{column}\")")


def create_search_indexes(db: Database) -> None:
    """The trigram indexes and the table of characters and pairs, for a new file."""
    for table, columns in TEXT_INDEXES.items():
        create_text_index(db, table, columns)
    create_gram_index(db)


@contextlib.contextmanager
def bulk_writes(db: Database) -> Iterator[None]:
    """Many new rows at once (a demo, an import), in one transaction: the search indexes take the
    new rows once at the end instead of one by one (a township's demo is written 3 times faster),
    and the count of changes moves once."""
    with db.atomic():  # a failure undoes the rows and the dropped triggers alike
        tables = sorted(set(TEXT_INDEXES) | set(_gram_tables()))
        marks = {table: db.execute_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').fetchone()[0]
                 for table in tables}
        for table in TEXT_INDEXES:
            db.execute_sql(f'DROP TRIGGER "{text_index_name(table)}_insert"')
        for table in _gram_tables():
            db.execute_sql(f'DROP TRIGGER "{table}_gram_insert"')
        counted = generation_tables(db)
        for table in counted:
            db.execute_sql(f'DROP TRIGGER "{table}_generation_insert"')
        yield
        for table in counted:
            db.execute_sql(_generation_trigger(table, "insert"))
        if counted:
            db.execute_sql('UPDATE "data_generation" SET "n" = "n" + 1')
        for table, columns in TEXT_INDEXES.items():
            db.execute_sql(_text_insert_trigger(table, columns))
            _fill_text(db, table, columns, marks[table])
        for table in _gram_tables():
            db.execute_sql(_gram_insert_trigger(table))
            _fill_grams(db, table, marks[table])


# --- the count of changes (``models.first_page``) ---------------------------------------------------
#
# ``data_generation`` holds one number that every insert, update and delete of the tables the
# first page reads moves on, by triggers (the session's own mark in ``setting`` excepted: every
# write transaction writes it). What was counted at number n is still true while the number is n.
# A bulk write (``bulk_writes``) takes the insert triggers off and moves the number once.

def create_generation(db: Database, tables: tuple[str, ...]) -> None:
    """The count of changes of ``tables``, the triggers that move it, the table the first page is kept in."""
    db.execute_sql('CREATE TABLE "data_generation" ("n" INTEGER NOT NULL)')
    db.execute_sql('INSERT INTO "data_generation" ("n") VALUES (0)')
    db.execute_sql('CREATE TABLE "first_page" ("key" TEXT NOT NULL, "generation" INTEGER NOT NULL, '
                   '"value" TEXT NOT NULL)')
    for table in tables:
        for event in ("insert", "update", "delete"):
            db.execute_sql(_generation_trigger(table, event))


# The setting ``models.health`` writes in every write transaction (the session's mark): not a change.
SESSION_MARK = "wal_session"


def _generation_trigger(table: str, event: str) -> str:
    row = "old" if event == "delete" else "new"
    skip = f"WHEN {row}.\"key\" <> '{SESSION_MARK}' " if table == "setting" else ""
    return (f'CREATE TRIGGER "{table}_generation_{event}" AFTER {event.upper()} ON "{table}" {skip}'
            'BEGIN UPDATE "data_generation" SET "n" = "n" + 1; END')


def generation_tables(db: Database) -> list[str]:
    """The tables whose changes move the count, as the file's triggers say."""
    rows = db.execute_sql("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                          "AND name = tbl_name || '_generation_insert' ORDER BY tbl_name").fetchall()
    return [row[0] for row in rows]


def data_generation(db: Database) -> int:
    return db.execute_sql('SELECT "n" FROM "data_generation"').fetchone()[0]


def kept_first_page(db: Database, key: str) -> str | None:
    """The first page kept for ``key``, if nothing has changed since it was counted."""
    row = db.execute_sql('SELECT "value" FROM "first_page" JOIN "data_generation" '
                         'ON "first_page"."generation" = "data_generation"."n" WHERE "key" = ?',
                         (key,)).fetchone()
    return row[0] if row else None


def keep_first_page(db: Database, key: str, generation: int, value: str) -> bool:
    """Keep ``value`` as the first page of ``key``, counted at ``generation``; False (and nothing kept)
    when the data changed since, or it is kept already."""
    def stale() -> bool:
        return data_generation(db) != generation or kept_first_page(db, key) == value

    if stale():  # read first: a close that has nothing to keep writes nothing
        return False
    with db.atomic():
        if stale():
            return False
        db.execute_sql('DELETE FROM "first_page"')
        db.execute_sql('INSERT INTO "first_page" ("key", "generation", "value") VALUES (?, ?, ?)',
                       (key, generation, value))
    return True


def text_contains(fields, word: str, scan: bool = False) -> list:
    """Conditions "one of ``fields`` contains ``word``" (ASCII letters in any case), to be joined by OR;
    served by the trigram index where the fields have one.

    The fields of one table that share a trigram index become one condition: a
    lookup in the index for a term of 3 characters or more, one scan of the
    index's narrow copy of the text for a shorter one. Any other field is
    scanned with the table. ``scan``: every field tested on the rows as they are read (for a
    query that reads only a few thousand). (PostgreSQL: ILIKE on each, served by pg_trgm.)
    """
    from peewee import Column as SqlColumn
    from peewee import NodeList

    if scan:  # a few thousand rows read anyway: each tested as it is read
        return [_scan_contains(field, word) for field in fields]
    conditions: list = []
    indexed: dict[tuple[Any, str], list[str]] = {}
    for field in fields:
        table = field.model._meta.table_name
        gram = GRAM_FIELDS.get((table, field.column_name))
        if gram is not None and (len(word) < TRIGRAM or field.column_name not in TEXT_INDEXES.get(table, ())):
            conditions.append(_gram_contains(field, gram, word))
        elif field.column_name in TEXT_INDEXES.get(table, ()):
            indexed.setdefault((field.model, table), []).append(field.column_name)
        else:
            conditions.append(_scan_contains(field, word))
    for (model, table), columns in indexed.items():
        query = _index_query(table, columns, word)
        conditions.append(SqlColumn(model, row_key()).in_(NodeList((query,), parens=True)))
    return conditions


def scans_text(field, word: str) -> bool:
    """Whether looking for ``word`` in ``field`` reads the text of every row of its table: a term under
    3 characters in a field that only a trigram index serves (the long text of the large tables)."""
    table = field.model._meta.table_name
    return (len(word) < TRIGRAM and field.column_name in TEXT_INDEXES.get(table, ())
            and (table, field.column_name) not in GRAM_FIELDS)


def _gram_contains(field, number: int, word: str):
    """Through ``search_gram``: the rows with the term's character or pair, or with all its pairs."""
    from peewee import Column as SqlColumn

    word = word.lower()
    rowid = SqlColumn(field.model, row_key())
    if len(word) <= 2:
        query = SQL("SELECT rid FROM search_gram WHERE field = ? AND gram = ?", [number, word])
        return rowid.in_(NodeList((query,), parens=True))
    pairs = sorted({word[i:i + 2] for i in range(len(word) - 1)})
    query = SQL(f"SELECT rid FROM search_gram WHERE field = ? AND gram IN ({', '.join('?' * len(pairs))}) "
                "GROUP BY rid HAVING count(*) = ?", [number, *pairs, len(pairs)])
    return rowid.in_(NodeList((query,), parens=True)) & _scan_contains(field, word)


def _index_query(table: str, columns: list[str], word: str):
    """The row ids whose ``columns`` contain ``word``, from the trigram index of ``table``."""

    index = text_index_name(table)
    if len(word) >= TRIGRAM:
        phrase = '"' + word.replace('"', '""') + '"'
        return SQL(f'SELECT rowid FROM "{index}" WHERE "{index}" MATCH ?',
                   ["{" + " ".join(columns) + "} : " + phrase])
    # The index's own copy of the text (FTS5 keeps column n of it as cn): narrow, quick to scan.
    copies = [f"c{TEXT_INDEXES[table].index(column)}" for column in columns]
    if _has_letters(word):
        test, value = "{} LIKE ? ESCAPE '\\'", f"%{_escape_like(word)}%"
    else:
        test, value = "instr({}, ?) > 0", word
    where = " OR ".join(test.format(copy) for copy in copies)
    return SQL(f'SELECT id FROM "{index}_content" WHERE {where}', [value] * len(copies))


def _scan_contains(field, word: str):
    """LIKE where case matters (ASCII letters); instr, about a quarter faster, where it cannot."""
    from peewee import fn

    if _has_letters(word):
        return field.contains(word)
    return fn.instr(field, word) > 0


def not_leading(column: Any) -> Any:
    """``column`` in a condition SQLite's planner will not lead a search with (a unary plus), where
    another condition's index finds fewer rows: the visits of a campaign by its own index rather
    than every visit of its households (on the county, 20 ms rather than 73 ms)."""
    return NodeList((SQL("+"), column), glue="")


def _has_letters(word: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in word)


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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


def not_by_index(expr):
    """``expr`` to sort by, but not to be read in order from an index (SQLite's unary plus).

    For a whole list or a search, reading the rows that match through the
    filter's own index and then sorting them is faster than walking an index
    of the sort column over every row of the table. (PostgreSQL: ``expr``.)
    """

    return NodeList((SQL("+"), expr), glue="")


def size_estimate(model) -> int:
    """About how many rows ``model``'s table holds, at once (its largest row id; PostgreSQL: reltuples)."""
    from peewee import Column as SqlColumn
    from peewee import fn

    return model.select(fn.MAX(SqlColumn(model, row_key()))).scalar() or 0


def row_key() -> str:
    """The expression that addresses a row cheaply for paging through long lists."""
    return "rowid"


def joined_text(expr, separator: str = "、"):
    """Many values of a sub-select as one text, in their order (as Python's ``sorted`` orders text), so
    that a list, a register and the history name a visit's visitors alike (PostgreSQL: string_agg …
    ORDER BY)."""
    from peewee import fn

    return fn.group_concat(expr, separator).order_by(expr)


def month_of(expr):
    """The 'YYYY-MM' of a date column (dates are stored as ISO text; PostgreSQL: to_char)."""
    from peewee import fn

    return fn.substr(expr, 1, 7)
