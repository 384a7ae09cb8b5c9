"""The placeholders of a summary's wording: ``{专题讨论会次数}`` and what each one gives.

``PLACEHOLDERS`` is the table (name, what it gives, group, value); ``fill``
puts the values into a text. A name the table does not know stays visible
as 【名称】 and is reported, never an error: the office sees it and corrects it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from exporters.official import zh_date
from exporters.summary import phrases as ph
from exporters.summary.context import Context
from exporters.summary.numbers import percent
from models import figures as fig
from models import vocab
from models.counting import KEY_MEETINGS
from models.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Placeholder:
    name: str
    description: str  # English source (context "Placeholder"), shown translated in the window
    group: str  # English source (context "Placeholder")
    value: Callable[[Context], object]


def _p(group: str, name: str, description: str, value: Callable[[Context], object]) -> Placeholder:
    return Placeholder(name, description, group, value)


def _n(getter: Callable[[fig.Figures], object]) -> Callable[[Context], object]:
    return lambda c: getter(c.figures)


def _kind(counter_name: str, code: str) -> Callable[[Context], object]:
    return lambda c: getattr(c.figures, counter_name)[code]


UNIT = QT_TRANSLATE_NOOP("Placeholder", "Unit and campaign")
SESSIONS = QT_TRANSLATE_NOOP("Placeholder", "Study sessions")
WRITINGS = QT_TRANSLATE_NOOP("Placeholder", "Study writings")
VISITS = QT_TRANSLATE_NOOP("Placeholder", "Household visits")
SUGGESTIONS = QT_TRANSLATE_NOOP("Placeholder", "Suggestions")
RECTIFICATION = QT_TRANSLATE_NOOP("Placeholder", "Rectification")
PUBLICITY = QT_TRANSLATE_NOOP("Placeholder", "Publicity")

_TABLE = (
    _p(UNIT, "单位名称", QT_TRANSLATE_NOOP("Placeholder", "The unit's name"), lambda c: c.unit.name),
    _p(UNIT, "我单位", QT_TRANSLATE_NOOP("Placeholder", "How the unit names itself: 我镇, 我乡, 我局 …"),
       lambda c: "我" + c.level_word),
    _p(UNIT, "全单位", QT_TRANSLATE_NOOP("Placeholder", "The whole unit: 全镇, 全乡, 全局 …"),
       lambda c: "全" + c.level_word),
    _p(UNIT, "活动名称", QT_TRANSLATE_NOOP("Placeholder", "The campaign's name"), lambda c: c.campaign.name),
    _p(UNIT, "活动目标", QT_TRANSLATE_NOOP(
        "Placeholder", "The campaign's aims, as entered in Settings"), ph.aims),
    _p(UNIT, "开始日期", QT_TRANSLATE_NOOP("Placeholder", "First day covered (2026年2月9日)"),
       lambda c: zh_date(c.start)),
    _p(UNIT, "结束日期", QT_TRANSLATE_NOOP("Placeholder", "Last day covered"), lambda c: zh_date(c.end)),
    _p(UNIT, "统计起止", QT_TRANSLATE_NOOP("Placeholder", "The period covered (…至…)"),
       lambda c: f"{zh_date(c.start)}至{zh_date(c.end)}"),
    _p(UNIT, "成文日期", QT_TRANSLATE_NOOP("Placeholder", "Date of the document (today)"),
       lambda c: zh_date(c.today)),

    _p(SESSIONS, "学习会议总次数", QT_TRANSLATE_NOOP("Placeholder", "Sessions of every kind"),
       _n(lambda f: f.sessions)),
    *(_p(SESSIONS, name, QT_TRANSLATE_NOOP("Placeholder", "Sessions of this kind"),
         _kind("sessions_by_kind", code)) for name, code in (
        ("领导班子集中学习次数", "leader_study"), ("全体干部集中学习次数", "staff_study"),
        ("专题讨论会次数", "seminar"), ("动员部署会次数", "mobilization"), ("党员大会次数", "party_meeting"),
        ("全体干部大会次数", "staff_meeting"), ("座谈会次数", "forum"), ("外出学习考察次数", "study_tour"),
        ("调研次数", "research"))),
    _p(SESSIONS, "学习会议分类", QT_TRANSLATE_NOOP(
        "Placeholder", "Each kind held with its count: 领导班子集中学习4次，全体干部集中学习32次…"),
       lambda c: ph.counted(c.figures.sessions_by_kind, ph.SESSION_PHRASES, vocab.SESSION_KINDS)),
    _p(SESSIONS, "动员部署会议", QT_TRANSLATE_NOOP(
        "Placeholder", "Dated sentences of the mobilisation meetings (empty if none)"),
       lambda c: ph.meetings(c, ("mobilization",))),
    _p(SESSIONS, "座谈会议", QT_TRANSLATE_NOOP(
        "Placeholder", "Dated sentences of the forums (empty if none)"),
       lambda c: ph.meetings(c, ("forum",))),
    _p(SESSIONS, "外出学习考察", QT_TRANSLATE_NOOP(
        "Placeholder", "Dated sentences of the study tours with destination and head count"),
       lambda c: ph.meetings(c, ("study_tour",))),
    _p(SESSIONS, "重要会议", QT_TRANSLATE_NOOP(
        "Placeholder", "All key meetings and study tours, dated, in order"),
       lambda c: ph.meetings(c, KEY_MEETINGS)),
    _p(SESSIONS, "应到人次", QT_TRANSLATE_NOOP("Placeholder", "Attendance expected (person-times)"),
       _n(lambda f: f.expected)),
    _p(SESSIONS, "实到人次", QT_TRANSLATE_NOOP("Placeholder", "Present or late (person-times)"),
       _n(lambda f: f.attended)),
    _p(SESSIONS, "请假人次", QT_TRANSLATE_NOOP("Placeholder", "On leave (person-times)"),
       _kind("attendance", "leave")),
    _p(SESSIONS, "缺席人次", QT_TRANSLATE_NOOP("Placeholder", "Absent (person-times)"),
       _kind("attendance", "absent")),
    _p(SESSIONS, "出勤率", QT_TRANSLATE_NOOP("Placeholder", "Attended of the marks entered (96.5%)"),
       _n(lambda f: percent(f.attendance_rate))),

    _p(WRITINGS, "学习成果篇数", QT_TRANSLATE_NOOP("Placeholder", "Writings of every kind"),
       _n(lambda f: f.writings)),
    *(_p(WRITINGS, name, QT_TRANSLATE_NOOP("Placeholder", "Writings of this kind"),
         _kind("writings_by_kind", code)) for name, code in (
        ("学习笔记篇数", "notes"), ("心得体会篇数", "reflection"), ("调研报告篇数", "research_report"),
        ("剖析材料篇数", "self_analysis"), ("讨论发言篇数", "speech"))),
    _p(WRITINGS, "学习笔记字数", QT_TRANSLATE_NOOP("Placeholder", "Characters of all study notes"),
       _n(lambda f: f.notes_characters)),
    _p(WRITINGS, "人均学习笔记字数", QT_TRANSLATE_NOOP(
        "Placeholder", "Characters of study notes per notebook"),
       _n(lambda f: round(f.notes_characters / f.writings_by_kind["notes"]) if f.writings_by_kind["notes"]
          else 0)),
    _p(WRITINGS, "撰写人数", QT_TRANSLATE_NOOP("Placeholder", "Persons who wrote something"),
       _n(lambda f: f.writing_authors)),
    _p(WRITINGS, "学习成果分类", QT_TRANSLATE_NOOP(
        "Placeholder", "Each kind with its count: 学习笔记36篇（共313686字）、心得体会29篇…"), ph.writings),

    _p(VISITS, "走访户次", QT_TRANSLATE_NOOP("Placeholder", "Visits made"), _n(lambda f: f.visits)),
    _p(VISITS, "走访户数", QT_TRANSLATE_NOOP("Placeholder", "Households visited at least once"),
       _n(lambda f: f.households_visited)),
    _p(VISITS, "总户数", QT_TRANSLATE_NOOP("Placeholder", "Households of the villages covered"),
       _n(lambda f: f.households)),
    _p(VISITS, "未走访户数", QT_TRANSLATE_NOOP("Placeholder", "Households not yet visited"),
       _n(lambda f: f.households - f.households_visited)),
    _p(VISITS, "覆盖率", QT_TRANSLATE_NOOP("Placeholder", "Households visited of all households"),
       _n(lambda f: percent(f.coverage_rate))),
    _p(VISITS, "村数", QT_TRANSLATE_NOOP(
        "Placeholder", "Villages and communities"), _n(lambda f: f.villages)),
    _p(VISITS, "走访方式", QT_TRANSLATE_NOOP(
        "Placeholder", "Methods used, most used first: 上门入户、电话联系…"),
       ph.methods),
    _p(VISITS, "走访方式统计", QT_TRANSLATE_NOOP(
        "Placeholder", "Each method with its visits"), ph.method_counts),
    _p(VISITS, "各村覆盖情况", QT_TRANSLATE_NOOP(
        "Placeholder", "A sentence with each village's visited households and coverage"), ph.coverage),

    _p(SUGGESTIONS, "征集意见建议条数", QT_TRANSLATE_NOOP("Placeholder", "Suggestions collected"),
       _n(lambda f: f.suggestions)),
    _p(SUGGESTIONS, "归并条目数", QT_TRANSLATE_NOOP(
        "Placeholder", "Consolidated items they were merged into"),
       _n(lambda f: f.suggestion_items)),
    _p(SUGGESTIONS, "类别数", QT_TRANSLATE_NOOP("Placeholder", "Categories of the suggestions"),
       _n(lambda f: f.suggestion_categories)),
    _p(SUGGESTIONS, "意见建议分类", QT_TRANSLATE_NOOP(
        "Placeholder", "Each category with its suggestions and items: 思想观念方面9条（归并为4条）…"),
       ph.suggestion_categories),
    _p(SUGGESTIONS, "意见建议来源", QT_TRANSLATE_NOOP("Placeholder", "Each source with its suggestions"),
       lambda c: ph.counted(c.figures.suggestions_by_source, ph.SOURCE_PHRASES, vocab.SUGGESTION_SOURCES)
       .replace("，", "、")),
    _p(SUGGESTIONS, "已答复条数", QT_TRANSLATE_NOOP("Placeholder", "Handled and answered (adopted or not)"),
       _n(lambda f: f.suggestions_answered)),
    _p(SUGGESTIONS, "已采纳条数", QT_TRANSLATE_NOOP("Placeholder", "Adopted, fully or partly"),
       _n(lambda f: f.suggestions_adopted)),
    _p(SUGGESTIONS, "暂不采纳条数", QT_TRANSLATE_NOOP("Placeholder", "Not adopted for now"),
       _kind("suggestions_by_status", "declined")),
    _p(SUGGESTIONS, "办理中条数", QT_TRANSLATE_NOOP("Placeholder", "Still to be handled or being handled"),
       _n(lambda f: f.suggestions_by_status["pending"] + f.suggestions_by_status["handling"])),

    _p(RECTIFICATION, "整改问题数", QT_TRANSLATE_NOOP("Placeholder", "Problems on the rectification list"),
       _n(lambda f: f.rectifications)),
    _p(RECTIFICATION, "已销号数", QT_TRANSLATE_NOOP("Placeholder", "Problems completed and closed"),
       _n(lambda f: f.rectifications_done)),
    _p(RECTIFICATION, "整改中数", QT_TRANSLATE_NOOP("Placeholder", "Problems in progress"),
       _n(lambda f: f.rectifications_in_progress)),
    _p(RECTIFICATION, "未启动数", QT_TRANSLATE_NOOP("Placeholder", "Problems not started"),
       _kind("rectifications_by_status", "not_started")),
    _p(RECTIFICATION, "长期坚持数", QT_TRANSLATE_NOOP("Placeholder", "Problems kept up long-term"),
       _kind("rectifications_by_status", "ongoing")),
    _p(RECTIFICATION, "未完成整改数", QT_TRANSLATE_NOOP("Placeholder", "Not started or in progress"),
       _n(lambda f: sum(f.rectifications_by_status[s] for s in vocab.RECTIFICATION_OPEN))),
    _p(RECTIFICATION, "超期数", QT_TRANSLATE_NOOP("Placeholder", "Open past their deadline"),
       _n(lambda f: f.rectifications_overdue)),
    _p(RECTIFICATION, "超期情况", QT_TRANSLATE_NOOP(
        "Placeholder", "“，其中N个已超过整改时限…” when some are overdue, else nothing"), ph.overdue),
    _p(RECTIFICATION, "整改完成率", QT_TRANSLATE_NOOP("Placeholder", "Closed of all problems"),
       _n(lambda f: percent(f.rectifications_done / f.rectifications if f.rectifications else 0))),
    _p(RECTIFICATION, "问题类别数", QT_TRANSLATE_NOOP("Placeholder", "Categories of the problems"),
       _n(lambda f: sum(1 for e in f.rectifications_by_category if e.name))),
    _p(RECTIFICATION, "问题类别列举", QT_TRANSLATE_NOOP(
        "Placeholder", "一是…（N个）；二是…: the problem categories recorded"), ph.problem_categories),
    _p(RECTIFICATION, "责任部门", QT_TRANSLATE_NOOP("Placeholder", "Responsible departments, busiest first"),
       _n(lambda f: "、".join(f.rectification_departments) or "各相关部门")),

    _p(PUBLICITY, "宣传信息条数", QT_TRANSLATE_NOOP("Placeholder", "Publicity of every kind"),
       _n(lambda f: f.publicity)),
    *(_p(PUBLICITY, name, QT_TRANSLATE_NOOP("Placeholder", "Publicity of this kind"),
         _kind("publicity_by_kind", code)) for name, code in (
        ("新闻稿件篇数", "article"), ("简报期数", "briefing"), ("专栏期数", "column"),
        ("专访人次", "interview"), ("专题节目期数", "feature"))),
    _p(PUBLICITY, "宣传信息分类", QT_TRANSLATE_NOOP(
        "Placeholder", "Each kind with its verb: 报送宣传稿件15篇，编发工作简报8期…"),
       lambda c: ph.counted(c.figures.publicity_by_kind, ph.PUBLICITY_PHRASES, vocab.PUBLICITY_KINDS)),
)
PLACEHOLDERS: dict[str, Placeholder] = {p.name: p for p in _TABLE}
_PATTERN = re.compile(r"\{([^{}\n]{1,40})\}")


def placeholders_in(text: str) -> list[str]:
    return _PATTERN.findall(text or "")


@dataclass
class Filled:
    text: str
    unknown: list[str] = field(default_factory=list)


def fill(text: str, context: Context, cache: dict[str, str] | None = None) -> Filled:
    """``text`` with every known placeholder replaced; unknown ones kept visible as 【名称】."""
    unknown: list[str] = []
    values = cache if cache is not None else {}

    def replace(match: re.Match) -> str:
        name = match.group(1).strip()
        placeholder = PLACEHOLDERS.get(name)
        if placeholder is None:
            if name not in unknown:
                unknown.append(name)
            return f"【{name}】"
        if name not in values:
            values[name] = str(placeholder.value(context))
        return values[name]

    return Filled(_PATTERN.sub(replace, text or ""), unknown)
