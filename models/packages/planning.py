"""Planning an import: what a package would add, change, keep or leave to the user; nothing is written.

Records are matched by key (rows with a unique natural key, such as a person's
attendance at a session, by that key too) and compared by their versions
(``merging.decide``). The rows the import would write are checked as a form
save checks them (``checks``); the package must come from this unit or one of
its sub-units. The plan lists what goes to the recycle bin and whether the
change is large enough to be confirmed first; households and persons that look
like ones already here under another key are listed as ``Duplicate`` for merging.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from models import records as r
from models.i18n import translate
from models.packages import checks
from models.packages.format import Package, bad, table
from models.packages.merging import (
    ADOPT,
    CONFLICT,
    IDENTICAL,
    KEEP,
    MERGE,
    TAKE,
    Outcome,
    decide,
    new_version,
)
from models.versions import VISITORS

Row = dict[str, Any]
_BATCH = 500
# Rows also known by a unique natural key: the same row made on two laptops has two keys.
NATURAL_KEYS = {r.Attendance: ("session_id", "person_id"), r.SummaryText: ("campaign_id", "section")}
# A change of more existing records than this is confirmed before it is written.
LARGE_CHANGE = 100


@dataclass
class Conflict:
    """A record changed on both sides in a way no rule can merge: the user decides."""

    model: type[r.BaseModel]
    id: UUID
    local: Row
    incoming: Row
    outcome: Outcome

    @property
    def fields(self) -> list[str]:
        """The columns in conflict."""
        return list(self.outcome.fields)


@dataclass
class Duplicate:
    model: type[r.BaseModel]
    local: UUID
    incoming: UUID
    reason: str  # "id_number" | "head" | "name"
    text: str


@dataclass
class Write:
    """A row the import writes: added, taken over, merged, or only its version (adopted)."""

    action: str  # "add" | TAKE | MERGE | ADOPT
    row: Row  # the row as it will be stored (a visit's visitors under VISITORS)
    before: Row | None
    number: int  # its row in the package's member, for messages
    base: tuple[str, Row] | None = None  # for a merge: the base it keeps (the package's version)


@dataclass
class ImportPlan:
    package: Package
    writes: dict[str, list[Write]] = field(default_factory=dict)
    keep: int = 0
    identical: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    deletions: list[tuple[type[r.BaseModel], UUID]] = field(default_factory=list)
    rekeys: list[tuple[type[r.BaseModel], str, str]] = field(default_factory=list)
    first_unit: bool = False  # the file had no unit: the package's becomes its own

    def _count(self, *actions: str) -> int:
        return sum(1 for writes in self.writes.values() for w in writes if w.action in actions)

    @property
    def added(self) -> int:
        return self._count("add")

    @property
    def updated(self) -> int:
        return self._count(TAKE, MERGE)

    @property
    def deleted(self) -> int:
        return len(self.deletions)

    @property
    def changes_nothing(self) -> bool:
        return not self.added and not self.updated and not self.conflicts

    @property
    def needs_confirmation(self) -> bool:
        """Deletions and large changes are shown and confirmed before they are written."""
        return bool(self.deletions) or self.updated > LARGE_CHANGE

    def rows(self, name: str, *actions: str) -> list[Row]:
        return [w.row for w in self.writes.get(name, []) if w.action in actions]


def plan_import(package: Package) -> ImportPlan:
    """What importing ``package`` would do to the open database; nothing is written.

    ``PackageError`` when the package comes from another unit or a row it would
    write fails the checks of a form save (a line for each).
    """
    units = checks.Units(package)
    units.check_destination()
    plan = ImportPlan(package, first_unit=_has_no_unit())
    visitors = _incoming_visitors(package)
    for model in r.RECORD_MODELS:
        incoming = package.rows.get(table(model), [])
        if incoming:
            _plan_table(plan, model, incoming, units, visitors)
    _check(plan, units)
    plan.duplicates = _duplicates(plan)
    return plan


def _has_no_unit() -> bool:
    return not r.Unit.select().where(r.Unit.deleted_at.is_null()).exists()


def _incoming_visitors(package: Package) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for link in package.links:
        found.setdefault(link["visit_id"], []).append(link["person_id"])
    return {visit: sorted(set(persons)) for visit, persons in found.items()}


def _plan_table(plan: ImportPlan, model: type[r.BaseModel], incoming: list[Row], units: checks.Units,
                visitors: dict[str, list[str]]) -> None:
    name = table(model)
    same = _same_versions(name, incoming)
    plan.identical += len(same)
    incoming = [row for row in incoming if row["id"] not in same]
    local = _local_rows(model, [row["id"] for row in incoming])
    natural = _natural_matches(model, [row for row in incoming if row["id"] not in local])
    bases = _local_bases(name, list(local) + [row["id"] for row in natural.values()])
    for number, row in enumerate(incoming, start=1):
        row = dict(row)
        if model is r.Visit:
            row[VISITORS] = visitors.get(row["id"], [])
        mine, related = local.get(row["id"]), True
        if mine is not None and row == mine:  # the same row, version and all: most rows of most packages
            plan.identical += 1
            continue
        if mine is None and row["id"] in natural:
            mine, related = natural[row["id"]], False
            _rekey(plan, model, row, mine)
        if units.reference_only(name, row) and mine is not None:
            plan.keep += 1
            continue
        if mine is None:
            _write(plan, model, Write("add", row, None, number))
            continue
        base = bases.get(mine["id"])
        incoming_base = plan.package.bases.get((name, row["id"]))
        _place(plan, model, Write("", row, mine, number), decide(row, mine, base, incoming_base, related))


def _place(plan: ImportPlan, model, write: Write, outcome: Outcome) -> None:
    row, mine = write.row, write.before or {}
    if outcome.action == IDENTICAL:
        plan.identical += 1
    elif outcome.action == KEEP:
        plan.keep += 1
    elif outcome.action == CONFLICT:
        plan.conflicts.append(Conflict(model, UUID(hex=mine["id"]), mine, row, outcome))
    elif outcome.action in (TAKE, ADOPT):
        write.action = outcome.action
        _write(plan, model, write)
    else:  # MERGE: the merged values, a version of their own, the package's version kept as the base
        version, lineage = new_version(mine, row)
        merged = {**mine, **outcome.values, "version": version, "lineage": lineage,
                  "updated_at": str(r.utcnow())}
        write.action, write.row = MERGE, merged
        write.base = (row.get("version") or "0", {k: v for k, v in row.items()
                                                   if k not in ("version", "lineage", "updated_at")})
        _write(plan, model, write)


def _write(plan: ImportPlan, model, write: Write) -> None:
    plan.writes.setdefault(table(model), []).append(write)
    was_live = write.before is not None and write.before.get("deleted_at") is None
    if was_live and write.row.get("deleted_at") is not None and write.action != ADOPT:
        plan.deletions.append((model, UUID(hex=write.row["id"])))


def _rekey(plan: ImportPlan, model, row: Row, mine: Row) -> None:
    """Two keys for one row (made on both laptops): both sides settle on the smaller key."""
    if row["id"] < mine["id"]:
        plan.rekeys.append((model, mine["id"], row["id"]))
        mine["id"] = row["id"]
    else:
        row["id"] = mine["id"]


# --- local rows -----------------------------------------------------------------------------------

_STAMP = ("id", "version", "lineage", "updated_at")


def _same_versions(name: str, incoming: list[Row]) -> set[str]:
    """The keys of rows stored here at the very version the package has: nothing to do for them.

    Every change made here gives a new version, so the same version (and time) is
    the same row; a package claiming one with other values is not believed, and
    changes nothing.
    """
    wanted = {row["id"]: tuple(row.get(c) for c in _STAMP) for row in incoming}
    keys, same = list(wanted), set()
    for start in range(0, len(keys), _BATCH):
        part = keys[start:start + _BATCH]
        for stamp in r.database.execute_sql(
                f'SELECT "id", "version", "lineage", "updated_at" FROM "{name}" WHERE "id" IN '
                f'({", ".join("?" * len(part))})', part):
            if wanted.get(stamp[0]) == stamp:
                same.add(stamp[0])
    return same


def _local_rows(model: type[r.BaseModel], keys: list[str]) -> dict[str, Row]:
    """The rows of ``model`` with these keys, as stored (a visit's visitors included)."""
    found: dict[str, Row] = {}
    name = table(model)
    for start in range(0, len(keys), _BATCH):
        part = keys[start:start + _BATCH]
        cursor = r.database.execute_sql(
            f'SELECT * FROM "{name}" WHERE "id" IN ({", ".join("?" * len(part))})', part)
        columns = [c[0] for c in cursor.description]
        for values in cursor:
            row = dict(zip(columns, values, strict=True))
            found[row["id"]] = row
    if model is r.Visit and found:
        _attach_visitors(found)
    return found


def _attach_visitors(visits: dict[str, Row]) -> None:
    for row in visits.values():
        row[VISITORS] = []
    keys = list(visits)
    for start in range(0, len(keys), _BATCH):
        part = keys[start:start + _BATCH]
        for visit, person in r.database.execute_sql(
                f'SELECT "visit_id", "person_id" FROM "visit_visitor" WHERE "visit_id" IN '
                f'({", ".join("?" * len(part))}) ORDER BY 1, 2', part):
            visits[visit][VISITORS].append(person)


def _natural_matches(model: type[r.BaseModel], rows: list[Row]) -> dict[str, Row]:
    """{incoming key: local row} of rows unknown by key but known by their natural key."""
    columns = NATURAL_KEYS.get(model)
    if not columns or not rows:
        return {}
    owner = columns[0]
    owners = sorted({row[owner] for row in rows if isinstance(row.get(owner), str)})
    local: dict[tuple, Row] = {}
    for start in range(0, len(owners), _BATCH):
        part = owners[start:start + _BATCH]
        cursor = r.database.execute_sql(f'SELECT * FROM "{table(model)}" WHERE "{owner}" IN '
                                        f'({", ".join("?" * len(part))})', part)
        names = [c[0] for c in cursor.description]
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            local[tuple(row[c] for c in columns)] = row
    return {row["id"]: local[key] for row in rows if (key := tuple(row.get(c) for c in columns)) in local}


def _local_bases(name: str, keys: list[str]) -> dict[str, tuple[str, Row]]:
    import json

    found = {}
    for start in range(0, len(keys), _BATCH):
        part = keys[start:start + _BATCH]
        for key, version, data in r.database.execute_sql(
                f'SELECT "record", "version", "data" FROM "sync_base" WHERE "kind" = ? AND "record" IN '
                f'({", ".join("?" * len(part))})', [name, *part]):
            found[key] = (version, json.loads(data))
    return found


# --- the checks of a form save ---------------------------------------------------------------------

def _check(plan: ImportPlan, units: checks.Units) -> None:
    """Every row to be written passes the form's checks and stays within the units; else refused."""
    problems: list[str] = []
    in_package = {name: {row["id"] for row in rows} for name, rows in plan.package.rows.items()}
    for name, rows in plan.package.rows.items():
        for number, row in enumerate(rows, start=1):
            if units.outside(name, row):
                problems.append(checks.line(name, number, translate(
                    "Packages", "it belongs to a unit outside {unit}.").format(
                    unit=plan.package.manifest.unit_name)))
    for model in r.RECORD_MODELS:
        name = table(model)
        written = [(w.number, w.row) for w in plan.writes.get(name, []) if w.action != ADOPT]
        for number, row in written:
            problems.extend(checks.line(name, number, problem) for problem in checks.row_problems(model, row))
        problems.extend(checks.line(name, number, problem)
                        for number, problem in checks.missing_references(model, written, in_package))
        if model is r.Visit:
            problems.extend(checks.line(name, number, problem)
                            for number, problem in checks.visitor_problems(written, in_package))
    if problems:
        raise bad(plan.package.path, translate("Packages", "some of its rows would not pass the checks of a "
                                               "form; nothing was imported:"), problems)


# --- duplicates ------------------------------------------------------------------------------------

def _duplicates(plan: ImportPlan) -> list[Duplicate]:
    households = [row for row in plan.rows("household", "add") if row.get("deleted_at") is None]
    persons = [row for row in plan.rows("person", "add") if row.get("deleted_at") is None]
    return _duplicate_households(households) + _duplicate_persons(persons)


def _duplicate_households(rows: list[Row]) -> list[Duplicate]:
    """New households with the ID number of a live one, or its head's name in its group."""
    if not rows:
        return []
    numbers = _lookup(
        'SELECT "id_number", "id" FROM "household" WHERE "deleted_at" IS NULL AND "id_number" IN',
        [row["id_number"] for row in rows if row.get("id_number")])
    heads = {}
    for key, village, group, head in _select(
            'SELECT "id", "village_id", "group_id", "head_name" FROM "household" WHERE "deleted_at" IS NULL '
            'AND "head_name" IN', [row["head_name"] for row in rows]):
        heads[village, group, head] = key
    found = []
    for row in rows:
        new = UUID(hex=row["id"])
        if row.get("id_number") and row["id_number"] in numbers:
            found.append(Duplicate(r.Household, UUID(hex=numbers[row["id_number"]]), new, "id_number",
                                   row["head_name"]))
        elif (key := heads.get((row["village_id"], row.get("group_id"), row["head_name"]))) is not None:
            found.append(Duplicate(r.Household, UUID(hex=key), new, "head", row["head_name"]))
    return found


def _duplicate_persons(rows: list[Row]) -> list[Duplicate]:
    """New persons named as a live person of the same unit."""
    if not rows:
        return []
    staff = {(unit, name): key for key, unit, name in _select(
        'SELECT "id", "unit_id", "name" FROM "person" WHERE "deleted_at" IS NULL AND "name" IN',
        [row["name"] for row in rows])}
    return [Duplicate(r.Person, UUID(hex=staff[row["unit_id"], row["name"]]), UUID(hex=row["id"]), "name",
                      row["name"]) for row in rows if (row["unit_id"], row["name"]) in staff]


def _select(sql: str, values: list[Any]) -> list[tuple]:
    values = sorted(set(values))
    found = []
    for start in range(0, len(values), _BATCH):
        part = values[start:start + _BATCH]
        found.extend(r.database.execute_sql(f'{sql} ({", ".join("?" * len(part))})', part).fetchall())
    return found


def _lookup(sql: str, values: list[Any]) -> dict[Any, Any]:
    return {value: key for value, key in _select(sql, values)}
