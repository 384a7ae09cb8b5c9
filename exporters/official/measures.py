"""The measures of the official layout (GB/T 9704-2012): page, text block, sizes, fonts, style names."""

from __future__ import annotations

import math

from docx.shared import Mm, Pt

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
BODY_SIZE, TITLE_SIZE, PAGE_NUMBER_SIZE = 16, 22, 14  # 3号, 2号, 4号
LINE_PITCH = Pt(28.95)  # 22 lines in the 225 mm text block
TITLE_LINE = Pt(35)
FOOTER_DISTANCE = Mm(22)  # the number's line starts about 7 mm below the text block

TITLE_FONT, TITLE_FALLBACK = "方正小标宋简体", "宋体"
BODY_FONT, BODY_FALLBACK = "仿宋_GB2312", "仿宋"
HEADING1_FONT = "黑体"
HEADING2_FONT, HEADING2_FALLBACK = "楷体_GB2312", "楷体"
NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"  # digits and Latin letters of the text

# Style names (as WPS and Word list them) and their ASCII ids.
BODY = "Normal"
TITLE = "公文标题"
HEADING = {1: "一级标题", 2: "二级标题", 3: "三级标题"}
RUN_IN = {2: "二级标题字符", 3: "三级标题字符"}
SIGNATURE = "落款"
TABLE_TEXT = "表格文字"
GRID_TEXT = "表格小字"  # 小四 (12 pt): tables of figures, whose columns are many
GRID_SIZE = 12
ADDRESSEE = "主送机关"
PAGE_NUMBER = "页码"
STYLE_IDS = {TITLE: "OfficialTitle", HEADING[1]: "OfficialHeading1", HEADING[2]: "OfficialHeading2",
             HEADING[3]: "OfficialHeading3", RUN_IN[2]: "OfficialRunIn2", RUN_IN[3]: "OfficialRunIn3",
             SIGNATURE: "OfficialSignature", TABLE_TEXT: "OfficialTableText", GRID_TEXT: "OfficialGridText",
             ADDRESSEE: "OfficialAddressee",
             PAGE_NUMBER: "OfficialPageNumber"}


def text_block_width_pt() -> float:
    return (PAGE_WIDTH - MARGINS["left"] - MARGINS["right"]) / 12700


def character_spacing() -> int:
    """The body's character spacing in twentieths of a point (negative: condensed).

    A whole 3号 character is 16 pt; 28 of them are 448 pt but the line is 442.2 pt.
    Condensed by 0.25 pt, 28 characters take 441 pt and a 29th does not fit, in
    Word, WPS and LibreOffice alike (a character grid, ``linesAndChars``, is read
    differently by each: LibreOffice draws it twice as wide).
    """
    pitch = text_block_width_pt() / CHARS_PER_LINE
    return math.floor((pitch - BODY_SIZE) * 4) * 5
