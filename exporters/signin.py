"""The sign-in sheet (会议签到表) of one study session, printed before the meeting.

The unit's name heads it; the expected persons are filled in, in the order of
their posts (``models.ranks``); the 签到 column is left empty and tall enough to
sign by hand, and so is 实到 at the foot — nobody has signed yet — beside 应到
and the 记录人. Leave asked for in advance is noted with its reason; nobody is
printed absent. Thirty names fit on one A4 portrait page; more continue on
further pages under the same header.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from uuid import UUID

import xlsxwriter

from exporters import ExportError
from exporters.layout import FONT
from exporters.printed_sheet import close
from exporters.safe import CellStyle, atomic_target, write_value
from models import ranks, vocab
from models import records as r
from models.i18n import translate

FOOTER = "第 &P 页 共 &N 页"  # a workbook of one sheet: its pages are the workbook's
COLUMNS = (("序号", 6), ("姓名", 13), ("职务", 26), ("签到", 27), ("备注", 17))
HEADER_ROW = 5
SIGN_HEIGHT = 20  # points: about 7 mm to sign in; 30 rows and the heading fit one A4 page
_BOX = {"border": 1, "border_color": "#000000"}
_CENTER = {"align": "center", "valign": "vcenter", "text_wrap": True}
_LEFT = {"valign": "vcenter", "text_wrap": True}
PAPER_A4 = 9  # XlsxWriter's paper code


class _Sheet:
    """The sheet being written and its cell formats, each made once (宋体 of a size, bold, boxed)."""

    def __init__(self, wb: xlsxwriter.Workbook):
        self.wb = wb
        self.ws = wb.add_worksheet("签到表")
        self.made: dict[tuple, CellStyle] = {}

    def put(self, row: int, column: int, value: Any, alignment: dict, size: int = 11, bold: bool = False,
            border: bool = False) -> None:
        """A cell (1-based) whose text stays text (a name starting with = is not a formula)."""
        key = (tuple(alignment.items()), size, bold, border)
        if key not in self.made:
            self.made[key] = CellStyle(self.wb, {"font_name": FONT, "font_size": size, "bold": bold,
                                                 **alignment, **(_BOX if border else {})})
        write_value(self.ws, row - 1, column - 1, value, self.made[key])

    def height(self, row: int, points: float) -> None:
        self.ws.set_row_pixels(row - 1, points * 4 / 3)  # in pixels, so that the points stay exact

    def merge_row(self, row: int) -> None:
        """Row ``row`` merged across the sheet; its text is in its first cell already."""
        self.ws.merge.append([row - 1, 0, row - 1, len(COLUMNS) - 1])


def write_signin_sheet(path, session_id: UUID) -> Path:
    """Write the sign-in sheet of ``session_id`` to ``path`` (.xlsx)."""
    session = r.Session.get_or_none((r.Session.id == session_id) & r.Session.deleted_at.is_null())
    if session is None:
        raise ExportError(translate("Export", "Cannot write {path}: the study session no longer exists.")
                          .format(path=path))
    persons = expected_persons(session_id)
    with atomic_target(path) as temporary:
        wb = xlsxwriter.Workbook(str(temporary), {"strings_to_formulas": False, "strings_to_numbers": False,
                                                  "strings_to_urls": False})  # Calibri 11, as Excel
        sheet = _Sheet(wb)
        _heading(sheet, session)
        for number, (name, post, status, reason) in enumerate(persons, 1):
            row = HEADER_ROW + number
            leave = vocab.ATTENDANCE.zh("leave")
            remark = (f"{leave}（{reason}）" if reason else leave) if status == "leave" else ""
            for column, value in enumerate((number, name, post, "", remark), 1):
                sheet.put(row, column, value, _CENTER if column < 4 else _LEFT, border=True)
            sheet.height(row, SIGN_HEIGHT)
        _foot(sheet, HEADER_ROW + len(persons) + 1, len(persons), _name(session.recorder_id))
        _page(sheet.ws)
        close(wb)
    return Path(path).expanduser().absolute()


def expected_persons(session_id: UUID) -> list[tuple[str, str, str | None, str]]:
    """(name, post, attendance status, reason) of everyone expected, in the order of their posts."""
    A, P = r.Attendance, r.Person
    query = (A.select(P.name, P.title, A.status, A.reason, P.leader).join(P)
             .where(A.session == session_id, A.deleted_at.is_null()))
    ranking = ranks.Ranking()
    rows = sorted(r.database.execute(query), key=lambda row: ranking.key(row[0], row[1], row[4]))
    return [(name, title or "", status, reason or "") for name, title, status, reason, _leader in rows]


def _heading(sheet: _Sheet, session: r.Session) -> None:
    for index, (_, width) in enumerate(COLUMNS):
        sheet.ws.set_column_pixels(index, index, width * 7)  # stored as ``width`` digits
    unit = session.campaign.unit.name
    sheet.put(1, 1, f"{unit}会议签到表", {"align": "center", "valign": "vcenter"}, size=18, bold=True)
    sheet.height(1, 30)
    time = "—".join(t.strftime("%H:%M") for t in (session.start_time, session.end_time) if t)
    host = _name(session.host_id)
    lines = (f"会议名称：{session.topic}（{vocab.SESSION_KINDS.zh(session.kind)}）",
             f"时　　间：{_date(session.date)} {time}",
             f"地　　点：{session.place}　　　　主持人：{host}")
    for row, text in enumerate(lines, 2):
        sheet.put(row, 1, text, _LEFT, size=11)
        sheet.height(row, 18)
    for row in range(1, HEADER_ROW):
        sheet.merge_row(row)
    for column, (title, _) in enumerate(COLUMNS, 1):
        sheet.put(HEADER_ROW, column, title, _CENTER, bold=True, border=True)
    sheet.height(HEADER_ROW, 22)
    sheet.ws.freeze_panes(HEADER_ROW, 0)


def _foot(sheet: _Sheet, row: int, expected: int, recorder: str) -> None:
    """应到, and 实到 left to fill in after the meeting; the recorder named."""
    sheet.put(row, 1, f"应到：{expected}人　　　　实到：　　　人　　　　记录人：{recorder}", _LEFT, size=11)
    sheet.merge_row(row)
    sheet.height(row, 24)


def _name(person) -> str:
    return r.Person.select(r.Person.name).where(r.Person.id == person).scalar() or "" if person else ""


def _page(ws) -> None:
    ws.set_paper(PAPER_A4)
    ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.6, right=0.6, top=0.5, bottom=0.6)
    ws.set_header("", {"margin": 0.2})
    ws.set_footer(f'&C&"{FONT}"&9 {FOOTER}', {"margin": 0.25})
    ws.repeat_rows(HEADER_ROW - 1)


def _date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
