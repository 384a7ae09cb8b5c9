"""The change history as a printed workbook: 修改记录, one row per create, edit, delete or restore.

Laid out like the registers (``exporters.layout``): title, 填报单位/时段 line,
header repeated on every page, oldest change first. The words are Chinese
whatever the window's language; ID numbers and phones in the changes are
masked unless the full values were asked for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from exporters import ExportError
from exporters.dates import period, zh_date
from exporters.layout import SIGNOFF, Col
from exporters.printed_sheet import PrintedSheet, Styles, streamed
from exporters.safe import atomic_target, id_number_text, phone_text
from models import history, settings
from models import records as r
from models.descriptions import describe
from models.i18n import translate

SHEET = "修改记录"
ACTIONS = {"create": "新增", "edit": "修改", "delete": "删除", "restore": "恢复"}
COLUMNS = (Col("序号", 6, "int"), Col("时间", 19, "center"), Col("操作人", 9, "center"),
           Col("记录类型", 11, "center"), Col("记录", 26), Col("操作", 6, "center"), Col("修改内容", 62))
LANGUAGE = "zh_CN"


@dataclass
class HistoryOptions:
    campaign: UUID | None = None  # only the changes of this campaign and its records
    date_from: dt.date | None = None  # days on this laptop's clock, both included
    date_to: dt.date | None = None
    full_personal: bool = False
    today: dt.date | None = None  # the 导出日期 line; None = real today


def write_history(path, options: HistoryOptions | None = None) -> Path:
    """Write the changes chosen by ``options`` to ``path`` (.xlsx); ExportError if it cannot be done."""
    options = options or HistoryOptions()
    campaign = r.Campaign.get_or_none(r.Campaign.id == options.campaign) if options.campaign else None
    if options.campaign is not None and campaign is None:
        raise ExportError(translate("Export", "The chosen campaign no longer exists."))
    unit = campaign.unit if campaign is not None else settings.current_unit()
    with atomic_target(path) as temporary, streamed(temporary) as wb:
        target = Path(path).expanduser().absolute()
        sheet = PrintedSheet(wb, Styles(wb), SHEET, COLUMNS, whole_text=True)  # read as a record of changes
        where = (unit.name if unit else "") + (f"“{campaign.name}”活动" if campaign else "")
        title = where + SHEET + ("（含完整身份证号、联系电话，注意保密）" if options.full_personal else "")
        when = period(options.date_from, options.date_to)
        sheet.start(title, f"填报单位：{unit.name if unit else ''}　　　时段：{when}",
                    f"导出日期：{zh_date(options.today or dt.date.today())}")
        records = _Descriptions()
        entries = history.entries(_utc(options.date_from), _utc(options.date_to, 1), options.campaign)
        for number, entry in enumerate(entries, 1):
            entry = _masked(entry, options.full_personal)
            sheet.row([number, f"{entry.local_at:%Y-%m-%d %H:%M:%S}", entry.operator,
                       entry.kind_label(LANGUAGE), records.of(entry), ACTIONS.get(entry.action, entry.action),
                       "\n".join(entry.lines(LANGUAGE))])
        sheet.finish(SIGNOFF)
    return target


def _utc(day: dt.date | None, days_after: int = 0) -> dt.datetime | None:
    """The UTC time at which the local ``day`` (plus ``days_after``) begins."""
    if day is None:
        return None
    start = dt.datetime.combine(day + dt.timedelta(days=days_after), dt.time())
    return start.astimezone(dt.UTC).replace(tzinfo=None)


def _masked(entry: history.Entry, full: bool) -> history.Entry:
    if full or not ({"id_number", "phone"} & entry.changes.keys()):
        return entry
    changes = dict(entry.changes)
    for name, hide in (("id_number", id_number_text), ("phone", phone_text)):
        if name in changes:
            changes[name] = [hide(value) if isinstance(value, str) else value for value in changes[name]]
    return dataclasses.replace(entry, changes=changes)


class _Descriptions:
    """``describe`` of each record changed, looked up once however often it changed."""

    def __init__(self):
        self.known: dict[tuple[str, UUID], str] = {}

    def of(self, entry: history.Entry) -> str:
        key = (entry.kind, entry.record)
        if key not in self.known:
            model = entry.model
            found = model.get_or_none(model.id == entry.record) if model is not None else None
            self.known[key] = describe(found) if found is not None else entry.record.hex[:8]
        return self.known[key]
