"""The first page, kept: what the overview last showed for the scope it opens on, to show at once.

Counting a county's first page takes a twentieth of a second of SQLite, and the window's start waits
for it. So the overview that was counted (its figures, charts and to-do) is kept in the data file
when the window closes, beside the file's count of changes at the moment it was counted
(``sqlite.data_generation``, moved by triggers on every table the page reads). The next start shows
the kept page only when nothing has changed since: the same count, the same day (what is overdue
depends on it), the same scope, language and program. Anything else, and the page is counted as
before and kept again.

The page is kept as JSON of the few types an overview is made of; reading it back makes the same
objects (``==`` the counted ones) or nothing, and never runs anything the file says.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import sys
from collections import Counter
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

import peewee

from models import counting, errors, figures, i18n, overview, rates, sqlite, version, vocab
from models import records as r
from models import scope as scope_module
from models.scope import Scope

FORMAT = 1  # of the kept page: raised when what an overview holds changes shape

_CLASSES: dict[str, type] = {cls.__name__: cls for cls in (
    overview.Overview, overview.Todo, figures.Figures, Scope, counting.Meeting, counting.VillageCoverage,
    counting.CategoryCount)}
_MODELS: dict[str, type[r.BaseModel]] = {model._meta.table_name: model for model in r.RECORD_MODELS}


def key(scope: Scope, on: dt.date) -> str:
    """What the kept page must have been counted for, besides the data: the scope, the day, the words,
    and this very program."""
    return json.dumps([FORMAT, version.VERSION, _program(), i18n.language(), on.isoformat(), _plain(scope)])


@functools.cache
def _program() -> str:
    """The size and time of the files the page is counted and worded by, and of the program's executable
    (a bundle keeps its modules inside it), so that a program changed without a new version number
    counts again."""
    import resources.i18n as catalogues

    modules = (counting, figures, overview, scope_module, rates, vocab, r, sys.modules[__name__])
    files = [Path(str(module.__file__)) for module in modules]
    files += [*sorted(Path(str(catalogues.__file__)).parent.glob("*.qm")), Path(sys.executable)]
    stamps = [f"{path.stat().st_size}:{path.stat().st_mtime_ns}" for path in files if path.is_file()]
    return hashlib.sha256(" ".join(stamps).encode()).hexdigest()[:16]


def remembered(scope: Scope) -> overview.Overview | None:
    """The page kept for ``scope`` as it opens today, if nothing has changed since it was counted."""
    try:
        text = sqlite.kept_first_page(r.database, key(scope, scope.on()))
        result = None if text is None else _from_plain(json.loads(text))
    except (peewee.DatabaseError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # a file without the table (read only, older), or a page this program cannot read
    if not (isinstance(result, overview.Overview) and isinstance(result.figures, figures.Figures)
            and result.figures.scope == scope and isinstance(result.todo, list)):
        return None
    return result


_counted: list[overview.Overview] = []


def counted(result: overview.Overview) -> None:
    """``result`` is what the page shows for the scope it opens on: kept when the window closes."""
    _counted[:] = [result]


def keep() -> bool:
    """Keep the page counted last in the file, if the data are still those it was counted from."""
    result = _counted.pop() if _counted else None
    stamp = result.figures.counted_at if result is not None else None
    if result is None or stamp is None or stamp.opening != r.database.opening:
        return False  # nothing counted, or counted from another file (or an earlier opening of this one)
    try:
        value = json.dumps(_plain(result), ensure_ascii=False)
    except (TypeError, ValueError) as error:  # a page this module cannot write: a mistake, logged
        errors.log_unexpected(error, "keeping the first page")
        return False
    try:
        return sqlite.keep_first_page(r.database, key(result.figures.scope, stamp.on), stamp.generation,
                                      value)
    except peewee.DatabaseError:
        return False  # a file that may not be written (read-only, full): counted next time


def forget() -> None:
    _counted.clear()


# --- the few types of an overview, as JSON and back ---------------------------------------------------


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return {"tuple": [_plain(item) for item in value]}
    if isinstance(value, Counter):
        return {"counter": [[_plain(k), _plain(n)] for k, n in value.items()]}
    if isinstance(value, dt.datetime):
        raise TypeError("a time of day is not part of a page")
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, UUID):
        return {"uuid": value.hex}
    if isinstance(value, type) and issubclass(value, r.BaseModel):
        return {"model": value._meta.table_name}
    if isinstance(value, r.BaseModel):
        return {"record": [value._meta.table_name, value.id.hex]}
    if is_dataclass(value) and _CLASSES.get(type(value).__name__) is type(value):
        return {"class": type(value).__name__,  # what is not part of its value (when it was counted) left out
                "fields": {f.name: _plain(getattr(value, f.name)) for f in fields(value) if f.compare}}
    raise TypeError(f"{type(value).__name__} is not part of a page")


def _from_plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [_from_plain(item) for item in value]
    if "class" in value:
        cls = _CLASSES[value["class"]]
        return cls(**{name: _from_plain(item) for name, item in value["fields"].items()})
    (kind, inner), = value.items()
    if kind == "tuple":
        return tuple(_from_plain(item) for item in inner)
    if kind == "counter":
        return Counter({_from_plain(k): _from_plain(n) for k, n in inner})
    if kind == "date":
        return dt.date.fromisoformat(inner)
    if kind == "uuid":
        return UUID(hex=inner)
    if kind == "model":
        return _MODELS[inner]
    if kind == "record":
        model = _MODELS[inner[0]]
        found = model.get_or_none(model.id == UUID(hex=inner[1]))
        if found is None:
            raise ValueError("a kept record is gone")
        return found
    raise ValueError(f"{kind} is not part of a page")
