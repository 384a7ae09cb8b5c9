"""The fonts and styles of an official document: 正文, 公文标题, 一级标题 … set once, in the styles.

Chinese fonts are named in ``w:eastAsia`` (python-docx's ``font.name`` only
sets the Latin slots) and the template's theme-font attributes removed, or Word
shows its theme font for Chinese; each font's fallback is in the font table.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from exporters.official.measures import (
    ADDRESSEE,
    BODY,
    BODY_FALLBACK,
    BODY_FONT,
    BODY_SIZE,
    GRID_SIZE,
    GRID_TEXT,
    HEADING,
    HEADING1_FONT,
    HEADING2_FALLBACK,
    HEADING2_FONT,
    LATIN_FONT,
    LINE_PITCH,
    NUMBER_FONT,
    PAGE_NUMBER,
    PAGE_NUMBER_SIZE,
    RUN_IN,
    SIGNATURE,
    STYLE_IDS,
    TABLE_TEXT,
    TITLE,
    TITLE_FALLBACK,
    TITLE_FONT,
    TITLE_LINE,
    TITLE_SIZE,
    character_spacing,
)

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


def add_fonts(document) -> None:
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
    style.element.set(qn("w:styleId"), STYLE_IDS[name])
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


def add_styles(document) -> None:
    """正文 and every style of the official layout, with the document defaults under them."""
    _defaults(document)
    styles = document.styles
    _shape(styles[BODY], BODY_FONT, BODY_SIZE)

    title = _paragraph_style(document, TITLE)
    _shape(title, TITLE_FONT, TITLE_SIZE, line=TITLE_LINE, indent_chars=0, latin=TITLE_FONT,
           align=WD_ALIGN_PARAGRAPH.CENTER)
    title.paragraph_format.space_after = LINE_PITCH  # one blank line under the title
    title.paragraph_format.keep_with_next = True
    _heading_styles(document)

    signature = _paragraph_style(document, SIGNATURE)
    _shape(signature, BODY_FONT, BODY_SIZE, indent_chars=0, align=WD_ALIGN_PARAGRAPH.RIGHT)
    signature.paragraph_format.keep_with_next = True

    table_text = _paragraph_style(document, TABLE_TEXT)
    _shape(table_text, BODY_FONT, BODY_SIZE - 2, line=Pt(22), indent_chars=0,
           align=WD_ALIGN_PARAGRAPH.LEFT)
    grid_text = _paragraph_style(document, GRID_TEXT)
    _shape(grid_text, BODY_FONT, GRID_SIZE, line=Pt(18), indent_chars=0, align=WD_ALIGN_PARAGRAPH.LEFT)
    addressee = _paragraph_style(document, ADDRESSEE)
    _shape(addressee, BODY_FONT, BODY_SIZE, indent_chars=0, align=WD_ALIGN_PARAGRAPH.LEFT)
    addressee.paragraph_format.keep_with_next = True
    _page_number_styles(document)


def _heading_styles(document) -> None:
    """一级标题 in 黑体, 二级标题 in 楷体, 三级标题 in bold 仿宋; the run-in headings of levels 2 and 3."""
    styles = document.styles
    for level, east_asia, bold in ((1, HEADING1_FONT, False), (2, HEADING2_FONT, False),
                                   (3, BODY_FONT, True)):
        heading = _paragraph_style(document, HEADING[level])
        _shape(heading, east_asia, BODY_SIZE, bold=bold)
        heading.paragraph_format.keep_with_next = True
        _outline(heading, level - 1)
        heading.next_paragraph_style = styles[BODY]
    for level, east_asia, bold in ((2, HEADING2_FONT, False), (3, BODY_FONT, True)):
        run_in = styles.add_style(RUN_IN[level], WD_STYLE_TYPE.CHARACTER)
        run_in.element.set(qn("w:styleId"), STYLE_IDS[RUN_IN[level]])
        run_in.font.bold = bold
        set_fonts(run_in.element.get_or_add_rPr(), east_asia)


def _page_number_styles(document) -> None:
    """页码 in 4号 宋体; the template's Header and Footer in 宋体 too."""
    styles = document.styles
    number = _paragraph_style(document, PAGE_NUMBER, base=None)
    _shape(number, NUMBER_FONT, PAGE_NUMBER_SIZE, line=Pt(PAGE_NUMBER_SIZE * 1.5), indent_chars=0,
           latin=NUMBER_FONT, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for name in ("Header", "Footer"):
        if name in [s.name for s in styles]:
            set_fonts(styles[name].element.get_or_add_rPr(), NUMBER_FONT, NUMBER_FONT)
