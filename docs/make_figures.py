"""Write the table of figures into docs/figures.md, from the definitions in the code.

    python docs/make_figures.py

Each figure of ``models.figures.DEFINITIONS``: its term and unit (``models.vocab``),
its definition, whether the overview shows it, and the placeholders of the
summary that give it. ``tests/models/test_figures_doc.py`` fails when the
file is not what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "figures.md"
START, END = "<!-- figures: written by docs/make_figures.py -->", "<!-- /figures -->"


def table() -> str:
    sys.path.insert(0, str(ROOT))
    from exporters.summary import PLACEHOLDERS
    from models import figures, vocab

    placeholders: dict[str, list[str]] = {}
    for placeholder in PLACEHOLDERS.values():
        if placeholder.figure:
            placeholders.setdefault(placeholder.figure, []).append(f"`{{{placeholder.name}}}`")
    lines = []
    for topic in vocab.TOPICS.codes():
        lines += ["", f"### {vocab.TOPICS.zh(topic)}", "",
                  "| 数字 | 单位 | 定义 | 概览 | 统计汇总 | 总结占位符 |", "|---|---|---|---|---|---|"]
        for d in figures.DEFINITIONS:
            if d.topic != topic:
                continue
            unit = "%" if d.of else d.unit
            sheet = "是（有记录的类型）" if d.code else "是，并列出算式" if d.of else "是"
            overview = ("是（有记录的类型）" if d.code else "是") if d.overview else ""
            lines.append(f"| {d.term} | {unit} | {d.means} | {overview} | {sheet} | "
                         f"{'、'.join(placeholders.get(d.key, []))} |")
    return "\n".join(lines).strip("\n")


def render(text: str) -> str:
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    return f"{before}{START}\n{table()}\n{END}{after}"


def main() -> int:
    DOC.write_text(render(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
