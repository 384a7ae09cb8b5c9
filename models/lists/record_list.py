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
from models import scope, sqlite, vocab
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
    by_village: bool = False  # filtered by village, by the rule of models/scope.py (of_village)
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

    def _where(self, query: peewee.Select, search: str = "indexed") -> peewee.Select:
        """The filters; the search through the indexes, row by row (``scan``), without the long text
        that a short term would scan (``quick``), or left out (``none``)."""
        spec, f, model = self.spec, self.filters, self.spec.model
        query = self._searching(query.where(model.deleted_at.is_null()), search)
        if f.campaign is not None and spec.campaign is not None:
            query = query.where(spec.campaign == f.campaign)
        if f.village is not None and spec.by_village:
            query = query.where(scope.of_village(model, f.village))
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

    def _select(self, *exprs, sort_column: Column | None = None, search: str = "indexed") -> peewee.Select:
        """The filtered query; joined only where a filter or the sort needs it."""
        spec = self.spec
        query: Any = spec.model.select(*exprs)
        if self._needs_joins(sort_column):
            query = spec.joins(query)
        return self._where(query, search)

    def _searching(self, query: peewee.Select, search: str = "indexed") -> peewee.Select:
        """The search box's words on ``query`` (each in one of its fields), nothing else."""
        for word in self.filters.text.split() if self.spec.search and search != "none" else ():
            fields, _scanned = self._searched(word, quick=search == "quick")
            query = query.where(reduce(operator.or_, _contains(fields, word, search == "scan")))
        return query

    def _searched(self, word: str, quick: bool = False) -> tuple[list[Any], bool]:
        """The fields ``word`` is looked for in, and whether some were left out (``quick``: the long
        text that a term under 3 characters would scan, where other fields remain)."""
        fields = [e for e in self.spec.search if not (_has_chinese(word) and _digits_only(e))]
        if not quick:
            return fields, False
        indexed = [e for e in fields if isinstance(e, Via) or not sqlite.scans_text(e, word)]
        return (indexed, True) if indexed and len(indexed) < len(fields) else (fields, False)

    def first_rows_partial(self) -> bool:
        """Whether the first rows of this search (``keys(limit)``) may leave out rows found only in
        the long text: a term of 1 or 2 characters is looked for in the names, villages and groups
        first (indexed), and in the long text (诉求, the family's situation: a scan of every row) only
        when the whole list is read. The whole list (``keys()``) always has them all."""
        if not self.filters.text.strip() or sqlite.size_estimate(self.spec.model) <= PROBE:
            return False
        return any(self._searched(word, quick=True)[1] for word in self.filters.text.split())

    def _needs_joins(self, sort_column: Column | None) -> bool:
        spec, f = self.spec, self.filters
        own = self._is_own
        return bool(
            (sort_column is not None and not own(sort_column.expr))
            or (f.choice and spec.choice is not None and not own(spec.choice))
            or f.extra)

    def _is_own(self, expr) -> bool:
        return isinstance(expr, peewee.Field) and expr.model is self.spec.model

    def count(self) -> int:
        return self._select(fn.COUNT(self._rowid)).scalar()

    def keys(self, limit: int | None = None, stop: Callable[[], bool] | None = None) -> array:
        """Row ids in display order (8 bytes a row): of the whole list, or of its first ``limit`` rows.

        The first rows of a long list come without reading the rest where an
        index gives the order; those of a search of 1 or 2 characters may leave
        out rows found only in the long text (``first_rows_partial``). ``stop``
        is asked now and then while the ids are read; when it says yes, the
        reading ends (the ids are then partial).
        """
        column = self.spec.column(self.sort[0])
        searched = bool(self.filters.text.strip())
        search = "indexed"
        if limit is not None and searched and sqlite.size_estimate(self.spec.model) > PROBE:
            found = self._first_of_the_newest(column, limit)
            if found is not None:
                return found
            search = "quick"  # a rare term: its first rows from the indexed fields (first_rows_partial)
            found = self._first_of_the_matches(column, limit)
            if found is not None:
                return found
        # In index order only for the first rows of a list that is not searched (see not_by_index).
        query = self._select(self._rowid, sort_column=column, search=search).order_by(
            *self._order(column, by_index=limit is not None and not searched))
        if limit is not None:
            query = query.limit(limit)
        return self._read(query, stop)

    def _first_of_the_newest(self, column: Column, limit: int) -> array | None:
        """The first rows of a search when they are among the first ``PROBE`` rows of the list unsearched.

        A common term (a surname, a group) is found at once this way, without
        collecting and sorting its hundred thousand rows; None when fewer than
        ``limit`` rows match there (a rare term: its rows are collected instead).
        """
        window = self._select(self._rowid, sort_column=column, search="none").order_by(
            *self._order(column, by_index=True)).limit(PROBE)
        query = self._select(self._rowid, sort_column=column, search="scan").where(
            self._rowid.in_(window)).order_by(*self._order(column, by_index=False)).limit(limit)
        keys = self._read(query)
        return keys if len(keys) >= limit else None

    def _first_of_the_matches(self, column: Column, limit: int) -> array | None:
        """The first rows of a rare term: the first few hundred rows its indexed fields match, in order,
        then the list's other conditions (the deletion mark, the filters) on those alone.

        The matches' order comes from an index that holds the sort column (the visits of
        the 2,251 households of 张: by their households' index of dates) without reading
        each of the 9,445 rows for its deletion mark; None when too few of the first
        matches pass the other conditions, or the sort column is another table's.
        """
        if not self._is_own(column.expr):
            return None
        matches = self._read(self._searching(self.spec.model.select(self._rowid), "quick").order_by(
            *self._order(column, by_index=False)).limit(MATCHES * limit))
        query = self._select(self._rowid, sort_column=column, search="none").where(
            self._rowid.in_(list(matches))).order_by(*self._order(column, by_index=False)).limit(limit)
        keys = self._read(query)
        return keys if len(keys) >= limit or len(matches) < MATCHES * limit else None

    def _order(self, column: Column, by_index: bool) -> tuple:
        expr = column.expr if by_index else sqlite.not_by_index(column.expr)
        order = peewee.Ordering(expr, "DESC" if self.sort[1] else "ASC")
        return order, self._rowid.desc() if self.sort[1] else self._rowid.asc()

    @staticmethod
    def _read(query, stop: Callable[[], bool] | None = None) -> array:
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
PROBE = 5_000  # rows of a list in which the first rows of a search are looked for first
MATCHES = 4  # times the first rows: the matches of a rare term that the other conditions are tested on


def _digits_only(expr) -> bool:
    """ID numbers and phones hold digits (and an X): a Chinese term is not looked for in them."""
    return any(expr is field for field in (r.Household.id_number, r.Household.phone, r.Person.phone))


def _has_chinese(word: str) -> bool:
    return any(ord(c) >= 0x2E80 for c in word)


def _contains(fields, word: str, scan: bool = False) -> list:
    """Conditions "one of ``fields`` contains ``word``", to be joined by OR; a ``Via`` through its link."""
    own = [e for e in fields if not isinstance(e, Via)]
    conditions = sqlite.text_contains(own, word, scan) if own else []
    for via in (e for e in fields if isinstance(e, Via)):
        target = via.link.rel_model
        inner = reduce(operator.or_, _contains([via.field], word))
        conditions.append(via.link.in_(target.select(target.id).where(inner)))
    return conditions


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
