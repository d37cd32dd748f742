"""The radar of the PDF: reportlab's vector SpiderChart in the app's one radar style.

Same look as the screen radar (`ui.widgets.radar`) through `core.chart_style`: pillars clockwise from
12 o'clock in framework order, a fixed 0–5 scale with a ring per level (never fitted to the data),
current filled, target dashed, the previous year grey. A missing value is drawn at the centre and
named in the caption by the caller.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors

from ..core import chart_style
from .fonts import REGULAR, register_fonts


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float | None, ...]
    colour: str
    dashed: bool = False
    filled: bool = False


class FixedScaleSpiderChart(SpiderChart):
    """SpiderChart scales to the data maximum; ours always maps SCALE_MIN..SCALE_MAX to the full radius."""

    def normalizeData(self, outer=0.0):
        self._norm = chart_style.SCALE_MAX
        span = chart_style.SCALE_MAX - chart_style.SCALE_MIN
        return [[(v - chart_style.SCALE_MIN) / span for v in row] for row in self.data]


def radar_drawing(axis_labels: list[str], series: list[Series], width: float, height: float = 215) -> Drawing:
    """A Drawing with the radar on the left and its legend on the right."""
    register_fonts()
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR  # the renderer would otherwise select Helvetica, which is never embedded
    radius = min(height / 2 - 22, width * 0.22)
    cx, cy = radius + 70, height / 2
    chart = FixedScaleSpiderChart()
    chart.x, chart.y = cx - radius, cy - radius
    chart.width = chart.height = 2 * radius
    chart.startAngle, chart.direction = 90, "clockwise"
    rings = [[float(r)] * len(axis_labels) for r in chart_style.RINGS]
    drawn = list(reversed(series))  # the first series (this assessment) is drawn last, on top
    chart.data = rings + [[chart_style.clip_score(v) for v in s.values] for s in drawn]
    chart.labels = axis_labels
    grid = colors.HexColor(chart_style.GRID)
    for i in range(len(rings)):
        chart.strands[i].strokeColor = grid
        chart.strands[i].strokeWidth = 0.5
        chart.strands[i].fillColor = None
    for offset, s in enumerate(drawn, start=len(rings)):
        colour = colors.HexColor(s.colour)
        strand = chart.strands[offset]
        strand.strokeColor = colour
        strand.strokeWidth = 1.6
        strand.strokeDashArray = (4, 2) if s.dashed else None
        strand.fillColor = colors.Color(colour.red, colour.green, colour.blue, alpha=0.18) if s.filled else None
    chart.spokes.strokeColor = grid
    chart.spokes.strokeWidth = 0.5
    chart.spokes.labelRadius = 1.12
    chart.spokeLabels.fontName = REGULAR
    chart.spokeLabels.fontSize = 8
    chart.spokeLabels.fillColor = colors.HexColor(chart_style.TEXT)
    chart.strandLabels.format = None
    drawing.add(chart)
    _vertex_marks(drawing, series, cx, cy, radius)
    # ring values along the 12 o'clock spoke
    for ring in chart_style.RINGS:
        r = radius * (ring - chart_style.SCALE_MIN) / (chart_style.SCALE_MAX - chart_style.SCALE_MIN)
        drawing.add(String(cx + 3, cy + r - 8, str(ring), fontName=REGULAR, fontSize=6.5, fillColor=grid))
    _legend(drawing, series, x=cx + radius + 60, top=cy + 30)
    return drawing


def _vertex_marks(drawing: Drawing, series: list[Series], cx: float, cy: float, radius: float) -> None:
    """A dot on every vertex; a hollow ring where the value is missing (drawn at the centre)."""
    span = chart_style.SCALE_MAX - chart_style.SCALE_MIN
    for s in reversed(series):
        colour = colors.HexColor(s.colour)
        for i, value in enumerate(s.values):
            angle = math.pi / 2 - 2 * math.pi * i / len(s.values)
            r = radius * (chart_style.clip_score(value) - chart_style.SCALE_MIN) / span
            x, y = cx + r * math.cos(angle), cy + r * math.sin(angle)
            if value is None:
                drawing.add(Circle(x, y, 3.2, fillColor=colors.white, strokeColor=colour, strokeWidth=1.2))
            else:
                drawing.add(Circle(x, y, 1.9, fillColor=colour, strokeColor=None))


def _legend(drawing: Drawing, series: list[Series], x: float, top: float) -> None:
    for i, s in enumerate(series):
        y = top - i * 16
        colour = colors.HexColor(s.colour)
        if s.filled:
            fill = colors.Color(colour.red, colour.green, colour.blue, alpha=0.18)
            drawing.add(Rect(x, y - 4, 18, 8, fillColor=fill, strokeColor=None))
        drawing.add(
            Line(x, y, x + 18, y, strokeColor=colour, strokeWidth=1.6, strokeDashArray=(4, 2) if s.dashed else None)
        )
        drawing.add(
            String(x + 24, y - 3, s.label, fontName=REGULAR, fontSize=8, fillColor=colors.HexColor(chart_style.TEXT))
        )
