"""A roster's sheet as people write it: the header found, the rows below it, the rest left out.

Above the header a village writes a title or two and blank lines; the header
may take two rows (“户主信息” merged over 姓名 and 身份证号); below the rows come
totals and subtotals (合计, 小计, 总计, 共计 …), the header repeated for the
next printed page, and a footer (填表人, 审核人, 注：…). The header is the first
of the top rows with two or more known column names; blank lines are passed
over; totals, repeated headers and footers are left out and listed, with the
reason, for the preview to show. A workbook's note sheet (说明) has no header:
the first sheet that has one is the roster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from exporters.rosters.book import Book, open_book
from exporters.rosters.cells import text_of
from exporters.rosters.files import RosterError
from exporters.rosters.mapping import KINDS, field_of
from models.i18n import translate

HEADER_SEARCH_ROWS = 12

_TOTAL = re.compile(r"^(?:全[村组镇乡户]|本[页组村表]|各[村组])?(?:合计|小计|总计|共计|累计|汇总|总数)")
_FOOTER = re.compile(r"^(?:填表人|制表人|填报人|审核人|审批人|负责人|联系人|统计人|填表日期|制表日期|"
                     r"填报日期|注[:：]|说明[:：]|备注[:：])")


@dataclass
class Table:
    """The rows of one sheet below its header row; row numbers as the sheet shows them."""

    path: Path
    sheet: str
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list[Any]]]
    left_out: list[tuple[int, str]] = field(default_factory=list)  # (row, why) — totals, footers


def sheet_names(path: str | Path) -> list[str]:
    book = open_book(path)
    try:
        return list(book.names)
    finally:
        book.close()


def read_table(source: str | Path | Book, sheet: str | None = None) -> Table:
    """The sheet (if none is named, the first with a header) from its header row down."""
    book = source if isinstance(source, Book) else open_book(source)
    try:
        if sheet is not None:
            return _table(book, sheet)
        first_error = None
        for name in book.names:
            try:
                return _table(book, name)
            except RosterError as error:
                first_error = first_error or error
        assert first_error is not None
        raise first_error
    finally:
        if not isinstance(source, Book):
            book.close()


def _table(book: Book, sheet: str) -> Table:
    rows = [(number, values) for number, values in enumerate(book.rows(sheet), start=1)
            if any(_filled(value) for value in values)]
    if not rows:
        raise RosterError(translate("Roster", "Sheet “{sheet}” of {path} is empty.").format(
            sheet=sheet, path=book.path))
    found = _header_index(rows)
    if found is None:
        raise RosterError(translate(
            "Roster", "No header row found in the first {n} rows of sheet “{sheet}” of {path} "
            "(expected column names such as 户主, 姓名, 身份证号, 联系电话).").format(
            n=HEADER_SEARCH_ROWS, sheet=sheet, path=book.path))
    width = max(len(values) for _number, values in rows)
    header_row, header = rows[found]
    headers = [text_of(value) for value in header] + [""] * (width - len(header))
    first_data = found + 1
    if first_data < len(rows) and _continues_header(headers, rows[first_data][1]):
        headers = _merge_header(headers, rows[first_data][1])
        header_row = rows[first_data][0]
        first_data += 1
    table = Table(book.path, sheet, header_row, headers, [])
    for number, values in rows[first_data:]:
        why = _left_out(values, headers)
        if why:
            table.left_out.append((number, why))
        else:
            table.rows.append((number, values + [None] * (width - len(values))))
    return table


def _known(values: list[Any]) -> int:
    return sum(any(field_of(text_of(value), kind) for kind in KINDS) for value in values)


def _header_index(rows: list[tuple[int, list[Any]]]) -> int | None:
    """The first row (within the top rows of the sheet) with two or more known column names."""
    for index, (number, values) in enumerate(rows):
        if number > HEADER_SEARCH_ROWS:
            break
        if _known(values) >= 2:
            return index
    return None


def _continues_header(headers: list[str], below: list[Any]) -> bool:
    """The row under the header holds column names of its own (the lower row of a merged header)."""
    added = [text_of(value) for value in below]
    known = [text for text in added if text and any(field_of(text, kind) for kind in KINDS)]
    if not known:
        return False
    data_like = [text for text in added if text and not any(field_of(text, kind) for kind in KINDS)
                 and re.search(r"\d", text)]
    return not data_like


def _merge_header(upper: list[str], below: list[Any]) -> list[str]:
    """One name per column: the lower row's where it has one, else the upper row's."""
    lower = [text_of(value) for value in below] + [""] * (len(upper) - len(below))
    return [low or up for up, low in zip(upper, lower, strict=False)]


def _filled(value: Any) -> bool:
    return value is not None and value != "" and (type(value) is not str or bool(value.strip()))


def _left_out(values: list[Any], headers: list[str]) -> str | None:
    """Why a row below the header is not a roster row, or None when it is one.

    Totals and notes are words (合计, 填表人): only the first few text cells are looked at.
    """
    first: list[str] = []  # the first few filled text cells, spaces out
    leading = None  # the first filled cell
    for value in values:
        if _filled(value):
            leading = value if leading is None else leading
            if type(value) is str:
                first.append(_SPACES.sub("", value))
                if len(first) == 4:
                    break
    if any(_TOTAL.match(text) for text in first):
        return translate("Roster", "a totals row")
    if first and type(leading) is str and _FOOTER.match(first[0]):
        return translate("Roster", "a note below the table")
    if first and first[0] in headers:  # perhaps the header again (the next printed page's)
        same = sum(1 for value, header in zip(values, headers, strict=False)
                   if header and type(value) is str and value.strip() == header)
        if same >= 2 and same >= sum(map(_filled, values)) - 1:
            return translate("Roster", "the header repeated")
    return None


_SPACES = re.compile(r"\s+")


def column_name(table: Table, index: int) -> str:
    """"C（身份证号）": the column as a person finds it in the sheet."""
    header = table.headers[index] if index < len(table.headers) else ""
    return f"{get_column_letter(index + 1)}（{header}）" if header else get_column_letter(index + 1)
