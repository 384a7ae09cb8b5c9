"""A record list: its columns and what it is filtered on (``ListSpec``), and the query that reads it.

``RecordList.keys`` runs the filtered, sorted query once for the row ids in
order (a compact array, even for a million visits); ``fetch`` then reads only
the rows on screen. Searching and filtering happen in SQL, never in Python.
"""

from __future__ import annotations

import datetime as dt
import operator
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from typing import Any
from uuid import UUID

import peewee
from peewee import Column as SqlColumn
from peewee import fn

from models import records as r
from models import sqlite, vocab
from models.i18n import translate
from models.vocab import Vocabulary


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # English source text, context "Field"
    expr: Any
    kind: str = "text"  # text | date | time | choice | tags | bool | int | flag
    vocabulary: Vocabulary | None = None
    width: int = 8  # a first guess, in characters
    sortable: bool = True

    def label(self) -> str:
        return translate("Field", self.title)

    def display(self, value: Any) -> str:
        if value is None or value == "":
            return ""
        if self.kind == "choice" and self.vocabulary is not None:
            return self.vocabulary.label(value)
        if self.kind == "tags" and self.vocabulary is not None:
            return "、".join(self.vocabulary.label(code) for code in str(value).split(",") if code)
        if self.kind == "bool":
            return translate("Lists", "Yes") if value else ""
        if self.kind == "flag":
            return translate("Lists", self.title) if value else ""
        if self.kind == "time":
            return str(value)[:5]
        text = str(value)
        return text if len(text) <= 120 else text[:119] + "…"


@dataclass(frozen=True)
class Via:
    """A searched field of another table, reached from the list's own rows through ``link``.

    Searched as ``link IN (SELECT id FROM that table WHERE field contains …)``,
    so that the list's own index on ``link`` finds the rows, instead of joining
    and scanning every row of the list (a million visits). ``field`` may be
    another ``Via`` for a table two links away.
    """

    link: Any  # a foreign key of the table searched from
    field: Any  # the searched field of the table it points to, or a further Via


@dataclass(frozen=True)
class ListSpec:
    """How one kind of record is listed, searched and filtered."""

    key: str
    model: type[r.BaseModel]
    columns: tuple[Column, ...]
    joins: Callable[[peewee.Select], peewee.Select]
    search: tuple[Any, ...]  # fields of the list's own table, or Via(link, field of another)
    default_sort: tuple[str, bool]  # column key, descending
    campaign: Any = None
    village: Any = None
    date: Any = None
    choice: Any = None  # the field the list's drop-down filter works on
    choice_vocabulary: Vocabulary | None = None
    choice_title: str = ""

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@dataclass
class ListFilter:
    text: str = ""
    campaign: UUID | None = None
    village: UUID | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    choice: str | None = None
    extra: list[Any] = field(default_factory=list)  # further peewee conditions


class RecordList:
    """One filtered, sorted list: ids first, rows on demand."""

    def __init__(self, spec: ListSpec, filters: ListFilter | None = None,
                 sort: tuple[str, bool] | None = None):
        self.spec = spec
        self.filters = filters or ListFilter()
        self.sort = sort or spec.default_sort
        self._rowid = SqlColumn(spec.model, sqlite.row_key())

    def _where(self, query: peewee.Select) -> peewee.Select:
        spec, f, model = self.spec, self.filters, self.spec.model
        query = query.where(model.deleted_at.is_null())
        for word in f.text.split() if spec.search else ():
            query = query.where(reduce(operator.or_, [_contains(e, word) for e in spec.search]))
        if f.campaign is not None and spec.campaign is not None:
            query = query.where(spec.campaign == f.campaign)
        if f.village is not None and spec.village is not None:
            query = query.where(spec.village == f.village)
        if spec.date is not None:
            if f.date_from:
                query = query.where(spec.date >= f.date_from)
            if f.date_to:
                query = query.where(spec.date <= f.date_to)
        if f.choice and spec.choice is not None:
            query = query.where(_choice_condition(spec, f.choice))
        for condition in f.extra:
            query = query.where(condition)
        return query

    def _select(self, *exprs, sort_column: Column | None = None) -> peewee.Select:
        """The filtered query; joined only where a filter or the sort needs it."""
        spec = self.spec
        query: Any = spec.model.select(*exprs)
        if self._needs_joins(sort_column):
            query = spec.joins(query)
        return self._where(query)

    def _needs_joins(self, sort_column: Column | None) -> bool:
        spec, f = self.spec, self.filters
        own = self._is_own
        return bool(
            (f.village is not None and spec.village is not None and not own(spec.village))
            or (sort_column is not None and not own(sort_column.expr))
            or (f.choice and spec.choice is not None and not own(spec.choice))
            or f.extra)

    def _is_own(self, expr) -> bool:
        return isinstance(expr, peewee.Field) and expr.model is self.spec.model

    def count(self) -> int:
        return self._select(fn.COUNT(self._rowid)).scalar()

    def keys(self, limit: int | None = None, stop: Callable[[], bool] | None = None) -> array:
        """Row ids in display order (8 bytes a row): of the whole list, or of its first ``limit`` rows.

        The first rows of a long list come without reading the rest where an
        index gives the order. ``stop`` is asked now and then while the ids
        are read; when it says yes, the reading ends (the ids are then partial).
        """
        column = self.spec.column(self.sort[0])
        order = peewee.Ordering(column.expr, "DESC" if self.sort[1] else "ASC")
        tiebreak = self._rowid.desc() if self.sort[1] else self._rowid.asc()
        query = self._select(self._rowid, sort_column=column).order_by(order, tiebreak)
        if limit is not None:
            query = query.limit(limit)
        keys = array("q")
        cursor = r.database.execute(query)
        while rows := cursor.fetchmany(STOP_EVERY):
            keys.extend(key for (key,) in rows)
            if stop is not None and stop():
                break
        return keys

    def fetch(self, keys: Sequence[int]) -> dict[int, tuple]:
        """Rows by row id, as stored: (row id, record id hex, one value per column).

        Values come raw from SQLite (dates as ISO text, flags as 0/1): only what
        is on screen is read, and ``Column.display`` turns it into text.
        """
        if not keys:
            return {}
        exprs = [self._rowid, self.spec.model.id, *(c.expr for c in self.spec.columns)]
        query = self.spec.joins(self.spec.model.select(*exprs)).where(self._rowid.in_(list(keys)))
        return {row[0]: row for row in r.database.execute(query)}


STOP_EVERY = 20_000  # ids read between two looks at whether to stop


def _contains(expr, word: str):
    """``expr`` contains ``word``: through its link for a field of another table (``Via``)."""
    if isinstance(expr, Via):
        target = expr.link.rel_model
        return expr.link.in_(target.select(target.id).where(_contains(expr.field, word)))
    return sqlite.text_contains(expr, word)


def _choice_condition(spec: ListSpec, code: str):
    if spec.choice_vocabulary is vocab.HOUSEHOLD_TAGS:
        return peewee.Value(",").concat(spec.choice).concat(",").contains(f",{code},")
    if spec.key == "rectifications" and code == OVERDUE:
        return overdue_condition()
    if isinstance(spec.choice, peewee.BooleanField):
        return spec.choice == (code == "yes")
    return spec.choice == code


OVERDUE = "overdue"


def overdue_condition(today: dt.date | None = None):
    """Past its deadline and not finished."""
    today = today or dt.date.today()
    return (r.Rectification.deadline < today) & r.Rectification.status.in_(vocab.RECTIFICATION_OPEN)
