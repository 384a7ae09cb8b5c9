"""No clear copy anywhere: the program's main paths on an encrypted demo, then every file they wrote
searched for the demo's ID numbers and phones (as UTF-8 and UTF-16, and inside zipped files such as
.xlsx)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import main
from models import crypt, db
from models import records as r

PASSWORD = "Longtan2026!"
ROOT = Path(__file__).resolve().parent.parent


def _run(*argv: str) -> None:
    crypt.forget_all()
    assert main.main(["--lang", "en", *argv]) == 0


def _contents(path: Path) -> list[bytes]:
    data = path.read_bytes()
    found = [data]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            found += [archive.read(name) for name in archive.namelist()]
    return found


def _secrets() -> set[str]:
    numbers = {h.id_number for h in r.Household.select() if h.id_number}
    numbers |= {p.id_number for p in r.Person.select() if getattr(p, "id_number", "")}
    phones = {h.phone for h in r.Household.select() if len(h.phone) == 11}
    return numbers | phones


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def test_the_main_paths_leave_no_full_id_number_in_any_file(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TAIZHANGTONG_PASSWORD", PASSWORD)
    data = tmp_path / "office.db"
    _run("demo", "--db", str(data), "--size", "village")
    db.open_database(data, password=PASSWORD)
    secrets = _secrets()
    assert len(secrets) > 200
    db.close_database()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # the window: opened, its first page shown
    smoke = subprocess.run([sys.executable, str(ROOT / "main.py"), "--smoke", "--db", str(data)],
                           env=env, capture_output=True, text=True, timeout=120)
    assert smoke.returncode == 0 and smoke.stdout.strip().endswith("ms"), smoke.stderr

    from tests.ui.driving import make_window
    from ui.main_window import PAGES

    crypt.forget_all()
    db.open_database(data, password=PASSWORD)
    window = make_window(qtbot, data)
    for key, _label in PAGES:  # every list read and shown
        window.show_page(key)
    qtbot.wait(200)
    window.close()  # its backup on closing, its settings
    db.close_database()

    out = tmp_path / "out"
    out.mkdir()
    _run("export", "xlsx", "--db", str(data), "--out", str(out / "台账.xlsx"))
    _run("export", "roster", "--db", str(data), "--out", str(out / "花名册.xlsx"))
    _run("export", "docx", "--db", str(data), "--out", str(out / "总结.docx"))
    _run("backup", "--db", str(data), "--out", str(out / "备份.db"))
    _run("restore", "--db", str(data), str(out / "备份.db"))
    _run("package", "conflicts", "--db", str(data))
    control = tmp_path / "control.xlsx"  # the search finds what is there: full values asked for
    _run("export", "roster", "--db", str(data), "--out", str(control), "--full-id")
    assert _leaks([control], secrets)
    control.unlink()

    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    names = {path.name for path in written}
    assert {"台账.xlsx", "花名册.xlsx", "备份.db", "office.db", "office.db.key"} <= names
    assert any(path.parent.name == "backups" for path in written)  # the close and restore copies
    assert _leaks(written, secrets) == []


def _leaks(paths: list[Path], secrets: set[str]) -> list[tuple[str, str]]:
    return [(path.name, secret) for path in paths for blob in _contents(path)
            for secret in secrets for encoded in _encodings(secret) if encoded in blob]
