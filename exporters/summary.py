"""The campaign summary (活动总结): the office's own wording, the records' figures.

A summary is a sequence of sections (title, opening, 一、基本情况 …, 落款).
Each section's wording is text with placeholders in braces, ``{专题讨论会次数}``;
the office keeps its own wording of a section per campaign (``SummaryText``),
and where it has none the default below is used, modelled on the two real
summaries in the product brief's seeds. Writing the summary fills every
placeholder from ``models.figures`` (counted once, so the summary agrees with the
registers) and lays the text out with ``exporters.official``. Regenerated after
new records, the same wording gives the same document with new figures.

The wording's own lines are its paragraphs. A line opening with 一、 is a
heading of the first level, （一） of the second and 1. of the third; a second-
or third-level heading followed on its line by text (（一）宣传发动，积极动员。正文…)
is run into its paragraph, as the seeds write them. Headings are numbered again
in document order, so a section left out (an empty wording, or a default
section whose records are all missing, such as visits for a county bureau)
leaves no gap in 一、二、三.

A placeholder the summary does not know is left visible as 【名称】 in the
document and reported, never an error: the office sees it and corrects it.
The table of placeholders is ``PLACEHOLDERS`` (name, what it gives, group).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from uuid import UUID

from exporters import ExportError
from exporters.official import OfficialDocument, clean, zh_date
from models import figures as fig
from models import records as r
from models import store, vocab
from models.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True)
class SummaryOptions:
    """What the summary covers: a campaign, optionally a date range and one village."""

    campaign: UUID
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    village: UUID | None = None
    today: dt.date | None = None  # the date at the foot, and what "overdue" is measured against

    def scope(self) -> fig.Scope:
        return fig.Scope(self.campaign, self.date_from, self.date_to, self.village, self.today)


# --- numbers as a summary writes them -----------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (for 一是、二是 and 五大类)."""
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")
    return str(n)


def percent(value: float) -> str:
    """0.9652 → 96.5%; 1.0 → 100%."""
    text = f"{value * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"


def ordinal_list(parts: list[str]) -> str:
    """一是…；二是…"""
    return "；".join(f"{cn_number(i)}是{part}" for i, part in enumerate(parts, 1))


# --- what the placeholders read ------------------------------------------------------------

@dataclass
class Context:
    """Everything a placeholder may quote: the figures and the campaign they belong to."""

    options: SummaryOptions
    figures: fig.Figures
    campaign: r.Campaign
    unit: r.Unit

    @classmethod
    def build(cls, options: SummaryOptions) -> Context:
        campaign = r.Campaign.get_or_none(r.Campaign.id == options.campaign)
        if campaign is None or campaign.deleted_at is not None:
            raise ExportError(translate("Export", "The campaign of the summary no longer exists."))
        return cls(options, fig.compute(options.scope()), campaign, campaign.unit)

    @property
    def today(self) -> dt.date:
        return self.options.today or dt.date.today()

    @property
    def start(self) -> dt.date:
        return self.options.date_from or self.campaign.start_date

    @property
    def end(self) -> dt.date:
        return self.options.date_to or self.campaign.end_date or self.today

    def day(self, day: dt.date) -> str:
        """2月9日 within the summary's first year, 2027年1月5日 beyond it."""
        return f"{day.month}月{day.day}日" if day.year == self.start.year else zh_date(day)


_LEVEL_WORD = {"village": "村", "community": "社区", "township": "乡", "town": "镇",
               "subdistrict": "街道", "bureau": "局", "county": "县"}


def _level_word(c: Context) -> str:
    return _LEVEL_WORD.get(c.unit.level, "单位")


# Phrases of each kind of record, with their verbs, as the seeds write them.
SESSION_PHRASES = {
    "leader_study": "领导班子集中学习{n}次", "staff_study": "全体干部集中学习{n}次",
    "seminar": "召开专题讨论会{n}次", "mobilization": "召开动员部署会{n}次",
    "party_meeting": "召开党员大会{n}次", "staff_meeting": "召开全体干部大会{n}次",
    "forum": "召开座谈会{n}次", "study_tour": "外出学习考察{n}次", "research": "开展调研{n}次",
    "other": "开展其他学习活动{n}次",
}
WRITING_PHRASES = {
    "notes": "学习笔记{n}篇", "reflection": "心得体会{n}篇", "research_report": "调研报告{n}篇",
    "self_analysis": "剖析材料{n}篇", "speech": "讨论发言{n}篇",
}
PUBLICITY_PHRASES = {
    "article": "报送宣传稿件{n}篇", "briefing": "编发工作简报{n}期", "column": "开设专栏{n}期",
    "interview": "开展专访{n}人（次）", "feature": "制作专题节目{n}期",
}
VISIT_METHOD_NAMES = {
    "home": "上门入户", "phone": "电话联系", "courtyard": "院坝会", "square": "坪坝会",
    "exchange": "交流会", "forum": "座谈会",
}
SOURCE_PHRASES = {
    "staff": "干部职工提出{n}条", "public": "群众反映{n}条", "visit": "走访收集{n}条",
    "forum": "座谈会征集{n}条", "box": "意见箱收集{n}条",
}


def _counted(counter, phrases: dict[str, str], codes: Iterable[str], extra=None) -> str:
    """"领导班子集中学习4次，全体干部集中学习32次": the kinds recorded, in the vocabulary's order.

    With nothing recorded the first phrase says 0, so the sentence still reads.
    """
    parts = []
    for code in codes:
        if counter[code]:
            part = phrases[code].format(n=counter[code])
            parts.append(part + (extra(code) if extra else ""))
    return "，".join(parts) if parts else next(iter(phrases.values())).format(n=0)


def _writings(c: Context) -> str:
    def characters(code: str) -> str:
        chars = c.figures.notes_characters
        return f"（共{chars}字）" if code == "notes" and chars else ""
    text = _counted(c.figures.writings_by_kind, WRITING_PHRASES, vocab.WRITING_KINDS, characters)
    return text.replace("，", "、")


def _meetings(c: Context, kinds: tuple[str, ...]) -> str:
    """Dated sentences of the key meetings of ``kinds``: "2月9日，召开…部署会；2月23日，…。"."""
    parts = []
    for meeting in c.figures.meetings:
        if meeting.kind not in kinds:
            continue
        day, topic = c.day(meeting.date), meeting.topic.strip().rstrip("。")
        if meeting.kind == "study_tour":
            parts.append(_tour(day, topic, meeting.destination.strip(), meeting.head_count))
        elif topic.endswith(("会", "会议")):
            parts.append(f"{day}，召开{topic}")
        else:
            parts.append(f"{day}，召开{vocab.SESSION_KINDS.zh(meeting.kind)}，{topic}")
    return "；".join(parts) + "。" if parts else ""


def _tour(day: str, topic: str, destination: str, head_count: int | None) -> str:
    people = f"一行{head_count}人" if head_count else ""
    if topic.startswith("赴"):
        return f"{day}，{topic}" + (f"，{people}前往{destination}" if destination else "")
    where = f"赴{destination}" if destination else "外出"
    return f"{day}，组织干部{people}{where}学习考察，{topic}"


def _coverage(c: Context) -> str:
    parts = [f"{v.name}走访{v.visited}户、覆盖率{percent(v.rate)}" for v in c.figures.coverage]
    return "其中" + "，".join(parts) + "。" if parts else ""


def _methods(c: Context) -> str:
    ranked = sorted((code for code in vocab.VISIT_METHODS if c.figures.visits_by_method[code]),
                    key=lambda code: -c.figures.visits_by_method[code])
    return "、".join(VISIT_METHOD_NAMES[code] for code in ranked) or VISIT_METHOD_NAMES["home"]


def _method_counts(c: Context) -> str:
    phrases = {code: name + "{n}户次" for code, name in VISIT_METHOD_NAMES.items()}
    return _counted(c.figures.visits_by_method, phrases, vocab.VISIT_METHODS).replace("，", "、")


def _suggestion_categories(c: Context) -> str:
    parts = [f"{entry.name or '其他'}方面{entry.count}条（归并为{entry.items}条）"
             for entry in c.figures.suggestions_by_category]
    return "、".join(parts) or "暂无"


def _problem_categories(c: Context) -> str:
    parts = [f"{entry.name or '其他方面的问题'}（{entry.count}个）"
             for entry in c.figures.rectifications_by_category]
    return ordinal_list(parts) if parts else "暂无"


def _overdue(c: Context) -> str:
    n = c.figures.rectifications_overdue
    return f"，其中{n}个已超过整改时限，正督促加快推进" if n else ""


def _aims(c: Context) -> str:
    aims = (c.campaign.aims or "").strip()
    return aims + "。" if aims and aims[-1] not in "。！？；.!?" else aims


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
       lambda c: "我" + _level_word(c)),
    _p(UNIT, "全单位", QT_TRANSLATE_NOOP("Placeholder", "The whole unit: 全镇, 全乡, 全局 …"),
       lambda c: "全" + _level_word(c)),
    _p(UNIT, "活动名称", QT_TRANSLATE_NOOP("Placeholder", "The campaign's name"), lambda c: c.campaign.name),
    _p(UNIT, "活动目标", QT_TRANSLATE_NOOP(
        "Placeholder", "The campaign's aims, as entered in Settings"), _aims),
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
       lambda c: _counted(c.figures.sessions_by_kind, SESSION_PHRASES, vocab.SESSION_KINDS)),
    _p(SESSIONS, "动员部署会议", QT_TRANSLATE_NOOP(
        "Placeholder", "Dated sentences of the mobilisation meetings (empty if none)"),
       lambda c: _meetings(c, ("mobilization",))),
    _p(SESSIONS, "座谈会议", QT_TRANSLATE_NOOP(
        "Placeholder", "Dated sentences of the forums (empty if none)"),
       lambda c: _meetings(c, ("forum",))),
    _p(SESSIONS, "外出学习考察", QT_TRANSLATE_NOOP(
        "Placeholder", "Dated sentences of the study tours with destination and head count"),
       lambda c: _meetings(c, ("study_tour",))),
    _p(SESSIONS, "重要会议", QT_TRANSLATE_NOOP(
        "Placeholder", "All key meetings and study tours, dated, in order"),
       lambda c: _meetings(c, fig.KEY_MEETINGS)),
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
        "Placeholder", "Each kind with its count: 学习笔记36篇（共313686字）、心得体会29篇…"), _writings),

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
       _methods),
    _p(VISITS, "走访方式统计", QT_TRANSLATE_NOOP(
        "Placeholder", "Each method with its visits"), _method_counts),
    _p(VISITS, "各村覆盖情况", QT_TRANSLATE_NOOP(
        "Placeholder", "A sentence with each village's visited households and coverage"), _coverage),

    _p(SUGGESTIONS, "征集意见建议条数", QT_TRANSLATE_NOOP("Placeholder", "Suggestions collected"),
       _n(lambda f: f.suggestions)),
    _p(SUGGESTIONS, "归并条目数", QT_TRANSLATE_NOOP(
        "Placeholder", "Consolidated items they were merged into"),
       _n(lambda f: f.suggestion_items)),
    _p(SUGGESTIONS, "类别数", QT_TRANSLATE_NOOP("Placeholder", "Categories of the suggestions"),
       _n(lambda f: f.suggestion_categories)),
    _p(SUGGESTIONS, "意见建议分类", QT_TRANSLATE_NOOP(
        "Placeholder", "Each category with its suggestions and items: 思想观念方面9条（归并为4条）…"),
       _suggestion_categories),
    _p(SUGGESTIONS, "意见建议来源", QT_TRANSLATE_NOOP("Placeholder", "Each source with its suggestions"),
       lambda c: _counted(c.figures.suggestions_by_source, SOURCE_PHRASES, vocab.SUGGESTION_SOURCES)
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
        "Placeholder", "“，其中N个已超过整改时限…” when some are overdue, else nothing"), _overdue),
    _p(RECTIFICATION, "整改完成率", QT_TRANSLATE_NOOP("Placeholder", "Closed of all problems"),
       _n(lambda f: percent(f.rectifications_done / f.rectifications if f.rectifications else 0))),
    _p(RECTIFICATION, "问题类别数", QT_TRANSLATE_NOOP("Placeholder", "Categories of the problems"),
       _n(lambda f: sum(1 for e in f.rectifications_by_category if e.name))),
    _p(RECTIFICATION, "问题类别列举", QT_TRANSLATE_NOOP(
        "Placeholder", "一是…（N个）；二是…: the problem categories recorded"), _problem_categories),
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
       lambda c: _counted(c.figures.publicity_by_kind, PUBLICITY_PHRASES, vocab.PUBLICITY_KINDS)),
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


# --- the sections and their default wording ------------------------------------------------

@dataclass(frozen=True)
class Section:
    key: str
    label: str  # English source (context "Summary"), shown translated in the window
    default: str
    needs: Callable[[fig.Figures], bool] = lambda f: True  # a default section without records is left out


SECTIONS: tuple[Section, ...] = (
    Section("title", QT_TRANSLATE_NOOP("Summary", "Document title"), "{单位名称}“{活动名称}”活动总结"),
    Section("opening", QT_TRANSLATE_NOOP("Summary", "Opening paragraph"), (
        "{开始日期}以来，{单位名称}按照上级统一部署，在{全单位}范围内全面开展“{活动名称}”活动。{活动目标}"
        "活动中，我们精心组织、统筹兼顾、注重实效，各阶段工作健康有序、扎实有效推进，取得了实实在在的成效。"
        "现将活动开展情况总结如下：")),
    Section("overview", QT_TRANSLATE_NOOP("Summary", "Basic situation"), (
        "一、基本情况\n"
        "活动开展以来，{我单位}先后组织{学习会议分类}，应到{应到人次}人次、实到{实到人次}人次，出勤率{出勤率}；"
        "干部职工撰写{学习成果分类}；{宣传信息分类}。{全单位}征集意见建议{征集意见建议条数}条，"
        "梳理归并为{类别数}大类{归并条目数}条；查摆问题{整改问题数}个，已整改销号{已销号数}个，"
        "使干部思想上大提升、作风上大转变、工作上大进步。")),
    Section("practices", QT_TRANSLATE_NOOP("Summary", "Main practices"), (
        "二、主要做法\n"
        "在“{活动名称}”活动中，我们把活动作为推动各项工作的重要契机，认真学习讨论，深刻查摆问题，"
        "落实整改措施，使观念上有了新飞跃，思想上有了新突破，工作上有了新标准，作风上有了新改进，"
        "能力上有了新提高。")),
    Section("mobilization", QT_TRANSLATE_NOOP("Summary", "Publicity and mobilisation"), (
        "（一）宣传发动，统一思想。{动员部署会议}会议传达了上级会议及文件精神，明确了活动的时间安排和方法步骤，"
        "要求全体干部集中精力、集中时间抓好学习，统一思想认识，理清工作思路，振作精神状态，"
        "营造了解放思想、加快发展的浓厚氛围。"),
        lambda f: f.sessions_by_kind["mobilization"] > 0),
    Section("study", QT_TRANSLATE_NOOP("Summary", "Concentrated study"), (
        "（二）集中学习，提升能力。坚持集中学习与个人自学相结合，领导班子集中学习{领导班子集中学习次数}次、"
        "全体干部集中学习{全体干部集中学习次数}次、召开专题讨论会{专题讨论会次数}次，严格执行学习点到和请销假制度，"
        "出勤率{出勤率}。干部职工紧密联系思想实际和工作实际，撰写心得体会{心得体会篇数}篇、调研报告{调研报告篇数}篇，"
        "学习笔记累计{学习笔记字数}字，学习笔记和心得体会逐一检查验收，做到学习时间、学习人员、学习内容三到位。"
        "{外出学习考察}"),
        lambda f: f.sessions > 0 or f.writings > 0),
    Section("visits", QT_TRANSLATE_NOOP("Summary", "Visits to households"), (
        "（三）走访入户，倾听民声。{全单位}干部多次集中深入村组，采取{走访方式}等多种形式，"
        "开展“大走访、大帮扶、大服务”活动，做到提户知人、提人知事、提事知情。"
        "活动期间，共深入{村数}个村（社区）走访农户{走访户数}户、{走访户次}户次，"
        "{全单位}共有农户{总户数}户，走访覆盖率{覆盖率}。{各村覆盖情况}"
        "对走访征集到的问题形成问题清单，建立整改台账，实行销号整改，着力办成一批群众最期盼的民生实事。"),
        lambda f: f.visits > 0),
    Section("suggestions", QT_TRANSLATE_NOOP("Summary", "Collecting suggestions"), (
        "（四）广泛征集，集思广益。{座谈会议}我们把征求意见作为一次学习再提高的过程，"
        "共征集意见建议{征集意见建议条数}条，其中{意见建议来源}。将收集的意见建议进行梳理归纳，"
        "分类整理成{类别数}大类{归并条目数}条，即{意见建议分类}。逐一研究分析，逐项明确责任部门和办理时限，"
        "截至目前已办结答复{已答复条数}条，其中采纳（含部分采纳）{已采纳条数}条，"
        "做到件件有落实、件件有回应。"),
        lambda f: f.suggestions > 0),
    Section("rectification", QT_TRANSLATE_NOOP("Summary", "Rectifying problems"), (
        "（五）正视问题，狠抓整改。在活动中，{我单位}干部存在的突出问题主要有：{问题类别列举}。"
        "针对存在的问题，{我单位}形成问题清单，建立整改台账，明确责任部门、责任人和整改时限，实行销号管理。"
        "共查摆问题{整改问题数}个，已完成整改销号{已销号数}个，正在整改{整改中数}个，长期坚持{长期坚持数}个，"
        "尚未启动{未启动数}个{超期情况}。整改任务落实到{责任部门}等部门，确保整改真正落到实处。"),
        lambda f: f.rectifications > 0),
    Section("publicity", QT_TRANSLATE_NOOP("Summary", "Publicity and guidance"), (
        "（六）宣传引导，营造氛围。坚持把宣传引导贯穿活动始终，{宣传信息分类}，"
        "及时报道活动的安排部署和进展情况，大力宣传先进典型经验，营造了思想大解放、观念大更新的浓厚氛围。"),
        lambda f: f.publicity > 0),
    Section("next_steps", QT_TRANSLATE_NOOP("Summary", "Next steps"), (
        "三、下一步打算\n"
        "在“{活动名称}”活动中，我们虽然做了一些工作，也取得了初步成效，但与上级的要求相比还存在一定差距。"
        "下一步，{我单位}将继续坚持边学、边查、边改的原则，把活动作为一项长期工作抓下去：一是持续抓好学习，"
        "巩固活动成果；二是盯紧整改台账，对尚未完成的{未完成整改数}个问题逐项跟踪、按期销号；"
        "三是建立长效机制，不断转变思想作风和工作作风，以新的面貌推动各项工作再上新台阶。")),
    Section("signature", QT_TRANSLATE_NOOP("Summary", "Signature and date"), "{单位名称}\n{成文日期}"),
)
SECTION_KEYS = tuple(section.key for section in SECTIONS)
_BY_KEY = {section.key: section for section in SECTIONS}


def section(key: str) -> Section:
    return _BY_KEY[key]


# --- the office's own wording (SummaryText) ----------------------------------------------------

def saved_wording(campaign: UUID) -> dict[str, str]:
    """The sections the office worded itself for ``campaign``: {key: text}."""
    return {row.section: row.text for row in r.SummaryText.select().where(
        r.SummaryText.campaign == campaign, r.SummaryText.deleted_at.is_null())}


def wording(campaign: UUID) -> dict[str, str]:
    """Every section's wording: the office's own where it has one, else the default."""
    saved = saved_wording(campaign)
    return {s.key: saved.get(s.key, s.default) for s in SECTIONS}


def save_wording(campaign: UUID, key: str, text: str) -> None:
    """Keep the office's wording of a section; the default wording itself is not stored.

    A text equal to the default is not a wording of the office's own: the
    section goes on following the default (and its improvements).
    """
    text = (text or "").replace("\r\n", "\n").strip()
    row = r.SummaryText.get_or_none(r.SummaryText.campaign == campaign, r.SummaryText.section == key)
    if text == section(key).default.strip():
        reset_wording(campaign, key)
        return
    if row is not None and row.deleted_at is not None:
        store.restore(row)
    if row is None or row.text != text or row.deleted_at is not None:
        store.save(r.SummaryText, {"campaign": campaign, "section": key, "text": text}, row)


def reset_wording(campaign: UUID, key: str) -> None:
    """Back to the default wording (the office's text goes to the recycle bin's table)."""
    row = r.SummaryText.get_or_none(r.SummaryText.campaign == campaign, r.SummaryText.section == key,
                                    r.SummaryText.deleted_at.is_null())
    if row is not None:
        store.delete(row)


# --- from wording to the document's blocks -----------------------------------------------------

_CN = "一二三四五六七八九十"
_LEVEL1 = re.compile(rf"^([{_CN}]+)、\s*(.*)$")
_LEVEL2 = re.compile(rf"^[（(]([{_CN}]+)[）)]\s*(.*)$")
_LEVEL3 = re.compile(r"^(\d+)([.．、])\s*(.*)$")


@dataclass
class Block:
    kind: str  # title, heading, body, signature
    text: str
    level: int = 0  # of a heading, or of the run-in heading of a body paragraph
    run_in: str = ""


def _split_run_in(rest: str) -> tuple[str, str]:
    """("宣传发动，积极动员。", "正文…") when a sentence follows the heading on its line."""
    end = rest.find("。")
    if 0 <= end < len(rest) - 1:
        return rest[:end + 1], rest[end + 1:]
    return rest, ""


def blocks_of(text: str) -> list[Block]:
    """The paragraphs of one section's filled text, with their headings recognised."""
    blocks = []
    for line in (text or "").split("\n"):
        line = line.strip()
        if not line:
            continue
        if match := _LEVEL1.match(line):
            blocks.append(Block("heading", match.group(2), 1))
        elif match := _LEVEL2.match(line):
            head, body = _split_run_in(match.group(2))
            blocks.append(Block("body", body, 2, head) if body else Block("heading", head, 2))
        elif match := _LEVEL3.match(line):
            head, body = _split_run_in(match.group(3))
            blocks.append(Block("body", body, 3, match.group(2) + head) if body
                          else Block("heading", match.group(2) + head, 3))
        else:
            blocks.append(Block("body", line))
    return blocks


def number(blocks: list[Block]) -> list[Block]:
    """Number the headings again in document order: 一、（一）1. with no gaps."""
    counters = [0, 0, 0, 0]
    for block in blocks:
        level = block.level
        if not level:
            continue
        counters[level] += 1
        for lower in range(level + 1, 4):
            counters[lower] = 0
        n = counters[level]
        prefix = {1: f"{cn_number(n)}、", 2: f"（{cn_number(n)}）", 3: str(n)}[level]
        if block.kind == "heading":
            block.text = prefix + block.text
        else:
            block.run_in = prefix + block.run_in
    return blocks


@dataclass
class Composition:
    """The summary as blocks, with the placeholders it did not know."""

    title: str
    blocks: list[Block]
    signature: tuple[str, str]
    unknown: list[str]


def compose(options: SummaryOptions, context: Context | None = None) -> Composition:
    context = context or Context.build(options)
    texts, saved = wording(options.campaign), saved_wording(options.campaign)
    unknown: list[str] = []
    cache: dict[str, str] = {}

    def filled(key: str) -> str:
        result = fill(texts[key], context, cache)
        unknown.extend(name for name in result.unknown if name not in unknown)
        return result.text

    title = filled("title").strip()
    blocks: list[Block] = []
    for s in SECTIONS:
        if s.key in ("title", "signature"):
            continue
        if s.key not in saved and not s.needs(context.figures):
            continue
        blocks.extend(blocks_of(filled(s.key)))
    lines = [line.strip() for line in filled("signature").split("\n") if line.strip()]
    signature = (lines[0] if lines else "", "\n".join(lines[1:]))
    return Composition(title, number(blocks), signature, unknown)


# --- the document ----------------------------------------------------------------------------

@dataclass
class SummaryResult:
    path: Path
    unknown: list[str]  # placeholders left visible as 【名称】


def write_summary(path: str | Path, options: SummaryOptions) -> SummaryResult:
    """Write the summary of ``options`` to ``path`` (.docx), atomically."""
    composition = compose(options)
    document = OfficialDocument()
    document.document.core_properties.title = clean(composition.title.replace("\n", ""))
    document.title(composition.title)
    for block in composition.blocks:
        if block.kind == "heading":
            document.heading(block.level, block.text)
        else:
            document.paragraph(block.text, block.run_in, block.level or 2)
    document.signature(*composition.signature)
    return SummaryResult(document.save(path), composition.unknown)
