"""What keeps an exported file from leaking, corrupting or half-existing.

Cells: user text is cleaned of the characters XML forbids and always stored as
text, so ``=1+1`` or ``-3`` typed in a remark never becomes a formula or a
number, and an ID number is never rounded by Excel. Personal identifiers are
masked unless the user asked for the full values.

Files: the workbook is written to a temporary name in the target's own folder
and renamed over the target only when complete, so a failure or a cancel
leaves the old file as it was. A target that another program holds open, or a
folder that cannot be written, is refused before any work is done, with a
message naming the file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from exporters import ExportError
from models import files, personal
from models.i18n import translate

# XML 1.0 allows tab, line feed and carriage return below 0x20, no lone surrogates, no U+FFFE/FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FORMULA_START = ("=", "+", "-", "@")
MAX_CELL_TEXT = 32767  # Excel's limit; longer text is cut, never refused


def clean_text(value: Any) -> str:
    """``value`` as cell text: forbidden characters dropped, Excel's length kept."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if _FORBIDDEN.search(text):
        text = _FORBIDDEN.sub("", text)
    return text[:MAX_CELL_TEXT]


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


class CellStyle:
    """A cell format of a workbook, and the same with Excel's quote prefix (made when first needed).

    Text that looks like a formula gets the quote prefix, so that editing the cell
    in Excel keeps it text.
    """

    __slots__ = ("_quoted", "plain", "properties", "wb")

    def __init__(self, wb, properties: dict[str, Any]):
        self.wb, self.properties = wb, properties
        self.plain = wb.add_format(properties)
        self._quoted = None

    @property
    def quoted(self):
        if self._quoted is None:
            self._quoted = self.wb.add_format({**self.properties, "quote_prefix": True})
        return self._quoted


def write_text(ws, row: int, column: int, value: Any, style: CellStyle) -> None:
    """``value`` as text in an XlsxWriter cell, whatever it looks like (``write_string``, never a formula)."""
    text = clean_text(value)
    if not text:
        ws.write_blank(row, column, None, style.plain)
    elif text.startswith("<r>") and text.endswith("</r>"):
        # XlsxWriter (constant memory) would copy such a string into the file as rich-text XML
        # unescaped; as two runs of the cell's own font it is escaped like any other text
        ws.write_rich_string(row, column, text[:1], style.plain, text[1:], style.plain)
    else:
        ws.write_string(row, column, text, style.quoted if text.startswith(FORMULA_START) else style.plain)


def write_value(ws, row: int, column: int, value: Any, style: CellStyle) -> None:
    """A number or a date as itself (its format is the style's), ``None`` empty, anything else as text."""
    kind = value.__class__
    if kind is str:
        write_text(ws, row, column, value, style)
    elif value is None:
        ws.write_blank(row, column, None, style.plain)
    elif kind is bool:
        write_text(ws, row, column, "是" if value else "否", style)
    elif kind is int or kind is float or isinstance(value, int | float):
        ws.write_number(row, column, value, style.plain)
    elif isinstance(value, dt.date):
        ws.write_datetime(row, column, value, style.plain)
    else:
        write_text(ws, row, column, value, style)


def id_number_text(value: str | None, full: bool = False) -> str:
    """An ID number as printed: 430***********1234 unless the full number was asked for."""
    if not value:
        return ""
    return clean_text(personal.normalize_id_number(value) if full else personal.mask_id_number(value))


def phone_text(value: str | None, full: bool = False) -> str:
    """A phone number as printed: 138****5678 unless the full number was asked for."""
    if not value:
        return ""
    return clean_text(personal.normalize_phone(value) if full else personal.mask_phone(value))


# --- writing the file ------------------------------------------------------------------

def lock_files(path: Path) -> list[Path]:
    """The marks Excel, WPS and LibreOffice leave beside a file they have open."""
    names = {f"~${path.name}", f".~lock.{path.name}#"}
    if len(path.name) > 7:  # Excel shortens long names: ~$ replaces the first two characters
        names.add(f"~${path.name[2:]}")
    return [path.with_name(name) for name in sorted(names)]


def check_target(path: str | Path) -> Path:
    """``path`` as an absolute Path, or ExportError saying why it cannot be written.

    The rules every command follows (``models.files.check_target``: a folder, a
    missing folder, a file that is not a regular one or is read-only are refused),
    and a file another program holds open (Excel, WPS, LibreOffice).
    """
    try:
        path = files.check_target(path)
    except files.TargetError as error:
        raise ExportError(str(error)) from None
    if any(lock.exists() for lock in lock_files(path)):
        raise _open_elsewhere(path)
    return path


def _open_elsewhere(path: Path) -> ExportError:
    return ExportError(translate(
        "Export", "{path} is open in another program (Excel, WPS or LibreOffice). "
        "Close it there and export again; the old file has not been changed.").format(path=path))


@contextlib.contextmanager
def atomic_target(path: str | Path) -> Iterator[Path]:
    """Yield a temporary file beside ``path``; rename it over ``path`` if the block succeeds.

    Any failure (including a cancel, a full disk) removes the temporary file and
    leaves ``path`` untouched; a temporary file a kill left behind is swept at the
    next write into that folder (``models.files``). Errors become ExportError
    naming ``path``.
    """
    path = check_target(path)
    try:
        with files.atomic_target(path, before_replace=_still_closed) as temporary:
            yield temporary
    except files.TargetError as error:
        raise ExportError(str(error)) from None


def _still_closed(path: Path) -> None:
    if any(lock.exists() for lock in lock_files(path)):  # opened while we were writing
        raise _open_elsewhere(path)
