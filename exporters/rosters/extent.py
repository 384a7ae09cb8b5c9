"""How far a sheet's cells reach, found before the reader lays the sheet out.

The reader (calamine) lays a sheet out as one block from its first to its last
cell with a value: a 1 KB file with a single cell at row 99,999,999,999 or at
XFD1048576 would ask for terabytes, and the process would die. So the cells'
addresses are scanned first — cheaply, with regular expressions over the
sheet's XML or the .xls records — and a sheet that reaches beyond the limits
of ``files`` is refused with a message before the reader sees it.

Only cells with a value count (the reader skips empty, merely formatted ones).
"""

from __future__ import annotations

import html
import re
import struct
import zipfile
import zlib
from pathlib import Path

import olefile

from exporters.rosters import files
from exporters.rosters.files import RosterError

_CHUNK = 4 * 1024 * 1024


def check_xlsx(path: Path) -> None:
    """Every worksheet of an .xlsx within the limits; RosterError naming the sheet otherwise."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = _sheet_names(archive)
            for info in archive.infolist():
                if re.fullmatch(r"xl/worksheets/[^/]+\.xml", info.filename):
                    with archive.open(info) as member:
                        rows, columns = _xlsx_extent(member.read(files.MAX_UNPACKED_BYTES + 1))
                    _check(path, names.get(info.filename), rows, columns)
    except _ZIP_ERRORS as error:
        raise RosterError(files.damaged(path)) from error


_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, KeyError, ValueError,
               RuntimeError, NotImplementedError)


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """{part name: the sheet's name as the person sees it}, as far as the workbook says."""
    try:
        book = archive.read("xl/workbook.xml")[:4_000_000].decode("utf-8", "replace")
        links = archive.read("xl/_rels/workbook.xml.rels")[:4_000_000].decode("utf-8", "replace")
    except _ZIP_ERRORS:
        return {}
    targets = {}
    for relation in re.findall(r"<Relationship\b[^>]*>", links):
        key, target = re.search(r'\bId="([^"]*)"', relation), re.search(r'\bTarget="([^"]*)"', relation)
        if key and target:
            targets[key.group(1)] = "xl/" + target.group(1).removeprefix("/xl/").removeprefix("/")
    names = {}
    for sheet in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
        name, key = re.search(r'\bname="([^"]*)"', sheet), re.search(r'\br:id="([^"]*)"', sheet)
        if name and key and key.group(1) in targets:
            names[targets[key.group(1)]] = html.unescape(name.group(1))
    return names


_CELL = re.compile(rb'<c\b([^>]*?)(/?)>')
_REF = re.compile(rb'\br="([A-Za-z]{1,8})(\d{1,15})"')
_ROW = re.compile(rb'<row\b[^>]*?\br="(\d{1,15})"')


def _xlsx_extent(xml: bytes) -> tuple[int, int]:
    """(last row, last column) of the cells with a value."""
    if len(xml) > files.MAX_UNPACKED_BYTES:
        raise ValueError("sheet larger than the limit")
    cells = xml.count(b"<c ") + xml.count(b"<c>")
    if xml.count(b'<c r="') == cells and not _ROW_WITHOUT_REF.search(xml):
        return _extent_of_refs(xml)  # Excel, WPS, LibreOffice and openpyxl all write it so
    return _walk(xml)


_ROW_WITHOUT_REF = re.compile(rb'<row\b(?![^>]*?\br=")[^>]*>')
# A cell that names its address first and is not empty (not closed at once: "/>" ends an empty one).
_VALUED_ROW = re.compile(rb'<c r="[A-Za-z]{1,8}(\d{1,15})"[^>/]*>')
_VALUED_COLUMN = re.compile(rb'<c r="([A-Za-z]{1,8})\d{1,15}"[^>/]*>')


def _extent_of_refs(xml: bytes) -> tuple[int, int]:
    """Every cell names its address: the largest row and column among those with a value."""
    numbers = _VALUED_ROW.findall(xml)
    if not numbers:
        return 0, 0
    return max(map(int, numbers)), max(map(_column, set(_VALUED_COLUMN.findall(xml))))


def _walk(xml: bytes) -> tuple[int, int]:
    """Rows or cells without addresses follow the one before: counted one by one."""
    row = column = last_row = last_column = 0
    for match in re.finditer(rb'<row\b([^>]*)>|<c\b([^>]*?)(/?)>', xml):
        if match.group(1) is not None:
            found = re.search(rb'\br="(\d{1,15})"', match.group(1))
            row = int(found.group(1)) if found else row + 1
            column = 0
            continue
        found = _REF.search(match.group(2))
        if found:
            column, row = _column(found.group(1)), max(row, int(found.group(2)))
        else:
            column += 1
        if not match.group(3):
            last_row, last_column = max(last_row, row), max(last_column, column)
    return last_row, last_column


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


# --- .xls and .et (BIFF8 records in an OLE compound file) --------------------------------

_VALUE_RECORDS = {0x00FD, 0x0203, 0x027E, 0x0006, 0x0204, 0x0205, 0x00D6}  # LABELSST NUMBER RK FORMULA …
_MULRK, _BOF, _FILEPASS = 0x00BD, 0x0809, 0x002F


def check_xls(path: Path) -> None:
    """Every sheet of an .xls (or .et) within the limits, and no password; RosterError otherwise."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                raise RosterError(files.password_protected(path))
            name = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            if name is None:
                raise RosterError(files.not_a_roster(path))
            stream = ole.openstream(name).read()
    except RosterError:
        raise
    except Exception as error:  # olefile raises many kinds on a damaged file
        raise RosterError(files.damaged(path)) from error
    for rows, columns in _xls_extents(stream, path):
        _check(path, None, rows, columns)


def _xls_extents(stream: bytes, path: Path) -> list[tuple[int, int]]:
    """(last row, last column) of the cells with a value, one pair per sheet."""
    extents: list[tuple[int, int]] = []
    rows = columns = 0
    offset, end = 0, len(stream)
    while offset + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, offset)
        body = offset + 4
        if kind == _FILEPASS:
            raise RosterError(files.password_protected(path))
        if kind == _BOF:
            if rows or columns:
                extents.append((rows, columns))
            rows = columns = 0
        elif (kind in _VALUE_RECORDS or kind == _MULRK) and length >= 4 and body + 4 <= end:
            row, column = struct.unpack_from("<HH", stream, body)
            if kind == _MULRK and length >= 6:
                column = struct.unpack_from("<H", stream, body + length - 2)[0]
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        offset = body + length
    extents.append((rows, columns))
    return extents


# --- .ods (OpenDocument content.xml; rows and cells may repeat) ---------------------------

_ODS_TOKEN = re.compile(rb'(<table:table(?=[\s>])[^>]*>)|<table:table-row(?=[\s>/])([^>]*)>|'
                        rb'<table:(?:covered-)?table-cell(?=[\s>/])([^>]*?)(/?)>')
_REPEAT_ROWS = re.compile(rb'table:number-rows-repeated="(\d{1,12})"')
_REPEAT_COLUMNS = re.compile(rb'table:number-columns-repeated="(\d{1,12})"')


def check_ods(path: Path) -> None:
    """Every table of an .ods within the limits; RosterError otherwise."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as member:
            xml = member.read(files.MAX_UNPACKED_BYTES + 1)
    except _ZIP_ERRORS as error:
        raise RosterError(files.damaged(path)) from error
    if b"manifest:encryption-data" in _manifest(path):
        raise RosterError(files.password_protected(path))
    for rows, columns in _ods_extents(xml):
        _check(path, None, rows, columns)


def _manifest(path: Path) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("META-INF/manifest.xml")[: files.MAX_UNPACKED_BYTES]
    except _ZIP_ERRORS:
        return b""


def _ods_extents(xml: bytes) -> list[tuple[int, int]]:
    extents: list[tuple[int, int]] = []
    row = column = last_row = last_column = 0
    repeat = 1
    for match in _ODS_TOKEN.finditer(xml):
        if match.group(1) is not None:  # a new table (sheet)
            if last_row or last_column:
                extents.append((last_row, last_column))
            row = column = last_row = last_column = 0
        elif match.group(2) is not None:
            found = _REPEAT_ROWS.search(match.group(2))
            row, column = row + repeat, 0
            repeat = int(found.group(1)) if found else 1
        elif match.group(3) is not None:
            found = _REPEAT_COLUMNS.search(match.group(3))
            span = int(found.group(1)) if found else 1
            if not match.group(4) or b"office:value-type" in match.group(3):
                last_row = max(last_row, row + repeat - 1)
                last_column = max(last_column, column + span)
            column += span
    extents.append((last_row, last_column))
    return extents


def _check(path: Path, sheet: str | None, rows: int, columns: int) -> None:
    if rows > files.MAX_ROWS or columns > files.MAX_COLUMNS or rows * columns > files.MAX_CELLS:
        raise RosterError(files.too_large(path, sheet, rows, columns))
