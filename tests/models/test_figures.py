"""The figures agree with counts made here by plain loops over the records."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from models import figures, store, vocab
from models import records as r
from models.demo.campaign import TODAY
from tests.models.factories import World, live


@pytest.fixture
def township(township_db):
    campaign = store.current_campaign()
    return campaign, figures.compute(figures.Scope(campaign=campaign.id, today=TODAY))


def test_sessions_and_attendance_by_loops(township):
    campaign, f = township
    sessions = [s for s in live(r.Session) if s.campaign_id == campaign.id]
    assert f.sessions_by_kind == Counter(s.kind for s in sessions)
    ids = {s.id for s in sessions}
    marks = Counter(a.status for a in live(r.Attendance) if a.session_id in ids)
    assert f.attendance == marks
    assert f.attended == marks["present"] + marks["late"]
    assert f.attendance_rate == pytest.approx(f.attended / (sum(marks.values()) - marks[None]))
    assert [m.kind for m in f.meetings] == [s.kind for s in sorted(sessions, key=lambda s: s.date)
                                            if s.kind in figures.KEY_MEETINGS]


def test_writings_by_loops(township):
    campaign, f = township
    writings = [w for w in live(r.Writing) if w.campaign_id == campaign.id]
    assert f.writings_by_kind == Counter(w.kind for w in writings)
    assert f.notes_characters == sum(w.length or 0 for w in writings if w.kind == "notes")
    assert f.writing_authors == len({w.person_id for w in writings})


def test_visits_and_coverage_by_loops(township):
    campaign, f = township
    households = {h.id: h for h in live(r.Household)}
    visits = [v for v in live(r.Visit) if v.campaign_id == campaign.id and v.household_id in households]
    assert f.visits == len(visits)
    assert f.visits_by_method == Counter(v.method for v in visits)
    visited = {v.household_id for v in visits}
    assert (f.households, f.households_visited) == (len(households), len(visited))
    by_village = Counter(h.village_id for h in households.values())
    seen = Counter(households[key].village_id for key in visited)
    assert {c.village: (c.households, c.visited) for c in f.coverage} == {
        key: (count, seen[key]) for key, count in by_village.items()}
    assert f.villages == 24


def test_suggestions_by_loops(township):
    campaign, f = township
    suggestions = [s for s in live(r.Suggestion) if s.campaign_id == campaign.id]
    assert f.suggestions == len(suggestions) == 37
    assert f.suggestion_items == len({s.item_id for s in suggestions if s.item_id})
    assert f.suggestion_categories == 5
    assert f.suggestions_by_status == Counter(s.status for s in suggestions)
    assert f.suggestions_answered == sum(s.status in vocab.SUGGESTION_ANSWERED for s in suggestions)
    names = {c.id: c.name for c in live(r.Category)}
    assert {c.name: c.count for c in f.suggestions_by_category} == Counter(
        names.get(s.category_id, "") for s in suggestions)


def test_rectifications_by_loops(township):
    campaign, f = township
    rows = [x for x in live(r.Rectification) if x.campaign_id == campaign.id]
    assert f.rectifications_by_status == Counter(x.status for x in rows)
    assert f.rectifications_overdue == sum(
        1 for x in rows if x.deadline and x.deadline < TODAY and x.status in vocab.RECTIFICATION_OPEN)
    assert f.rectifications_overdue > 0
    assert set(f.rectification_departments) == {x.department for x in rows if x.department}


def test_publicity_by_loops(township):
    campaign, f = township
    assert f.publicity_by_kind == Counter(p.kind for p in live(r.Publicity) if p.campaign_id == campaign.id)


def test_a_date_range_and_a_village_narrow_the_figures(township_db):
    campaign = store.current_campaign()
    march = figures.Scope(campaign=campaign.id, date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 31))
    f = figures.compute(march)
    assert f.sessions == sum(1 for s in live(r.Session) if s.campaign_id == campaign.id
                             and dt.date(2026, 3, 1) <= s.date <= dt.date(2026, 3, 31))
    village = r.Village.select().order_by(r.Village.name).first()
    one = figures.compute(figures.Scope(campaign=campaign.id, village=village.id))
    assert [c.village for c in one.coverage] == [village.id]
    assert one.households == sum(1 for h in live(r.Household) if h.village_id == village.id)
    assert one.visits == sum(1 for v in live(r.Visit) if v.campaign_id == campaign.id
                             and v.household.village_id == village.id)


def test_deleted_records_do_not_count(empty_db):
    world = World()
    first = world.household("张三")
    world.household("李四")
    visit = world.visit(first)
    scope = figures.Scope(campaign=world.campaign.id)
    assert (figures.compute(scope).visits, figures.compute(scope).households_visited) == (1, 1)
    store.delete(visit)
    f = figures.compute(scope)
    assert (f.visits, f.households_visited, f.households, f.coverage_rate) == (0, 0, 2, 0.0)
