"""The figures of a campaign: each defined once, counted once, printed the same everywhere.

Every number the registers' 统计汇总, the overview and the summary print
(领导班子集中学习4次, 出勤率, 征集意见建议37条 梳理为五大类19条 …) is a ``Figure``
of ``DEFINITIONS``: its term and unit from ``models.vocab``, its definition in
words, and how it follows from the records counted here in SQL for a
``Scope`` (``models.scope``: the same records every register lists). A rate is
always its two counts' quotient, rounded half up to 0.1 % (``rate``), and each
is printed beside its counts. The table of the figures, with where each is
printed, is docs/figures.md (``tests/models/test_figures_doc.py`` keeps it current).

Attendance is counted only for sessions whose attendance is recorded (every
expected person marked); the others are counted as 未登记出勤, never as
nobody present: 应到 = 实到 + 请假 + 缺席 always.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import peewee

from models import counting, sqlite, vocab
from models import records as r
from models.counting import CategoryCount, Meeting, VillageCoverage
from models.rates import percent, rate
from models.scope import Scope, as_date

__all__ = ["DEFINITIONS", "CategoryCount", "Figure", "Figures", "Meeting", "Scope", "VillageCoverage",
           "compute", "percent", "rate"]


@dataclass(frozen=True)
class CountedAt:
    """When figures were counted (``models.first_page``): the file's count of changes just before
    (``sqlite.data_generation``), the day, and which opening of the file in this process it was."""

    generation: int
    on: dt.date
    opening: int


@dataclass
class Figures:
    """What the records of a scope add up to; the printed figures are ``DEFINITIONS``."""

    scope: Scope
    sessions_by_kind: Counter = field(default_factory=Counter)
    meetings: list[Meeting] = field(default_factory=list)  # key meetings and study tours, by date
    attendance: Counter = field(default_factory=Counter)  # status → marks, where attendance is recorded
    attendance_recorded: int = 0  # sessions with every expected person marked
    writings_by_kind: Counter = field(default_factory=Counter)
    notes_characters: int = 0
    notes_authors: int = 0
    notes_least: int = 0
    writing_authors: int = 0
    writings_checked: int = 0
    leaders: int = 0
    leader_reports: int = 0
    leader_reports_least: int = 0
    visits: int = 0
    visits_by_method: Counter = field(default_factory=Counter)
    coverage: list[VillageCoverage] = field(default_factory=list)
    suggestions: int = 0
    suggestion_items: int = 0
    suggestions_by_category: list[CategoryCount] = field(default_factory=list)
    suggestions_by_status: Counter = field(default_factory=Counter)
    suggestions_by_source: Counter = field(default_factory=Counter)
    rectifications_by_status: Counter = field(default_factory=Counter)
    rectifications_by_source: Counter = field(default_factory=Counter)
    rectifications_overdue: int = 0
    rectifications_by_category: list[CategoryCount] = field(default_factory=list)
    rectification_departments: list[str] = field(default_factory=list)
    publicity_by_kind: Counter = field(default_factory=Counter)
    articles_own: int = 0
    articles_higher: int = 0
    own_outlets: list[str] = field(default_factory=list)  # the unit's own media that carried articles
    higher_outlets: list[str] = field(default_factory=list)  # the others, most articles first
    counted_at: CountedAt | None = field(default=None, compare=False)

    @property
    def records(self) -> int:
        """Every record the figures were counted from: the sum of the six kinds' totals."""
        return (self.sessions + self.writings + self.visits + self.suggestions + self.rectifications
                + self.publicity)

    @property
    def sessions(self) -> int:
        return sum(self.sessions_by_kind.values())

    @property
    def attendance_unrecorded(self) -> int:
        return self.sessions - self.attendance_recorded

    @property
    def expected(self) -> int:
        return sum(self.attendance.values())

    @property
    def attended(self) -> int:
        return sum(self.attendance[status] for status in vocab.ATTENDED)

    @property
    def attendance_rate(self) -> float | None:
        return rate(self.attended, self.expected)

    @property
    def writings(self) -> int:
        return sum(self.writings_by_kind.values())

    @property
    def villages(self) -> int:
        return len(self.coverage)

    @property
    def villages_covered(self) -> int:
        return sum(1 for entry in self.coverage if entry.complete)

    @property
    def households(self) -> int:
        return sum(entry.households for entry in self.coverage)

    @property
    def households_visited(self) -> int:
        return sum(entry.visited for entry in self.coverage)

    @property
    def households_unvisited(self) -> int:
        return self.households - self.households_visited

    @property
    def coverage_rate(self) -> float | None:
        return rate(self.households_visited, self.households)

    @property
    def suggestion_categories(self) -> int:
        return sum(1 for entry in self.suggestions_by_category if entry.name)

    @property
    def suggestions_answered(self) -> int:
        return sum(self.suggestions_by_status[s] for s in vocab.SUGGESTION_ANSWERED)

    @property
    def suggestions_adopted(self) -> int:
        return self.suggestions_by_status["adopted"] + self.suggestions_by_status["partly"]

    @property
    def suggestions_open(self) -> int:
        return sum(self.suggestions_by_status[s] for s in vocab.SUGGESTION_OPEN)

    @property
    def rectifications(self) -> int:
        return sum(self.rectifications_by_status.values())

    @property
    def rectifications_done(self) -> int:
        return self.rectifications_by_status["done"]

    @property
    def rectifications_in_progress(self) -> int:
        return self.rectifications_by_status["in_progress"]

    @property
    def rectifications_open(self) -> int:
        return sum(self.rectifications_by_status[s] for s in vocab.RECTIFICATION_OPEN)

    @property
    def rectification_rate(self) -> float | None:
        return rate(self.rectifications_done, self.rectifications)

    @property
    def publicity(self) -> int:
        return sum(self.publicity_by_kind.values())

    def value(self, key: str) -> Any:
        return DEFINITION[key].value(self)


# --- the definitions: what each printed figure means --------------------------------------------

@dataclass(frozen=True)
class Figure:
    """A printed figure: its term and unit (``vocab``), its definition and its value."""

    key: str
    topic: str  # a code of vocab.TOPICS
    means: str  # the definition, as docs/figures.md prints it
    value: Callable[[Figures], Any]
    overview: bool = False  # shown on the overview page
    of: tuple[str, str] | None = None  # a rate: (numerator, denominator) figure keys
    vocabulary: vocab.Vocabulary = vocab.FIGURES
    code: str = ""  # the code within ``vocabulary`` (a kind's figure); the key itself by default

    @property
    def term(self) -> str:
        return self.vocabulary.zh(self.code or self.key)

    @property
    def label(self) -> str:
        return self.vocabulary.label(self.code or self.key)

    @property
    def unit(self) -> str:
        return self.vocabulary.unit(self.code or self.key)


def _f(key: str, topic: str, means: str, value: Callable[[Figures], Any] | None = None, *,
       overview: bool = False, of: tuple[str, str] | None = None) -> Figure:
    return Figure(key, topic, means, value or (lambda f: getattr(f, key)), overview, of)


def _kinds(topic: str, counter: str, vocabulary: vocab.Vocabulary, means: str,
           overview: tuple[str, ...] | bool = True) -> list[Figure]:
    """One figure for each kind; ``overview``: all of them, none, or these codes on the overview page."""
    return [Figure(f"{counter}.{code}", topic, means.format(term=vocabulary.zh(code)),
                   lambda f, c=code: getattr(f, counter)[c],
                   overview if isinstance(overview, bool) else code in overview, None, vocabulary, code)
            for code in vocabulary]


DEFINITIONS: tuple[Figure, ...] = (
    _f("sessions", "sessions", "范围内的学习会议，各类型合计", overview=True),
    *_kinds("sessions", "sessions_by_kind", vocab.SESSION_KINDS, "类型为“{term}”的学习会议"),
    _f("attendance_recorded", "sessions", "每位应到人员都已登记出勤情况的学习会议"),
    _f("attendance_unrecorded", "sessions",
       "尚未登记出勤（无应到人员或有人未登记）的学习会议；其人次不计入应到、实到"),
    _f("expected", "sessions", "已登记出勤的会议的应到人员人次（= 实到 + 请假 + 缺席）"),
    _f("attended", "sessions", "已登记出勤的会议中登记为出席或迟到的人次", lambda f: f.attended),
    _f("late", "sessions", "实到人次中登记为迟到的", lambda f: f.attendance["late"]),
    _f("leave", "sessions", "已登记出勤的会议中登记为请假的人次", lambda f: f.attendance["leave"]),
    _f("absent", "sessions", "已登记出勤的会议中登记为缺席的人次", lambda f: f.attendance["absent"]),
    _f("attendance_rate", "sessions", "实到人次 ÷ 应到人次", overview=True, of=("attended", "expected")),
    _f("writings", "writings", "范围内的学习成果，各类型合计", overview=True),
    *_kinds("writings", "writings_by_kind", vocab.WRITING_KINDS, "类型为“{term}”的学习成果"),
    _f("notes_characters", "writings", "全部学习笔记的字数之和"),
    _f("notes_authors", "writings", "写有学习笔记的人数"),
    _f("notes_least", "writings", "写有学习笔记的人中，学习笔记字数之和最少的一人的字数（“每人…字以上”）"),
    _f("writing_authors", "writings", "写有任一学习成果的人数"),
    _f("writings_checked", "writings", "填有检查验收日期的学习成果"),
    _f("leaders", "writings", "本单位在职的班子成员人数"),
    _f("leader_reports", "writings", "班子成员撰写的调研报告篇数"),
    _f("leader_reports_least", "writings", "班子成员中调研报告最少的一人的篇数（“每人…篇”；有人未写则为0）"),
    _f("visits", "visits", "范围内对在册农户的走访次数（一户走访两次计2户次）", overview=True),
    *_kinds("visits", "visits_by_method", vocab.VISIT_METHODS, "走访方式为“{term}”的走访户次",
            overview=False),
    _f("villages", "visits", "范围内的村（社区）数"),
    _f("villages_covered", "visits", "每户都已走访的村（社区）数（无农户的村不计）", overview=True),
    _f("households", "visits", "这些村（社区）的在册农户数"),
    _f("households_visited", "visits", "范围内至少走访过一次的在册农户数", overview=True),
    _f("households_unvisited", "visits", "总户数 − 已走访户数", overview=True),
    _f("coverage_rate", "visits", "已走访户数 ÷ 总户数", overview=True,
       of=("households_visited", "households")),
    _f("suggestions", "suggestions", "范围内征集的意见建议条数", overview=True),
    _f("suggestion_items", "suggestions", "这些意见建议归并成的归并条目数（回收站中的不计）", overview=True),
    _f("suggestion_categories", "suggestions", "这些意见建议涉及的类别数（未分类的不计）"),
    *_kinds("suggestions", "suggestions_by_source", vocab.SUGGESTION_SOURCES, "来源为“{term}”的意见建议",
            overview=False),
    *_kinds("suggestions", "suggestions_by_status", vocab.SUGGESTION_STATUSES,
            "办理状态为“{term}”的意见建议", overview=False),
    _f("suggestions_answered", "suggestions", "已采纳、部分采纳、暂不采纳、已答复之和", overview=True),
    _f("suggestions_adopted", "suggestions", "已采纳与部分采纳之和"),
    _f("suggestions_open", "suggestions", "待办理与办理中之和"),
    _f("rectifications", "rectification", "问题清单上范围内的问题数", overview=True),
    *_kinds("rectification", "rectifications_by_status", vocab.RECTIFICATION_STATUSES,
            "状态为“{term}”的问题", overview=("done", "in_progress")),
    *_kinds("rectification", "rectifications_by_source", vocab.RECTIFICATION_SOURCES,
            "来源为“{term}”的问题", overview=False),
    _f("rectifications_open", "rectification", "未启动与整改中之和"),
    _f("rectifications_overdue", "rectification", "尚未完成整改、整改时限早于成文（填报）日期的问题",
       overview=True),
    _f("rectification_rate", "rectification", "已完成（销号）÷ 查摆问题", of=("rectifications_by_status.done",
                                                                        "rectifications")),
    _f("publicity", "publicity", "范围内的宣传信息，各类型合计（单位不同，以“项”计）", overview=True),
    *_kinds("publicity", "publicity_by_kind", vocab.PUBLICITY_KINDS, "类型为“{term}”的宣传信息"),
    _f("articles_own", "publicity", "刊发媒体为本单位媒体（设置 → 本单位）的新闻稿件"),
    _f("articles_higher", "publicity", "刊发在其他媒体（上级及其他媒体）的新闻稿件"),
)
DEFINITION = {figure.key: figure for figure in DEFINITIONS}


def compute(scope: Scope) -> Figures:
    """Count everything of ``scope``, each kind of record in a few grouped queries."""
    figures = Figures(scope, counted_at=counted_at(scope))
    counting.fill(figures, scope)
    return figures


def counted_at(scope: Scope) -> CountedAt | None:
    try:
        return CountedAt(sqlite.data_generation(r.database), scope.on(), r.database.opening)
    except peewee.DatabaseError:
        return None  # a file of an earlier version, read without being upgraded


def date_of(value: Any) -> dt.date:
    return as_date(value)


def uuid_of(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))
