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
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from exporters import safe

# --- the layout's measures ---------------------------------------------------------------

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
PAGE_NUMBER = "页码"
_IDS = {TITLE: "OfficialTitle", HEADING[1]: "OfficialHeading1", HEADING[2]: "OfficialHeading2",
        HEADING[3]: "OfficialHeading3", RUN_IN[2]: "OfficialRunIn2", RUN_IN[3]: "OfficialRunIn3",
        SIGNATURE: "OfficialSignature", TABLE_TEXT: "OfficialTableText", PAGE_NUMBER: "OfficialPageNumber"}

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: object) -> str:
    """Text as a document may hold it: the characters XML forbids dropped (python-docx raises)."""
    if text is None:
        return ""
    value = text if isinstance(text, str) else str(text)
    return _FORBIDDEN.sub("", value)


def zh_date(day: dt.date) -> str:
    """2026年2月9日: Arabic digits, as GB/T 9704-2012 writes the date of a document."""
    return f"{day.year}年{day.month}月{day.day}日"


def text_width(text: str) -> float:
    """Width in characters of the body font: ASCII is half as wide as Chinese."""
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


# --- the document ---------------------------------------------------------------------------

class OfficialDocument:
    """A python-docx Document set up in the official layout, with a small writing API."""

    def __init__(self) -> None:
        self.document = Document()
        self.last: Paragraph | None = None  # the latest paragraph written
        _page(self.document)
        _fonts(self.document)
        _styles(self.document)
        _page_numbers(self.document)

    # --- content ------------------------------------------------------------------

    def title(self, text: str) -> Paragraph:
        """The title, centred; a line break in ``text`` starts its second line."""
        return self._paragraph(text, TITLE)

    def heading(self, level: int, text: str) -> Paragraph:
        return self._paragraph(text, HEADING[level])

    def paragraph(self, text: str, run_in: str = "", run_in_level: int = 2) -> Paragraph:
        """A body paragraph, optionally opened by a run-in heading (（一）宣传发动。正文…)."""
        paragraph = self.document.add_paragraph(style=BODY)
        if run_in:
            paragraph.add_run(clean(run_in), style=RUN_IN[run_in_level])
        if text:
            paragraph.add_run(clean(text))
        self.last = paragraph
        return paragraph

    def blank(self) -> Paragraph:
        self.last = self.document.add_paragraph(style=BODY)
        return self.last

    def signature(self, name: str, date_text: str) -> None:
        """署名 and 成文日期 of a document without a seal (GB/T 9704-2012 7.3.5.2).

        One blank line after the text; the name two characters in from the right; the
        date on the next line starting two characters right of the name; a date
        longer than that moves the name left and keeps the date two characters in.
        The last line of the text goes with them: a signature never stands alone on a page.
        """
        if self.last is not None:
            self.last.paragraph_format.keep_with_next = True
        self.blank().paragraph_format.keep_with_next = True
        name, date_text = clean(name).strip(), clean(date_text).strip()
        name_width, date_width = text_width(name), text_width(date_text)
        name_right = 2.0
        date_right = name_right + name_width - 2 - date_width
        if date_right < 2:
            date_right = 2.0
            name_right = date_right + date_width + 2 - name_width
        for text, right in ((name, name_right), (date_text, date_right)):
            if text:
                paragraph = self.document.add_paragraph(clean(text), style=SIGNATURE)
                paragraph.paragraph_format.right_indent = Pt(BODY_SIZE * max(right, 0))

    def table(self, widths_mm: Sequence[float]):
        """A bordered table of fixed column widths; add its rows with ``add_row`` (linear)."""
        table = self.document.add_table(rows=0, cols=len(widths_mm))
        table.style = self.document.styles["Table Grid"]
        table.autofit = False
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        self._widths = [Mm(width) for width in widths_mm]
        return table

    def add_row(self, table) -> list:
        """A new row's cells, each given its column's width (LibreOffice reads the cells' widths).

        ``add_row().cells`` costs the same for every row; ``table.cell(r, c)`` and
        ``table.rows[i]`` rebuild the grid on each call (quadratic).
        """
        row = table.add_row()
        cells = row.cells
        for cell, width in zip(cells, self._widths, strict=False):
            cell.width = width
        self.last_row = row
        return cells

    def _paragraph(self, text: str, style: str) -> Paragraph:
        lines = clean(text).split("\n")
        paragraph = self.document.add_paragraph(style=style)
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run.add_text(line)
        self.last = paragraph
        return paragraph

    def save(self, path: str | Path) -> Path:
        """Written to a temporary name beside ``path`` and renamed over it when complete."""
        with safe.atomic_target(path) as temporary:
            self.document.save(str(temporary))
        return Path(path).expanduser().absolute()


# --- page, fonts, styles -------------------------------------------------------------------

def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = Mm(15)
    section.footer_distance = FOOTER_DISTANCE
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    for name in list(grid.attrib):
        del grid.attrib[name]
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH.pt * 20)))
    document.settings.odd_and_even_pages_header_footer = True
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


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


_FONT_TABLE = (
    # name, alternative, family, pitch
    (TITLE_FONT, TITLE_FALLBACK, "script"),
    (BODY_FONT, BODY_FALLBACK, "modern"),
    (BODY_FALLBACK, "", "modern"),
    (HEADING2_FONT, HEADING2_FALLBACK, "modern"),
    (HEADING2_FALLBACK, "", "modern"),
    (HEADING1_FONT, "", "modern"),
    (NUMBER_FONT, "", "auto"),
)


def _fonts(document) -> None:
    """The Chinese fonts in the font table, with the fallback of each (charset 86 = GB2312)."""
    part = next(rel.target_part for rel in document.part.rels.values()
                if rel.reltype.endswith("/fontTable"))
    from lxml import etree

    root = etree.fromstring(part.blob)
    for font in root.findall(qn("w:font")):
        if font.get(qn("w:name")) in {name for name, *_ in _FONT_TABLE}:
            root.remove(font)
    for name, alternative, family in _FONT_TABLE:
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        if alternative:
            etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alternative)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), family)
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_fonts(r_pr, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Name the fonts of every script in an rPr; theme fonts, which would win, removed."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")


_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
                  "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                  "w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_OUTLINE = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _child(parent, tag: str, successors: tuple[str, ...] = ()):
    """The ``tag`` child of ``parent``, added in its schema place (Word refuses misordered XML)."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        parent.insert_element_before(element, *successors)
    return element


def _defaults(document) -> None:
    """Document defaults: 仿宋 3号, Chinese language, no spacing: a style without its own takes these."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(r_pr, BODY_FONT)
    for tag in ("w:sz", "w:szCs"):
        _child(r_pr, tag, ("w:lang",)).set(qn("w:val"), str(BODY_SIZE * 2))
    lang = _child(r_pr, "w:lang", ("w:eastAsianLayout",))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    if spacing is not None:
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), str(round(LINE_PITCH.pt * 20)))
        spacing.set(qn("w:lineRule"), "exact")


def _paragraph_style(document, name: str, base: str | None = BODY):
    styles = document.styles
    if name in [s.name for s in styles]:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), _IDS[name])
    if base:
        style.base_style = styles[base]
    style.quick_style = True
    return style


def _shape(style, east_asia: str, size: float, *, line: Pt = LINE_PITCH, indent_chars: int = 2,
           latin: str = LATIN_FONT, bold: bool = False,
           align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY) -> None:
    """Fonts, size, fixed line spacing, indent; off the 28.95 pt line grid if the line differs.

    (LibreOffice snaps every line to the grid, so a 35 pt title line would take two.)
    """
    font = style.font
    font.size = Pt(size)
    font.bold = bold
    r_pr = style.element.get_or_add_rPr()
    set_fonts(r_pr, east_asia, latin)
    spacing = character_spacing() if size == BODY_SIZE else 0
    _child(r_pr, "w:spacing", _AFTER_SPACING).set(qn("w:val"), str(spacing))
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = line
    fmt.widow_control = False  # the 22-line grid: no line pushed over to the next page
    fmt.left_indent = Pt(0)
    fmt.right_indent = Pt(0)
    p_pr = style.element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):  # no extra space around digits: 28 to the line
        _child(p_pr, tag, ("w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind")).set(
            qn("w:val"), "0")
    if line != LINE_PITCH:
        _child(p_pr, "w:snapToGrid", ("w:spacing", "w:ind")).set(qn("w:val"), "0")
    ind = _child(p_pr, "w:ind")
    ind.set(qn("w:firstLine"), str(indent_chars * BODY_SIZE * 20))
    ind.set(qn("w:firstLineChars"), str(indent_chars * 100))


def _outline(style, level: int) -> None:
    _child(style.element.get_or_add_pPr(), "w:outlineLvl", _AFTER_OUTLINE).set(qn("w:val"), str(level))


def _styles(document) -> None:
    _defaults(document)
    styles = document.styles
    _shape(styles[BODY], BODY_FONT, BODY_SIZE)

    title = _paragraph_style(document, TITLE)
    _shape(title, TITLE_FONT, TITLE_SIZE, line=TITLE_LINE, indent_chars=0, latin=TITLE_FONT,
           align=WD_ALIGN_PARAGRAPH.CENTER)
    title.paragraph_format.space_after = LINE_PITCH  # one blank line under the title
    title.paragraph_format.keep_with_next = True

    for level, east_asia, bold in ((1, HEADING1_FONT, False), (2, HEADING2_FONT, False),
                                   (3, BODY_FONT, True)):
        heading = _paragraph_style(document, HEADING[level])
        _shape(heading, east_asia, BODY_SIZE, bold=bold)
        heading.paragraph_format.keep_with_next = True
        _outline(heading, level - 1)
        heading.next_paragraph_style = styles[BODY]
    for level, east_asia, bold in ((2, HEADING2_FONT, False), (3, BODY_FONT, True)):
        run_in = styles.add_style(RUN_IN[level], WD_STYLE_TYPE.CHARACTER)
        run_in.element.set(qn("w:styleId"), _IDS[RUN_IN[level]])
        run_in.font.bold = bold
        set_fonts(run_in.element.get_or_add_rPr(), east_asia)

    signature = _paragraph_style(document, SIGNATURE)
    _shape(signature, BODY_FONT, BODY_SIZE, indent_chars=0, align=WD_ALIGN_PARAGRAPH.RIGHT)
    signature.paragraph_format.keep_with_next = True

    table_text = _paragraph_style(document, TABLE_TEXT)
    _shape(table_text, BODY_FONT, BODY_SIZE - 2, line=Pt(22), indent_chars=0,
           align=WD_ALIGN_PARAGRAPH.LEFT)

    number = _paragraph_style(document, PAGE_NUMBER, base=None)
    _shape(number, NUMBER_FONT, PAGE_NUMBER_SIZE, line=Pt(PAGE_NUMBER_SIZE * 1.5), indent_chars=0,
           latin=NUMBER_FONT, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for name in ("Header", "Footer"):
        if name in [s.name for s in styles]:
            set_fonts(styles[name].element.get_or_add_rPr(), NUMBER_FONT, NUMBER_FONT)


# --- page numbers ----------------------------------------------------------------------------

def _page_numbers(document) -> None:
    """"— N —" one character in from the outside edge: right on odd pages, left on even ones."""
    section = document.sections[0]
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.style = document.styles[PAGE_NUMBER]
        paragraph.alignment = align
        one_character = Pt(PAGE_NUMBER_SIZE)
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = one_character
        else:
            paragraph.paragraph_format.left_indent = one_character
        paragraph.add_run("— ")
        _page_field(paragraph)
        paragraph.add_run(" —")


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field as Word writes it (begin, instruction, separate, shown value, end)."""
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    paragraph.add_run()._r.append(instruction)
    char("separate")
    paragraph.add_run("1")
    char("end")
