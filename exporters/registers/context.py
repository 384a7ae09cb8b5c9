"""What every sheet of one register workbook shares: the options, the scope, the heading, the progress.

Both kinds of sheet (``record_sheets``, ``figure_sheets``) take a ``Context``;
it lives here, apart from the workbook that writes them, so that neither kind
of sheet needs the workbook module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from exporters import ExportError
from exporters.dates import period, zh_date
from models import figures, settings
from models import records as r
from models import scope as scopes
from models.i18n import translate

REGISTERS = ("sessions", "writings", "visits", "suggestions", "rectifications", "publicity", "coverage",
             "statistics")


@dataclass
class RegisterOptions:
    campaign: UUID | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    village: UUID | None = None
    full_personal: bool = False  # unmasked ID numbers and phones; the title line then says so
    registers: tuple[str, ...] = REGISTERS
    today: dt.date | None = None  # 填报日期 and what "overdue" means; None = real today


class Cancelled(Exception):
    pass


class Progress:
    """Rows done of rows to do; asks ``cancelled`` every few hundred rows."""

    EVERY = 500

    def __init__(self, total: int, report: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None):
        self.total, self.done = total, 0
        self.report, self.cancelled = report, cancelled
        self._next = 0

    def step(self, rows: int = 1) -> None:
        self.done += rows
        if self.done >= self._next:
            self._next = self.done + self.EVERY
            self.check()

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled
        if self.report is not None:
            self.report(min(self.done, self.total), self.total)


@dataclass
class Context:
    """What every sheet of one workbook shares: the scope and the printed heading."""

    options: RegisterOptions
    scope: figures.Scope
    today: dt.date
    unit: str
    campaign: str
    village: str
    period: str
    progress: Progress

    @classmethod
    def build(cls, options: RegisterOptions, progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> Context:
        """The context of ``options``; ExportError if its campaign or village is gone; or no dates fit."""
        today = options.today or dt.date.today()
        campaign = r.Campaign.get_or_none(r.Campaign.id == options.campaign) if options.campaign else None
        if options.campaign is not None and campaign is None:
            raise ExportError(translate("Export", "The chosen campaign no longer exists."))
        unit = campaign.unit if campaign is not None else settings.current_unit()
        village = r.Village.get_or_none(r.Village.id == options.village) if options.village else None
        if options.village is not None and village is None:
            raise ExportError(translate("Export", "The chosen village no longer exists."))
        scope = figures.Scope(campaign=options.campaign, date_from=options.date_from,
                              date_to=options.date_to, village=options.village, today=today)
        problem = scopes.problem(scope)
        if problem:
            raise ExportError(problem)
        return cls(options, scope, today, unit.name if unit else "", campaign.name if campaign else "",
                   village.name if village else "", period(*scopes.period(scope)),
                   Progress(0, progress, cancelled))

    @property
    def full(self) -> bool:
        return self.options.full_personal

    def title(self, register: str) -> str:
        where = self.unit + self.village
        return f"{where}“{self.campaign}”活动{register}" if self.campaign else f"{where}{register}"

    def info(self) -> tuple[str, str]:
        """填报单位, the village it is limited to, 统计时段 | 填报日期."""
        scope = f"　　　范围：仅{self.village}的记录" if self.village else ""
        return (f"填报单位：{self.unit}{scope}　　　统计时段：{self.period}",
                f"填报日期：{zh_date(self.today)}")


def day(value: Any) -> dt.date | None:
    """A date from what a query gives back (a date, ISO text, or nothing)."""
    if value is None or value == "":
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
