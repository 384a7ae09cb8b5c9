"""The sentences a placeholder gives: each kind of record with its verb and unit, as the seeds write them.

"领导班子集中学习4次，全体干部集中学习32次", "2月9日，召开动员部署会", "编发工作简报8期":
built from the figures of a ``Context``, every kind named by its term in
``models.vocab`` and counted in its unit. Nothing recorded gives an empty
sentence, never a zero: the clause that quotes it is left out of the summary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from exporters.summary.context import Context
from exporters.summary.numbers import ordinal_list, percent
from models import vocab

# The verb each kind is said with; the kind itself is its vocabulary term, its unit the vocabulary's.
SESSION_VERBS = {"leader_study": "", "staff_study": "", "seminar": "召开", "mobilization": "召开",
                 "party_meeting": "召开", "staff_meeting": "召开", "forum": "召开", "study_tour": "",
                 "research": "开展", "other": "开展"}
PUBLICITY_VERBS = {"article": "报送", "briefing": "编发", "column": "开设", "interview": "开展",
                   "feature": "制作"}
SOURCE_PHRASES = {"staff": "{term}提出{n}条", "public": "{term}反映{n}条", "visit": "{term}收集{n}条",
                  "forum": "{term}征集{n}条", "box": "{term}收集{n}条"}
COVERAGE_IN_TEXT = 5  # with more villages than this, each one's coverage goes in a table of the annex


def _phrases(vocabulary: vocab.Vocabulary, verbs: dict[str, str]) -> dict[str, str]:
    suffix = {"other": "学习活动"}
    return {code: f"{verbs[code]}{vocabulary.zh(code)}{suffix.get(code, '')}{{n}}{vocabulary.unit(code)}"
            for code in vocabulary}


SESSION_PHRASES = _phrases(vocab.SESSION_KINDS, SESSION_VERBS)
PUBLICITY_PHRASES = _phrases(vocab.PUBLICITY_KINDS, PUBLICITY_VERBS)
WRITING_PHRASES = {code: f"{vocab.WRITING_KINDS.zh(code)}{{n}}{vocab.WRITING_KINDS.unit(code)}"
                   for code in vocab.WRITING_KINDS}


def counted(counter, phrases: dict[str, str], codes: Iterable[str],
            extra: Callable[[str], str] | None = None, joiner: str = "，") -> str:
    """"领导班子集中学习4次，全体干部集中学习32次": the kinds recorded, in the vocabulary's order, or ""."""
    parts = []
    for code in codes:
        if counter[code]:
            term = vocab.SUGGESTION_SOURCES.zh(code) if phrases is SOURCE_PHRASES else ""
            part = phrases[code].format(n=counter[code], term=term)
            parts.append(part + (extra(code) if extra else ""))
    return joiner.join(parts)


def writings(c: Context) -> str:
    def characters(code: str) -> str:
        chars = c.figures.notes_characters
        return f"（共{chars}字）" if code == "notes" and chars else ""
    return counted(c.figures.writings_by_kind, WRITING_PHRASES, vocab.WRITING_KINDS, characters, joiner="、")


def meetings(c: Context, kinds: tuple[str, ...]) -> str:
    """Dated sentences of the key meetings of ``kinds``, by date: "2月9日，召开…部署会；2月23日，…。"."""
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
    """Each village's coverage in a sentence; with many villages, the lowest and the annex's table."""
    entries = [v for v in c.figures.coverage if v.households]
    if not entries or not c.figures.visits:
        return ""
    if len(entries) <= COVERAGE_IN_TEXT:
        each = [f"{v.name}走访{v.visited}户、覆盖率{percent(v.rate)}" for v in entries]
        return "其中" + "，".join(each) + "。"
    rest = [v for v in entries if not v.complete]
    if "coverage" not in c.annexes:
        c.annexes.append("coverage")
    text = "各村（社区）走访覆盖情况见附件"
    if rest:
        low = min(rest, key=lambda v: (v.rate or 0.0, v.name))
        text = f"尚未全覆盖的{len(rest)}个村（社区）中，{low.name}覆盖率最低，为{percent(low.rate)}；" + text
    return text + "。"


def methods(c: Context) -> str:
    ranked = sorted((code for code in vocab.VISIT_METHODS if c.figures.visits_by_method[code]),
                    key=lambda code: -c.figures.visits_by_method[code])
    return "、".join(vocab.VISIT_METHODS.zh(code) for code in ranked)


def method_counts(c: Context) -> str:
    phrases = {code: vocab.VISIT_METHODS.zh(code) + "{n}" + vocab.VISIT_METHODS.unit(code)
               for code in vocab.VISIT_METHODS}
    return counted(c.figures.visits_by_method, phrases, vocab.VISIT_METHODS, joiner="、")


def suggestion_categories(c: Context) -> str:
    parts = [f"{entry.name or '其他'}方面{entry.count}条" + _merged(entry.items)
             for entry in c.figures.suggestions_by_category]
    return "、".join(parts)


def _merged(items: int) -> str:
    return f"（归并为{items}条）" if items else ""


def problem_categories(c: Context) -> str:
    parts = [f"{entry.name or '其他方面的问题'}（{entry.count}个）"
             for entry in c.figures.rectifications_by_category]
    return ordinal_list(parts) if parts else ""


def overdue(c: Context) -> str:
    n = c.figures.rectifications_overdue
    return f"，其中{n}个已超过整改时限，正督促加快推进" if n else ""


def aims(c: Context) -> str:
    aims = (c.campaign.aims or "").strip()
    return aims + "。" if aims and aims[-1] not in "。！？；.!?" else aims
