"""The rows a package would write pass the checks of a form save, and stay within the units allowed.

Each row is read as the form would hold it (a date as a date, a key as a key)
and checked by ``models.validation`` — required fields, ID numbers, phones,
choices, dates, lengths, the order of dates — and its references must resolve,
to a record in the package or in this file (the recycle bin counts: a deleted
record travels with what pointed to it). Every problem is a line naming the
member, the row and the field; one problem refuses the whole package.

A package comes from one unit: the one it names, and its sub-units. It may be
imported into that unit's own file, into the file of a unit above it, or into a
new file; rows of units above the package's own come along only so that
references resolve, and never change what this file holds of them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

import peewee

from models import records as r
from models import settings, validation
from models.i18n import translate
from models.packages.format import Package, bad, member_name, table
from models.versions import VISITORS

Row = dict[str, Any]
_BATCH = 500


def python_values(model: type[r.BaseModel], row: Row) -> tuple[dict[str, Any], list[str]]:
    """The row's values by field name as a form holds them; the columns that cannot be read."""
    values, unreadable = {}, []
    for column, raw in row.items():
        field = model._meta.columns.get(column)
        if field is None:
            continue
        if raw is not None and not _stored_type(field, raw):
            unreadable.append(field.name)
            continue
        try:
            value = field.python_value(raw)
            if isinstance(field, peewee.ForeignKeyField | peewee.UUIDField) and value is not None \
                    and not isinstance(value, uuid.UUID):
                value = uuid.UUID(str(value))
        except (ValueError, TypeError, OverflowError, AttributeError):
            unreadable.append(field.name)
            continue
        values[field.name] = value
    return values, unreadable


def _stored_type(field: peewee.Field, raw: Any) -> bool:
    """Whether ``raw`` has the type this column is stored as (a number, true/false or text)."""
    if isinstance(field, peewee.BooleanField):
        return isinstance(raw, bool) or raw in (0, 1)
    if isinstance(field, peewee.IntegerField):
        return isinstance(raw, int) and not isinstance(raw, bool)
    if isinstance(field, peewee.FloatField):
        return isinstance(raw, int | float) and not isinstance(raw, bool)
    return isinstance(raw, str)


def stored(model: type[r.BaseModel], values: dict[str, Any]) -> Row:
    """Values by field name as the file stores them, by column (what peewee itself would write)."""
    row: Row = {}
    for name, value in values.items():
        field = model._meta.fields[name]
        if value is None:
            row[field.column_name] = None
        elif isinstance(field, peewee.ForeignKeyField | peewee.UUIDField):
            row[field.column_name] = value.hex if isinstance(value, uuid.UUID) else str(value)
        elif isinstance(field, peewee.BooleanField):
            row[field.column_name] = int(bool(value))
        elif isinstance(field, peewee.DateTimeField | peewee.DateField | peewee.TimeField):
            row[field.column_name] = str(value)
        else:
            row[field.column_name] = value
    return row


def row_problems(model: type[r.BaseModel], row: Row) -> list[str]:
    """What a form save would refuse in ``row`` (references left to ``missing_references``)."""
    values, unreadable = python_values(model, row)
    problems = [translate("Packages", "{field}: cannot be read.").format(
        field=validation.field_label(model, name)) for name in unreadable]
    for name in ("created_at", "updated_at"):
        if name not in unreadable and values.get(name) is not None and not hasattr(values[name], "year"):
            problems.append(translate("Packages", "{field}: is not a time.").format(field=name))
    own = {name: value for name, value in values.items()
           if name not in ("id", "created_at", "updated_at", "deleted_at", "version", "lineage")}
    errors = validation.validate(model, own, values.get("id"), references=False)
    problems.extend(error.message for error in errors)
    return problems


def missing_references(model: type[r.BaseModel], rows: list[tuple[int, Row]],
                       in_package: dict[str, set[str]]) -> list[tuple[int, str]]:
    """(row number, problem) of references that lead nowhere: not in the package, not in this file."""
    found = []
    for fk in [f for f in model._meta.sorted_fields if isinstance(f, peewee.ForeignKeyField)]:
        target = table(fk.rel_model)
        wanted = {row[fk.column_name] for _, row in rows if isinstance(row.get(fk.column_name), str)}
        known = in_package.get(target, set()) | existing(fk.rel_model, wanted - in_package.get(target, set()))
        for number, row in rows:
            key = row.get(fk.column_name)
            if key is not None and key not in known:
                found.append((number, _nowhere(validation.field_label(model, fk.name))))
    return found


def existing(model: type[r.BaseModel], keys: Iterable[str]) -> set[str]:
    """Which of ``keys`` are rows of ``model`` in this file (deleted ones too)."""
    keys, found = list(keys), set()
    for start in range(0, len(keys), _BATCH):
        part = keys[start:start + _BATCH]
        found |= {key for (key,) in r.database.execute_sql(
            f'SELECT "id" FROM "{table(model)}" WHERE "id" IN ({", ".join("?" * len(part))})', part)}
    return found


def visitor_problems(visits: list[tuple[int, Row]], in_package: dict[str, set[str]]) -> list[tuple[int, str]]:
    """A visit is made by at least one person, each a person of the package or of this file."""
    persons = {person for _, row in visits for person in row.get(VISITORS) or []}
    known = in_package.get("person", set()) | existing(r.Person, persons - in_package.get("person", set()))
    found = []
    for number, row in visits:
        visitors = row.get(VISITORS) or []
        if not visitors and row.get("deleted_at") is None:
            found.append((number, translate("Validation", "{field} is required.").format(
                field=translate("Field", "Visitors"))))
        elif any(person not in known for person in visitors):
            found.append((number, _nowhere(translate("Field", "Visitors"))))
    return found


def _nowhere(field: str) -> str:
    return translate("Validation", "{field}: the chosen record does not exist.").format(field=field)


def line(name: str, number: int, problem: str) -> str:
    return translate("Packages", "{member} row {row}: {problem}").format(
        member=member_name(name), row=number, problem=problem)


# --- units ----------------------------------------------------------------------------------------

class Units:
    """The package's unit, the units below it and above it, as the package and this file know them."""

    def __init__(self, package: Package):
        self.package = package
        self.own = package.manifest.unit_id
        parents = dict(r.database.execute_sql('SELECT "id", "parent_id" FROM "unit"').fetchall())
        parents.update({row["id"]: row.get("parent_id") for row in package.rows.get("unit", [])})
        self.parents = parents
        self.below = self._below(self.own)
        self.above = self._above(self.own)

    def _below(self, key: str) -> set[str]:
        children: dict[str, set[str]] = {}
        for child, parent in self.parents.items():
            children.setdefault(parent, set()).add(child)
        found, todo = {key}, [key]
        while todo:
            for child in children.get(todo.pop(), ()):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found

    def _above(self, key: str) -> list[str]:
        chain, current = [], self.parents.get(key)
        while current is not None and current not in chain and current != key:
            chain.append(current)
            current = self.parents.get(current)
        return chain

    def check_destination(self) -> None:
        """Refused unless this file's unit is the package's, or above it, or the file has no unit yet."""
        here = settings.current_unit()
        if here is None or here.id.hex == self.own or here.id.hex in self.above:
            return
        if self.package.manifest.unit_name == here.name:  # two units set up apart under one name
            raise bad(self.package.path, translate(
                "Packages", "it holds the records of a unit named {unit} that was set up in another data "
                "file on its own: it is not this file's {here}, though the two have the same name. Packages "
                "go between copies of one data file, and between a unit and its sub-units. Nothing was "
                "imported.").format(unit=self.package.manifest.unit_name, here=here.name))
        raise bad(self.package.path, translate(
            "Packages", "it holds the records of {unit}, which is neither {here} nor one of its sub-units. "
            "Nothing was imported.").format(unit=self.package.manifest.unit_name, here=here.name))

    def reference_only(self, name: str, row: Row) -> bool:
        """A row of a unit above the package's: there only so that references resolve."""
        if name == "unit":
            return row["id"] in self.above
        return row.get("unit_id") in self.above

    def outside(self, name: str, row: Row) -> bool:
        """A row of a unit that is neither the package's, below it nor above it: it has no place here."""
        allowed = self.below | set(self.above)
        if name == "unit":
            return row["id"] not in allowed
        return "unit_id" in row and row["unit_id"] is not None and row["unit_id"] not in allowed
