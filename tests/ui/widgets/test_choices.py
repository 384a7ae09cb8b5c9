"""The drop-downs of the filter bars: as wide as the bar gives them, whatever their entries."""

from __future__ import annotations

from ui.widgets.choices import fill_choices, filter_box


def test_a_filter_box_is_not_measured_on_its_entries(qtbot):
    """A county's 480 villages were each measured at the window's first show, for a width the bar's
    layout then overrides; a long name no longer widens the box either."""
    short, long = filter_box(), filter_box()
    for combo in (short, long):
        qtbot.addWidget(combo)
    fill_choices(short, [("龙潭村", _Key("a"))], "全部村（社区）")
    name = "一个名字" + "很长" * 20 + "的村"
    fill_choices(long, [("龙潭村", _Key("a")), (name, _Key("b"))], "全部村（社区）")
    assert long.sizeHint().width() == short.sizeHint().width()
    assert long.count() == 3 and long.currentIndex() == 0


class _Key:
    def __init__(self, hex_value: str):
        self.hex = hex_value
