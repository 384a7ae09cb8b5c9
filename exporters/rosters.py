"""Rosters in: households and staff from the spreadsheets villages already keep (.xlsx).

A village's roster has a title or two above its header, merged cells, spaces
typed for alignment and ID numbers that Excel may have turned into numbers.
``read_table`` finds the header, ``propose_mapping`` guesses which column is
which field, ``preview`` says of every row whether it can come in and why not,
and ``import_rows`` writes the good rows in one transaction, or nothing.

Preview and import run the very same steps through ``models.store`` (the rules
of the forms); the preview's transaction is rolled back, so what it promises is
what the import does.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from models import records as r
from models import store, vocab
from models.i18n import translate
from models.personal import normalize_id_number
from models.validation import FieldError, ValidationError, field_label, validate

HOUSEHOLDS, PERSONS = "households", "persons"
KINDS = (HOUSEHOLDS, PERSONS)
MODELS: dict[str, type[r.BaseModel]] = {HOUSEHOLDS: r.Household, PERSONS: r.Person}
HEADER_SEARCH_ROWS = 10

# The header names offices use for each field, in the order the fields are offered.
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    HOUSEHOLDS: {
        "head_name": ("户主", "户主姓名", "姓名", "户主名"),
        "id_number": ("身份证号", "公民身份号码", "身份证号码", "户主身份证号", "户主身份证号码",
                      "身份证", "证件号码"),
        "phone": ("联系电话", "手机号", "电话", "手机", "手机号码", "电话号码", "联系方式"),
        "village": ("村", "村（社区）", "村名", "社区", "所在村", "行政村"),
        "group": ("组", "村民小组", "小组", "组别", "所在组", "组名"),
        "population": ("家庭人口", "人口数", "人口", "家庭人口数", "户人口"),
        "address": ("住址", "地址", "家庭住址", "家庭地址", "居住地址"),
        "tags": ("户类别", "类别", "户属性", "户类型"),
        "remarks": ("备注",),
    },
    PERSONS: {
        "name": ("姓名",),
        "gender": ("性别",),
        "title": ("职务", "职位"),
        "department": ("科室", "部门", "科室/部门", "科室（部门）", "所在科室"),
        "village": ("村", "村（社区）", "村名", "所在村", "挂联村"),
        "party_member": ("党员", "是否党员", "政治面貌"),
        "leader": ("班子成员", "是否班子成员", "领导班子成员"),
        "phone": ("联系电话", "手机号", "电话", "手机", "手机号码", "电话号码", "联系方式"),
        "remarks": ("备注",),
    },
}
REQUIRED = {HOUSEHOLDS: ("head_name",), PERSONS: ("name",)}

# Words for household types that are not exactly the label the program prints.
TAG_WORDS = {
    "脱贫": "poverty_exited", "脱贫人口": "poverty_exited", "监测": "monitored",
    "监测对象": "monitored", "防返贫监测户": "monitored", "低保": "subsistence",
    "五保": "five_guarantees", "特困户": "five_guarantees", "特困供养": "five_guarantees",
    "留守老人": "left_behind_elderly", "残疾户": "disability", "残疾人": "disability",
}
NO_TAG = ("一般户", "普通户", "无", "否", "/")
YES = ("是", "√", "✓", "Y", "YES", "1", "党员", "中共党员", "中共预备党员", "预备党员")
NO = ("否", "×", "N", "NO", "0", "群众", "非党员")


class RosterError(Exception):
    """The file cannot be read as a roster; the message names the file and says why."""


@dataclass
class Table:
    """The rows of one sheet below its header row; row numbers as Excel shows them."""

    path: Path
    sheet: str
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list[Any]]]


@dataclass
class RowCheck:
    """One data row: what it holds (as text) and what is wrong with it."""

    row: int
    values: dict[str, str]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Preview:
    kind: str
    rows: list[RowCheck]
    new_groups: list[str]  # "龙潭村5组": groups the import creates in known villages

    @property
    def good(self) -> int:
        return sum(check.ok for check in self.rows)

    @property
    def bad(self) -> int:
        return len(self.rows) - self.good

    def bad_rows(self) -> list[RowCheck]:
        return [check for check in self.rows if not check.ok]


@dataclass
class ImportResult:
    imported: int
    skipped: int
    groups_created: list[str]
    bad_rows: list[RowCheck]  # the skipped rows and why


class BadRowsError(RosterError):
    """Some rows are wrong and the import was asked to take all or nothing."""

    def __init__(self, preview: Preview):
        self.preview = preview
        super().__init__(translate("Roster", "{n} rows have problems; nothing was imported.").format(
            n=preview.bad))


# --- reading the file ----------------------------------------------------------------

def sheet_names(path: str | Path) -> list[str]:
    with _workbook(Path(path)) as book:
        return list(book.sheetnames)


class _workbook:
    """An .xlsx opened read-only (whatever its file name says), closed on exit."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        try:
            self.handle = self.path.open("rb")
        except OSError as error:
            raise RosterError(translate("Roster", "{path} cannot be read: {error}").format(
                path=self.path, error=error.strerror or error)) from error
        try:
            self.book = load_workbook(self.handle, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
            self.handle.close()
            raise RosterError(_not_xlsx(self.path)) from error
        return self.book

    def __exit__(self, *_exc):
        self.book.close()
        self.handle.close()


def _not_xlsx(path: Path) -> str:
    if path.suffix.lower() in (".xls", ".et", ".csv", ".wps"):
        return translate("Roster", "{path} is not an .xlsx workbook; open it in Excel or WPS and save "
                         "it as “Excel workbook (*.xlsx)” first.").format(path=path)
    return translate("Roster", "{path} is not an Excel workbook (.xlsx) or it is damaged.").format(
        path=path)


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """The sheet (the first one if none is named) from its header row down."""
    path = Path(path)
    with _workbook(path) as book:
        if sheet is None:
            sheet = book.sheetnames[0]
        elif sheet not in book.sheetnames:
            raise RosterError(translate("Roster", "{path} has no sheet “{sheet}”; its sheets are: "
                                        "{sheets}.").format(path=path, sheet=sheet,
                                                            sheets="、".join(book.sheetnames)))
        rows = [(number, list(values)) for number, values in
                enumerate(book[sheet].iter_rows(values_only=True), start=1)
                if any(not _blank(value) for value in values)]
    if not rows:
        raise RosterError(translate("Roster", "Sheet “{sheet}” of {path} is empty.").format(
            sheet=sheet, path=path))
    found = _header_index(rows)
    if found is None:
        raise RosterError(translate(
            "Roster", "No header row found in the first {n} rows of sheet “{sheet}” of {path} "
            "(expected column names such as 户主, 姓名, 身份证号, 联系电话).").format(
            n=HEADER_SEARCH_ROWS, sheet=sheet, path=path))
    header_row, header = rows[found]
    width = max(len(values) for _number, values in rows)
    headers = [_text(value) for value in header] + [""] * (width - len(header))
    data = [(number, values + [None] * (width - len(values))) for number, values in rows[found + 1:]]
    return Table(path, sheet, header_row, headers, data)


def _header_index(rows: list[tuple[int, list[Any]]]) -> int | None:
    """The first row (within the top rows of the sheet) with two or more known column names."""
    for index, (number, values) in enumerate(rows):
        if number > HEADER_SEARCH_ROWS:
            break
        known = sum(any(_field_of(_text(value), kind) for kind in KINDS) for value in values)
        if known >= 2:
            return index
    return None


# --- the mapping of columns to fields --------------------------------------------------

def fields(kind: str) -> tuple[str, ...]:
    return tuple(ALIASES[kind])


def label(kind: str, name: str) -> str:
    """The field's name in the user's language."""
    return field_label(MODELS[kind], name)


def _header_key(text: str) -> str:
    text = re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")
    return text.strip("*＊※:：")


_ALIAS_KEYS = {kind: {_header_key(alias): name for name, aliases in table.items() for alias in aliases}
               for kind, table in ALIASES.items()}


def _field_of(header: str, kind: str) -> str | None:
    key = _header_key(header)
    if not key:
        return None
    found = _ALIAS_KEYS[kind].get(key)
    if found is None:  # "户主姓名（必填）", "联系电话(手机)"
        found = _ALIAS_KEYS[kind].get(re.sub(r"（[^）]*）$", "", key))
    return found


def guess_kind(headers: Iterable[str]) -> str:
    """Households unless the header speaks of staff (职务, 性别, 科室, 党员) more than of households."""
    headers = list(headers)
    own = {kind: {_field_of(h, kind) for h in headers} - {None} - {"phone", "village", "remarks"}
           for kind in KINDS}
    own[PERSONS].discard("name")
    own[HOUSEHOLDS].discard("head_name")
    if any(_header_key(h) in ("户主", "户主姓名", "户主名") for h in headers):
        return HOUSEHOLDS
    return PERSONS if len(own[PERSONS]) > len(own[HOUSEHOLDS]) else HOUSEHOLDS


def propose_mapping(headers: Iterable[str], kind: str) -> dict[int, str]:
    """{column index: field} from the header names; each field taken by its first column.

    "户主" wins over a plain "姓名" for the head of a household.
    """
    mapping: dict[int, str] = {}
    headers = list(headers)
    order = sorted(range(len(headers)), key=lambda i: _header_key(headers[i]) == "姓名")
    for index in order:
        name = _field_of(headers[index], kind)
        if name is not None and name not in mapping.values():
            mapping[index] = name
    return dict(sorted(mapping.items()))


def missing_fields(kind: str, mapping: dict[int, str]) -> list[str]:
    """Labels of the fields every row needs but no column gives."""
    return [label(kind, name) for name in REQUIRED[kind] if name not in mapping.values()]


def column_name(table: Table, index: int) -> str:
    """"C（身份证号）": the column as a person finds it in the sheet."""
    header = table.headers[index] if index < len(table.headers) else ""
    return f"{get_column_letter(index + 1)}（{header}）" if header else get_column_letter(index + 1)


# --- checking and importing rows -------------------------------------------------------

class _Rollback(Exception):
    pass


def preview(table: Table, kind: str, mapping: dict[int, str], village: str | UUID | None = None) -> Preview:
    """What an import would do with each row; the database is left as it was."""
    return _run(table, kind, mapping, village, commit=lambda _checks: False)[0]


def import_rows(table: Table, kind: str, mapping: dict[int, str], village: str | UUID | None = None,
                skip_bad: bool = False) -> ImportResult:
    """Write the good rows in one transaction; with bad rows, nothing unless ``skip_bad``.

    ``village``: the village (name or key) of rows that name none.
    """
    result, committed = _run(table, kind, mapping, village,
                             commit=lambda checks: skip_bad or all(c.ok for c in checks))
    if not committed:
        raise BadRowsError(result)
    return ImportResult(result.good, result.bad, result.new_groups, result.bad_rows())


def _run(table, kind, mapping, village, commit: Callable[[list[RowCheck]], bool]) -> tuple[Preview, bool]:
    if kind not in KINDS:
        raise ValueError(f"unknown roster kind {kind!r}")
    if len(set(mapping.values())) != len(mapping):
        raise ValueError("a field is mapped from two columns")
    importer = _Importer(table, kind, mapping, village)
    try:
        with r.database.atomic():
            checks = [importer.row(number, values) for number, values in table.rows
                      if any(not _blank(values[i]) for i in mapping if i < len(values))]
            result = Preview(kind, checks, importer.created)
            if not commit(checks):
                raise _Rollback
            return result, True
    except _Rollback:
        return result, False


class _Importer:
    """Turns cells into a record's values and saves them through the store, row by row."""

    def __init__(self, table: Table, kind: str, mapping: dict[int, str], village: str | UUID | None):
        self.table, self.kind, self.mapping = table, kind, mapping
        self.columns = {name: index for index, name in mapping.items()}
        self.unit = store.current_unit()
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
        check = RowCheck(number, {name: _shown(value) for name, value in raw.items()})
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
            if not _blank(raw.get("village")):
                village, message = self._village(_text(raw["village"]))
                if village is None:
                    self.problem(check, "village", message)
                values["village"] = village
        return values, new_group

    def _convert(self, name: str, value: Any, check: RowCheck) -> Any:
        if _blank(value):
            return None
        if name == "id_number" and isinstance(value, int | float):
            self.problem(check, name, translate(
                "Roster", "Excel stored this ID number as a number and its last digits are lost; "
                "format the column as text and type the numbers again."))
            return None
        if name in ("population",) and isinstance(value, float) and value.is_integer():
            return int(value)
        if name == "population" and isinstance(value, str) and re.fullmatch(r"\d+\s*人?", _text(value)):
            return int(re.match(r"\d+", _text(value)).group())
        if name == "phone" and isinstance(value, int | float) and float(value).is_integer():
            return str(int(value))
        if name == "tags":
            return _tags(_text(value))
        if name == "gender":
            return vocab.GENDERS.code_for(_text(value)) or _text(value)
        if name in ("party_member", "leader"):
            return self._yes_no(name, value, check)
        return value if isinstance(value, int) and not isinstance(value, bool) else _text(value)

    def _yes_no(self, name: str, value: Any, check: RowCheck) -> bool | None:
        text = _text(value).upper()
        if text in YES:
            return True
        if text in NO:
            return False
        self.problem(check, name, translate("Roster", "“{value}” is neither 是 nor 否.").format(
            value=_text(value)))
        return None

    def _place(self, raw: dict[str, Any], values: dict[str, Any], check: RowCheck) -> str | None:
        """The household's village and group keys; the name of a group to create, if new."""
        village = self.default_village
        if not _blank(raw.get("village")):
            village, message = self._village(_text(raw["village"]))
            if village is None:
                self.problem(check, "village", message)
                return None
        if village is None:
            self.problem(check, "village", translate(
                "Roster", "the row names no village and no default village was chosen."))
            return None
        values["village"] = village
        if _blank(raw.get("group")):
            values["group"] = None
            return None
        name = _group_name(raw["group"])
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


# --- cell text -------------------------------------------------------------------------

def _text(value: Any) -> str:
    """A cell as text: full-width and non-breaking spaces trimmed, numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    text = str(value).replace("\u3000", " ").replace("\xa0", " ")
    return re.sub(r"[ \t]+", " ", text).strip()


def _shown(value: Any) -> str:
    if isinstance(value, float) and not value.is_integer():
        return repr(value)
    return _text(value)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not _text(value))


def _group_name(value: Any) -> str:
    """"1", 1 and "1组" name the same group: "1组"."""
    text = re.sub(r"\s+", "", _text(value))
    return text + "组" if text.isdigit() else text


def _tags(text: str) -> str:
    """Codes of the household types named in ``text`` ("脱贫户、低保户"); unknown words kept."""
    codes = []
    for word in re.split(r"[、,，;；/\s]+", text):
        if not word or word in NO_TAG:
            continue
        code = vocab.HOUSEHOLD_TAGS.code_for(word) or TAG_WORDS.get(word) or TAG_WORDS.get(
            word.removesuffix("户")) or vocab.HOUSEHOLD_TAGS.code_for(word + "户") or word
        if code not in codes:
            codes.append(code)
    return ",".join(codes)
