"""An official document with a small writing API: title, headings, paragraphs, tables, signature."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from exporters import safe
from exporters.official.measures import (
    ADDRESSEE,
    BODY,
    BODY_SIZE,
    GRID_TEXT,
    HEADING,
    RUN_IN,
    SIGNATURE,
    TITLE,
)
from exporters.official.page import add_page_numbers, set_up_page
from exporters.official.styles import add_fonts, add_styles
from exporters.official.text import clean, text_width

TITLE_LIMIT = 255  # characters python-docx allows in a core property


class OfficialDocument:
    """A python-docx Document set up in the official layout, with a small writing API."""

    def __init__(self) -> None:
        self.document = Document()
        self.last: Paragraph | None = None  # the latest paragraph written
        self.before_last: Paragraph | None = None
        set_up_page(self.document)
        add_fonts(self.document)
        add_styles(self.document)
        add_page_numbers(self.document)

    # --- content ------------------------------------------------------------------

    def set_title(self, text: str) -> None:
        """The file's title property: python-docx refuses one over 255 characters, so a long one is shortened
        there (the page keeps it whole)."""
        text = clean(text).strip()
        short = text if len(text) <= TITLE_LIMIT else text[:TITLE_LIMIT - 1] + "…"
        self.document.core_properties.title = short

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
        self._written(paragraph)
        return paragraph

    def blank(self) -> Paragraph:
        self._written(self.document.add_paragraph(style=BODY))
        assert self.last is not None
        return self.last

    def signature(self, name: str, date_text: str) -> None:
        """署名 and 成文日期 of a document without a seal (GB/T 9704-2012 7.3.5.2).

        One blank line after the text; the name two characters in from the right; the
        date on the next line starting two characters right of the name; a date
        longer than that moves the name left and keeps the date two characters in.
        The last paragraph of the text goes with them: a signature never stands on a page
        without text (no 此页无正文); a document that ends with a closing line (特此报告。)
        keeps the line before it too (``keep_last``).
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
        for text, right, keep in ((name, name_right, bool(date_text)), (date_text, date_right, False)):
            if text:
                paragraph = self.document.add_paragraph(clean(text), style=SIGNATURE)
                paragraph.paragraph_format.right_indent = Pt(BODY_SIZE * max(right, 0))
                paragraph.paragraph_format.keep_with_next = keep or None  # the name stays with its date

    def addressee(self, name: str) -> Paragraph:
        """主送机关 under the title, flush left, closed by a full-width colon (GB/T 9704-2012 7.3.2)."""
        name = clean(name).strip().rstrip("：:")
        return self._paragraph(f"{name}：", ADDRESSEE)

    def attachment_note(self, titles: Sequence[str]) -> None:
        """附件说明 under the text: "附件：…", numbered when there are several (GB/T 9704-2012 7.3.3).

        It goes with the signature after it (``signature`` keeps it on the signature's page), and
        the text's last paragraph goes with it: a signature page always holds text.
        """
        if self.last is not None:
            self.last.paragraph_format.keep_with_next = True
        self.blank().paragraph_format.keep_with_next = True
        if len(titles) == 1:
            self.paragraph(f"附件：{titles[0]}")
            return
        for number, title in enumerate(titles, 1):
            self.paragraph(("附件：" if number == 1 else "　　　") + f"{number}．{title}")

    def annex(self, label: str, title: str) -> None:
        """An annex on a new page: its label (附件, 附件2) in 黑体 at the top left, then its title."""
        run = self.document.add_paragraph(style=BODY).add_run()
        run.add_break(WD_BREAK.PAGE)
        label_paragraph = self.heading(1, label)
        label_paragraph.paragraph_format.first_line_indent = Pt(0)
        self.title(title)

    def grid(self, widths_mm: Sequence[float], header: Sequence[str], rows: Sequence[Sequence[str]],
             left: Sequence[int] = ()) -> None:
        """A bordered table in 小四: its header repeated on every page, no row split across two pages.

        A line break in a value (written between two words: 已完成\n（销号）) starts a new line there.
        """
        table = self.table(widths_mm)
        for index, values in enumerate([header, *rows]):
            cells = self.add_row(table, header=index == 0)
            for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
                paragraph = cell.paragraphs[0]
                paragraph.style = GRID_TEXT
                lines = clean(value).split("\n")
                run = paragraph.add_run(lines[0])
                for line in lines[1:]:
                    run.add_break()
                    run.add_text(line)
                if index == 0 or column not in left:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def table(self, widths_mm: Sequence[float]):
        """A bordered table of fixed column widths; add its rows with ``add_row`` (linear)."""
        table = self.document.add_table(rows=0, cols=len(widths_mm))
        table.style = self.document.styles["Table Grid"]
        table.autofit = False
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        self._widths = [Mm(width) for width in widths_mm]
        return table

    def add_row(self, table, header: bool = False, keep_with_next: bool = False, split: bool = False) -> list:
        """A new row's cells, each given its column's width (LibreOffice reads the cells' widths).

        No row is split across two pages (``cantSplit``) unless ``split`` allows it (a
        row of free text that may be longer than a page); a ``header`` row is repeated
        at the top of every page; ``keep_with_next`` keeps the row on the page of the
        next one. ``add_row().cells`` costs the same for every row; ``table.cell(r, c)``
        and ``table.rows[i]`` rebuild the grid on each call (quadratic).
        """
        row = table.add_row()
        properties = row._tr.get_or_add_trPr()
        if not split:
            properties.append(OxmlElement("w:cantSplit"))
        if header:
            properties.append(OxmlElement("w:tblHeader"))
        cells = row.cells
        if keep_with_next:
            for cell in cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
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
        self._written(paragraph)
        return paragraph

    def _written(self, paragraph: Paragraph) -> None:
        self.before_last, self.last = self.last, paragraph

    def keep_last(self) -> None:
        """The latest paragraph stays on the page of the next (a short line before a closing)."""
        if self.last is not None:
            self.last.paragraph_format.keep_with_next = True

    def save(self, path: str | Path) -> Path:
        """Written to a temporary name beside ``path`` and renamed over it when complete."""
        with safe.atomic_target(path) as temporary:
            self.document.save(str(temporary))
        return Path(path).expanduser().absolute()
