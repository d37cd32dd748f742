"""The radar draws what it is given, on the fixed scale, in the fixed order."""

import math

import pytest

from smartcity_assess.core import chart_style
from smartcity_assess.ui.widgets.radar import RadarSeries, RadarWidget, axis_angle, polygon_points


@pytest.fixture
def radar(qtbot):
    widget = RadarWidget()
    qtbot.addWidget(widget)
    widget.set_axes(["Government", "Infrastructure", "Wi-Fi", "Community"])
    return widget


def test_first_axis_at_twelve_and_clockwise():
    assert axis_angle(0, 4) == pytest.approx(math.pi / 2)
    xs, ys = polygon_points((1.0, 2.0, 3.0, 4.0))
    # 12 o'clock, then 3 o'clock (clockwise), 6 o'clock, 9 o'clock; closed
    assert (xs[0], ys[0]) == pytest.approx((0, 1))
    assert (xs[1], ys[1]) == pytest.approx((2, 0))
    assert (xs[2], ys[2]) == pytest.approx((0, -3))
    assert (xs[3], ys[3]) == pytest.approx((-4, 0))
    assert (xs[4], ys[4]) == pytest.approx((xs[0], ys[0]))


def test_polygon_radii_equal_values(radar):
    current = RadarSeries("2026", (3.25, 4.0, 2.5, 1.75), chart_style.CURRENT, filled=True)
    target = RadarSeries("Target", (4.0, 4.0, 4.0, 4.0), chart_style.TARGET, dashed=True)
    radar.set_series([current, target])
    assert radar.series() == [current, target]
    assert radar.drawn_radii(0) == pytest.approx([3.25, 4.0, 2.5, 1.75])
    assert radar.drawn_radii(1) == pytest.approx([4.0] * 4)


def test_scale_is_fixed_and_missing_values_sit_at_zero_marked(radar):
    radar.set_series([RadarSeries("x", (7.0, None, -1.0, 5.0), chart_style.CURRENT)])
    assert radar.drawn_radii(0) == pytest.approx([chart_style.SCALE_MAX, 0, 0, 5.0])
    labels = [item.toPlainText() for item in radar._axis_labels]
    assert labels[1] == "Infrastructure\n(no score)"
    assert labels[0] == "Government"
    view = radar._plot.getViewBox().viewRange()
    assert view[0][0] < -chart_style.SCALE_MAX and view[0][1] > chart_style.SCALE_MAX


def test_fewer_series_hide_the_rest(radar):
    radar.set_series([RadarSeries("a", (1, 1, 1, 1), "#000000"), RadarSeries("b", (2, 2, 2, 2), "#111111")])
    radar.set_series([RadarSeries("a", (1, 2, 3, 4), "#000000")])
    assert len(radar.series()) == 1
    assert not radar._items[1].outline.isVisible()


def test_wrong_number_of_values_is_refused(radar):
    with pytest.raises(ValueError):
        radar.set_series([RadarSeries("a", (1, 2), "#000000")])


def test_mouse_cannot_pan_or_zoom(radar):
    state = radar._plot.getViewBox().state
    assert state["mouseEnabled"] == [False, False]
    assert state["aspectLocked"]


def label_rects(radar):
    """Where each axis label and the chart area are on screen, after a real paint."""
    radar.grab()  # labels take their on-screen size and place when painted
    view = radar._plot.getViewBox().sceneBoundingRect()
    return view, [item.textItem.mapRectToScene(item.textItem.boundingRect()) for item in radar._axis_labels]


@pytest.mark.parametrize("size", [(300, 260), (420, 330), (900, 460)])
def test_axis_labels_always_fit_inside_the_chart(qtbot, size):
    radar = RadarWidget()
    qtbot.addWidget(radar)
    radar.resize(*size)
    radar.set_axes(["Government", "Infrastruktur", "Wi-Fi Publik", "Komunitas & Inklusi Digital"])
    radar.set_series([RadarSeries("2026", (None, None, 2.0, None), chart_style.CURRENT)])
    radar.show()
    qtbot.waitExposed(radar)
    view, labels = label_rects(radar)
    for rect in labels:
        assert view.contains(rect), (rect, view)
    rings = radar._plot.getViewBox().viewRange()
    assert rings[0][1] > chart_style.SCALE_MAX and rings[1][1] > chart_style.SCALE_MAX  # the 5 ring is whole
