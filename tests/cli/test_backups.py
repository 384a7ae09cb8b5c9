"""python main.py backup / restore: a copy out, a copy back in with the old data kept; one-line errors."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

import main
from models import backup, db, paths, restore, store
from models import records as r
from tests.models.factories import World
from tests.models.test_backup import damage


@pytest.fixture
def data_file(tmp_path) -> Path:
    path = tmp_path / "office.db"
    db.open_database(path)
    world = World()
    world.suggestion("修好村口的路")
    db.close_database()
    return path


def run(argv: list[str]) -> int:
    return main.main(["--lang", "en", *argv])


def error_lines(captured) -> list[str]:
    return [line for line in captured.err.splitlines() if line.strip()]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def suggestions(path: Path) -> list[str]:
    db.open_database(path)
    try:
        return sorted(s.content for s in r.Suggestion.select().where(r.Suggestion.deleted_at.is_null()))
    finally:
        db.close_database()


def add_suggestion(path: Path, text: str) -> None:
    db.open_database(path)
    store.save(r.Suggestion, {"campaign": store.current_campaign().id, "date": dt.date(2026, 3, 10),
                              "source": "staff", "content": text})
    db.close_database()


def test_backup_writes_a_sound_copy(data_file, tmp_path, capsys):
    out = tmp_path / "stick" / "office-backup.db"
    out.parent.mkdir()
    assert run(["backup", "--db", str(data_file), "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert restore.check(out) == db.schema_version()
    assert suggestions(out) == ["修好村口的路"]


def test_restore_brings_the_copy_back_and_says_where_the_old_data_is(data_file, tmp_path, capsys):
    out = tmp_path / "copy.db"
    assert run(["backup", "--db", str(data_file), "--out", str(out)]) == 0
    add_suggestion(data_file, "多开几次院坝会")
    capsys.readouterr()
    assert run(["restore", "--db", str(data_file), str(out)]) == 0
    printed = capsys.readouterr().out
    assert suggestions(data_file) == ["修好村口的路"]
    (kept,) = backup.list_backups()
    assert kept.reason == "before-restore" and kept.path.parent == paths.backups_dir()
    assert str(kept.path) in printed
    assert suggestions(kept.path) == ["修好村口的路", "多开几次院坝会"]


def test_restoring_garbage_is_one_line_and_changes_nothing(data_file, tmp_path, capsys):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"SQLite format 3\x00" + bytes(3000))
    before = digest(data_file)
    assert run(["restore", "--db", str(data_file), str(garbage)]) == 1
    lines = error_lines(capsys.readouterr())
    assert len(lines) == 1 and "garbage.db" in lines[0]
    assert digest(data_file) == before
    assert backup.list_backups() == []


def test_restore_onto_a_damaged_file_keeps_the_damaged_one(_village_template, tmp_path, capsys):
    data = tmp_path / "village.db"
    shutil.copy(_village_template, data)
    good = tmp_path / "good.db"
    assert run(["backup", "--db", str(data), "--out", str(good)]) == 0
    damage(data)
    damaged_bytes = data.read_bytes()
    assert run(["restore", "--db", str(data), str(good)]) == 0
    printed = capsys.readouterr().out
    (kept,) = (info.path for info in backup.list_backups() if info.reason == "before-restore")
    assert str(kept) in printed
    assert kept.read_bytes() == damaged_bytes  # moved aside as it was, never written to
    assert restore.check(data) == db.schema_version()


def test_restore_onto_a_file_whose_header_is_damaged(_village_template, tmp_path, capsys):
    data = tmp_path / "village.db"
    shutil.copy(_village_template, data)
    good = tmp_path / "good.db"
    assert run(["backup", "--db", str(data), "--out", str(good)]) == 0
    with data.open("r+b") as handle:
        handle.write(bytes(100))  # the header gone
    assert run(["export", "xlsx", "--db", str(data), "--out", str(tmp_path / "x.xlsx")]) == 1
    assert "is damaged: its first page" in capsys.readouterr().err
    assert run(["restore", "--db", str(data), str(good)]) == 0
    printed = capsys.readouterr().out
    (kept,) = tmp_path.glob("village.db.damaged-*")
    assert str(kept) in printed and restore.check(data) == db.schema_version()


def test_backup_of_a_missing_file_is_one_line(tmp_path, capsys):
    assert run(["backup", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "x.db")]) == 1
    lines = error_lines(capsys.readouterr())
    assert len(lines) == 1 and "none.db" in lines[0]


def test_backup_into_a_folder_is_one_line(data_file, tmp_path, capsys):
    assert run(["backup", "--db", str(data_file), "--out", str(tmp_path)]) == 1
    lines = error_lines(capsys.readouterr())
    assert len(lines) == 1 and str(tmp_path) in lines[0]


def test_backup_of_a_damaged_file_is_one_line(_village_template, tmp_path, capsys):
    data = tmp_path / "village.db"
    shutil.copy(_village_template, data)
    damage(data)
    before = digest(data)
    assert run(["backup", "--db", str(data), "--out", str(tmp_path / "copy.db")]) == 1
    lines = error_lines(capsys.readouterr())
    assert len(lines) == 1 and "damaged" in lines[0]
    assert digest(data) == before


def test_restoring_another_units_backup_needs_other_file_and_names_both_units(data_file, tmp_path, capsys):
    other = tmp_path / "other.db"
    db.open_database(other)
    World()
    store.save(r.Unit, {"name": "别的镇"}, store.current_unit())
    store.save(r.Suggestion, {"campaign": store.current_campaign().id, "date": dt.date(2026, 3, 10),
                              "source": "staff", "content": "别人的建议"})
    db.close_database()
    theirs = tmp_path / "theirs.db"
    assert run(["backup", "--db", str(other), "--out", str(theirs)]) == 0
    capsys.readouterr()
    assert run(["restore", "--db", str(data_file), str(theirs)]) == 1
    (line,) = error_lines(capsys.readouterr())
    assert "another data file (别的镇)" in line and "(长坪镇)" in line and "--other-file" in line
    assert suggestions(data_file) == ["修好村口的路"]
    assert run(["restore", "--db", str(data_file), str(theirs), "--other-file"]) == 0
    assert suggestions(data_file) == ["别人的建议"]


def test_restore_into_a_missing_file_puts_the_backup_there(data_file, tmp_path, capsys):
    out = tmp_path / "copy.db"
    assert run(["backup", "--db", str(data_file), "--out", str(out)]) == 0
    lost = tmp_path / "lost" / "office.db"
    lost.parent.mkdir()
    assert run(["restore", "--db", str(lost), str(out)]) == 0
    assert "no data file there before" in capsys.readouterr().out
    assert suggestions(lost) == ["修好村口的路"]


def test_a_pipe_is_refused_and_never_read(tmp_path, capsys, data_file):
    import os

    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)
    for argv in (["restore", "--db", str(data_file), str(pipe)], ["backup", "--db", str(pipe), "--out",
                                                                  str(tmp_path / "x.db")],
                 ["package", "import", "--db", str(data_file), str(pipe)],
                 ["export", "xlsx", "--db", str(pipe), "--out", str(tmp_path / "x.xlsx")]):
        assert run(argv) == 1
        (line,) = error_lines(capsys.readouterr())
        assert "pipe.db" in line and "regular file" in line


def test_a_file_open_in_another_program_is_never_replaced_under_it(data_file, tmp_path, capsys):
    import socket
    import subprocess
    import sys

    out = tmp_path / "copy.db"
    assert run(["backup", "--db", str(data_file), "--out", str(out)]) == 0
    window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    lock = data_file.with_name(data_file.name + ".lock")
    lock.write_text(f"{window.pid}\n台账通\n{socket.gethostname()}\n", encoding="utf-8")  # as QLockFile does
    try:
        before = digest(data_file)
        assert run(["restore", "--db", str(data_file), str(out)]) == 1
    finally:
        window.kill()
        window.wait()
    (line,) = error_lines(capsys.readouterr())
    assert f"is open in the 台账通 window (process {window.pid})" in line and "Nothing was restored" in line
    assert digest(data_file) == before
