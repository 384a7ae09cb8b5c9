"""Two laptops exchanging packages (docs/exchange.md): edits of different fields merge, the same
field conflicts and waits for a decision, a decision sticks, and after two rounds with no edits
both files hold the same records."""

from __future__ import annotations

import shutil

import pytest

from models import db, packages, store
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


class Laptops:
    """Two copies of the village demo, as a township hands them out; packages go back and forth."""

    def __init__(self, template, folder):
        self.folder = folder
        self.files = {"A": folder / "a.db", "B": folder / "b.db"}
        for path in self.files.values():
            shutil.copy(template, path)
        self.serial = 0
        self.on("A")

    def on(self, name):
        _use(self.files[name])
        self.here = name

    def send(self, to, choices=None, prefer=None):
        """Export from the laptop in use, import on ``to`` (which is then the laptop in use)."""
        self.serial += 1
        path = self.folder / f"{self.here}{self.serial}.tzpkg"
        packages.export_package(path)
        self.on(to)
        return _import(path, choices, prefer)

    def household(self, key):
        return r.Household.get_by_id(key)


@pytest.fixture
def laptops(_village_template, tmp_path):
    return Laptops(_village_template, tmp_path)


def _households():
    return list(r.Household.select().order_by(r.Household.id).limit(6))


def test_edits_of_different_fields_of_one_record_merge(laptops):
    one = _households()[0]
    store.save(r.Household, {"remarks": "甲机所记"}, one)
    laptops.on("B")
    store.save(r.Household, {"phone": "13800000001"}, laptops.household(one.id))
    plan, result = laptops.send("A")
    assert not plan.conflicts and result.updated == 1
    merged = laptops.household(one.id)
    assert (merged.remarks, merged.phone) == ("甲机所记", "13800000001")
    plan, _ = laptops.send("B")
    assert not plan.conflicts
    merged = laptops.household(one.id)
    assert (merged.remarks, merged.phone) == ("甲机所记", "13800000001")


def test_the_same_field_changed_on_both_sides_waits_for_a_decision(laptops):
    one = _households()[0]
    store.save(r.Household, {"remarks": "甲机所记", "address": "甲机地址"}, one)
    laptops.on("B")
    store.save(r.Household, {"remarks": "乙机所记", "phone": "13800000001"}, laptops.household(one.id))
    plan, result = laptops.send("A")
    assert [(c.id, c.fields) for c in plan.conflicts] == [(one.id, ["remarks"])]
    assert result.conflicts == 1 and result.updated == 0
    assert laptops.household(one.id).remarks == "甲机所记"  # left as it is until decided
    assert [(p.id, p.fields, p.incoming["remarks"]) for p in packages.pending()] == [
        (one.id, ["remarks"], "乙机所记")]
    again, _ = _import(laptops.folder / "B1.tzpkg")  # the same package again: the same one conflict
    assert len(again.conflicts) == 1 and packages.count() == 1


def test_a_decision_sticks_on_both_sides_and_is_not_reported_again(laptops):
    one, two = _households()[:2]
    store.save(r.Household, {"remarks": "甲机所记"}, one)
    store.save(r.Household, {"remarks": "甲机所记二"}, two)
    laptops.on("B")
    store.save(r.Household, {"remarks": "乙机所记"}, laptops.household(one.id))
    store.save(r.Household, {"remarks": "乙机所记二"}, laptops.household(two.id))
    laptops.send("A")  # B → A: two conflicts kept on A
    assert packages.count() == 2
    plan, _ = laptops.send("B")  # A → B: the same two on B
    assert len(plan.conflicts) == 2 and packages.count() == 2
    first, second = sorted(packages.pending(), key=lambda p: p.id == two.id)
    packages.decide(first, "incoming")  # B takes A's remarks for one
    packages.decide(second, "local")  # and keeps its own for the other
    assert packages.count() == 0
    plan, _ = laptops.send("A")
    assert not plan.conflicts and packages.count() == 0  # A's own conflicts settled by the decisions
    assert laptops.household(one.id).remarks == "甲机所记"
    assert laptops.household(two.id).remarks == "乙机所记二"
    plan, _ = laptops.send("B")
    assert not plan.conflicts and plan.changes_nothing


def test_after_two_rounds_with_no_edits_both_files_hold_the_same_records(laptops):
    one, two, three = _households()[:3]
    visit = r.Visit.select().where(r.Visit.id.not_in(
        r.Rectification.select(r.Rectification.visit).where(r.Rectification.visit.is_null(False)))).first()
    store.save(r.Household, {"remarks": "甲机所记"}, one)
    store.save(r.Household, {"population": 8}, three)
    store.delete(visit)
    village, group = one.village, one.group
    new_a = store.save(r.Household, {"village": village.id, "group": group.id, "head_name": "新户甲",
                                     "id_number": id_number("19700101")})
    laptops.on("B")
    store.save(r.Household, {"phone": "13800000001"}, laptops.household(one.id))
    store.save(r.Household, {"remarks": "乙机所记"}, laptops.household(two.id))
    store.save(r.Person, {"unit": store.current_unit().id, "name": "乙机新人"})
    session = r.Session.select().first()
    store.save(r.Session, {"remarks": "乙机备注"}, session)
    for sender, receiver in (("B", "A"), ("A", "B"), ("B", "A"), ("A", "B")):
        laptops.on(sender)
        plan, _ = laptops.send(receiver)
        assert not plan.conflicts
    laptops.on("A")
    on_a = _dump()
    laptops.on("B")
    assert _dump() == on_a
    assert r.Visit.get_by_id(visit.id).deleted_at is not None
    assert r.Household.get_by_id(new_a.id).head_name == "新户甲"
    assert (laptops.household(one.id).remarks, laptops.household(one.id).phone) == ("甲机所记", "13800000001")
    assert r.Session.get_by_id(session.id).remarks == "乙机备注"


def test_an_edit_against_a_delete_is_a_conflict(laptops):
    visit = r.Visit.select().where(r.Visit.id.not_in(
        r.Rectification.select(r.Rectification.visit).where(r.Rectification.visit.is_null(False)))).first()
    store.delete(visit)
    laptops.on("B")
    store.save(r.Visit, {"remarks": "乙机补记"}, r.Visit.get_by_id(visit.id))
    plan, _ = laptops.send("A")
    assert [c.fields for c in plan.conflicts] == [["deleted_at"]]
    assert r.Visit.get_by_id(visit.id).deleted_at is not None
    (pending,) = packages.pending()
    packages.decide(pending, "incoming")  # the edit wins: the visit is back, with its remark
    restored = r.Visit.get_by_id(visit.id)
    assert restored.deleted_at is None and restored.remarks == "乙机补记"
    plan, _ = laptops.send("B")
    assert not plan.conflicts
    assert r.Visit.get_by_id(visit.id).deleted_at is None


def test_both_sides_deciding_differently_is_a_conflict_again_not_a_silent_swap(laptops):
    one = _households()[0]
    store.save(r.Household, {"remarks": "甲机所记"}, one)
    laptops.on("B")
    store.save(r.Household, {"remarks": "乙机所记"}, laptops.household(one.id))
    laptops.on("A")
    packages.export_package(laptops.folder / "a.tzpkg")
    laptops.on("B")
    packages.export_package(laptops.folder / "b.tzpkg")
    _import(laptops.folder / "a.tzpkg", prefer="local")  # B keeps its own
    laptops.on("A")
    _import(laptops.folder / "b.tzpkg", prefer="local")  # A keeps its own
    plan, _ = laptops.send("B")
    assert [c.fields for c in plan.conflicts] == [["remarks"]]
    assert laptops.household(one.id).remarks == "乙机所记"
    laptops.on("A")
    assert laptops.household(one.id).remarks == "甲机所记"


def test_deletions_travel_and_are_counted_for_the_preview(laptops):
    empty = store.save(r.Household, {"village": _households()[0].village_id, "head_name": "空户",
                                     "id_number": id_number()})
    plan, _ = laptops.send("B")
    assert plan.added == 1 and not plan.deletions and not plan.needs_confirmation
    laptops.on("A")
    store.delete(laptops.household(empty.id))
    plan, _ = laptops.send("B")
    assert plan.deleted == 1 and plan.needs_confirmation
    assert plan.deletions == [(r.Household, empty.id)]
    assert laptops.household(empty.id).deleted_at is not None


def test_an_older_package_taken_again_undoes_nothing(laptops):
    one = _households()[0]
    packages.export_package(laptops.folder / "old.tzpkg")
    store.save(r.Household, {"remarks": "甲机后改"}, one)
    laptops.send("B")
    assert laptops.household(one.id).remarks == "甲机后改"
    plan, _ = _import(laptops.folder / "old.tzpkg")
    assert plan.changes_nothing
    assert laptops.household(one.id).remarks == "甲机后改"


def test_attendance_marked_on_both_laptops_settles_on_one_key(laptops):
    session = r.Session.select().order_by(r.Session.date).first()
    person = store.save(r.Person, {"unit": store.current_unit().id, "name": "两边都记的人"})
    laptops.send("B")
    marks = {row.person_id: (row.status, row.reason) for row in session.attendance if row.deleted_at is None}
    store.save_session({}, {**marks, person.id: ("present", "")}, r.Session.get_by_id(session.id))
    laptops.on("A")
    store.save_session({}, {**marks, person.id: ("present", "")}, r.Session.get_by_id(session.id))
    for sender, receiver in (("A", "B"), ("B", "A"), ("A", "B")):
        laptops.on(sender)
        plan, _ = laptops.send(receiver)
        assert not plan.conflicts
    keys = [row.id for row in r.Attendance.select().where(r.Attendance.session == session.id,
                                                         r.Attendance.person == person.id)]
    laptops.on("A")
    assert [row.id for row in r.Attendance.select().where(r.Attendance.session == session.id,
                                                         r.Attendance.person == person.id)] == keys
    assert len(keys) == 1


def test_visitors_are_part_of_the_visit(laptops):
    visit = r.Visit.select().first()
    clerk = store.save(r.Person, {"unit": store.current_unit().id, "name": "新来的干部"})
    laptops.send("B")
    visitors = [row.person_id for row in visit.visitors]
    store.save_visit({}, [*visitors, clerk.id], r.Visit.get_by_id(visit.id))
    plan, _ = laptops.send("A")
    assert not plan.conflicts and plan.updated == 1
    assert {row.person_id for row in r.VisitVisitor.select().where(r.VisitVisitor.visit == visit.id)} == {
        *visitors, clerk.id}
    assert TODAY  # the demo's day, for the reader of this test
