"""The records of a campaign's ledgers, as peewee models.

Every record has a UUID key, created/updated times in UTC and a ``deleted_at``
mark (the recycle bin; also what lets records made on different laptops be
merged later). Field labels (``verbose_name``) are English source text,
translated where shown; ``Meta.required`` names the fields a form must fill.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid

from peewee import (
    SQL,
    BooleanField,
    CharField,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    TimeField,
    UUIDField,
)

from models import versions, vocab
from models.i18n import QT_TRANSLATE_NOOP
from models.sqlite import DataFileDatabase

database = DataFileDatabase(None)  # write transactions begin IMMEDIATE (models.sqlite)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class ChoiceField(CharField):
    """A code from one of ``models.vocab``'s word lists."""

    def __init__(self, vocabulary: vocab.Vocabulary, **kwargs):
        self.vocabulary = vocabulary
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)


class TagsField(TextField):
    """Several codes of one word list, stored comma-separated."""

    def __init__(self, vocabulary: vocab.Vocabulary, **kwargs):
        self.vocabulary = vocabulary
        kwargs.setdefault("default", "")
        super().__init__(**kwargs)


def _text(label: str, **kwargs) -> TextField:
    return TextField(verbose_name=label, default="", **kwargs)


def new_key(at: dt.datetime | None = None, random_bits: int | None = None) -> uuid.UUID:
    """A time-ordered UUID (version 7): new rows land at the end of the key index."""
    millis = int(((at or utcnow()) - _EPOCH).total_seconds() * 1000)
    bits = random_bits if random_bits is not None else int.from_bytes(os.urandom(10), "big")
    value = (millis & (2**48 - 1)) << 80 | (bits & (2**80 - 1))
    value = value & ~(0xF << 76) | (0x7 << 76)  # version 7
    value = value & ~(0x3 << 62) | (0x2 << 62)  # RFC 4122 variant
    return uuid.UUID(int=value)


_EPOCH = dt.datetime(1970, 1, 1)


class BaseModel(Model):
    id = UUIDField(primary_key=True, default=new_key)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    deleted_at = DateTimeField(null=True)
    # Which version of the record this is, and the versions it descends from (``models.versions``).
    version = CharField(null=True, max_length=32)
    lineage = TextField(default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        database = database
        legacy_table_names = False
        required: tuple[str, ...] = ()
        # English source of the record kind's name, translated where shown.
        kind_name = ""

    def save(self, *args, **kwargs):
        self.updated_at = utcnow()
        if not kwargs.get("force_insert"):  # an edit: a new version, the shared one kept as the base
            versions.before_update(self._meta.database, self)
        return super().save(*args, **kwargs)


class Unit(BaseModel):
    name = CharField(verbose_name=QT_TRANSLATE_NOOP("Field", "Unit name"))
    level = ChoiceField(vocab.UNIT_LEVELS, verbose_name=QT_TRANSLATE_NOOP("Field", "Level"))
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT",
                             verbose_name=QT_TRANSLATE_NOOP("Field", "Parent unit"))
    phone = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Contact phone"))

    class Meta:
        required = ("name", "level")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Unit")


class Campaign(BaseModel):
    unit = ForeignKeyField(Unit, backref="campaigns", on_delete="RESTRICT",
                           verbose_name=QT_TRANSLATE_NOOP("Field", "Unit"))
    name = CharField(verbose_name=QT_TRANSLATE_NOOP("Field", "Campaign name"))
    start_date = DateField(verbose_name=QT_TRANSLATE_NOOP("Field", "Start date"))
    end_date = DateField(null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "End date"))
    aims = _text(QT_TRANSLATE_NOOP("Field", "Aims"))

    class Meta:
        required = ("unit", "name", "start_date")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Campaign")


class Phase(BaseModel):
    campaign = ForeignKeyField(Campaign, backref="phases", on_delete="CASCADE",
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Campaign"))
    name = CharField(verbose_name=QT_TRANSLATE_NOOP("Field", "Phase"))
    start_date = DateField(null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "Start date"))
    end_date = DateField(null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "End date"))
    position = IntegerField(default=0)

    class Meta:
        required = ("campaign", "name")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Phase")


class Village(BaseModel):
    unit = ForeignKeyField(Unit, backref="villages", on_delete="RESTRICT",
                           verbose_name=QT_TRANSLATE_NOOP("Field", "Unit"))
    name = CharField(index=True,  # lists sorted by village read it in order
                     verbose_name=QT_TRANSLATE_NOOP("Field", "Village (community)"))
    kind = ChoiceField(vocab.VILLAGE_KINDS, default="village",
                       verbose_name=QT_TRANSLATE_NOOP("Field", "Kind"))
    position = IntegerField(default=0)

    class Meta:
        required = ("unit", "name")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Village")


class VillageGroup(BaseModel):
    village = ForeignKeyField(Village, backref="groups", on_delete="RESTRICT",
                              verbose_name=QT_TRANSLATE_NOOP("Field", "Village (community)"))
    name = CharField(verbose_name=QT_TRANSLATE_NOOP("Field", "Villagers' group"))
    position = IntegerField(default=0)

    class Meta:
        required = ("village", "name")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Villagers' group")


class Person(BaseModel):
    unit = ForeignKeyField(Unit, backref="persons", on_delete="RESTRICT",
                           verbose_name=QT_TRANSLATE_NOOP("Field", "Unit"))
    name = CharField(verbose_name=QT_TRANSLATE_NOOP("Field", "Name"), index=True)
    gender = ChoiceField(vocab.GENDERS, null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "Gender"))
    title = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Post"))
    department = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Department"))
    village = ForeignKeyField(Village, null=True, backref="persons", on_delete="RESTRICT",
                              verbose_name=QT_TRANSLATE_NOOP("Field", "Village (community)"))
    party_member = BooleanField(default=False, verbose_name=QT_TRANSLATE_NOOP("Field", "Party member"))
    leader = BooleanField(default=False, verbose_name=QT_TRANSLATE_NOOP("Field", "Leadership group"))
    # A party member who is not on the staff (a villager in the branch) is a person with staff False:
    # expected at a party members' meeting, not at the staff's study.
    staff = BooleanField(default=True, verbose_name=QT_TRANSLATE_NOOP("Field", "Staff (cadre or employee)"))
    phone = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Phone"))
    active = BooleanField(default=True, verbose_name=QT_TRANSLATE_NOOP("Field", "In post"))
    remarks = _text(QT_TRANSLATE_NOOP("Field", "Remarks"))

    class Meta:
        required = ("unit", "name")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Person")


class Household(BaseModel):
    village = ForeignKeyField(Village, backref="households", on_delete="RESTRICT", index=False,
                              verbose_name=QT_TRANSLATE_NOOP("Field", "Village (community)"))
    group = ForeignKeyField(VillageGroup, null=True, backref="households", on_delete="RESTRICT",
                            verbose_name=QT_TRANSLATE_NOOP("Field", "Villagers' group"))
    head_name = CharField(verbose_name=QT_TRANSLATE_NOOP("Field", "Head of household"), index=True)
    id_number = CharField(default="", index=True, verbose_name=QT_TRANSLATE_NOOP("Field", "ID number"))
    phone = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Phone"))
    address = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Address"))
    population = IntegerField(null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "Household size"))
    tags = TagsField(vocab.HOUSEHOLD_TAGS, verbose_name=QT_TRANSLATE_NOOP("Field", "Household type"))
    remarks = _text(QT_TRANSLATE_NOOP("Field", "Remarks"))

    class Meta:
        required = ("village", "head_name")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Household")
        indexes = ((("village", "group"), False),)


class Session(BaseModel):
    campaign = ForeignKeyField(Campaign, backref="sessions", on_delete="RESTRICT", index=False,
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Campaign"))
    phase = ForeignKeyField(Phase, null=True, backref="sessions", on_delete="SET NULL",
                            verbose_name=QT_TRANSLATE_NOOP("Field", "Phase"))
    date = DateField(verbose_name=QT_TRANSLATE_NOOP("Field", "Date"))
    start_time = TimeField(null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "Start time"))
    end_time = TimeField(null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "End time"))
    kind = ChoiceField(vocab.SESSION_KINDS, verbose_name=QT_TRANSLATE_NOOP("Field", "Kind"))
    topic = CharField(verbose_name=QT_TRANSLATE_NOOP("Field", "Topic"))
    place = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Place"))
    host = ForeignKeyField(Person, null=True, backref="hosted_sessions", on_delete="RESTRICT",
                           verbose_name=QT_TRANSLATE_NOOP("Field", "Host"))
    speaker = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Speaker"))
    recorder = ForeignKeyField(Person, null=True, backref="recorded_sessions", on_delete="RESTRICT",
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Recorder"))
    content = _text(QT_TRANSLATE_NOOP("Field", "Content"))
    destination = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Destination"))
    head_count = IntegerField(null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "Head count"))
    remarks = _text(QT_TRANSLATE_NOOP("Field", "Remarks"))
    # A session held for one village (community) is that village's; without one it is the unit's.
    village = ForeignKeyField(Village, null=True, backref="sessions", on_delete="RESTRICT",
                              verbose_name=QT_TRANSLATE_NOOP("Field", "Held for village (community)"))

    class Meta:
        required = ("campaign", "date", "kind", "topic")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Study session")
        indexes = ((("campaign", "date"), False),)


class Attendance(BaseModel):
    session = ForeignKeyField(Session, backref="attendance", on_delete="CASCADE", index=False,
                              verbose_name=QT_TRANSLATE_NOOP("Field", "Study session"))
    person = ForeignKeyField(Person, backref="attendance", on_delete="RESTRICT",
                             verbose_name=QT_TRANSLATE_NOOP("Field", "Name"))
    status = ChoiceField(vocab.ATTENDANCE, null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "Attendance"))
    reason = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Reason for leave"))

    class Meta:
        required = ("session", "person")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Attendance")
        indexes = ((("session", "person"), True),)


class Writing(BaseModel):
    campaign = ForeignKeyField(Campaign, backref="writings", on_delete="RESTRICT", index=False,
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Campaign"))
    person = ForeignKeyField(Person, backref="writings", on_delete="RESTRICT",
                             verbose_name=QT_TRANSLATE_NOOP("Field", "Author"))
    kind = ChoiceField(vocab.WRITING_KINDS, verbose_name=QT_TRANSLATE_NOOP("Field", "Kind"))
    title = CharField(verbose_name=QT_TRANSLATE_NOOP("Field", "Title"))
    date = DateField(verbose_name=QT_TRANSLATE_NOOP("Field", "Date completed"))
    length = IntegerField(null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "Characters"))
    checked_by = ForeignKeyField(Person, null=True, backref="checked_writings", on_delete="RESTRICT",
                                 verbose_name=QT_TRANSLATE_NOOP("Field", "Checked by"))
    checked_on = DateField(null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "Checked on"))
    remarks = _text(QT_TRANSLATE_NOOP("Field", "Remarks"))

    class Meta:
        required = ("campaign", "person", "kind", "title", "date")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Writing")
        indexes = ((("campaign", "date"), False),)


class Visit(BaseModel):
    campaign = ForeignKeyField(Campaign, backref="visits", on_delete="RESTRICT", index=False,
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Campaign"))
    household = ForeignKeyField(Household, backref="visits", on_delete="RESTRICT", index=False,
                                verbose_name=QT_TRANSLATE_NOOP("Field", "Household"))
    date = DateField(verbose_name=QT_TRANSLATE_NOOP("Field", "Visit date"))
    method = ChoiceField(vocab.VISIT_METHODS, verbose_name=QT_TRANSLATE_NOOP("Field", "Method"))
    situation = _text(QT_TRANSLATE_NOOP("Field", "Family situation"))
    requests = _text(QT_TRANSLATE_NOOP("Field", "Requests"))
    help_given = _text(QT_TRANSLATE_NOOP("Field", "Help given"))
    satisfaction = ChoiceField(vocab.SATISFACTION, null=True,
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Satisfaction"))
    follow_up = BooleanField(default=False, verbose_name=QT_TRANSLATE_NOOP("Field", "Follow-up needed"))
    remarks = _text(QT_TRANSLATE_NOOP("Field", "Remarks"))

    class Meta:
        required = ("campaign", "household", "date", "method")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Household visit")
        # ("date",): all campaigns' visits, newest first, without sorting a million rows
        indexes = ((("campaign", "date"), False), (("household", "date"), False), (("date",), False))


class VisitVisitor(Model):
    """Who made a visit: part of the visit, written and dated with it.

    A plain link with no key or times of its own: a million visits have two
    million of these, and their identity is the pair.
    """

    visit = ForeignKeyField(Visit, backref="visitors", on_delete="CASCADE", index=False)
    person = ForeignKeyField(Person, backref="visits_made", on_delete="RESTRICT", index=False)

    class Meta:
        database = database
        legacy_table_names = False
        primary_key = CompositeKey("visit", "person")
        without_rowid = True  # SQLite's: the key is the row, no second copy of it


class Category(BaseModel):
    """A category of suggestions or of problems; the user keeps both lists."""

    unit = ForeignKeyField(Unit, backref="categories", on_delete="RESTRICT",
                           verbose_name=QT_TRANSLATE_NOOP("Field", "Unit"))
    kind = ChoiceField(vocab.CATEGORY_KINDS, verbose_name=QT_TRANSLATE_NOOP("Field", "Kind"))
    name = CharField(verbose_name=QT_TRANSLATE_NOOP("Field", "Category"))
    position = IntegerField(default=0)

    class Meta:
        required = ("unit", "kind", "name")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Category")


class SuggestionItem(BaseModel):
    """A consolidated item (归并条目) into which similar suggestions are merged."""

    campaign = ForeignKeyField(Campaign, backref="suggestion_items", on_delete="RESTRICT",
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Campaign"))
    category = ForeignKeyField(Category, null=True, backref="suggestion_items", on_delete="RESTRICT",
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Category"))
    title = CharField(verbose_name=QT_TRANSLATE_NOOP("Field", "Consolidated item"))

    class Meta:
        required = ("campaign", "title")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Consolidated item")


class Suggestion(BaseModel):
    campaign = ForeignKeyField(Campaign, backref="suggestions", on_delete="RESTRICT", index=False,
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Campaign"))
    date = DateField(verbose_name=QT_TRANSLATE_NOOP("Field", "Date collected"))
    submitter = ForeignKeyField(Person, null=True, backref="suggestions", on_delete="RESTRICT",
                                verbose_name=QT_TRANSLATE_NOOP("Field", "Submitted by (staff)"))
    submitter_name = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Submitted by (villager)"))
    source = ChoiceField(vocab.SUGGESTION_SOURCES, verbose_name=QT_TRANSLATE_NOOP("Field", "Source"))
    content = TextField(verbose_name=QT_TRANSLATE_NOOP("Field", "Content"))
    category = ForeignKeyField(Category, null=True, backref="suggestions", on_delete="RESTRICT",
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Category"))
    item = ForeignKeyField(SuggestionItem, null=True, backref="suggestions", on_delete="RESTRICT",
                           verbose_name=QT_TRANSLATE_NOOP("Field", "Merged into"))
    status = ChoiceField(vocab.SUGGESTION_STATUSES, default="pending",
                         verbose_name=QT_TRANSLATE_NOOP("Field", "Status"))
    department = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Responsible department"))
    handling = _text(QT_TRANSLATE_NOOP("Field", "Handling"))
    reply = _text(QT_TRANSLATE_NOOP("Field", "Reply"))
    reply_date = DateField(null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "Reply date"))
    # The village (community) the suggestion came from; without one it is the unit's.
    village = ForeignKeyField(Village, null=True, backref="suggestions", on_delete="RESTRICT",
                              verbose_name=QT_TRANSLATE_NOOP("Field", "From village (community)"))

    class Meta:
        required = ("campaign", "date", "source", "content", "status")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Suggestion")
        indexes = ((("campaign", "date"), False),)


class Rectification(BaseModel):
    campaign = ForeignKeyField(Campaign, backref="rectifications", on_delete="RESTRICT", index=False,
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Campaign"))
    recorded_on = DateField(verbose_name=QT_TRANSLATE_NOOP("Field", "Date found"))
    problem = TextField(verbose_name=QT_TRANSLATE_NOOP("Field", "Problem"))
    category = ForeignKeyField(Category, null=True, backref="rectifications", on_delete="RESTRICT",
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Category"))
    source = ChoiceField(vocab.RECTIFICATION_SOURCES, verbose_name=QT_TRANSLATE_NOOP("Field", "Source"))
    visit = ForeignKeyField(Visit, null=True, backref="rectifications", on_delete="RESTRICT",
                            verbose_name=QT_TRANSLATE_NOOP("Field", "From visit"))
    suggestion = ForeignKeyField(Suggestion, null=True, backref="rectifications", on_delete="RESTRICT",
                                 verbose_name=QT_TRANSLATE_NOOP("Field", "From suggestion"))
    measures = _text(QT_TRANSLATE_NOOP("Field", "Measures"))
    department = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Responsible department"))
    person = ForeignKeyField(Person, null=True, backref="rectifications", on_delete="RESTRICT",
                             verbose_name=QT_TRANSLATE_NOOP("Field", "Responsible person"))
    leader = ForeignKeyField(Person, null=True, backref="led_rectifications", on_delete="RESTRICT",
                             verbose_name=QT_TRANSLATE_NOOP("Field", "Responsible leader"))
    deadline = DateField(null=True, index=True, verbose_name=QT_TRANSLATE_NOOP("Field", "Deadline"))
    status = ChoiceField(vocab.RECTIFICATION_STATUSES, default="not_started",
                         verbose_name=QT_TRANSLATE_NOOP("Field", "Status"))
    progress = _text(QT_TRANSLATE_NOOP("Field", "Progress"))
    completed_on = DateField(null=True, verbose_name=QT_TRANSLATE_NOOP("Field", "Date closed"))
    evidence = _text(QT_TRANSLATE_NOOP("Field", "Evidence"))
    verified_by = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Verified by"))

    class Meta:
        required = ("campaign", "recorded_on", "problem", "source", "status")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Rectification")
        indexes = ((("campaign", "status"), False),)


class Publicity(BaseModel):
    campaign = ForeignKeyField(Campaign, backref="publicity", on_delete="RESTRICT", index=False,
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Campaign"))
    date = DateField(verbose_name=QT_TRANSLATE_NOOP("Field", "Date"))
    kind = ChoiceField(vocab.PUBLICITY_KINDS, verbose_name=QT_TRANSLATE_NOOP("Field", "Kind"))
    title = CharField(verbose_name=QT_TRANSLATE_NOOP("Field", "Title"))
    outlet = CharField(default="", verbose_name=QT_TRANSLATE_NOOP("Field", "Outlet"))
    remarks = _text(QT_TRANSLATE_NOOP("Field", "Remarks"))

    class Meta:
        required = ("campaign", "date", "kind", "title")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Publicity")
        indexes = ((("campaign", "date"), False),)


class Setting(Model):
    """Choices of this installation (current unit and campaign, operator name).

    Local to the laptop: settings are not records and never travel in packages.
    """

    key = CharField(primary_key=True)
    value = TextField(default="")

    class Meta:
        database = database
        table_name = "setting"


class SummaryText(BaseModel):
    """The office's own wording of one section of a campaign's summary.

    The text holds placeholders for the figures (``{专题讨论会次数}``); the
    summary fills them from the records each time it is written.
    """

    campaign = ForeignKeyField(Campaign, backref="summary_texts", on_delete="CASCADE", index=False,
                               verbose_name=QT_TRANSLATE_NOOP("Field", "Campaign"))
    section = CharField(verbose_name=QT_TRANSLATE_NOOP("Field", "Section"))
    text = _text(QT_TRANSLATE_NOOP("Field", "Wording"))

    class Meta:
        required = ("campaign", "section")
        kind_name = QT_TRANSLATE_NOOP("RecordKind", "Summary wording")
        indexes = ((("campaign", "section"), True),)


class Change(Model):
    """One create, edit, delete or restore of a record: when, by whom, which fields old → new.

    Only ever added to, never edited or sent to the recycle bin. ``kind`` is the
    record's table name; ``changes`` is JSON ``{field: [old, new]}`` of plain
    values (dates as ISO text, references as ``{"id": hex, "text": description}``),
    written by ``models.store`` in the same transaction as the change itself.
    """

    id = UUIDField(primary_key=True, default=new_key)
    at = DateTimeField(default=utcnow)  # UTC
    operator = CharField(default="")
    kind = CharField()
    record = UUIDField()
    action = CharField()  # create | edit | delete | restore
    changes = TextField(default="{}")

    class Meta:
        database = database
        legacy_table_names = False
        indexes = ((("kind", "record", "at"), False),)


RECORD_MODELS: tuple[type[BaseModel], ...] = (
    Unit, Campaign, Phase, Village, VillageGroup, Person, Household, Session, Attendance,
    Writing, Visit, Category, SuggestionItem, Suggestion, Rectification, Publicity, SummaryText,
)
ALL_MODELS: tuple[type[Model], ...] = (*RECORD_MODELS, VisitVisitor, Setting, Change)
