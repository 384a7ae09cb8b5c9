"""The overview's four charts: sessions per month, coverage per village, suggestions by
category and status, problems found and closed. A bar opens the records it counts;
right-click saves a chart as a picture.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QGridLayout, QMenu, QWidget

from models import overview, vocab
from models.figures import Scope
from ui.common import settings, translate
from ui.pages.overview.figures import ListRequest
from ui.widgets.charts import BarChart, Series


class OverviewCharts(QWidget):
    list_requested = Signal(object)  # ListRequest

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scope = Scope()
        self._session_kinds: list[str] = []
        self._suggestion_statuses: list[str] = []
        self._coverage: list = []
        self.charts = {
            "sessions": BarChart(translate("Overview", "Study sessions per month")),
            "coverage": BarChart(translate("Overview", "Households visited, per village")),
            "suggestions": BarChart(translate("Overview", "Suggestions by category and status")),
            "rectifications": BarChart(translate("Overview", "Problems found and closed (cumulative)")),
        }
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (key, chart) in enumerate(self.charts.items()):
            chart.empty_text = translate("Overview", "No records yet")
            chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            chart.customContextMenuRequested.connect(lambda _p, k=key: self._chart_menu(k))
            chart.setToolTip(translate("Overview", "Right-click to save as a picture"))
            grid.addWidget(chart, index // 2, index % 2)
        self.charts["coverage"].bar_clicked.connect(self._on_coverage_clicked)
        self.charts["sessions"].bar_clicked.connect(
            lambda _c, s: self._open("sessions", choice=self._session_kinds[s]))
        self.charts["rectifications"].bar_clicked.connect(lambda _c, _s: self._open("rectifications"))
        self.charts["suggestions"].bar_clicked.connect(
            lambda _c, s: self._open("suggestions", choice=self._suggestion_statuses[s]))

    def show_result(self, result: overview.Overview, scope: Scope) -> None:
        self.scope = scope
        self._show_sessions(result)
        self._show_coverage(result)
        self._show_suggestions(result)
        series = result.rectifications_per_month
        self.charts["rectifications"].set_data(
            [month for month, _f, _c in series],
            [Series(translate("Overview", "found"), tuple(found for _m, found, _c in series)),
             Series(translate("Overview", "closed"), tuple(closed for _m, _f, closed in series))])

    def _show_sessions(self, result: overview.Overview) -> None:
        months = [month for month, _counts in result.sessions_per_month]
        kinds = [code for code in vocab.SESSION_KINDS.codes()
                 if any(counts[code] for _m, counts in result.sessions_per_month)]
        self._session_kinds = kinds
        self.charts["sessions"].set_data(
            months, [Series(vocab.SESSION_KINDS.label(kind),
                            tuple(counts[kind] for _m, counts in result.sessions_per_month))
                     for kind in kinds],
            stacked=True)

    def _show_coverage(self, result: overview.Overview) -> None:
        coverage = sorted(result.figures.coverage, key=lambda entry: -(entry.rate or 0.0))
        self._coverage = coverage
        # the ini file gives the percentage as text, or the default number when it has none
        target = int(cast("str | int", settings().value("overview/coverage_target", 100))) / 100
        self.charts["coverage"].set_data([entry.name for entry in coverage],
                                         [Series("", tuple(entry.rate or 0.0 for entry in coverage))],
                                         horizontal=True, percent=True, target=target)

    def _show_suggestions(self, result: overview.Overview) -> None:
        statuses = [code for code in vocab.SUGGESTION_STATUSES.codes()
                    if any(counts[code] for _c, counts in result.suggestions_by_category)]
        self._suggestion_statuses = statuses
        self.charts["suggestions"].set_data(
            [name or translate("Overview", "(no category)") for name, _c in result.suggestions_by_category],
            [Series(vocab.SUGGESTION_STATUSES.label(status),
                    tuple(counts[status] for _n, counts in result.suggestions_by_category))
             for status in statuses], stacked=True)

    def _open(self, key: str, **filters) -> None:
        scope = self.scope
        base = {"campaign": scope.campaign, "date_from": scope.date_from, "date_to": scope.date_to}
        self.list_requested.emit(ListRequest(key, {**base, **filters}))

    def _on_coverage_clicked(self, category: int, _series: int) -> None:
        entry = self._coverage[category]
        self.list_requested.emit(ListRequest("households", {
            "village": entry.village, "extra": [overview.unvisited_condition(self.scope)],
            "label": translate("Overview", "not visited")}))

    def _chart_menu(self, key: str) -> None:
        menu = QMenu(self)
        menu.addAction(translate("Overview", "Save as picture…"), lambda: self.save_chart(key))
        menu.exec(self.cursor().pos())

    def save_chart(self, key: str, path: str | None = None) -> bool:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, translate("Overview", "Save chart"), f"{self.charts[key].title}.png",
                translate("Overview", "PNG pictures (*.png)"))
            if not path:
                return False
        return self.charts[key].save_png(path)
