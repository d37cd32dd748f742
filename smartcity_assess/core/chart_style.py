"""One look for every chart, on screen (pyqtgraph) and in the PDF (reportlab).

Colours are the Okabe–Ito palette, safe for the common forms of colour blindness.
Pillars run clockwise from 12 o'clock in framework order; the scale is fixed, not fitted to the data,
so two radars can be compared by eye.
"""

SCALE_MIN = 0
SCALE_MAX = 5
RINGS = (1, 2, 3, 4, 5)

# role → hex colour
CURRENT = "#0072B2"  # blue
TARGET = "#E69F00"  # orange
PREVIOUS = "#999999"  # grey
# further series (comparisons of several years or cities), in order
SERIES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
GRID = "#BBBBBB"
TEXT = "#222222"


def clip_score(value: float | None) -> float:
    """A radius on the fixed scale: a missing value (no score) is drawn at the centre."""
    if value is None:
        return float(SCALE_MIN)
    return min(max(float(value), SCALE_MIN), SCALE_MAX)


def series_colour(index: int) -> str:
    return SERIES[index % len(SERIES)]
