"""Disks as offices have them, real ones: full, or write-protected.

On a full disk every command that writes a file says so in one line, exits 1, and leaves nothing
half-written in the folder — no traceback, not even one Python prints as the process ends. A data
file on a write-protected stick is refused in one line that says what to do.

The disks are small tmpfs mounted for the test (root on Linux, as in CI); elsewhere the tests are
skipped and the same paths are covered by the simulated failures of tests/exporters and tests/models.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import main

ROOT = Path(main.__file__).resolve().parent


def _mounted(folder: Path, *options: str) -> None:
    folder.mkdir()
    mount = shutil.which("mount")
    if sys.platform != "linux" or os.geteuid() != 0 or mount is None:
        pytest.skip("mounting a small disk needs root on Linux")
    mounted = subprocess.run([mount, "-t", "tmpfs", "-o", ",".join(("size=20m", *options)), "tmpfs",
                              str(folder)], capture_output=True, text=True)
    if mounted.returncode:
        pytest.skip(f"no tmpfs could be mounted here: {mounted.stderr.strip()}")


@pytest.fixture
def full_disk(tmp_path, request):
    """A disk that has ``request.param`` bytes left: room for the first part of a file, not all of it."""
    folder = tmp_path / "full"
    _mounted(folder)
    try:
        room = shutil.disk_usage(folder).free
        (folder / "filler").write_bytes(b"\0" * (room - request.param))
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_data_file_on_a_write_protected_stick_is_refused_with_what_to_do(_village_template, tmp_path):
    stick = tmp_path / "stick"
    _mounted(stick)
    try:
        shutil.copy(_village_template, stick / "village.db")
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        env = {**os.environ, "TAIZHANGTONG_HOME": str(tmp_path / "home")}
        done = subprocess.run([sys.executable, "main.py", "--lang", "en", "export", "xlsx", "--db",
                               str(stick / "village.db"), "--out", str(tmp_path / "台账.xlsx")], cwd=ROOT,
                              capture_output=True, text=True, timeout=300, env=env)
        assert done.returncode == 1
        (line,) = done.stderr.strip().splitlines()
        assert str(stick / "village.db") in line and "cannot be written to" in line, line
        assert "Copy the file to this computer" in line
        assert not (tmp_path / "台账.xlsx").exists()
    finally:
        subprocess.run(["umount", "-l", str(stick)], check=False)


# The village demo's files are about 40 KB (registers, summary, package): each disk holds half of its
# file, so that the write fails in the middle, as it does on a real stick. A backup is the size of its
# data file: the township's (17 MB) is copied through SQLite's journal once its pages outgrow the cache.
@pytest.mark.parametrize("command, target, full_disk, demo", [
    (["export", "xlsx"], "台账.xlsx", 20_000, "village"),
    (["export", "docx"], "总结.docx", 20_000, "village"),
    (["backup"], "备份.db", 2_000_000, "township"),
    (["package", "export"], "数据包.tzpkg", 20_000, "village"),
], indirect=["full_disk"])
def test_a_command_writing_to_a_full_disk_says_so_and_leaves_nothing(full_disk, request, tmp_path, command,
                                                                      target, demo):
    data = tmp_path / f"{demo}.db"
    shutil.copy(request.getfixturevalue(f"_{demo}_template"), data)
    before = _records(data)
    env = {**os.environ, "TAIZHANGTONG_HOME": str(tmp_path / "home"),
           "TAIZHANGTONG_PASSPHRASE": "口令-1234-abcd"}
    done = subprocess.run([sys.executable, "main.py", "--lang", "en", *command, "--db", str(data),
                           "--out", str(full_disk / target)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert f"Cannot write {full_disk / target}: the disk is full." in lines[0], lines[0]
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]  # nothing half-written
    assert _records(data) == before


@pytest.mark.parametrize("full_disk", [3_000_000], indirect=True)
def test_a_restore_onto_a_full_disk_says_so_and_keeps_the_data(full_disk, _township_template, tmp_path):
    """The data file's own disk has room for a fifth of the backup that is to replace it."""
    data = full_disk / "township.db"
    (full_disk / "filler").unlink()
    shutil.copy(_township_template, data)
    env = {**os.environ, "TAIZHANGTONG_HOME": str(tmp_path / "home")}
    backup = tmp_path / "backup.db"
    made = subprocess.run([sys.executable, "main.py", "backup", "--db", str(data), "--out", str(backup)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert made.returncode == 0, made.stderr
    before = _records(data)
    (full_disk / "filler").write_bytes(b"\0" * (shutil.disk_usage(full_disk).free - 3_000_000))
    done = subprocess.run([sys.executable, "main.py", "--lang", "en", "restore", "--db", str(data),
                           str(backup)], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert f"Cannot write {data}: the disk is full." in lines[0], lines[0]
    assert sorted(p.name for p in full_disk.iterdir() if not p.name.endswith(".lock")) == [
        "filler", "township.db"]
    assert _records(data) == before


def _records(path: Path) -> dict[str, set]:
    """Every record of the file: not its settings, nor the count of its changes and the first page kept
    beside it (a copy opened for the first time settles its identity in its settings, whatever the
    command then does)."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('setting', 'data_generation', 'first_page') AND sql NOT LIKE '%VIRTUAL%'")]
        return {table: set(connection.execute(f'SELECT * FROM "{table}"')) for table in tables}
    finally:
        connection.close()


@pytest.mark.parametrize("how", ["read-only", "full"])
def test_a_data_folder_that_cannot_be_written_is_named_with_what_to_do(_village_template, tmp_path, how):
    """The program's own folder (backups, log, the scratch files of exports) on a disk that is
    write-protected or full, the data file and the export's target elsewhere. An export says so in one
    line naming that folder — not the target, whose disk has room — and writes nothing. The window does
    not open on a read-only data folder, and says the same; on a full one it opens (the data file has
    room), and the log it cannot write prints no traceback of its own."""
    disk = tmp_path / "disk"
    _mounted(disk)
    try:
        home = disk / "home"
        if how == "read-only":
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        else:
            home.mkdir()
            (disk / "filler").write_bytes(b"\0" * shutil.disk_usage(disk).free)
        data = tmp_path / "village.db"
        shutil.copy(_village_template, data)
        env = {**os.environ, "TAIZHANGTONG_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        for command in (["export", "xlsx", "--db", str(data), "--out", str(tmp_path / "台账.xlsx")],
                        ["--smoke", "--db", str(data)]):
            done = subprocess.run([sys.executable, "main.py", "--lang", "en", *command], cwd=ROOT,
                                  capture_output=True, text=True, timeout=120, env=env)
            if how == "full" and command[0] == "--smoke":
                assert done.returncode == 0 and done.stderr == "", done.stderr
                continue
            assert done.returncode == 1, done.stdout + done.stderr
            (line,) = done.stderr.strip().splitlines()
            assert f"data folder {home} cannot be written" in line, line
            assert ("the disk is full" if how == "full" else "read-only") in line, line
        assert not (tmp_path / "台账.xlsx").exists()
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_file_of_an_earlier_version_is_not_upgraded_without_its_backup(tmp_path):
    """The backup written before an upgrade goes to the data folder: on a full disk there, the file is
    left as it was (bytes and all) and the line says which folder to free, not the data file's."""
    from tests.models.factories import make_old_file

    data = tmp_path / "old.db"
    make_old_file(data, 9)
    before = data.read_bytes()
    disk = tmp_path / "disk"
    _mounted(disk)
    try:
        home = disk / "home"
        home.mkdir()
        (disk / "filler").write_bytes(b"\0" * shutil.disk_usage(disk).free)
        env = {**os.environ, "TAIZHANGTONG_HOME": str(home)}
        done = subprocess.run([sys.executable, "main.py", "--lang", "en", "export", "docx", "--db",
                               str(data), "--out", str(tmp_path / "总结.docx")], cwd=ROOT,
                              capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == 1, done.stdout + done.stderr
        (line,) = done.stderr.strip().splitlines()
        assert f"{data} is of an earlier version and is upgraded only once a backup of it is written" in line
        assert f"data folder {home / 'backups'} cannot be written (the disk is full)" in line, line
        assert data.read_bytes() == before
        assert not (home / "backups").exists() or not list((home / "backups").iterdir())
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_data_file_on_a_full_disk_is_refused_naming_the_full_disk(_village_template, tmp_path):
    """SQLite cannot make the log and index it keeps beside the file, and says only "disk I/O error"."""
    disk = tmp_path / "disk"
    _mounted(disk)
    try:
        data = disk / "village.db"
        shutil.copy(_village_template, data)
        before = data.read_bytes()
        (disk / "filler").write_bytes(b"\0" * (shutil.disk_usage(disk).free - 8_000))
        env = {**os.environ, "TAIZHANGTONG_HOME": str(tmp_path / "home")}
        done = subprocess.run([sys.executable, "main.py", "--lang", "en", "export", "docx", "--db", str(data),
                               "--out", str(tmp_path / "总结.docx")], cwd=ROOT, capture_output=True,
                              text=True, timeout=120, env=env)
        assert done.returncode == 1, done.stdout + done.stderr
        (line,) = done.stderr.strip().splitlines()
        assert f"Cannot open the data file {data}: its disk is full" in line, line
        assert data.read_bytes() == before
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
