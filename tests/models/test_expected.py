"""Who is expected at a session: by its kind, by preset, as last time; in the order of posts."""

from __future__ import annotations

import datetime as dt

import pytest

from models import expected
from models import records as r
from tests.models.factories import World


@pytest.fixture
def world(empty_db) -> World:
    world = World()
    r.Person.update(title="党委书记").where(r.Person.id == world.leader.id).execute()
    r.Person.update(title="干部").where(r.Person.id == world.clerk.id).execute()
    return world


def names(keys) -> list[str]:
    found = {p.id: p.name for p in r.Person.select()}
    return [found[key] for key in keys]


def test_presets_and_the_party_member_who_is_not_staff(world):
    world.person("刘镇长", title="镇长", leader=True, party_member=True)
    world.person("王委员", title="组织委员", party_member=True)
    world.person("李村民", party_member=True, staff=False)  # a villager in the branch
    world.person("赵团书记", title="团委书记")
    world.person("钱退休", title="副镇长", party_member=True, active=False)
    assert names(expected.preset(expected.LEADERS)) == ["田书记", "刘镇长"]
    assert names(expected.preset(expected.COMMITTEE)) == ["田书记", "王委员"]
    assert names(expected.preset(expected.PARTY)) == ["刘镇长", "王委员", "李村民"]
    assert names(expected.preset(expected.STAFF)) == ["田书记", "刘镇长", "王委员", "向干部", "赵团书记"]
    assert expected.for_kind("party_meeting") == expected.preset(expected.PARTY)
    assert expected.for_kind("leader_study") == expected.preset(expected.LEADERS)
    assert expected.for_kind("staff_study") == expected.preset(expected.STAFF)


@pytest.mark.parametrize("title, member", [("村党支部书记", True), ("党委委员、副镇长", True),
                                           ("村委委员", False), ("团支部书记", False), ("支委", True),
                                           ("文书", False), ("", False)])
def test_the_posts_of_a_party_committee(title, member):
    assert expected.in_committee(title) is member


def test_the_same_people_as_the_last_session_of_its_kind(world):
    zhang = world.person("张干事", title="干事")
    assert expected.like_last("seminar") is None
    world.session(kind="seminar", date=dt.date(2026, 3, 1), attendance={world.clerk.id: ("present", "")})
    last = world.session(kind="seminar", date=dt.date(2026, 3, 8), attendance={
        zhang.id: ("absent", ""), world.leader.id: ("present", "")})
    world.session(kind="staff_study", date=dt.date(2026, 3, 9), attendance={world.clerk.id: (None, "")})
    assert names(expected.like_last("seminar")) == ["田书记", "张干事"]
    assert names(expected.like_last("seminar", session=last)) == ["向干部"]
    assert names(expected.like_last("seminar", before=dt.date(2026, 3, 5))) == ["向干部"]
