"""No traceback reaches the user of the command line: one line, exit status 1, the details in the log."""

from __future__ import annotations

import shutil

import pytest

import main
from models import db, paths, sqlite, store
from models import records as r
from tests.models.factories import World


def run(argv: list[str]) -> int:
    return main.main(["--lang", "en", *argv])


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office.db"
    db.open_database(path)
    World()
    db.close_database()
    return path


def test_an_unexpected_error_is_one_line_and_its_traceback_is_in_the_log(office, monkeypatch, capsys):
    def broken(args):
        raise ValueError("boom")

    import cli.parser

    monkeypatch.setattr(cli.parser.packages, "list_conflicts", broken)
    assert run(["package", "conflicts", "--db", str(office)]) == 1
    captured = capsys.readouterr()
    (line,) = [text for text in captured.err.splitlines() if text]
    assert "Traceback" not in captured.err and "Traceback" not in captured.out
    assert line == ("Error: Something unexpected went wrong (ValueError: boom). "
                    f"The details are in {paths.log_file()}.")
    log = paths.log_file().read_text(encoding="utf-8")
    assert "Traceback" in log and "boom" in log and "package conflicts" in log


def test_interrupting_a_command_is_one_line(office, monkeypatch, capsys):
    import cli.parser

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.parser.packages, "list_conflicts", interrupted)
    assert run(["package", "conflicts", "--db", str(office)]) == 130
    assert [line for line in capsys.readouterr().err.splitlines() if line] == [
        "Interrupted; what was not finished was not written."]


def test_a_full_disk_is_one_line_and_nothing_half_written(tmp_path, monkeypatch, capsys, _village_template):
    """The disk fills up in the middle of an import (SQLite's page limit stands in for the disk)."""
    from models import packages
    from tests.conftest import PASSPHRASE

    monkeypatch.setenv("TAIZHANGTONG_PASSPHRASE", PASSPHRASE)
    source = tmp_path / "village.db"
    shutil.copy(_village_template, source)
    db.open_database(source)
    packages.export_package(tmp_path / "village.tzpkg")
    db.close_database()
    target = tmp_path / "new.db"
    db.open_database(target)
    db.close_database()
    pages = (target.stat().st_size // 4096) + 3
    monkeypatch.setitem(sqlite.PRAGMAS, "max_page_count", pages)
    assert run(["package", "import", "--db", str(target), str(tmp_path / "village.tzpkg")]) == 1
    (line,) = [text for text in capsys.readouterr().err.splitlines() if text]
    assert line.startswith("Error: The disk is full:") and "nothing was changed" in line
    monkeypatch.delitem(sqlite.PRAGMAS, "max_page_count")
    db.open_database(target)
    assert r.Household.select().count() == 0 and store.current_unit() is None


def test_a_missing_folder_is_refused_the_same_way_by_every_command(tmp_path, capsys, _village_template):
    source = tmp_path / "village.db"
    shutil.copy(_village_template, source)
    nowhere = tmp_path / "nowhere"
    for argv in (["export", "xlsx", "--db", str(source), "--out", str(nowhere / "a.xlsx")],
                 ["export", "docx", "--db", str(source), "--out", str(nowhere / "a.docx")],
                 ["package", "export", "--db", str(source), "--out", str(nowhere / "a.tzpkg")],
                 ["backup", "--db", str(source), "--out", str(nowhere / "a.db")]):
        assert run(argv) == 1
        (line,) = [text for text in capsys.readouterr().err.splitlines() if text]
        assert f"the folder {nowhere} does not exist" in line, line
    assert not nowhere.exists()


def test_a_read_only_target_is_refused_by_every_command(tmp_path, capsys, _village_template):
    import stat

    source = tmp_path / "village.db"
    shutil.copy(_village_template, source)
    for name, argv in (("a.xlsx", ["export", "xlsx"]), ("a.tzpkg", ["package", "export"]),
                       ("a.db", ["backup"])):
        target = tmp_path / name
        target.write_bytes(b"old")
        target.chmod(stat.S_IRUSR)
        assert run([*argv, "--db", str(source), "--out", str(target)]) == 1
        (line,) = [text for text in capsys.readouterr().err.splitlines() if text]
        assert "read-only" in line and target.read_bytes() == b"old"


def test_an_error_python_cannot_raise_goes_to_the_log_not_the_screen(office, monkeypatch, capsys):
    """A zip file left open by a write that failed on a full disk closes in its finalizer, and fails
    again there: Python's own hook would print that traceback after the command's one line."""
    import sys

    class LeftOpen:
        def __del__(self):
            raise OSError(28, "No space left on device")

    def leaves_one(args):
        holder = [LeftOpen()]
        holder.clear()  # finalized here, inside the command
        return 0

    import cli.parser

    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)  # put back after the test
    monkeypatch.setattr(cli.parser.packages, "list_conflicts", leaves_one)
    assert run(["package", "conflicts", "--db", str(office)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "No space" not in captured.err
    log = paths.log_file().read_text(encoding="utf-8")
    assert "No space left on device" in log and "LeftOpen" in log
