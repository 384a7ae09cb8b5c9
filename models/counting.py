"""The SQL behind ``models.figures``: each kind of record of a scope counted in a few grouped queries.

Nothing here loops over records in Python: the county's million visits are
counted by SQLite. ``fill`` sets the attributes of a ``figures.Figures``;
what each printed figure means is defined there, not here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from peewee import JOIN, SQL, fn

from models import records as r
from models import settings, vocab
from models.rates import rate
from models.scope import Scope, as_date, dated, villages, where

KEY_MEETINGS = ("mobilization", "forum", "study_tour")  # the meetings a summary names with their dates


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
    def rate(self) -> float | None:
        return rate(self.visited, self.households)

    @property
    def complete(self) -> bool:
        return self.households > 0 and self.visited == self.households


@dataclass(frozen=True)
class CategoryCount:
    name: str  # "" for records without a category
    count: int
    items: int = 0  # consolidated items (suggestions only)


def fill(figures: Any, scope: Scope) -> None:
    """Set every counted attribute of ``figures`` (a ``figures.Figures``) from the records of ``scope``."""
    _sessions(figures, scope)
    _writings(figures, scope)
    _visits(figures, scope)
    _suggestions(figures, scope)
    _rectifications(figures, scope)
    _publicity(figures, scope)


# --- sessions and attendance -----------------------------------------------------------------------

_Marks, _Unmarked = r.Attendance.alias("marks"), r.Attendance.alias("unmarked")


def recorded_condition(session: Any = r.Session) -> Any:
    """A session's attendance is recorded: someone was expected, and everyone expected is marked."""
    anyone = _Marks.select(_Marks.id).where(_Marks.session == session.id, _Marks.deleted_at.is_null())
    unmarked = _Unmarked.select(_Unmarked.id).where(
        _Unmarked.session == session.id, _Unmarked.deleted_at.is_null(), _Unmarked.status.is_null())
    return fn.EXISTS(anyone) & ~fn.EXISTS(unmarked)


def _sessions(f: Any, scope: Scope) -> None:
    S = r.Session
    conditions = where(S, scope) or []
    for kind, count in S.select(S.kind, fn.COUNT(S.id)).where(*conditions).group_by(S.kind).tuples():
        f.sessions_by_kind[kind] = count
    for date, kind, topic, destination, head_count in (
            S.select(S.date, S.kind, S.topic, S.destination, S.head_count)
            .where(*conditions, S.kind.in_(KEY_MEETINGS)).order_by(S.date, S.start_time).tuples()):
        f.meetings.append(Meeting(as_date(date), kind, topic, destination or "", head_count))
    recorded = S.select(S.id).where(*conditions, recorded_condition())
    f.attendance_recorded = recorded.count()
    marks = (r.Attendance.select(r.Attendance.status, fn.COUNT(r.Attendance.id))
             .where(r.Attendance.session.in_(recorded), r.Attendance.deleted_at.is_null())
             .group_by(r.Attendance.status).tuples())
    for status, count in marks:
        f.attendance[status] = count


# --- writings --------------------------------------------------------------------------------------

def _writings(f: Any, scope: Scope) -> None:
    W = r.Writing
    conditions = where(W, scope) or []
    for kind, count in W.select(W.kind, fn.COUNT(W.id)).where(*conditions).group_by(W.kind).tuples():
        f.writings_by_kind[kind] = count
    notes = [*conditions, W.kind == "notes"]
    f.notes_characters = W.select(fn.COALESCE(fn.SUM(W.length), 0)).where(*notes).scalar() or 0
    per_person = (W.select(fn.COALESCE(fn.SUM(W.length), 0).alias("total")).where(*notes)
                  .group_by(W.person)).alias("per_person")
    f.notes_authors = W.select(fn.COUNT(SQL("*"))).from_(per_person).scalar() or 0
    f.notes_least = W.select(fn.MIN(per_person.c.total)).from_(per_person).scalar() or 0
    f.writing_authors = W.select(fn.COUNT(W.person.distinct())).where(*conditions).scalar() or 0
    checked = W.checked_on.is_null(False)
    f.writings_checked = W.select(fn.COUNT(W.id)).where(*conditions, checked).scalar() or 0
    leader_keys = [key for (key,) in leaders(scope).tuples()]
    f.leaders = len(leader_keys)
    reports: dict[Any, int] = {key: count for key, count in (
        W.select(W.person, fn.COUNT(W.id))
        .where(*conditions, W.kind == "research_report", W.person.in_(leader_keys))
        .group_by(W.person).tuples())}
    f.leader_reports = sum(reports.values())
    f.leader_reports_least = min((reports.get(key, 0) for key in leader_keys), default=0)


def leaders(scope: Scope):
    """The leadership group the scope's writings are measured against: in post, of its unit or village."""
    P = r.Person
    query = P.select(P.id).where(P.deleted_at.is_null(), P.active == True, P.leader == True)  # noqa: E712
    if scope.village is not None:
        return query.where(P.village == scope.village)
    if scope.campaign is not None:
        unit = r.Campaign.select(r.Campaign.unit).where(r.Campaign.id == scope.campaign)
        return query.where(P.unit == unit)
    return query


# --- visits and coverage ---------------------------------------------------------------------------

Seen = r.Visit.alias("seen")


def seen_condition(scope: Scope, household: Any = r.Household) -> Any:
    """The household has a live visit of the scope: of a whole campaign, its visits' households listed
    once (by the campaign's index; on the county 20 ms rather than 45 ms for the villages' coverage);
    otherwise one index probe per household."""
    if scope.campaign is not None and scope.village is None:
        return household.id.in_(Seen.select(Seen.household).where(
            Seen.household.is_null(False), *dated(r.Visit, scope, Seen)))
    return fn.EXISTS(Seen.select(Seen.id).where(Seen.household == household.id, *dated(r.Visit, scope, Seen)))


def _visits(f: Any, scope: Scope) -> None:
    V = r.Visit
    conditions = where(V, scope) or []
    for method, count in V.select(V.method, fn.COUNT(V.id)).where(*conditions).group_by(V.method).tuples():
        f.visits_by_method[method] = count
    f.visits = sum(f.visits_by_method.values())
    per_village = (r.Village
                   .select(r.Village.id, r.Village.name, fn.COUNT(r.Household.id),
                           fn.COUNT(r.Household.id).filter(seen_condition(scope)))
                   .join(r.Household, JOIN.LEFT_OUTER, on=(
                       (r.Household.village == r.Village.id) & r.Household.deleted_at.is_null()))
                   .where(r.Village.id.in_(villages(scope)))
                   .group_by(r.Village.id).order_by(r.Village.position, r.Village.name))
    for key, name, total, visited in per_village.tuples():
        f.coverage.append(VillageCoverage(_uuid(key), name, total, visited))


# --- suggestions -----------------------------------------------------------------------------------

def _suggestions(f: Any, scope: Scope) -> None:
    S = r.Suggestion
    conditions = where(S, scope) or []
    live_item = S.item.in_(r.SuggestionItem.select(r.SuggestionItem.id).where(
        r.SuggestionItem.deleted_at.is_null()))
    for name, counter in (("status", f.suggestions_by_status), ("source", f.suggestions_by_source)):
        column = getattr(S, name)
        for code, count in S.select(column, fn.COUNT(S.id)).where(*conditions).group_by(column).tuples():
            counter[code] = count
    f.suggestions = sum(f.suggestions_by_status.values())
    f.suggestion_items = S.select(fn.COUNT(S.item.distinct())).where(*conditions, live_item).scalar() or 0
    rows = (S.select(r.Category.name, fn.COUNT(S.id), fn.COUNT(S.item.distinct()).filter(live_item))
            .join(r.Category, JOIN.LEFT_OUTER).where(*conditions)
            .group_by(r.Category.id).order_by(r.Category.position, r.Category.name).tuples())
    f.suggestions_by_category = [CategoryCount(name or "", count, items) for name, count, items in rows]


# --- rectification ---------------------------------------------------------------------------------

def overdue(today: dt.date, model: Any = r.Rectification) -> list[Any]:
    """Past its deadline and not finished, on the document's date (the rectification list's rule too)."""
    return [model.deadline < today, model.status.in_(vocab.RECTIFICATION_OPEN)]


def _rectifications(f: Any, scope: Scope) -> None:
    X = r.Rectification
    conditions = where(X, scope) or []
    for name, counter in (("status", f.rectifications_by_status), ("source", f.rectifications_by_source)):
        column = getattr(X, name)
        for code, count in X.select(column, fn.COUNT(X.id)).where(*conditions).group_by(column).tuples():
            counter[code] = count
    f.rectifications_overdue = X.select(fn.COUNT(X.id)).where(*conditions, *overdue(scope.on())).scalar() or 0
    rows = (X.select(r.Category.name, fn.COUNT(X.id)).join(r.Category, JOIN.LEFT_OUTER).where(*conditions)
            .group_by(r.Category.id).order_by(r.Category.position, r.Category.name).tuples())
    f.rectifications_by_category = [CategoryCount(name or "", count) for name, count in rows]
    f.rectification_departments = [
        name for (name,) in X.select(X.department).where(*conditions, X.department != "")
        .group_by(X.department).order_by(fn.COUNT(X.id).desc(), X.department).tuples()]


# --- publicity -------------------------------------------------------------------------------------

def _publicity(f: Any, scope: Scope) -> None:
    P = r.Publicity
    conditions = where(P, scope)
    if conditions is None:
        return  # publicity is the unit's, not a village's
    for kind, count in P.select(P.kind, fn.COUNT(P.id)).where(*conditions).group_by(P.kind).tuples():
        f.publicity_by_kind[kind] = count
    own = own_outlet_test(scope)
    higher: dict[str, int] = {}
    for outlet, count in (P.select(P.outlet, fn.COUNT(P.id)).where(*conditions, P.kind == "article")
                          .group_by(P.outlet).tuples()):
        if own(outlet or ""):
            f.articles_own += count
            if outlet:
                f.own_outlets.append(outlet)
        else:
            f.articles_higher += count
            if outlet:
                higher[outlet] = count
    f.higher_outlets = sorted(higher, key=lambda name: (-higher[name], name))


def own_outlet_test(scope: Scope):
    """Whether an outlet is the unit's own: one of 设置 → 本单位's own media, else one bearing its name."""
    named = settings.own_outlets()
    if named:
        return lambda outlet: outlet.strip() in named
    unit = None
    if scope.campaign is not None:
        campaign = r.Campaign.get_or_none(r.Campaign.id == scope.campaign)
        unit = campaign.unit if campaign is not None else None
    unit = unit or settings.current_unit()
    short = short_name(unit.name) if unit is not None else ""
    return lambda outlet: bool(short) and short in outlet


def short_name(name: str) -> str:
    """松口镇 → 松口, 龙潭村 → 龙潭: how a unit's own media name it."""
    name = (name or "").strip()
    for suffix in ("街道办事处", "街道", "社区", "镇", "乡", "村", "局", "县", "区"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _uuid(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))
