"""The lists the window shows, one ``ListSpec`` a kind of record: columns, joins, search and filters."""

from __future__ import annotations

from peewee import JOIN, Case, fn

from models import records as r
from models import sqlite, vocab
from models.i18n import QT_TRANSLATE_NOOP
from models.lists.record_list import Column, ListSpec, Via, overdue_condition

Host = r.Person.alias("host")
Recorder = r.Person.alias("recorder")
Author = r.Person.alias("author")
Checker = r.Person.alias("checker")
Submitter = r.Person.alias("submitter")
Owner = r.Person.alias("owner")
Leader = r.Person.alias("leader")
SuggestionCategory = r.Category.alias("scat")
ProblemCategory = r.Category.alias("pcat")
_AttendanceRow = r.Attendance.alias("att")
_VisitorRow = r.VisitVisitor.alias("vv")
_VisitorPerson = r.Person.alias("vp")
_RectificationRow = r.Rectification.alias("rect")
_VisitRow = r.Visit.alias("hv")


def _attendance_count(statuses: tuple[str, ...] | None):
    query = _AttendanceRow.select(fn.COUNT(_AttendanceRow.id)).where(
        _AttendanceRow.session == r.Session.id, _AttendanceRow.deleted_at.is_null())
    if statuses is not None:
        query = query.where(_AttendanceRow.status.in_(statuses))
    return query


def _visitor_names():
    return (_VisitorRow.select(sqlite.joined_text(_VisitorPerson.name))
            .join(_VisitorPerson, on=(_VisitorRow.person == _VisitorPerson.id))
            .where(_VisitorRow.visit == r.Visit.id))


def _rectified(link):
    return Case(None, [(fn.EXISTS(_RectificationRow.select(_RectificationRow.id).where(
        link == _RectificationRow.visit if link is r.Visit.id else
        link == _RectificationRow.suggestion, _RectificationRow.deleted_at.is_null())), 1)], 0)


SESSIONS = ListSpec(
    key="sessions", model=r.Session,
    columns=(
        Column("date", r.Session.date.verbose_name, r.Session.date, "date", width=10),
        Column("start", r.Session.start_time.verbose_name, r.Session.start_time, "time", width=6),
        Column("kind", r.Session.kind.verbose_name, r.Session.kind, "choice", vocab.SESSION_KINDS, 12),
        Column("topic", r.Session.topic.verbose_name, r.Session.topic, width=28),
        Column("place", r.Session.place.verbose_name, r.Session.place, width=12),
        Column("host", r.Session.host.verbose_name, Host.name, width=6),
        Column("expected", QT_TRANSLATE_NOOP("Field", "Expected"), _attendance_count(None), "int", width=5),
        Column("attended", QT_TRANSLATE_NOOP("Field", "Attended"),
               _attendance_count(vocab.ATTENDED), "int", width=5),
        Column("phase", r.Session.phase.verbose_name, r.Phase.name, width=10),
    ),
    joins=lambda q: (q.join_from(r.Session, Host, JOIN.LEFT_OUTER, on=(r.Session.host == Host.id))
                     .join_from(r.Session, r.Phase, JOIN.LEFT_OUTER)),
    search=(r.Session.topic, r.Session.place, r.Session.speaker, r.Session.content,
            Via(r.Session.host, r.Person.name)),
    default_sort=("date", True),
    campaign=r.Session.campaign, by_village=True, date=r.Session.date,
    choice=r.Session.kind, choice_vocabulary=vocab.SESSION_KINDS,
    choice_title=r.Session.kind.verbose_name,
)

WRITINGS = ListSpec(
    key="writings", model=r.Writing,
    columns=(
        Column("person", r.Writing.person.verbose_name, Author.name, width=6),
        Column("title_", QT_TRANSLATE_NOOP("Field", "Post"), Author.title, width=10),
        Column("kind", r.Writing.kind.verbose_name, r.Writing.kind, "choice", vocab.WRITING_KINDS, 8),
        Column("title", r.Writing.title.verbose_name, r.Writing.title, width=28),
        Column("length", r.Writing.length.verbose_name, r.Writing.length, "int", width=6),
        Column("date", r.Writing.date.verbose_name, r.Writing.date, "date", width=10),
        Column("checker", r.Writing.checked_by.verbose_name, Checker.name, width=6),
        Column("checked_on", r.Writing.checked_on.verbose_name, r.Writing.checked_on, "date", width=10),
    ),
    joins=lambda q: (q.join_from(r.Writing, Author, on=(r.Writing.person == Author.id))
                     .join_from(r.Writing, Checker, JOIN.LEFT_OUTER,
                                on=(r.Writing.checked_by == Checker.id))),
    search=(r.Writing.title, Via(r.Writing.person, r.Person.name)),
    default_sort=("date", True),
    campaign=r.Writing.campaign, by_village=True, date=r.Writing.date,
    choice=r.Writing.kind, choice_vocabulary=vocab.WRITING_KINDS,
    choice_title=r.Writing.kind.verbose_name,
)

VISITS = ListSpec(
    key="visits", model=r.Visit,
    columns=(
        Column("date", r.Visit.date.verbose_name, r.Visit.date, "date", width=10),
        Column("village", r.Household.village.verbose_name, r.Village.name, width=8),
        Column("group", r.Household.group.verbose_name, r.VillageGroup.name, width=5),
        Column("head", r.Household.head_name.verbose_name, r.Household.head_name, width=6),
        Column("method", r.Visit.method.verbose_name, r.Visit.method, "choice", vocab.VISIT_METHODS, 8),
        Column("visitors", QT_TRANSLATE_NOOP("Field", "Visitors"), _visitor_names(), width=10,
               sortable=False),
        Column("requests", r.Visit.requests.verbose_name, r.Visit.requests, width=24),
        Column("satisfaction", r.Visit.satisfaction.verbose_name, r.Visit.satisfaction, "choice",
               vocab.SATISFACTION, 6),
        Column("rectified", QT_TRANSLATE_NOOP("Field", "Rectification raised"),
               _rectified(r.Visit.id), "bool", width=5),
    ),
    joins=lambda q: (q.join_from(r.Visit, r.Household).join_from(r.Household, r.Village)
                     .join_from(r.Household, r.VillageGroup, JOIN.LEFT_OUTER)),
    search=(Via(r.Visit.household, r.Household.head_name),
            Via(r.Visit.household, Via(r.Household.village, r.Village.name)),
            Via(r.Visit.household, Via(r.Household.group, r.VillageGroup.name)),
            r.Visit.requests, r.Visit.situation),
    default_sort=("date", True),
    campaign=r.Visit.campaign, by_village=True, date=r.Visit.date,
    choice=r.Visit.method, choice_vocabulary=vocab.VISIT_METHODS,
    choice_title=r.Visit.method.verbose_name,
)

SUGGESTIONS = ListSpec(
    key="suggestions", model=r.Suggestion,
    columns=(
        Column("date", r.Suggestion.date.verbose_name, r.Suggestion.date, "date", width=10),
        Column("submitter", QT_TRANSLATE_NOOP("Field", "Submitted by"),
               fn.COALESCE(Submitter.name, r.Suggestion.submitter_name), width=6),
        Column("source", r.Suggestion.source.verbose_name, r.Suggestion.source, "choice",
               vocab.SUGGESTION_SOURCES, 6),
        Column("category", r.Suggestion.category.verbose_name, SuggestionCategory.name, width=10),
        Column("content", r.Suggestion.content.verbose_name, r.Suggestion.content, width=30),
        Column("item", r.Suggestion.item.verbose_name, r.SuggestionItem.title, width=14),
        Column("status", r.Suggestion.status.verbose_name, r.Suggestion.status, "choice",
               vocab.SUGGESTION_STATUSES, 7),
        Column("department", r.Suggestion.department.verbose_name, r.Suggestion.department, width=8),
        Column("reply_date", r.Suggestion.reply_date.verbose_name, r.Suggestion.reply_date, "date", width=10),
        Column("rectified", QT_TRANSLATE_NOOP("Field", "Rectification raised"),
               _rectified(r.Suggestion.id), "bool", width=5),
    ),
    joins=lambda q: (q.join_from(r.Suggestion, Submitter, JOIN.LEFT_OUTER,
                                 on=(r.Suggestion.submitter == Submitter.id))
                     .join_from(r.Suggestion, SuggestionCategory, JOIN.LEFT_OUTER,
                                on=(r.Suggestion.category == SuggestionCategory.id))
                     .join_from(r.Suggestion, r.SuggestionItem, JOIN.LEFT_OUTER)),
    search=(r.Suggestion.content, r.Suggestion.submitter_name, Via(r.Suggestion.submitter, r.Person.name),
            r.Suggestion.reply, Via(r.Suggestion.item, r.SuggestionItem.title)),
    default_sort=("date", True),
    campaign=r.Suggestion.campaign, by_village=True, date=r.Suggestion.date,
    choice=r.Suggestion.status, choice_vocabulary=vocab.SUGGESTION_STATUSES,
    choice_title=r.Suggestion.status.verbose_name,
)

RECTIFICATIONS = ListSpec(
    key="rectifications", model=r.Rectification,
    columns=(
        Column("recorded_on", r.Rectification.recorded_on.verbose_name, r.Rectification.recorded_on,
               "date", width=10),
        Column("problem", r.Rectification.problem.verbose_name, r.Rectification.problem, width=30),
        Column("category", r.Rectification.category.verbose_name, ProblemCategory.name, width=12),
        Column("source", r.Rectification.source.verbose_name, r.Rectification.source, "choice",
               vocab.RECTIFICATION_SOURCES, 7),
        Column("department", r.Rectification.department.verbose_name, r.Rectification.department,
               width=8),
        Column("person", r.Rectification.person.verbose_name, Owner.name, width=6),
        Column("deadline", r.Rectification.deadline.verbose_name, r.Rectification.deadline, "date",
               width=10),
        Column("status", r.Rectification.status.verbose_name, r.Rectification.status, "choice",
               vocab.RECTIFICATION_STATUSES, 8),
        Column("overdue", QT_TRANSLATE_NOOP("Field", "Overdue"),
               Case(None, [(overdue_condition(), 1)], 0), "flag", width=5),
        Column("completed_on", r.Rectification.completed_on.verbose_name,
               r.Rectification.completed_on, "date", width=10),
    ),
    joins=lambda q: (q.join_from(r.Rectification, ProblemCategory, JOIN.LEFT_OUTER,
                                 on=(r.Rectification.category == ProblemCategory.id))
                     .join_from(r.Rectification, Owner, JOIN.LEFT_OUTER,
                                on=(r.Rectification.person == Owner.id))),
    search=(r.Rectification.problem, r.Rectification.measures, r.Rectification.department,
            Via(r.Rectification.person, r.Person.name)),
    default_sort=("recorded_on", True),
    campaign=r.Rectification.campaign, by_village=True, date=r.Rectification.recorded_on,
    choice=r.Rectification.status, choice_vocabulary=vocab.RECTIFICATION_STATUSES,
    choice_title=r.Rectification.status.verbose_name,
)

PUBLICITY = ListSpec(
    key="publicity", model=r.Publicity,
    columns=(
        Column("date", r.Publicity.date.verbose_name, r.Publicity.date, "date", width=10),
        Column("kind", r.Publicity.kind.verbose_name, r.Publicity.kind, "choice",
               vocab.PUBLICITY_KINDS, 8),
        Column("title", r.Publicity.title.verbose_name, r.Publicity.title, width=34),
        Column("outlet", r.Publicity.outlet.verbose_name, r.Publicity.outlet, width=14),
    ),
    joins=lambda q: q,
    search=(r.Publicity.title, r.Publicity.outlet),
    default_sort=("date", True),
    campaign=r.Publicity.campaign, date=r.Publicity.date,
    choice=r.Publicity.kind, choice_vocabulary=vocab.PUBLICITY_KINDS,
    choice_title=r.Publicity.kind.verbose_name,
)

HOUSEHOLDS = ListSpec(
    key="households", model=r.Household,
    columns=(
        Column("village", r.Household.village.verbose_name, r.Village.name, width=8),
        Column("group", r.Household.group.verbose_name, r.VillageGroup.name, width=5),
        Column("head", r.Household.head_name.verbose_name, r.Household.head_name, width=6),
        Column("id_number", r.Household.id_number.verbose_name, r.Household.id_number, width=18),
        Column("phone", r.Household.phone.verbose_name, r.Household.phone, width=11),
        Column("population", r.Household.population.verbose_name, r.Household.population, "int",
               width=5),
        Column("tags", r.Household.tags.verbose_name, r.Household.tags, "tags",
               vocab.HOUSEHOLD_TAGS, 10),
        Column("address", r.Household.address.verbose_name, r.Household.address, width=16),
        Column("visits", QT_TRANSLATE_NOOP("Field", "Visits"),
               _VisitRow.select(fn.COUNT(_VisitRow.id)).where(
                   _VisitRow.household == r.Household.id, _VisitRow.deleted_at.is_null()),
               "int", width=5),
    ),
    joins=lambda q: (q.join_from(r.Household, r.Village)
                     .join_from(r.Household, r.VillageGroup, JOIN.LEFT_OUTER)),
    search=(r.Household.head_name, r.Household.id_number, r.Household.phone,
            Via(r.Household.village, r.Village.name), Via(r.Household.group, r.VillageGroup.name),
            r.Household.address),
    default_sort=("village", False),
    by_village=True,
    choice=r.Household.tags, choice_vocabulary=vocab.HOUSEHOLD_TAGS,
    choice_title=r.Household.tags.verbose_name,
)

PERSONS = ListSpec(
    key="persons", model=r.Person,
    columns=(
        Column("name", r.Person.name.verbose_name, r.Person.name, width=6),
        Column("gender", r.Person.gender.verbose_name, r.Person.gender, "choice", vocab.GENDERS, 3),
        Column("title", r.Person.title.verbose_name, r.Person.title, width=12),
        Column("department", r.Person.department.verbose_name, r.Person.department, width=10),
        Column("village", r.Person.village.verbose_name, r.Village.name, width=8),
        Column("leader", r.Person.leader.verbose_name, r.Person.leader, "bool", width=5),
        Column("party_member", r.Person.party_member.verbose_name, r.Person.party_member, "bool",
               width=4),
        Column("phone", r.Person.phone.verbose_name, r.Person.phone, width=11),
        Column("active", r.Person.active.verbose_name, r.Person.active, "bool", width=4),
    ),
    joins=lambda q: q.join_from(r.Person, r.Village, JOIN.LEFT_OUTER),
    search=(r.Person.name, r.Person.title, r.Person.department, r.Person.phone),
    default_sort=("name", False),
    by_village=True,
)

LISTS = {spec.key: spec for spec in (SESSIONS, WRITINGS, VISITS, SUGGESTIONS, RECTIFICATIONS,
                                     PUBLICITY, HOUSEHOLDS, PERSONS)}
