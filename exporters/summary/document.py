"""The summary composed from its sections and written as an official document (.docx)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exporters.official import OfficialDocument, clean
from exporters.summary.blocks import Block, blocks_of, number
from exporters.summary.context import Context, SummaryOptions
from exporters.summary.own_wording import saved_wording, wording
from exporters.summary.placeholders import fill
from exporters.summary.sections import SECTIONS


@dataclass
class Composition:
    """The summary as blocks, with the placeholders it did not know."""

    title: str
    blocks: list[Block]
    signature: tuple[str, str]
    unknown: list[str]


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
    return Composition(title, number(blocks), signature, unknown)


# --- the document ----------------------------------------------------------------------------

@dataclass
class SummaryResult:
    path: Path
    unknown: list[str]  # placeholders left visible as 【名称】


def write_summary(path: str | Path, options: SummaryOptions) -> SummaryResult:
    """Write the summary of ``options`` to ``path`` (.docx), atomically."""
    composition = compose(options)
    document = OfficialDocument()
    document.document.core_properties.title = clean(composition.title.replace("\n", ""))
    document.title(composition.title)
    for block in composition.blocks:
        if block.kind == "heading":
            document.heading(block.level, block.text)
        else:
            document.paragraph(block.text, block.run_in, block.level or 2)
    document.signature(*composition.signature)
    return SummaryResult(document.save(path), composition.unknown)
