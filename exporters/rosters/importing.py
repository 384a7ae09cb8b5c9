"""Previewing and importing a roster: the same steps, the preview's transaction rolled back.

So what the preview promises is what the import does: the good rows in one
transaction, or, when some rows are bad and the import must take all, nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from exporters.rosters.cells import blank
from exporters.rosters.mapping import KINDS
from exporters.rosters.rows import RowCheck, RowImporter
from exporters.rosters.table import RosterError, Table
from models import records as r
from models.i18n import translate


@dataclass
class Preview:
    kind: str
    rows: list[RowCheck]
    new_groups: list[str]  # "龙潭村5组": groups the import creates in known villages

    @property
    def good(self) -> int:
        return sum(check.ok for check in self.rows)

    @property
    def bad(self) -> int:
        return len(self.rows) - self.good

    def bad_rows(self) -> list[RowCheck]:
        return [check for check in self.rows if not check.ok]


@dataclass
class ImportResult:
    imported: int
    skipped: int
    groups_created: list[str]
    bad_rows: list[RowCheck]  # the skipped rows and why


class BadRowsError(RosterError):
    """Some rows are wrong and the import was asked to take all or nothing."""

    def __init__(self, preview: Preview):
        self.preview = preview
        super().__init__(translate("Roster", "{n} rows have problems; nothing was imported.").format(
            n=preview.bad))


class _Rollback(Exception):
    pass


def preview(table: Table, kind: str, mapping: dict[int, str], village: str | UUID | None = None) -> Preview:
    """What an import would do with each row; the database is left as it was."""
    return _run(table, kind, mapping, village, commit=lambda _checks: False)[0]


def import_rows(table: Table, kind: str, mapping: dict[int, str], village: str | UUID | None = None,
                skip_bad: bool = False) -> ImportResult:
    """Write the good rows in one transaction; with bad rows, nothing unless ``skip_bad``.

    ``village``: the village (name or key) of rows that name none.
    """
    result, committed = _run(table, kind, mapping, village,
                             commit=lambda checks: skip_bad or all(c.ok for c in checks))
    if not committed:
        raise BadRowsError(result)
    return ImportResult(result.good, result.bad, result.new_groups, result.bad_rows())


def _run(table, kind, mapping, village, commit: Callable[[list[RowCheck]], bool]) -> tuple[Preview, bool]:
    if kind not in KINDS:
        raise ValueError(f"unknown roster kind {kind!r}")
    if len(set(mapping.values())) != len(mapping):
        raise ValueError("a field is mapped from two columns")
    importer = RowImporter(table, kind, mapping, village)
    try:
        with r.database.atomic():
            checks = [importer.row(number, values) for number, values in table.rows
                      if any(not blank(values[i]) for i in mapping if i < len(values))]
            result = Preview(kind, checks, importer.created)
            if not commit(checks):
                raise _Rollback
            return result, True
    except _Rollback:
        return result, False
