"""python main.py package export / import: counts printed, one-line errors, exit status 1."""

from __future__ import annotations

import shutil

import main
from models import db
from models import records as r
from tests.conftest import PASSPHRASE

PASSPHRASE_VARIABLE = "TAIZHANGTONG_PASSPHRASE"


def run(argv: list[str]) -> int:
    return main.main(["--lang", "en", *argv])


def test_export_a_village_and_import_it_into_an_empty_file(_township_template, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_VARIABLE, PASSPHRASE)  # the new file keeps none
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


def _two_laptops(template, tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(template, a)
    shutil.copy(template, b)
    return a, b


def test_deletions_are_listed_and_applied_only_with_yes(_village_template, tmp_path, capsys):
    from models import store

    a, b = _two_laptops(_village_template, tmp_path)
    db.open_database(a)
    publicity = r.Publicity.select().first()
    store.delete(publicity)
    db.close_database()
    package = tmp_path / "a.tzpkg"
    assert run(["package", "export", "--db", str(a), "--out", str(package)]) == 0
    capsys.readouterr()
    assert run(["package", "import", "--db", str(b), str(package)]) == 1
    captured = capsys.readouterr()
    assert "To the recycle bin: Publicity：" in captured.out
    assert [line for line in captured.err.splitlines() if line] == [
        f"Error: {package} would change 1 records here, 1 of them moved to the recycle bin; nothing was "
        "changed. Check the list above and run again with --yes to apply it."]
    db.open_database(b)
    assert r.Publicity.get_by_id(publicity.id).deleted_at is None
    db.close_database()
    assert run(["package", "import", "--db", str(b), str(package), "--yes"]) == 0
    assert "1 deleted" in capsys.readouterr().out
    db.open_database(b)
    assert r.Publicity.get_by_id(publicity.id).deleted_at is not None


def test_conflicts_are_printed_kept_and_resolved(_village_template, tmp_path, capsys):
    from models import store

    a, b = _two_laptops(_village_template, tmp_path)
    db.open_database(a)
    household = r.Household.select().order_by(r.Household.id).first()
    store.save(r.Household, {"remarks": "甲机"}, household)
    db.close_database()
    db.open_database(b)
    store.save(r.Household, {"remarks": "乙机"}, r.Household.get_by_id(household.id))
    db.close_database()
    package = tmp_path / "a.tzpkg"
    assert run(["package", "export", "--db", str(a), "--out", str(package)]) == 0
    assert run(["package", "import", "--db", str(b), str(package)]) == 0
    out = capsys.readouterr().out
    assert "1 conflicts kept for a decision (0 decided now)" in out
    assert f"Conflict {household.id}: Household：" in out
    assert "Remarks: here “乙机”, in the package “甲机”" in out
    assert run(["package", "conflicts", "--db", str(b)]) == 0
    assert "Remarks: here “乙机”" in capsys.readouterr().out
    assert run(["package", "resolve", "--db", str(b), "--keep", "incoming", "--record", "0" * 32]) == 1
    assert "No conflict waits for the record" in capsys.readouterr().err
    assert run(["package", "resolve", "--db", str(b), "--keep", "incoming",
                "--record", str(household.id)]) == 0
    assert "Decided 1 conflicts (incoming); 0 are still waiting." in capsys.readouterr().out
    assert run(["package", "conflicts", "--db", str(b)]) == 0
    assert "No conflicts are waiting" in capsys.readouterr().out
    db.open_database(b)
    assert r.Household.get_by_id(household.id).remarks == "甲机"


def _county_over(template, path):
    """The township demo under a county unit, the county the file's own unit."""
    from models import store

    shutil.copy(template, path)
    db.open_database(path)
    township = store.current_unit()
    county = store.save(r.Unit, {"name": "某某县", "level": "county"})
    store.save(r.Unit, {"parent": county.id}, township)
    store.set_current(unit=county)
    db.close_database()
    return township


def test_a_county_exports_one_village_of_a_township(_township_template, tmp_path, capsys):
    county_file, township_file = tmp_path / "county.db", tmp_path / "township.db"
    township = _county_over(_township_template, county_file)
    shutil.copy(_township_template, township_file)
    db.open_database(county_file)
    village = r.Village.select().order_by(r.Village.position).first()
    households = r.Household.select().where(r.Household.village == village).count()
    db.close_database()
    package = tmp_path / "one.tzpkg"
    assert run(["package", "export", "--db", str(county_file), "--out", str(package),
                "--village", village.name]) == 0
    assert f"of {township.name}" in capsys.readouterr().out
    from models import packages

    read = packages.read_package(package)
    assert len(read.rows["household"]) == households
    assert read.manifest.unit_id == township.id.hex
    assert run(["package", "import", "--db", str(township_file), str(package), "--yes"]) == 0
    assert run(["package", "export", "--db", str(county_file), "--out", str(tmp_path / "all.tzpkg")]) == 0
    everything = packages.read_package(tmp_path / "all.tzpkg")
    assert len(everything.rows["household"]) > households


def test_a_package_of_another_unit_is_refused(_township_template, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_VARIABLE, PASSPHRASE)
    from tests.models.factories import World

    other_file, township_file = tmp_path / "other.db", tmp_path / "township.db"
    shutil.copy(_township_template, township_file)
    db.open_database(other_file)
    World()  # 长坪镇, a unit of its own
    db.close_database()
    package = tmp_path / "other.tzpkg"
    assert run(["package", "export", "--db", str(other_file), "--out", str(package)]) == 0
    db.open_database(township_file)  # once, so that what a first opening writes is written (its identity)
    db.close_database()
    before = township_file.read_bytes()
    capsys.readouterr()
    assert run(["package", "import", "--db", str(township_file), str(package)]) == 1
    err = [line for line in capsys.readouterr().err.splitlines() if line]
    assert len(err) == 1 and "neither" in err[0] and "Nothing was imported" in err[0]
    assert township_file.read_bytes() == before


def test_a_package_of_another_unit_of_the_same_name_says_they_are_two(tmp_path, capsys, monkeypatch):
    """Two laptops that each set up 长坪镇 on their own hold two units of one name: the refusal must not
    read "长坪镇 is neither 长坪镇 nor one of its sub-units"."""
    monkeypatch.setenv(PASSPHRASE_VARIABLE, PASSPHRASE)
    from tests.models.factories import World

    first, second = tmp_path / "first.db", tmp_path / "second.db"
    for path in (first, second):
        db.open_database(path)
        World()  # 长坪镇, set up in each file on its own
        db.close_database()
    package = tmp_path / "first.tzpkg"
    assert run(["package", "export", "--db", str(first), "--out", str(package)]) == 0
    capsys.readouterr()
    assert run(["package", "import", "--db", str(second), str(package)]) == 1
    (line,) = [line for line in capsys.readouterr().err.splitlines() if line]
    assert "a unit named 长坪镇 that was set up in another data file on its own" in line
    assert "neither" not in line and "Nothing was imported" in line


# --- the exchange passphrase ----------------------------------------------------------------------------

def test_the_passphrase_from_a_file_or_the_environment(_village_template, tmp_path, capsys, monkeypatch):
    source, package = tmp_path / "village.db", tmp_path / "out.tzpkg"
    shutil.copy(_village_template, source)
    secret = tmp_path / "口令.txt"
    secret.write_text("\ufeff 乡镇与各村约定的口令 \n第二行不算\n", encoding="utf-8")
    assert run(["package", "export", "--db", str(source), "--out", str(package), "--passphrase-file",
                str(secret)]) == 0
    capsys.readouterr()
    # the kept passphrase (the tests') is another one: refused in one line, nothing changed
    before = source.read_bytes()
    assert run(["package", "import", "--db", str(source), str(package)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"Error: {package} cannot be imported:") and "passphrase differs" in line
    assert source.read_bytes() == before
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "乡镇与各村约定的口令")
    assert run(["package", "import", "--db", str(source), str(package)]) == 0
    monkeypatch.delenv(PASSPHRASE_VARIABLE)
    assert run(["package", "import", "--db", str(source), str(package), "--passphrase-file",
                str(secret)]) == 0


def test_no_passphrase_is_one_line_and_no_package(tmp_path, capsys, monkeypatch):
    from tests.models.factories import World

    monkeypatch.delenv(PASSPHRASE_VARIABLE, raising=False)
    blank, package = tmp_path / "blank.db", tmp_path / "out.tzpkg"
    db.open_database(blank)
    World()
    db.close_database()
    assert run(["package", "export", "--db", str(blank), "--out", str(package)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert "No exchange passphrase" in line and "--passphrase-file" in line and PASSPHRASE_VARIABLE in line
    assert not package.exists()
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    assert run(["package", "export", "--db", str(blank), "--out", str(package), "--passphrase-file",
                str(empty)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert "holds no exchange passphrase" in line and not package.exists()
    assert run(["package", "import", "--db", str(blank), "--passphrase-file", str(tmp_path / "none.txt"),
                str(package)]) == 1
    assert "does not exist" in capsys.readouterr().err
