"""What becomes of a record both sides have: the rules of ``docs/exchange.md``, over plain rows.

Nothing here reads or writes the data file. ``decide`` compares an incoming row
with the local one by their versions (``models.versions``): the same version, one
descending from the other, or both changed since a common version, in which case
``merge`` merges them field by field against that version's values (the base).
A field changed on both sides to different values, an edit against a delete, or
any difference when no base is known is a conflict, for the user to decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models import versions
from models.versions import ROOT, ancestry, lineage_of, version_of

Row = dict[str, Any]

# Never merged: the key, when the record was made, and the bookkeeping of versions.
FIXED = ("id", "created_at", "updated_at", "version", "lineage")
DELETED = "deleted_at"

IDENTICAL, KEEP, TAKE, ADOPT, MERGE, CONFLICT = "identical", "keep", "take", "adopt", "merge", "conflict"


@dataclass
class Outcome:
    """``action`` and, for MERGE, the merged values; for CONFLICT, the fields in conflict."""

    action: str
    values: Row = field(default_factory=dict)
    fields: list[str] = field(default_factory=list)
    base: Row | None = None  # the values both sides descend from, when known
    changed_here: list[str] = field(default_factory=list)  # fields only this side changed since the base
    changed_there: list[str] = field(default_factory=list)  # fields only the package changed
    bases: list[Row] = field(default_factory=list)  # every base merged against (usually one)


def decide(incoming: Row, local: Row, local_base: tuple[str, Row] | None,
           incoming_base: tuple[str, Row] | None, related: bool = True) -> Outcome:
    """What becomes of ``local`` given ``incoming`` (rows as stored, a visit's visitors included).

    ``local_base``/``incoming_base``: (version, values) of each side's base, if it
    has one. ``related`` is False for rows matched by a natural key rather than by
    their key: they share no history, so any difference is a conflict.
    """
    mine, theirs = version_of(local.get("version")), version_of(incoming.get("version"))
    same = same_content(local, incoming)
    if related and mine == theirs and same:
        return Outcome(ADOPT if _newer(incoming, local) else IDENTICAL)
    if related and theirs in lineage_of(local.get("lineage")):
        return Outcome(KEEP)
    if related and mine in lineage_of(incoming.get("lineage")):
        return Outcome(ADOPT if same else TAKE)
    if same:
        return Outcome(ADOPT if _newer(incoming, local) else IDENTICAL)
    bases = _common_bases(local, incoming, local_base, incoming_base) if related else None
    return merge(local, incoming, bases)


def _newer(incoming: Row, local: Row) -> bool:
    """Of two versions with the same values, the one both sides settle on (the greater id, then time)."""
    def rank(row: Row) -> tuple[str, str, str]:
        return version_of(row.get("version")), str(row.get("updated_at") or ""), str(row.get("lineage") or "")
    return rank(incoming) > rank(local)


def _common_bases(local: Row, incoming: Row, local_base: tuple[str, Row] | None,
                  incoming_base: tuple[str, Row] | None) -> list[Row] | None:
    """The values of the newest versions both descend from; None if either side's is not at hand.

    Seen from each side, the first version of its line that the other also has.
    Usually one version; two after both sides merged or decided the same records
    on their own (each descends from both): then a field merges only if it merges
    the same way against both.
    """
    mine = ancestry(local.get("version"), local.get("lineage"))
    theirs = ancestry(incoming.get("version"), incoming.get("lineage"))
    common = [next((key for key in mine if key in theirs), None),
              next((key for key in theirs if key in mine), None)]
    found = []
    for key in dict.fromkeys(common):
        values = next((base[1] for base in (local_base, incoming_base)
                       if base is not None and base[0] == key), None)
        if key is None or values is None:
            return None
        found.append(values)
    return found


def merge(local: Row, incoming: Row, bases: list[Row] | None) -> Outcome:
    """Field by field against each base: a change on one side is taken; on both sides, a conflict."""
    each: list[Row | None] = list(bases) if bases else [None]
    results = [_merge_one(local, incoming, base) for base in each]
    values, conflicts = dict(results[0][0]), set(results[0][1])
    for other_values, other_conflicts, _, _ in results[1:]:
        conflicts |= set(other_conflicts)
        conflicts |= {name for name, value in other_values.items()
                      if name in values and not same_value(value, values[name])}
    here = sorted({name for result in results for name in result[2]} - conflicts)
    there = sorted({name for result in results for name in result[3]} - conflicts)
    for name in conflicts:
        values.pop(name, None)
    shown = bases[0] if bases else None
    action = CONFLICT if conflicts else MERGE
    return Outcome(action, values, sorted(conflicts), shown, here, there, bases or [])


def _merge_one(local: Row, incoming: Row, base: Row | None) -> tuple[Row, list[str], list[str], list[str]]:
    values, conflicts, here, there = {}, [], [], []
    for name in sorted(set(local) | set(incoming)):
        if name in FIXED or name == DELETED:
            continue
        mine, theirs = local.get(name), incoming.get(name)
        if same_value(mine, theirs):
            values[name] = mine
        elif base is not None and name in base and same_value(mine, base[name]):
            values[name] = theirs
            there.append(name)
        elif base is not None and name in base and same_value(theirs, base[name]):
            values[name] = mine
            here.append(name)
        else:
            conflicts.append(name)
    deleted, delete_conflict = _merged_deletion(local, incoming, base, here, there)
    if delete_conflict:
        conflicts.append(DELETED)
    else:
        values[DELETED] = deleted
    return values, conflicts, here, there


def _merged_deletion(local: Row, incoming: Row, base: Row | None, here: list[str], there: list[str]
                     ) -> tuple[Any, bool]:
    """The merged recycle-bin mark, and whether it is a conflict (an edit against a delete)."""
    mine, theirs = local.get(DELETED), incoming.get(DELETED)
    if (mine is None) == (theirs is None):  # both live, or both deleted (the earlier deletion kept)
        return (None if mine is None else min(str(mine), str(theirs))), False
    if base is None or DELETED not in base:
        return None, True
    was_deleted = base[DELETED] is not None
    if (mine is not None) == was_deleted:  # the package deleted or restored it
        return theirs, bool(here)
    return mine, bool(there)  # this side deleted or restored it


def resolved(outcome: Outcome, local: Row, incoming: Row, choices: dict[str, str]) -> Row:
    """The merged values with each conflicting field taken from the side chosen ("local"/"incoming")."""
    values = dict(outcome.values)
    for name in outcome.fields:
        side = incoming if choices.get(name, choices.get("*")) == "incoming" else local
        values[name] = side.get(name)
    return values


def same_content(a: Row, b: Row) -> bool:
    names = (set(a) | set(b)) - set(FIXED)
    return all(same_value(a.get(name), b.get(name)) for name in names)


def same_value(a: Any, b: Any) -> bool:
    if a == b:
        return True
    if isinstance(a, list) or isinstance(b, list):
        return sorted(a or []) == sorted(b or [])
    if isinstance(a, bool | int | float) and isinstance(b, bool | int | float):
        return float(a) == float(b)
    return str(a) == str(b) if a is not None and b is not None else False


def new_version(local: Row, incoming: Row) -> tuple[str, str]:
    """(version, lineage) of a version made from both sides (a merge or a decision)."""
    lineage = versions.merged_lineage((local.get("version"), local.get("lineage")),
                                      (incoming.get("version"), incoming.get("lineage")))
    return versions.new_id(), lineage


__all__ = ["ADOPT", "CONFLICT", "IDENTICAL", "KEEP", "MERGE", "ROOT", "TAKE", "Outcome", "decide", "merge"]
