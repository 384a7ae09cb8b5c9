"""Numbers as a summary writes them: 一、十二、二十五; 96.5%; 一是…；二是…"""

from __future__ import annotations

from models.rates import percent

__all__ = ["cn_number", "ordinal_list", "percent"]

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (for 一是、二是 and 五大类)."""
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")
    return str(n)


def ordinal_list(parts: list[str]) -> str:
    """一是…；二是…"""
    return "；".join(f"{cn_number(i)}是{part}" for i, part in enumerate(parts, 1))
