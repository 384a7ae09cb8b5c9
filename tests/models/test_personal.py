import pytest

from models.personal import (
    id_check_char,
    id_number_error,
    mask_id_number,
    mask_phone,
    normalize_id_number,
    phone_error,
)

VALID = "11010519491231002X"  # the example of GB 11643-1999


def test_a_valid_number_passes_even_with_spaces_and_lower_x():
    assert id_number_error(VALID) is None
    assert id_number_error(" 110105 19491231 002x ") is None
    assert normalize_id_number("11010519491231002x") == VALID


def test_the_check_character_is_computed_by_the_standard_weights():
    assert id_check_char(VALID[:17]) == "X"
    assert id_check_char("43310119800101001") == "8"


@pytest.mark.parametrize("number", [
    "110105194912310021",  # check character wrong
    "11010519491231002",  # 17 characters
    "110105194902300028",  # 30 February
    "1101051949123100XX",  # letters inside
    "110105491231002",  # an old 15-digit number
])
def test_wrong_numbers_are_refused_with_a_reason(number):
    assert id_number_error(number)


def test_masking_keeps_the_first_six_and_last_four():
    assert mask_id_number(VALID) == "110105********002X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0743-8221000") == "074*****1000"


@pytest.mark.parametrize("phone", ["13812345678", "0743-8221000", "07438221000", "010-12345678"])
def test_mobile_and_landline_numbers_pass(phone):
    assert phone_error(phone) is None


@pytest.mark.parametrize("phone", ["1381234567", "23812345678", "12812345678", "電話", "8221000"])
def test_other_phone_numbers_are_refused(phone):
    assert phone_error(phone)
