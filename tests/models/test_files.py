"""Nothing left behind: temporary files named by their process and swept once it is gone, read-only
targets refused, a full disk said in one sentence with the old file kept."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import tempfile
import time

import pytest

from models import files, paths


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_temporary_file_left_by_a_killed_process_is_swept_and_a_live_ones_kept(tmp_path):
    dead = tmp_path / f"{files.TEMP_PREFIX}{_dead_pid()}-abc.xlsx"
    live = tmp_path / f"{files.TEMP_PREFIX}{os.getpid()}-def.xlsx"
    for leftover in (dead, live):
        leftover.write_bytes(b"half")
    other = tmp_path / "kept.xlsx"
    other.write_bytes(b"mine")
    assert files.sweep(tmp_path) == [dead]
    assert live.exists() and other.exists() and not dead.exists()
    old = tmp_path / f"{files.TEMP_PREFIX}{os.getpid()}-old.xlsx"
    old.write_bytes(b"old")
    os.utime(old, (time.time() - 2 * files.STALE_SECONDS,) * 2)
    assert files.sweep(tmp_path) == [old]


def test_a_write_into_a_folder_sweeps_what_a_killed_write_left_there(tmp_path):
    dead = tmp_path / f"{files.TEMP_PREFIX}{_dead_pid()}-abc.tzpkg"
    dead.write_bytes(b"half")
    with files.atomic_target(tmp_path / "out.tzpkg") as temporary:
        temporary.write_bytes(b"whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tzpkg"]


def test_a_read_only_target_is_refused_and_kept(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # 0444: refused even to root
    with pytest.raises(files.TargetError, match="read-only"):
        files.check_target(target)
    assert target.read_bytes() == b"old"


def test_a_pipe_as_target_is_refused(tmp_path):
    pipe = tmp_path / "out.xlsx"
    os.mkfifo(pipe)
    with pytest.raises(files.TargetError, match="not a regular file"):
        files.check_target(pipe)


def test_a_name_too_long_for_the_disk_is_one_sentence(village_db, tmp_path):
    """300 characters of Chinese are 900 bytes, past the 255 a file name may have: said, not raised."""
    from models import backup

    target = tmp_path / ("长" * 300 + ".xlsx")
    with pytest.raises(files.TargetError, match="its name is too long"):
        files.check_target(target)
    with pytest.raises(backup.BackupError, match="its name is too long"):
        backup.backup_to_file(target.with_suffix(".db"))
    assert list(tmp_path.glob("长*")) == []


def test_a_full_disk_is_one_sentence_and_the_old_file_is_kept(tmp_path, monkeypatch):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def full(handle):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(files.TargetError, match="the disk is full") as raised, \
            files.atomic_target(target) as temporary:
        temporary.write_bytes(b"new")
    assert "\n" not in str(raised.value)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


def test_the_private_temporary_folder_is_this_processs_and_the_dead_ones_are_swept():
    root = paths.temp_dir()
    dead = root / str(_dead_pid())
    dead.mkdir(parents=True)
    (dead / "tmpabcd").write_bytes(b"names and masked ID numbers")
    paths.backups_dir().mkdir(parents=True)
    half_backup = paths.backups_dir() / f"{files.TEMP_PREFIX}{_dead_pid()}-x.db"
    half_backup.write_bytes(b"half a copy")
    own = files.use_private_temp()
    try:
        assert own == root / str(os.getpid()) and not dead.exists() and not half_backup.exists()
        with tempfile.NamedTemporaryFile() as scratch:  # what openpyxl does for its worksheets
            assert scratch.name.startswith(str(own))
    finally:
        files.drop_private_temp()
    assert not own.exists() and tempfile.tempdir is None


def test_no_export_ever_overwrites_the_open_data_file(village_db, tmp_path):
    from models import db, packages
    from models import records as r

    for target in (village_db, village_db.with_name(village_db.name + "-wal")):
        with pytest.raises(files.TargetError, match="the data file itself"):
            files.check_target(target)
    with pytest.raises(packages.PackageError, match="the data file itself"):
        packages.export_package(village_db)
    assert r.Household.select().count() > 0
    db.close_database()
    files.check_target(village_db)  # closed: a file like any other
