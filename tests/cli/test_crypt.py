"""The command line on encrypted files: the password from a file or the environment, passwd, demo."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import main
from models import crypt, db, protection, sqlite
from tests.models.factories import World, make_old_file

PASSWORD = "Longtan2026!"
NEW_PASSWORD = "Niuya#2027x"


def run(argv: list[str]) -> int:
    crypt.forget_all()  # each command as its own process: no key known yet
    return main.main(["--lang", "en", *argv])


def passwd(path: Path, old: Path, new: Path) -> int:
    return run(["passwd", "--db", str(path), "--password-file", str(old), "--new-password-file", str(new)])


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def state(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def encrypted(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("TAIZHANGTONG_PASSWORD", raising=False)
    path = tmp_path / "office.db"
    db.open_database(path, password=PASSWORD)
    World().suggestion("修好村口的路")
    db.close_database()
    return path


def secret_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("given", [None, "Longtan2026?"])
def test_a_wrong_or_missing_password_is_one_line_and_writes_nothing(encrypted, tmp_path, capsys, given,
                                                                       monkeypatch):
    if given:
        monkeypatch.setenv("TAIZHANGTONG_PASSWORD", given)
    capsys.readouterr()
    before = state(tmp_path)
    for argv in (["export", "xlsx", "--db", str(encrypted), "--out", str(tmp_path / "out.xlsx")],
                 ["backup", "--db", str(encrypted), "--out", str(tmp_path / "copy.db")],
                 ["package", "conflicts", "--db", str(encrypted)]):
        assert run(argv) == 1
        captured = capsys.readouterr()
        (line,) = lines(captured.err)
        assert ("Wrong password" if given else "is encrypted") in line and captured.out == ""
    assert state(tmp_path) == before


def test_the_password_from_a_file_or_the_environment_opens_it(encrypted, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out.xlsx"
    file = secret_file(tmp_path, "pw.txt", PASSWORD)
    assert run(["export", "xlsx", "--db", str(encrypted), "--out", str(out), "--password-file",
                str(file)]) == 0
    out.unlink()
    monkeypatch.setenv("TAIZHANGTONG_PASSWORD", PASSWORD)
    assert run(["export", "xlsx", "--db", str(encrypted), "--out", str(out), "--full-id"]) == 0
    assert out.exists()


def test_passwd_changes_the_password_and_accepts_the_recovery_code(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("TAIZHANGTONG_PASSWORD", raising=False)
    path = tmp_path / "demo.db"
    old = secret_file(tmp_path, "old.txt", PASSWORD)
    new = secret_file(tmp_path, "new.txt", NEW_PASSWORD)
    assert run(["demo", "--db", str(path), "--size", "village", "--password-file", str(old)]) == 0
    (code,) = [line.rsplit(": ", 1)[1] for line in lines(capsys.readouterr().err) if "recovery code" in line]
    assert protection.is_encrypted_file(path)
    before = path.read_bytes()
    weak = secret_file(tmp_path, "weak.txt", "12345678")
    assert passwd(path, old, weak) == 1
    assert passwd(path, new, new) == 1
    assert len(lines(capsys.readouterr().err)) == 2
    assert passwd(path, old, new) == 0
    assert path.read_bytes() == before
    out = tmp_path / "out.xlsx"
    assert run(["export", "xlsx", "--db", str(path), "--out", str(out), "--password-file", str(old)]) == 1
    assert run(["export", "xlsx", "--db", str(path), "--out", str(out), "--password-file", str(new)]) == 0
    recovery = secret_file(tmp_path, "code.txt", code)
    monkeypatch.setenv("TAIZHANGTONG_NEW_PASSWORD", "Third-pass-9")
    assert run(["passwd", "--db", str(path), "--password-file", str(recovery)]) == 0
    monkeypatch.setenv("TAIZHANGTONG_PASSWORD", "Third-pass-9")
    assert run(["export", "xlsx", "--db", str(path), "--out", str(tmp_path / "again.xlsx")]) == 0


def test_a_plain_file_of_an_earlier_version_is_encrypted_by_a_command_given_a_password(
        tmp_path, capsys, monkeypatch):
    path = tmp_path / "old.db"
    number = make_old_file(path, 8)
    monkeypatch.setenv("TAIZHANGTONG_PASSWORD", PASSWORD)
    assert run(["package", "conflicts", "--db", str(path)]) == 0
    assert "recovery code" in capsys.readouterr().err
    assert protection.is_encrypted_file(path) and number.encode() not in path.read_bytes()


def test_passwd_encrypts_a_plain_file(tmp_path, capsys, monkeypatch):
    path = tmp_path / "plain.db"
    db.open_database(path)
    World()
    db.close_database()
    monkeypatch.setenv("TAIZHANGTONG_NEW_PASSWORD", NEW_PASSWORD)
    assert run(["passwd", "--db", str(path)]) == 0
    assert "recovery code" in capsys.readouterr().out
    assert protection.is_encrypted_file(path) and not sqlite.is_sqlite_file(path)


def test_demo_without_a_password_is_plain_and_says_so_in_its_help(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("TAIZHANGTONG_PASSWORD", raising=False)
    path = tmp_path / "demo.db"
    assert run(["demo", "--db", str(path), "--size", "village"]) == 0
    assert sqlite.is_sqlite_file(path) and not crypt.has_key_file(path)
    with pytest.raises(SystemExit):
        run(["demo", "--help"])
    assert "plain demo" in " ".join(capsys.readouterr().out.split())
