"""The figures agree with counts made here by plain loops over the records."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from models import counting, figures, store, vocab
from models import records as r
from models.counting import KEY_MEETINGS
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
    rows: dict = {}
    for mark in live(r.Attendance):
        rows.setdefault(mark.session_id, []).append(mark.status)
    recorded = {s.id for s in sessions if rows.get(s.id) and None not in rows[s.id]}
    marks = Counter(status for key in recorded for status in rows[key])
    assert f.attendance == marks and None not in f.attendance
    assert f.attendance_recorded == len(recorded) and f.attendance_unrecorded == len(sessions) - len(recorded)
    assert f.expected == f.attended + f.attendance["leave"] + f.attendance["absent"]
    assert f.attended == marks["present"] + marks["late"]
    assert f.attendance_rate == figures.rate(f.attended, f.expected)
    assert [m.kind for m in f.meetings] == [s.kind for s in sorted(sessions, key=lambda s: s.date)
                                            if s.kind in KEY_MEETINGS]


def test_writings_by_loops(township):
    campaign, f = township
    writings = [w for w in live(r.Writing) if w.campaign_id == campaign.id]
    assert f.writings_by_kind == Counter(w.kind for w in writings)
    assert f.notes_characters == sum(w.length or 0 for w in writings if w.kind == "notes")
    assert f.writing_authors == len({w.person_id for w in writings})
    notes = Counter()
    for w in writings:
        if w.kind == "notes":
            notes[w.person_id] += w.length or 0
    assert (f.notes_authors, f.notes_least) == (len(notes), min(notes.values()))
    leaders = [p.id for p in live(r.Person) if p.leader and p.active and p.unit_id == campaign.unit_id]
    reports = Counter(w.person_id for w in writings if w.kind == "research_report")
    assert f.leaders == len(leaders)
    assert f.leader_reports == sum(reports[key] for key in leaders)
    assert f.leader_reports_least == min(reports[key] for key in leaders)


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
    assert f.villages_covered == sum(1 for c in f.coverage if c.households and c.visited == c.households)


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


def test_a_session_without_marks_is_not_counted_as_nobody_present(empty_db):
    world = World()
    world.session(attendance={world.leader.id: ("present", ""), world.clerk.id: ("absent", "")})
    world.session(attendance={world.leader.id: (None, ""), world.clerk.id: ("present", "")})
    world.session(attendance={})
    f = figures.compute(figures.Scope(campaign=world.campaign.id))
    assert (f.sessions, f.attendance_recorded, f.attendance_unrecorded) == (3, 1, 2)
    assert (f.expected, f.attended, f.attendance_rate) == (2, 1, 0.5)


def test_rates_are_their_counts_rounded_half_up():
    assert figures.rate(73, 90) == 0.811 and figures.percent(figures.rate(73, 90)) == "81.1%"
    assert figures.rate(1, 8) == 0.125 and figures.rate(13, 16) == 0.813  # 0.8125 → 81.3%, as Excel shows it
    assert figures.rate(0, 0) is None and figures.percent(None) == ""
    assert figures.percent(1.0) == "100%"


def test_articles_are_counted_by_outlet(empty_db):
    world = World()
    for outlet in ("“文明长坪”公众号", "“文明长坪”公众号", "州日报", "县融媒体中心", "州日报"):
        store.save(r.Publicity, {"campaign": world.campaign.id, "date": dt.date(2026, 3, 1),
                                 "kind": "article", "title": f"稿件{outlet}", "outlet": outlet})
    scope = figures.Scope(campaign=world.campaign.id)
    f = figures.compute(scope)
    assert (f.articles_own, f.articles_higher, f.higher_outlets) == (2, 3, ["州日报", "县融媒体中心"])
    store.set_setting("own_outlets", "县融媒体中心")
    f = figures.compute(scope)
    assert (f.articles_own, f.articles_higher) == (1, 4)


def test_every_figure_is_defined_once_with_its_term_and_unit():
    keys = [d.key for d in figures.DEFINITIONS]
    assert len(keys) == len(set(keys))
    for definition in figures.DEFINITIONS:
        assert definition.term and definition.means, definition.key
        assert definition.unit or definition.of, definition.key
    assert figures.DEFINITION["attendance_rate"].of == ("attended", "expected")


def test_a_household_is_seen_alike_by_the_campaign_and_by_the_village(empty_db):
    """The whole campaign lists its visits' households once, a village probes each household:
    the same households either way (a visit in the bin, or of another campaign, does not count)."""
    world = World()
    seen, binned, elsewhere, _never = (world.household(name) for name in ("甲", "乙", "丙", "丁"))
    world.visit(seen)
    r.Visit.update(deleted_at=dt.datetime(2026, 3, 6)).where(r.Visit.id == world.visit(binned).id).execute()
    other = store.save(r.Campaign, {"unit": world.unit.id, "name": "另一次",
                                    "start_date": dt.date(2025, 2, 9)})
    store.save_visit({"campaign": other.id, "household": elsewhere.id, "date": dt.date(2025, 3, 5),
                      "method": "home"}, [world.clerk.id])
    for scope in (figures.Scope(campaign=world.campaign.id),
                  figures.Scope(campaign=world.campaign.id, village=world.village.id)):
        found = r.Household.select(r.Household.id).where(counting.seen_condition(scope))
        assert {h.id for h in found} == {seen.id}, scope
