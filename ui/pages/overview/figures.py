"""The overview's figures: every number the summary quotes, each a button that opens its records.

The numbers are those of ``models.figures`` — the very ones the statistics
sheet and the summary print; here they are only arranged by topic and given
the list (with its filters) that shows the records behind each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from models import counting, figures, lists, overview, vocab
from models import records as r
from models.figures import Scope
from ui.common import translate


@dataclass(frozen=True)
class ListRequest:
    """Which list a figure opens, and with what filters (see RecordPage.show_filtered)."""

    key: str
    filters: dict[str, Any] = field(default_factory=dict)
    figure: str = ""  # the key of the figure whose records these are (figures.DEFINITION)



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


def figure_topics(f: figures.Figures, scope: Scope) -> list[tuple[str, list[tuple[str, str, ListRequest]]]]:
    """The figures of ``figures.DEFINITIONS`` marked for the overview, by topic: (value, label, the list).

    The labels are the vocabulary's terms (``models.vocab``), the very words the
    statistics sheet and the summary print; a rate shows the counts it is made of. Of one village, a
    topic no village has (publicity: the unit's, models/scope.py) is left out, not shown as 0.
    """
    topics: dict[str, list[tuple[str, str, ListRequest]]] = {}
    for definition in figures.DEFINITIONS:
        if not definition.overview:
            continue
        if scope.village is not None and not lists.LISTS[_LISTS[definition.topic]].by_village:
            continue
        value = definition.value(f)
        if definition.code and not value:
            continue  # a kind not recorded
        entry = _entry(f, definition, value, scope)
        topics.setdefault(vocab.TOPICS.label(definition.topic), []).append(entry)
    return list(topics.items())


_LISTS = {"sessions": "sessions", "writings": "writings", "visits": "visits", "suggestions": "suggestions",
          "rectification": "rectifications", "publicity": "publicity"}


def _entry(f: figures.Figures, definition: figures.Figure, value: Any,
           scope: Scope) -> tuple[str, str, ListRequest]:
    if definition.of is not None:
        top, bottom = (figures.DEFINITION[key] for key in definition.of)
        label = translate("Overview", "{rate} ({numerator} {n} / {denominator} {d})").format(
            rate=definition.label, numerator=top.label, n=f"{top.value(f):,}", denominator=bottom.label,
            d=f"{bottom.value(f):,}")
        return (figures.percent(value) or "—", label, _request(definition, scope))
    return (f"{value:,} {definition.unit}", definition.label, _request(definition, scope))


def _request(definition: figures.Figure, scope: Scope) -> ListRequest:
    """The list of the records behind a figure, with the figure's filters: its row count is the figure
    (every figure but those of NOT_ROWS, which count people, characters or villages)."""
    filters: dict[str, Any] = {"campaign": scope.campaign, "date_from": scope.date_from,
                               "date_to": scope.date_to}
    key = _LISTS[definition.topic]
    if definition.key.startswith("households") or definition.key in ("coverage_rate", "villages_covered"):
        key = "households"
    spec = lists.LISTS[key]
    if spec.by_village:
        filters["village"] = scope.village  # the list takes a village's records by the figures' own rule
    if definition.code and definition.vocabulary is spec.choice_vocabulary:
        filters["choice"] = definition.code  # the list's own choice filter (its kind or status)
    elif definition.code:
        split_by = definition.key.split(".")[0].rsplit("_by_", 1)[1]  # suggestions_by_source → source
        filters.update(extra=[getattr(spec.model, split_by) == definition.code], label=definition.label)
    if definition.key == "rectifications_overdue":
        filters["choice"] = lists.OVERDUE
    extra = _EXTRA.get(definition.key)
    if extra is not None:
        condition, label = extra(scope)
        filters.update(extra=[condition], label=label)
    return ListRequest(key, filters, definition.key)


# The figures whose value is not a number of rows of the list they open (that list gives their context).
NOT_ROWS = frozenset({
    "expected", "attended", "late", "leave", "absent", "notes_characters", "notes_authors", "notes_least",
    "writing_authors", "leaders", "leader_reports_least", "villages", "villages_covered", "suggestion_items",
    "suggestion_categories"})

_EXTRA = {
    "attendance_recorded": lambda scope: (counting.recorded_condition(),
                                          translate("Overview", "attendance recorded")),
    "attendance_unrecorded": lambda scope: (~counting.recorded_condition(),
                                            translate("Overview", "attendance not recorded")),
    "writings_checked": lambda scope: (r.Writing.checked_on.is_null(False), translate("Overview", "checked")),
    "leader_reports": lambda scope: ((r.Writing.kind == "research_report") & r.Writing.person.in_(
        counting.leaders(scope)), translate("Overview", "research reports of the leadership")),
    "households_visited": lambda scope: (~overview.unvisited_condition(scope),
                                         translate("Overview", "visited")),
    "coverage_rate": lambda scope: (~overview.unvisited_condition(scope), translate("Overview", "visited")),
    "households_unvisited": lambda scope: (overview.unvisited_condition(scope),
                                           translate("Overview", "not visited")),
    "suggestion_items": lambda scope: (r.Suggestion.item.is_null(False), translate("Overview", "merged")),
    "suggestions_answered": lambda scope: (r.Suggestion.status.in_(vocab.SUGGESTION_ANSWERED),
                                           translate("Overview", "answered")),
    "suggestions_adopted": lambda scope: (r.Suggestion.status.in_(("adopted", "partly")),
                                          translate("Overview", "adopted")),
    "suggestions_open": lambda scope: (r.Suggestion.status.in_(vocab.SUGGESTION_OPEN),
                                       translate("Overview", "not yet answered")),
    "rectifications_open": lambda scope: (r.Rectification.status.in_(vocab.RECTIFICATION_OPEN),
                                          translate("Overview", "not finished")),
}


class FigureBox(QGroupBox):
    """The figures by topic, a line of buttons each; a topic of many kinds wraps."""

    list_requested = Signal(object)  # ListRequest

    PER_LINE = 6

    def __init__(self, parent: QWidget | None = None):
        super().__init__(translate("Overview", "Figures"), parent)
        self.grid = QGridLayout(self)
        self.buttons: list[FigureButton] = []

    def show_figures(self, f: figures.Figures, scope: Scope) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # at once: deleted later, it would be drawn under the new figures meanwhile
                widget.deleteLater()
        self.buttons = []
        for row, (topic, entries) in enumerate(figure_topics(f, scope)):
            title = QLabel(topic)
            title.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(self._line(entries), row, 1)
        self.grid.setColumnStretch(1, 1)

    def _line(self, entries: list[tuple[str, str, ListRequest]]) -> QWidget:
        """The buttons of one topic, PER_LINE to a line, each line as wide as its own buttons (a wide rate
        does not widen the buttons above it)."""
        cell = QWidget()
        lines = QVBoxLayout(cell)
        lines.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        for index, (value, label, request) in enumerate(entries):
            if index and index % self.PER_LINE == 0:
                line.addStretch(1)
                lines.addLayout(line)
                line = QHBoxLayout()
            button = FigureButton()
            button.show_figure(value, label, request)
            button.clicked.connect(lambda _c=False, b=button: self._on_figure_clicked(b))
            line.addWidget(button)
            self.buttons.append(button)
        line.addStretch(1)
        lines.addLayout(line)
        return cell

    def _on_figure_clicked(self, button: FigureButton) -> None:
        if button.request is not None:
            self.list_requested.emit(button.request)
