"""The sentences a placeholder gives: each kind of record with its verb, as the seeds write them.

"领导班子集中学习4次，全体干部集中学习32次", "2月9日，召开动员部署会", "其中龙潭村走访
120户、覆盖率96.5%": built from the figures of a ``Context``.
"""

from __future__ import annotations

from collections.abc import Iterable

from exporters.summary.context import Context
from exporters.summary.numbers import ordinal_list, percent
from models import vocab

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


def counted(counter, phrases: dict[str, str], codes: Iterable[str], extra=None) -> str:
    """"领导班子集中学习4次，全体干部集中学习32次": the kinds recorded, in the vocabulary's order.

    With nothing recorded the first phrase says 0, so the sentence still reads.
    """
    parts = []
    for code in codes:
        if counter[code]:
            part = phrases[code].format(n=counter[code])
            parts.append(part + (extra(code) if extra else ""))
    return "，".join(parts) if parts else next(iter(phrases.values())).format(n=0)


def writings(c: Context) -> str:
    def characters(code: str) -> str:
        chars = c.figures.notes_characters
        return f"（共{chars}字）" if code == "notes" and chars else ""
    text = counted(c.figures.writings_by_kind, WRITING_PHRASES, vocab.WRITING_KINDS, characters)
    return text.replace("，", "、")


def meetings(c: Context, kinds: tuple[str, ...]) -> str:
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


def coverage(c: Context) -> str:
    parts = [f"{v.name}走访{v.visited}户、覆盖率{percent(v.rate)}" for v in c.figures.coverage]
    return "其中" + "，".join(parts) + "。" if parts else ""


def methods(c: Context) -> str:
    ranked = sorted((code for code in vocab.VISIT_METHODS if c.figures.visits_by_method[code]),
                    key=lambda code: -c.figures.visits_by_method[code])
    return "、".join(VISIT_METHOD_NAMES[code] for code in ranked) or VISIT_METHOD_NAMES["home"]


def method_counts(c: Context) -> str:
    phrases = {code: name + "{n}户次" for code, name in VISIT_METHOD_NAMES.items()}
    return counted(c.figures.visits_by_method, phrases, vocab.VISIT_METHODS).replace("，", "、")


def suggestion_categories(c: Context) -> str:
    parts = [f"{entry.name or '其他'}方面{entry.count}条（归并为{entry.items}条）"
             for entry in c.figures.suggestions_by_category]
    return "、".join(parts) or "暂无"


def problem_categories(c: Context) -> str:
    parts = [f"{entry.name or '其他方面的问题'}（{entry.count}个）"
             for entry in c.figures.rectifications_by_category]
    return ordinal_list(parts) if parts else "暂无"


def overdue(c: Context) -> str:
    n = c.figures.rectifications_overdue
    return f"，其中{n}个已超过整改时限，正督促加快推进" if n else ""


def aims(c: Context) -> str:
    aims = (c.campaign.aims or "").strip()
    return aims + "。" if aims and aims[-1] not in "。！？；.!?" else aims
