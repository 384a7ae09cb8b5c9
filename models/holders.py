"""Which program holds a data file, as the files beside it tell.

The window keeps ``{name}.lock`` beside the data file while it is open (Qt's
QLockFile: process id, program name, computer); a command that writes keeps
``{name}.busy`` while it runs (process id, computer, which command, since when).
When a write still finds the file locked after the busy timeout, the message
names the holder from these, so the user knows which program to wait for or
close. A note whose process is gone says nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

from models import files, sqlite
from models.i18n import translate


def lock_path(path: Path) -> Path:
    path = Path(path).resolve()
    return path.with_name(path.name + ".lock")


def busy_path(path: Path) -> Path:
    path = Path(path).resolve()
    return path.with_name(path.name + ".busy")


@contextlib.contextmanager
def holding(path: Path, what: str) -> Iterator[None]:
    """While the block runs, ``{name}.busy`` says that this command holds the file (best effort)."""
    note = busy_path(path)
    data = {"pid": os.getpid(), "host": socket.gethostname(), "what": what,
            "since": dt.datetime.now().isoformat(timespec="seconds")}
    written = False
    if _command(note) is None:  # another command's note, while it runs, stays
        with contextlib.suppress(OSError):
            note.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            written = True
    try:
        yield
    finally:
        if written:
            with contextlib.suppress(OSError):
                if _read_json(note).get("pid") == os.getpid():
                    note.unlink()


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def describe(path: Path) -> str | None:
    """Who holds ``path`` besides this process, in words; None when nothing says so."""
    return _window(lock_path(path)) or _command(busy_path(path))


def _window(lock: Path) -> str | None:
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not lines or not lines[0].strip().isdigit():
        return None
    pid, program = int(lines[0]), (lines[1] if len(lines) > 1 else "") or "台账通"
    host = lines[2] if len(lines) > 2 else ""
    if host and host != socket.gethostname():
        return translate("Holders", "{program} on the computer {host}").format(program=program, host=host)
    if pid == os.getpid() or not files.process_alive(pid):
        return None
    return translate("Holders", "the {program} window (process {pid})").format(program=program, pid=pid)


def _command(note: Path) -> str | None:
    data = _read_json(note)
    pid = data.get("pid")
    if not isinstance(pid, int):
        return None
    host, what = str(data.get("host", "")), str(data.get("what", ""))
    since = str(data.get("since", ""))[11:16]
    if host and host != socket.gethostname():
        return translate("Holders", "the command {what} on the computer {host}").format(what=what, host=host)
    if pid == os.getpid() or not files.process_alive(pid):
        return None
    return translate("Holders", "the command {what} (process {pid}, since {since})").format(
        what=what, pid=pid, since=since)


def locked_message(path: Path) -> str:
    """The data file stayed locked for the whole busy timeout: say by whom, and that nothing was written."""
    holder = describe(path)
    if holder:
        return translate("Holders", "{path} is being written by {holder}; this waited {seconds} seconds and "
                         "wrote nothing. Try again when it has finished.").format(
            path=path, holder=holder, seconds=sqlite.BUSY_SECONDS)
    return translate("Holders", "{path} is being written by another program; this waited {seconds} seconds "
                     "and wrote nothing. Try again when it has finished.").format(
        path=path, seconds=sqlite.BUSY_SECONDS)
