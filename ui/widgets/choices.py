"""The records a drop-down offers: persons, villages, groups, campaigns, phases, categories.

Read when a form or a filter is built (short lists: a unit's staff, its
villages); a choice carries the record's key. ``fill_choices`` fills a
drop-down of them, with an optional first "all" entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast
from uuid import UUID

from PySide6.QtWidgets import QComboBox

from models import records as r
from models import settings
from models.vocab import Vocabulary


def person_choices(only_active: bool = True, keep: Any = None) -> list[tuple[str, Any]]:
    """The persons to choose from; ``keep`` (the one a record names) even if no longer in post."""
    query = r.Person.select(r.Person.id, r.Person.name, r.Person.title, r.Person.leader).where(
        r.Person.deleted_at.is_null())
    if only_active:
        query = query.where((r.Person.active == True) | (r.Person.id == keep))  # noqa: E712 (SQL)
    from models import ranks  # with the core's rules: not needed before a form opens

    ranking = ranks.Ranking()
    # rows of (key, name, title, leader), which peewee's stubs type as persons
    rows = sorted(cast("Iterable[tuple[Any, str, str | None, bool]]", query.tuples()),
                  key=lambda row: ranking.key(*row[1:]))
    return [(f"{name}（{title}）" if title else name, key) for key, name, title, _leader in rows]



def village_choices() -> list[tuple[str, Any]]:
    query = r.Village.select(r.Village.id, r.Village.name).where(r.Village.deleted_at.is_null())
    return [(name, key) for key, name in query.order_by(r.Village.position, r.Village.name).tuples()]



def group_choices(village: Any) -> list[tuple[str, Any]]:
    if village is None or isinstance(village, str):
        return []
    query = (r.VillageGroup.select(r.VillageGroup.id, r.VillageGroup.name)
             .where(r.VillageGroup.village == village, r.VillageGroup.deleted_at.is_null())
             .order_by(r.VillageGroup.position, r.VillageGroup.name))
    return [(name, key) for key, name in query.tuples()]



def unit_and_below(unit: r.Unit) -> list[Any]:
    """The unit and the units under it (a county's townships, their villages)."""
    keys, level = [unit.id], [unit.id]
    while level:
        level = [key for (key,) in r.Unit.select(r.Unit.id).where(
            r.Unit.parent.in_(level), r.Unit.deleted_at.is_null()).tuples()]
        keys.extend(level)
    return keys



def campaign_choices() -> list[tuple[str, Any]]:
    """The campaigns of this unit, and those of the units under it named with their unit."""
    query = (r.Campaign.select(r.Campaign.id, r.Campaign.name, r.Campaign.start_date, r.Unit.id,
                               r.Unit.name)
             .join(r.Unit).where(r.Campaign.deleted_at.is_null())
             .order_by(r.Campaign.start_date.desc(), r.Unit.name))
    unit = settings.current_unit()
    if unit is not None:
        query = query.where(r.Campaign.unit.in_(unit_and_below(unit)))
    choices = []
    for key, name, start, unit_id, unit_name in query.tuples():
        label = f"{name}（{start.year}）" if start else name
        choices.append((label if unit is None or unit_id == unit.id else f"{unit_name} · {label}", key))
    return choices



def filter_box() -> QComboBox:
    """A drop-down of a filter bar, as wide as the bar gives it: not measured on all its entries (a
    county's 480 villages took 8 ms of the window's first show)."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(FILTER_CHARACTERS)
    return combo


FILTER_CHARACTERS = 10


def fill_choices(combo: QComboBox, choices: list[tuple[str, Any]], all_text: str | None = None,
                 keep: Any = None) -> None:
    """A drop-down of records (their keys as hex), with an optional first "all" entry; ``keep`` chosen."""
    combo.blockSignals(True)
    combo.clear()
    if all_text is not None:
        combo.addItem(all_text, None)
    for label, key in choices:
        combo.addItem(label, key.hex)
    combo.setCurrentIndex(max(combo.findData(keep), 0))
    combo.blockSignals(False)



def phase_choices(campaign: Any) -> list[tuple[str, Any]]:
    if campaign is None or isinstance(campaign, str):
        return []
    query = (r.Phase.select(r.Phase.id, r.Phase.name)
             .where(r.Phase.campaign == campaign, r.Phase.deleted_at.is_null())
             .order_by(r.Phase.position))
    return [(name, key) for key, name in query.tuples()]



def category_choices(kind: str) -> list[tuple[str, Any]]:
    query = (r.Category.select(r.Category.id, r.Category.name)
             .where(r.Category.kind == kind, r.Category.deleted_at.is_null())
             .order_by(r.Category.position, r.Category.name))
    return [(name, key) for key, name in query.tuples()]



def item_choices(campaign: Any) -> list[tuple[str, Any]]:
    if campaign is None or isinstance(campaign, str):
        return []
    query = (r.SuggestionItem.select(r.SuggestionItem.id, r.SuggestionItem.title)
             .where(r.SuggestionItem.campaign == campaign, r.SuggestionItem.deleted_at.is_null())
             .order_by(r.SuggestionItem.title))
    return [(title, key) for key, title in query.tuples()]


def fill_vocabulary(combo: QComboBox, vocabulary: Vocabulary) -> None:
    for code, label in vocabulary.items():
        combo.addItem(label, code)



def select_data(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))


def chosen_key(combo: QComboBox) -> UUID | None:
    """The key of the record chosen in a drop-down filled by ``fill_choices`` (None for "all")."""
    value = combo.currentData()
    return UUID(hex=value) if value else None
