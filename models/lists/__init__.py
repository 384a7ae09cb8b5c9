"""The record lists the window shows: columns declared once, rows fetched lazily.

A list is a query over one kind of record with its joins, filters and sort.
``RecordList.keys`` runs it once for the row ids in order (a compact array,
even for a million visits); ``fetch`` then reads only the rows on screen.
Searching and filtering happen in SQL, never in Python.

- ``record_list``: ``Column``, ``ListSpec``, ``ListFilter`` and the query of one list, ``RecordList``;
- ``specs``: the lists themselves, ``LISTS``.
"""

from models.lists.record_list import OVERDUE, Column, ListFilter, ListSpec, RecordList, Via, overdue_condition
from models.lists.specs import (
    HOUSEHOLDS,
    LISTS,
    PERSONS,
    PUBLICITY,
    RECTIFICATIONS,
    SESSIONS,
    SUGGESTIONS,
    VISITS,
    WRITINGS,
)

__all__ = ["HOUSEHOLDS", "LISTS", "OVERDUE", "PERSONS", "PUBLICITY", "RECTIFICATIONS", "SESSIONS",
           "SUGGESTIONS", "VISITS", "WRITINGS", "Column", "ListFilter", "ListSpec", "RecordList", "Via",
           "overdue_condition"]
