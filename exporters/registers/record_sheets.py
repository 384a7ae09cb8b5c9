"""The registers of records: one printed sheet for each kind (学习会议台账, 走访台账 …).

Each register is a joined SQL query read as raw tuples and streamed into a
streamed sheet (XlsxWriter, constant memory), so a million visits take constant memory. Its records are
those of ``models.scope.where`` — the very records ``models.figures`` counts —
so every register holds exactly what the statistics sheet counts, and a
village's register only that village's records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import peewee
from peewee import JOIN, fn

from exporters.layout import SIGNOFF, Col, lines_of_names
from exporters.printed_sheet import PrintedSheet
from exporters.registers.context import Context, day
from exporters.safe import id_number_text, phone_text
from models import figures, sqlite, vocab
from models import records as r
from models.scope import where as scope_where


@dataclass(frozen=True)
class Register:
    """A register of one kind of record: its sheet, columns, scope and rows."""

    key: str
    sheet: str
    title: str
    columns: tuple[Col, ...]
    model: type[r.BaseModel]
    where: Callable[[figures.Scope], list[Any] | None]  # None: no rows in this scope
    query: Callable[[list[Any]], peewee.Select]
    rows: Callable[[Context, Iterable[tuple]], Iterator[tuple[list[Any], bool]]]  # (values, marked)
    personal: bool = False  # shows ID numbers or phones

    def count(self, scope: figures.Scope) -> int:
        where = self.where(scope)
        if where is None:
            return 0
        return self.model.select(fn.COUNT(self.model.id)).where(*where).scalar() or 0

    def write(self, sheet: PrintedSheet, context: Context) -> None:
        title = context.title(self.title)
        if self.personal and context.full:
            title += "（含完整身份证号、联系电话，注意保密）"
        sheet.start(title, *context.info())
        where = self.where(context.scope)
        if where is not None:
            cursor = r.database.execute(self.query(where))
            for number, (values, marked) in enumerate(self.rows(context, cursor), 1):
                sheet.row([number, *values], marked=marked)
                context.progress.step()
        sheet.finish(SIGNOFF)


def _labels(vocabulary: vocab.Vocabulary) -> dict[str | None, str]:
    labels: dict[str | None, str] = {code: vocabulary.zh(code) for code in vocabulary}
    labels[None] = ""
    return labels


def _where(model: type[r.BaseModel]) -> Callable[[figures.Scope], list[Any] | None]:
    return lambda scope: scope_where(model, scope)


def _terms(vocabulary: vocab.Vocabulary) -> tuple[str, ...]:
    return tuple(vocabulary.zh(code) for code in vocabulary)


Host, Recorder = r.Person.alias("host"), r.Person.alias("recorder")
Author, Checker = r.Person.alias("author"), r.Person.alias("checker")
Submitter, Owner, Leader = r.Person.alias("submitter"), r.Person.alias("owner"), r.Person.alias("leader")
_Marks = r.Attendance.alias("marks")
_VisitorRow, _VisitorPerson = r.VisitVisitor.alias("vv"), r.Person.alias("vp")
_Raised = r.Rectification.alias("raised")


def _sessions_query(where: list[Any]) -> peewee.Select:
    S, marks = r.Session, _Marks.status
    return (S.select(S.date, S.start_time, S.end_time, S.kind, S.topic, S.place, Host.name, S.speaker,
                     fn.COUNT(_Marks.id), fn.COUNT(_Marks.id).filter(marks.in_(vocab.ATTENDED)),
                     fn.COUNT(_Marks.id).filter(marks == "leave"),
                     fn.COUNT(_Marks.id).filter(marks == "absent"),
                     fn.COUNT(_Marks.id).filter(marks.is_null(False)), Recorder.name, S.remarks,
                     r.Village.name)
            .join_from(S, Host, JOIN.LEFT_OUTER, on=(S.host == Host.id))
            .join_from(S, Recorder, JOIN.LEFT_OUTER, on=(S.recorder == Recorder.id))
            .join_from(S, _Marks, JOIN.LEFT_OUTER,
                       on=((_Marks.session == S.id) & _Marks.deleted_at.is_null()))
            .join_from(S, r.Village, JOIN.LEFT_OUTER, on=(S.village == r.Village.id))
            .where(*where).group_by(S.id).order_by(S.date, S.start_time, S.id))


UNRECORDED = "未登记"  # attendance not (fully) entered: never printed as 实到 0


def _session_rows(context: Context, cursor) -> Iterator[tuple[list[Any], bool]]:
    """One row a session; 应到 = 实到 + 请假 + 缺席, 出勤率 = 实到 ÷ 应到, or 未登记 (``models.figures``)."""
    kinds = _labels(vocab.SESSION_KINDS)
    for (date, start, end, kind, topic, place, host, speaker, expected, attended, leave, absent,
         entered, recorder, remarks, village) in cursor:
        time = "-".join(str(t)[:5] for t in (start, end) if t)
        held_for = f"{village}：" if village and context.scope.village is None else ""
        if expected and entered == expected:
            marks = [expected, attended, leave, absent, figures.rate(attended, expected)]
        else:
            marks = [expected or "", UNRECORDED, "", "", ""]
        yield ([day(date), time, kinds.get(kind, kind), held_for + topic, place, host or "", speaker, *marks,
                recorder or "", remarks], False)


def _writings_query(where: list[Any]) -> peewee.Select:
    W = r.Writing
    return (W.select(Author.name, Author.title, W.kind, W.title, W.length, W.date, Checker.name,
                     W.checked_on)
            .join_from(W, Author, on=(W.person == Author.id))
            .join_from(W, Checker, JOIN.LEFT_OUTER, on=(W.checked_by == Checker.id))
            .where(*where).order_by(W.date, Author.name, W.id))


def _writing_rows(context: Context, cursor) -> Iterator[tuple[list[Any], bool]]:
    kinds = _labels(vocab.WRITING_KINDS)
    for name, post, kind, title, length, date, checker, checked_on in cursor:
        checked = " ".join(part for part in (checker or "", str(checked_on or "")) if part)
        yield [name, post, kinds.get(kind, kind), title, length, day(date), checked], False


def _visits_query(where: list[Any]) -> peewee.Select:
    V, H = r.Visit, r.Household
    visitors = (_VisitorRow.select(sqlite.joined_text(_VisitorPerson.name))
                .join(_VisitorPerson, on=(_VisitorRow.person == _VisitorPerson.id))
                .where(_VisitorRow.visit == V.id))
    raised = fn.EXISTS(_Raised.select(_Raised.id).where(_Raised.visit == V.id,
                                                        _Raised.deleted_at.is_null()))
    return (V.select(V.date, r.Village.name, r.VillageGroup.name, H.head_name, H.id_number, H.phone,
                     H.population, H.tags, V.method, visitors, V.situation, V.requests, V.help_given,
                     raised, V.satisfaction)
            .join_from(V, H).join_from(H, r.Village)
            .join_from(H, r.VillageGroup, JOIN.LEFT_OUTER)
            .where(*where).order_by(V.date, V.id))


def _visit_rows(context: Context, cursor) -> Iterator[tuple[list[Any], bool]]:
    methods, satisfaction = _labels(vocab.VISIT_METHODS), _labels(vocab.SATISFACTION)
    tags = _labels(vocab.HOUSEHOLD_TAGS)
    full = context.full
    day = dt.date.fromisoformat
    for (date, village, group, head, id_number, phone, population, tag_codes, method, visitors,
         situation, requests, help_given, raised, satisfied) in cursor:
        yield ([day(date[:10]) if date else None, village, group or "", head,
                id_number_text(id_number, full), phone_text(phone, full), population,
                "、".join(tags.get(code, code) for code in tag_codes.split(",") if code) if tag_codes else "",
                methods.get(method, method), _visitor_lines(visitors), situation, requests, help_given,
                "是" if raised else "否", satisfaction.get(satisfied, satisfied)], False)


VISITORS_WIDTH = 13  # three visitors of two or three characters in two lines, as 家庭情况 takes


def _visitor_lines(visitors: str | None) -> str:
    """The visitors in lines that fit their column: a name never breaks across two lines (苏/忠)."""
    return lines_of_names(visitors.split("、"), VISITORS_WIDTH) if visitors else ""


def _suggestions_query(where: list[Any]) -> peewee.Select:
    S = r.Suggestion
    return (S.select(S.date, fn.COALESCE(Submitter.name, S.submitter_name), S.source, r.Category.name,
                     S.content, r.SuggestionItem.title, S.status, S.department, S.handling, S.reply,
                     S.reply_date)
            .join_from(S, Submitter, JOIN.LEFT_OUTER, on=(S.submitter == Submitter.id))
            .join_from(S, r.Category, JOIN.LEFT_OUTER)
            .join_from(S, r.SuggestionItem, JOIN.LEFT_OUTER, on=(
                (S.item == r.SuggestionItem.id) & r.SuggestionItem.deleted_at.is_null()))
            .where(*where).order_by(S.date, S.id))


def _suggestion_rows(context: Context, cursor) -> Iterator[tuple[list[Any], bool]]:
    sources, statuses = _labels(vocab.SUGGESTION_SOURCES), _labels(vocab.SUGGESTION_STATUSES)
    for (date, submitter, source, category, content, item, status, department, handling, reply,
         reply_date) in cursor:
        answer = "；".join(part for part in (handling, reply) if part)
        yield ([day(date), submitter or "", sources.get(source, source), category or "", content,
                item or "", statuses.get(status, status), department, answer, day(reply_date)], False)


def _rectifications_query(where: list[Any]) -> peewee.Select:
    R = r.Rectification
    return (R.select(R.source, r.Category.name, R.problem, R.measures, R.department, Owner.name,
                     Leader.name, R.deadline, R.progress, R.status, R.completed_on, R.evidence,
                     R.verified_by)
            .join_from(R, r.Category, JOIN.LEFT_OUTER)
            .join_from(R, Owner, JOIN.LEFT_OUTER, on=(R.person == Owner.id))
            .join_from(R, Leader, JOIN.LEFT_OUTER, on=(R.leader == Leader.id))
            .where(*where).order_by(R.recorded_on, R.id))


OVERDUE_MARK = "（已逾期）"


def _rectification_rows(context: Context, cursor) -> Iterator[tuple[list[Any], bool]]:
    sources, statuses = _labels(vocab.RECTIFICATION_SOURCES), _labels(vocab.RECTIFICATION_STATUSES)
    for (source, category, problem, measures, department, person, leader, deadline, progress, status,
         completed, evidence, verified_by) in cursor:
        due = day(deadline)
        # the rule of models.counting.overdue: past the deadline and not finished on the document's date
        late = due is not None and due < context.today and status in vocab.RECTIFICATION_OPEN
        label = statuses.get(status, status) + (OVERDUE_MARK if late else "")
        yield ([sources.get(source, source), category or "", problem, measures, department,
                person or "", leader or "", due, progress, label, day(completed), evidence, verified_by],
               late)


def _publicity_query(where: list[Any]) -> peewee.Select:
    P = r.Publicity
    return P.select(P.date, P.kind, P.title, P.outlet).where(*where).order_by(P.date, P.id)


def _publicity_rows(context: Context, cursor) -> Iterator[tuple[list[Any], bool]]:
    kinds = _labels(vocab.PUBLICITY_KINDS)
    for date, kind, title, outlet in cursor:
        yield [day(date), kinds.get(kind, kind), title, outlet], False


NUMBER = Col("序号", 5, "int", ("000000",))
DATE = ("2026-12-31",)

RECORD_REGISTERS = {register.key: register for register in (
    Register("sessions", "学习会议", "学习会议台账", (
        NUMBER, Col("日期", 10, "date", DATE), Col("时间", 11, "center", ("00:00-00:00",)),
        Col("类型", 14, "center", _terms(vocab.SESSION_KINDS)), Col("主题", 28), Col("地点", 16),
        Col("主持人", 7, "center"), Col("主讲/领学人", 8, "center"), Col("应到", 5, "int", ("000",)),
        Col("实到", 5, "int", (UNRECORDED,)), Col("请假", 5, "int", ("000",)),
        Col("缺席", 5, "int", ("000",)),
        Col("出勤率", 7, "percent", ("100.0%",)), Col("记录人", 7, "center"), Col("备注", 10)),
        r.Session, _where(r.Session), _sessions_query, _session_rows),
    Register("writings", "学习成果", "学习成果登记表", (
        NUMBER, Col("姓名", 9, "center"), Col("职务", 18),
        Col("类型", 11, "center", _terms(vocab.WRITING_KINDS)),
        Col("题目", 40), Col("字数", 8, "int", ("000000",)), Col("完成日期", 10, "date", DATE),
        Col("检查验收", 20, "center")),
        r.Writing, _where(r.Writing), _writings_query, _writing_rows),
    Register("visits", "走访台账", "走访台账", (
        NUMBER, Col("走访日期", 10, "date", DATE), Col("村（社区）", 10, "center"), Col("组", 5, "center"),
        Col("户主", 7, "center"), Col("身份证号", 19, "id", ("000000000000000000",)),
        Col("联系电话", 12, "id", ("00000000000",)), Col("家庭人口", 6, "int"),
        Col("户类别", 10, "center", _terms(vocab.HOUSEHOLD_TAGS)),
        Col("走访方式", 8, "center", _terms(vocab.VISIT_METHODS)), Col("走访人", VISITORS_WIDTH, "center"),
        Col("家庭情况", 24), Col("诉求", 14), Col("帮扶/办理情况", 16), Col("是否转整改", 6, "center"),
        Col("满意度", 7, "center", _terms(vocab.SATISFACTION))),
        r.Visit, _where(r.Visit), _visits_query, _visit_rows, personal=True),
    Register("suggestions", "意见建议", "意见建议台账", (
        NUMBER, Col("收集日期", 10, "date", DATE), Col("提出人", 8, "center"),
        Col("来源", 8, "center", _terms(vocab.SUGGESTION_SOURCES)), Col("类别", 12, "center"),
        Col("内容", 30),
        Col("归并条目", 18), Col("办理状态", 8, "center", _terms(vocab.SUGGESTION_STATUSES)),
        Col("责任科室", 10, "center"), Col("办理/答复情况", 26), Col("答复日期", 10, "date", DATE)),
        r.Suggestion, _where(r.Suggestion), _suggestions_query, _suggestion_rows),
    Register("rectifications", "问题整改", "问题整改台账", (
        NUMBER, Col("问题来源", 8, "center", _terms(vocab.RECTIFICATION_SOURCES)),
        Col("问题类别", 12, "center"),
        Col("问题描述", 22), Col("整改措施", 22), Col("责任单位", 10, "center"), Col("责任人", 7, "center"),
        Col("责任领导", 7, "center"), Col("整改时限", 10, "date", DATE), Col("进展", 14),
        Col("状态", 10, "center",
            tuple(term + OVERDUE_MARK for term in _terms(vocab.RECTIFICATION_STATUSES))),
        Col("销号日期", 10, "date", DATE), Col("佐证材料", 14), Col("验收人", 7, "center")),
        r.Rectification, _where(r.Rectification), _rectifications_query, _rectification_rows),
    Register("publicity", "宣传信息", "宣传信息登记表", (
        NUMBER, Col("日期", 10, "date", DATE), Col("类型", 12, "center", _terms(vocab.PUBLICITY_KINDS)),
        Col("题目", 60), Col("刊发媒体", 30)),
        r.Publicity, _where(r.Publicity), _publicity_query, _publicity_rows),
)}
