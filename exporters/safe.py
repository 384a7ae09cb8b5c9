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

from openpyxl.cell.cell import Cell
from openpyxl.styles.cell_style import StyleArray

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


def text_cell(ws, value: Any, style: StyleArray) -> Cell:
    """A cell that holds ``value`` as text whatever it looks like.

    The value is set directly as a string (openpyxl would otherwise turn a
    leading ``=`` into a formula); text that looks like a formula also gets
    Excel's quote prefix, so editing the cell in Excel keeps it text.
    """
    text = clean_text(value)
    if text and looks_like_formula(text):
        style = StyleArray(style)
        style.quotePrefix = 1
    cell = Cell(ws, 1, 1, style_array=style)
    cell._value = text
    cell.data_type = "s"
    return cell


def value_cell(ws, value: Any, style: StyleArray) -> Cell:
    """A cell for a number or a date (``None`` stays empty); anything else is text.

    Numbers and dates are set directly: the style already carries their format.
    """
    if isinstance(value, str):
        return text_cell(ws, value, style)
    cell = Cell(ws, 1, 1, style_array=style)
    if value is None:
        return cell
    if isinstance(value, bool):
        return text_cell(ws, "是" if value else "否", style)
    if isinstance(value, int | float):
        cell._value = value
    elif isinstance(value, dt.date):
        cell._value = value
        cell.data_type = "d"
    else:
        return text_cell(ws, value, style)
    return cell


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
