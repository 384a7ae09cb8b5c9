"""What a roster file is, told by its content, and the limits of what is read.

A village keeps its roster as .xlsx, an old .xls, a WPS .et (an .xls inside),
an .ods or a CSV saved in GBK; the name often says something else. So the kind
is read from the first bytes: a zip holding ``xl/workbook.xml`` (xlsx, xlsm) or
an OpenDocument spreadsheet; an OLE compound file (xls, et — or an encrypted
workbook, which says "password"); otherwise text, read as CSV.

Every file is first checked to be a regular file of a bounded size, so that a
FIFO, a device or a folder is refused instead of blocking the reader.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from pathlib import Path

from models.i18n import translate

# The bounds of what is read: beyond them a file is refused, never half read.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # all the members of an .xlsx or .ods together
MAX_ROWS = 300_000
MAX_COLUMNS = 500
MAX_CELLS = 6_000_000  # rows × columns of one sheet, as the reader lays it out
MAX_SECONDS = 120.0

XLSX, XLS, ODS, CSV = "xlsx", "xls", "ods", "csv"


class RosterError(Exception):
    """The file cannot be read as a roster; the message names the file and says why."""


def check_file(path: Path) -> int:
    """The size of ``path``, a regular file that can be read; RosterError otherwise."""
    try:
        info = path.stat()
    except OSError as error:
        raise RosterError(translate("Roster", "{path} cannot be read: {error}").format(
            path=path, error=error.strerror or error)) from error
    if stat.S_ISDIR(info.st_mode):
        raise RosterError(translate("Roster", "{path} is a folder, not a roster file.").format(path=path))
    if not stat.S_ISREG(info.st_mode):
        raise RosterError(translate("Roster", "{path} is not a file (a device, a pipe or a socket); "
                                    "choose a spreadsheet file.").format(path=path))
    if info.st_size == 0:
        raise RosterError(translate("Roster", "{path} is empty (0 bytes).").format(path=path))
    if info.st_size > MAX_FILE_BYTES:
        raise RosterError(translate("Roster", "{path} is too large for a roster ({size} MB; at most "
                                    "{limit} MB).").format(path=path, size=info.st_size // 2**20,
                                                            limit=MAX_FILE_BYTES // 2**20))
    return info.st_size


def read_head(path: Path, size: int = 8) -> bytes:
    """The first bytes of a checked file, opened so that it can never block."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise RosterError(translate("Roster", "{path} cannot be read: {error}").format(
            path=path, error=error.strerror or error)) from error
    try:
        return os.read(handle, size)
    except OSError as error:
        raise RosterError(translate("Roster", "{path} cannot be read: {error}").format(
            path=path, error=error.strerror or error)) from error
    finally:
        os.close(handle)


def kind_of(path: Path) -> str:
    """XLSX, XLS, ODS or CSV, from the file's content; RosterError for anything else."""
    check_file(path)
    head = read_head(path)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return XLS
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text ("Unicode text" of Excel)
        return CSV
    if head.startswith(_NOT_SPREADSHEETS) or b"\0" in head:
        raise RosterError(not_a_roster(path))
    if read_head(path, 512).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        raise RosterError(translate(
            "Roster", "{path} is a web page or an XML file under a spreadsheet's name (as some systems "
            "export “Excel” files); open it in Excel or WPS and save it as “Excel workbook (*.xlsx)” "
            "first.").format(path=path))
    return CSV


# Empty zips, programs, PDF, pictures, other archives: never a roster.
_NOT_SPREADSHEETS = (b"PK\x05\x06", b"PK\x07\x08", b"\x7fELF", b"MZ", b"%PDF", b"\x89PNG", b"\xff\xd8",
                     b"GIF8", b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
            mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, KeyError, ValueError, RuntimeError,
            NotImplementedError, EOFError) as error:
        raise RosterError(damaged(path)) from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise RosterError(translate("Roster", "{path} unpacks to more than {limit} MB; it is not a "
                                    "roster that can be read.").format(path=path,
                                                                        limit=MAX_UNPACKED_BYTES // 2**20))
    if "xl/workbook.xml" in names:
        return XLSX
    if "xl/workbook.bin" in names:
        raise RosterError(translate("Roster", "{path} is a binary Excel workbook (.xlsb); open it in Excel "
                                    "or WPS and save it as “Excel workbook (*.xlsx)” first.").format(
            path=path))
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return ODS
    raise RosterError(not_a_roster(path))


def not_a_roster(path: Path) -> str:
    return translate("Roster", "{path} is not a spreadsheet (.xlsx, .xls, .et, .ods or .csv).").format(
        path=path)


def damaged(path: Path, detail: object = None) -> str:
    message = translate("Roster", "{path} is damaged or not a complete spreadsheet; open it in Excel "
                        "or WPS, save it again and retry.").format(path=path)
    return f"{message}（{detail}）" if detail else message


def password_protected(path: Path) -> str:
    return translate("Roster", "{path} is protected by a password; open it in Excel or WPS, remove the "
                     "password (or save an unprotected copy) and import that.").format(path=path)


def too_large(path: Path, sheet: str | None, rows: int, columns: int) -> str:
    where = (translate("Roster", "Sheet “{sheet}” of {path}").format(sheet=sheet, path=path) if sheet
             else translate("Roster", "A sheet of {path}").format(path=path))
    return translate("Roster", "{where} has cells as far as row {rows}, column {columns}: more than a "
                     "roster can hold (at most {max_rows} rows and {max_columns} columns). Delete what lies "
                     "beyond the table, save the file and import it again.").format(
        where=where, rows=rows, columns=columns, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
