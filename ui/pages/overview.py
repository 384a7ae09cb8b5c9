"""概览: where the campaign stands, at a glance, and what to do next.

The figures are those of ``models.figures`` — the very numbers the registers'
statistics sheet and the summary print. Each is a button that opens the list
of the records behind it, already filtered. Everything is counted on a worker
thread with its own connection, so the window never waits for the county's
million visits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import figures, lists, overview, store, vocab
from models import records as r
from models.figures import Scope
from models.i18n import QT_TRANSLATE_NOOP
from ui.common import settings, translate
from ui.jobs import run_here, run_in_background
from ui.widgets.charts import BarChart, Series
from ui.widgets.choices import campaign_choices, chosen_key, fill_choices, village_choices
from ui.widgets.date_input import DateInput


@dataclass(frozen=True)
class ListRequest:
    """Which list a figure opens, and with what filters (see RecordPage.show_filtered)."""

    key: str
    filters: dict[str, Any] = field(default_factory=dict)


class FigureButton(QToolButton):
    """A number and what it counts; a click opens the records behind it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumWidth(72)
        self.setStyleSheet("QToolButton { font-size: 13px; padding: 4px 8px; }"
                           "QToolButton:hover { background: #e8f0fb; }")
        self.request: ListRequest | None = None

    def show_figure(self, value: str, label: str, request: ListRequest | None) -> None:
        self.setText(f"{value}\n{label}")
        self.setMinimumWidth(max(72, self.sizeHint().width()))  # never elided
        self.request = request
        self.setToolTip(translate("Overview", "Click to see these records") if request else "")


class OverviewPage(QWidget):
    list_requested = Signal(object)  # ListRequest
    record_requested = Signal(object, object)  # model, record id
    computed = Signal()  # the figures on the page are up to date

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result: overview.Overview | None = None
        self.scope = Scope()
        self._generation = 0

        self.campaign = QComboBox()
        self.village = QComboBox()
        self.date_from, self.date_to = DateInput(), DateInput()
        self.campaign.currentIndexChanged.connect(self.refresh)
        self.village.currentIndexChanged.connect(self.refresh)
        for widget in (self.date_from, self.date_to):
            widget.edited.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(self.campaign, 2)
        filters.addWidget(self.village, 1)
        filters.addWidget(QLabel(translate("Lists", "From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(translate("Lists", "to")))
        filters.addWidget(self.date_to)

        self.state = QLabel()
        self.state.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")

        self.figure_box = QGroupBox(translate("Overview", "Figures"))
        self.figure_grid = QGridLayout(self.figure_box)
        self.buttons: list[FigureButton] = []

        self.charts = {
            "sessions": BarChart(translate("Overview", "Study sessions per month")),
            "coverage": BarChart(translate("Overview", "Households visited, per village")),
            "suggestions": BarChart(translate("Overview", "Suggestions by category and status")),
            "rectifications": BarChart(translate("Overview", "Problems found and closed (cumulative)")),
        }
        chart_grid = QGridLayout()
        for index, (key, chart) in enumerate(self.charts.items()):
            chart.empty_text = translate("Overview", "No records yet")
            chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            chart.customContextMenuRequested.connect(lambda _p, k=key: self._chart_menu(k))
            chart.setToolTip(translate("Overview", "Right-click to save as a picture"))
            chart_grid.addWidget(chart, index // 2, index % 2)
        self.charts["coverage"].bar_clicked.connect(self._on_coverage_clicked)
        self.charts["sessions"].bar_clicked.connect(
            lambda _c, s: self._open("sessions", choice=self._session_kinds[s]))
        self.charts["rectifications"].bar_clicked.connect(lambda _c, _s: self._open("rectifications"))
        self.charts["suggestions"].bar_clicked.connect(
            lambda _c, s: self._open("suggestions", choice=self._suggestion_statuses[s]))
        self._session_kinds: list[str] = []
        self._suggestion_statuses: list[str] = []

        self.todo = QTreeWidget()
        self.todo.setHeaderHidden(True)
        self.todo.setMinimumHeight(220)
        self.todo.itemActivated.connect(self._on_todo_activated)
        self.todo_settings = self._todo_settings()
        todo_box = QGroupBox(translate("Overview", "To do"))
        todo_layout = QVBoxLayout(todo_box)
        todo_layout.addLayout(self.todo_settings)
        todo_layout.addWidget(self.todo)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.state)
        layout.addWidget(self.status)
        layout.addWidget(self.figure_box)
        layout.addWidget(todo_box)
        layout.addLayout(chart_grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addLayout(filters)
        outer.addWidget(scroll, 1)
        self.reload_choices()

    # --- filters ------------------------------------------------------------------------------

    def reload_choices(self) -> None:
        current = store.current_campaign()
        for combo, all_text, choices, default in (
                (self.campaign, translate("Lists", "All campaigns"), campaign_choices,
                 current.id.hex if current else None),
                (self.village, translate("Lists", "All villages"), village_choices, None)):
            fill_choices(combo, choices(), all_text, default)

    def current_scope(self) -> Scope:
        start, end = self.date_from.value(), self.date_to.value()
        return Scope(campaign=chosen_key(self.campaign), village=chosen_key(self.village),
                     date_from=None if isinstance(start, str) else start,
                     date_to=None if isinstance(end, str) else end)

    def _todo_settings(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.limits: dict[str, QSpinBox] = {}
        for key, before, after in (
                ("todo_reply_days", translate("Overview", "Suggestions unanswered for"),
                 translate("Overview", "days or more;")),
                ("todo_deadline_days", translate("Overview", "rectifications due within"),
                 translate("Overview", "days;")),
                ("todo_absences", translate("Overview", "persons absent more than"),
                 translate("Overview", "times"))):
            spin = QSpinBox()
            spin.setRange(0, 365)
            spin.setValue(overview.setting(key))
            spin.editingFinished.connect(lambda k=key, s=spin: self._limit_changed(k, s.value()))
            self.limits[key] = spin
            row.addWidget(QLabel(before))
            row.addWidget(spin)
            row.addWidget(QLabel(after))
        row.addStretch(1)
        return row

    def _limit_changed(self, key: str, value: int) -> None:
        if str(value) != store.get_setting(key):
            store.set_setting(key, str(value))
            self.refresh()

    # --- computing ----------------------------------------------------------------------------

    def refresh(self, *_args, wait: bool = False) -> None:
        """Count again (on a worker thread unless ``wait``)."""
        scope = self.scope = self.current_scope()
        self._generation += 1
        generation = self._generation
        self.status.setText(translate("Overview", "Counting…"))
        run = run_here if wait else run_in_background
        run(lambda _job: overview.compute(scope), lambda result: self._on_computed(generation, result),
            lambda error: self._on_failed(generation, error))

    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:  # shown on the page instead of the figures
            self.status.setText(translate("Overview", "The figures could not be counted: {error}").format(
                error=error))

    def _on_computed(self, generation: int, result: overview.Overview) -> None:
        if generation != self._generation:
            return
        self.result = result
        self.status.setText(translate("Overview", "Counted from {n} records of the data file.").format(
            n=f"{result.figures.sessions + result.figures.visits + result.figures.suggestions:,}"))
        self._show_state(result)
        self._show_figures(result.figures)
        self._show_charts(result)
        self._show_todo(result)
        self.computed.emit()

    # --- showing -----------------------------------------------------------------------------------

    def _show_state(self, result: overview.Overview) -> None:
        campaign = result.campaign
        if campaign is None:
            self.state.setText(translate("Overview", "All campaigns"))
            return
        parts = [f"“{campaign.name}”"]
        if result.phase:
            parts.append(translate("Overview", "phase: {phase}").format(phase=result.phase))
        if result.days_left is not None:
            parts.append(translate("Overview", "{n} days left").format(n=result.days_left)
                         if result.days_left >= 0 else
                         translate("Overview", "ended {n} days ago").format(n=-result.days_left))
        self.state.setText("　".join(parts))

    def _figures(self, f: figures.Figures) -> list[tuple[str, list[tuple[str, str, ListRequest]]]]:
        """Every figure the summary quotes, by topic: (value, label, the list it opens)."""
        scope = self.scope
        common = {"campaign": scope.campaign, "date_from": scope.date_from, "date_to": scope.date_to}
        place = {**common, "village": scope.village}

        def request(key: str, **filters) -> ListRequest:
            return ListRequest(key, {**(place if key in ("visits", "households") else common), **filters})

        def by_kind(counter, vocabulary, key):
            return [(str(count), vocabulary.label(kind), request(key, choice=kind))
                    for kind, count in sorted(counter.items(), key=lambda item: -item[1])]

        entered = f.expected - f.attendance[None]
        return [
            (translate("MainWindow", "Study sessions"), [
                (str(f.sessions), translate("Overview", "study sessions"), request("sessions")),
                *by_kind(f.sessions_by_kind, vocab.SESSION_KINDS, "sessions"),
                (f"{f.attendance_rate:.1%}", translate("Overview", "attendance ({attended} of {expected})")
                 .format(attended=f.attended, expected=entered), request("sessions"))]),
            (translate("MainWindow", "Study writings"), [
                (str(f.writings), translate("Overview", "study writings"), request("writings")),
                *by_kind(f.writings_by_kind, vocab.WRITING_KINDS, "writings")]),
            (translate("MainWindow", "Household visits"), [
                (f"{f.visits:,}", translate("Overview", "household visits"), request("visits")),
                (f"{f.households_visited:,} / {f.households:,}",
                 translate("Overview", "households visited ({rate:.1%})").format(rate=f.coverage_rate),
                 request("households", extra=[~overview.unvisited_condition(scope)],
                         label=translate("Overview", "visited"))),
                (f"{f.households - f.households_visited:,}", translate("Overview", "households not visited"),
                 request("households", extra=[overview.unvisited_condition(scope)],
                         label=translate("Overview", "not visited")))]),
            (translate("MainWindow", "Suggestions"), [
                (str(f.suggestions), translate("Overview", "suggestions collected"), request("suggestions")),
                (str(f.suggestion_items), translate("Overview", "consolidated items in {n} categories")
                 .format(n=f.suggestion_categories),
                 request("suggestions", extra=[r.Suggestion.item.is_null(False)],
                         label=translate("Overview", "merged"))),
                (str(f.suggestions_answered), translate("Overview", "suggestions answered"),
                 request("suggestions", extra=[r.Suggestion.status.in_(vocab.SUGGESTION_ANSWERED)],
                         label=translate("Overview", "answered")))]),
            (translate("MainWindow", "Rectification"), [
                (str(f.rectifications), translate("Overview", "problems to rectify"),
                 request("rectifications")),
                (str(f.rectifications_done), vocab.RECTIFICATION_STATUSES.label("done"),
                 request("rectifications", choice="done")),
                (str(f.rectifications_in_progress), vocab.RECTIFICATION_STATUSES.label("in_progress"),
                 request("rectifications", choice="in_progress")),
                (str(f.rectifications_overdue), translate("Lists", "Overdue"),
                 request("rectifications", choice=lists.OVERDUE))]),
            (translate("MainWindow", "Publicity"), [
                (str(f.publicity), translate("Overview", "publicity items"), request("publicity")),
                *by_kind(f.publicity_by_kind, vocab.PUBLICITY_KINDS, "publicity")]),
        ]

    PER_LINE = 6

    def _show_figures(self, f: figures.Figures) -> None:
        while self.figure_grid.count():
            widget = self.figure_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.buttons = []
        for row, (topic, entries) in enumerate(self._figures(f)):
            title = QLabel(topic)
            title.setStyleSheet("font-weight: bold;")
            self.figure_grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            cell = QWidget()
            lines = QGridLayout(cell)  # a topic of many kinds wraps onto a second line
            lines.setContentsMargins(0, 0, 0, 0)
            for index, (value, label, request) in enumerate(entries):
                button = FigureButton()
                button.show_figure(value, label, request)
                button.clicked.connect(lambda _c=False, b=button: self._on_figure_clicked(b))
                lines.addWidget(button, index // self.PER_LINE, index % self.PER_LINE)
                self.buttons.append(button)
            lines.setColumnStretch(self.PER_LINE, 1)
            self.figure_grid.addWidget(cell, row, 1)
        self.figure_grid.setColumnStretch(1, 1)

    def _show_charts(self, result: overview.Overview) -> None:
        months = [month for month, _counts in result.sessions_per_month]
        kinds = [code for code in vocab.SESSION_KINDS.codes()
                 if any(counts[code] for _m, counts in result.sessions_per_month)]
        self._session_kinds = kinds
        self.charts["sessions"].set_data(
            months, [Series(vocab.SESSION_KINDS.label(kind),
                            tuple(counts[kind] for _m, counts in result.sessions_per_month))
                     for kind in kinds],
            stacked=True)
        coverage = sorted(result.figures.coverage, key=lambda entry: -entry.rate)
        self._coverage = coverage
        target = int(settings().value("overview/coverage_target", 100)) / 100
        self.charts["coverage"].set_data([entry.name for entry in coverage],
                                         [Series("", tuple(entry.rate for entry in coverage))],
                                         horizontal=True, percent=True, target=target)
        statuses = [code for code in vocab.SUGGESTION_STATUSES.codes()
                    if any(counts[code] for _c, counts in result.suggestions_by_category)]
        self._suggestion_statuses = statuses
        self.charts["suggestions"].set_data(
            [name or translate("Overview", "(no category)") for name, _c in result.suggestions_by_category],
            [Series(vocab.SUGGESTION_STATUSES.label(status),
                    tuple(counts[status] for _n, counts in result.suggestions_by_category))
             for status in statuses], stacked=True)
        series = result.rectifications_per_month
        self.charts["rectifications"].set_data(
            [month for month, _f, _c in series],
            [Series(translate("Overview", "found"), tuple(found for _m, found, _c in series)),
             Series(translate("Overview", "closed"), tuple(closed for _m, _f, closed in series))])

    TODO_GROUPS: ClassVar[dict[str, str]] = {
        "rectification": QT_TRANSLATE_NOOP("Overview", "Rectifications past or near their deadline"),
        "suggestion": QT_TRANSLATE_NOOP("Overview", "Suggestions waiting for a reply"),
        "village": QT_TRANSLATE_NOOP("Overview", "Households not visited yet"),
        "session": QT_TRANSLATE_NOOP("Overview", "Sessions not completely recorded"),
        "person": QT_TRANSLATE_NOOP("Overview", "Persons often absent"),
    }

    def _show_todo(self, result: overview.Overview) -> None:
        self.todo.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for item in result.todo:
            group = groups.get(item.kind)
            if group is None:
                group = QTreeWidgetItem([translate("Overview", self.TODO_GROUPS[item.kind])])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                self.todo.addTopLevelItem(group)
                groups[item.kind] = group
            line = QTreeWidgetItem([item.text])
            line.setData(0, Qt.ItemDataRole.UserRole, item)
            if item.overdue:
                line.setForeground(0, Qt.GlobalColor.darkRed)
            group.addChild(line)
        for group in groups.values():
            group.setText(0, f"{group.text(0)}（{group.childCount()}）")
            group.setExpanded(group.childCount() <= 12)
        if not groups:
            self.todo.addTopLevelItem(QTreeWidgetItem(
                [translate("Overview", "Nothing is waiting. Well done.")]))

    # --- opening what a figure or a line counts -------------------------------------------------------

    def _on_figure_clicked(self, button: FigureButton) -> None:
        if button.request is not None:
            self.list_requested.emit(button.request)

    def _open(self, key: str, **filters) -> None:
        scope = self.scope
        base = {"campaign": scope.campaign, "date_from": scope.date_from, "date_to": scope.date_to}
        self.list_requested.emit(ListRequest(key, {**base, **filters}))

    def _on_coverage_clicked(self, category: int, _series: int) -> None:
        entry = self._coverage[category]
        self.list_requested.emit(ListRequest("households", {
            "village": entry.village, "extra": [overview.unvisited_condition(self.scope)],
            "label": translate("Overview", "not visited")}))

    def _on_todo_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        todo = item.data(0, Qt.ItemDataRole.UserRole)
        if not isinstance(todo, overview.Todo):
            return
        if todo.record is not None:
            self.record_requested.emit(*todo.record)
        elif todo.village is not None:
            self.list_requested.emit(ListRequest("households", {
                "village": todo.village, "extra": [overview.unvisited_condition(self.scope)],
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

