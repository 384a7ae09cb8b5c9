"""Which rows a package of a unit carries: its records (of some villages, a date range), and what they need.

Deleted rows are carried too (deletions travel), and so is every row a chosen
row points to, so that each reference resolves on the other side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from uuid import UUID

from peewee import ForeignKeyField

from models import records as r
from models.packages.format import raw_rows, table

Row = dict[str, Any]

_DATED = {r.Session: "date", r.Writing: "date", r.Visit: "date", r.Suggestion: "date",
          r.Rectification: "recorded_on", r.Publicity: "date"}


def scope_rows(unit: r.Unit, villages: list[UUID] | None, date_from: dt.date | None,
               date_to: dt.date | None) -> tuple[dict[str, list[Row]], list[Row]]:
    """Every row of the scope, deleted ones included, plus what they point to; and the visitor links."""
    selection = _Selection(date_from, date_to)
    _choose_records(selection, unit.id.hex, {key.hex for key in villages} if villages is not None else None)
    _choose_references(selection)
    rows = {name: selection.chosen_rows(name) for name in selection.rows}
    links = _visitors(selection)
    rows["person"] = selection.chosen_rows("person")
    return rows, links


class _Selection:
    """The rows of every table as stored, and the keys chosen so far of each."""

    def __init__(self, date_from: dt.date | None, date_to: dt.date | None):
        self.rows = {table(model): raw_rows(model) for model in r.RECORD_MODELS}
        self.by_id = {name: {row["id"]: row for row in rows} for name, rows in self.rows.items()}
        self.chosen: dict[str, set[str]] = {name: set() for name in self.rows}
        self.date_from, self.date_to = date_from, date_to

    def pick(self, model, test: Callable[[Row], bool]) -> set[str]:
        """Choose the rows of ``model`` that pass ``test``; their keys."""
        found = {row["id"] for row in self.rows[table(model)] if test(row)}
        self.chosen[table(model)] |= found
        return found

    def dated(self, model, campaigns: set[str], extra: Callable[[Row], bool] = lambda row: True) -> set[str]:
        """Choose the rows of ``model`` of ``campaigns`` dated within the range (or undated)."""
        column = _DATED[model]
        return self.pick(model, lambda row: row["campaign_id"] in campaigns and extra(row)
                         and _in_range(row[column], self.date_from, self.date_to))

    def chosen_rows(self, name: str) -> list[Row]:
        return [row for row in self.rows[name] if row["id"] in self.chosen[name]]


def _choose_records(selection: _Selection, unit_id: str, village_filter: set[str] | None) -> None:
    """The unit, its campaigns and what belongs to them, its staff, villages and their households."""
    pick, dated = selection.pick, selection.dated
    pick(r.Unit, lambda row: row["id"] == unit_id)
    campaigns = pick(r.Campaign, lambda row: row["unit_id"] == unit_id)
    pick(r.Phase, lambda row: row["campaign_id"] in campaigns)
    pick(r.SummaryText, lambda row: row["campaign_id"] in campaigns)
    pick(r.SuggestionItem, lambda row: row["campaign_id"] in campaigns)
    pick(r.Category, lambda row: row["unit_id"] == unit_id)
    pick(r.Person, lambda row: row["unit_id"] == unit_id)
    villages = pick(r.Village, lambda row: row["unit_id"] == unit_id
                    and (village_filter is None or row["id"] in village_filter))
    pick(r.VillageGroup, lambda row: row["village_id"] in villages)
    households = pick(r.Household, lambda row: row["village_id"] in villages)
    sessions = dated(r.Session, campaigns)
    pick(r.Attendance, lambda row: row["session_id"] in sessions)
    dated(r.Writing, campaigns)
    visits = dated(r.Visit, campaigns, lambda row: row["household_id"] in households)
    dated(r.Suggestion, campaigns)
    dated(r.Publicity, campaigns)
    all_visits = selection.by_id[table(r.Visit)]
    dated(r.Rectification, campaigns, lambda row: row["visit_id"] is None or row["visit_id"] in visits
          or all_visits.get(row["visit_id"], {}).get("household_id") in households)


def _choose_references(selection: _Selection) -> None:
    """What the chosen rows point to comes along, children first, so every reference resolves."""
    chosen, by_id = selection.chosen, selection.by_id
    for model in reversed(r.RECORD_MODELS):
        name = table(model)
        for fk in _foreign_keys(model):
            target = table(fk.rel_model)
            for key in list(chosen[name]):
                ref = by_id[name][key][fk.column_name]
                if ref is not None and ref in by_id[target]:
                    chosen[target].add(ref)
    while True:  # a unit's parent units
        parents = {by_id["unit"][key]["parent_id"] for key in chosen["unit"]} - {None} - chosen["unit"]
        if not parents:
            break
        chosen["unit"] |= parents & by_id["unit"].keys()


def _visitors(selection: _Selection) -> list[Row]:
    """The visitor links of the chosen visits; each visitor's person chosen too."""
    chosen = selection.chosen
    chosen_visits = chosen[table(r.Visit)]
    links = [dict(zip(("visit_id", "person_id"), row, strict=True)) for row in r.database.execute_sql(
        'SELECT "visit_id", "person_id" FROM "visit_visitor" ORDER BY 1, 2') if row[0] in chosen_visits]
    for link in links:  # a visitor is a person of the unit, but never leave one dangling
        if link["person_id"] not in chosen["person"] and link["person_id"] in selection.by_id["person"]:
            chosen["person"].add(link["person_id"])
    return links


def _in_range(value: Any, date_from: dt.date | None, date_to: dt.date | None) -> bool:
    if value is None:
        return True
    day = dt.date.fromisoformat(str(value)[:10])
    return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)


def _foreign_keys(model) -> list[ForeignKeyField]:
    return [f for f in model._meta.sorted_fields
            if isinstance(f, ForeignKeyField) and f.rel_model is not model]
