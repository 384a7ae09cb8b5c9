"""Which rows a package of a unit carries, chosen in SQL: its records and its sub-units' (of some
villages, a date range), and every row they point to, so that each reference resolves on the other side.
A package of some villages holds what belongs to those villages by the one rule of models/scope.py
(their households and visits, the sessions held for them, …), never the unit's own records.

Deleted rows are carried too (deletions travel). The keys chosen of each table
are kept in a temporary table (``pick_<table>``) of this connection, so that the
rows can be read one table at a time, never the whole file at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from uuid import UUID

from peewee import ForeignKeyField

from models import records as r
from models.packages.format import table

Row = dict[str, Any]

_DATED = {r.Session: "date", r.Writing: "date", r.Visit: "date", r.Suggestion: "date",
          r.Rectification: "recorded_on", r.Publicity: "date"}


def sub_units(unit_id: UUID) -> list[UUID]:
    """The unit and every unit below it (its townships, their villages …)."""
    rows = r.database.execute_sql(
        'WITH RECURSIVE below("id") AS (SELECT ? UNION SELECT u."id" FROM "unit" u JOIN below '
        'ON u."parent_id" = below."id") SELECT "id" FROM below', (unit_id.hex,))
    return [UUID(hex=key) for (key,) in rows]


class Scope:
    """The keys of a package's rows, chosen in temporary tables of this connection."""

    def __init__(self, unit_id: UUID, villages: list[UUID] | None = None, date_from: dt.date | None = None,
                 date_to: dt.date | None = None):
        self.unit_id, self.villages = unit_id, villages
        self.date_from, self.date_to = date_from, date_to
        for model in r.RECORD_MODELS:
            name = _pick(model)
            r.database.execute_sql(f'CREATE TEMP TABLE IF NOT EXISTS "{name}" ("id" TEXT PRIMARY KEY) '
                                   'WITHOUT ROWID')
            r.database.execute_sql(f'DELETE FROM temp."{name}"')

    def choose(self) -> Scope:
        self._records()
        self._visitors()
        self._references()
        return self

    # --- what the unit and its sub-units own ----------------------------------------------------

    def _records(self) -> None:
        self._put(r.Unit, 'WITH RECURSIVE below("id") AS (SELECT ? UNION SELECT u."id" FROM "unit" u '
                          'JOIN below ON u."parent_id" = below."id") SELECT "id" FROM below',
                  (self.unit_id.hex,))
        self._owned(r.Campaign, "unit_id", r.Unit)
        for model in (r.Phase, r.SummaryText, r.SuggestionItem):
            self._owned(model, "campaign_id", r.Campaign)
        self._owned(r.Category, "unit_id", r.Unit)
        self._owned(r.Person, "unit_id", r.Unit)
        villages, params = "", []
        if self.villages is not None:
            villages = f' AND "id" IN ({", ".join("?" * len(self.villages))})'
            params = [key.hex for key in self.villages]
        self._owned(r.Village, "unit_id", r.Unit, villages, params)
        self._owned(r.VillageGroup, "village_id", r.Village)
        self._owned(r.Household, "village_id", r.Village)
        self._dated(r.Visit, f' AND "household_id" IN (SELECT "id" FROM temp."{_pick(r.Household)}")')
        if self.villages is None:
            for dated in (r.Session, r.Writing, r.Suggestion, r.Publicity, r.Rectification):
                self._dated(dated)
        else:
            self._of_villages()
        self._owned(r.Attendance, "session_id", r.Session)

    def _of_villages(self) -> None:
        """Of some villages, the records that belong to them by the figures' rule (models/scope.py):
        the sessions held for them, their people's writings, their suggestions, the problems raised
        from their visits or suggestions; no publicity (the unit's)."""
        villages = f'(SELECT "id" FROM temp."{_pick(r.Village)}")'
        self._dated(r.Session, f' AND "village_id" IN {villages}')
        people = f'(SELECT "id" FROM "person" WHERE "village_id" IN {villages})'
        self._dated(r.Writing, f' AND "person_id" IN {people}')
        self._dated(r.Suggestion, f' AND "village_id" IN {villages}')
        households = f'(SELECT "id" FROM temp."{_pick(r.Household)}")'
        visits = f'(SELECT "id" FROM "visit" WHERE "household_id" IN {households})'
        suggestions = f'(SELECT "id" FROM "suggestion" WHERE "village_id" IN {villages})'
        self._dated(r.Rectification, f' AND ("visit_id" IN {visits} OR "suggestion_id" IN {suggestions})')

    def _owned(self, model, column: str, owner, extra: str = "", params: list | None = None) -> None:
        self._put(model, f'SELECT "id" FROM "{table(model)}" WHERE "{column}" IN '
                         f'(SELECT "id" FROM temp."{_pick(owner)}"){extra}', params or [])

    def _dated(self, model, extra: str = "") -> None:
        column, params = _DATED[model], []
        condition = f' AND "campaign_id" IN (SELECT "id" FROM temp."{_pick(r.Campaign)}")'
        if self.date_from is not None:
            condition += f' AND ("{column}" IS NULL OR substr("{column}", 1, 10) >= ?)'
            params.append(self.date_from.isoformat())
        if self.date_to is not None:
            condition += f' AND ("{column}" IS NULL OR substr("{column}", 1, 10) <= ?)'
            params.append(self.date_to.isoformat())
        self._put(model, f'SELECT "id" FROM "{table(model)}" WHERE 1{condition}{extra}', params)

    def _put(self, model, select: str, params) -> None:
        r.database.execute_sql(f'INSERT OR IGNORE INTO temp."{_pick(model)}" ("id") {select}', params)

    # --- what the chosen rows need ----------------------------------------------------------------

    def _visitors(self) -> None:
        """The persons who made the chosen visits (a visitor is of the unit, but never leave one dangling)."""
        self._put(r.Person, f'SELECT "person_id" FROM "visit_visitor" WHERE "visit_id" IN '
                            f'(SELECT "id" FROM temp."{_pick(r.Visit)}")', [])

    def _references(self) -> None:
        """What the chosen rows point to comes along, children first, then the units above them."""
        for model in reversed(r.RECORD_MODELS):
            for fk in _foreign_keys(model):
                target = fk.rel_model
                self._put(target, f'SELECT "{fk.column_name}" FROM "{table(model)}" WHERE "id" IN '
                                  f'(SELECT "id" FROM temp."{_pick(model)}") AND "{fk.column_name}" IN '
                                  f'(SELECT "id" FROM "{table(target)}")', [])
        self._put(r.Unit, f'WITH RECURSIVE above("id") AS (SELECT "id" FROM temp."{_pick(r.Unit)}" UNION '
                          f'SELECT u."parent_id" FROM "unit" u JOIN above ON u."id" = above."id" '
                          f'WHERE u."parent_id" IS NOT NULL) SELECT "id" FROM above', [])

    # --- reading the chosen rows ---------------------------------------------------------------------

    def rows(self, model) -> Iterator[Row]:
        """The chosen rows of ``model`` as stored (column → value), in key order."""
        cursor = r.database.execute_sql(f'SELECT * FROM "{table(model)}" WHERE "id" IN '
                                        f'(SELECT "id" FROM temp."{_pick(model)}") ORDER BY "id"')
        names = [column[0] for column in cursor.description]
        for values in cursor:
            yield dict(zip(names, values, strict=True))

    def links(self) -> Iterator[Row]:
        cursor = r.database.execute_sql(
            f'SELECT "visit_id", "person_id" FROM "visit_visitor" WHERE "visit_id" IN '
            f'(SELECT "id" FROM temp."{_pick(r.Visit)}") ORDER BY 1, 2')
        for visit, person in cursor:
            yield {"visit_id": visit, "person_id": person}

    def bases(self, model) -> Iterator[tuple[str, str, str]]:
        """(record, version, values as JSON) of the chosen records of ``model`` that have a base."""
        yield from r.database.execute_sql(
            f'SELECT "record", "version", "data" FROM "sync_base" WHERE "kind" = ? AND "record" IN '
            f'(SELECT "id" FROM temp."{_pick(model)}") ORDER BY 1', (table(model),))

    def count(self, model) -> int:
        return r.database.execute_sql(f'SELECT count(*) FROM temp."{_pick(model)}"').fetchone()[0]


def _pick(model) -> str:
    return f"pick_{table(model)}"


def _foreign_keys(model) -> list[ForeignKeyField]:
    return [f for f in model._meta.sorted_fields
            if isinstance(f, ForeignKeyField) and f.rel_model is not model]
