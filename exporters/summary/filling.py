"""Filling a wording's placeholders, and saying only what the records support.

``fill`` replaces every placeholder by its value. A clause (the text between
two of ，、；：。) that quotes a figure which is zero or empty is left out —
"征集意见建议0条" is never printed — unless the office wrote what to say instead:
``{征集意见建议条数|本阶段未收到意见建议}`` puts that text in place of the clause.
A part of a sentence (between ；：。) whose every clause with a figure was left
out goes with them, connecting words and all ("对尚未完成的0个问题逐项跟踪、按期销号").

A figure may be worded rounded: ``{全体干部大会次数:余}`` gives 10余 for 12,
30余 for 37, 6100余 for 6117, 1.2万余 for 12706; ``{学习笔记最少字数:整}``
gives 5000 for 5454 (for "每人…字以上"). A placeholder the summary does not know
is left visible as 【名称】 and reported, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from exporters.summary.context import Context
from exporters.summary.placeholders import FIGURE, OPTIONAL, PLACEHOLDERS
from models.rates import percent

CLAUSE_ENDS = "，、"
PART_ENDS = "；：。！？"
STRENGTH = {"、": 1, "，": 2, "；": 3, "：": 3, "。": 4, "！": 4, "？": 4, "": 0}
_PIECES = re.compile(r"(\{[^{}\n]{1,60}\})|([，、；：。！？])")


@dataclass
class Filled:
    text: str
    unknown: list[str] = field(default_factory=list)


@dataclass
class _Clause:
    text: str = ""
    end: str = ""  # the punctuation that closes it
    figures: int = 0  # figure placeholders in it
    zero: bool = False  # one of them is zero or empty
    instead: str | None = None  # what the office says instead of a zero


def fill(text: str, context: Context, cache: dict[str, Any] | None = None) -> Filled:
    """``text`` with every known placeholder filled, and the clauses that would state a zero left out."""
    values = cache if cache is not None else {}
    unknown: list[str] = []
    lines = [_line(line, context, values, unknown) for line in (text or "").split("\n")]
    return Filled("\n".join(line for line in lines if line is not None), unknown)


def _line(line: str, context: Context, values: dict[str, Any], unknown: list[str]) -> str | None:
    parts = _parts(line, context, values, unknown)
    if not line.strip():
        return line
    kept = [(clauses, end) for clauses, end in parts if _part_kept(clauses)]
    if not kept:
        return None
    return _join(kept, parts)


def _parts(line: str, context: Context, values: dict[str, Any],
           unknown: list[str]) -> list[tuple[list[_Clause], str]]:
    """The line's parts (ending in ；：。) of clauses (ending in ，、), placeholders filled."""
    parts: list[tuple[list[_Clause], str]] = []
    clauses: list[_Clause] = []
    clause = _Clause()
    position = 0
    for match in _PIECES.finditer(line):
        clause.text += line[position:match.start()]
        position = match.end()
        if match.group(1):
            if _put(clause, match.group(1)[1:-1], context, values, unknown):
                clauses.append(clause)  # a whole sentence: a part of its own
                parts.append((clauses, ""))
                clauses, clause = [], _Clause()
            continue
        mark = match.group(2)
        clause.end = mark
        clauses.append(clause)
        clause = _Clause()
        if mark in PART_ENDS:
            parts.append((clauses, mark))
            clauses = []
    clause.text += line[position:]
    if clause.text or clause.figures:
        clauses.append(clause)
    if clauses:
        parts.append((clauses, ""))
    return parts


def _put(clause: _Clause, inside: str, context: Context, values: dict[str, Any], unknown: list[str]) -> bool:
    """One placeholder's text into its clause, noting a figure that is zero; True if it ended a sentence.

    An optional placeholder whose text is whole sentences (the dated meetings) ends
    the part it is in, so that it is never left out with the clause that follows it.
    """
    main, bar, instead = inside.replace("｜", "|").partition("|")
    name, _colon, modifier = main.replace("：", ":").partition(":")
    name, modifier = name.strip(), modifier.strip()
    placeholder = PLACEHOLDERS.get(name)
    if placeholder is None:
        if name not in unknown:
            unknown.append(name)
        clause.text += f"【{name}】"
        return False
    if name not in values:
        values[name] = placeholder.value(context)
    value = values[name]
    if placeholder.kind == FIGURE:
        clause.figures += 1
        if _is_zero(value):
            clause.zero = True
            if bar:
                clause.instead = instead.strip()
    text = worded(value, modifier)
    clause.text += text
    return placeholder.kind == OPTIONAL and text.endswith(("。", "！", "？"))


def _is_zero(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, int | float) and not value)


def _part_kept(clauses: list[_Clause]) -> bool:
    """A part goes when it quoted figures and every clause that quoted one states a zero."""
    with_figures = [clause for clause in clauses if clause.figures]
    return not with_figures or any(not clause.zero or clause.instead is not None for clause in with_figures)


def _join(kept: list[tuple[list[_Clause], str]], parts: list[tuple[list[_Clause], str]]) -> str:
    """The kept parts and clauses with their punctuation; a left-out one lends its stronger mark."""
    out: list[tuple[str, str]] = []  # (text, end) of every kept clause in order
    for clauses, _end in parts:
        keep_part = any(clauses is k for k, _ in kept)
        for clause in clauses:
            if keep_part and (not clause.zero or clause.instead is not None):
                out.append((clause.instead if clause.zero and clause.instead is not None else clause.text,
                            clause.end))
            elif out:
                text, end = out[-1]
                out[-1] = (text, max(end, clause.end, key=lambda mark: STRENGTH.get(mark, 0)))
    return "".join(text + end for text, end in out)


# --- rounded wording ------------------------------------------------------------------------------

def worded(value: Any, modifier: str = "") -> str:
    """A value as the summary writes it: a rate 96.5%, a count as it is or rounded (余, 整)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return percent(value)
    if isinstance(value, int) and not isinstance(value, bool) and modifier in ("余", "整"):
        return rounded(value, modifier == "余")
    return str(value)


def rounded(n: int, more: bool) -> str:
    """``more``: 10余 for 12, 30余 for 37, 6100余 for 6117, 1.2万余 for 12706 (the number itself if round).

    Otherwise rounded down to its first digit: 5000 for 5454, 30 for 37 ("每人5000字以上").
    """
    if n < 10:
        return str(n)
    digits = len(str(n))
    keep = 1 if (not more or n < 100) else 2
    step = 10 ** (digits - keep)
    down = n // step * step
    suffix = "余" if more and down != n else ""
    if down >= 10000 and down % 1000 == 0:
        wan = down / 10000
        return f"{wan:g}万{suffix}"
    return f"{down}{suffix}"
