"""The official layout (GB/T 9704-2012), read back from the saved file as Word would read it."""

from __future__ import annotations

import os

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from exporters import ExportError, official


def fonts_of(style) -> dict[str, str]:
    r_fonts = style.element.rPr.find(qn("w:rFonts"))
    return {name.split("}")[1]: value for name, value in r_fonts.attrib.items()}


def spacing_of(style) -> int:
    return int(style.element.rPr.find(qn("w:spacing")).get(qn("w:val")))


@pytest.fixture
def saved(tmp_path):
    document = official.OfficialDocument()
    document.title("松口镇“思想大解放”活动总结")
    document.heading(1, "一、基本情况")
    document.paragraph("正文第一段。")
    document.heading(2, "（一）宣传发动")
    document.paragraph("正文。", run_in="（二）集中学习，提升能力。")
    document.heading(3, "1.领导重视")
    document.signature("松口镇人民政府", "2026年11月25日")
    path = document.save(tmp_path / "doc.docx")
    return Document(str(path))


def test_a4_with_the_standard_margins(saved):
    section = saved.sections[0]
    def mm(length):  # Word stores twentieths of a point: 210 mm is 11906 twips
        return round(length.mm, 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (37, 35)
    assert (mm(section.left_margin), mm(section.right_margin)) == (28, 26)


def test_22_lines_of_28_characters(saved):
    normal = saved.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.line_spacing == Pt(28.95)
    assert normal.paragraph_format.line_spacing_rule is not None  # exact, not "at least"
    assert normal.element.pPr.find(qn("w:spacing")).get(qn("w:lineRule")) == "exact"
    section = saved.sections[0]
    height = (section.page_height - section.top_margin - section.bottom_margin) / 12700
    assert 22 * 28.95 <= height < 23 * 28.95
    width = (section.page_width - section.left_margin - section.right_margin) / 12700
    pitch = 16 + spacing_of(normal) / 20
    assert 28 * pitch <= width < 29 * pitch
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"


def test_the_body_is_fangsong_for_chinese_text_too(saved):
    normal = fonts_of(saved.styles["Normal"])
    assert normal["eastAsia"] == "仿宋_GB2312"
    assert not any(name.endswith("Theme") or name == "cstheme" for name in normal)
    defaults = saved.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    default_fonts = defaults.find(qn("w:rFonts")).attrib
    assert default_fonts[qn("w:eastAsia")] == "仿宋_GB2312"
    assert not any("Theme" in name or "theme" in name for name in default_fonts)
    assert normal.get("ascii") and normal.get("hAnsi")
    indent = saved.styles["Normal"].element.pPr.find(qn("w:ind"))
    assert indent.get(qn("w:firstLineChars")) == "200" and indent.get(qn("w:firstLine")) == "640"


def test_title_and_headings_have_their_fonts(saved):
    styles = saved.styles
    assert fonts_of(styles["公文标题"])["eastAsia"] == "方正小标宋简体"
    assert styles["公文标题"].font.size == Pt(22)
    assert styles["公文标题"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert fonts_of(styles["一级标题"])["eastAsia"] == "黑体"
    assert fonts_of(styles["二级标题"])["eastAsia"] == "楷体_GB2312"
    assert fonts_of(styles["三级标题"])["eastAsia"] == "仿宋_GB2312"
    assert styles["三级标题"].font.bold is True
    assert fonts_of(styles["二级标题字符"])["eastAsia"] == "楷体_GB2312"
    kinds = [(p.style.name, p.text) for p in saved.paragraphs if p.text]
    assert kinds[:4] == [("公文标题", "松口镇“思想大解放”活动总结"), ("一级标题", "一、基本情况"),
                         ("Normal", "正文第一段。"), ("二级标题", "（一）宣传发动")]
    run_in = next(p for p in saved.paragraphs if p.text.startswith("（二）"))
    assert run_in.runs[0].style.name == "二级标题字符" and run_in.runs[0].text == "（二）集中学习，提升能力。"
    assert run_in.runs[1].style.name == "Default Paragraph Font"  # the text: the paragraph's own font


def test_fonts_are_set_in_styles_not_run_by_run(saved):
    for paragraph in saved.paragraphs:
        for run in paragraph.runs:
            r_pr = run._r.rPr
            assert r_pr is None or r_pr.find(qn("w:rFonts")) is None


def test_fallback_fonts_are_in_the_font_table(saved):
    part = next(rel.target_part for rel in saved.part.rels.values() if rel.reltype.endswith("/fontTable"))
    from lxml import etree

    fonts = {font.get(qn("w:name")): font for font in etree.fromstring(part.blob).findall(qn("w:font"))}
    for name, alternative in (("方正小标宋简体", "宋体"), ("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体")):
        assert fonts[name].find(qn("w:altName")).get(qn("w:val")) == alternative


def test_page_numbers_on_the_outside_corner(saved):
    section = saved.sections[0]
    assert saved.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and odd.paragraph_format.right_indent == Pt(14)
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT and even.paragraph_format.left_indent == Pt(14)
    for paragraph in (odd, even):
        assert paragraph.style.name == "页码"
        assert paragraph.text == "— 1 —"  # the PAGE field's shown value between the dashes
        assert " PAGE " in [t.text for t in paragraph._p.iter(qn("w:instrText"))]
    number = saved.styles["页码"]
    assert number.font.size == Pt(14) and fonts_of(number)["eastAsia"] == "宋体"


def test_signature_without_a_seal(saved):
    name, date = [p for p in saved.paragraphs if p.style.name == "落款"]
    assert (name.text, date.text) == ("松口镇人民政府", "2026年11月25日")
    # A date as long as the name: the date two characters in from the right, starting two
    # characters right of the name.
    assert date.paragraph_format.right_indent == Pt(32)
    name_start = name.paragraph_format.right_indent.pt / 16 + official.text_width(name.text)
    date_start = date.paragraph_format.right_indent.pt / 16 + official.text_width(date.text)
    assert name_start - date_start == 2


def test_a_long_name_stands_two_characters_in():
    document = official.OfficialDocument()
    document.signature("中共松口镇委员会松口镇人民政府", "2026年11月25日")
    name, date = [p for p in document.document.paragraphs if p.style.name == "落款"]
    assert name.paragraph_format.right_indent == Pt(32)
    assert (2 + 15) - (date.paragraph_format.right_indent.pt / 16 + 7) == 2


def test_characters_xml_forbids_are_dropped_not_fatal(tmp_path):
    document = official.OfficialDocument()
    document.title("标题\x00")
    document.paragraph("正文\x01有\x0b控制\ufffe字符", run_in="（一）\x1f小标题。")
    path = document.save(tmp_path / "clean.docx")
    texts = [p.text for p in Document(str(path)).paragraphs if p.text]
    assert texts == ["标题", "（一）小标题。正文有控制字符"]


def test_an_open_target_is_refused_and_the_old_file_kept(tmp_path):
    target = tmp_path / "总结.docx"
    target.write_bytes(b"old")
    (tmp_path / "~$总结.docx").write_bytes(b"")  # Word or WPS has it open
    with pytest.raises(ExportError, match=r"总结\.docx"):
        official.OfficialDocument().save(target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~tzt")] == []


def test_a_failed_rename_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "总结.docx"
    target.write_bytes(b"old")

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError):
        official.OfficialDocument().save(target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["总结.docx"]


def test_a_missing_folder_is_an_export_error(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        official.OfficialDocument().save(tmp_path / "nowhere" / "a.docx")
