"""Data packages: bad files refused whole; two laptops exchanging both ways agree; a township merged back."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile

import pytest

from models import db, figures, identity, packages, store
from models import records as r
from models.demo.campaign import TODAY
from models.packages import passphrase
from tests import sealing
from tests.conftest import PASSPHRASE


def _use(path):
    db.close_database()
    db.open_database(path)
    if not passphrase.kept():
        passphrase.keep(PASSPHRASE)


def _dump() -> dict[str, list[tuple]]:
    """Every record table and the visitor links, ordered: what must agree between laptops."""
    tables = [model._meta.table_name for model in r.RECORD_MODELS] + ["visit_visitor"]
    return {table: r.database.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1, 2').fetchall()
            for table in tables}


def _import(path, choices=None, prefer=None) -> tuple[packages.ImportPlan, packages.ImportResult]:
    plan = packages.plan_import(packages.read_package(path))
    if prefer:
        choices = {conflict.id: prefer for conflict in plan.conflicts}
    return plan, packages.apply_import(plan, choices or {})


# --- bad packages -------------------------------------------------------------

@pytest.fixture
def good_package(village_db, tmp_path):
    path = tmp_path / "good.tzpkg"
    packages.export_package(path)
    return path


def _rewrite(source, target, change):
    _write(target, {name: change(name, data) for name, data in sealing.members(source).items()})


def _write(target, members: dict[str, bytes]) -> None:
    """A package of these members, sealed with the tests' passphrase."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as new:
        for name, data in members.items():
            new.writestr(name, data)
    target.write_bytes(sealing.sealed(buffer.getvalue()))


def _assert_refused(path, words, empty_db_path):
    _use(empty_db_path)
    before = _dump()
    with pytest.raises(packages.PackageError) as caught:
        packages.read_package(path)
    assert str(path) in str(caught.value)
    assert words in str(caught.value)
    assert _dump() == before


def test_truncated_package_is_refused(good_package, tmp_path):
    data = good_package.read_bytes()
    bad = tmp_path / "truncated.tzpkg"
    bad.write_bytes(data[: len(data) * 2 // 3])
    _assert_refused(bad, "", tmp_path / "other.db")


def test_altered_member_fails_its_checksum(good_package, tmp_path):
    bad = tmp_path / "altered.tzpkg"

    def change(name, data):
        return data.replace("松".encode(), "柏".encode(), 1) if name == "household.jsonl" else data

    _rewrite(good_package, bad, change)
    _assert_refused(bad, "household.jsonl has been altered", tmp_path / "other.db")


def test_missing_member_is_refused(good_package, tmp_path):
    bad = tmp_path / "missing.tzpkg"
    _write(bad, {name: data for name, data in sealing.members(good_package).items() if name != "visit.jsonl"})
    _assert_refused(bad, "visit.jsonl is missing", tmp_path / "other.db")


def test_package_from_newer_version_is_refused(good_package, tmp_path):
    bad = tmp_path / "newer.tzpkg"

    def change(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["schema_version"] = db.schema_version() + 1
        return json.dumps(manifest).encode()

    _rewrite(good_package, bad, change)
    _assert_refused(bad, "newer version", tmp_path / "other.db")


def test_not_a_package_is_refused(tmp_path, village_db):
    text = tmp_path / "notes.tzpkg"
    text.write_text("not a package", encoding="utf-8")
    _assert_refused(text, "not a 台账通 data package", tmp_path / "other.db")
    other_zip = tmp_path / "other.tzpkg"
    _write(other_zip, {"readme.txt": b"hello"})
    _assert_refused(other_zip, "no manifest", tmp_path / "other.db")
    _use(village_db)
    _assert_refused(village_db, "not a 台账通 data package", tmp_path / "other.db")


def test_manifest_describes_the_package(good_package):
    package = packages.read_package(good_package)
    manifest = package.manifest
    assert manifest.schema_version == db.schema_version()
    assert manifest.source == identity.file_id()
    assert manifest.format == packages.FORMAT_VERSION
    assert manifest.unit_name == store.current_unit().name
    assert manifest.counts["household"] == r.Household.select().count() == len(package.rows["household"])
    assert manifest.counts["visit_visitor"] == r.VisitVisitor.select().count()
    assert set(manifest.sha256) == {f"{table}.jsonl" for table in manifest.counts}


# --- two laptops ----------------------------------------------------------------

def test_a_package_leaves_local_edits_alone(_village_template, tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(_village_template, a)
    shutil.copy(_village_template, b)
    _use(a)
    packages.export_package(tmp_path / "a.tzpkg")
    _use(b)
    household = r.Household.select().order_by(r.Household.id).first()
    store.save(r.Household, {"remarks": "乙机新改"}, household)
    plan, result = _import(tmp_path / "a.tzpkg")
    assert plan.keep == 1 and not plan.conflicts and result.updated == 0
    assert r.Household.get_by_id(household.id).remarks == "乙机新改"


def test_an_edit_made_after_export_is_not_lost_to_a_later_local_edit(_village_template, tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(_village_template, a)
    shutil.copy(_village_template, b)
    _use(a)
    packages.export_package(tmp_path / "a1.tzpkg")
    household = r.Household.select().order_by(r.Household.id).first()
    store.save(r.Household, {"remarks": "甲机导出后所改"}, household)
    packages.export_package(tmp_path / "a2.tzpkg")
    _use(b)
    _import(tmp_path / "a1.tzpkg")  # taken after A's edit, but the edit was not in it
    store.save(r.Household, {"remarks": "乙机导入后所改"}, r.Household.get_by_id(household.id))
    plan, _ = _import(tmp_path / "a2.tzpkg")
    assert [c.id for c in plan.conflicts] == [household.id]
    assert (plan.conflicts[0].local["remarks"], plan.conflicts[0].incoming["remarks"]) == (
        "乙机导入后所改", "甲机导出后所改")
    # and an older package taken again does not undo anything
    assert _import(tmp_path / "a1.tzpkg")[0].changes_nothing


def test_a_package_that_cannot_fit_changes_nothing(good_package, tmp_path):
    broken = tmp_path / "broken.tzpkg"
    members = sealing.members(good_package)
    manifest = json.loads(members.pop("manifest.json"))
    members["village_group.jsonl"] = b""  # households then point to groups that are nowhere
    manifest["counts"]["village_group"] = 0
    manifest["sha256"]["village_group.jsonl"] = hashlib.sha256(b"").hexdigest()
    manifest["sizes"]["village_group.jsonl"] = 0
    _write(broken, {"manifest.json": json.dumps(manifest).encode(), **members})
    _use(tmp_path / "other.db")
    before = _dump()
    with pytest.raises(packages.PackageError) as caught:
        packages.plan_import(packages.read_package(broken))
    assert "broken.tzpkg cannot be imported" in str(caught.value)
    problem = "household.jsonl row 1: Villagers' group: the chosen record does not exist."
    assert problem in caught.value.problems
    assert len(caught.value.problems) == 21  # twenty lines, and how many more
    assert _dump() == before


def test_merge_duplicate_persons_repoints_their_records(village_db):
    campaign = store.current_campaign()
    keep = store.save(r.Person, {"unit": store.current_unit().id, "name": "重名人"})
    drop = store.save(r.Person, {"unit": store.current_unit().id, "name": "重名人乙"})
    writing = store.save(r.Writing, {"campaign": campaign.id, "person": drop.id, "kind": "notes",
                                     "title": "学习笔记", "date": TODAY})
    household = r.Household.select().first()
    visit = store.save_visit({"campaign": campaign.id, "household": household.id, "date": TODAY,
                              "method": "home"}, [keep.id, drop.id])
    packages.merge_duplicates(keep, drop)
    assert r.Writing.get_by_id(writing.id).person_id == keep.id
    assert [v.person_id for v in r.VisitVisitor.select().where(r.VisitVisitor.visit == visit.id)] == [keep.id]
    assert r.Person.get_by_id(drop.id).deleted_at is not None


def test_village_package_holds_only_its_villages(township_db, tmp_path):
    first = r.Village.select().order_by(r.Village.position.desc()).first()  # no rectification from a visit
    manifest = packages.export_package(tmp_path / "one.tzpkg", villages=[first.id])
    package = packages.read_package(tmp_path / "one.tzpkg")
    assert {row["village_id"] for row in package.rows["household"]} == {first.id.hex}
    households = {row["id"] for row in package.rows["household"]}
    assert all(row["household_id"] in households for row in package.rows["visit"])
    assert manifest.counts["household"] == r.Household.select().where(r.Household.village == first).count()
    assert manifest.scope["villages"] == [{"id": first.id.hex, "name": first.name}]
    visits = {row["id"] for row in package.rows["visit"]}
    assert all(row["visit_id"] in visits for row in package.rows["rectification"] if row["visit_id"])
    assert len(package.rows["rectification"]) < r.Rectification.select().count()


# --- the proof: a township split into village packages and merged back -------------------

def _of_villages(villages) -> tuple:
    """Each village's figures and visit register (models/scope.py's rule), by village name."""
    from exporters import registers

    campaign = store.current_campaign()
    register = registers.RECORD_REGISTERS["visits"]
    result = {}
    for village in r.Village.select().where(r.Village.id.in_(villages)):
        scope = figures.Scope(campaign=campaign.id, village=village.id, today=TODAY)
        rows = r.database.execute_sql(*register.query(register.where(scope)).sql()).fetchall()
        result[village.name] = (figures.compute(scope), rows)
    return result


def test_township_split_in_three_packages_merges_back(township_db, tmp_path):
    """Three packages of eight villages each, merged into an empty file, give each village the very
    figures and registers it has in the township's file; the township's own records (its meetings,
    its publicity) travel in none of them."""
    villages = [v.id for v in r.Village.select().order_by(r.Village.position)]
    assert len(villages) == 24
    original = _of_villages(villages)
    original_households = _dump()["household"]
    paths = []
    for part in range(3):
        paths.append(tmp_path / f"part{part}.tzpkg")
        packages.export_package(paths[-1], villages=villages[part * 8:(part + 1) * 8])
    _use(tmp_path / "merged.db")
    for path in paths:
        plan, _ = _import(path)
        assert not plan.conflicts and not plan.duplicates
    assert _of_villages(villages) == original
    assert _dump()["household"] == original_households
    assert sum(len(rows) for _, rows in original.values()) > 5000
    assert r.Publicity.select().count() == 0
    assert r.Session.select().where(r.Session.village.is_null()).count() == 0


def test_what_a_package_brings_is_in_the_history(_village_template, tmp_path):
    from models import history

    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(_village_template, a)
    shutil.copy(_village_template, b)
    _use(a)
    household = r.Household.select().order_by(r.Household.id).first()
    store.save(r.Household, {"remarks": "甲机改过"}, household)
    publicity = r.Publicity.select().first()
    store.delete(publicity)
    packages.export_package(tmp_path / "a.tzpkg")
    _use(b)
    _import(tmp_path / "a.tzpkg")
    (edit,) = history.history(r.Household.get_by_id(household.id))
    assert edit.action == "edit" and "甲机改过" in str(edit.changes)
    assert edit.operator.endswith(r.Unit.get().name)
    assert [c.action for c in history.history(r.Publicity.get_by_id(publicity.id))] == ["delete"]


def test_what_a_package_adds_is_found_by_the_search(good_package, tmp_path):
    from models import sqlite

    _use(tmp_path / "other.db")
    _import(good_package)
    household = r.Household.select().order_by(r.Household.id).first()
    word = household.address[-4:]
    found = {row.id for row in r.Household.select().where(*sqlite.text_contains([r.Household.address], word))}
    assert household.id in found
