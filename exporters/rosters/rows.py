"""One row of a roster at a time: cells to a record's values, checked, saved through the store.

Every reason a row cannot come in is said at once, under the column it is
about; the rules are the forms' (``models.store``, ``models.validation``), plus
those of the sheet itself: a row may not repeat an earlier one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from exporters.rosters.cells import blank, group_name, shown, tag_codes, text_of
from exporters.rosters.mapping import HOUSEHOLDS, MODELS, PERSONS, label
from exporters.rosters.table import RosterError, Table, column_name
from models import records as r
from models import settings, store, vocab
from models.i18n import translate
from models.personal import normalize_id_number
from models.validation import FieldError, ValidationError, validate

YES = ("是", "√", "✓", "Y", "YES", "1", "党员", "中共党员", "中共预备党员", "预备党员")
NO = ("否", "×", "N", "NO", "0", "群众", "非党员")


@dataclass
class RowCheck:
    """One data row: what it holds (as text) and what is wrong with it."""

    row: int
    values: dict[str, str]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class RowImporter:
    """Turns cells into a record's values and saves them through the store, row by row."""

    def __init__(self, table: Table, kind: str, mapping: dict[int, str], village: str | UUID | None):
        self.table, self.kind, self.mapping = table, kind, mapping
        self.columns = {name: index for index, name in mapping.items()}
        self.unit = settings.current_unit()
        if self.unit is None:
            raise RosterError(translate("Roster", "The data file has no unit yet; set it up first."))
        self.villages = _villages(self.unit)
        self.groups = {(village_id, name): key for key, village_id, name in r.VillageGroup.select(
            r.VillageGroup.id, r.VillageGroup.village, r.VillageGroup.name).where(
            r.VillageGroup.deleted_at.is_null()).tuples()}
        self.default_village = self._default_village(village)
        self.created: list[str] = []
        self.seen: dict[Any, int] = {}

    def _default_village(self, village: str | UUID | None) -> UUID | None:
        if isinstance(village, UUID):
            return village
        if village:
            found, message = self._village(village)
            if found is None:
                raise RosterError(message)
            return found
        keys = {key for keys in self.villages.values() for key in keys}
        return keys.pop() if len(keys) == 1 else None

    def row(self, number: int, cells: list[Any]) -> RowCheck:
        raw = {name: cells[index] if index < len(cells) else None for name, index in self.columns.items()}
        check = RowCheck(number, {name: shown(value) for name, value in raw.items()})
        values, new_group = self._values(raw, check)
        if not check.ok:  # the cells that could be read are checked too: every reason at once
            self._report(validate(MODELS[self.kind], store.clean(MODELS[self.kind], values)), check)
            return check
        self._duplicates(values, new_group, check)
        if check.ok:
            self._save(values, new_group, check)
        return check

    def _report(self, errors: list[FieldError], check: RowCheck) -> None:
        for item in errors:
            prefix = label(self.kind, item.field) + "："
            self.problem(check, item.field, item.message.removeprefix(prefix))

    def problem(self, check: RowCheck, name: str, message: str) -> None:
        index = self.columns.get(name)
        where = (translate("Roster", "column {column}").format(column=column_name(self.table, index))
                 if index is not None else label(self.kind, name))
        check.problems.append(f"{where}：{message}")

    # --- cells to values ---

    def _values(self, raw: dict[str, Any], check: RowCheck) -> tuple[dict[str, Any], str | None]:
        values: dict[str, Any] = {}
        for name, value in raw.items():
            if name in ("village", "group"):
                continue
            converted = self._convert(name, value, check)
            if converted is not None:
                values[name] = converted
        new_group = None
        if self.kind == HOUSEHOLDS:
            new_group = self._place(raw, values, check)
        else:
            values["unit"] = self.unit.id
            if not blank(raw.get("village")):
                village, message = self._village(text_of(raw["village"]))
                if village is None:
                    self.problem(check, "village", message)
                values["village"] = village
        return values, new_group

    def _convert(self, name: str, value: Any, check: RowCheck) -> Any:
        if blank(value):
            return None
        if name == "id_number" and isinstance(value, int | float):
            self.problem(check, name, translate(
                "Roster", "Excel stored this ID number as a number and its last digits are lost; "
                "format the column as text and type the numbers again."))
            return None
        if name in ("population",) and isinstance(value, float) and value.is_integer():
            return int(value)
        if name == "population" and isinstance(value, str) and re.fullmatch(r"\d+\s*人?", text_of(value)):
            return int(re.match(r"\d+", text_of(value)).group())
        if name == "phone" and isinstance(value, int | float) and float(value).is_integer():
            return str(int(value))
        if name == "tags":
            return tag_codes(text_of(value))
        if name == "gender":
            return vocab.GENDERS.code_for(text_of(value)) or text_of(value)
        if name in ("party_member", "leader"):
            return self._yes_no(name, value, check)
        return value if isinstance(value, int) and not isinstance(value, bool) else text_of(value)

    def _yes_no(self, name: str, value: Any, check: RowCheck) -> bool | None:
        text = text_of(value).upper()
        if text in YES:
            return True
        if text in NO:
            return False
        self.problem(check, name, translate("Roster", "“{value}” is neither 是 nor 否.").format(
            value=text_of(value)))
        return None

    def _place(self, raw: dict[str, Any], values: dict[str, Any], check: RowCheck) -> str | None:
        """The household's village and group keys; the name of a group to create, if new."""
        village = self.default_village
        if not blank(raw.get("village")):
            village, message = self._village(text_of(raw["village"]))
            if village is None:
                self.problem(check, "village", message)
                return None
        if village is None:
            self.problem(check, "village", translate(
                "Roster", "the row names no village and no default village was chosen."))
            return None
        values["village"] = village
        if blank(raw.get("group")):
            values["group"] = None
            return None
        name = group_name(raw["group"])
        values["group"] = self.groups.get((village, name)) or self.groups.get((village, name + "组"))
        return name if values["group"] is None else None

    def _village(self, name: str) -> tuple[UUID | None, str]:
        for candidate in (name, name + "村", name + "社区"):
            keys = self.villages.get(candidate, [])
            if len(keys) == 1:
                return keys[0], ""
            if len(keys) > 1:
                return None, translate("Roster", "more than one village is called “{name}”.").format(
                    name=candidate)
        return None, translate("Roster", "“{name}” is not a village of this unit (add it in Settings "
                               "first).").format(name=name)

    # --- rules of the file and of the store ---

    def _duplicates(self, values: dict[str, Any], new_group: str | None, check: RowCheck) -> None:
        """A row that repeats an earlier row of the sheet (the store finds those in the database)."""
        keys: list[tuple[str, tuple[Any, ...]]]
        if self.kind == HOUSEHOLDS:
            keys = [("head_name", ("head", values.get("head_name"), values.get("village"),
                                   values.get("group") or new_group))]
            if values.get("id_number"):
                keys.insert(0, ("id_number", ("id", normalize_id_number(values["id_number"]))))
        else:
            keys = [("name", ("name", values.get("name")))]
        for name, key in keys:
            earlier = self.seen.get(key)
            if earlier is not None:
                self.problem(check, name, translate(
                    "Roster", "the same as row {row} of this sheet.").format(row=earlier))
        if check.ok and self.kind == PERSONS and r.Person.select().where(
                r.Person.unit == self.unit.id, r.Person.name == values.get("name"),
                r.Person.deleted_at.is_null()).exists():
            self.problem(check, "name", translate(
                "Roster", "{name} is already in the staff list.").format(name=values.get("name")))
        if check.ok:
            for _name, key in keys:
                self.seen[key] = check.row

    def _save(self, values: dict[str, Any], new_group: str | None, check: RowCheck) -> None:
        try:
            with r.database.atomic():
                if new_group is not None:
                    values["group"] = self._new_group(values["village"], new_group).id
                store.save(MODELS[self.kind], values)
        except ValidationError as error:
            self._report(error.errors, check)
            return
        if new_group is not None:
            self.groups[(values["village"], new_group)] = values["group"]
            village_name = r.Village.get_by_id(values["village"]).name
            self.created.append(f"{village_name}{new_group}")

    def _new_group(self, village: UUID, name: str) -> r.VillageGroup:
        position = r.VillageGroup.select().where(r.VillageGroup.village == village).count()
        group = store.save(r.VillageGroup, {"village": village, "name": name, "position": position})
        assert isinstance(group, r.VillageGroup)
        return group


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
