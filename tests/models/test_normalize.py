"""What people type, read one way: full-width digits, dates and times as offices write them."""

from __future__ import annotations

import datetime as dt

import pytest

from models import normalize, store
from models import records as r
from models.personal import id_check_char, id_number_error, normalize_phone, phone_error, upgrade_legacy_id
from models.validation import validate
from tests.models.factories import World, id_number

DATES = ["2026-11-28", "2026.11.28", "2026/11/28", "2026年11月28日", "２０２６－１１－２８",
         "2026-11-28 00:00:00", "20261128", " 2026 年 11 月 28 日 ", "２０２６年１１月２８日", "2026—11—28"]


@pytest.mark.parametrize("typed", DATES)
def test_every_spelling_of_a_date(typed):
    assert normalize.parse_date(typed) == dt.date(2026, 11, 28)


@pytest.mark.parametrize("typed, time", [
    ("9:00", dt.time(9)), ("9：00", dt.time(9)), ("09:00:00", dt.time(9)), ("9点", dt.time(9)),
    ("9点半", dt.time(9, 30)), ("9点30", dt.time(9, 30)), ("9点30分", dt.time(9, 30)), ("9时", dt.time(9)),
    ("0930", dt.time(9, 30)), ("９：３０", dt.time(9, 30)), ("下午3点", dt.time(15)),
    ("上午9点半", dt.time(9, 30)),
    ("14.30", dt.time(14, 30)),
])
def test_every_spelling_of_a_time(typed, time):
    assert normalize.parse_time(typed) == time


@pytest.mark.parametrize("typed", ["下周一", "2026-02-30", "25:00", "abc"])
def test_what_is_no_date_or_time_stays_text(typed):
    assert isinstance(normalize.parse_date(typed), str)
    assert isinstance(normalize.parse_time(typed), str)
    assert normalize.parse_date("") is None and normalize.parse_time("  ") is None


def test_numbers_as_typed():
    typed = ("12", "１２", "5人", "3户", "1,200", "")
    assert [normalize.parse_int(t) for t in typed] == [12, 12, 5, 3, 1200, None]
    assert normalize.parse_int("三人") == "三人"


def test_text_is_folded_only_where_it_is_safe():
    assert normalize.one_line("  张\u3000三　ＡＢ１２ ") == "张 三 AB12"
    # Chinese punctuation in prose stays full-width; the paragraph indent stays
    prose = "\u3000\u3000会议指出：一是（２０２６年）。"
    assert normalize.block(prose) == "\u3000\u3000会议指出：一是（2026年）。"


def test_id_numbers_in_full_width_and_legacy_15_digits():
    number = id_number("19800101")
    wide = number.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789X"})
    assert id_number_error(wide) is None
    legacy = number[:6] + number[8:17]
    assert len(legacy) == 15
    upgraded = upgrade_legacy_id(legacy)
    assert upgraded is not None and upgraded[:17] == number[:17]
    assert upgraded[-1] == id_check_char(number[:17])
    assert upgrade_legacy_id("433101801301123") is None  # month 13
    assert "does not exist" in id_number_error("433101801301123")


@pytest.mark.parametrize("typed", ["１３８ ７４５６ ２２１０", "138-7456-2210", "+86 138 7456 2210",
                                   "(138)74562210"])
def test_mobile_numbers_as_typed(typed):
    assert normalize_phone(typed) == "13874562210"
    assert phone_error(typed) is None


def test_the_phone_rule_and_its_message_say_the_same():
    assert phone_error("12874562210") is not None  # 1 then 2: not a mobile
    assert "13–19" in phone_error("12874562210")
    assert phone_error("0743-1234567") is None
    assert normalize_phone("０７４３－１２３４５６７") == "0743-1234567"


def test_a_form_save_stores_what_was_meant(empty_db):
    world = World()
    number = id_number("19700505")
    household = store.save(r.Household, {
        "village": world.village.id, "head_name": "　王　五 ", "id_number": number[:6] + number[8:17],
        "phone": "１３８ ７４５６ ２２１０", "population": "４人", "address": "龙潭村３组"})
    assert (household.head_name, household.id_number, household.phone, household.population,
            household.address) == ("王 五", number, "13874562210", 4, "龙潭村3组")
    session = world.session(date="２０２６年３月２日", start_time="9点半", topic="学习（第２次）")
    assert (session.date, session.start_time, session.topic) == (dt.date(2026, 3, 2), dt.time(9, 30),
                                                                 "学习（第2次）")


def test_a_huge_number_is_refused_with_a_message(empty_db):
    world = World()
    errors = validate(r.Household, {"village": world.village.id, "head_name": "张三", "population": 10**30})
    assert [e.field for e in errors] == ["population"] and "too large" in errors[0].message
