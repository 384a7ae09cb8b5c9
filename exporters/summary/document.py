"""The summary composed from its sections and written as an official document (.docx)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exporters.official import OfficialDocument
from exporters.summary.blocks import Block, blocks_of, number
from exporters.summary.context import Context, SummaryOptions
from exporters.summary.filling import fill
from exporters.summary.numbers import percent
from exporters.summary.own_wording import saved_wording, wording
from exporters.summary.sections import SECTIONS


@dataclass
class Composition:
    """The summary as blocks, with the placeholders it did not know."""

    title: str
    blocks: list[Block]
    signature: tuple[str, str]
    unknown: list[str]
    context: Context | None = None

    @property
    def annexes(self) -> list[str]:
        return self.context.annexes if self.context is not None else []


def compose(options: SummaryOptions, context: Context | None = None) -> Composition:
    context = context or Context.build(options)
    texts, saved = wording(options.campaign), saved_wording(options.campaign)
    unknown: list[str] = []
    cache: dict[str, str] = {}

    def filled(key: str) -> str:
        result = fill(texts[key], context, cache)
        unknown.extend(name for name in result.unknown if name not in unknown)
        return result.text

    title = filled("title").strip()
    blocks: list[Block] = []
    for s in SECTIONS:
        if s.key in ("title", "signature"):
            continue
        if s.key not in saved and not s.needs(context.figures):
            continue
        blocks.extend(blocks_of(filled(s.key)))
    lines = [line.strip() for line in filled("signature").split("\n") if line.strip()]
    signature = (lines[0] if lines else "", "\n".join(lines[1:]))
    return Composition(title, number(blocks), signature, unknown, context)


# --- the document ----------------------------------------------------------------------------

@dataclass
class SummaryResult:
    path: Path
    unknown: list[str]  # placeholders left visible as 【名称】


def write_summary(path: str | Path, options: SummaryOptions) -> SummaryResult:
    """Write the summary of ``options`` to ``path`` (.docx), atomically; its annexes after the signature."""
    composition = compose(options)
    document = OfficialDocument()
    document.set_title(composition.title.replace("\n", ""))
    document.title(composition.title)
    for block in composition.blocks:
        if block.kind == "heading":
            document.heading(block.level, block.text)
        else:
            document.paragraph(block.text, block.run_in, block.level or 2)
    annexes = [ANNEXES[key] for key in composition.annexes if key in ANNEXES]
    if annexes:
        document.attachment_note([title for title, _write in annexes])
    document.signature(*composition.signature)
    for index, (title, write) in enumerate(annexes, 1):
        document.annex(f"附件{index}" if len(annexes) > 1 else "附件", title)
        assert composition.context is not None
        write(document, composition.context)
    return SummaryResult(document.save(path), composition.unknown)


COVERAGE_TITLE = "各村（社区）走访覆盖情况表"
COVERAGE_HEADER = ("序号", "村（社区）", "总户数", "已走访户数", "未走访户数", "覆盖率")
COVERAGE_WIDTHS_MM = (13, 55, 18, 26, 26, 18)  # 156 mm; every header on one line in 小四


def _coverage_table(document: OfficialDocument, context: Context) -> None:
    """Each village's households, visited, not visited and coverage; the totals in the last row."""
    f = context.figures
    rows = [(str(index), v.name, str(v.households), str(v.visited), str(v.households - v.visited),
             percent(v.rate, trim=False)) for index, v in enumerate(f.coverage, 1)]
    rows.append(("", "合计", str(f.households), str(f.households_visited), str(f.households_unvisited),
                 percent(f.coverage_rate, trim=False)))
    document.grid(COVERAGE_WIDTHS_MM, COVERAGE_HEADER, rows, left=(1,))


ANNEXES = {"coverage": (COVERAGE_TITLE, _coverage_table)}
