"""The time and number fields, as a person types into them."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ui.driving import type_text
from ui.widgets.fields import IntInput, TimeInput


@pytest.mark.parametrize("typed, time", [("9:00", dt.time(9)), ("9点", dt.time(9)), ("9点半", dt.time(9, 30)),
                                         ("９：３０", dt.time(9, 30)), ("下午2点", dt.time(14))])
def test_a_time_is_read_as_people_write_it(qtbot, typed, time):
    field = TimeInput()
    qtbot.addWidget(field)
    type_text(qtbot, field, typed)
    assert field.value() == time


def test_a_number_in_full_width_digits(qtbot):
    field = IntInput()
    qtbot.addWidget(field)
    type_text(qtbot, field, "１２人")
    assert field.value() == 12
