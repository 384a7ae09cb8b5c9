"""python main.py package export / import: counts printed, one-line errors, exit status 1."""

from __future__ import annotations

import shutil

import main
from models import db
from models import records as r


def run(argv: list[str]) -> int:
    return main.main(["--lang", "en", *argv])


def test_export_a_village_and_import_it_into_an_empty_file(_township_template, tmp_path, capsys):
    source, target, package = tmp_path / "town.db", tmp_path / "new.db", tmp_path / "out.tzpkg"
    shutil.copy(_township_template, source)
    db.open_database(target)
    db.close_database()
    db.open_database(source)
    village = r.Village.select().order_by(r.Village.position).first()
    households = r.Household.select().where(r.Household.village == village).count()
    db.close_database()
    assert run(["package", "export", "--db", str(source), "--out", str(package),
                "--village", village.name, "--from", "2026-01-01"]) == 0
    assert package.is_file()
    assert run(["package", "import", "--db", str(target), str(package)]) == 0
    out = capsys.readouterr().out
    assert "0 updated, 0 deleted, 0 conflicts" in out
    db.open_database(target)
    assert r.Household.select().count() == households
    db.close_database()
    assert run(["package", "import", "--db", str(target), str(package), "--prefer", "incoming"]) == 0
    assert "0 added, 0 updated, 0 deleted, 0 conflicts" in capsys.readouterr().out


def test_errors_are_one_line(village_db, tmp_path, capsys):
    db.close_database()
    bad = tmp_path / "bad.tzpkg"
    bad.write_text("nonsense", encoding="utf-8")
    assert run(["package", "import", "--db", str(village_db), str(bad)]) == 1
    assert run(["package", "export", "--db", str(village_db), "--out", str(tmp_path / "x.tzpkg"),
                "--village", "无此村"]) == 1
    assert run(["package", "import", "--db", str(tmp_path / "missing.db"), str(bad)]) == 1
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 3
    assert "bad.tzpkg cannot be imported" in err[0]
    assert "无此村" in err[1]
    assert "missing.db does not exist" in err[2]
    assert not (tmp_path / "x.tzpkg").exists()
