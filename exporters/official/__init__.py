"""Word documents in the national layout for official documents (GB/T 9704-2012).

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; a text block
of 22 lines of 28 characters: body in 3号 (16 pt) 仿宋_GB2312 with a fixed
line pitch of 28.95 pt and the document grid's character pitch squeezed so
that 28 characters fill the 156 mm line; title in 2号 (22 pt) 方正小标宋简体;
headings 一、 in 黑体, （一） in 楷体_GB2312, 1. in bold 仿宋; page numbers
"— N —" in 4号 宋体 at the outside corner, odd pages right and even pages left,
one character in from the edge of the text block.

Everything is set in the styles, never run by run, so that an office editing
the file in WPS or Word finds 正文/公文标题/一级标题… in its style list and
can change them in one place. Chinese fonts must be named in ``w:eastAsia``
(python-docx's ``font.name`` only sets the Latin slots) and the template's
theme-font attributes removed, or Word shows its theme font for Chinese. The
fallbacks the standard allows (宋体 for 方正小标宋简体, 仿宋 for 仿宋_GB2312,
楷体 for 楷体_GB2312) are written in the font table as ``w:altName``: Word and
WPS substitute the alternative on a computer without the first font.

- ``measures``: the page, text block, sizes, fonts and style names;
- ``text``: text made safe, dates, widths; ``page``: the page and its numbers;
- ``styles``: the font table and the styles; ``document``: ``OfficialDocument``.
"""

from exporters.official.document import OfficialDocument
from exporters.official.measures import (
    BODY,
    GRID_TEXT,
    HEADING,
    PAGE_NUMBER,
    RUN_IN,
    SIGNATURE,
    TABLE_TEXT,
    TITLE,
    character_spacing,
    text_block_width_pt,
)
from exporters.official.styles import set_fonts
from exporters.official.text import broken_at_marks, clean, text_width, zh_date

__all__ = ["BODY", "GRID_TEXT", "HEADING", "PAGE_NUMBER", "RUN_IN", "SIGNATURE", "TABLE_TEXT", "TITLE",
           "OfficialDocument", "broken_at_marks", "character_spacing", "clean", "set_fonts",
           "text_block_width_pt",
           "text_width", "zh_date"]
