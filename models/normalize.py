"""What people type, read one way: full-width digits and letters, dates, times, numbers.

A pinyin input method in full-width mode types ``１３８ ７４５６ ２２１０`` and
``２０２６－１１－２８``; a roster has ``2026.11.28`` and ``2026年11月28日``; a
secretary writes ``9点半``. Every form field and every import reads them here,
so that the one validation (``models.validation``) judges the same value
whichever way it was typed.

Full-width digits, Latin letters and spaces become their ASCII forms
everywhere. Compatibility forms (NFKC) are applied only where the value is a
code — an ID number, a phone, a date, a time, a number — because in Chinese
prose NFKC would also turn the full-width punctuation （，：；） into ASCII.
What cannot be read is handed back as the text itself: the validation then
names the field and says what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Full-width ASCII (！ … ～) and the ideographic space, to ASCII: safe in any text.
_WIDE_ALNUM = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)
               if chr(code - 0xFEE0).isalnum()}
_SPACES = {0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x200B: ""}
_DASHES = "－—–‐‑‒―−～~"
_LINE_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def fold_width(text: str) -> str:
    """Full-width digits and Latin letters as ASCII (２０２６ → 2026, ＡＢ → AB); the rest unchanged."""
    return text.translate(_WIDE_ALNUM)


# Anything one_line would change (most text has none of it: it is returned as it is, cheaply).
_ODD = re.compile("[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u200b\t\r\n\f\v]|  |^ | $")


def one_line(text: str) -> str:
    """A one-line field as stored: full-width digits and letters folded, spaces of any kind one, trimmed."""
    if not _ODD.search(text):
        return text
    return _LINE_SPACE.sub(" ", fold_width(text).translate(_SPACES)).strip()


def block(text: str) -> str:
    """A text of several lines: digits and letters folded; its own spacing (indents) kept, ends trimmed."""
    return fold_width(text).strip(" \t\r\n")


_ASCII_ODD = re.compile(r"[\s~]")


def code(text: str) -> str:
    """A value that is a code (number, date, ID, phone): NFKC, dashes as "-", no spaces at all."""
    if text.isascii() and not _ASCII_ODD.search(text):
        return text
    text = unicodedata.normalize("NFKC", text.translate(_SPACES))
    text = re.sub(f"[{_DASHES}]", "-", text)
    return re.sub(r"\s+", "", text)


# --- dates and times -------------------------------------------------------------------

_DATE = re.compile(r"^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})[日号]?"
                   r"(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")  # a time of 00:00 after it, as CSVs have
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(text: str | None) -> dt.date | str | None:
    """A date from what a person types (2026-11-28, 2026.11.28, 2026/11/28, 2026年11月28日,
    ２０２６－１１－２８, 20261128); None when empty, the text itself when it is not a date."""
    if text is None or not str(text).strip():
        return None
    compact = code(str(text))
    match = _DATE.match(compact) or _DATE_COMPACT.match(compact)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    return one_line(str(text))


_TIME = re.compile(r"^(\d{1,2})[:.时点](?:(\d{1,2})分?|(半))?(?::\d{2})?$")
_TIME_COMPACT = re.compile(r"^(\d{1,2})(\d{2})$")
_AFTERNOON = ("下午", "晚上", "傍晚", "中午")
_MORNING = ("上午", "早上", "凌晨", "早晨")


def parse_time(text: str | None) -> dt.time | str | None:
    """A time of day from 9:00, 9：00, 09:00:00, 9点, 9点半, 9点30分, 9时, 0930, 下午3点;
    None when empty, the text itself when it is not one."""
    if text is None or not str(text).strip():
        return None
    compact = code(str(text)).replace("：", ":")
    afternoon = compact.startswith(_AFTERNOON)
    compact = compact.removeprefix(next((w for w in (*_AFTERNOON, *_MORNING) if compact.startswith(w)), ""))
    match = _TIME.match(compact)
    if match:
        hour, minute = int(match.group(1)), 30 if match.group(3) else int(match.group(2) or 0)
    else:
        match = _TIME_COMPACT.match(compact)
        hour, minute = (int(match.group(1)), int(match.group(2))) if match else (-1, -1)
    if afternoon and 1 <= hour < 12:
        hour += 12
    try:
        return dt.time(hour, minute)
    except ValueError:
        return one_line(str(text))


def parse_int(text: str | None) -> int | str | None:
    """A whole number from "12", "１２", "12人", "12户", "1,200"; the text itself when it is not one."""
    if text is None or not str(text).strip():
        return None
    compact = code(str(text)).replace(",", "")
    match = re.fullmatch(r"(\d{1,15})(?:人|户|口|个|名|篇|次|字)?", compact)
    return int(match.group(1)) if match else one_line(str(text))
