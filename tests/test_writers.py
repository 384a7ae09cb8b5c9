"""A second writer waits: three processes saving at once all land; one that still finds the file
held after the busy timeout says which program holds it, and writes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import main
from models import db, holders, sqlite
from models import records as r
from tests.models.factories import World

ROOT = Path(__file__).resolve().parents[1]
SAVES = 120


def test_three_writers_at_once_all_land(tmp_path):
    path = tmp_path / "office.db"
    db.open_database(path)
    World()
    db.close_database()
    env = {**os.environ, "TAIZHANGTONG_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-m", "tests.concurrent_writer", str(path)]
    writers = [subprocess.Popen([*command, f"w{n}", str(SAVES)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for n in range(3)]
    results = [writer.communicate(timeout=300) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0, 0], [err[-2000:] for _, err in results]
    assert all(out.strip() == f"saved {SAVES}" for out, _ in results)
    db.open_database(path)
    contents = {s.content for s in r.Suggestion.select()}
    assert len(contents) == 3 * SAVES
    assert r.database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_writer_that_cannot_wait_long_enough_names_the_holder(tmp_path, monkeypatch, capsys):
    import json
    import shutil
    import socket

    from models import packages
    from tests.conftest import PASSPHRASE

    monkeypatch.setattr(sqlite, "BUSY_SECONDS", 0.3)
    monkeypatch.setenv("TAIZHANGTONG_PASSPHRASE", PASSPHRASE)
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    db.open_database(source)
    world = World()
    db.close_database()
    shutil.copy(source, target)
    db.open_database(target)  # settled where it is
    db.close_database()
    db.open_database(source)
    world.suggestion("甲机的建议")
    packages.export_package(tmp_path / "a.tzpkg", passphrase=PASSPHRASE)
    db.close_database()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    holder = sqlite3_holding(target)
    holders.busy_path(target).write_text(json.dumps({
        "pid": other.pid, "host": socket.gethostname(), "what": "python main.py import xlsx",
        "since": "2026-12-01T09:30:00"}), encoding="utf-8")
    try:
        code = main.main(["--lang", "en", "package", "import", "--db", str(target),
                          str(tmp_path / "a.tzpkg")])
    finally:
        holder.release()
        other.kill()
        other.wait()
    err = [line for line in capsys.readouterr().err.splitlines() if line]
    assert code == 1 and len(err) == 1, err
    assert f"the command python main.py import xlsx (process {other.pid}, since 09:30)" in err[0]
    assert "waited 0.3 seconds and wrote nothing" in err[0]
    db.open_database(target)
    assert "甲机的建议" not in {s.content for s in r.Suggestion.select()}


class sqlite3_holding:
    """Another connection holding the write lock (as a long import in another program does)."""

    def __init__(self, path: Path):
        # The program's own SQLite library: two libraries in one process do not see each other's locks.
        from models.sqlite import driver

        self.connection = driver.connect(path, isolation_level=None, check_same_thread=False)
        self.connection.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.connection.execute("ROLLBACK")
        self.connection.close()
