"""The statistics sheet, the summary and the overview say the same numbers.

All three read ``models.figures``; this test reads the files a user would
receive and the page a user would see, and compares what they print.
"""

from __future__ import annotations

import openpyxl
from docx import Document

from exporters import registers, summary
from models import figures, overview, store
from models.demo.campaign import TODAY


def statistics(path) -> dict[str, object]:
    sheet = openpyxl.load_workbook(path)["统计汇总"]
    values = {}
    for row in sheet.iter_rows(values_only=True):
        if isinstance(row[0], int) and row[2]:
            values[row[2]] = row[3]  # a figure's term → its value
    return values


def test_the_statistics_sheet_the_summary_and_the_overview_agree(township_db, tmp_path):
    campaign = store.current_campaign()
    book = registers.write_registers(tmp_path / "台账.xlsx", registers.RegisterOptions(
        campaign=campaign.id, registers=("statistics",), today=TODAY))
    sheet = statistics(book)
    document = summary.write_summary(tmp_path / "总结.docx", summary.SummaryOptions(campaign.id, today=TODAY))
    text = "".join(p.text for p in Document(document.path).paragraphs)
    seen = overview.compute(figures.Scope(campaign=campaign.id, today=TODAY)).figures

    assert sheet["学习会议"] == seen.sessions
    assert sheet["征集意见建议"] == seen.suggestions == 37
    assert sheet["梳理归并条目"] == seen.suggestion_items
    assert sheet["查摆问题"] == seen.rectifications
    assert sheet["超期未完成"] == seen.rectifications_overdue
    assert sheet["走访户次"] == seen.visits
    assert sheet["已走访户数"] == seen.households_visited
    for phrase in (f"领导班子集中学习{seen.sessions_by_kind['leader_study']}次",
                   f"全体干部集中学习{seen.sessions_by_kind['staff_study']}次",
                   f"征集意见建议{seen.suggestions}条",
                   f"{seen.suggestion_categories}大类{seen.suggestion_items}条",
                   f"查摆问题{seen.rectifications}个", f"销号{seen.rectifications_done}个"):
        assert phrase in text, phrase
