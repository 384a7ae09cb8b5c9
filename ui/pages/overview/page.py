"""概览: where the campaign stands, at a glance, and what to do next.

The figures are those of ``models.figures`` — the very numbers the registers'
statistics sheet and the summary print. Each is a button that opens the list
of the records behind it, already filtered. Everything is counted on a worker
thread with its own connection, so the window never waits for the county's
million visits.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import figures, first_page, overview, settings
from models.figures import Scope
from models.i18n import QT_TRANSLATE_NOOP
from ui.common import translate
from ui.jobs import run_here, run_in_background
from ui.pages.overview.ahead import opening_scope, take
from ui.pages.overview.charts import OverviewCharts
from ui.pages.overview.figures import FigureBox, ListRequest
from ui.widgets.choices import campaign_choices, chosen_key, fill_choices, filter_box, village_choices
from ui.widgets.date_input import DateInput


class OverviewPage(QWidget):
    list_requested = Signal(object)  # ListRequest
    record_requested = Signal(object, object)  # model, record id
    figures_shown = Signal()  # the figures on the page are up to date (the charts and to-do follow)
    computed = Signal()  # everything on the page is up to date

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result: overview.Overview | None = None
        self.scope = Scope()
        self._generation = 0
        self._computed = -1  # the refresh whose result the page shows
        self.state = QLabel()
        self.state.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.figure_box = FigureBox()
        self.figure_box.list_requested.connect(self.list_requested)
        self.chart_panel = OverviewCharts()
        self.chart_panel.list_requested.connect(self.list_requested)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.state)
        layout.addWidget(self.status)
        layout.addWidget(self.figure_box)
        layout.addWidget(self._todo_box())
        layout.addWidget(self.chart_panel)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addLayout(self._filter_bar())
        outer.addWidget(scroll, 1)
        self.reload_choices()

    def _filter_bar(self) -> QHBoxLayout:
        """The campaign, the village and the dates the figures are counted for."""
        self.campaign = filter_box()
        self.village = filter_box()
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
        return filters

    def _todo_box(self) -> QGroupBox:
        self.todo = QTreeWidget()
        self.todo.setHeaderHidden(True)
        self.todo.setMinimumHeight(220)
        self.todo.itemActivated.connect(self._on_todo_activated)
        self.todo_settings = self._todo_settings()
        box = QGroupBox(translate("Overview", "To do"))
        column = QVBoxLayout(box)
        column.addLayout(self.todo_settings)
        column.addWidget(self.todo)
        return box

    # --- filters ------------------------------------------------------------------------------

    def reload_choices(self) -> None:
        current = settings.current_campaign()
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
        if str(value) != settings.get_setting(key):
            settings.set_setting(key, str(value))
            self.refresh()

    # --- computing ----------------------------------------------------------------------------

    def refresh(self, *_args, wait: bool = False) -> None:
        """Count again (on a worker thread unless ``wait``): the figures first, then the charts and to-do."""
        scope = self.scope = self.current_scope()
        self._generation += 1
        generation = self._generation
        self.status.setText(translate("Overview", "Counting…"))
        ahead = None if wait else take(scope)
        if ahead is not None:  # the first refresh: counted since the data file was opened
            ahead.then("figures", lambda counted: self._on_counted(generation, counted, wait, ahead),
                       lambda error: self._on_failed(generation, error), owner=self)
            return
        run = run_here if wait else run_in_background
        run(lambda _job: figures.compute(scope), lambda counted: self._on_counted(generation, counted, wait),
            lambda error: self._on_failed(generation, error), owner=self)

    def _on_counted(self, generation: int, counted: figures.Figures, wait: bool, ahead=None) -> None:
        if generation != self._generation:
            return
        scope = self.scope
        if ahead is None and not wait:  # the charts and to-do counted on the worker meanwhile
            self._count_the_rest(generation, counted, run_in_background)
        self.status.setText(translate("Overview", "Counted from {n} records of the data file.").format(
            n=f"{counted.records:,}"))
        self.figure_box.show_figures(counted, scope)
        self.figures_shown.emit()
        if ahead is not None:  # the charts and to-do follow from the job that counted the figures
            ahead.then("rest", lambda result: self._on_computed(generation, result),
                       lambda error: self._on_failed(generation, error), owner=self)
        elif wait:
            self._count_the_rest(generation, counted, run_here)

    def _count_the_rest(self, generation: int, counted: figures.Figures, run) -> None:
        scope = self.scope
        run(lambda _job: overview.compute(scope, counted),
            lambda result: self._on_computed(generation, result),
            lambda error: self._on_failed(generation, error), owner=self)

    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:  # shown on the page instead of the figures
            self.status.setText(translate("Overview", "The figures could not be counted: {error}").format(
                error=error))

    def _on_computed(self, generation: int, result: overview.Overview) -> None:
        if generation != self._generation:
            return
        self.result, self._computed = result, generation
        self._show_state(result)
        self.chart_panel.show_result(result, self.scope)
        self._show_todo(result)
        if self.scope == opening_scope():
            first_page.counted(result)  # kept in the file when the window closes: the next start shows it
        self.computed.emit()

    def up_to_date(self) -> bool:
        """Everything on the page shows what its last refresh counted (or the page the file kept)."""
        return self.result is not None and self._computed == self._generation

    def when_computed(self, callback) -> None:
        """``callback()`` once everything on the page is up to date: now, if it is already."""
        if self.up_to_date():
            callback()
        else:
            self.computed.connect(callback, Qt.ConnectionType.SingleShotConnection)

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



