"""One row of a roster checked: its cells as a record's values, what refuses it, what is only noted.

Only what makes a household (or a person) itself refuses a row: a missing
head, a bad or duplicate ID number, a household that is already there, a
village that is not this unit's. A bad value of any other field — a phone, the
household size, an address, a type — is left empty, and the row comes in with
a warning that says so. A legacy 15-digit ID number is converted to its 18
characters (century 19, check character computed) and noted.

The rules are the forms' (``models.store.clean``, ``models.validation``); the
look-ups of villages, groups and records already there are done once for the
whole sheet by ``importing``, which hands them in as a ``Known``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from exporters.rosters.cells import blank, group_name, shown, tag_codes, text_of
from exporters.rosters.mapping import HOUSEHOLDS, MODELS, label
from exporters.rosters.table import Table, column_name
from models import normalize, store, vocab
from models import records as r
from models.i18n import translate
from models.personal import upgrade_legacy_id
from models.validation import MAX_NUMBER, validate

YES = ("是", "√", "✓", "Y", "YES", "1", "TRUE", "党员", "中共党员", "中共预备党员", "预备党员")
NO = ("否", "×", "N", "NO", "0", "FALSE", "群众", "非党员", "")

# Fields whose bad value refuses the row; a bad value of any other field is left empty, with a warning.
IDENTITY = {HOUSEHOLDS: ("head_name", "id_number", "village", "group"), "persons": ("name",)}
_NUMBER_TEXT = re.compile(r"^\d(?:\.\d+)?E\+?\d+$", re.IGNORECASE)


@dataclass
class RowCheck:
    """One data row: what it holds, what refuses it and what is only noted."""

    row: int
    cells: dict[str, Any]  # field → the cell as read
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    record: dict[str, Any] = field(default_factory=dict)  # the values to store
    new_group: str | None = None  # the name of a group the import creates for this row
    noted: set[str] = field(default_factory=set)  # the fields already spoken of

    @property
    def ok(self) -> bool:
        return not self.problems

    @functools.cached_property
    def values(self) -> dict[str, str]:
        """The cells as the preview shows them (made when first asked: a view shows a page of rows)."""
        return {name: shown(value) for name, value in self.cells.items()}


@dataclass
class Known:
    """What the sheet's rows are checked against, read from the data file once."""

    unit: r.Unit
    villages: dict[str, list[UUID]]  # live villages of the unit and the units under it, by name
    groups: dict[tuple[UUID, str], UUID]  # (village, group name) → group
    default_village: UUID | None
    numbers: dict[str, str] = field(default_factory=dict)  # ID number → head, households already there
    heads: dict[tuple[Any, Any, Any], list[str]] = field(default_factory=dict)  # (head, village, group) → IDs
    names: set[str] = field(default_factory=set)  # persons already there


class RowChecker:
    """Checks the rows of one sheet in order: each against the data file and the rows before it."""

    def __init__(self, table: Table, kind: str, mapping: dict[int, str], known: Known):
        self.table, self.kind, self.known = table, kind, known
        self.model = MODELS[kind]
        self.columns = {name: index for index, name in mapping.items()}
        self.identity = IDENTITY[kind]
        self.seen_numbers: dict[str, int] = {}
        self.seen_heads: dict[tuple[Any, Any, Any], list[tuple[int, str]]] = {}
        self.seen_names: dict[str, int] = {}
        self.converters = [(name, self._converter(name)) for name in self.columns
                           if name not in ("village", "group")]

    def check(self, number: int, cells: list[Any]) -> RowCheck:
        raw = {name: cells[index] if index < len(cells) else None for name, index in self.columns.items()}
        check = RowCheck(number, raw)
        values = self._values(raw, check)
        self._validate(values, check)
        if check.ok:
            if self.kind == HOUSEHOLDS:
                self._household_twins(values, check)
            else:
                self._person_twins(values, check)
        check.record = values
        return check

    def note(self, check: RowCheck, name: str, message: str, refuse: bool | None = None) -> None:
        """A problem (refuses the row) or a warning (the field left empty) under the column it is about."""
        index = self.columns.get(name)
        where = (translate("Roster", "column {column}").format(column=column_name(self.table, index))
                 if index is not None else label(self.kind, name))
        refuse = name in self.identity if refuse is None else refuse
        check.noted.add(name)
        (check.problems if refuse else check.warnings).append(f"{where}：{message}")

    # --- cells to values -------------------------------------------------------------------

    def _values(self, raw: dict[str, Any], check: RowCheck) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, convert in self.converters:
            value = raw[name]
            if value is None or value == "" or (type(value) is str and not value.strip()):
                continue
            converted = convert(name, value, check)
            if converted is not None:
                values[name] = converted
        if self.kind == HOUSEHOLDS:
            self._place(raw, values, check)
        else:
            values["unit"] = self.known.unit.id
            if not blank(raw.get("village")):
                village, message = self._village(text_of(raw["village"]))
                if village is None:
                    self.note(check, "village", translate("Roster", "{message}; left empty.").format(
                        message=message.rstrip("。.")), refuse=False)
                else:
                    values["village"] = village
        return store.clean(self.model, values)

    def _converter(self, name: str):
        """How a cell of this column becomes a value (chosen once per column, not per cell)."""
        special = {"id_number": self._id_number, "phone": self._phone, "population": self._population,
                   "tags": self._tags, "gender": self._gender, "remarks": self._remarks}
        if name in ("party_member", "leader", "staff", "active"):
            return self._yes_no
        return special.get(name, _text)

    def _phone(self, name: str, value: Any, check: RowCheck) -> str | None:
        if isinstance(value, int | float) and float(value).is_integer():
            return str(int(value))
        if "*" in str(value):
            self.note(check, name, translate("Roster", "the phone number is masked (****); left empty."))
            return None
        return text_of(value)

    def _population(self, name: str, value: Any, check: RowCheck) -> Any:
        if not isinstance(value, float):
            return text_of(value) if type(value) is str else value
        if value.is_integer() and abs(value) < 1e15:
            return int(value)
        self.note(check, name, translate("Validation", "is too large (at most {n}).").format(n=MAX_NUMBER)
                  if value.is_integer() else translate(
                      "Roster", "“{value}” is not a whole number; left empty.").format(value=shown(value)))
        return None

    @staticmethod
    def _gender(_name: str, value: Any, _check: RowCheck) -> str:
        return vocab.GENDERS.code_for(text_of(value)) or text_of(value)

    @staticmethod
    def _remarks(_name: str, value: Any, _check: RowCheck) -> str:
        return normalize.block(value) if isinstance(value, str) else text_of(value)

    def _id_number(self, _name: str, value: Any, check: RowCheck) -> str | None:
        """The ID number as text; a number Excel made of it only if no digit was lost (15 digits)."""
        if isinstance(value, int | float) and not isinstance(value, bool):
            whole = int(value) if float(value).is_integer() and abs(value) < 1e16 else None
            if whole is None or len(str(whole)) != 15:
                self.note(check, "id_number", _stored_as_number())
                return None
            value = str(whole)
        text = text_of(value)
        if _NUMBER_TEXT.match(text):
            self.note(check, "id_number", _stored_as_number())
            return None
        if "*" in text:
            self.note(check, "id_number", translate(
                "Roster", "the ID number is masked (****): export the roster again with full ID numbers "
                "(export roster --full-id) to import it."))
            return None
        upgraded = upgrade_legacy_id(text)
        if upgraded is not None:
            self.note(check, "id_number", translate(
                "Roster", "the old 15-digit number {old} was converted to {new}.").format(
                old=text, new=upgraded), refuse=False)
            return upgraded
        return text

    def _tags(self, _name: str, value: Any, check: RowCheck) -> str:
        codes = tag_codes(text_of(value)).split(",")
        known = [c for c in codes if c in vocab.HOUSEHOLD_TAGS.codes()]
        unknown = [c for c in codes if c and c not in known]
        if unknown:
            self.note(check, "tags", translate(
                "Roster", "“{value}” is not a household type; left out.").format(value="、".join(unknown)))
        return ",".join(known)

    def _yes_no(self, name: str, value: Any, check: RowCheck) -> bool | None:
        text = text_of(value).upper()
        if text in YES:
            return True
        if text in NO:
            return False
        self.note(check, name, translate("Roster", "“{value}” is neither 是 nor 否; left empty.").format(
            value=text_of(value)))
        return None

    def _place(self, raw: dict[str, Any], values: dict[str, Any], check: RowCheck) -> None:
        """The household's village and group keys; a group new to a known village is created."""
        village = self.known.default_village
        if not blank(raw.get("village")):
            village, message = self._village(text_of(raw["village"]))
            if village is None:
                self.note(check, "village", message)
                return
        if village is None:
            self.note(check, "village", translate(
                "Roster", "the row names no village and no default village was chosen."))
            return
        values["village"] = village
        if blank(raw.get("group")):
            return
        name = group_name(raw["group"])
        groups = self.known.groups
        values["group"] = groups.get((village, name)) or groups.get((village, name + "组"))
        if values["group"] is None:
            del values["group"]
            check.new_group = name

    def _village(self, name: str) -> tuple[UUID | None, str]:
        for candidate in (name, name + "村", name + "社区"):
            keys = self.known.villages.get(candidate, [])
            if len(keys) == 1:
                return keys[0], ""
            if len(keys) > 1:
                return None, translate("Roster", "more than one village is called “{name}”.").format(
                    name=candidate)
        return None, translate("Roster", "“{name}” is not a village of this unit (add it in Settings "
                               "first).").format(name=name)

    # --- the rules of the forms -------------------------------------------------------------

    def _validate(self, values: dict[str, Any], check: RowCheck) -> None:
        """The forms' rules; a field that is not part of the identity is emptied when it breaks one."""
        for error in validate(self.model, values, references=False):
            if error.field in check.noted:
                continue
            message = error.message.removeprefix(label(self.kind, error.field) + "：")
            if error.field in self.identity or error.field in self.model._meta.required:
                self.note(check, error.field, message, refuse=True)
            else:
                self.note(check, error.field, translate("Roster", "{message}; left empty.").format(
                    message=message.rstrip("。.")))
                values.pop(error.field, None)

    def _household_twins(self, values: dict[str, Any], check: RowCheck) -> None:
        """A household already there, or an earlier row of the sheet, with the same ID number or head."""
        number = values.get("id_number") or ""
        head = values["head_name"]
        if number:
            if number in self.known.numbers:
                self.note(check, "id_number", translate(
                    "Validation", "Household of {head} already has this ID number.").format(
                    head=self.known.numbers[number]))
            elif number in self.seen_numbers:
                self.note(check, "id_number", _same_as_row(self.seen_numbers[number]))
        group = values.get("group") or check.new_group
        place = (head, values["village"], group)
        for other in self.known.heads.get(place, []):
            self._same_head(check, number, other, translate(
                "Roster", "{head} is already a head of household in this group.").format(head=head))
        for row, other in self.seen_heads.get(place, []):
            self._same_head(check, number, other, _same_as_row(row))
        if check.ok:
            if number:
                self.seen_numbers[number] = check.row
            self.seen_heads.setdefault(place, []).append((check.row, number))

    def _same_head(self, check: RowCheck, number: str, other: str, message: str) -> None:
        """Same head, same group: two households when both ID numbers tell them apart (a warning)."""
        if number and other and number != other:
            self.note(check, "head_name", translate(
                "Roster", "{message} The ID numbers differ, so it is imported as another household.").format(
                message=message.rstrip("。.")), refuse=False)
        elif not (number and other):
            self.note(check, "head_name", message + translate(
                "Roster", " Give both their ID numbers to import it as another household."))

    def _person_twins(self, values: dict[str, Any], check: RowCheck) -> None:
        name = values["name"]
        if name in self.known.names:
            self.note(check, "name", translate("Roster", "{name} is already in the staff list.").format(
                name=name))
        elif name in self.seen_names:
            self.note(check, "name", _same_as_row(self.seen_names[name]))
        else:
            self.seen_names[name] = check.row


def _text(_name: str, value: Any, _check: RowCheck) -> str:
    return text_of(value)


def _stored_as_number() -> str:
    return translate("Roster", "Excel stored this ID number as a number and its last digits are lost; "
                     "format the column as text and type the numbers again.")


def _same_as_row(row: int) -> str:
    return translate("Roster", "the same as row {row} of this sheet.").format(row=row)
