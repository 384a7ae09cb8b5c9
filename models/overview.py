"""Where a campaign stands: the series its charts draw and what is left to do.

The overview page shows ``models.figures`` (the same numbers the registers and
the summary print), the series below, and a to-do list. All of it is counted
in SQL for a ``figures.Scope``; nothing here loops over all the records.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from peewee import JOIN, fn

from models import counting, figures, settings, sqlite, vocab
from models import records as r
from models.figures import Scope, date_of, uuid_of
from models.i18n import translate
from models.scope import where

# Settings of the to-do list, kept in the database (they are the office's rules).
SETTINGS = {
    "todo_reply_days": 15,  # a suggestion without a reply after this many days
    "todo_deadline_days": 7,  # a rectification due within this many days
    "todo_absences": 2,  # a person absent from more than this many sessions
}


def setting(key: str) -> int:
    value = settings.get_setting(key)
    return int(value) if value.isdigit() else SETTINGS[key]


@dataclass(frozen=True)
class Todo:
    """One line of the to-do list and what opening it shows."""

    kind: str  # rectification | suggestion | village | session | person
    text: str
    record: tuple[type[r.BaseModel], UUID] | None = None  # a record to open
    village: UUID | None = None  # or the households of a village not visited yet
    overdue: bool = False


@dataclass
class Overview:
    figures: figures.Figures
    sessions_per_month: list[tuple[str, Counter]] = field(default_factory=list)
    suggestions_by_category: list[tuple[str, Counter]] = field(default_factory=list)
    rectifications_per_month: list[tuple[str, int, int]] = field(default_factory=list)  # found, closed
    todo: list[Todo] = field(default_factory=list)
    campaign: r.Campaign | None = None
    phase: str = ""
    days_left: int | None = None


def compute(scope: Scope, counted: figures.Figures | None = None) -> Overview:
    """Everything the overview shows; ``counted``: its figures, when they were counted already."""
    overview = Overview(counted if counted is not None else figures.compute(scope))
    overview.sessions_per_month = sessions_per_month(scope)
    overview.suggestions_by_category = suggestions_by_category(scope)
    overview.rectifications_per_month = rectifications_per_month(scope)
    overview.todo = todo(scope, overview.figures)
    if scope.campaign is not None:
        _campaign_state(overview, scope)
    return overview


def _campaign_state(overview: Overview, scope: Scope) -> None:
    campaign = r.Campaign.get_or_none(r.Campaign.id == scope.campaign)
    overview.campaign = campaign
    if campaign is None:
        return
    today = scope.on()
    if campaign.end_date is not None:
        overview.days_left = (campaign.end_date - today).days
    phase = (r.Phase.select(r.Phase.name)
             .where(r.Phase.campaign == campaign.id, r.Phase.deleted_at.is_null(),
                    r.Phase.start_date <= today, (r.Phase.end_date >= today) | r.Phase.end_date.is_null())
             .order_by(r.Phase.position).first())
    overview.phase = phase.name if phase else ""


# --- the series of the charts --------------------------------------------------------------

def sessions_per_month(scope: Scope) -> list[tuple[str, Counter]]:
    month = sqlite.month_of(r.Session.date)
    rows = (r.Session.select(month, r.Session.kind, fn.COUNT(r.Session.id))
            .where(*_of(r.Session, scope))
            .group_by(month, r.Session.kind).order_by(month).tuples())
    return _by_first(rows)


def suggestions_by_category(scope: Scope) -> list[tuple[str, Counter]]:
    rows = (r.Suggestion.select(fn.COALESCE(r.Category.name, ""), r.Suggestion.status,
                                fn.COUNT(r.Suggestion.id))
            .join(r.Category, JOIN.LEFT_OUTER)
            .where(*_of(r.Suggestion, scope))
            .group_by(r.Category.id, r.Suggestion.status)
            .order_by(r.Category.position, r.Category.name).tuples())
    return _by_first(rows)


def rectifications_per_month(scope: Scope) -> list[tuple[str, int, int]]:
    """Per month, how many problems were found and how many closed, both cumulative."""
    conditions = _of(r.Rectification, scope)
    found_month = sqlite.month_of(r.Rectification.recorded_on)
    closed_month = sqlite.month_of(r.Rectification.completed_on)
    found: Counter[str] = Counter({month: n for month, n in (
        r.Rectification.select(found_month, fn.COUNT(r.Rectification.id))
        .where(*conditions).group_by(found_month).tuples())})
    closed: Counter[str] = Counter({month: n for month, n in (
        r.Rectification.select(closed_month, fn.COUNT(r.Rectification.id))
        .where(*conditions, r.Rectification.status == "done", r.Rectification.completed_on.is_null(False))
        .group_by(closed_month).tuples())})
    series, total_found, total_closed = [], 0, 0
    for month in sorted(set(found) | set(closed)):
        total_found += found[month]
        total_closed += closed[month]
        series.append((month, total_found, total_closed))
    return series


def _of(model: type[r.BaseModel], scope: Scope) -> list[Any]:
    """The scope's conditions on ``model``; a kind no record of which is in the scope matches nothing."""
    conditions = where(model, scope)
    return conditions if conditions is not None else [model.id.is_null()]


def _by_first(rows) -> list[tuple[str, Counter]]:
    grouped: dict[str, Counter] = {}
    for first, second, count in rows:
        grouped.setdefault(first, Counter())[second] = count
    return list(grouped.items())


# --- what is left to do -------------------------------------------------------------------------

def todo(scope: Scope, counted: figures.Figures | None = None) -> list[Todo]:
    counted = counted or figures.compute(scope)
    return [*_rectifications_due(scope), *_suggestions_unanswered(scope), *_villages_unvisited(counted),
            *_sessions_incomplete(scope), *_persons_absent(scope)]


def due_condition(today: dt.date, days: int) -> list[Any]:
    """Open rectifications past their deadline or due within ``days``."""
    return [r.Rectification.deadline <= today + dt.timedelta(days=days),
            r.Rectification.status.in_(vocab.RECTIFICATION_OPEN)]


def _rectifications_due(scope: Scope) -> list[Todo]:
    today = scope.on()
    query = (r.Rectification.select(r.Rectification.id, r.Rectification.problem, r.Rectification.deadline)
             .where(*_of(r.Rectification, scope),
                    *due_condition(today, setting("todo_deadline_days")))
             .order_by(r.Rectification.deadline))
    items = []
    for key, problem, deadline in query.tuples():
        deadline = date_of(deadline)
        late = deadline < today
        text = (translate("Todo", "Overdue by {n} days: {what}") if late else
                translate("Todo", "Due in {n} days: {what}")).format(
            n=abs((deadline - today).days), what=_short(problem))
        items.append(Todo("rectification", text, (r.Rectification, uuid_of(key)), overdue=late))
    return items


def unanswered_condition(today: dt.date, days: int) -> list[Any]:
    return [r.Suggestion.status.in_(("pending", "handling")),
            r.Suggestion.date <= today - dt.timedelta(days=days)]


def _suggestions_unanswered(scope: Scope) -> list[Todo]:
    today = scope.on()
    query = (r.Suggestion.select(r.Suggestion.id, r.Suggestion.content, r.Suggestion.date)
             .where(*_of(r.Suggestion, scope),
                    *unanswered_condition(today, setting("todo_reply_days")))
             .order_by(r.Suggestion.date))
    return [Todo("suggestion", translate("Todo", "No reply for {n} days: {what}").format(
        n=(today - date_of(date)).days, what=_short(content)), (r.Suggestion, uuid_of(key)))
        for key, content, date in query.tuples()]


def _villages_unvisited(counted: figures.Figures) -> list[Todo]:
    return [Todo("village", translate("Todo", "{village}: {n} of {total} households not visited yet").format(
        village=entry.name, n=entry.households - entry.visited, total=entry.households),
        village=entry.village)
        for entry in sorted(counted.coverage, key=lambda e: e.rate or 0.0)
        if entry.visited < entry.households]


def unvisited_condition(scope: Scope):
    """Households without a visit of the scope (for the households list)."""
    return ~counting.seen_condition(scope)


def incomplete_condition():
    """Sessions without recorded content, or whose attendance is not recorded (``figures``' 未登记出勤)."""
    return (r.Session.content == "") | ~counting.recorded_condition()


def _sessions_incomplete(scope: Scope) -> list[Todo]:
    query = (r.Session.select(r.Session.id, r.Session.date, r.Session.topic, r.Session.content)
             .where(*_of(r.Session, scope), incomplete_condition())
             .order_by(r.Session.date))
    items = []
    for key, date, topic, content in query.tuples():
        text = (translate("Todo", "{date} {topic}: content not recorded") if not content else
                translate("Todo", "{date} {topic}: attendance not entered")).format(
            date=date_of(date).isoformat(), topic=_short(topic, 24))
        items.append(Todo("session", text, (r.Session, uuid_of(key))))
    return items


def _persons_absent(scope: Scope) -> list[Todo]:
    limit = setting("todo_absences")
    absences = fn.COUNT(r.Attendance.id)
    query = (r.Attendance.select(r.Person.id, r.Person.name, absences)
             .join(r.Session).switch(r.Attendance).join(r.Person)
             .where(*_of(r.Session, scope), r.Attendance.deleted_at.is_null(),
                    r.Attendance.status == "absent")
             .group_by(r.Person.id).having(absences > limit).order_by(absences.desc(), r.Person.name))
    return [Todo("person", translate("Todo", "{name} was absent from {n} sessions").format(name=name, n=n),
                 (r.Person, uuid_of(key)))
            for key, name, n in query.tuples()]


def _short(text: str, length: int = 30) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= length else text[:length - 1] + "…"
