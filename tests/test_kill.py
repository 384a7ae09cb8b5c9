"""Kill the program while it writes, many times: what was committed is there, the file is sound.

A child process (tests/kill_writer.py) runs the program's real writing paths —
new visits and suggestions, sessions with their attendance, deletes and
restores, a backup now and then — and prints each change once it has
committed. It is killed with SIGKILL at a random moment; then the data file
must pass ``PRAGMA integrity_check`` and hold every change the child reported.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models import db, restore
from tests.models.factories import World

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 25

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")


def _start(path: Path, seed: int, home: Path) -> subprocess.Popen:
    env = {**os.environ, "TAIZHANGTONG_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen([sys.executable, "-m", "tests.kill_writer", str(path), str(seed)], cwd=ROOT,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready = child.stdout.readline()
    assert ready.strip() == "ready", ready + child.stderr.read()
    return child


class Expected:
    """What the child said it committed, over every round."""

    def __init__(self):
        self.created: dict[str, list[str]] = {"visit": [], "suggestion": [], "session": []}
        self.marks: dict[str, int] = {}
        self.live: dict[str, bool] = {}
        self.backups: list[Path] = []

    def read(self, lines: list[str]) -> str | None:
        """Take in one round's lines; the record whose change was cut short, if any."""
        pending = None
        for line in lines:
            word, action, *rest = line.split()
            if word == "will":
                pending = rest[0]
            elif action in self.created:
                self.created[action].append(rest[0])
                self.live[rest[0]] = True
                if action == "session":
                    self.marks[rest[0]] = int(rest[1])
            elif action == "backup":
                self.backups.append(Path(rest[0]))
            else:
                self.live[rest[0]] = action == "restore"
                pending = None
        return pending

    def total(self) -> int:
        return sum(len(ids) for ids in self.created.values())


def _check(path: Path, expected: Expected, pending: str | None) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        for table, ids in expected.created.items():
            found = {key for (key,) in connection.execute(f'SELECT id FROM "{table}"')}
            missing = set(ids) - found
            assert not missing, f"{len(missing)} committed {table} rows lost"
        for session, count in expected.marks.items():
            rows = connection.execute("SELECT count(*) FROM attendance WHERE session_id = ?", (session,))
            assert rows.fetchone()[0] == count, "a session without all of its attendance"
        for visit in expected.created["visit"]:
            rows = connection.execute("SELECT count(*) FROM visit_visitor WHERE visit_id = ?", (visit,))
            assert rows.fetchone()[0] == 1, "a visit without its visitor"
        deleted = {}
        for table in ("visit", "suggestion", "session"):
            deleted.update(connection.execute(f'SELECT id, deleted_at IS NULL FROM "{table}"').fetchall())
        if pending is not None:  # killed between its commit and its report: either state is right
            expected.live[pending] = bool(deleted[pending])
        for key, live in expected.live.items():
            assert bool(deleted[key]) == live, f"{key}: a committed delete or restore was lost"
    finally:
        connection.close()


def test_killing_the_program_while_it_writes_loses_nothing_committed(empty_db, tmp_path):
    World()
    for _ in range(5):
        World().household("覃大海")  # a few households to visit
    db.close_database()
    home = tmp_path / "child-home"
    rng = random.Random(20261125)
    expected = Expected()
    killed_while_writing = 0
    for round_ in range(ROUNDS):
        child = _start(empty_db, round_, home)
        time.sleep(rng.uniform(0.05, 0.6))
        killed_while_writing += child.poll() is None
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, err
        pending = expected.read(out.splitlines())
        _check(empty_db, expected, pending)
    assert killed_while_writing == ROUNDS
    assert expected.total() > ROUNDS * 3, "the child hardly wrote anything"
    assert expected.created["session"] and expected.live and expected.backups
    for path in expected.backups:
        restore.check(path)  # every finished backup is sound
    db.open_database(empty_db)  # and the program opens the file as ever
