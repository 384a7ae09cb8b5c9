"""The settings of this installation: which unit and campaign are current (``models.settings``).

Called by the names ``models.store`` has always offered them under, which the window still uses.
"""

import datetime as dt

import pytest

from models import records as r
from models import store
from tests.models.factories import World


@pytest.fixture
def world(empty_db):
    return World()


def test_nothing_is_current_in_an_empty_file(empty_db):
    assert store.current_unit() is None
    assert store.current_campaign() is None


def test_the_chosen_unit_and_campaign_are_current(world):
    assert store.current_unit().id == world.unit.id
    assert store.current_campaign().id == world.campaign.id
    newer = store.save(r.Campaign, {"unit": world.unit.id, "name": "作风建设年",
                                    "start_date": dt.date(2027, 2, 9)})
    assert store.current_campaign().id == world.campaign.id  # chosen beats newest
    store.set_current(campaign=newer)
    assert store.current_campaign().id == newer.id
    other = store.save(r.Unit, {"name": "青山县", "level": "county"})
    store.set_current(unit=other)
    assert store.current_unit().id == other.id
    assert store.current_campaign().id == newer.id  # unchanged by choosing a unit


def test_without_a_choice_the_newest_campaign_and_the_first_unit(world):
    newer = store.save(r.Campaign, {"unit": world.unit.id, "name": "作风建设年",
                                    "start_date": dt.date(2027, 2, 9)})
    store.save(r.Unit, {"name": "青山县", "level": "county"})
    r.Setting.delete().execute()
    assert store.current_campaign().id == newer.id
    assert store.current_unit().id == world.unit.id


def test_a_deleted_or_garbled_choice_falls_back(world):
    newer = store.save(r.Campaign, {"unit": world.unit.id, "name": "作风建设年",
                                    "start_date": dt.date(2027, 2, 9)})
    store.set_current(campaign=newer)
    store.delete(newer)
    assert store.current_campaign().id == world.campaign.id
    other = store.save(r.Unit, {"name": "青山县", "level": "county"})
    store.set_current(unit=other)
    store.delete(other)
    assert store.current_unit().id == world.unit.id
    store.set_setting("current_campaign", "not a key")
    store.set_setting("current_unit", "not a key")
    assert store.current_campaign().id == world.campaign.id
    assert store.current_unit().id == world.unit.id
