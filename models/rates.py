"""A rate is its two counts' quotient, rounded half up to 0.1 %: printed the same by the sheet and the text.

The registers write the rounded value as a number formatted ``0.0%``, the
overview and the documents write it with ``percent``: both show the same digits,
and both can be recomputed from the counts printed beside them.
"""

from __future__ import annotations

from fractions import Fraction


def rate(numerator: int, denominator: int) -> float | None:
    """numerator ÷ denominator rounded half up to 0.1 % (0.811 for 73 ÷ 90); None without a denominator."""
    if not denominator:
        return None
    thousandths = Fraction(numerator * 1000, denominator)
    return int(thousandths + Fraction(1, 2)) / 1000


def percent(value: float | None, trim: bool = True) -> str:
    """0.811 → 81.1%; 1.0 → 100% (100.0% in a table: ``trim=False``); None → "" (nothing to divide by)."""
    if value is None:
        return ""
    text = f"{round(value * 1000) / 10:.1f}"
    return f"{text.removesuffix('.0') if trim else text}%"
