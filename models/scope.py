"""Which records count: one scope, applied the same way by every register, figure, page and document.

A scope is a campaign (or every campaign), a date range and optionally one
village (community). ``where`` gives the conditions on any kind of record, so
the statistics sheet, the registers, the overview and the summary cannot
count different records. What belongs to a village (docs/figures.md, 范围):

- 农户: the households of the village; 走访: the visits to them;
- 学习会议: the sessions held for the village (``Session.village``);
  attendance goes with its session;
- 学习成果: the writings of the village's people (``Person.village``);
- 意见建议: the suggestions from the village (``Suggestion.village``);
- 问题整改: the problems raised from the village's visits or suggestions;
- 宣传信息: none — publicity is the unit's.

Without a village, a scope holds everything of its campaign: the unit's own
records and every village's. Visits always need a live household of the
scope's villages, so a household put in the recycle bin takes its visits out of
every count and register alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any
from uuid import UUID

import peewee

from models import records as r
from models import sqlite
from models.i18n import translate

# The date by which each kind of record falls in a date range.
DATE_FIELDS: dict[type[r.BaseModel], str] = {
    r.Session: "date", r.Writing: "date", r.Visit: "date", r.Suggestion: "date",
    r.Rectification: "recorded_on", r.Publicity: "date"}


@dataclass(frozen=True)
class Scope:
    """Which records count: a campaign (or all), a date range, a village."""

    campaign: UUID | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    village: UUID | None = None
    today: dt.date | None = None  # the document's date: what "overdue" is judged against; None = today

    def on(self) -> dt.date:
        return self.today or dt.date.today()

    def undated(self) -> Scope:
        return replace(self, date_from=None, date_to=None)


def where(model: Any, scope: Scope, alias: Any = None) -> list[Any] | None:
    """The conditions on records of ``model`` (or on ``alias`` of it) in ``scope``; None when none can be."""
    m = alias if alias is not None else model
    conditions = dated(model, scope, m)
    if model is r.Visit:
        conditions.append(_visited(m, scope))
        return conditions
    if scope.village is None:
        return conditions
    belongs = of_village(model, scope.village, m)
    return None if belongs is None else [*conditions, belongs]


def _visited(visit: Any, scope: Scope) -> Any:
    """A visit counts if its household is live and of the scope's villages.

    Of the whole file (no campaign, no village) that is every household not in the
    recycle bin, nor in a village that is: the few that are form the list to look
    each visit up in (a list of every live household made the county's million
    visits six times slower to count).
    """
    if scope.village is None and scope.campaign is None:
        gone_villages = r.Village.select(r.Village.id).where(r.Village.deleted_at.is_null(False))
        gone = r.Household.select(r.Household.id).where(
            r.Household.deleted_at.is_null(False) | r.Household.village.in_(gone_villages))
        return visit.household.not_in(gone)
    if scope.village is None:  # a campaign's visits are fewer than all the visits of its households
        return sqlite.not_leading(visit.household).in_(live_households(scope))
    return visit.household.in_(live_households(scope))


def dated(model: Any, scope: Scope, alias: Any = None) -> list[Any]:
    """Live, of the campaign, within the dates: the conditions every kind of record shares."""
    m = alias if alias is not None else model
    conditions = [m.deleted_at.is_null()]
    if scope.campaign is not None:
        conditions.append(m.campaign == scope.campaign)
    date = getattr(m, DATE_FIELDS[model])
    if scope.date_from is not None:
        conditions.append(date >= scope.date_from)
    if scope.date_to is not None:
        conditions.append(date <= scope.date_to)
    return conditions


def of_village(model: Any, village: UUID, alias: Any = None) -> Any:
    """The condition that a record of ``model`` (or of ``alias`` of it) belongs to ``village``, by the
    rule above; None for a kind no village has (publicity). The lists' village filter uses it too, so
    a figure and the list behind it cannot take different records for a village's."""
    m = alias if alias is not None else model
    if model in (r.Session, r.Suggestion, r.Household, r.Person):
        return m.village == village
    if model is r.Writing:
        return m.person.in_(village_people(village))
    if model is r.Visit:
        return m.household.in_(r.Household.select(r.Household.id).where(r.Household.village == village))
    if model is r.Rectification:
        visits = r.Visit.select(r.Visit.id).join(r.Household).where(r.Household.village == village)
        suggestions = r.Suggestion.select(r.Suggestion.id).where(r.Suggestion.village == village)
        return m.visit.in_(visits) | m.suggestion.in_(suggestions)
    return None  # publicity is the unit's


def village_people(village: UUID) -> peewee.Select:
    return r.Person.select(r.Person.id).where(r.Person.village == village)


def live_households(scope: Scope) -> peewee.Select:
    """The households the scope covers: the live ones of its villages."""
    query = r.Household.select(r.Household.id).where(r.Household.deleted_at.is_null())
    if scope.village is not None:
        return query.where(r.Household.village == scope.village)
    return query.where(r.Household.village.in_(villages(scope)))


def villages(scope: Scope) -> peewee.Select:
    """The villages of the scope: its own, or those of the campaign's unit and the units under it."""
    query = r.Village.select(r.Village.id).where(r.Village.deleted_at.is_null())
    if scope.village is not None:
        return query.where(r.Village.id == scope.village)
    if scope.campaign is None:
        return query
    unit = r.Campaign.select(r.Campaign.unit).where(r.Campaign.id == scope.campaign)
    below = r.Unit.select(r.Unit.id).where(r.Unit.parent.in_(unit))
    return query.where(r.Village.unit.in_(unit) | r.Village.unit.in_(below))


# --- the period a scope covers ----------------------------------------------------------------

def period(scope: Scope) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day the scope covers, as printed in 统计时段.

    The dates chosen, else the campaign's — its end no later than the
    document's date while it runs — widened to the earliest and latest record
    of the scope, so that no record printed falls outside the period printed.
    """
    first, last = scope.date_from, scope.date_to
    campaign = r.Campaign.get_or_none(r.Campaign.id == scope.campaign) if scope.campaign else None
    if campaign is not None:
        first = first or campaign.start_date
        if last is None:
            last = min(campaign.end_date, scope.on()) if campaign.end_date else scope.on()
            last = max(last, campaign.start_date)
    if scope.date_from is None or scope.date_to is None:
        earliest, latest = _record_dates(scope)
        if scope.date_from is None and earliest is not None:
            first = min(first, earliest) if first else earliest
        if scope.date_to is None and latest is not None:
            last = max(last, latest) if last else latest
    return first, last


def _record_dates(scope: Scope) -> tuple[dt.date | None, dt.date | None]:
    earliest: dt.date | None = None
    latest: dt.date | None = None
    for model, name in DATE_FIELDS.items():
        conditions = where(model, scope)
        if conditions is None:
            continue
        field = getattr(model, name)
        low, high = model.select(peewee.fn.MIN(field), peewee.fn.MAX(field)).where(*conditions).tuples()[0]
        for value in (low, high):
            if value:
                day = as_date(value)
                earliest = day if earliest is None or day < earliest else earliest
                latest = day if latest is None or day > latest else latest
    return earliest, latest


def as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


# --- refusing a scope that cannot hold anything ------------------------------------------------------

def range_problem(first: dt.date | None, last: dt.date | None) -> str | None:
    """A reversed date range, in one line; None when the range is a range."""
    if first is not None and last is not None and last < first:
        return translate("Scope", "The last day ({last}) is before the first day ({first}).").format(
            first=first.isoformat(), last=last.isoformat())
    return None


def problem(scope: Scope) -> str | None:
    """Why ``scope`` cannot hold any record, in one line: a reversed range, or one outside its campaign
    (without a campaign: outside every record's date)."""
    reversed_range = range_problem(scope.date_from, scope.date_to)
    if reversed_range or (scope.date_from is None and scope.date_to is None):
        return reversed_range
    campaign = r.Campaign.get_or_none(r.Campaign.id == scope.campaign) if scope.campaign else None
    first, last = period(scope.undated())
    after = scope.date_from is not None and last is not None and scope.date_from > last
    before = scope.date_to is not None and first is not None and scope.date_to < first
    if not (after or before):
        return None
    dates = f"{_iso(scope.date_from)}–{_iso(scope.date_to)}"
    if campaign is None:
        return translate("Scope", "No record is dated within the dates chosen ({dates}); the records run "
                         "from {first} to {last}.").format(dates=dates, first=_iso(first), last=_iso(last))
    return translate("Scope", "The dates chosen ({dates}) lie outside the campaign {name} "
                     "({first} to {last}).").format(dates=dates, name=campaign.name, first=_iso(first),
                                                    last=_iso(last))


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else "…"
