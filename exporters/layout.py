"""The printed layout of a register sheet, declared as data: columns, widths, page, rows, page breaks.

Offices print the registers as they are: a title row, a line with 填报单位 /
统计时段 / 填报日期, a bold bordered header repeated on every page, bordered rows,
a sign-off line; A4, 宋体, 第 N 页 共 M 页 in the footer, each register numbered
from its own first page. Nothing here writes a file: ``exporters.printed_sheet``
hands this layout to XlsxWriter (openpyxl before it: the pages print the same).

The page is laid out here, not left to Excel, WPS or LibreOffice, which
paginate differently: every row gets its height (from its longest wrapped text)
and every page its manual break, so that each program prints the same pages.
That is what lets a register say how many pages it has, keep a block of rows
(a category of 统计汇总) on one page, and never leave the sign-off or two rows
alone on a last page. The sheet is printed one page wide: each program picks
the scale that fits its columns to the paper. Column widths are counted in
the digits of the workbook's default font (Calibri), which Excel and WPS draw
7 pixels wide and a computer without Calibri draws wider, never narrower; so the
scale computed here from 7 pixels is the largest any program prints at, and a
page laid out at it never overflows (elsewhere it only keeps a margin at its foot).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

FONT = "宋体"
BODY_POINTS = 10  # the size of every cell's text
PAPER_A4 = "9"  # the paper size code of A4 in SpreadsheetML
FOOTER = "第 &P 页 共 {pages} 页"
SIGNOFF = "填表人：　　　　　　　　　　审核人：　　　　　　　　　　联系电话："
EMPTY = "无"  # the first row of a register with no records

LINE_POINTS = 13.0  # one printed line of 10-point 宋体
ROW_PADDING = 4.0  # above and below a row's lines
TITLE_POINTS = 30.0
CELL_PADDING_POINTS = 6.0  # the cell's left and right insets together, and a little to spare


# --- measuring text and columns ----------------------------------------------------------------

_NARROW = re.compile("[^\u2e80-\U0010ffff\u201c\u201d]+")  # what prints narrower than a Chinese character


def text_ems(text: str) -> float:
    """The printed width of ``text`` in ems: a Chinese character 1, a digit or letter at most 0.62.

    (Digits of 宋体 are half an em; where 宋体 is missing, its stand-in's are wider.)
    Chinese punctuation (（）：；，。、“”) is as wide as a character.
    """
    wide = 0 if text.isascii() else len(_NARROW.sub("", text))
    return 0.62 * (len(text) - wide) + wide


def column_points(width: float) -> float:
    """The printed width of a column ``width`` characters wide (Excel's unit: the digit of Calibri 11)."""
    return (7 * width + 5) * 0.75


def width_for(text: str, points: float = BODY_POINTS) -> float:
    """The column width (in Excel's characters) in which ``text`` fits on one line."""
    needed = text_ems(text) * points + CELL_PADDING_POINTS
    return math.ceil((needed / 0.75 - 5) / 7 * 2) / 2


def room_ems(width: float, points: float = BODY_POINTS) -> float:
    """How many ems of text fit on one line of a column ``width`` characters wide."""
    return max(1.0, (column_points(width) - CELL_PADDING_POINTS) / points)


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a column of ``width`` (its own line breaks kept)."""
    return lines_in(text, room_ems(width))


def lines_in(text: str, room: float) -> int:
    """How many lines ``text`` takes where a line holds ``room`` ems (its own line breaks kept)."""
    if len(text) <= room and "\n" not in text:  # no character is wider than an em
        return 1
    return sum(max(1, math.ceil(text_ems(line) / room - 1e-9)) for line in text.split("\n"))


def lines_of_names(names: Sequence[str], width: float, separator: str = "、") -> str:
    """Names joined by ``separator`` into lines that fit ``width``, never breaking inside a name."""
    room = room_ems(width)
    lines: list[str] = []
    line = ""
    for index, name in enumerate(names):
        piece = name + (separator if index < len(names) - 1 else "")
        if line and text_ems(line + piece) > room:
            lines.append(line)
            line = ""
        line += piece
    if line:
        lines.append(line)
    return "\n".join(lines)


@dataclass(frozen=True)
class Col:
    """A column of a printed sheet: header text, least width in Excel characters, cell style.

    ``terms`` are the words the column may hold (a vocabulary's terms): the
    column is made wide enough for the longest of them and for its header, so
    that no term and no header is ever broken across two lines.
    """

    title: str
    width: float
    style: str = "text"  # a key of the writer's styles: text | center | int | date | percent | id
    terms: tuple[str, ...] = ()

    @property
    def fitted(self) -> float:
        return max(self.width, *(width_for(text) for text in (self.title, *self.terms)))


# --- the page --------------------------------------------------------------------------------------

POINTS_PER_INCH = 72.0
A4_POINTS = (595.3, 841.9)


@dataclass(frozen=True)
class Page:
    """A4 with the registers' margins (inches, as SpreadsheetML writes them)."""

    landscape: bool = True
    left: float = 0.5
    right: float = 0.5
    top: float = 0.6
    bottom: float = 0.7
    header: float = 0.3
    footer: float = 0.3

    @property
    def printable_width(self) -> float:
        paper = A4_POINTS[1] if self.landscape else A4_POINTS[0]
        return paper - (self.left + self.right) * POINTS_PER_INCH

    @property
    def printable_height(self) -> float:
        paper = A4_POINTS[0] if self.landscape else A4_POINTS[1]
        return paper - (self.top + self.bottom) * POINTS_PER_INCH

    def scale(self, widths: Iterable[float]) -> int:
        """The print scale in percent at which the columns fill the paper's width (at most 100)."""
        total = sum(column_points(width) for width in widths)
        return max(10, min(100, math.floor(self.printable_width / total * 100))) if total else 100


def row_height(lines: int) -> float:
    return LINE_POINTS * max(1, lines) + ROW_PADDING


# --- the pages of a sheet -----------------------------------------------------------------------------

@dataclass
class Pagination:
    """Where each page of a sheet ends, decided row by row as the rows are written.

    A page holds, at the sheet's print scale, the rows that fit between the
    repeated header and the bottom margin (the first page also the title and
    the info line). A *block* of rows (``start_block``) moves whole to the next
    page when it does not fit the rest of this one; ``finish`` keeps the
    sign-off with at least ``LAST_PAGE_ROWS`` rows on the last page. Only the
    current and the previous page are remembered: a million rows cost nothing.
    """

    capacity: float  # points of rows a page holds at the sheet's scale
    header: float  # the repeated header's height
    breaks: list[int] = field(default_factory=list)  # rows after which a page ends
    current: list[tuple[int, float]] = field(default_factory=list)  # (row, height) of the last page
    previous: list[tuple[int, float]] = field(default_factory=list)
    used: float = 0.0
    block: int | None = None  # the first row of the block being written
    block_starts: set[int] = field(default_factory=set)  # where a page may end in a sheet of blocks

    LAST_PAGE_ROWS = 3
    SAFETY = 0.97  # programs differ by a point here and there: never fill a page to the last point

    @classmethod
    def of(cls, page: Page, scale: int, header: float, first: float) -> Pagination:
        """The pages of a sheet whose first page holds ``first`` points above its header."""
        capacity = page.printable_height * cls.SAFETY / (scale / 100)
        return cls(capacity, header, used=first + header)

    @property
    def pages(self) -> int:
        return len(self.breaks) + 1

    def start_block(self, row: int) -> None:
        self.block = row
        self.block_starts.add(row)

    def end_block(self) -> None:
        self.block = None

    def place(self, row: int, height: float) -> None:
        """Row ``row`` of ``height`` points comes next; a page ends before it if it does not fit."""
        if self.used + height > self.capacity and self.current:
            self._break_before(self._block_start(row))
        self.current.append((row, height))
        self.used += height

    def _block_start(self, row: int) -> int:
        """The first row to go to the next page: the block's first, if the whole block fits a fresh page."""
        if self.block is None:
            return row
        on_page = [height for number, height in self.current if number >= self.block]
        if len(on_page) == len(self.current) or self.header + sum(on_page) > self.capacity:
            return row
        return self.block

    def _break_before(self, row: int) -> None:
        kept = [(number, height) for number, height in self.current if number < row]
        moved = [(number, height) for number, height in self.current if number >= row]
        self.breaks.append(row - 1)
        self.previous, self.current = kept, moved
        self.used = self.header + sum(height for _, height in moved)

    def finish(self, tail: float) -> None:
        """The sign-off (``tail`` points) goes on the last page, with rows above it.

        A last page that would hold only a few rows (fewer than ``LAST_PAGE_ROWS``, or
        under a quarter of the page before) takes rows from the page before, so
        that the two share them about evenly: no page looks left over.
        """
        if self.used + tail > self.capacity and len(self.current) > 1:
            keep = min(self.LAST_PAGE_ROWS, len(self.current) - 1)
            self._break_before(self.current[-keep][0])
        if self.breaks and (len(self.current) < self.LAST_PAGE_ROWS
                            or len(self.current) * 4 < len(self.previous)):
            self._pull_back(tail)

    def _pull_back(self, tail: float) -> None:
        """Move rows from the end of the page before to the last page, until the two are about even."""
        even = (len(self.previous) + len(self.current)) // 2
        wanted = min(max(self.LAST_PAGE_ROWS, even) - len(self.current), len(self.previous) - 1)
        while wanted > 0:
            moved = self.previous[-wanted:]
            whole = not self.block_starts or moved[0][0] in self.block_starts  # blocks move whole
            if whole and self.used + sum(height for _, height in moved) + tail <= self.capacity:
                break
            wanted -= 1
        if wanted <= 0:
            return
        moved = self.previous[-wanted:]
        self.breaks[-1] = moved[0][0] - 1
        self.previous, self.current = self.previous[:-wanted], moved + self.current
        self.used += sum(height for _, height in moved)
