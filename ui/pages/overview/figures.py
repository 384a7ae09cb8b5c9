"""The overview's figures: every number the summary quotes, each a button that opens its records.

The numbers are those of ``models.figures`` — the very ones the statistics
sheet and the summary print; here they are only arranged by topic and given
the list (with its filters) that shows the records behind each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QToolButton, QWidget

from models import figures, lists, overview, vocab
from models import records as r
from models.figures import Scope
from ui.common import translate


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


def figure_topics(f: figures.Figures, scope: Scope) -> list[tuple[str, list[tuple[str, str, ListRequest]]]]:
    """Every figure the summary quotes, by topic: (value, label, the list it opens)."""
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
                widget.deleteLater()
        self.buttons = []
        for row, (topic, entries) in enumerate(figure_topics(f, scope)):
            title = QLabel(topic)
            title.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(self._line(entries), row, 1)
        self.grid.setColumnStretch(1, 1)

    def _line(self, entries: list[tuple[str, str, ListRequest]]) -> QWidget:
        cell = QWidget()
        lines = QGridLayout(cell)
        lines.setContentsMargins(0, 0, 0, 0)
        for index, (value, label, request) in enumerate(entries):
            button = FigureButton()
            button.show_figure(value, label, request)
            button.clicked.connect(lambda _c=False, b=button: self._on_figure_clicked(b))
            lines.addWidget(button, index // self.PER_LINE, index % self.PER_LINE)
            self.buttons.append(button)
        lines.setColumnStretch(self.PER_LINE, 1)
        return cell

    def _on_figure_clicked(self, button: FigureButton) -> None:
        if button.request is not None:
            self.list_requested.emit(button.request)
