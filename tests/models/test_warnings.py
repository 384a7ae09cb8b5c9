"""Warnings at entry: facts that contradict each other, which the user may still save."""

from __future__ import annotations

import datetime as dt

import pytest

from models import records as r
from models import store
from models import warnings as w
from tests.models.factories import World


@pytest.fixture
def world(empty_db) -> World:
    world = World()
    store.save(r.Campaign, {"end_date": dt.date(2026, 6, 30)}, world.campaign)
    return world


def fields(found) -> list[str]:
    return [item.field for item in found]


def test_a_date_outside_the_campaign(world):
    for model, name in ((r.Session, "date"), (r.Visit, "date"), (r.Rectification, "recorded_on"),
                        (r.Suggestion, "date"), (r.Publicity, "date"), (r.Writing, "date")):
        assert fields(w.check(model, {"campaign": world.campaign.id, name: dt.date(2035, 1, 1)})) == [name]
        assert w.check(model, {"campaign": world.campaign.id, name: dt.date(2026, 3, 1)}) == []
        assert fields(w.check(model, {"campaign": world.campaign.id, name: dt.date(2026, 2, 8)})) == [name]


def test_a_host_or_recorder_marked_absent_or_on_leave(world):
    values = {"campaign": world.campaign.id, "date": dt.date(2026, 3, 2), "kind": "staff_study",
              "host": world.leader.id, "recorder": world.clerk.id}
    marks = {world.leader.id: ("leave", "公出"), world.clerk.id: ("absent", "")}
    assert fields(w.check(r.Session, values, attendance=marks)) == ["host", "recorder"]
    marks = {world.leader.id: ("present", ""), world.clerk.id: ("late", "")}
    assert w.check(r.Session, values, attendance=marks) == []


def test_a_tour_of_fewer_people_than_were_present(world):
    people = [world.person(f"干部{n}") for n in range(5)]
    marks = {p.id: ("present", "") for p in people}
    values = {"campaign": world.campaign.id, "date": dt.date(2026, 4, 13), "kind": "study_tour",
              "head_count": 3}
    assert fields(w.check(r.Session, values, attendance=marks)) == ["head_count"]
    assert w.check(r.Session, {**values, "head_count": 5}, attendance=marks) == []
    assert w.check(r.Session, {**values, "kind": "staff_study"}, attendance=marks) == []


def test_a_suggestion_answered_without_a_reply(world):
    values = {"campaign": world.campaign.id, "date": dt.date(2026, 3, 9), "status": "adopted", "reply": " "}
    assert fields(w.check(r.Suggestion, values)) == ["reply"]
    assert w.check(r.Suggestion, {**values, "reply": "已采纳"}) == []
    assert w.check(r.Suggestion, {**values, "status": "handling"}) == []


def test_a_visit_that_claims_a_rectification_it_did_not_raise(world):
    household = world.household("张三")
    visit = world.visit(household, help_given="已纳入问题清单，限期整改。")
    assert fields(w.of_record(visit)) == ["help_given"]
    world.rectification(visit=visit.id, source="visit")
    assert w.of_record(visit) == []
    assert w.check(r.Visit, {"help_given": "已当场解答政策。"}) == []
