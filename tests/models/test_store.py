"""Writing records: validated saves in one transaction, attendance, visitors, the recycle bin."""

import datetime as dt

import pytest

from models import records as r
from models import store
from models.store import StillUsedError
from models.validation import ValidationError
from tests.models.factories import World, id_number


@pytest.fixture
def world(empty_db):
    return World()


@pytest.fixture
def clock(monkeypatch):
    """A clock that moves one second on every reading, so that times always differ."""
    now = [r.utcnow() + dt.timedelta(days=1)]

    def tick():
        now[0] += dt.timedelta(seconds=1)
        return now[0]

    monkeypatch.setattr(r, "utcnow", tick)
    monkeypatch.setattr(store, "utcnow", tick)
    return now


def row_counts():
    return {model._meta.table_name: model.select().count() for model in r.ALL_MODELS}


def live_attendance(session):
    return {row.person_id: (row.status, row.reason) for row in r.Attendance.select().where(
        r.Attendance.session == session.id, r.Attendance.deleted_at.is_null())}


# --- save ---------------------------------------------------------------------

def test_save_creates_a_record_with_its_values(world):
    person = world.person(" 李四 ", title="干部", phone="138 1234 5678")
    stored = r.Person.get_by_id(person.id)
    assert stored.name == "李四"  # trimmed
    assert stored.phone == "13812345678"  # one spelling
    assert stored.unit_id == world.unit.id
    assert stored.deleted_at is None


def test_save_updates_and_moves_updated_at(world, clock):
    person = world.person("李四")
    first = r.Person.get_by_id(person.id)
    store.save(r.Person, {"title": "副主任"}, first)
    second = r.Person.get_by_id(person.id)
    assert second.title == "副主任"
    assert second.name == "李四"  # untouched values stay
    assert second.updated_at > first.created_at
    assert second.updated_at > r.Person.get_by_id(world.clerk.id).updated_at
    store.save(r.Person, {"title": "主任"}, r.Person.get_by_id(person.id))
    third = r.Person.get_by_id(person.id)
    assert third.updated_at > second.updated_at
    assert third.created_at == second.created_at == first.created_at


def test_save_refuses_invalid_values_and_writes_nothing(world):
    before = row_counts()
    with pytest.raises(ValidationError):
        store.save(r.Household, {"village": world.village.id, "head_name": "张三",
                                 "id_number": "110105194912310021"})
    with pytest.raises(ValidationError):
        store.save(r.Session, {"campaign": world.campaign.id, "kind": "seminar"})
    assert row_counts() == before


def test_an_invalid_change_leaves_the_stored_record_and_the_object_alone(world):
    household = world.household("张三", phone="13812345678")
    with pytest.raises(ValidationError):
        store.save(r.Household, {"phone": "123", "head_name": "张三丰"}, household)
    assert household.phone == "13812345678" and household.head_name == "张三"
    stored = r.Household.get_by_id(household.id)
    assert stored.phone == "13812345678" and stored.head_name == "张三"


def test_an_edit_is_validated_together_with_the_stored_values(world):
    rectification = world.rectification()
    with pytest.raises(ValidationError) as caught:
        store.save(r.Rectification, {"deadline": dt.date(2026, 1, 1)}, rectification)
    assert {e.field for e in caught.value.errors} == {"deadline"}
    assert r.Rectification.get_by_id(rectification.id).deadline is None


# --- sessions and attendance -------------------------------------------------

def test_save_session_writes_one_row_per_expected_person(world):
    third = world.person("彭干部")
    session = world.session(attendance={
        world.leader.id: ("present", ""),
        world.clerk: ("leave", "病假"),
        third.id.hex: (None, ""),
    })
    assert live_attendance(session) == {
        world.leader.id: ("present", ""), world.clerk.id: ("leave", "病假"), third.id: (None, "")}


def test_a_reason_is_kept_only_for_leave(world):
    session = world.session(attendance={world.leader.id: ("present", "公出"),
                                        world.clerk.id: ("leave", "公出")})
    assert live_attendance(session) == {world.leader.id: ("present", ""),
                                        world.clerk.id: ("leave", "公出")}
    store.save_session({}, {world.leader.id: ("present", ""), world.clerk.id: ("absent", "公出")},
                       session)
    assert live_attendance(session)[world.clerk.id] == ("absent", "")


def test_a_person_no_longer_expected_loses_the_row_and_gets_it_back(world):
    session = world.session(attendance={world.leader.id: ("present", ""),
                                        world.clerk.id: ("leave", "病假")})
    row = r.Attendance.get(r.Attendance.session == session.id, r.Attendance.person == world.clerk.id)

    store.save_session({}, {world.leader.id: ("present", "")}, session)
    assert live_attendance(session) == {world.leader.id: ("present", "")}
    removed = r.Attendance.get_by_id(row.id)
    assert removed.deleted_at is not None

    store.save_session({"topic": "再学习"}, {world.leader.id: ("present", ""),
                                           world.clerk.id: ("late", "")}, session)
    assert live_attendance(session) == {world.leader.id: ("present", ""),
                                        world.clerk.id: ("late", "")}
    back = r.Attendance.get_by_id(row.id)  # the same row, not a second one
    assert back.deleted_at is None
    assert r.Attendance.select().where(r.Attendance.session == session.id).count() == 2
    assert r.Session.get_by_id(session.id).topic == "再学习"


def test_a_bad_mark_writes_neither_session_nor_attendance(world):
    before = row_counts()
    with pytest.raises(ValidationError):
        world.session(attendance={world.leader.id: ("present", ""), world.clerk.id: ("asleep", "")})
    assert row_counts() == before


def test_set_attendance_changes_one_mark(world):
    session = world.session(attendance={world.leader.id: ("present", "")})
    row = r.Attendance.get(r.Attendance.session == session.id)
    store.set_attendance(row, "leave", "公出")
    assert live_attendance(session) == {world.leader.id: ("leave", "公出")}
    store.set_attendance(r.Attendance.get_by_id(row.id), "present", "公出")
    assert live_attendance(session) == {world.leader.id: ("present", "")}


# --- visits -------------------------------------------------------------------

def visitors_of(visit):
    return {row.person_id for row in r.VisitVisitor.select().where(r.VisitVisitor.visit == visit.id)}


def test_a_visit_needs_a_visitor(world):
    household = world.household("张三")
    before = row_counts()
    with pytest.raises(ValidationError) as caught:
        store.save_visit({"campaign": world.campaign.id, "household": household.id,
                          "date": dt.date(2026, 3, 5), "method": "home"}, [])
    assert [e.field for e in caught.value.errors] == ["visitors"]
    assert row_counts() == before


def test_save_visit_replaces_the_visitors(world):
    household = world.household("张三")
    visit = world.visit(household)
    assert visitors_of(visit) == {world.clerk.id}
    third = world.person("彭干部")
    store.save_visit({"requests": "修路"}, [world.leader, third.id], visit)
    assert visitors_of(visit) == {world.leader.id, third.id}
    assert r.Visit.get_by_id(visit.id).requests == "修路"
    store.save_visit({}, [third.id.hex], visit)
    assert visitors_of(visit) == {third.id}


def test_an_invalid_visit_keeps_its_visitors(world):
    visit = world.visit(world.household("张三"))
    with pytest.raises(ValidationError):
        store.save_visit({"method": "by_pigeon"}, [world.leader.id], visit)
    assert visitors_of(visit) == {world.clerk.id}


# --- suggestions and rectifications ------------------------------------------

def test_merged_suggestions_take_the_item_and_its_category(world):
    category = store.save(r.Category, {"unit": world.unit.id, "kind": "suggestion", "name": "基础设施"})
    item = store.save(r.SuggestionItem, {"campaign": world.campaign.id, "category": category.id,
                                         "title": "修缮村道"})
    first, second = world.suggestion("修路"), world.suggestion("路灯")
    other = world.suggestion("别的")
    store.merge_suggestions([first, second], item)
    for suggestion in (first, second):
        stored = r.Suggestion.get_by_id(suggestion.id)
        assert (stored.item_id, stored.category_id) == (item.id, category.id)
    stored = r.Suggestion.get_by_id(other.id)
    assert (stored.item_id, stored.category_id) == (None, None)


def test_a_rectification_from_a_visit_saves(world):
    visit = world.visit(world.household("张三"), requests="村道破损，出行不便")
    values = store.rectification_from(visit)
    rectification = store.save(r.Rectification, values)
    stored = r.Rectification.get_by_id(rectification.id)
    assert stored.visit_id == visit.id and stored.suggestion_id is None
    assert stored.source == "visit"
    assert stored.problem == "村道破损，出行不便"
    assert stored.campaign_id == world.campaign.id
    assert stored.status == "not_started"


def test_a_rectification_from_a_suggestion_saves(world):
    suggestion = world.suggestion("建议规范会议纪律", department="党政办")
    rectification = store.save(r.Rectification, store.rectification_from(suggestion))
    stored = r.Rectification.get_by_id(rectification.id)
    assert stored.suggestion_id == suggestion.id and stored.visit_id is None
    assert stored.source == "suggestion"
    assert (stored.problem, stored.department) == ("建议规范会议纪律", "党政办")


# --- the recycle bin -----------------------------------------------------------

def in_bin(record):
    return any(entry.id == record.id and entry.model is type(record) for entry in store.recycle_bin())


def test_delete_moves_the_record_to_the_recycle_bin(world):
    household = world.household("张三")
    assert not in_bin(household)
    store.delete(household)
    stored = r.Household.get_by_id(household.id)  # still there, marked
    assert stored.deleted_at is not None
    assert in_bin(household)
    entry = next(e for e in store.recycle_bin() if e.id == household.id)
    assert "张三" in entry.description


def test_the_recycle_bin_shows_the_newest_first(world, clock):
    first, second = world.household("张三"), world.household("李四")
    store.delete(first)
    store.delete(second)
    ids = [entry.id for entry in store.recycle_bin()]
    assert ids.index(second.id) < ids.index(first.id)


def test_a_person_still_used_cannot_be_deleted(world):
    world.visit(world.household("张三"))  # made by the clerk
    with pytest.raises(StillUsedError, match="向干部"):
        store.delete(world.clerk)
    assert r.Person.get_by_id(world.clerk.id).deleted_at is None
    assert not in_bin(world.clerk)


def test_a_person_is_used_by_a_writing_and_by_attendance(world):
    store.save(r.Writing, {"campaign": world.campaign.id, "person": world.clerk.id, "kind": "notes",
                           "title": "笔记", "date": dt.date(2026, 3, 3)})
    world.session()  # the leader attends
    for person in (world.clerk, world.leader):
        with pytest.raises(StillUsedError):
            store.delete(person)


def test_attendance_of_a_deleted_session_does_not_keep_a_person(world):
    third = world.person("彭干部")
    session = world.session(attendance={third.id: ("present", "")})
    with pytest.raises(StillUsedError):
        store.delete(third)
    store.delete(session)
    store.delete(third)
    assert r.Person.get_by_id(third.id).deleted_at is not None


def test_a_deleted_visit_does_not_keep_its_household(world):
    household = world.household("张三")
    visit = world.visit(household)
    with pytest.raises(StillUsedError):
        store.delete(household)
    store.delete(visit)
    store.delete(household)


def test_restore_brings_the_record_back(world):
    household = world.household("张三")
    store.delete(household)
    store.restore(r.Household.get_by_id(household.id))
    assert r.Household.get_by_id(household.id).deleted_at is None
    assert not in_bin(household)


def test_restore_waits_for_what_the_record_belongs_to(world):
    household = world.household("张三")
    visit = world.visit(household)
    store.delete(visit)
    store.delete(household)
    with pytest.raises(StillUsedError, match="张三"):
        store.restore(r.Visit.get_by_id(visit.id))
    assert r.Visit.get_by_id(visit.id).deleted_at is not None
    store.restore(r.Household.get_by_id(household.id))
    store.restore(r.Visit.get_by_id(visit.id))
    assert r.Visit.get_by_id(visit.id).deleted_at is None


def test_restoring_a_session_waits_for_the_persons_it_expects(world):
    third = world.person("彭干部")
    session = world.session(attendance={world.leader.id: ("present", ""), third.id: ("present", "")})
    store.delete(session)
    store.delete(third)
    with pytest.raises(StillUsedError, match="彭干部"):
        store.restore(r.Session.get_by_id(session.id))
    store.restore(r.Person.get_by_id(third.id))
    store.restore(r.Session.get_by_id(session.id))
    assert r.Session.get_by_id(session.id).deleted_at is None


def test_restoring_a_visit_waits_for_its_visitors(world):
    third = world.person("彭干部")
    visit = store.save_visit({"campaign": world.campaign.id, "household": world.household("张三").id,
                              "date": dt.date(2026, 3, 5), "method": "home"}, [third.id])
    store.delete(visit)
    store.delete(third)
    with pytest.raises(StillUsedError, match="彭干部"):
        store.restore(r.Visit.get_by_id(visit.id))


def test_restore_refuses_a_household_that_is_now_a_duplicate(world):
    number = id_number()
    household = world.household("张三", id_number=number)
    store.delete(household)
    world.household("张三丰", id_number=number)
    with pytest.raises(ValidationError):
        store.restore(r.Household.get_by_id(household.id))
    assert r.Household.get_by_id(household.id).deleted_at is not None


def test_saving_unchanged_values_writes_nothing_and_keeps_the_time(empty_db):
    world = World()
    household = world.household("张三")
    stamp = r.Household.get_by_id(household.id).updated_at
    same = {"head_name": "张三", "village": household.village_id, "group": household.group_id}
    store.save(r.Household, same, r.Household.get_by_id(household.id))
    assert r.Household.get_by_id(household.id).updated_at == stamp
    store.save(r.Household, {"head_name": "张三丰"}, r.Household.get_by_id(household.id))
    assert r.Household.get_by_id(household.id).updated_at > stamp


def test_changing_only_the_visitors_changes_the_visit(empty_db):
    world = World()
    visit = world.visit(world.household("张三"))
    stamp = r.Visit.get_by_id(visit.id).updated_at
    store.save_visit({}, [world.clerk.id], r.Visit.get_by_id(visit.id))
    assert r.Visit.get_by_id(visit.id).updated_at == stamp  # the same visitors: nothing changed
    store.save_visit({}, [world.clerk.id, world.leader.id], r.Visit.get_by_id(visit.id))
    assert r.Visit.get_by_id(visit.id).updated_at > stamp
