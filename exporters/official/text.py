"""Text as an official document holds it: XML-safe, dated as the standard writes dates, measured."""

from __future__ import annotations

import datetime as dt
import re

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
