"""The two sheets that print figures rather than records: 走访覆盖 and 统计汇总.

Both print ``models.figures`` as computed for the workbook's scope, so they
agree with the Word summary and the overview page. The coverage sheet adds,
under each village's figures, its villagers' groups with the names of the
households not yet visited (read in one query over the scope's households).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN
from peewee import Column as SqlColumn

from exporters.layout import SIGNOFF, Col, PrintedSheet
from exporters.registers.context import Context
from models import figures, sqlite, vocab
from models import records as r

COVERAGE_SHEET = "走访覆盖"
COVERAGE_COLUMNS = (Col("序号", 5, "int"), Col("村（社区）", 12, "center"), Col("组", 9, "center"),
                    Col("总户数", 7, "int"), Col("已走访户数", 8, "int"), Col("覆盖率", 8, "percent"),
                    Col("未走访户", 86))
STATISTICS_SHEET = "统计汇总"
STATISTICS_COLUMNS = (Col("序号", 6, "int"), Col("类别", 14, "center"), Col("项目", 40),
                      Col("数值", 14, "int"), Col("单位", 8, "center"))
NO_GROUP = "（未分组）"


@dataclass
class GroupCoverage:
    name: str
    households: int = 0
    visited: int = 0
    unvisited: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.visited / self.households if self.households else 0.0


def group_coverage(scope: figures.Scope, step=lambda: None) -> dict[str, list[GroupCoverage]]:
    """Households, visited households and the names not visited, per village (hex key) and group.

    "Visited" is what ``models.figures`` counts: a live visit of the scope.
    """
    H, G = r.Household, r.VillageGroup
    visited = r.Visit.select(r.Visit.household).where(
        *figures.within(r.Visit, r.Visit.date, scope),
        r.Visit.household.in_(figures.live_households(scope)))
    query = (H.select(H.village, G.id, G.name, H.head_name, H.id.in_(visited))
             .join(G, JOIN.LEFT_OUTER)
             .where(H.id.in_(figures.live_households(scope)))
             .order_by(H.village, G.position, G.name, G.id, SqlColumn(H, sqlite.row_key())))
    villages: dict[str, list[GroupCoverage]] = defaultdict(list)
    last = None
    for village, group, group_name, head, seen in r.database.execute(query):
        if (village, group) != last:
            villages[village].append(GroupCoverage(group_name if group else NO_GROUP))
            last = (village, group)
        entry = villages[village][-1]
        entry.households += 1
        if seen:
            entry.visited += 1
        else:
            entry.unvisited.append(head)
        step()
    return villages


def write_coverage(sheet: PrintedSheet, context: Context, numbers: figures.Figures) -> None:
    """Per village (the figures) and per group, with the households not yet visited."""
    sheet.start(context.title("走访覆盖情况统计表"), *context.info())
    groups = group_coverage(context.scope, context.progress.step)
    number = 0
    for village in numbers.coverage:
        for group in groups.get(village.village.hex, []):
            number += 1
            sheet.row([number, village.name, group.name, group.households, group.visited, group.rate,
                       "、".join(group.unvisited)])
        sheet.row(["", village.name, "小计", village.households, village.visited, village.rate,
                   f"未走访{village.households - village.visited}户"], bold=True)
    sheet.row(["", "合计", "", numbers.households, numbers.households_visited, numbers.coverage_rate,
               f"{numbers.villages}个村（社区），未走访"
               f"{numbers.households - numbers.households_visited}户"], bold=True)
    sheet.finish(SIGNOFF)


# --- 统计汇总 ------------------------------------------------------------------------

def statistics_lines(f: figures.Figures) -> list[tuple[str, list[tuple[str, Any, str]]]]:
    """(category, [(item, value, unit)]): every figure the sheet prints, in order."""
    def by_kind(counter, vocabulary, unit):
        return [(vocabulary.zh(code), counter[code], unit) for code in vocabulary if counter[code]]

    suggestions = [(f"其中：{c.name or '未分类'}（归并为{c.items}条）", c.count, "条")
                   for c in f.suggestions_by_category]
    return [
        ("学习会议", [("学习会议合计", f.sessions, "次"),
                   *by_kind(f.sessions_by_kind, vocab.SESSION_KINDS, "次"),
                   ("应到人次", f.expected, "人次"), ("实到人次", f.attended, "人次"),
                   ("请假人次", f.attendance["leave"], "人次"), ("缺席人次", f.attendance["absent"], "人次"),
                   ("出勤率", f.attendance_rate, "")]),
        ("学习成果", [("学习成果合计", f.writings, "篇"),
                   *by_kind(f.writings_by_kind, vocab.WRITING_KINDS, "篇"),
                   ("学习笔记字数", f.notes_characters, "字"), ("撰写人数", f.writing_authors, "人")]),
        ("走访", [("走访户次", f.visits, "户次"), *by_kind(f.visits_by_method, vocab.VISIT_METHODS, "户次"),
                ("村（社区）", f.villages, "个"), ("总户数", f.households, "户"),
                ("已走访户数", f.households_visited, "户"), ("走访覆盖率", f.coverage_rate, "")]),
        ("意见建议", [("征集意见建议", f.suggestions, "条"), ("梳理归并为", f.suggestion_items, "条"),
                   ("涉及类别", f.suggestion_categories, "类"), *suggestions,
                   *by_kind(f.suggestions_by_status, vocab.SUGGESTION_STATUSES, "条"),
                   ("已办结答复", f.suggestions_answered, "条"),
                   ("采纳（含部分采纳）", f.suggestions_adopted, "条")]),
        ("问题整改", [("问题合计", f.rectifications, "个"),
                   *by_kind(f.rectifications_by_status, vocab.RECTIFICATION_STATUSES, "个"),
                   ("已逾期未完成", f.rectifications_overdue, "个")]),
        ("宣传信息", [("宣传信息合计", f.publicity, "篇"),
                   *by_kind(f.publicity_by_kind, vocab.PUBLICITY_KINDS, "篇")]),
    ]


def write_statistics(sheet: PrintedSheet, context: Context, numbers: figures.Figures) -> None:
    sheet.start(context.title("统计汇总表"), *context.info())
    number = 0
    for category, lines in statistics_lines(numbers):
        first = sheet.rows + 1
        for item, value, unit in lines:
            number += 1
            rate = isinstance(value, float)
            sheet.row([number, category, item, value, unit],
                      styles=("int", "center", "text", "percent" if rate else "int", "center"))
        sheet.merge_down(2, first, sheet.rows)
    sheet.finish(SIGNOFF)
