"""Minutes of one session (会议记录), in the official layout, as a form the office files.

The form has what a 会议记录 page in a ledger has: 会议名称, 时间, 地点, 主持人,
记录人, 应到 / 实到, the names of those present, on leave (with the reasons)
and absent, 会议内容, and signature lines for 主持人 and 记录人.
"""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from exporters import ExportError
from exporters.official import TABLE_TEXT, OfficialDocument, clean, zh_date
from models import ranks, vocab
from models import records as r
from models.i18n import translate

TITLE = "会议记录"
WIDTHS_MM = [27, 51, 27, 51]  # the 156 mm of the text block
NONE = "无"
SIGN_HOST, SIGN_RECORDER = "主持人\n（签字）", "记录人\n（签字）"


def attendance_of(session: r.Session) -> dict[str | None, list[tuple[str, str]]]:
    """{status: [(name, reason)]} of the persons expected, in the order of their posts, in one query."""
    rows = (r.Attendance.select(r.Attendance.status, r.Attendance.reason, r.Person.name, r.Person.title,
                                r.Person.leader)
            .join(r.Person)
            .where(r.Attendance.session == session.id, r.Attendance.deleted_at.is_null()).tuples())
    ranking = ranks.Ranking()
    ranked = [(ranking.key(name, title, leader), status, reason, name)
              for status, reason, name, title, leader in rows]
    marks: dict[str | None, list[tuple[str, str]]] = {}
    for _rank, status, reason, name in sorted(ranked, key=lambda entry: entry[0]):
        marks.setdefault(status, []).append((name, reason or ""))
    return marks


def _names(entries: list[tuple[str, str]], with_reason: bool = False, mark: str = "") -> list[str]:
    names = []
    for name, reason in entries:
        if with_reason and reason:
            names.append(f"{name}（{reason}）")
        else:
            names.append(name + mark)
    return names


def _time(session: r.Session) -> str:
    text = zh_date(session.date)
    if session.start_time:
        text += f" {session.start_time:%H:%M}"
        if session.end_time:
            text += f"—{session.end_time:%H:%M}"
    return text


class _Form:
    """Rows of a two- or four-column form, added one by one (linear: no table.cell())."""

    def __init__(self, document: OfficialDocument):
        self.document = document
        self.table = document.table(WIDTHS_MM)

    def row(self, *pairs: tuple[str, str], height_mm: float | None = None, split: bool = False,
            keep_with_next: bool = False) -> None:
        """One row of the form; no row but free text (``split``) is divided between two pages, and a row
        ``keep_with_next`` stays on the page of the next (the signatures are never alone on a page)."""
        cells = self.document.add_row(self.table, split=split)
        if height_mm:
            row = self.document.last_row
            row.height = Mm(height_mm)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        if len(pairs) == 1:
            (label, value), = pairs
            self._text(cells[0], label, label=True)
            self._text(cells[1].merge(cells[3]), value)
        else:
            for index, (label, value) in enumerate(pairs):
                self._text(cells[2 * index], label, label=True)
                self._text(cells[2 * index + 1], value)
        if keep_with_next:
            for cell in cells:
                cell.paragraphs[-1].paragraph_format.keep_with_next = True

    @staticmethod
    def _text(cell, text: str, label: bool = False) -> None:
        lines = clean(text).split("\n") or [""]
        paragraph = cell.paragraphs[0]
        paragraph.style = TABLE_TEXT
        paragraph.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line, style=TABLE_TEXT)
        if label:
            for each in cell.paragraphs:
                each.alignment = WD_ALIGN_PARAGRAPH.CENTER
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def write_minutes(path: str | Path, session_id: UUID) -> Path:
    """The minutes of session ``session_id`` to ``path`` (.docx), atomically."""
    session = r.Session.get_or_none(r.Session.id == session_id)
    if session is None or session.deleted_at is not None:
        raise ExportError(translate("Export", "The session no longer exists; choose another one."))
    document = OfficialDocument()
    document.set_title(f"{session.topic}{TITLE}")
    document.title(TITLE)
    form = _Form(document)
    _session_rows(form, session)
    _attendance_rows(form, attendance_of(session))
    closing = [("会议内容", session.content, 50)]
    if session.remarks:
        closing.append(("备　　注", session.remarks, 0))
    for index, (label, text, height) in enumerate(closing):
        last = index == len(closing) - 1
        form.row((label, text), height_mm=height or None, split=True, keep_with_next=last)
    form.row((SIGN_HOST, ""), (SIGN_RECORDER, ""), height_mm=14)
    return document.save(path)


def _session_rows(form: _Form, session: r.Session) -> None:
    """名称, 时间, 地点, 类型 and 阶段, 主持人 and 记录人; 主讲人 and the tour's destination if any."""
    form.row(("会议名称", session.topic))
    form.row(("会议时间", _time(session)))
    form.row(("会议地点", session.place))
    form.row(("会议类型", vocab.SESSION_KINDS.zh(session.kind)),
             ("所属阶段", session.phase.name if session.phase_id else ""))
    form.row(("主持人", session.host.name if session.host_id else ""),
             ("记录人", session.recorder.name if session.recorder_id else ""))
    if session.speaker:
        form.row(("主讲人", session.speaker))
    if session.kind == "study_tour" or session.destination:
        form.row(("考察地点", session.destination),
                 ("考察人数", f"{session.head_count}人" if session.head_count else ""))


def _attendance_rows(form: _Form, marks: dict[str | None, list[tuple[str, str]]]) -> None:
    """应到 and 实到, and who was present, on leave (with the reason), absent or not yet marked.

    A session nobody was expected at has none of these rows.
    """
    present = _names(marks.get("present", [])) + _names(marks.get("late", []), mark="（迟到）")
    expected = sum(len(entries) for entries in marks.values())
    if not expected:
        return
    form.row(("应到人数", f"{expected}人"), ("实到人数", f"{len(present)}人"))
    form.row(("出席人员", "、".join(present) or NONE))
    form.row(("请假人员", "、".join(_names(marks.get("leave", []), with_reason=True)) or NONE))
    form.row(("缺席人员", "、".join(_names(marks.get("absent", []))) or NONE))
    if marks.get(None):
        form.row(("未登记", "、".join(_names(marks[None]))))
