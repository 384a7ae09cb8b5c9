"""Reading a roster's sheet: the header found under the titles above it, the rows below it.

A village's roster has a title or two above its header and merged cells; the
header is the first of the top rows with two or more known column names.
Any .xlsx is read whatever its file name says; an .xls, .et or .csv is refused
with a word on how to save it as .xlsx.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from exporters.rosters.cells import blank, text_of
from exporters.rosters.mapping import KINDS, field_of
from models.i18n import translate

HEADER_SEARCH_ROWS = 10


class RosterError(Exception):
    """The file cannot be read as a roster; the message names the file and says why."""


@dataclass
class Table:
    """The rows of one sheet below its header row; row numbers as Excel shows them."""

    path: Path
    sheet: str
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list[Any]]]


def sheet_names(path: str | Path) -> list[str]:
    with _workbook(Path(path)) as book:
        return list(book.sheetnames)


class _workbook:
    """An .xlsx opened read-only (whatever its file name says), closed on exit."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        try:
            self.handle = self.path.open("rb")
        except OSError as error:
            raise RosterError(translate("Roster", "{path} cannot be read: {error}").format(
                path=self.path, error=error.strerror or error)) from error
        try:
            self.book = load_workbook(self.handle, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
            self.handle.close()
            raise RosterError(_not_xlsx(self.path)) from error
        return self.book

    def __exit__(self, *_exc):
        self.book.close()
        self.handle.close()


def _not_xlsx(path: Path) -> str:
    if path.suffix.lower() in (".xls", ".et", ".csv", ".wps"):
        return translate("Roster", "{path} is not an .xlsx workbook; open it in Excel or WPS and save "
                         "it as “Excel workbook (*.xlsx)” first.").format(path=path)
    return translate("Roster", "{path} is not an Excel workbook (.xlsx) or it is damaged.").format(
        path=path)


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """The sheet (the first one if none is named) from its header row down."""
    path = Path(path)
    with _workbook(path) as book:
        if sheet is None:
            sheet = book.sheetnames[0]
        elif sheet not in book.sheetnames:
            raise RosterError(translate("Roster", "{path} has no sheet “{sheet}”; its sheets are: "
                                        "{sheets}.").format(path=path, sheet=sheet,
                                                            sheets="、".join(book.sheetnames)))
        rows = [(number, list(values)) for number, values in
                enumerate(book[sheet].iter_rows(values_only=True), start=1)
                if any(not blank(value) for value in values)]
    if not rows:
        raise RosterError(translate("Roster", "Sheet “{sheet}” of {path} is empty.").format(
            sheet=sheet, path=path))
    found = _header_index(rows)
    if found is None:
        raise RosterError(translate(
            "Roster", "No header row found in the first {n} rows of sheet “{sheet}” of {path} "
            "(expected column names such as 户主, 姓名, 身份证号, 联系电话).").format(
            n=HEADER_SEARCH_ROWS, sheet=sheet, path=path))
    header_row, header = rows[found]
    width = max(len(values) for _number, values in rows)
    headers = [text_of(value) for value in header] + [""] * (width - len(header))
    data = [(number, values + [None] * (width - len(values))) for number, values in rows[found + 1:]]
    return Table(path, sheet, header_row, headers, data)


def _header_index(rows: list[tuple[int, list[Any]]]) -> int | None:
    """The first row (within the top rows of the sheet) with two or more known column names."""
    for index, (number, values) in enumerate(rows):
        if number > HEADER_SEARCH_ROWS:
            break
        known = sum(any(field_of(text_of(value), kind) for kind in KINDS) for value in values)
        if known >= 2:
            return index
    return None


def column_name(table: Table, index: int) -> str:
    """"C（身份证号）": the column as a person finds it in the sheet."""
    header = table.headers[index] if index < len(table.headers) else ""
    return f"{get_column_letter(index + 1)}（{header}）" if header else get_column_letter(index + 1)
