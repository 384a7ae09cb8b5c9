"""From a section's filled wording to the document's blocks: paragraphs and numbered headings.

A line opening with 一、 is a heading of the first level, （一） of the second
and 1. of the third; a second- or third-level heading followed on its line by
text (（一）宣传发动，积极动员。正文…) is run into its paragraph, as the seeds
write them. Headings are numbered again in document order, so a section left
out leaves no gap in 一、二、三.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exporters.summary.numbers import cn_number

_CN = "一二三四五六七八九十"
_LEVEL1 = re.compile(rf"^([{_CN}]+)、\s*(.*)$")
_LEVEL2 = re.compile(rf"^[（(]([{_CN}]+)[）)]\s*(.*)$")
_LEVEL3 = re.compile(r"^(\d+)([.．、])\s*(.*)$")


@dataclass
class Block:
    kind: str  # title, heading, body, signature
    text: str
    level: int = 0  # of a heading, or of the run-in heading of a body paragraph
    run_in: str = ""


def _split_run_in(rest: str) -> tuple[str, str]:
    """("宣传发动，积极动员。", "正文…") when a sentence follows the heading on its line."""
    end = rest.find("。")
    if 0 <= end < len(rest) - 1:
        return rest[:end + 1], rest[end + 1:]
    return rest, ""


def blocks_of(text: str) -> list[Block]:
    """The paragraphs of one section's filled text, with their headings recognised."""
    blocks = []
    for line in (text or "").split("\n"):
        line = line.strip()
        if not line:
            continue
        if match := _LEVEL1.match(line):
            blocks.append(Block("heading", match.group(2), 1))
        elif match := _LEVEL2.match(line):
            head, body = _split_run_in(match.group(2))
            blocks.append(Block("body", body, 2, head) if body else Block("heading", head, 2))
        elif match := _LEVEL3.match(line):
            head, body = _split_run_in(match.group(3))
            blocks.append(Block("body", body, 3, match.group(2) + head) if body
                          else Block("heading", match.group(2) + head, 3))
        else:
            blocks.append(Block("body", line))
    return blocks


def number(blocks: list[Block]) -> list[Block]:
    """Number the headings again in document order: 一、（一）1. with no gaps."""
    counters = [0, 0, 0, 0]
    for block in blocks:
        level = block.level
        if not level:
            continue
        counters[level] += 1
        for lower in range(level + 1, 4):
            counters[lower] = 0
        n = counters[level]
        prefix = {1: f"{cn_number(n)}、", 2: f"（{cn_number(n)}）", 3: str(n)}[level]
        if block.kind == "heading":
            block.text = prefix + block.text
        else:
            block.run_in = prefix + block.run_in
    return blocks
