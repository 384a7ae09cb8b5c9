"""Realistic, reproducible demonstration data: a village, a township or a county, as of today.

The same size, seed and day give the same records; their keys are new in every
build (random UUIDs), so that no two demonstration files, of one size or of
two, ever share a record's identity and merge through a package as if they
were one. Every date is relative to the day of the build: the newest campaign
started about four months ago and is in progress. Rows are written with
``executemany`` in one transaction (peewee's per-row work would make the
county's million visits take minutes); ``tests/models/test_demo.py`` reads the
records back through the models, validates them and checks that none would get
a warning at entry (``models.warnings``).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee

from models import db, settings, sqlite
from models import records as r
from models.demo import words as w
from models.demo.campaign import CampaignBuilder, dates_of
from models.i18n import translate
from models.personal import id_check_char


@dataclass(frozen=True)
class Size:
    townships: int
    campaigns: int  # per township, one a year, the newest in progress
    villages: int  # per township
    households: int  # per village, on average
    visit_share: float  # visits of a campaign per household
    village_only: bool = False


SIZES = {
    "village": Size(townships=1, campaigns=1, villages=1, households=240, visit_share=0.7,
                    village_only=True),
    "township": Size(townships=1, campaigns=1, villages=24, households=500, visit_share=0.5),
    "county": Size(townships=20, campaigns=4, villages=24, households=500, visit_share=1.05),
}

CAMPAIGN_NAMES = ("思想大解放", "解放思想大讨论", "作风建设年", "大走访大帮扶")


class DemoError(Exception):
    pass


def generate(path: str | Path, size: str = "township", seed: int = 2026,
             progress: Callable[[str], None] | None = None, today: dt.date | None = None,
             password: str | None = None) -> dict:
    """Write a new database at ``path`` as of ``today`` and return how many records of each kind it holds
    (and, encrypted with ``password``, its ``recovery_code``); without a password a plain demo."""
    if size not in SIZES:
        raise DemoError(translate("Demo", "Unknown size {size}; choose village, township or county.")
                        .format(size=size))
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise DemoError(translate("Demo", "{path} already exists; the demo is written to a new file.")
                        .format(path=path))
    db.open_database(path, password=password, plain_reason=translate(
        "Demo", "a demo made without a password (for tests and benchmarks)"))
    code = db.new_recovery_code()
    try:
        writer = _Writer()
        builder = _Builder(SIZES[size], random.Random(seed), writer, progress or (lambda _: None),
                           today or dt.date.today())
        with sqlite.bulk_writes(r.database):
            builder.build()
            writer.flush_all()
        counts: dict = {model._meta.table_name: model.select().count() for model in r.RECORD_MODELS}
        return {**counts, "recovery_code": code} if code else counts
    except BaseException:
        db.close_database()
        for leftover in (path, *(path.with_name(path.name + side) for side in ("-wal", "-shm", ".key"))):
            leftover.unlink(missing_ok=True)
        raise


class _Writer:
    """Rows in the database's own spelling, written many at a time."""

    BATCH = 20000

    def __init__(self):
        self.pending: dict[type[peewee.Model], list[tuple]] = {}
        self.plans: dict[type[peewee.Model], tuple[list[str], list[Callable], list[Any]]] = {}

    def add(self, model: type[peewee.Model], **values: Any) -> uuid.UUID | None:
        names, converters, defaults = self._plan(model)
        row = tuple(conv(values[name]) if name in values else default
                    for name, conv, default in zip(names, converters, defaults, strict=True))
        rows = self.pending.setdefault(model, [])
        rows.append(row)
        if len(rows) >= self.BATCH:
            self.flush_all()
        return values.get("id")

    def _plan(self, model):
        plan = self.plans.get(model)
        if plan is None:
            fields = model._meta.sorted_fields
            names = [f.name for f in fields]
            converters = [_converter(f) for f in fields]
            defaults = [_converter(f)(f.default() if callable(f.default) else f.default)
                        if f.name not in ("id", "created_at", "updated_at") else None
                        for f in fields]
            plan = self.plans[model] = (names, converters, defaults)
        return plan

    def flush(self, model):
        rows = self.pending.pop(model, [])
        if rows:
            columns = ", ".join(f'"{f.column_name}"' for f in model._meta.sorted_fields)
            marks = ", ".join("?" * len(model._meta.sorted_fields))
            sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
            r.database.connection().executemany(sql, rows)

    def flush_all(self):
        # parents before children, as the foreign keys require
        for model in r.ALL_MODELS:
            self.flush(model)


def _converter(field: peewee.Field) -> Callable[[Any], Any]:
    def none_or(fn):
        return lambda v: None if v is None else fn(v)

    if isinstance(field, peewee.ForeignKeyField | peewee.UUIDField):
        return none_or(lambda v: v.hex)
    if isinstance(field, peewee.DateTimeField):
        return none_or(lambda v: v.isoformat(" "))
    if isinstance(field, peewee.DateField | peewee.TimeField):
        return none_or(lambda v: v.isoformat())
    if isinstance(field, peewee.BooleanField):
        return none_or(int)
    return lambda v: v


class _Builder:
    def __init__(self, size: Size, rng: random.Random, writer: _Writer, progress, today: dt.date):
        self.size, self.rng, self.out, self.progress, self.today = size, rng, writer, progress, today
        self.id_numbers: set[str] = set()
        self.place_names: set[str] = set()
        # when the rolls of people and households were made: a month before the oldest campaign
        self.epoch = dates_of(today, size.campaigns - 1)[0] - dt.timedelta(days=30)

    def add(self, model, when: dt.date | None = None, **values) -> uuid.UUID:
        stamp = dt.datetime.combine(when or self.epoch, dt.time(1, 30))
        values.setdefault("id", r.new_key(stamp))  # a new identity in every build; the content is the seed's
        key: uuid.UUID = values["id"]
        self.out.add(model, created_at=stamp, updated_at=stamp, **values)
        return key

    def link(self, model, **values) -> None:
        self.out.add(model, **values)

    # --- people and places ---------------------------------------------------

    def person_name(self) -> str:
        given = self.rng.choice(w.GIVEN) + (self.rng.choice(w.GIVEN) if self.rng.random() < 0.7 else "")
        return self.rng.choice(w.SURNAMES) + given

    def place(self, suffix: str, seconds: str = w.PLACE_SECOND) -> str:
        for _ in range(1000):
            name = self.rng.choice(w.PLACE_FIRST) + self.rng.choice(seconds) + suffix
            if name not in self.place_names:
                self.place_names.add(name)
                return name
        raise DemoError("ran out of place names")

    def id_number(self, gender: str) -> str:
        while True:
            born = dt.date(1938, 1, 1) + dt.timedelta(days=self.rng.randrange(365 * 62))
            order = self.rng.randrange(0, 999, 2) + (1 if gender == "male" else 0)
            first17 = (f"{w.ID_REGION_PREFIX}{self.rng.randrange(1, 31):02d}"
                       f"{born:%Y%m%d}{order:03d}")
            number = first17 + id_check_char(first17)
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    def phone(self) -> str:
        return f"1{self.rng.choice('3456789')}{self.rng.randrange(10**9):09d}"

    # --- the whole file --------------------------------------------------------

    def build(self):
        size = self.size
        parent = None
        if size.townships > 1:
            parent = self.add(r.Unit, name=w.COUNTY_NAME, level="county", phone="0743-8221000")
        first = None
        for number in range(size.townships):
            township = _Township(self, parent, number)
            self.progress(translate("Demo", "Writing {unit} ({n} of {total})…").format(
                unit=township.name, n=number + 1, total=size.townships))
            township.build()
            first = first or township
        self.out.flush_all()
        settings.set_setting("current_unit", (parent or first.unit).hex)
        settings.set_setting("current_campaign", first.campaigns[-1].hex)
        above = w.COUNTY_NAME if not size.village_only else first.name[:2] + "镇"
        settings.set_setting(settings.ADDRESSEE, f"{above}“{CAMPAIGN_NAMES[0]}”活动领导小组办公室")
        settings.set_setting(settings.OWN_OUTLETS, w.OWN_OUTLET.format(u=first.short_name))


class _Township:
    """One office with its villages, people, households and campaigns."""

    def __init__(self, builder: _Builder, parent, number: int):
        self.b, self.rng, self.size = builder, builder.rng, builder.size
        if self.size.village_only:
            self.name = builder.place("村")
            self.level = "village"
        else:
            self.name = builder.place("镇", w.TOWN_SECOND)
            self.level = "town"
        self.unit = builder.add(r.Unit, name=self.name, level=self.level, parent=parent,
                                phone=f"0743-82{number:02d}{self.rng.randrange(1000):03d}")
        self.short_name = self.name[:-1]  # 松口镇 → 松口: how its own media name it
        self.campaigns: list[uuid.UUID] = []

    def build(self):
        self.villages()
        self.people()
        self.households()
        self.categories()
        for index in range(self.size.campaigns):
            back = self.size.campaigns - 1 - index  # the newest, in progress, last
            start, end = dates_of(self.b.today, back)
            name = CAMPAIGN_NAMES[back % len(CAMPAIGN_NAMES)]
            CampaignBuilder(self, name, start, end, self.b.today).build()

    def villages(self):
        self.village_ids: list[uuid.UUID] = []
        self.village_names: dict[uuid.UUID, str] = {}
        self.groups: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
        for position in range(self.size.villages):
            if self.size.village_only:
                name, kind = self.name, "village"
            elif position < 2:
                name, kind = self.b.place("社区"), "community"
            else:
                name, kind = self.b.place("村"), "village"
            village = self.b.add(r.Village, unit=self.unit, name=name, kind=kind, position=position)
            self.village_ids.append(village)
            self.village_names[village] = name
            groups = []
            for g in range(self.rng.randint(6, 12)):
                group_name = f"{g + 1}组"
                groups.append((self.b.add(r.VillageGroup, village=village, name=group_name,
                                          position=g), group_name))
            self.groups[village] = groups

    def people(self):
        rng = self.rng
        self.leaders: list[uuid.UUID] = []
        self.staff: list[uuid.UUID] = []
        self.secretaries: dict[uuid.UUID, uuid.UUID] = {}
        self.names: dict[uuid.UUID, str] = {}
        self.departments: dict[uuid.UUID, str] = {}
        self.party: set[uuid.UUID] = set()
        titles = w.LEADER_TITLES[:3] if self.size.village_only else w.LEADER_TITLES
        if self.size.village_only:
            titles = (("村党支部书记", "村两委"), ("村委会主任", "村两委"), ("村监委会主任", "村两委"))
        for title, department in titles:
            self.leaders.append(self._person(title, department, leader=True, party=True))
        staff_count = 6 if self.size.village_only else 26
        for _ in range(staff_count):
            department = rng.choice(w.STAFF_DEPARTMENTS) if not self.size.village_only else "村两委"
            title = rng.choice(w.STAFF_TITLES) if not self.size.village_only else rng.choice(
                ("村委委员", "村务监督委员", "文书", "妇女主任", "组长"))
            self.staff.append(self._person(title, department, party=rng.random() < 0.6))
        if not self.size.village_only:
            for village in self.village_ids:
                self.secretaries[village] = self._person(
                    "党支部书记", "", village=village, party=True)
        else:
            self.secretaries[self.village_ids[0]] = self.leaders[0]
        # someone who has left, to show the "in post" flag
        self._person("干部", rng.choice(w.STAFF_DEPARTMENTS), active=False)

    def _person(self, title, department, leader=False, party=False, village=None, active=True):
        rng = self.rng
        gender = "male" if rng.random() < 0.65 else "female"
        name = self.b.person_name()
        person = self.b.add(r.Person, unit=self.unit, name=name, gender=gender, title=title,
                            department=department, village=village, party_member=party,
                            leader=leader, phone=self.b.phone(), active=active)
        self.names[person] = name
        self.departments[person] = department
        if party:
            self.party.add(person)
        return person

    def households(self):
        b, rng = self.b, self.rng
        self.household_ids: dict[uuid.UUID, list[tuple[uuid.UUID, int]]] = {}
        self.household_heads: dict[uuid.UUID, str] = {}
        for village in self.village_ids:
            rows = []
            count = max(20, int(self.size.households * rng.uniform(0.7, 1.3)))
            groups = self.groups[village]
            for number in range(count):
                group, group_name = groups[number * len(groups) // count]
                gender = "male" if rng.random() < 0.8 else "female"
                head = b.person_name()
                population = rng.choice((1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 7))
                tags = [code for code, share in (("poverty_exited", 0.10), ("monitored", 0.03),
                                                 ("subsistence", 0.05), ("five_guarantees", 0.01),
                                                 ("left_behind_elderly", 0.08),
                                                 ("disability", 0.03)) if rng.random() < share]
                household = b.add(
                    r.Household, village=village, group=group, head_name=head,
                    id_number=b.id_number(gender), phone=b.phone() if rng.random() < 0.9 else "",
                    address=f"{self.village_names[village]}{group_name}{number % 60 + 1}号",
                    population=population, tags=",".join(tags))
                rows.append((household, population))
                self.household_heads[household] = head
            self.household_ids[village] = rows

    def categories(self):
        self.suggestion_categories = {
            name: self.b.add(r.Category, unit=self.unit, kind="suggestion", name=name, position=i)
            for i, name in enumerate(w.SUGGESTION_CATEGORIES)}
        self.problem_categories = {
            name: self.b.add(r.Category, unit=self.unit, kind="problem", name=name, position=i)
            for i, name in enumerate(w.PROBLEM_CATEGORIES)}

