"""Rosters out: the households (农户花名册) and the persons (人员名单) as an office prints them.

The columns carry the names the import reads, so a sheet written here comes
back in as it went out (a round trip, tested). ID numbers and phones are
masked unless asked otherwise — and a masked ID number cannot be imported
again: the import says so and names the option that writes them in full.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from uuid import UUID

import peewee

from exporters.dates import zh_date
from exporters.layout import SIGNOFF, Col
from exporters.printed_sheet import PrintedSheet, Styles, streamed
from exporters.rosters.mapping import HOUSEHOLDS, PERSONS
from exporters.safe import atomic_target
from models import ranks, settings, vocab
from models import records as r
from models.personal import mask_id_number, mask_phone

HOUSEHOLD_COLUMNS = (
    Col("序号", 6, "int"), Col("村（社区）", 12, "center"), Col("组", 7, "center"),
    Col("户主姓名", 9, "center"), Col("身份证号", 21, "id"), Col("联系电话", 14, "id"),
    Col("家庭人口", 7, "int"), Col("户类别", 14, "center"), Col("住址", 24), Col("备注", 16))
PERSON_COLUMNS = (
    Col("序号", 6, "int"), Col("姓名", 9, "center"), Col("性别", 6, "center"), Col("职务", 16),
    Col("科室", 12, "center"), Col("村（社区）", 12, "center"), Col("党员", 6, "center"),
    Col("班子成员", 7, "center"), Col("干部职工", 7, "center"), Col("在岗", 6, "center"),
    Col("联系电话", 14, "id"), Col("备注", 16))
SHEETS = {HOUSEHOLDS: ("农户花名册", HOUSEHOLD_COLUMNS), PERSONS: ("人员名单", PERSON_COLUMNS)}


def write_roster(path, kind: str, village: UUID | None = None, full_personal: bool = False,
                 today: dt.date | None = None) -> Path:
    """The live households (of ``village``, if given) or persons of the unit, to ``path`` (.xlsx)."""
    name, columns = SHEETS[kind]
    unit = settings.current_unit()
    with atomic_target(path) as temporary, streamed(temporary) as wb:
        target = Path(path).expanduser().absolute()
        sheet = PrintedSheet(wb, Styles(wb), name, columns, whole_text=True)  # imported again: all of it
        place = r.Village.get_by_id(village).name if village else ""
        title = (unit.name if unit else "") + place + name + (
            "（含完整身份证号、联系电话，注意保密）" if full_personal else "")
        sheet.start(title, f"填报单位：{unit.name if unit else ''}{place}",
                    f"填报日期：{zh_date(today or dt.date.today())}")
        rows = _households(village, full_personal) if kind == HOUSEHOLDS else _persons(full_personal)
        for number, values in enumerate(rows, 1):
            sheet.row([number, *values])
        sheet.finish(SIGNOFF)
    return target


def _households(village: UUID | None, full: bool):
    H, V, G = r.Household, r.Village, r.VillageGroup
    query = (H.select(V.name, G.name, H.head_name, H.id_number, H.phone, H.population, H.tags, H.address,
                      H.remarks)
             .join(V, on=(H.village == V.id)).join(G, peewee.JOIN.LEFT_OUTER, on=(H.group == G.id))
             .where(H.deleted_at.is_null()).order_by(V.position, V.name, G.position, G.name, H.created_at))
    if village is not None:
        query = query.where(H.village == village)
    for village_name, group, head, number, phone, population, tags, address, remarks in query.tuples():
        yield [village_name, group or "", head, number if full else mask_id_number(number),
               phone if full else mask_phone(phone), population,
               "、".join(vocab.HOUSEHOLD_TAGS.zh(code) for code in (tags or "").split(",") if code),
               address, remarks]


def _persons(full: bool):
    query = r.Person.select().where(r.Person.deleted_at.is_null())
    villages = {key: name for key, name in r.Village.select(r.Village.id, r.Village.name).tuples()}
    for person in ranks.ordered(query):
        yield [person.name, vocab.GENDERS.zh(person.gender) if person.gender else "", person.title,
               person.department, villages.get(person.village_id, ""), _yes(person.party_member),
               _yes(person.leader), _yes(person.staff), _yes(person.active),
               person.phone if full else mask_phone(person.phone), person.remarks]


def _yes(value: bool) -> str:
    return "是" if value else "否"
