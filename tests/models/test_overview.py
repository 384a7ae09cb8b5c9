"""The overview's series and to-do list agree with loops over the records."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from models import figures, overview, store
from models import records as r
from models.demo.campaign import TODAY
from tests.models.factories import World, live

TODAY_HERE = dt.date(2026, 5, 20)


@pytest.fixture
def township(township_db):
    campaign = store.current_campaign()
    return campaign, overview.compute(figures.Scope(campaign=campaign.id, today=TODAY))


def test_sessions_per_month_by_loops(township):
    campaign, result = township
    expected: dict[str, Counter] = {}
    for session in live(r.Session):
        if session.campaign_id == campaign.id:
            expected.setdefault(session.date.isoformat()[:7], Counter())[session.kind] += 1
    assert dict(result.sessions_per_month) == expected
    assert [month for month, _c in result.sessions_per_month] == sorted(expected)


def test_suggestions_by_category_and_status_by_loops(township):
    campaign, result = township
    names = {c.id: c.name for c in live(r.Category)}
    expected: dict[str, Counter] = {}
    for s in live(r.Suggestion):
        if s.campaign_id == campaign.id:
            expected.setdefault(names.get(s.category_id, ""), Counter())[s.status] += 1
    assert dict(result.suggestions_by_category) == expected


def test_rectifications_found_and_closed_are_cumulative(township):
    campaign, result = township
    rows = [x for x in live(r.Rectification) if x.campaign_id == campaign.id]
    for month, found, closed in result.rectifications_per_month:
        assert found == sum(1 for x in rows if x.recorded_on.isoformat()[:7] <= month)
        assert closed == sum(1 for x in rows if x.status == "done" and x.completed_on
                             and x.completed_on.isoformat()[:7] <= month)
    assert result.rectifications_per_month[-1][1] == len(rows)


@pytest.fixture
def world(empty_db):
    return World()


def test_the_to_do_list_holds_exactly_the_overdue_and_nearly_due_rectifications(world):
    def problem(text, deadline, status="in_progress", **values):
        return world.rectification(problem=text, deadline=deadline, status=status, **values)

    late = problem("已超期", TODAY_HERE - dt.timedelta(days=3))
    near = problem("五天后到期", TODAY_HERE + dt.timedelta(days=5), status="not_started")
    problem("一个月后到期", TODAY_HERE + dt.timedelta(days=30))
    problem("已完成", TODAY_HERE - dt.timedelta(days=10), status="done", completed_on=dt.date(2026, 5, 1))
    problem("长期坚持", TODAY_HERE - dt.timedelta(days=10), status="ongoing")
    problem("无时限", None)
    items = [t for t in overview.todo(figures.Scope(campaign=world.campaign.id, today=TODAY_HERE))
             if t.kind == "rectification"]
    assert [t.record for t in items] == [(r.Rectification, late.id), (r.Rectification, near.id)]
    assert [t.overdue for t in items] == [True, False]
    assert "3" in items[0].text and "5" in items[1].text


def test_the_to_do_list_holds_unanswered_suggestions_incomplete_sessions_and_absences(world):
    old = world.suggestion("很久没有答复", date=TODAY_HERE - dt.timedelta(days=20))
    world.suggestion("刚收到", date=TODAY_HERE - dt.timedelta(days=2))
    world.suggestion("已答复", date=TODAY_HERE - dt.timedelta(days=40), status="answered")
    blank = world.session(date=dt.date(2026, 3, 2), content="")
    unmarked = world.session(date=dt.date(2026, 3, 9), content="学习了文件",
                             attendance={world.leader.id: (None, "")})
    for day in (16, 23, 30):
        world.session(date=dt.date(2026, 3, day), content="学习",
                      attendance={world.clerk.id: ("absent", ""), world.leader.id: ("present", "")})
    items = overview.todo(figures.Scope(campaign=world.campaign.id, today=TODAY_HERE))
    assert [t.record for t in items if t.kind == "suggestion"] == [(r.Suggestion, old.id)]
    assert [t.record for t in items if t.kind == "session"] == [(r.Session, blank.id),
                                                                (r.Session, unmarked.id)]
    assert [t.record for t in items if t.kind == "person"] == [(r.Person, world.clerk.id)]
    store.set_setting("todo_absences", "3")
    items = overview.todo(figures.Scope(campaign=world.campaign.id, today=TODAY_HERE))
    assert [t for t in items if t.kind == "person"] == []


def test_villages_with_households_not_visited_are_listed_with_the_condition_that_finds_them(world):
    first, _second = world.household("张三"), world.household("李四")
    world.visit(first)
    scope = figures.Scope(campaign=world.campaign.id)
    (line,) = [t for t in overview.todo(scope) if t.kind == "village"]
    assert line.village == world.village.id and "1" in line.text and "2" in line.text
    unvisited = r.Household.select().where(r.Household.deleted_at.is_null(),
                                           overview.unvisited_condition(scope))
    assert [h.head_name for h in unvisited] == ["李四"]


def test_the_campaign_phase_and_days_left(world):
    store.save(r.Campaign, {"end_date": dt.date(2026, 6, 30)}, world.campaign)
    phase = store.save(r.Phase, {"campaign": world.campaign.id, "name": "学习提升",
                                 "start_date": dt.date(2026, 3, 1), "end_date": dt.date(2026, 5, 31)})
    result = overview.compute(figures.Scope(campaign=world.campaign.id, today=TODAY_HERE))
    assert result.phase == phase.name
    assert result.days_left == (world.campaign.end_date - TODAY_HERE).days
    assert result.figures.rectifications == 0
