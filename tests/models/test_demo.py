"""The demonstration data: the sizes it promises, the same records for the same seed, valid rows."""

import sqlite3

import pytest

from models import db, demo, store, warnings
from models import records as r
from models.demo import campaign as demo_campaign
from models.demo import casework as demo_casework
from models.lists import overdue_condition
from models.personal import id_number_error
from models.store import _current_values
from models.validation import check


def counts():
    return {model._meta.table_name: model.select().where(model.deleted_at.is_null()).count()
            for model in r.RECORD_MODELS}


def test_the_township_is_as_promised(township_db):
    n = counts()
    assert n["unit"] == 1 and n["campaign"] == 1
    assert n["village"] == 24
    assert 10_000 <= n["household"] <= 14_000
    assert 50 <= n["person"] <= 70
    assert 35 <= n["session"] <= 45
    assert 4_500 <= n["visit"] <= 7_500
    assert 30 <= n["suggestion"] <= 45
    assert 15 <= n["rectification"] <= 25
    assert r.VisitVisitor.select().count() >= n["visit"]  # every visit has a visitor


def test_township_suggestions_are_merged_into_fewer_items_in_five_categories(township_db):
    suggestions = r.Suggestion.select()
    assert all(s.item_id is not None for s in suggestions)
    items = r.SuggestionItem.select()
    assert 0 < items.count() < suggestions.count()
    assert {item.category_id for item in items} == {s.category_id for s in suggestions}
    assert len({item.category_id for item in items}) == 5
    assert all(s.category_id == s.item.category_id for s in suggestions)


def test_township_rectifications_cover_every_status_and_some_are_overdue(township_db):
    statuses = {x.status for x in r.Rectification.select()}
    assert statuses == set(r.Rectification.status.vocabulary)
    overdue = r.Rectification.select().where(overdue_condition(demo_campaign.TODAY)).count()
    assert overdue > 0
    open_in_time = r.Rectification.select().where(
        r.Rectification.status.in_(("not_started", "in_progress")),
        r.Rectification.deadline >= demo_campaign.TODAY).count()
    assert open_in_time > 0
    assert r.Rectification.select().where(r.Rectification.visit.is_null(False)).count() > 0
    assert r.Rectification.select().where(r.Rectification.suggestion.is_null(False)).count() > 0


def test_township_sessions_have_attendance_of_every_kind(township_db):
    marks = {a.status for a in r.Attendance.select()}
    assert marks == {None, "present", "late", "leave", "absent"}
    assert all(a.reason for a in r.Attendance.select().where(r.Attendance.status == "leave"))
    assert not r.Attendance.select().where(r.Attendance.status != "leave",
                                           r.Attendance.reason != "").exists()


def test_the_village_is_as_promised(village_db):
    n = counts()
    assert n["unit"] == 1 and n["village"] == 1
    assert r.Unit.get().level == "village"
    assert 150 <= n["household"] <= 350
    assert 5 <= n["person"] <= 15
    assert 0 < n["session"] < 20
    assert 0 < n["visit"] <= n["household"]
    assert 0 < n["suggestion_item"] < n["suggestion"]
    assert n["rectification"] > 0
    assert n["attendance"] > 0


def test_the_current_unit_and_campaign_are_chosen(village_db):
    from models import store

    assert store.get_setting("current_unit") == r.Unit.get().id.hex
    assert store.get_setting("current_campaign") == r.Campaign.get().id.hex


def _content(path) -> tuple[dict[str, list[tuple]], set[str]]:
    """Every table's rows without their identities (keys, references, times); and every key."""
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        content, keys = {}, set()
        for table in tables:
            names = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            # a record's key and times, its version and lineage (models.versions), a setting's value
            identities = ("id", "created_at", "updated_at", "version", "lineage", "value")
            kept = [i for i, name in enumerate(names) if name not in identities and not name.endswith("_id")]
            rows = list(connection.execute(f'SELECT * FROM "{table}"'))
            content[table] = sorted((tuple(row[i] for i in kept) for row in rows), key=repr)
            if "id" in names:  # the records' keys (the search indexes' own rows have numbers)
                keys |= {row[names.index("id")] for row in rows if isinstance(row[names.index("id")], str)}
        return content, keys
    finally:
        connection.close()


def test_the_same_seed_gives_the_same_records_with_new_identities(tmp_path):
    paths = [tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db", tmp_path / "d.db"]
    sizes = ["village", "village", "village", "township"]
    for path, seed, size in zip(paths, [7, 7, 8, 7], sizes, strict=True):
        demo.generate(path, size, seed=seed)
        db.close_database()
    (first, first_keys), (second, second_keys), (other, _), (_, township_keys) = map(_content, paths)
    assert len(first) >= len(r.ALL_MODELS)
    assert first == second  # the content is the seed's …
    assert first != other  # … and the seed matters
    assert first_keys and not first_keys & second_keys  # identities never shared between builds …
    assert not first_keys & township_keys  # … or sizes


def test_every_date_follows_the_day_of_the_build(village_db):
    campaign = store.current_campaign()
    today = demo_campaign.TODAY
    assert campaign.start_date < today < campaign.end_date  # in progress
    assert 100 <= (today - campaign.start_date).days <= 140  # started about four months ago
    for model, name in ((r.Session, "date"), (r.Writing, "date"), (r.Visit, "date"), (r.Suggestion, "date"),
                        (r.Rectification, "recorded_on"), (r.Publicity, "date"), (r.Writing, "checked_on"),
                        (r.Suggestion, "reply_date"), (r.Rectification, "completed_on")):
        field = getattr(model, name)
        days = [getattr(x, name) for x in model.select().where(field.is_null(False))]
        assert days and min(days) >= campaign.start_date and max(days) < today, (model, name)


def test_no_record_of_the_demo_gets_a_warning(township_db):
    for model in (r.Session, r.Writing, r.Visit, r.Suggestion, r.Rectification, r.Publicity):
        warned = [(record.id, found) for record in model.select() if (found := warnings.of_record(record))]
        assert warned == [], model


def test_the_demo_facts_agree(township_db):
    problems = [x.problem for x in r.Rectification.select()]
    titles = [x.title for x in r.Publicity.select()]
    assert len(set(problems)) == len(problems) and len(set(titles)) == len(titles)
    assert not r.Writing.select().where(r.Writing.checked_by == r.Writing.person).exists()
    said = {v.id for v in r.Visit.select().where(r.Visit.help_given.contains("问题清单"))}
    raised = {x.visit_id for x in r.Rectification.select().where(r.Rectification.visit.is_null(False))}
    assert said == raised and said
    replies = {(s.status, s.reply) for s in r.Suggestion.select() if s.reply}
    assert all(("暂不" in reply) == (status == "declined") for status, reply in replies)
    busy: dict = {}
    for mark in r.Attendance.select(r.Attendance, r.Session).join(r.Session):
        session = mark.session
        when = (session.date, session.start_time.hour < 12)
        busy.setdefault((mark.person_id, when), set()).add(session.id)
    assert all(len(sessions) == 1 for sessions in busy.values())  # nobody in two sessions at once
    for tour in r.Session.select().where(r.Session.kind == "study_tour"):
        present = sum(1 for a in tour.attendance if a.status in ("present", "late"))
        assert present <= tour.head_count <= present + 10


# The office's own summary wording is written by the office, not by the demo.
DEMO_MODELS = [m for m in r.RECORD_MODELS if m is not r.SummaryText]


@pytest.mark.parametrize("model", DEMO_MODELS, ids=[m._meta.table_name for m in DEMO_MODELS])
def test_a_sample_of_every_kind_revalidates(township_db, model):
    total = model.select().count()
    assert total > 0
    step = max(1, total // 40)
    sample = list(model.select().order_by(model.id))[::step]
    for record in sample:
        check(model, _current_values(record), record.id)


def test_every_household_id_number_is_valid(township_db):
    numbers = [number for (number,) in r.database.execute_sql("SELECT id_number FROM household")]
    assert len(numbers) == r.Household.select().count()
    assert [n for n in numbers if id_number_error(n) is not None] == []
    assert len(set(numbers)) == len(numbers)


def test_an_existing_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "mine.db"
    path.write_bytes(b"my own notes")
    with pytest.raises(demo.DemoError, match="already exists"):
        demo.generate(path, "village")
    assert path.read_bytes() == b"my own notes"


def test_an_empty_file_may_be_filled(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    assert demo.generate(path, "village")["household"] > 0


def test_an_unknown_size_is_refused(tmp_path):
    with pytest.raises(demo.DemoError, match="city"):
        demo.generate(tmp_path / "x.db", "city")
    assert not (tmp_path / "x.db").exists()


def test_a_failure_removes_the_partial_file(tmp_path, monkeypatch):
    def broken(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo_casework.Casework, "publicity", broken)
    path = tmp_path / "partial.db"
    with pytest.raises(RuntimeError, match="disk full"):
        demo.generate(path, "village")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == []  # home: the data folder
    assert r.database.is_closed()
