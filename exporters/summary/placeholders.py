"""The placeholders of a summary's wording: ``{专题讨论会次数}`` and what each one gives.

``PLACEHOLDERS`` is the table (name, what it gives, group, value, kind). A
placeholder of a figure gives that figure of ``models.figures`` (the number
the statistics sheet prints beside the same term); ``exporters.summary.filling``
puts the values into a text and leaves out what states a zero.

Kinds: a *word* (the unit's name, 我镇, a date) is never empty; a *figure* (a
number, or a sentence of counted records such as 领导班子集中学习4次…) that is
zero or empty takes its clause out of the text; an *optional* sentence (the
dated meetings, 超期情况) may be empty and takes nothing with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from exporters.official import zh_date
from exporters.summary import phrases as ph
from exporters.summary.context import Context
from models import vocab
from models.counting import KEY_MEETINGS
from models.i18n import QT_TRANSLATE_NOOP

WORD, FIGURE, OPTIONAL = "word", "figure", "optional"


@dataclass(frozen=True)
class Placeholder:
    name: str
    description: str  # English source (context "Placeholder"), shown translated in the window
    group: str  # English source (context "Placeholder")
    value: Callable[[Context], object]
    kind: str = FIGURE
    figure: str = ""  # the key in models.figures.DEFINITIONS of the figure it gives


def _p(group: str, name: str, description: str, value: Callable[[Context], object],
       kind: str = FIGURE) -> Placeholder:
    return Placeholder(name, description, group, value, kind)


def _f(group: str, name: str, key: str, description: str) -> Placeholder:
    """A placeholder giving the figure ``key`` of ``models.figures``."""
    return Placeholder(name, description, group, lambda c: c.figures.value(key), FIGURE, key)


UNIT = QT_TRANSLATE_NOOP("Placeholder", "Unit and campaign")
SESSIONS = QT_TRANSLATE_NOOP("Placeholder", "Study sessions")
WRITINGS = QT_TRANSLATE_NOOP("Placeholder", "Study writings")
VISITS = QT_TRANSLATE_NOOP("Placeholder", "Household visits")
SUGGESTIONS = QT_TRANSLATE_NOOP("Placeholder", "Suggestions")
RECTIFICATION = QT_TRANSLATE_NOOP("Placeholder", "Rectification")
PUBLICITY = QT_TRANSLATE_NOOP("Placeholder", "Publicity")
OF_KIND = QT_TRANSLATE_NOOP("Placeholder", "Sessions of this kind")
OF_WRITING_KIND = QT_TRANSLATE_NOOP("Placeholder", "Writings of this kind")
OF_PUBLICITY_KIND = QT_TRANSLATE_NOOP("Placeholder", "Publicity of this kind")

_SESSION_KIND_NAMES = (
    ("领导班子集中学习次数", "leader_study"), ("全体干部集中学习次数", "staff_study"),
    ("专题讨论会次数", "seminar"), ("动员部署会次数", "mobilization"), ("党员大会次数", "party_meeting"),
    ("全体干部大会次数", "staff_meeting"), ("座谈会次数", "forum"), ("外出学习考察次数", "study_tour"),
    ("调研次数", "research"))
_WRITING_KIND_NAMES = (("学习笔记篇数", "notes"), ("心得体会篇数", "reflection"),
                       ("调研报告篇数", "research_report"), ("剖析材料篇数", "self_analysis"),
                       ("讨论发言篇数", "speech"))
_PUBLICITY_KIND_NAMES = (("新闻稿件篇数", "article"), ("简报期数", "briefing"), ("专栏期数", "column"),
                         ("专访人次", "interview"), ("专题节目期数", "feature"))

_UNIT_TABLE = (
    _p(UNIT, "单位名称", QT_TRANSLATE_NOOP("Placeholder", "The unit's name"), lambda c: c.unit.name, WORD),
    _p(UNIT, "我单位", QT_TRANSLATE_NOOP("Placeholder", "How the unit names itself: 我镇, 我乡, 我局 …"),
       lambda c: "我" + c.level_word, WORD),
    _p(UNIT, "全单位", QT_TRANSLATE_NOOP("Placeholder", "The whole unit: 全镇, 全乡, 全局 …"),
       lambda c: "全" + c.level_word, WORD),
    _p(UNIT, "活动名称", QT_TRANSLATE_NOOP("Placeholder", "The campaign's name"), lambda c: c.campaign.name,
       WORD),
    _p(UNIT, "活动目标", QT_TRANSLATE_NOOP(
        "Placeholder", "The campaign's aims, as entered in Settings"), ph.aims, OPTIONAL),
    _p(UNIT, "开始日期", QT_TRANSLATE_NOOP("Placeholder", "First day covered (2026年2月9日)"),
       lambda c: zh_date(c.start), WORD),
    _p(UNIT, "结束日期", QT_TRANSLATE_NOOP("Placeholder", "Last day covered"),
       lambda c: zh_date(c.end), WORD),
    _p(UNIT, "统计起止", QT_TRANSLATE_NOOP("Placeholder", "The period covered (…至…)"),
       lambda c: f"{zh_date(c.start)}至{zh_date(c.end)}", WORD),
    _p(UNIT, "成文日期", QT_TRANSLATE_NOOP("Placeholder", "Date of the document"),
       lambda c: zh_date(c.today), WORD),
)

_SESSION_TABLE = (
    _f(SESSIONS, "学习会议总次数", "sessions", QT_TRANSLATE_NOOP("Placeholder", "Sessions of every kind")),
    *(_f(SESSIONS, name, f"sessions_by_kind.{code}", OF_KIND) for name, code in _SESSION_KIND_NAMES),
    _p(SESSIONS, "学习会议分类", QT_TRANSLATE_NOOP(
        "Placeholder", "Each kind held with its count: 领导班子集中学习4次，全体干部集中学习32次…"),
       lambda c: ph.counted(c.figures.sessions_by_kind, ph.SESSION_PHRASES, vocab.SESSION_KINDS)),
    _p(SESSIONS, "重要会议", QT_TRANSLATE_NOOP(
        "Placeholder", "The mobilisation meetings and forums, dated, in date order (empty if none)"),
       lambda c: ph.meetings(c, ("mobilization", "forum")), OPTIONAL),
    _p(SESSIONS, "动员部署会议", QT_TRANSLATE_NOOP(
        "Placeholder", "Dated sentences of the mobilisation meetings (empty if none)"),
       lambda c: ph.meetings(c, ("mobilization",)), OPTIONAL),
    _p(SESSIONS, "座谈会议", QT_TRANSLATE_NOOP(
        "Placeholder", "Dated sentences of the forums (empty if none)"),
       lambda c: ph.meetings(c, ("forum",)), OPTIONAL),
    _p(SESSIONS, "外出学习考察", QT_TRANSLATE_NOOP(
        "Placeholder", "Dated sentences of the study tours with destination and head count"),
       lambda c: ph.meetings(c, ("study_tour",)), OPTIONAL),
    _p(SESSIONS, "全部重要会议", QT_TRANSLATE_NOOP(
        "Placeholder", "All key meetings and study tours, dated, in order"),
       lambda c: ph.meetings(c, KEY_MEETINGS), OPTIONAL),
    _f(SESSIONS, "应到人次", "expected", QT_TRANSLATE_NOOP(
        "Placeholder", "Attendance expected at the sessions whose attendance is recorded (person-times)")),
    _f(SESSIONS, "实到人次", "attended", QT_TRANSLATE_NOOP("Placeholder", "Present or late (person-times)")),
    _f(SESSIONS, "迟到人次", "late", QT_TRANSLATE_NOOP("Placeholder", "Late (person-times)")),
    _f(SESSIONS, "请假人次", "leave", QT_TRANSLATE_NOOP("Placeholder", "On leave (person-times)")),
    _f(SESSIONS, "缺席人次", "absent", QT_TRANSLATE_NOOP("Placeholder", "Absent (person-times)")),
    _f(SESSIONS, "出勤率", "attendance_rate", QT_TRANSLATE_NOOP(
        "Placeholder", "Attended of expected (96.5%)")),
    _f(SESSIONS, "未登记出勤会议次数", "attendance_unrecorded", QT_TRANSLATE_NOOP(
        "Placeholder", "Sessions whose attendance is not recorded")),
)

_WRITING_TABLE = (
    _f(WRITINGS, "学习成果篇数", "writings", QT_TRANSLATE_NOOP("Placeholder", "Writings of every kind")),
    *(_f(WRITINGS, name, f"writings_by_kind.{code}", QT_TRANSLATE_NOOP(
        "Placeholder", "Writings of this kind"))
      for name, code in _WRITING_KIND_NAMES),
    _f(WRITINGS, "学习笔记字数", "notes_characters", QT_TRANSLATE_NOOP(
        "Placeholder", "Characters of all study notes")),
    _p(WRITINGS, "人均学习笔记字数", QT_TRANSLATE_NOOP("Placeholder", "Characters of study notes per person"),
       lambda c: round(c.figures.notes_characters / c.figures.notes_authors)
       if c.figures.notes_authors else 0),
    _f(WRITINGS, "撰写学习笔记人数", "notes_authors", QT_TRANSLATE_NOOP(
        "Placeholder", "Persons who wrote study notes")),
    _f(WRITINGS, "学习笔记最少字数", "notes_least", QT_TRANSLATE_NOOP(
        "Placeholder", "The least study notes of one person (每人…字以上: write {学习笔记最少字数:整})")),
    _f(WRITINGS, "撰写人数", "writing_authors", QT_TRANSLATE_NOOP(
        "Placeholder", "Persons who wrote something")),
    _f(WRITINGS, "已检查验收篇数", "writings_checked", QT_TRANSLATE_NOOP(
        "Placeholder", "Writings checked (with the date of checking)")),
    _f(WRITINGS, "班子成员人数", "leaders", QT_TRANSLATE_NOOP(
        "Placeholder", "Leadership group members in post")),
    _f(WRITINGS, "班子成员调研报告篇数", "leader_reports", QT_TRANSLATE_NOOP(
        "Placeholder", "Research reports by the leadership group")),
    _f(WRITINGS, "班子成员每人调研报告篇数", "leader_reports_least", QT_TRANSLATE_NOOP(
        "Placeholder", "The least research reports of one leader (0 if one wrote none)")),
    _p(WRITINGS, "学习成果分类", QT_TRANSLATE_NOOP(
        "Placeholder", "Each kind with its count: 学习笔记36篇（共313686字）、心得体会29篇…"), ph.writings),
)

_VISIT_TABLE = (
    _f(VISITS, "走访户次", "visits", QT_TRANSLATE_NOOP("Placeholder", "Visits made")),
    _f(VISITS, "走访户数", "households_visited", QT_TRANSLATE_NOOP(
        "Placeholder", "Households visited at least once")),
    _f(VISITS, "总户数", "households", QT_TRANSLATE_NOOP(
        "Placeholder", "Households of the villages covered")),
    _f(VISITS, "未走访户数", "households_unvisited", QT_TRANSLATE_NOOP(
        "Placeholder", "Households not yet visited")),
    _f(VISITS, "覆盖率", "coverage_rate", QT_TRANSLATE_NOOP(
        "Placeholder", "Households visited of all households")),
    _f(VISITS, "村数", "villages", QT_TRANSLATE_NOOP("Placeholder", "Villages and communities")),
    _f(VISITS, "走访全覆盖村数", "villages_covered", QT_TRANSLATE_NOOP(
        "Placeholder", "Villages and communities with every household visited")),
    _p(VISITS, "走访方式", QT_TRANSLATE_NOOP(
        "Placeholder", "Methods used, most used first: 上门入户、电话联系…"),
       ph.methods),
    _p(VISITS, "走访方式统计", QT_TRANSLATE_NOOP(
        "Placeholder", "Each method with its visits"), ph.method_counts),
    _p(VISITS, "各村覆盖情况", QT_TRANSLATE_NOOP(
        "Placeholder", "Each village's coverage in a sentence; with many villages, a table in an annex"),
       ph.coverage, OPTIONAL),
)

_SUGGESTION_TABLE = (
    _f(SUGGESTIONS, "征集意见建议条数", "suggestions", QT_TRANSLATE_NOOP(
        "Placeholder", "Suggestions collected")),
    _f(SUGGESTIONS, "归并条目数", "suggestion_items", QT_TRANSLATE_NOOP(
        "Placeholder", "Consolidated items they were merged into")),
    _f(SUGGESTIONS, "类别数", "suggestion_categories", QT_TRANSLATE_NOOP(
        "Placeholder", "Categories of the suggestions")),
    _p(SUGGESTIONS, "意见建议分类", QT_TRANSLATE_NOOP(
        "Placeholder", "Each category with its suggestions and items: 思想观念方面9条（归并为4条）…"),
       ph.suggestion_categories),
    _p(SUGGESTIONS, "意见建议来源", QT_TRANSLATE_NOOP("Placeholder", "Each source with its suggestions"),
       lambda c: ph.counted(c.figures.suggestions_by_source, ph.SOURCE_PHRASES, vocab.SUGGESTION_SOURCES,
                            joiner="、")),
    _f(SUGGESTIONS, "已答复条数", "suggestions_answered", QT_TRANSLATE_NOOP(
        "Placeholder", "Handled and answered (adopted or not)")),
    _f(SUGGESTIONS, "已采纳条数", "suggestions_adopted", QT_TRANSLATE_NOOP(
        "Placeholder", "Adopted, fully or partly")),
    _f(SUGGESTIONS, "暂不采纳条数", "suggestions_by_status.declined", QT_TRANSLATE_NOOP(
        "Placeholder", "Not adopted for now")),
    _f(SUGGESTIONS, "办理中条数", "suggestions_open", QT_TRANSLATE_NOOP(
        "Placeholder", "Still to be handled or being handled")),
)

_RECTIFICATION_TABLE = (
    _f(RECTIFICATION, "整改问题数", "rectifications", QT_TRANSLATE_NOOP(
        "Placeholder", "Problems on the rectification list")),
    _f(RECTIFICATION, "已销号数", "rectifications_by_status.done", QT_TRANSLATE_NOOP(
        "Placeholder", "Problems completed and closed")),
    _f(RECTIFICATION, "整改中数", "rectifications_by_status.in_progress", QT_TRANSLATE_NOOP(
        "Placeholder", "Problems in progress")),
    _f(RECTIFICATION, "未启动数", "rectifications_by_status.not_started", QT_TRANSLATE_NOOP(
        "Placeholder", "Problems not started")),
    _f(RECTIFICATION, "长期坚持数", "rectifications_by_status.ongoing", QT_TRANSLATE_NOOP(
        "Placeholder", "Problems kept up long-term")),
    _f(RECTIFICATION, "未完成整改数", "rectifications_open", QT_TRANSLATE_NOOP(
        "Placeholder", "Not started or in progress")),
    _f(RECTIFICATION, "超期数", "rectifications_overdue", QT_TRANSLATE_NOOP(
        "Placeholder", "Open past their deadline on the document's date")),
    _p(RECTIFICATION, "超期情况", QT_TRANSLATE_NOOP(
        "Placeholder", "“，其中N个已超过整改时限…” when some are overdue, else nothing"),
       ph.overdue, OPTIONAL),
    _f(RECTIFICATION, "整改完成率", "rectification_rate", QT_TRANSLATE_NOOP(
        "Placeholder", "Closed of all problems")),
    _f(RECTIFICATION, "走访发现问题数", "rectifications_by_source.visit", QT_TRANSLATE_NOOP(
        "Placeholder", "Problems raised from household visits")),
    _f(RECTIFICATION, "意见建议转整改数", "rectifications_by_source.suggestion", QT_TRANSLATE_NOOP(
        "Placeholder", "Problems raised from suggestions")),
    _p(RECTIFICATION, "问题类别数", QT_TRANSLATE_NOOP("Placeholder", "Categories of the problems"),
       lambda c: sum(1 for e in c.figures.rectifications_by_category if e.name)),
    _p(RECTIFICATION, "问题类别列举", QT_TRANSLATE_NOOP(
        "Placeholder", "一是…（N个）；二是…: the problem categories recorded"), ph.problem_categories),
    _p(RECTIFICATION, "责任部门", QT_TRANSLATE_NOOP("Placeholder", "Responsible departments, busiest first"),
       lambda c: "、".join(c.figures.rectification_departments)),
)

_PUBLICITY_TABLE = (
    _f(PUBLICITY, "宣传信息条数", "publicity", QT_TRANSLATE_NOOP("Placeholder", "Publicity of every kind")),
    *(_f(PUBLICITY, name, f"publicity_by_kind.{code}", QT_TRANSLATE_NOOP(
        "Placeholder", "Publicity of this kind"))
      for name, code in _PUBLICITY_KIND_NAMES),
    _p(PUBLICITY, "宣传信息分类", QT_TRANSLATE_NOOP(
        "Placeholder", "Each kind with its verb and unit: 报送新闻稿件15篇，编发工作简报8期…"),
       lambda c: ph.counted(c.figures.publicity_by_kind, ph.PUBLICITY_PHRASES, vocab.PUBLICITY_KINDS)),
    _f(PUBLICITY, "本单位媒体稿件数", "articles_own", QT_TRANSLATE_NOOP(
        "Placeholder", "Articles in the unit's own media (Settings → Unit)")),
    _f(PUBLICITY, "上级媒体稿件数", "articles_higher", QT_TRANSLATE_NOOP(
        "Placeholder", "Articles in higher-level and other media")),
    _p(PUBLICITY, "本单位媒体", QT_TRANSLATE_NOOP(
        "Placeholder", "The unit's own media that carried articles"),
       lambda c: "、".join(c.figures.own_outlets)),
    _p(PUBLICITY, "上级媒体", QT_TRANSLATE_NOOP(
        "Placeholder", "The other media that carried articles, most first (at most four)"),
       lambda c: "、".join(c.figures.higher_outlets[:4])),
)

PLACEHOLDERS: dict[str, Placeholder] = {p.name: p for p in (
    *_UNIT_TABLE, *_SESSION_TABLE, *_WRITING_TABLE, *_VISIT_TABLE, *_SUGGESTION_TABLE, *_RECTIFICATION_TABLE,
    *_PUBLICITY_TABLE)}
PATTERN = re.compile(r"\{([^{}\n]{1,60})\}")


def placeholders_in(text: str) -> list[str]:
    """The names of the placeholders in ``text`` (without their :余 / |… parts)."""
    return [re.split(r"[:：|｜]", match, maxsplit=1)[0].strip() for match in PATTERN.findall(text or "")]
