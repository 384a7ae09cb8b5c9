"""The rectification report (问题整改情况报告): every problem, grouped by category, with the totals.

The totals are ``models.figures``' (the same as the summary and the registers);
the problems are listed in the figures' category order, each with its
measures, responsible department, person and leader, deadline and status.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from peewee import JOIN

from exporters import ExportError
from exporters.official import TABLE_TEXT, OfficialDocument, clean, zh_date
from exporters.summary.context import SummaryOptions
from exporters.summary.numbers import cn_number, percent
from models import figures as fig
from models import records as r
from models import vocab
from models.i18n import translate
from models.scope import where as scope_where

OTHER = "其他问题"
TOTALS_HEADER = ("序号", "问题类别", "总数", "已销号", "整改中", "长期坚持", "未启动", "超期")
TOTALS_WIDTHS_MM = [10, 36, 14, 19, 19, 24, 19, 15]


@dataclass
class Problem:
    category: str
    problem: str
    measures: str
    department: str
    person: str
    leader: str
    deadline: dt.date | None
    status: str
    completed_on: dt.date | None
    progress: str
    overdue: bool


def problems(scope: fig.Scope) -> list[Problem]:
    """The rectifications of ``scope`` (the figures' conditions), in one query."""
    X = r.Rectification
    person, leader = r.Person.alias(), r.Person.alias()
    where = scope_where(X, scope) or []
    query = (X.select(r.Category.name, X.problem, X.measures, X.department, person.name, leader.name,
                      X.deadline, X.status, X.completed_on, X.progress)
             .join(r.Category, on=(X.category == r.Category.id), join_type=JOIN.LEFT_OUTER)
             .switch(X).join(person, on=(X.person == person.id), join_type=JOIN.LEFT_OUTER)
             .switch(X).join(leader, on=(X.leader == leader.id), join_type=JOIN.LEFT_OUTER)
             .where(*where).order_by(X.recorded_on, X.created_at))
    today = scope.on()
    found = []
    for row in query.tuples():
        category, problem, measures, department, who, lead, deadline, status, done, progress = row
        deadline = _date(deadline)
        late = deadline is not None and deadline < today and status in vocab.RECTIFICATION_OPEN
        found.append(Problem(category or "", problem, measures or "", department or "", who or "",
                             lead or "", deadline, status, _date(done), progress or "", late))
    return found


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _status_text(problem: Problem) -> str:
    text = vocab.RECTIFICATION_STATUSES.zh(problem.status)
    if problem.status == "done" and problem.completed_on:
        text = f"已完成，{zh_date(problem.completed_on)}销号"
    if problem.overdue:
        text += "，已超过整改时限"
    return text


def _counts(items: list[Problem]) -> Counter:
    counts = Counter(p.status for p in items)
    counts["overdue"] = sum(p.overdue for p in items)
    return counts


def _describe(counts: Counter, total: int) -> str:
    return (f"已完成整改销号{counts['done']}个，正在整改{counts['in_progress']}个，"
            f"长期坚持{counts['ongoing']}个，尚未启动{counts['not_started']}个，"
            f"超过整改时限未完成{counts['overdue']}个")


def write_rectification_report(path: str | Path, options: SummaryOptions) -> Path:
    """The report of ``options``' campaign and period to ``path`` (.docx), atomically."""
    campaign = r.Campaign.get_or_none(r.Campaign.id == options.campaign)
    if campaign is None or campaign.deleted_at is not None:
        raise ExportError(translate("Export", "The campaign of the summary no longer exists."))
    scope = options.scope()
    figures = fig.compute(scope)
    groups: dict[str, list[Problem]] = {}
    for problem in problems(scope):
        groups.setdefault(problem.category, []).append(problem)
    today = scope.on()

    document = OfficialDocument()
    title = f"{campaign.unit.name}“{campaign.name}”活动\n问题整改情况报告"
    document.document.core_properties.title = clean(title.replace("\n", ""))
    document.title(title)
    _opening(document, campaign, figures, options.date_from or campaign.start_date, today)
    _totals_table(document, figures, groups)
    document.paragraph("现将各项问题整改情况报告如下：")
    for index, entry in enumerate(figures.rectifications_by_category, 1):
        items = groups.get(entry.name, [])
        document.heading(1, f"{cn_number(index)}、{entry.name or OTHER}（共{entry.count}个）")
        document.paragraph(f"本类问题{entry.count}个，{_describe(_counts(items), entry.count)}。")
        for number, problem in enumerate(items, 1):
            _problem(document, number, problem)
    document.signature(campaign.unit.name, zh_date(today))
    return document.save(path)


def _opening(document: OfficialDocument, campaign: r.Campaign, figures: fig.Figures, start: dt.date,
             today: dt.date) -> None:
    """The totals in a sentence: problems found, of how many kinds, how far their rectification is."""
    total = figures.rectifications
    overall = Counter(figures.rectifications_by_status)
    overall["overdue"] = figures.rectifications_overdue
    rate = percent(figures.rectifications_done / total if total else 0)
    document.paragraph(
        f"{zh_date(start)}以来，{campaign.unit.name}在“{campaign.name}”活动中共查摆问题{total}个，"
        f"涉及{len(figures.rectifications_by_category)}个方面。截至{zh_date(today)}，"
        f"{_describe(overall, total)}，整改完成率{rate}。各类问题整改情况统计如下：")


def _problem(document: OfficialDocument, number: int, problem: Problem) -> None:
    """One problem under its heading: measures, who is responsible, deadline, status, progress."""
    document.heading(2, f"（{cn_number(number)}）{clean(problem.problem).strip()}")
    document.paragraph(f"整改措施：{problem.measures.strip() or '（未填写）'}")
    owners = [f"责任部门：{problem.department or '（未填写）'}"]
    if problem.person:
        owners.append(f"责任人：{problem.person}")
    if problem.leader:
        owners.append(f"责任领导：{problem.leader}")
    document.paragraph("；".join(owners) + "。")
    deadline = zh_date(problem.deadline) if problem.deadline else "（未定）"
    line = f"整改时限：{deadline}；整改状态：{_status_text(problem)}。"
    if problem.progress.strip():
        line += f"进展情况：{problem.progress.strip()}"
    document.paragraph(line)


def _totals_table(document: OfficialDocument, figures: fig.Figures, groups: dict[str, list[Problem]]) -> None:
    table = document.table(TOTALS_WIDTHS_MM)

    def row(values) -> None:
        for column, (cell, value) in enumerate(zip(document.add_row(table), values, strict=True)):
            paragraph = cell.paragraphs[0]
            paragraph.style = TABLE_TEXT
            paragraph.text = clean(value)
            if column != 1 or value in TOTALS_HEADER:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    row(TOTALS_HEADER)
    for index, entry in enumerate(figures.rectifications_by_category, 1):
        counts = _counts(groups.get(entry.name, []))
        row([index, entry.name or OTHER, entry.count, counts["done"], counts["in_progress"],
             counts["ongoing"], counts["not_started"], counts["overdue"]])
    status = figures.rectifications_by_status
    row(["", "合计", figures.rectifications, status["done"], status["in_progress"], status["ongoing"],
         status["not_started"], figures.rectifications_overdue])
