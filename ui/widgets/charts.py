"""A bar chart painted with QPainter: grouped or stacked, upright or lying.

Every chart of the overview is a bar chart. Qt Charts would draw them too,
but it ships only in PySide6-Addons, which adds about 420 MB to the install
(measured: PySide6 229 MB → 651 MB) for four bar charts; this widget is a
couple of hundred lines and draws exactly what the page needs. A click on a
bar reports which category and series it was; ``save_png`` writes the chart
for a slide or a report.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

PALETTE = ("#1f5fa8", "#e07b20", "#2e9a4a", "#c0392b", "#7d4fa8", "#8c6d3f", "#d462a6", "#5d6d7e",
           "#b7950b", "#17a2b8")
HIGHLIGHT = QColor("#c0392b")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    color: str = ""


class BarChart(QWidget):
    """Bars for ``categories``, one per series (side by side or stacked)."""

    bar_clicked = Signal(int, int)  # category index, series index

    def __init__(self, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.stacked = False
        self.horizontal = False
        self.percent = False  # values are shares: axis 0–100 %
        self.target: float | None = None  # a line the bars should reach; bars below stand out
        self.empty_text = ""
        self._bars: list[tuple[QRectF, int, int]] = []
        self.setMouseTracking(True)
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, categories: list[str], series: list[Series], *, stacked: bool = False,
                 horizontal: bool = False, percent: bool = False, target: float | None = None) -> None:
        self.categories = list(categories)
        self.series = [s if s.color else Series(s.name, s.values, PALETTE[i % len(PALETTE)])
                       for i, s in enumerate(series)]
        self.stacked, self.horizontal, self.percent, self.target = stacked, horizontal, percent, target
        if horizontal:
            self.setMinimumHeight(max(220, 60 + 18 * len(self.categories)))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, self.minimumHeight() if self.horizontal else 300)

    # --- geometry ---------------------------------------------------------------------------

    def _maximum(self) -> float:
        if self.percent:
            return 1.0
        if not self.categories or not self.series:
            return 1.0
        if self.stacked:
            top = max(sum(s.values[i] for s in self.series) for i in range(len(self.categories)))
        else:
            top = max(max(s.values) for s in self.series)
        return _nice(max(top, 1))

    def _label(self, value: float) -> str:
        return f"{value * 100:.0f}%" if self.percent else f"{value:g}"

    # --- painting ---------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(0, 4, self.width(), line + 4), Qt.AlignmentFlag.AlignCenter, self.title)
        painter.setFont(self.font())
        legend_height = self._paint_legend(painter, metrics, line + 8)
        top = line + 12 + legend_height
        self._bars = []
        if not self.categories or not self.series:
            painter.drawText(QRectF(0, top, self.width(), self.height() - top),
                             Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        if self.horizontal:
            self._paint_horizontal(painter, metrics, top)
        else:
            self._paint_upright(painter, metrics, top)

    def _paint_legend(self, painter: QPainter, metrics: QFontMetrics, y: float) -> float:
        if len(self.series) < 2:
            return 0
        x, row = 8.0, 0
        for series in self.series:
            width = 16 + metrics.horizontalAdvance(series.name) + 14
            if x + width > self.width() - 8:
                x, row = 8.0, row + 1
            top = y + row * (metrics.height() + 2)
            painter.fillRect(QRectF(x, top + 3, 10, 10), QColor(series.color))
            painter.drawText(QPointF(x + 14, top + metrics.ascent()), series.name)
            x += width
        return (row + 1) * (metrics.height() + 2) + 4

    def _paint_upright(self, painter: QPainter, metrics: QFontMetrics, top: float) -> None:
        maximum = self._maximum()
        left = metrics.horizontalAdvance(self._label(maximum)) + 12
        bottom = self.height() - metrics.height() * 2 - 6
        plot = QRectF(left, top, self.width() - left - 10, bottom - top)
        self._paint_value_axis(painter, metrics, plot, maximum, vertical=True)
        slot = plot.width() / len(self.categories)
        groups = 1 if self.stacked else len(self.series)
        bar = max(2.0, slot * 0.7 / groups)
        for i, name in enumerate(self.categories):
            x0 = plot.left() + slot * i + slot * 0.15
            base = plot.bottom()
            for j, series in enumerate(self.series):
                height = plot.height() * series.values[i] / maximum
                x = x0 if self.stacked else x0 + bar * j
                rect = QRectF(x, base - height, bar, height)
                painter.fillRect(rect, self._color(series, i))
                self._bars.append((rect, i, j))
                if self.stacked:
                    base -= height
            painter.drawText(QRectF(plot.left() + slot * i, plot.bottom() + 2, slot, metrics.height() * 2),
                             Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(slot * 2)))

    def _paint_horizontal(self, painter: QPainter, metrics: QFontMetrics, top: float) -> None:
        maximum = self._maximum()
        left = min(max(metrics.horizontalAdvance(name) for name in self.categories) + 10,
                   self.width() // 3)
        plot = QRectF(left, top, self.width() - left - 16, self.height() - top - metrics.height() - 8)
        self._paint_value_axis(painter, metrics, plot, maximum, vertical=False)
        slot = plot.height() / len(self.categories)
        bar = max(2.0, slot * 0.72 / (1 if self.stacked else len(self.series)))
        for i, name in enumerate(self.categories):
            y0 = plot.top() + slot * i + slot * 0.14
            start = plot.left()
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, plot.top() + slot * i, left - 6, slot),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(left - 6)))
            for j, series in enumerate(self.series):
                width = plot.width() * series.values[i] / maximum
                y = y0 if self.stacked else y0 + bar * j
                rect = QRectF(start, y, width, bar)
                painter.fillRect(rect, self._color(series, i))
                self._bars.append((rect, i, j))
                if self.stacked:
                    start += width
        if self.target is not None:
            x = plot.left() + plot.width() * self.target / maximum
            painter.setPen(QPen(HIGHLIGHT, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))

    def _paint_value_axis(self, painter: QPainter, metrics: QFontMetrics, plot: QRectF, maximum: float,
                          vertical: bool) -> None:
        grid = QColor(self.palette().mid().color())
        grid.setAlpha(90)
        for step in range(5):
            value = maximum * step / 4
            painter.setPen(QPen(grid, 1))
            if vertical:
                y = plot.bottom() - plot.height() * step / 4
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                painter.setPen(self.palette().text().color())
                painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                                 Qt.AlignmentFlag.AlignRight, self._label(value))
            else:
                x = plot.left() + plot.width() * step / 4
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
                painter.setPen(self.palette().text().color())
                painter.drawText(QRectF(x - 30, plot.bottom() + 2, 60, metrics.height()),
                                 Qt.AlignmentFlag.AlignHCenter, self._label(value))

    def _color(self, series: Series, category: int) -> QColor:
        if self.target is not None and len(self.series) == 1 and series.values[category] < self.target:
            return HIGHLIGHT
        return QColor(series.color)

    # --- interaction ------------------------------------------------------------------------------

    def _bar_at(self, position: QPointF) -> tuple[int, int] | None:
        for rect, category, series in self._bars:
            if rect.adjusted(-1, -1, 1, 1).contains(position):
                return category, series
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self._bar_at(event.position())
        if found is None:
            QToolTip.hideText()
            self.unsetCursor()
            return
        category, series = found
        value = self.series[series].values[category]
        name = self.series[series].name
        QToolTip.showText(event.globalPosition().toPoint(),
                          f"{self.categories[category]}{' · ' + name if name else ''}：{self._label(value)}",
                          self)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        found = self._bar_at(event.position())
        if found is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(*found)

    def save_png(self, path: str) -> bool:
        return self.grab().save(path, "PNG")


def _nice(value: float) -> float:
    """A round number at or above ``value`` for the top of the axis (1, 2, 2.5, 5 × 10ⁿ)."""
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude
