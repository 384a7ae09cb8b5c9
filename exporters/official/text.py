"""Text as an official document holds it: XML-safe, dated as the standard writes dates, measured."""

from __future__ import annotations

import re

from exporters.dates import zh_date as zh_date

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: object) -> str:
    """Text as a document may hold it: the characters XML forbids dropped (python-docx raises)."""
    if text is None:
        return ""
    value = text if isinstance(text, str) else str(text)
    return _FORBIDDEN.sub("", value)


def text_width(text: str) -> float:
    """Width in characters of the body font: ASCII is half as wide as Chinese."""
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


def broken_at_marks(text: str, per_line: float) -> str:
    """``text`` with line breaks after its 、，；marks so that each line fits ``per_line`` characters.

    A term is never broken inside (学习不深、工作能力不够 → 学习不深、 / 工作能力不够); a
    stretch longer than a line without such a mark is left for the cell to wrap.
    """
    if text_width(text) <= per_line:
        return text
    pieces, piece = [], ""
    for ch in text:
        piece += ch
        if ch in "、，；":
            pieces.append(piece)
            piece = ""
    if piece:
        pieces.append(piece)
    lines, line = [], ""
    for piece in pieces:
        if line and text_width(line + piece) > per_line:
            lines.append(line)
            line = ""
        line += piece
    lines.append(line)
    return "\n".join(lines)
