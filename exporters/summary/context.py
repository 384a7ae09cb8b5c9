"""What a summary covers (``SummaryOptions``) and all its placeholders may quote (``Context``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from exporters import ExportError
from exporters.official import zh_date
from models import figures as fig
from models import records as r
from models import scope as scopes
from models.i18n import translate


@dataclass(frozen=True)
class SummaryOptions:
    """What the summary covers: a campaign, optionally a date range and one village."""

    campaign: UUID
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    village: UUID | None = None
    today: dt.date | None = None  # the date at the foot, and what "overdue" is measured against

    def scope(self) -> fig.Scope:
        return fig.Scope(self.campaign, self.date_from, self.date_to, self.village, self.today)


_LEVEL_WORD = {"village": "村", "community": "社区", "township": "乡", "town": "镇",
               "subdistrict": "街道", "bureau": "局", "county": "县"}


@dataclass
class Context:
    """Everything a placeholder may quote: the figures and the campaign they belong to."""

    options: SummaryOptions
    figures: fig.Figures
    campaign: r.Campaign
    unit: r.Unit
    annexes: list[str] = field(default_factory=list)  # what the text refers to an annex for ("coverage")

    @classmethod
    def build(cls, options: SummaryOptions) -> Context:
        campaign = r.Campaign.get_or_none(r.Campaign.id == options.campaign)
        if campaign is None or campaign.deleted_at is not None:
            raise ExportError(translate("Export", "The campaign of the summary no longer exists."))
        problem = scopes.problem(options.scope())
        if problem:
            raise ExportError(problem)
        return cls(options, fig.compute(options.scope()), campaign, campaign.unit)

    @property
    def today(self) -> dt.date:
        return self.options.today or dt.date.today()

    @property
    def start(self) -> dt.date:
        return scopes.period(self.options.scope())[0] or self.campaign.start_date

    @property
    def end(self) -> dt.date:
        """The last day covered: the one chosen, else the campaign's end, or the document's date."""
        last = scopes.period(self.options.scope())[1]
        return last or self.today

    @property
    def level_word(self) -> str:
        """How the unit's level is said: 镇, 乡, 局 … (我镇, 全局)."""
        return _LEVEL_WORD.get(self.unit.level, "单位")

    def day(self, day: dt.date) -> str:
        """2月9日 within the summary's first year, 2027年1月5日 beyond it."""
        return f"{day.month}月{day.day}日" if day.year == self.start.year else zh_date(day)

