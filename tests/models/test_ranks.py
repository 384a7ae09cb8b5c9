"""The order of posts: who is listed first wherever people are listed."""

from __future__ import annotations

import uuid

import pytest

from models import ranks, store
from models import records as r
from tests.models.factories import World


@pytest.fixture
def world_db(empty_db) -> World:
    return World()


def test_the_township_order(world_db):
    world = world_db
    for name, title, leader in (("甲", "干部", False), ("乙", "党委委员、副镇长", True), ("丙", "镇长", True),
                                ("丁", "主任", False), ("戊", "党委书记", True), ("己", "人大主席", True),
                                ("庚", "", False), ("辛", "副镇长", True)):
        world.person(name, title=title, leader=leader)
    people = r.Person.select().where(r.Person.name.in_(list("甲乙丙丁戊己庚辛")))
    assert [p.name for p in ranks.ordered(people)] == ["戊", "丙", "己", "乙", "辛", "丁", "甲", "庚"]


def test_a_village_puts_its_party_secretary_first(world_db):
    store.save(r.Unit, {"level": "village"}, store.current_unit())
    world = world_db
    posts = (("甲", "村委委员"), ("乙", "村委会主任"), ("丙", "村党支部书记"), ("丁", "村民小组长"))
    for name, title in posts:
        world.person(name, title=title)
    people = r.Person.select().where(r.Person.name.in_(list("甲乙丙丁")))
    assert [p.name for p in ranks.ordered(people)] == ["丙", "乙", "甲", "丁"]


def test_the_office_keeps_its_own_order_and_can_go_back(world_db):
    assert ranks.order()[0] == "党委书记"
    ranks.set_order(["镇长", " 党委书记 ", "", "镇长"])
    assert ranks.order() == ["镇长", "党委书记"]
    ranking = ranks.Ranking()
    assert ranking.rank("党委书记") == 1 and ranking.rank("干部") == 2
    ranks.set_order([])
    assert ranks.order() == list(ranks.TOWNSHIP)


def test_keys_are_put_in_order_and_unknown_ones_kept_last(world_db):
    world = world_db
    clerk = world.person("秘书", title="干部")
    chief = world.person("镇长甲", title="镇长", leader=True)
    missing = uuid.uuid4()
    assert ranks.ordered_ids([clerk.id, missing, chief.id]) == [chief.id, clerk.id, missing]
