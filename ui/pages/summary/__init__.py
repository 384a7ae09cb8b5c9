"""活动总结: the office's wording beside a live preview, and the documents written from it."""

from ui.pages.summary.page import SummaryPage
from ui.pages.summary.preview import preview_html

__all__ = ["SummaryPage", "preview_html"]
