"""Is the data file sound? Checked when it matters, not on every open.

- At opening (cheap, always): a path that is not a regular file is refused; a
  file whose first page is not a data file's is *damaged* when this computer
  knew it as a data file or its pages still look like one (it is then offered
  its backups like any damaged file), else it is not a 台账通 file at all; a
  ``-wal`` beside it that no program of ours holds is checked to belong to it,
  and set aside if it does not (``foreign_wal``).
- Before the first write (``WriteGate``): ``PRAGMA integrity_check`` — which,
  unlike ``quick_check``, finds an index that no longer matches its table —
  unless this file, as it is now (size and time), was found sound before or was
  left so by this program (``known_sound``). The command line checks there and
  then; the window checks in the background after it is shown, and a write made
  meanwhile waits for the answer. Commands that only read pay for nothing: a
  damaged page they meet is an error saying so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import stat
import threading
from pathlib import Path

import peewee

from models import crypt, holders, identity, paths, sqlite
from models.i18n import translate
from models.sqlite import driver

_WAL_KEY = sqlite.SESSION_MARK
_READ = 'SELECT "value" FROM "setting" WHERE "key" = ?'
_WRITE = 'INSERT OR REPLACE INTO "setting" ("key", "value") VALUES (?, ?)'


class FileProblem(Exception):
    """Why a file is not opened: its message names it; ``damaged`` when it is a damaged data file."""

    def __init__(self, message: str, damaged: bool = False):
        super().__init__(message)
        self.damaged = damaged


# --- the file itself ---------------------------------------------------------------------------


def check_file(path: Path) -> None:
    """Refuse, before SQLite opens it, what is not a data file or is one whose header is damaged."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return  # a new file
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem(translate("Database", "{path} is a folder, not a data file.").format(path=path))
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(translate("Database", "{path} is not a regular file.").format(path=path))
    if info.st_size == 0 or sqlite.is_sqlite_file(path) or crypt.has_key_file(path):
        return  # an encrypted file (a key file beside it): whether the key opens it is seen at opening
    known, pages = identity.known_identity(path) is not None, _looks_like_pages(path, info.st_size)
    if not pages and info.st_size >= 4096 and info.st_size % 4096 == 0:  # pages of ciphertext, perhaps
        raise FileProblem(translate(
            "Database", "{path} is not a plain data file. If it is an encrypted one, its key file {key} is "
            "missing: copy it from where the data file came from (the two always travel together; every "
            "backup has its own beside it). It has not been changed.").format(
            path=path, key=crypt.key_path(path)), damaged=known)
    if known or pages:
        raise FileProblem(translate("Database", "{path} is damaged: its first page is not that of a data "
                                    "file. It has not been changed.").format(path=path), damaged=True)
    raise FileProblem(translate("Database", "{path} is not a 台账通 data file.").format(path=path))


PAGE = 4096  # the page size of every data file (models.sqlite)


def _looks_like_pages(path: Path, size: int) -> bool:
    """An SQLite file whose header was overwritten: pages of 4 KB whose second page is one of SQLite's.

    The whole header of the second page is read, not only its first byte: one byte in 50 of an
    encrypted file's pages (ciphertext) is a b-tree page's kind, and such a file whose key file is
    missing would be called damaged.
    """
    if size < 2 * PAGE or size % PAGE:
        return False
    with path.open("rb") as handle:
        start = handle.read(512)
        handle.seek(PAGE)
        second = handle.read(12)
    printable = sum(32 <= byte < 127 or byte in (9, 10, 13) for byte in start)
    if start.startswith((b"PK", b"%PDF", b"\x89PNG", b"\xd0\xcf\x11\xe0")) or printable > len(start) * 0.9:
        return False
    return is_sqlite_page(second, size // PAGE)


def is_sqlite_page(header: bytes, pages: int) -> bool:
    """Whether these first bytes of a page can begin a page of SQLite's in a file of ``pages`` pages: a
    b-tree page (its kind, first free block, cells, content area and fragments all within the page) or
    an overflow or free-list page (the number of the next such page, 0 for none, within the file)."""
    if len(header) < 12:
        return False
    if header[0] in (2, 5, 10, 13):
        freeblock, cells, content, fragments = (int.from_bytes(header[1:3], "big"), int.from_bytes(
            header[3:5], "big"), int.from_bytes(header[5:7], "big"), header[7])
        header_size = 12 if header[0] in (2, 5) else 8
        return (freeblock == 0 or header_size <= freeblock < PAGE) and cells <= (PAGE - header_size) // 2 \
            and (content == 0 or header_size + 2 * cells <= content <= PAGE) and fragments <= 60
    return int.from_bytes(header[:4], "big") <= pages


# --- a -wal that is not the file's ------------------------------------------------------------------


def leftover_wal(path: Path) -> bool:
    """A ``-wal`` beside ``path`` that no running program of ours holds (a crash left it, or a copy)."""
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.stat().st_size == 0:
            return False
    except OSError:
        return False
    return holders.describe(path) is None  # open in a window or a command right now: its -wal is live


def foreign_wal(path: Path) -> str | None:
    """Set aside a leftover ``-wal`` that does not belong to ``path``; the sentence saying so, or None.

    Every write transaction of this program records its session's token
    (``wal_session``: the token it found at its first write, then its own). A
    leftover ``-wal`` is applied to the file as soon as it is found to be its own
    (``db`` checkpoints it at opening), so it never holds more than one session:
    one left by a crash carries a token that is the file's, or follows it; one that
    came from another copy of the file follows another token, or cannot be read
    with it.
    """
    if not leftover_wal(path):
        return None
    wal = path.with_name(path.name + "-wal")
    main, combined = _token(path, immutable=True), _token(path, immutable=False)
    if combined is not None and (combined == main or combined.split(":")[0] == (main or "").split(":")[-1]):
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = wal.with_name(f"{wal.name}.foreign-{stamp}")
    wal.replace(aside)
    path.with_name(path.name + "-shm").unlink(missing_ok=True)
    return translate("Database", "{path} had a -wal file beside it that belongs to another copy of it; it "
                     "was not applied, and is kept as {aside}.").format(path=path, aside=aside)


def _token(path: Path, immutable: bool) -> str | None:
    """The session token of the file alone (``immutable``: its -wal left out) or with its -wal."""
    try:
        connection = sqlite.connect(path, "immutable" if immutable else "ro", timeout=1)
    except driver.Error:
        return None
    try:
        found = connection.execute('SELECT "value" FROM "setting" WHERE "key" = ?', (_WAL_KEY,)).fetchone()
        return found[0] if found else ""
    except driver.Error:
        return None
    finally:
        connection.close()


def record_session(connection: driver.Connection, token: str | None) -> str | None:
    """In every write transaction: this session's token (the one found at its first write, then its
    own), so that whatever this session leaves in the -wal carries it."""
    try:
        if token is None:
            found = connection.execute(_READ, (_WAL_KEY,)).fetchone()
            token = f"{(found[0] if found else '').split(':')[-1]}:{os.urandom(8).hex()}"
        connection.execute(_WRITE, (_WAL_KEY, token))
    except driver.Error:
        return None  # a file still being made: no setting table yet
    return token


# --- sound, as far as integrity_check can tell -------------------------------------------------------


def full_check(path: Path) -> list[str]:
    """What ``PRAGMA integrity_check`` finds wrong, through a read-only connection; empty when sound."""
    try:
        connection = sqlite.open_readonly(path)
    except driver.Error as error:
        return [str(error)]
    try:
        return sqlite.health_problems(connection, full=True)
    except driver.Error as error:
        return [str(error)]
    finally:
        connection.close()


def _known_file() -> Path:
    return paths.data_dir() / "known_sound.json"


def _state(path: Path) -> dict[str, int] | None:
    path = Path(path)
    try:
        main = path.stat()
    except OSError:
        return None
    wal = path.with_name(path.name + "-wal")
    return {"size": main.st_size, "mtime_ns": main.st_mtime_ns,
            "wal": wal.stat().st_size if wal.exists() else 0}


def _read_known() -> dict:
    try:
        data = json.loads(_known_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def known_sound(path: Path) -> bool:
    """Whether the file, exactly as it is now, was found sound (or left so by this program) here."""
    state = _state(path)
    return state is not None and _read_known().get(str(Path(path).resolve())) == state


def remember_sound(path: Path) -> None:
    """The file as it is now is sound: the next command need not check it again."""
    state = _state(path)
    if state is None:
        return
    known = _read_known()
    known[str(Path(path).resolve())] = state
    target = _known_file()
    with contextlib.suppress(OSError):
        paths.ensure(target.parent)
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        partial.write_text(json.dumps(known), encoding="utf-8")
        partial.replace(target)


def damaged_text(path: Path, problems: list[str]) -> str:
    return translate("Database", "{path} is damaged ({problem}). It has not been changed.").format(
        path=path, problem="; ".join(problems[:3]))


# --- no write before the file was found sound ---------------------------------------------------------


class WriteGate:
    """Held before every write transaction (``sqlite.DataFileDatabase.before_write``).

    The first write runs the check there and then (unless the file is known sound)
    and is refused if the file is damaged — the command line's way. The window
    starts the check in the background once it is shown (``checking``); a write
    made meanwhile waits for its answer (``settle``).
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.answered = threading.Event()
        self.problems: list[str] | None = None
        self.running = False

    @classmethod
    def check_now(cls, path: Path) -> WriteGate:
        return cls(path)

    def checking(self) -> None:
        """The check runs elsewhere (in the background): writes wait for ``settle``."""
        self.running = True

    def settle(self, problems: list[str]) -> None:
        self.problems = problems
        self.answered.set()

    def __call__(self) -> None:
        if not self.running and not self.answered.is_set():
            self.settle([] if known_sound(self.path) else full_check(self.path))
        self.answered.wait()
        if self.problems:
            raise WriteRefused(damaged_text(self.path, self.problems))


class WriteRefused(peewee.OperationalError):
    """The data file is damaged: nothing is written to it (the message says so and names it)."""
