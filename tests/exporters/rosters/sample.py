"""The roster of a village as villages keep it, in every format they keep it in.

A title and a line above the header, blank lines, full-width digits typed by an
input method in full-width mode, a legacy 15-digit ID number, a bad phone, a
wrong check character, a totals row and a footer. ``ROWS`` is written by the
tests as .xlsx and .csv; ``make.py`` wrote it once, through LibreOffice, as the
committed .xls, .et (an .xls under WPS's name) and .ods beside this file.
"""

from __future__ import annotations

from pathlib import Path

from models.personal import id_check_char

HERE = Path(__file__).parent


def _id(first17: str) -> str:
    return first17 + id_check_char(first17)


ZHANG = _id("43310119620305001")
LI = _id("43310119751120002")
WANG_LEGACY = "433101580817003"  # born 1958-08-17: 43310119580817003 + check character
WANG = _id("43310119580817003")
ZHAO_WRONG = _id("43310119800101004")[:-1] + ("1" if _id("43310119800101004")[-1] != "1" else "2")
WIDE = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")

HEADER = ["序号", "村（社区）", "组", "户主姓名", "身份证号", "联系电话", "家庭人口", "户类别", "住址",
          "备注"]
ROWS: list[list] = [
    ["龙潭村农户花名册"],
    ["填报单位：长坪镇龙潭村", "", "", "", "", "", "", "", "填报日期：2026年11月28日"],
    [],
    HEADER,
    [1, "龙潭村", "1组", "张三", ZHANG, "13812345678", 4, "脱贫户", "龙潭村1组3号", ""],
    [2, "龙潭村", "１组", "李四", LI.translate(WIDE), "１３８ ７４５６ ２２１０", "５", "低保户", "", ""],
    [],
    [3, "龙潭村", "2组", "王五", WANG_LEGACY, "12345", 3, "", "", "老党员"],
    [4, "龙潭村", "2组", "赵六", ZHAO_WRONG, "", 2, "", "", ""],
    ["合计", "", "", "4户", "", "", 14, "", "", ""],
    ["填表人：张会计　　审核人：李书记"],
]

# What an import of ROWS must do (row numbers as the sheet shows them).
IMPORTED = {"张三": ZHANG, "李四": LI, "王五": WANG}
REFUSED = {9: "check character"}
WARNED = {8: ("15-digit", "column F（联系电话）")}
LEFT_OUT = {10: "totals", 11: "note"}
COMMITTED = ("roster.xls", "roster.et", "roster.ods")
