"""The figures of a campaign, counted once for the registers, the summary and the overview.

Every number a summary quotes (领导班子集中学习4次, 征集意见建议37条 梳理为五大类19条 …)
is computed here, in SQL, for a ``Scope``: one campaign or every campaign, a
date range, optionally one village. The statistics sheet of the registers,
the Word summary and the overview page all read the same ``Figures``, so they
cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import peewee
from peewee import JOIN, fn

from models import records as r
from models import vocab


@dataclass(frozen=True)
class Scope:
    """Which records count: a campaign (or all), a date range, a village."""

    campaign: UUID | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    village: UUID | None = None
    today: dt.date | None = None  # what "overdue" is measured against; None = the real today

    def on(self) -> dt.date:
        return self.today or dt.date.today()


@dataclass(frozen=True)
class Meeting:
    date: dt.date
    kind: str
    topic: str
    destination: str = ""
    head_count: int | None = None


@dataclass(frozen=True)
class VillageCoverage:
    village: UUID
    name: str
    households: int
    visited: int

    @property
    def rate(self) -> float:
        return self.visited / self.households if self.households else 0.0


@dataclass(frozen=True)
class CategoryCount:
    name: str  # "" for records without a category
    count: int
    items: int = 0  # consolidated items (suggestions only)


@dataclass
class Figures:
    """What a campaign's records add up to."""

    scope: Scope
    sessions_by_kind: Counter = field(default_factory=Counter)
    meetings: list[Meeting] = field(default_factory=list)  # dated key meetings and study tours
    attendance: Counter = field(default_factory=Counter)  # status (None = not entered) → marks
    writings_by_kind: Counter = field(default_factory=Counter)
    notes_characters: int = 0
    writing_authors: int = 0
    visits: int = 0
    visits_by_method: Counter = field(default_factory=Counter)
    households: int = 0
    households_visited: int = 0
    coverage: list[VillageCoverage] = field(default_factory=list)
    suggestions: int = 0
    suggestion_items: int = 0
    suggestions_by_category: list[CategoryCount] = field(default_factory=list)
    suggestions_by_status: Counter = field(default_factory=Counter)
    suggestions_by_source: Counter = field(default_factory=Counter)
    rectifications_by_status: Counter = field(default_factory=Counter)
    rectifications_overdue: int = 0
    rectifications_by_category: list[CategoryCount] = field(default_factory=list)
    rectification_departments: list[str] = field(default_factory=list)
    publicity_by_kind: Counter = field(default_factory=Counter)

    # --- what summaries quote ------------------------------------------------------

    @property
    def sessions(self) -> int:
        return sum(self.sessions_by_kind.values())

    @property
    def expected(self) -> int:
        return sum(self.attendance.values())

    @property
    def attended(self) -> int:
        return sum(self.attendance[status] for status in vocab.ATTENDED)

    @property
    def attendance_rate(self) -> float:
        """Attended of expected, among the marks entered."""
        entered = self.expected - self.attendance[None]
        return self.attended / entered if entered else 0.0

    @property
    def writings(self) -> int:
        return sum(self.writings_by_kind.values())

    @property
    def coverage_rate(self) -> float:
        return self.households_visited / self.households if self.households else 0.0

    @property
    def villages(self) -> int:
        return len(self.coverage)

    @property
    def suggestion_categories(self) -> int:
        return sum(1 for entry in self.suggestions_by_category if entry.name)

    @property
    def suggestions_answered(self) -> int:
        return sum(self.suggestions_by_status[s] for s in vocab.SUGGESTION_ANSWERED)

    @property
    def suggestions_adopted(self) -> int:
        return self.suggestions_by_status["adopted"] + self.suggestions_by_status["partly"]

    @property
    def rectifications(self) -> int:
        return sum(self.rectifications_by_status.values())

    @property
    def rectifications_done(self) -> int:
        return self.rectifications_by_status["done"]

    @property
    def rectifications_in_progress(self) -> int:
        return self.rectifications_by_status["in_progress"]

    @property
    def publicity(self) -> int:
        return sum(self.publicity_by_kind.values())


def compute(scope: Scope) -> Figures:
    """Count everything, each kind of record in a few grouped queries."""
    figures = Figures(scope)
    _sessions(figures, scope)
    _writings(figures, scope)
    _visits(figures, scope)
    _suggestions(figures, scope)
    _rectifications(figures, scope)
    _publicity(figures, scope)
    return figures


# --- the filters of a scope ------------------------------------------------------------

def within(model: Any, date_field: peewee.Field, scope: Scope) -> list[Any]:
    # ``model`` is a record kind or an alias of one (``figures.Visit``).
    """Conditions on a record kind that has a campaign and a date."""
    conditions = [model.deleted_at.is_null()]
    if scope.campaign is not None:
        conditions.append(model.campaign == scope.campaign)
    if scope.date_from is not None:
        conditions.append(date_field >= scope.date_from)
    if scope.date_to is not None:
        conditions.append(date_field <= scope.date_to)
    return conditions


def live_households(scope: Scope) -> peewee.Select:
    """The households the coverage is measured against: those of the scope's villages."""
    query = r.Household.select(r.Household.id).where(r.Household.deleted_at.is_null())
    if scope.village is not None:
        query = query.where(r.Household.village == scope.village)
    else:
        query = query.where(r.Household.village.in_(_villages(scope)))
    return query


def _villages(scope: Scope) -> peewee.Select:
    """The villages of the campaign's unit and the units under it (all when no campaign)."""
    query = r.Village.select(r.Village.id).where(r.Village.deleted_at.is_null())
    if scope.village is not None:
        return query.where(r.Village.id == scope.village)
    if scope.campaign is None:
        return query
    unit = r.Campaign.select(r.Campaign.unit).where(r.Campaign.id == scope.campaign)
    below = r.Unit.select(r.Unit.id).where(r.Unit.parent.in_(unit))
    return query.where(r.Village.unit.in_(unit) | r.Village.unit.in_(below))


# --- each kind of record ------------------------------------------------------------------

KEY_MEETINGS = ("mobilization", "forum", "study_tour")


def _sessions(figures: Figures, scope: Scope) -> None:
    where = within(r.Session, r.Session.date, scope)
    for kind, count in (r.Session.select(r.Session.kind, fn.COUNT(r.Session.id))
                        .where(*where).group_by(r.Session.kind).tuples()):
        figures.sessions_by_kind[kind] = count
    for date, kind, topic, destination, head_count in (
            r.Session.select(r.Session.date, r.Session.kind, r.Session.topic, r.Session.destination,
                             r.Session.head_count)
            .where(*where, r.Session.kind.in_(KEY_MEETINGS)).order_by(r.Session.date).tuples()):
        figures.meetings.append(Meeting(_date(date), kind, topic, destination or "", head_count))
    marks = (r.Attendance.select(r.Attendance.status, fn.COUNT(r.Attendance.id))
             .join(r.Session).where(*where, r.Attendance.deleted_at.is_null())
             .group_by(r.Attendance.status).tuples())
    for status, count in marks:
        figures.attendance[status] = count


def _writings(figures: Figures, scope: Scope) -> None:
    where = within(r.Writing, r.Writing.date, scope)
    if scope.village is not None:
        where.append(r.Writing.person.in_(r.Person.select(r.Person.id).where(
            r.Person.village == scope.village)))
    for kind, count in (r.Writing.select(r.Writing.kind, fn.COUNT(r.Writing.id)).where(*where)
                        .group_by(r.Writing.kind).tuples()):
        figures.writings_by_kind[kind] = count
    figures.notes_characters = (r.Writing.select(fn.COALESCE(fn.SUM(r.Writing.length), 0))
                                .where(*where, r.Writing.kind == "notes").scalar()) or 0
    figures.writing_authors = (r.Writing.select(fn.COUNT(r.Writing.person.distinct()))
                               .where(*where).scalar()) or 0


def _visits(figures: Figures, scope: Scope) -> None:
    where = within(r.Visit, r.Visit.date, scope)
    if scope.village is not None:
        where.append(r.Visit.household.in_(live_households(scope)))
    figures.visits = r.Visit.select(fn.COUNT(r.Visit.id)).where(*where).scalar() or 0
    for method, count in (r.Visit.select(r.Visit.method, fn.COUNT(r.Visit.id)).where(*where)
                          .group_by(r.Visit.method).tuples()):
        figures.visits_by_method[method] = count
    # Visited: a live visit of the scope exists for the household (one index probe each;
    # cheaper than a million-row IN list on the county's whole database).
    seen = Visit.select(Visit.id).where(Visit.household == r.Household.id,
                                        *within(Visit, Visit.date, scope))
    per_village = (r.Village
                   .select(r.Village.id, r.Village.name, fn.COUNT(r.Household.id),
                           fn.COUNT(r.Household.id).filter(fn.EXISTS(seen)))
                   .join(r.Household, JOIN.LEFT_OUTER, on=(
                       (r.Household.village == r.Village.id) & r.Household.deleted_at.is_null()))
                   .where(r.Village.id.in_(_villages(scope)))
                   .group_by(r.Village.id).order_by(r.Village.position, r.Village.name))
    for key, name, total, visited in per_village.tuples():
        figures.coverage.append(VillageCoverage(_uuid(key), name, total, visited))
    figures.households = sum(entry.households for entry in figures.coverage)
    figures.households_visited = sum(entry.visited for entry in figures.coverage)


Visit = r.Visit.alias("seen")


def _suggestions(figures: Figures, scope: Scope) -> None:
    where = within(r.Suggestion, r.Suggestion.date, scope)
    if scope.village is not None:
        where.append(r.Suggestion.submitter.in_(r.Person.select(r.Person.id).where(
            r.Person.village == scope.village)))
    figures.suggestions = r.Suggestion.select(fn.COUNT(r.Suggestion.id)).where(*where).scalar() or 0
    live_item = r.Suggestion.item.in_(r.SuggestionItem.select(r.SuggestionItem.id).where(
        r.SuggestionItem.deleted_at.is_null()))
    figures.suggestion_items = (r.Suggestion.select(fn.COUNT(r.Suggestion.item.distinct()))
                                .where(*where, live_item).scalar()) or 0
    for status, count in (r.Suggestion.select(r.Suggestion.status, fn.COUNT(r.Suggestion.id))
                          .where(*where).group_by(r.Suggestion.status).tuples()):
        figures.suggestions_by_status[status] = count
    for source, count in (r.Suggestion.select(r.Suggestion.source, fn.COUNT(r.Suggestion.id))
                          .where(*where).group_by(r.Suggestion.source).tuples()):
        figures.suggestions_by_source[source] = count
    rows = (r.Suggestion
            .select(r.Category.name, fn.COUNT(r.Suggestion.id),
                    fn.COUNT(r.Suggestion.item.distinct()).filter(live_item))
            .join(r.Category, JOIN.LEFT_OUTER).where(*where)
            .group_by(r.Category.id).order_by(r.Category.position, r.Category.name).tuples())
    figures.suggestions_by_category = [CategoryCount(name or "", count, items)
                                       for name, count, items in rows]


def _rectifications(figures: Figures, scope: Scope) -> None:
    where = within(r.Rectification, r.Rectification.recorded_on, scope)
    if scope.village is not None:
        where.append(r.Rectification.visit.in_(r.Visit.select(r.Visit.id).join(r.Household).where(
            r.Household.village == scope.village)))
    for status, count in (r.Rectification.select(r.Rectification.status, fn.COUNT(r.Rectification.id))
                          .where(*where).group_by(r.Rectification.status).tuples()):
        figures.rectifications_by_status[status] = count
    figures.rectifications_overdue = (r.Rectification.select(fn.COUNT(r.Rectification.id))
                                      .where(*where, *overdue(scope.on())).scalar()) or 0
    rows = (r.Rectification.select(r.Category.name, fn.COUNT(r.Rectification.id))
            .join(r.Category, JOIN.LEFT_OUTER).where(*where)
            .group_by(r.Category.id).order_by(r.Category.position, r.Category.name).tuples())
    figures.rectifications_by_category = [CategoryCount(name or "", count) for name, count in rows]
    figures.rectification_departments = [
        name for (name,) in r.Rectification.select(r.Rectification.department)
        .where(*where, r.Rectification.department != "")
        .group_by(r.Rectification.department)
        .order_by(fn.COUNT(r.Rectification.id).desc(), r.Rectification.department).tuples()]


def overdue(today: dt.date) -> list[Any]:
    """Past its deadline and not finished (the same rule as the rectification list's)."""
    return [r.Rectification.deadline < today,
            r.Rectification.status.in_(vocab.RECTIFICATION_OPEN)]


def _publicity(figures: Figures, scope: Scope) -> None:
    if scope.village is not None:
        return  # publicity belongs to the unit, not to a village
    where = within(r.Publicity, r.Publicity.date, scope)
    for kind, count in (r.Publicity.select(r.Publicity.kind, fn.COUNT(r.Publicity.id))
                        .where(*where).group_by(r.Publicity.kind).tuples()):
        figures.publicity_by_kind[kind] = count


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _uuid(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))
