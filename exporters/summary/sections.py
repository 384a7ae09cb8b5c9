"""The sections of a summary and their default wording, modelled on the seeds' two real summaries.

A default section whose records are all missing (``Section.needs``), such as
visits for a county bureau, is left out of the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from models import figures as fig
from models.i18n import QT_TRANSLATE_NOOP


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
        "活动开展以来，{我单位}先后组织{学习会议分类}；各类学习会议应到{应到人次}人次、实到{实到人次}人次，出勤率{出勤率}；"
        "干部职工撰写{学习成果分类}；{宣传信息分类}。{全单位}征集意见建议{征集意见建议条数}条，"
        "梳理归并为{类别数}大类{归并条目数}条；查摆问题{整改问题数}个，已整改销号{已销号数}个；"
        "走访农户{走访户数}户，走访覆盖率{覆盖率}。"
        "通过活动，干部思想上大提升、作风上大转变、工作上大进步。")),
    Section("practices", QT_TRANSLATE_NOOP("Summary", "Main practices"), (
        "二、主要做法\n"
        "在“{活动名称}”活动中，我们把活动作为推动各项工作的重要契机，认真学习讨论，深刻查摆问题，"
        "落实整改措施，使观念上有了新飞跃，思想上有了新突破，工作上有了新标准，作风上有了新改进，"
        "能力上有了新提高。")),
    Section("mobilization", QT_TRANSLATE_NOOP("Summary", "Publicity and mobilisation"), (
        "（一）宣传发动，统一思想。{重要会议}会议传达了上级会议及文件精神，明确了活动的时间安排和方法步骤，"
        "要求全体干部集中精力、集中时间抓好学习，统一思想认识，理清工作思路，振作精神状态，"
        "营造了解放思想、加快发展的浓厚氛围。"),
        lambda f: f.sessions_by_kind["mobilization"] + f.sessions_by_kind["forum"] > 0),
    Section("study", QT_TRANSLATE_NOOP("Summary", "Concentrated study"), (
        "（二）集中学习，提升能力。坚持集中学习与个人自学相结合，领导班子集中学习{领导班子集中学习次数}次、"
        "全体干部集中学习{全体干部集中学习次数}次、召开专题讨论会{专题讨论会次数}次，"
        "严格执行学习点到和请销假制度，出勤率{出勤率}。干部职工紧密联系思想实际和工作实际，"
        "{撰写学习笔记人数}名干部每人撰写学习笔记{学习笔记最少字数:整}字以上、累计{学习笔记字数}字，"
        "撰写心得体会{心得体会篇数}篇；班子成员每人至少撰写调研报告{班子成员每人调研报告篇数}篇、"
        "共{班子成员调研报告篇数}篇；已检查验收学习成果{已检查验收篇数}篇。{外出学习考察}"),
        lambda f: f.sessions > 0 or f.writings > 0),
    Section("visits", QT_TRANSLATE_NOOP("Summary", "Visits to households"), (
        "（三）走访入户，倾听民声。{全单位}干部多次集中深入村组，采取{走访方式}等多种形式，"
        "开展“大走访、大帮扶、大服务”活动，做到提户知人、提人知事、提事知情。"
        "活动期间，共走访农户{走访户数}户、{走访户次}户次，{村数}个村（社区）共有农户{总户数}户，"
        "走访覆盖率{覆盖率}，其中{走访全覆盖村数}个村（社区）实现走访全覆盖。{各村覆盖情况}"
        "对走访中发现的{走访发现问题数}个问题，形成问题清单、建立整改台账、实行销号整改，"
        "着力办成一批群众最期盼的民生实事。"),
        lambda f: f.visits > 0),
    Section("suggestions", QT_TRANSLATE_NOOP("Summary", "Collecting suggestions"), (
        "（四）广泛征集，集思广益。我们把征求意见作为一次学习再提高的过程，"
        "共征集意见建议{征集意见建议条数}条，其中{意见建议来源}。将收集的意见建议进行梳理归纳，"
        "分类整理成{类别数}大类{归并条目数}条，即{意见建议分类}。逐一研究分析，逐项明确责任部门和办理时限，"
        "截至目前已办结答复{已答复条数}条，其中采纳（含部分采纳）{已采纳条数}条；{办理中条数}条正在办理。"),
        lambda f: f.suggestions > 0),
    Section("rectification", QT_TRANSLATE_NOOP("Summary", "Rectifying problems"), (
        "（五）正视问题，狠抓整改。在活动中，{我单位}干部存在的突出问题主要有：{问题类别列举}。"
        "针对存在的问题，{我单位}形成问题清单，建立整改台账，明确责任部门、责任人和整改时限，实行销号管理。"
        "共查摆问题{整改问题数}个，已完成整改销号{已销号数}个，正在整改{整改中数}个，长期坚持{长期坚持数}个，"
        "尚未启动{未启动数}个；{超期数}个已超过整改时限，正督促加快推进。"
        "整改任务落实到{责任部门}等部门，确保整改真正落到实处。"),
        lambda f: f.rectifications > 0),
    Section("publicity", QT_TRANSLATE_NOOP("Summary", "Publicity and guidance"), (
        "（六）宣传引导，营造氛围。坚持把宣传引导贯穿活动始终，{宣传信息分类}。"
        "在{本单位媒体}刊发新闻稿件{本单位媒体稿件数}篇，向{上级媒体}等媒体报送新闻稿件{上级媒体稿件数}篇，"
        "及时报道活动的安排部署和进展情况，大力宣传先进典型经验，营造了思想大解放、观念大更新的浓厚氛围。"),
        lambda f: f.publicity > 0),
    Section("next_steps", QT_TRANSLATE_NOOP("Summary", "Next steps"), (
        "三、下一步打算\n"
        "在“{活动名称}”活动中，我们虽然做了一些工作，也取得了初步成效，但与上级的要求相比还存在一定差距。"
        "下一步，{我单位}将继续坚持边学、边查、边改的原则，把活动作为一项长期工作抓下去：一是持续抓好学习，"
        "巩固活动成果；二是盯紧整改台账，坚持问题不解决不销号；三是建立长效机制，不断转变思想作风和工作作风，"
        "以新的面貌推动各项工作再上新台阶。目前尚有{未完成整改数}个问题未完成整改，将逐项跟踪、按期销号。")),
    Section("signature", QT_TRANSLATE_NOOP("Summary", "Signature and date"), "{单位名称}\n{成文日期}"),
)
SECTION_KEYS = tuple(section.key for section in SECTIONS)
_BY_KEY = {section.key: section for section in SECTIONS}


def section(key: str) -> Section:
    return _BY_KEY[key]
