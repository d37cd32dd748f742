"""The trend chart: a year without a score is a gap in the line, never a point at zero."""

import math

import pyqtgraph as pg
import pytest

from smartcity_assess.ui.widgets.trend import TrendSeries, TrendWidget


@pytest.fixture
def trend(qtbot):
    widget = TrendWidget()
    qtbot.addWidget(widget)
    return widget


def curves(trend):
    return [item for item in trend.plot_item().listDataItems() if isinstance(item, pg.PlotDataItem)]


def test_missing_year_is_a_gap(trend):
    trend.set_data(["2023", "2024", "2025"], [TrendSeries("Overall", (2.0, None, 3.0), "#000000")])
    (line,) = curves(trend)
    xs, ys = line.getData()
    assert list(xs) == [0, 1, 2]
    assert ys[0] == 2.0 and math.isnan(ys[1]) and ys[2] == 3.0


def test_never_scored_series_keeps_its_legend_entry(trend):
    trend.set_data(["2025", "2026"], [TrendSeries("Wi-Fi", (None, None), "#009E73")], drafts={1})
    (line,) = curves(trend)
    assert line.name() == "Wi-Fi"
    assert line.getData() == (None, None) or len(line.getData()[0]) == 0


def test_values_must_match_labels(trend):
    with pytest.raises(ValueError):
        trend.set_data(["2025"], [TrendSeries("x", (1.0, 2.0), "#000000")])


@pytest.mark.parametrize("width", [260, 420, 900])
def test_the_legend_wraps_to_fit_and_stays_above_the_five_line(qtbot, width):
    from PySide6.QtCore import QPointF

    trend = TrendWidget()
    qtbot.addWidget(trend)
    trend.resize(width, 260)
    names = ["Keseluruhan", "Pemerintahan", "Infrastruktur", "Cakupan Wi-Fi", "Masyarakat"]
    trend.set_data(["2023", "2024", "2026 (draf)"], [TrendSeries(n, (2.0, 3.0, 4.0), "#000000") for n in names])
    trend.show()
    qtbot.waitExposed(trend)
    trend.grab()
    view_box = trend.plot_item().getViewBox()
    legend = trend._legend.sceneBoundingRect()
    assert view_box.sceneBoundingRect().contains(legend), (legend, view_box.sceneBoundingRect())
    assert legend.bottom() <= view_box.mapViewToScene(QPointF(0, 5)).y()  # no line hidden under it
    if width >= 900:
        assert trend.legend_rows() == 1
