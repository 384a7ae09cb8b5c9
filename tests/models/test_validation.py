"""One set of rules for every way a record comes in."""

import datetime as dt

import pytest

from models import records as r
from models import store
from models.validation import ValidationError, validate
from tests.models.factories import World, id_number


@pytest.fixture
def world(empty_db):
    return World()


def fields(errors):
    return {error.field for error in errors}


@pytest.mark.parametrize("model", [m for m in r.RECORD_MODELS if m._meta.required])
def test_every_required_field_is_named_when_missing(world, model):
    errors = validate(model, {})
    assert fields(errors) >= set(model._meta.required)
    assert all(error.message for error in errors)


def test_blank_text_counts_as_missing(world):
    assert "topic" in fields(validate(r.Session, {"topic": "   "}))


def test_a_session_may_not_end_before_it_starts(world):
    errors = validate(r.Session, {"campaign": world.campaign.id, "date": dt.date(2026, 3, 1),
                                  "kind": "seminar", "topic": "讨论",
                                  "start_time": dt.time(15), "end_time": dt.time(14, 30)})
    assert fields(errors) == {"end_time"}


def test_a_deadline_may_not_come_before_the_problem_was_found(world):
    with pytest.raises(ValidationError) as caught:
        world.rectification(deadline=dt.date(2026, 3, 1))
    assert fields(caught.value.errors) == {"deadline"}
    assert "2026-03-01" in str(caught.value)


def test_a_completed_rectification_needs_its_closing_date(world):
    with pytest.raises(ValidationError) as caught:
        world.rectification(status="done")
    assert fields(caught.value.errors) == {"completed_on"}


@pytest.mark.parametrize(("model", "values", "field"), [
    (r.Campaign, {"start_date": dt.date(2026, 6, 1), "end_date": dt.date(2026, 5, 1)}, "end_date"),
    (r.Writing, {"date": dt.date(2026, 6, 1), "checked_on": dt.date(2026, 5, 1)}, "checked_on"),
    (r.Suggestion, {"date": dt.date(2026, 6, 1), "reply_date": dt.date(2026, 5, 1)}, "reply_date"),
])
def test_dates_in_order(world, model, values, field):
    assert field in fields(validate(model, values))


def test_an_id_number_with_a_wrong_check_character_is_refused(world):
    with pytest.raises(ValidationError) as caught:
        world.household("张三", id_number="110105194912310021")
    assert fields(caught.value.errors) == {"id_number"}


def test_a_wrong_phone_is_refused(world):
    assert fields(validate(r.Person, {"unit": world.unit.id, "name": "李四",
                                      "phone": "123"})) == {"phone"}


def test_the_same_id_number_twice_is_a_duplicate_household(world):
    number = id_number()
    world.household("张三", id_number=number)
    with pytest.raises(ValidationError, match="张三"):
        world.household("张三丰", group=world.group2, id_number=number)


def test_the_same_head_in_the_same_group_is_a_duplicate_household(world):
    world.household("张三")
    with pytest.raises(ValidationError) as caught:
        world.household("张三", id_number="")  # nothing tells the two apart
    assert fields(caught.value.errors) == {"head_name"}
    world.household("张三", group=world.group2)  # another group: another family


def test_a_common_name_with_another_id_number_is_another_household(world):
    world.household("张伟")
    world.household("张伟")  # both ID numbers given, and they differ


def test_editing_a_household_is_not_its_own_duplicate(world):
    household = world.household("张三")
    store.save(r.Household, {"phone": "13812345678"}, household)
    assert r.Household.get_by_id(household.id).phone == "13812345678"


def test_a_household_in_the_recycle_bin_does_not_block_a_new_one(world):
    store.delete(world.household("张三"))
    world.household("张三")


def test_a_choice_outside_the_list_is_refused(world):
    assert "kind" in fields(validate(r.Session, {"kind": "party"}))
    assert "tags" in fields(validate(r.Household, {"tags": "poverty_exited,rich"}))


def test_a_reference_to_a_deleted_record_is_refused(world):
    household = world.household("张三")
    store.delete(household)
    with pytest.raises(ValidationError, match="recycle bin"):
        world.visit(household)


def test_numbers_must_not_be_negative(world):
    assert "population" in fields(validate(r.Household, {"population": -1}))


def test_names_of_villages_groups_and_categories_do_not_repeat(empty_db):
    world = World()
    with pytest.raises(ValidationError) as raised:
        store.save(r.Village, {"unit": world.unit.id, "name": "龙潭村"})
    assert raised.value.errors[0].field == "name"
    with pytest.raises(ValidationError):
        store.save(r.VillageGroup, {"village": world.village.id, "name": "1组"})
    store.save(r.Category, {"unit": world.unit.id, "kind": "suggestion", "name": "作风建设"})
    store.save(r.Category, {"unit": world.unit.id, "kind": "problem", "name": "作风建设"})  # other kind
    with pytest.raises(ValidationError):
        store.save(r.Category, {"unit": world.unit.id, "kind": "problem", "name": "作风建设"})
    store.delete(world.group2)
    store.save(r.VillageGroup, {"village": world.village.id, "name": "2组"})  # the old one is in the bin
