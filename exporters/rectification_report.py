"""The rectification report (关于……问题整改情况的报告): a 报告 to the office above, problem by problem.

A 报告 in the official layout: the title, the 主送 line (the higher office,
kept in 设置 → 本单位), the totals in a sentence and a table, each category with
its problems — measures, who is responsible, deadline, status, 佐证材料 and
验收人 — and "特此报告。" before the signature and the document's date. The
totals are ``models.figures``' (the same as the summary and the registers),
counted for the same scope; overdue is judged against the document's date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from peewee import JOIN

from exporters import ExportError
from exporters.official import OfficialDocument, broken_at_marks, clean, zh_date
from exporters.summary.context import SummaryOptions
from exporters.summary.numbers import cn_number, percent
from models import figures as fig
from models import records as r
from models import scope as scopes
from models import settings, vocab
from models.i18n import translate

OTHER = "其他问题"
STATUS = vocab.RECTIFICATION_STATUSES
TOTALS_HEADER = ("问题类别", "问题数", STATUS.zh("done").replace("（", "\n（"), STATUS.zh("in_progress"),
                 STATUS.zh("ongoing"), STATUS.zh("not_started"), "其中\n超期")
TOTALS_WIDTHS_MM = (44, 18, 22, 18, 22, 18, 14)  # the 156 mm of the text block; 小四 is 4.23 mm a character
CATEGORY_CHARACTERS = 9  # of 小四 in the first column
CLOSING = "特此报告。"
COLUMNS = ("done", "in_progress", "ongoing", "not_started", "overdue")


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
    evidence: str
    verified_by: str
    overdue: bool


def problems(scope: fig.Scope) -> list[Problem]:
    """The rectifications of ``scope`` (the figures' conditions), in one query."""
    X = r.Rectification
    person, leader = r.Person.alias(), r.Person.alias()
    query = (X.select(r.Category.name, X.problem, X.measures, X.department, person.name, leader.name,
                      X.deadline, X.status, X.completed_on, X.progress, X.evidence, X.verified_by)
             .join(r.Category, on=(X.category == r.Category.id), join_type=JOIN.LEFT_OUTER)
             .switch(X).join(person, on=(X.person == person.id), join_type=JOIN.LEFT_OUTER)
             .switch(X).join(leader, on=(X.leader == leader.id), join_type=JOIN.LEFT_OUTER)
             .where(*(scopes.where(X, scope) or [])).order_by(X.recorded_on, X.created_at))
    today = scope.on()
    found = []
    for (category, problem, measures, department, who, lead, deadline, status, done, progress, evidence,
         verified_by) in r.database.execute(query):
        deadline = _date(deadline)
        late = deadline is not None and deadline < today and status in vocab.RECTIFICATION_OPEN
        found.append(Problem(category or "", problem, measures or "", department or "", who or "",
                             lead or "", deadline, status, _date(done), progress or "", evidence or "",
                             verified_by or "", late))
    return found


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _status_text(problem: Problem) -> str:
    text = STATUS.zh(problem.status)
    if problem.status == "done" and problem.completed_on:
        text = f"已完成，{zh_date(problem.completed_on)}销号"
    if problem.overdue:
        text += "，已超过整改时限"
    return text


def _counts(items: list[Problem]) -> Counter:
    counts = Counter(p.status for p in items)
    counts["overdue"] = sum(p.overdue for p in items)
    return counts


def _describe(counts: Counter) -> str:
    """已完成整改销号N个，正在整改N个…: the statuses there are, never a zero."""
    parts = [(f"已完成整改销号{counts['done']}个", counts["done"]),
             (f"正在整改{counts['in_progress']}个", counts["in_progress"]),
             (f"长期坚持{counts['ongoing']}个", counts["ongoing"]),
             (f"尚未启动{counts['not_started']}个", counts["not_started"]),
             (f"超过整改时限未完成{counts['overdue']}个", counts["overdue"])]
    return "，".join(text for text, n in parts if n)


def addressee_of(campaign: r.Campaign) -> str:
    """主送: the office named in 设置 → 本单位, else the unit above, else the campaign's office above."""
    named = settings.addressee()
    if named:
        return named
    parent = campaign.unit.parent if campaign.unit.parent_id else None
    return parent.name if parent is not None else f"上级“{campaign.name}”活动领导小组办公室"


def write_rectification_report(path: str | Path, options: SummaryOptions) -> Path:
    """The report of ``options``' campaign and scope to ``path`` (.docx), atomically."""
    campaign = r.Campaign.get_or_none(r.Campaign.id == options.campaign)
    if campaign is None or campaign.deleted_at is not None:
        raise ExportError(translate("Export", "The campaign of the summary no longer exists."))
    scope = options.scope()
    problem = scopes.problem(scope)
    if problem:
        raise ExportError(problem)
    figures = fig.compute(scope)
    groups: dict[str, list[Problem]] = {}
    for found in problems(scope):
        groups.setdefault(found.category, []).append(found)
    today = scope.on()
    unit = campaign.unit.name
    document = OfficialDocument()
    title = f"{unit}关于“{campaign.name}”活动\n问题整改情况的报告"
    document.set_title(title.replace("\n", ""))
    document.title(title)
    document.addressee(addressee_of(campaign))
    _opening(document, campaign, figures, scopes.period(scope)[0] or campaign.start_date, today)
    if figures.rectifications:
        _totals_table(document, figures, groups)
        document.paragraph("现将各项问题整改情况报告如下：")
    for index, entry in enumerate(figures.rectifications_by_category, 1):
        items = groups.get(entry.name, [])
        document.heading(1, f"{cn_number(index)}、{entry.name or OTHER}（共{entry.count}个）")
        document.paragraph(f"本类问题{entry.count}个，{_describe(_counts(items))}。")
        for number, found in enumerate(items, 1):
            _problem(document, number, found)
    document.keep_last()  # the last line of the text, 特此报告。 and the signature on one page
    document.paragraph(CLOSING)
    document.signature(unit, zh_date(today))
    return document.save(path)


def _opening(document: OfficialDocument, campaign: r.Campaign, figures: fig.Figures, start: dt.date,
             today: dt.date) -> None:
    """The totals in a sentence: problems found, of how many kinds, how far their rectification is."""
    total = figures.rectifications
    unit = campaign.unit.name
    if not total:
        document.paragraph(f"{zh_date(start)}以来，{unit}在“{campaign.name}”活动中对照查摆，"
                           f"截至{zh_date(today)}，问题清单上尚无问题。")
        return
    overall = Counter(figures.rectifications_by_status)
    overall["overdue"] = figures.rectifications_overdue
    document.paragraph(
        f"{zh_date(start)}以来，{unit}在“{campaign.name}”活动中共查摆问题{total}个，"
        f"涉及{len(figures.rectifications_by_category)}个方面。截至{zh_date(today)}，"
        f"{_describe(overall)}，整改完成率{percent(figures.rectification_rate)}。各类问题整改情况统计如下：")


def _problem(document: OfficialDocument, number: int, problem: Problem) -> None:
    """One problem under its heading: measures, who is responsible, deadline, status, progress, proof."""
    document.heading(2, f"（{cn_number(number)}）{clean(problem.problem).strip()}")
    document.paragraph(f"整改措施：{problem.measures.strip() or '（未填写）'}")
    owners = [f"责任单位：{problem.department or '（未填写）'}"]
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
    pairs = (("佐证材料", problem.evidence), ("验收人", problem.verified_by))
    proof = [f"{label}：{value.strip()}" for label, value in pairs if value.strip()]
    if proof:
        document.paragraph("；".join(proof) + "。")


def _totals_table(document: OfficialDocument, figures: fig.Figures, groups: dict[str, list[Problem]]) -> None:
    """Each category's problems by status, and the totals, in 小四: no term broken across lines."""
    rows = []
    for entry in figures.rectifications_by_category:
        counts = _counts(groups.get(entry.name, []))
        rows.append([broken_at_marks(entry.name or OTHER, CATEGORY_CHARACTERS), str(entry.count),
                     *(str(counts[key]) for key in COLUMNS)])
    status = figures.rectifications_by_status
    rows.append(["合计", str(figures.rectifications), str(status["done"]), str(status["in_progress"]),
                 str(status["ongoing"]), str(status["not_started"]), str(figures.rectifications_overdue)])
    document.grid(TOTALS_WIDTHS_MM, TOTALS_HEADER, rows, left=(0,))
