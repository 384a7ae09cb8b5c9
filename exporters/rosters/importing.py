"""Previewing and importing a roster: the rows checked once against the data file, then written in bulk.

The preview reads what it needs from the data file in a few queries for the
whole sheet (villages, groups, the ID numbers and heads already there) and
checks every row in memory. The import does the same checks inside its write
transaction — so what the preview promised still holds — and writes the good
rows and their history with ``executemany``: all of them, or, when some rows
are bad and the import must take all, nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import peewee

from exporters.rosters.files import RosterError
from exporters.rosters.mapping import HOUSEHOLDS, KINDS, MODELS
from exporters.rosters.rows import Known, RowCheck, RowChecker
from exporters.rosters.table import Table
from models import history, settings, sqlite, store
from models import records as r
from models.descriptions import describe_key
from models.i18n import translate
from models.records import new_key, utcnow

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_STEP = 500


@dataclass
class Preview:
    kind: str
    rows: list[RowCheck]
    new_groups: list[str]  # "龙潭村5组": groups the import creates in known villages
    left_out: list[tuple[int, str]]  # rows that are no roster rows (totals, notes), with why

    @property
    def good(self) -> int:
        return sum(check.ok for check in self.rows)

    @property
    def bad(self) -> int:
        return len(self.rows) - self.good

    @property
    def warned(self) -> int:
        return sum(bool(check.ok and check.warnings) for check in self.rows)

    def bad_rows(self) -> list[RowCheck]:
        return [check for check in self.rows if not check.ok]

    def warned_rows(self) -> list[RowCheck]:
        return [check for check in self.rows if check.ok and check.warnings]


@dataclass
class ImportResult:
    imported: int
    skipped: int
    groups_created: list[str]
    bad_rows: list[RowCheck]  # the skipped rows and why
    warned_rows: list[RowCheck]  # imported, with a field left empty or a value converted


class BadRowsError(RosterError):
    """Some rows are wrong and the import was asked to take all or nothing."""

    def __init__(self, preview: Preview):
        self.preview = preview
        super().__init__(translate("Roster", "{n} rows have problems; nothing was imported.").format(
            n=preview.bad))


class ImportCancelled(RosterError):
    def __init__(self) -> None:
        super().__init__(translate("Roster", "The import was cancelled; nothing was imported."))


def preview(table: Table, kind: str, mapping: dict[int, str], village: str | UUID | None = None,
            progress: Progress | None = None, cancelled: Cancelled | None = None) -> Preview:
    """What an import would do with each row; the data file is only read."""
    return _check(table, kind, mapping, village, progress, cancelled)


def import_rows(table: Table, kind: str, mapping: dict[int, str], village: str | UUID | None = None,
                skip_bad: bool = False, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> ImportResult:
    """Write the good rows in one transaction; with bad rows, nothing unless ``skip_bad``.

    ``village``: the village (name or key) of rows that name none.
    """
    with r.database.atomic():
        checked = _check(table, kind, mapping, village, progress, cancelled)
        if checked.bad and not skip_bad:
            raise BadRowsError(checked)
        good = [check for check in checked.rows if check.ok]
        if cancelled is not None and cancelled():
            raise ImportCancelled
        created = _create_groups(good)
        _insert(MODELS[kind], [check.record for check in good])
        if cancelled is not None and cancelled():  # stopped while writing: the transaction is undone
            raise ImportCancelled
    if progress is not None:
        progress(len(checked.rows), len(checked.rows))
    return ImportResult(len(good), checked.bad, created, checked.bad_rows(), checked.warned_rows())


def _check(table, kind, mapping, village, progress, cancelled) -> Preview:
    if kind not in KINDS:
        raise ValueError(f"unknown roster kind {kind!r}")
    if len(set(mapping.values())) != len(mapping):
        raise ValueError("a field is mapped from two columns")
    checker = RowChecker(table, kind, mapping, _known(table, kind, mapping, village))
    checks = []
    total = len(table.rows)
    for done, (number, values) in enumerate(table.rows):
        if done % _STEP == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled
            if progress is not None:
                progress(done, total)
        if any(values[i] is not None and values[i] != "" for i in mapping if i < len(values)):
            checks.append(checker.check(number, values))
    groups = list(dict.fromkeys(_group_label(checker.known, check) for check in checks
                                if check.ok and check.new_group))
    return Preview(kind, checks, groups, table.left_out)


# --- what the rows are checked against ------------------------------------------------------

def _known(table: Table, kind: str, mapping: dict[int, str], village: str | UUID | None) -> Known:
    unit = settings.current_unit()
    if unit is None:
        raise RosterError(translate("Roster", "The data file has no unit yet; set it up first."))
    villages = _villages(unit)
    groups = {(village_id, name): key for key, village_id, name in r.VillageGroup.select(
        r.VillageGroup.id, r.VillageGroup.village, r.VillageGroup.name).where(
        r.VillageGroup.deleted_at.is_null()).tuples()}
    known = Known(unit, villages, groups, _default_village(villages, village))
    if kind == HOUSEHOLDS:
        _known_households(known, table, mapping)
    else:
        known.names = {name for (name,) in r.Person.select(r.Person.name).where(
            r.Person.unit == unit.id, r.Person.deleted_at.is_null()).tuples()}
    return known


def _known_households(known: Known, table: Table, mapping: dict[int, str]) -> None:
    """The ID numbers of the sheet that are already there, and the heads of its villages."""
    from models.personal import normalize_id_number, upgrade_legacy_id

    column = next((index for index, name in mapping.items() if name == "id_number"), None)
    if column is not None:
        numbers = {upgrade_legacy_id(text) or normalize_id_number(text) for text in
                   (_id_text(values[column]) for _row, values in table.rows)}
        for chunk in _chunks(sorted(numbers - {""}), 500):
            query = r.Household.select(r.Household.id_number, r.Household.head_name).where(
                r.Household.deleted_at.is_null(), r.Household.id_number.in_(chunk))
            known.numbers.update((number, head) for number, head in query.tuples())
    villages = sorted({key for keys in known.villages.values() for key in keys}, key=str)
    for chunk in _chunks(villages, 500):
        query = r.Household.select(r.Household.head_name, r.Household.village, r.Household.group,
                                   r.Household.id_number).where(
            r.Household.deleted_at.is_null(), r.Household.village.in_(chunk))
        for head, village, group, number in query.tuples():
            known.heads.setdefault((head, village, group), []).append(number or "")


def _id_text(value: Any) -> str:
    """An ID number cell as text; a number only as the digits it holds (a legacy ID Excel kept whole)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return str(int(value))
    return ""


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _villages(unit: r.Unit) -> dict[str, list[UUID]]:
    """Live villages of the unit and of the units under it, by name."""
    units, level = [unit.id], [unit.id]
    while level:
        level = [key for (key,) in r.Unit.select(r.Unit.id).where(
            r.Unit.parent.in_(level), r.Unit.deleted_at.is_null()).tuples()]
        units.extend(level)
    found: dict[str, list[UUID]] = {}
    for key, name in r.Village.select(r.Village.id, r.Village.name).where(
            r.Village.unit.in_(units), r.Village.deleted_at.is_null()).tuples():
        found.setdefault(name, []).append(key)
    return found


def _default_village(villages: dict[str, list[UUID]], village: str | UUID | None) -> UUID | None:
    if isinstance(village, UUID):
        return village
    if village:
        for candidate in (village, village + "村", village + "社区"):
            if len(villages.get(candidate, [])) == 1:
                return villages[candidate][0]
        raise RosterError(translate("Roster", "“{name}” is not a village of this unit (add it in Settings "
                                    "first).").format(name=village))
    keys = {key for keys in villages.values() for key in keys}
    return keys.pop() if len(keys) == 1 else None


def _group_label(known: Known, check: RowCheck) -> str:
    village = check.record["village"]
    name = next((name for name, keys in known.villages.items() if village in keys), "")
    return f"{name}{check.new_group}"


# --- writing ---------------------------------------------------------------------------------

def _create_groups(good: list[RowCheck]) -> list[str]:
    """The groups new to their villages, each made once (through the store, with its history)."""
    made: dict[tuple[UUID, str], UUID] = {}
    labels = []
    for check in good:
        if check.new_group is None:
            continue
        place = (check.record["village"], check.new_group)
        if place not in made:
            position = r.VillageGroup.select().where(r.VillageGroup.village == place[0]).count()
            group = store.save(r.VillageGroup, {"village": place[0], "name": place[1], "position": position})
            made[place] = group.id
            labels.append(describe_key(r.VillageGroup, group.id))
        check.record["group"] = made[place]
    return labels


def _insert(model: type[r.BaseModel], records: list[dict[str, Any]]) -> None:
    """The records and their "created" history rows, each table in one ``executemany``."""
    if not records:
        return
    fields = model._meta.sorted_fields
    defaults = store._defaults(model)
    now = utcnow()
    operator = settings.get_setting("operator")
    described: dict[tuple[Any, UUID], str] = {}

    def describe(target: type[r.BaseModel], key: UUID) -> str:
        if (target, key) not in described:
            described[target, key] = describe_key(target, key)
        return described[target, key]

    rows, changes = [], []
    base = int.from_bytes(os.urandom(10), "big") & ~0xFFFFFF  # keys in the order of the rows
    position = {field.name: index for index, field in enumerate(fields)}
    convert = {field.name: _converter(field) for field in fields}
    template = [None if defaults.get(f.name) is None else convert[f.name](defaults[f.name]) for f in fields]
    kept = (position["id"], position["created_at"], position["updated_at"])
    encode = json.JSONEncoder(ensure_ascii=False).encode  # as json.dumps(…, ensure_ascii=False), made once
    second, start = f"{now:%Y-%m-%d %H:%M:%S}", now.microsecond  # rows a microsecond apart, in order
    table = model._meta.table_name
    first = new_key(now, base).int  # new_key(now, base | number) is first | number: the row's low bits
    shown_defaults = {name: value for name, value in defaults.items() if value not in (None, "", False)}
    for number, values in enumerate(records):
        at = (f"{second}.{start + number:06d}" if start + number < 1_000_000
              else str(now + dt.timedelta(microseconds=number)))
        key = f"{first | number:032x}"
        row = template.copy()
        for name, value in values.items():
            if value is not None:
                row[position[name]] = convert[name](value)
        row[kept[0]], row[kept[1]], row[kept[2]] = key, at, at
        rows.append(row)
        entry = history.created_changes(model, {**shown_defaults, **values} if shown_defaults else values,
                                        describe)
        change = f"{first | number | 1 << 23:032x}"  # another key of the same kind
        changes.append((change, at, operator, table, key, "create", encode(entry)))
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    marks = ", ".join("?" for _ in fields)
    with sqlite.bulk_writes(r.database):  # the search indexes take the rows once, at the end
        cursor = r.database.cursor()
        cursor.executemany(f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})', rows)
        cursor.executemany(history.INSERT, changes)


def _converter(field: peewee.Field) -> Callable[[Any], Any]:
    """How a value of ``field`` is stored in SQLite, as peewee stores it (keys as hex, times as text)."""
    if isinstance(field, peewee.ForeignKeyField | peewee.UUIDField):
        return lambda value: value.hex if isinstance(value, UUID) else field.db_value(value)
    if isinstance(field, peewee.DateTimeField):
        return str
    if isinstance(field, peewee.DateField | peewee.TimeField):
        return lambda value: value.isoformat()
    if isinstance(field, peewee.BooleanField):
        return lambda value: 1 if value else 0
    return lambda value: value
