"""The change history: one row for every create, edit, delete and restore, readable."""

import datetime as dt
import json
import sqlite3

import pytest

from models import db, history, sqlite, store
from models import records as r
from models.validation import ValidationError
from tests.models.factories import World, undo_version_5, undo_version_6, undo_version_8, undo_version_10


@pytest.fixture
def world(empty_db):
    world = World()
    store.set_setting("operator", "张会计")
    return world


def changes_of(record):
    return history.history(record)


def count():
    return r.Change.select().count()


def test_a_create_records_the_filled_fields(world):
    household = world.household("张三", population=4, tags="monitored,subsistence")
    (entry,) = changes_of(household)
    assert (entry.action, entry.operator, entry.kind, entry.record) == (
        "create", "张会计", "household", household.id)
    assert entry.changes["head_name"] == [None, "张三"]
    assert entry.changes["population"] == [None, 4]
    assert entry.changes["group"] == [None, {"id": world.group1.id.hex, "text": "龙潭村1组"}]
    assert "remarks" not in entry.changes  # empty at the start: nothing to say
    lines = entry.lines()
    assert "Head of household：张三" in lines
    assert "Household type：Under monitoring、Subsistence allowance" in lines
    assert "Villagers' group：龙潭村1组" in lines
    assert entry.action_label() == "Created" and entry.kind_label() == "Household"


def test_an_edit_records_old_and_new_of_the_changed_fields_only(world):
    household = world.household("张三", population=4)
    store.save(r.Household, {"head_name": "张三丰", "population": 4, "group": world.group2.id}, household)
    entries = changes_of(household)
    assert [entry.action for entry in entries] == ["edit", "create"]  # newest first
    edit = entries[0]
    assert set(edit.changes) == {"head_name", "group"}
    assert edit.changes["head_name"] == ["张三", "张三丰"]
    assert edit.changes["group"] == [{"id": world.group1.id.hex, "text": "龙潭村1组"},
                                     {"id": world.group2.id.hex, "text": "龙潭村2组"}]
    assert edit.lines() == ["Villagers' group：龙潭村1组 → 龙潭村2组", "Head of household：张三 → 张三丰"]


def test_dates_codes_and_yes_no_are_readable(world):
    suggestion = world.suggestion()
    store.save(r.Suggestion, {"status": "adopted", "reply_date": dt.date(2026, 3, 20)}, suggestion)
    person = world.person("李干部")
    store.save(r.Person, {"party_member": True}, person)
    (edit, _create) = changes_of(suggestion)
    assert edit.changes["reply_date"] == [None, "2026-03-20"]
    assert "Status：To be handled → Adopted" in edit.lines()
    assert "Reply date：(empty) → 2026-03-20" in edit.lines()
    assert changes_of(person)[0].lines() == ["Party member：No → Yes"]
    assert "状态：待办理 → 已采纳" in edit.lines("zh_CN")  # the exported workbook's words


def test_an_edit_that_changes_nothing_records_nothing(world):
    household = world.household("张三", phone="13812345678")
    before = count()
    store.save(r.Household, {"head_name": " 张三 ", "phone": "138 1234 5678",
                             "village": world.village.id}, household)
    store.save(r.Household, {}, household)
    assert count() == before


def test_a_refused_save_records_nothing(world):
    household = world.household("张三")
    before = count()
    with pytest.raises(ValidationError):
        store.save(r.Household, {"head_name": ""}, household)
    with pytest.raises(ValidationError):
        store.save(r.Household, {"village": world.village.id})
    assert count() == before


def test_a_change_that_fails_in_the_database_leaves_no_history(world, monkeypatch):
    household = world.household("张三")
    before = count()

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(history, "write", broken)
    with pytest.raises(sqlite3.OperationalError):
        store.save(r.Household, {"head_name": "李四"}, household)
    assert count() == before
    assert r.Household.get_by_id(household.id).head_name == "张三"  # one transaction: both or neither


def test_delete_and_restore_are_recorded(world):
    publicity = store.save(r.Publicity, {"campaign": world.campaign.id, "date": dt.date(2026, 3, 1),
                                         "kind": "briefing", "title": "简报"})
    store.delete(publicity)
    store.restore(r.Publicity.get_by_id(publicity.id))
    assert [(e.action, e.changes) for e in changes_of(publicity)][:2] == [("restore", {}), ("delete", {})]
    assert changes_of(publicity)[0].action_label() == "Restored"


def test_a_refused_delete_records_nothing(world):
    world.session(attendance={world.clerk.id: ("present", "")})
    before = count()
    with pytest.raises(store.StillUsedError):
        store.delete(world.clerk)
    assert count() == before


def test_the_operator_is_who_was_set_then(world):
    household = world.household("张三")
    store.set_setting("operator", "")
    store.save(r.Household, {"head_name": "李四"}, household)
    store.set_setting("operator", "王主任")
    store.save(r.Household, {"head_name": "王五"}, household)
    assert [e.operator for e in changes_of(household)] == ["王主任", "", "张会计"]


def test_session_attendance_is_one_readable_field_of_the_session(world):
    third = world.person("彭干部")
    session = world.session(attendance={world.leader.id: ("present", ""), world.clerk.id: ("absent", "")})
    (create,) = changes_of(session)
    assert "Attendance：向干部 Absent；田书记 Present" in create.lines()
    before = count()
    store.save_session({"topic": "学习党章"}, {world.leader.id: ("leave", "公出"),
                                              world.clerk.id: ("absent", ""), third.id: (None, "")},
                       session)
    assert count() == before + 1  # the attendance rows add nothing of their own
    edit = changes_of(session)[0]
    assert edit.changes["topic"] == ["学习", "学习党章"]
    assert edit.changes["attendance"] == [
        {world.leader.id.hex: ["田书记", "present", ""]},
        {third.id.hex: ["彭干部", None, ""], world.leader.id.hex: ["田书记", "leave", "公出"]}]
    assert ("Attendance：彭干部 not expected → not marked；田书记 Present → On leave（公出）"
            in edit.lines())
    store.save_session({}, {world.leader.id: ("leave", "公出"), world.clerk.id: ("absent", ""),
                            third.id: (None, "")}, session)
    assert count() == before + 1  # the same marks again: nothing
    store.save_session({}, {world.leader.id: ("leave", "公出")}, session)
    assert changes_of(session)[0].lines() == [
        "Attendance：向干部 Absent → not expected；彭干部 not marked → not expected"]


def test_set_attendance_is_recorded_on_the_session(world):
    session = world.session(attendance={world.leader.id: ("present", "")})
    row = r.Attendance.get(r.Attendance.session == session.id)
    store.set_attendance(row, "late")
    entry = changes_of(session)[0]
    assert (entry.action, entry.kind) == ("edit", "session")
    assert entry.lines() == ["Attendance：田书记 Present → Late"]
    assert r.Change.select().where(r.Change.kind == "attendance").count() == 0


def test_visit_visitors_are_a_readable_field_of_the_visit(world):
    visit = world.visit(world.household("张三"))
    create = changes_of(visit)[0]
    assert create.changes["visitors"] == [[], ["向干部"]]
    assert "Visitors：向干部" in create.lines()
    assert "Household：张三（龙潭村1组）" in create.lines()
    store.save_visit({"requests": "修路"}, [world.leader.id, world.clerk.id], visit)
    edit = changes_of(visit)[0]
    assert edit.lines() == ["Requests：(empty) → 修路", "Visitors：向干部 → 向干部、田书记"]
    before = count()
    store.save_visit({"requests": "修路"}, [world.clerk.id, world.leader.id], visit)
    assert count() == before


def test_merging_suggestions_records_each_one(world):
    item = store.save(r.SuggestionItem, {"campaign": world.campaign.id, "title": "修缮村道"})
    first, second = world.suggestion("修路"), world.suggestion("路灯")
    store.merge_suggestions([first, second], item)
    for suggestion in (first, second):
        edit = changes_of(suggestion)[0]
        assert edit.lines() == ["Merged into：(empty) → 修缮村道"]


def test_a_reference_keeps_the_description_it_had(world):
    household = world.household("张三")
    visit = world.visit(household)
    store.save(r.Household, {"head_name": "张三丰"}, household)
    assert "Household：张三（龙潭村1组）" in changes_of(visit)[-1].lines()


def test_the_campaign_filter_keeps_its_records_only(world):
    other = store.save(r.Campaign, {"unit": world.unit.id, "name": "另一次",
                                    "start_date": dt.date(2025, 1, 1)})
    world.suggestion("本次")
    store.save(r.Suggestion, {"campaign": other.id, "date": dt.date(2025, 3, 9), "source": "staff",
                              "content": "上次"})
    session = world.session()
    kinds = [(e.kind, e.changes.get("content", [None, None])[1]) for e in history.entries(
        campaign=world.campaign.id)]
    assert ("suggestion", "本次") in kinds and ("suggestion", "上次") not in kinds
    records = {(e.kind, e.record) for e in history.entries(campaign=world.campaign.id)}
    assert ("session", session.id) in records and ("campaign", world.campaign.id) in records
    assert ("campaign", other.id) not in records


def test_a_version_2_file_gains_the_history_table(tmp_path):
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    db.open_database(new)
    expected = {row[0]: row[1] for row in r.database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'change'")}
    db.close_database()
    connection = sqlite3.connect(new)
    undo_version_10(connection)
    undo_version_8(connection)
    undo_version_6(connection)
    undo_version_5(connection)
    connection.execute('DROP TABLE "change"')
    connection.execute('ALTER TABLE "person" DROP COLUMN "staff"')  # version 4
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()
    new.rename(old)
    db.open_database(old, backups=tmp_path / "backups")
    assert sqlite.user_version(r.database) == db.schema_version()
    upgraded = {row[0]: row[1] for row in r.database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'change'")}
    assert upgraded == expected  # the upgrade's SQL is the models' own
    unit = store.save(r.Unit, {"name": "长坪镇", "level": "town"})
    assert [e.action for e in history.history(unit)] == ["create"]


def test_stored_changes_are_plain_json(world):
    session = world.session(start_time=dt.time(9, 0))
    row = r.Change.get(r.Change.record == session.id)
    stored = json.loads(row.changes)
    assert stored["date"] == [None, "2026-03-02"] and stored["start_time"] == [None, "09:00:00"]
    assert "Start time：09:00" in changes_of(session)[0].lines()


def test_the_bulk_import_records_a_create_as_a_save_does(world):
    """``created_changes`` (a roster import's thousands of rows) says what ``field_changes`` says."""
    from models.descriptions import describe_key

    household = world.household("张三", phone="13812345678", population=4, tags="subsistence")
    session = world.session(start_time=dt.time(9, 30))
    person = world.person("李四", party_member=True, leader=False)
    for record in (household, session, person):
        model = type(record)
        data = {name: getattr(record, name + "_id", None) if hasattr(field, "rel_model")
                else getattr(record, name) for name, field in model._meta.fields.items()}
        assert history.created_changes(model, data, describe_key) == history.field_changes(
            model, None, record.__data__, describe_key)
