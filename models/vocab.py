"""The one vocabulary: every term the program prints, defined once, with its unit.

The database stores a short English code; people see the label in their
language (``label``, English source text translated through the .ts) and
every register, sheet and document prints the Chinese term (``zh``), which is
written here, beside the code, and nowhere else. ``tests/models/test_vocab.py``
checks that the .ts translates each English source to the same term and fails
on a printed word that is not from this vocabulary (``SYNONYMS`` lists the
words offices use for the same things, which must never be printed).

A term may carry the unit its count is printed in (次, 篇, 期, 人（次）…):
the statistics sheet, the overview and the summary all take it from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from models.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Vocabulary"


@dataclass(frozen=True)
class Term:
    code: str
    source: str  # English source text (context "Vocabulary")
    zh: str  # the printed Chinese term
    unit: str = ""  # what a count of it is printed in


class Vocabulary:
    """An ordered list of terms: code, English source, Chinese term, unit."""

    def __init__(self, name: str, terms: tuple[tuple[str, ...], ...], unit: str = ""):
        self.name = name
        self._terms = {entry[0]: Term(entry[0], entry[1], entry[2], entry[3] if len(entry) > 3 else unit)
                       for entry in terms}
        if len(self._terms) != len(terms):
            raise ValueError(f"duplicate code in vocabulary {name}")

    def __contains__(self, code: object) -> bool:
        return code in self._terms

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def codes(self) -> tuple[str, ...]:
        return tuple(self._terms)

    def terms(self) -> tuple[Term, ...]:
        return tuple(self._terms.values())

    def term(self, code: str) -> Term:
        return self._terms[code]

    def label(self, code: str | None) -> str:
        """The label in the current language; unknown codes are shown as they are."""
        if code is None:
            return ""
        term = self._terms.get(code)
        return translate(CONTEXT, term.source) if term else code

    def zh(self, code: str | None) -> str:
        """The Chinese term, as printed in registers and documents."""
        if code is None:
            return ""
        term = self._terms.get(code)
        return term.zh if term else code

    def unit(self, code: str) -> str:
        term = self._terms.get(code)
        return term.unit if term else ""

    def items(self) -> list[tuple[str, str]]:
        """(code, label) in the current language, in the declared order."""
        return [(code, self.label(code)) for code in self._terms]

    def code_for(self, text: str) -> str | None:
        """The code whose code, Chinese term or English label is ``text``."""
        text = (text or "").strip()
        for code, term in self._terms.items():
            if text in (code, term.source, term.zh):
                return code
        return None


UNIT_LEVELS = Vocabulary("unit_level", (
    ("village", QT_TRANSLATE_NOOP("Vocabulary", "Village"), "村"),
    ("community", QT_TRANSLATE_NOOP("Vocabulary", "Community"), "社区"),
    ("township", QT_TRANSLATE_NOOP("Vocabulary", "Township"), "乡"),
    ("town", QT_TRANSLATE_NOOP("Vocabulary", "Town"), "镇"),
    ("subdistrict", QT_TRANSLATE_NOOP("Vocabulary", "Subdistrict"), "街道"),
    ("bureau", QT_TRANSLATE_NOOP("Vocabulary", "Bureau"), "局（机关）"),
    ("county", QT_TRANSLATE_NOOP("Vocabulary", "County"), "县（区）"),
))

VILLAGE_KINDS = Vocabulary("village_kind", (
    ("village", QT_TRANSLATE_NOOP("Vocabulary", "Village"), "村"),
    ("community", QT_TRANSLATE_NOOP("Vocabulary", "Community"), "社区"),
))

GENDERS = Vocabulary("gender", (
    ("male", QT_TRANSLATE_NOOP("Vocabulary", "Male"), "男"),
    ("female", QT_TRANSLATE_NOOP("Vocabulary", "Female"), "女"),
))

SESSION_KINDS = Vocabulary("session_kind", (
    ("leader_study", QT_TRANSLATE_NOOP("Vocabulary", "Leadership group study"), "领导班子集中学习"),
    ("staff_study", QT_TRANSLATE_NOOP("Vocabulary", "All-staff study"), "全体干部集中学习"),
    ("seminar", QT_TRANSLATE_NOOP("Vocabulary", "Thematic discussion"), "专题讨论会"),
    ("mobilization", QT_TRANSLATE_NOOP("Vocabulary", "Mobilisation meeting"), "动员部署会"),
    ("party_meeting", QT_TRANSLATE_NOOP("Vocabulary", "Party members' meeting"), "党员大会"),
    ("staff_meeting", QT_TRANSLATE_NOOP("Vocabulary", "All-staff meeting"), "全体干部大会"),
    ("forum", QT_TRANSLATE_NOOP("Vocabulary", "Forum"), "座谈会"),
    ("study_tour", QT_TRANSLATE_NOOP("Vocabulary", "Study tour"), "外出学习考察"),
    ("research", QT_TRANSLATE_NOOP("Vocabulary", "Field research"), "调研"),
    ("other", QT_TRANSLATE_NOOP("Vocabulary", "Other"), "其他"),
), unit="次")

ATTENDANCE = Vocabulary("attendance", (
    ("present", QT_TRANSLATE_NOOP("Vocabulary", "Present"), "出席"),
    ("late", QT_TRANSLATE_NOOP("Vocabulary", "Late"), "迟到"),
    ("leave", QT_TRANSLATE_NOOP("Vocabulary", "On leave"), "请假"),
    ("absent", QT_TRANSLATE_NOOP("Vocabulary", "Absent"), "缺席"),
), unit="人次")
ATTENDED = ("present", "late")

WRITING_KINDS = Vocabulary("writing_kind", (
    ("notes", QT_TRANSLATE_NOOP("Vocabulary", "Study notes"), "学习笔记"),
    ("reflection", QT_TRANSLATE_NOOP("Vocabulary", "Reflections"), "心得体会"),
    ("research_report", QT_TRANSLATE_NOOP("Vocabulary", "Research report"), "调研报告"),
    ("self_analysis", QT_TRANSLATE_NOOP("Vocabulary", "Self-analysis"), "剖析材料"),
    ("speech", QT_TRANSLATE_NOOP("Vocabulary", "Discussion speech"), "讨论发言"),
), unit="篇")

VISIT_METHODS = Vocabulary("visit_method", (
    ("home", QT_TRANSLATE_NOOP("Vocabulary", "Home visit"), "上门入户"),
    ("phone", QT_TRANSLATE_NOOP("Vocabulary", "Telephone"), "电话联系"),
    ("courtyard", QT_TRANSLATE_NOOP("Vocabulary", "Courtyard meeting"), "院坝会"),
    ("square", QT_TRANSLATE_NOOP("Vocabulary", "Village square meeting"), "坪坝会"),
    ("exchange", QT_TRANSLATE_NOOP("Vocabulary", "Exchange meeting"), "交流会"),
    ("forum", QT_TRANSLATE_NOOP("Vocabulary", "Forum"), "座谈会"),
), unit="户次")

SATISFACTION = Vocabulary("satisfaction", (
    ("satisfied", QT_TRANSLATE_NOOP("Vocabulary", "Satisfied"), "满意"),
    ("fair", QT_TRANSLATE_NOOP("Vocabulary", "Fairly satisfied"), "基本满意"),
    ("unsatisfied", QT_TRANSLATE_NOOP("Vocabulary", "Unsatisfied"), "不满意"),
), unit="户次")

SUGGESTION_SOURCES = Vocabulary("suggestion_source", (
    ("staff", QT_TRANSLATE_NOOP("Vocabulary", "Staff"), "干部职工"),
    ("public", QT_TRANSLATE_NOOP("Vocabulary", "Public"), "群众"),
    ("visit", QT_TRANSLATE_NOOP("Vocabulary", "Household visit"), "走访"),
    ("forum", QT_TRANSLATE_NOOP("Vocabulary", "Forum"), "座谈会"),
    ("box", QT_TRANSLATE_NOOP("Vocabulary", "Suggestion box"), "意见箱"),
), unit="条")

SUGGESTION_STATUSES = Vocabulary("suggestion_status", (
    ("pending", QT_TRANSLATE_NOOP("Vocabulary", "To be handled"), "待办理"),
    ("handling", QT_TRANSLATE_NOOP("Vocabulary", "Being handled"), "办理中"),
    ("adopted", QT_TRANSLATE_NOOP("Vocabulary", "Adopted"), "已采纳"),
    ("partly", QT_TRANSLATE_NOOP("Vocabulary", "Partly adopted"), "部分采纳"),
    ("declined", QT_TRANSLATE_NOOP("Vocabulary", "Not adopted for now"), "暂不采纳"),
    ("answered", QT_TRANSLATE_NOOP("Vocabulary", "Answered"), "已答复"),
), unit="条")
SUGGESTION_ANSWERED = ("adopted", "partly", "declined", "answered")
SUGGESTION_OPEN = ("pending", "handling")

RECTIFICATION_SOURCES = Vocabulary("rectification_source", (
    ("self", QT_TRANSLATE_NOOP("Vocabulary", "Self-inspection"), "自查"),
    ("visit", QT_TRANSLATE_NOOP("Vocabulary", "Household visit"), "走访"),
    ("suggestion", QT_TRANSLATE_NOOP("Vocabulary", "Suggestion"), "意见建议"),
    ("inspection", QT_TRANSLATE_NOOP("Vocabulary", "Higher-level inspection"), "上级督查"),
), unit="个")

RECTIFICATION_STATUSES = Vocabulary("rectification_status", (
    ("not_started", QT_TRANSLATE_NOOP("Vocabulary", "Not started"), "未启动"),
    ("in_progress", QT_TRANSLATE_NOOP("Vocabulary", "In progress"), "整改中"),
    ("done", QT_TRANSLATE_NOOP("Vocabulary", "Completed (closed)"), "已完成（销号）"),
    ("ongoing", QT_TRANSLATE_NOOP("Vocabulary", "Long-term"), "长期坚持"),
), unit="个")
RECTIFICATION_OPEN = ("not_started", "in_progress")

PUBLICITY_KINDS = Vocabulary("publicity_kind", (
    ("article", QT_TRANSLATE_NOOP("Vocabulary", "News article"), "新闻稿件", "篇"),
    ("briefing", QT_TRANSLATE_NOOP("Vocabulary", "Briefing"), "工作简报", "期"),
    ("column", QT_TRANSLATE_NOOP("Vocabulary", "Column"), "专栏", "期"),
    ("interview", QT_TRANSLATE_NOOP("Vocabulary", "Interview"), "专访", "人（次）"),
    ("feature", QT_TRANSLATE_NOOP("Vocabulary", "Feature programme"), "专题节目", "期"),
))

HOUSEHOLD_TAGS = Vocabulary("household_tag", (
    ("poverty_exited", QT_TRANSLATE_NOOP("Vocabulary", "Lifted out of poverty"), "脱贫户"),
    ("monitored", QT_TRANSLATE_NOOP("Vocabulary", "Under monitoring"), "监测户"),
    ("subsistence", QT_TRANSLATE_NOOP("Vocabulary", "Subsistence allowance"), "低保户"),
    ("five_guarantees", QT_TRANSLATE_NOOP("Vocabulary", "Five guarantees"), "五保户"),
    ("left_behind_elderly", QT_TRANSLATE_NOOP("Vocabulary", "Left-behind elderly"), "留守老人户"),
    ("disability", QT_TRANSLATE_NOOP("Vocabulary", "Person with disability"), "残疾人户"),
), unit="户")

CATEGORY_KINDS = Vocabulary("category_kind", (
    ("suggestion", QT_TRANSLATE_NOOP("Vocabulary", "Suggestion category"), "意见建议类别"),
    ("problem", QT_TRANSLATE_NOOP("Vocabulary", "Problem category"), "问题类别"),
))

PHASES = Vocabulary("phase", (
    ("mobilisation", QT_TRANSLATE_NOOP("Vocabulary", "Publicity and mobilisation"), "宣传发动"),
    ("study", QT_TRANSLATE_NOOP("Vocabulary", "Study and improvement"), "学习提升"),
    ("research", QT_TRANSLATE_NOOP("Vocabulary", "Research and discussion"), "调研研讨"),
    ("practice", QT_TRANSLATE_NOOP("Vocabulary", "Putting into practice"), "实践转化"),
    ("deepening", QT_TRANSLATE_NOOP("Vocabulary", "Continued deepening"), "持续深化"),
))
DEFAULT_PHASES = tuple(term.source for term in PHASES.terms())

# The topics of the figures: the statistics sheet's 类别, the overview's rows.
TOPICS = Vocabulary("topic", (
    ("sessions", QT_TRANSLATE_NOOP("Vocabulary", "Study sessions"), "学习会议"),
    ("writings", QT_TRANSLATE_NOOP("Vocabulary", "Study writings"), "学习成果"),
    ("visits", QT_TRANSLATE_NOOP("Vocabulary", "Household visits"), "走访"),
    ("suggestions", QT_TRANSLATE_NOOP("Vocabulary", "Suggestions"), "意见建议"),
    ("rectification", QT_TRANSLATE_NOOP("Vocabulary", "Rectification"), "问题整改"),
    ("publicity", QT_TRANSLATE_NOOP("Vocabulary", "Publicity"), "宣传信息"),
))

# The names of the figures (``models.figures``) with the unit each is printed in.
FIGURES = Vocabulary("figure", (
    ("sessions", QT_TRANSLATE_NOOP("Vocabulary", "Study sessions held"), "学习会议", "次"),
    ("attendance_recorded", QT_TRANSLATE_NOOP("Vocabulary", "Sessions with attendance recorded"),
     "已登记出勤的会议", "次"),
    ("attendance_unrecorded", QT_TRANSLATE_NOOP("Vocabulary", "Sessions without attendance recorded"),
     "未登记出勤的会议", "次"),
    ("expected", QT_TRANSLATE_NOOP("Vocabulary", "Expected"), "应到人次", "人次"),
    ("attended", QT_TRANSLATE_NOOP("Vocabulary", "Attended"), "实到人次", "人次"),
    ("late", QT_TRANSLATE_NOOP("Vocabulary", "Of them late"), "其中迟到人次", "人次"),
    ("leave", QT_TRANSLATE_NOOP("Vocabulary", "On leave (person-times)"), "请假人次", "人次"),
    ("absent", QT_TRANSLATE_NOOP("Vocabulary", "Absent (person-times)"), "缺席人次", "人次"),
    ("attendance_rate", QT_TRANSLATE_NOOP("Vocabulary", "Attendance rate"), "出勤率", "%"),
    ("writings", QT_TRANSLATE_NOOP("Vocabulary", "Study writings written"), "学习成果", "篇"),
    ("notes_characters", QT_TRANSLATE_NOOP("Vocabulary", "Characters of study notes"), "学习笔记字数", "字"),
    ("notes_authors", QT_TRANSLATE_NOOP("Vocabulary", "Persons with study notes"), "撰写学习笔记人数", "人"),
    ("notes_least", QT_TRANSLATE_NOOP("Vocabulary", "Least study notes of one person"),
     "每人学习笔记最少字数", "字"),
    ("writing_authors", QT_TRANSLATE_NOOP("Vocabulary", "Persons who wrote"), "撰写人数", "人"),
    ("writings_checked", QT_TRANSLATE_NOOP("Vocabulary", "Writings checked"), "已检查验收的学习成果", "篇"),
    ("leaders", QT_TRANSLATE_NOOP("Vocabulary", "Leadership group members"), "班子成员人数", "人"),
    ("leader_reports", QT_TRANSLATE_NOOP("Vocabulary", "Research reports by leaders"),
     "班子成员调研报告", "篇"),
    ("leader_reports_least", QT_TRANSLATE_NOOP("Vocabulary", "Least research reports of one leader"),
     "班子成员每人调研报告最少篇数", "篇"),
    ("visits", QT_TRANSLATE_NOOP("Vocabulary", "Visits made"), "走访户次", "户次"),
    ("villages", QT_TRANSLATE_NOOP("Vocabulary", "Villages and communities"), "村（社区）", "个"),
    ("villages_covered", QT_TRANSLATE_NOOP("Vocabulary", "Villages with every household visited"),
     "实现走访全覆盖的村（社区）", "个"),
    ("households", QT_TRANSLATE_NOOP("Vocabulary", "Households"), "总户数", "户"),
    ("households_visited", QT_TRANSLATE_NOOP("Vocabulary", "Households visited"), "已走访户数", "户"),
    ("households_unvisited", QT_TRANSLATE_NOOP("Vocabulary", "Households not visited"), "未走访户数", "户"),
    ("coverage_rate", QT_TRANSLATE_NOOP("Vocabulary", "Visit coverage"), "走访覆盖率", "%"),
    ("suggestions", QT_TRANSLATE_NOOP("Vocabulary", "Suggestions collected"), "征集意见建议", "条"),
    ("suggestion_items", QT_TRANSLATE_NOOP("Vocabulary", "Consolidated items"), "梳理归并条目", "条"),
    ("suggestion_categories", QT_TRANSLATE_NOOP("Vocabulary", "Categories of suggestions"),
     "意见建议类别数", "类"),
    ("suggestions_answered", QT_TRANSLATE_NOOP("Vocabulary", "Suggestions handled and answered"),
     "已办结答复", "条"),
    ("suggestions_adopted", QT_TRANSLATE_NOOP("Vocabulary", "Adopted, fully or partly"),
     "采纳（含部分采纳）", "条"),
    ("suggestions_open", QT_TRANSLATE_NOOP("Vocabulary", "Suggestions still being handled"),
     "待办理或办理中", "条"),
    ("rectifications", QT_TRANSLATE_NOOP("Vocabulary", "Problems found"), "查摆问题", "个"),
    ("rectifications_open", QT_TRANSLATE_NOOP("Vocabulary", "Problems not yet rectified"),
     "尚未完成整改", "个"),
    ("rectifications_overdue", QT_TRANSLATE_NOOP("Vocabulary", "Overdue"), "超期未完成", "个"),
    ("rectification_rate", QT_TRANSLATE_NOOP("Vocabulary", "Rectification completed"), "整改完成率", "%"),
    ("publicity", QT_TRANSLATE_NOOP("Vocabulary", "Publicity items"), "宣传信息", "项"),
    ("articles_own", QT_TRANSLATE_NOOP("Vocabulary", "Articles in the unit's own media"),
     "本单位媒体刊发新闻稿件", "篇"),
    ("articles_higher", QT_TRANSLATE_NOOP("Vocabulary", "Articles in other media"),
     "上级及其他媒体刊发新闻稿件", "篇"),
))

# What offices also call these things; none of these words is ever printed.
SYNONYMS = {
    "干部职工大会": "全体干部大会", "全体职工大会": "全体干部大会", "外出考察学习": "外出学习考察",
    "群众会": "坪坝会", "入户走访": "上门入户", "电话访问": "电话联系", "对照检查材料": "剖析材料",
    "研讨发言": "讨论发言", "访谈": "专访", "出勤人次": "实到人次", "工作简讯": "工作简报",
}


def vocabularies() -> list[Vocabulary]:
    """Every word list of this module."""
    return [value for value in globals().values() if isinstance(value, Vocabulary)]


def printed_terms() -> set[str]:
    """Every Chinese term the program may print."""
    return {term.zh for vocabulary in vocabularies() for term in vocabulary.terms()}
