"""Data packages: the records of a unit carried from one laptop to another.

A package (``*.tzpkg``) is a zip file holding ``manifest.json`` and one JSON-lines
member per table. Rows travel exactly as stored (keys, times, the recycle-bin
mark), so deletions travel too. Importing matches records by their UUID: new
ones are added, a newer edit wins, an edit made on both sides since the last
exchange with that laptop is a ``Conflict`` for the user to decide; importing the
same package twice changes nothing. Households and persons that look like the
same one under another key are listed as ``Duplicate`` for the user to merge.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

import peewee
from peewee import ForeignKeyField

from models import db, history, store
from models import records as r
from models.i18n import translate

FORMAT_VERSION = 1
SUFFIX = ".tzpkg"
MANIFEST = "manifest.json"
LINKS = "visit_visitor"
INSTALLATION_KEY = "installation_id"
EXCHANGE_KEY = "exchange:{}"
PACKAGE_KEY = "exchange:{}:package"
# An edit this soon after a record was made is part of making it, not a change.
_CREATION_SLACK = dt.timedelta(seconds=2)
# Rows also known by a unique natural key: the same row made on two laptops has two UUIDs.
_NATURAL_KEYS = {r.Attendance: ("session_id", "person_id"), r.SummaryText: ("campaign_id", "section")}
_DATED = {r.Session: "date", r.Writing: "date", r.Visit: "date", r.Suggestion: "date",
          r.Rectification: "recorded_on", r.Publicity: "date"}


class PackageError(Exception):
    """The package cannot be used; the message names the file and says why."""


@dataclass
class Manifest:
    format: int
    schema_version: int
    installation_id: str
    unit_id: str
    unit_name: str
    scope: dict[str, Any]
    created_at: str
    counts: dict[str, int]
    sha256: dict[str, str]

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Package:
    path: Path
    manifest: Manifest
    rows: dict[str, list[dict[str, Any]]]  # table name → rows as stored (column → value)
    links: list[dict[str, Any]]  # visit_visitor rows


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


@dataclass
class ImportResult:
    added: int
    updated: int
    deleted: int
    conflicts: int
    incoming_chosen: int
    duplicates: int


def _table(model) -> str:
    return model._meta.table_name


_MODELS = {_table(model): model for model in r.RECORD_MODELS}


# --- the history of what a package brought --------------------------------------

def _history_of_new(model: type[r.BaseModel], rows: list[dict[str, Any]], operator: str) -> None:
    """One "created" line a new record (without the field list: a package may bring thousands)."""
    at = str(r.utcnow())
    r.database.cursor().executemany(history._INSERT, [
        (r.new_key().hex, at, operator, model._meta.table_name, UUID(row["id"]).hex, "create", "{}")
        for row in rows])


def _history_of_update(model: type[r.BaseModel], before: r.BaseModel, operator: str) -> None:
    after = model.get_by_id(before.id)
    changes = history.field_changes(model, before.__data__, after.__data__, store._describe_key)
    was_live, is_live = before.deleted_at is None, after.deleted_at is None
    action = "delete" if was_live and not is_live else "restore" if is_live and not was_live else "edit"
    history.write(after, action, changes, operator)


# --- this installation ------------------------------------------------------

def installation_id() -> str:
    """This data file's own identity in exchanges, made once per copy of the file.

    A township often hands each village a copy of its file to start from; each
    copy must speak for itself in exchanges, or the last-exchange times of the
    villages would be mixed up. So the id is kept with the place it was made for
    (this computer and this path) and made anew when the file turns up elsewhere.
    A file that was only moved is then a new source once: the other side falls
    back to "the newer edit wins" for that one exchange.
    """
    value, place = store.get_setting(INSTALLATION_KEY), _place()
    if not value or store.get_setting(PLACE_KEY) != place:
        value = uuid.uuid4().hex
        store.set_setting(INSTALLATION_KEY, value)
        store.set_setting(PLACE_KEY, place)
    return value


PLACE_KEY = "installation_place"


def _place() -> str:
    where = str(Path(r.database.database).resolve()) if r.database.database else ""
    return hashlib.sha256(f"{uuid.getnode()}|{where}".encode()).hexdigest()[:32]


def last_exchange(source: str) -> dt.datetime | None:
    """When this data file last took a package from ``source`` (this laptop's clock, UTC)."""
    value = store.get_setting(EXCHANGE_KEY.format(source))
    return _time(value) if value else None


def last_package(source: str) -> dt.datetime | None:
    """When the newest package taken from ``source`` was written (``source``'s clock, UTC).

    ``source``'s edits after that moment were not in it, so they count as new
    even if made before this side took the package.
    """
    value = store.get_setting(PACKAGE_KEY.format(source))
    return _time(value) if value else last_exchange(source)


def _time(value: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _stamp(value: Any) -> dt.datetime:
    """A time every row has (created_at, updated_at)."""
    found = _time(value)
    if found is None:
        raise PackageError(translate("Packages", "a row has no time of its last change."))
    return found


# --- export -----------------------------------------------------------------

def _raw_rows(model) -> list[dict[str, Any]]:
    cursor = r.database.execute_sql(f'SELECT * FROM "{_table(model)}" ORDER BY 1')
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _in_range(value: Any, date_from: dt.date | None, date_to: dt.date | None) -> bool:
    if value is None:
        return True
    day = dt.date.fromisoformat(str(value)[:10])
    return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)


def _scope_rows(unit: r.Unit, villages: list[UUID] | None, date_from, date_to
                ) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    """Every row of the scope, deleted ones included, plus what they point to."""
    all_rows = {_table(model): _raw_rows(model) for model in r.RECORD_MODELS}
    by_id = {table: {row["id"]: row for row in rows} for table, rows in all_rows.items()}
    unit_id = unit.id.hex
    chosen: dict[str, set[str]] = {table: set() for table in all_rows}

    def pick(model, test) -> set[str]:
        found = {row["id"] for row in all_rows[_table(model)] if test(row)}
        chosen[_table(model)] |= found
        return found

    village_filter = {key.hex for key in villages} if villages is not None else None
    pick(r.Unit, lambda row: row["id"] == unit_id)
    campaigns = pick(r.Campaign, lambda row: row["unit_id"] == unit_id)
    pick(r.Phase, lambda row: row["campaign_id"] in campaigns)
    pick(r.SummaryText, lambda row: row["campaign_id"] in campaigns)
    pick(r.SuggestionItem, lambda row: row["campaign_id"] in campaigns)
    pick(r.Category, lambda row: row["unit_id"] == unit_id)
    pick(r.Person, lambda row: row["unit_id"] == unit_id)
    vills = pick(r.Village, lambda row: row["unit_id"] == unit_id
                 and (village_filter is None or row["id"] in village_filter))
    pick(r.VillageGroup, lambda row: row["village_id"] in vills)
    households = pick(r.Household, lambda row: row["village_id"] in vills)

    def dated(model, extra=lambda row: True) -> set[str]:
        column = _DATED[model]
        return pick(model, lambda row: row["campaign_id"] in campaigns and extra(row)
                    and _in_range(row[column], date_from, date_to))

    sessions = dated(r.Session)
    pick(r.Attendance, lambda row: row["session_id"] in sessions)
    dated(r.Writing)
    visits = dated(r.Visit, lambda row: row["household_id"] in households)
    dated(r.Suggestion)
    dated(r.Publicity)
    all_visits = by_id[_table(r.Visit)]
    dated(r.Rectification, lambda row: row["visit_id"] is None or row["visit_id"] in visits
          or all_visits.get(row["visit_id"], {}).get("household_id") in households)
    # What the chosen rows point to comes along, children first, so every reference resolves.
    for model in reversed(r.RECORD_MODELS):
        table = _table(model)
        for fk in _foreign_keys(model):
            target = _table(fk.rel_model)
            for key in list(chosen[table]):
                ref = by_id[table][key][fk.column_name]
                if ref is not None and ref in by_id[target]:
                    chosen[target].add(ref)
    while True:  # a unit's parent units
        parents = {by_id["unit"][key]["parent_id"] for key in chosen["unit"]} - {None} - chosen["unit"]
        if not parents:
            break
        chosen["unit"] |= parents & by_id["unit"].keys()
    rows = {table: [row for row in all_rows[table] if row["id"] in chosen[table]] for table in all_rows}
    chosen_visits = chosen[_table(r.Visit)]
    links = [dict(zip(("visit_id", "person_id"), row, strict=True)) for row in r.database.execute_sql(
        'SELECT "visit_id", "person_id" FROM "visit_visitor" ORDER BY 1, 2') if row[0] in chosen_visits]
    for link in links:  # a visitor is a person of the unit, but never leave one dangling
        if link["person_id"] not in chosen["person"] and link["person_id"] in by_id["person"]:
            chosen["person"].add(link["person_id"])
    rows["person"] = [row for row in all_rows["person"] if row["id"] in chosen["person"]]
    return rows, links


def _foreign_keys(model) -> list[ForeignKeyField]:
    return [f for f in model._meta.sorted_fields
            if isinstance(f, ForeignKeyField) and f.rel_model is not model]


def _jsonl(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows).encode("utf-8")


def export_package(path: str | Path, unit: r.Unit | None = None, villages: list[UUID] | None = None,
                   date_from: dt.date | None = None, date_to: dt.date | None = None) -> Manifest:
    """Write the records of ``unit`` (optionally some villages, a date range) to the package ``path``."""
    path = Path(path)
    unit = unit or store.current_unit()
    if unit is None:
        raise PackageError(translate("Packages", "The data file has no unit to export."))
    source = installation_id()
    rows, links = _scope_rows(unit, villages, date_from, date_to)
    members = {f"{table}.jsonl": _jsonl(table_rows) for table, table_rows in rows.items()}
    members[f"{LINKS}.jsonl"] = _jsonl(links)
    counts = {table: len(table_rows) for table, table_rows in rows.items()}
    counts[LINKS] = len(links)
    names = {}
    if villages is not None:
        names = {v.id.hex: v.name for v in r.Village.select().where(r.Village.id.in_(list(villages)))}
    manifest = Manifest(
        format=FORMAT_VERSION, schema_version=db.schema_version(), installation_id=source,
        unit_id=unit.id.hex, unit_name=unit.name,
        scope={"villages": [{"id": key, "name": name} for key, name in names.items()] if villages is not None
               else None,
               "date_from": date_from.isoformat() if date_from else None,
               "date_to": date_to.isoformat() if date_to else None},
        created_at=r.utcnow().isoformat(sep=" "), counts=counts,
        sha256={name: hashlib.sha256(data).hexdigest() for name, data in members.items()})
    _write_zip(path, manifest, members)
    return manifest


def _write_zip(path: Path, manifest: Manifest, members: dict[str, bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest.to_json(), ensure_ascii=False, indent=1))
            for name, data in members.items():
                archive.writestr(name, data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- reading ----------------------------------------------------------------

def read_package(path: str | Path) -> Package:
    """The package at ``path``, checked whole; ``PackageError`` if it cannot be trusted."""
    path = Path(path)

    def bad(reason: str) -> PackageError:
        return PackageError(translate("Packages", "{path} cannot be imported: {reason}").format(
            path=path, reason=reason))

    if not path.is_file():
        raise bad(translate("Packages", "the file does not exist."))
    if not zipfile.is_zipfile(path):
        raise bad(translate("Packages", "it is not a 台账通 data package."))
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if MANIFEST not in names:
                raise bad(translate("Packages", "it is not a 台账通 data package (no manifest)."))
            try:
                data = json.loads(archive.read(MANIFEST).decode("utf-8"))
                manifest = Manifest(**data)
            except (ValueError, TypeError) as error:
                raise bad(translate("Packages", "its manifest cannot be read ({error}).").format(
                    error=error)) from None
            if manifest.format > FORMAT_VERSION or manifest.schema_version > db.schema_version():
                raise bad(translate("Packages", "it was written by a newer version of 台账通 (data format "
                                    "{version}; this program knows up to {latest}). Please install the "
                                    "newer version.").format(version=manifest.schema_version,
                                                             latest=db.schema_version()))
            contents = {}
            for member, digest in manifest.sha256.items():
                if member not in names:
                    raise bad(translate("Packages", "the part {member} is missing.").format(member=member))
                content = archive.read(member)
                if hashlib.sha256(content).hexdigest() != digest:
                    raise bad(translate("Packages", "the part {member} has been altered or damaged "
                                        "(checksum mismatch).").format(member=member))
                contents[member] = content
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise bad(translate("Packages", "the file is damaged or incomplete ({error}).").format(
            error=error)) from None
    rows: dict[str, list[dict[str, Any]]] = {}
    links: list[dict[str, Any]] = []
    for table, count in manifest.counts.items():
        member = f"{table}.jsonl"
        if member not in contents or (table != LINKS and table not in _MODELS):
            raise bad(translate("Packages", "the part {member} is missing.").format(member=member))
        try:
            parsed = [json.loads(line) for line in contents[member].decode("utf-8").splitlines() if line]
        except ValueError:
            raise bad(translate("Packages", "the part {member} cannot be read.").format(
                member=member)) from None
        if len(parsed) != count:
            raise bad(translate("Packages", "the part {member} is incomplete ({found} of {count} rows).")
                      .format(member=member, found=len(parsed), count=count))
        if table == LINKS:
            links = parsed
        else:
            rows[table] = parsed
    for model in r.RECORD_MODELS:
        known = set(model._meta.columns)
        for row in rows.get(_table(model), []):
            if "id" not in row or not set(row) <= known:
                raise bad(translate("Packages", "the part {member} holds rows this program does not "
                                    "know.").format(member=f"{_table(model)}.jsonl"))
    return Package(path, manifest, rows, links)


# --- planning ---------------------------------------------------------------

def _changed(row: dict[str, Any], since: dt.datetime | None) -> bool:
    """Edited since ``since`` (the last exchange), an edit right at creation not counting."""
    updated, created = _stamp(row["updated_at"]), _time(row["created_at"])
    base = created + _CREATION_SLACK if created else None
    if since is not None and (base is None or since > base):
        base = since
    return base is None or updated > base


def plan_import(package: Package) -> ImportPlan:
    """What importing ``package`` would do to the open database; nothing is written."""
    plan = ImportPlan(package)
    # Only this side's own record of the exchange: the source's record of when it last took a package
    # from here says nothing about which of its edits this side has already seen. Local edits count
    # from the moment of the last import; the source's from the moment its last package was written.
    source = package.manifest.installation_id
    since_local, since_incoming = last_exchange(source), last_package(source)
    taken_visits: set[str] = set()
    for model in r.RECORD_MODELS:
        table = _table(model)
        incoming = package.rows.get(table, [])
        if not incoming:
            continue
        local = {row["id"]: row for row in _raw_rows(model)}
        natural = _NATURAL_KEYS.get(model)
        by_natural = {tuple(row[c] for c in natural): row for row in local.values()} if natural else {}
        for row in incoming:
            row = {**row}
            mine = local.get(row["id"])
            if mine is None and natural:
                mine = by_natural.get(tuple(row.get(c) for c in natural))
                if mine is not None:
                    row["id"] = mine["id"]
            if mine is None:
                plan.add.setdefault(table, []).append(row)
                plan.deleted += row.get("deleted_at") is not None
                if table == "visit":
                    taken_visits.add(row["id"])
                continue
            mine = {name: mine.get(name) for name in row}
            if all(_same_value(mine[name], row[name]) for name in row if name != "created_at"):
                plan.identical += 1
                continue
            theirs_changed, mine_changed = _changed(row, since_incoming), _changed(mine, since_local)
            if theirs_changed and mine_changed:
                plan.conflicts.append(Conflict(model, UUID(row["id"]), mine, row))
                continue
            newer = _stamp(row["updated_at"]) > _stamp(mine["updated_at"])
            if theirs_changed or (not mine_changed and newer):
                plan.update.setdefault(table, []).append(row)
                plan.deleted += row.get("deleted_at") is not None and mine.get("deleted_at") is None
                if table == "visit":
                    taken_visits.add(row["id"])
            else:
                plan.keep += 1
    plan.links = [link for link in package.links if link["visit_id"] in taken_visits]
    plan.duplicates = _duplicates(plan)
    return plan


def _same_value(a: Any, b: Any) -> bool:
    if a == b:
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return str(a) == str(b) if a is not None and b is not None else False


def _duplicates(plan: ImportPlan) -> list[Duplicate]:
    found = []
    households = [row for row in plan.add.get("household", []) if row.get("deleted_at") is None]
    if households:
        live = list(r.Household.select(r.Household.id, r.Household.village, r.Household.group,
                                       r.Household.head_name, r.Household.id_number)
                    .where(r.Household.deleted_at.is_null()).tuples())
        by_number = {number: key for key, _v, _g, _h, number in live if number}
        by_head = {(v.hex if v else None, g.hex if g else None, head): key for key, v, g, head, _n in live}
        for row in households:
            text = row["head_name"]
            if row.get("id_number") and row["id_number"] in by_number:
                found.append(Duplicate(r.Household, by_number[row["id_number"]], UUID(row["id"]),
                                       "id_number", text))
            elif (row["village_id"], row.get("group_id"), row["head_name"]) in by_head:
                found.append(Duplicate(r.Household, by_head[row["village_id"], row.get("group_id"),
                                                            row["head_name"]], UUID(row["id"]), "head", text))
    persons = [row for row in plan.add.get("person", []) if row.get("deleted_at") is None]
    if persons:
        staff = {(unit.hex, name): key for key, unit, name in r.Person.select(
            r.Person.id, r.Person.unit, r.Person.name).where(r.Person.deleted_at.is_null()).tuples()}
        for row in persons:
            if (row["unit_id"], row["name"]) in staff:
                found.append(Duplicate(r.Person, staff[row["unit_id"], row["name"]], UUID(row["id"]),
                                       "name", row["name"]))
    return found


# --- applying ---------------------------------------------------------------

def _fields(model, row: dict[str, Any]) -> dict[Any, Any]:
    return {model._meta.columns[column]: value for column, value in row.items()}


def apply_import(plan: ImportPlan, choices: dict[UUID, str] | None = None) -> ImportResult:
    """Write ``plan`` in one transaction; a conflict not chosen keeps the local record."""
    choices = choices or {}
    chosen = [c for c in plan.conflicts if choices.get(c.id) == "incoming"]
    by_table: dict[str, list[dict[str, Any]]] = {}
    for conflict in chosen:
        by_table.setdefault(_table(conflict.model), []).append(conflict.incoming)
    visits = {row["id"] for row in by_table.get("visit", [])}
    links = plan.links + [link for link in plan.package.links if link["visit_id"] in visits]
    deleted = plan.deleted + sum(c.incoming.get("deleted_at") is not None
                                 and c.local.get("deleted_at") is None for c in chosen)
    try:
        _write(plan, by_table, links)
    except peewee.IntegrityError as error:
        raise PackageError(translate("Packages", "{path} cannot be merged into this data file ({error}); "
                                     "nothing was changed.").format(
            path=plan.package.path, error=error)) from None
    return ImportResult(plan.added, plan.updated + len(chosen), deleted, len(plan.conflicts), len(chosen),
                        len(plan.duplicates))


def _write(plan: ImportPlan, by_table: dict[str, list[dict[str, Any]]], links: list[dict[str, Any]]) -> None:
    operator = translate("Packages", "package from {unit}").format(unit=plan.package.manifest.unit_name)
    with r.database.atomic():
        for model in r.RECORD_MODELS:
            table = _table(model)
            new_rows = plan.add.get(table, [])
            for start in range(0, len(new_rows), 200):
                model.insert_many([_fields(model, row) for row in new_rows[start:start + 200]]).execute()
            _history_of_new(model, new_rows, operator)
            for row in plan.update.get(table, []) + by_table.get(table, []):
                key = UUID(row["id"])
                before = model.get_by_id(key)
                values = {f: v for f, v in _fields(model, row).items() if f.name != "id"}
                model.update(values).where(model.id == key).execute()
                _history_of_update(model, before, operator)
        taken = {link["visit_id"] for link in links}
        for visit in taken:
            r.VisitVisitor.delete().where(r.VisitVisitor.visit == UUID(visit)).execute()
        unique = list({(link["visit_id"], link["person_id"]): link for link in links}.values())
        for start in range(0, len(unique), 400):
            r.VisitVisitor.insert_many([{r.VisitVisitor.visit: UUID(link["visit_id"]),
                                         r.VisitVisitor.person: UUID(link["person_id"])}
                                        for link in unique[start:start + 400]]).execute()
        source, written = plan.package.manifest.installation_id, plan.package.manifest.created_at
        store.set_setting(EXCHANGE_KEY.format(source), r.utcnow().isoformat(sep=" "))
        known = store.get_setting(PACKAGE_KEY.format(source))
        if not known or _stamp(written) > _stamp(known):  # an older package does not move it back
            store.set_setting(PACKAGE_KEY.format(source), written)


def merge_duplicates(keep: r.BaseModel, drop: r.BaseModel) -> None:
    """Point everything that used ``drop`` at ``keep``, and move ``drop`` to the recycle bin."""
    if type(keep) is not type(drop) or keep.id == drop.id:
        raise ValueError("merge_duplicates needs two records of one kind")
    model = type(keep)
    now = r.utcnow()
    with r.database.atomic():
        for fk in model._meta.backrefs:
            source = fk.model
            if source is r.VisitVisitor:
                both = r.VisitVisitor.select(r.VisitVisitor.visit).where(r.VisitVisitor.person == keep.id)
                (r.VisitVisitor.delete()
                 .where(r.VisitVisitor.person == drop.id, r.VisitVisitor.visit.in_(both)).execute())
                r.VisitVisitor.update(person=keep.id).where(r.VisitVisitor.person == drop.id).execute()
                continue
            query = source.select().where(fk == drop.id)
            for row in query:
                if source is r.Attendance and r.Attendance.select().where(
                        r.Attendance.session == row.session_id, r.Attendance.person == keep.id).exists():
                    if row.deleted_at is None:
                        store.delete(row)
                    continue
                before = dict(row.__data__)
                setattr(row, fk.name, keep.id)
                row.save()
                store._record_save(row, before)
        drop = model.get_by_id(drop.id)
        drop.deleted_at = now
        drop.save()
        store._record(drop, "delete", {})
