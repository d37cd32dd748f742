"""Charts to PNG (pyqtgraph's ImageExporter) or SVG (Qt's QSvgGenerator), legend included.

pyqtgraph 0.14's SVGExporter fails on every plot with Qt 6.11 (Qt now closes paths with "Z", which its
coordinate rewriting cannot parse; pyqtgraph issue #3485), so SVG is written by rendering the plot's part
of the scene into a QSvgGenerator — vector output all the same.

The radar keeps its legend as Qt widgets below the plot (outside the exported scene), so for an export
a pyqtgraph legend is put in the plot for the time of the export, then removed.
"""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters  # registers pg.exporters
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtSvg import QSvgGenerator

from ..core import chart_style
from ..core.errors import UserError
from .widgets.radar import RadarWidget

CHART_SUFFIXES = (".png", ".svg")
PNG_WIDTH = 1600  # pixels: sharp enough for a printed report page


def export_plot(plot: pg.PlotItem, path: str | Path) -> Path:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise UserError(f"{path.name}: use a .png or .svg file")
    try:
        if suffix == ".png":
            exporter = pg.exporters.ImageExporter(plot)
            exporter.parameters()["width"] = PNG_WIDTH
            exporter.export(str(path))
        else:
            _write_svg(plot, path)
    except OSError as exc:
        raise UserError(f"{path}: cannot write the file ({exc.strerror or exc})") from None
    if not path.exists():  # ImageExporter reports a failed save only through its return value
        raise UserError(f"{path}: cannot write the file")
    return path


def _write_svg(plot: pg.PlotItem, path: Path) -> None:
    source = plot.sceneBoundingRect()
    target = QRectF(0, 0, source.width(), source.height())
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(target.size().toSize())
    generator.setViewBox(target)
    painter = QPainter(generator)
    try:
        painter.fillRect(target, QColor("#FFFFFF"))  # the white background belongs to the view, not the scene
        plot.scene().render(painter, target, source)
    finally:
        painter.end()


def radar_plot(radar: RadarWidget) -> pg.PlotItem:
    return radar.findChild(pg.PlotWidget).getPlotItem()


def export_radar(radar: RadarWidget, path: str | Path) -> Path:
    plot = radar_plot(radar)
    # no background or frame: pyqtgraph's SVG exporter cannot parse the closed path ("Z") they are drawn with
    legend = pg.LegendItem(offset=(8, 8), labelTextColor=chart_style.TEXT)
    legend.setParentItem(plot.getViewBox())
    samples = []
    for series in radar.series():
        style = Qt.PenStyle.DashLine if series.dashed else Qt.PenStyle.SolidLine
        sample = pg.PlotDataItem(pen=pg.mkPen(series.colour, width=2.5, style=style))
        samples.append(sample)
        legend.addItem(sample, series.label)
    try:
        return export_plot(plot, path)
    finally:
        if legend.scene() is not None:
            legend.scene().removeItem(legend)
