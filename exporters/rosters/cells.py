"""Cells of a roster as text: what offices type into them, read the one way.

Spaces typed for alignment (full-width, non-breaking) are trimmed and
full-width digits and letters folded (``models.normalize``), a number Excel
stored for "1" or "1组" reads as the text, a date as 2026-03-02, household
types are found under the words offices use for them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from models import normalize, vocab

# Words for household types that are not exactly the label the program prints.
TAG_WORDS = {
    "脱贫": "poverty_exited", "脱贫人口": "poverty_exited", "监测": "monitored",
    "监测对象": "monitored", "防返贫监测户": "monitored", "低保": "subsistence",
    "五保": "five_guarantees", "特困户": "five_guarantees", "特困供养": "five_guarantees",
    "留守老人": "left_behind_elderly", "残疾户": "disability", "残疾人": "disability",
}
NO_TAG = ("一般户", "普通户", "无", "否", "/")


def text_of(value: Any) -> str:
    """A cell as text: spaces of every kind trimmed, full-width digits folded, numbers without ".0"."""
    if type(value) is str:
        return normalize.one_line(value) if value else ""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return normalize.one_line(str(value))


def shown(value: Any) -> str:
    """A cell as the preview shows it (a fraction in full, so that nothing is hidden)."""
    if isinstance(value, float) and not value.is_integer():
        return repr(value)
    return text_of(value)


def blank(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, str) and not text_of(value))


def group_name(value: Any) -> str:
    """"1", 1, "１" and "1组" name the same group: "1组"."""
    text = re.sub(r"\s+", "", text_of(value))
    return text + "组" if text.isascii() and text.isdigit() else text


@functools.lru_cache(maxsize=1024)  # a roster repeats a few spellings thousands of times
def tag_codes(text: str) -> str:
    """Codes of the household types named in ``text`` ("脱贫户、低保户"); unknown words kept."""
    codes = []
    for word in re.split(r"[、,，;；/\s]+", text):
        if not word or word in NO_TAG:
            continue
        code = vocab.HOUSEHOLD_TAGS.code_for(word) or TAG_WORDS.get(word) or TAG_WORDS.get(
            word.removesuffix("户")) or vocab.HOUSEHOLD_TAGS.code_for(word + "户") or word
        if code not in codes:
            codes.append(code)
    return ",".join(codes)
