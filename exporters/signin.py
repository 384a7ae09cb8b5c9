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

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from exporters import ExportError
from exporters.layout import FONT, PAPER_A4
from exporters.safe import atomic_target, clean_text
from models import ranks, vocab
from models import records as r
from models.i18n import translate

FOOTER = "第 &P 页 共 &N 页"  # a workbook of one sheet: its pages are the workbook's
COLUMNS = (("序号", 6), ("姓名", 13), ("职务", 26), ("签到", 27), ("备注", 17))
HEADER_ROW = 5
SIGN_HEIGHT = 20  # points: about 7 mm to sign in; 30 rows and the heading fit one A4 page
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(vertical="center", wrap_text=True)


def write_signin_sheet(path, session_id: UUID) -> Path:
    """Write the sign-in sheet of ``session_id`` to ``path`` (.xlsx)."""
    session = r.Session.get_or_none((r.Session.id == session_id) & r.Session.deleted_at.is_null())
    if session is None:
        raise ExportError(translate("Export", "Cannot write {path}: the study session no longer exists.")
                          .format(path=path))
    persons = expected_persons(session_id)
    with atomic_target(path) as temporary:
        wb = Workbook()
        ws = wb.active
        ws.title = "签到表"
        _heading(ws, session)
        for number, (name, post, status, reason) in enumerate(persons, 1):
            row = HEADER_ROW + number
            leave = vocab.ATTENDANCE.zh("leave")
            remark = (f"{leave}（{reason}）" if reason else leave) if status == "leave" else ""
            for column, value in enumerate((number, name, post, "", remark), 1):
                _put(ws, row, column, value, _CENTER if column < 4 else _LEFT, border=True)
            ws.row_dimensions[row].height = SIGN_HEIGHT
        _foot(ws, HEADER_ROW + len(persons) + 1, len(persons), _name(session.recorder_id))
        _page(ws)
        wb.save(temporary)
    return Path(path).expanduser().absolute()


def expected_persons(session_id: UUID) -> list[tuple[str, str, str | None, str]]:
    """(name, post, attendance status, reason) of everyone expected, in the order of their posts."""
    A, P = r.Attendance, r.Person
    query = (A.select(P.name, P.title, A.status, A.reason, P.leader).join(P)
             .where(A.session == session_id, A.deleted_at.is_null()))
    ranking = ranks.Ranking()
    rows = sorted(r.database.execute(query), key=lambda row: ranking.key(row[0], row[1], row[4]))
    return [(name, title or "", status, reason or "") for name, title, status, reason, _leader in rows]


def _heading(ws, session: r.Session) -> None:
    for index, (_, width) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    last = get_column_letter(len(COLUMNS))
    unit = session.campaign.unit.name
    _put(ws, 1, 1, f"{unit}会议签到表", Alignment(horizontal="center", vertical="center"), size=18, bold=True)
    ws.row_dimensions[1].height = 30
    time = "—".join(t.strftime("%H:%M") for t in (session.start_time, session.end_time) if t)
    host = _name(session.host_id)
    lines = (f"会议名称：{session.topic}（{vocab.SESSION_KINDS.zh(session.kind)}）",
             f"时　　间：{_date(session.date)} {time}",
             f"地　　点：{session.place}　　　　主持人：{host}")
    for row, text in enumerate(lines, 2):
        _put(ws, row, 1, text, _LEFT, size=11)
        ws.row_dimensions[row].height = 18
    for row in range(1, HEADER_ROW):
        ws.merge_cells(f"A{row}:{last}{row}")
    for column, (title, _) in enumerate(COLUMNS, 1):
        _put(ws, HEADER_ROW, column, title, _CENTER, bold=True, border=True)
    ws.row_dimensions[HEADER_ROW].height = 22
    ws.freeze_panes = f"A{HEADER_ROW + 1}"


def _foot(ws, row: int, expected: int, recorder: str) -> None:
    """应到, and 实到 left to fill in after the meeting; the recorder named."""
    _put(ws, row, 1, f"应到：{expected}人　　　　实到：　　　人　　　　记录人：{recorder}", _LEFT, size=11)
    ws.merge_cells(f"A{row}:{get_column_letter(len(COLUMNS))}{row}")
    ws.row_dimensions[row].height = 24


def _name(person) -> str:
    return r.Person.select(r.Person.name).where(r.Person.id == person).scalar() or "" if person else ""


def _page(ws) -> None:
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.orientation = "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top, ws.page_margins.bottom = 0.5, 0.6
    ws.page_margins.header, ws.page_margins.footer = 0.2, 0.25
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.oddFooter.center.text = FOOTER
    ws.oddFooter.center.font = FONT
    ws.oddFooter.center.size = 9


def _put(ws, row: int, column: int, value: Any, alignment: Alignment, size: int = 11,
         bold: bool = False, border: bool = False) -> None:
    """A cell whose text stays text (a name starting with = is not a formula)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, int):
        cell.value = value
    else:
        cell._value = clean_text(value)
        cell.data_type = "s"
    cell.font = Font(name=FONT, size=size, bold=bold)
    cell.alignment = alignment
    if border:
        cell.border = _BOX


def _date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
