"""The command line's parser: help, and a mistake is one line with exit status 1."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import main

ROOT = Path(main.__file__).resolve().parent


def error_lines(captured):
    return [line for line in captured.err.splitlines() if line.strip()]


def test_help_lists_the_demo_command():
    result = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "demo" in result.stdout
    assert "PySide6" not in result.stderr


def test_an_unknown_command_is_one_line_and_status_1(capsys):
    assert main.main(["frobnicate"]) == 1
    captured = capsys.readouterr()
    lines = error_lines(captured)
    assert len(lines) == 1
    assert "frobnicate" in lines[0]
    assert captured.out == ""


def test_an_unknown_option_is_one_line_and_status_1(capsys):
    assert main.main(["--frobnicate"]) == 1
    assert len(error_lines(capsys.readouterr())) == 1


def test_a_bad_size_is_refused(tmp_path, capsys):
    path = tmp_path / "demo.db"
    assert main.main(["demo", "--db", str(path), "--size", "city"]) == 1
    lines = error_lines(capsys.readouterr())
    assert len(lines) == 1 and "city" in lines[0]
    assert not path.exists()


def test_demo_needs_a_file(capsys):
    assert main.main(["demo"]) == 1
    assert len(error_lines(capsys.readouterr())) == 1


def test_without_a_command_the_window_opens_the_data_file(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("ui.app.run_app",
                        lambda path, language, smoke_since=None: opened.append((path, language)) or 0)
    assert main.main(["--db", str(tmp_path / "office.db"), "--lang", "en"]) == 0
    assert opened == [(tmp_path / "office.db", "en")]


def test_version_prints_the_program_and_its_one_version_number(capsys):
    from models.version import VERSION

    with pytest.raises(SystemExit) as exit_:
        main.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"台账通 {VERSION}"


def test_pyproject_reads_the_version_from_the_program():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "models.version.VERSION"}
