"""Charts to PNG or SVG, legend included, exactly as laid out on screen.

Both are drawn the same way: the plot's part of the scene rendered with Qt (into a QImage at twice the
screen size, or a QSvgGenerator), with pyqtgraph's export mode on so items paint vectors rather than cached
pixmaps. pyqtgraph's own exporters are not used as they are: its SVGExporter fails on every plot with
Qt 6.11 (Qt now closes paths with "Z", which its coordinate rewriting cannot parse; pyqtgraph issue
#3485), and its ImageExporter scales points and axis text but not legend text or line widths.

The radar keeps its legend as Qt widgets below the plot (outside the exported scene), so for an export
a pyqtgraph legend is put in the plot for the time of the export, then removed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPaintDevice, QPainter
from PySide6.QtSvg import QSvgGenerator

from ..core import chart_style
from ..core.errors import UserError
from ..files import write_bytes
from .widgets.plotting import pg
from .widgets.radar import RadarWidget

CHART_SUFFIXES = (".png", ".svg")
PNG_SCALE = 2  # twice the on-screen size: sharp enough for a printed page
BACKGROUND = "#FFFFFF"


def export_plot(plot: pg.PlotItem, path: str | Path) -> Path:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise UserError(
            QCoreApplication.translate("ChartExport", "{name}: use a .png or .svg file").format(name=path.name)
        )
    source = plot.sceneBoundingRect()
    # drawn into memory, then written through atomic_write: a failed or killed export keeps the old file
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if suffix == ".png":
        size = QSize(round(source.width() * PNG_SCALE), round(source.height() * PNG_SCALE))
        image = QImage(size, QImage.Format.Format_ARGB32)
        _render(plot, image, QRectF(0, 0, size.width(), size.height()))
        drawn = image.save(buffer, "PNG")
    else:
        target = QRectF(0, 0, source.width(), source.height())
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(target.size().toSize())
        generator.setViewBox(target)
        # the screen's resolution, not QSvgGenerator's 72 dpi: pyqtgraph sizes pens, points and clipping in
        # device pixels, and another resolution shifts the data against the axes
        views = plot.scene().views()
        if views:
            generator.setResolution(views[0].logicalDpiX())
        _render(plot, generator, target)
        drawn = buffer.size() > 0
    buffer.close()
    try:
        if not drawn:  # QImage.save and QSvgGenerator do not raise: they only fail to draw
            raise OSError(0, QCoreApplication.translate("ChartExport", "the chart could not be drawn"))
        write_bytes(path, bytes(buffer.data()))
    except OSError as exc:
        raise UserError(
            QCoreApplication.translate("ChartExport", "{path}: cannot write the file ({reason})").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    return path


def _render(plot: pg.PlotItem, device: QPaintDevice, target: QRectF) -> None:
    mode = pg.exporters.SVGExporter(plot)  # used only to switch the items' export mode on and off
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    mode.setExportMode(True, {"painter": painter, "antialias": True, "background": QColor(BACKGROUND)})
    try:
        painter.fillRect(target, QColor(BACKGROUND))  # the white background belongs to the view, not the scene
        plot.scene().render(painter, target, plot.sceneBoundingRect())
    finally:
        mode.setExportMode(False)
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
