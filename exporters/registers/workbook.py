"""The register workbook written whole: the chosen sheets in order, or no file at all.

The workbook is streamed (XlsxWriter, constant memory) to a temporary name and renamed
when complete; a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from exporters import ExportError
from exporters.printed_sheet import PrintedSheet, Styles, streamed
from exporters.registers import figure_sheets
from exporters.registers.context import REGISTERS, Cancelled, Context, RegisterOptions
from exporters.registers.record_sheets import RECORD_REGISTERS
from exporters.safe import atomic_target
from models import figures
from models.i18n import translate

FIGURE_SHEETS = {"coverage", "statistics"}


def write_registers(path, options: RegisterOptions, progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the chosen registers to ``path`` (.xlsx); ExportError if it cannot be done.

    ``progress(done_rows, total_rows)`` is called now and then; when
    ``cancelled()`` returns True the export stops, no file is left and
    ExportError says so.
    """
    unknown = [key for key in options.registers if key not in REGISTERS]
    if unknown or not options.registers:
        raise ValueError(f"unknown registers {unknown}; choose from {REGISTERS}")
    with atomic_target(path) as temporary:
        target = Path(path).expanduser().absolute()
        context = Context.build(options, progress, cancelled)
        numbers = figures.compute(context.scope) if FIGURE_SHEETS & set(options.registers) else None
        context.progress.total = _total(options, context.scope, numbers)
        try:
            _write_workbook(temporary, context, numbers)
        except Cancelled:
            raise ExportError(translate("Export", "The export to {path} was cancelled; no file was "
                                        "written.").format(path=target)) from None
        if progress is not None:
            progress(context.progress.total, context.progress.total)
    return target


def _write_workbook(temporary: Path, context: Context, numbers: figures.Figures | None) -> None:
    """Every chosen sheet, saved to ``temporary``; the streamed sheets' scratch files removed if not saved."""
    with streamed(temporary) as wb:
        context.progress.check()
        styles = Styles(wb)
        for key in (key for key in REGISTERS if key in context.options.registers):
            _write_sheet(wb, styles, key, context, numbers)
        context.progress.check()


def _write_sheet(wb, styles, key: str, context: Context, numbers) -> None:
    if key in RECORD_REGISTERS:
        register = RECORD_REGISTERS[key]
        register.write(PrintedSheet(wb, styles, register.sheet, register.columns), context)
    elif key == "coverage":
        sheet = PrintedSheet(wb, styles, figure_sheets.COVERAGE_SHEET, figure_sheets.COVERAGE_COLUMNS)
        figure_sheets.write_coverage(sheet, context, numbers)
    else:
        sheet = PrintedSheet(wb, styles, figure_sheets.STATISTICS_SHEET, figure_sheets.STATISTICS_COLUMNS,
                             landscape=False)
        figure_sheets.write_statistics(sheet, context, numbers)


def _total(options: RegisterOptions, scope: figures.Scope, numbers) -> int:
    total = sum(RECORD_REGISTERS[key].count(scope) for key in options.registers if key in RECORD_REGISTERS)
    if "coverage" in options.registers:
        total += numbers.households
    return total

