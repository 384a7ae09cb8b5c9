"""Dates as the files that leave the laptop write them: 2026年2月9日, and a period of such dates.

Arabic digits, as GB/T 9704-2012 writes the date of a document; the same in
the registers' 统计时段 and 填报日期 lines and in the Word documents.
"""

from __future__ import annotations

import datetime as dt


def zh_date(day: dt.date) -> str:
    """2026年2月9日."""
    return f"{day.year}年{day.month}月{day.day}日"


def period(first: dt.date | None, last: dt.date | None) -> str:
    """…至…, …起, 截至…, or 全部 where neither end is given."""
    if first and last:
        return f"{zh_date(first)}至{zh_date(last)}"
    if first:
        return f"{zh_date(first)}起"
    if last:
        return f"截至{zh_date(last)}"
    return "全部"
