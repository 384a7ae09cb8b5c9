"""A roster file read once: its sheets as rows of cells, whatever the format.

.xlsx/.xlsm, .xls, WPS .et and .ods are read by calamine (Rust; the whole file
in one go, after ``extent`` has made sure the sheets are of a bounded size);
.csv and text by the csv module, in UTF-8 (with or without BOM), UTF-16 (what
Excel calls "Unicode text") or else GB18030 (which includes GBK). Row ``i`` of
a sheet is the row a person sees as ``i + 1``; merged cells carry their value
into every cell they cover, as the person sees it.

Every failure of a reader becomes one RosterError naming the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine

from exporters.rosters import extent, files
from exporters.rosters.files import RosterError
from models.i18n import translate

Rows = list[list[Any]]


@dataclass
class Book:
    """The sheets of one file, read from the disk once."""

    path: Path
    kind: str
    names: list[str]
    _sheets: dict[str, Rows] = field(default_factory=dict)
    _workbook: Any = None

    def rows(self, name: str) -> Rows:
        """The rows of sheet ``name``, from A1; RosterError if it has no such sheet or cannot be read."""
        if name not in self.names:
            raise RosterError(translate("Roster", "{path} has no sheet “{sheet}”; its sheets are: "
                                        "{sheets}.").format(path=self.path, sheet=name,
                                                            sheets="、".join(self.names)))
        if name not in self._sheets:
            if self._workbook is None:
                raise RosterError(files.damaged(self.path))
            self._sheets[name] = _calamine_rows(self, name)
        return self._sheets[name]

    def read_all(self) -> Book:
        """Every sheet read now and the reader let go (so that another thread may use the rows)."""
        try:
            for name in self.names:
                self.rows(name)
        finally:
            self.close()
        return self

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None


def open_book(path: str | Path) -> Book:
    """The file at ``path``, its kind told by its content; RosterError if it cannot be read."""
    path = Path(path)
    kind = files.kind_of(path)
    if kind == files.CSV:
        return Book(path, kind, [path.stem], {path.stem: _csv_rows(path)})
    {files.XLSX: extent.check_xlsx, files.XLS: extent.check_xls, files.ODS: extent.check_ods}[kind](path)
    data = _read(path)
    try:
        # from the bytes, so that the reader too goes by the content and not by the file's name
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = [sheet.name for sheet in workbook.sheets_metadata
                 if sheet.typ == python_calamine.SheetTypeEnum.WorkSheet]
    except BaseException as error:  # the reader's panics are BaseExceptions
        raise _reader_error(path, error) from error
    if not names:
        raise RosterError(translate("Roster", "{path} has no worksheet.").format(path=path))
    return Book(path, kind, names, _workbook=workbook)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise RosterError(translate("Roster", "{path} cannot be read: {error}").format(
            path=path, error=error.strerror or error)) from error


def _reader_error(path: Path, error: BaseException) -> BaseException:
    if isinstance(error, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError):
        return error
    if isinstance(error, python_calamine.PasswordError) or "password" in str(error).lower():
        return RosterError(files.password_protected(path))
    if "limit" in str(error).lower():
        return RosterError(files.too_large(path, None, files.MAX_ROWS + 1, 0))
    return RosterError(files.damaged(path, type(error).__name__))


def _calamine_rows(book: Book, name: str) -> Rows:
    started = time.monotonic()
    try:
        sheet = book._workbook.get_sheet_by_name(name)
        rows = sheet.to_python(skip_empty_area=False)
        merged = sheet.merged_cell_ranges or []
    except BaseException as error:
        raise _reader_error(book.path, error) from error
    if len(rows) > files.MAX_ROWS or (rows and len(rows[0]) > files.MAX_COLUMNS):
        raise RosterError(files.too_large(book.path, name, len(rows), len(rows[0])))
    _fill_merged(rows, merged)
    if time.monotonic() - started > files.MAX_SECONDS:
        raise RosterError(_too_slow(book.path))
    return rows


def _fill_merged(rows: Rows, merged: list) -> None:
    """A merged cell's value in every cell it covers (a village name merged down its rows)."""
    for (top, left), (bottom, right) in merged:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for row in range(top, min(bottom, len(rows) - 1) + 1):
            for column in range(left, min(right, len(rows[row]) - 1) + 1):
                rows[row][column] = value


def _too_slow(path: Path) -> str:
    return translate("Roster", "Reading {path} took longer than {n} seconds; it is not a roster that can "
                     "be read.").format(path=path, n=int(files.MAX_SECONDS))


# --- CSV ---------------------------------------------------------------------------------

def _csv_rows(path: Path) -> Rows:
    text = _decode(path, _read(path))
    lines = text[:65536].splitlines()[:20]
    delimiter = max((",", "\t", ";", "|"), key=lambda d: sum(line.count(d) for line in lines))
    rows: Rows = []
    started = time.monotonic()
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(row)
            if len(rows) > files.MAX_ROWS or len(row) > files.MAX_COLUMNS:
                raise RosterError(files.too_large(path, None, len(rows), len(row)))
            if len(rows) % 10_000 == 0 and time.monotonic() - started > files.MAX_SECONDS:
                raise RosterError(_too_slow(path))
    except csv.Error as error:
        raise RosterError(files.damaged(path, error)) from error
    width = max((len(row) for row in rows), default=0)
    return [row + [""] * (width - len(row)) for row in rows]


def _decode(path: Path, data: bytes) -> str:
    """The text of a CSV: by its BOM, else UTF-8, else GB18030 (GBK); RosterError if none fits."""
    encodings: tuple[str, ...]
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\0" in text:
            break
        return text
    raise RosterError(translate("Roster", "{path} is a text file in an encoding that is neither UTF-8 nor "
                                "GBK; save it again as “CSV UTF-8” and import that.").format(path=path))
