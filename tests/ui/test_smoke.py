"""--smoke: the window opens, shows its first page with the data, says how long that took, and quits."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import main

ROOT = Path(main.__file__).resolve().parent


def smoke(path: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TAIZHANGTONG_HOME": str(tmp_path / "home")}
    return subprocess.run([sys.executable, "main.py", "--smoke", "--lang", "en", "--db", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)


def test_smoke_prints_the_milliseconds_to_the_first_page_and_exits_0(_village_template, tmp_path):
    path = tmp_path / "village.db"
    shutil.copy(_village_template, path)
    result = smoke(path, tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"\d+ ms\n", result.stdout), result.stdout
    assert not (tmp_path / "home" / "backups").exists()  # a check writes no backup


def test_smoke_on_a_file_that_was_never_set_up_fails_in_one_line(tmp_path, empty_db):
    from models import db

    db.close_database()
    result = smoke(empty_db, tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "--smoke" in result.stderr and "Traceback" not in result.stderr


def test_opening_the_window_imports_no_exporter_nor_their_libraries(_village_template, tmp_path):
    path = tmp_path / "village.db"
    shutil.copy(_village_template, path)
    code = ("import sys, main\n"
            f"status = main.main(['--smoke', '--lang', 'en', '--db', {str(path)!r}])\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'openpyxl', 'docx', 'exporters'}))\n"
            "sys.exit(status)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TAIZHANGTONG_HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def _answered_nothing(result: subprocess.CompletedProcess, *said: str) -> None:
    """--smoke met a question: it said so in one line (naming what it was asked), did not wait, and
    exited 1 with no time printed."""
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("--smoke cannot answer a question"), result.stderr
    assert all(words in lines[0] for words in said), lines[0]


def test_smoke_on_a_damaged_file_says_what_the_window_would_ask_and_exits_1(_village_template, tmp_path):
    path = tmp_path / "village.db"
    shutil.copy(_village_template, path)
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 2)
    before = path.read_bytes()
    _answered_nothing(smoke(path, tmp_path), str(path), "damaged")
    assert path.read_bytes() == before  # no backup restored over it, nothing written


def test_smoke_on_a_missing_file_makes_none_and_exits_1(tmp_path):
    path = tmp_path / "missing.db"
    _answered_nothing(smoke(path, tmp_path), str(path), "does not exist")
    assert not path.exists()


def test_smoke_on_a_file_open_in_another_window_exits_1(_village_template, tmp_path, qapp):
    from PySide6.QtCore import QLockFile

    path = tmp_path / "village.db"
    shutil.copy(_village_template, path)
    lock = QLockFile(str(path.resolve().with_name(path.name + ".lock")))  # as another window holds it
    assert lock.tryLock(0)
    try:
        _answered_nothing(smoke(path, tmp_path), "already open")
    finally:
        lock.unlock()


def test_smoke_on_an_encrypted_file_without_its_password_exits_1(tmp_path):
    path = tmp_path / "encrypted.db"
    env = {**os.environ, "TAIZHANGTONG_PASSWORD": "Smoke-test-password-7",
           "TAIZHANGTONG_HOME": str(tmp_path / "home")}
    made = subprocess.run([sys.executable, "main.py", "demo", "--db", str(path), "--size", "village"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert made.returncode == 0, made.stderr
    _answered_nothing(smoke(path, tmp_path), "encrypted.db")
