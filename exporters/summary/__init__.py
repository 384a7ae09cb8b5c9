"""The campaign summary (活动总结): the office's own wording, the records' figures.

A summary is a sequence of sections (title, opening, 一、基本情况 …, 落款).
Each section's wording is text with placeholders in braces, ``{专题讨论会次数}``;
the office keeps its own wording of a section per campaign (``SummaryText``),
and where it has none the default (``sections``) is used, modelled on the two real
summaries in the product brief's seeds. Writing the summary fills every
placeholder from ``models.figures`` (counted once, so the summary agrees with the
registers) and lays the text out with ``exporters.official``. Regenerated after
new records, the same wording gives the same document with new figures.

The wording's own lines are its paragraphs. A line opening with 一、 is a
heading of the first level, （一） of the second and 1. of the third; a second-
or third-level heading followed on its line by text (（一）宣传发动，积极动员。正文…)
is run into its paragraph, as the seeds write them. Headings are numbered again
in document order, so a section left out (an empty wording, or a default
section whose records are all missing, such as visits for a county bureau)
leaves no gap in 一、二、三.

A placeholder the summary does not know is left visible as 【名称】 in the
document and reported, never an error: the office sees it and corrects it.
The table of placeholders is ``PLACEHOLDERS`` (name, what it gives, group).

- ``context``: what a summary covers and what its placeholders may quote;
- ``numbers``, ``phrases``: numbers and sentences as a summary writes them;
- ``placeholders``: the table of placeholders;
- ``filling``: a text filled, leaving out what would state a zero, rounded wording;
- ``sections``: the sections and their default wording;
- ``own_wording``: the office's own wording, kept per campaign;
- ``blocks``: filled wording to paragraphs and numbered headings;
- ``document``: the whole summary composed and written.
"""

from exporters.summary.blocks import Block, blocks_of, number
from exporters.summary.context import Context, SummaryOptions
from exporters.summary.document import Composition, SummaryResult, compose, write_summary
from exporters.summary.filling import Filled, fill, rounded, worded
from exporters.summary.numbers import cn_number, ordinal_list, percent
from exporters.summary.own_wording import reset_wording, save_wording, saved_wording, wording
from exporters.summary.placeholders import PLACEHOLDERS, Placeholder, placeholders_in
from exporters.summary.sections import SECTION_KEYS, SECTIONS, Section, section

__all__ = ["PLACEHOLDERS", "SECTIONS", "SECTION_KEYS", "Block", "Composition", "Context", "Filled",
           "Placeholder", "Section", "SummaryOptions", "SummaryResult", "blocks_of", "cn_number", "compose",
           "fill", "number", "ordinal_list", "percent", "placeholders_in", "reset_wording", "rounded",
           "save_wording", "saved_wording", "section", "worded", "wording", "write_summary"]
