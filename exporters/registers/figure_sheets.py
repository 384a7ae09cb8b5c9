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

from exporters.layout import SIGNOFF, Col, lines_of_names
from exporters.printed_sheet import PrintedSheet
from exporters.registers.context import Context
from models import counting, figures, sqlite, vocab
from models import records as r
from models.scope import live_households

COVERAGE_SHEET = "走访覆盖"
COVERAGE_COLUMNS = (Col("序号", 5, "int", ("000",)), Col("村（社区）", 12, "center"), Col("组", 9, "center"),
                    Col("总户数", 7, "int"), Col("已走访户数", 8, "int"),
                    Col("覆盖率", 8, "percent", ("100.0%",)),
                    Col("未走访户", 86))
STATISTICS_SHEET = "统计汇总"
STATISTICS_COLUMNS = (Col("序号", 5, "int", ("000",)), Col("类别", 9, "center", ("问题整改",)),
                      Col("项目", 30),
                      Col("数值", 9, "int", ("0000000",)), Col("单位", 6, "center", ("人（次）",)),
                      Col("计算", 22, "center"))
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
    query = (H.select(H.village, G.id, G.name, H.head_name, counting.seen_condition(scope))
             .join(G, JOIN.LEFT_OUTER)
             .where(H.id.in_(live_households(scope)))
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
    names_width = sheet.widths[-1]
    number = 0
    for village in numbers.coverage:
        for group in groups.get(village.village.hex, []):
            number += 1
            sheet.row([number, village.name, group.name, group.households, group.visited,
                       figures.rate(group.visited, group.households),
                       lines_of_names(group.unvisited, names_width)])
        sheet.row(["", village.name, "小计", village.households, village.visited, village.rate,
                   f"未走访{village.households - village.visited}户"], bold=True)
    sheet.row(["", "合计", "", numbers.households, numbers.households_visited, numbers.coverage_rate,
               f"{numbers.villages}个村（社区），其中{numbers.villages_covered}个实现走访全覆盖；"
               f"未走访{numbers.households_unvisited}户"], bold=True)
    sheet.finish(SIGNOFF)


# --- 统计汇总 ------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """A line of 统计汇总: a figure's term, value and unit, and for a rate the counts it is made of."""

    item: str
    value: Any
    unit: str
    how: str = ""
    rate: bool = False


def statistics_lines(f: figures.Figures) -> list[tuple[str, list[Line]]]:
    """(topic, lines): every figure of ``figures.DEFINITIONS`` in order; a kind with no records left out."""
    topics: dict[str, list[Line]] = {}
    for definition in figures.DEFINITIONS:
        value = definition.value(f)
        if definition.code and not value:
            continue  # a kind not recorded: the sheet lists the kinds there are
        lines = topics.setdefault(vocab.TOPICS.zh(definition.topic), [])
        if definition.of is not None:
            lines.append(_rate_line(f, definition))
        else:
            lines.append(Line(definition.term, value, definition.unit))
        if definition.key == "suggestion_categories":
            lines.extend(Line(f"其中：{c.name or '未分类'}", c.count, "条", f"归并为{c.items}条")
                         for c in f.suggestions_by_category)
    return list(topics.items())


def _rate_line(f: figures.Figures, definition: figures.Figure) -> Line:
    numerator, denominator = (figures.DEFINITION[key] for key in definition.of or ())
    top, bottom = numerator.value(f), denominator.value(f)
    how = f"{numerator.term}÷{denominator.term}：{top}÷{bottom}" if bottom else "无可计算"
    return Line(definition.term, definition.value(f), "", how, rate=True)


def write_statistics(sheet: PrintedSheet, context: Context, numbers: figures.Figures) -> None:
    """Every figure by topic; a topic's rows stay on one page, its 类别 merged down them."""
    sheet.start(context.title("统计汇总表"), *context.info())
    number = 0
    for topic, lines in statistics_lines(numbers):
        sheet.start_block()
        first = sheet.rows + 1
        for line in lines:
            number += 1
            value = "" if line.value is None else line.value
            sheet.row([number, topic, line.item, value, line.unit, line.how],
                      styles=("int", "center", "text", "percent" if line.rate else "int", "center", "center"))
        sheet.end_block()
        sheet.merge_down(2, first, sheet.rows)
    sheet.finish(SIGNOFF)
