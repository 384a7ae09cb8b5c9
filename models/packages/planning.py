"""Planning an import: what a package would add, update, keep or leave to the user; nothing is written.

Records are matched by UUID (rows with a unique natural key, such as a
person's attendance at a session, by that key too). A newer edit wins; an
edit made on both sides since the last exchange with the package's source is a
``Conflict`` for the user to decide. Households and persons that look like
ones already here under another key are listed as ``Duplicate`` for merging.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from models import records as r
from models.packages.exchange import last_exchange, last_package
from models.packages.format import Package, raw_rows, stamp, table, time_of

Row = dict[str, Any]

# An edit this soon after a record was made is part of making it, not a change.
_CREATION_SLACK = dt.timedelta(seconds=2)
# Rows also known by a unique natural key: the same row made on two laptops has two UUIDs.
_NATURAL_KEYS = {r.Attendance: ("session_id", "person_id"), r.SummaryText: ("campaign_id", "section")}


@dataclass
class Conflict:
    model: type[r.BaseModel]
    id: UUID
    local: dict[str, Any]
    incoming: dict[str, Any]

    @property
    def fields(self) -> list[str]:
        """Columns that differ, bookkeeping left out."""
        return [name for name in self.incoming if name not in ("created_at", "updated_at")
                and self.local.get(name) != self.incoming.get(name)]


@dataclass
class Duplicate:
    model: type[r.BaseModel]
    local: UUID
    incoming: UUID
    reason: str  # "id_number" | "head" | "name"
    text: str


@dataclass
class ImportPlan:
    package: Package
    add: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    update: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    keep: int = 0
    identical: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    deleted: int = 0  # rows that arrive in the recycle bin (added or updated so)
    links: list[dict[str, Any]] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(len(rows) for rows in self.add.values())

    @property
    def updated(self) -> int:
        return sum(len(rows) for rows in self.update.values())

    @property
    def changes_nothing(self) -> bool:
        return not self.added and not self.updated and not self.conflicts


def plan_import(package: Package) -> ImportPlan:
    """What importing ``package`` would do to the open database; nothing is written."""
    plan = ImportPlan(package)
    # Only this side's own record of the exchange: the source's record of when it last took a package
    # from here says nothing about which of its edits this side has already seen. Local edits count
    # from the moment of the last import; the source's from the moment its last package was written.
    source = package.manifest.installation_id
    since = last_exchange(source), last_package(source)
    taken_visits: set[str] = set()
    for model in r.RECORD_MODELS:
        incoming = package.rows.get(table(model), [])
        if incoming:
            taken = _plan_table(plan, model, incoming, *since)
            if model is r.Visit:
                taken_visits |= taken
    plan.links = [link for link in package.links if link["visit_id"] in taken_visits]
    plan.duplicates = _duplicates(plan)
    return plan


def _plan_table(plan: ImportPlan, model: type[r.BaseModel], incoming: list[Row],
                since_local: dt.datetime | None, since_incoming: dt.datetime | None) -> set[str]:
    """Each incoming row of one table into the plan; the keys of the rows taken (added or updated)."""
    name = table(model)
    matches = _Matches(model)
    taken = set()
    for row in incoming:
        row, mine = matches.find({**row})
        if mine is None:
            plan.add.setdefault(name, []).append(row)
            plan.deleted += row.get("deleted_at") is not None
            taken.add(row["id"])
            continue
        mine = {column: mine.get(column) for column in row}
        decision = _decide(row, mine, since_local, since_incoming)
        if decision == "identical":
            plan.identical += 1
        elif decision == "conflict":
            plan.conflicts.append(Conflict(model, UUID(row["id"]), mine, row))
        elif decision == "update":
            plan.update.setdefault(name, []).append(row)
            plan.deleted += row.get("deleted_at") is not None and mine.get("deleted_at") is None
            taken.add(row["id"])
        else:
            plan.keep += 1
    return taken


class _Matches:
    """The local rows of one table, by key and by natural key."""

    def __init__(self, model: type[r.BaseModel]):
        self.local = {row["id"]: row for row in raw_rows(model)}
        self.natural = _NATURAL_KEYS.get(model)
        self.by_natural = ({tuple(row[c] for c in self.natural): row for row in self.local.values()}
                           if self.natural else {})

    def find(self, row: Row) -> tuple[Row, Row | None]:
        """``row`` (under the local key if it matched by its natural key) and the local row, if any."""
        mine = self.local.get(row["id"])
        if mine is None and self.natural:
            mine = self.by_natural.get(tuple(row.get(c) for c in self.natural))
            if mine is not None:
                row["id"] = mine["id"]
        return row, mine


def _decide(row: Row, mine: Row, since_local: dt.datetime | None, since_incoming: dt.datetime | None) -> str:
    """identical | conflict | update | keep: what becomes of a row both sides have."""
    if all(_same_value(mine[name], row[name]) for name in row if name != "created_at"):
        return "identical"
    theirs_changed, mine_changed = _changed(row, since_incoming), _changed(mine, since_local)
    if theirs_changed and mine_changed:
        return "conflict"
    newer = stamp(row["updated_at"]) > stamp(mine["updated_at"])
    return "update" if theirs_changed or (not mine_changed and newer) else "keep"


def _changed(row: Row, since: dt.datetime | None) -> bool:
    """Edited since ``since`` (the last exchange), an edit right at creation not counting."""
    updated, created = stamp(row["updated_at"]), time_of(row["created_at"])
    base = created + _CREATION_SLACK if created else None
    if since is not None and (base is None or since > base):
        base = since
    return base is None or updated > base


def _same_value(a: Any, b: Any) -> bool:
    if a == b:
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return str(a) == str(b) if a is not None and b is not None else False


def _duplicates(plan: ImportPlan) -> list[Duplicate]:
    households = [row for row in plan.add.get("household", []) if row.get("deleted_at") is None]
    persons = [row for row in plan.add.get("person", []) if row.get("deleted_at") is None]
    return (_duplicate_households(households) if households else []) + (
        _duplicate_persons(persons) if persons else [])


def _duplicate_households(rows: list[Row]) -> list[Duplicate]:
    """New households with the ID number of a live one, or its head's name in its group."""
    live = list(r.Household.select(r.Household.id, r.Household.village, r.Household.group,
                                   r.Household.head_name, r.Household.id_number)
                .where(r.Household.deleted_at.is_null()).tuples())
    by_number = {number: key for key, _v, _g, _h, number in live if number}
    by_head = {(v.hex if v else None, g.hex if g else None, head): key for key, v, g, head, _n in live}
    found = []
    for row in rows:
        text = row["head_name"]
        if row.get("id_number") and row["id_number"] in by_number:
            found.append(Duplicate(r.Household, by_number[row["id_number"]], UUID(row["id"]),
                                   "id_number", text))
        elif (row["village_id"], row.get("group_id"), row["head_name"]) in by_head:
            found.append(Duplicate(r.Household, by_head[row["village_id"], row.get("group_id"),
                                                        row["head_name"]], UUID(row["id"]), "head", text))
    return found


def _duplicate_persons(rows: list[Row]) -> list[Duplicate]:
    """New persons named as a live person of the same unit."""
    staff = {(unit.hex, name): key for key, unit, name in r.Person.select(
        r.Person.id, r.Person.unit, r.Person.name).where(r.Person.deleted_at.is_null()).tuples()}
    return [Duplicate(r.Person, staff[row["unit_id"], row["name"]], UUID(row["id"]), "name", row["name"])
            for row in rows if (row["unit_id"], row["name"]) in staff]
