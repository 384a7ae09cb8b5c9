"""Data packages: bad files refused whole; two laptops exchanging both ways agree; a township merged back."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile

import pytest

from models import db, figures, packages, store
from models import records as r
from models.demo.campaign import TODAY
from tests.models.factories import id_number


def _use(path):
    db.close_database()
    db.open_database(path)


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
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            new.writestr(name, change(name, old.read(name)))


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
    with zipfile.ZipFile(good_package) as old, zipfile.ZipFile(bad, "w") as new:
        for name in old.namelist():
            if name != "visit.jsonl":
                new.writestr(name, old.read(name))
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
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "hello")
    _assert_refused(other_zip, "no manifest", tmp_path / "other.db")
    _use(village_db)
    _assert_refused(village_db, "not a 台账通 data package", tmp_path / "other.db")


def test_manifest_describes_the_package(good_package):
    package = packages.read_package(good_package)
    manifest = package.manifest
    assert manifest.schema_version == db.schema_version()
    assert manifest.installation_id == store.get_setting("installation_id")
    assert manifest.unit_name == store.current_unit().name
    assert manifest.counts["household"] == r.Household.select().count() == len(package.rows["household"])
    assert manifest.counts["visit_visitor"] == r.VisitVisitor.select().count()
    assert set(manifest.sha256) == {f"{table}.jsonl" for table in manifest.counts}


# --- two laptops ----------------------------------------------------------------

def _household_values(village, group, head, number):
    return {"village": village.id, "group": group.id, "head_name": head, "id_number": number}


def test_two_laptops_exchange_both_ways_and_agree(_village_template, tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(_village_template, a)
    shutil.copy(_village_template, b)
    _use(a)
    households = list(r.Household.select().order_by(r.Household.id))
    only_a, only_b, both = households[0], households[1], households[2]
    visit_gone = (r.Visit.select().where(~r.Visit.id.in_(r.Rectification.select(r.Rectification.visit)
                                                         .where(r.Rectification.visit.is_null(False))))
                  .order_by(r.Visit.id).first())
    village, group = only_a.village, only_a.group
    twin_number = id_number("19700101")
    store.save(r.Household, {"phone": "13800000001"}, only_a)
    store.save(r.Household, {"remarks": "甲机所记"}, both)
    store.delete(visit_gone)
    new_a = store.save(r.Household, _household_values(village, group, "新户甲", twin_number))
    store.save(r.Visit, {"campaign": store.current_campaign().id, "household": new_a.id,
                         "date": TODAY, "method": visit_gone.method})
    packages.export_package(tmp_path / "a1.tzpkg")

    _use(b)
    store.save(r.Household, {"population": 9}, r.Household.get_by_id(only_b.id))
    store.save(r.Household, {"remarks": "乙机所记"}, r.Household.get_by_id(both.id))
    new_b = store.save(r.Household, _household_values(village, group, "新户乙", twin_number))
    store.save(r.Person, {"unit": store.current_unit().id, "name": "乙机新人"})
    packages.export_package(tmp_path / "b1.tzpkg")
    plan, result = _import(tmp_path / "a1.tzpkg")  # B takes A's package first
    assert [(c.model, c.id) for c in plan.conflicts] == [(r.Household, both.id)]
    assert plan.conflicts[0].fields == ["remarks"]
    assert r.Household.get_by_id(both.id).remarks == "乙机所记"  # not chosen: local kept
    assert result.added == 2 and result.deleted == 1 and result.updated == 2  # phone; the visit deleted
    assert r.Household.get_by_id(only_a.id).phone == "13800000001"
    assert r.Visit.get_by_id(visit_gone.id).deleted_at is not None
    assert [(d.model, d.local, d.incoming, d.reason) for d in plan.duplicates] == [
        (r.Household, new_b.id, new_a.id, "id_number")]
    again, result = _import(tmp_path / "a1.tzpkg")
    assert again.changes_nothing and again.identical == sum(again.package.manifest.counts.values()) - \
        again.package.manifest.counts["visit_visitor"] - again.keep - len(again.conflicts)
    assert (result.added, result.updated) == (0, 0)
    packages.export_package(tmp_path / "b2.tzpkg")

    _use(a)
    plan, result = _import(tmp_path / "b2.tzpkg", prefer="incoming")
    assert [c.id for c in plan.conflicts] == [both.id]
    assert r.Household.get_by_id(both.id).remarks == "乙机所记"
    assert r.Household.get_by_id(only_b.id).population == 9
    assert [(d.local, d.incoming) for d in plan.duplicates] == [(new_a.id, new_b.id)]
    packages.merge_duplicates(r.Household.get_by_id(new_a.id), r.Household.get_by_id(new_b.id))
    assert r.Household.get_by_id(new_b.id).deleted_at is not None
    packages.export_package(tmp_path / "a2.tzpkg")
    expected = _dump()

    _use(b)
    plan, result = _import(tmp_path / "a2.tzpkg")
    assert not plan.conflicts
    assert r.Household.get_by_id(new_b.id).deleted_at is not None
    assert _dump() == expected
    assert _import(tmp_path / "a2.tzpkg")[0].changes_nothing
    assert _import(tmp_path / "b1.tzpkg")[0].changes_nothing  # an old package changes nothing either


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
    with zipfile.ZipFile(good_package) as old:
        manifest = json.loads(old.read("manifest.json"))
        members = {name: old.read(name) for name in old.namelist() if name != "manifest.json"}
    members["village_group.jsonl"] = b""  # households then point to groups that are nowhere
    manifest["counts"]["village_group"] = 0
    manifest["sha256"]["village_group.jsonl"] = hashlib.sha256(b"").hexdigest()
    with zipfile.ZipFile(broken, "w") as new:
        new.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            new.writestr(name, data)
    _use(tmp_path / "other.db")
    before = _dump()
    plan = packages.plan_import(packages.read_package(broken))
    with pytest.raises(packages.PackageError, match=r"broken\.tzpkg cannot be merged"):
        packages.apply_import(plan)
    assert _dump() == before
    assert store.get_setting("exchange:" + plan.package.manifest.installation_id) == ""


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

def _registers() -> tuple:
    from exporters import registers

    campaign = store.current_campaign()
    scope = figures.Scope(campaign=campaign.id, today=TODAY)
    register = registers.RECORD_REGISTERS["visits"]
    visits = r.database.execute_sql(*register.query(register.where(scope)).sql()).fetchall()
    return figures.compute(scope), visits


def _counts() -> dict[str, int]:
    return {table: len(rows) for table, rows in _dump().items()}


def test_township_split_in_three_packages_merges_back(township_db, tmp_path):
    original_figures, original_visits = _registers()
    original_counts, original_dump = _counts(), _dump()
    villages = [v.id for v in r.Village.select().order_by(r.Village.position)]
    assert len(villages) == 24
    paths = []
    for part in range(3):
        paths.append(tmp_path / f"part{part}.tzpkg")
        packages.export_package(paths[-1], villages=villages[part * 8:(part + 1) * 8])
    _use(tmp_path / "merged.db")
    for path in paths:
        plan, _ = _import(path)
        assert not plan.conflicts and not plan.duplicates
    assert _counts() == original_counts
    assert _dump() == original_dump
    merged_figures, merged_visits = _registers()
    assert merged_figures == original_figures
    assert merged_visits == original_visits
    assert len(merged_visits) == original_figures.visits > 5000


def test_a_copied_data_file_speaks_for_itself_in_exchanges(tmp_path):
    from models import demo

    original, copy = tmp_path / "township.db", tmp_path / "village-copy.db"
    demo.generate(original, "village")
    first = packages.installation_id()
    assert packages.installation_id() == first  # kept while the file stays where it is
    db.close_database()
    shutil.copy(original, copy)
    db.open_database(copy)
    assert packages.installation_id() != first
    db.close_database()
    db.open_database(original)
    assert packages.installation_id() == first


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
