"""概览: where the campaign stands, at a glance, and what to do next."""

from ui.pages.overview.figures import ListRequest
from ui.pages.overview.page import OverviewPage, count_ahead

__all__ = ["ListRequest", "OverviewPage", "count_ahead"]
