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


@pytest.fixture
def disk(tmp_path):
    """A disk of 20 MB of its own, for the test."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mount = shutil.which("mount")
    if sys.platform != "linux" or os.geteuid() != 0 or mount is None:
        pytest.skip("mounting a small disk needs root on Linux")
    mounted = subprocess.run([mount, "-t", "tmpfs", "-o", "size=20m", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode:
        pytest.skip(f"no tmpfs could be mounted here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(disk: Path, leaving: int = 0) -> None:
    """The disk filled up to ``leaving`` bytes."""
    with (disk / "filler").open("ab") as filler:
        filler.write(b"\0" * (shutil.disk_usage(disk).free - leaving))


def _write_protect(disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)


def _run(*command: str, home: Path, **variables: str) -> subprocess.CompletedProcess:
    """``python main.py --lang en COMMAND`` with its data folder at ``home``."""
    env = {**os.environ, "TAIZHANGTONG_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **variables}
    return subprocess.run([sys.executable, "main.py", "--lang", "en", *command], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, env=env)


def _one_line(done: subprocess.CompletedProcess) -> str:
    """What a refused command said: one line, status 1, no traceback."""
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


@pytest.fixture
def full_disk(disk, request):
    """A disk that has ``request.param`` bytes left: room for the first part of a file, not all of it."""
    _fill(disk, request.param)
    return disk


def test_a_data_file_on_a_write_protected_stick_is_refused_with_what_to_do(disk, _village_template, tmp_path):
    shutil.copy(_village_template, disk / "village.db")
    _write_protect(disk)
    line = _one_line(_run("export", "xlsx", "--db", str(disk / "village.db"), "--out",
                          str(tmp_path / "台账.xlsx"), home=tmp_path / "home"))
    assert str(disk / "village.db") in line and "cannot be written to" in line, line
    assert "Copy the file to this computer" in line
    assert not (tmp_path / "台账.xlsx").exists()


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
    line = _one_line(_run(*command, "--db", str(data), "--out", str(full_disk / target),
                          home=tmp_path / "home", TAIZHANGTONG_PASSPHRASE="口令-1234-abcd"))
    assert f"Cannot write {full_disk / target}: the disk is full." in line, line
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]  # nothing half-written
    assert _records(data) == before


def test_a_restore_onto_a_full_disk_says_so_and_keeps_the_data(disk, _township_template, tmp_path):
    """The data file's own disk has room for a fifth of the backup that is to replace it."""
    data = disk / "township.db"
    shutil.copy(_township_template, data)
    backup = tmp_path / "backup.db"
    made = _run("backup", "--db", str(data), "--out", str(backup), home=tmp_path / "home")
    assert made.returncode == 0, made.stderr
    before = _records(data)
    _fill(disk, 3_000_000)
    line = _one_line(_run("restore", "--db", str(data), str(backup), home=tmp_path / "home"))
    assert f"Cannot write {data}: the disk is full." in line, line
    assert sorted(p.name for p in disk.iterdir() if not p.name.endswith(".lock")) == ["filler", "township.db"]
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
def test_a_data_folder_that_cannot_be_written_is_named_with_what_to_do(disk, _village_template, tmp_path,
                                                                       how):
    """The program's own folder (backups, log, the scratch files of exports) on a disk that is
    write-protected or full, the data file and the export's target elsewhere. An export says so in one
    line naming that folder — not the target, whose disk has room — and writes nothing. The window does
    not open on a read-only data folder, and says the same; on a full one it opens (the data file has
    room), and the log it cannot write prints no traceback of its own."""
    home = disk / "home"
    if how == "read-only":
        _write_protect(disk)
    else:
        home.mkdir()
        _fill(disk)
    data = tmp_path / "village.db"
    shutil.copy(_village_template, data)
    for command in (["export", "xlsx", "--db", str(data), "--out", str(tmp_path / "台账.xlsx")],
                    ["--smoke", "--db", str(data)]):
        done = _run(*command, home=home)
        if how == "full" and command[0] == "--smoke":
            assert done.returncode == 0 and done.stderr == "", done.stderr
            continue
        line = _one_line(done)
        assert f"data folder {home} cannot be written" in line, line
        assert ("the disk is full" if how == "full" else "read-only") in line, line
    assert not (tmp_path / "台账.xlsx").exists()


def test_a_file_of_an_earlier_version_is_not_upgraded_without_its_backup(disk, tmp_path):
    """The backup written before an upgrade goes to the data folder: on a full disk there, the file is
    left as it was (bytes and all) and the line says which folder to free, not the data file's."""
    from tests.models.factories import make_old_file

    data = tmp_path / "old.db"
    make_old_file(data, 9)
    before = data.read_bytes()
    home = disk / "home"
    home.mkdir()
    _fill(disk)
    line = _one_line(_run("export", "docx", "--db", str(data), "--out", str(tmp_path / "总结.docx"),
                          home=home))
    assert f"{data} is of an earlier version and is upgraded only once a backup of it is written" in line
    assert f"data folder {home / 'backups'} cannot be written (the disk is full)" in line, line
    assert data.read_bytes() == before
    assert not (home / "backups").exists() or not list((home / "backups").iterdir())


def test_a_data_file_on_a_full_disk_is_refused_naming_the_full_disk(disk, _village_template, tmp_path):
    """SQLite cannot make the log and index it keeps beside the file, and says only "disk I/O error"."""
    data = disk / "village.db"
    shutil.copy(_village_template, data)
    before = data.read_bytes()
    _fill(disk, 8_000)
    line = _one_line(_run("export", "docx", "--db", str(data), "--out", str(tmp_path / "总结.docx"),
                          home=tmp_path / "home"))
    assert f"Cannot open the data file {data}: its disk is full" in line, line
    assert data.read_bytes() == before
