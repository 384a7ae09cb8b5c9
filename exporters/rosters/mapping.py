"""Which column of a roster is which field: the header names offices use, and the guess from them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from models import normalize
from models import records as r
from models.validation import field_label

HOUSEHOLDS, PERSONS = "households", "persons"
KINDS = (HOUSEHOLDS, PERSONS)
MODELS: dict[str, type[r.BaseModel]] = {HOUSEHOLDS: r.Household, PERSONS: r.Person}

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
        "staff": ("干部职工", "是否干部职工", "是否干部"),
        "active": ("在岗", "是否在岗"),
        "phone": ("联系电话", "手机号", "电话", "手机", "手机号码", "电话号码", "联系方式"),
        "remarks": ("备注",),
    },
}
REQUIRED = {HOUSEHOLDS: ("head_name",), PERSONS: ("name",)}


def fields(kind: str) -> tuple[str, ...]:
    return tuple(ALIASES[kind])


def label(kind: str, name: str) -> str:
    """The field's name in the user's language."""
    return field_label(MODELS[kind], name)


def header_key(text: str) -> str:
    """A header as compared with the names: spaces out, half-width brackets full-width, marks trimmed."""
    text = re.sub(r"\s+", "", normalize.fold_width(text)).replace("(", "（").replace(")", "）")
    return text.strip("*＊※:：")


_ALIAS_KEYS = {kind: {header_key(alias): name for name, aliases in table.items() for alias in aliases}
               for kind, table in ALIASES.items()}


def field_of(header: str, kind: str) -> str | None:
    """The field a header names for ``kind``, if any."""
    key = header_key(header)
    if not key:
        return None
    found = _ALIAS_KEYS[kind].get(key)
    if found is None:  # "户主姓名（必填）", "联系电话(手机)"
        found = _ALIAS_KEYS[kind].get(re.sub(r"（[^）]*）$", "", key))
    return found


def guess_kind(headers: Iterable[str]) -> str:
    """Households unless the header speaks of staff (职务, 性别, 科室, 党员) more than of households."""
    headers = list(headers)
    own = {kind: {field_of(h, kind) for h in headers} - {None} - {"phone", "village", "remarks"}
           for kind in KINDS}
    own[PERSONS].discard("name")
    own[HOUSEHOLDS].discard("head_name")
    if any(header_key(h) in ("户主", "户主姓名", "户主名") for h in headers):
        return HOUSEHOLDS
    return PERSONS if len(own[PERSONS]) > len(own[HOUSEHOLDS]) else HOUSEHOLDS


def propose_mapping(headers: Iterable[str], kind: str) -> dict[int, str]:
    """{column index: field} from the header names; each field taken by its first column.

    "户主" wins over a plain "姓名" for the head of a household.
    """
    mapping: dict[int, str] = {}
    headers = list(headers)
    order = sorted(range(len(headers)), key=lambda i: header_key(headers[i]) == "姓名")
    for index in order:
        name = field_of(headers[index], kind)
        if name is not None and name not in mapping.values():
            mapping[index] = name
    return dict(sorted(mapping.items()))


def missing_fields(kind: str, mapping: dict[int, str]) -> list[str]:
    """Labels of the fields every row needs but no column gives."""
    return [label(kind, name) for name in REQUIRED[kind] if name not in mapping.values()]
