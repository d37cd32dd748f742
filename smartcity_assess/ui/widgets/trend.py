"""Scores over the years as lines (pyqtgraph): the overall score and each pillar, on the fixed 0–5 scale.

A year without a score leaves a gap in its line (never a drop to zero); a draft year is marked in the
axis label and drawn with hollow points. The legend sits inside the plot, so exported PNG/SVG files carry it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...core import chart_style
from .plotting import pg

LEGEND_OFFSET = (8, 4)  # pixels from the plot's top-left corner
MIN_HEADROOM = 0.3  # above the 5 line even without a legend, so the "5" tick label is whole
MAX_HEADROOM = 10.0  # twice the scale: the legend never takes more than two thirds of a tiny plot


@dataclass(frozen=True)
class TrendSeries:
    label: str
    values: tuple[float | None, ...]  # one per x label; None = not assessed
    colour: str
    width: float = 2.0


class TrendWidget(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._series: list[TrendSeries] = []
        self._labels: list[str] = []
        self._drafts: set[int] = set()
        self._plot_widget = pg.PlotWidget(parent=self, background="w")
        self._plot_widget.setMinimumSize(260, 200)
        plot = self._plot = self._plot_widget.getPlotItem()
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(y=True, alpha=0.25)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(chart_style.GRID))
            axis.setTextPen(pg.mkPen(chart_style.TEXT))
        plot.getAxis("left").setTicks([[(v, str(v)) for v in range(chart_style.SCALE_MIN, chart_style.SCALE_MAX + 1)]])
        self._plot_widget.wheelEvent = lambda event: event.ignore()  # the scale is fixed
        self._legend = plot.addLegend(offset=LEGEND_OFFSET, colCount=5, labelTextColor=chart_style.TEXT, frame=False)
        self._headroom = 1.0
        # the legend wraps into rows as the plot narrows, and the scale leaves room above 5 for those rows
        plot.getViewBox().sigResized.connect(lambda *_: self._fit_legend())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._plot_widget)
        self._apply_range()

    def plot_item(self) -> pg.PlotItem:
        """The pyqtgraph item that exporters render (legend included)."""
        return self._plot

    def set_data(self, labels: list[str], series: list[TrendSeries], drafts: set[int] | None = None) -> None:
        """x labels (years) and one line per series; `drafts` are the indexes of draft years."""
        for s in series:
            if len(s.values) != len(labels):
                raise ValueError(f"series {s.label!r} has {len(s.values)} values for {len(labels)} labels")
        self._labels, self._series, self._drafts = list(labels), list(series), set(drafts or ())
        plot = self._plot
        plot.clear()  # also empties the legend
        plot.getAxis("bottom").setTicks([list(enumerate(self._labels))])
        xs = list(range(len(self._labels)))
        for s in self._series:
            ys = [math.nan if v is None else v for v in s.values]
            # a series never scored keeps its legend entry but draws nothing (pyqtgraph cannot bound all-NaN data)
            line_xs, line_ys = (xs, ys) if any(not math.isnan(y) for y in ys) else ([], [])
            size = 7 if s.width <= 2 else 9
            z = 2 if s.width > 2 else 1
            line = plot.plot(
                line_xs,
                line_ys,
                pen=pg.mkPen(s.colour, width=s.width),
                symbol="o",
                symbolSize=size,
                symbolPen=pg.mkPen(s.colour, width=1.5),
                symbolBrush=pg.mkBrush(s.colour),  # one brush, so the legend sample shows the series colour
                connect="finite",  # a missing year is a gap, not a fall to zero
                name=s.label,
                antialias=True,
            )
            line.setZValue(z)
            # draft years: hollow points drawn over the filled ones (unnamed, so not in the legend)
            drafts = [i for i in sorted(self._drafts) if not math.isnan(ys[i])]
            if drafts:
                hollow = pg.ScatterPlotItem(
                    [xs[i] for i in drafts],
                    [ys[i] for i in drafts],
                    symbol="o",
                    size=size,
                    pen=pg.mkPen(s.colour, width=1.5),
                    brush=pg.mkBrush("#FFFFFF"),
                )
                hollow.setZValue(z + 0.5)
                plot.addItem(hollow)
        self._fit_legend()

    def series(self) -> list[TrendSeries]:
        return list(self._series)

    def labels(self) -> list[str]:
        return list(self._labels)

    def legend_rows(self) -> int:
        return math.ceil(len(self._legend.items) / self._legend.columnCount) if self._legend.items else 0

    def _fit_legend(self) -> None:
        """As many legend columns as the plot's width holds, and room above the 5 line for the rows."""
        view_box = self._plot.getViewBox()
        width, height = view_box.width(), view_box.height()
        entries = len(self._legend.items)
        if entries and width > 0:
            for columns in range(entries, 0, -1):
                self._legend.setColumnCount(columns)
                if self._legend.width() <= width - 2 * LEGEND_OFFSET[0]:
                    break
        needed = self._legend.height() + 2 * LEGEND_OFFSET[1] if entries else 0.0
        span = chart_style.SCALE_MAX - chart_style.SCALE_MIN + 0.15
        # headroom h (in scale units) shows needed pixels when h · height / (span + h) >= needed
        if needed and height > needed:
            self._headroom = min(max(span * needed / (height - needed), MIN_HEADROOM), MAX_HEADROOM)
        else:
            self._headroom = MAX_HEADROOM if needed else MIN_HEADROOM
        self._apply_range()

    def _apply_range(self) -> None:
        count = max(len(self._labels), 1)
        self._plot.setRange(
            xRange=(-0.4, count - 0.6),
            yRange=(chart_style.SCALE_MIN - 0.15, chart_style.SCALE_MAX + self._headroom),  # room for the 0 label
            padding=0,
        )
