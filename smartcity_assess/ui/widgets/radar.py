"""The one radar chart of the app (pyqtgraph has none: it is built from curves, polygons and text items).

Look, shared with the PDF through `core.chart_style`:
- axes in the order given (framework pillar order), clockwise from 12 o'clock;
- a fixed 0–5 scale with a ring per level, never fitted to the data, so two radars compare by eye;
- equal aspect, no mouse panning or zooming, no context menu.

Missing values (None, e.g. a pillar with no scored indicator yet) are drawn at 0 — the polygon
stays closed and honest about "nothing there" — and are marked twice: the vertex is a hollow
circle in the series colour and the axis label gets a second line "(no score)" when any series lacks it.

Axis labels keep their size in pixels while the chart scales, so the view is fitted to them on every
resize: the rings take what room the widest labels leave, and no label is ever cut at the edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap, QPolygonF, QTextOption
from PySide6.QtWidgets import QGraphicsPolygonItem, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...core import chart_style
from .plotting import pg

LABEL_RADIUS = chart_style.SCALE_MAX * 1.12
LABEL_MARGIN_PX = 4  # between a label and the edge of the chart
SIDE_LABEL_SHARE = 0.5  # of the half width, at most, for a label left or right of the rings
MIN_LABEL_WIDTH_PX = 60
VIEW_HALF_WIDTH = chart_style.SCALE_MAX * 2.1  # room for axis labels, which do not scale with the view
VIEW_HALF_HEIGHT = chart_style.SCALE_MAX * 1.3
FILL_ALPHA = 50


@dataclass(frozen=True)
class RadarSeries:
    label: str
    values: tuple[float | None, ...]
    colour: str
    dashed: bool = False
    filled: bool = False


def axis_angle(index: int, count: int) -> float:
    """Angle in radians of axis `index`: the first at 12 o'clock, the rest clockwise."""
    return math.pi / 2 - 2 * math.pi * index / count


def polygon_points(values: tuple[float | None, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Closed polygon (first point repeated) for the values, clipped to the fixed scale, None as 0."""
    count = len(values)
    radii = [chart_style.clip_score(v) for v in values]
    xs = [r * math.cos(axis_angle(i, count)) for i, r in enumerate(radii)]
    ys = [r * math.sin(axis_angle(i, count)) for i, r in enumerate(radii)]
    if count:
        xs.append(xs[0])
        ys.append(ys[0])
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


class _SeriesItems:
    """The graphics items of one series: outline, optional fill, hollow markers for missing values."""

    def __init__(self, plot: pg.PlotItem):
        self.fill = QGraphicsPolygonItem()
        self.fill.setPen(QPen(Qt.PenStyle.NoPen))
        self.outline = pg.PlotCurveItem(antialias=True)
        self.missing = pg.ScatterPlotItem(symbol="o", size=9)
        for item in (self.fill, self.outline, self.missing):
            plot.addItem(item)

    def show(self, series: RadarSeries, z: int) -> None:
        xs, ys = polygon_points(series.values)
        style = Qt.PenStyle.DashLine if series.dashed else Qt.PenStyle.SolidLine
        self.outline.setData(xs, ys, pen=pg.mkPen(series.colour, width=2.5 if not series.dashed else 2, style=style))
        self.outline.setZValue(z + 1)
        colour = QColor(series.colour)
        colour.setAlpha(FILL_ALPHA)
        self.fill.setBrush(QBrush(colour))
        self.fill.setPolygon(QPolygonF([QPointF(x, y) for x, y in zip(xs, ys, strict=True)]))
        self.fill.setVisible(series.filled)
        self.fill.setZValue(z)
        gaps = [i for i, v in enumerate(series.values) if v is None]
        self.missing.setData(
            [xs[i] for i in gaps],
            [ys[i] for i in gaps],
            pen=pg.mkPen(series.colour, width=2),
            brush=pg.mkBrush("#FFFFFF"),
        )
        self.missing.setZValue(z + 2)
        self.set_visible(True)

    def set_visible(self, visible: bool) -> None:
        self.outline.setVisible(visible)
        self.missing.setVisible(visible)
        if not visible:
            self.fill.setVisible(False)

    def radii(self) -> list[float]:
        """Distances of the drawn vertices from the centre (without the closing point): what tests check."""
        xs, ys = self.outline.getData()
        return [math.hypot(x, y) for x, y in zip(xs[:-1], ys[:-1], strict=True)]


class _LegendEntry(QWidget):
    def __init__(self, series: RadarSeries, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        swatch = QLabel(self)
        swatch.setPixmap(_swatch(series))
        text = QLabel(series.label, self)
        layout.addWidget(swatch)
        layout.addWidget(text)


def _swatch(series: RadarSeries) -> QPixmap:
    pixmap = QPixmap(26, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(series.colour)
    if series.filled:
        fill = QColor(colour)
        fill.setAlpha(FILL_ALPHA)
        painter.fillRect(1, 1, 24, 10, fill)
    pen = QPen(colour, 2.5, Qt.PenStyle.DashLine if series.dashed else Qt.PenStyle.SolidLine)
    painter.setPen(pen)
    painter.drawLine(1, 6, 25, 6)
    painter.end()
    return pixmap


class RadarWidget(QWidget):
    """A radar of several series over the same axes, with a legend below."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._axes: list[str] = []
        self._series: list[RadarSeries] = []
        self._items: list[_SeriesItems] = []
        self._grid_items: list = []

        self._plot_widget = pg.PlotWidget(parent=self, background="w")
        self._plot_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._plot_widget.setMinimumSize(220, 200)
        plot = self._plot = self._plot_widget.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.getViewBox().setAspectLocked(True)
        plot.getViewBox().enableAutoRange(enable=False)
        plot.setRange(
            xRange=(-VIEW_HALF_WIDTH, VIEW_HALF_WIDTH), yRange=(-VIEW_HALF_HEIGHT, VIEW_HALF_HEIGHT), padding=0
        )
        self._plot_widget.wheelEvent = lambda event: event.ignore()  # no zoom: the scale is fixed
        plot.getViewBox().sigResized.connect(lambda *_: self._fit_view())

        self._legend = QWidget(self)
        self._legend_layout = QHBoxLayout(self._legend)
        self._legend_layout.setContentsMargins(4, 0, 4, 0)
        self._legend_layout.setSpacing(16)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._plot_widget, 1)
        layout.addWidget(self._legend, 0, Qt.AlignmentFlag.AlignHCenter)

    # ---- public API ---------------------------------------------------------------------------------

    def set_axes(self, labels: list[str]) -> None:
        """Axis labels in framework order; redraws the grid. Series must then have one value per axis."""
        self._axes = list(labels)
        self._draw_grid()
        self._draw_series()

    def set_series(self, series: list[RadarSeries]) -> None:
        for s in series:
            if len(s.values) != len(self._axes):
                raise ValueError(f"series {s.label!r} has {len(s.values)} values for {len(self._axes)} axes")
        changed_legend = [(s.label, s.colour, s.dashed, s.filled) for s in series] != [
            (s.label, s.colour, s.dashed, s.filled) for s in self._series
        ]
        self._series = list(series)
        self._draw_series()
        self._update_axis_labels()
        if changed_legend:
            self._rebuild_legend()

    def series(self) -> list[RadarSeries]:
        """The series as drawn (values before clipping), in drawing order."""
        return list(self._series)

    def axes(self) -> list[str]:
        return list(self._axes)

    def drawn_radii(self, index: int) -> list[float]:
        """The distances from the centre of series `index`'s drawn vertices, one per axis."""
        return self._items[index].radii()

    # ---- drawing ------------------------------------------------------------------------------------

    def _draw_grid(self) -> None:
        for item in self._grid_items:
            self._plot.removeItem(item)
        self._grid_items = []
        count = len(self._axes)
        if count == 0:
            return
        grid_pen = pg.mkPen(chart_style.GRID, width=1)
        for ring in chart_style.RINGS:
            xs, ys = polygon_points(tuple(float(ring) for _ in range(count)))
            self._add_grid(pg.PlotCurveItem(xs, ys, pen=grid_pen, antialias=True))
            label = pg.TextItem(str(ring), color=chart_style.GRID, anchor=(-0.15, 0.5))
            label.setPos(0, ring)
            self._add_grid(label)
        for i in range(count):
            angle = axis_angle(i, count)
            end = chart_style.SCALE_MAX
            self._add_grid(pg.PlotCurveItem([0, end * math.cos(angle)], [0, end * math.sin(angle)], pen=grid_pen))
            label = pg.TextItem("", color=chart_style.TEXT, anchor=_label_anchor(angle))
            label.setPos(LABEL_RADIUS * math.cos(angle), LABEL_RADIUS * math.sin(angle))
            self._add_grid(label)
        self._axis_labels = [item for item in self._grid_items if isinstance(item, pg.TextItem)][
            len(chart_style.RINGS) :
        ]
        self._update_axis_labels()

    def _add_grid(self, item) -> None:
        item.setZValue(-10)
        self._plot.addItem(item)
        self._grid_items.append(item)

    def _update_axis_labels(self) -> None:
        labels = getattr(self, "_axis_labels", [])
        changed = False
        for i, item in enumerate(labels):
            missing = any(s.values[i] is None for s in self._series)
            text = self._axes[i]
            if missing:  # on a line of its own: a long pillar name plus the remark would not fit beside the chart
                text += "\n" + self.tr("(no score)")
            if item.toPlainText() != text:  # re-setting a TextItem re-lays it out: costly on every redraw
                item.setText(text, color=chart_style.TEXT)
                _align_lines(item)
                changed = True
        if changed:
            self._fit_view()

    def _fit_view(self) -> None:
        """Scale the view so the rings are as large as the axis labels (fixed in pixels) allow, all inside."""
        view_box = self._plot.getViewBox()
        width, height = view_box.width(), view_box.height()
        if width <= 0 or height <= 0 or not self._axes:
            return
        half_w, half_h = width / 2 - LABEL_MARGIN_PX, height / 2 - LABEL_MARGIN_PX
        limits = [half_w / chart_style.SCALE_MAX, half_h / chart_style.SCALE_MAX]  # pixels per scale unit
        for i, item in enumerate(getattr(self, "_axis_labels", [])):
            angle = axis_angle(i, len(self._axes))
            cos, sin = math.cos(angle), math.sin(angle)
            # a label beside the chart may take half of its side; longer names wrap at word breaks
            _wrap(item, max(MIN_LABEL_WIDTH_PX, half_w * SIDE_LABEL_SHARE) if abs(cos) > 1e-9 else 2 * half_w)
            box = item.textItem.boundingRect()
            anchor_x, anchor_y = _label_anchor(angle)
            # the label's far edge, LABEL_RADIUS·scale out from the centre plus the text beyond its anchor
            if cos > 1e-9:
                limits.append((half_w - (1 - anchor_x) * box.width()) / (LABEL_RADIUS * cos))
            elif cos < -1e-9:
                limits.append((half_w - anchor_x * box.width()) / (LABEL_RADIUS * -cos))
            if sin > 1e-9:  # above the centre: the text rises anchor_y of its height above the anchor
                limits.append((half_h - anchor_y * box.height()) / (LABEL_RADIUS * sin))
            elif sin < -1e-9:
                limits.append((half_h - (1 - anchor_y) * box.height()) / (LABEL_RADIUS * -sin))
        scale = max(min(limits), 1.0)
        view_box.setRange(
            xRange=(-width / 2 / scale, width / 2 / scale), yRange=(-height / 2 / scale, height / 2 / scale), padding=0
        )

    def _draw_series(self) -> None:
        while len(self._items) < len(self._series):
            self._items.append(_SeriesItems(self._plot))
        for index, items in enumerate(self._items):
            if index < len(self._series) and self._axes:
                items.show(self._series[index], z=10 * index)
            else:
                items.set_visible(False)

    def _rebuild_legend(self) -> None:
        while self._legend_layout.count():
            widget = self._legend_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for s in self._series:
            self._legend_layout.addWidget(_LegendEntry(s, self._legend))


def _align_lines(item: pg.TextItem) -> None:
    """Line up a two-line label on the side it hangs from: left, centred, or right of its anchor."""
    anchor_x = item.anchor.x()
    alignment = (
        Qt.AlignmentFlag.AlignLeft
        if anchor_x < 0.25
        else Qt.AlignmentFlag.AlignRight
        if anchor_x > 0.75
        else Qt.AlignmentFlag.AlignHCenter
    )
    option = QTextOption(alignment)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    item.textItem.document().setDefaultTextOption(option)


def _wrap(item: pg.TextItem, max_width: float) -> None:
    """The label as wide as its longest line, but no wider than `max_width` (then it wraps)."""
    text_item = item.textItem
    text_item.setTextWidth(-1)
    text_item.setTextWidth(min(text_item.document().idealWidth(), max_width))
    item.updateTextPos()


def _label_anchor(angle: float) -> tuple[float, float]:
    """Anchor a label so it sits outside the ring whatever side of the chart it is on."""
    x, y = math.cos(angle), math.sin(angle)
    return (0.5 - 0.5 * _sign(x), 0.5 + 0.5 * _sign(y))


def _sign(value: float, tolerance: float = 1e-9) -> float:
    if abs(value) < tolerance:
        return 0.0
    return 1.0 if value > 0 else -1.0
