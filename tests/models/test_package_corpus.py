"""A package is untrusted input: seeded random mutations of a real package, each refused with lines
naming what is wrong (and nothing changed), or imported whole with every row still valid.

The mutations are of the zip inside the envelope, sealed again with the passphrase: what a sender
who knows the passphrase could send (tests/models/test_envelope.py: the envelope itself)."""

from __future__ import annotations

import hashlib
import io
import json
import random
import shutil
import zipfile

import pytest

import main
from models import db, packages
from models import records as r
from models.packages import format as package_format
from tests import sealing
from tests.conftest import PASSPHRASE

SEED = 20261201
CASES = 160


def _dump() -> dict[str, list[tuple]]:
    tables = [model._meta.table_name for model in r.RECORD_MODELS] + ["visit_visitor", "exchange_conflict"]
    return {table: r.database.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1, 2').fetchall()
            for table in tables}


@pytest.fixture(scope="module")
def source(_village_template, tmp_path_factory):
    """A real package (the village demo, a few records edited so that bases travel too)."""
    from models import store

    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(_village_template, folder / "a.db")
    db.open_database(folder / "a.db")
    for household in r.Household.select().limit(3):
        store.save(r.Household, {"remarks": "改过"}, household)
    path = folder / "good.tzpkg"
    packages.export_package(path)
    db.close_database()
    return sealing.members(path)


def _put(path, data: bytes) -> None:
    path.write_bytes(sealing.sealed(data))


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _resealed(members: dict[str, bytes], name: str, data: bytes) -> dict[str, bytes]:
    """``name`` replaced by ``data`` with the manifest's checksum and size made to match: only the
    checks of the rows themselves can find what is wrong."""
    members = dict(members)
    members[name] = data
    manifest = json.loads(members["manifest.json"])
    manifest["sha256"][name] = hashlib.sha256(data).hexdigest()
    manifest["sizes"][name] = len(data)
    manifest["counts"][name.removesuffix(".jsonl")] = sum(1 for line in data.splitlines() if line.strip())
    members["manifest.json"] = json.dumps(manifest).encode()
    return members


_BAD_VALUES = ["not-a-date", "123ABC", "no-such-code", 12345, -1, 2**70, 1.5, True, None, "", "x" * 500,
               [1, 2], {"a": 1}, "2026-13-45", "99:99", "0" * 32, "１２３", "\x00\x07", "=1+1"]


def _mutate_row(rng: random.Random, members: dict[str, bytes]) -> dict[str, bytes]:
    names = [n for n in members if n.endswith(".jsonl") and members[n].strip() and n != "base.jsonl"]
    name = rng.choice(names)
    lines = members[name].decode().splitlines()
    index = rng.randrange(len(lines))
    row = json.loads(lines[index])
    kind = rng.random()
    if kind < 0.6:
        column = rng.choice(sorted(row))
        row[column] = rng.choice(_BAD_VALUES)
    elif kind < 0.7:
        row["no_such_column"] = 1
    elif kind < 0.8:
        row.pop(rng.choice(sorted(row)))
    elif kind < 0.9:
        lines[index] = rng.choice(['[1, 2]', '"text"', '{"id": ', "[" * 5000, '{"id": NaN}', "garbage"])
        return _resealed(members, name, ("\n".join(lines) + "\n").encode())
    else:
        for i, line in enumerate(lines):  # every row of the member deleted (a crafted package)
            each = json.loads(line)
            if "deleted_at" in each:
                each["deleted_at"] = "2026-11-30 08:00:00"
                lines[i] = json.dumps(each)
        return _resealed(members, name, ("\n".join(lines) + "\n").encode())
    lines[index] = json.dumps(row, ensure_ascii=False)
    return _resealed(members, name, ("\n".join(lines) + "\n").encode())


def _mutate_manifest(rng: random.Random, members: dict[str, bytes]) -> dict[str, bytes]:
    manifest = json.loads(members["manifest.json"])
    key = rng.choice(sorted(manifest))
    choice = rng.random()
    if choice < 0.3:
        manifest.pop(key)
    elif choice < 0.7:
        manifest[key] = rng.choice(_BAD_VALUES)
    elif choice < 0.85 and isinstance(manifest.get("counts"), dict):
        table = rng.choice(sorted(manifest["counts"]))
        manifest["counts"][table] = rng.choice([-1, 10**12, "many", manifest["counts"][table] + 1])
    else:
        manifest = rng.choice([[], "manifest", 12, None])
    return {**members, "manifest.json": json.dumps(manifest).encode()}


def _mutate_zip(rng: random.Random, members: dict[str, bytes]) -> bytes:
    data = _zip(members)
    choice = rng.random()
    if choice < 0.25:
        return data[: rng.randrange(1, len(data))]
    if choice < 0.5:
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        return bytes(damaged)
    if choice < 0.65:
        name = rng.choice(sorted(members))
        return _zip({k: v for k, v in members.items() if k != name})
    if choice < 0.8:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in members.items():
                archive.writestr(name, content)
            archive.writestr("household.jsonl", b"{}\n")  # the same name twice
        return buffer.getvalue()
    if choice < 0.9:  # a zip bomb: a member that unpacks to far more than a package may hold
        return _zip({**members, "visit.jsonl": b" " * (package_format.MAX_DATA_BYTES // 8)})
    return rng.choice([b"", b"PK", b"PK\x03\x04" + bytes(100), "清单".encode() * 100])


def _case(rng: random.Random, members: dict[str, bytes]) -> bytes:
    choice = rng.random()
    if choice < 0.55:
        return _zip(_mutate_row(rng, members))
    if choice < 0.75:
        return _zip(_mutate_manifest(rng, members))
    return _mutate_zip(rng, members)


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_every_mutation_is_refused_whole_or_imported_valid(source, tmp_path, _village_template, monkeypatch):
    monkeypatch.setattr(package_format, "MAX_DATA_BYTES", 8 * 1024 * 1024)  # the bomb is found quickly
    rng = random.Random(SEED)
    target = tmp_path / "target.db"
    shutil.copy(_village_template, target)
    db.open_database(target)
    refused = imported = 0
    for number in range(CASES):
        path = tmp_path / f"case{number}.tzpkg"
        _put(path, _case(rng, source))
        before = _dump()
        try:
            plan = packages.plan_import(packages.read_package(path))
            packages.apply_import(plan)
        except packages.PackageError as error:
            refused += 1
            assert str(error).startswith(f"{path} cannot be"), str(error)
            assert all("\n" not in problem and problem for problem in error.problems)
            assert _dump() == before, f"case {number} changed the file"
            continue
        imported += 1
        _assert_every_row_valid()
    assert refused > CASES * 0.6 and imported > 0


def _assert_every_row_valid():
    """What a package brought in passes the form's checks: later exports cannot trip over it."""
    from models.packages import checks

    for model in r.RECORD_MODELS:
        cursor = r.database.execute_sql(f'SELECT * FROM "{model._meta.table_name}"')
        names = [c[0] for c in cursor.description]
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            assert checks.row_problems(model, row) == [], (model, row)


def test_the_command_line_refuses_a_mutation_in_lines_and_exit_status_1(source, tmp_path, _village_template,
                                                                        capsys):
    rng = random.Random(SEED + 1)
    target = tmp_path / "target.db"
    shutil.copy(_village_template, target)
    refused = 0
    for number in range(12):
        db.open_database(target)
        before = _dump()
        db.close_database()
        path = tmp_path / f"cli{number}.tzpkg"
        _put(path, _zip(_mutate_row(rng, source)))
        code = main.main(["--lang", "en", "package", "import", "--db", str(target), str(path)])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        if code == 1:
            refused += 1
            assert captured.err.startswith("Error: ")
            db.open_database(target)
            assert _dump() == before
            db.close_database()
    assert refused >= 4  # the others are rows changed without a new version: conflicts, kept


def test_invalid_values_are_refused_with_the_field_named(source, tmp_path, _village_template):
    lines = source["household.jsonl"].decode().splitlines()
    first = json.loads(lines[0])
    first.update(id_number="123ABC", tags="no_such_tag")
    lines[0] = json.dumps(first, ensure_ascii=False)
    members = _resealed(source, "household.jsonl", ("\n".join(lines) + "\n").encode())
    visits = members["visit.jsonl"].decode().splitlines()
    visit = json.loads(visits[0])
    visit["date"] = "not-a-date"
    visits[0] = json.dumps(visit, ensure_ascii=False)
    members = _resealed(members, "visit.jsonl", ("\n".join(visits) + "\n").encode())
    path = tmp_path / "invalid.tzpkg"
    _put(path, _zip(members))
    db.open_database(tmp_path / "new.db")
    with pytest.raises(packages.PackageError) as caught:
        packages.plan_import(packages.read_package(path, PASSPHRASE))
    problems = caught.value.problems
    assert any(p.startswith("household.jsonl row 1: ID number：") for p in problems), problems
    assert any(p.startswith("household.jsonl row 1: Household type：") for p in problems), problems
    assert "visit.jsonl row 1: Visit date：is not a date." in problems
    assert r.Household.select().count() == 0


def test_a_value_changed_without_a_version_of_its_own_is_not_believed(source, tmp_path, _village_template):
    lines = source["person.jsonl"].decode().splitlines()
    person = json.loads(lines[0])
    person["gender"] = "female" if person["gender"] == "male" else "male"
    lines[0] = json.dumps(person, ensure_ascii=False)
    path = tmp_path / "tampered.tzpkg"
    _put(path, _zip(_resealed(source, "person.jsonl", ("\n".join(lines) + "\n").encode())))
    shutil.copy(_village_template, tmp_path / "target.db")
    db.open_database(tmp_path / "target.db")
    plan = packages.plan_import(packages.read_package(path))
    assert not plan.rows("person", "take", "merge") and not plan.conflicts


def test_a_tampered_version_still_meets_the_checks_of_a_form(source, tmp_path, _village_template):
    lines = source["person.jsonl"].decode().splitlines()
    person = json.loads(lines[0])
    person.update(gender="１２３", version="ab" * 8, lineage="0")  # "descends" from the record here
    lines[0] = json.dumps(person, ensure_ascii=False)
    path = tmp_path / "tampered.tzpkg"
    _put(path, _zip(_resealed(source, "person.jsonl", ("\n".join(lines) + "\n").encode())))
    shutil.copy(_village_template, tmp_path / "target.db")
    db.open_database(tmp_path / "target.db")
    with pytest.raises(packages.PackageError) as caught:
        packages.plan_import(packages.read_package(path))
    assert caught.value.problems == ["person.jsonl row 1: Gender：“１２３” is not one of the choices."]
